"""Same-length text normalisation, so that spaCy sees clean prose while every
character offset still points into the original article.

News text arrives hard-wrapped ("Sally\\nGillen"), with curly apostrophes that
the small English model reads badly ("Barnardo’s Chris Hanvey" becomes one
organisation). Each fix here replaces one character by one character.
"""

from __future__ import annotations

import re
import statistics

__all__ = ["normalise", "BULLETS", "DASHES"]

BULLETS = "•►▪‣◦●■·"
DASHES = "-–—*"  # list markers only after a finished line, otherwise a dash in prose
_TERMINAL = ".!?:;"
_SENTENCE_END = ".!?"
_CLOSING_QUOTES = "\u201d\u2019\"')"
_WRAPPED_MAX = 100  # a text whose typical line is longer than this is not hard-wrapped
_WRAPPED_MIN = 50  # nor one whose lines are all short (headings, menus)
_INTRAWORD_APOSTROPHE = re.compile(r"(?<=\w)[\u2019\u02bc](?=\w)")
_COLON_DASH = re.compile(r":[-\u2013\u2014](?=\s|$)")  # "said:-" reads as "said:"


def normalise(text: str) -> str:
    """Return `text` with soft line breaks as spaces and word-internal ’ as '.

    The result has exactly the length of `text`, so offsets are shared.
    A line break is kept where it ends a paragraph, a heading or a list item,
    and turned into a space where it only wraps a line (a list item only goes
    on in lower case).

    Examples
    --------
    >>> normalise("said Sally\\ngillen.\\n\\nBarnardo’s")
    "said Sally gillen.\\n\\nBarnardo's"
    """
    text = text.replace("\r", " ").replace("\t", " ")
    text = _INTRAWORD_APOSTROPHE.sub("'", text)
    text = _COLON_DASH.sub(": ", text)
    lines = text.split("\n")
    width = _wrap_width(lines)
    out = []
    in_list_item = False
    for i, line in enumerate(lines):
        out.append(line)
        in_list_item = in_list_item or line.strip()[:1] in BULLETS
        if i + 1 < len(lines):
            soft = _is_soft_break(line, lines[i + 1], None if in_list_item else width)
            in_list_item = in_list_item and soft
            out.append(" " if soft else "\n")
    return "".join(out)


def _wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text is wrapped at, or None if it is not wrapped."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 4:
        return None
    typical = statistics.quantiles(lengths, n=10)[-1]  # 90th percentile
    return int(typical) if _WRAPPED_MIN <= typical <= _WRAPPED_MAX else None


def _is_soft_break(line: str, next_line: str, width: int | None) -> bool:
    """Whether the break between `line` and `next_line` only wraps a line."""
    current, following = line.strip(), next_line.strip()
    if not current or not following or following[0] in BULLETS:
        return False
    if following[0] in DASHES and (current[-1] in _TERMINAL or current[0] in BULLETS + DASHES):
        return False
    if current.endswith(":"):
        return False  # introduces a list or a block quote
    if following[0].islower() and current[-1] not in _TERMINAL:
        return True  # the sentence goes on
    if width is None or len(line.rstrip()) < 0.75 * width:
        return False
    # A sentence that ends a line the next word would have fitted on ends its paragraph:
    # "...the most challenging cases.\nWe support..." in a text wrapped at 70 columns.
    ends_sentence = current.rstrip(_CLOSING_QUOTES)[-1:] in _SENTENCE_END
    return not (ends_sentence and len(line.rstrip()) + 1 + len(following.split()[0]) <= width)
