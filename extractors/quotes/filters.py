"""What looks like a claim but is none: a negated cue ("did not say whether"), a question put
to the speaker ("Asked whether…"), "declined to comment", a teaser line ("READ MORE: …"),
the second copy of a claim (a photo caption repeating a sentence of the story), and a
title in quote marks ("said on “Meet the Press” that…")."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.tokens import Token

from extractors.lexicons import QuoteLexicon
from extractors.quotes.matches import Quotation, QuoteMatch

__all__ = ["no_claim", "teaser_line", "first_copies", "title_quotation"]

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_TITLE_CONTEXT_WORDS = 12
"""Words on each side of a quotation that tell running text from a headline."""
_RUNNING_TEXT_WORDS = 2
"""Lowercase words around a quotation that make its line running text, not a headline."""


def no_claim(cue: Token, lexicon: QuoteLexicon) -> bool:
    """Whether a cue reports nothing said.

    "did not say whether", "never said that" (negated); "asked for anonymity",
    "declined comment" (an object in `not_claim_objects`); "Asked whether he would
    run, …", "When asked about…" (a question put to the speaker, whose answer is
    the claim); "declined to comment", "refused to say" (a verb in `declining_verbs`
    over the cue).
    """
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    objects = [c for c in cue.children if c.dep_ == "dobj"] + [
        g for c in cue.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if any(o.lemma_.lower() in lexicon.not_claim_objects for o in objects):
        return True  # "asked for anonymity", "declined comment"
    if cue.lemma_ == "ask" and cue.tag_ == "VBN" and not any(c.dep_.startswith("nsubj") for c in cue.children):
        return True  # "Asked whether…, she said": the asker's question is no claim of hers
    head = cue
    while head.dep_ == "xcomp" and head.head.i != head.i:  # "declined to comment", "would not want to say"
        head = head.head
        if head.lemma_.lower() in lexicon.declining_verbs or any(c.dep_ == "neg" for c in head.children):
            return True
    return False


def teaser_line(text: str, offset: int, lexicon: QuoteLexicon) -> bool:
    """Whether the line holding `offset` opens with a teaser label ("READ MORE: …")."""
    start = text.rfind("\n", 0, offset) + 1
    label = re.match(r"\W*([\w' ]{1,20}?)\s*[:|\u2014\u2013-]", text[start : start + 30])
    return label is not None and label.group(1).lower().replace("\u2019", "'") in lexicon.teaser_labels


def first_copies(matches: Iterable[QuoteMatch], text: str) -> Iterator[QuoteMatch]:
    """The matches without the later copies of one claim: the same words by the same speaker
    (a caption or a pull quote repeating a sentence of the story) are one claim."""
    seen: set[tuple[str, str | None]] = set()
    for match in matches:
        key = (" ".join(re.findall(r"\w+", " ".join(text[s:e] for s, e in match.spans).lower())), match.speaker.name)
        if key in seen:
            continue
        seen.add(key)
        yield match


def title_quotation(text: str, quotation: Quotation, lexicon: QuoteLexicon) -> bool:
    """Whether a quotation is a title amid running text: a show, a book, an event or a slogan
    ("said on “Meet the Press” that…", "his book “The Art of the Deal”").

    Every word is capitalised but the short words of `title_words`, and some of the
    words around it on its line are not: in a headline, where every word is
    capitalised, a capitalised quotation is no sign of a title. Shouted words ("“THIS
    IS NOT OK”") and words introduced by a colon are no title.
    """
    words = _WORD.findall(text[quotation.start : quotation.end])
    if len(words) < 2 or not words[0][0].isupper() or not any(c.islower() for w in words for c in w):
        return False
    if not all(w[0].isupper() or w.lower() in lexicon.title_words for w in words):
        return False
    if text[: quotation.start].rstrip(" \u201c\u2018\"'").endswith(":"):
        return False  # "She wrote: “Stop The Closures Now.”": introduced as words said
    line_start = text.rfind("\n", 0, quotation.start) + 1
    line_end = text.find("\n", quotation.end)
    before = _WORD.findall(text[line_start : quotation.start])[-_TITLE_CONTEXT_WORDS:]
    after = _WORD.findall(text[quotation.end : line_end if line_end >= 0 else len(text)])[:_TITLE_CONTEXT_WORDS]
    return sum(w[0].islower() for w in before + after) >= _RUNNING_TEXT_WORDS
