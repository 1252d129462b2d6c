"""``kg query DIR network KIND --out FILE``: a discourse network, or one per time window, written to a file.

The format comes from how FILE's name ends (`kg.readwrite.graph_format`): ``.graphml``,
``.gexf``, ``.json``, ``.html``, ``.csv`` (an edge list) or ``.matrix.csv`` (a matrix).
With ``--window``, a ``.gexf`` FILE is one dynamic graph of every window (Gephi's
timeline); any other FILE is one file per window, named FILE's stem, ``-`` and the
window's first day (``conflict-2020-01-01.graphml``).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from kg import discourse
from kg.cli._terminal import printable
from kg.cli._util import fail
from kg.cli.query import answer, query_app
from kg.readwrite import GraphFormat, graph_format

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["network_cli"]


class NetworkKind(str, Enum):
    """The discourse networks `kg query GRAPH network` writes (DNA's names; actor-concept is affiliation's old one)."""

    congruence = "congruence"
    conflict = "conflict"
    subtract = "subtract"
    affiliation = "affiliation"
    actor_concept = "actor-concept"


class ActorKind(str, Enum):
    """Who the actors of a discourse network are."""

    people = "people"
    organisations = "organisations"


class Normalisation(str, Enum):
    """How one-mode discourse network weights are normalised."""

    average = "average"
    jaccard = "jaccard"
    cosine = "cosine"


DateOpt = Annotated[Optional[str], typer.Option(help="ISO date (YYYY-MM-DD), inclusive.")]


@query_app.command("network")
def network_cli(ctx: typer.Context,
                kind: Annotated[NetworkKind, typer.Argument(
                    help="congruence, conflict, subtract (congruence minus conflict) or affiliation (actor x "
                         "concept; actor-concept is its old name).")],
                out: Annotated[Path, typer.Option(
                    "--out", "-o", metavar="FILE", dir_okay=False,
                    help="Where to write it: .graphml, .gexf, .json, .html, .csv (edge list) or .matrix.csv.")],
                actors: Annotated[ActorKind, typer.Option(help="people or organisations.")] = ActorKind.people,
                normalisation: Annotated[Optional[Normalisation], typer.Option(
                    help="average, jaccard or cosine (congruence, conflict, subtract).")] = None,
                since: DateOpt = None,
                until: DateOpt = None,
                min_confidence: Annotated[float, typer.Option(
                    min=0.0, max=1.0, help="Leave out stances of lower confidence.")] = 0.0,
                isolates: Annotated[bool, typer.Option(
                    "--isolates", help="Keep actors (and, for affiliation, concepts) without ties: every one with "
                                       "a statement, in every window.")] = False,
                window: Annotated[Optional[str], typer.Option(
                    metavar="PERIOD", help="One network per time window of this length: 30d, 2w, 1m (calendar "
                                           "months), 1y. A .gexf FILE is then one timeline of them all.")] = None,
                step: Annotated[Optional[str], typer.Option(
                    metavar="PERIOD", help="From one window's start to the next (default: the window).")] = None,
                ) -> None:
    """A discourse network of who agrees (or disagrees) with whom, written to a file; with
    --window, one per time window."""
    try:
        output = graph_format(out, network=True)
        for value, name in ((window, "window"), (step, "step")):
            if value is not None:
                discourse.Period.parse(value, f"--{name}")
    except ValueError as error:
        fail(error, 2)
    if step is not None and window is None:
        fail("--step needs --window", 2)
    options = {"actors": actors.value, "normalisation": normalisation.value if normalisation else None,
               "since": since, "until": until, "min_confidence": min_confidence, "isolates": isolates}
    if window is None:
        network = answer(ctx, lambda g: g.network(kind.value, **options))
        _write(output.write, network, out)
        typer.echo(f"{kind.value} network: {network.number_of_nodes()} nodes, {network.number_of_edges()} edges "
                   f"-> {printable(out)}")
        return
    series = answer(ctx, lambda g: g.networks(kind.value, window=window, step=step, **options))
    if not series:
        typer.echo("(no dated statements, so no windows: nothing written)")
        return
    about = (f"{kind.value} networks of {len(series)} windows of {window} every {step or window}, "
             f"{series[0].graph['since']} to {series[-1].graph['until']}")
    if output.name == "gexf":
        from kg.readwrite import write_gexf_timeline

        T = discourse.timeline(series)
        _write(write_gexf_timeline, T, out)
        typer.echo(f"{about}: {T.number_of_nodes()} nodes, {T.number_of_edges()} edges in all -> {printable(out)}")
        return
    paths = [_window_path(out, output, H.graph["since"]) for H in series]
    for H, path in zip(series, paths):
        _write(output.write, H, path)
    typer.echo(f"{about} -> {printable(paths[0])} ... {printable(paths[-1].name)}")


def _window_path(out: Path, output: GraphFormat, since: str) -> Path:
    """``conflict.matrix.csv`` -> ``conflict-2020-01-01.matrix.csv``."""
    stem = out.name[:len(out.name) - len(output.suffix)]
    return out.with_name(f"{stem}-{since}{out.name[len(stem):]}")


def _write(write: Callable[[nx.Graph, Path], None], G: nx.Graph, path: Path) -> None:
    try:
        write(G, path)
    except OSError as error:
        fail(f"{path}: cannot be written ({error.strerror or error})", 3)
