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

The file is written as it streams (`lxml.etree.xmlfile`), one node or edge at a time,
from a `kg.readwrite.stream.GraphStream`: a graph in memory, or a claims store
(`kg.store.ClaimsStore.claims_stream`) that never builds the graph.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

import networkx as nx
from lxml import etree

from kg.readwrite._atomic import atomic_open
from kg.readwrite._values import XmlIds, as_type, flatten_attrs, restore_attrs
from kg.readwrite.stream import JSON, GraphStream, attribute_types, from_networkx

__all__ = ["read_graphml", "write_graphml", "write_graphml_stream"]

_JSON_NODE_ATTRIBUTES = "json_node_attributes"
_JSON_EDGE_ATTRIBUTES = "json_edge_attributes"
# A GraphML key id is an XML NMTOKEN.
_NOT_NMTOKEN = re.compile(r"[^A-Za-z0-9_.-]")
_NS = "http://graphml.graphdrawing.org/xmlns"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_XML_TYPES: dict[Any, str] = {bool: "boolean", int: "long", float: "double", str: "string", JSON: "string"}


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
    write_graphml_stream(from_networkx(G), path)


def write_graphml_stream(stream: GraphStream, path: str | os.PathLike[str]) -> None:
    """Write a graph stream as GraphML, atomically, one node or edge at a time.

    Parameters
    ----------
    stream : GraphStream
        Its declared attribute types become the keys; lists and dicts are written as JSON.
    path : str or os.PathLike
        Output file, replaced only once the new file is complete.
    """
    node_types = {_name(n): t for n, t in stream.node_types.items()}
    edge_types = {_name(n): t for n, t in stream.edge_types.items()}
    if stream.multigraph and stream.key_type is not None:
        edge_types["key"] = stream.key_type
    graph = flatten_attrs({k: v for k, v in stream.graph.items() if k not in ("node_default", "edge_default")})
    for name, types in ((_JSON_NODE_ATTRIBUTES, node_types), (_JSON_EDGE_ATTRIBUTES, edge_types)):
        encoded = sorted(n for n, t in types.items() if t is JSON)
        if encoded:
            graph[name] = json.dumps(encoded)
    graph_types = attribute_types([graph])
    keys = _Keys()
    declared = [keys.add("graph", n, t) for n, t in graph_types.items()]
    declared += [keys.add("node", n, t) for n, t in node_types.items()]
    declared += [keys.add("edge", n, t) for n, t in edge_types.items()]
    with atomic_open(path) as fh, etree.xmlfile(fh, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(f"{{{_NS}}}graphml", nsmap={None: _NS, "xsi": _XSI},
                        attrib={f"{{{_XSI}}}schemaLocation": f"{_NS} {_NS}/1.0/graphml.xsd"}):
            xf.write("\n")
            for element in declared:
                xf.write(element)
            with xf.element(f"{{{_NS}}}graph", edgedefault="directed" if stream.directed else "undirected"):
                xf.write("\n")
                for name, value in graph.items():
                    xf.write(_data(keys.ids["graph", name], value, graph_types[name]))
                ids = XmlIds()
                _write_nodes(xf, stream, ids, keys, node_types)
                _write_edges(xf, stream, ids, keys, edge_types)
            xf.write("\n")


def _write_nodes(xf: Any, stream: GraphStream, ids: XmlIds, keys: "_Keys", types: dict[str, Any]) -> None:
    for node, data in stream.nodes():
        element = etree.Element("node", id=ids.add(node))
        _add_data(element, "node", flatten_attrs(data), keys, types)
        xf.write(element)


def _write_edges(xf: Any, stream: GraphStream, ids: XmlIds, keys: "_Keys", types: dict[str, Any]) -> None:
    for u, v, key, data in stream.edges():
        element = etree.Element("edge", source=ids[u], target=ids[v])
        flat = flatten_attrs(data)
        if stream.multigraph:
            flat["key"] = flatten_attrs({"key": key})["key"]
        _add_data(element, "edge", flat, keys, types)
        xf.write(element)


def _add_data(element: Any, scope: str, flat: dict[str, Any], keys: "_Keys", types: dict[str, Any]) -> None:
    for name, value in flat.items():
        element.append(_data(keys.ids[scope, name], value, types[name]))
    element.tail = "\n"


def _data(key: str, value: Any, kind: Any) -> Any:
    element = etree.Element("data", key=key)
    value = as_type(value, kind)
    element.text = str(value).lower() if isinstance(value, bool) else str(value)
    element.tail = "\n"
    return element


def _name(name: Any) -> str:
    return flatten_attrs({name: 0}).popitem()[0]


class _Keys:
    """GraphML keys with named, unique ids: ``<scope>_<name>`` (Gephi reads ``d3``/``d7`` as labels)."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], str] = {}

    def add(self, scope: str, name: str, kind: Any) -> Any:
        key_id = _NOT_NMTOKEN.sub("_", f"{scope}_{name}")
        base, n = key_id, 1
        used = set(self.ids.values())
        while key_id in used:
            n += 1
            key_id = f"{base}_{n}"
        self.ids[scope, name] = key_id
        element = etree.Element("key", {"id": key_id, "for": scope, "attr.name": name,
                                                    "attr.type": _XML_TYPES[kind]})
        element.tail = "\n"
        return element


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
