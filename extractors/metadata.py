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
_TWO_LINE_HEADLINE_MAX_WORDS = 30
_DATE_LINE_MAX_WORDS = 8  # "Thursday, 25 February 2010 at 09:30 GMT"; longer lines are sentences
_HEADLINE_STOP = re.compile(r"\.([\"'\u2019\u201d]?)$")  # "... Bad Optics." and "... 'Terrifying.'"
# "Published: 25 February 2010", "Updated 3 March 2016, 10:02": a line that starts with the label.
_LABELLED_DATE = re.compile(r"^[^\S\n]*(?:first |last )?(?:published|posted|updated)\b[^\n]{0,60}",
                            re.IGNORECASE | re.MULTILINE)
# A line that starts with its date: "June 29, 2006 in Workforce", "Thursday, 25 February 2010".
_DATE_FIRST = re.compile(rf"^(?:[A-Z][a-z]+day,?\s+)?(?:{_MONTH} {_DAY}|{_DAY} {_MONTH}|(?:19|20)\d\d-\d\d-\d\d)")
_SENTENCE_ENDS = ".!?:\"'\u201d\u2019)|"
# The place and date that open a wire story, up to its dash: "WASHINGTON, March 3, 2016 (Reuters) -".
_DATELINE = re.compile(r"^([A-Z][^\n]{0,80}?)[ \t]+[-\u2013\u2014]+[ \t]")
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


def read_metadata(text: str, furniture: list[tuple[int, int]] | None = None) -> TextMetadata:
    """Title, date and publication of an article, from its text (and its page furniture, as
    `furniture_spans` finds it, when known).

    The title is the headline: the last heading-like line (short, not a date,
    byline or sentence of prose) before the first paragraph of prose, after any
    page furniture; a headline line that ends with a full stop is taken when it
    is the first such line and a paragraph of its own. The date comes only from
    where an article states its own: a line labelled "Published", "Posted" or
    "Updated", a byline line ("By Jo Bloggs | Feb 3, 2016"), a line that is only
    a date before the story starts, or a dateline with a year ("WASHINGTON, March
    3, 2016 (Reuters) -"); never from a date mentioned in the story.

    Examples
    --------
    >>> read_metadata("Pay rises for nurses\\nBy Jo Bloggs\\nThursday, 25 February 2010\\n"
    ...               "Nurses in England will receive a pay rise of three per cent this year, the "
    ...               "government said today.")
    TextMetadata(title='Pay rises for nurses', date='2010-02-25', author='Jo Bloggs', publication=None)
    """
    header, story = _header(text)
    title = _title(header, story is not None) or _first_paragraph_title(text)
    furniture = furniture_spans(text) if furniture is None else furniture
    return TextMetadata(title, _date(text, header, story, furniture), _author(text), _publication(text, furniture))


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


class _Line(NamedTuple):
    text: str
    """Stripped, with single spaces."""
    alone: bool
    """A paragraph of its own: blank lines (or the start or end of the text) around it."""


def _header(text: str) -> tuple[list[_Line], str | None]:
    """The non-blank lines before the first line of prose, and that line.

    A line is prose when it is long and mostly in lower case, or when its paragraph is and the
    line itself is mostly in lower case (hard-wrapped text: "PEOPLE living" under an all-capitals
    headline)."""
    lines = text.split("\n")
    header: list[_Line] = []
    paragraph_prose = False
    for k, raw in enumerate(lines):
        words = raw.split()
        if not words:
            continue
        if k == 0 or not lines[k - 1].strip():  # a paragraph starts: is it prose, taken whole?
            paragraph_prose = _prose(_paragraph_words(lines, k))
        lower = sum(w[:1].islower() for w in words)
        if lower >= len(words) / 2 and (len(words) >= _PROSE_MIN_WORDS or (paragraph_prose and len(words) > 1)):
            return header, " ".join(words)
        alone = (k == 0 or not lines[k - 1].strip()) and (k + 1 == len(lines) or not lines[k + 1].strip())
        header.append(_Line(" ".join(words), alone))
    return header, None


def _paragraph_words(lines: list[str], start: int) -> list[str]:
    """The first words of the paragraph that starts at line `start` (enough to judge it)."""
    words: list[str] = []
    for line in lines[start:]:
        if not line.strip() or len(words) >= _PROSE_MIN_WORDS * 2:
            break
        words.extend(line.split())
    return words


def _prose(words: list[str]) -> bool:
    return len(words) >= _PROSE_MIN_WORDS and sum(w[:1].islower() for w in words) >= len(words) / 2


