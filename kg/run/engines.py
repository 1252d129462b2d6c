"""Where extraction runs: in this process, in a pool of worker processes, or on Dask.

Every engine takes a stream of work items (an `ArticleText` to extract, or an
`ArticleRecord` already known, e.g. from the cache), cuts it into batches, and
yields one record or `Failure` per item in input order. Each batch travels with
the run's `ExtractionSettings` (pickled, codebook included); a worker loads the
spaCy pipeline once per model and codebook and keeps it for every batch it is
given. Only a bounded
number of batches is in flight, so memory follows the batch size, not the
corpus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from extractors.records import ArticleRecord, ArticleText, Failure
from kg.run.settings import Engine, ExtractionSettings

__all__ = ["WorkItem", "Result", "extract_batch", "run_engine", "run_local", "run_processes", "run_dask",
           "BATCH_SIZE"]

WorkItem = ArticleText | ArticleRecord
Result = ArticleRecord | Failure
BATCH_SIZE = 32
_IN_FLIGHT_PER_WORKER = 2
_PIPELINES: dict[tuple[str, str], Any] = {}  # this process's pipelines, least recently used first
_MAX_PIPELINES = 2


def extract_batch(batch: list[WorkItem], settings: ExtractionSettings) -> list[Result]:
    """Extract the articles of a batch; records already known pass through. Runs in workers.

    Parameters
    ----------
    batch : list of ArticleText or ArticleRecord
    settings : ExtractionSettings
        The model, codebook and length limit to extract with.

    Returns
    -------
    list of ArticleRecord or Failure
        One per item, in order.
    """
    todo = [item for item in batch if isinstance(item, ArticleText)]
    extracted = iter(_extract(todo, settings)) if todo else iter(())
    return [next(extracted) if isinstance(item, ArticleText) else item for item in batch]


def _extract(articles: list[ArticleText], settings: ExtractionSettings) -> list[Result]:
    from extractors.pipeline import extract_articles

    nlp = _pipeline(settings)
    nlp.max_length = settings.max_chars
    return list(extract_articles(articles, nlp))


def _pipeline(settings: ExtractionSettings) -> Any:
    """The spaCy pipeline of the settings' model and codebook, loaded once per process."""
    key = settings.pipeline_key
    nlp = _PIPELINES.pop(key, None)
    if nlp is None:
        from extractors.pipeline import load_pipeline

        nlp = load_pipeline(settings.model, codebook=settings.codebook)
    _PIPELINES[key] = nlp
    while len(_PIPELINES) > _MAX_PIPELINES:
        del _PIPELINES[next(iter(_PIPELINES))]
    return nlp


def _batches(items: Iterable[WorkItem], size: int) -> Iterator[list[WorkItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def run_engine(items: Iterable[WorkItem], settings: ExtractionSettings, *,
               batch_size: int = BATCH_SIZE) -> Iterator[Result]:
    """Extract where the settings say: on Dask, in `settings.jobs` processes, or in this process.

    Parameters
    ----------
    items : iterable of ArticleText or ArticleRecord
        Articles to extract, and records already known (passed through).
    settings : ExtractionSettings
    batch_size : int
        Items per batch given to a worker.

    Yields
    ------
    ArticleRecord or Failure
        One per item, in input order.

    Raises
    ------
    extractors.pipeline.ModelNotFound
        When `settings.model` is not an installed spaCy pipeline.
    """
    if settings.engine == Engine.dask:
        return run_dask(items, settings, batch_size=batch_size)
    if settings.jobs > 1:
        return run_processes(items, settings, batch_size=batch_size)
    return run_local(items, settings, batch_size=batch_size)


def run_local(items: Iterable[WorkItem], settings: ExtractionSettings, *,
              batch_size: int = BATCH_SIZE) -> Iterator[Result]:
    """Extract in this process."""
    for batch in _batches(items, batch_size):
        yield from extract_batch(batch, settings)


def run_processes(items: Iterable[WorkItem], settings: ExtractionSettings, *,
                  batch_size: int = BATCH_SIZE) -> Iterator[Result]:
    """Extract in `settings.jobs` worker processes."""
    _pipeline(settings)  # fail here, not in a worker, when the model is missing
    with ProcessPoolExecutor(max_workers=settings.jobs) as pool:
        submit = lambda batch: pool.submit(extract_batch, batch, settings)  # noqa: E731
        yield from _in_order(_batches(items, batch_size), submit, settings.jobs * _IN_FLIGHT_PER_WORKER)


def run_dask(items: Iterable[WorkItem], settings: ExtractionSettings, *,
             batch_size: int = BATCH_SIZE) -> Iterator[Result]:
    """Extract on a Dask cluster: the one at `settings.scheduler`, or a local one started for the run.

    Needs ``dask.distributed`` (``pip install "policy-claims-kg[dask]"``); the
    workers need the project and the model installed.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise ImportError('the dask engine needs dask.distributed: pip install "dask[distributed]"') from error
    scheduler = settings.scheduler
    cluster = None if scheduler else LocalCluster(n_workers=2, threads_per_worker=1, processes=True)
    client = Client(scheduler or cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        submit = lambda batch: client.submit(extract_batch, batch, settings, pure=False)  # noqa: E731
        yield from _in_order(_batches(items, batch_size), submit, workers * _IN_FLIGHT_PER_WORKER)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _in_order(batches: Iterator[list[WorkItem]], submit: Callable[[list[WorkItem]], Any],
              window: int) -> Iterator[Result]:
    """Keep up to `window` batches running and yield their results in submission order."""
    running: deque[Future[list[Result]] | Any] = deque()
    for batch in batches:
        running.append(submit(batch))
        if len(running) >= window:
            yield from running.popleft().result()
    while running:
        yield from running.popleft().result()
