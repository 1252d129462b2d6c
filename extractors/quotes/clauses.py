"""The clause a reporting verb reports, and who reports it.

"Milburn said [the sector was…]", "[The sector is failing], Lewis said",
"pledged [to make…]", "told the conference [he wanted…]", "raised the issue
[that…]", "criticised X for [going…]", "[…], according to the commissioner",
"[The plan], officials said, [would cost £2bn]".
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from extractors.lexicons import QuoteLexicon
from extractors.quotes.cues import cue_class_of
from extractors.quotes.matches import QuoteSettings
from extractors.quotes.speakers import subject_of
from extractors.spans import sentence_of

__all__ = ["Clause", "reported_clause"]

_MIN_CLAUSE_TOKENS = 3
_MIN_REASON_TOKENS = 3
"""Words of a reason that is a claim: "criticised X for [going…]"."""
_NOT_CLAIMS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
"""What the object of "called for" is when it is no claim ("pushed for nearly a decade")."""
_MIN_FRONTED_TOKENS = 4
_MAX_FRONTED_SPEAKER_TOKENS = 10
"""Words from the comma to the cue in "[…], children's minister Margaret Hodge has revealed"."""
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})


class Clause(NamedTuple):
    """What a reporting verb reports."""

    content: Span
    subject: Token
    """Who reports it (the head of the subject phrase)."""
    cut: Span | None = None
    """The cue phrase inside `content` when it interrupts it ("The plan, officials said, would…")."""
    quoted_only: bool = False
    """A claim only when it holds quoted words: "criticised X for “going for tired solutions”"."""


def reported_clause(verb: Token, lexicon: QuoteLexicon,
                    settings: QuoteSettings = QuoteSettings()) -> Clause | None:
    """The clause a reporting verb reports, and the subject who reports it."""
    doc = verb.doc
    if verb.lemma_ == "accord":
        return _according_to(verb) if settings.uses("according_to") else None
    subject = subject_of(verb, settings, lexicon.statement_nouns, lexicon.source_nouns)
    if subject is None:
        return None
    if settings.uses("parenthetical"):
        interrupted = _parenthetical(verb)
        if interrupted is not None:
            return interrupted
    objects = _object_clause(verb, subject, lexicon, settings)
    if objects is not None:
        return objects
    for child in verb.children:
        commitment = (child.dep_ == "xcomp" and child.i > verb.i and _is_commitment(verb, lexicon)
                      and settings.uses("commitment"))
        if (child.dep_ == "ccomp" and settings.uses("that_clause")) or commitment:
            several = _several_clauses(verb, subject) if settings.uses("several_clauses") else None
            if several is not None:
                return several
            start, end = _clause_start(child), child.right_edge.i + 1
            if child.i > verb.i and settings.uses("reasons"):
                end = _with_reason(verb, end, lexicon)
            clause = doc[start:end]
            if len(clause) < _MIN_CLAUSE_TOKENS:
                return None
            return Clause(clause, subject, _second_that(child) if settings.uses("coordinated") else None)
        if child.dep_ == "dobj" and verb.lemma_ in lexicon.telling_verbs and settings.uses("told_clause"):  # "told the conference [he wanted…]"
            # the parser hangs the clause on the person told: "warned councils [that budgets…]"
            told = next((c for c in child.children if c.dep_ in ("relcl", "acl")
                         and c.left_edge.dep_ in ("nsubj", "nsubjpass", "mark")
                         and c.left_edge.lower_ not in ("who", "which", "whom")
                         and not (c.left_edge.lower_ == "that" and c.left_edge.dep_ != "mark")), None)
            if told is not None:
                start = told.left_edge.i + (told.left_edge.dep_ == "mark")
                return Clause(doc[start : told.right_edge.i + 1], subject)
        if child.dep_ == "dobj" and child.lemma_ in lexicon.claim_nouns and settings.uses("claim_noun"):  # "raised the issue [that…]"
            clause = next((c for c in child.children if c.dep_ in ("acl", "ccomp")), None)
            if clause is not None:
                start = clause.left_edge.i + (clause.left_edge.lower_ == "that")
                return Clause(doc[start : clause.right_edge.i + 1], subject)
        if (child.dep_ == "prep" and child.lower_ == "for" and settings.uses("criticised_for")
                and cue_class_of(verb, lexicon) in ("critical", "supportive")):
            reason = next((c for c in child.children if c.dep_ in ("pcomp", "pobj")), None)
            if reason is not None and len(list(reason.subtree)) >= _MIN_REASON_TOKENS:  # "criticised X for [going…]"
                start, end = _balanced(doc, reason.left_edge.i, reason.right_edge.i + 1)
                return Clause(doc[start:end], subject, quoted_only=True)
    return _fronted_clause(verb, subject) if settings.uses("fronted") else None


def _balanced(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Tokens ``start:end`` with the quote mark opening them taken in when the parser left it out
    but took its closing mark: "for [“going for the same old solutions” in every town]"."""
    marks = sum(t.is_quote for t in doc[start:end])
    if marks % 2 and start > 0 and doc[start - 1].is_quote and not doc[start].is_quote:
        return start - 1, end
    return start, end


