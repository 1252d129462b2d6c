"""Replace a set of outputs as one: write them beside the target, then swap them in.

A run writes into a staging folder (or file) next to its output and, when it has
written everything, swaps it in with one rename. Whatever set of files the run
writes (records, graphs, a database), the output is always a complete set: the
previous one, or the new one, never a mix. A kill, a full disk or a crash leaves
the previous outputs as they were.

Each output has a lock beside it (``.NAME.lock``), held from the start of the run
to the swap, so a second run into the same output refuses at once instead of
interleaving its files with the first run's. The operating system releases the
lock when a process dies.

A folder written this way holds a marker file, `OUTPUT_MARKER`, so that input
readers can skip output folders and a later run knows the folder is its own to
replace. A folder that holds other files is never replaced.

Leftovers of a killed run (``.NAME.kg-staging-*``, ``.NAME.kg-old-*`` and the
temporary files of `kg.readwrite._atomic.atomic_open`) are removed by the next
run into the same output, under the lock.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import uuid
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from kg.readwrite._atomic import atomic_open

__all__ = ["OUTPUT_MARKER", "OutputBusy", "OutputRefused", "Staging", "staged_folder", "staged_file",
           "is_output_folder"]

OUTPUT_MARKER = ".kg-output"
"""The file that marks a folder as written by `staged_folder`."""

_MARKER_TEXT = (b"This folder is an output of policy-claims-kg. Each run replaces it as a whole:\n"
                b"keep no other files here. Input folders that hold this file are not read as input.\n")
# What a killed run leaves beside NAME, after ".NAME.": staging and moved-aside outputs, temporary
# files of atomic_open (".NAME.X.tmp"), and those of a staging file ("..NAME.kg-staging-X.Y.tmp").
_LEFTOVER = r"\.\.?{name}\.(?:kg-(?:staging|old)-[0-9a-f]{{8}}|[0-9a-f]{{8}}\.tmp)(?:\.[0-9a-f]{{8}}\.tmp)?"
_TEMPORARY = re.compile(r"\..+\.[0-9a-f]{8}\.tmp")  # an atomic_open file left inside a folder


class OutputBusy(RuntimeError):
    """Another run holds the lock on the same output."""


class OutputRefused(ValueError):
    """The output path is something a run must not replace (a file where a folder goes,
    or a folder with files that are not outputs)."""


@dataclass
class Staging:
    """Where a run writes before its outputs replace `target`."""

    path: Path
    """The staging folder or file to write into."""
    target: Path
    """The output it replaces when the block ends without error."""
    discarded: bool = False

    @property
    def replaces(self) -> bool:
        """Whether swapping in would replace existing outputs (not merely create them)."""
        if self.target.is_dir():
            return any(self.target.iterdir())
        return self.target.exists()

    def discard(self) -> None:
        """Keep the target as it is: the staged outputs are deleted when the block ends."""
        self.discarded = True


@contextmanager
def staged_folder(target: str | os.PathLike[str], *, replaceable: Collection[str] = (),
                  timeout: float = 0) -> Iterator[Staging]:
    """Lock an output folder and give a staging folder that replaces it as a whole.

    Parameters
    ----------
    target : str or PathLike
        The output folder (created, with its parents, if missing). A symbolic link is
        followed: the folder it points to is replaced.
    replaceable : collection of str
        File names a folder without `OUTPUT_MARKER` may hold and still be replaced
        (the outputs of runs from before the marker). An empty folder is always replaced.
    timeout : float
        Seconds to wait for another run's lock; 0 refuses at once.

    Yields
    ------
    Staging
        Write into ``staging.path``. When the block ends without an exception and
        without `Staging.discard`, the marker is added and the folder swapped in
        for `target` in one rename; otherwise it is deleted and `target` left as it was.

    Raises
    ------
    OutputBusy
        When another run holds the lock.
    OutputRefused
        When `target` is a file, or a folder holding files that are not outputs.
    OSError
        When the outputs cannot be written (a full disk, say); `target` is unchanged.

    Examples
    --------
    >>> with staged_folder(tmp / "out") as staging:  # doctest: +SKIP
    ...     (staging.path / "records.jsonl").write_bytes(data)
    """
    target = Path(os.path.realpath(target))
    with _locked(target, timeout):
        _recover(target)
        _check_folder(target, replaceable)
        staging = Staging(_sibling(target, "kg-staging"), target)
        staging.path.mkdir()
        try:
            yield staging
            if not staging.discarded:
                with atomic_open(staging.path / OUTPUT_MARKER) as fh:
                    fh.write(_MARKER_TEXT)
                _fsync(staging.path)
                _swap_folder(staging.path, target)
        finally:
            _remove(staging.path)


@contextmanager
def staged_file(target: str | os.PathLike[str], *, timeout: float = 0) -> Iterator[Staging]:
    """Lock an output file and give a staging file that replaces it when complete.

    The same as `staged_folder` for a single file: ``staging.path`` is a file name
    beside `target` (write it whole, or with `kg.readwrite._atomic.atomic_open`);
    it replaces `target` with one rename when the block ends without an exception
    and without `Staging.discard`.

    Raises
    ------
    OutputBusy
        When another run holds the lock.
    OutputRefused
        When `target` is a folder.
    OSError
        When the file cannot be written; `target` is unchanged.
    """
    target = Path(os.path.realpath(target))
    with _locked(target, timeout):
        _recover(target)
        if target.is_dir():
            raise OutputRefused(f"{target}: is a folder, not a file")
        staging = Staging(_sibling(target, "kg-staging"), target)
        try:
            yield staging
            if not staging.discarded:
                if not staging.path.exists():
                    staging.path.touch()
                os.replace(staging.path, target)
                _fsync(target.parent)
        finally:
            _remove(staging.path)


def is_output_folder(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is a folder written by `staged_folder` (it holds `OUTPUT_MARKER`)."""
    return os.path.isfile(os.path.join(path, OUTPUT_MARKER))


