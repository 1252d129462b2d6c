"""The claims graph as streams of nodes and edges read from the store, for a part or the whole.

`claims_stream` gives the graph `kg.build.build_graph` describes (articles, quotes,
people, organisations, concepts; one node per quote), `actor_concept_stream` the
smaller graph of actors and concepts with each actor's claims on a concept counted
and listed on one edge. Both read the store in a few ordered queries, article by
article, holding one article's rows at a time; `to_networkx` makes a graph of either
when it is wanted in memory. `Part` chooses the articles: those in a date range, those
an actor appears in, those with a claim about a concept, or all.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from kg.readwrite.stream import JSON, Edge, GraphStream, Node

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Part", "claims_stream", "actor_concept_stream", "to_networkx", "skeleton", "actor_data", "actor_roles"]

_ACTOR_TYPES: dict[str, Any] = {"type": str, "label": str, "name": str, "aliases": JSON, "roles": JSON,
                                "n_quotes": int, "articles": JSON, "kinds": JSON, "merge_reasons": JSON,
                                "corrections": JSON, "honorific": str}
_NODE_TYPES = {**_ACTOR_TYPES, "title": str, "date": str, "url": str, "publication": str, "author": str,
               "article_id": str, "content": str, "cue": str, "cue_class": str, "quote_type": str, "speaker": str,
               "start": int, "end": int, "sentence": str, "source": str, "parts": JSON, "cue_span": JSON,
               "speaker_span": JSON}
_EDGE_TYPES = {"type": str, "count": int, "article_id": str, "start": int, "end": int, "sentence": str,
               "title": str, "former": bool, "cue": str, "cue_class": str, "agreement": str, "confidence": float,
               "source": str, "evidence": JSON}
_AC_NODE_TYPES = {**_ACTOR_TYPES, "source": str, "n_statements": int}
_AC_EDGE_TYPES = {"type": str, "titles": JSON, "former": bool, "articles": JSON, "count": int, "agree": int,
                  "disagree": int, "neutral": int, "weight": int, "net": int, "agreement": str, "quotes": JSON}


@dataclass(frozen=True)
class Part:
    """Which articles a graph is made of: all, or those matching every condition given."""

    since: str | None = None
    """ISO date, inclusive (undated articles are left out when `since` or `until` is given)."""
    until: str | None = None
    actor: str | None = None
    """An actor id: the articles it appears in (its neighbourhood)."""
    concept: str | None = None
    """A concept name: the articles with a claim about it."""

    def articles(self, db: sqlite3.Connection) -> str | None:
        """A temporary table of the part's article ids, or None for all articles."""
        if self == Part():
            return None
        where, args = [], []
        if self.since is not None or self.until is not None:
            where.append("substr(date, 1, 10) BETWEEN ? AND ?")
            args += [self.since or "0000", self.until or "9999"]
        if self.actor is not None:
            where.append("id IN (SELECT article_id FROM actor_articles WHERE actor_id = ?)")
            args.append(self.actor)
        if self.concept is not None:
            where.append("id IN (SELECT q.article_id FROM stances s JOIN quotes q ON q.id = s.quote_id "
                         "WHERE s.concept = ? AND NOT q.dropped)")
            args.append(self.concept)
        table = f"part_{uuid.uuid4().hex[:12]}"
        db.execute(f"CREATE TEMP TABLE {table} AS SELECT id FROM articles WHERE {' AND '.join(where)}", args)
        return table


def claims_stream(db: sqlite3.Connection, part: Part = Part()) -> GraphStream:
    """The claims graph of a part of the store, as `kg.build.build_graph` makes it."""
    table = part.articles(db)
    graph = {"corrections": _corrections(db)}
    return GraphStream(nodes=lambda: _claim_nodes(db, table), edges=lambda: _claim_edges(db, table),
                       node_types=dict(_NODE_TYPES), edge_types=dict(_EDGE_TYPES), graph=graph)


def actor_concept_stream(db: sqlite3.Connection, part: Part = Part()) -> GraphStream:
    """Actors and concepts: per actor and concept one ``stance`` edge with the numbers of agreeing,
    disagreeing and neutral claims and the ids of the claims (``quotes``); per person and
    organisation one ``holds_role`` edge with the titles and the articles that state them."""
    table = part.articles(db)
    stances = f"stances_{uuid.uuid4().hex[:12]}"  # the statements counted once, for every pass
    db.execute(f"CREATE TEMP TABLE {stances} AS SELECT actor_id, concept_id, sum(agreement = 'agree') AS agree, "
               "sum(agreement = 'disagree') AS disagree, sum(agreement = 'neutral') AS neutral, "
               f"json_group_array(quote_id) AS quotes FROM statements{_in(table, 'article_id', 'WHERE')} "
               "GROUP BY actor_id, concept_id")
    graph = {"corrections": _corrections(db), "network": "actor-concept", "actors": "people and organisations"}
    return GraphStream(nodes=lambda: _ac_nodes(db, table, stances), edges=lambda: _ac_edges(db, table, stances),
                       node_types=dict(_AC_NODE_TYPES), edge_types=dict(_AC_EDGE_TYPES), graph=graph)


