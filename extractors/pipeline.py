"""Load a spaCy pipeline with the project's components and turn articles into records.

This is the only place where spaCy objects become `records` (plain data with
character offsets), so nothing downstream depends on spaCy.
"""

from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors import DEFAULT_MODEL
from extractors import concepts as _concepts  # noqa: F401  (registers pckg_concepts)
from extractors import entities as _entities  # noqa: F401  (registers pckg_entities)
from extractors import furniture as _furniture  # noqa: F401  (registers pckg_furniture)
from extractors import quotes as _quotes  # noqa: F401  (registers pckg_quotes)
from extractors.codebook import Codebook
from extractors.concepts import concept_links
from extractors.entities import EntityCluster
from extractors.quotes import QuoteMatch
from extractors.metadata import parse_date, read_metadata
from extractors.records import ArticleRecord, ArticleText, Failure, Mention, Organisation, Person, Quote, Role
from extractors.spans import sentence_of
from extractors.text import normalise

__all__ = ["DEFAULT_MODEL", "load_pipeline", "extract_articles", "doc_to_record", "ModelNotFound"]



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
    are its key noun phrases.

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
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("pckg_line_breaks", before="parser")
    elif not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer")  # quotes need sentences; a pipeline without a parser finds fewer
    nlp.add_pipe("pckg_furniture", last=True)
    nlp.add_pipe("pckg_entities", last=True)
    nlp.add_pipe("pckg_quotes", last=True)
    concepts = nlp.add_pipe("pckg_concepts", last=True)
    concepts.initialize(nlp=nlp, codebook=codebook)
    return nlp


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


def doc_to_record(doc: Doc, article: ArticleText, *, model: str) -> ArticleRecord:
    """Convert a processed document into an `ArticleRecord` with offsets into `article.text`."""
    original = article.text
    clusters: list[EntityCluster] = doc._.entities or []
    ids: dict[int, str] = {}
    people: list[Person] = []
    organisations: list[Organisation] = []
    for cluster in clusters:
        if cluster.kind == "person":
            ids[id(cluster)] = f"p{len(people) + 1}"
            people.append(Person(
                id=ids[id(cluster)], name=cluster.name, honorific=cluster.honorific,
                aliases=dict(sorted(cluster.aliases.items())),
                roles=[Role(title=r.title.text, organisation=r.organisation, former=r.former,
                            mention=_mention(r.title, original)) for r in cluster.roles],
                byline=cluster.byline, mentions=[_mention(m, original) for m in cluster.mentions],
            ))
        else:
            ids[id(cluster)] = f"o{len(organisations) + 1}"
            organisations.append(Organisation(
                id=ids[id(cluster)], name=cluster.name, aliases=dict(sorted(cluster.aliases.items())),
                mentions=[_mention(m, original) for m in cluster.mentions],
            ))
    quotes = [_quote(q, f"q{n}", doc, original, ids) for n, q in enumerate(doc._.quotes or [], 1)]
    found = read_metadata(doc.text)
    return ArticleRecord(
        id=article.id, title=article.title or found.title,
        date=(parse_date(article.date) or article.date) if article.date else found.date,
        url=article.url, publication=article.publication or found.publication,
        author=found.author or next((p.name for p in people if p.byline), None),
        source=article.source, notes=article.notes, text=article.text if article.html_extracted else None,
        model=model, people=people, organisations=organisations, quotes=quotes,
    )


def _mention(span: Span, original: str) -> Mention:
    return Mention(text=original[span.start_char : span.end_char], start=span.start_char,
                   end=span.end_char, sentence=_sentence_text(span, original))


def _sentence_text(span: Span, original: str) -> str:
    doc = span.doc
    first, last = sentence_of(doc[span.start]), sentence_of(doc[max(span.end - 1, span.start)])
    return original[first.start_char : last.end_char].strip()


def _quote(match: QuoteMatch, quote_id: str, doc: Doc, original: str, ids: dict[int, str]) -> Quote:
    content = doc.char_span(match.start, match.end, alignment_mode="expand")
    speaker = match.speaker
    around = content if match.cue is None else doc[min(content.start, match.cue.start) : max(content.end, match.cue.end)]
    return Quote(
        id=quote_id,
        speaker=speaker.name,
        speaker_id=ids.get(id(speaker.entity)) if speaker.entity is not None else None,
        speaker_mention=_mention(speaker.mention, original) if speaker.mention is not None else None,
        cue=match.cue_text,
        cue_class=match.cue_class,
        cue_mention=_mention(match.cue, original) if match.cue is not None else None,
        type=match.type,
        content=" ".join(original[start:end] for start, end in match.spans),
        start=match.start,
        end=match.end,
        parts=list(match.spans),
        sentence=_sentence_text(around, original),
        concepts=concept_links(doc, match, original),
    )
