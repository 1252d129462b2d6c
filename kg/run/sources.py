"""Which files to read: the inputs as named, and the article files inside named folders.

Folders are walked in sorted order without following links to folders, skipping
hidden files and folders, the run's own outputs and any folder that holds a kg
output marker (`kg.readwrite.staging.OUTPUT_MARKER`), so that ``kg build .`` never
reads its own ``out/``. A named input that cannot be used becomes a `Failure`
naming it; nothing here raises for a bad path.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from extractors.records import Failure
from kg.readwrite.staging import is_output_folder

__all__ = ["SUFFIXES", "input_files", "count_articles", "display_path", "os_reason"]

SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
"""File types read from a directory (and accepted as explicit inputs)."""


def input_files(inputs: Iterable[str | Path], *, exclude: Collection[str | Path] = ()) -> Iterator[Path | Failure]:
    """The files to read for the inputs, in order, or a failure for each input that cannot be used.

    Parameters
    ----------
    inputs : iterable of str or Path
        Files and folders, as named on the command line.
    exclude : collection of str or Path
        Paths never read from inside a folder (the run's own outputs). A file named
        explicitly is read all the same.

    Yields
    ------
    Path or Failure
        Files in input order, a folder's files in sorted path order.
    """
    skip = {os.path.realpath(p) for p in exclude}
    for raw in inputs:
        path = Path(raw)
        try:
            folder = _is_folder(path)
        except OSError as error:
            yield Failure(source=display_path(path), reason=os_reason(error))
            continue
        if folder and _excluded(path, skip):
            yield Failure(source=display_path(path), reason="a kg output folder, not read as input "
                          "(name its files to read them)")
        elif folder:
            yield from _walk(path, skip)
        elif path.suffix.lower() not in SUFFIXES:
            suffix = path.suffix or "(none)"
            yield Failure(source=display_path(path), reason=f"unsupported file type '{suffix}' "
                          "(expected .txt, .html, .jsonl or a directory)")
        else:
            yield path


def count_articles(inputs: Iterable[str | Path], *, exclude: Collection[str | Path] = ()) -> int:
    """How many articles (and failures) reading the inputs will yield, found cheaply beforehand.

    A ``.txt`` or ``.html`` file, and each input that cannot be used, counts one; a
    ``.jsonl`` file counts its non-blank lines, found by scanning its bytes without
    decoding or parsing them. Only regular files are opened (a FIFO would block). The
    count is for a progress bar: a file that changes meanwhile makes it a little off.

    Parameters
    ----------
    inputs, exclude
        As `input_files` takes them.

    Returns
    -------
    int
    """
    total = 0
    for item in input_files(inputs, exclude=exclude):
        if isinstance(item, Path) and item.suffix.lower() == ".jsonl":
            total += _jsonl_lines(item)
        else:
            total += 1
    return total


def _jsonl_lines(path: Path) -> int:
    """The non-blank lines of a regular file, 1 for anything else (it will be one failure)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return 1
        lines, filled = 0, False
        with open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                pieces = chunk.split(b"\n")
                for piece in pieces[:-1]:  # each ends a line
                    lines += filled or bool(piece.strip())
                    filled = False
                filled = filled or bool(pieces[-1].strip())
        return lines + filled
    except OSError:
        return 1


_CHUNK = 1 << 20


def display_path(path: str | Path) -> str:
    """A path as text that can be printed and written as JSON: bytes of a file name that
    are not UTF-8 are shown as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def os_reason(error: OSError) -> str:
    """The operating system's reason for `error`, e.g. "Permission denied"."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT:
        return "no such file or directory"
    return error.strerror or str(error)


def _is_folder(path: Path) -> bool:
    """Whether `path` is a folder, following links; raises the OSError of a missing path or a link loop."""
    return stat.S_ISDIR(os.stat(path).st_mode)


def _walk(folder: Path, skip: set[str]) -> Iterator[Path | Failure]:
    """The article files under `folder`, sorted, then a failure if there were none."""
    errors: list[OSError] = []
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".") and not _excluded(Path(root, d), skip)]
        found += [Path(root, name) for name in files
                  if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES
                  and os.path.realpath(Path(root, name)) not in skip]
    for error in errors:
        yield Failure(source=display_path(error.filename or folder), reason=os_reason(error))
    yield from sorted(found, key=lambda p: p.relative_to(folder).parts)
    if not found and not errors:
        yield Failure(source=display_path(folder), reason="no .txt, .jsonl or .html files in this folder")


def _excluded(folder: Path, skip: set[str]) -> bool:
    return is_output_folder(folder) or os.path.realpath(folder) in skip
