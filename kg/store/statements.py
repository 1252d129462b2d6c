"""The rows of the statements CSV, read from the store in order, one quote (and its concepts) at a time."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

from kg.readwrite.statements import Stance, quote_statements
from kg.store.graph import actor_roles

__all__ = ["statement_rows"]


def statement_rows(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """One row per quote not dropped and concept it is about, by article id then offset, as
    `kg.readwrite.write_statements` writes them for the claims graph."""
    speakers: dict[str, dict[str, Any]] = {}  # actor id -> what the row needs of it (type, label, roles)
    rows = db.execute(
        'SELECT q.id, q.speaker, q.speaker_id, q.cue, q.cue_class, q.type, q.content, q.article_id, q.start, '
        'q."end", q.sentence, q.date, a.title, a.date, s.concept, s.agreement, s.confidence FROM quotes q '
        "JOIN articles a ON a.id = q.article_id LEFT JOIN stances s ON s.quote_id = q.id "
        "WHERE NOT q.dropped ORDER BY q.article_id, q.start, q.id, s.seq")
    for _, group in groupby(rows, key=itemgetter(0)):
        quote = list(group)
        (node, speaker_text, speaker_id, cue, cue_class, kind, content, article_id, start, end, sentence, date,
         title, article_date) = quote[0][:14]
        data = {"speaker": speaker_text, "cue": cue or "", "cue_class": cue_class or "", "quote_type": kind,
                "content": content, "article_id": article_id, "start": start, "end": end, "sentence": sentence,
                "date": date}
        speaker = None
        if speaker_id is not None:
            found = speakers.get(speaker_id) or speakers.setdefault(speaker_id, _speaker(db, speaker_id))
            # the roles stated in the quote's article when there are some (what the row shows), else all
            speaker = {**found, "roles": found["by_article"].get(article_id) or found["roles"]}
        yield from quote_statements(node, data, {"title": title or "", "date": article_date or ""}, speaker,
                                    speaker_id, _stances(quote))


def _stances(rows: list[tuple]) -> list[Stance]:
    """A quote's concepts in the order of their first stance, each with its last (as in the graph)."""
    stances: dict[str, Stance] = {}
    for *_, concept, agreement, confidence in rows:
        if concept is not None:
            stances[concept] = (concept, agreement, confidence)
    return list(stances.values())


def _speaker(db: sqlite3.Connection, actor_id: str) -> dict[str, Any]:
    """What the rows show of a speaker: its kind, name and roles (not its names, articles and merge
    reasons, which `kg.store.graph.actor_data` reads too)."""
    kind, name = db.execute("SELECT kind, name FROM actors WHERE id = ?", (actor_id,)).fetchone()
    roles = actor_roles(db, "id = ?", (actor_id,)).get(actor_id, [])
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for role in roles:
        by_article[role["article_id"]].append(role)
    # All roles, each title at each organisation once: the same organisations and titles, in the same order.
    distinct: dict[tuple[str, str | None, bool], dict[str, Any]] = {}
    for role in roles:
        distinct.setdefault((role["title"], role["organisation"], role["former"]), role)
    return {"type": kind, "label": name, "roles": list(distinct.values()), "by_article": by_article}
