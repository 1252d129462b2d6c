"""The pure-Python text passes take time linear in the text, whatever its shape.

Each hostile shape is 200,000 characters; a quadratic pass on any of them takes minutes
(a 100 KB article of blank lines took 71 s before the "More from" pattern was fixed).
"""

from __future__ import annotations

import time

import pytest

from extractors.furniture import furniture_spans
from extractors.metadata import read_metadata
from extractors.text import normalise

N = 200_000
SHAPES = {
    "blank lines": "a\n" + "\n" * N + "b.",
    "spaces": "a" + " " * N + "b.",
    "punctuation line": "-" * N,
    "spaced punctuation": "- " * (N // 2),
    "short lines": "-\n" * (N // 2),
    "commas and breaks": ",\n" * (N // 2),
    "more from and spaces": "More from " + " " * N + "x",
    "writes and spaces": ", writes" + " " * N + "x",
    "byline words": "By " + "Aa " * (N // 3),
    "carriage returns": "a" + "\r\n" * (N // 2) + "b",
    "bullets": "\u2022 x\n" * (N // 4),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_text_passes_are_linear(shape):
    text = SHAPES[shape]
    started = time.perf_counter()
    assert len(normalise(text)) == len(text)
    furniture_spans(text)
    read_metadata(text)
    assert time.perf_counter() - started < 5, shape


def test_an_article_of_blank_lines_extracts_in_seconds(extract):
    started = time.perf_counter()
    record = extract("a\n" + "\n" * 100_000 + "b.")
    assert record.id == "t" and time.perf_counter() - started < 15
