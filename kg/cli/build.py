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
    DetailOpt,
    Engine,
    GraphDetail,
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
    fail,
    run_and_report,
)


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
    max_bytes: MaxBytesOpt = None,
    jobs: JobsOpt = 1,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    csv_formulas: Annotated[bool, typer.Option(
        "--csv-formulas", help="Write statements.csv cells that start with =, +, - or @ as they are, instead of "
                               "with a leading ' that makes spreadsheets show them as text, not run them.")] = False,
    update: Annotated[bool, typer.Option(
        "--update", help="Add to the store already in --out: only new or changed articles (by id and text) are "
                         "extracted; actors are resolved again over all articles and every output rewritten.")] = False,
    detail: DetailOpt = GraphDetail.auto,
) -> None:
    """Extract who said what from INPUTS and write the graph and records.

    Writes records.jsonl, failures.jsonl, the claims store claims.sqlite,
    graph.graphml, graph.gexf, graph.json, statements.csv and graph.html
    into the output directory as one set: they replace the previous outputs only once all are
    written, and not at all when no article was extracted. --corrections
    are applied to the graph; a correction that names nothing fails the run
    with status 2 before anything is replaced. A second build into the
    same directory refuses while one runs; the directory is never read as
    input.

    Exit status: 0 every input was extracted; 1 some inputs failed (the
    rest is written; with --strict nothing is replaced); 2 usage or
    configuration error (unknown model, bad codebook, an output
    directory holding other files); 3 the run itself failed (another
    build is writing the directory, a full disk, a crash) and the
    outputs were left as they were.
    """
    from kg.corrections import CorrectionError, load_corrections
    from kg.run import run_build

    settings = extraction_settings(model=model, codebook=codebook, strict=strict, max_chars=max_chars,
                                   max_bytes=max_bytes, jobs=jobs,
                                   engine=engine, scheduler=scheduler, no_cache=no_cache, cache_dir=cache_dir)
    try:  # checked before any work; names are checked against the records after extraction
        fixes = load_corrections(corrections) if corrections is not None else None
    except CorrectionError as error:
        fail(error, 2)
    run_and_report("build", partial(run_build, csv_formulas=csv_formulas, corrections=fixes, update=update,
                                    detail=detail.value), inputs, out, settings)
