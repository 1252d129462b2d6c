"""``kg actors GRAPH``: every person and organisation, with its name variants and why they merged."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from kg.cli._terminal import json_parts_for_terminal, printable, table_cell
from kg.cli._util import CorrectionsOpt, app, fail

if TYPE_CHECKING:
    from kg.query import ActorResult


@app.command("actors")
def actors_cli(
    graph: Annotated[Path, typer.Argument(
        metavar="GRAPH", help="A kg build output directory, or a .graphml, .json or records .jsonl file.")],
    corrections: CorrectionsOpt = None,
    name: Annotated[Optional[str], typer.Option(
        "--name", "-n", help="Only actors with this word or phrase in a name or variant.")] = None,
    kind: Annotated[Optional[str], typer.Option(help="Only people or only organisations: person, organisation.")]
    = None,
    reasons: Annotated[bool, typer.Option("--reasons", help="Print every merge reason and correction.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List each actor with its name variants, the kinds it was tagged, its articles and quotes,
    and why its names were merged (most articles first)."""
    from kg.corrections import CorrectionError
    from kg.query import load

    try:
        found = list(load(graph, corrections=corrections).actors())
    except (FileNotFoundError, ValueError, CorrectionError) as error:
        fail(error, 2)
    if kind is not None:
        found = [a for a in found if a.type == kind]
    if name is not None:
        needle = " ".join(name.lower().split())
        found = [a for a in found if any(needle in n.lower() for n in [a.name, *a.aliases])]
    if as_json:
        for part in json_parts_for_terminal([a.model_dump(exclude={"roles"}) for a in found]):
            typer.echo(part, nl=False)
        typer.echo()
    elif reasons:
        for actor in found:
            typer.echo(printable(f"{actor.name} ({actor.type}, {_kinds(actor)}, {len(actor.articles)} articles, "
                                 f"{actor.n_quotes} quotes)"))
            for line in [f"variant: {v}" for v in actor.aliases] + actor.merge_reasons + actor.corrections:
                typer.echo(f"  {printable(line)}")
    else:
        _table(found)


def _table(found: list[ActorResult]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("name", "type", "kinds", "articles", "quotes", "variants", "reasons")
    for actor in found:
        table.add_row(table_cell(actor.name), actor.type, _kinds(actor), str(len(actor.articles)),
                      str(actor.n_quotes), table_cell(actor.aliases, width=80),
                      str(len(actor.merge_reasons) + len(actor.corrections)))
    Console().print(table)
    typer.echo(f"{len(found)} actor(s); --reasons prints why each was merged")


def _kinds(actor: ActorResult) -> str:
    return ", ".join(f"{kind} in {n}" for kind, n in sorted(actor.kinds.items())) or actor.type
