"""Statements, as in Discourse Network Analyzer: one actor's stance on one concept in one claim.

A statement is a ``said`` edge (person or organisation -> quote) and an ``about`` edge
(quote -> ``concept:<name>``, with ``agreement`` agree/disagree/neutral and
``confidence``) of the claims graph. The networks are made from statements counted by
actor, concept and agreement (`StanceCount`): here from a graph, or in SQL by a claims
store (`kg.query.StoreQueries.stance_counts`).

Actors are people, or organisations (``actors="organisations"``): then a person's
statements count for every organisation the person holds a current role at
(``holds_role`` edges that are not ``former``), and an organisation's own statements
count for it. A person with no such role drops out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Actors", "DateLike", "Labels", "Statement", "StanceCount", "statements", "stance_counts", "labels",
           "as_date", "iso_day"]

Actors = Literal["people", "organisations"]
DateLike = str | date | datetime | None
Labels = dict[str, dict[str, str]]
"""Node id -> ``{"type": ..., "label": ...}`` for the actors and concepts of a network."""
_AGREEMENTS = ("agree", "disagree", "neutral")


class Statement(NamedTuple):
    """One actor's stance on one concept in one claim."""

    actor: str
    """Node id of the person or organisation."""
    concept: str
    """Node id of the concept (``concept:<name>``)."""
    agreement: str
    """agree, disagree or neutral."""
    quote: str
    """Node id of the quote."""
    date: str
    """The quote's date (ISO), or ``""``."""
    confidence: float


class StanceCount(NamedTuple):
    """How many statements one actor made on one concept with one stance (on one day)."""

    actor: str
    concept: str
    agreement: str
    count: int
    day: str = ""
    """The ISO day the statements were made on, or ``""`` when counted over every day."""


def statements(G: nx.Graph, *, actors: Actors = "people", since: DateLike = None, until: DateLike = None,
               min_confidence: float = 0.0) -> list[Statement]:
    """Every statement in the graph: (actor, concept, agreement, quote, date, confidence).

    Parameters
    ----------
    G : networkx graph
        The claims graph (built by `kg.build.build_graph` or read from GraphML).
    actors : "people" or "organisations"
        Who the statements are counted for (see the module docstring).
    since, until : str or date, optional
        Inclusive date window on the quote's date; undated quotes are left out when
        either is given.
    min_confidence : float
        Leave out concept links whose ``confidence`` is lower.

    Returns
    -------
    list of Statement
        Sorted by date, then quote, actor and concept; one statement per actor, quote
        and concept.

    Raises
    ------
    ValueError
        For `actors` other than people or organisations, or a bound that is not an ISO date.
    """
    if actors not in ("people", "organisations"):
        raise ValueError(f"actors must be 'people' or 'organisations', not {actors!r}")
    start, end = as_date(since, "since"), as_date(until, "until")
    found: dict[tuple[str, str, str], Statement] = {}
    for quote, data in G.nodes(data=True):
        if data.get("type") != "quote":
            continue
        when = str(data.get("date") or "")
        if (start is not None or end is not None) and not _in_window(when, start, end):
            continue
        concepts = [(c, e) for _, c, e in _out_edges(G, quote)
                    if e.get("type") == "about" and G.nodes[c].get("type") == "concept"]
        for speaker in _speakers(G, quote) if concepts else ():
            for actor in _actors_for(G, speaker, actors):
                for concept, edge in concepts:
                    confidence = float(edge.get("confidence", 1.0) or 0.0)
                    agreement = str(edge.get("agreement") or "neutral")
                    if confidence >= min_confidence and agreement in _AGREEMENTS:
                        found.setdefault((actor, quote, concept),
                                         Statement(actor, concept, agreement, quote, when, confidence))
    return sorted(found.values(), key=lambda s: (s.date, s.quote, s.actor, s.concept))


def stance_counts(found: Iterable[Statement], *, by_day: bool = False) -> list[StanceCount]:
    """Statements counted by actor, concept and agreement (and, with `by_day`, the ISO day:
    undated statements are then left out), sorted."""
    keys = ((s.actor, s.concept, s.agreement, iso_day(s.date) if by_day else "") for s in found)
    counts = Counter(key for key in keys if key[3] or not by_day)
    return [StanceCount(actor, concept, agreement, n, day)
            for (actor, concept, agreement, day), n in sorted(counts.items())]


def labels(G: nx.Graph, nodes: Collection[str]) -> Labels:
    """The ``type`` and ``label`` of the actor and concept nodes of a claims graph."""
    return {n: {"type": str(G.nodes[n].get("type", "person")), "label": _label(G, n)} for n in nodes}


def as_date(value: DateLike, name: str) -> date | None:
    """A date window's bound as a date (None for none).

    Raises
    ------
    ValueError
        When `value` is not an ISO date, naming the bound (`name`).
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = _parse(str(value))
    if parsed is None:
        raise ValueError(f"{name} must be an ISO date (YYYY-MM-DD), not {value!r}")
    return parsed


def iso_day(text: str) -> str:
    """The ISO day a date or date-time string starts with, or ``""``."""
    day = _parse(text)
    return day.isoformat() if day else ""


def _parse(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _in_window(when: str, start: date | None, end: date | None) -> bool:
    day = _parse(when)
    if day is None:
        return False
    return (start is None or start <= day) and (end is None or day <= end)


def _out_edges(G: nx.Graph, node: str) -> Iterator[tuple[str, str, dict]]:
    if G.is_directed():
        return iter(G.out_edges(node, data=True))
    return iter(G.edges(node, data=True))


def _in_edges(G: nx.Graph, node: str) -> Iterator[tuple[str, str, dict]]:
    if G.is_directed():
        return iter(G.in_edges(node, data=True))
    return ((v, u, d) for u, v, d in G.edges(node, data=True))


def _speakers(G: nx.Graph, quote: str) -> list[str]:
    found = []
    for speaker, _, data in _in_edges(G, quote):
        if data.get("type") == "said" and G.nodes[speaker].get("type") in ("person", "organisation"):
            if speaker not in found:
                found.append(speaker)
    return found


def _actors_for(G: nx.Graph, speaker: str, actors: Actors) -> list[str]:
    kind = G.nodes[speaker].get("type")
    if actors == "people":
        return [speaker] if kind == "person" else []
    if kind == "organisation":
        return [speaker]
    orgs = []
    for _, org, data in _out_edges(G, speaker):
        if (data.get("type") == "holds_role" and not data.get("former")
                and G.nodes[org].get("type") == "organisation" and org not in orgs):
            orgs.append(org)
    return sorted(orgs)


def _label(G: nx.Graph, node: str) -> str:
    data = G.nodes[node]
    return str(data.get("label") or data.get("name") or node.split(":", 1)[-1])
