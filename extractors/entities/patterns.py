"""Organisations the model misses or mislabels, found by the shapes their names take.

A spaCy `SpanRuler` with the patterns of ``data/organisation_patterns.jsonl`` ("... Group",
"... Association", "Department for ...", "Ministry of ..."), acronyms defined in brackets after
their long name ("Local Government Association (LGA)"), and acronyms that act as the subject of
a verb ("NCVO said"). `organisations_by_shape` yields them as ``ORG`` spans; the entity
component prefers them to the model's entities they overlap, unless the model's is longer.
"""

from __future__ import annotations

from typing import Any, Iterator

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.entities.names import initials, is_acronym
from extractors.lexicons import EntityLexicon

__all__ = ["OrganisationShapes", "prefer_shapes"]

_NOT_SUBJECT_ENTS = ("PERSON", "GPE", "NORP", "LOC", "DATE", "TIME")
_MAX_LONG_NAME = 10
"""Words a long name before "(ACRONYM)" may have."""


class OrganisationShapes:
    """Find organisation names by their shape, with the patterns of an `EntityLexicon`."""

    def __init__(self, nlp: Language, patterns: tuple[dict[str, Any], ...]) -> None:
        self.ruler = SpanRuler(nlp, name="pckg_organisation_shapes", validate=True)
        self.ruler.add_patterns(list(patterns))

    def __call__(self, doc: Doc, lexicon: EntityLexicon) -> list[Span]:
        """The organisation names in `doc`, longest first where they overlap, in text order
        (the patterns need part-of-speech tags: a pipeline without a tagger gets the acronyms only)."""
        found = [_trimmed(span) for span in self.ruler.match(doc)] if doc.has_annotation("POS") else []
        found += list(_bracketed_acronyms(doc, lexicon)) + list(_acronym_subjects(doc))
        return sorted(filter_spans([s for s in found if s is not None]), key=lambda s: s.start)


def prefer_shapes(ents: list[Span], shapes: list[Span]) -> list[Span]:
    """The model's entities and the shapes together: a shape replaces the entities it
    overlaps, unless one of them is an organisation or a person covering it whole."""
    kept_shapes = [s for s in shapes if not any(e.start <= s.start and s.end <= e.end and len(e) > len(s)
                                                and e.label_ in ("ORG", "PERSON") for e in ents)]
    taken = {i for s in kept_shapes for i in range(s.start, s.end)}
    return [e for e in ents if not any(i in taken for i in range(e.start, e.end))] + kept_shapes


def _trimmed(span: Span) -> Span | None:
    """Without a leading "The" or a sentence's first word that is not a name ("Yesterday ...")."""
    doc = span.doc
    start = span.start
    while start < span.end - 1 and (doc[start].lower_ == "the" or doc[start].is_sent_start
                                    and doc[start].pos_ != "PROPN"):
        start += 1
    return Span(doc, start, span.end, label="ORG") if span.end - start > 1 else None


def _bracketed_acronyms(doc: Doc, lexicon: EntityLexicon) -> Iterator[Span]:
    """ "Local Government Association (LGA)": the capitalised words before the brackets whose
    initials the acronym spells."""
    for token in doc[2:-1]:
        if not (doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")" and is_acronym(token.text)):
            continue
        end = token.i - 1
        for start in range(end - 1, max(end - _MAX_LONG_NAME, -1), -1):
            word = doc[start]
            if not (word.is_title or word.lower_ in lexicon.name_fillers):
                break
            if word.is_title and initials(doc[start:end].text, lexicon) == token.text.upper():
                yield Span(doc, start, end, label="ORG")
                break


def _acronym_subjects(doc: Doc) -> Iterator[Span]:
    """An acronym that says or does something: "NCVO said" (not a shouted word, "PEOPLE",
    which the document also writes in lower case, nor one in a shouted line)."""
    lower = {t.text for t in doc if t.is_lower}
    for token in doc:
        shouted = any(n.is_upper and n.is_alpha and len(n) > 1 for n in doc[max(token.i - 1, 0) : token.i + 2]
                      if n.i != token.i)
        if (token.dep_ in ("nsubj", "nsubjpass") and token.is_upper and is_acronym(token.text)
                and token.lower_ not in lower and not shouted
                and token.head.pos_ in ("VERB", "AUX") and token.ent_type_ not in _NOT_SUBJECT_ENTS
                and not any(c.dep_ == "compound" for c in token.children)):
            yield Span(doc, token.i, token.i + 1, label="ORG")
