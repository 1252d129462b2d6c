"""Write the claims graph as GEXF 1.2 for Gephi: colours, sizes, positions and a timeline.

The file is GEXF 1.2 (``1.2draft``, what Gephi and ``networkx.read_gexf`` read), written
as it streams (`lxml.etree.xmlfile`) from a `kg.readwrite.stream.GraphStream`, with:

* values are flattened as for GraphML (no ``None``, lists and dicts as JSON,
  one type per attribute name, characters that XML 1.0 forbids removed);
* GEXF reserves some names, so the character offsets ``start``/``end`` of
  quotes and edges are written as ``char_start``/``char_end``, and the edge
  ``type`` (said, quoted_in, ...) as the attribute ``relation`` and the
  edge's label;
* every node gets ``viz`` colour, shape and size (the palette and sizes of the
  HTML page, from :mod:`kg.palette`) and a position from
  :func:`kg.layout.article_layout`,
  so Gephi opens it looking like the page;
* the graph is dynamic: nodes and edges carry ``start``/``end`` dates taken
  from their articles' ISO dates (an article and its quotes at its date, each
  edge at the date of the article it was found in, a person or organisation
  from their first to their last article), so Gephi's timeline replays who
  said what when. Anything without a dated article has no time and is always
  shown.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

import networkx as nx
from lxml import etree

from kg.layout import article_layout, article_links
from kg.palette import edge_colour, node_size, node_style
from kg.readwrite._atomic import atomic_open
from kg.readwrite._values import XmlIds, as_type, clean_text, flatten_attrs
from kg.readwrite.stream import JSON, GraphStream, from_networkx

__all__ = ["write_gexf", "write_gexf_stream"]

_NS = "http://www.gexf.net/1.2draft"
_VIZ = "http://www.gexf.net/1.2draft/viz"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # the start of an ISO date or date-time
_VIZ_SHAPES = {"dot": "disc", "diamond": "diamond", "square": "square", "triangle": "triangle"}
# Names GEXF (or networkx's reader) gives a meaning of its own.
_RENAMED = {"start": "char_start", "end": "char_end"}
_RESERVED = {"id", "pid", "viz", "parents", "spells", "slices", "weight", "key", "networkx_key", "label", "type"}
_NODE_RESERVED = _RESERVED - {"label", "type"}
_EDGE_RESERVED = _RESERVED - {"type"}
_XML_TYPES: dict[Any, str] = {bool: "boolean", int: "long", float: "double", str: "string", JSON: "string"}


def write_gexf(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write the claims graph as a dynamic GEXF 1.2 file, atomically.

    Parameters
    ----------
    G : networkx.Graph
        The claims graph (normally a ``MultiDiGraph``). It is not modified.
    path : str or os.PathLike
        Output file, replaced only once the new file is complete.

    Notes
    -----
    See the module docstring for what is renamed, flattened and added.
    ``networkx.read_gexf`` reads the file back with the original edge keys
    (in the attribute ``networkx_key``).
    """
    write_gexf_stream(from_networkx(G), path, skeleton=G)


