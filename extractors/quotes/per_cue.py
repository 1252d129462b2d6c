"""One claim per cue: what one reporting verb reports in a paragraph is one claim, however
many pieces the rules found it in.

"She said the goal was not to “make America great again” but to “make America
whole again”" gives a reported clause and, for the quotation the clause left
out, a direct quote with the same cue; "One offered shelter while others “did
not want to help”, he said" gives two pieces around a quotation. They are one
claim in several `parts` (the gold files and the records count a claim split
by its cue the same way).
"""

from __future__ import annotations

from typing import Iterable

from extractors.quotes.matches import QuoteMatch

__all__ = ["one_claim_per_cue"]


def one_claim_per_cue(matches: Iterable[QuoteMatch], text: str) -> list[QuoteMatch]:
    """The matches in order, those of one cue in one paragraph joined into one.

    Parameters
    ----------
    matches : iterable of QuoteMatch
        In reading order.
    text : str
        The document's text.

    Returns
    -------
    list of QuoteMatch
        A joined match keeps the first piece's speaker; its `parts` are the pieces'
        spans in order (overlapping ones merged), its type ``mixed`` when the pieces'
        types differ.

    Examples
    --------
    >>> import spacy
    >>> from extractors.quotes.matches import Speaker
    >>> doc = spacy.blank("en")("It was “late” and “too small”, she said.")
    >>> said, lee = doc[-2:-1], Speaker("Ann Lee", None, None)
    >>> first = QuoteMatch(8, 12, "mixed", said, "said", "neutral", lee)
    >>> second = QuoteMatch(19, 28, "mixed", said, "said", "neutral", lee)
    >>> [(m.start, m.end, m.parts) for m in one_claim_per_cue([first, second], doc.text)]
    [(8, 28, ((8, 12), (19, 28)))]
    """
    found: list[QuoteMatch] = []
    by_cue: dict[int, int] = {}  # the cue's first token -> position in `found`
    for match in matches:
        cue = match.cue
        key = cue.start if cue is not None and match.attribution == "cue" else None
        at = by_cue.get(key) if key is not None else None
        if at is not None and "\n" not in text[min(found[at].end, match.end) : max(found[at].start, match.start)]:
            found[at] = _joined(found[at], match)
            continue
        if key is not None:
            by_cue[key] = len(found)
        found.append(match)
    return sorted(found, key=lambda m: m.start)


def _joined(first: QuoteMatch, second: QuoteMatch) -> QuoteMatch:
    spans: list[tuple[int, int]] = []
    for start, end in sorted(first.spans + second.spans):
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    type_ = first.type if first.type == second.type else "mixed"
    return first._replace(start=spans[0][0], end=spans[-1][1], type=type_,
                          parts=tuple(spans) if len(spans) > 1 else ())
