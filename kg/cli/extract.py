"""``kg extract``: articles in, ``records.jsonl`` out."""

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
from kg.run import run_extract


@app.command("extract")
def extract_cli(
    inputs: InputsArg,
    out: Annotated[Path, typer.Option("--out", "-o", dir_okay=False, metavar="FILE",
                                      help="Records file to write (JSON Lines).")],
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
    """Extract people, organisations, roles and quotes from INPUTS into JSON Lines.

    One article record per line, each fact with character offsets into the
    article and its sentence. Exit status as for build.
    """
    settings = extraction_settings(model=model, codebook=codebook, strict=strict, max_chars=max_chars, jobs=jobs,
                                   engine=engine, scheduler=scheduler, no_cache=no_cache, cache_dir=cache_dir)
    run_and_report("extract", run_extract, inputs, out, settings)
