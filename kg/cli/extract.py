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
    MaxBytesOpt,
    MaxCharsOpt,
    ModelOpt,
    NoCacheOpt,
    SchedulerOpt,
    StrictOpt,
    app,
    extraction_settings,
    run_and_report,
)


@app.command("extract")
def extract_cli(
    inputs: InputsArg,
    out: Annotated[Path, typer.Option("--out", "-o", dir_okay=False, metavar="FILE",
                                      help="Records file to write (JSON Lines).")],
    model: ModelOpt = DEFAULT_MODEL,
    codebook: CodebookOpt = None,
    strict: StrictOpt = False,
    max_chars: MaxCharsOpt = DEFAULT_MAX_CHARS,
    max_bytes: MaxBytesOpt = None,
    jobs: JobsOpt = 1,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
) -> None:
    """Extract people, organisations, roles and quotes from INPUTS into JSON Lines.

    One article record per line, each fact with character offsets into
    the article and its sentence. The file is replaced only once
    complete, and not at all when no article was extracted.

    Exit status: 0 every input was extracted; 1 some inputs failed (the
    rest is written; with --strict nothing is replaced); 2 usage or
    configuration error; 3 the run itself failed and the file was left
    as it was.
    """
    from kg.run import run_extract

    settings = extraction_settings(model=model, codebook=codebook, strict=strict, max_chars=max_chars,
                                   max_bytes=max_bytes, jobs=jobs,
                                   engine=engine, scheduler=scheduler, no_cache=no_cache, cache_dir=cache_dir)
    run_and_report("extract", run_extract, inputs, out, settings)
