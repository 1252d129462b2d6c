"""Actors across articles: one per real-world person or organisation, each merge with its reason.

Each article's records name people and organisations in their own words: "Donald J.
Trump" here, "Trump" there, an organisation "Trump" elsewhere. `resolve_actors` groups
those records into actors, in steps that each say why they joined two groups:

1. the same name (for people: without honorifics), in any article;
2. two full names of one person: same surname, same first name or a short form of it
   ("Joe"/"Joseph"), middle initials and suffixes that agree where both give them
   ("Donald J. Trump"/"Donald Trump"); a name that fits two people ("George Bush" beside
   "George W." and "George H.W. Bush") joins neither;
3. an organisation written as another's alias (an acronym) in some article;
4. a one-word name: to the one person of that surname (or first name) the article names
   in full; when it names none, to the corpus's one full name with that surname if it
   clearly dominates (`DOMINANCE`). An organisation of one word joins a person only on the
   same evidence, and, for the corpus's full name, only when the word is used far more
   often for a person.

Plain functions over records; no spaCy. Corrections (`kg.corrections`) change the result.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Literal

from extractors.records import ArticleRecord
from kg.names import NameParts, name_key, parse_name, same_first_name, same_person

__all__ = ["Actor", "ActorIndex", "resolve_actors", "node_id", "Kind", "DOMINANCE", "MIN_DOMINANT_ARTICLES"]

Kind = Literal["person", "organisation"]
DOMINANCE = 0.8
"""Share of the articles naming someone of a surname in full that one person must have for a
lone surname elsewhere to be taken as theirs."""
MIN_DOMINANT_ARTICLES = 3
"""...and in at least this many articles."""
_PREFIX = {"person": "person", "organisation": "org"}


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


@dataclass
class _Entry:
    """One person or organisation record of one article, or a role's organisation."""

    article_id: str
    local_id: str
    kind: Kind
    name: str
    aliases: dict[str, str]
    mentions: int
    parts: NameParts | None

    @property
    def key(self) -> str:
        return self.parts.full if self.parts is not None else name_key(self.name)

    @property
    def single(self) -> bool:
        return " " not in self.key


class _Groups:
    """Union-find over entries; each union keeps its reason."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.reasons: dict[int, list[str]] = defaultdict(list)

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, keep: int, other: int, reason: str | None) -> None:
        a, b = self.root(keep), self.root(other)
        if a == b:
            return
        self.parent[b] = a
        self.reasons[a].extend(self.reasons.pop(b, []))
        if reason:
            self.reasons[a].append(reason)

    def members(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            found[self.root(i)].append(i)
        return found


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
        new_id = node_id(_PREFIX[actor.kind], actor.name)
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


def resolve_actors(records: Iterable[ArticleRecord]) -> ActorIndex:
    """Group the people and organisations of all `records` into actors.

    Parameters
    ----------
    records : iterable of ArticleRecord

    Returns
    -------
    ActorIndex
        Every person, organisation and role organisation of the records belongs to one actor.
    """
    entries = list(_entries(records))
    groups = _Groups(len(entries))
    _same_names(entries, groups)
    _full_name_variants(entries, groups)
    _organisation_aliases(entries, groups)
    _one_word_names(entries, groups)
    return _index(entries, groups)


def _entries(records: Iterable[ArticleRecord]) -> Iterable[_Entry]:
    for record in records:
        for p in record.people:
            yield _Entry(record.id, p.id, "person", p.name, dict(p.aliases), len(p.mentions), parse_name(p.name))
            for role in p.roles:
                if role.organisation:
                    yield _Entry(record.id, f"role:{role.organisation}", "organisation", role.organisation, {}, 0,
                                 None)
        for o in record.organisations:
            yield _Entry(record.id, o.id, "organisation", o.name, dict(o.aliases), len(o.mentions), None)


def _same_names(entries: list[_Entry], groups: _Groups) -> None:
    """Step 1: the same name; one-word names only within a kind."""
    first: dict[tuple[str, str], int] = {}
    for i, e in enumerate(entries):
        slot = (e.key, e.kind if e.single else "*")
        if slot not in first:
            first[slot] = i
            continue
        j = first[slot]
        there = entries[j]
        reason = None
        if e.article_id != there.article_id:
            reason = f"{e.article_id}: same name as in {there.article_id} ({e.name})"
            if e.kind != there.kind:
                reason += f", tagged {e.kind} here and {there.kind} there"
        groups.union(j, i, reason)


def _full_name_variants(entries: list[_Entry], groups: _Groups) -> None:
    """Step 2: full names that can only be one person."""
    forms: dict[int, set[NameParts]] = defaultdict(set)
    sample: dict[int, _Entry] = {}
    for i, e in enumerate(entries):
        if e.kind == "person" and e.parts is not None and not e.parts.single:
            forms[groups.root(i)].add(e.parts)
            sample.setdefault(groups.root(i), e)
    by_surname: dict[str, list[int]] = defaultdict(list)
    for root, parts in forms.items():
        by_surname[next(iter(parts)).last].append(root)
    for roots in by_surname.values():
        roots.sort(key=lambda r: (-max(len(p.middles) + bool(p.suffix) for p in forms[r]), r))
        placed: list[int] = []
        for root in roots:
            fits = [g for g in placed if all(same_person(a, b) for a in forms[g] for b in forms[root])]
            if len(fits) != 1:
                placed.append(root)
                continue
            target = fits[0]
            why = same_person(next(iter(forms[target])), next(iter(forms[root])))
            e = sample[root]
            groups.union(target, root, f"{e.article_id}: {e.name!r} is {sample[target].name} ({why})")
            forms[target] |= forms.pop(root)


def _organisation_aliases(entries: list[_Entry], groups: _Groups) -> None:
    """Step 3: an organisation named by another's alias (an acronym, a short name)."""
    owners: dict[str, dict[int, str]] = defaultdict(dict)
    for i, e in enumerate(entries):
        if e.kind != "organisation":
            continue
        for alias, why in e.aliases.items():
            if not why.startswith(("description", "the same name")) and name_key(alias) != e.key:
                owners[name_key(alias)].setdefault(groups.root(i), f"{alias!r} is the {why} in {e.article_id}")
    for i, e in enumerate(entries):
        found = {groups.root(r): why for r, why in owners.get(e.key, {}).items()}
        found.pop(groups.root(i), None)
        if e.kind == "organisation" and len(found) == 1:
            (root, why), = found.items()
            groups.union(root, i, f"{e.article_id}: {why}")


