"""``kg graph RECORDS... --out DIR``: records into a claims store, then every export; no spaCy."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli._terminal import printable
from kg.cli._util import CorrectionsOpt, DetailOpt, GraphDetail, app, fail


@app.command("graph")
def graph_cli(
    records: Annotated[list[Path], typer.Argument(
        metavar="RECORDS", exists=True, dir_okay=False, show_default=False,
        help="records.jsonl files, as kg extract writes them (here, or on a cluster's workers).")],
    out: Annotated[Path, typer.Option("--out", "-o", file_okay=False, metavar="DIR",
                                      help="Output directory (created if missing).")] = Path("out"),
    corrections: CorrectionsOpt = None,
    update: Annotated[bool, typer.Option(
        "--update", help="Add the records to the store already in --out (a record replaces the article of "
                         "its id); actors are resolved again over all articles.")] = False,
    detail: DetailOpt = GraphDetail.auto,
    csv_formulas: Annotated[bool, typer.Option(
        "--csv-formulas", help="Write statements.csv cells that start with =, +, - or @ as they are.")] = False,
) -> None:
    """Build the claims store and the graph exports from records, without extracting again.

    Writes claims.sqlite, graph.graphml, graph.gexf, graph.json,
    statements.csv and graph.html into the output directory as one set,
    replacing the previous outputs only once all are written. Use it to
    export again after editing --corrections, or to bring in records made
    elsewhere. Needs no spaCy.

    Exit status: 0 written; 2 bad records, corrections or store (nothing
    replaced); 3 the run failed (another run writes the directory, a full
    disk) and the outputs were left as they were.
    """
    from kg.corrections import CorrectionError, load_corrections
    from kg.readwrite.staging import OutputBusy, OutputRefused
    from kg.run.outputs import EXPORT_FILES, run_graph
    from kg.store import STORE_FILE, StoreError

    try:
        fixes = load_corrections(corrections) if corrections is not None else None
        count, applied = run_graph(records, out, corrections=fixes, update=update, detail=detail.value,
                                   csv_formulas=csv_formulas)
    except (CorrectionError, StoreError, OutputRefused, ValueError) as error:
        fail(error, 2)
    except OutputBusy as error:
        fail(error, 3)
    except OSError as error:
        fail(f"the run failed: {error.strerror or error}; {out} was left as it was", 3)
    typer.echo(f"kg graph: {count} records" + (" added" if update else ""))
    if applied:
        typer.echo(f"  corrections    {len(applied)} applied")
        for line in applied:
            typer.echo(f"    {printable(line)}")
    for name, file in {"store": STORE_FILE, **EXPORT_FILES}.items():
        typer.echo(f"  {name:<14} {printable(out / file)}")
