"""Quotes: direct, indirect, mixed and block speech, with cue and speaker.

`find_quotes` works on a parsed document whose entities were grouped by
`extractors.entities` and yields `QuoteMatch` tuples in reading order:

1. quote marks are paired paragraph by paragraph ("", “”, ‘’ and straight
   single marks); an unbalanced mark only costs its own paragraph, and a quote
   left open at a paragraph end runs on to the next closing mark;
2. each quotation gets the nearest reporting verb around it ("…," he said /
   X said: “…” / a colon introduction in the paragraph before);
3. a reporting verb with a clausal complement ("Milburn said the voluntary
   sector was…") gives indirect speech, or mixed speech when it holds quoted
   words;
4. "X said:" closing a paragraph introduces a block quote of the unquoted
   paragraphs that follow;
5. the subject of the cue becomes the speaker: an entity, a pronoun resolved
   to the last person (or organisation) named, or a descriptive phrase kept
   as it is ("the prime minister", "one of the presenters").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain
from typing import Iterator, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.entities import EntityCluster, person_called
from extractors.furniture import in_spans
from extractors.lexicons import load_cues, load_source_nouns
from extractors.spans import sentence_of

__all__ = ["QuoteMatch", "Speaker", "find_quotes", "quotations", "QuoteFinder"]

OPENING_DOUBLE, CLOSING_DOUBLE = "\u201c\u201e", "\u201d"
OPENING_SINGLE, CLOSING_SINGLE = "\u2018", "\u2019"
_BEFORE_OPENING = " \n([{\u2014\u2013-:;,"
_PERSONAL_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"it", "they", "them"}
_FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "you", "your"}
_MAX_CONTINUED_PARAGRAPHS = 6
_MAX_SPEAKER_TOKENS = 10
_MAX_SPLIT_WORDS = 6  # words between the parts of one split quote ("he told the BBC")
_MIN_QUOTE_WORDS = 4  # shorter quotations on their own are terms or scare quotes

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)  # list[QuoteMatch] after pckg_quotes


class Speaker(NamedTuple):
    """Who a quote is attributed to."""

    name: str | None
    """Display name: the entity's name, or the descriptive phrase used."""
    entity: EntityCluster | None
    """The person or organisation, when the speaker is one."""
    mention: Span | None
    """The words naming the speaker at the cue."""


class QuoteMatch(NamedTuple):
    """A claim found in a document."""

    start: int
    """Character offset where the content starts."""
    end: int
    type: str
    """direct, indirect, mixed or block."""
    cue: Span | None
    cue_text: str | None
    cue_class: str | None
    speaker: Speaker
    parts: tuple[tuple[int, int], ...] = ()
    """Character spans of the content; more than one for a split quote ("…," he said. "…")."""

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return self.parts or ((self.start, self.end),)


@dataclass(frozen=True)
class _Quotation:
    """Characters between a pair of quote marks (marks excluded)."""

    start: int
    end: int
    closed: bool = True
    """False when the opening mark was never closed and the quotation was cut short."""


# ---------------------------------------------------------------------------
# 1. Quote marks


def quotations(text: str) -> list[_Quotation]:
    """Pair the quote marks of `text`, recovering from unbalanced ones.

    Double marks may span paragraphs: a paragraph that leaves a quote open
    continues it when the next paragraph re-opens it (the news convention) or
    when the next mark in the text closes it. Otherwise the open mark is read
    as quoting one sentence. Single marks pair only inside one paragraph
    and only outside double quotes, where they are nested quotes.
    """
    found: list[_Quotation] = []
    paragraphs = _paragraph_spans(text)
    open_at: int | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        single_open: int | None = None
        i = p_start
        while i < p_end:
            kind = _mark_kind(text, i)
            if kind == "open2":
                if open_at is None:
                    open_at = i
                elif i != _first_char(text, p_start, p_end):
                    open_at = i  # the earlier mark was stray; recover from here
            elif kind == "close2" and open_at is not None:
                found.append(_Quotation(_after_mark(text, open_at), i))
                open_at = None
            elif open_at is None and kind == "open1":
                single_open = i
            elif open_at is None and kind == "close1" and single_open is not None:
                found.append(_Quotation(single_open + 1, i))
                single_open = None
            i += 1
        if open_at is not None and not _continues(text, paragraphs, index):
            start = _after_mark(text, open_at)
            found.append(_Quotation(start, _first_sentence_end(text, start, p_end), closed=False))
            open_at = None
    if open_at is not None:
        start = _after_mark(text, open_at)
        found.append(_Quotation(start, _first_sentence_end(text, start, len(text)), closed=False))
    return [q for q in found if text[q.start : q.end].strip()]


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\u201c\"])")


