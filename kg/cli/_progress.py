"""Progress of an extraction on stderr, and the one-line summary at its end.

On a terminal, `Progress` draws a bar with ``rich``: articles done of the total
(a pulsing bar when the total is unknown), the rate, the time left and the
failures so far. Anywhere else (a CI log, a pipe) it writes a plain line every
`PLAIN_EVERY` seconds. It shows counts only, never text from the inputs, so an
article cannot put escape sequences on the terminal through it.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn, TimeRemainingColumn

from kg.run import RunSummary

__all__ = ["Progress", "PLAIN_EVERY", "summary_line"]

PLAIN_EVERY = 5.0
"""Seconds between two plain progress lines (stderr not a terminal)."""


class Progress:
    """A `kg.run.ProgressCallback` that shows how an extraction goes.

    Parameters
    ----------
    command : str
        ``build`` or ``extract``, to name the run.
    total : int, optional
        Articles expected (`kg.run.count_articles`); None when unknown.
    stream : file, optional
        Where to write (default: stderr).
    live : bool, optional
        Draw the bar (default: when `stream` is a terminal that can show one).
    every : float
        Seconds between plain lines when not live.
    """

    def __init__(self, command: str, total: int | None = None, *, stream: TextIO | None = None,
                 live: bool | None = None, every: float | None = None) -> None:
        self.command = command
        self.total = total
        self.stream = stream or sys.stderr
        self.every = PLAIN_EVERY if every is None else every
        self.started = time.monotonic()
        self.last = self.started
        self.done = self.failed = 0
        console = Console(file=self.stream, force_terminal=live, highlight=False)
        self.live = (console.is_terminal and not console.is_dumb_terminal) if live is None else live
        self._bar: RichProgress | None = None
        if self.live:
            self._bar = RichProgress(
                TextColumn(f"kg {command}"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), TextColumn("{task.fields[failed]}"),
                console=console, transient=True)
            self._task = self._bar.add_task("extract", total=total, rate="", failed="0 failed")
            self._bar.start()

    @property
    def elapsed(self) -> float:
        """Seconds since the progress started."""
        return time.monotonic() - self.started

    def __call__(self, done: int, failed: int) -> None:
        self.done, self.failed = done, failed
        if self._bar is not None:
            self._bar.update(self._task, completed=done + failed, rate=f"{_rate(done + failed, self.elapsed)}/s",
                             failed=f"{failed} failed")
            return
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self.stream.write(self._plain_line() + "\n")
            self.stream.flush()

    def _plain_line(self) -> str:
        seen = self.done + self.failed
        elapsed = self.elapsed
        line = f"kg {self.command}: {seen}"
        if self.total:
            line += f"/{self.total} articles ({100 * seen / self.total:.0f}%)"
        else:
            line += " articles"
        line += f", {self.failed} failed, {_rate(seen, elapsed)}/s"
        if self.total and seen and self.total > seen:
            line += f", about {_duration(elapsed * (self.total - seen) / seen)} left"
        return line

    def close(self) -> None:
        """Take the bar off the terminal (the summary follows)."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def summary_line(command: str, summary: RunSummary, seconds: float) -> str:
    """``kg build: 84 articles in 41 s (2.0/s), 0 failed; 412 quotes (...), 120 people, 80 organisations``."""
    cached = f" ({summary.cached} from the record cache)" if summary.cached else ""
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(summary.quotes.items()))
    return (f"kg {command}: {summary.articles} articles{cached} in {_duration(seconds)} "
            f"({_rate(summary.articles, seconds)}/s), {len(summary.failures)} failed; "
            f"{sum(summary.quotes.values())} quotes" + (f" ({kinds})" if kinds else "")
            + f", {summary.people} people, {summary.organisations} organisations")


def _rate(count: int, seconds: float) -> str:
    return f"{count / max(seconds, 1e-9):.1f}"


def _duration(seconds: float) -> str:
    """``3.2 s``, ``41 s``, ``5 min``, ``2 h 05 min``."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{int(seconds // 3600)} h {int(seconds % 3600 // 60):02d} min"
