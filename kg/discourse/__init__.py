"""Discourse networks, as in Discourse Network Analyzer (DNA).

A *statement* is one actor taking a stance (agree, disagree, neutral) on one concept
in one claim (`statements`). Counted by actor, concept and agreement, the statements
make the networks (`networks`): affiliation (actor x concept), congruence, conflict
and subtract (congruence minus conflict), normalised by average, jaccard or cosine;
for people or for organisations; in a date window, or one per time window with a
timeline of them (`windows`).

The counts come from a claims graph in memory (`from_graph`) or from a claims store,
which counts them in SQL (`kg.query.StoreQueries.network`) and hands networkx only
the actors and concepts. Results are plain ``networkx.Graph`` objects with a ``type``
on every node and edge and scalar attributes only, so the writers of `kg.readwrite`
export them. No spaCy here.
"""

from kg.discourse.from_graph import (affiliation_network, conflict_network, congruence_network, network,
                                     subtract_network)
from kg.discourse.networks import (KINDS, NORMALISATIONS, affiliation_from_counts, network_from_counts, network_kind,
                                   network_of, nodes_of, one_mode_from_counts)
from kg.discourse.statements import (Actors, DateLike, Labels, StanceCount, Statement, as_date, iso_day, labels,
                                     stance_counts, statements)
from kg.discourse.windows import MAX_WINDOWS, Period, timeline, window_networks, windows

__all__ = [
    "Statement", "StanceCount", "statements", "stance_counts", "labels", "as_date", "iso_day", "Actors", "DateLike",
    "Labels", "KINDS", "NORMALISATIONS", "network_kind", "network_of", "network_from_counts",
    "affiliation_from_counts", "one_mode_from_counts", "nodes_of", "network", "affiliation_network",
    "congruence_network", "conflict_network", "subtract_network", "Period", "windows", "window_networks",
    "timeline", "MAX_WINDOWS",
]
