"""The single Typer app, shared argument types and console helpers.

Exit status of ``kg build`` and ``kg extract``: 0 every input was
extracted; 1 some inputs failed (outputs written with the rest; with --strict,
stopped at the first and nothing replaced); 2 usage or configuration error (unknown
model, bad codebook, an output path that is not the run's to replace); 3 the run
itself failed (outputs left as they were: another run holds the output, a full
disk, a crash).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional, Protocol

import typer

from extractors import DEFAULT_MODEL
from kg.cli._terminal import printable
from kg.run.defaults import DEFAULT_MAX_CHARS, Engine
from kg.store import QUOTE_GRAPH_MAX_ARTICLES

if TYPE_CHECKING:  # what a command runs is imported when it runs: `kg query` needs none of kg.run
    from kg.run import ExtractionSettings, ProgressCallback, RunSummary

__all__ = ["app", "InputsArg", "ModelOpt", "StrictOpt", "MaxCharsOpt", "MaxBytesOpt", "JobsOpt", "Engine",
           "EngineOpt", "SchedulerOpt", "NoCacheOpt", "CacheDirOpt", "CodebookOpt", "CorrectionsOpt", "DetailOpt",
           "GraphDetail", "DEFAULT_MODEL", "DEFAULT_MAX_CHARS", "extraction_settings", "run_and_report", "fail"]



class GraphDetail(str, Enum):
    """The graph the exports hold (`kg.store.ClaimsStore.graph_stream`)."""

    auto = "auto"
    quotes = "quotes"
    actors = "actors"


app = typer.Typer(
    name="kg",
    help="Build a knowledge graph of who said what from news articles about public policy.\n\n"
         "Exit status of build and extract: 0 every input was extracted; 1 some inputs failed (the rest is "
         "written); 2 usage or configuration error; 3 the run itself failed, outputs left as they were.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="markdown",  # docstrings' line breaks are soft, a blank line starts a paragraph
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
MaxBytesOpt = Annotated[Optional[int], typer.Option(
    "--max-bytes", metavar="N", min=1, show_default=False,
    help="Largest input file or JSONL line to read, checked before reading; larger ones are reported as "
         "failures. [default: 10 x --max-chars]")]
JobsOpt = Annotated[int, typer.Option(
    "--jobs", "-j", metavar="N", min=1, help="Worker processes for extraction (each loads the model once).")]
EngineOpt = Annotated[Engine, typer.Option(
    "--engine", help="local: this machine (--jobs processes); dask: a Dask cluster (--scheduler, or a local one).")]
SchedulerOpt = Annotated[Optional[str], typer.Option(
    "--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")]
NoCacheOpt = Annotated[bool, typer.Option(
    "--no-cache", help="Extract every article again, ignoring and not filling the record cache.")]
CodebookOpt = Annotated[Optional[Path], typer.Option(
    "--codebook", metavar="FILE", exists=True, dir_okay=False,
    help="YAML codebook of policy concepts to tag claims with (default: each claim's key noun phrases).")]
CorrectionsOpt = Annotated[Optional[Path], typer.Option(
    "--corrections", metavar="FILE", exists=True, dir_okay=False,
    help="YAML corrections (merge, rename, retype or drop actors; fix or drop quotes), applied to the graph.")]
DetailOpt = Annotated[GraphDetail, typer.Option(
    "--graph-detail", help="The graph the exports hold: quotes (one node per claim), actors (actors and "
                           "concepts, claims counted and listed on the edges), or auto: quotes up to "
                           f"{QUOTE_GRAPH_MAX_ARTICLES:,} articles, actors beyond.")]
CacheDirOpt = Annotated[Optional[Path], typer.Option(
    "--cache-dir", metavar="DIR", file_okay=False,
    help="Where extracted records are cached (default: ~/.cache/policy-claims-kg).")]


def extraction_settings(*, model: str, codebook: Path | None, strict: bool, max_chars: int,
                        max_bytes: int | None, jobs: int, engine: Engine, scheduler: str | None, no_cache: bool,
                        cache_dir: Path | None) -> ExtractionSettings:
    """The run's settings from the options `kg build` and `kg extract` share, made once.

    The codebook is read and checked here, before any work; a bad one exits with
    status 2 and a one-line error naming the file and the problem.

    Returns
    -------
    ExtractionSettings
    """
    from pydantic import ValidationError

    from kg.run import ExtractionSettings

    try:
        return ExtractionSettings.from_options(
            model=model, codebook=codebook, strict=strict, max_chars=max_chars, max_bytes=max_bytes, jobs=jobs,
            engine=engine, scheduler=scheduler, cache=not no_cache, cache_dir=cache_dir)
    except ValidationError:
        raise  # the options were checked by Typer: this is a bug, not bad input
    except ValueError as error:  # the codebook
        fail(error, 2)


def fail(message: object, status: int) -> NoReturn:
    """Print ``error: MESSAGE`` as one printable line on stderr and exit with `status`."""
    typer.echo(f"error: {printable(message)}", err=True)
    raise typer.Exit(status)


def print_summary(command: str, summary: RunSummary, seconds: float) -> None:
    """The summary at the end of a run: its one line (`summary_line`), the files written, notes,
    failures and warnings; text from the inputs is made printable."""
    from kg.cli._progress import summary_line

    typer.echo(summary_line(command, summary, seconds))
    if summary.unchanged:
        typer.echo(f"  unchanged      {summary.unchanged} (already in the store, not extracted again)")
    if summary.corrections:
        typer.echo(f"  corrections    {len(summary.corrections)} applied")
        for line in summary.corrections:
            typer.echo(f"    {printable(line)}")
    for name, path in summary.outputs.items():
        typer.echo(f"  {name:<14} {printable(path)}")
    if "html" in summary.outputs:
        typer.echo(f"Open {printable(summary.outputs['html'])} in a browser to explore the graph.")
    _print_list("Notes", summary.notes, "see the records' notes", err=False)
    _print_list("Failures", [f.message for f in summary.failures], "see failures.jsonl", err=True)
    for warning in summary.warnings:
        typer.echo(f"warning: {printable(warning)}", err=True)


def _print_list(title: str, lines: list[str], more: str, *, err: bool, shown: int = 20) -> None:
    if not lines:
        return
    typer.echo(f"{title} ({len(lines)}):", err=err)
    for line in lines[:shown]:
        typer.echo(f"  {printable(line)}", err=err)
    if len(lines) > shown:
        typer.echo(f"  ... and {len(lines) - shown} more ({more})", err=err)


class _Run(Protocol):
    """`kg.run.run_build` or `kg.run.run_extract`."""

    def __call__(self, inputs: Iterable[Path], out: Path, settings: ExtractionSettings, *,
                 progress: ProgressCallback | None = None) -> RunSummary: ...


def run_and_report(command: str, run: _Run, inputs: list[Path], out: Path, settings: ExtractionSettings) -> None:
    """Run a batch with progress, print its summary, and exit with its status (see the module docstring).

    Every error is one printable line on stderr; an unexpected one (a bug) also
    prints its traceback, and exits 3 like any failure of the run itself.
    A correction that names nothing exits 2 and leaves the outputs as they were.
    """
    from extractors.pipeline import ModelNotFound
    from kg.cli._progress import Progress
    from kg.corrections import CorrectionError
    from kg.readwrite.staging import OutputBusy, OutputRefused
    from kg.run import StrictStop, count_articles
    from kg.store import StoreError

    try:
        total: int | None = count_articles(inputs, exclude=[out])
    except OSError:
        total = None
    progress = Progress(command, total)
    try:
        summary = run(inputs, out, settings, progress=progress)
    except (ModelNotFound, OutputRefused, CorrectionError, StoreError) as error:
        progress.close()
        fail(error, 2)
    except StrictStop as stop:
        progress.close()
        fail(f"{stop} (stopped by --strict; earlier outputs are unchanged)", 1)
    except OutputBusy as error:
        progress.close()
        fail(error, 3)
    except OSError as error:
        progress.close()
        where = f" ({error.filename})" if error.filename else ""
        fail(f"the run failed: {error.strerror or error}{where}; {out} was left as it was", 3)
    except ImportError as error:  # an engine's optional dependency
        progress.close()
        fail(error, 2)
    except Exception as error:  # noqa: BLE001  (a bug: say so, keep the outputs, exit 3)
        progress.close()
        traceback.print_exc(file=sys.stderr)
        fail(f"the run failed ({type(error).__name__}: {error}); {out} was left as it was", 3)
    progress.close()
    print_summary(command, summary, progress.elapsed)
    raise typer.Exit(1 if summary.failures else 0)