def _clause_start(clause: Token) -> int:
    """Where a clause's words start, without its "that" or a comma before it."""
    doc = clause.doc
    start = clause.left_edge.i
    while start < clause.i and doc[start].dep_ in ("mark", "punct") and doc[start].lower_ != "to":
        start += 1
    return start


def _with_reason(verb: Token, end: int, lexicon: QuoteLexicon) -> int:
    """Where a reported clause ending at `end` ends with the reason or condition the parser
    hangs on its cue right after it: "said the plan failed[, because funding was cut]"."""
    doc = verb.doc
    for child in verb.children:
        mark = child.left_edge
        if (child.dep_ == "advcl" and child.i >= end and mark.dep_ == "mark" and mark.head == child
                and mark.lower_ in lexicon.reason_marks and all(t.is_punct for t in doc[end : mark.i])):
            return child.right_edge.i + 1
    return end


def _several_clauses(verb: Token, subject: Token) -> Clause | None:
    """One claim of the clauses a cue reports when the parser gives it two: "[Lee had asked
    for no escort], but [the police overruled her], the source added" (both before it),
    "[The documents indicate], he said, [that the agency worked…]" (one on each side: the
    cue phrase cut out of the claim)."""
    doc = verb.doc
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if len(clauses) < 2:
        return None
    start, end = _clause_start(clauses[0]), clauses[-1].right_edge.i + 1
    if start <= subject.i < end and not (clauses[0].i < verb.i < clauses[-1].i):
        return None
    before = [c for c in clauses if c.i < verb.i]
    after = [c for c in clauses if c.i > verb.i]
    if before and after:  # the cue between them: "[…], he said, [that…]"
        cut = doc[before[-1].right_edge.i + 1 : _clause_start(after[0])]
        return Clause(doc[start:end], subject, cut)
    return Clause(doc[start:end], subject)


def _second_that(clause: Token) -> Span | None:
    """"said [X] and that [Y]": the words joining two complements of one cue, so that the
    claim keeps both as its two parts."""
    doc = clause.doc
    for conj in clause.children:
        mark = next((m for m in conj.children if m.dep_ == "mark" and m.lower_ == "that"), None)
        if conj.dep_ != "conj" or mark is None or mark.i != conj.left_edge.i:
            continue
        joint = next((c for c in clause.children if c.dep_ == "cc" and c.i < mark.i), None)
        start = joint.i if joint is not None else mark.i
        while start > clause.i + 1 and doc[start - 1].is_punct:
            start -= 1
        return doc[start : mark.i + 1]
    return None