def _first_sentence_end(text: str, start: int, end: int) -> int:
    """Where the first sentence after a quote mark that is never closed ends.

    A stray mark should not swallow the reporting clauses that follow it.
    """
    found = _SENTENCE_END.search(text, start, end)
    return found.end() if found else end


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _mark_kind(text: str, i: int) -> str | None:
    """Classify the character at `i` as an opening or closing quote mark.

    Two apostrophes (''like this'', common in news archives) are one double
    mark, classified at its first character.
    """
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    if text.startswith("''", i):
        after = text[i + 2] if i + 2 < len(text) else " "
        if before in _BEFORE_OPENING and not after.isspace():
            return "open2"
        return "close2" if not before.isspace() else None
    if before == "'" and ch == "'":
        return None  # the second half of ''
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in OPENING_DOUBLE:
        return "open2"
    if ch == CLOSING_DOUBLE:
        return "close2"
    if ch == '"':
        if before in _BEFORE_OPENING and not after.isspace():
            return "open2"
        if not before.isspace():
            return "close2"
        return None
    if ch in OPENING_SINGLE + "'" and before in _BEFORE_OPENING and after.isalnum():
        return "open1"
    if ch in CLOSING_SINGLE + "'" and not before.isspace() and not after.isalnum():
        return "close1"
    return None


def _after_mark(text: str, i: int) -> int:
    """Where the quoted words start after the opening mark at `i`."""
    return i + (2 if text.startswith("''", i) else 1)


def _continues(text: str, paragraphs: list[tuple[int, int]], index: int) -> bool:
    """Whether a double quote left open in paragraph `index` goes on after it."""
    following = paragraphs[index + 1 : index + 1 + _MAX_CONTINUED_PARAGRAPHS]
    if not following:
        return False
    p_start, p_end = following[0]
    if _mark_kind(text, _first_char(text, p_start, p_end)) == "open2":
        return True
    for p_start, p_end in following:
        for i in range(p_start, p_end):
            kind = _mark_kind(text, i)
            if kind == "open2":
                return False
            if kind == "close2":
                return True
    return False


# ---------------------------------------------------------------------------
# 2-5. Attribution


