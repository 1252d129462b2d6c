"""Write the claims graph as a single interactive HTML page that works offline.

The page is made by pyvis (vis-network) with its JavaScript and CSS inlined.
Three things pyvis does not do for us are handled here:

* pyvis's template links Bootstrap from a CDN even with ``cdn_resources="in_line"``;
  every ``<link>`` and ``<script src=...>`` is removed, so the page makes no
  request at all;
* ``Network.from_nx`` and ``Network.add_node`` are quadratic in the number of
  nodes, so the node and edge lists are filled directly;
* if any node tooltip contains the text ``href``, pyvis switches to a popup
  that renders tooltips as HTML. Tooltips here are plain text built from
  article text, so ``href`` is broken up with a zero-width space.

User text reaches the page only as tooltip/label strings inside the JSON that
pyvis embeds with Jinja's ``tojson`` (which escapes ``<``, ``>``, ``&`` and
``'``, so ``</script>`` in a quote cannot end the script block), and in the
heading, which is escaped here with :func:`html.escape`.
"""

from __future__ import annotations

import html
import math
import os
import re
from typing import Any

import networkx as nx
from pyvis.network import Network

from kg.readwrite._atomic import atomic_open

__all__ = ["write_html"]

# Node type -> (colour, vis-network shape).
NODE_STYLES: dict[str, tuple[str, str]] = {
    "person": ("#4e79a7", "dot"),
    "organisation": ("#f28e2b", "diamond"),
    "article": ("#59a14f", "square"),
    "quote": ("#b07aa1", "triangle"),
}
_OTHER_STYLE = ("#bab0ac", "dot")

# Relation -> edge colour.
EDGE_COLOURS: dict[str, str] = {
    "said": "#4e79a7",
    "quoted_in": "#b07aa1",
    "mentioned_in": "#c7c7c7",
    "holds_role": "#e15759",
}
_OTHER_EDGE_COLOUR = "#888888"

_MAX_LABEL = 40  # characters of a node label drawn on the canvas
_MAX_QUOTE = 200  # characters of one quote in a tooltip
_MAX_QUOTES = 8  # quotes listed in a person's or organisation's tooltip
_MAX_ROLES = 5

_OPTIONS = {
    "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
    "physics": {
        "solver": "barnesHut",
        "stabilization": {"enabled": True, "iterations": 100, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
}

# Freeze the layout once the bounded stabilisation is done, so big graphs stop moving.
_FREEZE_SCRIPT = """<script>
function freezeLayout() { network.setOptions({physics: {enabled: false}}); }
// Small graphs may finish stabilising before this script runs.
if (network.physics.ready) { freezeLayout(); } else { network.once("stabilizationIterationsDone", freezeLayout); }
</script>
"""

_PAGE_STYLE = """<style>
body { font-family: sans-serif; margin: 0.5em; }
h1.kg-title { font-size: 1.4em; margin: 0.2em 0; }
.kg-legend { font-size: 0.9em; margin-bottom: 0.5em; }
.kg-legend span { margin-right: 1.2em; white-space: nowrap; }
.kg-legend b { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: middle; }
.vis-tooltip { white-space: pre-wrap !important; max-width: 40em; }
</style>
"""

# A comment, <script> or <style> element: the pieces of pyvis's page that are
# not plain markup (the inlined vis-network code is inside one of them).
_BLOCK = re.compile(r"(<!--.*?-->|<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>)", re.S | re.I)
_SCRIPT_WITH_SRC = re.compile(r"<script\b[^>]*\bsrc\s*=", re.I)
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.I)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.I)


