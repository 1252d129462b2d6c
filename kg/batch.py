"""Batch runs behind ``kg extract`` and ``kg build``: read, extract, write.

spaCy is imported only when extraction starts, so the rest of `kg` works
without it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extractors.records import ArticleRecord, ArticleText, Failure
from kg.build import build_graph
from kg.readwrite import read_articles, write_failures, write_graphml, write_html, write_records

__all__ = ["RunSummary", "StrictStop", "extract_records", "run_extract", "run_build", "DEFAULT_MAX_CHARS"]

DEFAULT_MAX_CHARS = 1_000_000
"""Longest article given to the model (spaCy's own default); longer ones fail with a reason."""


class StrictStop(Exception):
    """Raised in strict mode at the first failure; outputs already on disk stay as they were."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.failure = failure

ProgressCallback = Callable[[int, int], None]
"""Called after each article with (articles done, failures so far)."""


@dataclass
class RunSummary:
    """What a run read, extracted and wrote."""

    articles: int = 0
    people: int = 0
    organisations: int = 0
    quotes: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """"source: note" for each article read with a note (decoded as Windows-1252, from HTML)."""
    outputs: dict[str, Path] = field(default_factory=dict)

    def count(self, record: ArticleRecord) -> None:
        self.articles += 1
        self.notes.extend(f"{record.source or record.id}: {note}" for note in record.notes)
        self.people += len(record.people)
        self.organisations += len(record.organisations)
        self.quotes.update(q.type for q in record.quotes)


def extract_records(inputs: Iterable[str | Path], *, model: str, summary: RunSummary,
                    progress: ProgressCallback | None = None, strict: bool = False,
                    max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ArticleRecord]:
    """Read the inputs and yield a record per good article; failures go to `summary`.

    Raises
    ------
    extractors.pipeline.ModelNotFound
        When `model` is not an installed spaCy pipeline.
    StrictStop
        At the first failure when `strict` is set.
    """
    from extractors.pipeline import extract_articles, load_pipeline  # the only spaCy import in kg

    nlp = load_pipeline(model)
    nlp.max_length = max_chars

    def fail(failure: Failure) -> None:
        summary.failures.append(failure)
        if strict:
            raise StrictStop(failure)

    def articles() -> Iterator[ArticleText]:
        for item in read_articles(inputs):
            if isinstance(item, Failure):
                fail(item)
                _report(progress, summary)
            else:
                yield item

    for result in extract_articles(articles(), nlp):
        if isinstance(result, Failure):
            fail(result)
        else:
            summary.count(result)
            yield result
        _report(progress, summary)


def _report(progress: ProgressCallback | None, summary: RunSummary) -> None:
    if progress is not None:
        progress(summary.articles, len(summary.failures))


def run_extract(inputs: Iterable[str | Path], out: Path, *, model: str,
                progress: ProgressCallback | None = None, strict: bool = False,
                max_chars: int = DEFAULT_MAX_CHARS) -> RunSummary:
    """Extract records from the inputs into the JSON Lines file `out`."""
    summary = RunSummary()
    write_records(extract_records(inputs, model=model, summary=summary, progress=progress, strict=strict,
                                  max_chars=max_chars), out)
    summary.outputs["records"] = out
    return summary


def run_build(inputs: Iterable[str | Path], out_dir: Path, *, model: str,
              progress: ProgressCallback | None = None, strict: bool = False,
              max_chars: int = DEFAULT_MAX_CHARS) -> RunSummary:
    """Extract, build the graph and write records, failures, GraphML and HTML into `out_dir`."""
    summary = RunSummary()
    records: list[ArticleRecord] = []

    def keep(stream: Iterator[ArticleRecord]) -> Iterator[ArticleRecord]:
        for record in stream:
            records.append(record)
            yield record

    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = {name: out_dir / file for name, file in (
        ("records", "records.jsonl"), ("failures", "failures.jsonl"),
        ("graphml", "graph.graphml"), ("html", "graph.html"))}
    write_records(keep(extract_records(inputs, model=model, summary=summary, progress=progress,
                                       strict=strict, max_chars=max_chars)), outputs["records"])
    write_failures(summary.failures, outputs["failures"])
    graph = build_graph(records)
    write_graphml(graph, outputs["graphml"])
    write_html(graph, outputs["html"])
    summary.outputs = outputs
    return summary
