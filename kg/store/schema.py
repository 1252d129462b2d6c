"""The claims store's tables, its schema version, and opening a store file safely.

One SQLite file, ``claims.sqlite``, holds everything the records say (so the records
can be read back from it, `kg.store.records`) and what the graph build adds: the
actors each article's people and organisations were resolved to, with their names
and merge reasons, and the user's corrections applied. Plain tables with plain
columns (lists as JSON text), so Datasette, DuckDB, R and pandas read it as it is.

Record tables (filled by `kg.store.write.add_records`):

* ``articles``: one row per article, with its text and a ``content_hash`` of the record;
* ``entities``: each person and organisation as one article names it (``local_id`` p1, o1);
* ``mentions``: every place an entity is mentioned;
* ``roles``: the titles a person holds, at an organisation when named;
* ``quotes``: every claim, with its speaker as the text gives it (``speaker_text``,
  ``speaker_local_id``) and as resolved (``speaker_id``, ``speaker``);
* ``stances``: the concepts a claim is about, with the speaker's ``agreement``;
* ``quotes_fts``: FTS5 full-text index over quote ``content`` and ``sentence`` (filled after
  each batch of records; a deleted quote leaves it by a trigger).

Resolved tables (rewritten by `kg.store.resolve.resolve_store` after every change):

* ``actors``: one row per person or organisation of the corpus;
* ``actor_names``: the other names (variants) each actor goes by;
* ``actor_notes``: why each name or article joined it (``reason``) and the user's
  ``correction`` lines, in order;
* ``actor_articles``: the articles each actor appears in, in order;
* ``concepts``: one row per concept;
* ``statements`` (a view): one row per actor, claim and concept, with the stance
  (``agreement``) and ``confidence``: the statements of Discourse Network Analyzer;
* ``meta``: what built the store (``corrections``: the lines of the corrections applied).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

__all__ = ["SCHEMA_VERSION", "STORE_FILE", "StoreError", "connect", "create_schema", "create_indexes", "disk_error",
           "INDEXES", "RESOLVED_INDEXES"]

SCHEMA_VERSION = 1
"""``PRAGMA user_version`` of the stores this version writes and reads."""

STORE_FILE = "claims.sqlite"
"""The store's file name in an output folder."""

_APPLICATION_ID = 0x4B47_4353  # "KGCS": marks the file as a claims store (PRAGMA application_id)
_PAGE_SIZE = 16_384  # bytes; SQLite's 4,096 makes a 10,000-article build ~10% slower (rows of ~1 KB of text)

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, title TEXT, date TEXT, url TEXT, publication TEXT, author TEXT, source TEXT,
    notes TEXT NOT NULL DEFAULT '[]', text TEXT, model TEXT NOT NULL, content_hash TEXT NOT NULL
);
CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL, seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
    name TEXT NOT NULL, honorific TEXT, aliases TEXT NOT NULL DEFAULT '{}', byline INTEGER NOT NULL DEFAULT 0,
    n_mentions INTEGER NOT NULL, actor_id TEXT
);
CREATE TABLE mentions (
    article_id TEXT NOT NULL, local_id TEXT NOT NULL, seq INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL,
    FOREIGN KEY (article_id, local_id) REFERENCES entities (article_id, local_id) ON DELETE CASCADE
);
CREATE TABLE roles (
    article_id TEXT NOT NULL, local_id TEXT NOT NULL, seq INTEGER NOT NULL,
    title TEXT NOT NULL, organisation TEXT, former INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL,
    org_actor_id TEXT,
    FOREIGN KEY (article_id, local_id) REFERENCES entities (article_id, local_id) ON DELETE CASCADE
);
CREATE TABLE quotes (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL, seq INTEGER NOT NULL,
    speaker_text TEXT, speaker_local_id TEXT, speaker_mention TEXT, cue TEXT, cue_class TEXT, cue_mention TEXT,
    type TEXT NOT NULL, content TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    parts TEXT NOT NULL DEFAULT '[]', sentence TEXT NOT NULL, date TEXT NOT NULL DEFAULT '',
    speaker_id TEXT, speaker TEXT NOT NULL DEFAULT '', dropped INTEGER NOT NULL DEFAULT 0, correction TEXT
);
CREATE TABLE stances (
    quote_id TEXT NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, concept TEXT NOT NULL, source TEXT NOT NULL,
    agreement TEXT NOT NULL, confidence REAL NOT NULL, evidence TEXT NOT NULL DEFAULT '[]',
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL
);
CREATE VIRTUAL TABLE quotes_fts USING fts5(content, sentence, content=[quotes], content_rowid=[rowid]);
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, content, sentence) VALUES ('delete', old.rowid, old.content, old.sentence);
END;
CREATE TABLE actors (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, honorific TEXT,
    kinds TEXT NOT NULL DEFAULT '{}', n_quotes INTEGER NOT NULL DEFAULT 0, n_articles INTEGER NOT NULL DEFAULT 0,
    first_date TEXT, last_date TEXT, seq INTEGER NOT NULL
);
CREATE TABLE actor_names (actor_id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (actor_id, name)) WITHOUT ROWID;
CREATE INDEX actor_names_name ON actor_names (name COLLATE NOCASE);
CREATE TABLE actor_notes (
    actor_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('reason', 'correction')),
    text TEXT NOT NULL, PRIMARY KEY (actor_id, kind, seq)
) WITHOUT ROWID;
CREATE TABLE actor_articles (
    actor_id TEXT NOT NULL, article_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (actor_id, article_id)
) WITHOUT ROWID;
CREATE INDEX actor_articles_article ON actor_articles (article_id);
CREATE TABLE concepts (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, source TEXT NOT NULL);
CREATE VIEW statements AS
SELECT q.id AS quote_id, q.article_id, q.date, q.speaker_id AS actor_id, a.kind AS actor_kind,
       'concept:' || s.concept AS concept_id, s.concept, s.agreement, s.confidence, max(s.seq) AS seq
