"""Actors across articles: one per real-world person or organisation, each merge with its reason.

Each article's records name people and organisations in their own words: "Donald J.
Trump" here, "Trump" there, an organisation "Trump" elsewhere. `resolve_actors` groups
those records into actors, in steps that each say why they joined two groups:

1. the same name (for people: without honorifics), in any article;
2. two full names of one person: same surname, same first name or a short form of it
   ("Joe"/"Joseph"), middle initials and suffixes that agree where both give them
   ("Donald J. Trump"/"Donald Trump"); a name that fits two people ("George Bush" beside
   "George W." and "George H.W. Bush") joins neither, and a suffix that some article uses to
   tell two people apart ("Donald Trump Jr." beside "Donald Trump") always does. A person's
   "name" that is a well-established full name with words glued on ("Billionaire Donald
   Trump", "Donald Trump Featured") is that person;
3. an organisation written as another's alias (an acronym) in some article;
4. a one-word name: to the one person of that surname (or first name) the article names
   in full; when it names none, to the corpus's one full name with that surname if it
   clearly dominates (`DOMINANCE`). An organisation of one word joins a person only on the
   same evidence, and, for the corpus's full name, only when the word is used far more
   often for a person;
5. a dominant surname after words the corpus mostly writes in lower case ("Fascist Trump",
   "Young Sanders"), in a name few articles give, is that surname's person.

Plain functions over records; no spaCy. Corrections (`kg.corrections`) change the result.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from extractors.records import ArticleRecord
from kg.actor_index import NODE_PREFIX, Actor, ActorIndex, Kind, node_id
from kg.names import NameParts, is_first_name, name_key, parse_name, same_first_name, same_person

__all__ = ["Actor", "ActorIndex", "ActorEntry", "resolve_actors", "resolve_entries", "record_entries",
           "person_entry", "role_entry", "common_words", "node_id", "Kind", "DOMINANCE", "MIN_DOMINANT_ARTICLES"]

DOMINANCE = 0.8
"""Share of the articles naming someone of a surname in full that one person must have for a
lone surname elsewhere to be taken as theirs."""
MIN_DOMINANT_ARTICLES = 3
"""...and in at least this many articles."""


@dataclass(slots=True)
class ActorEntry:
    """One person or organisation record of one article, or a role's organisation (``local_id``
    ``role:<name>``): what `resolve_entries` groups into actors."""

    article_id: str
    local_id: str
    kind: Kind
    name: str
    aliases: dict[str, str]
    mentions: int
    parts: NameParts | None
    key: str = ""
    """The name as compared: its parts joined (people), else `kg.names.name_key` (set on creation)."""
    single: bool = False
    """A name of one word."""

    def __post_init__(self) -> None:
        self.key = self.parts.full if self.parts is not None else name_key(self.name)
        self.single = " " not in self.key


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
    records = list(records)
    sentences = {m.sentence for r in records for e in [*r.people, *r.organisations] for m in e.mentions}
    sentences |= {q.sentence for r in records for q in r.quotes}
    return resolve_entries(list(record_entries(records)), common_words(sentences))


def resolve_entries(entries: list[ActorEntry], common: set[str]) -> ActorIndex:
    """Group entries into actors: `resolve_actors` on what it needs of the records.

    Parameters
    ----------
    entries : list of ActorEntry
        In the order `record_entries` gives them for records in order of article id.
    common : set of str
        `common_words` of the corpus's sentences.

    Returns
    -------
    ActorIndex
    """
    groups = _Groups(len(entries))
    _same_names(entries, groups)
    _full_name_variants(entries, groups)
    _names_with_extra_words(entries, groups)
    _organisation_aliases(entries, groups)
    _one_word_names(entries, groups)
    _surnames_after_common_words(entries, groups, common)
    return _index(entries, groups)


def record_entries(records: Iterable[ArticleRecord]) -> Iterable[ActorEntry]:
    """The entries of the records: each person (followed by its role organisations), then each
    organisation, article by article."""
    for record in records:
        for p in record.people:
            yield person_entry(record.id, p.id, p.name, dict(p.aliases), len(p.mentions))
            for role in p.roles:
                if role.organisation:
                    yield role_entry(record.id, role.organisation)
        for o in record.organisations:
            yield ActorEntry(record.id, o.id, "organisation", o.name, dict(o.aliases), len(o.mentions), None)


def person_entry(article_id: str, local_id: str, name: str, aliases: dict[str, str], mentions: int) -> ActorEntry:
    """The entry of a person record."""
    return ActorEntry(article_id, local_id, "person", name, aliases, mentions, parse_name(name))


def role_entry(article_id: str, organisation: str) -> ActorEntry:
    """The entry of the organisation named in a role."""
    return ActorEntry(article_id, f"role:{organisation}", "organisation", organisation, {}, 0, None)


def _same_names(entries: list[ActorEntry], groups: _Groups) -> None:
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


def _full_name_variants(entries: list[ActorEntry], groups: _Groups) -> None:
    """Step 2: full names that can only be one person."""
    forms: dict[int, set[NameParts]] = defaultdict(set)
    sample: dict[int, ActorEntry] = {}
    for i, e in enumerate(entries):
        if e.kind == "person" and e.parts is not None and not e.parts.single:
            forms[groups.root(i)].add(e.parts)
            sample.setdefault(groups.root(i), e)
    by_surname: dict[str, list[int]] = defaultdict(list)
    for root, parts in forms.items():
        by_surname[next(iter(parts)).last].append(root)
    apart = _named_apart_by_suffix(entries)
    for roots in by_surname.values():
        roots.sort(key=lambda r: (-max(len(p.middles) + bool(p.suffix) for p in forms[r]), r))
        placed: list[int] = []
        for root in roots:
            fits = [g for g in placed if all(same_person(a, b) and (a.suffix == b.suffix or (a.first, a.last) not in apart)
                                             for a in forms[g] for b in forms[root])]
            if len(fits) != 1:
                placed.append(root)
                continue
            target = fits[0]
            e = sample[root]
            why = same_person(sample[target].parts, e.parts)  # the two names the reason shows
            groups.union(target, root, f"{e.article_id}: {e.name!r} is {sample[target].name} ({why})")
            forms[target] |= forms.pop(root)


def _named_apart_by_suffix(entries: list[ActorEntry]) -> set[tuple[str, str]]:
    """(first, last) names that some article gives both with and without a suffix, as two people:
    "Donald Trump" and "Donald Trump Jr."."""
    seen: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for e in entries:
        if e.kind == "person" and e.parts is not None and not e.parts.single:
            seen[(e.article_id, e.parts.first, e.parts.last)].add(e.parts.suffix)
    return {(first, last) for (_, first, last), suffixes in seen.items() if len(suffixes) > 1 and "" in suffixes}


def _names_with_extra_words(entries: list[ActorEntry], groups: _Groups) -> None:
    """Step 2b: "Billionaire Donald Trump" is Donald Trump, when "Donald Trump" is named in full in
    `MIN_DOMINANT_ARTICLES` articles or more and the other words (two at most, on one side; no
    suffix: "Donald Trump Jr." is another man) are in no well-established name of the corpus."""
    articles: dict[tuple[str, ...], set[str]] = defaultdict(set)
    owner: dict[tuple[str, ...], int] = {}
    name_words: set[str] = set()
    for i, e in enumerate(entries):
        if e.kind == "person" and e.parts is not None and not e.parts.single:
            words = tuple(e.parts.full.split())
            articles[words].add(e.article_id)
            owner[words] = i
    for words, seen in articles.items():
        if len(seen) >= MIN_DOMINANT_ARTICLES:
            name_words.update(words)
    established = {w: owner[w] for w, seen in articles.items() if len(seen) >= MIN_DOMINANT_ARTICLES}
    for i, e in enumerate(entries):
        if (e.kind != "person" or e.parts is None or e.parts.single or e.parts.suffix
                or tuple(e.parts.full.split()) in established):
            continue
        words = tuple(e.parts.full.split())
        for size in range(len(words) - 1, 1, -1):
            for start in (0, len(words) - size):
                extra = words[:start] + words[start + size:]
                target = established.get(words[start : start + size])
                if target is None or len(extra) > 2 or set(extra) & name_words:
                    continue
                groups.union(target, i, f"{e.article_id}: {e.name!r} holds the full name {entries[target].name}; "
                                        f"{' '.join(extra)!r} is in no name of the corpus")
                break
            else:
                continue
            break


def _organisation_aliases(entries: list[ActorEntry], groups: _Groups) -> None:
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


def _one_word_names(entries: list[ActorEntry], groups: _Groups) -> None:
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


def common_words(sentences: Iterable[str]) -> set[str]:
    """The words the corpus writes in lower case at least twice as often as capitalised inside a
    sentence, in the (distinct) sentences its records keep: "fascist", "young"; not "frank" (Barney Frank)."""
    lower: Counter[str] = Counter()
    title: Counter[str] = Counter()
    for sentence in sentences:
        for n, word in enumerate(re.findall(r"[A-Za-z][a-z'-]+", sentence)):
            if word.islower():
                lower[word] += 1
            elif n > 0:
                title[word.lower()] += 1
    return {w for w, n in lower.items() if n >= 2 * title[w]}


def _surnames_after_common_words(entries: list[ActorEntry], groups: _Groups, common: set[str]) -> None:
    """Step 5: "Fascist Trump" is Donald Trump when he dominates the surname (as in step 4), the
    other words are mostly written in lower case in the corpus and are no first name of the
    nickname table, and fewer than `MIN_DOMINANT_ARTICLES` articles give the name."""
    full: dict[str, Counter[int]] = defaultdict(Counter)
    articles: dict[int, set[str]] = defaultdict(set)
    for i, e in enumerate(entries):
        if e.kind == "person" and e.parts is not None and not e.parts.single:
            root = groups.root(i)
            if e.article_id not in articles[root]:
                full[e.parts.last][root] += 1
            articles[root].add(e.article_id)
    dominant = {surname: top for surname, counts in full.items()
                for top, n in counts.most_common(1) if n >= MIN_DOMINANT_ARTICLES and n >= DOMINANCE * sum(counts.values())}
    tops = set(dominant.values())
    names = {root: e.name for i, e in enumerate(entries) if (root := groups.root(i)) in tops}
    for i, e in enumerate(entries):
        if e.kind != "person" or e.single or len(articles[groups.root(i)]) >= MIN_DOMINANT_ARTICLES:
            continue
        *before, surname = e.key.split()
        target = dominant.get(surname)
        if target is not None and target != groups.root(i) and all(
                w in common and not is_first_name(w) for w in before):
            groups.union(target, i, f"{e.article_id}: {e.name!r} is {names[target]}: "
                                    f"{' '.join(before)!r} is mostly written in lower case in the corpus")


def _index(entries: list[ActorEntry], groups: _Groups) -> ActorIndex:
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
        actor_id = node_id(NODE_PREFIX[kind], name)
        n = 2
        while actor_id in actors:
            actor_id, n = f"{node_id(NODE_PREFIX[kind], name)}#{n}", n + 1
        variants = {e.name for e in group} | {a for e in group for a in e.aliases}
        reasons = groups.reasons.get(root, []) + [f"{e.article_id}: {alias!r}, {why}" for e in group
                                                  for alias, why in e.aliases.items()
                                                  if not why.startswith("the same name")]
        actors[actor_id] = Actor(id=actor_id, kind=kind, name=name, variants=sorted(variants - {name}),
                                 articles=articles, kinds=kinds, reasons=list(dict.fromkeys(reasons)))
        for e in group:
            of[(e.article_id, e.local_id)] = actor_id
    return ActorIndex(actors, of)


def _display_name(group: list[ActorEntry]) -> str:
    """The most used name of several words without an honorific (by articles, then mentions),
    else of one word."""
    articles: dict[str, set[str]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    for e in group:
        articles[e.name].add(e.article_id)
        mentions[e.name] += e.mentions
    return max(articles, key=lambda n: (" " in n.strip(), parse_name(n).full == name_key(n), len(articles[n]),
                                        mentions[n]))
