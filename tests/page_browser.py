"""Browser fixtures for the page tests: Debian's chromium through Playwright, the network blocked.

Never `playwright install`: the tests are skipped when /usr/bin/chromium or Playwright is
missing. Every request but the page itself is aborted and recorded; a test fails on any such
request and on any console error. conftest.py registers this module as a plugin, so every test
module can ask for `browser` and `open_page`.
"""

from __future__ import annotations

import os

import networkx as nx
import pytest

from kg.readwrite.html import write_html

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, tmp_path):
    """``open_page(G, texts=None, width=1400)``: the page of `G`, open and settled."""
    pages = []

    def open_(G: nx.Graph, texts: dict[str, str] | None = None, width: int = 1400):
        path = tmp_path / f"page{len(pages)}.html"
        write_html(G, path, texts=texts)
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.errors, page.requests = [], []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))

        def only_the_page(route):
            page.requests.append(route.request.url)
            route.continue_() if route.request.url == path.as_uri() else route.abort()

        page.route("**/*", only_the_page)
        page.goto(path.as_uri())
        settled(page)
        page.uri = path.as_uri()
        pages.append(page)
        return page

    yield open_
    for page in pages:
        assert page.errors == []
        assert page.requests == [page.uri]
        page.close()


def settled(page) -> None:
    """Wait until the view stands still (bounded physics done, view fitted)."""
    page.wait_for_function("window.KG && KG.settled && network.physics.options.enabled === false", timeout=20_000)


def shown_nodes(page) -> set[str]:
    return set(page.evaluate("nodes.get({filter: n => !n.hidden}).map(n => n.id)"))


def shown_edges(page) -> set[tuple[str, str, str]]:
    """(relation or edge kind, from, to) of the edges drawn; ties with their ends sorted."""
    found = page.evaluate("edges.get().map(e => [e.id.split(':')[0], e.from, e.to])")
    return {(kind, *sorted((a, b))) for kind, a, b in found}


def panel_text(page) -> str:
    page.wait_for_selector("#kg-panel:not([hidden])")
    return page.locator("#kg-panel").inner_text()


def click_node(page, node: str) -> None:
    """Click a node where it is drawn on the canvas."""
    x, y = page.evaluate("id => { const p = network.canvasToDOM(network.getPositions([id])[id]);"
                         " return [p.x, p.y]; }", node)
    assert page.evaluate("([x, y]) => network.getNodeAt({x: x, y: y})", [x, y]) == node
    box = page.locator("#kg-network canvas").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def view_box(page) -> dict:
    """Where the view is: its centre and zoom."""
    return page.evaluate("({position: network.getViewPosition(), scale: network.getScale()})")