def _object_clause(verb: Token, subject: Token, lexicon: QuoteLexicon, settings: QuoteSettings) -> Clause | None:
    """What a cue's object carries: "urged ministers [to fund more places]" (object
    control: the object with its infinitive), "called for [a review]" (a cue with its
    preposition), "denied [the claims]" (a noun object of a cue in `object_cues`).

    Never when the cue also has a clause of its own ("warned councils that…"),
    nor for a pronoun object ("denied it").
    """
    doc = verb.doc
    children = list(verb.children)
    if any(c.dep_ == "ccomp" for c in children):
        return None
    lemma = verb.lemma_.lower()
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if settings.uses("object_control") and obj is not None and lemma in lexicon.control_verbs:
        control = next((c for c in children if c.dep_ == "xcomp" and c.i > obj.i
                        and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")), None)
        if control is not None:
            return Clause(doc[obj.left_edge.i : control.right_edge.i + 1], subject)
    if settings.uses("prepositional"):
        preposition = next((c for c in children if c.dep_ == "prep" and f"{lemma} {c.lower_}" in lexicon.cues), None)
        argument = next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None) if preposition else None
        if argument is not None and argument.pos_ != "PRON" and argument.ent_type_ not in _NOT_CLAIMS:
            end = argument.right_edge.i + 1
            then = next((c for c in children if c.dep_ in ("xcomp", "advcl") and c.left_edge.i == end
                         and c.left_edge.lower_ == "to"), None)  # "called for X [to resign]"
            return Clause(doc[argument.left_edge.i : then.right_edge.i + 1 if then is not None else end], subject)
    disputes = obj is not None and obj.lemma_.lower() in lexicon.claim_object_nouns and cue_class_of(
        verb, lexicon) in ("neutral", "critical", "supportive")  # "denied the claims", not "issued a claim"
    claims = obj is not None and (lemma in lexicon.object_cues or disputes)
    if settings.uses("noun_object") and claims and obj.pos_ != "PRON" and not any(c.dep_ == "xcomp" for c in children):
        return Clause(doc[obj.left_edge.i : obj.right_edge.i + 1], subject)
    return None


def _parenthetical(verb: Token) -> Clause | None:
    """"The plan, officials said, would cost £2bn": a cue set off by commas inside the
    sentence it reports, which runs from the sentence start to its end around the cue.

    The cue is not the sentence's own verb (the parser makes it a parataxis, or
    gives it the sentence's subject as a second subject); its subject sits between
    the first comma and the cue; only adverbs, prepositional phrases and the
    person told follow it before the second comma; the words before the first
    comma are a subject ("The plan"), not an adverbial ("In New Hampshire"), and
    the words after the second go on with its verb.
    """
    doc = verb.doc
    sentence = sentence_of(verb)
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects or subjects[-1].lower_ in _RELATIVE_PRONOUNS or verb.dep_ == "relcl":
        return None
    if verb.dep_ != "parataxis" and len(subjects) < 2:
        return None
    subject = subjects[-1]
    opening = subject.left_edge.i - 1
    if opening <= sentence.start + 1 or doc[opening].text != ",":
        return None
    closing = next((t.i for t in doc[verb.i + 1 : sentence.end] if t.text == ","), None)
    if closing is None or closing + 1 >= sentence.end - 1:
        return None
    between = doc[verb.i + 1 : closing]
    if any(t.pos_ in ("VERB", "AUX") or t.dep_ in ("ccomp", "mark") for t in between):
        return None
    after = [t for t in doc[closing + 1 : sentence.end] if not t.is_punct]
    before = [t for t in doc[sentence.start : opening] if not t.is_punct]
    if len(before) < _MIN_CLAUSE_TOKENS - 1 or not after or not any(t.pos_ in ("VERB", "AUX") for t in after):
        return None
    if not any(t.dep_ in ("nsubj", "nsubjpass") and not sentence.start <= t.head.i < opening for t in before):
        return None  # "In New Hampshire, Rubio railed, …": an adverbial, not the content's subject
    if any(t.dep_ == "nsubj" and t.head.i > closing for t in after[:2]):
        return None  # ", he said, she would…": a new clause, not the rest of this one
    return Clause(doc[sentence.start : sentence.end], subject, doc[opening : closing + 1])


def _according_to(according: Token) -> Clause | None:
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
    return Clause(clause, source) if len(words) >= _MIN_CLAUSE_TOKENS else None


def _fronted_clause(verb: Token, subject: Token) -> Clause | None:
    """"The sector is failing, care minister Ivan Lewis said last week" parsed as one long
    subject: the words before the last comma, when a name or pronoun follows it and the cue
    ends the sentence (nothing it reports comes after it)."""
    doc = verb.doc
    sentence = sentence_of(verb)
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "advcl", "conj") and c.i > verb.i for c in verb.children):
        return None
    content = verb.head
    opening = subject.left_edge.i - 1
    if (verb.dep_ in ("ccomp", "parataxis", "advcl") and content.i < verb.i and content.pos_ in ("VERB", "AUX")
            and opening > content.i and doc[opening].text == "," and verb.i - opening <= _MAX_FRONTED_SPEAKER_TOKENS):
        # "[The crisis is forcing…], children's minister Margaret Hodge has revealed" parsed
        # with the cue hanging from the content's verb
        named = any(t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PRON" for t in doc[opening + 1 : verb.i])
        if named and opening - content.left_edge.i >= _MIN_FRONTED_TOKENS:
            cue_end = verb.right_edge.i + 1
            if content.right_edge.i < cue_end:
                return Clause(doc[content.left_edge.i : opening], subject)
            # "[He is leaning toward Kasich], Trump said, [because he prizes electability]"
            return Clause(doc[content.left_edge.i : content.right_edge.i + 1], subject, doc[opening:cue_end])
    commas = [t.i for t in doc[sentence.start : verb.i] if t.text == "," and subject.left_edge.i < t.i]
    if not commas or subject.left_edge.i != sentence.start:
        return None
    comma = commas[-1]
    speaker_words = doc[comma + 1 : verb.i]
    if any(t.pos_ in ("VERB", "AUX") for t in speaker_words):
        return None
    speaker_root = next((t for t in speaker_words if t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PRON"), None)
    if speaker_root is None or comma - sentence.start < _MIN_FRONTED_TOKENS:
        return None
    return Clause(doc[sentence.start : comma], speaker_words[-1] if speaker_words[-1].pos_ != "ADV" else speaker_root)


def _is_commitment(verb: Token, lexicon: QuoteLexicon) -> bool:
    return cue_class_of(verb, lexicon) in ("commitment", "announcement")
