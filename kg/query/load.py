"""Load a saved claims graph, without spaCy."""

from __future__ import annotations

import os
from pathlib import Path

from kg.build import build_graph
from kg.query.claims_graph import ClaimsGraph
from kg.readwrite import graph_format, read_records

__all__ = ["load"]


def load(path: str | os.PathLike[str]) -> "ClaimsGraph":
    """Load a saved claims graph.

    Parameters
    ----------
    path : str or PathLike
        A ``.graphml`` file, a node-link ``.json`` file, a ``records.jsonl``
        file, or a directory written by ``kg build`` (its ``graph.json``,
        else its ``records.jsonl``, else its ``graph.graphml``).

    Raises
    ------
    FileNotFoundError
        When there is nothing to load at `path`.
    ValueError
        When the file type is not one of the above.
    """
    path = Path(path)
    if path.is_dir():
        for name in _BUILD_FILES:
            if (path / name).exists():
                return load(path / name)
        raise FileNotFoundError(f"{path}: no {', '.join(_BUILD_FILES)} in this directory")
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or directory")
    if path.suffix.lower() == ".jsonl":
        return ClaimsGraph(build_graph(read_records(path)))
    try:
        reader = graph_format(path, readable=True).read
    except ValueError:
        raise ValueError(f"{path}: cannot load a graph from a '{path.suffix}' file "
                         f"(use a build directory, .json, .jsonl or .graphml)") from None
    return ClaimsGraph(reader(path))


_BUILD_FILES = ("graph.json", "records.jsonl", "graph.graphml")
"""What `load` reads from a ``kg build`` directory, in order of preference (lossless and fast first)."""