def find_quotes(doc: Doc, *, cues: dict[str, str] | None = None) -> Iterator[QuoteMatch]:
    """Yield the document's quotes and reported claims in reading order.

    Parameters
    ----------
    doc : Doc
        Parsed, with ``doc._.entities`` set by the ``pckg_entities`` component
        and ``doc._.furniture`` by ``pckg_furniture`` (quotes there are skipped).
    cues : dict, optional
        Reporting-verb lexicon (lemma or phrase -> cue class); defaults to
        `load_cues()`.
    """
    cues = load_cues() if cues is None else cues
    furniture = doc._.furniture or []
    text = doc.text  # spaCy rebuilds doc.text on every access
    all_quotations = quotations(text)
    resolver = _SpeakerResolver(doc, all_quotations)
    marked = [q for q in all_quotations
              if _char_span(doc, q.start, q.end) is not None and not in_spans(q.start, furniture)]
    found = [q for q in chain(_block_quotes(doc, marked, cues, resolver), _speaker_lines(doc, resolver))
             if not in_spans(q.start, furniture)]
    quoted = marked + [_Quotation(b.start, b.end) for b in found]
    marked = [q for q in marked if not any(f.start < q.end and q.start < f.end for f in found)]
    # Reported speech: a cue with its clause, taking in the quotations inside it.
    absorbed: set[_Quotation] = set()
    for token in doc:
        cue = _cue_at(token, cues)
        if cue is None or _inside(token.idx, quoted) or in_spans(token.idx, furniture):
            continue
        reported = _reported_clause(token)
        if reported is None:
            continue
        clause, subject = reported
        start, end = _strip_edges(text, clause.start_char, clause.end_char)
        # Quotations inside the clause, and one left open inside it ("because “they recognise…").
        inner = [q for q in marked if start <= q.start < end and (q.end <= end + 1 or not q.closed)]
        straddling = [q for q in quoted if q not in inner and q.start < end and start < q.end]
        if straddling or (inner and _mostly_quoted(text, start, end, inner)):
            continue  # "…," he said: a direct quote, attributed below
        speaker = resolver.speaker(subject)
        if speaker.entity is None and not _is_source(subject):
            continue  # "42% thought they lacked…" reports no one's words
        absorbed.update(inner)
        found.append(_match(start, end, "mixed" if inner else "indirect", token, cue, speaker))
    previous: QuoteMatch | None = None
    for quote in marked:
        if quote in absorbed:
            continue
        cue_token = _cue_for_quotation(doc, quote, cues)
        if cue_token is not None:
            subject = _subject_of(cue_token)
            if subject is not None and quote.start <= subject.idx < quote.end:
                subject = _subject_between(doc, quote, cue_token)  # the parser took a quoted word
            speaker = resolver.speaker(subject)
            match = _match(quote.start, quote.end, _quote_type(doc, quote, cue_token), cue_token,
                           _cue_at(cue_token, cues), speaker)
        elif previous is not None and _adjacent(text, previous, quote):
            match = previous._replace(start=quote.start, end=quote.end, type="direct", parts=())
        else:
            continue  # no cue, no speaker: a title, a headline or a scare quote
        if previous is not None and found and found[-1] is previous and _splits(text, previous, match):
            match = previous._replace(end=quote.end, parts=previous.spans + ((quote.start, quote.end),))
            found[-1] = match
        elif match.speaker.name is not None and len(text[quote.start : quote.end].split()) >= _MIN_QUOTE_WORDS:
            found.append(match)
        previous = match
    found.sort(key=lambda q: q.start)
    return iter(found)


def _match(start: int, end: int, type_: str, cue_token: Token, cue: tuple[str, str] | None,
           speaker: Speaker) -> QuoteMatch:
    text, cls = cue if cue is not None else (cue_token.text, None)
    return QuoteMatch(start, end, type_, _cue_span(cue_token, text), text, cls, speaker)


def _cue_at(token: Token, cues: dict[str, str]) -> tuple[str, str] | None:
    """The cue (surface text, class) when `token` is a reporting verb."""
    if token.pos_ not in ("VERB", "AUX") and token.lemma_ != "accord":
        return None
    if token.lemma_ == "say" and token.dep_ in ("xcomp", "advcl") and token.head.lemma_ == "go":
        phrase = token.doc[token.head.i : token.i + 1].text  # "went on to say"
        return phrase, cues.get("go on to say", "neutral")
    if token.lemma_ == "accord" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return "according to", cues.get("according to", "neutral")
    if token.lemma_ in _CLAIM_VERBS:  # "raised the issue that", "made the point that"
        noun = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_ in _CLAIM_NOUNS), None)
        if noun is None:
            return None
        return token.doc[token.i : noun.i + 1].text, "critical" if noun.lemma_ in ("concern", "fear") else "neutral"
    particle = next((c for c in token.children if c.dep_ == "prt"), None)
    if particle is not None and f"{token.lemma_.lower()} {particle.lower_}" in cues:  # "pointed out"
        return f"{token.text} {particle.text}", cues[f"{token.lemma_.lower()} {particle.lower_}"]
    cls = cues.get(token.lemma_.lower())
    return (token.text, cls) if cls is not None else None


def _cue_span(token: Token, text: str) -> Span:
    """The tokens of a cue: "said", "went on to say", "raised the issue"."""
    doc = token.doc
    if text.startswith(token.text):
        return doc[token.i : token.i + len(text.split())]
    start = token.i
    while start > 0 and not doc[start : token.i + 1].text.startswith(text.split()[0]):
        start -= 1
    return doc[start : token.i + 1]


