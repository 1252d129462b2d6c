"""The claims store at scale: ``kg graph`` time and peak memory, one ``kg query`` question.

A benchmark, not a test: ``make bench`` runs it after `extract.py` (which gives it the records
of its corpus), and it prints one table, every time also as a ratio to the floor measured in
the same run: a plain ``json.loads`` of every line of the same records file (the fastest of three
reads, Python's start included, as for every command here).

The corpora are the records of the given file repeated with fresh article ids (the same
articles again, as when a corpus is synthesised to a size). Every command runs in its own
process, so its time includes starting Python and its peak memory is its own.

Usage::

    .venv/bin/python benchmarks/store.py RECORDS.jsonl [--articles 5000 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def make_records(base: Path, n: int, path: Path) -> None:
    """Write `n` records cycling through those of `base`, each with a fresh article id."""
    lines = [line for line in base.read_text(encoding="utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            record = json.loads(lines[i % len(lines)])
            record["id"] = f"{record['id']}~{i // len(lines)}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def timed(args: list[str]) -> tuple[float, float]:
    """Run a command; return (seconds, peak resident memory in MB)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def floor(path: Path) -> list[str]:
    """The floor: read the records file and parse every line with json.loads, nothing else."""
    return [sys.executable, "-c", f"import json\nfor line in open({str(path)!r}, encoding='utf-8'): json.loads(line)"]


def write_exports(build: Path, folder: Path) -> list[str]:
    """Every export of a built store written again into `folder` (GraphML, GEXF, JSON, CSV, HTML)."""
    code = ("import sys; from pathlib import Path; from kg.store import ClaimsStore; "
            "from kg.run.outputs import write_exports; folder = Path(sys.argv[2]); folder.mkdir(exist_ok=True); "
            "write_exports(ClaimsStore.open(Path(sys.argv[1]) / 'claims.sqlite'), folder)")
    return [sys.executable, "-c", code, str(build), str(folder)]


def kg(*args: object) -> list[str]:
    return [sys.executable, "-m", "kg", *map(str, args)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=Path, help="records.jsonl to repeat (kg extract's output)")
    parser.add_argument("--articles", type=int, nargs="+", default=[5_000, 10_000])
    parser.add_argument("--speaker", default="Mike Pence", help="who the query question asks about")
    parser.add_argument("--keep", type=Path, help="where to leave the corpora and builds (default: a temp dir)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-store-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    sizes = sorted(args.articles)
    rows: list[tuple[str, str, str]] = []
    peaks: dict[int, float] = {}
    for n in sizes:
        corpus = folder / f"records-{n}.jsonl"
        make_records(args.records, n, corpus)
        base = min(timed(floor(corpus))[0] for _ in range(3))  # the best of three: the fastest read there is
        seconds, peaks[n] = timed(kg("graph", corpus, "--out", folder / f"out-{n}"))
        size = corpus.stat().st_size / 1e6
        exports, _ = timed(write_exports(folder / f"out-{n}", folder / f"exports-{n}"))
        rows += [(f"json.loads of {n:,} records ({size:,.0f} MB): the floor", f"{base:.1f} s", "1.0x"),
                 (f"kg graph, {n:,} articles (store + every export)", f"{seconds:.1f} s",
                  f"{seconds / base:.1f}x the floor (target <= 10x)"),
                 ("  the exports alone, from the store", f"{exports:.1f} s", f"{exports / base:.1f}x the floor"),
                 (f"  peak memory, {n:,} articles", f"{peaks[n]:,.0f} MB", "target < 3,000 MB")]
    largest = sizes[-1]
    out = folder / f"out-{largest}"
    base = min(timed(floor(folder / f"records-{largest}.jsonl"))[0] for _ in range(3))
    for question in (["quotes", "--speaker", args.speaker, "--json"], ["search", "health care", "--json"],
                     ["people", "--json"]):
        seconds, memory = timed(kg("query", out, *question))
        rows.append((f"kg query {' '.join(question[:-1])} ({largest:,} articles)", f"{seconds:.2f} s",
                     f"{seconds / base:.2f}x the floor (target <= 0.5x), {memory:,.0f} MB"))
    if len(sizes) > 1:
        small = sizes[0]
        rows.append((f"peak memory {largest:,} / {small:,} articles", f"{peaks[largest] / peaks[small]:.2f}x",
                     "target < 1.5x"))
    store = out / "claims.sqlite"
    rows.append((f"claims.sqlite, {largest:,} articles", f"{store.stat().st_size / 1e6:,.0f} MB", ""))
    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>10}  {note}")
    print(f"(files in {folder})")


if __name__ == "__main__":
    main()
