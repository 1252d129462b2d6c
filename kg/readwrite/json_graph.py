"""Write and read the claims graph as node-link JSON, the format d3 and most web tools take.

The file is networkx's ``node_link_data(G, edges="edges")``::

    {"directed": true, "multigraph": true, "graph": {},
     "nodes": [{"id": "person:jane smith", "type": "person", "roles": [...], ...}, ...],
     "edges": [{"source": ..., "target": ..., "key": "said", "type": "said", ...}, ...]}

Values are kept as they are in the graph (lists stay lists, numbers stay
numbers); anything JSON cannot hold is converted: tuples and sets become
lists, NaN and infinities ``null``, other objects their ``str``. The file is
written as it streams, one node or edge per line, from a
`kg.readwrite.stream.GraphStream` (a graph in memory, or a claims store).
"""

from __future__ import annotations

import json
import math
import os
from typing import Any

import networkx as nx

from kg.readwrite._atomic import atomic_open
from kg.readwrite.stream import GraphStream, from_networkx

__all__ = ["read_json", "write_json", "write_json_stream"]


def write_json(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write a graph as node-link JSON (UTF-8), atomically.

    Parameters
    ----------
    G : networkx.Graph
        The graph, normally the claims ``MultiDiGraph``. It is not modified.
    path : str or os.PathLike
        Output file, replaced only once the new file is complete.
    """
    write_json_stream(from_networkx(G), path)


def write_json_stream(stream: GraphStream, path: str | os.PathLike[str]) -> None:
    """Write a graph stream as node-link JSON (UTF-8), atomically, one node or edge per line.

    The result is what `networkx.node_link_data(G, edges="edges")` gives for the same graph.
    """
    def dumps(value: Any) -> bytes:
        return json.dumps(_json_safe(value), ensure_ascii=False, allow_nan=False,
                          separators=(",", ":")).encode("utf-8")

    with atomic_open(path) as fh:
        fh.write(b'{"directed":' + dumps(stream.directed) + b',"multigraph":' + dumps(stream.multigraph)
                 + b',"graph":' + dumps(stream.graph) + b',"nodes":[')
        for n, (node, data) in enumerate(stream.nodes()):
            fh.write((b",\n" if n else b"\n") + dumps({**data, "id": node}))
        fh.write(b'\n],"edges":[')
        for n, (u, v, key, data) in enumerate(stream.edges()):
            edge = {**data, "source": u, "target": v, **({"key": key} if stream.multigraph else {})}
            fh.write((b",\n" if n else b"\n") + dumps(edge))
        fh.write(b"\n]}\n")


def read_json(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a node-link JSON file written by :func:`write_json`.

    Parameters
    ----------
    path : str or os.PathLike
        The JSON file.

    Returns
    -------
    networkx.Graph
        A ``MultiDiGraph`` with its edge keys for the claims graph (in general
        the class the file declares with ``directed`` and ``multigraph``).
    """
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return nx.node_link_graph(data, edges="edges")


def _json_safe(value: Any) -> Any:
    if type(value) is list and all(type(v) is str for v in value):  # a list of ids: as it is, at once
        return value
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_json_safe(v) for v in value), key=str)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