def to_networkx(stream: GraphStream) -> nx.MultiDiGraph:
    """The graph of a stream, in memory."""
    import networkx as nx

    G = nx.MultiDiGraph(**stream.graph)
    G.add_nodes_from(stream.nodes())
    G.add_edges_from(stream.edges())
    return G


def skeleton(stream: GraphStream) -> nx.MultiDiGraph:
    """The stream's nodes and edges with only what layouts and timelines need (node ``type``,
    ``date``, ``article_id``, ``articles``, ``n_quotes``; edge ``type``, ``article_id``)."""
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_nodes_from((n, {k: d[k] for k in ("type", "date", "article_id", "articles", "n_quotes") if k in d})
                     for n, d in stream.nodes())
    G.add_edges_from((u, v, k, {"type": d.get("type"), "article_id": d.get("article_id")})
                     for u, v, k, d in stream.edges())
    return G


# -- the claims graph -------------------------------------------------------------------------


def _in(table: str | None, column: str, conjunction: str = "AND") -> str:
    return f" {conjunction} {column} IN (SELECT id FROM temp.{table})" if table else ""


def _claim_nodes(db: sqlite3.Connection, table: str | None) -> Iterator[Node]:
    yield from _actor_nodes(db, table)
    quotes = _Follow(db.execute(
        'SELECT article_id, id, content, cue, cue_class, type, speaker, date, correction, start, "end", sentence, '
        f"parts, cue_mention, speaker_mention FROM quotes WHERE NOT dropped{_in(table, 'article_id')} "
        "ORDER BY article_id, seq"))
    for article_id, title, date, url, publication, author in db.execute(
            "SELECT id, title, date, url, publication, author FROM articles"
            f"{_in(table, 'id', 'WHERE')} ORDER BY id"):
        yield f"article:{article_id}", {"type": "article", "label": title or article_id, "title": title or "",
                                         "date": date or "", "url": url or "", "publication": publication or "",
                                         "author": author or "", "article_id": article_id}
        for (_, node, content, cue, cue_class, kind, speaker, qdate, correction, start, end, sentence, parts,
             cue_mention, speaker_mention) in quotes.take(article_id):
            label = content if len(content) <= 60 else content[:57].rstrip() + "..."
            yield node, {"type": "quote", "label": label, "content": content, "cue": cue or "",
                         "cue_class": cue_class or "", "quote_type": kind, "speaker": speaker, "date": qdate,
                         "corrections": [correction] if correction else [],
                         "parts": json.loads(parts) or [[start, end]], "cue_span": _span(cue_mention),
                         "speaker_span": _span(speaker_mention) if not correction else [],
                         "article_id": article_id, "start": start, "end": end, "sentence": sentence}
    for concept_id, name, source in db.execute(
            "SELECT id, name, source FROM concepts WHERE name IN (SELECT s.concept FROM stances s JOIN quotes q "
            f"ON q.id = s.quote_id WHERE NOT q.dropped{_in(table, 'q.article_id')}) ORDER BY rowid"):
        yield concept_id, {"type": "concept", "label": name, "source": source}


def _claim_edges(db: sqlite3.Connection, table: str | None) -> Iterator[Edge]:
    mentioned = _Follow(db.execute(
        'SELECT e.article_id, e.actor_id, e.n_mentions, m.start, m."end", m.sentence FROM entities e JOIN mentions m '
        "ON m.article_id = e.article_id AND m.local_id = e.local_id AND m.seq = 0 WHERE e.actor_id IS NOT NULL"
        f"{_in(table, 'e.article_id')} ORDER BY e.article_id, e.seq"))
    roles = _Follow(db.execute(
        'SELECT r.article_id, e.actor_id, r.org_actor_id, r.title, r.former, r.start, r."end", r.sentence '
        "FROM roles r JOIN entities e USING (article_id, local_id) WHERE e.actor_id IS NOT NULL "
        f"AND r.org_actor_id IS NOT NULL{_in(table, 'r.article_id')} ORDER BY r.article_id, e.seq, r.seq"))
    stances = _Follow(db.execute(
        "SELECT q.article_id, s.quote_id, s.concept, s.agreement, s.confidence, s.source, s.evidence, s.start, "
        's."end", s.sentence FROM stances s JOIN quotes q ON q.id = s.quote_id '
        f"WHERE NOT q.dropped{_in(table, 'q.article_id')} ORDER BY q.article_id, q.seq, s.seq"))
    quotes = _Follow(db.execute(
        'SELECT article_id, id, speaker_id, cue, cue_class, start, "end", sentence FROM quotes '
        f"WHERE NOT dropped{_in(table, 'article_id')} ORDER BY article_id, seq"))
    for (article_id,) in db.execute(f"SELECT id FROM articles{_in(table, 'id', 'WHERE')} ORDER BY id"):
        yield from _article_edges(article_id, quotes.take(article_id), mentioned, roles, stances)


