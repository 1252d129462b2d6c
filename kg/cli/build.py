"""``kg build``: extract, build the graph and write every output."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.batch import run_build
from kg.cli._util import DEFAULT_MODEL, InputsArg, ModelOpt, Progress, app, exit_code, print_summary


@app.command("build")
def build_cli(
    inputs: InputsArg,
    out: Annotated[Path, typer.Option("--out", "-o", file_okay=False, metavar="DIR",
                                      help="Output directory (created if missing).")] = Path("out"),
    model: ModelOpt = DEFAULT_MODEL,
) -> None:
    """Extract who said what from INPUTS and write the graph and records.

    Writes records.jsonl, failures.jsonl, graph.graphml and graph.html into the
    output directory. Exit status: 0 when every input was extracted, 1 when some
    failed (the rest is still written), 2 for an unknown model.
    """
    from extractors.pipeline import ModelNotFound

    progress = Progress()
    try:
        summary = run_build(inputs, out, model=model, progress=progress)
    except ModelNotFound as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    progress.close()
    print_summary("build", summary)
    raise typer.Exit(exit_code(summary))
