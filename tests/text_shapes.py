"""Hostile shapes of text for the pure-Python text passes (a quadratic regular expression on any
of them takes minutes): used by tests/test_linear_time.py and benchmarks/linear_time.py."""

from __future__ import annotations


def hostile_shapes(n: int) -> dict[str, str]:
    """Each shape, about `n` characters long."""
    return {
        "blank lines": "a\n" + "\n" * n + "b.",
        "spaces": "a" + " " * n + "b.",
        "punctuation line": "-" * n,
        "spaced punctuation": "- " * (n // 2),
        "short lines": "-\n" * (n // 2),
        "commas and breaks": ",\n" * (n // 2),
        "more from and spaces": "More from " + " " * n + "x",
        "writes and spaces": ", writes" + " " * n + "x",
        "byline words": "By " + "Aa " * (n // 3),
        "carriage returns": "a" + "\r\n" * (n // 2) + "b",
        "bullets": "\u2022 x\n" * (n // 4),
    }
