"""`ClaimsStore`: one claims store file, opened for building or for questions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from kg.store.graph import Part, actor_concept_stream, claims_stream, to_networkx
from kg.store.schema import connect, disk_error
from kg.store.write import RecordWriter, add_record_dicts, add_records, known_articles

if TYPE_CHECKING:  # a store opened for questions needs none of these
    import networkx as nx

    from extractors.records import ArticleRecord
    from kg.corrections import Corrections
    from kg.readwrite.stream import GraphStream

__all__ = ["ClaimsStore", "QUOTE_GRAPH_MAX_ARTICLES"]

QUOTE_GRAPH_MAX_ARTICLES = 2_000
"""Up to this many articles, the exports are the claims graph with one node per quote; beyond,
the actor-concept graph (`ClaimsStore.graph_stream` with ``detail="auto"``)."""


class _Texts(Mapping[str, "str | None"]):
    """The articles' texts as a read-only mapping over the store, one query per text asked."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __getitem__(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(article_id)
        return row[0]

    def __iter__(self) -> Iterator[str]:
        return (article_id for (article_id,) in self.db.execute("SELECT id FROM articles ORDER BY id"))

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]


class ClaimsStore:
    """A claims store: the records, the resolved actors, and the graph on request.

    Open one with `ClaimsStore.open` (questions, read only), `ClaimsStore.create` (a new
    build) or `ClaimsStore.memory` (a store that lives as long as the object).

    Examples
    --------
    >>> with ClaimsStore.memory() as store:            # doctest: +SKIP
    ...     store.add(records); store.resolve()
    ...     G = store.graph()
    """

    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = True) -> "ClaimsStore":
        """Open an existing store (see `kg.store.schema.connect` for what is checked and raised)."""
        return cls(connect(path, readonly=readonly), str(path))

    @classmethod
    def create(cls, path: str | os.PathLike[str]) -> "ClaimsStore":
        """Create a new store file (an existing file at `path` is replaced)."""
        Path(path).unlink(missing_ok=True)
        store = cls(connect(path, create=True), str(path))
        store.db.execute("PRAGMA journal_mode = OFF")  # a new file in a staging folder: nothing to roll back to
        store.db.execute("PRAGMA synchronous = OFF")
        return store

    @classmethod
    def memory(cls) -> "ClaimsStore":
        """A new store in memory."""
        return cls(connect(":memory:", create=True), ":memory:")

    def copy_to_memory(self) -> "ClaimsStore":
        """A copy of this store in memory, to change without changing the file (other corrections)."""
        db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.backup(db)
        return ClaimsStore(db, ":memory:")

    # -- building ----------------------------------------------------------------------

    def add(self, records: Iterable[ArticleRecord]) -> int:
        """Add records (each replacing the article of its id) and commit; return how many.
        Call `resolve` afterwards.

        Raises
        ------
        OSError
            When the disk is full or cannot be written (as for every change to the store).
        """
        with self._disk():
            count = add_records(self.db, records)
            self.db.commit()
        return count

    def add_dicts(self, records: Iterable[dict]) -> int:
        """`add` for records as plain dicts, valid `ArticleRecord` data (`kg.store.write.add_record_dicts`)."""
        with self._disk():
            count = add_record_dicts(self.db, records)
            self.db.commit()
        return count

    def adding(self, records: Iterable[ArticleRecord]) -> Iterator[ArticleRecord]:
        """Add records as they pass through (each replacing the article of its id), committing
        when they end: for writing them elsewhere at the same time."""
        with self._disk():
            writer = RecordWriter(self.db)
        for record in records:
            with self._disk():
                writer.add(record.model_dump())
            yield record
        with self._disk():
            writer.finish()
            self.db.commit()

    def resolve(self, corrections: Corrections | None = None) -> list[str]:
        """Resolve actors over the whole store, apply `corrections`, commit; return what each
        correction did (see `kg.store.resolve.resolve_store`)."""
        from kg.store.resolve import resolve_store  # actors and corrections: only when building

        with self._disk():
            try:
                applied = resolve_store(self.db, corrections)
            except BaseException:
                self.db.rollback()
                raise
            self.db.commit()
        return applied

    @contextmanager
    def _disk(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.OperationalError as error:
            raise disk_error(error, self.path) from None

    def known_articles(self) -> dict[str, tuple[str, ...]]:
        """Article id -> (content hash, title, date, url, publication): see `kg.store.write.is_unchanged`."""
        return known_articles(self.db)

    # -- reading -------------------------------------------------------------------------

    def records(self) -> Iterator[ArticleRecord]:
        """The article records, in order of article id."""
        from kg.store.records import read_store_records  # the record models: only when asked for

        return read_store_records(self.db)

    def texts(self) -> Mapping[str, str | None]:
        """Article id -> the article's text, read from the store when asked (for the page)."""
        return _Texts(self.db)

    def count(self, table: str) -> int:
        """Rows in one of the store's tables (``articles``, ``quotes``, ``actors``, ...)."""
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def graph_stream(self, part: Part = Part(), *, detail: str = "auto") -> GraphStream:
        """The graph of a part of the store as a stream (for the exporters).

        Parameters
        ----------
        part : Part
            Which articles (default: all).
        detail : {"auto", "quotes", "actors"}
            ``"quotes"``: the claims graph, one node per quote (`claims_stream`); ``"actors"``:
            the actor-concept graph (`actor_concept_stream`); ``"auto"``: the claims graph up to
            `QUOTE_GRAPH_MAX_ARTICLES` articles, else the actor-concept graph.
        """
        if detail not in ("auto", "quotes", "actors"):
            raise ValueError(f"detail must be 'auto', 'quotes' or 'actors', not {detail!r}")
        if detail == "auto":
            detail = "quotes" if self.count("articles") <= QUOTE_GRAPH_MAX_ARTICLES else "actors"
        return claims_stream(self.db, part) if detail == "quotes" else actor_concept_stream(self.db, part)

    def graph(self, part: Part = Part(), *, detail: str = "quotes") -> nx.MultiDiGraph:
        """The graph of a part of the store in memory: by default the claims graph of
        `kg.build.build_graph`, of every article (mind the size of a large corpus)."""
        return to_networkx(self.graph_stream(part, detail=detail))

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __enter__(self) -> "ClaimsStore":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
