"""A content-addressed cache of article records, so a re-run only extracts what is new.

The key of an article is a hash of its text and input metadata together with the
settings' key (`ExtractionSettings.cache_key`: the model, its version and config,
the article length limit, the codebook and a fingerprint of the extractors' code
and word lists, so editing a rule invalidates every entry). Entries are JSON files
written atomically.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractors.records import ArticleRecord, ArticleText
from kg.readwrite._atomic import atomic_open
from kg.run.settings import ExtractionSettings

__all__ = ["RecordCache"]


class RecordCache:
    """Records stored under the hash of what produced them.

    Parameters
    ----------
    folder : Path
        Where entries live (created on first write).
    settings_key : str
        Everything besides the article that decides a record; part of every key.
        Take it from `ExtractionSettings.cache_key`.

    See Also
    --------
    RecordCache.for_settings : the cache a run's settings name.
    """

    def __init__(self, folder: Path, settings_key: str) -> None:
        self.folder = Path(folder)
        self.settings_key = settings_key

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
        """The cached record of an article (with this run's source), or None."""
        path = self._path(self.key(article))
        try:
            record = ArticleRecord.model_validate_json(path.read_bytes())
        except (OSError, ValueError):
            return None  # missing, unreadable or from an older format: extract again
        return record.model_copy(update={"source": article.source})

    def put(self, article: ArticleText, record: ArticleRecord) -> None:
        """Store a record under its article's key."""
        with atomic_open(self._path(self.key(article))) as fh:
            fh.write(record.model_dump_json().encode("utf-8"))
