"""JSON Lines input: one article per line, read as a stream, each line on its own.

The file is never read whole: lines come one at a time, a line longer than the byte
limit is skipped (and reported) without being kept, and each line is decoded on its
own, so a stray Windows-1252 byte touches only its article. Numbers are kept as they
are written (an id ``7`` is ``"7"``), so a 5,000-digit number is text like any other,
and a line nested too deeply for the JSON parser is a failure of that line.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from kg.run.reading import BadInput, decode_line, too_large

__all__ = ["jsonl_lines", "parse_line", "METADATA"]

METADATA = ("title", "date", "url", "publication")
"""Optional article fields a line may give (other keys are ignored)."""

_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SNIFF = 8192  # bytes looked at for NUL bytes: a binary file fails once, not line by line


class _Number(str):
    """A JSON number, as written in the file."""


def jsonl_lines(fh: BinaryIO, *, limit: int) -> Iterator[tuple[int, str | None, list[str]]]:
    """The non-blank lines of an open JSONL file, decoded one by one.

    Parameters
    ----------
    fh : binary file
        Open at its start.
    limit : int
        Longest line kept, in bytes (in characters for UTF-16/32 files).

    Yields
    ------
    number : int
        The line number, from 1.
    line : str or None
        The decoded line without its line break; None when it is over `limit`.
    notes : list of str
        How the line was decoded, when not plainly.

    Raises
    ------
    BadInput
        For a binary file, or a UTF-16/32 file that does not decode.
    """
    head = fh.read(_SNIFF)
    fh.seek(0)
    wide = next((encoding for bom, encoding in _WIDE_BOMS if head.startswith(bom)), None)
    if wide is not None:
        yield from _wide_lines(fh, wide, limit)
        return
    if b"\x00" in head:
        raise BadInput("binary file (contains NUL bytes), not text")
    if head.startswith(codecs.BOM_UTF8):
        fh.seek(len(codecs.BOM_UTF8))
    number, offset = 0, fh.tell()
    while raw := fh.readline(limit + 1):
        number, start = number + 1, offset
        offset += len(raw)
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line, keeping nothing
                raw = fh.readline(1 << 20)
                offset += len(raw)
            yield number, None, []
            continue
        line, stray = decode_line(raw.rstrip(b"\n"), offset=start)
        if line.strip():
            yield number, line, [f"not valid UTF-8 ({stray}); read as Windows-1252"] if stray else []


def _wide_lines(fh: BinaryIO, encoding: str, limit: int) -> Iterator[tuple[int, str | None, list[str]]]:
    text = io.TextIOWrapper(fh, encoding=encoding, newline="\n")
    number = 0
    try:
        while line := text.readline(limit + 1):
            number += 1
            if len(line) > limit and not line.endswith("\n"):
                while line and not line.endswith("\n"):
                    line = text.readline(1 << 20)
                yield number, None, []
            elif line.strip():
                yield number, line.rstrip("\n"), []
    except UnicodeDecodeError:
        raise BadInput(f"not valid {encoding.upper()} after line {number}; re-save the file as UTF-8") from None
    finally:
        text.detach()


def parse_line(line: str | None, *, limit: int) -> dict[str, Any]:
    """Parse one JSONL line into `ArticleText` fields (id, text and metadata).

    Raises
    ------
    BadInput
        For a line over the limit (None), malformed or too deeply nested JSON, a value
        that is not an object, a missing or empty ``id`` or ``text``, or metadata that
        is not a string, a number or null.
    """
    if line is None:
        raise BadInput(f"line {too_large(limit)}")
    try:
        obj = json.loads(line, parse_int=_Number, parse_float=_Number, parse_constant=_Number)
    except json.JSONDecodeError as error:
        # Some messages end in "at" already ("Unterminated string starting at").
        raise BadInput(f"malformed JSON: {error.msg.removesuffix(' at')} at column {error.colno}") from None
    except RecursionError:
        raise BadInput("malformed JSON: nested too deeply") from None
    if not isinstance(obj, dict):
        raise BadInput(f"expected a JSON object, got {_json_type(obj)}")
    text = obj.get("text")
    if not isinstance(text, str) or isinstance(text, _Number):
        raise BadInput("missing 'text'")
    if not text.strip():
        raise BadInput("empty text")
    article_id = obj.get("id")
    if not isinstance(article_id, str) or not article_id.strip():
        raise BadInput("missing 'id'")
    fields: dict[str, Any] = {"id": str(article_id), "text": text}
    for key in METADATA:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise BadInput(f"'{key}' must be a string or null, got {_json_type(value)}")
        fields[key] = None if value is None else str(value)
    return fields


def _json_type(value: object) -> str:
    """The JSON name of a parsed value's type, for messages."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", _Number: "a number"}
    return "null" if value is None else names.get(type(value), "a value")
