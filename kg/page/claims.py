"""The claims graph as `PageData`: actors, articles, concepts, quotes with their stances, roles.

Linear in the size of the graph. Article texts are not in the graph; they come
in separately (from the records), within a budget of characters per page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

import networkx as nx

from kg.actor_index import role_title
from kg.layout import article_links
from kg.page.model import PageActor, PageArticle, PageConcept, PageData, PageQuote, PageRole, Stance

__all__ = ["claims_page_data", "format_role", "TEXT_BUDGET"]

TEXT_BUDGET = 3_000_000
"""Characters of article text a page holds (about 600 articles of 5,000 characters, 3 MB)."""

_ACTORS = ("person", "organisation")
_AGREEMENTS = ("agree", "disagree", "neutral")
_LINE_BREAKS = re.compile(r"(?:\r?\n[ \t]*)+")


def format_role(role: Mapping[str, Any]) -> str:
    """A role of a person as the page shows it.

    Parameters
    ----------
    role : mapping
        One item of a node's ``roles`` attribute: ``title``, ``organisation``,
        ``former`` and ``article_id``.

    Returns
    -------
    str
        "director (Barnardo's)", "former chair", ...

    Examples
    --------
    >>> format_role({"title": "president", "organisation": "ADSS", "former": True, "article_id": "a1"})
    'former president (ADSS)'
    """
    title = role_title(_text(role.get("title")), bool(role.get("former")))
    return f"{title} ({role['organisation']})" if role.get("organisation") else title


def claims_page_data(G: nx.Graph, texts: Mapping[str, str | None] | None = None, *,
                     text_budget: int = TEXT_BUDGET) -> PageData:
    """What the page shows of a claims graph.

    Parameters
    ----------
    G : networkx.Graph
        The claims graph (built, or read back from GraphML); not modified.
    texts : mapping, optional
        Article id (the record's ``id``, not the node id) -> the article's text.
    text_budget : int
        Characters of text the page may hold. Texts go in, most quoted article
        first, while they fit; the others are counted in ``texts_left_out``.
        A quote keeps its ``sentence`` only when its article's text is not in
        the page (the article view shows it otherwise).

    Returns
    -------
    PageData
        Actors and concepts in graph order, articles by date, quotes by date and
        place in the article.
    """
    links = article_links(G)
    kinds = {n: G.nodes[n].get("type") for n in G}
    articles = sorted((n for n in G if kinds[n] == "article"), key=lambda n: (_text(G.nodes[n].get("date")), str(n)))
    actors = [n for n in G if kinds[n] in _ACTORS]
    concepts = [n for n in G if kinds[n] == "concept"]
    index = {n: i for group in (articles, actors, concepts) for i, n in enumerate(group)}
    quotes = sorted((n for n in G if kinds[n] == "quote"), key=lambda n: _quote_order(G, n))
    page_quotes = [_quote(G, q, links, index) for q in quotes]
    said = Counter(q.speaker for q in page_quotes if q.speaker is not None)
    quoted = Counter(q.article for q in page_quotes if q.article is not None)
    fitting, left_out = _texts_that_fit(G, articles, quoted, texts or {}, text_budget)
    return PageData(
        network="claims",
        actors=[_actor(G, n, links, index, said[i]) for i, n in enumerate(actors)],
        articles=[_article(G, n, fitting.get(i)) for i, n in enumerate(articles)],
        concepts=[PageConcept(id=str(n), label=_text(G.nodes[n].get("label") or n),
                              source=_text(G.nodes[n].get("source"))) for n in concepts],
        quotes=[q.model_copy(update={"sentence": ""}) if q.article in fitting else q for q in page_quotes],
        roles=_roles(G, kinds, index),
        texts_left_out=left_out,
    )


def _actor(G: nx.Graph, node: Any, links: dict[Any, list[Any]], index: dict[Any, int], n_quotes: int) -> PageActor:
    data = G.nodes[node]
    return PageActor(id=str(node), name=_text(data.get("label") or data.get("name") or node), kind=data["type"],
                     aliases=[str(a) for a in data.get("aliases", [])],
                     roles=list(dict.fromkeys(format_role(r) for r in data.get("roles", []))),
                     articles=[index[a] for a in links[node]], n_quotes=n_quotes)


def _article(G: nx.Graph, node: Any, text: str | None) -> PageArticle:
    data = G.nodes[node]
    fields = {k: _text(data.get(k)) for k in ("date", "url", "publication", "author")}
    return PageArticle(id=str(node), title=_text(data.get("title") or data.get("label") or node), text=text, **fields)


def _quote(G: nx.Graph, node: Any, links: dict[Any, list[Any]], index: dict[Any, int]) -> PageQuote:
    data = G.nodes[node]
    speaker = next((index[u] for u, _, d in _in_edges(G, node)
                    if d.get("type") == "said" and G.nodes[u].get("type") in _ACTORS), None)
    stances = [Stance(concept=index[v], agreement=d.get("agreement"), confidence=float(d.get("confidence") or 0.0))
               for _, v, d in _out_edges(G, node)
               if d.get("type") == "about" and G.nodes[v].get("type") == "concept" and d.get("agreement") in _AGREEMENTS]
    start, end = _as_int(data.get("start")), _as_int(data.get("end"))
    return PageQuote(
        id=str(node), article=index[links[node][0]] if links[node] else None, speaker=speaker,
        speaker_name=_text(data.get("speaker")), content=_one_line(data.get("content")),
        cue=_text(data.get("cue")), cue_class=_text(data.get("cue_class")), quote_type=_text(data.get("quote_type")),
        date=_text(data.get("date")), sentence=_one_line(data.get("sentence")),
        parts=[(int(s), int(e)) for s, e in data.get("parts") or [(start, end)]],
        cue_span=[int(x) for x in data.get("cue_span") or []],
        speaker_span=[int(x) for x in data.get("speaker_span") or []], stances=stances)


def _roles(G: nx.Graph, kinds: dict[Any, Any], index: dict[Any, int]) -> list[PageRole]:
    found: dict[tuple[int, int, str, bool], None] = {}
    for u, v, d in G.edges(data=True):
        if d.get("type") == "holds_role" and kinds[u] == "person" and kinds[v] == "organisation":
            found[(index[u], index[v], _text(d.get("title")), bool(d.get("former")))] = None
    return [PageRole(person=p, organisation=o, title=t, former=f) for p, o, t, f in found]


def _texts_that_fit(G: nx.Graph, articles: list[Any], quoted: Counter[int], texts: Mapping[str, str | None],
                    budget: int) -> tuple[dict[int, str], int]:
    """Article index -> text (single line breaks as spaces), most quoted first, within `budget`
    characters; and how many articles with a text are left out. Each text is read once."""
    fitting, used, left_out = {}, 0, 0
    for i in sorted(range(len(articles)), key=lambda i: (-quoted[i], str(articles[i]))):
        text = _text_of(G, articles[i], texts)
        if text and used + len(text) <= budget:
            fitting[i] = _LINE_BREAKS.sub(_paragraphs_only, text)
            used += len(text)
        elif text:
            left_out += 1
    return fitting, left_out


def _paragraphs_only(breaks: re.Match[str]) -> str:
    """A run of line breaks, same length: one break becomes spaces, more stay a paragraph break."""
    run = breaks.group()
    return run.replace("\r", " ") if run.count("\n") > 1 else " " * len(run)


def _text_of(G: nx.Graph, node: Any, texts: Mapping[str, str | None]) -> str | None:
    data = G.nodes[node]
    return texts.get(_text(data.get("article_id")) or str(node).removeprefix("article:"))


def _quote_order(G: nx.Graph, node: Any) -> tuple[str, str, int, str]:
    data = G.nodes[node]
    return (_text(data.get("date")), _text(data.get("article_id")), _as_int(data.get("start")), str(node))


def _out_edges(G: nx.Graph, node: Any) -> Any:
    return G.out_edges(node, data=True) if G.is_directed() else G.edges(node, data=True)


def _in_edges(G: nx.Graph, node: Any) -> Any:
    return G.in_edges(node, data=True) if G.is_directed() else ((v, u, d) for u, v, d in G.edges(node, data=True))


def _one_line(value: Any) -> str:
    return " ".join(_text(value).split())


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _as_int(value: Any) -> int:
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0
