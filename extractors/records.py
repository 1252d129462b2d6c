"""Records: what the extractors hand to the graph, as plain pydantic models.

No spaCy here, so `kg` can read and query records without it. Every extracted
item keeps its provenance: the article id (on the enclosing `ArticleRecord`),
character offsets into the article's original text, and the sentence.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

__all__ = [
    "ArticleText",
    "Failure",
    "Mention",
    "Role",
    "Person",
    "Organisation",
    "Quote",
    "ConceptLink",
    "Agreement",
    "ArticleRecord",
    "QuoteType",
    "Attribution",
    "CueClass",
    "ARTICLE_RECORD",
]

QuoteType = Literal["direct", "indirect", "mixed", "block"]
Attribution = Literal["cue", "continued", "inferred", "label"]
CueClass = Literal["neutral", "critical", "supportive", "commitment", "announcement"]
Agreement = Literal["agree", "disagree", "neutral"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Failure(_Record):
    """An input or article that could not be processed, and why."""

    source: str
    """The file path, with ``:LINE`` appended for a line of a JSONL file."""
    reason: str
    """What is wrong, e.g. ``"empty file"``."""

    @property
    def message(self) -> str:
        """The failure as one line, e.g. ``"seeds/x.txt: empty file"``."""
        return f"{self.source}: {self.reason}"


class ArticleText(_Record):
    """One input article: its text and whatever metadata came with it."""

    id: str = Field(min_length=1)
    """Stable article id (a file stem or the JSONL `id`)."""
    text: str
    """The original text; all offsets in the records point into it."""
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publication: str | None = None
    source: str | None = None
    """Where the article was read from (file path, with line number for JSONL)."""
    html_extracted: bool = False
    """True when `text` was extracted from an HTML page rather than read as is."""
    notes: list[str] = []
    """What the reader had to do to get the text ("read as Windows-1252", ...)."""


class Mention(_Record):
    """A stretch of the original text that an extracted fact rests on."""

    text: str
    """The characters `original[start:end]`."""
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str
    """The sentence the mention occurs in, as it stands in the text."""


class Role(_Record):
    """A title a person holds, optionally at a named organisation."""

    title: str
    organisation: str | None = None
    """Display name of the organisation, when the text names one."""
    former: bool = False
    """True for "former ADSS president" and the like."""
    mention: Mention
    """Where the title is stated."""


class Person(_Record):
    """A person named in an article, with every place they are mentioned."""

    id: str
    """Article-local id, e.g. ``p1``; quotes refer to it."""
    name: str
    """Canonical display name, without honorifics or possessives."""
    honorific: str | None = None
    """"Dame", "Councillor", ... when the text gives one."""
    aliases: dict[str, str] = {}
    """Other forms the article uses, each with why it was merged:
    ``{"Hodge": "surname of Margaret Hodge"}``."""
    roles: list[Role] = []
    byline: bool = False
    """Named as the article's writer ("By Loretta Hudson"), not as a source."""
    mentions: list[Mention] = Field(min_length=1)


class Organisation(_Record):
    """An organisation named in an article."""

    id: str
    """Article-local id, e.g. ``o1``."""
    name: str
    aliases: dict[str, str] = {}
    """Other forms the article uses, each with why it was merged:
    ``{"NCVO": "acronym of National Council for Voluntary Organisations"}``."""
    mentions: list[Mention] = Field(min_length=1)


class ConceptLink(_Record):
    """A policy concept a claim is about, and whether the speaker agrees with it."""

    concept: str
    """The concept's name: a codebook entry, or a lemmatised key noun phrase."""
    source: Literal["codebook", "key_phrase"]
    mention: Mention
    """The words in the claim that signal the concept."""
    agreement: Agreement
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[str] = []
    """What decided the agreement: "negation: not", "cue: critical", "modal: should", ..."""


class Quote(_Record):
    """A claim attributed to a speaker: quoted directly or reported."""

    id: str
    """Article-local id, e.g. ``q1``."""
    speaker: str | None
    """The speaker as the article names them at this claim: the name written at the cue
    ("Sullivan", "the AP") when the words there name the entity; the entity's canonical
    name when they do not (a pronoun, a role phrase such as "the minister"); the phrase
    itself for a speaker who is no known entity ("One analyst"); ``None`` when the text
    gives no source. The canonical person or organisation is `speaker_id`."""
    speaker_id: str | None = None
    """Id of the speaking `Person` or `Organisation`, when the speaker is one: the graph
    links claims to speakers through it."""
    speaker_mention: Mention | None = None
    """The words that name the speaker at the cue ("He", "Hanvey", ...)."""
    cue: str | None = None
    """The reporting verb or phrase ("said", "went on to say")."""
    cue_class: CueClass | None = None
    cue_mention: Mention | None = None
    type: QuoteType
    content: str
    """The claim as it stands in the text, without the enclosing quote marks; the
    parts of a split quote ("…," she said. "…") joined by a space."""
    start: int = Field(ge=0)
    """Where the first part starts."""
    end: int = Field(ge=0)
    """Where the last part ends."""
    parts: list[tuple[int, int]] = []
    """(start, end) of each part of the content; one part unless the quote is split."""
    sentence: str
    """The sentence (or sentences) the claim is made in."""
    attribution: Attribution = "cue"
    """How the speaker was found: ``cue`` (the claim's own reporting cue), ``continued``
    (a later paragraph of a quote that runs over several: see `continues`), ``inferred``
    (a quotation with no cue of its own, right after a quote by the same speaker), ``label``
    (a speaker label: a transcript's "PENCE: …", "Jane Roe, on Facebook: …", a pull quote
    signed "Name, Title")."""
    continues: str | None = None
    """For a later paragraph of a quote over several paragraphs, the id of the quote's first
    paragraph (which has the cue); it has the same speaker. ``None`` otherwise."""
    concepts: list[ConceptLink] = []
    """The policy concepts the claim is about, with the speaker's stance on each."""


class ArticleRecord(_Record):
    """Everything extracted from one article: one line of ``records.jsonl``.

    Title, date and publication come from the input when it gives them, else
    from the text; the author from a byline.
    """

    id: str
    title: str | None = None
    date: str | None = None
    """ISO date (``2010-02-25``) when one could be read."""
    url: str | None = None
    publication: str | None = None
    author: str | None = None
    source: str | None = None
    notes: list[str] = []
    """How the text was read, when not plainly ("read as Windows-1252")."""
    text: str | None = None
    """The text every offset points into: the input's text, or the article text extracted
    from an HTML page. Kept so that each fact can be checked against its source without
    the input files (None only in hand-made records)."""
    model: str
    """The spaCy pipeline that produced the record."""
    people: list[Person] = []
    organisations: list[Organisation] = []
    quotes: list[Quote] = []


ARTICLE_RECORD = TypeAdapter(ArticleRecord)
