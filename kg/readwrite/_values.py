"""Attribute values for the file formats: flattened to scalars on the way out (read back
with :func:`kg.attrs.as_list`)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from numbers import Integral, Real
from typing import Any

__all__ = ["flatten_attrs", "clean_text", "unify_types"]

# Everything outside XML 1.0's Char production (lone surrogates included).
_XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def flatten_attrs(data: dict[str, Any]) -> dict[str, bool | int | float | str]:
    """Drop ``None`` values and turn the rest into scalars: lists joined with "; ",
    dicts as compact JSON, characters XML forbids removed."""
    return {
        clean_text(str(k)): _flat_value(v) for k, v in data.items() if v is not None
    }


def _flat_value(value: Any) -> bool | int | float | str:
    if isinstance(value, bool):
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        return float(value)
    return clean_text(_to_text(value))


def _to_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    if isinstance(value, (list, tuple, set, frozenset)):
        return "; ".join(_to_text(item) for item in value if item is not None)
    return str(value)


def clean_text(text: str) -> str:
    """`text` without the characters XML 1.0 forbids."""
    return _XML_FORBIDDEN.sub("", text)


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
