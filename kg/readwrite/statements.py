"""Write the quotes of the claims graph as a flat CSV of statements, one row per quote.

Made for spreadsheets, R and Discourse Network Analyzer: who (speaker, their
organisation and role) said what (content, cue, cue class, quote type),
where (article id, title, date, character offsets) and in which sentence.

The file is UTF-8 **with a byte-order mark** (``utf-8-sig``): without it Excel
reads UTF-8 as the local code page and mangles curly quotes and accented
names. readr's ``read_csv``, ``data.table::fread``, pandas and LibreOffice skip
the mark; base R needs ``read.csv(path, fileEncoding = "UTF-8-BOM")`` and
Python ``open(path, encoding="utf-8-sig")``. Fields are quoted by the ``csv``
module when needed (commas, double quotes, line breaks stay inside one
field); rows end with ``\\r\\n`` as RFC 4180 says.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import defaultdict
from typing import Any

import networkx as nx

from kg.readwrite._atomic import atomic_open
from kg.attrs import as_list

__all__ = ["write_statements", "STATEMENT_FIELDS"]

STATEMENT_FIELDS = [
    "quote_id", "speaker", "speaker_type", "speaker_organisation", "speaker_role", "cue", "cue_class",
    "type", "content", "article_id", "title", "date", "start", "end", "sentence",
]
_ROLE = re.compile(r"^(?P<title>.*) \((?P<org>[^()]*)\)$")  # "director (Barnardo's)"


def write_statements(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write one CSV row per quote node of the claims graph, atomically.

    Parameters
    ----------
    G : networkx.Graph
        The claims graph (normally a ``MultiDiGraph``, also as read back
        from GraphML). It is not modified.
    path : str or os.PathLike
        Output file (UTF-8 with a byte-order mark, see the module docstring),
        replaced only once complete.

    Notes
    -----
    Columns are ``STATEMENT_FIELDS``; rows are sorted by article id, then by
    offset. ``quote_id`` is the quote's node id. ``speaker`` is the name of
    the node that said the quote, or the speaker as the text gives it when
    no person or organisation could be linked (``speaker_type`` is then
    empty). For a person, ``speaker_organisation`` and ``speaker_role`` come
    from the roles stated in the quote's article, else from all their roles
    (several joined with ``"; "``; a former role is written ``"former ..."``).
    An organisation's own name is its ``speaker_organisation``.
    """
    speakers = {v: u for u, v, d in G.edges(data=True) if d.get("type") == "said"}
    held = defaultdict(list)  # person -> their holds_role edges, gathered once for every row
    for u, v, d in G.edges(data=True):
        if d.get("type") == "holds_role":
            held[u].append((v, d))
    articles = {_text(d.get("article_id")): d for _, d in G.nodes(data=True) if d.get("type") == "article"}
    quotes = [node for node, d in G.nodes(data=True) if d.get("type") == "quote"]
    rows = [_row(G, node, speakers.get(node), articles, held) for node in quotes]
    rows.sort(key=lambda r: (r["article_id"], _as_int(r["start"]), r["quote_id"]))
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=STATEMENT_FIELDS)
    writer.writeheader()
    writer.writerows(rows)
    with atomic_open(path) as fh:
        fh.write(buffer.getvalue().encode("utf-8-sig"))


def _row(G: nx.Graph, node: Any, speaker: Any, articles: dict[str, dict[str, Any]],
         held: dict[Any, list[tuple[Any, dict[str, Any]]]]) -> dict[str, Any]:
    data = G.nodes[node]
    article_id = _text(data.get("article_id"))
    article = articles.get(article_id, {})
    name, kind, organisations, roles = _text(data.get("speaker")), "", [], []
    if speaker is not None:
        name, kind = _text(G.nodes[speaker].get("label") or speaker), _text(G.nodes[speaker].get("type"))
        organisations, roles = _affiliation(G, speaker, article_id, held.get(speaker, []))
    return {
        "quote_id": str(node),
        "speaker": name,
        "speaker_type": kind,
        "speaker_organisation": "; ".join(organisations),
        "speaker_role": "; ".join(roles),
        "cue": _text(data.get("cue")),
        "cue_class": _text(data.get("cue_class")),
        "type": _text(data.get("quote_type")),
        "content": _text(data.get("content")),
        "article_id": article_id,
        "title": _text(article.get("title")),
        "date": _text(data.get("date") or article.get("date")),
        "start": _text(data.get("start")),
        "end": _text(data.get("end")),
        "sentence": _text(data.get("sentence")),
    }


def _affiliation(G: nx.Graph, speaker: Any, article_id: str,
                 edges: list[tuple[Any, dict[str, Any]]]) -> tuple[list[str], list[str]]:
    """The organisations and roles of a speaker (from its holds_role `edges`), preferring
    those stated in the given article."""
    data = G.nodes[speaker]
    if data.get("type") == "organisation":
        return [_text(data.get("label") or speaker)], []
    edges = [(v, d) for v, d in edges if d.get("article_id") == article_id] or edges
    organisations = [_text(G.nodes[v].get("label") or v) for v, _ in edges]
    roles = [_role(d) for _, d in edges]
    if not edges:  # only roles without an organisation edge: "health minister", "director (Acme)"
        for described in as_list(data.get("roles")):
            match = _ROLE.match(described)
            roles.append(match["title"] if match else described)
            organisations.append(match["org"] if match else "")
    return list(dict.fromkeys(o for o in organisations if o)), list(dict.fromkeys(r for r in roles if r))


def _role(edge: dict[str, Any]) -> str:
    title = _text(edge.get("title"))
    former = edge.get("former") in (True, "true", "True")
    return f"former {title}" if former and not title.lower().startswith("former") else title


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _as_int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
