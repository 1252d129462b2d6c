"""Where the page draws its nodes, from `PageData` alone, in linear time.

Two views: the actor view (people and organisations, and the concepts of an
actor-concept network) and the quote view (articles with their quotes,
speakers and concepts around them, as `kg.layout.article_layout` draws the
claims graph). The browser's physics relaxes small views from here; big ones
keep these positions.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from networkx.utils import UnionFind

from kg.layout import article_positions, cluster_positions, grid_positions
from kg.page.model import PageData

__all__ = ["actor_positions", "quote_positions", "quote_view_size"]

Positions = dict[str, tuple[float, float]]


def actor_positions(data: PageData) -> Positions:
    """Actors (and an actor-concept network's concepts) grouped by what ties them.

    Parameters
    ----------
    data : PageData

    Returns
    -------
    dict
        Node id -> ``(x, y)`` for every actor, and every concept of an
        actor-concept network.

    Notes
    -----
    Actors are tied by a role (a person at an organisation), by the page's ties,
    or, on a claims page, by taking a side (agree or disagree) on the same
    concept: the actors that congruence and conflict can join. Each group of
    tied actors is a cluster, its most quoted actor at the centre and the others
    on rings around it, biggest cluster first; untied actors fill a grid below,
    most quoted first.
    """
    nodes = [a.id for a in data.actors]
    weight = {a.id: a.n_quotes for a in data.actors}
    if data.network == "actor-concept":
        nodes += [c.id for c in data.concepts]
    groups = UnionFind(nodes)
    for role in data.roles:
        groups.union(data.actors[role.person].id, data.actors[role.organisation].id)
    for tie in data.ties:
        other = data.concepts[tie.target] if tie.relation == "stance" else data.actors[tie.target]
        groups.union(data.actors[tie.source].id, other.id)
    taking_sides: dict[int, str] = {}  # concept -> the first actor to take a side on it
    for quote in data.quotes:
        if quote.speaker is not None:
            for stance in quote.stances:
                if stance.agreement != "neutral":
                    first = taking_sides.setdefault(stance.concept, data.actors[quote.speaker].id)
                    groups.union(first, data.actors[quote.speaker].id)
    by_weight = sorted(nodes, key=lambda n: (-weight.get(n, 0), n))
    members: dict[str, list[str]] = defaultdict(list)
    for node in by_weight:
        members[groups[node]].append(node)
    clusters = sorted((m for m in members.values() if len(m) > 1), key=lambda m: (-len(m), m[0]))
    pos, width, bottom = cluster_positions([(m[0], m[1:]) for m in clusters], step=45.0, gap=90.0)
    alone = [m[0] for m in members.values() if len(m) == 1]
    pos.update(grid_positions(alone, width, bottom + 90.0 if clusters else 0.0, step=60.0))
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


def quote_view_size(data: PageData) -> int:
    """Nodes of the quote view: articles, actors, quotes and concepts."""
    return len(data.articles) + len(data.actors) + len(data.quotes) + len(data.concepts)


def quote_positions(data: PageData) -> Positions:
    """Each article with its quotes, their speakers and concepts around it.

    Returns
    -------
    dict
        Node id -> ``(x, y)`` for every article, actor, quote and concept.

    See Also
    --------
    kg.layout.article_positions : the layout, here fed from `PageData`.
    """
    articles = [a.id for a in data.articles]
    kinds: dict[str, Any] = {a: "article" for a in articles}
    links: dict[str, dict[str, None]] = {a: {a: None} for a in articles}
    speakers = {}
    for actor in data.actors:
        kinds[actor.id] = actor.kind
        links[actor.id] = dict.fromkeys(articles[i] for i in actor.articles)
    for concept in data.concepts:
        kinds[concept.id] = "concept"
        links[concept.id] = {}
    for quote in data.quotes:
        kinds[quote.id] = "quote"
        links[quote.id] = {articles[quote.article]: None} if quote.article is not None else {}
        if quote.speaker is not None:
            speakers[quote.id] = data.actors[quote.speaker].id
        for stance in quote.stances:
            links[data.concepts[stance.concept].id].update(links[quote.id])
    dates = {a.id: a.date for a in data.articles}
    return article_positions(kinds, {n: list(found) for n, found in links.items()}, speakers, dates)

