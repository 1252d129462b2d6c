"""Write the claims graph as a single interactive HTML page that works offline.

The page is made by pyvis (vis-network) with its JavaScript and CSS inlined,
plus a small script of our own: a side panel that opens on a click, a search
box and filters. Things pyvis does not do for us are handled here:

* pyvis's template links Bootstrap from a CDN even with ``cdn_resources="in_line"``;
  every ``<link>`` and ``<script src=...>`` is removed, so the page makes no
  request at all;
* ``Network.from_nx`` and ``Network.add_node`` are quadratic in the number of
  nodes, so the node and edge lists are filled directly;
* browser physics never settles on thousands of nodes and networkx's force
  layouts are quadratic, so every node gets a position from
  :func:`kg.layout.article_layout` (linear time); graphs of up to ``PHYSICS_MAX_NODES``
  nodes then relax with a bounded stabilisation, bigger ones keep the
  positions with physics off;
* if any node tooltip contains the text ``href``, pyvis switches to a popup
  that renders tooltips as HTML. Tooltips here are plain text built from
  article text, so ``href`` is broken up with a zero-width space.

User text reaches the page in three ways, none of which is parsed as HTML:
labels and tooltips inside the JSON that pyvis embeds with Jinja's ``tojson``
(which escapes ``<``, ``>``, ``&`` and ``'``) and that vis-network shows with
``innerText``; the side panel's data, a JSON document in a
``<script type="application/json">`` element with ``<``, ``>`` and ``&``
written as ``\\u003c`` etc., which the panel script reads with ``JSON.parse``
and puts on the page with ``textContent`` only; and the heading, escaped with
:func:`html.escape`.
"""

from __future__ import annotations

import html
import json
import os
import re
from typing import Any

import networkx as nx
from pyvis.network import Network

from kg.layout import article_layout, article_links, quote_speakers
from kg.palette import EDGE_COLOURS, LEGEND_GLYPHS, NODE_STYLES
from kg.readwrite._atomic import atomic_open
from kg.readwrite._html_data import panel_data, vis_edges, vis_nodes

__all__ = ["write_html", "PHYSICS_MAX_NODES"]

PHYSICS_MAX_NODES = 1000  # bigger graphs are drawn with physics off

_INTERACTION = {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True}
_EDGES = {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}}
_PHYSICS_OPTIONS = {
    "edges": _EDGES,
    "layout": {"improvedLayout": False},  # every node has a position already
    "physics": {
        "solver": "barnesHut",
        "stabilization": {"enabled": True, "iterations": 100, "fit": True},
    },
    "interaction": _INTERACTION,
}
_STATIC_OPTIONS = {
    "edges": {**_EDGES, "arrows": {"to": {"enabled": False}}},
    "layout": {"improvedLayout": False},
    "physics": {"enabled": False},
    "interaction": {**_INTERACTION, "hideEdgesOnZoom": True},
}

# Freeze the layout once the bounded stabilisation is done, so big graphs stop moving.
_FREEZE_SCRIPT = """<script>
function freezeLayout() { network.setOptions({physics: {enabled: false}}); }
// Small graphs may finish stabilising before this script runs.
if (network.physics.ready) { freezeLayout(); } else { network.once("stabilizationIterationsDone", freezeLayout); }
</script>
"""

_PAGE_STYLE = """<style>
body { font-family: sans-serif; margin: 0.5em; --kg-panel: min(34em, 45vw); }
body.kg-panel-open { margin-right: calc(var(--kg-panel) + 0.5em); }
h1.kg-title { font-size: 1.4em; margin: 0.2em 0; }
.kg-legend, .kg-controls { font-size: 0.9em; margin-bottom: 0.4em; }
.kg-legend span { margin-right: 1.2em; white-space: nowrap; }
.kg-legend b.kg-edge { display: inline-block; width: 1.2em; height: 0.25em; vertical-align: middle; }
.kg-controls form, .kg-controls fieldset { display: inline-block; margin: 0 1em 0.2em 0; border: 0; padding: 0; }
.kg-controls label, .kg-controls .kg-dates { margin-right: 0.6em; white-space: nowrap; }
.kg-controls select { max-width: 22em; }
#kg-search-status { color: #555; margin-left: 0.4em; }
.vis-tooltip { white-space: pre-wrap !important; max-width: 40em; }
#kg-panel { position: fixed; top: 0; right: 0; width: var(--kg-panel); height: 100vh; overflow-y: auto;
  box-sizing: border-box; padding: 0.8em 1em; background: #fff; border-left: 1px solid #ccc;
  box-shadow: -2px 0 8px rgba(0, 0, 0, 0.15); font-size: 0.9em; z-index: 10; }
#kg-panel[hidden] { display: none; }
#kg-panel h2 { font-size: 1.2em; margin: 0 1.5em 0.3em 0; overflow-wrap: anywhere; }
#kg-panel h3 { font-size: 1em; margin: 1em 0 0.3em; }
#kg-panel ul { padding-left: 1.2em; margin: 0.2em 0; }
#kg-panel li { margin-bottom: 0.6em; overflow-wrap: anywhere; }
#kg-panel blockquote { margin: 0 0 0.2em; white-space: pre-wrap; }
#kg-panel .kg-meta { color: #444; }
#kg-panel .kg-sentence { color: #666; font-style: italic; white-space: pre-wrap; }
#kg-panel-close { position: absolute; top: 0.5em; right: 0.6em; }
</style>
"""

