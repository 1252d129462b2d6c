"""How the claims graph looks: node colours, shapes and sizes, edge colours.

One palette for every drawing of the graph, so the HTML page, Gephi (GEXF
``viz``) and anything added later show a person, a quote or a ``said`` edge
the same way. Colours are ``#rrggbb`` strings; shapes are vis-network shape
names (GEXF has its own names for them).
"""

from __future__ import annotations

import math
from typing import Any

__all__ = [
    "NODE_STYLES",
    "OTHER_STYLE",
    "EDGE_COLOURS",
    "OTHER_EDGE_COLOUR",
    "AGREEMENT_COLOURS",
    "LEGEND_GLYPHS",
    "node_style",
    "edge_colour",
    "node_size",
]

NODE_STYLES: dict[str, tuple[str, str]] = {
    "person": ("#4e79a7", "dot"),
    "organisation": ("#f28e2b", "diamond"),
    "article": ("#59a14f", "square"),
    "quote": ("#b07aa1", "triangle"),
    "concept": ("#edc948", "star"),
}
"""Node type -> (colour, vis-network shape)."""

OTHER_STYLE: tuple[str, str] = ("#bab0ac", "dot")
"""(colour, shape) of a node whose type is not in `NODE_STYLES`."""

EDGE_COLOURS: dict[str, str] = {
    "said": "#4e79a7",
    "quoted_in": "#b07aa1",
    "mentioned_in": "#c7c7c7",
    "holds_role": "#8c8c8c",  # grey: red is conflict
    "about": "#edc948",
    "congruence": "#59a14f",  # discourse networks (kg.discourse)
    "conflict": "#e15759",
    "stance": "#bab0ac",
}
"""Relation (edge ``type``) -> colour."""

OTHER_EDGE_COLOUR = "#888888"
"""Colour of an edge whose relation is not in `EDGE_COLOURS`."""

AGREEMENT_COLOURS: dict[str, str] = {
    "agree": "#59a14f",
    "disagree": "#e15759",
    "mixed": "#f28e2b",
    "neutral": "#bab0ac",
}
"""Stance (``agreement`` of an ``about`` edge; "mixed" for an actor who took both sides) -> colour."""

LEGEND_GLYPHS: dict[str, str] = {
    "dot": "\u25cf",
    "diamond": "\u25c6",
    "square": "\u25a0",
    "triangle": "\u25b2",
    "star": "\u2605",
}
"""vis-network shape -> the text character that stands for it in a legend."""

_ACTORS = ("person", "organisation")


def node_style(kind: Any) -> tuple[str, str]:
    """Colour and shape of a node of type `kind`.

    Parameters
    ----------
    kind : str or None
        The node's ``type`` attribute.

    Returns
    -------
    tuple of str
        ``(colour, shape)``, `OTHER_STYLE` for an unknown type.

    Examples
    --------
    >>> node_style("quote")
    ('#b07aa1', 'triangle')
    """
    return NODE_STYLES.get(kind, OTHER_STYLE)


def edge_colour(relation: Any) -> str:
    """Colour of an edge of type `relation`, `OTHER_EDGE_COLOUR` for an unknown one.

    Examples
    --------
    >>> edge_colour("said")
    '#4e79a7'
    """
    return EDGE_COLOURS.get(relation, OTHER_EDGE_COLOUR)


def node_size(data: dict[str, Any]) -> float:
    """Drawn size of a node: people and organisations grow with ``n_quotes``.

    Parameters
    ----------
    data : dict
        The node's attributes (``type`` and, for people and organisations,
        ``n_quotes``; a missing or unreadable count counts as 0).

    Returns
    -------
    float
        From 12 to 40 for people and organisations, 8 for quotes, 14 for
        articles and 10 for anything else.

    Examples
    --------
    >>> node_size({"type": "person", "n_quotes": 4})
    20.0
    """
    kind = data.get("type")
    if kind in _ACTORS:
        return min(12 + 4 * math.sqrt(_as_int(data.get("n_quotes"))), 40.0)
    return {"quote": 8.0, "article": 14.0}.get(kind, 10.0)


def _as_int(value: Any) -> int:
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0
