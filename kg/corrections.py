"""A user's corrections to actors and quotes, read from YAML and applied at every graph build.

Records are what the extractors found; corrections are what a person knows better. They
live in their own file, so they survive every rebuild::

    corrections:
      - do: merge                  # one actor from several; named after the first unless `name`
        actors: [Barack Obama, Obama Says]
      - do: rename
        actor: Crooked Hillary Clinton
        to: Hillary Clinton        # another actor's name: the two become one
      - do: retype
        actor: Keith Lamont Scott
        to: person                 # or organisation
      - do: drop
        actor: Sell Coal
      - do: speaker                # who really said a quote (ids as `kg query DIR quotes --json` shows them)
        quote: cnn-2016-10-01:q4
        speaker: Mike Pence
      - do: drop_quote
        quote: cnn-2016-10-01:q7
        note: a headline, not a claim   # any correction may carry a note

An actor is named by its name, any variant of it, or its node id (``person:trump``).
Actor corrections apply first, in file order; quote corrections after them. A correction
that names no actor or quote, or a name that fits two actors, is an error naming the file,
the correction and the problem. Every correction is recorded on the node or quote it
changed (``corrections``) and listed in the build's summary.
"""

from __future__ import annotations

import os
from collections.abc import Container
from dataclasses import dataclass
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from extractors.yaml_files import read_yaml
from kg.actor_index import Actor, ActorIndex

__all__ = ["Corrections", "Correction", "Merge", "Rename", "Retype", "Drop", "SetSpeaker", "DropQuote",
           "QuoteFix", "CorrectionError", "load_corrections", "apply_corrections"]


class CorrectionError(ValueError):
    """A corrections file that cannot be read, is not valid, or names what does not exist."""


