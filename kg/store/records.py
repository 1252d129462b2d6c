"""Read the article records back out of the store, exactly as they went in."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator

from extractors.records import ArticleRecord, ConceptLink, Mention, Organisation, Person, Quote, Role

__all__ = ["read_store_records"]


def read_store_records(db: sqlite3.Connection) -> Iterator[ArticleRecord]:
    """Yield every article's record, in order of article id (one article in memory at a time)."""
    articles = db.execute("SELECT id, title, date, url, publication, author, source, notes, text, model "
                          "FROM articles ORDER BY id")  # a cursor of its own: read a row at a time
    for row in articles:
        yield _record(db, row)


def _record(db: sqlite3.Connection, row: tuple) -> ArticleRecord:
    article_id = row[0]
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for local_id, text, start, end, sentence in db.execute(
            'SELECT local_id, text, start, "end", sentence FROM mentions WHERE article_id = ? ORDER BY local_id, seq',
            (article_id,)):
        mentions[local_id].append(Mention(text=text, start=start, end=end, sentence=sentence))
    roles: dict[str, list[Role]] = defaultdict(list)
    for local_id, title, organisation, former, text, start, end, sentence in db.execute(
            'SELECT local_id, title, organisation, former, text, start, "end", sentence FROM roles '
            "WHERE article_id = ? ORDER BY local_id, seq", (article_id,)):
        roles[local_id].append(Role(title=title, organisation=organisation, former=bool(former),
                                    mention=Mention(text=text, start=start, end=end, sentence=sentence)))
    people, organisations = [], []
    for local_id, kind, name, honorific, aliases, byline in db.execute(
            "SELECT local_id, kind, name, honorific, aliases, byline FROM entities WHERE article_id = ? ORDER BY seq",
            (article_id,)):
        if kind == "person":
            people.append(Person(id=local_id, name=name, honorific=honorific, aliases=json.loads(aliases),
                                 roles=roles[local_id], byline=bool(byline), mentions=mentions[local_id]))
        else:
            organisations.append(Organisation(id=local_id, name=name, aliases=json.loads(aliases),
                                              mentions=mentions[local_id]))
    return ArticleRecord(id=article_id, title=row[1], date=row[2], url=row[3], publication=row[4], author=row[5],
                         source=row[6], notes=json.loads(row[7]), text=row[8], model=row[9], people=people,
                         organisations=organisations, quotes=_quotes(db, article_id))


def _quotes(db: sqlite3.Connection, article_id: str) -> list[Quote]:
    links: dict[str, list[ConceptLink]] = defaultdict(list)
    for quote_id, concept, source, agreement, confidence, evidence, text, start, end, sentence in db.execute(
            'SELECT s.quote_id, concept, source, agreement, confidence, evidence, s.text, s.start, s."end", '
            "s.sentence FROM stances s JOIN quotes q ON q.id = s.quote_id WHERE q.article_id = ? "
            "ORDER BY s.quote_id, s.seq", (article_id,)):
        links[quote_id].append(ConceptLink(concept=concept, source=source, agreement=agreement,
                                           confidence=confidence, evidence=json.loads(evidence),
                                           mention=Mention(text=text, start=start, end=end, sentence=sentence)))
    quotes = []
    for (quote_id, local_id, speaker, speaker_id, speaker_mention, cue, cue_class, cue_mention, kind, content,
         start, end, parts, sentence) in db.execute(
            "SELECT id, local_id, speaker_text, speaker_local_id, speaker_mention, cue, cue_class, cue_mention, "
            'type, content, start, "end", parts, sentence FROM quotes WHERE article_id = ? ORDER BY seq',
            (article_id,)):
        quotes.append(Quote(id=local_id, speaker=speaker, speaker_id=speaker_id,
                            speaker_mention=_mention(speaker_mention), cue=cue, cue_class=cue_class,
                            cue_mention=_mention(cue_mention), type=kind, content=content, start=start, end=end,
                            parts=[tuple(p) for p in json.loads(parts)], sentence=sentence,
                            concepts=links[quote_id]))
    return quotes


def _mention(text: str | None) -> Mention | None:
    return None if text is None else Mention.model_validate_json(text)
