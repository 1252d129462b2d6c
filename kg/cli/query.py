"""``kg query DIR ...``: the Python API's questions from the command line (``network``: `kg.cli.network`).

What is printed comes from articles, so it goes through `kg.cli._terminal` first:
no escape sequence or control character from an article reaches the terminal. A
graph that cannot be read or answered from (truncated, malformed, bad values) is
one line naming the file, with exit status 2, never a traceback. So is a name,
concept, cue class or date the corpus does not know (`kg.query.QueryError`), with
the closest it has; a known name with nothing matching is an empty answer that says so.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, TypeVar

import typer
from pydantic import BaseModel

from kg.cli._terminal import json_parts_for_terminal, printable, table_cell
from kg.cli._util import app, fail
from kg.query import QueryError, StoreQueries, load

if TYPE_CHECKING:
    from kg.query import ClaimsGraph

query_app = typer.Typer(name="query", no_args_is_help=True, rich_markup_mode="markdown")
app.add_typer(query_app)

GraphArg = Annotated[Path, typer.Argument(
    metavar="GRAPH", help="A kg build or kg graph output directory (its claims.sqlite), or a .graphml, .json or "
                          "records .jsonl file.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ActorArg = Annotated[str, typer.Argument(metavar="NAME", help="A name, alias or part of a name.")]
_QUOTE_COLUMNS = ("date", "speaker", "cue", "type", "content", "concepts", "article_title")
_ACTOR_COLUMNS = ("name", "type", "n_quotes", "roles", "articles")


@query_app.callback()
def query_cli(ctx: typer.Context, graph: GraphArg) -> None:
    """Ask a built graph questions: kg query DIR quotes --speaker NAME, kg query DIR who-said PHRASE.

    Exit status: 0 answered (an empty answer too: the names given are known, nothing
    matches); 2 a name, concept, cue class or date the graph does not know (with the
    closest it has), or a graph that cannot be read or answered from (one line naming
    the file); 3 a network could not be written.
    """
    ctx.obj = graph
    # An answer makes no garbage cycles worth looking for, and Python's cycle collector would walk a
    # long answer's objects again and again while it is made: it rests until the question is answered.
    if gc.isenabled():
        gc.disable()
        ctx.call_on_close(gc.enable)


T = TypeVar("T")


def answer(ctx: typer.Context, ask: Callable[[ClaimsGraph | StoreQueries], T]) -> T:
    """Open the store (or load the graph) and ask it; any error is one line naming the file (exit status 2)."""
    try:
        graph = load(ctx.obj)
    except (FileNotFoundError, ValueError) as error:
        fail(error, 2)
    try:
        return ask(graph)
    except QueryError as error:
        fail(error, 2)
    except sqlite3.DatabaseError as error:  # a page of the store damaged after it was written
        fail(f"{ctx.obj}: the claims store is damaged ({_first_line(error)}); it was left as it is. Rebuild it "
             f"into a new folder with kg graph RECORDS.jsonl --out DIR", 2)
    except Exception as error:  # noqa: BLE001  (a damaged graph: bad values where numbers go, say)
        fail(f"{ctx.obj}: cannot answer from this graph ({type(error).__name__}: {_first_line(error)})", 2)


def _first_line(error: Exception) -> str:
    return str(error).strip().split("\n")[0]


def _show(rows: list[BaseModel], columns: tuple[str, ...], as_json: bool, empty: str = "no results") -> None:
    """Print results as a table (long text cut short) or as JSON (everything); an empty answer
    says why (`empty`)."""
    if as_json:
        for part in json_parts_for_terminal([row.model_dump() for row in rows]):
            typer.echo(part, nl=False)
        typer.echo()
        return
    if not rows:
        typer.echo(f"({printable(empty)})")
        return
    from rich.console import Console  # only for tables: not for --json
    from rich.table import Table

    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*(table_cell(getattr(row, c, None)) for c in columns))
    Console().print(table)
    typer.echo(f"{len(rows)} result(s)")



@query_app.command("quotes")
def quotes_cli(ctx: typer.Context,
               speaker: Annotated[Optional[str], typer.Option(help="Speaker's name, alias or part of it.")] = None,
               organisation: Annotated[Optional[str], typer.Option(help="The organisation or its members.")] = None,
               concept: Annotated[Optional[str], typer.Option(help="Part of a concept's name.")] = None,
               cue_class: Annotated[Optional[str], typer.Option(
                   help="neutral, critical, supportive, commitment or announcement.")] = None,
               since: Annotated[Optional[str], typer.Option(help="ISO date, inclusive.")] = None,
               until: Annotated[Optional[str], typer.Option(help="ISO date, inclusive.")] = None,
               text: Annotated[Optional[str], typer.Option(help="Words the claim contains.")] = None,
               as_json: JsonOpt = False) -> None:
    """Quotes matching every filter given, each with its stance on every concept it is about."""
    rows = answer(ctx, lambda g: g.quotes(speaker=speaker, organisation=organisation, concept=concept,
                                           cue_class=cue_class, since=since, until=until, text=text))
    _show(rows, _QUOTE_COLUMNS, as_json, "no quote matches every filter; the names and values given are known")


@query_app.command("who-said")
def who_said_cli(ctx: typer.Context, phrase: Annotated[str, typer.Argument(help="Words to look for.")],
                 as_json: JsonOpt = False) -> None:
    """Who said something containing PHRASE, or about a concept it names (with their stances)."""
    _show(answer(ctx, lambda g: g.who_said(phrase)), _QUOTE_COLUMNS, as_json,
          f"no claim contains or is about {phrase!r}, and no concept has a name like it")


@query_app.command("search")
def search_cli(ctx: typer.Context, text: Annotated[str, typer.Argument(help="Words to look for, in any order.")],
               limit: Annotated[Optional[int], typer.Option(min=1, help="At most this many, best first.")] = None,
               as_json: JsonOpt = False) -> None:
    """Full-text search over the claims (needs a store: a kg build or kg graph directory), best match first."""
    def ask(g: ClaimsGraph | StoreQueries) -> list:
        if not isinstance(g, StoreQueries):
            raise QueryError(f"{ctx.obj}: full-text search needs a claims store: give a kg build or kg graph "
                             f"directory")
        return g.search(text, limit=limit)

    _show(answer(ctx, ask), _QUOTE_COLUMNS, as_json, f"no claim has every word of {text!r}")


@query_app.command("timeline")
def timeline_cli(ctx: typer.Context, actor: ActorArg, as_json: JsonOpt = False) -> None:
    """What a person or organisation said, oldest first, with their stances."""
    _show(answer(ctx, lambda g: g.timeline(actor)), _QUOTE_COLUMNS, as_json, f"{actor!r} is known, but said nothing")


@query_app.command("people")
def people_cli(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Every person, most quoted first."""
    _show(answer(ctx, lambda g: g.people()), _ACTOR_COLUMNS, as_json)


