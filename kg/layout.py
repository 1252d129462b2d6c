"""Where to draw the claims graph: each article with its quotes and people around it.

Plain functions over a claims graph, graph first, as in networkx: they read
the graph, never change it, and return plain dicts. Force-directed layouts
(networkx's or the browser's physics) are quadratic and never settle on
thousands of nodes; :func:`article_layout` is linear and deterministic, and
the HTML page and the GEXF export both start from it.
"""

from __future__ import annotations

import math
import zlib
from collections import defaultdict
from typing import Any

import networkx as nx

__all__ = ["article_layout", "article_links", "quote_speakers"]


def article_links(G: nx.Graph) -> dict[Any, list[Any]]:
    """The article nodes each node belongs to.

    Parameters
    ----------
    G : networkx.Graph
        The claims graph (built, or read back from GraphML); not modified.

    Returns
    -------
    dict
        Node -> list of article nodes, without repeats, for every node of `G`.

    Notes
    -----
    An article belongs to itself; other nodes to their article neighbours
    and the articles named in their ``articles`` attribute (an organisation
    named only in someone's role has no edge to the article); nodes with
    neither inherit their neighbours' articles. Nodes linked to no article
    get an empty list.
    """
    by_id = {_text(d.get("article_id")): n for n, d in G.nodes(data=True) if d.get("type") == "article"}

    def direct(node: Any) -> list[Any]:
        if G.nodes[node].get("type") == "article":
            return [node]
        found = dict.fromkeys(n for n in nx.all_neighbors(G, node) if G.nodes[n].get("type") == "article")
        found.update(dict.fromkeys(by_id[a] for a in G.nodes[node].get("articles", []) if a in by_id))
        return list(found)

    links = {node: direct(node) for node in G}
    return {
        node: found or list(dict.fromkeys(a for n in nx.all_neighbors(G, node) for a in links[n]
                                          if G.nodes[n].get("type") != "article"))
        for node, found in links.items()
    }


def quote_speakers(G: nx.Graph) -> dict[Any, Any]:
    """Who said each quote: the source of its ``said`` edge.

    Parameters
    ----------
    G : networkx.Graph
        The claims graph; not modified.

    Returns
    -------
    dict
        Quote node -> speaker node, for the quotes that have a ``said`` edge.
    """
    return {v: u for u, v, data in G.edges(data=True) if data.get("type") == "said"}


def article_layout(G: nx.Graph, *, links: dict[Any, list[Any]] | None = None,
                   speakers: dict[Any, Any] | None = None) -> dict[Any, tuple[float, float]]:
    """Place each article with its quotes and its own people around it, in linear time.

    Parameters
    ----------
    G : networkx.Graph
        The claims graph; not modified.
    links : dict, optional
        ``article_links(G)``, if already computed.
    speakers : dict, optional
        ``quote_speakers(G)``, if already computed.

    Returns
    -------
    dict
        Node -> ``(x, y)`` in screen pixels (y grows downwards), for every
        node of `G`.

    See Also
    --------
    article_links, quote_speakers

    Notes
    -----
    Articles are laid out in rows, in order of date. The nodes that belong to
    one article only (its quotes, and people and organisations that appear
    nowhere else) go on rings around it, each speaker followed by its
    quotes. A person or organisation of several articles sits at the centre
    of its articles, moved by a small offset derived from its id, so the
    layout is deterministic. Nodes linked to no article go in a grid below.
    """
    links = article_links(G) if links is None else links
    speakers = quote_speakers(G) if speakers is None else speakers
    kind = {n: G.nodes[n].get("type") for n in G}
    articles = sorted((n for n in G if kind[n] == "article"),
                      key=lambda n: (_text(G.nodes[n].get("date")), str(n)))
    around: dict[Any, list[Any]] = defaultdict(list)  # article -> nodes on rings around it
    quotes_of: dict[Any, list[Any]] = defaultdict(list)  # speaker -> its quotes around the same article
    for node in G:
        if kind[node] != "article" and len(links[node]) == 1:
            speaker = speakers.get(node)
            if kind[node] == "quote" and speaker is not None and links.get(speaker) == links[node]:
                quotes_of[speaker].append(node)
            else:
                around[links[node][0]].append(node)
    for ring in around.values():  # each speaker followed by its quotes
        ring[:] = [n for node in ring for n in (node, *quotes_of[node])]

    step, gap = 30.0, 60.0  # distance between neighbours on a ring, and between articles
    pos: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    width = math.sqrt(sum((2 * _ring_radius(len(around[a]), step) + gap) ** 2 for a in articles))
    for article in articles:
        size = 2 * _ring_radius(len(around[article]), step) + gap
        if x > 0 and x + size > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + size / 2, y + size / 2
        pos[article] = (cx, cy)
        pos.update(_rings(around[article], cx, cy, step))
        x, row_height = x + size, max(row_height, size)
    for node in G:
        if node not in pos and links[node]:
            xs, ys = zip(*(pos[a] for a in links[node]))
            angle = (zlib.crc32(str(node).encode("utf-8")) % 3600) / 3600 * 2 * math.pi
            pos[node] = (sum(xs) / len(xs) + 40 * math.cos(angle), sum(ys) / len(ys) + 40 * math.sin(angle))
    rest = [n for n in G if n not in pos]
    columns = max(int(width // step), math.ceil(math.sqrt(len(rest))), 1)
    for i, node in enumerate(rest):
        pos[node] = (i % columns * step, y + row_height + gap + i // columns * step)
    return {n: (round(px, 1), round(py, 1)) for n, (px, py) in pos.items()}


def _ring_radius(count: int, step: float) -> float:
    """Radius of the outermost of the rings that `count` nodes fill."""
    rings, left = 0, count
    while left > 0:
        rings += 1
        left -= int(2 * math.pi * (1 + rings))
    return step * (1 + rings)


def _rings(nodes: list[Any], cx: float, cy: float, step: float) -> dict[Any, tuple[float, float]]:
    """Nodes on concentric rings ``step`` apart around ``(cx, cy)``, neighbours ``step`` apart."""
    pos, i, ring = {}, 0, 0
    while i < len(nodes):
        ring += 1
        radius = step * (1 + ring)
        chunk = nodes[i : i + int(2 * math.pi * (1 + ring))]
        for j, node in enumerate(chunk):
            angle = 2 * math.pi * j / len(chunk)
            pos[node] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
        i += len(chunk)
    return pos


def _text(value: Any) -> str:
    return "" if value is None else str(value)
