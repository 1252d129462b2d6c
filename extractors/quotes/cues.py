"""Reporting cues: which tokens report speech ("said", "went on to say", "according to",
"raised the issue that"), their class, and the cue nearest a quotation."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.lexicons import QuoteLexicon
from extractors.quotes.filters import no_claim
from extractors.quotes.matches import Quotation, QuoteMatch, QuoteSettings, Speaker
from extractors.spans import sentence_of

__all__ = ["Cue", "cue_at", "cue_class_of", "cue_for_quotation", "introducing_cue", "quote_match"]

Cue = tuple[str, str]
"""(the cue's words as written, its class)."""
_MAX_CUE_SENTENCE_TOKENS = 6
"""A sentence after a quotation this short may hold its cue ("…" he said.)."""
_MAX_CUE_DISTANCE = 100
"""Tokens between a quotation and a cue in its sentence, at most: a run-on "sentence" of
thousands of tokens (a list of quotations, a page without full stops) is not searched whole
for every quotation in it."""
_NOT_SPEAKERS = frozenset({"that", "this", "it", "there", "which", "what", "these", "those"})
"""Words that open a short sentence after a quotation that is no cue of it ("That adds to it.")."""


def cue_at(token: Token, lexicon: QuoteLexicon) -> Cue | None:
    """The cue (surface text, class) when `token` is a reporting verb."""
    cues = lexicon.cues
    if token.pos_ not in ("VERB", "AUX") and token.lemma_ != "accord":
        return None
    if token.lemma_ == "say" and token.dep_ in ("xcomp", "advcl") and token.head.lemma_ == "go":
        phrase = token.doc[token.head.i : token.i + 1].text  # "went on to say"
        return phrase, cues.get("go on to say", "neutral")
    if token.lemma_ == "accord" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return "according to", cues.get("according to", "neutral")
    if token.lemma_ in lexicon.claim_verbs:  # "raised the issue that", "made the point that"
        noun = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_ in lexicon.claim_nouns), None)
        if noun is None:
            return None
        return token.doc[token.i : noun.i + 1].text, lexicon.claim_nouns[noun.lemma_]
    particle = next((c for c in token.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.i == token.i + 1
                     and f"{token.lemma_.lower()} {c.lower_}" in cues), None)  # "pointed out", "shot back"
    if particle is not None and f"{token.lemma_.lower()} {particle.lower_}" in cues:  # "pointed out"
        return f"{token.text} {particle.text}", cues[f"{token.lemma_.lower()} {particle.lower_}"]
    preposition = next((c for c in token.children if c.dep_ == "prep"
                        and f"{token.lemma_.lower()} {c.lower_}" in cues), None)
    if preposition is not None:  # "called for", "warned of"
        return f"{token.text} {preposition.text}", cues[f"{token.lemma_.lower()} {preposition.lower_}"]
    cls = cues.get(token.lemma_.lower())
    return (token.text, cls) if cls is not None else None


def cue_class_of(verb: Token, lexicon: QuoteLexicon) -> str | None:
    """The class of a verb's lemma in the cue lexicon, if it is a cue."""
    return lexicon.cues.get(verb.lemma_.lower())


def quote_match(start: int, end: int, type_: str, cue_token: Token, cue: Cue | None,
                speaker: Speaker) -> QuoteMatch:
    """A `QuoteMatch` for content ``start:end`` reported by the cue at `cue_token`."""
    text, cls = cue if cue is not None else (cue_token.text, "neutral")
    return QuoteMatch(start, end, type_, _cue_span(cue_token, text), text, cls, speaker)


def _cue_span(token: Token, text: str) -> Span:
    """The tokens of a cue: "said", "went on to say", "raised the issue"."""
    doc = token.doc
    if text.lower().startswith(token.lower_):  # "said", "According to"
        return doc[token.i : token.i + len(text.split())]
    start = token.i
    while start > 0 and not doc[start : token.i + 1].text.lower().startswith(text.split()[0].lower()):
        start -= 1
    return doc[start : token.i + 1]


def cue_for_quotation(doc: Doc, quote: Quotation, lexicon: QuoteLexicon, settings: QuoteSettings) -> Token | None:
    """The reporting verb nearest a quotation: in its sentence, or introducing it."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    first, last = sentence_of(span[0]), sentence_of(span[-1])
    start, end = max(first.start, span.start - _MAX_CUE_DISTANCE), min(last.end, span.end + _MAX_CUE_DISTANCE)
    around = [t for t in doc[start:end] if not quote.start <= t.idx < quote.end]
    candidates = [t for t in around if (cue_at(t, lexicon) is not None or _names_quotation(t, quote, lexicon))
                  and not (settings.uses("not_claims") and no_claim(t, lexicon))]
    if candidates:
        return min(candidates, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
    # "X said:" just before the quotation, or "…" he said. just after it.
    if first.start > 0:
        before = sentence_of(doc[first.start - 1])
        introducing = introducing_cue(before, lexicon)
        if introducing is not None:
            return introducing
    if last.end < len(doc):
        after = sentence_of(doc[last.end])
        # '…,” he said.' parsed as a sentence of its own; not '….” That adds to the pressure.'
        if len(after) <= _MAX_CUE_SENTENCE_TOKENS and after[0].lower_ not in _NOT_SPEAKERS:
            return next((t for t in after if cue_at(t, lexicon) is not None), None)
    return None


def _names_quotation(token: Token, quote: Quotation, lexicon: QuoteLexicon) -> bool:
    """Whether `token` is a naming verb whose complement is the quotation: "called the plan “reckless”"."""
    return token.lemma_.lower() in lexicon.naming_verbs and any(
        quote.start <= child.idx < quote.end for child in token.children if child.dep_ in ("oprd", "xcomp", "dobj", "ccomp"))


def introducing_cue(sentence: Span, lexicon: QuoteLexicon) -> Token | None:
    """The cue of a sentence that ends in a colon: "Zahawi said:"."""
    text = sentence.text.rstrip()
    if not text.endswith(":"):
        return None
    return next((t for t in reversed(sentence) if cue_at(t, lexicon) is not None), None)
