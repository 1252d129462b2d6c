"""A content-addressed cache of article records, so a re-run only extracts what is new.

The key of an article is a hash of its text and input metadata together with the
settings' key (`ExtractionSettings.cache_key`: the model, its version and config,
the article length limit, the codebook, a fingerprint of the extractors' code and
word lists, and spaCy's version, so editing a rule invalidates every entry).

Each entry is a JSON file, written atomically, that names the key and the article id
it was stored for; an entry is served only when both match, so a file copied over
another is never taken for the wrong article. A cache that cannot be written turns
itself off for the rest of the run, with a warning, and the run goes on without it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from extractors.records import ArticleRecord, ArticleText
from kg.readwrite._atomic import atomic_open
from kg.run.settings import ExtractionSettings

__all__ = ["RecordCache"]


class _Entry(BaseModel):
    """One cache file: the record and what it was stored for."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    article_id: str
    record: ArticleRecord


class RecordCache:
    """Records stored under the hash of what produced them.

    Parameters
    ----------
    folder : Path
        Where entries live (created on first write).
    settings_key : str
        Everything besides the article that decides a record; part of every key.
        Take it from `ExtractionSettings.cache_key`.

    Attributes
    ----------
    problem : str or None
        Why the cache stopped storing records (it could not write), or None.

    See Also
    --------
    RecordCache.for_settings : the cache a run's settings name.
    """

    def __init__(self, folder: Path, settings_key: str) -> None:
        self.folder = Path(folder)
        self.settings_key = settings_key
        self.problem: str | None = None

    @classmethod
    def for_settings(cls, settings: ExtractionSettings) -> RecordCache:
        """The cache in `settings.cache_folder`, keyed by `settings.cache_key()`."""
        return cls(settings.cache_folder, settings.cache_key())

    def key(self, article: ArticleText) -> str:
        """The hash an article's record is stored under (its source path is left out)."""
        content = article.model_dump_json(exclude={"source"})
        return hashlib.sha256(f"{self.settings_key}|{content}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: ArticleText) -> ArticleRecord | None:
        """The cached record of an article (with this run's source), or None.

        None too when the entry is unreadable, from an older format, or was stored
        for another key or article (a file copied over another).
        """
        key = self.key(article)
        try:
            entry = _Entry.model_validate_json(self._path(key).read_bytes())
        except (OSError, ValueError):
            return None  # missing, unreadable or from an older format: extract again
        if entry.key != key or entry.article_id != article.id or entry.record.id != article.id:
            return None
        return entry.record.model_copy(update={"source": article.source})

    def put(self, article: ArticleText, record: ArticleRecord) -> None:
        """Store a record under its article's key; after a failed write, store nothing more.

        A failure to write (read-only or full disk, a file where a folder goes) is
        kept in `problem` rather than raised: the run goes on without the cache.
        """
        if self.problem is not None:
            return
        key = self.key(article)
        entry = _Entry(key=key, article_id=article.id, record=record)
        try:
            with atomic_open(self._path(key)) as fh:
                fh.write(entry.model_dump_json().encode("utf-8"))
        except OSError as error:
            self.problem = f"cannot write the record cache in {self.folder} ({error.strerror or error})"
