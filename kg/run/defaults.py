"""What the command line shows of the run settings before any run: the engines there are and
the longest article by default. Kept apart from `kg.run.settings` (which loads pydantic, the
codebook's regex and package metadata), so that a command that extracts nothing loads none of it."""

from __future__ import annotations

from enum import Enum

__all__ = ["DEFAULT_MAX_CHARS", "Engine"]

DEFAULT_MAX_CHARS = 1_000_000
"""Longest article given to the model (spaCy's own default); longer ones fail with a reason."""


class Engine(str, Enum):
    """Where extraction runs."""

    local = "local"
    dask = "dask"
