"""How fast a large claims graph opens and pans in the HTML export (a benchmark, not a test).

Builds a synthetic graph of about 5,000 nodes with `kg.build.build_graph` from
made-up records, writes it with `kg.readwrite.write_html`, opens it in
headless Chromium (Debian's /usr/bin/chromium, driven by Playwright, no
network) and prints how long writing, loading, the first drawing and a
one-second pan take.

Usage::

    .venv/bin/python benchmarks/html_large.py [--nodes 5000] [--out /tmp/kg-large.html]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from extractors.records import ArticleRecord, Mention, Organisation, Person, Quote, Role
from kg.build import build_graph
from kg.layout import article_layout
from kg.readwrite import write_html

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
CUE_CLASSES = ["neutral", "critical", "supportive", "commitment", "announcement"]

# Set before the page's scripts run: note when vis-network first draws.
FIRST_DRAW_HOOK = """
Object.defineProperty(window, "network", {
  configurable: true,
  get() { return this.__network; },
  set(n) { this.__network = n; n.once("afterDrawing", () => { window.__firstDraw = performance.now(); }); },
});
"""

# Count frames and the longest gap between them while the page is being panned.
FRAME_MONITOR = """() => {
  window.__frames = [];
  const tick = (t) => { window.__frames.push(t); if (window.__frames.length < 100000) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
}"""


def synthetic_records(n_nodes: int, seed: int = 1) -> list[ArticleRecord]:
    """Articles with 7 actors and 12 quotes each; actors reused with a long tail, like real news."""
    rng = random.Random(seed)
    n_articles = max(1, n_nodes // 18)
    people = [f"Person {i} Surname{i}" for i in range(n_articles * 4)]
    orgs = [f"Organisation {i}" for i in range(n_articles * 2)]

    def pick(names: list[str], k: int) -> list[str]:  # popular names come up often
        chosen: list[str] = []
        while len(chosen) < k:
            name = names[min(int(rng.paretovariate(0.6)) - 1, len(names) - 1)] if rng.random() < 0.5 \
                else rng.choice(names)
            if name not in chosen:
                chosen.append(name)
        return chosen

    records = []
    for a in range(n_articles):
        sentence = f"Sentence {a}: someone said something about policy."
        m = Mention(text="Sentence", start=0, end=8, sentence=sentence)
        persons = [Person(id=f"p{i}", name=name, mentions=[m],
                          roles=[Role(title="director", organisation=rng.choice(orgs), mention=m)])
                   for i, name in enumerate(pick(people, 5))]
        organisations = [Organisation(id=f"o{i}", name=name, mentions=[m]) for i, name in enumerate(pick(orgs, 2))]
        speakers = [p.id for p in persons] + [o.id for o in organisations] + [None]
        quotes = [Quote(id=f"q{i}", speaker=None, speaker_id=rng.choice(speakers), cue="said",
                        cue_class=rng.choice(CUE_CLASSES), type="direct",
                        content=f"Quote {i} of article {a}, about policy and its costs.",
                        start=10 * i, end=10 * i + 8, sentence=sentence) for i in range(12)]
        date = f"{2010 + a % 3}-{1 + a % 12:02d}-{1 + a % 28:02d}"
        records.append(ArticleRecord(id=f"a{a}", title=f"Article {a} about policy", date=date,
                                     model="synthetic", people=persons, organisations=organisations,
                                     quotes=quotes))
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000, help="approximate number of nodes")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "kg-large.html")
    args = parser.parse_args()

    G = build_graph(synthetic_records(args.nodes))
    t = time.perf_counter()
    article_layout(G)
    layout = time.perf_counter() - t
    t = time.perf_counter()
    write_html(G, args.out, title="synthetic graph")
    written = time.perf_counter() - t
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    print(f"layout: {layout:.2f} s; write_html (layout included): {written:.2f} s; "
          f"file: {args.out.stat().st_size / 1e6:.1f} MB")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.route("**/*", lambda r: r.continue_() if r.request.url == args.out.as_uri() else r.abort())
            page.add_init_script(FIRST_DRAW_HOOK)
            t = time.perf_counter()
            page.goto(args.out.as_uri())
            page.wait_for_function("window.__firstDraw !== undefined && network.physics.options.enabled === false",
                                   timeout=120_000)
            wall = time.perf_counter() - t
            load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
            first_draw = page.evaluate("window.__firstDraw")
            print(f"open: load event {load / 1000:.2f} s, first drawing {first_draw / 1000:.2f} s, "
                  f"ready (physics off) {wall:.2f} s wall clock")

            page.evaluate(FRAME_MONITOR)
            box = page.locator("#mynetwork canvas").bounding_box()
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            t = time.perf_counter()
            page.mouse.move(x, y)
            page.mouse.down()
            for i in range(1, 31):
                page.mouse.move(x + 10 * i, y + 5 * i)
                page.wait_for_timeout(33)
            page.mouse.up()
            pan = time.perf_counter() - t
            frames = page.evaluate("window.__frames")
            gaps = [b - a for a, b in zip(frames, frames[1:])]
            print(f"pan: 30 mouse moves in {pan:.2f} s, {len(frames)} frames, "
                  f"{len(frames) / pan:.0f} frames/s, longest frame {max(gaps):.0f} ms")

            t = time.perf_counter()
            page.locator("#kg-search-input").fill("person 1 ")
            page.locator("#kg-search button").click()
            page.wait_for_function("!document.getElementById('kg-panel').hidden")
            print(f"search + panel: {time.perf_counter() - t:.2f} s")
            t = time.perf_counter()
            page.locator("#kg-types input[value=quote]").uncheck()
            page.evaluate("() => new Promise(requestAnimationFrame)")
            print(f"filter (hide quotes): {time.perf_counter() - t:.2f} s")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
