"""Assemble the claims graph from article records.

Nodes are typed (``type`` = article, person, organisation, quote, concept);
edges are typed (``type`` = said, quoted_in, mentioned_in, holds_role, about). Every edge carries provenance: ``article_id``, the character offsets
``start``/``end`` of the evidence in the article, and its ``sentence``.

The same person or organisation in two articles is one node: `kg.actors` groups
the records into actors (each merge with its reason, on the node's ``merge_reasons``),
and `kg.corrections` applies a user's corrections on top.
"""

from __future__ import annotations

from typing import Iterable

import networkx as nx

from extractors.records import ArticleRecord, Mention, Person, Quote
from kg.actor_index import ActorIndex, node_id
from kg.actors import resolve_actors
from kg.corrections import Corrections, QuoteFix, apply_corrections

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
        from ``records.jsonl``. They are added in order of article id, so the
        graph (its node order, each node's lists, which name comes first) is the
        same whatever order the records come in.
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
    records = sorted(records, key=lambda r: r.id)
    actors = resolve_actors(records)
    applied, quote_fixes = apply_corrections(corrections, actors, records) if corrections else ([], {})
    G = nx.MultiDiGraph(corrections=applied)
    for actor in actors.actors.values():
        G.add_node(actor.id, type=actor.kind, label=actor.name, name=actor.name, aliases=list(actor.variants),
                   roles=[], n_quotes=0, articles=list(actor.articles), kinds=dict(actor.kinds),
                   merge_reasons=list(actor.reasons), corrections=list(actor.corrections))
    for record in records:
        _add_article(G, record, actors, quote_fixes)
    return G


def _add_article(G: nx.MultiDiGraph, record: ArticleRecord, actors: ActorIndex,
                 quote_fixes: dict[tuple[str, str], QuoteFix]) -> None:
    article = article_node(record.id)
    G.add_node(article, type="article", label=record.title or record.id, title=record.title or "",
               date=record.date or "", url=record.url or "", publication=record.publication or "",
               author=record.author or "", article_id=record.id)
    local: dict[str, str] = {}  # article-local entity id -> node id
    for entity in [*record.people, *record.organisations]:
        actor = actors.actor_of(record.id, entity.id)
        if actor is None:  # dropped by a correction
            continue
        local[entity.id] = actor.id
        first = entity.mentions[0]
        G.add_edge(actor.id, article, key="mentioned_in", type="mentioned_in", count=len(entity.mentions),
                   **_provenance(record.id, first.start, first.end, first.sentence))
        if isinstance(entity, Person):
            _add_roles(G, actor.id, entity, record.id, actors)
            if entity.honorific and "honorific" not in G.nodes[actor.id]:
                G.nodes[actor.id]["honorific"] = entity.honorific
    for quote in record.quotes:
        fix = quote_fixes.get((record.id, quote.id))
        if fix is not None and fix.drop:
            continue
        _add_quote(G, quote, record, local, fix)


def _add_roles(G: nx.MultiDiGraph, node: str, person: Person, article_id: str, actors: ActorIndex) -> None:
    data = G.nodes[node]
    for role in person.roles:
        held = {"title": role.title, "organisation": role.organisation, "former": role.former,
                "article_id": article_id}
        if held not in data["roles"]:
            data["roles"].append(held)
        org = actors.actor_of(article_id, f"role:{role.organisation}") if role.organisation else None
        if org is not None:
            m = role.mention
            G.add_edge(node, org.id, key=f"holds_role:{article_id}:{role.title}", type="holds_role",
                       title=role.title, former=role.former, **_provenance(article_id, m.start, m.end, m.sentence))


def _add_quote(G: nx.MultiDiGraph, quote: Quote, record: ArticleRecord, local: dict[str, str],
               fix: QuoteFix | None) -> None:
    node = quote_node(record.id, quote.id)
    label = quote.content if len(quote.content) <= 60 else quote.content[:57].rstrip() + "..."
    speaker = local.get(quote.speaker_id or "")
    speaker_name = quote.speaker or ""
    if fix is not None:
        speaker, speaker_name = fix.speaker_id, fix.speaker
    G.add_node(node, type="quote", label=label, content=quote.content, cue=quote.cue or "",
               cue_class=quote.cue_class or "", quote_type=quote.type, speaker=speaker_name,
               date=record.date or "", corrections=[fix.note] if fix is not None else [],
               parts=[list(part) for part in quote.parts] or [[quote.start, quote.end]],
               cue_span=_span(quote.cue_mention),
               speaker_span=_span(quote.speaker_mention) if fix is None else [],
               **_provenance(record.id, quote.start, quote.end, quote.sentence))
    G.add_edge(node, article_node(record.id), key="quoted_in", type="quoted_in",
               **_provenance(record.id, quote.start, quote.end, quote.sentence))
    for link in quote.concepts:
        concept = f"concept:{link.concept}"
        if concept not in G:
            G.add_node(concept, type="concept", label=link.concept, source=link.source)
        m = link.mention
        G.add_edge(node, concept, key=f"about:{link.concept}", type="about", agreement=link.agreement,
                   confidence=link.confidence, source=link.source, evidence=list(link.evidence),
                   **_provenance(record.id, m.start, m.end, m.sentence))
    if speaker is not None:
        G.nodes[speaker]["n_quotes"] += 1
        G.add_edge(speaker, node, key="said", type="said", cue=quote.cue or "", cue_class=quote.cue_class or "",
                   **_provenance(record.id, quote.start, quote.end, quote.sentence))


def _span(mention: Mention | None) -> list[int]:
    """``[start, end]`` of a mention, ``[]`` when there is none."""
    return [mention.start, mention.end] if mention is not None else []


def _provenance(article_id: str, start: int, end: int, sentence: str) -> dict[str, object]:
    return {"article_id": article_id, "start": start, "end": end, "sentence": sentence}
