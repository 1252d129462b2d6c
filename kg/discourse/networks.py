"""Discourse networks from stance counts, as Discourse Network Analyzer (DNA) aggregates them.

* ``affiliation``: the two-mode actor x concept network, with the numbers of agreeing,
  disagreeing and neutral statements on each edge (until 0.1 called ``actor-concept``,
  a name still accepted);
* ``congruence``: actors tied when they take the same side on a concept;
* ``conflict``: actors tied when they take opposite sides;
* ``subtract``: congruence minus conflict, so a tie is positive where two actors mostly
  agree with each other and negative where they mostly disagree.

The one-mode networks are undirected (`networkx.Graph`). Only actors with a tie are in
a network unless the caller keeps others (``keep``: DNA's isolates), so that, say, every
network of a series of time windows has the same actors. Nodes and edges carry a
``type`` and scalar attributes only, so every writer of `kg.readwrite` exports them.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from kg.discourse.statements import Actors, DateLike, Labels, StanceCount

if TYPE_CHECKING:  # networkx is imported where a graph is made
    import networkx as nx

__all__ = ["KINDS", "NORMALISATIONS", "network_kind", "network_of", "network_from_counts", "affiliation_from_counts",
           "one_mode_from_counts", "nodes_of"]

KINDS = ("congruence", "conflict", "subtract", "affiliation")
"""The networks there are, by DNA's names."""
_OLD_NAMES = {"actor-concept": "affiliation"}
NORMALISATIONS = ("average", "jaccard", "cosine", None)
_STANCES = ("agree", "disagree")
_Pair = tuple[str, str]


def network_kind(kind: str) -> str:
    """The DNA name of a network (``"actor-concept"`` is ``"affiliation"``).

    Raises
    ------
    ValueError
        For a network that is not one of `KINDS`.
    """
    kind = _OLD_NAMES.get(kind, kind)
    if kind not in KINDS:
        raise ValueError(f"unknown network {kind!r}: use {', '.join(KINDS)}")
    return kind


def network_of(kind: str, count: Callable[[DateLike, DateLike], list[StanceCount]],
               label: Callable[[set[str]], Labels], *, actors: Actors = "people", normalisation: str | None = None,
               since: DateLike = None, until: DateLike = None, isolates: bool = False) -> nx.Graph:
    """The network `kind` of the statements a source counts, however it counts them.

    Parameters
    ----------
    kind : str
        One of `KINDS` (or ``"actor-concept"``, affiliation's old name).
    count : callable
        ``count(since, until)``: the source's statements in that window (None: unbounded),
        counted by actor, concept and agreement.
    label : callable
        ``label(nodes)``: the `Labels` of those actors and concepts.
    actors, normalisation, since, until
        As in `network_from_counts`.
    isolates : bool
        Keep every node the source has a statement for, in the window or not (DNA's
        isolates); else only nodes with a tie.
    """
    kind = network_kind(kind)
    counts = count(since, until)
    keep = None
    if isolates:
        keep = nodes_of(kind, count(None, None) if since or until else counts)
    nodes = nodes_of("affiliation", counts) | set(keep or ())
    return network_from_counts(kind, counts, label(nodes), actors=actors, normalisation=normalisation, since=since,
                               until=until, keep=keep)


def network_from_counts(kind: str, counts: list[StanceCount], labels: Labels, *, actors: Actors = "people",
                        normalisation: str | None = None, since: DateLike = None, until: DateLike = None,
                        keep: Collection[str] | None = None) -> nx.Graph:
    """The network `kind` (one of `KINDS`) of stance counts.

    Parameters
    ----------
    kind : str
        congruence, conflict, subtract or affiliation (see the module docstring).
    counts : list of StanceCount
        Statements counted by actor, concept and agreement.
    labels : Labels
        The ``type`` and ``label`` of every node of `counts` and `keep`.
    actors : "people" or "organisations"
        Recorded in the graph attributes.
    normalisation : {"average", "jaccard", "cosine"}, optional
        For the one-mode networks (see `one_mode_from_counts`); an error for affiliation.
    since, until : str or date, optional
        The window the counts cover, recorded in the graph attributes.
    keep : collection of str, optional
        Nodes kept without ties (isolates).

    Returns
    -------
    networkx.Graph
        Graph attributes ``network``, ``actors``, ``normalisation`` (one-mode),
        ``since``, ``until`` and ``isolates`` (whether nodes without ties were kept).
    """
    kind = network_kind(kind)
    if kind == "affiliation":
        if normalisation is not None:
            raise ValueError("normalisation applies to congruence, conflict and subtract networks, not affiliation")
        return affiliation_from_counts(counts, labels, actors=actors, since=since, until=until, keep=keep)
    return one_mode_from_counts(kind, counts, labels, actors=actors, normalisation=normalisation, since=since,
                                until=until, keep=keep)


