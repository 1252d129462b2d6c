"""Worker processes that may die: a batch lost with its worker is retried item by item.

A worker process can be killed (out of memory, a signal, a crash in native code).
``concurrent.futures`` then marks the whole pool broken and fails every batch in
flight. `WorkerPool` starts a new pool for what comes next and runs each item of the
lost batches again, one at a time, in a process of its own: the items that did not
kill anything get their results, and only an item that kills its worker again fails.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

__all__ = ["WorkerPool"]

Item = TypeVar("Item")
Out = TypeVar("Out")


class WorkerPool(Generic[Item, Out]):
    """A process pool running ``work(batch, *args)`` on batches of items, surviving dead workers.

    Parameters
    ----------
    work : callable
        Takes a list of items (and `args`) and returns one result per item, in order.
        It must pickle (a module-level function).
    args : tuple
        More arguments for `work`, sent with every batch.
    jobs : int
        Worker processes.
    died : callable
        The result for an item whose worker died even when it ran alone.

    Examples
    --------
    >>> with WorkerPool(extract_batch, (settings,), jobs=2, died=failure) as pool:  # doctest: +SKIP
    ...     future = pool.submit(batch)
    ...     results = pool.collect(batch, future)
    """

    def __init__(self, work: Callable[..., list[Out]], args: tuple[Any, ...], *, jobs: int,
                 died: Callable[[Item], Out]) -> None:
        self.work, self.args, self.jobs, self.died = work, args, jobs, died
        self.executor = ProcessPoolExecutor(max_workers=jobs)
        self.solo: ProcessPoolExecutor | None = None  # for items run alone after a death

    def __enter__(self) -> WorkerPool[Item, Out]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def submit(self, batch: list[Item]) -> tuple[ProcessPoolExecutor, Future[list[Out]]]:
        """Start a batch; returns what `collect` needs."""
        try:
            return self.executor, self.executor.submit(self.work, batch, *self.args)
        except BrokenProcessPool:
            self._restart(self.executor)
            return self.executor, self.executor.submit(self.work, batch, *self.args)

    def collect(self, batch: list[Item], started: tuple[ProcessPoolExecutor, Future[list[Out]]]) -> list[Out]:
        """The results of a batch started by `submit`; item by item, alone, if its worker died."""
        executor, future = started
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart(executor)
            return [self._alone(item) for item in batch]

    def close(self) -> None:
        """Stop the worker processes."""
        for executor in (self.executor, self.solo):
            if executor is not None:
                executor.shutdown(cancel_futures=True)

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        """A new pool in place of `broken`, unless that was done already."""
        if broken is self.executor:
            broken.shutdown(wait=False, cancel_futures=True)
            self.executor = ProcessPoolExecutor(max_workers=self.jobs)

    def _alone(self, item: Item) -> Out:
        if self.solo is None:
            self.solo = ProcessPoolExecutor(max_workers=1)
        try:
            (result,) = self.solo.submit(self.work, [item], *self.args).result()
            return result
        except BrokenProcessPool:
            self.solo.shutdown(wait=False, cancel_futures=True)
            self.solo = None
            return self.died(item)
