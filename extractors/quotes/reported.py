"""Reported speech: a reporting verb with the clause it reports.

"Milburn said [the sector was…]", "[The sector is failing], Lewis said",
"pledged [to make…]", "told the conference [he wanted…]", "raised the issue
[that…]", "criticised X for [going…]", "[…], according to the commissioner".
A clause that holds quoted words is mixed speech; one that is mostly a
quotation is left to the direct quotes.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Span, Token

from extractors.furniture import in_spans
from extractors.lexicons import QuoteLexicon
from extractors.quotes.cues import cue_at, cue_class_of, quote_match
from extractors.quotes.matches import Quotation, QuoteMatch, QuoteSettings
from extractors.quotes.speakers import SpeakerResolver, inside, subject_of
from extractors.spans import sentence_of

__all__ = ["reported_claims", "reported_clause"]

_MIN_CLAUSE_TOKENS = 3
_MIN_REASON_TOKENS = 3
"""Words of a reason that is a claim: "criticised X for [going…]"."""
_MIN_FRONTED_TOKENS = 4
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
    text = doc.text
    for token in doc:
        cue = cue_at(token, lexicon)
        if cue is None or inside(token.idx, quoted) or in_spans(token.idx, furniture):
            continue
        reported = reported_clause(token, lexicon, settings)
        if reported is None:
            continue
        clause, subject = reported
        start, end = _strip_edges(text, clause.start_char, clause.end_char)
        # Quotations inside the clause, and one left open inside it ("because “they recognise…").
        inner = [q for q in marked if start <= q.start < end and (q.end <= end + 1 or not q.closed)]
        straddling = [q for q in quoted if q not in inner and q.start < end and start < q.end]
        if straddling or (inner and _mostly_quoted(text, start, end, inner)):
            continue  # "…," he said: a direct quote, attributed elsewhere
        speaker = resolver.speaker(subject)
        if speaker.entity is None and not (_is_source(subject, lexicon) or _respondents(subject, token, settings)):
            continue  # "42% thought they lacked…" reports no one's words
        yield quote_match(start, end, "mixed" if inner else "indirect", token, cue, speaker), inner


def reported_clause(verb: Token, lexicon: QuoteLexicon,
                    settings: QuoteSettings = QuoteSettings()) -> tuple[Span, Token] | None:
    """The clause a reporting verb reports, and the subject who reports it."""
    doc = verb.doc
    if verb.lemma_ == "accord":
        return _according_to(verb) if settings.uses("according_to") else None
    subject = subject_of(verb, settings, lexicon.statement_nouns, lexicon.source_nouns)
    if subject is None:
        return None
    for child in verb.children:
        commitment = (child.dep_ == "xcomp" and child.i > verb.i and _is_commitment(verb, lexicon)
                      and settings.uses("commitment"))
        if (child.dep_ == "ccomp" and settings.uses("that_clause")) or commitment:
            start = child.left_edge.i
            while start < child.i and doc[start].dep_ in ("mark", "punct") and doc[start].lower_ != "to":
                start += 1
            clause = doc[start : child.right_edge.i + 1]
            return (clause, subject) if len(clause) >= _MIN_CLAUSE_TOKENS else None
        if child.dep_ == "dobj" and verb.lemma_ in lexicon.telling_verbs and settings.uses("told_clause"):  # "told the conference [he wanted…]"
            told = next((c for c in child.children if c.dep_ == "relcl" and c.left_edge.dep_ == "nsubj"
                         and c.left_edge.lower_ not in ("who", "which", "that", "whom")), None)
            if told is not None:
                return doc[told.left_edge.i : told.right_edge.i + 1], subject
        if child.dep_ == "dobj" and child.lemma_ in lexicon.claim_nouns and settings.uses("claim_noun"):  # "raised the issue [that…]"
            clause = next((c for c in child.children if c.dep_ in ("acl", "ccomp")), None)
            if clause is not None:
                start = clause.left_edge.i + (clause.left_edge.lower_ == "that")
                return doc[start : clause.right_edge.i + 1], subject
        if (child.dep_ == "prep" and child.lower_ == "for" and settings.uses("criticised_for")
                and cue_class_of(verb, lexicon) in ("critical", "supportive")):
            reason = next((c for c in child.children if c.dep_ in ("pcomp", "pobj")), None)
            if reason is not None and len(list(reason.subtree)) >= _MIN_REASON_TOKENS:  # "criticised X for [going…]"
                return doc[reason.left_edge.i : reason.right_edge.i + 1], subject
    return _fronted_clause(verb, subject) if settings.uses("fronted") else None


def _according_to(according: Token) -> tuple[Span, Token] | None:
    """"[The explosion went off at 8.30], according to the commissioner": the
    sentence without the attribution phrase, and its source."""
    doc = according.doc
    to = according.nbor()
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    sentence = sentence_of(according)
    phrase_end = source.right_edge.i + 1
    if according.i - sentence.start <= 1:  # "According to X, the clause."
        clause = doc[phrase_end : sentence.end]
    else:  # "The clause, according to X."
        clause = doc[sentence.start : according.i]
    words = [t for t in clause if not (t.is_punct or t.is_space)]
    return (clause, source) if len(words) >= _MIN_CLAUSE_TOKENS else None


def _fronted_clause(verb: Token, subject: Token) -> tuple[Span, Token] | None:
    """"The sector is failing, care minister Ivan Lewis said" parsed as one long subject."""
    doc = verb.doc
    sentence = sentence_of(verb)
    commas = [t.i for t in doc[sentence.start : verb.i] if t.text == "," and subject.left_edge.i < t.i]
    if not commas or subject.left_edge.i != sentence.start:
        return None
    comma = commas[-1]
    speaker_words = doc[comma + 1 : verb.i]
    speaker_root = next((t for t in speaker_words if t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PRON"), None)
    if speaker_root is None or comma - sentence.start < _MIN_FRONTED_TOKENS:
        return None
    return doc[sentence.start : comma], speaker_words[-1] if speaker_words[-1].pos_ != "ADV" else speaker_root


def _is_commitment(verb: Token, lexicon: QuoteLexicon) -> bool:
    return cue_class_of(verb, lexicon) in ("commitment", "announcement")


def _is_source(subject: Token, lexicon: QuoteLexicon) -> bool:
    """Whether a subject can be the source of reported speech."""
    if subject.pos_ in ("PRON", "PROPN") and subject.lower_ not in _NOT_SOURCES:
        return True
    if subject.pos_ == "NOUN" and subject.ent_type_ not in _AMOUNTS:
        return not any(t.like_num for t in subject.subtree)
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
