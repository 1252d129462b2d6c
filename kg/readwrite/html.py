"""Write the interactive HTML page: one self-contained file that works offline.

`write_html(G, path)` computes what the page shows with `kg.page.page_data` and
hands it to `write_page(data, path)`, which knows nothing of networkx: anything
that fills a `kg.page.PageData` (a store, say) gets the same page. The page is
our Jinja2 template (``templates/graph.html.j2``) with our CSS and JavaScript
(``static/``), all package data read with :mod:`importlib.resources`, and
vis-network's JavaScript and CSS inlined from pyvis's copy: no Bootstrap, no
other external resource, so the page makes no request at all.

Size limits, so that a page of a few thousand articles stays usable:

* ``PHYSICS_MAX_NODES``, ``PHYSICS_MAX_EDGES``: a view with more nodes or
  edges keeps the positions of
  `kg.page.layout` (linear time); smaller views relax with a bounded
  stabilisation (100 iterations of vis-network's physics), then freeze;
* ``QUOTE_VIEW_MAX_NODES``: the quote view (articles, quotes, concepts and
  actors) is offered only up to this many nodes;
* ``MAX_CELL_ACTORS``: a concept on which more actors take one side ties
  everyone to everyone; it is left out of the ties (the page names it), so
  working out the ties stays linear in the number of stance statements;
* ``MAX_TIES``: the strongest ties drawn;
* `kg.page.TEXT_BUDGET`: characters of article text in the page.

User text reaches the page only as JSON in ``script`` elements of type
``application/json``, with ``<``, ``>`` and ``&`` written as ``\\u003c`` etc.
(:func:`_script_json`); the page's script reads it with ``JSON.parse`` and
puts text on the page with ``textContent`` only. The title and the legend go
through the template with Jinja's autoescape.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Mapping
from importlib.resources import files
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup

from kg.page import TEXT_BUDGET, PageData, page_data
from kg.page.layout import actor_positions, quote_positions, quote_view_size
from kg.palette import AGREEMENT_COLOURS, EDGE_COLOURS, LEGEND_GLYPHS, NODE_STYLES, OTHER_STYLE
from kg.readwrite._atomic import atomic_open

__all__ = ["write_html", "write_page", "PHYSICS_MAX_NODES", "PHYSICS_MAX_EDGES", "QUOTE_VIEW_MAX_NODES",
           "MAX_CELL_ACTORS", "MAX_TIES"]

PHYSICS_MAX_NODES = 1000
"""Views with more nodes are drawn with physics off."""
PHYSICS_MAX_EDGES = 1500
"""...and so are views with more edges (physics on 550 actors and 3,000 ties took 13 s here)."""
QUOTE_VIEW_MAX_NODES = 1500
"""The quote view is offered for claims pages of up to this many articles, actors, quotes and concepts."""
MAX_CELL_ACTORS = 150
"""A concept on which more actors take one side is left out of the ties."""
MAX_TIES = 3000
"""The strongest ties drawn in the actor view."""
_MAX_LABELLED_EDGES = 300  # edges show their weight as a label up to this many

_TEMPLATE = "graph.html.j2"  # in kg/readwrite/templates/
_SCRIPTS = ("page-data.js", "page-views.js", "page-panel.js", "page-controls.js")  # in static/, in this order
_VIS_NETWORK = "templates/lib/vis-9.1.2"  # in pyvis: the vis-network it ships, inlined in the page
_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def write_html(G: nx.Graph, path: str | os.PathLike[str], *, title: str = "policy-claims-kg",
               texts: Mapping[str, str | None] | None = None) -> None:
    """Write an interactive, self-contained HTML page of a claims graph or a discourse network.

    Parameters
    ----------
    G : networkx.Graph
        The claims graph (also as read back from GraphML), or a discourse network
        from `kg.discourse`. Not modified.
    path : str or os.PathLike
        Output file, replaced atomically (a failed write leaves the old file).
    title : str, optional
        Page title and heading, shown as text (HTML in it is escaped).
    texts : mapping, optional
        Article id -> the article's text (``ArticleRecord.text``), for the
        article view, within `kg.page.TEXT_BUDGET` characters.

    See Also
    --------
    kg.page.page_data : what the page shows.
    write_page : the page of a `PageData`.
    """
    write_page(page_data(G, texts), path, title=title)


def write_page(data: PageData, path: str | os.PathLike[str], *, title: str = "policy-claims-kg") -> None:
    """Write the page of `data`.

    Parameters
    ----------
    data : PageData
    path : str or os.PathLike
        Output file, replaced atomically.
    title : str, optional
        Page title and heading, shown as text.

    Notes
    -----
    The page opens on the actor view: people and organisations sized by their
    quotes, joined by congruence (agree, green) and conflict (disagree, red)
    ties that the page works out from the quotes' stances for whatever the
    filters leave, and by their roles (dashed). Filters (concept, actor kind,
    article, cue class, dates) hide every kind of node, drop what is left
    unconnected and fit the view again; the panel shows a node's quotes with
    their stance on each concept, and each quote in its article. When more
    than ``PHYSICS_MAX_NODES`` actors are quoted, the page opens with only
    the actors that have ties. The output is deterministic.
    """
    claims = data.network == "claims"
    view = {
        "actor_positions": actor_positions(data),
        "quote_positions": quote_positions(data) if claims and quote_view_size(data) <= QUOTE_VIEW_MAX_NODES else None,
        "physics_max_nodes": PHYSICS_MAX_NODES,
        "physics_max_edges": PHYSICS_MAX_EDGES,
        "ties_only": sum(a.n_quotes > 0 for a in data.actors) > PHYSICS_MAX_NODES,
        "quote_view_max_nodes": QUOTE_VIEW_MAX_NODES,
        "max_cell": MAX_CELL_ACTORS,
        "max_ties": MAX_TIES,
        "max_labelled_edges": _MAX_LABELLED_EDGES,
        "text_budget": TEXT_BUDGET,
        "palette": {"nodes": NODE_STYLES, "other": OTHER_STYLE, "edges": EDGE_COLOURS, "agreement": AGREEMENT_COLOURS},
    }
    page = _environment().get_template(_TEMPLATE).render(
        title=title, claims=claims, data=data.model_dump(mode="json"), view=view, **_legend(data))
    with atomic_open(path) as fh:
        fh.write(page.encode("utf-8"))


@functools.cache
def _environment() -> jinja2.Environment:
    """Our template, autoescape on, with the CSS and JavaScript to inline."""
    env = jinja2.Environment(loader=jinja2.FunctionLoader(_template_source), autoescape=True,
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters["script_json"] = _script_json
    env.globals.update(
        vis_css=Markup(_resource("pyvis", f"{_VIS_NETWORK}/vis-network.css")),
        vis_js=Markup(_resource("pyvis", f"{_VIS_NETWORK}/vis-network.min.js")),
        page_css=Markup(_resource("kg.readwrite", "static/graph.css")),
        page_js=Markup("\n".join(_resource("kg.readwrite", f"static/{name}") for name in _SCRIPTS)),
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


def _legend(data: PageData) -> dict[str, list[tuple[Any, ...]]]:
    """The kinds of node and edge the page can show, with their colours and glyphs."""
    kinds = {a.kind for a in data.actors}
    if data.network == "actor-concept" or (data.network == "claims" and data.concepts):
        kinds.add("concept")
    if data.network == "claims" and data.quotes:
        kinds |= {"article", "quote"}
    relations = {"claims": ["congruence", "conflict"], "subtract": ["congruence", "conflict"],
                 "actor-concept": ["stance"]}.get(data.network, [data.network])
    edges = [(f"{r} ({ {'congruence': 'same side', 'conflict': 'opposite sides'}.get(r, 'agree / disagree / mixed')})",
              EDGE_COLOURS[r] if r != "stance" else AGREEMENT_COLOURS["mixed"], False) for r in relations]
    if data.roles:
        edges.append(("role", EDGE_COLOURS["holds_role"], True))
    return {
        "legend_nodes": [(kind, colour, LEGEND_GLYPHS[shape])
                         for kind, (colour, shape) in NODE_STYLES.items() if kind in kinds],
        "legend_edges": edges,
    }