def _reported_clause(verb: Token) -> tuple[Span, Token] | None:
    """The clause a reporting verb reports, and the subject who reports it.

    "Milburn said [the sector was…]", "[The sector is failing], Lewis said",
    "pledged [to make…]", "told the conference [he wanted…]".
    """
    doc = verb.doc
    if verb.lemma_ == "accord":
        return _according_to(verb)
    subject = _subject_of(verb)
    if subject is None:
        return None
    for child in verb.children:
        commitment = child.dep_ == "xcomp" and child.i > verb.i and _is_commitment(verb)
        if child.dep_ == "ccomp" or commitment:
            start = child.left_edge.i
            while start < child.i and doc[start].dep_ in ("mark", "punct") and doc[start].lower_ != "to":
                start += 1
            clause = doc[start : child.right_edge.i + 1]
            return (clause, subject) if len(clause) >= 3 else None
        if child.dep_ == "dobj" and verb.lemma_ in _TELLING:  # "told the conference [he wanted…]"
            told = next((c for c in child.children if c.dep_ == "relcl" and c.left_edge.dep_ == "nsubj"
                         and c.left_edge.lower_ not in ("who", "which", "that", "whom")), None)
            if told is not None:
                return doc[told.left_edge.i : told.right_edge.i + 1], subject
        if child.dep_ == "dobj" and child.lemma_ in _CLAIM_NOUNS:  # "raised the issue [that…]"
            clause = next((c for c in child.children if c.dep_ in ("acl", "ccomp")), None)
            if clause is not None:
                start = clause.left_edge.i + (clause.left_edge.lower_ == "that")
                return doc[start : clause.right_edge.i + 1], subject
        if child.dep_ == "prep" and child.lower_ == "for" and _cue_class(verb) in ("critical", "supportive"):
            reason = next((c for c in child.children if c.dep_ in ("pcomp", "pobj")), None)
            if reason is not None and len(list(reason.subtree)) >= 3:  # "criticised X for [going…]"
                return doc[reason.left_edge.i : reason.right_edge.i + 1], subject
    return _fronted_clause(verb, subject)


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
    return (clause, source) if len(words) >= 3 else None


_TELLING = {"tell", "assure", "warn", "inform", "remind", "promise", "advise"}
_CLAIM_NOUNS = {"issue", "point", "concern", "argument", "claim", "case", "warning", "question", "fear", "hope"}
_CLAIM_VERBS = {"raise", "make", "express", "voice", "put"}


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
    if speaker_root is None or comma - sentence.start < 4:
        return None
    return doc[sentence.start : comma], speaker_words[-1] if speaker_words[-1].pos_ != "ADV" else speaker_root


def _cue_class(verb: Token) -> str | None:
    return load_cues().get(verb.lemma_.lower())


def _is_commitment(verb: Token) -> bool:
    return _cue_class(verb) in ("commitment", "announcement")


def _is_source(subject: Token) -> bool:
    """Whether a subject can be the source of reported speech."""
    if subject.pos_ in ("PRON", "PROPN") and subject.lower_ not in ("this", "that", "there", "what", "which"):
        return True
    if subject.pos_ == "NOUN" and subject.ent_type_ not in ("PERCENT", "CARDINAL", "QUANTITY", "MONEY"):
        return not any(t.like_num for t in subject.subtree)
    phrase = [subject] + [t for t in subject.subtree if t.dep_ == "pobj"]
    return any(t.lemma_.lower() in load_source_nouns() for t in phrase)


def _mostly_quoted(text: str, start: int, end: int, inner: list[_Quotation]) -> bool:
    quoted = sum(q.end - q.start for q in inner)
    return quoted >= 0.8 * len(text[start:end].strip())


def _inside(offset: int, marked: list[_Quotation]) -> bool:
    return any(q.start <= offset < q.end for q in marked)


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return start, end


