"""Node and edge attribute values read the same way whether a graph was built or loaded.

A built claims graph holds Python lists; GraphML and GEXF can only hold
scalars, so the exports join lists with ``"; "`` (see
``kg.readwrite._values.flatten_attrs``) and a graph read back holds strings.
Code that reads list attributes goes through :func:`as_list` and works on
both.
"""

from __future__ import annotations

from typing import Any

__all__ = ["as_list"]


def as_list(value: Any) -> list[str]:
    """A list attribute as a list of strings.

    Parameters
    ----------
    value : list, str or None
        A list attribute as built (a list), as read back from a file (one
        string, items joined with ``"; "``) or missing.

    Returns
    -------
    list of str
        The non-empty items, as strings; ``[]`` for a missing value.

    Examples
    --------
    >>> as_list(["a1", "a2"]) == as_list("a1; a2") == ["a1", "a2"]
    True
    >>> as_list(None)
    []
    """
    if not value:
        return []
    if isinstance(value, str):
        return [part for part in value.split("; ") if part]
    return [str(v) for v in value if v]
