"""Load a spaCy pipeline with the project's components and turn articles into records.

`load_pipeline` adds the components to any installed pipeline and gives them
their lexicons and codebook through ``initialize()``; `extract_articles` runs
it over articles, isolating failures, and hands each document to
`extractors.to_records.doc_to_record`.
"""

from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractors import DEFAULT_MODEL
from extractors import concepts as _concepts  # noqa: F401  (registers pckg_concepts)
from extractors import entities as _entities  # noqa: F401  (registers pckg_entities)
from extractors import furniture as _furniture  # noqa: F401  (registers pckg_furniture)
from extractors import quotes as _quotes  # noqa: F401  (registers pckg_quotes)
from extractors.codebook import Codebook
from extractors.records import ArticleRecord, ArticleText, Failure
from extractors.text import normalise
from extractors.to_records import doc_to_record

__all__ = ["DEFAULT_MODEL", "load_pipeline", "extract_articles", "doc_to_record", "ModelNotFound"]

COMPONENTS = ("pckg_furniture", "pckg_entities", "pckg_quotes", "pckg_concepts")
"""The project's components, in pipeline order, after the model's own."""

class ModelNotFound(LookupError):
    """The named spaCy pipeline is not installed."""


@Language.component("pckg_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every kept line break, so headings, list items and
    paragraphs never run into each other. Runs before the parser, which keeps
    these boundaries."""
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_pipeline(model: str = DEFAULT_MODEL, *, codebook: Codebook | None = None) -> Language:
    """Load an installed spaCy pipeline by name and add the project's components.

    `codebook` names the policy concepts to tag claims with (read one with
    `extractors.codebook.load_codebook`); without one, each claim's concepts
    are its key noun phrases. A pipeline saved with ``nlp.to_disk`` after this
    function already has the components, with the lexicons and codebook it was
    saved with; a `codebook` given here replaces the saved one.

    Raises
    ------
    ModelNotFound
        When no installed package or path has that name.
    """
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelNotFound(
            f"spaCy pipeline {model!r} is not installed ({error}). Install it as a Python "
            f"package, or use the default {DEFAULT_MODEL!r}."
        ) from None
    if not nlp.has_pipe("pckg_quotes"):
        _add_components(nlp, codebook)
    elif codebook is not None:
        concepts = nlp.get_pipe("pckg_concepts")
        concepts.initialize(nlp=nlp, lexicon=concepts.lexicon, codebook=codebook)
    return nlp


def _add_components(nlp: Language, codebook: Codebook | None) -> None:
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("pckg_line_breaks", before="parser")
    elif not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer")  # quotes need sentences; a pipeline without a parser finds fewer
    for name in COMPONENTS:
        component = nlp.add_pipe(name, last=True)
        if name == "pckg_concepts":
            component.initialize(nlp=nlp, codebook=codebook)
        elif hasattr(component, "initialize"):
            component.initialize(nlp=nlp)


def extract_articles(articles: Iterable[ArticleText], nlp: Language, *,
                     batch_size: int = 16) -> Iterator[ArticleRecord | Failure]:
    """Run the pipeline over articles and yield, in order, a record per article.

    An article longer than ``nlp.max_length`` characters, or one that makes a
    component fail, yields a `Failure` naming it, and the batch goes on.
    """
    model = f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"
    errors: dict[int, str] = {}  # id(article) -> what went wrong

    def remember(name: str, component: object, docs: list[Doc], error: Exception) -> None:
        # spaCy drops a document its component failed on; note why, report it below.
        for doc in docs:
            errors[id(doc._context)] = f"{name}: {type(error).__name__}: {error}"

    nlp.default_error_handler = remember  # not set_error_handler: spaCy 3.8's parser rejects it
    pending: deque[ArticleText] = deque()

    def texts() -> Iterator[tuple[str, ArticleText]]:
        for article in articles:
            if len(article.text) > nlp.max_length:
                errors[id(article)] = (f"text too long: {len(article.text):,} characters, the limit is "
                                       f"{nlp.max_length:,} (raise it with --max-chars)")
            pending.append(article)
            yield normalise(article.text) if id(article) not in errors else "", article

    for doc, article in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        while pending[0] is not article:
            yield _failure(pending.popleft(), errors)
        pending.popleft()
        if id(article) in errors:  # too long: never given to the model
            yield _failure(article, errors)
            continue
        try:
            yield doc_to_record(doc, article, model=model)
        except Exception as error:  # noqa: BLE001  (one bad article must not end the batch)
            errors[id(article)] = f"records: {type(error).__name__}: {error}"
            yield _failure(article, errors)
    while pending:
        yield _failure(pending.popleft(), errors)


def _failure(article: ArticleText, errors: dict[int, str]) -> Failure:
    reason = errors.pop(id(article), "the pipeline returned no document")
    return Failure(source=article.source or article.id, reason=f"extraction failed ({reason})")