# Controls and panel; everything that depends on the data is filled in by _APP_SCRIPT.
_CONTROLS = """<div class="kg-controls">
<form id="kg-search" role="search"><input id="kg-search-input" type="search" list="kg-names"
 placeholder="Find a person or organisation" aria-label="Find a person or organisation" size="30">
<button type="submit">Find</button><span id="kg-search-status" role="status"></span>
<datalist id="kg-names"></datalist></form>
<fieldset id="kg-types"><legend hidden>Node types</legend></fieldset>
<label>Article <select id="kg-article"><option value="">all articles</option></select></label>
<label>Cue class <select id="kg-cue"><option value="">all cue classes</option></select></label>
<span class="kg-dates">Dates <input id="kg-from" type="date" aria-label="From date"> to
<input id="kg-to" type="date" aria-label="To date"></span>
<button type="button" id="kg-reset">Show all</button>
</div>
<aside id="kg-panel" hidden><button type="button" id="kg-panel-close" aria-label="Close">\u00d7</button>
<div id="kg-panel-body"></div></aside>
"""

# The panel, search and filters. Data only ever reaches the page via textContent.
_APP_SCRIPT = r"""<script>
(function () {
  "use strict";
  var N = JSON.parse(document.getElementById("kg-data").textContent).nodes;
  var ids = Object.keys(N);
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function link(id) {  // a node's name that opens its panel
    var a = el("a", N[id] ? N[id].label : id);
    a.href = "#";
    a.addEventListener("click", function (ev) { ev.preventDefault(); select(id); });
    return a;
  }
  function field(name, value) {
    var p = el("p");
    p.append(el("b", name + ": "), value);
    return p;
  }
  function list(items, make) {
    var ul = el("ul");
    items.forEach(function (item) { ul.append(make(item)); });
    return ul;
  }
  function speaker(q) { return q.speaker_id ? link(q.speaker_id) : (q.speaker || "unknown speaker"); }
  function cue(q) { return (q.cue || "no cue") + (q.cue_class ? " (" + q.cue_class + ")" : ""); }
  function quoteItem(id, withSpeaker) {
    var q = N[id], li = el("li");
    li.append(el("blockquote", "\u201c" + q.content + "\u201d"));
    var meta = el("div", null, "kg-meta");
    if (withSpeaker) meta.append(speaker(q), " \u00b7 ");
    meta.append(cue(q));
    if (q.article) meta.append(" \u00b7 ", link(q.article));
    if (q.date) meta.append(" \u00b7 " + q.date);
    li.append(meta);
    if (q.sentence) li.append(el("div", q.sentence, "kg-sentence"));
    return li;
  }

  function fill(body, id) {
    var d = N[id];
    body.append(el("h2", d.label), el("div", d.type, "kg-meta"));
    if (d.type === "person" || d.type === "organisation") {
      if (d.aliases.length) body.append(field("Also called", d.aliases.join(", ")));
      if (d.roles.length) body.append(el("h3", "Roles"), list(d.roles, function (r) { return el("li", r); }));
      body.append(el("h3", "Articles (" + d.articles.length + ")"), list(d.articles, function (a) {
        var li = el("li"); li.append(link(a), " " + N[a].date); return li;
      }));
      body.append(el("h3", "Quotes (" + d.quotes.length + ")"),
        list(d.quotes, function (q) { return quoteItem(q, false); }));
    } else if (d.type === "article") {
      [["Date", d.date], ["Publication", d.publication], ["Author", d.author]].forEach(function (f) {
        if (f[1]) body.append(field(f[0], f[1]));
      });
      if (/^https?:\/\//i.test(d.url)) {
        var a = el("a", d.url); a.href = d.url; a.target = "_blank"; a.rel = "noopener noreferrer";
        body.append(field("Link", a));
      }
      body.append(el("h3", "People and organisations (" + d.actors.length + ")"), list(d.actors, function (a) {
        var li = el("li"); li.append(link(a), " (" + N[a].type + ")"); return li;
      }));
      body.append(el("h3", "Quotes (" + d.quotes.length + ")"),
        list(d.quotes, function (q) { return quoteItem(q, true); }));
    } else if (d.type === "quote") {
      body.append(field("Speaker", speaker(d)), field("Cue", cue(d)));
      if (d.quote_type) body.append(field("Type", d.quote_type));
      body.append(el("blockquote", "\u201c" + d.content + "\u201d"));
      if (d.sentence) body.append(field("Sentence", el("span", d.sentence, "kg-sentence")));
      if (d.article) body.append(field("Article", link(d.article)));
      if (d.date) body.append(field("Date", d.date));
    }
  }
  function showPanel(open) {  // the page narrows to make room for the panel
    if ($("kg-panel").hidden !== open) return;
    $("kg-panel").hidden = !open;
    document.body.classList.toggle("kg-panel-open", open);
    window.dispatchEvent(new Event("resize"));  // vis-network fits the canvas to its box
  }
  function show(id) {
    var body = $("kg-panel-body");
    body.replaceChildren();
    if (!N[id]) return;
    fill(body, id);
    showPanel(true);
    $("kg-panel").scrollTop = 0;
  }
  function select(id) {
    show(id);
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1), animation: false});
  }
  network.on("click", function (params) {
    if (params.nodes.length) show(params.nodes[0]); else showPanel(false);
  });
  $("kg-panel-close").addEventListener("click", function () { showPanel(false); });

  // Search: part of a name or alias, case-insensitive; Enter again for the next match.
  var actors = ids.filter(function (id) { return N[id].type === "person" || N[id].type === "organisation"; });
  actors.forEach(function (id) { var o = el("option"); o.value = N[id].label; $("kg-names").append(o); });
  var hits = [], hit = 0, lastQuery = null;
  $("kg-search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var query = $("kg-search-input").value.trim().toLowerCase();
    if (!query) return;
    if (query !== lastQuery) {
      hits = actors.filter(function (id) {
        var names = [N[id].label].concat(N[id].aliases);
        return names.some(function (n) { return n.toLowerCase().indexOf(query) >= 0; });
      });
      var rank = function (id) {  // the exact name, then names that start with the query
        var n = N[id].label.toLowerCase();
        return n === query ? 0 : n.indexOf(query) === 0 ? 1 : 2;
      };
      hits.sort(function (a, b) { return rank(a) - rank(b) || N[b].quotes.length - N[a].quotes.length; });
      hit = 0; lastQuery = query;
    } else if (hits.length) {
      hit = (hit + 1) % hits.length;
    }
    $("kg-search-status").textContent = hits.length ? (hit + 1) + " of " + hits.length : "no match";
    if (hits.length) select(hits[hit]);
  });

  // Filters: node types, article, cue class, date range. Hidden nodes hide their edges.
  var types = [], cues = [];
  ids.forEach(function (id) {
    var d = N[id];
    if (types.indexOf(d.type) < 0) types.push(d.type);
    if (d.type === "quote" && d.cue_class && cues.indexOf(d.cue_class) < 0) cues.push(d.cue_class);
  });
  types.forEach(function (t) {
    var box = el("input"); box.type = "checkbox"; box.checked = true; box.value = t;
    var label = el("label"); label.append(box, " " + (t || "other")); $("kg-types").append(label);
  });
  cues.sort().forEach(function (c) { var o = el("option", c); o.value = c; $("kg-cue").append(o); });
  ids.filter(function (id) { return N[id].type === "article"; })
    .sort(function (a, b) { return (N[a].date + a).localeCompare(N[b].date + b); })
    .forEach(function (id) {
      var o = el("option", (N[id].date ? N[id].date + " " : "") + N[id].label);
      o.value = id;
      $("kg-article").append(o);
    });

  function applyFilters() {
    var shown = {}, art = $("kg-article").value, cueClass = $("kg-cue").value;
    var from = $("kg-from").value, to = $("kg-to").value;
    document.querySelectorAll("#kg-types input").forEach(function (b) { shown[b.value] = b.checked; });
    var dateOk = function (date) {  // undated nodes are out of any range
      return (!from && !to) || (!!date && (!from || date >= from) && (!to || date <= to));
    };
    var articleOk = function (id) { return (!art || id === art) && dateOk(N[id].date); };
    var visible = function (d, id) {
      if (!shown[d.type]) return false;
      if (d.type === "article") return articleOk(id);
      if (d.type === "quote") {
        return (!art || d.article === art) && dateOk(d.date) && (!cueClass || d.cue_class === cueClass);
      }
      if (d.articles) return d.articles.length ? d.articles.some(articleOk) : !art && !from && !to;
      return true;
    };
    nodes.update(ids.map(function (id) { return {id: id, hidden: !visible(N[id], id)}; }));
  }
  document.querySelectorAll(".kg-controls select, .kg-controls input[type=date], #kg-types input")
    .forEach(function (c) { c.addEventListener("change", applyFilters); });
  $("kg-reset").addEventListener("click", function () {
    document.querySelectorAll("#kg-types input").forEach(function (b) { b.checked = true; });
    ["kg-article", "kg-cue", "kg-from", "kg-to"].forEach(function (id) { $(id).value = ""; });
    applyFilters();
  });
})();
</script>
"""

