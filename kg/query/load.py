"""Load a saved claims graph, without spaCy."""

from __future__ import annotations

import os
from pathlib import Path

from kg.query.claims_graph import ClaimsGraph

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
        for name in ("graph.json", "records.jsonl", "graph.graphml"):
            if (path / name).exists():
                return load(path / name)
        raise FileNotFoundError(f"{path}: no graph.json, records.jsonl or graph.graphml in this directory")
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or directory")
    suffix = path.suffix.lower()
    if suffix == ".graphml":
        from kg.readwrite import read_graphml

        return ClaimsGraph(read_graphml(path))
    if suffix == ".json":
        from kg.readwrite.json_graph import read_json

        return ClaimsGraph(read_json(path))
    if suffix == ".jsonl":
        from kg.build import build_graph
        from kg.readwrite import read_records

        return ClaimsGraph(build_graph(read_records(path)))
    raise ValueError(f"{path}: cannot load a graph from a '{suffix}' file (use .graphml, .json or .jsonl)")
