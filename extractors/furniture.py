"""Page furniture: menus, link lists, "Related articles", comment forms.

Articles saved from the web keep their page's navigation around the story.
`furniture_spans` finds it from the shape of the lines alone, so that
"World Trade Organization" in a site menu or a headline of another story is
never taken for an entity or a quote. It returns character spans of the
original text, which stays untouched.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractors.text import BULLETS

__all__ = ["furniture_spans", "in_spans", "mark_furniture"]

# Headings that open a block of links, forms or adverts rather than story text.
_MARKER = re.compile(
    r"^\W*(related( \w+)?|latest( \w+)?|more (from|on|stories|news)\b.*|read more|most (read|popular|viewed)|"
    r"popular( \w+)?|featured( \w+)?|see also|you (may|might) also like|recommended( \w+)?|categories|tags|"
    r"share( this)?( \w+)?|leave a (reply|comment)|comments?( are closed)?|no comments yet|main menu|menu|"
    r"skip to (main )?content|follow us.*|sign up.*|subscribe.*|advertisement|"
    r"trending( now)?|top stories|in other news|jobs?|job adverts?|jobs board|"
    r"log ?in|sign ?in|register|print( this)?|email( this)?|share on \w+|apply now)\W*$",
    re.IGNORECASE,
)
# One line on its own: an image credit, a login or share prompt. The agencies are searched for
# apart: inside one pattern, "^\W*" and ".*" backtracked against each other (quadratic in the
# length of a line of punctuation).
_SINGLE = re.compile(
    r"^\W*((photo(graph)?|picture|image|credit|illustration)s?\s*:|\(?(photo|picture|image)\s*:|"
    r"(click|tap) here\b|you are commenting using|fill in your details|notify me of)",
    re.IGNORECASE,
)
_AGENCY = re.compile(r"\b(getty images|shutterstock|alamy|pa wire|pa media|reuters/|ap photo)\b", re.IGNORECASE)
_MIN_NAV_RUN = 3  # this many short link-like lines in a row are a menu or link list
_MAX_NAV_WORDS = 14
_PROSE_WORDS = 25  # a paragraph this long, ending a sentence, is story text again


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of `text` that are page furniture, in order.

    A line is furniture when it is a furniture heading ("Related articles:",
    "Comments are closed.", "Jobs"), when it follows such a heading before the
    story text resumes, when it is an image credit or a login or share prompt,
    or when it belongs to a run of short link-like lines (a menu, a list of
    other headlines).

    Examples
    --------
    >>> text = "Story text here.\\nRelated posts:\\nFirst headline\\nSecond headline"
    >>> [text[s:e] for s, e in furniture_spans(text)]
    ['Related posts:', 'First headline', 'Second headline']
    """
    lines = _lines(text)
    furniture = [False] * len(lines)
    after_marker = False
    for i, (start, end) in enumerate(lines):
        line = text[start:end].strip()
        if _SINGLE.match(line) or _AGENCY.search(line):
            furniture[i] = True
        elif _MARKER.match(line):
            furniture[i] = after_marker = True
        elif after_marker and _is_prose(line):
            after_marker = False
        elif after_marker:
            furniture[i] = True
    run: list[int] = []
    for i, (start, end) in enumerate(lines + [(len(text), len(text))]):
        if i < len(lines) and _is_link_like(text[start:end].strip()):
            run.append(i)
            continue
        if len(run) >= _MIN_NAV_RUN:
            for j in run:
                furniture[j] = True
        run = []
    return [span for span, is_furniture in zip(lines, furniture) if is_furniture]


def in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a character offset falls inside one of the spans."""
    return any(start <= offset < end for start, end in spans)


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _is_prose(line: str) -> bool:
    return len(line.split()) >= _PROSE_WORDS and line.rstrip("\"'\u201d\u2019 ")[-1:] in ".!?"


def _is_link_like(line: str) -> bool:
    """A short line that does not end a sentence: a menu item or another story's headline."""
    words = line.lstrip(BULLETS + "-*0123456789. ").split()
    if not words or len(words) > _MAX_NAV_WORDS:
        return False
    return line.rstrip("\"'\u201d\u2019 ")[-1:] not in ".!?:;,"


if not Doc.has_extension("pckg_furniture"):
    Doc.set_extension("pckg_furniture", default=None)  # list[(start, end)] after pckg_furniture


@Language.component("pckg_furniture", assigns=["doc._.pckg_furniture"])
def mark_furniture(doc: Doc) -> Doc:
    """Pipeline component: ``doc._.pckg_furniture`` = `furniture_spans(doc.text)`."""
    doc._.pckg_furniture = furniture_spans(doc.text)
    return doc
