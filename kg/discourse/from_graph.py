"""Discourse networks of a claims graph in memory (a claims store counts its statements in SQL:
`kg.query.StoreQueries.network`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.discourse.networks import network_of
from kg.discourse.statements import Actors, DateLike, StanceCount, labels, stance_counts, statements

if TYPE_CHECKING:  # networkx is imported where a graph is made
    import networkx as nx

__all__ = ["network", "affiliation_network", "congruence_network", "conflict_network", "subtract_network"]


def network(G: nx.Graph, kind: str, *, actors: Actors = "people", normalisation: str | None = None,
            since: DateLike = None, until: DateLike = None, min_confidence: float = 0.0,
            isolates: bool = False) -> nx.Graph:
    """The discourse network `kind` of a claims graph (see `kg.discourse.network_from_counts`).

    Parameters
    ----------
    G : networkx graph
        The claims graph (built by `kg.build.build_graph` or read from GraphML); not modified.
    kind : {"congruence", "conflict", "subtract", "affiliation"}
        ``"actor-concept"`` is the old name of affiliation.
    actors : {"people", "organisations"}
        Organisations speak for themselves and through the people holding roles there.
    normalisation : {"average", "jaccard", "cosine"}, optional
        For the one-mode networks.
    since, until : str or date, optional
        Inclusive date window on the quotes' dates; undated quotes are left out when
        either is given.
    min_confidence : float
        Leave out stances of lower confidence.
    isolates : bool
        Keep every actor with a statement in the whole graph (and, for affiliation,
        every concept), tied in this window or not; else only those with a tie.

    Returns
    -------
    networkx.Graph
    """
    def count(start: DateLike, end: DateLike) -> list[StanceCount]:
        return stance_counts(statements(G, actors=actors, since=start, until=end, min_confidence=min_confidence))

    return network_of(kind, count, lambda nodes: labels(G, nodes), actors=actors, normalisation=normalisation,
                      since=since, until=until, isolates=isolates)


def affiliation_network(G: nx.Graph, *, actors: Actors = "people", since: DateLike = None, until: DateLike = None,
                        min_confidence: float = 0.0, isolates: bool = False) -> nx.Graph:
    """The two-mode network of actors and the concepts they speak about (see `network`)."""
    return network(G, "affiliation", actors=actors, since=since, until=until, min_confidence=min_confidence,
                   isolates=isolates)


def congruence_network(G: nx.Graph, *, actors: Actors = "people", normalisation: str | None = None,
                       since: DateLike = None, until: DateLike = None, min_confidence: float = 0.0,
                       isolates: bool = False) -> nx.Graph:
    """The one-mode network of actors who take the same side on the same concepts (see `network`)."""
    return network(G, "congruence", actors=actors, normalisation=normalisation, since=since, until=until,
                   min_confidence=min_confidence, isolates=isolates)


def conflict_network(G: nx.Graph, *, actors: Actors = "people", normalisation: str | None = None,
                     since: DateLike = None, until: DateLike = None, min_confidence: float = 0.0,
                     isolates: bool = False) -> nx.Graph:
    """The one-mode network of actors who take opposite sides on the same concepts (see `network`)."""
    return network(G, "conflict", actors=actors, normalisation=normalisation, since=since, until=until,
                   min_confidence=min_confidence, isolates=isolates)


def subtract_network(G: nx.Graph, *, actors: Actors = "people", normalisation: str | None = None,
                     since: DateLike = None, until: DateLike = None, min_confidence: float = 0.0,
                     isolates: bool = False) -> nx.Graph:
    """Congruence minus conflict: a signed one-mode network of actors (see `network`)."""
    return network(G, "subtract", actors=actors, normalisation=normalisation, since=since, until=until,
                   min_confidence=min_confidence, isolates=isolates)
