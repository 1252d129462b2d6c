"""Quotes: direct, indirect, mixed and block speech, with cue and speaker.

One module per job, in the order `find_quotes` runs them: `marks` (pairing
quote marks), `blocks` (block quotes, transcript lines), `reported`
(reporting verbs with their clauses), `direct` (a cue for each quotation),
with `cues` (the cue lexicon at work) and `speakers` (subjects and who they
name); `component` holds `find_quotes` and the ``pckg_quotes`` component;
`matches` what they all produce.
"""

from extractors.quotes.component import SPANS_KEY, QuoteFinder, find_quotes, quote_id, quote_spans
from extractors.quotes.marks import quotations
from extractors.quotes.matches import RULE_FAMILIES, Quotation, QuoteMatch, QuoteSettings, Speaker

__all__ = ["find_quotes", "quote_spans", "quote_id", "QuoteFinder", "SPANS_KEY", "quotations", "Quotation", "QuoteMatch",
           "QuoteSettings", "Speaker", "RULE_FAMILIES"]
