"""The ``pckg_quotes`` component: claims, each with its cue and speaker, as a span group.

`find_quotes` is the logic as a plain function. The component puts one span
per claim in ``doc.spans["pckg_quotes"]``, in reading order, with the
`QuoteMatch` on ``span._.pckg_quote``.
"""

from __future__ import annotations

from dataclasses import asdict
from itertools import chain
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.furniture import in_spans
from extractors.lexicons import LexiconComponent, QuoteLexicon
from extractors.quotes.blocks import block_quotes, speaker_lines
from extractors.quotes.direct import direct_quotes
from extractors.quotes.filters import first_copies, no_claim, teaser_line, title_quotation
from extractors.quotes.labels import colon_quotes
from extractors.quotes.marks import quotations
from extractors.quotes.matches import Quotation, QuoteMatch, QuoteSettings
from extractors.quotes.paragraphs import by_paragraph
from extractors.quotes.per_cue import one_claim_per_cue
from extractors.quotes.reported import reported_claims
from extractors.quotes.speakers import SpeakerResolver
from extractors.spans import text_of

__all__ = ["find_quotes", "quote_spans", "quote_id", "QuoteFinder", "make_quote_finder", "SPANS_KEY"]

SPANS_KEY = "pckg_quotes"
"""The key of the quotes' span group in ``doc.spans``."""

if not Span.has_extension("pckg_quote"):
    Span.set_extension("pckg_quote", default=None)  # QuoteMatch, on the spans of doc.spans["pckg_quotes"]


def find_quotes(doc: Doc, lexicon: QuoteLexicon, settings: QuoteSettings = QuoteSettings()) -> Iterator[QuoteMatch]:
    """Yield the document's quotes and reported claims in reading order.

    Parameters
    ----------
    doc : Doc
        Parsed, with ``doc._.pckg_entities`` set by the ``pckg_entities`` component
        and ``doc._.pckg_furniture`` by ``pckg_furniture`` (quotes there are skipped).
    lexicon : QuoteLexicon
        Reporting cues and the other word lists the rules read.
    settings : QuoteSettings
        Thresholds.

    Notes
    -----
    1. Quote marks are paired paragraph by paragraph (`extractors.quotes.marks`).
    2. Block quotes after "X said:" and transcript lines come first (`blocks`).
    3. A reporting verb with its clause gives indirect speech, or mixed speech when
       the clause holds quoted words (`reported`).
    4. Every other quotation gets the cue nearest it (`direct`).
    5. The subject of the cue becomes the speaker (`speakers`).
    6. What one cue reports in a paragraph is one claim, in parts (`per_cue`).
    7. A quote over several paragraphs becomes one match per paragraph (`paragraphs`).
    """
    furniture = doc._.pckg_furniture or []
    text = text_of(doc)
    all_quotations = quotations(text, settings)
    resolver = SpeakerResolver(doc, all_quotations, lexicon, settings)
    titles = settings.uses("titles")
    marked = [q for q in all_quotations
              if doc.char_span(q.start, q.end, alignment_mode="expand") is not None
              and not in_spans(q.start, furniture) and not (titles and title_quotation(text, q, lexicon))]
    unmarked = chain(block_quotes(doc, marked, lexicon, resolver) if settings.uses("blocks") else (),
                     speaker_lines(doc, resolver, settings) if settings.uses("speaker_lines") else (),
                     colon_quotes(doc, marked, lexicon, resolver) if settings.uses("colon_quotes") else ())
    found = [q for q in unmarked if not in_spans(q.start, furniture)]
    quoted = marked + [Quotation(b.start, b.end) for b in found]
    marked = [q for q in marked if not any(f.start < q.end and q.start < f.end for f in found)]
    absorbed: set[Quotation] = set()
    for match, inner in reported_claims(doc, lexicon, resolver, marked=marked, quoted=quoted, furniture=furniture,
                                        settings=settings):
        absorbed.update(inner)
        found.append(match)
    found += direct_quotes(doc, [q for q in marked if q not in absorbed], lexicon, resolver, settings)
    found.sort(key=lambda q: q.start)
    if settings.uses("not_claims"):
        found = [q for q in first_copies(found, text) if not teaser_line(text, q.start, lexicon)
                 and (q.cue is None or q.type == "block" or not no_claim(q.cue.root, lexicon))]
    if settings.uses("one_per_cue"):
        found = one_claim_per_cue(found, text)
    return by_paragraph(found, text) if settings.uses("paragraphs") else iter(found)


def quote_id(position: int) -> str:
    """The id of the quote at `position` in `find_quotes` order: ``q1``, ``q2``, …"""
    return f"q{position + 1}"


def quote_spans(doc: Doc) -> list[Span]:
    """The claims the component found, as spans with ``span._.pckg_quote`` (empty before it ran)."""
    return list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []


class QuoteFinder(LexiconComponent):
    """Pipeline component: ``doc.spans["pckg_quotes"]``, one span per claim of `find_quotes`."""

    lexicon_type = QuoteLexicon

    def __init__(self, name: str, settings: QuoteSettings) -> None:
        self.name = name
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for position, match in enumerate(find_quotes(doc, self.lexicon, self.settings)):
            content = doc.char_span(match.start, match.end, alignment_mode="expand")
            span = Span(doc, content.start, content.end, label="QUOTE", span_id=quote_id(position))
            span._.pckg_quote = match
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


@Language.factory("pckg_quotes", assigns=["doc.spans", "span._.pckg_quote"],
                  requires=["doc._.pckg_entities", "doc._.pckg_furniture", "token.dep"],
                  default_config=asdict(QuoteSettings()))
def make_quote_finder(nlp: Language, name: str, min_quote_words: int, max_split_words: int,
                      max_speaker_tokens: int, max_continued_paragraphs: int, without: str) -> QuoteFinder:
    """Create the quote and reported-speech component (its lexicon comes with `initialize`)."""
    settings = QuoteSettings(min_quote_words=min_quote_words, max_split_words=max_split_words,
                             max_speaker_tokens=max_speaker_tokens, max_continued_paragraphs=max_continued_paragraphs,
                             without=without)
    return QuoteFinder(name, settings)
