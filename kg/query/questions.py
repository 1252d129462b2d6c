"""`Questions`: what `ClaimsGraph` (a graph in memory) and `StoreQueries` (a claims store) share.

Both answer the same questions with the same records; what they share is written once
here: the listings made from their own, the discourse networks made from their own
stance counts, and the checks that turn a name, concept, cue class or date the corpus
does not know into a `QueryError` with the closest matches, never an empty answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, get_args

from kg import discourse
from kg.query.results import ActorResult, QuoteResult, Results
from kg.query.suggest import QueryError, closest, unknown

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Questions", "cue_classes", "words"]
_KINDS = {None: "person or organisation", "person": "person", "organisation": "organisation"}



def cue_classes() -> tuple[str, ...]:
    """The cue classes there are."""
    from extractors.records import CueClass  # the record models: only when a cue class is asked for

    return get_args(CueClass)

class Questions:
    """The questions both answer the same way from their own listings; subclasses give the
    listings (`_actors`, `quotes`, `_who_said`), the names there are (`_find_actors`,
    `_actor_names`, `_concept_names`) and the statements counted (`stance_counts`, `_labels`)."""

    def people(self) -> Results[ActorResult]:
        """Every person, most quoted first."""
        return self._actors("person")

    def organisations(self) -> Results[ActorResult]:
        """Every organisation, most quoted first."""
        return self._actors("organisation")

    def timeline(self, actor: str) -> Results[QuoteResult]:
        """What an actor said, oldest first (undated quotes last).

        Raises
        ------
        QueryError
            When no person or organisation goes by `actor`, with the closest names.
        """
        found = self.quotes(speaker=actor)
        return Results(sorted(found, key=lambda q: (not q.date, q.date, q.article_id, q.start)))

    def who_said(self, phrase: str) -> Results[QuoteResult]:
        """Quotes whose claim contains `phrase` or is about a concept named by it.

        Raises
        ------
        QueryError
            When nothing matches and concepts have names close to `phrase` (a misspelling,
            most likely); nothing matching and nothing close is an empty answer.
        """
        found = self._who_said(phrase)
        if not found and closest(phrase, self._concept_names()):
            raise unknown(f'nothing said contains or is about "{phrase}"', phrase, self._concept_names())
        return found

    # -- discourse networks ----------------------------------------------------------------

    def network(self, kind: str = "congruence", *, actors: str = "people", normalisation: str | None = None,
                since: str | None = None, until: str | None = None, min_confidence: float = 0.0,
                isolates: bool = False) -> nx.Graph:
        """A discourse network, as in Discourse Network Analyzer.

        Parameters
        ----------
        kind : {"congruence", "conflict", "subtract", "affiliation"}
            Actors who take the same side on the same concepts, actors who take opposite
            sides, the difference of the two (signed), or the two-mode network of actors
            and the concepts they speak about (``"actor-concept"``, its old name, works too).
        actors : {"people", "organisations"}
            Organisations speak for themselves and through the people holding roles there.
        normalisation : {"average", "jaccard", "cosine"}, optional
            For the one-mode networks (see `kg.discourse.one_mode_from_counts`).
        since, until : str, optional
            ISO dates bounding the statements used.
        min_confidence : float
            Leave out stances of lower confidence.
        isolates : bool
            Keep every actor with a statement in the corpus (and, for affiliation, every
            concept), tied or not; else only those with a tie.

        Returns
        -------
        networkx.Graph
            Undirected; see `kg.discourse.network_from_counts`.
        """
        self._check_network(kind, normalisation, since, until)
        return discourse.network_of(kind, self._counter(actors, min_confidence), self._labels, actors=actors,
                                    normalisation=normalisation, since=since, until=until, isolates=isolates)

    def networks(self, kind: str = "congruence", *, window: str, step: str | None = None, actors: str = "people",
                 normalisation: str | None = None, since: str | None = None, until: str | None = None,
                 min_confidence: float = 0.0, isolates: bool = False) -> list[nx.Graph]:
        """One discourse network per time window, as DNA's time-window networks.

        Parameters
        ----------
        window, step : str
            A number and a unit, d, w, m or y (``30d``, ``1m``): each window's length and
            the time from one window's start to the next (by default the window's length).
        kind, actors, normalisation, since, until, min_confidence
            As in `network`; `since` and `until` bound the time the windows cover (by
            default the first to the last dated statement).
        isolates : bool
            Keep in every window every node with a dated statement, so that every network
            has the same nodes.

        Returns
        -------
        list of networkx.Graph
            See `kg.discourse.window_networks`; `kg.discourse.timeline` makes them one
            dynamic graph.
        """
        self._check_network(kind, normalisation, since, until, window, step)
        counts = self.stance_counts(actors=actors, min_confidence=min_confidence, by_day=True)
        return discourse.window_networks(kind, counts, self._labels, window=window, step=step, actors=actors,
                                         normalisation=normalisation, since=since, until=until, isolates=isolates)

    # -- checks ------------------------------------------------------------------------------

    def _actor_ids(self, name: str, kind: str | None = None) -> list[str]:
        """The ids of the actors (of `kind`, when given) that go by `name`.

        Raises
        ------
        QueryError
            When there is none, with the closest names (or the kind of what `name` is).
        """
        found = self._find_actors(name)
        ids = [actor for actor, found_kind in found if kind is None or found_kind == kind]
        if ids:
            return ids
        if found:
            other = "a person" if kind == "organisation" else "an organisation"
            raise QueryError(f'no {kind} called "{name}": that is {other}')
        raise unknown(f'no {_KINDS[kind]} called "{name}"', name, self._actor_names(kind))

    def _check_filters(self, *, concept: str | None, cue_class: str | None, since: str | None,
                       until: str | None) -> None:
        """Raise `QueryError` for a concept or cue class there is none of, or a date that is not ISO."""
        if cue_class is not None and cue_class not in cue_classes():
            raise unknown(f'no cue class "{cue_class}"', cue_class, cue_classes(),
                          hint=f"use {', '.join(cue_classes())}")
        if concept is not None and not self._has_concept(concept):
            raise unknown(f'no concept called "{concept}"', concept, self._concept_names())
        self._check_dates(since, until)

    def _check_network(self, kind: str, normalisation: str | None, since: str | None, until: str | None,
                       *periods: str | None) -> None:
        """Raise `QueryError` for a network, normalisation, date or time window that is not one."""
        try:
            if discourse.network_kind(kind) == "affiliation" and normalisation is not None:
                raise ValueError("normalisation applies to congruence, conflict and subtract networks")
            if normalisation not in discourse.NORMALISATIONS:
                raise ValueError(f"normalisation must be average, jaccard or cosine, not {normalisation!r}")
            for period, name in zip(periods, ("window", "step")):
                if period is not None:
                    discourse.Period.parse(period, name)
        except ValueError as error:
            raise QueryError(str(error)) from None
        self._check_dates(since, until)

    @staticmethod
    def _check_dates(since: str | None, until: str | None) -> None:
        try:
            discourse.as_date(since, "since")
            discourse.as_date(until, "until")
        except ValueError as error:
            raise QueryError(str(error)) from None

    def _counter(self, actors: str, min_confidence: float) -> Callable[[Any, Any], list[discourse.StanceCount]]:
        def count(since: Any, until: Any) -> list[discourse.StanceCount]:
            return self.stance_counts(actors=actors, since=since, until=until, min_confidence=min_confidence)
        return count

    # -- what subclasses give -----------------------------------------------------------------

    def quotes(self, *, speaker: str | None = None, **filters: str | None) -> Results[QuoteResult]:
        """Quotes matching every filter given (see the subclasses)."""
        raise NotImplementedError

    def stance_counts(self, *, actors: str = "people", since: Any = None, until: Any = None,
                      min_confidence: float = 0.0, by_day: bool = False) -> list[discourse.StanceCount]:
        """Statements counted by actor, concept and agreement (see the subclasses)."""
        raise NotImplementedError

    def _actors(self, kind: str) -> Results[ActorResult]:
        raise NotImplementedError

    def _who_said(self, phrase: str) -> Results[QuoteResult]:
        raise NotImplementedError

    def _find_actors(self, name: str) -> list[tuple[str, str]]:
        """(id, kind) of the actors called `name` (or with it as a variant), else of those whose
        name contains it; people first, then organisations."""
        raise NotImplementedError

    def _actor_names(self, kind: str | None) -> dict[str, str]:
        """Every name and variant of the actors (of `kind`) -> the actor's name."""
        raise NotImplementedError

    def _concept_names(self) -> list[str]:
        raise NotImplementedError

    def _has_concept(self, text: str) -> bool:
        """Whether a concept's name contains `text` (compared as `words`)."""
        return any(words(text) in words(name) for name in self._concept_names())

    def _labels(self, nodes: set[str]) -> discourse.Labels:
        raise NotImplementedError


def words(text: str | None) -> str:
    """Lower case, one space between words, straight apostrophes: how names and phrases compare."""
    return " ".join(str(text or "").replace("\u2019", "'").lower().split())
