"""How the pure-Python text passes scale on hostile text (a benchmark, not a test).

For each shape of tests/text_shapes.py, times normalisation, furniture and metadata at `n`
and `2n` characters (the best of three) and prints the ratio: about 2 for a linear pass,
4 for a quadratic one.

Usage::

    .venv/bin/python benchmarks/linear_time.py [--chars 200000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from extractors.furniture import furniture_spans  # noqa: E402
from extractors.metadata import read_metadata  # noqa: E402
from extractors.text import normalise  # noqa: E402
from text_shapes import hostile_shapes  # noqa: E402


def seconds(text: str) -> float:
    """The best of three runs of the text passes over `text`."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        normalise(text)
        furniture_spans(text)
        read_metadata(text)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=200_000)
    n = parser.parse_args().chars
    small, large = hostile_shapes(n), hostile_shapes(2 * n)
    width = max(map(len, small))
    for shape in small:
        one, two = seconds(small[shape]), seconds(large[shape])
        print(f"{shape:<{width}}  {one:6.3f} s  {two:6.3f} s  x{two / one if one else float('nan'):.1f}")


if __name__ == "__main__":
    main()
