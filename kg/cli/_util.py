"""The single Typer app, shared argument types and console helpers."""

from __future__ import annotations

import hashlib
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

from extractors import DEFAULT_MODEL
from kg.run import DEFAULT_MAX_CHARS, RecordCache, RunSummary, StrictStop, default_cache_dir

__all__ = ["app", "InputsArg", "ModelOpt", "StrictOpt", "MaxCharsOpt", "JobsOpt", "EngineOpt", "SchedulerOpt",
           "NoCacheOpt", "CacheDirOpt", "CodebookOpt", "DEFAULT_MODEL", "DEFAULT_MAX_CHARS", "extraction_options",
           "run_and_report"]


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
JobsOpt = Annotated[int, typer.Option(
    "--jobs", "-j", metavar="N", min=1, help="Worker processes for extraction (each loads the model once).")]
class Engine(str, Enum):
    """Where extraction runs."""

    local = "local"
    dask = "dask"


EngineOpt = Annotated[Engine, typer.Option(
    "--engine", help="local: this machine (--jobs processes); dask: a Dask cluster (--scheduler, or a local one).")]
SchedulerOpt = Annotated[Optional[str], typer.Option(
    "--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")]
NoCacheOpt = Annotated[bool, typer.Option(
    "--no-cache", help="Extract every article again, ignoring and not filling the record cache.")]
CodebookOpt = Annotated[Optional[Path], typer.Option(
    "--codebook", metavar="FILE", exists=True, dir_okay=False,
    help="YAML codebook of policy concepts to tag claims with (default: each claim's key noun phrases).")]
CacheDirOpt = Annotated[Optional[Path], typer.Option(
    "--cache-dir", metavar="DIR", file_okay=False,
    help="Where extracted records are cached (default: ~/.cache/policy-claims-kg).")]


def extraction_options(*, model: str, strict: bool, max_chars: int, jobs: int, engine: Engine,
                       scheduler: str | None, no_cache: bool, cache_dir: Path | None,
                       codebook: Path | None) -> dict[str, Any]:
    """The keyword arguments of `kg.run.extract_records` for the shared command-line options.

    A codebook is checked here, before any work, and a bad one exits with status 2.
    """
    codebook_text = ""
    if codebook is not None:
        from extractors.codebook import load_codebook

        try:
            load_codebook(codebook)
        except ValueError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(2) from None
        codebook_text = codebook.read_text(encoding="utf-8")
    cache = None
    if not no_cache:
        digest = hashlib.sha256(codebook_text.encode()).hexdigest()[:16]
        cache = RecordCache(cache_dir or default_cache_dir(), settings=f"{model}|{max_chars}|{digest}")
    return {"model": model, "strict": strict, "max_chars": max_chars, "jobs": jobs, "engine": engine.value,
            "scheduler": scheduler, "cache": cache, "codebook": str(codebook) if codebook else None}


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
        """End the live progress line."""
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