def _article_edges(article_id: str, quotes: list[tuple], mentioned: "_Follow", roles: "_Follow",
                   stances: "_Follow") -> Iterator[Edge]:
    """One article's edges, each (source, target, key) once: later records win, as in networkx."""
    article = f"article:{article_id}"
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for _, actor, count, start, end, sentence in mentioned.take(article_id):
        edges[actor, article, "mentioned_in"] = {"type": "mentioned_in", "count": count,
                                                 **_provenance(article_id, start, end, sentence)}
    for _, person, org, title, former, start, end, sentence in roles.take(article_id):
        edges[person, org, f"holds_role:{article_id}:{title}"] = {
            "type": "holds_role", "title": title, "former": bool(former),
            **_provenance(article_id, start, end, sentence)}
    about: dict[str, list[tuple]] = {}
    for row in stances.take(article_id):
        about.setdefault(row[1], []).append(row)
    for _, node, speaker, cue, cue_class, start, end, sentence in quotes:
        edges[node, article, "quoted_in"] = {"type": "quoted_in", **_provenance(article_id, start, end, sentence)}
        for _, _, concept, agreement, confidence, source, evidence, s_start, s_end, s_sentence in about.get(node, []):
            edges[node, f"concept:{concept}", f"about:{concept}"] = {
                "type": "about", "agreement": agreement, "confidence": confidence, "source": source,
                "evidence": json.loads(evidence), **_provenance(article_id, s_start, s_end, s_sentence)}
        if speaker is not None:
            edges[speaker, node, "said"] = {"type": "said", "cue": cue or "", "cue_class": cue_class or "",
                                            **_provenance(article_id, start, end, sentence)}
    for (u, v, key), data in edges.items():
        yield u, v, key, data


def _span(mention: str | None) -> list[int]:
    """``[start, end]`` of a mention kept as JSON, ``[]`` when there is none."""
    if mention is None:
        return []
    found = json.loads(mention)
    return [found["start"], found["end"]]


def _provenance(article_id: str, start: int, end: int, sentence: str) -> dict[str, Any]:
    return {"article_id": article_id, "start": start, "end": end, "sentence": sentence}


