"""Reading and writing: records and graph exports (input articles are read by `kg.run`).

Each format has its own module; algorithms elsewhere in `kg` never open files.
`GRAPH_FORMATS` is the one table from file type to writer and reader: ``kg build``
writes one file of each, ``kg query ... network --out`` picks a writer by the
file's suffix, and `kg.query.load` a reader.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import networkx as nx

from kg.readwrite.gexf import write_gexf
from kg.readwrite.graphml import read_graphml, write_graphml
from kg.readwrite.html import write_html
from kg.readwrite.json_graph import read_json, write_json
from kg.readwrite.records import read_records, write_failures, write_records
from kg.readwrite.statements import write_statements

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
    "read_records",
    "write_records",
    "write_failures",
]

PathLike = str | os.PathLike[str]


class GraphFormat(NamedTuple):
    """A file format for graphs."""

    name: str
    """Short name, used in the build summary ("graphml")."""
    file: str
    """The file's name in a ``kg build`` output directory."""
    write: Callable[[nx.Graph, PathLike], None]
    read: Callable[[PathLike], nx.Graph] | None
    """None when the format is write-only."""
    any_graph: bool
    """False when it needs the claims graph (the statements CSV needs quotes)."""


GRAPH_FORMATS: dict[str, GraphFormat] = {
    ".graphml": GraphFormat("graphml", "graph.graphml", write_graphml, read_graphml, True),
    ".gexf": GraphFormat("gexf", "graph.gexf", write_gexf, None, True),
    ".json": GraphFormat("json", "graph.json", write_json, read_json, True),
    ".csv": GraphFormat("statements", "statements.csv", write_statements, None, False),
    ".html": GraphFormat("html", "graph.html", write_html, None, True),
}
"""File suffix -> format, in the order ``kg build`` writes them."""


def graph_format(path: PathLike, *, readable: bool = False, any_graph: bool = False) -> GraphFormat:
    """The format of a graph file, from its suffix.

    Raises
    ------
    ValueError
        Naming the file and the suffixes that would do, when the suffix is not one
        of them (with `readable`, formats that can be read; with `any_graph`, formats
        that take any graph, not only the claims graph).
    """
    fits = {suffix: f for suffix, f in GRAPH_FORMATS.items()
            if (f.read is not None or not readable) and (f.any_graph or not any_graph)}
    found = fits.get(Path(path).suffix.lower())
    if found is None:
        raise ValueError(f"{path}: use a {', '.join(fits)} file")
    return found
