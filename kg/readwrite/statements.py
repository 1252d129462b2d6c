"""Write the claims of the claims graph as a flat CSV of statements, one row per claim and concept.

Made for spreadsheets, R and Discourse Network Analyzer, in DNA's long format: who
(speaker, their id, kind, organisation and role) took which stance (agreement and its
confidence) on which concept, saying what (content, cue, cue class, quote type), where
(article id, title, date, character offsets) and in which sentence. A claim about no
concept is one row with the concept columns empty.

The file is UTF-8 **with a byte-order mark** (``utf-8-sig``): without it Excel
reads UTF-8 as the local code page and mangles curly quotes and accented
names. readr's ``read_csv``, ``data.table::fread``, pandas and LibreOffice skip
the mark; base R needs ``read.csv(path, fileEncoding = "UTF-8-BOM")`` and
Python ``open(path, encoding="utf-8-sig")``. Fields are quoted by the ``csv``
module when needed (commas, double quotes, line breaks stay inside one
field); rows end with ``\\r\\n`` as RFC 4180 says.

Text comes from articles, so a cell may start like a spreadsheet formula
(``=HYPERLINK(...)``, ``+``, ``-``, ``@``): such cells are written with a leading
``'``, which spreadsheets show as text and do not run, unless the caller asks for
formulas to be kept.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

import networkx as nx

from kg.actor_index import role_title
from kg.readwrite._csv import csv_line, write_csv_lines

__all__ = ["write_statements", "write_statement_rows", "quote_statements", "STATEMENT_FIELDS"]

STATEMENT_FIELDS = [
    "quote_id", "speaker", "speaker_id", "speaker_type", "speaker_organisation", "speaker_role", "concept",
    "agreement", "confidence", "cue", "cue_class", "type", "content", "article_id", "title", "date", "start", "end",
    "sentence",
]
Stance = tuple[str, str, float]
"""A claim's concept (its label), agreement and confidence."""
_STANCE = STATEMENT_FIELDS.index("concept")  # the stance's three columns start here
_CLAIM_CELLS = itemgetter(*STATEMENT_FIELDS[:_STANCE], *STATEMENT_FIELDS[_STANCE + 3:])
"""A row's cells of the claim itself, the same in each of its rows."""
_STANCE_CELLS = itemgetter(*STATEMENT_FIELDS[_STANCE:_STANCE + 3])


def write_statements(G: nx.Graph, path: str | os.PathLike[str], *, formulas: bool = False) -> None:
    """Write one CSV row per quote node and concept of the claims graph, atomically.

    Parameters
    ----------
    G : networkx.Graph
        The claims graph (normally a ``MultiDiGraph``, also as read back
        from GraphML). It is not modified.
    path : str or os.PathLike
        Output file (UTF-8 with a byte-order mark, see the module docstring),
        replaced only once complete.
    formulas : bool
        Write cells that start with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
        return) as they are. By default they get a leading ``'``, so that a
        spreadsheet shows them as text instead of running them.

    Notes
    -----
    Columns are ``STATEMENT_FIELDS``; rows are sorted by article id, then by
    offset, a claim's concepts in the order found. ``quote_id`` is the quote's
    node id. ``speaker`` is the name of the node that said the quote, or the
    speaker as the text gives it when no person or organisation could be linked
    (``speaker_id`` and ``speaker_type`` are then empty). For a person,
    ``speaker_organisation`` and ``speaker_role`` come from the roles stated in
    the quote's article, else from all their roles (several joined with ``"; "``;
    a former role is written ``"former ..."``). An organisation's own name is its
    ``speaker_organisation``. ``concept``, ``agreement`` (agree, disagree, neutral)
    and ``confidence`` come from the quote's ``about`` edges.
    """
    speakers = {v: u for u, v, d in G.edges(data=True) if d.get("type") == "said"}
    articles = {_text(d.get("article_id")): d for _, d in G.nodes(data=True) if d.get("type") == "article"}
    rows = [row for node, d in G.nodes(data=True) if d.get("type") == "quote"
            for row in quote_statements(node, d, articles.get(_text(d.get("article_id")), {}),
                                        G.nodes[speakers[node]] if node in speakers else None, speakers.get(node),
                                        _stances(G, node))]
    rows.sort(key=lambda r: (r["article_id"], int(r["start"] or 0), r["quote_id"]))
    write_statement_rows(rows, path, formulas=formulas)


