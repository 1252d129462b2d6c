"""Article metadata read from the text itself: title, date and publication.

Used when the input gives none (a plain ``.txt`` file). The byline author
comes from the entity extractor, which knows who is a person.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from extractors.furniture import furniture_spans

__all__ = ["TextMetadata", "read_metadata", "parse_date"]

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d\d)"
_DATES = [
    (re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b"), ("month", "day", "year")),  # May 22, 2022
    (re.compile(rf"\b{_DAY} {_MONTH},? {_YEAR}\b"), ("day", "month", "year")),  # 25 February 2010
    (re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"), ("year", "month", "day")),  # 2010-02-25
]
_HEADING_MAX_WORDS = 20
_PROSE_MIN_WORDS = 12  # a line this long, mostly in lower case, is prose
# Linear on any text: no "\s*" that could run across lines (blank lines made it quadratic), and a
# greedy group to the end of the line (stripped after) instead of a lazy one before "\s*$".
_MORE_FROM = re.compile(r"^[^\S\n]*More (?:from|on) (.+)$", re.IGNORECASE | re.MULTILINE)


class TextMetadata(NamedTuple):
    """What the text says about itself; None where it does not say."""

    title: str | None
    date: str | None
    """ISO date, e.g. ``2010-02-25``."""
    author: str | None
    publication: str | None


def read_metadata(text: str) -> TextMetadata:
    """Title, date and publication of an article, from its text.

    Examples
    --------
    >>> read_metadata("Pay rises for nurses\\nBy Jo Bloggs\\nThursday, 25 February 2010\\n"
    ...               "Nurses in England will receive a pay rise of three per cent this year, the "
    ...               "government said today.")
    TextMetadata(title='Pay rises for nurses', date='2010-02-25', author='Jo Bloggs', publication=None)
    """
    return TextMetadata(_title(text), _first_date(text), _author(text), _publication(text))


def parse_date(value: str) -> str | None:
    """An ISO date for the first date written in `value`, in the usual news formats."""
    found = [(m.start(), m, fields) for pattern, fields in _DATES if (m := pattern.search(value))]
    for _, match, fields in sorted(found, key=lambda f: f[0]):
        parts = dict(zip(fields, match.groups()))
        month = parts["month"]
        month_number = int(month) if month.isdigit() else _MONTHS.get(_month_name(month))
        try:
            return date(int(parts["year"]), month_number or 0, int(parts["day"])).isoformat()
        except ValueError:
            continue
    return None


def _month_name(abbreviation: str) -> str:
    key = abbreviation.lower().rstrip(".")
    return next((m for m in _MONTHS if m.startswith(key[:3])), key)


def _first_date(text: str) -> str | None:
    return parse_date(text)


def _title(text: str) -> str | None:
    """The last heading-like line (short, not a date, byline or sentence) before the
    first paragraph of prose."""
    candidate = None
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        words = line.split()
        lower = sum(w[:1].islower() for w in words)
        if len(words) >= _PROSE_MIN_WORDS and lower >= len(words) / 2:
            return candidate
        if (len(words) <= _HEADING_MAX_WORDS and not parse_date(line) and any(c.isalpha() for c in line)
                and not line.lower().startswith("by ") and line[-1] not in ".:;,"):
            candidate = " ".join(words)
    return candidate


_WORD = r"[A-Z][\w'\u2019.-]+"
_NAME_ON_LINE = rf"({_WORD}(?:[ \t]+(?:{_WORD}|de|van|von|da)){{1,3}})"
_NAME_WRAPPED = rf"({_WORD}(?:\s+(?:{_WORD}|de|van|von|da)){{1,3}})"  # may run over a line break
_BYLINE = re.compile(rf"^[ \t]*By:?[ \t]+{_NAME_ON_LINE}[ \t]*$", re.MULTILINE)
_WRITES = re.compile(rf",\s+writes\s+{_NAME_WRAPPED}\s*\.?\s*$", re.MULTILINE)


def _author(text: str) -> str | None:
    """The writer named in a byline: "By Loretta Hudson", "…, writes Sally Gillen."."""
    found = _BYLINE.search(text) or _WRITES.search(text)
    return " ".join(found.group(1).split()) if found else None


def _publication(text: str) -> str | None:
    """The site named by "More from X", or a short line the page header repeats."""
    more = _MORE_FROM.search(text)
    if more:
        return more.group(1).strip()
    header = [text[s:e].strip() for s, e in furniture_spans(text)][:30]
    repeated = [line for line in header if header.count(line) >= 2 and len(line.split()) <= 5
                and not line.lstrip().startswith(("\u2022", "-", "*"))]
    return repeated[0] if repeated else None