def _title(header: list[_Line], story: bool) -> str | None:
    """The last heading-like line of the header; one ending with a full stop only as the first,
    with more text after it (`story`: a paragraph of prose follows the header)."""
    candidate = None
    for k, line in enumerate(header):
        text = line.text
        if (len(text.split()) > _HEADING_MAX_WORDS or parse_date(text) or not any(c.isalpha() for c in text)
                or text.lower().startswith("by ") or text[-1] in ":;,"):
            continue
        headline = _HEADLINE_STOP.sub(r"\1", text)
        if headline != text and (candidate is not None or not line.alone or (k + 1 == len(header) and not story)):
            continue  # a sentence: a headline ends without a full stop unless it stands alone, first
        candidate = headline
    return candidate


def _first_paragraph_title(text: str) -> str | None:
    """The first paragraph as the headline, when more text follows it and it is one short line, or
    two of which the first ends with ";" (a headline and its subheading): "Super PAC haul surges
    past $1B; \\nSmall group of rich donors pushes tally beyond total for 2012."."""
    stripped = text.lstrip()
    first, blank, rest = stripped.partition("\n\n")
    lines = [line.strip() for line in first.split("\n") if line.strip()]
    if (not blank or not rest.strip() or not lines or len(lines) > 2 or (len(lines) == 2 and lines[0][-1] != ";")
            or len(first.split()) > _TWO_LINE_HEADLINE_MAX_WORDS or first.lower().startswith("by ")
            or _DATELINE.match(first)):
        return None
    return _HEADLINE_STOP.sub(r"\1", " ".join(" ".join(lines).split()))


def _date(text: str, header: list[_Line], story: str | None, furniture: list[tuple[int, int]]) -> str | None:
    """The article's own date: labelled, in a byline, a line of its own, or the dateline."""
    for match in _LABELLED_DATE.finditer(text):
        found = parse_date(match.group(0))
        if found:
            return found
    for line in header:
        if line.text.lower().startswith("by ") or len(line.text.split()) <= _DATE_LINE_MAX_WORDS:
            found = parse_date(line.text)
            if found:
                return found
    previous = ""
    for line in _after_story(text, furniture):  # "June 29, 2006 in Workforce" under a blog post
        if (line and len(line.split()) <= _DATE_LINE_MAX_WORDS and line[-1] != "." and _DATE_FIRST.match(line)
                and not _runs_on(previous)):
            found = parse_date(line)
            if found:
                return found
        previous = line
    dateline = _DATELINE.match(story or "")
    return parse_date(dateline.group(1)) if dateline else None


def _after_story(text: str, furniture: list[tuple[int, int]]) -> list[str]:
    """The stripped lines after the story's last line of prose (page furniture is not story)."""
    furniture_starts = {start for start, _ in furniture}  # furniture comes in whole lines
    lines, start, last = [], 0, 0
    for raw in text.split("\n"):
        lines.append(raw.strip())
        if start not in furniture_starts and _prose(raw.split()):
            last = len(lines)
        start += len(raw) + 1
    return lines[last:]


def _runs_on(line: str) -> bool:
    """Whether a line of hard-wrapped prose goes on to the next: it ends in a word in lower case."""
    return bool(line) and line[-1] not in _SENTENCE_ENDS and line.split()[-1][:1].islower()


_WORD = r"[A-Z][\w'\u2019.-]+"
_NAME_ON_LINE = rf"({_WORD}(?:[ \t]+(?:{_WORD}|de|van|von|da)){{1,3}})"
_NAME_WRAPPED = rf"({_WORD}(?:\s+(?:{_WORD}|de|van|von|da)){{1,3}})"  # may run over a line break
_BYLINE = re.compile(rf"^[ \t]*By:?[ \t]+{_NAME_ON_LINE}[ \t]*$", re.MULTILINE)
_WRITES = re.compile(rf",\s+writes\s+{_NAME_WRAPPED}\s*\.?\s*$", re.MULTILINE)


def _author(text: str) -> str | None:
    """The writer named in a byline: "By Loretta Hudson", "…, writes Sally Gillen."."""
    found = _BYLINE.search(text) or _WRITES.search(text)
    return " ".join(found.group(1).split()) if found else None


def _publication(text: str, furniture: list[tuple[int, int]]) -> str | None:
    """The site named by "More from X", or a short line the page header repeats."""
    more = _MORE_FROM.search(text)
    if more:
        return more.group(1).strip()
    header = [text[s:e].strip() for s, e in furniture][:30]
    repeated = [line for line in header if header.count(line) >= 2 and len(line.split()) <= 5
                and not line.lstrip().startswith(("\u2022", "-", "*"))]
    return repeated[0] if repeated else None
