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
from typing import TYPE_CHECKING, Any

from kg._collector import collector_paused

if TYPE_CHECKING:
    from extractors.records import ArticleRecord, ArticleText

__all__ = ["add_records", "add_record_dicts", "RecordWriter", "content_hash", "known_articles", "is_unchanged"]

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
    return add_record_dicts(db, (record.model_dump() for record in records))


def add_record_dicts(db: sqlite3.Connection, records: Iterable[dict[str, Any]]) -> int:
    """`add_records` for records as plain dicts (parsed JSON lines of ``records.jsonl``), which must
    be valid `ArticleRecord` data: fields left out take the records' defaults.

    Python's cycle collector rests meanwhile: rows make no cycles, and collecting while the
    rows of a batch pile up costs more than the parsing."""
    writer = RecordWriter(db)
    with collector_paused():
        for record in records:
            writer.add(record)
    return writer.finish()


class RecordWriter:
    """Records into rows of the store as they come, each replacing the article of its id: only
    the rows of the last `_BATCH` records are kept, never the records. The caller commits, after
    `finish`."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.count = 0
        self._indexed = db.execute("SELECT coalesce(max(rowid), 0) FROM quotes").fetchone()[0]
        self._present = {article_id for (article_id,) in db.execute("SELECT id FROM articles")}
        self._rows = _Rows()

    def add(self, record: dict[str, Any]) -> None:
        """Add one record (as a dict of `ArticleRecord` data)."""
        if record["id"] in self._present:
            self._rows.insert(self.db)  # what came before it, which it may replace
            self._indexed = _index_quotes(self.db, self._indexed)  # the delete trigger takes them out again
            _delete(self.db, record["id"])
        self._present.add(record["id"])
        self._rows.add(record)
        self.count += 1
        if self.count % _BATCH == 0:
            self._rows.insert(self.db)

    def finish(self) -> int:
        """Write what is left and index the new quotes for full-text search; return how many records."""
        self._rows.insert(self.db)
        self._indexed = _index_quotes(self.db, self._indexed)
        return self.count


_BATCH = 64
"""Records whose rows are inserted together."""


def _index_quotes(db: sqlite3.Connection, after: int) -> int:
    """Add the quotes after rowid `after` to the full-text index; return the last rowid indexed."""
    db.execute("INSERT INTO quotes_fts (rowid, content, sentence) SELECT rowid, content, sentence FROM quotes "
               "WHERE rowid > ?", (after,))
    return db.execute("SELECT coalesce(max(rowid), 0) FROM quotes").fetchone()[0]


def _delete(db: sqlite3.Connection, article_id: str) -> None:
    """Remove an article and everything recorded of it (what ON DELETE CASCADE would do: the store
    runs without foreign key enforcement, for speed, and keeps its rows consistent here)."""
    db.execute("DELETE FROM stances WHERE quote_id IN (SELECT id FROM quotes WHERE article_id = ?)", (article_id,))
    for table in ("quotes", "mentions", "roles", "entities"):
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM articles WHERE id = ?", (article_id,))


class _Rows:
    """The rows of a batch of records, table by table, inserted with one statement per table."""

    SQL = {
        "articles": "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        "entities": "INSERT INTO entities (article_id, local_id, seq, kind, name, honorific, aliases, byline, "
                    "n_mentions) VALUES (?,?,?,?,?,?,?,?,?)",
        "mentions": "INSERT INTO mentions VALUES (?,?,?,?,?,?,?)",
        "roles": 'INSERT INTO roles (article_id, local_id, seq, title, organisation, former, text, start, "end", '
                 "sentence) VALUES (?,?,?,?,?,?,?,?,?,?)",
        "quotes": "INSERT INTO quotes (id, article_id, local_id, seq, speaker_text, speaker_local_id, speaker_mention, "
                  'cue, cue_class, cue_mention, type, content, start, "end", parts, sentence, date) '
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        "stances": "INSERT INTO stances VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    }

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple]] = {table: [] for table in self.SQL}

    def add(self, r: dict[str, Any]) -> None:
        article_id, get = r["id"], r.get
        self.rows["articles"].append((article_id, get("title"), get("date"), get("url"), get("publication"),
                                      get("author"), get("source"), _json(get("notes")), get("text"), r["model"],
                                      content_hash(get("text"))))
        people, organisations = get("people") or [], get("organisations") or []
        for seq, e in enumerate([*people, *organisations]):
            local_id, e_mentions = e["id"], e["mentions"]
            self.rows["entities"].append((article_id, local_id, seq, "person" if seq < len(people) else "organisation",
                                          e["name"], e.get("honorific"), _json(e.get("aliases"), "{}"),
                                          bool(e.get("byline")), len(e_mentions)))
            self.rows["mentions"].extend((article_id, local_id, n, m["text"], m["start"], m["end"], m["sentence"])
                                         for n, m in enumerate(e_mentions))
            self.rows["roles"].extend((article_id, local_id, n, role["title"], role.get("organisation"),
                                       bool(role.get("former")), *_mention(role["mention"]))
                                      for n, role in enumerate(e.get("roles") or []))
        date = get("date") or ""
        for seq, q in enumerate(get("quotes") or []):
            quote_id = f"quote:{article_id}:{q['id']}"
            self.rows["quotes"].append((quote_id, article_id, q["id"], seq, q.get("speaker"), q.get("speaker_id"),
                                        _mention_json(q.get("speaker_mention")), q.get("cue"), q.get("cue_class"),
                                        _mention_json(q.get("cue_mention")), q["type"], q["content"], q["start"],
                                        q["end"], _json(q.get("parts")), q["sentence"], date))
            self.rows["stances"].extend((quote_id, n, c["concept"], c["source"], c["agreement"], c["confidence"],
                                         _json(c.get("evidence")), *_mention(c["mention"]))
                                        for n, c in enumerate(q.get("concepts") or []))

    def insert(self, db: sqlite3.Connection) -> None:
        """Insert the rows gathered so far, and forget them."""
        for table, sql in self.SQL.items():
            if self.rows[table]:
                db.executemany(sql, self.rows[table])
                self.rows[table].clear()


def _mention(m: dict[str, Any]) -> tuple[str, int, int, str]:
    return m["text"], m["start"], m["end"], m["sentence"]


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_STRING = json.encoder.encode_basestring  # a str as JSON, as _ENCODE writes it (ensure_ascii=False)


def _mention_json(m: dict[str, Any] | None) -> str | None:
    """A mention as compact JSON: ``{"text":...,"start":...,"end":...,"sentence":...}``."""
    if m is None:
        return None
    text, start, end, sentence = m["text"], m["start"], m["end"], m["sentence"]
    if type(start) is int and type(end) is int and type(text) is str and type(sentence) is str:
        # what _ENCODE writes, put together without building a dict (one per quote, twice)
        return f'{{"text":{_STRING(text)},"start":{start},"end":{end},"sentence":{_STRING(sentence)}}}'
    return _ENCODE({"text": text, "start": start, "end": end, "sentence": sentence})


def _json(value: object, empty: str = "[]") -> str:
    return _encode(value) if value else empty


def _not_json(value: object) -> None:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


if json.encoder.c_make_encoder is not None:
    # What _ENCODE writes, from json's C encoder made once: JSONEncoder.encode makes one per call,
    # which costs more than the encoding of a short list (three per quote on average).
    _C_ENCODER = json.encoder.c_make_encoder(None, _not_json, _STRING, None, ":", ",", False, False, True)

    def _encode(value: object) -> str:
        return "".join(_C_ENCODER(value, 0))
else:  # an interpreter without json's C accelerator
    _encode = _ENCODE
