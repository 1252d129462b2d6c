"""Resolve the store's people and organisations into actors and apply the user's corrections.

Runs over the whole store after every change (a new build, or articles added by
``kg build --update``), so a new article can join an existing actor, split nothing
that a fresh build would not, and the result is the same as building from all the
records at once. Only what `kg.actors.resolve_entries` needs is read: one small
entry per person or organisation of each article, and the corpus's distinct sentences
for the lower-case word counts; the records themselves stay in the database.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from functools import lru_cache

from kg._collector import collector_paused
from kg.actor_index import ActorIndex
from kg.actors import ActorEntry, common_words, person_entry, resolve_entries, role_entry
from kg.corrections import Corrections, QuoteFix, apply_corrections
from kg.store.schema import RESOLVED_INDEXES, create_indexes

__all__ = ["resolve_store"]

_ENTRIES = """
SELECT article_id, local_id, kind, name, aliases, n_mentions, seq AS s1, -1 AS s2 FROM entities
UNION ALL
SELECT r.article_id, 'role:' || r.organisation, 'organisation', r.organisation, NULL, 0, e.seq, r.seq
FROM roles r JOIN entities e USING (article_id, local_id) WHERE coalesce(r.organisation, '') != ''
ORDER BY article_id, s1, s2
"""


class _QuoteKeys:
    """The store's quotes as a container of ``(article id, quote id)``, asked one at a time."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __contains__(self, key: object) -> bool:
        return self.db.execute("SELECT 1 FROM quotes WHERE article_id = ? AND local_id = ?", key).fetchone() is not None


def resolve_store(db: sqlite3.Connection, corrections: Corrections | None = None) -> list[str]:
    """Resolve actors over the whole store, apply `corrections`, and rewrite the resolved tables.

    Parameters
    ----------
    db : sqlite3.Connection
        An open store (`kg.store.schema.connect`); the caller commits. The record tables'
        indexes are made first if missing (a new store gets them after its first records), those
        of the resolved columns once these are written.
    corrections : Corrections, optional
        Applied after the actors are found, as `kg.build.build_graph` does.

    Returns
    -------
    list of str
        What each correction did, one line each (also kept in ``meta``).

    Raises
    ------
    kg.corrections.CorrectionError
        When a correction names no actor or quote, or a name that fits several actors.
    """
    create_indexes(db)
    with collector_paused():  # an entry per person and organisation of each article, and their groups
        entries = [_entry(*row[:6]) for row in db.execute(_ENTRIES)]
        sentences = (s for (s,) in db.execute("SELECT sentence FROM mentions UNION SELECT sentence FROM quotes"))
        actors = resolve_entries(entries, common_words(sentences))
        del entries
    applied, fixes = apply_corrections(corrections, actors, _QuoteKeys(db)) if corrections else ([], {})
    _write_actors(db, actors)
    _write_quotes(db, fixes)
    create_indexes(db, RESOLVED_INDEXES)  # a new store's, made now that their columns are written
    _write_derived(db)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('corrections', ?)", (json.dumps(applied, ensure_ascii=False),))
    return applied


def _entry(article_id: str, local_id: str, kind: str, name: str, aliases: str | None, mentions: int) -> ActorEntry:
    article_id, local_id, name = sys.intern(article_id), sys.intern(local_id), sys.intern(name)
    if aliases is None:
        return role_entry(article_id, name)
    if kind == "person":
        return person_entry(article_id, local_id, name, _aliases(aliases), mentions)
    return ActorEntry(article_id, local_id, "organisation", name, _aliases(aliases), mentions, None)


@lru_cache(maxsize=1 << 14)
def _aliases(text: str) -> dict[str, str]:
    """Aliases read from their JSON once per distinct text: entries only read them, so they share them
    (a corpus repeats its names; memory follows the distinct names, not the mentions)."""
    return json.loads(text)