def _one_word_names(entries: list[_Entry], groups: _Groups) -> None:
    """Step 4: a lone surname or first name, to the one full name it can be."""
    full: dict[str, Counter[int]] = defaultdict(Counter)  # surname -> root -> articles naming it in full
    seen: set[tuple[str, int]] = set()
    in_article: dict[str, list[int]] = defaultdict(list)
    person_use: Counter[str] = Counter()
    org_use: Counter[str] = Counter()
    for i, e in enumerate(entries):
        if e.kind == "person" and e.parts is not None and not e.parts.single:
            in_article[e.article_id].append(i)
            if (e.article_id, groups.root(i)) not in seen:
                seen.add((e.article_id, groups.root(i)))
                full[e.parts.last][groups.root(i)] += 1
            person_use.update({name_key(a) for a in e.aliases if " " not in name_key(a)})
        elif e.single:
            (person_use if e.kind == "person" else org_use)[e.key] += 1
    full_name = {groups.root(j): entries[j].name for js in in_article.values() for j in js}
    for i, e in enumerate(entries):
        if not e.single:
            continue
        word = e.key
        local = [j for j in in_article[e.article_id] if entries[j].parts.last == word]
        roots = {groups.root(j) for j in local}
        counts = full.get(word, Counter())
        label = "tagged as an organisation, but " if e.kind == "organisation" else ""
        if len(roots) == 1:
            groups.union(local[0], i, f"{e.article_id}: {e.name!r} {label}is the surname of "
                                      f"{entries[local[0]].name}, named in the same article")
        elif len(roots) > 1:
            top = counts.most_common(1)[0][0]
            named = Counter({r: sum(entries[j].mentions for j in local if groups.root(j) == r) for r in roots})
            (most, n), (_, second) = named.most_common(2)
            if top == most and n > second:
                groups.union(top, i, f"{e.article_id}: {e.name!r} in an article naming several people "
                                     f"called {e.name}: taken as {full_name[top]}, "
                                     f"named most in the article and across the corpus")
        elif counts and (e.kind == "person" or person_use[word] > 2 * org_use[word]):
            (top, n), = counts.most_common(1)
            total = sum(counts.values())
            if n >= MIN_DOMINANT_ARTICLES and n >= DOMINANCE * total:
                groups.union(top, i, f"{e.article_id}: {e.name!r} {label}(no full name in the article) taken as "
                                     f"{full_name[top]}, named in {n} of the {total} articles that name someone "
                                     f"called {e.name} in full")
        elif e.kind == "person":
            firsts = [j for j in in_article[e.article_id] if same_first_name(entries[j].parts.first, word)]
            if len({groups.root(j) for j in firsts}) == 1:
                groups.union(firsts[0], i, f"{e.article_id}: {e.name!r} is the first name of "
                                           f"{entries[firsts[0]].name}, named in the same article")


def _index(entries: list[_Entry], groups: _Groups) -> ActorIndex:
    actors: dict[str, Actor] = {}
    of: dict[tuple[str, str], str] = {}
    for root, members in groups.members().items():
        group = [entries[i] for i in members]
        articles = list(dict.fromkeys(e.article_id for e in group))
        kinds: dict[str, int] = {k: len({e.article_id for e in group if e.kind == k}) for k in ("person",
                                                                                              "organisation")}
        kinds = {k: n for k, n in kinds.items() if n}
        kind: Kind = max(kinds, key=lambda k: (kinds[k], k == "person"))  # type: ignore[assignment]
        name = _display_name([e for e in group if e.kind == kind])
        actor_id = node_id(_PREFIX[kind], name)
        n = 2
        while actor_id in actors:
            actor_id, n = f"{node_id(_PREFIX[kind], name)}#{n}", n + 1
        variants = {e.name for e in group} | {a for e in group for a in e.aliases}
        reasons = groups.reasons.get(root, []) + [f"{e.article_id}: {alias!r}, {why}" for e in group
                                                  for alias, why in e.aliases.items()
                                                  if not why.startswith("the same name")]
        actors[actor_id] = Actor(id=actor_id, kind=kind, name=name, variants=sorted(variants - {name}),
                                 articles=articles, kinds=kinds, reasons=list(dict.fromkeys(reasons)))
        for e in group:
            of[(e.article_id, e.local_id)] = actor_id
    return ActorIndex(actors, of)


def _display_name(group: list[_Entry]) -> str:
    """The most used name of several words without an honorific (by articles, then mentions),
    else of one word."""
    articles: dict[str, set[str]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    for e in group:
        articles[e.name].add(e.article_id)
        mentions[e.name] += e.mentions
    return max(articles, key=lambda n: (" " in n.strip(), parse_name(n).full == name_key(n), len(articles[n]),
                                        mentions[n]))
