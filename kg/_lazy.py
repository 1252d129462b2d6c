"""Packages whose names are imported from their modules when first used (PEP 562's module
``__getattr__``), so that a command imports only what it runs: ``kg query`` needs neither
networkx nor lxml, and importing a module of a package runs the package's ``__init__`` first."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(package: str, modules: dict[str, list[str]]) -> Callable[[str], Any]:
    """The ``__getattr__`` of `package`: each name listed under a module (relative to the package)
    is imported from that module when first asked for, and kept in the package from then on.

    Examples
    --------
    >>> __getattr__ = lazy_names(__name__, {"graphml": ["read_graphml", "write_graphml"]})  # doctest: +SKIP
    """
    where = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{where[name]}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
