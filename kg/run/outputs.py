"""``kg graph`` and the graph half of ``kg build``: records into a claims store, then every export.

The store (``claims.sqlite``) is written first, in the staging folder of the run
(`kg.readwrite.staging`), and the exports stream from it: GraphML, GEXF and node-link
JSON one node or edge at a time, the statements CSV one quote at a time, the HTML page
from the graph it shows. Memory follows the actors, not the number of articles.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kg._collector import collector_paused
from kg.corrections import Corrections
from kg.readwrite import read_records, write_html
from kg.readwrite.gexf import write_gexf_stream
from kg.readwrite.graphml import write_graphml_stream
from kg.readwrite.json_graph import write_json_stream
from kg.readwrite.staging import staged_folder
from kg.readwrite.statements import write_statement_rows
from kg.store import STORE_FILE, ClaimsStore, StoreError
from kg.readwrite.stream import from_networkx
from kg.store.graph import skeleton, to_networkx
from kg.store.statements import statement_rows

__all__ = ["EXPORT_FILES", "GRAPH_OUTPUT_FILES", "write_exports", "open_store", "run_graph", "add_record_files"]

EXPORT_FILES = {"graphml": "graph.graphml", "gexf": "graph.gexf", "json": "graph.json",
                "statements": "statements.csv", "html": "graph.html"}
"""The exports written from a store, by name, in the order they are written."""
GRAPH_OUTPUT_FILES = (STORE_FILE, *EXPORT_FILES.values())
"""The files of a ``kg graph`` output folder (besides its marker)."""


def write_exports(store: ClaimsStore, folder: Path, *, detail: str = "auto", csv_formulas: bool = False,
                  title: str = "policy-claims-kg") -> dict[str, Path]:
    """Write every export of the store into `folder`; return their paths by name.

    Parameters
    ----------
    store : ClaimsStore
        Resolved (`ClaimsStore.resolve`).
    folder : Path
    detail : {"auto", "quotes", "actors"}
        The graph the GraphML, GEXF, JSON and HTML files hold (`ClaimsStore.graph_stream`).
    csv_formulas : bool
        Keep statement cells that look like spreadsheet formulas as they are.
    """
    paths = {name: folder / file for name, file in EXPORT_FILES.items()}
    with _beside(_write_statements, store.path, paths["statements"], csv_formulas):
        _write_graphs(store, paths, detail=detail, title=title)
    return paths


def _write_statements(store_path: str, path: Path, formulas: bool) -> None:
    """The statements CSV, from the store at `store_path` (in a process of its own, see `_beside`)."""
    with ClaimsStore.open(store_path) as store, collector_paused():
        write_statement_rows(statement_rows(store.db), path, formulas=formulas)


def _write_graphs(store: ClaimsStore, paths: dict[str, Path], *, detail: str, title: str) -> None:
    stream = store.graph_stream(detail=detail)
    graph = None
    if stream.graph.get("network") == "actor-concept":  # small: read once, for every writer
        graph = to_networkx(stream)
        stream, shape = from_networkx(graph), graph
    else:  # one node per quote: streamed by each writer, only the skeleton kept for the layout
        shape = skeleton(stream)
    write_graphml_stream(stream, paths["graphml"])
    write_gexf_stream(stream, paths["gexf"], skeleton=shape)
    write_json_stream(stream, paths["json"])
    write_html(graph if graph is not None else to_networkx(stream), paths["html"], title=title, texts=store.texts())


@contextmanager
def _beside(target: Callable[..., None], *args: Any) -> Iterator[None]:
    """Run ``target(*args)`` in another process while the block runs (a store in memory: after it,
    here), and raise its error, as an `OSError` naming it, once both are done."""
    if args[0] == ":memory:":
        yield
        target(*args)
        return
    context = _context()
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_report, args=(send, target, *args), daemon=True)
    process.start()
    send.close()
    try:
        yield
    except BaseException:
        process.terminate()
        raise
    problem = receive.recv() if receive.poll(None) else "ended without a word"
    process.join()
    if problem is not None:
        raise OSError(problem)


def _report(send: Any, target: Callable[..., None], *args: Any) -> None:
    """In the other process: run the target, send None, or what went wrong."""
    try:
        target(*args)
    except Exception as error:  # noqa: BLE001  (sent to the parent, which raises it)
        send.send(f"{type(error).__name__}: {error}")
    else:
        send.send(None)


def _context() -> Any:
    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


def open_store(previous: Path, staging: Path) -> ClaimsStore:
    """A copy of the store of an earlier run, in the staging folder, checked and open for writing.

    Raises
    ------
    StoreError
        When `previous` holds no store, or a damaged one, or one of another schema version:
        it is reported, never rebuilt over.
    """
    source = previous / STORE_FILE
    if not source.is_file():
        raise StoreError(f"{previous}: no {STORE_FILE} to update; build it first without --update")
    ClaimsStore.open(source).close()  # the header and version, before copying
    shutil.copyfile(source, staging / STORE_FILE)
    try:
        return ClaimsStore.open(staging / STORE_FILE, readonly=False)
    except StoreError as error:
        raise StoreError(str(error).replace(str(staging / STORE_FILE), str(source))) from None


def run_graph(inputs: Iterable[Path], out_dir: Path, *, corrections: Corrections | None = None,
              update: bool = False, detail: str = "auto", csv_formulas: bool = False) -> tuple[int, list[str]]:
    """Put the records of `inputs` (``records.jsonl`` files) into a store in `out_dir` and write
    every export there, as one set (`kg.readwrite.staging.staged_folder`).

    Parameters
    ----------
    inputs : iterable of Path
        Records files, as written by ``kg extract`` (on this machine or by a cluster's workers).
    out_dir : Path
    corrections : Corrections, optional
        Applied to the actors and quotes (`kg.corrections`).
    update : bool
        Add the records to the store already in `out_dir` (a record replaces the article of its
        id) instead of starting a new one; actors are resolved again over the whole store.
    detail, csv_formulas
        As for `write_exports`.

    Returns
    -------
    tuple of (int, list of str)
        The number of records read, and what each correction did.

    Raises
    ------
    ValueError
        When a records file has a line that is not a record (naming the file and line).
    StoreError
        With `update`, when the store in `out_dir` is missing, damaged or of another schema version.
    kg.corrections.CorrectionError
        When a correction names nothing.
    """
    with staged_folder(out_dir, replaceable=GRAPH_OUTPUT_FILES) as staging:
        store = open_store(out_dir, staging.path) if update else ClaimsStore.create(staging.path / STORE_FILE)
        with store:
            count = add_record_files(store, list(inputs))
            applied = store.resolve(corrections)
            write_exports(store, staging.path, detail=detail, csv_formulas=csv_formulas)
    return count, applied


def add_record_files(store: ClaimsStore, paths: list[Path]) -> int:
    """Add the records of ``records.jsonl`` files to the store; return how many.

    Each line is parsed here with `json.loads` and goes into the store as it is, while a second
    process validates every line as an `ArticleRecord` at the same time; nothing is committed
    unless both get through (the caller's store is in a staging folder, and is discarded).

    Raises
    ------
    ValueError
        Naming the file and line of the first line that is not a valid record.
    """
    context = _context()
    receive, send = context.Pipe(duplex=False)
    checker = context.Process(target=_check_records, args=(paths, send), daemon=True)
    checker.start()
    send.close()
    try:
        count = store.add_dicts(_json_lines(paths))
    except (KeyError, TypeError, ValueError, AttributeError) as error:  # a record that is not one
        checker.join()
        problem = receive.recv() if receive.poll() else None
        raise ValueError(problem or str(error)) from None
    except BaseException:
        checker.terminate()
        raise
    problem = receive.recv()
    checker.join()
    if problem is not None:
        raise ValueError(problem)
    return count


def _check_records(paths: list[Path], send: Any) -> None:
    """In the checking process: send None when every line of `paths` is a valid record, else the
    message for the first one that is not."""
    try:
        with collector_paused():  # each record is dropped as the next comes: no cycles to look for
            for path in paths:
                for _ in read_records(path):
                    pass
    except (ValueError, OSError) as error:
        send.send(str(error))
    else:
        send.send(None)


def _json_lines(paths: list[Path]) -> Iterator[dict[str, Any]]:
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.isspace():  # blank lines are skipped (strip would copy each line)
                    try:
                        yield json.loads(line)
                    except ValueError as error:
                        raise ValueError(f"{path}:{number}: not an article record: {error}") from None
