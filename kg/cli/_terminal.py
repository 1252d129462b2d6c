"""Text from articles and file names made safe to print on a terminal.

Article text, ids and file names can hold terminal escape sequences that clear the
screen, retitle the window or draw links that go somewhere else, and control or
bidirectional-override characters that hide or reorder what is shown. Everything
the commands print that came from input goes through `printable` (one line of
plain text) or, for JSON, `json_parts_for_terminal` (the same data, escaped).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["printable", "table_cell", "json_parts_for_terminal"]

# ESC sequences: CSI (ESC [ ... final byte), OSC/DCS/PM/APC/SOS strings up to their terminator
# (BEL or ESC \), and two-character escapes; then the 8-bit CSI and OSC introducers.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[ -~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)?"
)
_SPACES = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What json.dumps(ensure_ascii=False) leaves raw but a terminal acts on (it escapes C0 itself).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")


def printable(text: object) -> str:
    """`text` as one line a terminal shows as it is.

    Escape sequences are removed whole, line breaks and tabs become spaces, and
    other control characters and bidirectional overrides are removed.

    Examples
    --------
    >>> printable("Jane\\x1b[2J Smith\\nsaid \\u202eevil")
    'Jane Smith said evil'
    """
    return _CONTROLS.sub("", _SPACES.sub(" ", _ESCAPES.sub("", str(text))))


def table_cell(value: object, width: int = 120) -> str:
    """`value` as one printable line for a rich table: a list as its items joined by "; ", long
    text cut at `width` characters, markup escaped ("[the sector]" is text, not markup)."""
    from rich.markup import escape  # only for tables: not for --json

    if isinstance(value, list):
        value = "; ".join(map(str, value))
    text = " ".join(printable("" if value is None else value).split())
    return escape(text if len(text) <= width else text[: width - 3] + "...")


def json_parts_for_terminal(value: Any) -> Iterator[str]:
    """`value` as indented JSON in which every character a terminal acts on is escaped, in parts:
    a list an item at a time (a long answer is written as it is made, never held whole).

    Joined, the parts mean the same as ``json.dumps(value, ensure_ascii=False)`` and are laid out
    as with ``indent=2``: strings keep every character, written as ``\\uXXXX`` where it would act
    on a terminal.
    """
    if isinstance(value, list) and value:
        for n, item in enumerate(value):
            yield _escaped(("[\n  " if n == 0 else ",\n  ") + _indented(item, "\n  "))
        yield "\n]"
    else:
        yield _escaped(_indented(value, "\n"))


def _escaped(text: str) -> str:
    """JSON text with the characters a terminal acts on written as ``\\uXXXX``."""
    if text.isascii() and "\x7f" not in text:  # the usual case, told at once (DEL is the only ASCII one)
        return text
    if _JSON_UNSAFE.search(text) is None:  # looking is quicker than replacing
        return text
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_STRING = json.encoder.encode_basestring  # a str as json.dumps(..., ensure_ascii=False) writes it


def _indented(value: Any, indent: str) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, written at `indent` (a line break and the
    spaces before the value's line), with lists of strings joined in one go (a long answer lists
    thousands of article ids)."""
    if isinstance(value, str):
        return _STRING(value)
    if value is None:
        return "null"
    if type(value) is bool:
        return "true" if value else "false"
    if type(value) is int:
        return repr(value)
    inner = indent + "  "
    if isinstance(value, (list, tuple)) and value:
        if all(type(item) is str for item in value):
            return f"[{inner}{f',{inner}'.join(map(_STRING, value))}{indent}]"
        return f"[{inner}{f',{inner}'.join(_indented(item, inner) for item in value)}{indent}]"
    if isinstance(value, dict) and value and all(type(key) is str for key in value):
        items = (f"{_STRING(key)}: {_indented(item, inner)}" for key, item in value.items())
        return f"{{{inner}{f',{inner}'.join(items)}{indent}}}"
    # other numbers, [], {}, keys that are not strings: as json writes them
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", indent)
