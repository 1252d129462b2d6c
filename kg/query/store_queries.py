"""`StoreQueries`: the questions of `ClaimsGraph`, answered in SQL from a claims store.

Each question reads only what it needs from ``claims.sqlite`` (indexed by speaker, date,
article and concept; FTS5 over the quotes), so a question on a corpus of any size takes
about the same time and no graph is built. The answers are the same result records as
`ClaimsGraph`'s, in the same order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from kg import discourse
from kg._batches import batches
from kg.query.questions import Questions, words
from kg.query.results import (ActorResult, ArticleResult, CoQuoted, PathStep, QuoteResult, Results, RoleResult,
                              StanceResult)
from kg.store import QUOTE_GRAPH_MAX_ARTICLES, ClaimsStore, Part
from kg.store.graph import actor_data

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["StoreQueries"]

_DAY = "substr(s.date, 1, 10)"
_IN_LIMIT = 500
"""Ids bound in one ``IN (...)`` (SQLite allows some thousands of parameters a statement)."""
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
        self.db.create_function("kg_words", 1, words, deterministic=True)
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
        self._check_filters(concept=concept, cue_class=cue_class, since=since, until=until)
        where, args = ["NOT q.dropped"], []
        if speaker is not None:
            ids = self._actor_ids(speaker)
            where.append(f"q.speaker_id IN ({_marks(ids)})")
            args += ids
        if organisation is not None:
            ids = self._with_members(self._actor_ids(organisation, "organisation"))
            where.append(f"q.speaker_id IN ({_marks(ids)})")
            args += ids
        if concept is not None:
            where.append("q.id IN (SELECT quote_id FROM stances WHERE instr(kg_words(concept), ?))")
            args.append(words(concept))
        if cue_class is not None:
            where.append("q.cue_class = ?")
            args.append(cue_class)
        if since is not None or until is not None:
            where.append("q.date != '' AND substr(q.date, 1, 10) BETWEEN ? AND ?")
            args += [since or "", until or "9999"]
        if text is not None:
            where.append("instr(kg_words(q.content), ?)")
            args.append(words(text))
        return self._quotes(" AND ".join(where), args, "q.date, q.article_id, q.start")

    def _who_said(self, phrase: str) -> Results[QuoteResult]:
        needle = words(phrase)
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
        """The titles a person holds, each with the organisation and the article (see `ClaimsGraph.roles`)."""
        ids = self._actor_ids(person, "person")
        return Results(role for actor in self._actor_results(ids) for role in actor.roles)

    def members(self, organisation: str) -> Results[ActorResult]:
        """People holding a role at an organisation."""
        orgs = self._actor_ids(organisation, "organisation")
        people = set(self._with_members(orgs)) - set(orgs)
        return Results(sorted(self._actor_results(sorted(people)), key=lambda a: a.name))

    def co_quoted(self, actor: str) -> Results[CoQuoted]:
        """Other actors quoted in the same articles as `actor`, most shared articles first."""
        own = self._actor_ids(actor)
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
        import networkx as nx

        from kg.query.claims_graph import ClaimsGraph

        starts, ends = self._actor_ids(a), self._actor_ids(b)
        if self.store.count("articles") <= QUOTE_GRAPH_MAX_ARTICLES:
            return ClaimsGraph(self.graph).path(a, b)
        G = nx.compose(self.store.graph(Part(actor=starts[0])), self.store.graph(Part(actor=ends[0])))
        return ClaimsGraph(G).path(a, b)

    # -- discourse networks (`Questions.network`, `Questions.networks`) ------------------------

    def stance_counts(self, *, actors: str = "people", since: Any = None, until: Any = None,
                      min_confidence: float = 0.0, by_day: bool = False) -> list[discourse.StanceCount]:
        """Statements (the ``statements`` view) counted in SQL by actor, concept and agreement (and,
        with `by_day`, by the ISO day: undated statements are then left out), for people or for
        organisations (their own and their current members' statements); sorted."""
        if actors not in ("people", "organisations"):
            raise ValueError(f"actors must be 'people' or 'organisations', not {actors!r}")
        start, end = discourse.as_date(since, "since"), discourse.as_date(until, "until")
        where, args = ["s.confidence >= ?"], [min_confidence]
        if start is not None or end is not None or by_day:
            where.append(f"{_DAY} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND {_DAY} BETWEEN ? AND ?")
            args += [start.isoformat() if start else "0000", end.isoformat() if end else "9999"]
        if actors == "people":
            source = "SELECT s.actor_id AS actor, s.* FROM statements s WHERE s.actor_kind = 'person'"
        else:
            source = ("SELECT s.actor_id AS actor, s.* FROM statements s WHERE s.actor_kind = 'organisation' "
                      "UNION SELECT m.org AS actor, s.* FROM statements s JOIN (SELECT DISTINCT e.actor_id AS "
                      "person, r.org_actor_id AS org FROM roles r JOIN entities e USING (article_id, local_id) "
                      "JOIN actors o ON o.id = r.org_actor_id WHERE NOT r.former AND o.kind = 'organisation') m "
                      "ON m.person = s.actor_id WHERE s.actor_kind = 'person'")
        day = f"{_DAY} AS day" if by_day else "'' AS day"
        rows = self.db.execute(f"SELECT actor, concept_id, agreement, count(*), {day} FROM ({source}) s WHERE "
                               f"{' AND '.join(where)} GROUP BY actor, concept_id, agreement, day "
                               f"ORDER BY actor, concept_id, agreement, day", args)
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
        wanted = words(name)
        order = "ORDER BY a.kind = 'organisation', a.seq"
        exact = self.db.execute(
            f"SELECT a.id, a.kind FROM actors a WHERE kg_words(a.name) = ?1 OR a.id IN (SELECT actor_id FROM "
            f"actor_names WHERE kg_words(name) = ?1) {order}", [wanted]).fetchall()
        if exact or not wanted:
            return exact
        return self.db.execute(f"SELECT a.id, a.kind FROM actors a WHERE instr(kg_words(a.name), ?) {order}",
                               [wanted]).fetchall()

    def _actor_names(self, kind: str | None) -> dict[str, str]:
        where = "" if kind is None else "WHERE a.kind = ?"
        rows = self.db.execute(f"SELECT a.name, a.name FROM actors a {where} UNION ALL SELECT n.name, a.name FROM "
                               f"actor_names n JOIN actors a ON a.id = n.actor_id {where} ORDER BY 2",
                               [] if kind is None else [kind, kind])
        return dict(rows.fetchall())

    def _concept_names(self) -> list[str]:
        return [name for (name,) in self.db.execute("SELECT name FROM concepts ORDER BY name")]

    def _has_concept(self, text: str) -> bool:
        """As `Questions._has_concept`, in SQL, stopping at the first name that contains `text`."""
        found = self.db.execute("SELECT 1 FROM concepts WHERE instr(kg_words(name), kg_words(?)) LIMIT 1",
                                [text]).fetchone()
        return found is not None

    def _with_members(self, orgs: list[str]) -> list[str]:
        """The organisations and the people holding a role at any of them."""
        members = self.db.execute(
            f"SELECT DISTINCT e.actor_id FROM roles r JOIN entities e USING (article_id, local_id) WHERE "
            f"r.org_actor_id IN ({_marks(orgs)}) AND e.actor_id IS NOT NULL", orgs)
        return orgs + [m for (m,) in members]

    def _quotes(self, where: str, args: list[Any], order: str) -> Results[QuoteResult]:
        return self._results(self.db.execute(f"{_QUOTE_COLUMNS} WHERE {where} ORDER BY {order}", args).fetchall())

    def _results(self, rows: list[tuple]) -> Results[QuoteResult]:
        # A concept a claim names twice: in the place of its first stance, with its last (as in the graph).
        concepts: dict[str, dict[str, StanceResult]] = defaultdict(dict)
        for chunk in batches((row[0] for row in rows), _IN_LIMIT):
            for quote_id, concept, agreement, confidence in self.db.execute(
                    f"SELECT quote_id, concept, agreement, confidence FROM stances WHERE quote_id IN ({_marks(chunk)}) "
                    f"ORDER BY quote_id, seq", chunk):
                concepts[quote_id][concept] = StanceResult(concept=concept, agreement=agreement,
                                                           confidence=confidence)
        return Results(QuoteResult(id=i, speaker=s or "", speaker_id=sid, cue=c or "", cue_class=cc or "", type=t,
                                   content=content, article_id=article, article_title=title or "", date=d,
                                   start=start, end=end, sentence=sentence, concepts=list(concepts[i].values()))
                       for i, s, sid, c, cc, t, content, article, title, d, start, end, sentence in rows)

    def _labels(self, nodes: set[str]) -> discourse.Labels:
        labels: discourse.Labels = {}
        for chunk in batches(sorted(nodes), _IN_LIMIT):
            for node, kind, label in self.db.execute(
                    f"SELECT id, kind, name FROM actors WHERE id IN ({_marks(chunk)}) UNION ALL "
                    f"SELECT id, 'concept', name FROM concepts WHERE id IN ({_marks(chunk)})", chunk + chunk):
                labels[node] = {"type": kind, "label": label}
        return labels


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    return {"type": data["type"], "name": data["name"], "aliases": data["aliases"],
            "roles": [{"person": data["name"], **role} for role in data["roles"]],  # made RoleResults at once
            "n_quotes": data["n_quotes"], "articles": data["articles"], "kinds": data["kinds"],
            "merge_reasons": data["merge_reasons"], "corrections": data["corrections"]}


def _marks(values: list[Any]) -> str:
    return ", ".join("?" * len(values))