# A comment, <script> or <style> element: the pieces of pyvis's page that are
# not plain markup (the inlined vis-network code is inside one of them).
_BLOCK = re.compile(r"(<!--.*?-->|<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>)", re.S | re.I)
_SCRIPT_WITH_SRC = re.compile(r"<script\b[^>]*\bsrc\s*=", re.I)
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.I)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.I)
_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def write_html(G: nx.Graph, path: str | os.PathLike[str], *, title: str = "policy-claims-kg") -> None:
    """Write an interactive, self-contained HTML view of the claims graph.

    Parameters
    ----------
    G : networkx.Graph
        The claims graph (normally a ``MultiDiGraph``, also as read back
        from GraphML); nodes need ``type`` and ``label``, edges ``type``.
        It is not modified.
    path : str or os.PathLike
        Output file, replaced atomically (a failed write leaves the old file).
    title : str, optional
        Page title and heading, shown as text (HTML in it is escaped).

    Notes
    -----
    Nodes are coloured and shaped by type (see ``kg.palette.NODE_STYLES``), people and
    organisations grow with ``n_quotes``, edges are coloured by relation
    (see ``kg.palette.EDGE_COLOURS``). Hovering a node shows a short plain-text
    tooltip; clicking it opens a side panel with everything the graph knows
    about it (a speaker's roles and every quote with cue, article, date and
    sentence; an article's people, organisations and quotes). A search box
    finds people and organisations by part of their name or an alias, and
    filters hide nodes by type, article, cue class and date range (nodes
    without a date are hidden while a date range is set). The page loads
    nothing from the network. The output is deterministic.

    Graphs of more than ``PHYSICS_MAX_NODES`` nodes are drawn where
    :func:`kg.layout.article_layout` puts them, with physics off and quotes without a
    label on the canvas (their tooltip and panel show them), so that a graph
    of 5,000 nodes opens in a few seconds; smaller graphs start from the
    same positions and relax for 100 iterations of vis-network's physics.
    """
    links = article_links(G)
    speakers = quote_speakers(G)
    positions = article_layout(G, links=links, speakers=speakers)
    net = Network(height="78vh", width="100%", directed=True, cdn_resources="in_line")
    # Fill pyvis's lists directly: add_node/add_edge search lists (quadratic).
    small = len(G) <= PHYSICS_MAX_NODES
    net.nodes = vis_nodes(G, positions, quote_labels=small)
    net.node_ids = [n["id"] for n in net.nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    net.edges = vis_edges(G)
    net.options = _PHYSICS_OPTIONS if small else _STATIC_OPTIONS
    legend = _legend(title, {d.get("type") for _, d in G.nodes(data=True)},
                     {d.get("type") for *_, d in G.edges(data=True)})
    page = _make_offline(net.generate_html(), legend, title, _json_in_html(panel_data(G, links, speakers)))
    with atomic_open(path) as fh:
        fh.write(page.encode("utf-8"))


def _json_in_html(value: Any) -> str:
    """`value` as compact JSON that is safe inside a ``<script>`` element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_JSON_IN_HTML)


def _make_offline(page: str, legend: str, title: str, panel_json: str) -> str:
    """Drop every external resource from pyvis's page; add heading, legend, controls and panel.

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
        part = part.replace("<body>", "<body>\n" + legend + _CONTROLS, 1)
        data = f'<script type="application/json" id="kg-data">{panel_json}</script>\n'
        part = part.replace("</body>", _FREEZE_SCRIPT + data + _APP_SCRIPT + "</body>", 1)
        parts[i] = part
    return "<!DOCTYPE html>\n" + "".join(parts)


def _legend(title: str, node_types: set[Any], edge_types: set[Any]) -> str:
    """Heading and legend, listing the node and edge types the graph has."""
    e = html.escape
    nodes = "".join(
        f'<span><b style="color:{colour}">{LEGEND_GLYPHS[shape]}</b> {e(kind)}</span>'
        for kind, (colour, shape) in NODE_STYLES.items() if kind in node_types
    )
    edges = "".join(
        f'<span><b class="kg-edge" style="background:{colour}"></b> {e(rel)}</span>'
        for rel, colour in EDGE_COLOURS.items() if rel in edge_types
    )
    return (
        f'<h1 class="kg-title">{e(title)}</h1>\n'
        f'<div class="kg-legend">{nodes}{edges}'
        "<span>(click a node for details; bigger speakers are quoted more)</span></div>\n"
    )
