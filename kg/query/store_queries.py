"""`StoreQueries`: the questions of `ClaimsGraph`, answered in SQL from a claims store.

Each question reads only what it needs from ``claims.sqlite`` (indexed by speaker, date,
article and concept; FTS5 over the quotes), so a question on a corpus of any size takes
about the same time and no graph is built. The answers are the same result records as
`ClaimsGraph`'s, in the same order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import networkx as nx

from kg import discourse
from kg.query.questions import Questions
from kg.query.results import ActorResult, ArticleResult, CoQuoted, PathStep, QuoteResult, Results, RoleResult
from kg.store import QUOTE_GRAPH_MAX_ARTICLES, ClaimsStore, Part
from kg.store.graph import actor_data

__all__ = ["StoreQueries"]

_QUOTE_COLUMNS = ("SELECT q.id, q.speaker, q.speaker_id, q.cue, q.cue_class, q.type, q.content, q.article_id, "
                  'a.title, q.date, q.start, q."end", q.sentence FROM quotes q JOIN articles a ON a.id = q.article_id')


class StoreQueries(Questions):
    """Questions over a claims store (`kg.store.ClaimsStore`), as `ClaimsGraph` asks them of a graph.

    Examples
    --------
    >>> g = StoreQueries(ClaimsStore.open("out/claims.sqlite"))   # doctest: +SKIP
    >>> g.search("child poverty")                                 # doctest: +SKIP
    """

    def __init__(self, store: ClaimsStore) -> None:
        self.store = store
        self.db = store.db
        self.db.create_function("kg_words", 1, _words, deterministic=True)
        self._graph: nx.MultiDiGraph | None = None

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The whole claims graph, built from the store on first use (mind a large corpus:
        `kg.store.ClaimsStore.graph` builds a part of it)."""
        if self._graph is None:
            self._graph = self.store.graph()
        return self._graph

    # -- listings (people and organisations: `Questions`) -------------------------------

    def actors(self) -> Results[ActorResult]:
        """Every person and organisation, with the names it goes by and why they were merged,
        most articles first."""
        found = self._actor_results()
        return Results(sorted(found, key=lambda a: (-len(a.articles), -a.n_quotes, a.name)))

    def articles(self) -> Results[ArticleResult]:
        """Every article, by date then id."""
        rows = self.db.execute(
            "SELECT a.id, a.title, a.date, a.publication, a.author, a.url, (SELECT count(*) FROM quotes q "
            "WHERE q.article_id = a.id AND NOT q.dropped) FROM articles a ORDER BY coalesce(a.date, ''), a.id")
        return Results(ArticleResult(id=i, title=t or "", date=d or "", publication=p or "", author=au or "",
                                     url=u or "", n_quotes=n) for i, t, d, p, au, u, n in rows)

    # -- quotes ----------------------------------------------------------------------

    def quotes(self, *, speaker: str | None = None, organisation: str | None = None,
               concept: str | None = None, cue_class: str | None = None, since: str | None = None,
               until: str | None = None, text: str | None = None) -> Results[QuoteResult]:
        """Quotes matching every filter given, in date and text order (see `ClaimsGraph.quotes`)."""
        where, args = ["NOT q.dropped"], []
        if speaker is not None:
            ids = [a for a, _ in self._find_actors(speaker)]
            where.append(f"q.speaker_id IN ({_marks(ids)})")
            args += ids
        if organisation is not None:
            ids = self._with_members([a for a, kind in self._find_actors(organisation) if kind == "organisation"])
            where.append(f"q.speaker_id IN ({_marks(ids)})")
            args += ids
        if concept is not None:
            where.append("q.id IN (SELECT quote_id FROM stances WHERE instr(kg_words(concept), ?))")
            args.append(_words(concept))
        if cue_class is not None:
            where.append("q.cue_class = ?")
            args.append(cue_class)
        if since is not None or until is not None:
            where.append("q.date != '' AND q.date BETWEEN ? AND ?")
            args += [since or "", until or "9999"]
        if text is not None:
            where.append("instr(kg_words(q.content), ?)")
            args.append(_words(text))
        return self._quotes(" AND ".join(where), args, "q.date, q.article_id, q.start")

    def who_said(self, phrase: str) -> Results[QuoteResult]:
        """Quotes whose claim contains `phrase` or is about a concept named by it."""
        needle = _words(phrase)
        return self._quotes("NOT q.dropped AND (instr(kg_words(q.content), ?) OR q.id IN "
                            "(SELECT quote_id FROM stances WHERE instr(kg_words(concept), ?)))", [needle, needle],
                            "q.date, q.article_id, q.start")

    def search(self, text: str, *, limit: int | None = None) -> Results[QuoteResult]:
        """Full-text search over the claims (SQLite FTS5 over quote content and sentence): quotes
        with every word of `text`, best match first (BM25).

        Words are matched whole and in any order, case and accents as FTS5's default tokenizer
        folds them; punctuation in `text` is ignored.
        """
        words = re.findall(r"\w+", text)
        if not words:
            return Results()
        match = " ".join(f'"{w}"' for w in words)
        query = (f"{_QUOTE_COLUMNS} JOIN quotes_fts f ON f.rowid = q.rowid WHERE quotes_fts MATCH ? "
                 f"AND NOT q.dropped ORDER BY f.rank" + (f" LIMIT {int(limit)}" if limit else ""))
        return self._results(self.db.execute(query, [match]).fetchall())

    # -- people and organisations ------------------------------------------------------

    def roles(self, person: str) -> Results[RoleResult]:
        """The titles a person holds, each with the organisation and the article."""
        ids = [a for a, kind in self._find_actors(person) if kind == "person"]
        return Results(role for actor in self._actor_results(ids) for role in actor.roles)

    def members(self, organisation: str) -> Results[ActorResult]:
        """People holding a role at an organisation."""
        orgs = [a for a, kind in self._find_actors(organisation) if kind == "organisation"]
        people = set(self._with_members(orgs)) - set(orgs)
        return Results(sorted(self._actor_results(sorted(people)), key=lambda a: a.name))

    def co_quoted(self, actor: str) -> Results[CoQuoted]:
        """Other actors quoted in the same articles as `actor`, most shared articles first."""
        own = [a for a, _ in self._find_actors(actor)]
        rows = self.db.execute(
            f"SELECT DISTINCT o.speaker_id, o.article_id FROM quotes o WHERE NOT o.dropped AND o.speaker_id IS NOT "
            f"NULL AND o.speaker_id NOT IN ({_marks(own)}) AND o.article_id IN (SELECT article_id FROM quotes "
            f"WHERE NOT dropped AND speaker_id IN ({_marks(own)}))", own + own)
        shared: dict[str, set[str]] = defaultdict(set)
        for speaker, article in rows:
            shared[speaker].add(article)
        ranked = sorted(shared.items(), key=lambda item: (-len(item[1]), item[0]))
        actors = {a.id: a for a in self._actor_results([s for s, _ in ranked])}
        return Results(CoQuoted(actor=actors[n], articles=sorted(a)) for n, a in ranked)

    def path(self, a: str, b: str) -> Results[PathStep]:
        """The shortest chain of relations between two actors (empty when unconnected).

        Searched in the claims graph of the whole store up to `QUOTE_GRAPH_MAX_ARTICLES`
        articles; beyond, in the part made of the articles either actor appears in.
        """
        from kg.query.claims_graph import ClaimsGraph

        starts, ends = self._find_actors(a), self._find_actors(b)
        if not starts or not ends:
            return Results()
        if self.store.count("articles") <= QUOTE_GRAPH_MAX_ARTICLES:
            return ClaimsGraph(self.graph).path(a, b)
        G = nx.compose(self.store.graph(Part(actor=starts[0][0])), self.store.graph(Part(actor=ends[0][0])))
        return ClaimsGraph(G).path(a, b)

    # -- discourse networks ----------------------------------------------------------------

    def network(self, kind: str = "congruence", *, actors: str = "people", normalisation: str | None = None,
                since: str | None = None, until: str | None = None, min_confidence: float = 0.0) -> nx.Graph:
        """A discourse network (see `ClaimsGraph.network`), counted in SQL: networkx gets only
        the actors and concepts."""
        if kind not in ("congruence", "conflict", "actor-concept"):
            raise ValueError(f"unknown network {kind!r}: use congruence, conflict or actor-concept")
        counts = self.stance_counts(actors=actors, since=since, until=until, min_confidence=min_confidence)
        labels = self._labels({c.actor for c in counts} | {c.concept for c in counts})
        window = {"actors": actors, "since": since, "until": until}
        if kind == "actor-concept":
            return discourse.actor_concept_from_counts(counts, labels, **window)
        return discourse.one_mode_from_counts(kind, counts, labels, normalisation=normalisation, **window)

    def stance_counts(self, *, actors: str = "people", since: Any = None, until: Any = None,
                      min_confidence: float = 0.0) -> list[discourse.StanceCount]:
        """Statements (the ``statements`` view) counted by actor, concept and agreement, for
        people or for organisations (their own and their current members' statements)."""
        if actors not in ("people", "organisations"):
            raise ValueError(f"actors must be 'people' or 'organisations', not {actors!r}")
        start, end = discourse.as_date(since, "since"), discourse.as_date(until, "until")
        where, args = ["s.confidence >= ?"], [min_confidence]
        if start is not None or end is not None:
            where.append("substr(s.date, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "
                         "AND substr(s.date, 1, 10) BETWEEN ? AND ?")
            args += [start.isoformat() if start else "0000", end.isoformat() if end else "9999"]
        if actors == "people":
            source = "SELECT s.actor_id AS actor, s.* FROM statements s WHERE s.actor_kind = 'person'"
        else:
            source = ("SELECT s.actor_id AS actor, s.* FROM statements s WHERE s.actor_kind = 'organisation' "
                      "UNION SELECT m.org AS actor, s.* FROM statements s JOIN (SELECT DISTINCT e.actor_id AS "
                      "person, r.org_actor_id AS org FROM roles r JOIN entities e USING (article_id, local_id) "
                      "JOIN actors o ON o.id = r.org_actor_id WHERE NOT r.former AND o.kind = 'organisation') m "
                      "ON m.person = s.actor_id WHERE s.actor_kind = 'person'")
        rows = self.db.execute(f"SELECT actor, concept_id, agreement, count(*) FROM ({source}) s WHERE "
                               f"{' AND '.join(where)} GROUP BY actor, concept_id, agreement "
                               f"ORDER BY actor, concept_id, agreement", args)
        return [discourse.StanceCount(*row) for row in rows]

    # -- helpers -------------------------------------------------------------------------

    def _actors(self, kind: str) -> Results[ActorResult]:
        found = [ActorResult(id=i, **_fields(d)) for i, d in actor_data(self.db, "kind = ?", (kind,)).items()]
        return Results(sorted(found, key=lambda a: (-a.n_quotes, a.name)))

    def _actor_results(self, ids: list[str] | None = None) -> list[ActorResult]:
        if ids is None:
            data = actor_data(self.db)
        else:
            data = actor_data(self.db, f"id IN ({_marks(ids)})", tuple(ids))
        return [ActorResult(id=i, **_fields(d)) for i, d in data.items()]

    def _find_actors(self, name: str) -> list[tuple[str, str]]:
        """(id, kind) of the actors called `name` (or with it as a variant), else of those whose
        name contains it; in the order `ClaimsGraph` finds them (people first, then organisations)."""
        wanted = _words(name)
        order = "ORDER BY a.kind = 'organisation', a.seq"
        exact = self.db.execute(
            f"SELECT a.id, a.kind FROM actors a WHERE kg_words(a.name) = ?1 OR a.id IN (SELECT actor_id FROM "
            f"actor_names WHERE kg_words(name) = ?1) {order}", [wanted]).fetchall()
        if exact or not wanted:
            return exact
        return self.db.execute(f"SELECT a.id, a.kind FROM actors a WHERE instr(kg_words(a.name), ?) {order}",
                               [wanted]).fetchall()

    def _with_members(self, orgs: list[str]) -> list[str]:
        """The organisations and the people holding a role at any of them."""
        members = self.db.execute(
            f"SELECT DISTINCT e.actor_id FROM roles r JOIN entities e USING (article_id, local_id) WHERE "
            f"r.org_actor_id IN ({_marks(orgs)}) AND e.actor_id IS NOT NULL", orgs)
        return orgs + [m for (m,) in members]

    def _quotes(self, where: str, args: list[Any], order: str) -> Results[QuoteResult]:
        return self._results(self.db.execute(f"{_QUOTE_COLUMNS} WHERE {where} ORDER BY {order}", args).fetchall())

    def _results(self, rows: list[tuple]) -> Results[QuoteResult]:
        concepts: dict[str, list[str]] = defaultdict(list)
        ids = [row[0] for row in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for quote_id, concept in self.db.execute(
                    f"SELECT quote_id, concept FROM stances WHERE quote_id IN ({_marks(chunk)}) "
                    f"ORDER BY quote_id, seq", chunk):
                if concept not in concepts[quote_id]:
                    concepts[quote_id].append(concept)
        return Results(QuoteResult(id=i, speaker=s or "", speaker_id=sid, cue=c or "", cue_class=cc or "", type=t,
                                   content=content, article_id=article, article_title=title or "", date=d,
                                   start=start, end=end, sentence=sentence, concepts=concepts[i])
                       for i, s, sid, c, cc, t, content, article, title, d, start, end, sentence in rows)

    def _labels(self, nodes: set[str]) -> discourse.Labels:
        ids = sorted(nodes)
        labels: discourse.Labels = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for node, kind, label in self.db.execute(
                    f"SELECT id, kind, name FROM actors WHERE id IN ({_marks(chunk)}) UNION ALL "
                    f"SELECT id, 'concept', name FROM concepts WHERE id IN ({_marks(chunk)})", chunk + chunk):
                labels[node] = {"type": kind, "label": label}
        return labels


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    return {"type": data["type"], "name": data["name"], "aliases": data["aliases"],
            "roles": [RoleResult(person=data["name"], **role) for role in data["roles"]],
            "n_quotes": data["n_quotes"], "articles": data["articles"], "kinds": data["kinds"],
            "merge_reasons": data["merge_reasons"], "corrections": data["corrections"]}


def _marks(values: list[Any]) -> str:
    return ", ".join("?" * len(values))


def _words(text: str | None) -> str:
    """Lower case, one space between words, straight apostrophes (as `ClaimsGraph` compares)."""
    return " ".join(str(text or "").replace("\u2019", "'").lower().split())
