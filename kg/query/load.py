"""Load a claims store or a saved claims graph, without spaCy."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.query.store_queries import StoreQueries
from kg.readwrite import graph_format
from kg.store import STORE_FILE, ClaimsStore

if TYPE_CHECKING:  # a store needs none of these; a saved graph or corrections do
    from kg.corrections import Corrections
    from kg.query.claims_graph import ClaimsGraph

__all__ = ["load"]


def load(path: str | os.PathLike[str], *,
         corrections: str | os.PathLike[str] | Corrections | None = None) -> StoreQueries | ClaimsGraph:
    """Open a claims store, or load a saved graph, to ask it questions.

    Parameters
    ----------
    path : str or PathLike
        A ``kg build`` / ``kg graph`` output directory or its ``claims.sqlite``: questions
        are answered from the store, without building the graph (`StoreQueries`). A
        ``records.jsonl`` file: its records go into a store in memory first. A ``.graphml``
        or node-link ``.json`` file (or a directory of an older build holding one and no
        store): the graph is read into memory (`ClaimsGraph`).
    corrections : str, PathLike or Corrections, optional
        A corrections file (see `kg.corrections`), applied to a copy of the store in memory
        (a store or records; not a saved graph).

    Raises
    ------
    FileNotFoundError
        When there is nothing to load at `path`.
    ValueError
        When the file type is not one of the above, or the file cannot be read or
        parsed (truncated, malformed, not a graph), the message naming the file;
        or when corrections are given for a saved graph rather than records.
        `kg.store.StoreError` (a `ValueError`) for a damaged store or one of another
        schema version.
    kg.corrections.CorrectionError
        When the corrections file is not valid or names what does not exist.
    """
    path = Path(path)
    if corrections is not None:
        from kg.corrections import Corrections, load_corrections

        if not isinstance(corrections, Corrections):
            corrections = load_corrections(corrections)
    if path.is_dir():
        found = next((path / name for name in _BUILD_FILES if (path / name).exists()), None)
        if found is None:
            raise FileNotFoundError(f"{path}: no {', '.join(_BUILD_FILES)} in this directory")
        path = found
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or directory")
    if path.name == STORE_FILE or path.suffix.lower() in (".sqlite", ".db"):
        store = ClaimsStore.open(path)
        if corrections is not None:
            with store:
                store = store.copy_to_memory()
            store.resolve(corrections)
        return StoreQueries(store)
    if path.suffix.lower() == ".jsonl":
        from kg.readwrite import read_records

        store = ClaimsStore.memory()
        store.add(_read(read_records, path, path=path))
        store.resolve(corrections)
        return StoreQueries(store)
    if corrections is not None:
        raise ValueError(f"{path}: corrections are applied to records: give a store, a records .jsonl file "
                         f"or a kg build directory")
    try:
        reader = graph_format(path, readable=True).read
    except ValueError:
        raise ValueError(f"{path}: cannot load a graph from a '{path.suffix}' file "
                         f"(use a build directory, .sqlite, .json, .jsonl or .graphml)") from None
    from kg.query.claims_graph import ClaimsGraph

    return ClaimsGraph(_read(reader, path, path=path))


def _read(read: Callable[[Any], Any], source: Any, *, path: Path) -> Any:
    """Call a reader, turning whatever a damaged file makes it raise into one ValueError naming the file."""
    import networkx as nx

    try:
        found = read(source)
        return list(found) if not isinstance(found, nx.Graph) else found
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


_BUILD_FILES = (STORE_FILE, "graph.json", "records.jsonl", "graph.graphml")
"""What `load` reads from an output directory, in order of preference (the store first)."""