def write_html(G: nx.Graph, path: str | os.PathLike[str], *, title: str = "policy-claims-kg") -> None:
    """Write an interactive, self-contained HTML view of the claims graph.

    Parameters
    ----------
    G : networkx.Graph
        The claims graph (normally a ``MultiDiGraph``); nodes need ``type``
        and ``label``, edges ``type``. It is not modified.
    path : str or os.PathLike
        Output file, replaced atomically (a failed write leaves the old file).
    title : str, optional
        Page title and heading, shown as text (HTML in it is escaped).

    Notes
    -----
    Nodes are coloured and shaped by type (see ``NODE_STYLES``), people and
    organisations grow with ``n_quotes``, edges are coloured by relation
    (see ``EDGE_COLOURS``). Hovering a node shows a plain-text tooltip: a
    speaker's roles and quotes, a quote's speaker, cue and text, an
    article's title and date. The page loads nothing from the network.
    """
    net = Network(height="85vh", width="100%", directed=True, cdn_resources="in_line")
    # Fill pyvis's lists directly: add_node/add_edge search lists (quadratic).
    net.nodes = [_vis_node(G, node) for node in G.nodes]
    net.node_ids = [n["id"] for n in net.nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    net.edges = [_vis_edge(u, v, data) for u, v, data in G.edges(data=True)]
    net.options = _OPTIONS
    page = _make_offline(net.generate_html(), title)
    with atomic_open(path) as fh:
        fh.write(page.encode("utf-8"))


def _vis_node(G: nx.Graph, node: Any) -> dict[str, Any]:
    data = G.nodes[node]
    kind = data.get("type", "")
    colour, shape = NODE_STYLES.get(kind, _OTHER_STYLE)
    if kind in ("person", "organisation"):
        size = min(12 + 4 * math.sqrt(_as_int(data.get("n_quotes"))), 40)
        tooltip = _speaker_tooltip(G, node)
    elif kind == "quote":
        size, tooltip = 8, _quote_tooltip(data)
    elif kind == "article":
        size, tooltip = 14, _article_tooltip(data)
    else:
        size, tooltip = 10, str(data.get("label", node))
    return {
        "id": str(node),
        "label": _shorten(str(data.get("label") or node), _MAX_LABEL),
        "title": tooltip.replace("href", "hre\u200bf"),  # see module docstring
        "group": kind,
        "color": colour,
        "shape": shape,
        "size": size,
    }


def _vis_edge(u: Any, v: Any, data: dict[str, Any]) -> dict[str, Any]:
    relation = str(data.get("type", ""))
    detail = data.get("title") or data.get("cue")
    return {
        "from": str(u),
        "to": str(v),
        "arrows": "to",
        "color": EDGE_COLOURS.get(relation, _OTHER_EDGE_COLOUR),
        "title": f"{relation}: {detail}" if detail else relation,
    }


def _speaker_tooltip(G: nx.Graph, node: Any) -> str:
    """Name, roles and (some of) the quotes a person or organisation said."""
    data = G.nodes[node]
    lines = [f"{data.get('label') or node} ({data.get('type')})"]
    roles = _as_list(data.get("roles"))
    if roles:
        lines.append("Roles:")
        lines += [f"  - {_shorten(r, _MAX_QUOTE)}" for r in roles[:_MAX_ROLES]]
        if len(roles) > _MAX_ROLES:
            lines.append(f"  ... and {len(roles) - _MAX_ROLES} more")
    quotes = [
        G.nodes[target]
        for _, target, edge in G.out_edges(node, data=True)
        if edge.get("type") == "said" and G.nodes[target].get("type") == "quote"
    ]
    if quotes:
        lines.append(f"Quotes ({len(quotes)}):")
        for quote in quotes[:_MAX_QUOTES]:
            cue = f" [{quote['cue']}]" if quote.get("cue") else ""
            lines.append(f"  - \u201c{_shorten(str(quote.get('content') or ''), _MAX_QUOTE)}\u201d{cue}")
        if len(quotes) > _MAX_QUOTES:
            lines.append(f"  ... and {len(quotes) - _MAX_QUOTES} more")
    return "\n".join(lines)


def _quote_tooltip(data: dict[str, Any]) -> str:
    head = f"{data.get('speaker') or 'unknown speaker'} ({data.get('cue') or 'no cue'})"
    content = _shorten(str(data.get("content") or ""), 3 * _MAX_QUOTE)
    return f"{head}:\n\u201c{content}\u201d"


def _article_tooltip(data: dict[str, Any]) -> str:
    fields = [data.get("title") or data.get("label"), data.get("date"), data.get("publication")]
    return "\n".join(str(f) for f in fields if f)


def _make_offline(page: str, title: str) -> str:
    """Drop every external resource from pyvis's page and add heading and legend.

    Only the markup between comments and ``<script>``/``<style>`` elements
    is edited, so the inlined vis-network code is never touched.
    """
    parts = _BLOCK.split(page)
    for i, part in enumerate(parts):
        if i % 2:  # a comment, <script> or <style>: keep inline code only
            if part.startswith("<!--") or _SCRIPT_WITH_SRC.match(part):
                parts[i] = ""
            continue
        part = _EMPTY_HEADING.sub("", _LINK_TAG.sub("", part))
        meta = '<meta charset="utf-8">'
        part = part.replace(meta, f"{meta}\n<title>{html.escape(title)}</title>", 1)
        part = part.replace("</head>", _PAGE_STYLE + "</head>", 1)
        part = part.replace("<body>", "<body>\n" + _legend(title), 1)
        part = part.replace("</body>", _FREEZE_SCRIPT + "</body>", 1)
        parts[i] = part
    return "<!DOCTYPE html>\n" + "".join(parts)


def _legend(title: str) -> str:
    e = html.escape
    nodes = "".join(
        f'<span><b style="background:{colour}"></b> {e(kind)}</span>'
        for kind, (colour, _) in NODE_STYLES.items()
    )
    edges = "".join(
        f'<span><b style="height:0.2em;background:{colour}"></b> {e(rel)}</span>'
        for rel, colour in EDGE_COLOURS.items()
    )
    return (
        f'<h1 class="kg-title">{e(title)}</h1>\n'
        f'<div class="kg-legend">{nodes}<br>{edges}'
        "<span>(hover a node for details; bigger speakers are quoted more)</span></div>\n"
    )


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _as_int(value: Any) -> int:
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0


def _as_list(value: Any) -> list[str]:
    """Roles are a list in the built graph, a "; "-joined string after GraphML."""
    if not value:
        return []
    if isinstance(value, str):
        return [s for s in value.split("; ") if s]
    return [str(v) for v in value if v]
