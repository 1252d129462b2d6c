"""People: one cluster per person, with surnames and first names joined to the full name."""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span

from extractors.entities.clusters import EntityCluster, add_mention, name_key
from extractors.lexicons import EntityLexicon

__all__ = ["add_person", "person_called", "people_called", "add_untagged_surnames", "in_byline"]


def add_person(people: dict[str, EntityCluster], span: Span, honorific: str | None) -> None:
    """Add a mention of a person: to the one known person it is the first or last name of,
    else to the person of that name."""
    key = name_key(span.text)
    if key not in people:
        matches = people_called(span.text, people)
        if len(matches) == 1:
            matches[0].aliases.setdefault(span.text, f"first or last name of {matches[0].name}")
            matches[0].mentions.append(span)
            return
    cluster = add_mention(people, "person", span)
    cluster.honorific = cluster.honorific or honorific


def person_called(word: str, clusters: Iterable[EntityCluster]) -> EntityCluster | None:
    """The one person whose first or last name is `word` ("Hanvey"), if exactly one."""
    people = {p.key: p for p in clusters if p.kind == "person"}
    matches = people_called(word, people)
    return matches[0] if len(matches) == 1 else None


def people_called(text: str, people: dict[str, EntityCluster]) -> list[EntityCluster]:
    """The people of several words whose first or last word is the one word `text`."""
    word = name_key(text)
    if " " in word:
        return []
    return [p for p in people.values() if " " in p.key and word in (p.key.split()[0], p.key.split()[-1])]


def add_untagged_surnames(doc: Doc, people: dict[str, EntityCluster]) -> None:
    """Add "Hodge" as a mention of "Margaret Hodge" where the model tagged nothing."""
    surnames: dict[str, list[EntityCluster]] = {}
    for person in people.values():
        if " " in person.key:
            surnames.setdefault(person.key.split()[-1], []).append(person)
    covered = {i for p in people.values() for m in p.mentions for i in range(m.start, m.end)}
    for token in doc:
        owners = surnames.get(token.lower_, [])
        if (len(owners) == 1 and token.pos_ in ("PROPN", "NOUN") and token.is_title
                and not token.ent_type_ and token.i not in covered):
            owners[0].aliases.setdefault(token.text, f"surname of {owners[0].name}")
            owners[0].mentions.append(doc[token.i : token.i + 1])


def in_byline(name: Span, lexicon: EntityLexicon) -> bool:
    """Whether a name is the writer's: "By NAME" opening a line, or ", writes NAME" closing
    a sentence or line."""
    doc = name.doc
    before = doc[name.start - 1] if name.start > 0 else None
    if before is None or before.lower_ not in lexicon.byline_words:
        return False
    if before.lower_ == "by":
        return before.i == 0 or "\n" in doc[before.i - 1].text_with_ws
    for token in doc[name.end :]:
        if "\n" in token.text_with_ws:
            return token.is_punct or token.is_space
        if not token.is_punct:
            return False
    return True
