"""CSV files written a thousand rows at a time, atomically, with cells made safe for spreadsheets.

Text from articles may start like a spreadsheet formula (``=HYPERLINK(...)``, ``+``, ``-``,
``@``): such text cells get a leading ``'``, which spreadsheets show as text and do not run.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from typing import Any

from kg.readwrite._atomic import atomic_open

__all__ = ["write_csv", "inert"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")  # and full-width forms


def write_csv(path: str | os.PathLike[str], rows: Iterable[list[Any]], *, bom: bool = False,
              formulas: bool = False) -> None:
    """Write rows (the header first) as CSV, atomically: UTF-8, with a byte-order mark when `bom`;
    text cells `inert` unless `formulas`; numbers as they are; rows ending with ``\\r\\n``."""
    with atomic_open(path) as fh:
        if bom:
            fh.write("\ufeff".encode("utf-8"))
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        for n, row in enumerate(rows, 1):
            writer.writerow(row if formulas else [inert(cell) if isinstance(cell, str) else cell for cell in row])
            if n % 1000 == 0:
                fh.write(buffer.getvalue().encode("utf-8"))
                buffer.seek(0)
                buffer.truncate()
        fh.write(buffer.getvalue().encode("utf-8"))


def inert(cell: str) -> str:
    """A text cell a spreadsheet will not run as a formula (a leading ``'`` where it would)."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell
