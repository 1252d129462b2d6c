"""Quotes over several paragraphs: one match per paragraph, later ones marked as going on.

News runs a long quotation over several paragraphs, re-opening the quote mark
at each; the gold files and the records count one claim per paragraph, the
later ones pointing back to the first (`QuoteMatch.continues`).
"""

from __future__ import annotations

from typing import Iterable, Iterator

from extractors.quotes.matches import QuoteMatch

__all__ = ["by_paragraph"]

_OPENING_MARKS = "\u201c\u201e\"'\u2018 "
_CLOSING_MARKS = "\u201d\"'\u2019 ,"


def by_paragraph(matches: Iterable[QuoteMatch], text: str) -> Iterator[QuoteMatch]:
    """Yield the matches in order, each one that runs over a paragraph break cut into one
    match per paragraph; the later pieces have ``attribution="continued"`` and
    ``continues`` set to the position (in the yielded order) of the first.

    Examples
    --------
    >>> from extractors.quotes.matches import Speaker
    >>> text = "First part.\\n\\n“Second part."
    >>> match = QuoteMatch(0, len(text), "direct", None, "said", "neutral", Speaker("Ann Lee", None, None))
    >>> [(text[m.start : m.end], m.continues) for m in by_paragraph([match], text)]
    [('First part.', None), ('Second part.', 0)]
    """
    position = 0
    for match in matches:
        pieces = _pieces(text, match.start, match.end) if not match.parts or len(match.parts) == 1 else []
        if len(pieces) <= 1:
            yield match
            position += 1
            continue
        head = position
        for number, (start, end) in enumerate(pieces):
            if number == 0:
                yield match._replace(start=start, end=end, parts=())
            else:
                yield match._replace(start=start, end=end, parts=(), attribution="continued", continues=head)
            position += 1


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs of ``text[start:end]``, each without blank edges and quote marks."""
    pieces = []
    offset = start
    for line in text[start:end].split("\n"):
        s, e = offset, offset + len(line)
        offset = e + 1
        while s < e and text[s] in _OPENING_MARKS:
            s += 1
        while e > s and (text[e - 1] in _CLOSING_MARKS or text[e - 1].isspace()):
            e -= 1
        if e > s and any(ch.isalnum() for ch in text[s:e]):
            pieces.append((s, e))
    return pieces