FROM stances s JOIN quotes q ON q.id = s.quote_id JOIN actors a ON a.id = q.speaker_id
WHERE NOT q.dropped GROUP BY s.quote_id, s.concept;
"""

INDEXES = """
CREATE UNIQUE INDEX IF NOT EXISTS entities_key ON entities (article_id, local_id);
CREATE UNIQUE INDEX IF NOT EXISTS mentions_key ON mentions (article_id, local_id, seq);
CREATE UNIQUE INDEX IF NOT EXISTS roles_key ON roles (article_id, local_id, seq);
CREATE UNIQUE INDEX IF NOT EXISTS quotes_id ON quotes (id);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_id, seq);
CREATE INDEX IF NOT EXISTS quotes_date ON quotes (date);
CREATE UNIQUE INDEX IF NOT EXISTS stances_key ON stances (quote_id, seq);
CREATE INDEX IF NOT EXISTS stances_concept ON stances (concept);
"""
"""The indexes of the record tables: made after the first records are in (faster than keeping
them up to date row by row), kept up to date after that."""
RESOLVED_INDEXES = """
CREATE INDEX IF NOT EXISTS entities_actor ON entities (actor_id, article_id, seq, local_id);
CREATE INDEX IF NOT EXISTS roles_org ON roles (org_actor_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_id, date);
"""
"""The indexes of the columns `kg.store.resolve` writes: made once those are first written, for the
same reason."""


class StoreError(ValueError):
    """A store file that is damaged, not a claims store, or of another schema version; the
    message names the file and what to do."""


def create_schema(db: sqlite3.Connection) -> None:
    """Create the tables of an empty store (their indexes come with `create_indexes`) and stamp
    its schema version."""
    db.execute(f"PRAGMA page_size = {_PAGE_SIZE}")  # before the first table: it sets the file's page size
    db.executescript(SCHEMA)
    db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def connect(path: str | os.PathLike[str], *, create: bool = False, readonly: bool = False) -> sqlite3.Connection:
    """Open a store file, checking that it is an intact claims store of this schema version.

    Parameters
    ----------
    path : str or PathLike
        The ``claims.sqlite`` file, or ``":memory:"``.
    create : bool
        Create the schema when the file is new (or empty).
    readonly : bool
        Open for reading only (queries); the file is never changed. Without it the whole
        file is checked first (``PRAGMA quick_check``), so no change lands on a damaged store.

    Returns
    -------
    sqlite3.Connection

    Raises
    ------
    FileNotFoundError
        When the file does not exist and `create` is false.
    StoreError
        When the file is not an SQLite database, is damaged, is not a claims store, or was
        written by another schema version: never silently rebuilt or overwritten.
    """
    where = str(path)
    memory = where == ":memory:"
    if not memory and not create and not Path(path).is_file():
        raise FileNotFoundError(f"{where}: no such store file")
    uri = Path(path).resolve().as_uri() + "?mode=ro" if readonly and not memory else where  # "#", "%" quoted
    db = sqlite3.connect(uri, uri=readonly and not memory, check_same_thread=False)
    try:
        tables = db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        if tables == 0 and create and not readonly:
            create_schema(db)
            db.commit()
            return db
        _check(db, where, thorough=not readonly)
    except sqlite3.OperationalError as error:  # the disk, not the file: full, unreadable
        db.close()
        raise disk_error(error, where) from None
    except sqlite3.DatabaseError as error:  # "file is not a database", "database disk image is malformed"
        db.close()
        raise StoreError(f"{where}: damaged or not an SQLite database ({error}); it was left as it is. "
                         f"Rebuild it into a new folder with kg graph RECORDS.jsonl --out DIR") from None
    except StoreError:
        db.close()
        raise
    return db


def create_indexes(db: sqlite3.Connection, indexes: str = INDEXES) -> None:
    """Create the record tables' indexes (or others, `RESOLVED_INDEXES`) where they are missing."""
    for statement in indexes.strip().splitlines():
        db.execute(statement)


def disk_error(error: sqlite3.OperationalError, where: str) -> OSError:
    """SQLite's error about the disk (full, unreadable) as the `OSError` it stands for."""
    if "full" in str(error):
        return OSError(errno.ENOSPC, f"{os.strerror(errno.ENOSPC)} ({error})", where)
    return OSError(errno.EIO, str(error), where)


def _check(db: sqlite3.Connection, where: str, *, thorough: bool) -> None:
    """The header says a claims store of this version; with `thorough` (before writing), every page
    is checked too. Readers see damage when they reach it, as an `sqlite3.DatabaseError`."""
    application = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if application != _APPLICATION_ID:
        raise StoreError(f"{where}: an SQLite database, but not a claims store; it was left as it is")
    if version != SCHEMA_VERSION:
        age = "an older" if version < SCHEMA_VERSION else "a newer"
        raise StoreError(f"{where}: written by {age} version of kg (store schema {version}; this kg reads "
                         f"schema {SCHEMA_VERSION}); it was left as it is. Rebuild the store from its records: "
                         f"kg graph DIR/records.jsonl --out NEW_DIR")
    problem = db.execute("PRAGMA quick_check").fetchone()[0] if thorough else "ok"
    if problem != "ok":
        raise StoreError(f"{where}: damaged ({problem}); it was left as it is. "
                         f"Rebuild it into a new folder with kg graph RECORDS.jsonl --out DIR")
