"""Names: the model's PERSON and ORG spans cleaned into names, and the names it missed.

`clean_name` trims a span to its name (no line break, honorific, possessive or
bullet) and decides whether it is a usable name at all; `names_after_honorifics`
and `names_broken_over_lines` find names the model did not tag whole.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from spacy.tokens import Doc, Span, Token

from extractors.entities.clusters import EntityKind, name_key
from extractors.lexicons import EntityLexicon
from extractors.spans import sentence_of, text_of
from extractors.text import BULLETS, DASHES

__all__ = ["CleanName", "clean_name", "names_after_honorifics", "names_broken_over_lines", "majority_kind",
           "initials", "is_acronym", "MAX_NAME_TOKENS"]

MAX_NAME_TOKENS = 12
"""Longer spans are not names."""
_MAX_HONORIFIC_NAME_TOKENS = 4
"""How many words after an honorific can make up the name ("Dame Rachel de Souza")."""

CleanName = tuple[EntityKind, Span, str | None]
"""(kind, the name's span, the honorific written before it)."""


def names_after_honorifics(doc: Doc, lexicon: EntityLexicon) -> Iterator[Span]:
    """Names the model missed but an honorific announces: "Dame Rachel de Souza"."""
    particles = lexicon.name_particles
    tagged = {(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"}
    for token in doc:
        if token.lower_.rstrip(".") not in lexicon.honorifics or not token.text[0].isupper():
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= _MAX_HONORIFIC_NAME_TOKENS and (
                doc[end].text[:1].isupper() and doc[end].is_alpha or doc[end].lower_ in particles
                or doc[end].text == "-" and end + 1 < len(doc) and doc[end + 1].is_title):  # "Mr. Holtz-Eakin"
            end += 1
        while end > token.i + 1 and doc[end - 1].lower_ in particles:
            end -= 1
        if end > token.i + 1 and not tagged & {(token.i, end), (token.i + 1, end)}:
            yield Span(doc, token.i, end, label="PERSON")


def names_broken_over_lines(doc: Doc) -> Iterator[Span]:
    """A one-word name at a line end whose surname opens the next line: "Sally\\nGillen"."""
    for ent in doc.ents:
        end = ent.end - (doc[ent.end - 1].text == "\n")
        if ent.label_ != "PERSON" or end - ent.start != 1 or end + 2 > len(doc):
            continue
        newline, surname = doc[end], doc[end + 1]
        after = doc[end + 2] if end + 2 < len(doc) else None
        if (newline.text == "\n" and surname.pos_ == "PROPN" and surname.is_title
                and (after is None or after.is_punct or after.is_space or after.is_lower)):
            yield Span(doc, ent.start, end + 2, label="PERSON")


def clean_name(ent: Span, lexicon: EntityLexicon, *, joined: bool = False) -> CleanName | None:
    """Trim an entity span to its name; None when it is not a usable name.

    `joined` marks a name rejoined across one line break by `names_broken_over_lines`.
    """
    if ent.label_ not in ("PERSON", "ORG"):
        return None
    kind: EntityKind = "person" if ent.label_ == "PERSON" else "organisation"
    start, end = ent.start, ent.end
    doc = ent.doc
    # Never across a line break ("Community Care\n\nComments" is "Community Care"),
    # except inside a name joined by names_broken_over_lines.
    for i in range(start, end):
        if "\n" in doc[i].text and not (joined and doc[i].text == "\n"):
            end = i
            break
    honorific = None
    while start < end and (_is_junk(doc[start]) or doc[start].lower_.rstrip(".") in lexicon.honorifics | {"the"}):
        if doc[start].lower_.rstrip(".") in lexicon.honorifics:
            honorific = doc[start].text
        start += 1
    if honorific is None and start > 0 and doc[start - 1].lower_.rstrip(".") in lexicon.honorifics \
            and doc[start - 1].text[0].isupper():
        honorific = doc[start - 1].text  # "Sen." the model left outside the name
    while end > start and (_is_junk(doc[end - 1]) or doc[end - 1].lower_ in ("'s", "'", "\u2019s", "\u2019")
                           or doc[end - 1].is_lower and doc[end - 1].pos_ in ("ADP", "CCONJ", "DET")):
        end -= 1  # "Christie at"
    if kind == "organisation":
        end = _possessive_kept(doc, start, _name_continues(doc, end))
    else:  # "Representative Charles B. Rangel": the title stays in the text for roles_of
        while end - start > 1 and doc[start].lower_ in lexicon.role_heads and doc[start].is_title:
            start += 1
    if start >= end or end - start > MAX_NAME_TOKENS or not _is_name(doc[start:end], lexicon):
        return None
    if (kind == "organisation" and end - start > 1 and doc[end - 1].lower_ in lexicon.role_heads
            and not any(t.pos_ == "ADP" for t in doc[start:end])):  # "Ministry of Justice" is one
        return None  # "School Social Worker": a post, not an organisation
    if kind == "person" and start > 0 and doc[start - 1].lower_ in lexicon.organisation_nouns:
        kind = "organisation"
    return kind, doc[start:end], honorific


def _is_name(span: Span, lexicon: EntityLexicon) -> bool:
    """Whether a trimmed span can be a name at all."""
    text = span.text
    if len(span) == 1 and span[0].pos_ not in ("PROPN", "NOUN"):
        return False  # "• Consolidate data…": a capitalised verb or adjective, not a name
    if all(t.lower_ in lexicon.role_heads for t in span):
        return False  # "Mr. President": a title, not a name
    if not text[0].isupper() or any(ch.isdigit() or ch in "@/\\|[]{}()\"\u201c\u201d" for ch in text):
        return False
    if len(text.rstrip(".")) < 2 or len(span) > 1 and text.isupper():
        return False  # an initial; a shouted headline
    # "Carson, Huckabee", "Scott - Brentley Vinson": two names run together
    return not any(t.text in (",", ";") or t.text in DASHES and t.whitespace_ and t.i > span.start
                   and span.doc[t.i - 1].whitespace_ for t in span)


def _name_continues(doc: Doc, end: int) -> int:
    """Extend an organisation cut short by the model over "of/for" and capitalised
    words: "Association of Chief Executives [of Voluntary Organisations]"."""
    while end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and doc[end + 1].is_title:
        stop = end + 1
        while stop < len(doc) and doc[stop].is_title and doc[stop].pos_ == "PROPN":
            stop += 1
        if stop == end + 1:
            break
        end = stop
    return end


def _possessive_kept(doc: Doc, start: int, end: int) -> int:
    """Keep an "'s" that is part of the name: "Barnardo's said", "at Barnardo's Chris Hanvey";
    not a possessive of the name ("Barnardo's chief executive"), nor of a name the article also
    writes without it ("CNN's Jake Tapper" beside "CNN")."""
    if end >= len(doc) or doc[end].lower_ not in ("'s", "\u2019s"):
        return end
    after = doc[end + 1] if end + 1 < len(doc) else None
    bare = re.search(re.escape(doc[start:end].text) + r"(?!['\u2019]s)\b", text_of(doc))
    if bare is None and (after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")
                         or after.ent_iob_ == "B" and after.ent_type_ == "PERSON"):
        return end + 1
    return end


def _is_junk(token: Token) -> bool:
    return token.is_punct or token.is_space or token.text in BULLETS + DASHES


def majority_kind(cleaned: list[CleanName], lexicon: EntityLexicon) -> list[CleanName]:
    """Give every mention of one name the kind its mentions and their context support:
    "OFSTED" (ORG) and "Ofsted" (PERSON) are one organisation.

    Each mention votes for the model's label, and for what its context says: an honorific
    (a person), an organisation noun in the name ("Trust"), "he"/"she" or "it"/"its" later in
    the sentence. A tie goes to organisation for a one-word name, to person otherwise.
    A name of several words whose last word is a person's name alone ("Keith Lamont Scott"
    beside "Scott ... his car") is a person. A person's name with a lower-case word that is not a
    particle is left out.
    """
    votes: dict[str, Counter[str]] = {}
    for kind, span, honorific in cleaned:
        counts = votes.setdefault(name_key(span.text), Counter())
        counts[kind] += 1
        counts.update(_context_kinds(span, honorific, lexicon))
    decided = {}
    for key, counts in votes.items():
        tie_break = "organisation" if " " not in key else "person"
        decided[key] = max(counts, key=lambda k: (counts[k], k == tie_break))
    for key, kind in decided.items():  # "Keith Lamont Scott" (ORG) when "Scott" is a person
        words = key.split()
        if (kind == "organisation" and len(words) > 1 and decided.get(words[-1]) == "person"
                and not set(words) & (lexicon.organisation_nouns | lexicon.name_fillers)):
            decided[key] = "person"
    return [(decided[name_key(span.text)], span, honorific) for _, span, honorific in cleaned
            if decided[name_key(span.text)] == "organisation" or _one_person(span, lexicon)]


def _one_person(span: Span, lexicon: EntityLexicon) -> bool:
    """A person's name holds no lower-case word but a particle: "Christie and Sessions" and
    "Carly Fiorina to Rubio" are not one person's name."""
    return not any(t.is_lower and t.is_alpha and t.lower_ not in lexicon.name_particles for t in span)


_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_THING_PRONOUNS = {"it", "its", "itself"}


def _context_kinds(span: Span, honorific: str | None, lexicon: EntityLexicon) -> list[str]:
    """What the context of one mention says its kind is (one vote per clue)."""
    found: list[str] = []
    if honorific is not None:
        found += ["person", "person"]
    if any(t.lower_ in lexicon.organisation_words for t in span):
        found += ["organisation", "organisation"]
    sentence = sentence_of(span[0])
    later = [t.lower_ for t in span.doc[span.end : sentence.end] if t.pos_ == "PRON"]
    if later and later[0] in _PERSON_PRONOUNS:
        found.append("person")
    elif later and later[0] in _THING_PRONOUNS:
        found.append("organisation")
    return found


def initials(name: str, lexicon: EntityLexicon) -> str:
    """Capitals of a name's main words: "National Council for Voluntary Organisations" -> "NCVO"."""
    words = name.replace("-", " ").split()
    return "".join(w[0] for w in words if w.lower() not in lexicon.name_fillers).upper()


def is_acronym(text: str) -> bool:
    """Whether `text` looks like an acronym: 2-8 letters, all but one capitals ("NCVO", "DfE")."""
    return 2 <= len(text) <= 8 and text.isalpha() and sum(c.isupper() for c in text) >= len(text) - 1