def nodes_of(kind: str, counts: list[StanceCount]) -> set[str]:
    """The nodes network `kind` may have for these counts: their actors (and, for affiliation,
    their concepts). Given as ``keep``, they make every window's network hold the same nodes."""
    found = {c.actor for c in counts}
    return found | {c.concept for c in counts} if network_kind(kind) == "affiliation" else found


def affiliation_from_counts(counts: list[StanceCount], labels: Labels, *, actors: Actors = "people",
                            since: DateLike = None, until: DateLike = None,
                            keep: Collection[str] | None = None) -> nx.Graph:
    """The two-mode network of actors and the concepts they speak about.

    Returns
    -------
    networkx.Graph
        Actor nodes (``type`` person or organisation, ``bipartite=0``) and concept
        nodes (``type="concept"``, ``bipartite=1``), each with ``label`` and
        ``n_statements``, actors first, each sorted by id. One edge (``type="stance"``)
        per actor and concept with ``agree``, ``disagree`` and ``neutral`` (numbers of
        statements), ``weight`` (their sum), ``net`` (agree - disagree, DNA's "subtract"
        qualifier aggregation) and ``agreement``: "agree" or "disagree" when the actor
        only ever took that side, "mixed" when both, "neutral" when neither.
    """
    import networkx as nx

    H = nx.Graph(network="affiliation", actors=actors, since=_text(since), until=_text(until),
                 isolates=keep is not None)
    cells: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    per_node: Counter[str] = Counter()
    for c in counts:
        cells[(c.actor, c.concept)][c.agreement] += c.count
        per_node[c.actor] += c.count
        per_node[c.concept] += c.count
    nodes = set(per_node) | set(keep or ())
    for node in sorted(nodes, key=lambda n: (labels[n]["type"] == "concept", n)):
        kind = labels[node]["type"]
        H.add_node(node, type=kind, label=labels[node]["label"], bipartite=int(kind == "concept"),
                   n_statements=per_node[node])
    for (actor, concept), count in sorted(cells.items()):
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


