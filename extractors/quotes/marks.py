"""Quote marks: pair them paragraph by paragraph into `Quotation`s, recovering from stray ones.

Real articles have unbalanced marks: an unbalanced mark only costs its own
paragraph, never the article, and a quote left open at a paragraph end runs
on to the next closing mark (the news convention for quotes over several
paragraphs).
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.quotes.matches import Quotation, QuoteSettings

__all__ = ["quotations", "paragraph_spans", "first_char"]

OPENING_DOUBLE, CLOSING_DOUBLE = "\u201c\u201e", "\u201d"
OPENING_SINGLE, CLOSING_SINGLE = "\u2018", "\u2019"
_BEFORE_OPENING = " \n([{\u2014\u2013-:;,"
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\u201c\"])")


def quotations(text: str, settings: QuoteSettings = QuoteSettings()) -> list[Quotation]:
    """Pair the quote marks of `text`, recovering from unbalanced ones.

    Double marks may span paragraphs: a paragraph that leaves a quote open
    continues it when the next paragraph re-opens it (the news convention) or
    when the next mark in the text closes it. Otherwise the open mark is read
    as quoting one sentence. Single marks pair only inside one paragraph
    and only outside double quotes, where they are nested quotes.

    Examples
    --------
    >>> text = 'He said "we will win" and left.'
    >>> [text[q.start : q.end] for q in quotations(text)]
    ['we will win']
    """
    found: list[Quotation] = []
    paragraphs = paragraph_spans(text)
    open_at: int | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        single_open: int | None = None
        i = p_start
        while i < p_end:
            kind = _mark_kind(text, i)
            if kind == "open2":
                if open_at is None:
                    open_at = i
                elif i != first_char(text, p_start, p_end):
                    open_at = i  # the earlier mark was stray; recover from here
            elif kind == "close2" and open_at is not None:
                found.append(Quotation(_after_mark(text, open_at), i))
                open_at = None
            elif open_at is None and kind == "open1":
                single_open = i
            elif open_at is None and kind == "close1" and single_open is not None:
                found.append(Quotation(single_open + 1, i))
                single_open = None
            i += 1
        if open_at is not None and not _continues(text, paragraphs, index, settings.max_continued_paragraphs):
            start = _after_mark(text, open_at)
            found.append(Quotation(start, _first_sentence_end(text, start, p_end), closed=False))
            open_at = None
    if open_at is not None:
        start = _after_mark(text, open_at)
        found.append(Quotation(start, _first_sentence_end(text, start, len(text)), closed=False))
    return [q for q in found if text[q.start : q.end].strip()]


@lru_cache(maxsize=4)
def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each non-blank line of `text` (kept for the last few texts: the rules
    ask for a document's paragraphs once per quotation)."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return tuple((s, e) for s, e in spans if text[s:e].strip())


def first_char(text: str, start: int, end: int) -> int:
    """The offset of the first non-space character in ``text[start:end]`` (`end` if none)."""
    while start < end and text[start].isspace():
        start += 1
    return start


def _first_sentence_end(text: str, start: int, end: int) -> int:
    """Where the first sentence after a quote mark that is never closed ends.

    A stray mark should not swallow the reporting clauses that follow it.
    """
    found = _SENTENCE_END.search(text, start, end)
    return found.end() if found else end


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


def _continues(text: str, paragraphs: list[tuple[int, int]], index: int, max_paragraphs: int) -> bool:
    """Whether a double quote left open in paragraph `index` goes on after it."""
    following = paragraphs[index + 1 : index + 1 + max_paragraphs]
    if not following:
        return False
    p_start, p_end = following[0]
    if _mark_kind(text, first_char(text, p_start, p_end)) == "open2":
        return True
    for p_start, p_end in following:
        for i in range(p_start, p_end):
            kind = _mark_kind(text, i)
            if kind == "open2":
                return False
            if kind == "close2":
                return True
    return False