def write_gexf_stream(stream: GraphStream, path: str | os.PathLike[str], *, skeleton: nx.Graph) -> None:
    """Write a graph stream as a dynamic GEXF 1.2 file, atomically, one node or edge at a time.

    Parameters
    ----------
    stream : GraphStream
        The graph's nodes and edges with all their attributes.
    path : str or os.PathLike
        Output file, replaced only once the new file is complete.
    skeleton : networkx.Graph
        The same nodes and edges with what the layout and the timeline need: node ``type``,
        ``date``, ``article_id`` and ``articles``, edge ``type``. `kg.layout.article_layout`
        places its nodes; the dates of the articles linked to a node give its time span.
    """
    positions, spans, dates = _placement(skeleton)
    node_types = _gexf_types(stream.node_types, _NODE_RESERVED, node=True)
    edge_types = _gexf_types(stream.edge_types, _EDGE_RESERVED, node=False)
    if stream.multigraph:
        edge_types["networkx_key"] = str
    numbers = {("node", n): str(i) for i, n in enumerate(node_types)}
    numbers |= {("edge", n): str(i) for i, n in enumerate(edge_types, len(node_types))}
    newest = max(dates.values(), default="")
    with atomic_open(path) as fh, etree.xmlfile(fh, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(f"{{{_NS}}}gexf", nsmap={None: _NS, "viz": _VIZ, "xsi": _XSI}, version="1.2",
                        attrib={f"{{{_XSI}}}schemaLocation": f"{_NS} {_NS}/gexf.xsd"}):
            meta = etree.Element("meta", {"lastmodifieddate": newest} if newest else {})
            etree.SubElement(meta, "creator").text = "policy-claims-kg"
            xf.write("\n", meta, "\n")
            with xf.element(f"{{{_NS}}}graph", defaultedgetype="directed" if stream.directed else "undirected",
                            mode="dynamic", name="", timeformat="date"):
                for cls, types in (("node", node_types), ("edge", edge_types)):
                    xf.write("\n", _declare(cls, types, numbers))
                ids = XmlIds()
                with xf.element(f"{{{_NS}}}nodes"):
                    for node, data in stream.nodes():
                        xf.write("\n", _node(ids.add(node), data, positions[node], spans.get(node), node_types,
                                             numbers))
                with xf.element(f"{{{_NS}}}edges"):
                    for i, (u, v, key, data) in enumerate(stream.edges()):
                        date = dates.get(str(data.get("article_id")))
                        xf.write("\n", _edge(str(i), ids[u], ids[v], key, data, date, edge_types, numbers,
                                             stream.multigraph))
            xf.write("\n")


def _placement(G: nx.Graph) -> tuple[dict[Any, tuple[float, float]], dict[Any, tuple[str, str]], dict[str, str]]:
    """Positions, time spans of nodes, and article id -> ISO date, from the skeleton graph."""
    links = article_links(G)
    date_of: dict[Any, str] = {}
    dates: dict[str, str] = {}
    for node, data in G.nodes(data=True):
        date = _date(data.get("date")) if data.get("type") == "article" else None
        if date:
            dates[_text(data.get("article_id"))] = date
            date_of[node] = date
    spans = {}
    for node in G:
        found = sorted(date_of[a] for a in links[node] if a in date_of)
        if found:
            spans[node] = (found[0], found[-1])
    return article_layout(G, links=links), spans, dates


def _gexf_types(types: Mapping[str, Any], reserved: set[str], *, node: bool) -> dict[str, Any]:
    out = {}
    for name, kind in types.items():
        if name == "type" and not node:
            out["relation"] = str
            continue
        if name == "label" and node:
            continue
        out[_gexf_name(clean_text(str(name)), reserved)] = kind
    return out


def _gexf_name(name: str, reserved: set[str]) -> str:
    name = _RENAMED.get(name, name)
    return f"attr_{name}" if name in reserved else name


def _declare(cls: str, types: dict[str, Any], numbers: dict[tuple[str, str], str]) -> Any:
    element = etree.Element("attributes", {"class": cls, "mode": "static"})
    for name, kind in types.items():
        etree.SubElement(element, "attribute",
                         {"id": numbers[cls, name], "title": name, "type": _XML_TYPES[kind]}).tail = "\n"
    return element


def _node(node_id: str, data: dict[str, Any], xy: tuple[float, float], span: tuple[str, str] | None,
          types: dict[str, Any], numbers: dict[tuple[str, str], str]) -> Any:
    attrib = {"id": node_id, "label": clean_text(str(data.get("label") or node_id))}
    if span:
        attrib["start"], attrib["end"] = span
    element = etree.Element("node", attrib, nsmap={"viz": _VIZ})
    colour, shape = node_style(data.get("type", ""))
    _colour(element, colour)
    etree.SubElement(element, f"{{{_VIZ}}}size", value=repr(float(node_size(data))))
    etree.SubElement(element, f"{{{_VIZ}}}shape", value=_VIZ_SHAPES.get(shape, "disc"))
    etree.SubElement(element, f"{{{_VIZ}}}position", x=repr(float(xy[0])), y=repr(float(-xy[1])), z="0.0")
    values = {_gexf_name(n, _NODE_RESERVED): v for n, v in flatten_attrs(data).items() if n != "label"}
    _attvalues(element, "node", values, types, numbers)
    return element


def _edge(edge_id: str, u: str, v: str, key: Any, data: dict[str, Any], date: str | None,
          types: dict[str, Any], numbers: dict[tuple[str, str], str], multigraph: bool) -> Any:
    flat = flatten_attrs(data)
    relation = flat.pop("type", "")
    values = {_gexf_name(n, _EDGE_RESERVED): v for n, v in flat.items()}
    values["relation"] = relation
    if multigraph and key is not None:
        values["networkx_key"] = clean_text(str(key))
    attrib = {"source": u, "target": v, "id": edge_id, "label": str(relation)}
    if date:
        attrib["start"] = attrib["end"] = date
    element = etree.Element("edge", attrib, nsmap={"viz": _VIZ})
    _colour(element, edge_colour(str(relation)))
    _attvalues(element, "edge", values, types, numbers)
    return element


def _colour(element: Any, colour: str) -> None:
    etree.SubElement(element, f"{{{_VIZ}}}color", r=str(int(colour[1:3], 16)), g=str(int(colour[3:5], 16)),
                     b=str(int(colour[5:7], 16)), a="1.0")


def _attvalues(element: Any, cls: str, values: dict[str, Any], types: dict[str, Any],
               numbers: dict[tuple[str, str], str]) -> None:
    if not values:
        return
    box = etree.SubElement(element, "attvalues")
    for name, value in values.items():
        value = as_type(value, types.get(name, str))
        text = str(value).lower() if isinstance(value, bool) else str(value)
        etree.SubElement(box, "attvalue", {"for": numbers[cls, name], "value": text})


def _date(value: Any) -> str | None:
    match = _DATE.match(_text(value))
    return match.group() if match else None


def _text(value: Any) -> str:
    return "" if value is None else str(value)
