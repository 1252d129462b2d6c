"""Write and read the claims graph as node-link JSON, the format d3 and most web tools take.

The file is networkx's ``node_link_data(G, edges="edges")``::

    {"directed": true, "multigraph": true, "graph": {},
     "nodes": [{"id": "person:jane smith", "type": "person", "roles": [...], ...}, ...],
     "edges": [{"source": ..., "target": ..., "key": "said", "type": "said", ...}, ...]}

Values are kept as they are in the graph (lists stay lists, numbers stay
numbers); anything JSON cannot hold is converted: tuples and sets become
lists, NaN and infinities ``null``, other objects their ``str``.
"""

from __future__ import annotations

import json
import math
import os
from typing import Any

import networkx as nx

from kg.readwrite._atomic import atomic_open

__all__ = ["read_json", "write_json"]


def write_json(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write a graph as node-link JSON (UTF-8), atomically.

    Parameters
    ----------
    G : networkx.Graph
        The graph, normally the claims ``MultiDiGraph``. It is not modified.
    path : str or os.PathLike
        Output file, replaced only once the new file is complete.
    """
    data = _json_safe(nx.node_link_data(G, edges="edges"))
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    with atomic_open(path) as fh:
        fh.write(text.encode("utf-8") + b"\n")


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
