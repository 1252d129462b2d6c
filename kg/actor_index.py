"""The corpus's actors as `kg.actors.resolve_actors` finds them, and the changes corrections make.

`ActorIndex` maps each person, organisation and role organisation of an article's records to
its `Actor`, and renames, retypes, merges or drops actors (`kg.corrections`). No spaCy.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from kg.names import name_key, parse_name

__all__ = ["Actor", "ActorIndex", "Kind", "node_id", "role_title", "NODE_PREFIX"]

Kind = Literal["person", "organisation"]
NODE_PREFIX = {"person": "person", "organisation": "org"}
"""The node id prefix of each kind of actor."""


def role_title(title: str, former: bool) -> str:
    """A role's title as shown: "former " before it when the role is past and the title does not
    say so already.

    Examples
    --------
    >>> role_title("president", True), role_title("former chair", True)
    ('former president', 'former chair')
    """
    return f"former {title}" if former and not title.lower().startswith("former") else title


def node_id(kind: str, name: str) -> str:
    """Graph node id of a person (``kind="person"``) or organisation (``"org"``).

    Examples
    --------
    >>> node_id("person", "Margaret  Hodge")
    'person:margaret hodge'
    """
    key = unicodedata.normalize("NFKC", name).replace("\u2019", "'").lower()
    return f"{kind}:" + " ".join(key.split())


@dataclass
class Actor:
    """One person or organisation of the corpus, with every name it goes by."""

    id: str
    """Graph node id: ``person:<name>`` or ``org:<name>``."""
    kind: Kind
    name: str
    """Display name: its most used full name."""
    variants: list[str] = field(default_factory=list)
    """Other names and aliases it goes by."""
    articles: list[str] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)
    """How many articles tagged it a person, an organisation."""
    reasons: list[str] = field(default_factory=list)
    """Why each name or article joined it: ``"a2: 'Trump' is the surname of Donald Trump, ..."``."""
    corrections: list[str] = field(default_factory=list)
    """Corrections that changed it (`kg.corrections`)."""


class ActorIndex:
    """The corpus's actors and which article records each one covers."""

    def __init__(self, actors: dict[str, Actor], of: dict[tuple[str, str], str]) -> None:
        self.actors = actors
        self._of = of

    def actor_of(self, article_id: str, local_id: str) -> Actor | None:
        """The actor of a record's person (``p1``), organisation (``o1``) or role organisation
        (``role:<name>``); None when it was dropped."""
        found = self._of.get((article_id, local_id))
        return self.actors.get(found) if found is not None else None

    def assignments(self) -> list[tuple[str, str, str]]:
        """``(article id, local id, actor id)`` of every record that belongs to an actor."""
        return [(article, local, actor) for (article, local), actor in self._of.items() if actor in self.actors]

    def find(self, name: str) -> list[Actor]:
        """Actors with this node id, name or variant (any case, spacing, honorific)."""
        if name in self.actors:
            return [self.actors[name]]
        wanted = {name_key(name), parse_name(name).full}
        return [a for a in self.actors.values()
                if wanted & ({name_key(n) for n in [a.name, *a.variants]} | {parse_name(a.name).full})]

    def rekey(self, actor: Actor, *, name: str | None = None, kind: Kind | None = None) -> Actor:
        """Rename or retype `actor`; its id follows. Returns the actor it now is (another actor
        of the new name and kind, merged with it, if there was one)."""
        old_name = actor.name
        actor.name, actor.kind = name or actor.name, kind or actor.kind
        if old_name != actor.name and old_name not in actor.variants:
            actor.variants.append(old_name)
        new_id = node_id(NODE_PREFIX[actor.kind], actor.name)
        if new_id == actor.id:
            return actor
        del self.actors[actor.id]
        target = self.actors.get(new_id)
        if target is None:
            self._repoint(actor.id, new_id)
            actor.id = new_id
            self.actors[new_id] = actor
            return actor
        self.actors[actor.id] = actor
        return self.merge(target, actor)

    def merge(self, keep: Actor, other: Actor) -> Actor:
        """Make `other` part of `keep` (its names, articles, reasons and corrections)."""
        keep.variants = sorted({*keep.variants, *other.variants, other.name} - {keep.name})
        keep.articles += [a for a in other.articles if a not in keep.articles]
        for kind, n in other.kinds.items():
            keep.kinds[kind] = keep.kinds.get(kind, 0) + n
        keep.reasons += other.reasons
        keep.corrections += other.corrections
        del self.actors[other.id]
        self._repoint(other.id, keep.id)
        return keep

    def drop(self, actor: Actor) -> None:
        """Remove `actor`: its records get no node, its quotes no speaker."""
        del self.actors[actor.id]
        self._of = {k: v for k, v in self._of.items() if v != actor.id}

    def _repoint(self, old: str, new: str) -> None:
        for k, v in self._of.items():
            if v == old:
                self._of[k] = new
