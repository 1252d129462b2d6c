"""Quotes: direct, indirect, mixed and block speech, with cue and speaker.

One module per job, in the order `find_quotes` runs them: `marks` (pairing
quote marks), `blocks` (block quotes, transcript lines) and `labels` ("X said:
words", speaker labels, signed pull quotes), `reported` (reporting verbs with
the clauses `clauses` finds for them: that-clauses, objects, parentheticals,
"according to"), `direct` (a cue for each quotation), `filters` (what is no
claim), `per_cue` (one claim per cue), `paragraphs` (one claim per paragraph); with `cues` (the cue lexicon at
work), `speakers` (subjects and who they name) and `antecedents` (pronouns and
role phrases); `component` holds `find_quotes` and the ``pckg_quotes``
component; `matches` what they all produce and the rule families.
"""

from extractors.quotes.component import SPANS_KEY, QuoteFinder, find_quotes, quote_id, quote_spans
from extractors.quotes.marks import quotations
from extractors.quotes.matches import RULE_FAMILIES, Quotation, QuoteMatch, QuoteSettings, Speaker

__all__ = ["find_quotes", "quote_spans", "quote_id", "QuoteFinder", "SPANS_KEY", "quotations", "Quotation", "QuoteMatch",
           "QuoteSettings", "Speaker", "RULE_FAMILIES"]
