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
from typing import Any, Mapping, Sequence

import networkx as nx

__all__ = ["article_layout", "article_positions", "article_links", "quote_speakers", "cluster_positions",
           "grid_positions"]

_STEP, _GAP = 30.0, 60.0  # distance between neighbours on a ring, and between clusters


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
    kinds = {n: G.nodes[n].get("type") for n in G}
    dates = {n: _text(G.nodes[n].get("date")) for n in G if kinds[n] == "article"}
    return article_positions(kinds, links, speakers, dates)


def article_positions(kinds: Mapping[Any, Any], links: Mapping[Any, list[Any]], speakers: Mapping[Any, Any],
                      dates: Mapping[Any, str]) -> dict[Any, tuple[float, float]]:
    """`article_layout` for any nodes: what it reads from the graph, given as mappings.

    Parameters
    ----------
    kinds : mapping
        Every node -> its type (article, quote, person, ...), in drawing order.
    links : mapping
        Every node -> its article nodes (as `article_links` gives them).
    speakers : mapping
        Quote -> the node that said it.
    dates : mapping
        Article -> ISO date or ``""``.

    Returns
    -------
    dict
        Node -> ``(x, y)``, for every node of `kinds`.
    """
    articles = sorted((n for n in kinds if kinds[n] == "article"), key=lambda n: (dates.get(n, ""), str(n)))
    around: dict[Any, list[Any]] = defaultdict(list)  # article -> nodes on rings around it
    quotes_of: dict[Any, list[Any]] = defaultdict(list)  # speaker -> its quotes around the same article
    for node in kinds:
        if kinds[node] != "article" and len(links[node]) == 1:
            speaker = speakers.get(node)
            if kinds[node] == "quote" and speaker is not None and links.get(speaker) == links[node]:
                quotes_of[speaker].append(node)
            else:
                around[links[node][0]].append(node)
    for ring in around.values():  # each speaker followed by its quotes
        ring[:] = [n for node in ring for n in (node, *quotes_of[node])]

    pos, width, bottom = cluster_positions([(a, around[a]) for a in articles])
    for node in kinds:
        if node not in pos and links[node]:
            xs, ys = zip(*(pos[a] for a in links[node]))
            angle = (zlib.crc32(str(node).encode("utf-8")) % 3600) / 3600 * 2 * math.pi
            pos[node] = (sum(xs) / len(xs) + 40 * math.cos(angle), sum(ys) / len(ys) + 40 * math.sin(angle))
    rest = [n for n in kinds if n not in pos]
    pos.update(grid_positions(rest, width, bottom + _GAP))
    return {n: (round(px, 1), round(py, 1)) for n, (px, py) in pos.items()}


def cluster_positions(clusters: Sequence[tuple[Any, Sequence[Any]]], *, step: float = _STEP,
                      gap: float = _GAP) -> tuple[dict[Any, tuple[float, float]], float, float]:
    """Clusters packed in rows of a square: each centre node with its other nodes on rings around it.

    Parameters
    ----------
    clusters : sequence of (centre, ring nodes)
        In the order they are placed, left to right and top to bottom.
    step, gap : float
        Distance between neighbours on a ring, and between clusters.

    Returns
    -------
    tuple
        Node -> ``(x, y)``; the width of the square; the lowest y used.
    """
    pos: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    width = math.sqrt(sum((2 * _ring_radius(len(ring), step) + gap) ** 2 for _, ring in clusters))
    for centre, ring in clusters:
        size = 2 * _ring_radius(len(ring), step) + gap
        if x > 0 and x + size > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + size / 2, y + size / 2
        pos[centre] = (cx, cy)
        pos.update(_rings(ring, cx, cy, step))
        x, row_height = x + size, max(row_height, size)
    return pos, width, y + row_height


def grid_positions(nodes: Sequence[Any], width: float, top: float, *,
                   step: float = _STEP) -> dict[Any, tuple[float, float]]:
    """`nodes` in rows ``step`` apart, from ``y = top`` down, at least `width` wide (or square)."""
    columns = max(int(width // step), math.ceil(math.sqrt(len(nodes))), 1)
    return {node: (i % columns * step, top + i // columns * step) for i, node in enumerate(nodes)}


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
