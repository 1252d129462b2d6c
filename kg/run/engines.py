"""Where extraction runs: in this process, in a pool of worker processes, or on Dask.

Every engine takes a stream of work items (an `ArticleText` to extract, or an
`ArticleRecord` already known, e.g. from the cache), cuts it into batches, and
yields one record or `Failure` per item in input order. A worker loads the
spaCy pipeline once and keeps it for every batch it is given. Only a bounded
number of batches is in flight, so memory follows the batch size, not the
corpus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from itertools import islice
from typing import Any

from extractors.records import ArticleRecord, ArticleText, Failure

__all__ = ["WorkItem", "Result", "extract_batch", "run_local", "run_processes", "run_dask", "BATCH_SIZE"]

WorkItem = ArticleText | ArticleRecord
Result = ArticleRecord | Failure
BATCH_SIZE = 32
_IN_FLIGHT_PER_WORKER = 2


def extract_batch(batch: list[WorkItem], model: str, max_chars: int, codebook: str | None = None) -> list[Result]:
    """Extract the articles of a batch; records already known pass through. Runs in workers."""
    todo = [item for item in batch if isinstance(item, ArticleText)]
    extracted = iter(_extract(todo, model, max_chars, codebook)) if todo else iter(())
    return [next(extracted) if isinstance(item, ArticleText) else item for item in batch]


def _extract(articles: list[ArticleText], model: str, max_chars: int, codebook: str | None) -> list[Result]:
    from extractors.pipeline import extract_articles

    nlp = _pipeline(model, codebook)
    nlp.max_length = max_chars
    return list(extract_articles(articles, nlp))


@lru_cache(maxsize=2)
def _pipeline(model: str, codebook: str | None = None) -> Any:
    """The spaCy pipeline, loaded once per process."""
    from extractors.codebook import load_codebook
    from extractors.pipeline import load_pipeline

    return load_pipeline(model, codebook=load_codebook(codebook) if codebook else None)


def _batches(items: Iterable[WorkItem], size: int) -> Iterator[list[WorkItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def run_local(items: Iterable[WorkItem], *, model: str, max_chars: int, codebook: str | None = None,
              batch_size: int = BATCH_SIZE) -> Iterator[Result]:
    """Extract in this process."""
    for batch in _batches(items, batch_size):
        yield from extract_batch(batch, model, max_chars, codebook)


def run_processes(items: Iterable[WorkItem], *, model: str, max_chars: int, jobs: int,
                  codebook: str | None = None, batch_size: int = BATCH_SIZE) -> Iterator[Result]:
    """Extract in `jobs` worker processes."""
    _pipeline(model, codebook)  # fail here, not in a worker, when the model is missing
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        submit = lambda batch: pool.submit(extract_batch, batch, model, max_chars, codebook)  # noqa: E731
        yield from _in_order(_batches(items, batch_size), submit, jobs * _IN_FLIGHT_PER_WORKER)


def run_dask(items: Iterable[WorkItem], *, model: str, max_chars: int, scheduler: str | None = None,
             codebook: str | None = None, batch_size: int = BATCH_SIZE) -> Iterator[Result]:
    """Extract on a Dask cluster: the one at `scheduler`, or a local one started for the run.

    Needs ``dask.distributed`` (``pip install "policy-claims-kg[dask]"``); the
    workers need the project and the model installed.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise ImportError('the dask engine needs dask.distributed: pip install "dask[distributed]"') from error
    cluster = None if scheduler else LocalCluster(n_workers=2, threads_per_worker=1, processes=True)
    client = Client(scheduler or cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        submit = lambda batch: client.submit(extract_batch, batch, model, max_chars, codebook,  # noqa: E731
                                             pure=False)
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
