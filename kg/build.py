"""Assemble the claims graph from article records.

Nodes are typed (``type`` = article, person, organisation, quote, concept);
edges are typed (``type`` = said, quoted_in, mentioned_in, holds_role, about). Every edge carries provenance: ``article_id``, the character offsets
``start``/``end`` of the evidence in the article, and its ``sentence``.

The same person or organisation in two articles is one node: `kg.actors` groups
the records into actors (each merge with its reason, on the node's ``merge_reasons``),
and `kg.corrections` applies a user's corrections on top.

The graph is made by the claims store (`kg.store`), here one in memory: the same code
builds ``claims.sqlite`` and the exports of ``kg graph`` and ``kg build``.
"""

from __future__ import annotations

from typing import Iterable

import networkx as nx

from extractors.records import ArticleRecord
from kg.actor_index import node_id
from kg.corrections import Corrections
from kg.store import ClaimsStore

__all__ = ["build_graph", "node_id", "article_node", "quote_node"]


def article_node(article_id: str) -> str:
    """Graph node id of an article."""
    return f"article:{article_id}"


def quote_node(article_id: str, quote_id: str) -> str:
    """Graph node id of a quote."""
    return f"quote:{article_id}:{quote_id}"


def build_graph(records: Iterable[ArticleRecord], *, corrections: Corrections | None = None) -> nx.MultiDiGraph:
    """Build the claims graph from article records.

    Parameters
    ----------
    records : iterable of ArticleRecord
        As produced by `extractors.pipeline.extract_articles` or read back
        from ``records.jsonl``. The graph (its node order, each node's lists,
        which name comes first) is the same whatever order the records come in;
        of two records with the same id, the last is kept.
    corrections : Corrections, optional
        A user's corrections (`kg.corrections.load_corrections`): merged, renamed,
        retyped or dropped actors, fixed or dropped quotes.

    Returns
    -------
    networkx.MultiDiGraph
        Node attributes: ``type``, ``label`` and per-type fields (see the
        README's graph model). Edge keys are the edge ``type``, except for
        ``holds_role``, keyed ``holds_role:<article>:<title>`` so that every
        role stated is kept, and ``about``, keyed ``about:<concept>``. The graph
        attribute ``corrections`` lists the corrections applied.

    Raises
    ------
    kg.corrections.CorrectionError
        When a correction names an actor or quote that does not exist.
    """
    with ClaimsStore.memory() as store:
        store.add(records)
        store.resolve(corrections)
        return store.graph()
