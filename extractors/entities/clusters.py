"""What the entity extractor finds: an `EntityCluster` per person or organisation, with
its mentions, aliases and roles (`RoleMatch`), still as spaCy spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Span

__all__ = ["EntityKind", "EntityCluster", "RoleMatch", "name_key", "add_mention"]

EntityKind = Literal["person", "organisation"]


@dataclass
class RoleMatch:
    """A title held by a person, as found in the parse."""

    title: Span
    organisation: str | None
    former: bool


@dataclass
class EntityCluster:
    """All mentions of one person or organisation in a document."""

    kind: EntityKind
    name: str
    mentions: list[Span]
    honorific: str | None = None
    aliases: dict[str, str] = field(default_factory=dict)
    """Other names used for the entity, each with the reason it was merged."""
    roles: list[RoleMatch] = field(default_factory=list)
    byline: bool = False
    """Named as the article's writer ("By Loretta Hudson", "…, writes Sally Gillen")."""
    gender: str | None = None
    """"female" or "male" for a person when the article shows it (see `extractors.entities.gender`)."""

    @property
    def key(self) -> str:
        """The name as `name_key` normalises it."""
        return name_key(self.name)


def name_key(name: str) -> str:
    """Case-, spacing- and apostrophe-insensitive key used to group mentions.

    Examples
    --------
    >>> name_key("Barnardo’s  Trust")
    "barnardo's trust"
    """
    return " ".join(name.replace("\u2019", "'").lower().split())


def add_mention(clusters: dict[str, EntityCluster], kind: EntityKind, span: Span) -> EntityCluster:
    """Add `span` to the cluster of its name in `clusters` (keyed by `name_key`), creating it if new."""
    key = name_key(span.text)
    text = " ".join(span.text.split())
    if key not in clusters:
        clusters[key] = EntityCluster(kind=kind, name=text, mentions=[])
    elif text != clusters[key].name:
        clusters[key].aliases.setdefault(text, "the same name written differently")
    clusters[key].mentions.append(span)
    return clusters[key]
