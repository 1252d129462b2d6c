"""Write the timeline of a series of discourse networks (`kg.discourse.timeline`) as dynamic GEXF 1.2.

Gephi's Timeline (Window > Timeline) then replays the ties window by window. Each node
and edge has ``spells`` (when it is in the networks); the values that change are dynamic
attributes: ``weight`` on edges (the attribute id Gephi takes for a dynamic edge weight)
and ``n_statements`` on nodes. Static attributes: a node's ``type`` (person,
organisation, concept) and an edge's ``relation`` (its ``type``: congruence, conflict,
subtract, stance). Nodes are coloured as on the page. ``networkx.read_gexf`` reads the
file back: spells as lists of (start, end), dynamic values as lists of (value, start, end).
"""

from __future__ import annotations

import os
from typing import Any

import networkx as nx
from lxml import etree

from kg.palette import node_style
from kg.readwrite._atomic import atomic_open
from kg.readwrite._values import XmlIds, clean_text

__all__ = ["write_gexf_timeline"]

_NS = "http://www.gexf.net/1.2draft"
_VIZ = "http://www.gexf.net/1.2draft/viz"
_STATIC = {"node": {"type": "string", "bipartite": "integer"}, "edge": {"relation": "string"}}
_DYNAMIC = {"node": {"n_statements": "integer"}, "edge": {"weight": "double"}}


def write_gexf_timeline(T: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write a timeline graph as a dynamic GEXF file, atomically.

    Parameters
    ----------
    T : networkx.Graph
        From `kg.discourse.timeline`: ``spells`` on every node and edge, ``weight`` and
        ``n_statements`` as lists of (value, first day, last day); not modified.
    path : str or os.PathLike
        Output file, replaced only once complete.
    """
    ids = XmlIds()
    with atomic_open(path) as fh, etree.xmlfile(fh, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(f"{{{_NS}}}gexf", nsmap={None: _NS, "viz": _VIZ}, version="1.2"):
            meta = etree.Element("meta")
            etree.SubElement(meta, "creator").text = "policy-claims-kg"
            etree.SubElement(meta, "description").text = clean_text(_about(T))
            xf.write("\n", meta, "\n")
            with xf.element(f"{{{_NS}}}graph", defaultedgetype="undirected", mode="dynamic", timeformat="date"):
                for cls in ("node", "edge"):
                    for mode, declared in (("static", _STATIC[cls]), ("dynamic", _DYNAMIC[cls])):
                        xf.write("\n", _declare(cls, mode, declared))
                with xf.element(f"{{{_NS}}}nodes"):
                    for node, data in T.nodes(data=True):
                        label = clean_text(str(data.get("label", node)))
                        element = _item("node", {"id": ids.add(node), "label": label}, data,
                                        {"type": data.get("type"), "bipartite": data.get("bipartite")})
                        etree.SubElement(element, f"{{{_VIZ}}}color", _rgb(node_style(data.get("type", ""))[0]))
                        xf.write("\n", element)
                with xf.element(f"{{{_NS}}}edges"):
                    for i, (u, v, data) in enumerate(T.edges(data=True)):
                        xf.write("\n", _item("edge", {"id": str(i), "source": ids[u], "target": ids[v],
                                                      "label": str(data.get("type", ""))},
                                             data, {"relation": data.get("type")}))
            xf.write("\n")


def _declare(cls: str, mode: str, declared: dict[str, str]) -> Any:
    element = etree.Element("attributes", {"class": cls, "mode": mode})
    for name, kind in declared.items():
        etree.SubElement(element, "attribute", {"id": name, "title": name, "type": kind}).tail = "\n"
    return element


def _item(cls: str, attrib: dict[str, str], data: dict[str, Any], static: dict[str, Any]) -> Any:
    """A node or edge: its static values, its dynamic values with their days, and its spells."""
    element = etree.Element(cls, attrib, nsmap={"viz": _VIZ})
    values = etree.SubElement(element, "attvalues")
    for name, value in static.items():
        if value is not None:
            etree.SubElement(values, "attvalue", {"for": name, "value": str(value)})
    for name in _DYNAMIC[cls]:
        for value, start, end in data.get(name, []):
            etree.SubElement(values, "attvalue", {"for": name, "value": repr(value), "start": start, "end": end})
    spells = etree.SubElement(element, "spells")
    for start, end in data.get("spells", []):
        etree.SubElement(spells, "spell", {"start": start, "end": end})
    return element


def _about(T: nx.Graph) -> str:
    graph = T.graph
    about = f"{graph.get('network', '')} network of {graph.get('actors', 'people')}, windows of {graph.get('window')}"
    return f"{about} every {graph.get('step')}, {graph.get('since', '')} to {graph.get('until', '')}"


def _rgb(colour: str) -> dict[str, str]:
    return {"r": str(int(colour[1:3], 16)), "g": str(int(colour[3:5], 16)), "b": str(int(colour[5:7], 16))}
