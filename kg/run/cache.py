"""A content-addressed cache of article records, so a re-run only extracts what is new.

The key of an article is a hash of everything that decides its record: its
text and input metadata, the spaCy pipeline's name, the article length limit,
and a fingerprint of the extractors' own code and word lists (so editing a
rule invalidates every entry). Entries are JSON files written atomically.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from extractors.records import ArticleRecord, ArticleText
from kg.readwrite._atomic import atomic_open

__all__ = ["RecordCache", "default_cache_dir", "extractor_fingerprint"]


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/policy-claims-kg`` (``~/.cache/policy-claims-kg`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "policy-claims-kg"


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A hash of the extractors package: its modules and data files."""
    import extractors

    root = Path(extractors.__file__).parent
    digest = hashlib.sha256()
    for file in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(file.relative_to(root)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


class RecordCache:
    """Records stored under the hash of what produced them.

    Parameters
    ----------
    folder : Path
        Where entries live (created on first write).
    settings : str
        Everything besides the article that decides a record (model name,
        limits, codebook hash); part of every key.
    """

    def __init__(self, folder: Path, settings: str) -> None:
        self.folder = Path(folder)
        self.settings = f"{settings}|{extractor_fingerprint()}"
        self.hits = 0

    def key(self, article: ArticleText) -> str:
        """The hash an article's record is stored under (its source path is left out)."""
        content = article.model_dump_json(exclude={"source"})
        return hashlib.sha256(f"{self.settings}|{content}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: ArticleText) -> ArticleRecord | None:
        """The cached record of an article (with this run's source), or None."""
        path = self._path(self.key(article))
        try:
            record = ArticleRecord.model_validate_json(path.read_bytes())
        except (OSError, ValueError):
            return None  # missing, unreadable or from an older format: extract again
        self.hits += 1
        return record.model_copy(update={"source": article.source})

    def put(self, article: ArticleText, record: ArticleRecord) -> None:
        """Store a record under its article's key."""
        with atomic_open(self._path(self.key(article))) as fh:
            fh.write(record.model_dump_json().encode("utf-8"))
