"""``kg build``: extract, build the graph and write every output."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from kg.cli._util import (
    DEFAULT_MAX_CHARS,
    DEFAULT_MODEL,
    CacheDirOpt,
    CodebookOpt,
    CorrectionsOpt,
    Engine,
    EngineOpt,
    InputsArg,
    JobsOpt,
    MaxCharsOpt,
    ModelOpt,
    NoCacheOpt,
    SchedulerOpt,
    StrictOpt,
    app,
    extraction_settings,
    run_and_report,
)
from kg.corrections import CorrectionError, load_corrections
from kg.run import run_build


@app.command("build")
def build_cli(
    inputs: InputsArg,
    out: Annotated[Path, typer.Option("--out", "-o", file_okay=False, metavar="DIR",
                                      help="Output directory (created if missing).")] = Path("out"),
    model: ModelOpt = DEFAULT_MODEL,
    codebook: CodebookOpt = None,
    corrections: CorrectionsOpt = None,
    strict: StrictOpt = False,
    max_chars: MaxCharsOpt = DEFAULT_MAX_CHARS,
    jobs: JobsOpt = 1,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
) -> None:
    """Extract who said what from INPUTS and write the graph and records.

    Writes records.jsonl, failures.jsonl, graph.graphml and graph.html into the
    output directory, applying --corrections to the graph. Exit status: 0 when every
    input was extracted, 1 when some failed (the rest is still written), 2 for an unknown
    model or bad corrections.
    """
    settings = extraction_settings(model=model, codebook=codebook, strict=strict, max_chars=max_chars, jobs=jobs,
                                   engine=engine, scheduler=scheduler, no_cache=no_cache, cache_dir=cache_dir)
    try:  # checked before any work; names are checked against the records after extraction
        fixes = load_corrections(corrections) if corrections is not None else None
    except CorrectionError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    run_and_report("build", partial(run_build, corrections=fixes), inputs, out, settings)
