"""Fast span helpers shared by the components.

spaCy's ``token.sent`` walks the document's sentences on every call, and ``doc.text``
joins every token's text on every call; the components ask for sentences, noun chunks
and the text thousands of times per article (once per quotation, say), so each is
computed once per document here and kept in ``doc.user_data`` as plain values (which
stay serialisable).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterable

from spacy.tokens import Doc, Span, Token

__all__ = ["text_of", "sentence_of", "noun_chunks_in", "entities_in", "tokens_in"]

_TEXT = "pckg_text"
_SENTENCE_STARTS = "pckg_sentence_starts"
_NOUN_CHUNKS = "pckg_noun_chunks"
_ENTITIES = "pckg_entity_bounds"


def text_of(doc: Doc) -> str:
    """The document's text (as ``doc.text``, without joining its tokens again)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def sentence_of(token: Token) -> Span:
    """The sentence a token is in (as ``token.sent``, without rescanning the document)."""
    doc = token.doc
    starts = doc.user_data.get(_SENTENCE_STARTS)
    if starts is None:
        starts = doc.user_data[_SENTENCE_STARTS] = [sentence.start for sentence in doc.sents]
    index = bisect_right(starts, token.i) - 1
    end = starts[index + 1] if index + 1 < len(starts) else len(doc)
    return doc[starts[index] : end]


def noun_chunks_in(doc: Doc, start: int, end: int) -> list[Span]:
    """The document's noun chunks that lie within tokens ``start:end``."""
    bounds = doc.user_data.get(_NOUN_CHUNKS)
    if bounds is None:
        bounds = doc.user_data[_NOUN_CHUNKS] = [(c.start, c.end) for c in doc.noun_chunks]
    return _within(doc, bounds, start, end)


def entities_in(span: Span) -> list[Span]:
    """The document's named entities that lie within `span` (as ``span.ents``, without walking
    every entity of the document). Computed once per document: components that change
    ``doc.ents`` afterwards are not seen."""
    doc = span.doc
    bounds = doc.user_data.get(_ENTITIES)
    if bounds is None:
        bounds = doc.user_data[_ENTITIES] = [(e.start, e.end, e.label_) for e in doc.ents]
    return [Span(doc, bounds[i][0], bounds[i][1], label=bounds[i][2])
            for i in _indexes_within(bounds, span.start, span.end)]


def _within(doc: Doc, bounds: list[tuple[int, int]], start: int, end: int) -> list[Span]:
    return [doc[bounds[i][0] : bounds[i][1]] for i in _indexes_within(bounds, start, end)]


def _indexes_within(bounds: list[tuple], start: int, end: int) -> Iterable[int]:
    """Indexes of the (start, end, ...) bounds, sorted and not overlapping, inside ``start:end``."""
    i = bisect_left(bounds, start, key=lambda bound: bound[0])
    while i < len(bounds) and bounds[i][0] < end:
        if bounds[i][1] <= end:
            yield i
        i += 1


def tokens_in(doc: Doc, char_spans: Iterable[tuple[int, int]]) -> list[Token]:
    """The tokens inside the character spans (contracted to token bounds), without whitespace tokens."""
    tokens = []
    for start, end in char_spans:
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None:
            tokens.extend(t for t in span if not t.is_space)
    return tokens