@query_app.command("organisations")
def organisations_cli(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Every organisation, most quoted first."""
    _show(answer(ctx, lambda g: g.organisations()), _ACTOR_COLUMNS, as_json)


@query_app.command("articles")
def articles_cli(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Every article, by date."""
    _show(answer(ctx, lambda g: g.articles()), ("date", "id", "title", "publication", "author", "n_quotes"), as_json)


@query_app.command("roles")
def roles_cli(ctx: typer.Context, person: ActorArg, as_json: JsonOpt = False) -> None:
    """The titles a person holds, each with the organisation and the article it was stated in."""
    _show(answer(ctx, lambda g: g.roles(person)), ("person", "title", "organisation", "former", "article_id"),
          as_json, f"{person!r} is known, but no role of theirs is stated")


@query_app.command("members")
def members_cli(ctx: typer.Context, organisation: ActorArg, as_json: JsonOpt = False) -> None:
    """People holding a role at an organisation."""
    _show(answer(ctx, lambda g: g.members(organisation)), _ACTOR_COLUMNS, as_json,
          f"{organisation!r} is known, but no one is said to hold a role there")


@query_app.command("co-quoted")
def co_quoted_cli(ctx: typer.Context, actor: ActorArg, as_json: JsonOpt = False) -> None:
    """Others quoted in the same articles as a person or organisation."""
    rows = answer(ctx, lambda g: g.co_quoted(actor))
    if as_json:
        _show(rows, (), as_json)
        return
    flat = [_CoQuotedRow(name=r.actor.name, type=r.actor.type, articles=r.articles) for r in rows]
    _show(flat, ("name", "type", "articles"), as_json, f"{actor!r} is known, but no one else is quoted with them")


@query_app.command("path")
def path_cli(ctx: typer.Context, a: ActorArg, b: ActorArg, as_json: JsonOpt = False) -> None:
    """The shortest chain of relations between two people or organisations."""
    _show(answer(ctx, lambda g: g.path(a, b)), ("label", "type", "relation"), as_json,
          f"both are known, but nothing connects {a!r} and {b!r}")


class _CoQuotedRow(BaseModel):
    name: str
    type: str
    articles: list[str]
