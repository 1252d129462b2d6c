"""A graph as two streams, nodes then edges, for the writers that never hold a whole graph.

The exporters (`write_graphml`, `write_gexf`, `write_json`) write a `GraphStream`: the
nodes and the edges are read twice at most, one at a time, and each attribute has one
type declared up front (GraphML and GEXF declare their keys before the first node). A
claims store (`kg.store`) makes its streams straight from SQL; `from_networkx` makes one
from a graph in memory, flattening values as the XML formats need.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["GraphStream", "Node", "Edge", "from_networkx", "attribute_types", "JSON"]

Node = tuple[Any, dict[str, Any]]
Edge = tuple[Any, Any, Any, dict[str, Any]]
JSON = "json"
"""The declared type of an attribute holding lists or dicts (written as JSON text)."""


@dataclass
class GraphStream:
    """A graph to write: its attributes, the types of its node and edge attributes, and two
    functions that each start a fresh pass over its nodes and its edges."""

    nodes: Callable[[], Iterable[Node]]
    """``(node, attributes)`` in a fixed order; no attribute is None."""
    edges: Callable[[], Iterable[Edge]]
    """``(source, target, key, attributes)``; the key is None in a graph that is not a multigraph."""
    node_types: dict[str, type | str]
    """Attribute name -> ``bool``, ``int``, ``float``, ``str`` or `JSON`, for every node attribute."""
    edge_types: dict[str, type | str]
    graph: dict[str, Any] = field(default_factory=dict)
    directed: bool = True
    multigraph: bool = True
    key_type: type | str | None = str
    """The type of the edge keys of a multigraph (GraphML writes them in an edge attribute ``key``);
    None when there are no edges."""


def attribute_types(attr_dicts: Iterable[dict[str, Any]]) -> dict[str, type | str]:
    """One type per attribute name over `attr_dicts`: lists, tuples, sets and dicts are `JSON` (if
    every value is one); ints and floats mixed are float; any other mix is str. None is skipped."""
    seen: dict[str, set[type | str]] = defaultdict(set)
    for data in attr_dicts:
        for name, value in data.items():
            if value is not None:
                seen[name].add(JSON if isinstance(value, (list, tuple, set, frozenset, dict)) else type(value))
    types: dict[str, type | str] = {}
    for name, kinds in seen.items():
        kinds = {int if k is not bool and isinstance(k, type) and issubclass(k, int) else k for k in kinds}
        if len(kinds) == 1:
            (kind,) = kinds
            types[name] = kind if kind in (bool, int, float, JSON) else str
        else:
            types[name] = float if kinds <= {int, float} else str
    return types


def from_networkx(G: nx.Graph) -> GraphStream:
    """The stream of a graph in memory (not copied: do not change it while writing)."""
    if G.is_multigraph():
        def edges() -> Iterator[Edge]:
            return iter(G.edges(keys=True, data=True))
    else:
        def edges() -> Iterator[Edge]:
            return ((u, v, None, d) for u, v, d in G.edges(data=True))
    return GraphStream(nodes=lambda: iter(G.nodes(data=True)), edges=edges,
                       node_types=attribute_types(d for _, d in G.nodes(data=True)),
                       edge_types=attribute_types(d for *_, d in edges()),
                       graph=dict(G.graph), directed=G.is_directed(), multigraph=G.is_multigraph(),
                       key_type=attribute_types({"key": k} for _, _, k, _ in edges()).get("key"))