def _write_actors(db: sqlite3.Connection, actors: ActorIndex) -> None:
    for table in ("actors", "actor_names", "actor_notes", "actor_articles"):
        db.execute(f"DELETE FROM {table}")
    db.executemany("INSERT INTO actors (id, kind, name, kinds, n_articles, seq) VALUES (?,?,?,?,?,?)",
                   ((a.id, a.kind, a.name, json.dumps(a.kinds), len(a.articles), seq)
                    for seq, a in enumerate(actors.actors.values())))
    db.executemany("INSERT OR IGNORE INTO actor_names VALUES (?,?)",
                   ((a.id, name) for a in actors.actors.values() for name in a.variants))
    db.executemany("INSERT INTO actor_notes VALUES (?,?,?,?)",
                   ((a.id, seq, kind, text) for a in actors.actors.values()
                    for kind, lines in (("reason", a.reasons), ("correction", a.corrections))
                    for seq, text in enumerate(lines)))
    db.executemany("INSERT OR IGNORE INTO actor_articles VALUES (?,?,?)",
                   ((a.id, article, seq) for a in actors.actors.values() for seq, article in enumerate(a.articles)))
    db.execute("CREATE TEMP TABLE assigned (article_id TEXT, local_id TEXT, actor_id TEXT, "
               "PRIMARY KEY (article_id, local_id)) WITHOUT ROWID")
    db.executemany("INSERT INTO temp.assigned VALUES (?,?,?)", actors.assignments())
    db.execute("UPDATE entities SET actor_id = a.actor_id FROM (SELECT * FROM temp.assigned) a "
               "WHERE a.article_id = entities.article_id AND a.local_id = entities.local_id")
    db.execute("UPDATE entities SET actor_id = NULL WHERE NOT EXISTS (SELECT 1 FROM temp.assigned a "
               "WHERE a.article_id = entities.article_id AND a.local_id = entities.local_id)")
    db.execute("UPDATE roles SET org_actor_id = (SELECT a.actor_id FROM temp.assigned a "
               "WHERE a.article_id = roles.article_id AND a.local_id = 'role:' || roles.organisation)")
    db.execute("DROP TABLE temp.assigned")


def _write_quotes(db: sqlite3.Connection, fixes: dict[tuple[str, str], QuoteFix]) -> None:
    # A claim's speaker is shown by the actor's name; the words at the claim stay in speaker_text.
    # (Every quote is rewritten once: the rows are long.)
    said = "e.article_id = quotes.article_id AND e.local_id = quotes.speaker_local_id"
    db.execute(f"UPDATE quotes SET dropped = 0, correction = NULL, speaker_id = (SELECT e.actor_id FROM entities e "
               f"WHERE {said}), speaker = coalesce((SELECT a.name FROM entities e JOIN actors a ON a.id = e.actor_id "
               f"WHERE {said}), speaker_text, '')")
    db.executemany("UPDATE quotes SET dropped = ?, speaker_id = ?, speaker = coalesce((SELECT a.name FROM actors a "
                   "WHERE a.id = ?), ?), correction = ? WHERE article_id = ? AND local_id = ?",
                   ((fix.drop, fix.speaker_id, fix.speaker_id, fix.speaker, fix.note, article, quote)
                    for (article, quote), fix in fixes.items()))


_ISO_DATE = "substr(ar.date, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"


def _write_derived(db: sqlite3.Connection) -> None:
    """Counts, honorifics, first and last dates of actors; the concepts (first source seen)."""
    db.execute("UPDATE actors SET n_quotes = (SELECT count(*) FROM quotes q WHERE q.speaker_id = actors.id "
               "AND NOT q.dropped)")
    db.execute("UPDATE actors SET honorific = (SELECT e.honorific FROM entities e WHERE e.actor_id = actors.id "
               "AND coalesce(e.honorific, '') != '' ORDER BY e.article_id, e.seq LIMIT 1)")
    # each article's day read once (an article's row holds its text), not once per actor in it
    db.execute(f"WITH days AS MATERIALIZED (SELECT id, substr(date, 1, 10) AS day FROM articles ar WHERE {_ISO_DATE}) "
               f"UPDATE actors SET first_date = d.first, last_date = d.last FROM (SELECT aa.actor_id, min(days.day) "
               f"AS first, max(days.day) AS last FROM actor_articles aa JOIN days ON days.id = aa.article_id "
               f"GROUP BY aa.actor_id) d WHERE d.actor_id = actors.id")
    db.execute("DELETE FROM concepts")
    db.execute("INSERT OR IGNORE INTO concepts SELECT 'concept:' || s.concept, s.concept, s.source FROM stances s "
               "JOIN quotes q ON q.id = s.quote_id WHERE NOT q.dropped ORDER BY q.article_id, q.seq, s.seq")
