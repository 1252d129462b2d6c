"""``records.jsonl``: one `ArticleRecord` per line, and ``failures.jsonl``."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from extractors.records import ArticleRecord, Failure
from kg.readwrite._atomic import atomic_open

__all__ = ["write_records", "read_records", "write_failures"]


def write_records(records: Iterable[ArticleRecord], path: str | os.PathLike[str]) -> int:
    """Write records as JSON Lines, atomically, as they come; return how many.

    The file appears only when every record is written, so an interrupted run
    leaves the previous file in place.
    """
    count = 0
    with atomic_open(path) as fh:
        for record in records:
            fh.write(record.model_dump_json().encode("utf-8") + b"\n")
            count += 1
    return count


def read_records(path: str | os.PathLike[str]) -> Iterator[ArticleRecord]:
    """Read the records of a ``records.jsonl`` file, in order.

    Raises
    ------
    ValueError
        Naming the file and line of a record that does not validate.
    """
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.isspace():  # blank lines are skipped (strip would copy each line)
                continue
            try:
                yield ArticleRecord.model_validate_json(line)
            except ValueError as error:
                raise ValueError(f"{path}:{number}: not an article record: {error}") from None


def write_failures(failures: Iterable[Failure], path: str | os.PathLike[str]) -> None:
    """Write failures (source and reason) as JSON Lines, atomically."""
    with atomic_open(path) as fh:
        for failure in failures:
            fh.write(failure.model_dump_json().encode("utf-8") + b"\n")
