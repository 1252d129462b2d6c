"""Records for tests, built by hand: no spaCy, and every offset points at its text.

An `Article` is a text made of sentences. Its `mention`, `role` and `quote`
find words in a sentence and give them their real character offsets, so tests
can slice ``article.text[start:end]`` and get the words back. `role`, `person`,
`organisation` and `record` fill in what tests rarely care about.

>>> article = Article("Jane Smith, director of Barnardo's, said so.", "Smith said more.")
>>> smith = article.mention("Smith", 1)
>>> (smith.start, smith.end, article.text[smith.start:smith.end])
(45, 50, 'Smith')
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from extractors.records import ArticleRecord, Mention, Organisation, Person, Quote, Role

__all__ = ["Article", "role", "person", "organisation", "record"]


class Article:
    """An article text: `sentences` joined by `sep`, with mentions at their true offsets.

    Parameters
    ----------
    *sentences : str
        The sentences, in order. A "sentence" may be any stretch of text; it is
        what records carry as their ``sentence``.
    sep : str
        What joins the sentences in `text`.
    """

    def __init__(self, *sentences: str, sep: str = "\n"):
        self.sentences = sentences
        self.sep = sep
        self.offsets: list[int] = []
        at = 0
        for sentence in sentences:
            self.offsets.append(at)
            at += len(sentence) + len(sep)

    @property
    def text(self) -> str:
        return self.sep.join(self.sentences)

    def mention(self, text: str, sentence: int | None = None) -> Mention:
        """The first occurrence of `text` in sentence number `sentence` (default: the first
        sentence that has it)."""
        i = self._sentence_with(text) if sentence is None else sentence
        if text not in self.sentences[i]:
            raise ValueError(f"{text!r} is not in sentence {i}: {self.sentences[i]!r}")
        start = self.offsets[i] + self.sentences[i].index(text)
        return Mention(text=text, start=start, end=start + len(text), sentence=self.sentences[i])

    def role(self, title: str, sentence: int | None = None, *, organisation: str | None = None,
             former: bool = False) -> Role:
        """A role stated by the words `title`."""
        return role(title, self.mention(title, sentence), organisation=organisation, former=former)

    def quote(self, qid: str, content: str, sentence: int | None = None, *, speaker: str | None = None,
              type: str = "direct", **fields) -> Quote:
        """A quote whose content is the words `content`; other `Quote` fields as keywords."""
        at = self.mention(content, sentence)
        return Quote(id=qid, speaker=speaker, type=type, content=content, start=at.start, end=at.end,
                     sentence=at.sentence, **fields)

    def _sentence_with(self, text: str) -> int:
        for i, sentence in enumerate(self.sentences):
            if text in sentence:
                return i
        raise ValueError(f"{text!r} is in no sentence of {self.sentences!r}")


def role(title: str, mention: Mention, *, organisation: str | None = None, former: bool = False) -> Role:
    """A role titled `title`, stated at `mention` (`Article.role` when the words are the title)."""
    return Role(title=title, organisation=organisation, former=former, mention=mention)


def person(pid: str, name: str, *mentions: Mention, **fields) -> Person:
    """A person named `name`, mentioned at `mentions`; other `Person` fields as keywords."""
    return Person(id=pid, name=name, mentions=list(mentions), **fields)


def organisation(oid: str, name: str, *mentions: Mention, **fields) -> Organisation:
    """An organisation named `name`, mentioned at `mentions`; other fields as keywords."""
    return Organisation(id=oid, name=name, mentions=list(mentions), **fields)


def record(article_id: str, *, model: str = "test", **fields) -> ArticleRecord:
    """The record of one article; `people`, `organisations`, `quotes` and the rest as keywords."""
    return ArticleRecord(id=article_id, model=model, **fields)


def damage_table(store: Path, table: str) -> bytes:
    """Write garbage over the first page of `table` in the SQLite file `store`; return the bytes written."""
    db = sqlite3.connect(store)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    (root,) = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (table,)).fetchone()
    db.close()
    data = bytearray(store.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xff" * page_size
    store.write_bytes(bytes(data))
    return bytes(data)