class _Follow:
    """Rows ordered by article id, handed out one article at a time as the articles go by."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._groups = groupby(cursor, key=itemgetter(0))
        self._next = next(self._groups, None)

    def take(self, article_id: str) -> list[tuple]:
        """The rows of `article_id` (none when this cursor has already passed it or has none)."""
        while self._next is not None and self._next[0] < article_id:
            self._next = next(self._groups, None)
        if self._next is None or self._next[0] != article_id:
            return []
        rows = list(self._next[1])
        self._next = next(self._groups, None)
        return rows


# -- actors -----------------------------------------------------------------------------------


def _actor_nodes(db: sqlite3.Connection, table: str | None) -> Iterator[Node]:
    where = f"id IN (SELECT actor_id FROM actor_articles WHERE article_id IN (SELECT id FROM temp.{table}))" \
        if table else None
    yield from actor_data(db, where).items()


def actor_data(db: sqlite3.Connection, where: str | None = None, args: tuple = ()) -> dict[str, dict[str, Any]]:
    """Actor id -> its node attributes in the claims graph, for the actors matching an SQL condition
    on the ``actors`` table (all when None), in the order they were found. A few queries in all."""
    condition = f" WHERE {where}" if where else ""
    chosen = f"actor_id IN (SELECT id FROM actors{condition})"
    found: dict[str, dict[str, Any]] = {}
    for actor_id, kind, name, honorific, kinds, n_quotes in db.execute(
            f"SELECT id, kind, name, honorific, kinds, n_quotes FROM actors{condition} ORDER BY seq", args):
        found[actor_id] = {"type": kind, "label": name, "name": name, "aliases": [], "roles": [],
                           "n_quotes": n_quotes, "articles": [], "kinds": json.loads(kinds), "merge_reasons": [],
                           "corrections": []}
        if honorific:
            found[actor_id]["honorific"] = honorific
    for actor_id, name in db.execute(f"SELECT actor_id, name FROM actor_names WHERE {chosen} ORDER BY actor_id, name",
                                     args):
        found[actor_id]["aliases"].append(name)
    for actor_id, article_id in db.execute(
            f"SELECT actor_id, article_id FROM actor_articles WHERE {chosen} ORDER BY actor_id, seq", args):
        found[actor_id]["articles"].append(article_id)
    for actor_id, kind, text in db.execute(
            f"SELECT actor_id, kind, text FROM actor_notes WHERE {chosen} ORDER BY actor_id, kind, seq", args):
        found[actor_id]["merge_reasons" if kind == "reason" else "corrections"].append(text)
    for actor_id, roles in actor_roles(db, where, args).items():
        found[actor_id]["roles"] = roles
    return found


def actor_roles(db: sqlite3.Connection, where: str | None = None, args: tuple = ()) -> dict[str, list[dict[str, Any]]]:
    """Actor id -> the roles of its node in the claims graph (``roles`` of `actor_data`), for the actors
    with any, of those matching an SQL condition on the ``actors`` table (all when None)."""
    chosen = f"actor_id IN (SELECT id FROM actors{f' WHERE {where}' if where else ''})"
    return {actor_id: _roles(row[1:] for row in roles) for actor_id, roles in groupby(db.execute(
        "SELECT e.actor_id, r.title, r.organisation, r.former, r.article_id FROM roles r JOIN entities e "
        f"USING (article_id, local_id) WHERE e.{chosen} ORDER BY e.actor_id, r.article_id, e.seq, r.seq", args),
        key=itemgetter(0))}


def _roles(rows: Iterable[tuple]) -> list[dict[str, Any]]:
    """Roles as dicts, each once, in the order given."""
    return [{"title": title, "organisation": organisation, "former": bool(former), "article_id": article_id}
            for title, organisation, former, article_id in dict.fromkeys(rows)]


def _ac_nodes(db: sqlite3.Connection, table: str | None, stances: str) -> Iterator[Node]:
    counts = dict(db.execute(f"SELECT actor_id, sum(agree + disagree + neutral) FROM temp.{stances} GROUP BY actor_id"))
    for actor, data in _actor_nodes(db, table):
        yield actor, {**data, "n_statements": counts.get(actor, 0)}
    for concept_id, name, source, n in db.execute(
            "SELECT c.id, c.name, c.source, s.n FROM concepts c JOIN (SELECT concept_id, sum(agree + disagree + "
            f"neutral) AS n FROM temp.{stances} GROUP BY concept_id) s ON s.concept_id = c.id ORDER BY c.rowid"):
        yield concept_id, {"type": "concept", "label": name, "source": source, "n_statements": n}


def _ac_edges(db: sqlite3.Connection, table: str | None, stances: str) -> Iterator[Edge]:
    for person, org, titles, former, articles, count in db.execute(
            "SELECT e.actor_id, r.org_actor_id, json_group_array(DISTINCT r.title), min(r.former), "
            "json_group_array(DISTINCT r.article_id), count(*) FROM roles r JOIN entities e USING (article_id, "
            f"local_id) WHERE e.actor_id IS NOT NULL AND r.org_actor_id IS NOT NULL{_in(table, 'r.article_id')} "
            "GROUP BY e.actor_id, r.org_actor_id ORDER BY e.actor_id, r.org_actor_id"):
        yield person, org, "holds_role", {"type": "holds_role", "titles": json.loads(titles), "former": bool(former),
                                          "articles": json.loads(articles), "count": count}
    for actor, concept, agree, disagree, neutral, quotes in db.execute(
            f"SELECT * FROM temp.{stances} ORDER BY actor_id, concept_id"):
        overall = "mixed" if agree and disagree else "agree" if agree else "disagree" if disagree else "neutral"
        yield actor, concept, "stance", {"type": "stance", "agree": agree, "disagree": disagree, "neutral": neutral,
                                         "weight": agree + disagree + neutral, "net": agree - disagree,
                                         "agreement": overall, "quotes": json.loads(quotes)}


def _corrections(db: sqlite3.Connection) -> list[str]:
    row = db.execute("SELECT value FROM meta WHERE key = 'corrections'").fetchone()
    return json.loads(row[0]) if row else []
