"""The word lists the extractors read, from ``extractors/data/``.

They are data, not code, so a user can extend them; each is read once.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

__all__ = ["load_cues", "load_source_nouns"]


def _lines(name: str) -> list[str]:
    text = resources.files("extractors").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def load_cues() -> dict[str, str]:
    """The reporting-cue lexicon: verb lemma or phrase -> cue class."""
    return {cue: cls for cue, cls in csv.reader(_lines("cues.tsv"), delimiter="\t")}


@lru_cache(maxsize=1)
def load_source_nouns() -> frozenset[str]:
    """Nouns that can name a source or a post: "a spokesperson", "the report", "the director"."""
    return frozenset(line.strip() for line in _lines("source_nouns.txt"))
