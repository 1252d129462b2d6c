"""Speech without a reporting clause around it: "X said: the words" on one line without quote
marks, and quotations whose speaker is only a label: "Sam Ortiz, on Facebook: “…”", a pull
quote signed on the next line ("Ann Lee, chief executive, Age UK"), a header line
"Ann Lee, chief executive" over a quoted paragraph."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc, Span

from extractors.lexicons import QuoteLexicon
from extractors.quotes.cues import cue_at, quote_match
from extractors.quotes.filters import no_claim
from extractors.quotes.marks import first_char, paragraph_spans
from extractors.quotes.matches import Quotation, QuoteMatch, Speaker
from extractors.quotes.speakers import SpeakerResolver, inside
from extractors.spans import text_of

__all__ = ["colon_quotes", "label_for"]

_MAX_LABEL_WORDS = 12
"""A signature or header line is short: "Ann Lee, chief executive, Age UK"."""
_MIN_COLON_QUOTE_WORDS = 4
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_OPENING = "\u201c\u201e\"\u2018'"
_LABEL = re.compile(r"^[\u2014\u2013-]*\s*([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,4})(,[^:\u201c\"]{0,60})?:?\s*$")


def colon_quotes(doc: Doc, quoted: list[Quotation], lexicon: QuoteLexicon,
                 resolver: SpeakerResolver) -> Iterator[QuoteMatch]:
    """"Ann Lee said: the plan will fail." — the words after a cue and its colon, to the end
    of the paragraph, when they are not in quote marks."""
    text = text_of(doc)
    for p_start, p_end in paragraph_spans(text):
        for colon in re.finditer(r":\s+", text[p_start:p_end]):
            start = p_start + colon.end()
            if start >= p_end or text[start] in _OPENING or inside(start, quoted) or len(text[start:p_end].split()) < _MIN_COLON_QUOTE_WORDS:
                continue
            before = doc.char_span(p_start, p_start + colon.start(), alignment_mode="contract")
            cue = next((t for t in reversed(before) if cue_at(t, lexicon) is not None), None) if before else None
            if (cue is None or before[-1].i - cue.i > 3
                    or resolver.settings.uses("not_claims") and no_claim(cue, lexicon)):
                continue  # the cue must end the words before the colon: "Ann Lee told the BBC:"
            subject = resolver.subject_of(cue)
            speaker = resolver.speaker(subject)
            if subject is None or (speaker.entity is None and subject.lower_ not in _PERSONAL_PRONOUNS):
                continue  # a named speaker or "he said:", not "Other issues relate to:"
            end = len(text[:p_end].rstrip())
            yield quote_match(start, end, "direct", cue, cue_at(cue, lexicon), speaker)
            break


def label_for(doc: Doc, quote: Quotation, resolver: SpeakerResolver) -> Speaker | None:
    """The speaker a label gives a quotation that has no cue: "Sam Ortiz, on Facebook: “…”"
    before it in its paragraph, a signature line after its paragraph, or a header line
    before it when the paragraph is only the quotation."""
    text = text_of(doc)
    paragraphs = paragraph_spans(text)
    index = next((i for i, (s, e) in enumerate(paragraphs) if s <= quote.start < e), None)
    if index is None:
        return None
    p_start, p_end = paragraphs[index]
    lead = text[first_char(text, p_start, p_end) : quote.start].rstrip(_OPENING + " ")
    if lead:
        return _named(doc, lead, first_char(text, p_start, p_end), resolver) if lead.endswith(":") else None
    whole = not text[quote.end : p_end].strip(" \u201d\"'\u2019.,")
    if not whole:
        return None
    for neighbour in (index + 1, index - 1):  # a signature under it, or a header over it
        if 0 <= neighbour < len(paragraphs):
            n_start, n_end = paragraphs[neighbour]
            line = text[n_start:n_end].strip()
            if len(line.split()) <= _MAX_LABEL_WORDS and line[-1:] not in ".!?\u201d\"" and not inside(n_start, [quote]):
                speaker = _named(doc, line, n_start + text[n_start:n_end].index(line[0]), resolver)
                if speaker is not None:
                    return speaker
    return None


def _named(doc: Doc, label: str, offset: int, resolver: SpeakerResolver) -> Speaker | None:
    """The known person or organisation a label starts with ("Ann Lee, chief executive")."""
    found = _LABEL.match(label)
    if found is None:
        return None
    words: Span | None = doc.char_span(offset + found.start(1), offset + found.end(1), alignment_mode="contract")
    entity = resolver.named(words) if words is not None and len(words) else None
    if entity is None:
        return None
    return Speaker(entity.name, entity, words)
