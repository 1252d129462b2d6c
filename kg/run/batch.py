"""Batch runs behind ``kg extract`` and ``kg build``: read, extract, write.

Every function takes the run's `ExtractionSettings`. spaCy is imported only
when extraction starts, so the rest of `kg` works without it.

Outputs are written as a set (`kg.readwrite.staging`): into a staging folder or file
beside the output, swapped in only when everything is written, under a lock that
makes a second run into the same output refuse. A run in which no article was
extracted leaves existing outputs as they were.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from extractors.records import ArticleRecord, ArticleText, Failure
from kg.build import build_graph
from kg.corrections import Corrections
from kg.readwrite import GRAPH_FORMATS, write_failures, write_html, write_records, write_statements
from kg.readwrite.staging import Staging, staged_file, staged_folder
from kg.run.cache import RecordCache
from kg.run.engines import WorkItem, run_engine
from kg.run.inputs import read_articles
from kg.run.settings import ExtractionSettings

__all__ = ["RunSummary", "StrictStop", "ProgressCallback", "extract_records", "run_extract", "run_build",
           "OUTPUT_FILES"]


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
    """The files written, by name; empty when the run left its output as it was."""
    cached: int = 0
    """Records taken from the record cache instead of extracted."""
    warnings: list[str] = field(default_factory=list)
    """What went wrong around the articles without failing them (the record cache turned off, say)."""
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
                    summary: RunSummary, progress: ProgressCallback | None = None,
                    exclude: Iterable[str | Path] = ()) -> Iterator[ArticleRecord]:
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
    exclude : iterable of str or Path
        Paths not read from inside input folders (the run's own outputs).

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
    cache = _open_cache(settings, summary)
    waiting: dict[str, ArticleText] = {}  # articles sent for extraction, to cache their records

    def fail(failure: Failure) -> None:
        summary.failures.append(failure)
        if settings.strict:
            raise StrictStop(failure)

    def work() -> Iterator[WorkItem]:
        for item in read_articles(inputs, max_bytes=settings.byte_limit, exclude=list(exclude)):
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
    if cache is not None and cache.problem is not None:
        summary.warnings.append(f"{cache.problem}; the run went on without it")


def _open_cache(settings: ExtractionSettings, summary: RunSummary) -> RecordCache | None:
    """The run's record cache, or None when it is off or has no place to live (no home folder)."""
    if not settings.cache:
        return None
    try:
        return RecordCache.for_settings(settings)
    except (OSError, RuntimeError) as error:  # Path.home() raises RuntimeError without a home
        summary.warnings.append(f"no record cache ({error}); the run went on without it")
        return None


def _report(progress: ProgressCallback | None, summary: RunSummary) -> None:
    if progress is not None:
        progress(summary.articles, len(summary.failures))


def run_extract(inputs: Iterable[str | Path], out: Path, settings: ExtractionSettings | None = None, *,
                progress: ProgressCallback | None = None) -> RunSummary:
    """Extract records from the inputs into the JSON Lines file `out`.

    `out` is replaced only when the new file is complete, and not at all when no
    article was extracted; it is never read as input. Parameters and exceptions are
    those of `extract_records`, and those of `kg.readwrite.staging.staged_file`
    (another run writing `out`, a file that cannot be written).

    Returns
    -------
    RunSummary
    """
    summary = RunSummary()
    with staged_file(out) as staging:
        write_records(extract_records(inputs, settings, summary=summary, progress=progress, exclude=[out]),
                      staging.path)
        if _keep_previous(staging, summary, out):
            return summary
    summary.outputs["records"] = out
    return summary


OUTPUT_FILES = ("records.jsonl", "failures.jsonl", *(output.file for output in GRAPH_FORMATS.values()))
"""The files of a ``kg build`` output folder (besides its marker)."""


def run_build(inputs: Iterable[str | Path], out_dir: Path, settings: ExtractionSettings | None = None, *,
              progress: ProgressCallback | None = None, csv_formulas: bool = False,
              corrections: Corrections | None = None) -> RunSummary:
    """Extract, build the graph and write every output into `out_dir`: records, failures,
    GraphML, GEXF, node-link JSON, HTML and the statements CSV.

    The outputs replace those in `out_dir` as a set, once all are written, and not at
    all when no article was extracted; `out_dir` is never read as input. Parameters
    and exceptions are those of `extract_records`, and those of
    `kg.readwrite.staging.staged_folder` (another run writing `out_dir`, a folder
    holding other files, outputs that cannot be written).

    Parameters
    ----------
    csv_formulas : bool
        Write statements CSV cells that start like a spreadsheet formula as they
        are, instead of neutralised with a leading ``'`` (see `write_statements`).
    corrections : Corrections, optional
        A user's corrections (`kg.corrections`), applied to the graph; one that names
        nothing raises `kg.corrections.CorrectionError` and nothing is replaced.

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

    writers = {output.name: output.write for output in GRAPH_FORMATS.values()}
    writers["statements"] = partial(write_statements, formulas=csv_formulas)
    with staged_folder(out_dir, replaceable=OUTPUT_FILES) as staging:
        write_records(keep(extract_records(inputs, settings, summary=summary, progress=progress,
                                           exclude=[out_dir])),
                      staging.path / "records.jsonl")
        if _keep_previous(staging, summary, out_dir):
            return summary
        write_failures(summary.failures, staging.path / "failures.jsonl")
        graph = build_graph(records, corrections=corrections)
        summary.corrections = list(graph.graph["corrections"])
        writers["html"] = partial(write_html, texts={r.id: r.text for r in records})  # for the article view
        for output in GRAPH_FORMATS.values():
            writers[output.name](graph, staging.path / output.file)
    summary.outputs = {"records": out_dir / "records.jsonl", "failures": out_dir / "failures.jsonl"}
    summary.outputs |= {output.name: out_dir / output.file for output in GRAPH_FORMATS.values()}
    return summary


def _keep_previous(staging: Staging, summary: RunSummary, out: Path) -> bool:
    """Whether to leave the previous outputs in place: no article was extracted to replace them."""
    if summary.articles or not staging.replaces:
        return False
    staging.discard()
    summary.warnings.append(f"no article was extracted: {out} was left as it was")
    return True
