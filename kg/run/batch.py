"""Batch runs behind ``kg extract`` and ``kg build``: read, extract, write.

Every function takes the run's `ExtractionSettings`. spaCy is imported only
when extraction starts, so the rest of `kg` works without it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extractors.records import ArticleRecord, ArticleText, Failure
from kg.build import build_graph
from kg.corrections import Corrections
from kg.readwrite import GRAPH_FORMATS, write_failures, write_records
from kg.run.cache import RecordCache
from kg.run.engines import WorkItem, run_engine
from kg.run.inputs import read_articles
from kg.run.settings import ExtractionSettings

__all__ = ["RunSummary", "StrictStop", "ProgressCallback", "extract_records", "run_extract", "run_build"]


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
    cached: int = 0
    """Records taken from the record cache instead of extracted."""
    corrections: list[str] = field(default_factory=list)
    """What each of the user's corrections did to the graph."""

    def count(self, record: ArticleRecord) -> None:
        """Add one extracted article to the totals."""
        self.articles += 1
        self.notes.extend(f"{record.source or record.id}: {note}" for note in record.notes)
        self.people += len(record.people)
        self.organisations += len(record.organisations)
        self.quotes.update(q.type for q in record.quotes)


def extract_records(inputs: Iterable[str | Path], settings: ExtractionSettings | None = None, *,
                    summary: RunSummary, progress: ProgressCallback | None = None) -> Iterator[ArticleRecord]:
    """Read the inputs and yield a record per good article, in input order; failures go to `summary`.

    Parameters
    ----------
    inputs : iterable of str or Path
        Files and directories, as `kg.run.read_articles` takes them.
    settings : ExtractionSettings, optional
        Model, codebook, limits, engine, strictness and record cache (default: the defaults).
        With the cache on, articles found there are not extracted again and new records are added.
    summary : RunSummary
        Filled as the run goes: totals, failures, notes, cache hits.
    progress : callable, optional
        Called after each article with (articles done, failures so far).

    Yields
    ------
    ArticleRecord

    Raises
    ------
    extractors.pipeline.ModelNotFound
        When `settings.model` is not an installed spaCy pipeline.
    StrictStop
        At the first failure when `settings.strict` is set.
    """
    settings = settings or ExtractionSettings()
    cache = RecordCache.for_settings(settings) if settings.cache else None
    waiting: dict[str, ArticleText] = {}  # articles sent for extraction, to cache their records

    def fail(failure: Failure) -> None:
        summary.failures.append(failure)
        if settings.strict:
            raise StrictStop(failure)

    def work() -> Iterator[WorkItem]:
        for item in read_articles(inputs):
            if isinstance(item, Failure):
                fail(item)
                _report(progress, summary)
                continue
            cached = cache.get(item) if cache is not None else None
            if cached is None:
                waiting[item.id] = item
            else:
                summary.cached += 1
            yield cached or item

    for result in run_engine(work(), settings):
        if isinstance(result, Failure):
            fail(result)
        else:
            article = waiting.pop(result.id, None)
            if cache is not None and article is not None:
                cache.put(article, result)
            summary.count(result)
            yield result
        _report(progress, summary)


def _report(progress: ProgressCallback | None, summary: RunSummary) -> None:
    if progress is not None:
        progress(summary.articles, len(summary.failures))


def run_extract(inputs: Iterable[str | Path], out: Path, settings: ExtractionSettings | None = None, *,
                progress: ProgressCallback | None = None) -> RunSummary:
    """Extract records from the inputs into the JSON Lines file `out`.

    Parameters and exceptions are those of `extract_records`.

    Returns
    -------
    RunSummary
    """
    summary = RunSummary()
    write_records(extract_records(inputs, settings, summary=summary, progress=progress), out)
    summary.outputs["records"] = out
    return summary


def run_build(inputs: Iterable[str | Path], out_dir: Path, settings: ExtractionSettings | None = None, *,
              progress: ProgressCallback | None = None, corrections: Corrections | None = None) -> RunSummary:
    """Extract, build the graph and write every output into `out_dir`: records, failures,
    GraphML, GEXF, node-link JSON, HTML and the statements CSV.

    Parameters and exceptions are those of `extract_records`; `corrections` (see
    `kg.corrections`) are applied to the graph, and a correction naming nothing raises
    `kg.corrections.CorrectionError` after the records are written.

    Returns
    -------
    RunSummary
    """
    summary = RunSummary()
    records: list[ArticleRecord] = []

    def keep(stream: Iterator[ArticleRecord]) -> Iterator[ArticleRecord]:
        for record in stream:
            records.append(record)
            yield record

    out_dir.mkdir(parents=True, exist_ok=True)
    write_records(keep(extract_records(inputs, settings, summary=summary, progress=progress)),
                  out_dir / "records.jsonl")
    write_failures(summary.failures, out_dir / "failures.jsonl")
    graph = build_graph(records, corrections=corrections)
    summary.corrections = list(graph.graph["corrections"])
    summary.outputs = {"records": out_dir / "records.jsonl", "failures": out_dir / "failures.jsonl"}
    for output in GRAPH_FORMATS.values():
        output.write(graph, out_dir / output.file)
        summary.outputs[output.name] = out_dir / output.file
    return summary
