"""Discourse networks from the claims graph, as in Discourse Network Analyzer (DNA).

A *statement* is one actor taking a stance on one concept in one claim: a
``said`` edge (person or organisation -> quote) and an ``about`` edge (quote ->
``concept:<name>``, with ``agreement`` agree/disagree/neutral and ``confidence``).
From the statements:

* `actor_concept_network`: the two-mode actor x concept network, with the
  numbers of agreeing, disagreeing and neutral statements on each edge;
* `congruence_network`: actors tied when they take the same side on a concept
  (both agree or both disagree);
* `conflict_network`: actors tied when they take opposite sides (one agrees,
  the other disagrees).

Actors are people, or organisations (``actors="organisations"``): then a
person's statements count for every organisation the person holds a current
role at (``holds_role`` edges that are not ``former``), and an organisation's
own statements count for it. A person with no such role drops out.

All functions take an optional date window, ``since`` and ``until`` (inclusive;
ISO strings or dates), on the quote's ``date``; with a window, undated quotes
are left out. Results are plain ``networkx.Graph`` objects with a ``type`` on
every node and edge and scalar attributes only, so `kg.readwrite.write_graphml`
and the other writers export them. No spaCy here.

The networks are made from `StanceCount` rows (actor, concept, agreement, number of
statements) by `actor_concept_from_counts` and `one_mode_from_counts`: from a graph's
`statements` here, or counted in SQL by a claims store (`kg.query.StoreQueries.network`),
which then hands networkx only the actors and concepts.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import date, datetime
from typing import Iterable, Iterator, Literal, NamedTuple

import networkx as nx

__all__ = [
    "Statement",
    "statements",
    "actor_concept_network",
    "congruence_network",
    "conflict_network",
    "StanceCount",
    "stance_counts",
    "actor_concept_from_counts",
    "one_mode_from_counts",
    "as_date",
    "NORMALISATIONS",
]

Actors = Literal["people", "organisations"]
Normalisation = Literal["average", "jaccard", "cosine"]
NORMALISATIONS = ("average", "jaccard", "cosine", None)
_STANCES = ("agree", "disagree")


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
    """How many statements one actor made on one concept with one stance."""

    actor: str
    concept: str
    agreement: str
    count: int


DateLike = str | date | datetime | None
Labels = dict[str, dict[str, str]]
"""Node id -> ``{"type": ..., "label": ...}`` for the actors and concepts of a network."""


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
        if not concepts:
            continue
        for speaker in _speakers(G, quote):
            for actor in _actors_for(G, speaker, actors):
                for concept, edge in concepts:
                    confidence = float(edge.get("confidence", 1.0) or 0.0)
                    agreement = str(edge.get("agreement") or "neutral")
                    if confidence < min_confidence or agreement not in ("agree", "disagree", "neutral"):
                        continue
                    found.setdefault((actor, quote, concept),
                                     Statement(actor, concept, agreement, quote, when, confidence))
    return sorted(found.values(), key=lambda s: (s.date, s.quote, s.actor, s.concept))


def actor_concept_network(G: nx.Graph, *, actors: Actors = "people", since: DateLike = None,
                          until: DateLike = None, min_confidence: float = 0.0) -> nx.Graph:
    """The two-mode network of actors and the concepts they speak about.

    Returns
    -------
    networkx.Graph
        Actor nodes (``type`` person or organisation, ``bipartite=0``) and concept
        nodes (``type="concept"``, ``bipartite=1``), each with ``label`` and
        ``n_statements``. One edge (``type="stance"``) per actor and concept with
        ``agree``, ``disagree`` and ``neutral`` (numbers of statements), ``weight``
        (their sum), ``net`` (agree - disagree) and ``agreement``: "agree" or
        "disagree" when the actor only ever took that side, "mixed" when both,
        "neutral" when neither. Graph attributes: ``network``, ``actors``,
        ``since``, ``until``.
    """
    counts = stance_counts(statements(G, actors=actors, since=since, until=until, min_confidence=min_confidence))
    return actor_concept_from_counts(counts, _labels(G, counts), actors=actors, since=since, until=until)


def actor_concept_from_counts(counts: list[StanceCount], labels: Labels, *, actors: Actors = "people",
                              since: DateLike = None, until: DateLike = None) -> nx.Graph:
    """`actor_concept_network` from stance counts and the labels of their nodes."""
    H = nx.Graph(network="actor-concept", actors=actors, since=_text(since), until=_text(until))
    cells: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    per_node: Counter[str] = Counter()
    for c in counts:
        cells[(c.actor, c.concept)][c.agreement] += c.count
        per_node[c.actor] += c.count
        per_node[c.concept] += c.count
    for (actor, concept), count in cells.items():
        if actor not in H:
            H.add_node(actor, **labels[actor], bipartite=0, n_statements=per_node[actor])
        if concept not in H:
            H.add_node(concept, type="concept", label=labels[concept]["label"], bipartite=1,
                       n_statements=per_node[concept])
        agree, disagree, neutral = count["agree"], count["disagree"], count["neutral"]
        if agree and disagree:
            overall = "mixed"
        elif agree or disagree:
            overall = "agree" if agree else "disagree"
        else:
            overall = "neutral"
        H.add_edge(actor, concept, type="stance", agree=agree, disagree=disagree, neutral=neutral,
                   weight=agree + disagree + neutral, net=agree - disagree, agreement=overall)
    return H


def stance_counts(found: Iterable[Statement]) -> list[StanceCount]:
    """Statements counted by actor, concept and agreement, in order of first statement."""
    counts: Counter[tuple[str, str, str]] = Counter((s.actor, s.concept, s.agreement) for s in found)
    return [StanceCount(*key, n) for key, n in counts.items()]


def congruence_network(G: nx.Graph, *, actors: Actors = "people", normalisation: Normalisation | None = None,
                       since: DateLike = None, until: DateLike = None, min_confidence: float = 0.0) -> nx.Graph:
    """The one-mode network of actors who take the same side on the same concepts.

    Only agreeing and disagreeing statements count; neutral ones take no side.
    Let ``a[i][c][k]`` be the number of statements actor ``i`` made on concept
    ``c`` with stance ``k`` (agree or disagree). As in DNA's congruence
    aggregation, the raw tie of actors ``i`` and ``j`` is

        congruence(i, j) = sum over c, k of a[i][c][k] * a[j][c][k]

    (in the binary case, the number of concepts on which both take the same side).
    Normalisations (DNA's definitions, except cosine, see below), with
    ``n_i = sum over c, k of a[i][c][k]`` (actor i's stance statements):

    * ``None``: the raw count;
    * ``"average"``: raw / ((n_i + n_j) / 2), the count relative to the two
      actors' average activity;
    * ``"jaccard"``: raw / (m10 + m01 + m11), where over the (concept, stance)
      cells m10 sums ``a[i]`` where ``a[j]`` is 0, m01 sums ``a[j]`` where
      ``a[i]`` is 0, and m11 sums ``a[i] * a[j]`` where both are positive: in the
      binary case, shared cells / cells of either (the Jaccard index);
    * ``"cosine"``: raw / (||a[i]|| * ||a[j]||) with Euclidean norms over the
      (concept, stance) cells: the cosine similarity of the two actors' vectors
      (DNA's exporter divides by n_i * n_j instead, which equals this only when
      each actor makes one statement).

    Returns
    -------
    networkx.Graph
        Actor nodes (``type``, ``label``, ``n_statements`` = n_i) for every actor
        with a stance statement; an edge (``type="congruence"``) where the raw
        count is positive, with ``weight`` (normalised, or the raw count),
        ``count`` (raw) and ``concepts`` (the concepts behind the tie, "; "-joined
        labels).
    """
    return _one_mode(G, "congruence", actors, normalisation, since, until, min_confidence)


def conflict_network(G: nx.Graph, *, actors: Actors = "people", normalisation: Normalisation | None = None,
                     since: DateLike = None, until: DateLike = None, min_confidence: float = 0.0) -> nx.Graph:
    """The one-mode network of actors who take opposite sides on the same concepts.

    The raw tie is, as in DNA's conflict aggregation,

        conflict(i, j) = sum over c of a[i][c][agree] * a[j][c][disagree]
                                     + a[i][c][disagree] * a[j][c][agree]

    normalised exactly as in `congruence_network` (same denominators). Edges have
    ``type="conflict"``; otherwise the result is as there.
    """
    return _one_mode(G, "conflict", actors, normalisation, since, until, min_confidence)


# ---------------------------------------------------------------------------


def _one_mode(G: nx.Graph, kind: str, actors: Actors, normalisation: str | None, since: DateLike,
              until: DateLike, min_confidence: float) -> nx.Graph:
    counts = stance_counts(statements(G, actors=actors, since=since, until=until, min_confidence=min_confidence))
    return one_mode_from_counts(kind, counts, _labels(G, counts), actors=actors, normalisation=normalisation,
                                since=since, until=until)


def one_mode_from_counts(kind: str, counts: list[StanceCount], labels: Labels, *, actors: Actors = "people",
                         normalisation: str | None = None, since: DateLike = None,
                         until: DateLike = None) -> nx.Graph:
    """`congruence_network` (`kind` "congruence") or `conflict_network` ("conflict") from stance
    counts and the labels of their nodes."""
    if normalisation not in NORMALISATIONS:
        raise ValueError(f"normalisation must be one of 'average', 'jaccard', 'cosine' or None, "
                         f"not {normalisation!r}")
    cells: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)  # actor -> (concept, stance) -> count
    for c in counts:
        if c.agreement in _STANCES:
            cells[c.actor][(c.concept, c.agreement)] += c.count
    H = nx.Graph(network=kind, actors=actors, normalisation=normalisation or "none",
                 since=_text(since), until=_text(until))
    for actor in sorted(cells):
        H.add_node(actor, **labels[actor], n_statements=sum(cells[actor].values()))
    names = sorted(cells)
    for x, first in enumerate(names):
        for second in names[x + 1:]:
            a, b = cells[first], cells[second]
            raw, shared = 0, set()
            for (concept, stance), count in a.items():
                other = "disagree" if stance == "agree" else "agree"
                matched = b.get((concept, stance if kind == "congruence" else other), 0)
                if matched:
                    raw += count * matched
                    shared.add(concept)
            if raw == 0:
                continue
            weight = raw / _norm(a, b, normalisation) if normalisation else raw
            H.add_edge(first, second, type=kind, weight=weight, count=raw,
                       concepts="; ".join(sorted(labels[c]["label"] for c in shared)))
    return H


def _labels(G: nx.Graph, counts: list[StanceCount]) -> Labels:
    nodes = {c.actor for c in counts} | {c.concept for c in counts}
    return {n: {"type": str(G.nodes[n].get("type", "person")), "label": _label(G, n)} for n in nodes}


def _norm(a: Counter[tuple[str, str]], b: Counter[tuple[str, str]], normalisation: str) -> float:
    if normalisation == "average":
        return (sum(a.values()) + sum(b.values())) / 2
    if normalisation == "jaccard":
        m10 = sum(v for cell, v in a.items() if not b.get(cell))
        m01 = sum(v for cell, v in b.items() if not a.get(cell))
        m11 = sum(v * b[cell] for cell, v in a.items() if b.get(cell))
        return m10 + m01 + m11
    # cosine
    return math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))


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


def _text(value: DateLike) -> str:
    if value is None:
        return ""
    return value.isoformat()[:10] if isinstance(value, (date, datetime)) else str(value)
