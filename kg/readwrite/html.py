"""Write the claims graph as a single interactive HTML page that works offline.

pyvis's :class:`~pyvis.network.Network` holds vis-network's node, edge and
option lists and renders the page with :meth:`~pyvis.network.Network.generate_html`,
but from our own Jinja2 template (``templates/graph.html.j2``, with
``static/graph.css`` and ``static/graph.js``, all package data read with
:mod:`importlib.resources`): vis-network's JavaScript and CSS are inlined
from pyvis's copy, there is no Bootstrap and no other external resource, so
the page makes no request at all. Our script adds a side panel that opens on
a click, a search box and filters. Other things pyvis does not do for us:

* ``Network.from_nx`` and ``Network.add_node`` are quadratic in the number of
  nodes, so the node and edge lists (``net.nodes``, ``net.edges``, and
  ``net.node_ids``/``net.node_map`` to keep the object consistent) are
  filled directly;
* browser physics never settles on thousands of nodes and networkx's force
  layouts are quadratic, so every node gets a position from
  :func:`kg.layout.article_layout` (linear time); graphs of up to
  ``PHYSICS_MAX_NODES`` nodes then relax with a bounded stabilisation
  (100 iterations), bigger ones keep the positions with physics off;
* vis-network keeps running physics after stabilising, so ``graph.js``
  turns physics off once the stabilisation is done (or already done), and
  the layout stays where it settled;
* if any node tooltip contains the text ``href``, ``generate_html`` asks the
  template for a popup that renders tooltips as HTML (``tooltip_link``).
  Our template ignores that flag, and tooltips, plain text built from
  article text, have ``href`` broken up with a zero-width space anyway, so
  they read the same whichever template draws them.

User text reaches the page in two ways, neither of which is parsed as HTML.
Labels, tooltips and the side panel's data are JSON documents in
``script`` elements of type ``application/json``, with ``<``, ``>`` and
``&`` written as ``\\u003c`` etc. (Jinja's ``tojson`` for pyvis's lists, which
also escapes ``'``; :func:`_script_json` for the panel's data); ``graph.js``
reads them with ``JSON.parse``, vis-network shows labels and tooltips as
text and the panel puts text on the page with ``textContent`` only. The
title and the legend go through the template with Jinja's autoescape.
"""

from __future__ import annotations

import functools
import json
import os
from importlib.resources import files
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup
from pyvis.network import Network

from kg.layout import article_layout, article_links, quote_speakers
from kg.palette import EDGE_COLOURS, LEGEND_GLYPHS, NODE_STYLES
from kg.readwrite._atomic import atomic_open
from kg.readwrite._html_data import panel_data, vis_edges, vis_nodes

__all__ = ["write_html", "PHYSICS_MAX_NODES"]

PHYSICS_MAX_NODES = 1000  # bigger graphs are drawn with physics off

_TEMPLATE = "graph.html.j2"  # in kg/readwrite/templates/
_VIS_NETWORK = "templates/lib/vis-9.1.2"  # in pyvis: the vis-network it ships, inlined in the page

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

    See Also
    --------
    kg.layout.article_layout : where the nodes are drawn.
    kg.palette : node colours, shapes and sizes, edge colours.

    Notes
    -----
    Nodes are coloured and shaped by type (see ``kg.palette.NODE_STYLES``),
    people and organisations grow with ``n_quotes``, edges are coloured by
    relation (see ``kg.palette.EDGE_COLOURS``). Hovering a node shows a
    short plain-text tooltip; clicking it opens a side panel with everything
    the graph knows about it (a speaker's roles and every quote with cue,
    article, date and sentence; an article's people, organisations and
    quotes). A search box finds people and organisations by part of their
    name or an alias, and filters hide nodes by type, article, cue class and
    date range (nodes without a date are hidden while a date range is set).
    The page loads nothing from the network. The output is deterministic.

    Graphs of more than ``PHYSICS_MAX_NODES`` nodes are drawn where
    :func:`kg.layout.article_layout` puts them, with physics off and quotes
    without a label on the canvas (their tooltip and panel show them), so
    that a graph of 5,000 nodes opens in a few seconds; smaller graphs start
    from the same positions and relax for 100 iterations of vis-network's
    physics.
    """
    links = article_links(G)
    speakers = quote_speakers(G)
    positions = article_layout(G, links=links, speakers=speakers)
    small = len(G) <= PHYSICS_MAX_NODES
    net = Network(directed=True)  # its size is set in static/graph.css
    # Fill pyvis's lists directly: add_node/add_edge search lists (quadratic).
    net.nodes = vis_nodes(G, positions, quote_labels=small)
    net.node_ids = [n["id"] for n in net.nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    net.edges = vis_edges(G)
    net.options = _PHYSICS_OPTIONS if small else _STATIC_OPTIONS
    # generate_html renders net.path from net.templateEnv: our template, with what pyvis does not pass.
    net.templateEnv = _environment(title=title, panel=panel_data(G, links, speakers), **_legend(G))
    net.path = _TEMPLATE
    page = net.generate_html()
    with atomic_open(path) as fh:
        fh.write(page.encode("utf-8"))


def _environment(**page: Any) -> jinja2.Environment:
    """A Jinja environment for one page: our template, autoescape on, `page` as globals."""
    env = jinja2.Environment(loader=jinja2.FunctionLoader(_template_source), autoescape=True,
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters["script_json"] = _script_json
    env.globals.update(
        page,
        vis_css=Markup(_resource("pyvis", f"{_VIS_NETWORK}/vis-network.css")),
        vis_js=Markup(_resource("pyvis", f"{_VIS_NETWORK}/vis-network.min.js")),
        page_css=Markup(_resource("kg.readwrite", "static/graph.css")),
        page_js=Markup(_resource("kg.readwrite", "static/graph.js")),
    )
    return env


def _template_source(name: str) -> str:
    return _resource("kg.readwrite", f"templates/{name}")


@functools.cache
def _resource(package: str, name: str) -> str:
    """The text of a file shipped in `package` (a template, our CSS and JS, or pyvis's vis-network)."""
    return files(package).joinpath(name).read_text(encoding="utf-8")


def _script_json(value: Any) -> Markup:
    """`value` as compact JSON that is safe inside a ``script`` element (the ``script_json`` filter)."""
    return Markup(json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_JSON_IN_HTML))


def _legend(G: nx.Graph) -> dict[str, list[tuple[str, ...]]]:
    """The node types and relations the graph has, in palette order, with their colours and glyphs."""
    node_types = {d.get("type") for _, d in G.nodes(data=True)}
    edge_types = {d.get("type") for *_, d in G.edges(data=True)}
    return {
        "legend_nodes": [(kind, colour, LEGEND_GLYPHS[shape])
                         for kind, (colour, shape) in NODE_STYLES.items() if kind in node_types],
        "legend_edges": [(relation, colour) for relation, colour in EDGE_COLOURS.items() if relation in edge_types],
    }
