"""A discourse network (`kg.discourse`) as `PageData`: its actors, concepts and ties as they are.

An affiliation network (and the store's actor-concept graph) is drawn as the two-mode
page (``PageData.network`` "actor-concept"); a subtract network's ties as congruence
(positive) and conflict (negative) ties of the size of their value.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.page.model import PageActor, PageConcept, PageData, PageTie

__all__ = ["network_page_data", "NETWORKS"]

NETWORKS = ("congruence", "conflict", "subtract", "affiliation", "actor-concept")
"""The ``network`` graph attributes of `kg.discourse`'s results (and of the store's actor-concept graph)."""

_ACTORS = ("person", "organisation")


def network_page_data(G: nx.Graph) -> PageData:
    """What the page shows of a congruence, conflict, subtract or affiliation network.

    Parameters
    ----------
    G : networkx.Graph
        A result of `kg.discourse` (or one read back from GraphML): its ``network``
        graph attribute is one of `NETWORKS`; not modified.

    Returns
    -------
    PageData
        Actors (``n_quotes`` is the actor's number of statements), concepts (the
        actor-concept network's nodes, or the concepts named behind congruence and
        conflict ties) and one `PageTie` per edge, actor first; no quotes or articles.
    """
    kinds = {n: G.nodes[n].get("type") for n in G}
    actors = [n for n in G if kinds[n] in _ACTORS]
    concepts = {str(n): _label(G, n) for n in G if kinds[n] == "concept"}
    for *_, data in G.edges(data=True):  # congruence and conflict name their concepts by label
        for label in _concept_labels(data):
            concepts.setdefault(f"concept:{label}", label)
    actor_index = {n: i for i, n in enumerate(actors)}
    concept_index = {c: i for i, c in enumerate(concepts)}
    label_index = {label: concept_index[c] for c, label in concepts.items()}
    ties = []
    for u, v, data in G.edges(data=True):
        if kinds[u] not in _ACTORS:
            u, v = v, u
        relation = data.get("type")
        if relation == "stance" and kinds[u] in _ACTORS and kinds[v] == "concept":
            ties.append(PageTie(source=actor_index[u], target=concept_index[str(v)], relation="stance",
                                weight=_number(data.get("weight")), agree=int(_number(data.get("agree"))),
                                disagree=int(_number(data.get("disagree"))), neutral=int(_number(data.get("neutral")))))
        elif relation in ("congruence", "conflict", "subtract") and kinds[u] in _ACTORS and kinds[v] in _ACTORS:
            weight = _number(data.get("weight"))
            if relation == "subtract":
                relation = "congruence" if weight > 0 else "conflict"
                weight, count = abs(weight), _number(data.get(relation))
            else:
                count = _number(data.get("count"))
            ties.append(PageTie(source=actor_index[u], target=actor_index[v], relation=relation, weight=weight,
                                count=int(count), concepts=[label_index[c] for c in _concept_labels(data)]))
    network = G.graph["network"]
    return PageData(
        network="actor-concept" if network == "affiliation" else network,
        about=_about(G),
        actors=[PageActor(id=str(n), name=_label(G, n), kind=kinds[n], n_quotes=int(_number(G.nodes[n].get("n_statements"))))
                for n in actors],
        concepts=[PageConcept(id=c, label=label) for c, label in concepts.items()],
        ties=ties,
    )


def _about(G: nx.Graph) -> str:
    """"conflict network of people, normalised by jaccard, 2010-01-01 to 2010-12-31"."""
    graph = G.graph
    about = f"{graph['network']} network of {graph.get('actors') or 'people'}"
    if graph.get("normalisation") not in (None, "", "none"):
        about += f", normalised by {graph['normalisation']}"
    if graph.get("since") or graph.get("until"):
        about += f", {graph.get('since') or '...'} to {graph.get('until') or '...'}"
    return about


def _concept_labels(data: dict[str, Any]) -> list[str]:
    return [c for c in str(data.get("concepts") or "").split("; ") if c]


def _label(G: nx.Graph, node: Any) -> str:
    data = G.nodes[node]
    return str(data.get("label") or data.get("name") or str(node).split(":", 1)[-1])


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0
