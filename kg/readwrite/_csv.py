"""CSV files written a thousand rows at a time, atomically, with cells made safe for spreadsheets.

Text from articles may start like a spreadsheet formula (``=HYPERLINK(...)``, ``+``, ``-``,
``@``): such text cells get a leading ``'``, which spreadsheets show as text and do not run.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from itertools import islice
from types import SimpleNamespace
from typing import Any

from kg.readwrite._atomic import atomic_open

__all__ = ["write_csv", "write_csv_lines", "csv_line"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")  # and full-width forms
_LINE = csv.writer(SimpleNamespace(write=str)).writerow  # returns the line instead of writing it


def write_csv(path: str | os.PathLike[str], rows: Iterable[list[Any]], *, bom: bool = False,
              formulas: bool = False) -> None:
    """Write rows (the header first) as CSV, atomically: UTF-8, with a byte-order mark when `bom`;
    cells as `csv_line` makes them."""
    write_csv_lines(path, (csv_line(row, formulas=formulas) for row in rows), bom=bom)


def write_csv_lines(path: str | os.PathLike[str], lines: Iterable[str], *, bom: bool = False) -> None:
    """Write lines of CSV text (`csv_line`) as they come, atomically, in UTF-8 (with a byte-order
    mark when `bom`)."""
    lines = iter(lines)
    with atomic_open(path) as fh:
        if bom:
            fh.write("\ufeff".encode("utf-8"))
        while chunk := "".join(islice(lines, 1000)):
            fh.write(chunk.encode("utf-8"))


def csv_line(cells: list[Any], *, formulas: bool = False) -> str:
    """One row as CSV text ending with ``\\r\\n`` (quoted as `csv.writer` quotes), a text cell that
    starts like a formula (``=``, ``+``, ``-``, ``@``, ...) with a leading ``'`` unless `formulas`."""
    if formulas:
        return _LINE(cells)
    return _LINE([("'" + cell if cell.startswith(_FORMULA_STARTS) else cell) if isinstance(cell, str) else cell
                  for cell in cells])
