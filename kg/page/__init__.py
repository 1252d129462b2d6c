"""What the HTML page shows, computed once: `page_data(G, texts) -> PageData`.

`PageData` (`kg.page.model`) is plain typed data with no networkx in it: the
page writer (`kg.readwrite.html.write_page`) takes nothing else, so a store
that fills a `PageData` gets the same page. `kg.page.layout` places its nodes.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

from kg.page.claims import TEXT_BUDGET, claims_page_data, format_role
from kg.page.model import (Network, PageActor, PageArticle, PageConcept, PageData, PageQuote, PageRole,
                           PageTie, Stance)
from kg.page.networks import NETWORKS, network_page_data

__all__ = ["page_data", "TEXT_BUDGET", "format_role", "PageData", "PageActor", "PageArticle", "PageConcept",
           "PageQuote", "PageRole", "PageTie", "Stance", "Network"]


def page_data(G: nx.Graph, texts: Mapping[str, str | None] | None = None, *,
              text_budget: int = TEXT_BUDGET) -> PageData:
    """Everything the page shows of a claims graph or a discourse network.

    Parameters
    ----------
    G : networkx.Graph
        The claims graph, or a congruence, conflict or actor-concept network from
        `kg.discourse` (told apart by its ``network`` graph attribute); not modified.
    texts : mapping, optional
        Article id -> article text (``ArticleRecord.text``), for the article view
        of a claims graph.
    text_budget : int
        Characters of article text the page may hold (`TEXT_BUDGET`).

    Returns
    -------
    PageData

    Examples
    --------
    >>> import networkx as nx
    >>> page_data(nx.MultiDiGraph()).network
    'claims'
    """
    if G.graph.get("network") in NETWORKS:
        return network_page_data(G)
    return claims_page_data(G, texts, text_budget=text_budget)
