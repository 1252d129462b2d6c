"""Attribute values for the XML formats (GraphML, GEXF): flattened to scalars on the way
out, in this one place, and restored on the way back in.

Lists and dicts (a person's aliases, roles, articles) are written as JSON text, so a
reader gets back exactly what was written; the names of the attributes written that
way are kept in `JSON_ATTRIBUTES`-style graph attributes by the writers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from numbers import Integral, Real
from typing import Any

__all__ = ["flatten_attrs", "restore_attrs", "clean_text", "XmlIds", "as_type", "XML_FORBIDDEN"]

# Everything outside XML 1.0's Char production (lone surrogates included).
XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def flatten_attrs(data: dict[str, Any], encoded: set[str] | None = None) -> dict[str, bool | int | float | str]:
    """Drop ``None`` values and turn the rest into scalars: lists, tuples and dicts as
    compact JSON (their names are added to `encoded`), characters XML forbids removed."""
    flat = {}
    for name, value in data.items():
        if value is None:
            continue
        name = clean_text(str(name))
        if isinstance(value, (list, tuple, set, frozenset, dict)):
            if encoded is not None:
                encoded.add(name)
            value = json.dumps(sorted(value) if isinstance(value, (set, frozenset)) else value,
                               ensure_ascii=False, separators=(",", ":"), default=str)
        flat[name] = _scalar(value)
    return flat


def restore_attrs(data: dict[str, Any], encoded: Iterable[str]) -> None:
    """Decode in place the attributes `flatten_attrs` wrote as JSON (those named in `encoded`)."""
    for name in encoded:
        if isinstance(data.get(name), str):
            data[name] = json.loads(data[name])


def _scalar(value: Any) -> bool | int | float | str:
    if isinstance(value, bool):
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        return float(value)
    return clean_text(str(value))


def clean_text(text: str) -> str:
    """`text` without the characters XML 1.0 forbids."""
    if text.isprintable():  # the usual case, told quickly: every character XML forbids is unprintable
        return text
    return XML_FORBIDDEN.sub("", text)


class XmlIds:
    """Node ids XML can hold, still one per node, given as the nodes stream by.

    A character XML forbids is written as ``\\uXXXX`` rather than dropped, so ids that
    differ only by one stay apart; an id that collides all the same (with one that has
    that text already) gets ``~2``, ``~3``, ... in node order. Only the written ids and
    the renamed nodes are remembered.

    Examples
    --------
    >>> ids = XmlIds()
    >>> [ids.add(n) for n in ["article:a\\x07", "article:a", "article:a\\\\u0007"]]
    ['article:a\\\\u0007', 'article:a', 'article:a\\\\u0007~2']
    >>> ids["article:a\\x07"]
    'article:a\\\\u0007'
    """

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.renamed: dict[Any, str] = {}

    def add(self, node: Any) -> str:
        """The id to write for a new node."""
        clean = XML_FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", str(node))
        candidate, n = clean, 1
        while candidate in self.used:
            n += 1
            candidate = f"{clean}~{n}"
        self.used.add(candidate)
        if candidate != node:
            self.renamed[node] = candidate
        return candidate

    def __getitem__(self, node: Any) -> str:
        """The id written for a node (an edge's end)."""
        found = self.renamed.get(node)
        return found if found is not None else str(node)


def as_type(value: bool | int | float | str, kind: type | str) -> bool | int | float | str:
    """A flattened value as the type declared for its attribute (`kg.readwrite.stream.attribute_types`)."""
    if kind is float and not isinstance(value, float):
        return float(value)
    if kind is str and not isinstance(value, str):
        return str(value)
    return value
