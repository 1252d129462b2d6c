"""Load a saved claims graph, without spaCy."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from kg.build import build_graph
from kg.corrections import Corrections, load_corrections
from kg.query.claims_graph import ClaimsGraph
from kg.readwrite import graph_format, read_records

__all__ = ["load"]


def load(path: str | os.PathLike[str], *,
         corrections: str | os.PathLike[str] | Corrections | None = None) -> "ClaimsGraph":
    """Load a saved claims graph.

    Parameters
    ----------
    path : str or PathLike
        A ``.graphml`` file, a node-link ``.json`` file, a ``records.jsonl``
        file, or a directory written by ``kg build`` (its ``graph.json``,
        else its ``records.jsonl``, else its ``graph.graphml``).
    corrections : str, PathLike or Corrections, optional
        A corrections file (see `kg.corrections`), applied as the graph is built
        again from the records: `path` must then be a ``records.jsonl`` file or a
        ``kg build`` directory.

    Raises
    ------
    FileNotFoundError
        When there is nothing to load at `path`.
    ValueError
        When the file type is not one of the above, or the file cannot be read or
        parsed (truncated, malformed, not a graph), the message naming the file;
        or when corrections are given for a saved graph rather than records.
    kg.corrections.CorrectionError
        When the corrections file is not valid or names what does not exist.
    """
    path = Path(path)
    if corrections is not None:
        if not isinstance(corrections, Corrections):
            corrections = load_corrections(corrections)
        records = path / "records.jsonl" if path.is_dir() else path
        if records.suffix.lower() != ".jsonl" or not records.exists():
            raise ValueError(f"{path}: corrections are applied to records: give a records .jsonl file "
                             f"or a kg build directory that has one")
        return ClaimsGraph(build_graph(read_records(records), corrections=corrections))
    if path.is_dir():
        for name in _BUILD_FILES:
            if (path / name).exists():
                return load(path / name)
        raise FileNotFoundError(f"{path}: no {', '.join(_BUILD_FILES)} in this directory")
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or directory")
    if path.suffix.lower() == ".jsonl":
        return ClaimsGraph(_read(build_graph, read_records(path), path=path))
    try:
        reader = graph_format(path, readable=True).read
    except ValueError:
        raise ValueError(f"{path}: cannot load a graph from a '{path.suffix}' file "
                         f"(use a build directory, .json, .jsonl or .graphml)") from None
    return ClaimsGraph(_read(reader, path, path=path))


def _read(read: Callable[[Any], nx.Graph], source: Any, *, path: Path) -> nx.Graph:
    """Call a reader, turning whatever a damaged file makes it raise into one ValueError naming the file."""
    try:
        return read(source)
    except OSError as error:
        raise ValueError(f"{path}: cannot be read ({error.strerror or error})") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}: not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})") from None
    except SyntaxError as error:  # xml.etree's ParseError: a truncated or malformed GraphML file
        raise ValueError(f"{path}: not valid XML ({error})") from None
    except ValueError as error:
        raise (error if str(error).startswith(str(path)) else ValueError(f"{path}: {error}")) from None
    except (KeyError, TypeError, AttributeError, IndexError, nx.NetworkXError) as error:
        raise ValueError(f"{path}: not a claims graph ({type(error).__name__}: {error})") from None


_BUILD_FILES = ("graph.json", "records.jsonl", "graph.graphml")
"""What `load` reads from a ``kg build`` directory, in order of preference (lossless and fast first)."""
