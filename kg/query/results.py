"""What the queries answer with: frozen pydantic records, in lists that become pandas DataFrames."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from kg.actor_index import role_title

__all__ = ["Results", "ActorResult", "ArticleResult", "QuoteResult", "StanceResult", "RoleResult", "CoQuoted",
           "PathStep"]

T = TypeVar("T", bound=BaseModel)


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class RoleResult(_Result):
    """A title a person holds, at an organisation when one is named, as stated in one article."""

    person: str
    title: str
    organisation: str | None
    article_id: str
    former: bool = False

    def __str__(self) -> str:
        """"former director (Barnardo's, in a1)"."""
        title = role_title(self.title, self.former)
        where = f"{self.organisation}, in {self.article_id}" if self.organisation else f"in {self.article_id}"
        return f"{title} ({where})"


class ActorResult(_Result):
    """A person or organisation."""

    id: str
    type: str
    name: str
    aliases: list[str] = []
    roles: list[RoleResult] = []
    n_quotes: int = 0
    articles: list[str] = []
    kinds: dict[str, int] = {}
    """How many articles tagged it a person, an organisation."""
    merge_reasons: list[str] = []
    """Why each other name or article was taken as this actor."""
    corrections: list[str] = []
    """The user's corrections that changed it."""


class ArticleResult(_Result):
    """An article."""

    id: str
    title: str
    date: str
    publication: str
    author: str
    url: str
    n_quotes: int


class StanceResult(_Result):
    """A claim's stance on one concept it is about."""

    concept: str
    agreement: str
    """agree, disagree or neutral."""
    confidence: float

    def __str__(self) -> str:
        """"voluntary sector: disagree (0.65)"."""
        return f"{self.concept}: {self.agreement} ({self.confidence:.2f})"


class QuoteResult(_Result):
    """A claim with its speaker, cue and source."""

    id: str
    speaker: str
    speaker_id: str | None
    cue: str
    cue_class: str
    type: str
    content: str
    article_id: str
    article_title: str
    date: str
    start: int
    end: int
    sentence: str
    concepts: list[StanceResult] = []
    """The concepts it is about, each with the speaker's stance, in the order found."""


class CoQuoted(_Result):
    """Another actor quoted in the same articles."""

    actor: ActorResult
    articles: list[str]


class PathStep(_Result):
    """One node on a path between two actors, with the relation that leads to the next."""

    id: str
    type: str
    label: str
    relation: str | None


class Results(list, Generic[T]):
    """A list of result records that can become a pandas DataFrame."""

    def to_pandas(self) -> Any:
        """The results as a ``pandas.DataFrame`` (pandas must be installed)."""
        try:
            import pandas as pd
        except ImportError as error:
            raise ImportError("to_pandas() needs pandas: pip install pandas") from error
        return pd.DataFrame([item.model_dump() for item in self])
