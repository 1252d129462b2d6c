"""`Questions`: what `ClaimsGraph` (a graph in memory) and `StoreQueries` (a claims store) share."""

from __future__ import annotations

from kg.query.results import ActorResult, QuoteResult, Results

__all__ = ["Questions"]


class Questions:
    """The questions both answer the same way from their own listings; subclasses give
    `_actors` (one kind, most quoted first) and `quotes`."""

    def people(self) -> Results[ActorResult]:
        """Every person, most quoted first."""
        return self._actors("person")

    def organisations(self) -> Results[ActorResult]:
        """Every organisation, most quoted first."""
        return self._actors("organisation")

    def timeline(self, actor: str) -> Results[QuoteResult]:
        """What an actor said, oldest first (undated quotes last)."""
        found = self.quotes(speaker=actor)
        return Results(sorted(found, key=lambda q: (not q.date, q.date, q.article_id, q.start)))

    def _actors(self, kind: str) -> Results[ActorResult]:
        raise NotImplementedError

    def quotes(self, *, speaker: str | None = None, **filters: str | None) -> Results[QuoteResult]:
        """Quotes matching every filter given (see the subclasses)."""
        raise NotImplementedError
