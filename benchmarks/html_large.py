"""How fast the HTML page of a large corpus is written, opens, pans and filters (a benchmark, not a test).

Builds a synthetic claims graph of a few thousand articles with `kg.build.build_graph`
from made-up records (people and organisations reused with a long tail, quotes with
stances on concepts, article texts), writes it with `kg.readwrite.write_html`, opens
it in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright, no
network) and prints how long computing the page data, writing, opening, a
one-second pan, a search and picking a concept take.

Usage::

    .venv/bin/python benchmarks/html_large.py [--articles 3000] [--out /tmp/kg-large.html]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from extractors.records import ArticleRecord, ConceptLink, Mention, Organisation, Person, Quote, Role
from kg.build import build_graph
from kg.page import page_data
from kg.readwrite import write_html

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
CUE_CLASSES = ["neutral", "critical", "supportive", "commitment", "announcement"]
AGREEMENTS = ["agree", "disagree", "neutral"]
TEXT = "Sentence {a}: someone said something about policy and its costs, and others answered. " * 40

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


def synthetic_records(n_articles: int, seed: int = 1) -> list[ArticleRecord]:
    """Articles of 3,500 characters with 7 actors and 12 quotes each; actors and concepts reused with a
    long tail, like real news; each quote takes a side (or none) on one or two concepts."""
    rng = random.Random(seed)
    concepts = [f"concept {i}" for i in range(n_articles // 3)]
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
                        start=10 * i, end=10 * i + 8, sentence=sentence,
                        concepts=[ConceptLink(concept=c, source="key_phrase", mention=m, confidence=0.7,
                                              agreement=rng.choice(AGREEMENTS)) for c in pick(concepts, rng.randint(1, 2))])
                  for i in range(12)]
        date = f"{2010 + a % 3}-{1 + a % 12:02d}-{1 + a % 28:02d}"
        records.append(ArticleRecord(id=f"a{a}", title=f"Article {a} about policy", date=date,
                                     model="synthetic", people=persons, organisations=organisations,
                                     quotes=quotes, text=TEXT.format(a=a)))
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000, help="number of synthetic articles")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "kg-large.html")
    args = parser.parse_args()

    records = synthetic_records(args.articles)
    texts = {r.id: r.text for r in records}
    G = build_graph(records)
    t = time.perf_counter()
    data = page_data(G, texts)
    computed = time.perf_counter() - t
    t = time.perf_counter()
    write_html(G, args.out, title="synthetic graph", texts=texts)
    written = time.perf_counter() - t
    print(f"graph: {args.articles} articles, {G.number_of_nodes()} nodes, {G.number_of_edges()} edges; "
          f"page: {len(data.actors)} actors, {len(data.quotes)} quotes, {len(data.concepts)} concepts, "
          f"{data.texts_left_out} article texts left out")
    print(f"page_data: {computed:.2f} s; write_html (page_data and layout included): {written:.2f} s; "
          f"file: {args.out.stat().st_size / 1e6:.1f} MB")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.route("**/*", lambda r: r.continue_() if r.request.url == args.out.as_uri() else r.abort())
            page.add_init_script(FIRST_DRAW_HOOK)
            t = time.perf_counter()
            page.goto(args.out.as_uri())
            page.wait_for_function("window.__firstDraw !== undefined && KG.settled", timeout=300_000)
            wall = time.perf_counter() - t
            load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
            shown = page.evaluate("[nodes.get({filter: n => !n.hidden}).length, edges.length]")
            print(f"open: load event {load / 1000:.2f} s, first drawing {page.evaluate('window.__firstDraw') / 1000:.2f} s, "
                  f"ready (settled) {wall:.2f} s wall clock; {shown[0]} actors and {shown[1]} edges drawn")

            page.evaluate(FRAME_MONITOR)
            box = page.locator("#kg-network canvas").bounding_box()
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
            page.locator("#kg-search-input").press("Enter")
            page.wait_for_function("!document.getElementById('kg-panel').hidden")
            print(f"search + panel: {time.perf_counter() - t:.2f} s")
            for label, action in (("pick the most used concept", "KG.pickConcept(+document.querySelector("
                                   "'#kg-concept').options[1].value)"),
                                  ("all concepts again", "KG.pickConcept(-1)")):
                t = time.perf_counter()
                page.evaluate(action)
                page.wait_for_function("KG.settled", timeout=300_000)
                print(f"{label} (ties recomputed, view settled): {time.perf_counter() - t:.2f} s")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
