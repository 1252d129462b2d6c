"""Where extraction runs: in this process, in a pool of worker processes, or on Dask.

Every engine takes a stream of work items (an `ArticleText` to extract, or an
`ArticleRecord` already known, e.g. from the cache), cuts it into batches, and
yields one record or `Failure` per item in input order. Each batch travels with
the run's `ExtractionSettings` (pickled, codebook included); a worker loads the
spaCy pipeline once per model and codebook and keeps it for every batch it is
given. Only a bounded
number of batches is in flight, so memory follows the batch size, not the
corpus.

One article never costs the others: an exception while extracting a batch makes
the worker extract its articles one by one, so only the article that raised fails,
and a worker process that dies (killed, out of memory) costs only the batch it
held, which is retried article by article (`kg.run.pool.WorkerPool`; on Dask, the
same after a ``KilledWorker``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from extractors.records import ArticleRecord, ArticleText, Failure
from kg._batches import batches
from kg.run.pool import WorkerPool
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
        One per item, in order. When extracting the batch raises, its articles are
        extracted one by one and each that raises again is a `Failure`.

    Raises
    ------
    extractors.pipeline.ModelNotFound
        When `settings.model` is not an installed spaCy pipeline.
    """
    from extractors.pipeline import ModelNotFound

    todo = [item for item in batch if isinstance(item, ArticleText)]
    try:
        extracted = iter(_extract(todo, settings) if todo else [])
    except ModelNotFound:
        raise
    except Exception:  # noqa: BLE001  (find the article that raised; the others go on)
        extracted = iter([_extract_alone(article, settings) for article in todo])
    return [next(extracted) if isinstance(item, ArticleText) else item for item in batch]


def _extract_alone(article: ArticleText, settings: ExtractionSettings) -> Result:
    from extractors.pipeline import ModelNotFound

    try:
        (result,) = _extract([article], settings)
        return result
    except ModelNotFound:
        raise
    except Exception as error:  # noqa: BLE001  (one bad article must not end the batch)
        return _failure(article, f"{type(error).__name__}: {error}")


def _failure(article: ArticleText, reason: str) -> Failure:
    return Failure(source=article.source or article.id, reason=f"extraction failed ({reason})")


def _worker_died(item: WorkItem) -> Result:
    """The result of an item whose worker process died even when it ran alone."""
    if isinstance(item, ArticleRecord):
        return item
    return _failure(item, "its worker process died: killed, or out of memory")


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
    for batch in batches(items, batch_size):
        yield from extract_batch(batch, settings)


def run_processes(items: Iterable[WorkItem], settings: ExtractionSettings, *,
                  batch_size: int = BATCH_SIZE) -> Iterator[Result]:
    """Extract in `settings.jobs` worker processes; a batch whose worker dies is retried article by article."""
    _pipeline(settings)  # fail here, not in a worker, when the model is missing
    with WorkerPool(extract_batch, (settings,), jobs=settings.jobs, died=_worker_died) as pool:
        yield from _in_order(batches(items, batch_size), pool.submit, pool.collect,
                             settings.jobs * _IN_FLIGHT_PER_WORKER)


def run_dask(items: Iterable[WorkItem], settings: ExtractionSettings, *,
             batch_size: int = BATCH_SIZE) -> Iterator[Result]:
    """Extract on a Dask cluster: the one at `settings.scheduler`, or a local one started for the run.

    Needs ``dask.distributed`` (``pip install "policy-claims-kg[dask]"``); the
    workers need the project and the model installed.
    """
    try:
        from dask.distributed import Client, LocalCluster
        from distributed.scheduler import KilledWorker
    except ImportError as error:
        raise ImportError('the dask engine needs dask.distributed: pip install "dask[distributed]"') from error
    scheduler = settings.scheduler
    cluster = None if scheduler else LocalCluster(n_workers=2, threads_per_worker=1, processes=True)
    client = Client(scheduler or cluster)
    def submit(batch: list[WorkItem]) -> Any:
        return client.submit(extract_batch, batch, settings, pure=False)

    def collect(batch: list[WorkItem], future: Any) -> list[Result]:
        try:
            return future.result()
        except KilledWorker:
            return [_dask_alone(item) for item in batch]

    def _dask_alone(item: WorkItem) -> Result:
        try:
            (result,) = submit([item]).result()
            return result
        except KilledWorker:
            return _worker_died(item)

    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _in_order(batches(items, batch_size), submit, collect, workers * _IN_FLIGHT_PER_WORKER)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _in_order(batches: Iterator[list[WorkItem]], submit: Callable[[list[WorkItem]], Any],
              collect: Callable[[list[WorkItem], Any], list[Result]], window: int) -> Iterator[Result]:
    """Keep up to `window` batches running and yield their results in submission order.

    `submit` starts a batch and returns a handle; `collect` turns the batch and its
    handle into results (waiting for them, retrying what a dead worker lost).
    """
    running: deque[tuple[list[WorkItem], Any]] = deque()
    for batch in batches:
        running.append((batch, submit(batch)))
        if len(running) >= window:
            yield from collect(*running.popleft())
    while running:
        yield from collect(*running.popleft())
