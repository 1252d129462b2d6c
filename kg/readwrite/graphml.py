"""Write and read the claims graph as GraphML that Gephi, igraph and networkx all accept.

networkx's own writer needs help for the graph built by ``kg``:

* attribute values may be ``None``, lists or dicts, which GraphML cannot hold:
  ``None`` is dropped, lists and dicts are written as compact JSON, and the
  graph attributes ``json_node_attributes`` and ``json_edge_attributes`` name
  the attributes written that way, so :func:`read_graphml` restores them;
* an attribute whose values have mixed types (``3`` here, ``"n/a"`` there) is
  written as a string everywhere, so every key declares exactly one type;
* characters that XML 1.0 forbids (``"\\x00"``, ``"\\x0b"``, ...) are removed
  from every string, and written as ``\\uXXXX`` in node ids, so that two ids that
  differ only by such a character stay two nodes;
* key ids are named (``node_type``, ``edge_type``) instead of ``d0, d1, ...``:
  Gephi treats the ids ``d3`` and ``d7`` as yEd label keys, and networkx's
  ``named_key_ids=True`` gives a node key and an edge key with the same name
  the same id;
* edges get no ``id``: networkx would write the multigraph key (``"said"``) as
  the id, which repeats, and Gephi drops every edge whose id it has already
  seen. The key travels in an edge attribute ``key`` instead, which
  ``networkx.read_graphml`` uses as the multigraph key when an edge has no id.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from kg.readwrite._atomic import atomic_open
from kg.readwrite._values import distinct_ids, flatten_attrs, restore_attrs, unify_types

__all__ = ["read_graphml", "write_graphml"]

_JSON_NODE_ATTRIBUTES = "json_node_attributes"
_JSON_EDGE_ATTRIBUTES = "json_edge_attributes"
# A GraphML key id is an XML NMTOKEN.
_NOT_NMTOKEN = re.compile(r"[^A-Za-z0-9_.-]")


def write_graphml(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write a graph as GraphML, atomically.

    Parameters
    ----------
    G : networkx.Graph
        The graph, normally the claims ``MultiDiGraph``. It is not modified.
    path : str or os.PathLike
        Output file. It is replaced only once the new file is complete, so an
        interrupted write leaves any previous file intact.

    Notes
    -----
    Values are cleaned as described in the module docstring. Multigraph
    keys are stored in the edge attribute ``key`` (any edge attribute of that
    name is overwritten); :func:`read_graphml` turns them back into keys.
    """
    writer = _GraphMLWriter(graph=_clean_graph(G))
    with atomic_open(path) as fh:
        writer.dump(fh)


def read_graphml(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a GraphML file written by :func:`write_graphml`.

    Parameters
    ----------
    path : str or os.PathLike
        The GraphML file.

    Returns
    -------
    networkx.MultiDiGraph
        The graph with its edge keys (``MultiGraph`` if the file is
        undirected), with lists and dicts as they were written.
    """
    G = nx.read_graphml(path, force_multigraph=True)
    node_lists = json.loads(G.graph.pop(_JSON_NODE_ATTRIBUTES, "[]"))
    edge_lists = json.loads(G.graph.pop(_JSON_EDGE_ATTRIBUTES, "[]"))
    for _, data in G.nodes(data=True):
        restore_attrs(data, node_lists)
    for _, _, data in G.edges(data=True):
        data.pop("key", None)  # already used as the edge's key
        restore_attrs(data, edge_lists)
    return G


class _GraphMLWriter(GraphMLWriter):
    """networkx's writer with named, unique key ids and edges without ids."""

    def get_key(self, name: str, attr_type: str, scope: str, default: Any) -> str:
        # Same bookkeeping as the base class, but the id is "<scope>_<name>".
        keys_key = (name, attr_type, scope)
        if keys_key not in self.keys:
            key_id = _NOT_NMTOKEN.sub("_", f"{scope}_{name}")
            used = set(self.keys.values())
            base, n = key_id, 1
            while key_id in used:
                n += 1
                key_id = f"{base}_{n}"
            self.keys[keys_key] = key_id
            attrs = {"id": key_id, "for": scope, "attr.name": name, "attr.type": attr_type}
            # Keys go before the <graph> element, in the order they were made.
            self.xml.insert(len(self.keys) - 1, self.myElement("key", **attrs))
        return self.keys[keys_key]

    def add_data(self, name, element_type, value, scope="all", default=None):
        if element_type is bool:
            value = value.lower()  # "true"/"false", not Python's "True"
        return super().add_data(name, element_type, value, scope, default)

    def add_edges(self, G: nx.Graph, graph_element: Any) -> None:
        for u, v, data in G.edges(data=True):
            edge = self.myElement("edge", source=str(u), target=str(v))
            self.add_attributes("edge", edge, data, {})
            graph_element.append(edge)


def _clean_graph(G: nx.Graph) -> nx.Graph:
    """Copy ``G`` with GraphML-safe ids and values, one type per attribute."""
    H = nx.MultiDiGraph() if G.is_directed() else nx.MultiGraph()
    skip = {"node_default", "edge_default"}  # networkx would treat these as defaults
    H.graph.update(flatten_attrs({k: v for k, v in G.graph.items() if k not in skip}))
    node_lists: set[str] = set()
    edge_lists: set[str] = set()
    ids = distinct_ids(G.nodes)
    for node, data in G.nodes(data=True):
        H.add_node(ids[node], **flatten_attrs(data, node_lists))
    if G.is_multigraph():
        edges = ((u, v, {**d, "key": k}) for u, v, k, d in G.edges(keys=True, data=True))
    else:
        edges = G.edges(data=True)
    for u, v, data in edges:
        H.add_edges_from([(ids[u], ids[v], flatten_attrs(data, edge_lists))])
    if node_lists:
        H.graph[_JSON_NODE_ATTRIBUTES] = json.dumps(sorted(node_lists))
    if edge_lists:
        H.graph[_JSON_EDGE_ATTRIBUTES] = json.dumps(sorted(edge_lists))
    unify_types(H.nodes[n] for n in H)
    unify_types(d for _, _, d in H.edges(data=True))
    return H
