"""Write and read the claims graph as GraphML that Gephi, igraph and networkx all accept.

networkx's own writer needs help for the graph built by ``kg``:

* attribute values may be ``None``, lists or dicts, which GraphML cannot hold:
  ``None`` is dropped, a list becomes ``"a; b"``, a dict compact JSON;
* an attribute whose values have mixed types (``3`` here, ``"n/a"`` there) is
  written as a string everywhere, so every key declares exactly one type;
* characters that XML 1.0 forbids (``"\\x00"``, ``"\\x0b"``, ...) are removed
  from every string and node id;
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
from collections import defaultdict
from collections.abc import Iterable
from numbers import Integral, Real
from typing import Any

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from kg.readwrite._atomic import atomic_open

__all__ = ["read_graphml", "write_graphml"]

# Everything outside XML 1.0's Char production (lone surrogates included).
_XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
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
        undirected). Lists and dicts come back as the strings they were
        written as.
    """
    G = nx.read_graphml(path, force_multigraph=True)
    for _, _, data in G.edges(data=True):
        data.pop("key", None)  # already used as the edge's key
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
    H.graph.update(_clean_attrs({k: v for k, v in G.graph.items() if k not in skip}))
    for node, data in G.nodes(data=True):
        H.add_node(_clean_text(str(node)), **_clean_attrs(data))
    if G.is_multigraph():
        edges = ((u, v, {**d, "key": k}) for u, v, k, d in G.edges(keys=True, data=True))
    else:
        edges = G.edges(data=True)
    for u, v, data in edges:
        H.add_edges_from([(_clean_text(str(u)), _clean_text(str(v)), _clean_attrs(data))])
    _unify_types(H.nodes[n] for n in H)
    _unify_types(d for _, _, d in H.edges(data=True))
    return H


def _clean_attrs(data: dict[str, Any]) -> dict[str, bool | int | float | str]:
    """Drop ``None`` values and turn the rest into GraphML scalars."""
    return {
        _clean_text(str(k)): _clean_value(v) for k, v in data.items() if v is not None
    }


def _clean_value(value: Any) -> bool | int | float | str:
    if isinstance(value, bool):
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        return float(value)
    return _clean_text(_to_text(value))


def _to_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    if isinstance(value, (list, tuple, set, frozenset)):
        return "; ".join(_to_text(item) for item in value if item is not None)
    return str(value)


def _clean_text(text: str) -> str:
    return _XML_FORBIDDEN.sub("", text)


def _unify_types(attr_dicts: Iterable[dict[str, Any]]) -> None:
    """Give each attribute name one type: ints and floats mixed become floats,
    any other mix becomes strings."""
    attr_dicts = list(attr_dicts)
    types: dict[str, set[type]] = defaultdict(set)
    for data in attr_dicts:
        for name, value in data.items():
            types[name].add(type(value))
    for data in attr_dicts:
        for name, value in data.items():
            if len(types[name]) > 1:
                data[name] = float(value) if types[name] <= {int, float} else str(value)
