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

Text comes from articles, so a cell may start like a spreadsheet formula
(``=HYPERLINK(...)``, ``+``, ``-``, ``@``): such cells are written with a leading
``'``, which spreadsheets show as text and do not run, unless the caller asks for
formulas to be kept.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.readwrite._atomic import atomic_open

__all__ = ["write_statements", "write_statement_rows", "statement_row", "STATEMENT_FIELDS"]

STATEMENT_FIELDS = [
    "quote_id", "speaker", "speaker_type", "speaker_organisation", "speaker_role", "cue", "cue_class",
    "type", "content", "article_id", "title", "date", "start", "end", "sentence",
]


def write_statements(G: nx.Graph, path: str | os.PathLike[str], *, formulas: bool = False) -> None:
    """Write one CSV row per quote node of the claims graph, atomically.

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
    offset. ``quote_id`` is the quote's node id. ``speaker`` is the name of
    the node that said the quote, or the speaker as the text gives it when
    no person or organisation could be linked (``speaker_type`` is then
    empty). For a person, ``speaker_organisation`` and ``speaker_role`` come
    from the roles stated in the quote's article, else from all their roles
    (several joined with ``"; "``; a former role is written ``"former ..."``).
    An organisation's own name is its ``speaker_organisation``.
    """
    speakers = {v: u for u, v, d in G.edges(data=True) if d.get("type") == "said"}
    articles = {_text(d.get("article_id")): d for _, d in G.nodes(data=True) if d.get("type") == "article"}
    rows = [statement_row(node, d, articles.get(_text(d.get("article_id")), {}),
                          G.nodes[speakers[node]] if node in speakers else None, speakers.get(node))
            for node, d in G.nodes(data=True) if d.get("type") == "quote"]
    rows.sort(key=lambda r: (r["article_id"], int(r["start"] or 0), r["quote_id"]))
    write_statement_rows(rows, path, formulas=formulas)


def write_statement_rows(rows: Iterable[dict[str, Any]], path: str | os.PathLike[str], *,
                         formulas: bool = False) -> None:
    """Write statement rows (`statement_row`), in the order given, as `write_statements` does."""
    with atomic_open(path) as fh:
        fh.write("\ufeff".encode("utf-8"))
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=STATEMENT_FIELDS)
        writer.writeheader()
        for n, row in enumerate(rows, 1):
            writer.writerow(row if formulas else {name: _inert(value) for name, value in row.items()})
            if n % 1000 == 0:
                fh.write(buffer.getvalue().encode("utf-8"))
                buffer.seek(0)
                buffer.truncate()
        fh.write(buffer.getvalue().encode("utf-8"))


def statement_row(node: Any, data: dict[str, Any], article: dict[str, Any], speaker: dict[str, Any] | None,
                  speaker_id: Any = None) -> dict[str, Any]:
    """One row of the statements CSV.

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
    """
    article_id = _text(data.get("article_id"))
    name, kind, organisations, roles = _text(data.get("speaker")), "", [], []
    if speaker is not None:
        name, kind = _text(speaker.get("label") or speaker_id), _text(speaker.get("type"))
        organisations, roles = _affiliation(speaker, article_id)
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


def _affiliation(speaker: dict[str, Any], article_id: str) -> tuple[list[str], list[str]]:
    """The organisations and roles of a speaker node, preferring those stated in the given article."""
    if speaker.get("type") == "organisation":
        return [_text(speaker.get("label"))], []
    roles = speaker.get("roles", [])
    roles = [r for r in roles if r["article_id"] == article_id] or roles
    organisations = [r["organisation"] for r in roles if r["organisation"]]
    titles = [f"former {r['title']}" if r["former"] and not r["title"].lower().startswith("former") else r["title"]
              for r in roles]
    return list(dict.fromkeys(organisations)), list(dict.fromkeys(titles))


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")  # and full-width forms


def _inert(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _text(value: Any) -> str:
    return "" if value is None else str(value)
