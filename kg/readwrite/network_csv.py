"""Write a discourse network (`kg.discourse`) as CSV: an edge list, or a matrix.

**Edge list** (``write_edge_list``): one row per edge, ``source`` and ``target`` (node
ids) first, then ``weight``, ``relation`` (the edge's ``type``: GEXF and Gephi's
spreadsheet import give ``type`` a meaning of their own) and the edge's other
attributes, then ``source_label`` and ``target_label``. The first two columns name
the nodes, so R's ``igraph::graph_from_data_frame``, python-igraph's
``Graph.DataFrame``, ``networkx.from_pandas_edgelist`` and Gephi read it as it is. An
affiliation edge goes from the actor to the concept. Nodes without an edge are not in
an edge list: use the matrix, or GraphML.

**Matrix** (``write_matrix``): DNA's export. The first row names the columns, the
first column the rows, by label: actor x actor for congruence, conflict and subtract
(symmetric, 0 on the diagonal), actor x concept for affiliation; every node is there,
isolates too, in the network's node order; a cell is the edge's ``weight`` (or another
attribute), 0 where there is no edge. ``read.csv(path, row.names = 1)`` in R,
``pandas.read_csv(path, index_col=0)`` read it.

Both are UTF-8 without a byte-order mark, fields quoted by the ``csv`` module when
needed, rows ending with ``\\r\\n``. Text cells that a spreadsheet would run as a
formula get a leading ``'`` (as in the statements CSV); numbers are written as they are.
"""

from __future__ import annotations

import os
from collections import Counter
from itertools import chain
from typing import Any

import networkx as nx

from kg.readwrite._csv import write_csv

__all__ = ["write_edge_list", "write_matrix"]

_FIRST = ("source", "target", "weight", "relation")
_LABELS = ("source_label", "target_label")


def write_edge_list(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write a network as a CSV edge list, atomically.

    Parameters
    ----------
    G : networkx.Graph
        A discourse network (see the module docstring); not modified.
    path : str or os.PathLike
        Output file, replaced only once complete.

    Examples
    --------
    >>> write_edge_list(g.network("conflict"), "conflict.csv")     # doctest: +SKIP
    >>> igraph.Graph.DataFrame(pandas.read_csv("conflict.csv"), directed=False, use_vids=False)  # doctest: +SKIP
    """
    rows = []
    for u, v, data in G.edges(data=True):
        if G.nodes[u].get("type") == "concept":
            u, v = v, u  # affiliation: actor -> concept
        rows.append({"source": u, "target": v, **{("relation" if k == "type" else k): x for k, x in data.items()},
                     "source_label": _label(G, u), "target_label": _label(G, v)})
    found = dict.fromkeys(name for row in rows for name in row)
    columns = ["source", "target", *(c for c in ("weight", "relation") if c in found),
               *(c for c in found if c not in _FIRST + _LABELS), *_LABELS]
    write_csv(path, [columns, *([row.get(c, "") for c in columns] for row in rows)])


def write_matrix(G: nx.Graph, path: str | os.PathLike[str], *, weight: str = "weight") -> None:
    """Write a network as a CSV matrix (DNA's export), atomically.

    Parameters
    ----------
    G : networkx.Graph
        Congruence, conflict or subtract (actor x actor) or affiliation (actor x concept); not modified.
    path : str or os.PathLike
        The matrix file (``.matrix.csv`` for ``kg query``), replaced only once complete.
    weight : str
        The edge attribute in the cells: ``"weight"``, or, say, ``"net"`` for an
        affiliation network's agree minus disagree.

    Examples
    --------
    >>> write_matrix(g.network("affiliation"), "affiliation.matrix.csv", weight="net")  # doctest: +SKIP
    """
    two_mode = any(d.get("type") == "concept" for _, d in G.nodes(data=True))
    rows = [n for n, d in G.nodes(data=True) if d.get("type") != "concept"]
    columns = [n for n, d in G.nodes(data=True) if d.get("type") == "concept"] if two_mode else rows
    names = _unique_labels(G, rows) | _unique_labels(G, columns)
    header = ["", *(names[c] for c in columns)]
    write_csv(path, chain([header], ([names[r], *(_cell(G, r, c, weight) for c in columns)] for r in rows)))


def _cell(G: nx.Graph, row: Any, column: Any, weight: str) -> Any:
    return G.edges[row, column].get(weight, 0) if row != column and G.has_edge(row, column) else 0


def _unique_labels(G: nx.Graph, nodes: list[Any]) -> dict[Any, str]:
    """Each node's label, with its id added where two nodes share one."""
    labels = {n: _label(G, n) for n in nodes}
    shared = Counter(labels.values())
    return {n: label if shared[label] == 1 else f"{label} ({n})" for n, label in labels.items()}


def _label(G: nx.Graph, node: Any) -> str:
    data = G.nodes[node]
    return str(data.get("label") or data.get("name") or node)
