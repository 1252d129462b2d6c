"""Assemble the claims graph from article records.

Nodes are typed (``type`` = article, person, organisation, quote, concept);
edges are typed (``type`` = said, quoted_in, mentioned_in, holds_role, about). Every edge carries provenance: ``article_id``, the character offsets
``start``/``end`` of the evidence in the article, and its ``sentence``.

The same person or organisation in two articles is one node: node ids come
from the normalised display name.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable

import networkx as nx

from extractors.records import ArticleRecord, Mention, Person, Quote

__all__ = ["build_graph", "node_id", "article_node", "quote_node"]


def node_id(kind: str, name: str) -> str:
    """Graph node id of a person (``kind="person"``) or organisation (``"org"``).

    Examples
    --------
    >>> node_id("person", "Margaret  Hodge")
    'person:margaret hodge'
    """
    key = unicodedata.normalize("NFKC", name).replace("\u2019", "'").lower()
    return f"{kind}:" + " ".join(key.split())


def article_node(article_id: str) -> str:
    """Graph node id of an article."""
    return f"article:{article_id}"


def quote_node(article_id: str, quote_id: str) -> str:
    """Graph node id of a quote."""
    return f"quote:{article_id}:{quote_id}"


def build_graph(records: Iterable[ArticleRecord]) -> nx.MultiDiGraph:
    """Build the claims graph from article records.

    Parameters
    ----------
    records : iterable of ArticleRecord
        As produced by `extractors.pipeline.extract_articles` or read back
        from ``records.jsonl``. They are added in order of article id, so the
        graph (its node order, each node's lists, which name comes first) is the
        same whatever order the records come in.

    Returns
    -------
    networkx.MultiDiGraph
        Node attributes: ``type``, ``label`` and per-type fields (see the
        README's graph model). Edge keys are the edge ``type``, except for
        ``holds_role``, keyed ``holds_role:<article>:<title>`` so that every
        role stated is kept, and ``about``, keyed ``about:<concept>``.
    """
    G = nx.MultiDiGraph()
    for record in sorted(records, key=lambda r: r.id):
        _add_article(G, record)
    return G


def _add_article(G: nx.MultiDiGraph, record: ArticleRecord) -> None:
    article = article_node(record.id)
    G.add_node(article, type="article", label=record.title or record.id, title=record.title or "",
               date=record.date or "", url=record.url or "", publication=record.publication or "",
               author=record.author or "", article_id=record.id)
    local: dict[str, str] = {}  # article-local entity id -> node id
    for person in record.people:
        local[person.id] = _add_actor(G, node_id("person", person.name), "person", person.name,
                                      record.id, person.mentions, person.aliases)
        _add_roles(G, local[person.id], person, record.id)
        if person.honorific:
            G.nodes[local[person.id]]["honorific"] = person.honorific
    for org in record.organisations:
        local[org.id] = _add_actor(G, node_id("org", org.name), "organisation", org.name,
                                   record.id, org.mentions, org.aliases)
    for quote in record.quotes:
        _add_quote(G, quote, record, local)


def _ensure_actor(G: nx.MultiDiGraph, node: str, kind: str, name: str, article_id: str) -> str:
    """Add a person or organisation node if new, and note the article it appears in.

    A node met again in another article records why the two were merged.
    """
    if node not in G:
        G.add_node(node, type=kind, label=name, name=name, aliases=[], roles=[], n_quotes=0, articles=[],
                   merge_reasons=[])
    data = G.nodes[node]
    if article_id not in data["articles"]:
        if data["articles"]:
            data["merge_reasons"].append(f"{article_id}: same name as in {data['articles'][0]} ({name})")
        data["articles"].append(article_id)
    return node


def _add_actor(G: nx.MultiDiGraph, node: str, kind: str, name: str, article_id: str,
               mentions: list[Mention], aliases: dict[str, str]) -> str:
    _ensure_actor(G, node, kind, name, article_id)
    data = G.nodes[node]
    data["aliases"] = sorted(set(data["aliases"]) | set(aliases))
    data["merge_reasons"].extend(f"{article_id}: {alias!r}, {reason}" for alias, reason in aliases.items()
                                 if not reason.startswith("the same name"))
    first = mentions[0]
    G.add_edge(node, article_node(article_id), key="mentioned_in", type="mentioned_in",
               count=len(mentions), **_provenance(article_id, first.start, first.end, first.sentence))
    return node


def _add_roles(G: nx.MultiDiGraph, node: str, person: Person, article_id: str) -> None:
    data = G.nodes[node]
    for role in person.roles:
        held = {"title": role.title, "organisation": role.organisation, "former": role.former,
                "article_id": article_id}
        if held not in data["roles"]:
            data["roles"].append(held)
        if role.organisation:
            org = _ensure_actor(G, node_id("org", role.organisation), "organisation", role.organisation, article_id)
            m = role.mention
            G.add_edge(node, org, key=f"holds_role:{article_id}:{role.title}", type="holds_role",
                       title=role.title, former=role.former, **_provenance(article_id, m.start, m.end, m.sentence))


def _add_quote(G: nx.MultiDiGraph, quote: Quote, record: ArticleRecord, local: dict[str, str]) -> None:
    node = quote_node(record.id, quote.id)
    label = quote.content if len(quote.content) <= 60 else quote.content[:57].rstrip() + "..."
    G.add_node(node, type="quote", label=label, content=quote.content, cue=quote.cue or "",
               cue_class=quote.cue_class or "", quote_type=quote.type, speaker=quote.speaker or "",
               date=record.date or "",
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
    speaker = local.get(quote.speaker_id or "")
    if speaker is not None:
        G.nodes[speaker]["n_quotes"] += 1
        G.add_edge(speaker, node, key="said", type="said", cue=quote.cue or "", cue_class=quote.cue_class or "",
                   **_provenance(record.id, quote.start, quote.end, quote.sentence))


def _provenance(article_id: str, start: int, end: int, sentence: str) -> dict[str, object]:
    return {"article_id": article_id, "start": start, "end": end, "sentence": sentence}
