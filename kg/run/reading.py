"""Reading one input file without trusting it: never blocking, never reading past a limit,
and decoding its bytes as well as they allow.

A file is opened without blocking, so that a FIFO cannot hang the run, and only a
regular file is read: FIFOs, devices and sockets are refused with a reason. Its size
is checked from ``fstat`` before anything is read, and reading stops one byte past
the limit, so a huge, sparse or endless file (``/dev/zero`` behind a link, a file in
``/proc``) costs nothing.

Text is UTF-8 unless a byte-order mark says UTF-16 or UTF-32. A line that is not
valid UTF-8 keeps its valid characters and has only its invalid bytes read as
Windows-1252 (Latin-1 where Windows-1252 has no character), with a note naming the
lines: one stray byte no longer garbles the whole file.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from typing import BinaryIO

__all__ = ["BadInput", "open_input", "read_bounded", "decode_text", "decode_line", "too_large"]

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FILE_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
_STRAY_BYTES = "pckg-windows-1252"  # the codecs error handler below
_WINDOWS_1252 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]


class BadInput(Exception):
    """The input at hand is unusable, for the reason given as the message."""


def open_input(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a regular file for reading, without blocking on a FIFO.

    Raises
    ------
    BadInput
        For anything but a regular file (a FIFO, a device, a socket, a folder) and
        for a symbolic link loop.
    OSError
        When the file cannot be opened (missing, permission denied...).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise BadInput("symbolic link loop") from None
        if error.errno == errno.ENXIO:
            raise BadInput("not a regular file (a socket)") from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _FILE_KINDS if test(mode)), "a special file")
            raise BadInput(f"not a regular file ({kind})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(fh: BinaryIO, limit: int) -> bytes:
    """All of an open file's bytes, refused when they are more than `limit`.

    The size is checked before reading, and reading stops one byte past the limit,
    for files whose size is not what ``fstat`` says.

    Raises
    ------
    BadInput
        When the file holds more than `limit` bytes.
    """
    size = os.fstat(fh.fileno()).st_size
    if size > limit:
        raise BadInput(too_large(limit, size))
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise BadInput(too_large(limit))
    return data


def too_large(limit: int, size: int | None = None) -> str:
    """The reason given for input over the byte limit."""
    found = f"{size:,} bytes" if size is not None else "more bytes"
    return f"too large: {found}, the limit is {limit:,} (raise it with --max-bytes)"


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode a file's bytes: UTF-8, or UTF-16/32 when a BOM says so.

    Returns
    -------
    text : str
        Without the BOM.
    notes : list of str
        One note naming the lines whose invalid UTF-8 bytes were read as Windows-1252;
        empty when the text was valid.

    Raises
    ------
    BadInput
        For binary data (NUL bytes and no UTF-16/32 BOM) or text a BOM mislabels.
    """
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    if not encoding.startswith("utf-8"):
        try:
            return data.decode(encoding), []
        except UnicodeDecodeError as error:
            raise BadInput(f"not valid {encoding.upper()} (invalid bytes at offset {error.start}); "
                           "re-save the file as UTF-8") from None
    if b"\x00" in data:
        raise BadInput("binary file (contains NUL bytes), not text")
    start = len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0
    try:
        return data[start:].decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    lines, bad, offset = [], [], start
    for number, raw in enumerate(data[start:].split(b"\n"), 1):
        line, stray = decode_line(raw, offset=offset)
        lines.append(line)
        if stray is not None:
            bad.append((number, stray))
        offset += len(raw) + 1
    return "\n".join(lines), [_note(bad)]


def decode_line(raw: bytes, *, offset: int = 0) -> tuple[str, str | None]:
    """Decode one line of UTF-8, reading its invalid bytes (only those) as Windows-1252.

    Parameters
    ----------
    raw : bytes
        The line.
    offset : int
        Where the line starts in its file, for the note.

    Returns
    -------
    line : str
    stray : str or None
        Where the first invalid byte is (``"byte 0x92 at offset 120"``), or None for valid UTF-8.
    """
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        stray = f"byte 0x{raw[error.start]:02x} at offset {offset + error.start}"
    return raw.decode("utf-8", errors=_STRAY_BYTES), stray


def _note(bad: list[tuple[int, str]]) -> str:
    numbers = [str(number) for number, _ in bad]
    if len(numbers) > 5:
        numbers = numbers[:5] + [f"... ({len(bad)} lines)"]
    where = f"line {numbers[0]}" if len(bad) == 1 else f"lines {', '.join(numbers)}"
    return f"{where} not valid UTF-8 (first: {bad[0][1]}); read as Windows-1252"


def _windows_1252(error: UnicodeError) -> tuple[str, int]:
    """Codecs error handler: invalid UTF-8 bytes as Windows-1252 (Latin-1 where it has no character)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start:error.end]
    return "".join(_WINDOWS_1252[b] for b in chunk), error.end


codecs.register_error(_STRAY_BYTES, _windows_1252)