class _Correction(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    note: str | None = None
    """Why: kept with the correction on the node or quote it changes."""


class Merge(_Correction):
    """Make several actors one."""

    do: Literal["merge"]
    actors: list[str] = Field(min_length=2)
    name: str | None = None
    """The merged actor's name (default: the first actor's)."""


class Rename(_Correction):
    """Give an actor another name; if another actor has that name, the two become one."""

    do: Literal["rename"]
    actor: str
    to: str = Field(min_length=1)


class Retype(_Correction):
    """Make an actor a person or an organisation."""

    do: Literal["retype"]
    actor: str
    to: Literal["person", "organisation"]


class Drop(_Correction):
    """Remove an actor that is not one (a headline fragment, a slogan)."""

    do: Literal["drop"]
    actor: str


class SetSpeaker(_Correction):
    """Say who made a quote."""

    do: Literal["speaker"]
    quote: str
    """``ARTICLE:q3`` or the node id ``quote:ARTICLE:q3``."""
    speaker: str
    """An actor's name, variant or id."""


class DropQuote(_Correction):
    """Remove a quote that is not a claim."""

    do: Literal["drop_quote"]
    quote: str


Correction = Annotated[Union[Merge, Rename, Retype, Drop, SetSpeaker, DropQuote], Field(discriminator="do")]


class Corrections(BaseModel):
    """A corrections file: a list of corrections, applied in order (actors first, then quotes)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    corrections: list[Correction] = Field(default_factory=list)
    _source: str = PrivateAttr(default="corrections")

    @property
    def source(self) -> str:
        """The file the corrections were read from, for messages."""
        return self._source


@dataclass(frozen=True)
class QuoteFix:
    """What the corrections do to one quote."""

    drop: bool
    speaker_id: str | None
    speaker: str
    note: str


def load_corrections(path: str | os.PathLike[str]) -> Corrections:
    """Read and validate a corrections file.

    Raises
    ------
    CorrectionError
        In one line naming the file, where in it, and the problem.
    """
    try:
        data = read_yaml(path, "corrections")
    except ValueError as error:
        raise CorrectionError(str(error)) from None
    if not isinstance(data, dict):
        got = type(data).__name__ if data is not None else "an empty file"
        raise CorrectionError(f"{path}: top level: expected a mapping with a 'corrections' list, got {got}")
    try:
        corrections = Corrections.model_validate(data)
    except ValidationError as error:
        raise CorrectionError(f"{path}: " + "; ".join(_where(e["loc"], data) + f": {e['msg']}"
                                                        for e in error.errors())) from None
    corrections._source = str(path)
    return corrections


def _where(loc: tuple[int | str, ...], data: dict) -> str:
    """``("corrections", 2, "rename", "to")`` -> ``"correction 3 (rename): to"``."""
    if len(loc) >= 2 and loc[0] == "corrections" and isinstance(loc[1], int):
        item = data["corrections"][loc[1]]
        do = item.get("do") if isinstance(item, dict) else None
        rest = [str(p) for p in loc[2:] if p != do]
        return f"correction {loc[1] + 1}" + (f" ({do})" if do else "") + (f": {'.'.join(rest)}" if rest else "")
    return ".".join(map(str, loc)) or "top level"


def apply_corrections(corrections: Corrections, actors: ActorIndex,
                      quotes: Container[tuple[str, str]]) -> tuple[list[str], dict[tuple[str, str], QuoteFix]]:
    """Apply the corrections to `actors` (in place) and say what they do to quotes.

    Parameters
    ----------
    corrections : Corrections
    actors : ActorIndex
        From `kg.actors.resolve_actors`; changed in place.
    quotes : container of (str, str)
        The corpus's quotes as ``(article id, quote id)``, to check those the corrections name.

    Returns
    -------
    applied : list of str
        One line per correction, saying what it did.
    quote_fixes : dict
        ``(article id, quote id)`` -> `QuoteFix`.

    Raises
    ------
    CorrectionError
        When a correction names no actor or quote, or a name that fits several actors.
    """
    applied: list[str] = []
    numbered = list(enumerate(corrections.corrections, 1))
    for n, c in numbered:
        if isinstance(c, (Merge, Rename, Retype, Drop)):
            applied.append(_apply_to_actors(c, _label(corrections, n, c), actors))
    fixes: dict[tuple[str, str], QuoteFix] = {}
    for n, c in numbered:
        if isinstance(c, (SetSpeaker, DropQuote)):
            label = _label(corrections, n, c)
            key = _quote_key(c.quote, quotes, label)
            note = f"{label}{_note(c)}"
            if isinstance(c, DropQuote):
                fixes[key] = QuoteFix(drop=True, speaker_id=None, speaker="", note=note)
                applied.append(f"{label}: dropped quote {key[0]}:{key[1]}")
            else:
                speaker = _one_actor(c.speaker, actors, label)
                fixes[key] = QuoteFix(drop=False, speaker_id=speaker.id, speaker=speaker.name,
                                      note=f"speaker set to {speaker.name} ({note})")
                applied.append(f"{label}: quote {key[0]}:{key[1]} said by {speaker.name}")
    return applied, fixes


def _apply_to_actors(c: Merge | Rename | Retype | Drop, label: str, actors: ActorIndex) -> str:
    why = f"{label}{_note(c)}"
    if isinstance(c, Merge):
        found = [_one_actor(name, actors, label) for name in c.actors]
        keep = found[0]
        for other in found[1:]:
            if other is not keep:
                keep.reasons.append(f"{other.name!r} merged by {why}")
                actors.merge(keep, other)
        if c.name:
            keep = actors.rekey(keep, name=c.name)
        keep.corrections.append(f"merged from {', '.join(repr(a.name) for a in found)} ({why})")
        return f"{label}: merged {', '.join(repr(a) for a in c.actors)} into {keep.name}"
    actor = _one_actor(c.actor, actors, label)
    if isinstance(c, Drop):
        actors.drop(actor)
        return f"{label}: dropped {actor.kind} {actor.name!r}"
    before = f"{actor.kind} {actor.name!r}"
    if isinstance(c, Rename):
        actor = actors.rekey(actor, name=c.to)
        actor.reasons.append(f"{c.actor!r} renamed to {c.to!r} by {why}")
        actor.corrections.append(f"renamed from {c.actor!r} ({why})")
    else:
        actor = actors.rekey(actor, kind=c.to)
        actor.corrections.append(f"retyped from {before} ({why})")
    return f"{label}: {before} is now {actor.kind} {actor.name!r}"


def _one_actor(name: str, actors: ActorIndex, label: str) -> Actor:
    found = actors.find(name)
    if not found:
        raise CorrectionError(f"{label}: no actor named {name!r}")
    if len(found) > 1:
        ids = ", ".join(a.id for a in found)
        raise CorrectionError(f"{label}: {name!r} names {len(found)} actors ({ids}); give one of these ids")
    return found[0]


def _quote_key(ref: str, quotes: set[tuple[str, str]], label: str) -> tuple[str, str]:
    article, _, quote = ref.removeprefix("quote:").rpartition(":")
    if (article, quote) not in quotes:
        raise CorrectionError(f"{label}: no quote {ref!r} (write ARTICLE:QUOTE, e.g. a1:q3)")
    return article, quote


def _label(corrections: Corrections, n: int, c: _Correction) -> str:
    return f"{corrections.source}: correction {n} ({c.do})"  # type: ignore[attr-defined]


def _note(c: _Correction) -> str:
    return f": {c.note}" if c.note else ""
