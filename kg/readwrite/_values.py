"""Attribute values for the XML formats (GraphML, GEXF): flattened to scalars on the way
out, in this one place, and restored on the way back in.

Lists and dicts (a person's aliases, roles, articles) are written as JSON text, so a
reader gets back exactly what was written; the names of the attributes written that
way are kept in `JSON_ATTRIBUTES`-style graph attributes by the writers.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from numbers import Integral, Real
from typing import Any

__all__ = ["flatten_attrs", "restore_attrs", "clean_text", "distinct_ids", "unify_types"]

# Everything outside XML 1.0's Char production (lone surrogates included).
_XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


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
    return _XML_FORBIDDEN.sub("", text)


def distinct_ids(nodes: Iterable[Any]) -> dict[Any, str]:
    """Node ids XML can hold, still one per node.

    A character XML forbids is written as ``\\uXXXX`` rather than dropped, so ids that
    differ only by one stay apart; an id that collides all the same (with one that has
    that text already) gets ``~2``, ``~3``, ... in node order.

    Examples
    --------
    >>> distinct_ids(["article:a\\x07", "article:a", "article:a\\\\u0007"])
    {'article:a\\x07': 'article:a\\\\u0007', 'article:a': 'article:a', 'article:a\\\\u0007': 'article:a\\\\u0007~2'}
    """
    ids: dict[Any, str] = {}
    used: set[str] = set()
    for node in nodes:
        clean = _XML_FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", str(node))
        candidate, n = clean, 1
        while candidate in used:
            n += 1
            candidate = f"{clean}~{n}"
        ids[node] = candidate
        used.add(candidate)
    return ids


def unify_types(attr_dicts: Iterable[dict[str, Any]]) -> None:
    """Give each attribute name one type: ints and floats mixed become floats,
    any other mix becomes strings."""
    attr_dicts = list(attr_dicts)
    types: dict[str, set[type]] = defaultdict(set)
    for data in attr_dicts:
        for name, value in data.items():
            types[name].add(type(value))
    for data in attr_dicts:
        for name, value in data.items():
            if len(types[name]) > 1:
                data[name] = float(value) if types[name] <= {int, float} else str(value)
