"""What the HTML page shows: vis-network's node and edge lists, tooltips and the side panel's data.

Plain Python values only (dicts, lists, str); :mod:`kg.readwrite.html` puts
them on the page as JSON. Tooltips are plain text: vis-network shows a string
``title`` as text, never as HTML.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from kg.palette import edge_colour, node_size, node_style

__all__ = ["vis_nodes", "vis_edges", "panel_data", "format_role"]

_MAX_LABEL = 40  # characters of a node label drawn on the canvas
_MAX_QUOTE = 120  # characters of one quote in a tooltip
_MAX_QUOTES = 3  # quotes listed in a person's or organisation's tooltip
_MAX_ROLES = 3

_ACTORS = ("person", "organisation")


def format_role(role: dict[str, Any]) -> str:
    """A role of a person as the page shows it, in tooltips and in the side panel.

    Parameters
    ----------
    role : dict
        One item of a node's ``roles`` attribute: ``title``, ``organisation``,
        ``former`` and ``article_id``.

    Returns
    -------
    str
        "director (Barnardo's)", "former chair", ...

    Notes
    -----
    Every role on the page goes through this function.

    Examples
    --------
    >>> format_role({"title": "president", "organisation": "ADSS", "former": True, "article_id": "a1"})
    'former president (ADSS)'
    """
    title = _text(role.get("title"))
    if role.get("former") and not title.lower().startswith("former"):
        title = f"former {title}"
    return f"{title} ({role['organisation']})" if role.get("organisation") else title


def vis_nodes(G: nx.Graph, positions: dict[Any, tuple[float, float]], *,
              quote_labels: bool = True) -> list[dict[str, Any]]:
    """vis-network's node list: id, label, tooltip, colour, shape, size and position.

    Parameters
    ----------
    G : networkx.Graph
        The claims graph; not modified.
    positions : dict
        Node -> ``(x, y)``, for every node (see :func:`kg.layout.article_layout`).
    quote_labels : bool, optional
        Whether quotes get a label on the canvas (their tooltip shows them
        anyway).

    Returns
    -------
    list of dict
        One dict per node, in the order of ``G.nodes``.
    """
    return [_vis_node(G, node, positions[node], quote_labels) for node in G.nodes]


def vis_edges(G: nx.Graph) -> list[dict[str, Any]]:
    """vis-network's edge list: ends, colour by relation and a tooltip.

    Parameters
    ----------
    G : networkx.Graph
        The claims graph; not modified.

    Returns
    -------
    list of dict
        One dict per edge, in the order of ``G.edges``.
    """
    return [_vis_edge(u, v, data) for u, v, data in G.edges(data=True)]


def _vis_node(G: nx.Graph, node: Any, xy: tuple[float, float], quote_labels: bool) -> dict[str, Any]:
    data = G.nodes[node]
    kind = data.get("type", "")
    colour, shape = node_style(kind)
    if kind in _ACTORS:
        tooltip = _speaker_tooltip(G, node)
    elif kind == "quote":
        tooltip = _quote_tooltip(data)
    elif kind == "article":
        tooltip = _article_tooltip(data)
    else:
        tooltip = str(data.get("label", node))
    label = _shorten(str(data.get("label") or node), _MAX_LABEL)
    return {
        "id": str(node),
        "label": label if quote_labels or kind != "quote" else "",
        "title": tooltip.replace("href", "hre\u200bf"),  # see kg.readwrite.html's docstring
        "color": colour,
        "shape": shape,
        "size": node_size(data),
        "x": xy[0],
        "y": xy[1],
    }


def _vis_edge(u: Any, v: Any, data: dict[str, Any]) -> dict[str, Any]:
    relation = str(data.get("type", ""))
    detail = data.get("title") or data.get("cue")
    return {
        "from": str(u),
        "to": str(v),
        "color": edge_colour(relation),
        "title": f"{relation}: {detail}" if detail else relation,
    }


def _speaker_tooltip(G: nx.Graph, node: Any) -> str:
    """Name, some roles and the first quotes of a person or organisation."""
    data = G.nodes[node]
    lines = [f"{data.get('label') or node} ({data.get('type')})"]
    roles = _roles(data)
    lines += [f"  {_shorten(r, _MAX_QUOTE)}" for r in roles[:_MAX_ROLES]]
    if len(roles) > _MAX_ROLES:
        lines.append(f"  ... and {len(roles) - _MAX_ROLES} more roles")
    quotes = [G.nodes[q] for q in _said(G, node)]
    for quote in quotes[:_MAX_QUOTES]:
        cue = f" [{quote['cue']}]" if quote.get("cue") else ""
        lines.append(f"\u201c{_shorten(str(quote.get('content') or ''), _MAX_QUOTE)}\u201d{cue}")
    if quotes:
        lines.append(f"{len(quotes)} quote{'s' if len(quotes) > 1 else ''}; click for all")
    return "\n".join(lines)


def _quote_tooltip(data: dict[str, Any]) -> str:
    head = f"{data.get('speaker') or 'unknown speaker'} ({data.get('cue') or 'no cue'})"
    return f"{head}:\n\u201c{_shorten(str(data.get('content') or ''), 2 * _MAX_QUOTE)}\u201d"


def _article_tooltip(data: dict[str, Any]) -> str:
    fields = [data.get("title") or data.get("label"), data.get("date"), data.get("publication")]
    return "\n".join(str(f) for f in fields if f)


def panel_data(G: nx.Graph, links: dict[Any, list[Any]], speakers: dict[Any, Any]) -> dict[str, Any]:
    """Everything the side panel, search and filters show, by node id.

    Parameters
    ----------
    G : networkx.Graph
        The claims graph; not modified.
    links : dict
        ``kg.layout.article_links(G)``.
    speakers : dict
        ``kg.layout.quote_speakers(G)``.

    Returns
    -------
    dict
        ``{"nodes": {node id: item}}``; every item has ``type`` and
        ``label``. People and organisations add ``aliases``, ``roles`` (as
        :func:`format_role` shows them), ``articles`` and ``quotes`` (node
        ids, quotes in reading order); articles add ``title``, ``date``,
        ``url``, ``publication``, ``author``, ``actors`` and ``quotes``;
        quotes add ``content``, ``cue``, ``cue_class``, ``quote_type``,
        ``speaker``, ``date``, ``sentence``, ``speaker_id`` and ``article``.
        Missing values are ``""``.
    """
    in_article: dict[Any, dict[str, list[str]]] = defaultdict(lambda: {"actors": [], "quotes": []})
    for node in G:
        kind = G.nodes[node].get("type")
        if kind in _ACTORS or kind == "quote":
            for article in links[node]:
                in_article[article]["quotes" if kind == "quote" else "actors"].append(node)

    panel = {}
    for node, data in G.nodes(data=True):
        kind = _text(data.get("type"))
        item: dict[str, Any] = {"type": kind, "label": _text(data.get("label") or node)}
        if kind in _ACTORS:
            item.update(aliases=list(data.get("aliases", [])), roles=_roles(data),
                        articles=[str(a) for a in links[node]], quotes=[str(q) for q in _said(G, node)])
        elif kind == "article":
            members = in_article[node]
            quotes = sorted(members["quotes"], key=lambda q: _quote_order(G.nodes[q], q))
            item.update({k: _text(data.get(k)) for k in ("title", "date", "url", "publication", "author")},
                        actors=sorted(map(str, members["actors"])), quotes=[str(q) for q in quotes])
        elif kind == "quote":
            item.update({k: _text(data.get(k)) for k in ("content", "cue", "cue_class", "quote_type", "speaker",
                                                         "date", "sentence")},
                        speaker_id=_text(speakers.get(node)), article=_text(links[node][0] if links[node] else ""))
        panel[str(node)] = item
    return {"nodes": panel}


def _roles(data: dict[str, Any]) -> list[str]:
    """A person's roles as shown, each once (a node holds one entry per article)."""
    return list(dict.fromkeys(format_role(role) for role in data.get("roles", [])))


def _said(G: nx.Graph, node: Any) -> list[Any]:
    """The quotes a node said, in article date order, then by position in the article."""
    edges = G.out_edges(node, data=True) if G.is_directed() else G.edges(node, data=True)
    quotes = {v for _, v, d in edges
              if d.get("type") == "said" and G.nodes[v].get("type") == "quote"}
    return sorted(quotes, key=lambda q: _quote_order(G.nodes[q], q))


def _quote_order(data: dict[str, Any], node: Any) -> tuple[str, str, int, str]:
    return (_text(data.get("date")), _text(data.get("article_id")), _as_int(data.get("start")), str(node))


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _as_int(value: Any) -> int:
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0
