"""A codebook of policy concepts, read from YAML. No spaCy here, so `kg` can check a codebook
before it loads a pipeline.

The file names each concept with the words or patterns that signal it::

    concepts:
      - name: voluntary sector takes on statutory child protection
        patterns: ["voluntary sector", "charities", "third sector",
                   "re:statutory (duties|responsibilit\\\\w+)"]

A plain pattern is a word or phrase matched as whole words, case-insensitively, on lemmas
("charities" matches "charity" and "charities"); a pattern starting with ``re:`` is a regular
expression searched in the text, case-insensitively unless it says otherwise (``(?-i:...)``).
Regular expressions are compiled by the ``regex`` package in its ``re``-compatible mode (V0),
whose searches can be stopped when they take too long (see `extractors.concepts.matching`).
In YAML, write a regular expression in single quotes (``'re:\\w+'`` keeps its backslash) or
double its backslashes inside double quotes.
"""

from __future__ import annotations

import os

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from extractors.yaml_files import read_yaml

__all__ = ["Concept", "Codebook", "load_codebook", "REGEX_PREFIX"]

REGEX_PREFIX = "re:"


class Concept(BaseModel):
    """One concept of a codebook: its name and the patterns that signal it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    """The concept's name, as it appears on graph nodes (``concept:<name>``)."""
    patterns: list[str] = Field(min_length=1)
    """Plain words or phrases (matched on lemmas), or ``re:`` regular expressions."""
    description: str | None = None
    """Optional note for the people who maintain the codebook."""

    @field_validator("name")
    @classmethod
    def _name_is_text(cls, name: str) -> str:
        name = " ".join(name.split())
        if not name:
            raise ValueError("a concept needs a non-blank name")
        return name

    @field_validator("patterns")
    @classmethod
    def _patterns_are_valid(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            if pattern.startswith(REGEX_PREFIX):
                body = pattern[len(REGEX_PREFIX):]
                if not body:
                    raise ValueError(f"empty regular expression {pattern!r}")
                try:
                    _compile(body)
                except regex.error as error:
                    raise ValueError(f"bad regular expression {pattern!r}: {error}") from None
            elif not pattern.split():
                raise ValueError("a pattern is blank")
        return patterns

    @property
    def phrases(self) -> list[str]:
        """The plain patterns."""
        return [p for p in self.patterns if not p.startswith(REGEX_PREFIX)]

    @property
    def regexes(self) -> list[regex.Pattern[str]]:
        """The ``re:`` patterns, compiled by ``regex`` (case-insensitive); their searches take ``timeout=``."""
        return [_compile(p[len(REGEX_PREFIX):]) for p in self.patterns if p.startswith(REGEX_PREFIX)]


def _compile(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.IGNORECASE | regex.V0)


class Codebook(BaseModel):
    """A list of concepts with distinct names."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    concepts: list[Concept] = Field(min_length=1)

    @model_validator(mode="after")
    def _names_are_distinct(self) -> "Codebook":
        seen: set[str] = set()
        for concept in self.concepts:
            key = concept.name.lower()
            if key in seen:
                raise ValueError(f"concept {concept.name!r} is named twice")
            seen.add(key)
        return self


def load_codebook(path: str | os.PathLike[str]) -> Codebook:
    """Read a codebook from a YAML file.

    Raises
    ------
    ValueError
        Naming the file and the problem: unreadable file, YAML syntax error (with its
        line), or a document of the wrong shape (with where in it, e.g. ``concepts.2.patterns``).
    """
    data = read_yaml(path, "codebook")
    if not isinstance(data, dict) or "concepts" not in data:
        raise ValueError(f"{path}: a codebook is a mapping with a 'concepts' list "
                         f"(got {type(data).__name__ if data is not None else 'an empty file'})")
    try:
        return Codebook.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'codebook'}: {e['msg']}" for e in error.errors())
        raise ValueError(f"{path}: {problems}") from None
