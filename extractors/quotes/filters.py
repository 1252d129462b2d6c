"""What looks like a claim but is none: a negated cue ("did not say whether"), a question put
to the speaker ("Asked whether…"), "declined to comment", a teaser line ("READ MORE: …"),
and the second copy of a claim (a photo caption repeating a sentence of the story)."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.tokens import Token

from extractors.lexicons import QuoteLexicon
from extractors.quotes.matches import QuoteMatch

__all__ = ["no_claim", "teaser_line", "first_copies"]


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
