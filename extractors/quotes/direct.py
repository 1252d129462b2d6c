"""Direct quotes: each quotation with the cue nearest it and that cue's subject as speaker.

A quotation without a cue goes on from the quote before it when it is the
next paragraph or the rest of a split quote ("…," said X. "…"); two parts of
one paragraph around one cue become one quote with two `parts`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from extractors.lexicons import QuoteLexicon
from extractors.quotes.cues import cue_at, cue_for_quotation, quote_match
from extractors.quotes.matches import Quotation, QuoteMatch, QuoteSettings
from extractors.quotes.speakers import SpeakerResolver, subject_of
from extractors.spans import sentence_of

__all__ = ["direct_quotes"]

_MIXED_MIN_EXTRA_WORDS = 3
"""Words outside the quotation, besides cue and subject, that make it part of a clause."""
_MAX_PARAGRAPH_GAP = 2
"""Line breaks between a quote and the quotation that goes on from it."""
_AROUND_CUE = ("aux", "advmod", "cc", "prep", "pobj", "det", "dative", "dobj")


def direct_quotes(doc: Doc, marked: list[Quotation], lexicon: QuoteLexicon, resolver: SpeakerResolver,
                  settings: QuoteSettings) -> list[QuoteMatch]:
    """The quotes of the marked quotations (those not taken into reported speech), in order."""
    text = doc.text
    found: list[QuoteMatch] = []
    previous: QuoteMatch | None = None
    for quote in marked:
        cue_token = cue_for_quotation(doc, quote, lexicon)
        if cue_token is not None:
            subject = subject_of(cue_token)
            if subject is not None and quote.start <= subject.idx < quote.end:
                subject = _subject_between(doc, quote, cue_token)  # the parser took a quoted word
            match = quote_match(quote.start, quote.end, _quote_type(doc, quote, cue_token), cue_token,
                                cue_at(cue_token, lexicon), resolver.speaker(subject))
        elif previous is not None and settings.uses("continuation") and _adjacent(text, previous, quote, settings):
            match = previous._replace(start=quote.start, end=quote.end, type="direct", parts=())
        else:
            continue  # no cue, no speaker: a title, a headline or a scare quote
        if (previous is not None and found and found[-1] is previous and settings.uses("split")
                and _splits(text, previous, match)):
            match = previous._replace(end=quote.end, parts=previous.spans + ((quote.start, quote.end),))
            found[-1] = match
        elif match.speaker.name is not None and len(text[quote.start : quote.end].split()) >= settings.min_quote_words:
            found.append(match)
        previous = match
    return found


def _quote_type(doc: Doc, quote: Quotation, cue: Token) -> str:
    """Direct when the quotation is the whole claim, mixed when it sits in a clause."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    sentence = sentence_of(span[0])
    outside = [t for t in sentence if not quote.start - 1 <= t.idx <= quote.end and not t.is_punct]
    # "…," he said / he said: "…" leave only the cue and its subject outside.
    around_cue = {cue.i} | {t.i for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    extra = [t for t in outside if t.i not in around_cue and t.dep_ not in _AROUND_CUE]
    return "mixed" if len(extra) >= _MIXED_MIN_EXTRA_WORDS and len(span) < len(sentence) / 2 else "direct"


def _subject_between(doc: Doc, quote: Quotation, cue: Token) -> Token | None:
    """The head noun of the words between a quotation and its cue: "…," [police Chief Chuck Jordan] said."""
    if cue.idx < quote.end:
        return None
    between = doc.char_span(quote.end, cue.idx, alignment_mode="expand")
    nouns = [t for t in between or () if t.pos_ in ("PROPN", "NOUN", "PRON")]
    return nouns[-1] if nouns else None


def _splits(text: str, first: QuoteMatch, second: QuoteMatch) -> bool:
    """Whether `second` goes on with `first` around its cue, in one paragraph:
    "…," Trump warned. "…"."""
    cue = first.cue
    return (cue is not None and second.speaker == first.speaker
            and first.end <= cue.start_char and cue.end_char <= second.start
            and "\n" not in text[first.end : second.start])


def _adjacent(text: str, previous: QuoteMatch, quote: Quotation, settings: QuoteSettings) -> bool:
    """Whether a quotation without a cue goes on from the previous quote: the next
    paragraph, or the rest of a split quote ("…," said X, a lawyer. "…")."""
    gap = text[previous.end : quote.start]
    cue = previous.cue
    if cue is not None and "\n" not in gap and previous.end <= cue.start_char and cue.end_char <= quote.start:
        return True
    return gap.count("\n") <= _MAX_PARAGRAPH_GAP and len(re.findall(r"\w+", gap)) <= settings.max_split_words
