"""PageData: everything the HTML page shows, as plain typed records.

The page is written from a `PageData` alone (`kg.readwrite.html.write_page`), so
anything that can fill one, the claims graph (`kg.page.page_data`) or a store,
gets the same page. Items refer to each other by their index in the
`PageData` lists (``quote.article = 3`` is ``articles[3]``), which keeps the page
small. No networkx here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from extractors.records import Agreement

__all__ = [
    "PageData",
    "PageActor",
    "PageArticle",
    "PageConcept",
    "PageQuote",
    "PageRole",
    "PageTie",
    "Stance",
    "Network",
]

Network = Literal["claims", "congruence", "conflict", "subtract", "actor-concept"]


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class PageActor(_Item):
    """A person or an organisation."""

    id: str
    """Node id (``person:jane smith``); the page's node id too."""
    name: str
    kind: Literal["person", "organisation"]
    aliases: list[str] = []
    roles: list[str] = []
    """As the page shows them: "director (Barnardo's)", "former chair"."""
    articles: list[int] = []
    """Indexes of the articles that name the actor."""
    n_quotes: int = 0
    """Quotes said (claims pages); stance statements made (discourse-network pages)."""


class PageArticle(_Item):
    """An article, with its text when the page has room for it."""

    id: str
    title: str
    date: str = ""
    """ISO date, or ``""``."""
    url: str = ""
    publication: str = ""
    author: str = ""
    text: str | None = None
    """The text every offset points into, with single line breaks made spaces (same
    length); None when it is not in the page (see `kg.page.TEXT_BUDGET`)."""


class PageConcept(_Item):
    """A policy concept: a codebook entry or a key phrase."""

    id: str
    label: str
    source: str = ""


class Stance(_Item):
    """A quote's stance on one concept."""

    concept: int
    """Index of the concept."""
    agreement: Agreement
    confidence: float


class PageQuote(_Item):
    """A claim, with where it stands in its article."""

    id: str
    article: int | None
    """Index of the article, None if unknown."""
    speaker: int | None
    """Index of the actor who said it, None when the speaker is not a known actor."""
    speaker_name: str
    """The words naming the speaker ("one worker"), or ``""``."""
    content: str
    """Line breaks and runs of spaces made one space."""
    cue: str = ""
    cue_class: str = ""
    quote_type: str = ""
    date: str = ""
    sentence: str = ""
    """As `content`, line breaks made spaces; ``""`` when the article's text is in the page."""
    parts: list[tuple[int, int]] = []
    """Character offsets of each part of the quote in the article text."""
    cue_span: list[int] = []
    """``[start, end]`` of the cue, or ``[]``."""
    speaker_span: list[int] = []
    """``[start, end]`` of the words naming the speaker at the cue, or ``[]``."""
    stances: list[Stance] = []


class PageRole(_Item):
    """A person's role at an organisation: a line between two actors."""

    person: int
    organisation: int
    title: str
    former: bool = False


class PageTie(_Item):
    """An edge of a discourse network, as the network gives it."""

    source: int
    """Index of an actor."""
    target: int
    """Index of an actor; of a concept for ``stance`` ties."""
    relation: Literal["congruence", "conflict", "stance"]
    weight: float
    count: int = 0
    """Congruence or conflict: the raw count before normalisation."""
    concepts: list[int] = []
    """Congruence or conflict: the concepts behind the tie."""
    agree: int = 0
    """Stance: numbers of agreeing, disagreeing and neutral statements."""
    disagree: int = 0
    neutral: int = 0


class PageData(_Item):
    """Everything one page shows.

    A claims page (``network="claims"``) has quotes, and the page works out
    congruence and conflict between actors from the quotes' stances itself, so
    that every filter recomputes them. A discourse-network page has the
    network's ties instead, and no quotes or articles.
    """

    network: Network = "claims"
    about: str = ""
    """One line on what the page shows ("conflict network of people, normalised
    by jaccard"), or ``""``."""
    actors: list[PageActor] = []
    articles: list[PageArticle] = []
    concepts: list[PageConcept] = []
    quotes: list[PageQuote] = []
    """In article date order, then by place in the article."""
    roles: list[PageRole] = []
    ties: list[PageTie] = []
    texts_left_out: int = 0
    """Articles whose text did not fit in the page."""
