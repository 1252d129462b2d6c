"""``kg build``: extract, build the graph and write every output."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli._util import (
    DEFAULT_MAX_CHARS,
    DEFAULT_MODEL,
    CacheDirOpt,
    CodebookOpt,
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
from kg.run import run_build


@app.command("build")
def build_cli(
    inputs: InputsArg,
    out: Annotated[Path, typer.Option("--out", "-o", file_okay=False, metavar="DIR",
                                      help="Output directory (created if missing).")] = Path("out"),
    model: ModelOpt = DEFAULT_MODEL,
    codebook: CodebookOpt = None,
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
    output directory. Exit status: 0 when every input was extracted, 1 when some
    failed (the rest is still written), 2 for an unknown model.
    """
    settings = extraction_settings(model=model, codebook=codebook, strict=strict, max_chars=max_chars, jobs=jobs,
                                   engine=engine, scheduler=scheduler, no_cache=no_cache, cache_dir=cache_dir)
    run_and_report("build", run_build, inputs, out, settings)
