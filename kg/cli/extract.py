"""``kg extract``: articles in, ``records.jsonl`` out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.batch import run_extract
from kg.cli._util import DEFAULT_MODEL, InputsArg, ModelOpt, Progress, app, exit_code, print_summary


@app.command("extract")
def extract_cli(
    inputs: InputsArg,
    out: Annotated[Path, typer.Option("--out", "-o", dir_okay=False, metavar="FILE",
                                      help="Records file to write (JSON Lines).")],
    model: ModelOpt = DEFAULT_MODEL,
) -> None:
    """Extract people, organisations, roles and quotes from INPUTS into JSON Lines.

    One article record per line, each fact with character offsets into the
    article and its sentence. Exit status as for build.
    """
    from extractors.pipeline import ModelNotFound

    progress = Progress()
    try:
        summary = run_extract(inputs, out, model=model, progress=progress)
    except ModelNotFound as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    progress.close()
    print_summary("extract", summary)
    raise typer.Exit(exit_code(summary))
