"""`ClaimsGraph`: questions over a claims graph, answered with result records."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from kg import discourse
from kg.query.questions import Questions, words
from kg.query.results import (ActorResult, ArticleResult, CoQuoted, PathStep, QuoteResult, Results, RoleResult,
                              StanceResult)

__all__ = ["ClaimsGraph"]


class ClaimsGraph(Questions):
    """Questions over a claims graph, as built by `kg.build.build_graph` or loaded by `load`."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph

    # -- listings (people and organisations: `Questions`) -------------------------------

    def actors(self) -> Results[ActorResult]:
        """Every person and organisation, with the names it goes by and why they were merged,
        most articles first."""
        found = [self._actor(n) for kind in ("person", "organisation") for n in self._nodes(kind)]
        return Results(sorted(found, key=lambda a: (-len(a.articles), -a.n_quotes, a.name)))

    def articles(self) -> Results[ArticleResult]:
        """Every article, by date then id."""
        found = [self._article(n) for n in self._nodes("article")]
        return Results(sorted(found, key=lambda a: (a.date, a.id)))

    # -- quotes ----------------------------------------------------------------------

    def quotes(self, *, speaker: str | None = None, organisation: str | None = None,
               concept: str | None = None, cue_class: str | None = None, since: str | None = None,
               until: str | None = None, text: str | None = None) -> Results[QuoteResult]:
        """Quotes matching every filter given, in date and text order.

        Parameters
        ----------
        speaker : str, optional
            A person's or organisation's name or name variant (any case), or part of a name.
        organisation : str, optional
            Quotes by the organisation itself or by people holding a role there.
        concept : str, optional
            Part of a concept's name the claim is about.
        cue_class : str, optional
            neutral, critical, supportive, commitment or announcement.
        since, until : str, optional
            ISO dates (YYYY-MM-DD), inclusive; quotes without a date are left out when
            either is given.
        text : str, optional
            Words the claim contains (any case and spacing).

        Raises
        ------
        QueryError
            For a speaker, organisation or concept the corpus has none of (with the
            closest names), a cue class that is none of the five, or a date that is not
            ISO. A known name with no quote matching the filters is an empty answer.
        """
        self._check_filters(concept=concept, cue_class=cue_class, since=since, until=until)
        found = [self._quote(n) for n in self._nodes("quote")]
        if speaker is not None:
            ids = set(self._actor_ids(speaker))
            found = [q for q in found if q.speaker_id in ids]
        if organisation is not None:
            orgs = set(self._actor_ids(organisation, "organisation"))
            members = {p for o in orgs for p in self._members_of(o)}
            found = [q for q in found if q.speaker_id in orgs | members]
        if concept is not None:
            needle = words(concept)
            found = [q for q in found if any(needle in words(c.concept) for c in q.concepts)]
        if cue_class is not None:
            found = [q for q in found if q.cue_class == cue_class]
        if since is not None or until is not None:
            found = [q for q in found if q.date and (since or "") <= q.date[:10] <= (until or "9999")]
        if text is not None:
            needle = words(text)
            found = [q for q in found if needle in words(q.content)]
        return Results(sorted(found, key=lambda q: (q.date, q.article_id, q.start)))

    def _who_said(self, phrase: str) -> Results[QuoteResult]:
        needle = words(phrase)
        found = [q for q in self.quotes() if needle in words(q.content)
                 or any(needle in words(c.concept) for c in q.concepts)]
        return Results(found)

    # -- people and organisations ------------------------------------------------------

    def roles(self, person: str) -> Results[RoleResult]:
        """The titles a person holds, each with the organisation where one is named and the
        article it was stated in."""
        return Results(role for actor in self._actor_ids(person, "person") for role in self._actor(actor).roles)

    def members(self, organisation: str) -> Results[ActorResult]:
        """People holding a role at an organisation."""
        ids = {p for o in self._actor_ids(organisation, "organisation") for p in self._members_of(o)}
        return Results(sorted((self._actor(p) for p in ids), key=lambda a: a.name))

    def co_quoted(self, actor: str) -> Results[CoQuoted]:
        """Other actors quoted in the same articles as `actor`, most shared articles first."""
        mine = {q.article_id for q in self.quotes(speaker=actor)}
        own = set(self._actor_ids(actor))
        shared: dict[str, set[str]] = defaultdict(set)
        for quote in self.quotes():
            if quote.article_id in mine and quote.speaker_id and quote.speaker_id not in own:
                shared[quote.speaker_id].add(quote.article_id)
        ranked = sorted(shared.items(), key=lambda item: (-len(item[1]), item[0]))
        return Results(CoQuoted(actor=self._actor(n), articles=sorted(a)) for n, a in ranked)

    def path(self, a: str, b: str) -> Results[PathStep]:
        """The shortest chain of relations between two actors (empty when unconnected)."""
        starts, ends = self._actor_ids(a), self._actor_ids(b)
        undirected = self.graph.to_undirected(as_view=True)
        try:
            nodes = nx.shortest_path(undirected, starts[0], ends[0])
        except nx.NetworkXNoPath:
            return Results()
        steps = []
        for here, there in zip(nodes, nodes[1:] + [None]):
            relation = None
            if there is not None:
                edges = self.graph.get_edge_data(here, there) or self.graph.get_edge_data(there, here)
                relation = next(iter(edges.values())).get("type")
            data = self.graph.nodes[here]
            steps.append(PathStep(id=here, type=data.get("type", ""), label=data.get("label", here),
                                  relation=relation))
        return Results(steps)

    # -- discourse networks (`Questions.network`, `Questions.networks`) ------------------------

    def stance_counts(self, *, actors: str = "people", since: Any = None, until: Any = None,
                      min_confidence: float = 0.0, by_day: bool = False) -> list[discourse.StanceCount]:
        """The graph's statements (`kg.discourse.statements`) counted by actor, concept and agreement
        (and, with `by_day`, by the ISO day), as `StoreQueries.stance_counts` counts them in SQL."""
        found = discourse.statements(self.graph, actors=actors, since=since, until=until,
                                     min_confidence=min_confidence)
        return discourse.stance_counts(found, by_day=by_day)

    # -- helpers -------------------------------------------------------------------------

    def _nodes(self, kind: str) -> list[str]:
        return [n for n, d in self.graph.nodes(data=True) if d.get("type") == kind]

    def _actors(self, kind: str) -> Results[ActorResult]:
        found = [self._actor(n) for n in self._nodes(kind)]
        return Results(sorted(found, key=lambda a: (-a.n_quotes, a.name)))

    def _actor(self, node: str) -> ActorResult:
        data = self.graph.nodes[node]
        name = data.get("name", data.get("label", node))
        return ActorResult(id=node, type=data.get("type", ""), name=name, aliases=data.get("aliases", []),
                           roles=[RoleResult(person=name, **role) for role in data.get("roles", [])],
                           n_quotes=data.get("n_quotes", 0), articles=data.get("articles", []),
                           kinds=data.get("kinds") or {}, merge_reasons=data.get("merge_reasons") or [],
                           corrections=data.get("corrections") or [])

    def _find_actors(self, name: str) -> list[tuple[str, str]]:
        wanted = words(name)
        actors = [self._actor(n) for kind in ("person", "organisation") for n in self._nodes(kind)]
        exact = [a for a in actors if wanted in {words(a.name), *map(words, a.aliases)}]
        return [(a.id, a.type) for a in exact or [a for a in actors if wanted and wanted in words(a.name)]]

    def _actor_names(self, kind: str | None) -> dict[str, str]:
        actors = [self._actor(n) for n in self._nodes(kind)] if kind else self.actors()
        return {name: a.name for a in actors for name in (a.name, *a.aliases)}

    def _concept_names(self) -> list[str]:
        return sorted(str(self.graph.nodes[c].get("label", c)) for c in self._nodes("concept"))

    def _labels(self, nodes: set[str]) -> discourse.Labels:
        return discourse.labels(self.graph, nodes)

    def _members_of(self, org: str) -> set[str]:
        return {p for p, _, d in self.graph.in_edges(org, data=True) if d.get("type") == "holds_role"}

    def _article(self, node: str) -> ArticleResult:
        data = self.graph.nodes[node]
        n_quotes = sum(1 for _, _, d in self.graph.in_edges(node, data=True) if d.get("type") == "quoted_in")
        return ArticleResult(id=str(data.get("article_id") or node.split(":", 1)[1]),
                             title=str(data.get("title") or ""), date=str(data.get("date") or ""),
                             publication=str(data.get("publication") or ""),
                             author=str(data.get("author") or ""), url=str(data.get("url") or ""),
                             n_quotes=n_quotes)

    def _quote(self, node: str) -> QuoteResult:
        data = self.graph.nodes[node]
        speaker_id = next((s for s, _, d in self.graph.in_edges(node, data=True) if d.get("type") == "said"), None)
        article_id = str(data.get("article_id", ""))
        article = self.graph.nodes.get(f"article:{article_id}", {})
        concepts = [StanceResult(concept=self.graph.nodes[c].get("label", c), agreement=d.get("agreement", "neutral"),
                                 confidence=d.get("confidence", 0.0))
                    for _, c, d in self.graph.out_edges(node, data=True) if d.get("type") == "about"]
        return QuoteResult(id=node, speaker=str(data.get("speaker") or ""), speaker_id=speaker_id,
                           cue=str(data.get("cue") or ""), cue_class=str(data.get("cue_class") or ""),
                           type=str(data.get("quote_type") or ""), content=str(data.get("content") or ""),
                           article_id=article_id, article_title=str(article.get("title") or ""),
                           date=str(data.get("date") or ""), start=int(data.get("start", 0)),
                           end=int(data.get("end", 0)), sentence=str(data.get("sentence") or ""),
                           concepts=concepts)
