"""Unmarked speech: block quotes after "X said:" and transcript lines ("PENCE: Well, …")."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from extractors.furniture import in_spans
from extractors.lexicons import QuoteLexicon
from extractors.quotes.cues import cue_at, introducing_cue, quote_match
from extractors.quotes.marks import first_char, paragraph_spans
from extractors.quotes.matches import Quotation, QuoteMatch, QuoteSettings, Speaker
from extractors.quotes.speakers import SpeakerResolver, inside
from extractors.spans import sentence_of, text_of

__all__ = ["block_quotes", "speaker_lines"]

_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "you", "your"})
_THIRD_PERSON = frozenset({"he", "she", "they"})
_LIST_MARKERS = "\u2022\u25ba\u25aa-*"
_SPEAKER_LINE = re.compile(r"[\"\u201c']?([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}):\s+(\S)")


def block_quotes(doc: Doc, marked: list[Quotation], lexicon: QuoteLexicon,
                 resolver: SpeakerResolver) -> Iterator[QuoteMatch]:
    """"X said:" ending a paragraph, then unquoted first-person paragraphs."""
    text = text_of(doc)
    paragraphs = paragraph_spans(text)
    for index, (p_start, p_end) in enumerate(paragraphs):
        if not text[p_start:p_end].rstrip().endswith(":"):
            continue
        last_sentence = sentence_of(doc.char_span(p_start, p_end, alignment_mode="expand")[-1])
        cue_token = introducing_cue(last_sentence, lexicon)
        if cue_token is None or resolver.subject_of(cue_token) is None:
            continue
        body = []
        for q_start, q_end in paragraphs[index + 1 :]:
            paragraph = text[q_start:q_end]
            if inside(q_start, marked) or inside(first_char(text, q_start, q_end) + 1, marked):
                break
            if (paragraph.lstrip()[:1] in _LIST_MARKERS + "<" or (body and not _first_person(paragraph))
                    or in_spans(q_start, doc._.pckg_furniture or []) or _narrates(doc, q_start, q_end, resolver)):
                break  # a list, embedded markup, the story going on ("Sanders said closed primaries…")
            body.append((q_start, q_end))
        if body:
            start, end = first_char(text, *body[0]), len(text[: body[-1][1]].rstrip())
            yield quote_match(start, end, "block", cue_token, cue_at(cue_token, lexicon),
                              resolver.speaker(resolver.subject_of(cue_token)))


def speaker_lines(doc: Doc, resolver: SpeakerResolver, settings: QuoteSettings) -> Iterator[QuoteMatch]:
    """Transcript and headline lines led by a known speaker: "PENCE: Well, look, …"."""
    text = text_of(doc)
    for p_start, p_end in paragraph_spans(text):
        start = first_char(text, p_start, p_end)
        line = _SPEAKER_LINE.match(text, start, p_end)
        if line is None:
            continue
        name = doc.char_span(line.start(1), line.end(1), alignment_mode="expand")
        entity = resolver.named(name) if name is not None else None
        if entity is None:
            continue
        end = len(text[:p_end].rstrip().rstrip('"\u201d'))
        if len(re.findall(r"[^\W\d_]+", text[line.start(2) : end])) < settings.min_quote_words:
            continue  # "Correction Appended: October 2, 2016": a label, not an utterance
        colon = doc.char_span(line.end(1), line.end(1) + 1, alignment_mode="expand")
        yield QuoteMatch(line.start(2), end, "direct", colon, ":", "neutral", Speaker(entity.name, entity, name),
                         attribution="label")


def _narrates(doc: Doc, start: int, end: int, resolver: SpeakerResolver) -> bool:
    """Whether a paragraph is the story reporting someone's words: a cue whose subject is a
    name or "he", "she" ("Sanders said closed primaries…"), not "people tell me"."""
    lexicon = resolver.lexicon
    span = doc.char_span(start, end, alignment_mode="contract")
    for token in span or ():
        subject = resolver.subject_of(token) if cue_at(token, lexicon) is not None else None
        if subject is not None and token.lemma_.lower() not in lexicon.direct_only_cues and (
                subject.pos_ == "PROPN" or subject.lower_ in _THIRD_PERSON):
            return True
    return False


def _first_person(paragraph: str) -> bool:
    words = {w.strip(".,;:!?\u2019'\"").lower() for w in paragraph.split()}
    return bool(words & _FIRST_PERSON)