def write_statement_rows(rows: Iterable[dict[str, Any]], path: str | os.PathLike[str], *,
                         formulas: bool = False) -> None:
    """Write statement rows (`quote_statements`), in the order given, as `write_statements` does."""
    write_csv_lines(path, chain([csv_line(STATEMENT_FIELDS)], _lines(rows, formulas)), bom=True)


def _lines(rows: Iterable[dict[str, Any]], formulas: bool) -> Iterator[str]:
    """The CSV line of each row; the claim's cells, the same in the rows of its concepts, are
    made into CSV text once for them all, and so is each stance (a concept, agreement and
    confidence), which many claims share."""
    claim: tuple[str, ...] | None = None
    before = after = ""
    stances: dict[tuple[str, str, str], str] = {}
    for row in rows:
        cells = _CLAIM_CELLS(row)
        if cells != claim:
            claim = cells
            before = csv_line(list(cells[:_STANCE]), formulas=formulas)[:-2]
            after = csv_line(list(cells[_STANCE:]), formulas=formulas)
        key = _STANCE_CELLS(row)
        stance = stances.get(key)
        if stance is None:
            stance = stances[key] = csv_line(list(key), formulas=formulas)[:-2]
        yield f"{before},{stance},{after}"


def quote_statements(node: Any, data: dict[str, Any], article: dict[str, Any], speaker: dict[str, Any] | None,
                     speaker_id: Any = None, stances: Sequence[Stance] = ()) -> list[dict[str, str]]:
    """The rows of one quote in the statements CSV: one per concept, or one with no concept.

    Parameters
    ----------
    node : str
        The quote's node id.
    data : dict
        The quote node's attributes.
    article : dict
        Its article node's attributes (``{}`` when unknown).
    speaker : dict or None
        The attributes of the person or organisation that said it (``type``, ``label``, ``roles``).
    speaker_id : str, optional
        The speaker's node id, the name when it has no label.
    stances : sequence of (concept, agreement, confidence)
        The concepts the quote is about, in order.
    """
    article_id = _text(data.get("article_id"))
    name, kind, organisations, roles = _text(data.get("speaker")), "", [], []
    if speaker is not None:
        name, kind = _text(speaker.get("label") or speaker_id), _text(speaker.get("type"))
        organisations, roles = _affiliation(speaker, article_id)
    claim = {
        "quote_id": str(node),
        "speaker": name,
        "speaker_id": _text(speaker_id) if speaker is not None else "",
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
    return [{**claim, "concept": concept, "agreement": agreement, "confidence": _text(confidence)}
            for concept, agreement, confidence in stances] or [{**claim, "concept": "", "agreement": "",
                                                                  "confidence": ""}]


def _stances(G: nx.Graph, quote: Any) -> list[Stance]:
    about = G.out_edges(quote, data=True) if G.is_directed() else G.edges(quote, data=True)
    return [(_text(G.nodes[concept].get("label") or concept), _text(d.get("agreement")), d.get("confidence", 0.0))
            for _, concept, d in about if d.get("type") == "about"]


def _affiliation(speaker: dict[str, Any], article_id: str) -> tuple[list[str], list[str]]:
    """The organisations and roles of a speaker node, preferring those stated in the given article."""
    if speaker.get("type") == "organisation":
        return [_text(speaker.get("label"))], []
    roles = speaker.get("roles", [])
    roles = [r for r in roles if r["article_id"] == article_id] or roles
    organisations = [r["organisation"] for r in roles if r["organisation"]]
    titles = [role_title(r["title"], r["former"]) for r in roles]
    return list(dict.fromkeys(organisations)), list(dict.fromkeys(titles))


def _text(value: Any) -> str:
    return "" if value is None else str(value)
