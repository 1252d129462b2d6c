"""Write the claims graph as GEXF 1.2 for Gephi: colours, sizes, positions and a timeline.

The file is written by networkx (``version="1.2draft"``, the GEXF 1.2 that
Gephi reads) from a cleaned copy of the graph:

* values are flattened as for GraphML (no ``None``, lists joined with
  ``"; "``, dicts as JSON, one type per attribute name, characters that XML
  1.0 forbids removed);
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
from typing import Any

import networkx as nx

from kg.layout import article_layout, article_links
from kg.palette import edge_colour, node_size, node_style
from kg.readwrite._atomic import atomic_open
from kg.readwrite._values import clean_text, distinct_ids, flatten_attrs, unify_types

__all__ = ["write_gexf"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # the start of an ISO date or date-time
_VIZ_SHAPES = {"dot": "disc", "diamond": "diamond", "square": "square", "triangle": "triangle"}
# Names GEXF (or networkx's writer) gives a meaning of its own.
_RENAMED = {"start": "char_start", "end": "char_end"}
_RESERVED = {"id", "pid", "viz", "parents", "spells", "slices", "weight", "key", "networkx_key", "label", "type"}


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
    (stored by networkx in the attribute ``networkx_key``).
    """
    H = _gexf_graph(G)
    xml = "\n".join(nx.generate_gexf(H, version="1.2draft"))
    # networkx stamps today's date; the newest article date keeps the file the same from run to run.
    dates = sorted(_date(d.get("date")) or "" for _, d in G.nodes(data=True) if d.get("type") == "article")
    stamp = f'lastmodifieddate="{dates[-1]}"' if dates and dates[-1] else ""
    xml = re.sub(r'\s*lastmodifieddate="[^"]*"', f" {stamp}" if stamp else "", xml, count=1)
    with atomic_open(path) as fh:
        fh.write(xml.encode("utf-8"))


def _gexf_graph(G: nx.Graph) -> nx.Graph:
    links = article_links(G)
    date_of = {}  # article id -> its ISO date, for dated articles
    for node, data in G.nodes(data=True):
        date = _date(data.get("date")) if data.get("type") == "article" else None
        if date:
            date_of[_text(data.get("article_id"))] = date
            date_of[node] = date

    nodes = {node: _attrs(data, reserved=_RESERVED - {"label", "type"}) for node, data in G.nodes(data=True)}
    if G.is_multigraph():
        edge_list = list(G.edges(keys=True, data=True))
    else:
        edge_list = [(u, v, None, d) for u, v, d in G.edges(data=True)]
    edges = [_attrs(data, reserved=_RESERVED - {"type"}) for *_, data in edge_list]
    unify_types(nodes.values())
    unify_types(edges)

    positions = article_layout(G, links=links)
    ids = distinct_ids(G.nodes)
    H = nx.MultiDiGraph() if G.is_directed() else nx.MultiGraph()
    H.graph["mode"] = "dynamic"
    for node, attrs in nodes.items():
        data = G.nodes[node]
        colour, shape = node_style(data.get("type", ""))
        x, y = positions[node]
        attrs["label"] = clean_text(str(data.get("label") or node))
        attrs["viz"] = {"color": _rgb(colour), "shape": _VIZ_SHAPES.get(shape, "disc"),
                        "size": node_size(data), "position": {"x": x, "y": -y, "z": 0.0}}
        dates = sorted(date_of[a] for a in links[node] if a in date_of)
        if dates:
            attrs["start"], attrs["end"] = dates[0], dates[-1]
        H.add_node(ids[node], **attrs)
    for (u, v, key, data), attrs in zip(edge_list, edges):
        relation = attrs.pop("type", "")
        attrs["relation"] = attrs["label"] = relation
        attrs["viz"] = {"color": _rgb(edge_colour(str(relation)))}
        date = date_of.get(_text(data.get("article_id")))
        if date:
            attrs["start"] = attrs["end"] = date
        H.add_edge(ids[u], ids[v], key=key if key is None else clean_text(str(key)),
                   **attrs)
    return H


def _attrs(data: dict[str, Any], reserved: set[str]) -> dict[str, Any]:
    """GraphML-style clean values under names that mean nothing special to GEXF."""
    out = {}
    for name, value in flatten_attrs(data).items():
        name = _RENAMED.get(name, name)
        out[f"attr_{name}" if name in reserved else name] = value
    return out


def _date(value: Any) -> str | None:
    match = _DATE.match(_text(value))
    return match.group() if match else None


def _rgb(colour: str) -> dict[str, int | float]:
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16), "a": 1.0}


def _text(value: Any) -> str:
    return "" if value is None else str(value)
