"""Put article records into the store, one article at a time, replacing an article of the same id.

Records go into the record tables as they are (`kg.store.records` reads them back
unchanged); the resolved columns (``actor_id``, ``speaker_id``, ...) are filled
afterwards by `kg.store.resolve.resolve_store`, over the whole store.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable

from extractors.records import ArticleRecord, ArticleText, Mention

__all__ = ["add_records", "content_hash", "known_articles", "is_unchanged"]

_METADATA = ("title", "date", "url", "publication")


def content_hash(text: str | None) -> str:
    """The hash an article's text is known by: ``sha256:`` and the hex digest of its UTF-8."""
    return "sha256:" + hashlib.sha256((text or "").encode("utf-8", "surrogatepass")).hexdigest()


def known_articles(db: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """Article id -> (content hash, title, date, url, publication) of every article in the store."""
    return {row[0]: tuple(row[1:]) for row in db.execute(
        "SELECT id, content_hash, title, date, url, publication FROM articles")}


def is_unchanged(article: ArticleText, known: dict[str, tuple[str, ...]]) -> bool:
    """Whether the store already holds `article`: same id, same text, and the same value for each
    metadata field the input gives (title, date, url, publication)."""
    found = known.get(article.id)
    if found is None or found[0] != content_hash(article.text):
        return False
    return all(getattr(article, name) is None or getattr(article, name) == value
               for name, value in zip(_METADATA, found[1:]))


def add_records(db: sqlite3.Connection, records: Iterable[ArticleRecord]) -> int:
    """Insert records, each replacing the article of the same id; return how many.

    The caller commits (`kg.store.ClaimsStore` does, once for the whole batch).
    """
    before = db.execute("SELECT coalesce(max(rowid), 0) FROM quotes").fetchone()[0]
    count = 0
    for record in records:
        if db.execute("SELECT 1 FROM articles WHERE id = ?", (record.id,)).fetchone():
            _delete(db, record.id)
        _insert(db, record)
        count += 1
    db.execute("INSERT INTO quotes_fts (rowid, content, sentence) SELECT rowid, content, sentence FROM quotes "
               "WHERE rowid > ?", (before,))
    return count


def _delete(db: sqlite3.Connection, article_id: str) -> None:
    """Remove an article and everything recorded of it (what ON DELETE CASCADE would do: the store
    runs without foreign key enforcement, for speed, and keeps its rows consistent here)."""
    db.execute("DELETE FROM stances WHERE quote_id IN (SELECT id FROM quotes WHERE article_id = ?)", (article_id,))
    for table in ("quotes", "mentions", "roles", "entities"):
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM articles WHERE id = ?", (article_id,))


def _insert(db: sqlite3.Connection, r: ArticleRecord) -> None:
    db.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)",
               (r.id, r.title, r.date, r.url, r.publication, r.author, r.source, _json(r.notes), r.text, r.model,
                content_hash(r.text)))
    entities, mentions, roles = [], [], []
    for seq, e in enumerate([*r.people, *r.organisations]):
        person = seq < len(r.people)
        entities.append((r.id, e.id, seq, "person" if person else "organisation", e.name,
                         getattr(e, "honorific", None), _json(e.aliases), getattr(e, "byline", False),
                         len(e.mentions)))
        mentions.extend((r.id, e.id, n, *_mention(m)) for n, m in enumerate(e.mentions))
        roles.extend((r.id, e.id, n, role.title, role.organisation, role.former, *_mention(role.mention))
                     for n, role in enumerate(getattr(e, "roles", [])))
    db.executemany("INSERT INTO entities (article_id, local_id, seq, kind, name, honorific, aliases, byline, "
                   "n_mentions) VALUES (?,?,?,?,?,?,?,?,?)", entities)
    db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?)", mentions)
    db.executemany("INSERT INTO roles (article_id, local_id, seq, title, organisation, former, text, start, "
                   "\"end\", sentence) VALUES (?,?,?,?,?,?,?,?,?,?)", roles)
    quotes, stances = [], []
    for seq, q in enumerate(r.quotes):
        quote_id = f"quote:{r.id}:{q.id}"
        quotes.append((quote_id, r.id, q.id, seq, q.speaker, q.speaker_id, _mention_json(q.speaker_mention), q.cue,
                       q.cue_class, _mention_json(q.cue_mention), q.type, q.content, q.start, q.end,
                       _json(q.parts), q.sentence, r.date or ""))
        stances.extend((quote_id, n, c.concept, c.source, c.agreement, c.confidence, _json(c.evidence),
                        *_mention(c.mention)) for n, c in enumerate(q.concepts))
    db.executemany("INSERT INTO quotes (id, article_id, local_id, seq, speaker_text, speaker_local_id, "
                   "speaker_mention, cue, cue_class, cue_mention, type, content, start, \"end\", parts, sentence, "
                   "date) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", quotes)
    db.executemany("INSERT INTO stances VALUES (?,?,?,?,?,?,?,?,?,?,?)", stances)


def _mention(m: Mention) -> tuple[str, int, int, str]:
    return m.text, m.start, m.end, m.sentence


def _mention_json(m: Mention | None) -> str | None:
    return None if m is None else m.model_dump_json()


def _json(value: object) -> str:
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