def _char_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _cue_for_quotation(doc: Doc, quote: _Quotation, cues: dict[str, str]) -> Token | None:
    """The reporting verb nearest a quotation: in its sentence, or introducing it."""
    span = _char_span(doc, quote.start, quote.end)
    first, last = sentence_of(span[0]), sentence_of(span[-1])
    around = [t for t in doc[first.start : last.end] if not quote.start <= t.idx < quote.end]
    candidates = [t for t in around if _cue_at(t, cues) is not None]
    if candidates:
        return min(candidates, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
    # "X said:" just before the quotation, or "…" he said. just after it.
    if first.start > 0:
        before = sentence_of(doc[first.start - 1])
        introducing = _introducing_cue(before, cues)
        if introducing is not None:
            return introducing
    if last.end < len(doc):
        after = sentence_of(doc[last.end])
        if len(after) <= 6:
            return next((t for t in after if _cue_at(t, cues) is not None), None)
    return None


def _introducing_cue(sentence: Span, cues: dict[str, str]) -> Token | None:
    """The cue of a sentence that ends in a colon: "Zahawi said:"."""
    text = sentence.text.rstrip()
    if not text.endswith(":"):
        return None
    return next((t for t in reversed(sentence) if _cue_at(t, cues) is not None), None)


def _quote_type(doc: Doc, quote: _Quotation, cue: Token) -> str:
    """Direct when the quotation is the whole claim, mixed when it sits in a clause."""
    span = _char_span(doc, quote.start, quote.end)
    sentence = sentence_of(span[0])
    outside = [t for t in sentence if not quote.start - 1 <= t.idx <= quote.end and not t.is_punct]
    # "…," he said / he said: "…" leave only the cue and its subject outside.
    around_cue = {cue.i} | {t.i for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    extra = [t for t in outside if t.i not in around_cue and t.dep_ not in ("aux", "advmod", "cc", "prep",
                                                                           "pobj", "det", "dative", "dobj")]
    return "mixed" if len(extra) > 2 and len(span) < len(sentence) / 2 else "direct"


def _subject_between(doc: Doc, quote: _Quotation, cue: Token) -> Token | None:
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


def _adjacent(text: str, previous: QuoteMatch, quote: _Quotation) -> bool:
    """Whether a quotation without a cue goes on from the previous quote: the next
    paragraph, or the rest of a split quote ("…," said X, a lawyer. "…")."""
    gap = text[previous.end : quote.start]
    cue = previous.cue
    if cue is not None and "\n" not in gap and previous.end <= cue.start_char and cue.end_char <= quote.start:
        return True
    return gap.count("\n") <= 2 and len(re.findall(r"\w+", gap)) <= _MAX_SPLIT_WORDS


def _block_quotes(doc: Doc, marked: list[_Quotation], cues: dict[str, str],
                  resolver: "_SpeakerResolver") -> Iterator[QuoteMatch]:
    """"X said:" ending a paragraph, then unquoted first-person paragraphs."""
    text = doc.text
    paragraphs = _paragraph_spans(text)
    for index, (p_start, p_end) in enumerate(paragraphs):
        if not text[p_start:p_end].rstrip().endswith(":"):
            continue
        last_sentence = sentence_of(_char_span(doc, p_start, p_end)[-1])
        cue_token = _introducing_cue(last_sentence, cues)
        if cue_token is None or _subject_of(cue_token) is None:
            continue
        body = []
        for q_start, q_end in paragraphs[index + 1 :]:
            paragraph = text[q_start:q_end]
            if _inside(q_start, marked) or _inside(_first_char(text, q_start, q_end) + 1, marked):
                break
            if (paragraph.lstrip()[:1] in "\u2022\u25ba\u25aa-*" or (body and not _first_person(paragraph))
                    or in_spans(q_start, doc._.furniture or [])):
                break
            body.append((q_start, q_end))
        if body:
            start, end = _first_char(text, *body[0]), len(text[: body[-1][1]].rstrip())
            yield _match(start, end, "block", cue_token, _cue_at(cue_token, cues),
                         resolver.speaker(_subject_of(cue_token)))


_SPEAKER_LINE = re.compile(r"[\"\u201c']?([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}):\s+(\S)")


def _speaker_lines(doc: Doc, resolver: "_SpeakerResolver") -> Iterator[QuoteMatch]:
    """Transcript and headline lines led by a known speaker: "PENCE: Well, look, …"."""
    text = doc.text
    for p_start, p_end in _paragraph_spans(text):
        start = _first_char(text, p_start, p_end)
        line = _SPEAKER_LINE.match(text, start, p_end)
        if line is None:
            continue
        name = doc.char_span(line.start(1), line.end(1), alignment_mode="expand")
        entity = resolver.named(name) if name is not None else None
        if entity is None:
            continue
        end = len(text[: p_end].rstrip().rstrip('"\u201d'))
        if len(re.findall(r"[^\W\d_]+", text[line.start(2) : end])) < _MIN_QUOTE_WORDS:
            continue  # "Correction Appended: October 2, 2016": a label, not an utterance
        colon = doc.char_span(line.end(1), line.end(1) + 1, alignment_mode="expand")
        yield QuoteMatch(line.start(2), end, "direct", colon, ":", "neutral", Speaker(entity.name, entity, name))


def _first_person(paragraph: str) -> bool:
    words = {w.strip(".,;:!?\u2019'\"").lower() for w in paragraph.split()}
    return bool(words & _FIRST_PERSON)


def _subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, looking through "went on to say", "and called",
    and through a relative pronoun to its noun ("Trump, who pledged …": Trump)."""
    token = verb
    for _ in range(3):
        for child in token.children:
            if child.dep_ == "nsubj":
                if child.lower_ in ("who", "which", "that") and token.dep_ == "relcl":
                    return token.head
                return child
            if child.dep_ in ("nsubjpass", "auxpass"):
                return None  # "was described as": no one is reported speaking
        if verb.lemma_ == "accord":
            return next((c for t in verb.children for c in t.children if c.dep_ == "pobj"), None)
        if token.dep_ not in ("xcomp", "conj", "advcl") or token.head.i == token.i:
            return None
        token = token.head
    return None


class _SpeakerResolver:
    """Turns the subject of a cue into a speaker: an entity, a pronoun's antecedent, or a phrase."""

    def __init__(self, doc: Doc, quoted: list[_Quotation]) -> None:
        self.doc = doc
        self.entities: list[EntityCluster] = doc._.entities or []
        self.owner: dict[int, EntityCluster] = {}
        for cluster in self.entities:
            for mention in cluster.mentions:
                for i in range(mention.start, mention.end):
                    self.owner[i] = cluster
        self.quoted = quoted

    def speaker(self, subject: Token | None) -> Speaker:
        """The speaker a cue's subject names."""
        if subject is None:
            return Speaker(None, None, None)
        phrase = self._phrase(subject)
        named = self._entity_in(phrase)
        if named is not None:
            return Speaker(named.name, named, phrase)
        if subject.lower_ in _PERSONAL_PRONOUNS | _GROUP_PRONOUNS:
            antecedent = self._antecedent(subject)
            if antecedent is not None:
                return Speaker(antecedent.name, antecedent, phrase)
        if subject.pos_ == "PRON":
            return Speaker(phrase.text, None, phrase)  # unresolved: keep the pronoun, invent no one
        holder = self._role_holder(subject)
        if holder is not None:
            return Speaker(holder.name, holder, phrase)
        return Speaker(phrase.text, None, phrase)

    def _phrase(self, subject: Token) -> Span:
        """The subject's words without relative clauses or trailing appositions."""
        doc = self.doc
        cluster = self.owner.get(subject.i)
        if cluster is not None:
            return next(m for m in cluster.mentions if m.start <= subject.i < m.end)
        end = subject.i + 1
        named = next((c for c in subject.rights if c.dep_ == "appos" and c.i in self.owner), None)
        if named is not None:  # "executive member for finance, Councillor Flo Clucas"
            return self._phrase(named)
        for child in subject.rights:
            if child.dep_ not in ("prep", "compound", "amod", "nummod", "case"):
                break
            end = child.right_edge.i + 1
        start = subject.left_edge.i
        while start < subject.i and doc[start].pos_ in ("ADV", "CCONJ", "PUNCT"):
            start += 1  # "Even China" is China
        if end - start > _MAX_SPEAKER_TOKENS:
            start = max(start, end - _MAX_SPEAKER_TOKENS)
        return doc[start:end]

    def named(self, words: Span) -> EntityCluster | None:
        """The known entity a short name stands for, in any case ("PENCE", "Mike Pence")."""
        owner = self._entity_in(words)
        if owner is not None:
            return owner
        key = " ".join(t.lower_ for t in words)
        return next((c for c in self.entities if c.key == key), None) or person_called(words.text.title(), self.entities)

    def _entity_in(self, phrase: Span) -> EntityCluster | None:
        """The entity a subject phrase names as the speaker.

        The entity heading the phrase; else a person in it ("director at
        Barnardo's Chris Hanvey"), unless only as a possessive ("Pagliano's
        lawyer"); else an organisation a spokesperson or a report speaks for
        ("a spokesperson for the LGA", "research from NCVO"), but not one that
        merely describes the speaker ("the GOP nominee").
        """
        root = phrase.root
        if root.i in self.owner:
            return self.owner[root.i]
        named = [t for t in phrase if t.i in self.owner and not _possessive(t)]
        people = [self.owner[t.i] for t in named if self.owner[t.i].kind == "person"]
        if people:
            return people[-1]
        for token in named:
            if token.head.dep_ == "prep" and token.head.head.lemma_.lower() in _VOICE_NOUNS:
                return self.owner[token.i]
        if len(phrase) == 1 and phrase[0].pos_ == "PROPN":
            return person_called(phrase.text, self.entities)  # "Hanvey" the model did not tag
        return None

    def _antecedent(self, pronoun: Token) -> EntityCluster | None:
        """The last person (he, she) or organisation (it, they) named before a pronoun.

        Names inside quotations and bylines are skipped, and within the
        nearest sentence that names one, a name in subject position wins.
        """
        kind = "person" if pronoun.lower_ in _PERSONAL_PRONOUNS else "organisation"
        earlier = [i for i, c in self.owner.items() if i < pronoun.i and c.kind == kind and not c.byline
                   and not _inside(self.doc[i].idx, self.quoted)]
        if not earlier:
            return None
        sentence = sentence_of(self.doc[max(earlier)])
        in_sentence = [i for i in earlier if sentence.start <= i < sentence.end]
        subjects = [i for i in in_sentence if _in_subject(self.doc[i])]
        return self.owner[max(subjects or in_sentence)]

    def _role_holder(self, subject: Token) -> EntityCluster | None:
        """The one person whose title ends in the subject's noun ("the minister")."""
        if subject.pos_ != "NOUN":
            return None
        holders = [c for c in self.entities if c.kind == "person"
                   and any(r.title.root.lemma_.lower() == subject.lemma_.lower() for r in c.roles)]
        return holders[0] if len(holders) == 1 else None


# Nouns that speak for the organisation after them: "a spokesperson for", "research from".
_VOICE_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "representative", "statement", "report",
                "research", "study", "survey", "analysis", "review", "letter", "paper", "official",
                "officials", "source", "sources", "figure", "figures", "data", "poll", "memo", "chief",
                "head", "director", "leader", "chair", "chairman", "chairwoman", "president", "secretary"}


def _possessive(token: Token) -> bool:
    """Whether a name only modifies the phrase as a possessive ("Pagliano's lawyer")."""
    while token.dep_ in ("compound", "flat"):
        token = token.head
    return token.dep_ == "poss"


def _in_subject(token: Token) -> bool:
    """Whether a token is, or sits inside, the subject of a clause."""
    while token.head.i != token.i:
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ in ("dobj", "ccomp", "advcl", "relcl", "xcomp"):
            return False
        token = token.head
    return False


class QuoteFinder:
    """Pipeline component: ``doc._.quotes`` = `find_quotes(doc)`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = list(find_quotes(doc))
        return doc


@Language.factory("pckg_quotes", assigns=["doc._.quotes"],
                  requires=["doc._.entities", "doc._.furniture", "token.dep"])
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    """Create the quote and reported-speech component."""
    return QuoteFinder(name)
