"""Reported speech: each reporting verb with the clause it reports (found by
`extractors.quotes.clauses`), kept when its subject can be a source.

A clause that holds quoted words is mixed speech; one that is mostly a
quotation is left to the direct quotes.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Token

from extractors.furniture import in_spans
from extractors.lexicons import QuoteLexicon
from extractors.quotes.clauses import reported_clause
from extractors.quotes.cues import cue_at, quote_match
from extractors.quotes.filters import no_claim
from extractors.quotes.matches import Quotation, QuoteMatch, QuoteSettings
from extractors.quotes.speakers import SpeakerResolver, inside
from extractors.spans import text_of

__all__ = ["reported_claims"]

_MOSTLY_QUOTED = 0.8
"""A clause at least this much inside quote marks is a direct quote."""
_NOT_SOURCES = ("this", "that", "there", "what", "which")
_AMOUNTS = ("PERCENT", "CARDINAL", "QUANTITY", "MONEY")
_SHARES = frozenset({"half", "majority", "minority", "most", "many", "several", "some", "few", "third", "quarter",
                     "two-thirds", "percent", "%", "one", "none", "all"})
"""Heads of a share of people: "nearly half said they…", "58 percent of voters say…"."""
_RESPONDENTS_CUES = frozenset({"say", "tell"})


def reported_claims(doc: Doc, lexicon: QuoteLexicon, resolver: SpeakerResolver, *, marked: list[Quotation],
                    quoted: list[Quotation], furniture: list[tuple[int, int]],
                    settings: QuoteSettings = QuoteSettings()) -> Iterator[tuple[QuoteMatch, list[Quotation]]]:
    """Yield each reported claim with the quotations it takes in (mixed speech).

    Parameters
    ----------
    marked : list of Quotation
        Quotations a clause may take in.
    quoted : list of Quotation
        Everything already quoted (marks, block quotes): cues inside are not cues, and a
        clause that straddles one is not reported speech.
    furniture : list of (start, end)
        Page furniture, where nothing is reported.
    settings : QuoteSettings
        Which rule families are on.
    """
    text = text_of(doc)
    for token in doc:
        cue = cue_at(token, lexicon)
        if cue is None or inside(token.idx, quoted) or in_spans(token.idx, furniture):
            continue
        if settings.uses("not_claims") and no_claim(token, lexicon) or token.lemma_.lower() in lexicon.direct_only_cues:
            continue
        reported = reported_clause(token, lexicon, settings)
        if reported is None:
            continue
        clause, subject, cut, quoted_only = reported
        start, end = _strip_edges(text, clause.start_char, clause.end_char)
        # Quotations inside the clause, and one left open inside it ("because “they recognise…").
        inner = [q for q in marked if start <= q.start < end and (q.end <= end + 1 or not q.closed)]
        straddling = [q for q in quoted if q not in inner and q.start < end and start < q.end]
        if straddling or (inner and _mostly_quoted(text, start, end, inner)) or (quoted_only and not inner):
            continue  # "…," he said: a direct quote, attributed elsewhere; "criticised X for [a deed]"
        speaker = resolver.speaker(subject)
        if settings.uses("not_claims") and speaker.entity is not None and speaker.entity.byline:
            continue  # "…, writes Sally Gillen": the byline, not a source
        if speaker.entity is None and not (_is_source(subject, lexicon) or _respondents(subject, token, settings)):
            continue  # "42% thought they lacked…" reports no one's words
        match = quote_match(start, end, "mixed" if inner else "indirect", token, cue, speaker)
        if cut is not None:  # "The plan, [officials said], would cost…": two parts around the cue
            before, after = _strip_edges(text, start, cut.start_char), _strip_edges(text, cut.end_char, end)
            match = match._replace(parts=(before, after))
        yield match, inner


def _is_source(subject: Token, lexicon: QuoteLexicon) -> bool:
    """Whether a subject can be the source of reported speech."""
    if subject.pos_ in ("PRON", "PROPN") and subject.lower_ not in _NOT_SOURCES:
        return True
    if subject.pos_ == "NOUN" and subject.ent_type_ not in _AMOUNTS:
        return True  # "One analyst", "three officials", not "42%"
    phrase = [subject] + [t for t in subject.subtree if t.dep_ == "pobj"]
    return any(t.lemma_.lower() in lexicon.source_nouns for t in phrase)


def _respondents(subject: Token, verb: Token, settings: QuoteSettings) -> bool:
    """Whether the subject is a share of people asked: "58 percent of voters said they…"."""
    if not settings.uses("respondents") or verb.lemma_ not in _RESPONDENTS_CUES:
        return False
    return subject.ent_type_ in ("PERCENT", "CARDINAL") or subject.lower_ in _SHARES


def _mostly_quoted(text: str, start: int, end: int, inner: list[Quotation]) -> bool:
    quoted = sum(q.end - q.start for q in inner)
    return quoted >= _MOSTLY_QUOTED * len(text[start:end].strip())


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return start, end
