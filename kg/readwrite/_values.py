"""Reading attribute values back the same way whether a graph was built or loaded."""

from __future__ import annotations

from typing import Any

__all__ = ["as_list"]


def as_list(value: Any) -> list[str]:
    """A list attribute as a list of strings: built graphs hold lists, GraphML gives back
    "a; b" strings, missing values are empty."""
    if not value:
        return []
    if isinstance(value, str):
        return [part for part in value.split("; ") if part]
    return [str(v) for v in value if v]
