"""Fast span helpers shared by the components.

spaCy's ``token.sent`` walks the document's sentences on every call; the
components ask for sentences and noun chunks thousands of times per article,
so both are computed once per document here and kept in ``doc.user_data`` as
plain integers (which stay serialisable).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable

from spacy.tokens import Doc, Span, Token

__all__ = ["sentence_of", "noun_chunks_in", "tokens_in"]

_SENTENCE_STARTS = "pckg_sentence_starts"
_NOUN_CHUNKS = "pckg_noun_chunks"


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
    return [doc[s:e] for s, e in bounds if start <= s and e <= end]


def tokens_in(doc: Doc, char_spans: Iterable[tuple[int, int]]) -> list[Token]:
    """The tokens inside the character spans (contracted to token bounds), without whitespace tokens."""
    tokens = []
    for start, end in char_spans:
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None:
            tokens.extend(t for t in span if not t.is_space)
    return tokens
