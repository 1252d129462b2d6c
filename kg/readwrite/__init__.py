"""Reading and writing: records and graph exports (input articles are read by `kg.run`).

Each format has its own module; algorithms elsewhere in `kg` never open files.
`GRAPH_FORMATS` is the one table from file type to writer and reader: ``kg build``
writes one file of each format that has a ``file``, ``kg query ... network --out``
picks a writer by the file's suffix (``.csv``: an edge list there, the statements
CSV of a claims graph elsewhere), and `kg.query.load` a reader.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from kg._lazy import lazy_names

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "GraphFormat",
    "GRAPH_FORMATS",
    "graph_format",
    "read_graphml",
    "write_graphml",
    "write_gexf",
    "write_html",
    "read_json",
    "write_json",
    "write_statements",
    "write_edge_list",
    "write_matrix",
    "write_gexf_timeline",
    "read_records",
    "write_records",
    "write_failures",
]

PathLike = str | os.PathLike[str]


class GraphFormat(NamedTuple):
    """A file format for graphs."""

    name: str
    """Short name, used in the build summary ("graphml")."""
    suffix: str
    """How the file's name ends (``.matrix.csv``)."""
    file: str | None
    """The file's name in a ``kg build`` output directory; None for a format only
    ``kg query ... network`` writes."""
    write: Callable[[nx.Graph, PathLike], None]
    read: Callable[[PathLike], nx.Graph] | None
    """None when the format is write-only."""
    graphs: Literal["any", "claims", "networks"]
    """What it takes: any graph, the claims graph only (the statements CSV needs quotes),
    or discourse networks only (edge lists and matrices)."""


_WRITERS = lazy_names(__name__, {
    "gexf": ["write_gexf"], "graphml": ["read_graphml", "write_graphml"], "html": ["write_html"],
    "json_graph": ["read_json", "write_json"], "network_csv": ["write_edge_list", "write_matrix"],
    "records": ["read_records", "write_failures", "write_records"], "statements": ["write_statements"],
    "timeline": ["write_gexf_timeline"],
})


def __getattr__(name: str) -> Any:
    """The readers and writers, imported from their modules when first used (`kg._lazy`): a format's
    module loads what it needs (lxml, jinja2, networkx), and a command needs only some formats."""
    return _formats() if name == "GRAPH_FORMATS" else _WRITERS(name)


@cache
def _formats() -> dict[str, GraphFormat]:
    """`GRAPH_FORMATS`, made when first used (it names every writer, so it imports them all)."""
    from kg.readwrite.gexf import write_gexf
    from kg.readwrite.graphml import read_graphml, write_graphml
    from kg.readwrite.html import write_html
    from kg.readwrite.json_graph import read_json, write_json
    from kg.readwrite.network_csv import write_edge_list, write_matrix
    from kg.readwrite.statements import write_statements

    return {f.name: f for f in (
        GraphFormat("graphml", ".graphml", "graph.graphml", write_graphml, read_graphml, "any"),
        GraphFormat("gexf", ".gexf", "graph.gexf", write_gexf, None, "any"),
        GraphFormat("json", ".json", "graph.json", write_json, read_json, "any"),
        GraphFormat("statements", ".csv", "statements.csv", write_statements, None, "claims"),
        GraphFormat("html", ".html", "graph.html", write_html, None, "any"),
        GraphFormat("edges", ".csv", None, write_edge_list, None, "networks"),
        GraphFormat("matrix", ".matrix.csv", None, write_matrix, None, "networks"),
    )}


GRAPH_FORMATS: dict[str, GraphFormat]
"""Name -> format; ``kg build``'s in the order it writes them."""


def graph_format(path: PathLike, *, readable: bool = False, network: bool = False) -> GraphFormat:
    """The format of a graph file, from how its name ends (the longest suffix that fits).

    Parameters
    ----------
    path : str or PathLike
    readable : bool
        Only formats that can be read.
    network : bool
        Formats for a discourse network (else for the claims graph).

    Raises
    ------
    ValueError
        Naming the file and the suffixes that would do, when its name ends in none of them.
    """
    fits = [f for f in _formats().values() if (f.read is not None or not readable)
            and f.graphs in ("any", "networks" if network else "claims")]
    name = Path(path).name.lower()
    found = max((f for f in fits if name.endswith(f.suffix)), key=lambda f: len(f.suffix), default=None)
    if found is None:
        raise ValueError(f"{path}: use a {', '.join(f.suffix for f in fits)} file")
    return found
