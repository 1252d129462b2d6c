"""Batch runs behind ``kg extract`` and ``kg build``: read, extract, write.

spaCy is imported only when extraction starts, so the rest of `kg` works
without it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.records import ArticleRecord, ArticleText, Failure
from kg.build import build_graph
from kg.readwrite import (write_failures, write_gexf, write_graphml, write_html, write_json, write_records,
                          write_statements)
from kg.run.cache import RecordCache
from kg.run.engines import WorkItem, run_dask, run_local, run_processes
from kg.run.inputs import read_articles

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
        """Add one extracted article to the totals."""
        self.articles += 1
        self.notes.extend(f"{record.source or record.id}: {note}" for note in record.notes)
        self.people += len(record.people)
        self.organisations += len(record.organisations)
        self.quotes.update(q.type for q in record.quotes)


def extract_records(inputs: Iterable[str | Path], *, model: str, summary: RunSummary,
                    progress: ProgressCallback | None = None, strict: bool = False,
                    max_chars: int = DEFAULT_MAX_CHARS, jobs: int = 1, engine: str = "local",
                    scheduler: str | None = None, cache: RecordCache | None = None,
                    codebook: str | None = None) -> Iterator[ArticleRecord]:
    """Read the inputs and yield a record per good article, in input order; failures go to `summary`.

    Parameters
    ----------
    jobs : int
        Worker processes for the local engine (1: extract in this process).
    engine : {"local", "dask"}
        Where to extract; "dask" uses the cluster at `scheduler`, or starts a local one.
    cache : RecordCache, optional
        Articles found there are not extracted again; new records are added to it.
    codebook : str, optional
        A YAML codebook of policy concepts; without one, concepts are key noun phrases.

    Raises
    ------
    extractors.pipeline.ModelNotFound
        When `model` is not an installed spaCy pipeline.
    StrictStop
        At the first failure when `strict` is set.
    """
    waiting: dict[str, ArticleText] = {}  # articles sent for extraction, to cache their records

    def fail(failure: Failure) -> None:
        summary.failures.append(failure)
        if strict:
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
            yield cached or item

    options = {"model": model, "max_chars": max_chars, "codebook": codebook}
    if engine == "dask":
        results = run_dask(work(), scheduler=scheduler, **options)
    elif jobs > 1:
        results = run_processes(work(), jobs=jobs, **options)
    else:
        results = run_local(work(), **options)
    for result in results:
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


def run_extract(inputs: Iterable[str | Path], out: Path, *, progress: ProgressCallback | None = None,
                **options: Any) -> RunSummary:
    """Extract records from the inputs into the JSON Lines file `out`.

    `options` are those of `extract_records` (model, strict, max_chars, jobs, engine, scheduler, cache).
    """
    summary = RunSummary()
    write_records(extract_records(inputs, summary=summary, progress=progress, **options), out)
    summary.outputs["records"] = out
    return summary


def run_build(inputs: Iterable[str | Path], out_dir: Path, *, progress: ProgressCallback | None = None,
              **options: Any) -> RunSummary:
    """Extract, build the graph and write every output into `out_dir`: records, failures,
    GraphML, GEXF, node-link JSON, HTML and the statements CSV.

    `options` are those of `extract_records`.
    """
    summary = RunSummary()
    records: list[ArticleRecord] = []

    def keep(stream: Iterator[ArticleRecord]) -> Iterator[ArticleRecord]:
        for record in stream:
            records.append(record)
            yield record

    out_dir.mkdir(parents=True, exist_ok=True)
    write_records(keep(extract_records(inputs, summary=summary, progress=progress, **options)),
                  out_dir / "records.jsonl")
    write_failures(summary.failures, out_dir / "failures.jsonl")
    graph = build_graph(records)
    summary.outputs = {"records": out_dir / "records.jsonl", "failures": out_dir / "failures.jsonl"}
    for name, (file, write) in _GRAPH_OUTPUTS.items():
        write(graph, out_dir / file)
        summary.outputs[name] = out_dir / file
    return summary


_GRAPH_OUTPUTS = {
    "graphml": ("graph.graphml", write_graphml),
    "gexf": ("graph.gexf", write_gexf),
    "json": ("graph.json", write_json),
    "statements": ("statements.csv", write_statements),
    "html": ("graph.html", write_html),
}