@contextmanager
def _locked(target: Path, timeout: float) -> Iterator[None]:
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(target.parent / f".{target.name}.lock", timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise OutputBusy(f"{target}: another kg run is writing it (it holds {lock.lock_file}); wait "
                         "for that run to end or choose another output") from None
    try:
        yield
    finally:
        lock.release()


def _sibling(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.{kind}-{uuid.uuid4().hex[:8]}")


def _leftovers(target: Path) -> list[Path]:
    leftover = re.compile(_LEFTOVER.format(name=re.escape(target.name)))
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    return sorted(target.parent / name for name in names if leftover.fullmatch(name))


def _recover(target: Path) -> None:
    """Finish what a killed run left: bring back outputs moved aside, remove the rest."""
    leftovers = _leftovers(target)
    moved_aside = [p for p in leftovers if ".kg-old-" in p.name]
    if moved_aside and not os.path.lexists(target):
        os.rename(max(moved_aside, key=lambda p: p.stat().st_mtime), target)
    for path in leftovers:
        _remove(path)


def _check_folder(target: Path, replaceable: Collection[str]) -> None:
    if not os.path.lexists(target):
        return
    if not target.is_dir():
        raise OutputRefused(f"{target}: is a file, not a folder")
    if is_output_folder(target):
        return
    others = sorted(name for name in os.listdir(target)
                    if name not in replaceable and not _TEMPORARY.fullmatch(name))
    if others:
        shown = ", ".join(others[:3]) + (", ..." if len(others) > 3 else "")
        raise OutputRefused(f"{target}: holds files that are not kg outputs ({shown}); "
                            "choose a new or empty folder")


def _swap_folder(staged: Path, target: Path) -> None:
    """Put `staged` in the place of `target` with one rename; the old folder is deleted."""
    if not os.path.lexists(target):
        os.rename(staged, target)
    elif not _exchange(staged, target):
        old = _sibling(target, "kg-old")  # a kill between the renames is undone by _recover
        os.rename(target, old)
        os.rename(staged, target)
        staged = old
    _fsync(target.parent)
    _remove(staged)  # now the previous outputs


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError, TypeError):  # not Linux, or no C library to ask
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # the file system cannot exchange
        return False
    raise OSError(error, os.strerror(error), str(b))


def _fsync(folder: Path) -> None:
    """Make a folder's entries durable (where the platform allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            path.unlink()
        except OSError:
            pass  # gone already, or left for the next run to remove