def one_mode_from_counts(kind: str, counts: list[StanceCount], labels: Labels, *, actors: Actors = "people",
                         normalisation: str | None = None, since: DateLike = None, until: DateLike = None,
                         keep: Collection[str] | None = None) -> nx.Graph:
    """The congruence, conflict or subtract network of stance counts.

    Only agreeing and disagreeing statements count; neutral ones take no side. Let
    ``a[i][c][k]`` be the number of statements actor ``i`` made on concept ``c`` with
    stance ``k`` (agree or disagree). As in DNA, the raw ties of actors ``i`` and ``j`` are

        congruence(i, j) = sum over c, k of a[i][c][k] * a[j][c][k]
        conflict(i, j) = sum over c of a[i][c][agree] * a[j][c][disagree]
                                     + a[i][c][disagree] * a[j][c][agree]

    (in the binary case, the number of concepts on which both take the same side, or
    opposite sides), and subtract(i, j) = congruence(i, j) - conflict(i, j).
    Normalisations (DNA's definitions, except cosine, see below) divide a raw tie by a
    denominator of the pair, with ``n_i = sum over c, k of a[i][c][k]`` (actor i's
    stance statements):

    * ``None``: the raw count;
    * ``"average"``: (n_i + n_j) / 2, the two actors' average activity;
    * ``"jaccard"``: m10 + m01 + m11, where over the (concept, stance) cells m10 sums
      ``a[i]`` where ``a[j]`` is 0, m01 sums ``a[j]`` where ``a[i]`` is 0, and m11 sums
      ``a[i] * a[j]`` where both are positive: in the binary case, shared cells / cells
      of either (the Jaccard index);
    * ``"cosine"``: ||a[i]|| * ||a[j]|| with Euclidean norms over the (concept, stance)
      cells: the cosine similarity of the two actors' vectors (DNA's exporter divides
      by n_i * n_j instead, which equals this only when each actor makes one statement).

    Subtract is normalised congruence minus normalised conflict (the same denominator).

    Returns
    -------
    networkx.Graph
        Undirected. Actor nodes (``type``, ``label``, ``n_statements`` = n_i), sorted by
        id: those with a tie, and those in `keep`. An edge (``type`` = `kind`) where the
        tie is not zero, with ``weight`` (normalised, or the raw value; negative for a
        subtract tie of more conflict than congruence) and ``concepts`` (the labels of
        the concepts behind the tie, "; "-joined); congruence and conflict edges have
        ``count`` (the raw value), subtract edges ``congruence`` and ``conflict`` (both raw).
    """
    if kind not in ("congruence", "conflict", "subtract"):
        raise ValueError(f"not a one-mode network: {kind!r}")
    if normalisation not in NORMALISATIONS:
        raise ValueError(f"normalisation must be one of 'average', 'jaccard', 'cosine' or None, "
                         f"not {normalisation!r}")
    import networkx as nx

    ties = _Ties(counts)
    H = nx.Graph(network=kind, actors=actors, normalisation=normalisation or "none", since=_text(since),
                 until=_text(until), isolates=keep is not None)
    edges = []
    for pair in sorted(ties.congruence.keys() | ties.conflict.keys()):
        same, opposite = ties.congruence.get(pair, 0), ties.conflict.get(pair, 0)
        raw = {"congruence": same, "conflict": opposite, "subtract": same - opposite}[kind]
        if raw == 0:
            continue
        weight = raw / ties.denominator(pair, normalisation) if normalisation else raw
        behind = ties.concepts[pair, "congruence"] if kind == "congruence" else ties.concepts[pair, "conflict"]
        if kind == "subtract":
            behind = ties.concepts[pair, "congruence"] | behind
            extra = {"congruence": same, "conflict": opposite}
        else:
            extra = {"count": raw}
        edges.append((*pair, {"type": kind, "weight": weight, **extra,
                              "concepts": "; ".join(sorted(labels[c]["label"] for c in behind))}))
    tied = {node for u, v, _ in edges for node in (u, v)}
    for actor in sorted(tied | set(keep or ())):
        H.add_node(actor, **labels[actor], n_statements=ties.totals.get(actor, 0))
    H.add_edges_from(edges)
    return H


class _Ties:
    """The raw congruence and conflict of every pair of actors who share a concept, found
    concept by concept (not pair by pair), with what the normalisations need."""

    def __init__(self, counts: list[StanceCount]) -> None:
        self.cells: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)  # actor -> (concept, stance) -> n
        by_cell: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # (concept, stance) -> actor -> n
        for c in counts:
            if c.agreement in _STANCES:
                self.cells[c.actor][(c.concept, c.agreement)] += c.count
                by_cell[(c.concept, c.agreement)][c.actor] += c.count
        self.totals = {actor: sum(cells.values()) for actor, cells in self.cells.items()}
        self.congruence: Counter[_Pair] = Counter()
        self.conflict: Counter[_Pair] = Counter()
        self.shared: Counter[tuple[_Pair, str]] = Counter()  # (pair, actor): the actor's n in cells both share
        self.concepts: dict[tuple[_Pair, str], set[str]] = defaultdict(set)
        for (concept, stance), found in by_cell.items():
            ranked = sorted(found.items())
            for x, (first, a) in enumerate(ranked):
                for second, b in ranked[x + 1:]:
                    pair = (first, second)
                    self.congruence[pair] += a * b
                    self.shared[pair, first] += a
                    self.shared[pair, second] += b
                    self.concepts[pair, "congruence"].add(concept)
            if stance == "agree":
                for first, a in found.items():
                    for second, b in by_cell.get((concept, "disagree"), {}).items():
                        if first != second:
                            pair = (min(first, second), max(first, second))
                            self.conflict[pair] += a * b
                            self.concepts[pair, "conflict"].add(concept)

    def denominator(self, pair: _Pair, normalisation: str) -> float:
        first, second = pair
        if normalisation == "average":
            return (self.totals[first] + self.totals[second]) / 2
        if normalisation == "jaccard":
            only_first = self.totals[first] - self.shared[pair, first]
            only_second = self.totals[second] - self.shared[pair, second]
            return only_first + only_second + self.congruence[pair]
        return _length(self.cells[first]) * _length(self.cells[second])  # cosine


def _length(cells: Counter[tuple[str, str]]) -> float:
    return math.sqrt(sum(v * v for v in cells.values()))


def _text(value: DateLike) -> str:
    if value is None:
        return ""
    return value.isoformat()[:10] if not isinstance(value, str) else value
