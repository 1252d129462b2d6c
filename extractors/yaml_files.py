"""Reading the YAML files a user writes (codebooks, corrections), with one-line errors. No spaCy."""

from __future__ import annotations

import os
from typing import Any

__all__ = ["read_yaml"]


def read_yaml(path: str | os.PathLike[str], what: str) -> Any:
    """The YAML document in `path`.

    Parameters
    ----------
    path : str or PathLike
    what : str
        What the file holds ("codebook", "corrections"), for messages.

    Raises
    ------
    ValueError
        Naming the file and the problem: unreadable file, not UTF-8, or a YAML syntax
        error with its line and column.
    """
    try:
        import yaml
    except ImportError:  # pragma: no cover - pyyaml is a dependency
        raise ValueError(f"{path}: reading the {what} needs PyYAML (pip install pyyaml)") from None
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except OSError as error:
        raise ValueError(f"{path}: cannot read the {what} ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ValueError(f"{path}: the {what} is not UTF-8 text") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ValueError(f"{path}: not valid YAML{where}: {problem}") from None
