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
from extractors.quotes.labels import label_for
from extractors.quotes.matches import Quotation, QuoteMatch, QuoteSettings
from extractors.quotes.speakers import SpeakerResolver
from extractors.spans import sentence_of, text_of

__all__ = ["direct_quotes"]

_MIXED_MIN_EXTRA_WORDS = 3
"""Words outside the quotation, besides cue and subject, that make it part of a clause."""
_MAX_PARAGRAPH_GAP = 2
"""Line breaks between a quote and the quotation that goes on from it."""
_AROUND_CUE = ("aux", "advmod", "cc", "prep", "pobj", "det", "dative", "dobj")
_MAX_GOVERNED_GAP_WORDS = 6
"""Words between a short quotation and the cue after it: "“No,” [said council leader Ann Lee]"."""


def direct_quotes(doc: Doc, marked: list[Quotation], lexicon: QuoteLexicon, resolver: SpeakerResolver,
                  settings: QuoteSettings) -> list[QuoteMatch]:
    """The quotes of the marked quotations (those not taken into reported speech), in order."""
    text = text_of(doc)
    found: list[QuoteMatch] = []
    previous: QuoteMatch | None = None
    for quote in marked:
        cue_token = cue_for_quotation(doc, quote, lexicon, settings)
        if cue_token is not None:
            subject = resolver.subject_of(cue_token)
            if subject is not None and quote.start <= subject.idx < quote.end:
                subject = _subject_between(doc, quote, cue_token)  # the parser took a quoted word
            match = quote_match(quote.start, quote.end, _quote_type(doc, quote, cue_token), cue_token,
                                cue_at(cue_token, lexicon), resolver.speaker(subject))
        elif settings.uses("labels") and (labelled := label_for(doc, quote, resolver)) is not None:
            match = QuoteMatch(quote.start, quote.end, "direct", None, None, None, labelled, attribution="label")
        elif previous is not None and settings.uses("continuation") and _adjacent(text, previous, quote, settings):
            match = previous._replace(start=quote.start, end=quote.end, type="direct", parts=(),
                                      attribution="inferred")
        else:
            continue  # no cue, no speaker: a title, a headline or a scare quote
        long_enough = len(text[quote.start : quote.end].split()) >= settings.min_quote_words
        if (previous is not None and found and found[-1] is previous and settings.uses("split")
                and _splits(text, previous, match, long_enough)):
            match = previous._replace(end=quote.end, parts=previous.spans + ((quote.start, quote.end),))
            found[-1] = match
        elif match.speaker.name is not None and (long_enough or (
                cue_token is not None and settings.uses("short_quotes")
                and _governed(doc, quote, cue_token, resolver))):
            found.append(match)
        else:
            continue  # a title or a scare quote: the quote before it stays the one to go on from
        previous = match
    return found


def _governed(doc: Doc, quote: Quotation, cue: Token, resolver: SpeakerResolver) -> bool:
    """Whether a quotation is what its cue reports, however short: its object
    ("shouted “Save our nursery”", "called the plan “reckless”") or the words right
    before or after the cue and its subject ("“Not again,” said Ann Lee.", "She said: “No.”")."""
    text = text_of(doc)
    words = text[quote.start : quote.end].split()
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return False  # a title: "Meet the Press", "This Week"
    quoted = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    inside = [t for t in quoted if quote.start <= t.idx < quote.end] if quoted is not None else []
    ends_clause = text[quote.end : quote.end + 3].strip(" \u201d\"'")[:1] in (".", "!", "?", "")
    if ends_clause and any(t.head == cue and t.dep_ in ("dobj", "oprd", "ccomp", "xcomp") for t in inside):
        return True  # Parents shouted “Save our nursery”.
    if cue.idx >= quote.end:  # "…," said Ann Lee / "…," Ann Lee said
        between = text[quote.end : cue.idx]
        subject = resolver.subject_of(cue)
        words = between.split()
        return between.lstrip()[:1] in (",", "!", "?", "\u201d", '"', "'", "") and (
            len(words) <= _MAX_GOVERNED_GAP_WORDS and (subject is None or subject.idx >= quote.end))
    return text[cue.idx + len(cue.text) : quote.start].strip(" \u201c\"'") in (":", ",")


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


def _splits(text: str, first: QuoteMatch, second: QuoteMatch, long_enough: bool) -> bool:
    """Whether `second` goes on with `first` around its cue, in one paragraph:
    "…," Trump warned. "…". A short quotation inside the cue's own words is a
    title ("…," she said on ABC's “This Week.”), not the rest of the quote."""
    cue = first.cue
    if cue is None or second.speaker != first.speaker or "\n" in text[first.end : second.start]:
        return False
    if not (first.end <= cue.start_char and cue.end_char <= second.start):
        return False
    return long_enough or not re.search(r"\w", text[cue.end_char : second.start])


def _adjacent(text: str, previous: QuoteMatch, quote: Quotation, settings: QuoteSettings) -> bool:
    """Whether a quotation without a cue goes on from the previous quote: the next
    paragraph, or the rest of a split quote ("…," said X, a lawyer. "…")."""
    gap = text[previous.end : quote.start]
    cue = previous.cue
    if cue is not None and "\n" not in gap and previous.end <= cue.start_char and cue.end_char <= quote.start:
        return True
    return gap.count("\n") <= _MAX_PARAGRAPH_GAP and len(re.findall(r"\w+", gap)) <= settings.max_split_words
