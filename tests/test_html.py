"""HTML export: a self-contained, offline pyvis page with safe tooltips."""

import json
import os
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
import pyvis

from kg.readwrite.html import write_html

PERSON = "person:jane-smith"
ORG = "org:barnardos"
ARTICLE = "article:a1"
QUOTE = "quote:a1:q1"
EVIL_QUOTE = "quote:a1:q2"
EVIL = "</script><script>alert(1)</script> and <!-- more"
VIS_JS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"


def claims_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node(ARTICLE, type="article", label="Child poverty rises",
               title="Child poverty rises", date="2010-02-25", url="https://example.org/a1")
    G.add_node(PERSON, type="person", label="Jane Smith", name="Jane Smith",
               roles=["director of UK operations (Barnardo's)"], n_quotes=2, articles=["a1"])
    G.add_node(ORG, type="organisation", label="Barnardo's", name="Barnardo's", n_quotes=0)
    G.add_node(QUOTE, type="quote", label="We must act", content="We must act now on child poverty.",
               cue="said", speaker="Jane Smith", article_id="a1", start=10, end=40)
    G.add_node(EVIL_QUOTE, type="quote", label="evil", content=EVIL, cue="warned",
               speaker="Jane Smith", article_id="a1", start=50, end=90)
    for quote in (QUOTE, EVIL_QUOTE):
        G.add_edge(PERSON, quote, key="said", type="said", article_id="a1", start=0, end=1, sentence="")
        G.add_edge(quote, ARTICLE, key="quoted_in", type="quoted_in", article_id="a1", start=0, end=1, sentence="")
    G.add_edge(PERSON, ARTICLE, key="mentioned_in", type="mentioned_in", article_id="a1", start=0, end=1, sentence="")
    G.add_edge(PERSON, ORG, key="holds_role", type="holds_role", title="director of UK operations",
               article_id="a1", start=0, end=1, sentence="")
    return G


class PageParser(HTMLParser):
    """Collects tags, their src/href attributes and the text of <script> blocks."""

    def __init__(self):
        super().__init__()
        self.tags, self.urls, self.scripts, self._in_script = [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


def embedded_json(page: str, marker: str):
    """The JSON value that follows ``marker`` in the page (pyvis's data and options)."""
    start = page.index(marker) + len(marker)
    return json.JSONDecoder().raw_decode(page, start)[0]


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "claims.html"
    write_html(claims_graph(), path, title="Claims <b>graph</b>")
    return path.read_text(encoding="utf-8")


def vis_nodes(page):
    return {n["id"]: n for n in embedded_json(page, "nodes = new vis.DataSet(")}


def test_vis_network_is_inlined(page):
    assert VIS_JS.read_text(encoding="utf-8")[:2000] in page
    assert "new vis.Network(" in page


def test_no_external_resources(page):
    parsed = parse(page)
    assert "link" not in parsed.tags  # Bootstrap CSS (and any stylesheet link) removed
    assert not [url for url in parsed.urls if url.startswith(("http://", "https://", "//"))]
    assert not [s for s in parsed.tags if s in ("iframe", "img")]
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page


def test_page_is_well_formed(page):
    assert page.startswith("<!DOCTYPE html>")
    parsed = parse(page)
    for tag in ("html", "head", "body", "title"):
        assert parsed.tags.count(tag) == 1
    G = claims_graph()
    assert len(vis_nodes(page)) == G.number_of_nodes()
    assert len(embedded_json(page, "edges = new vis.DataSet(")) == G.number_of_edges()
    options = embedded_json(page, "var options = ")
    assert options["edges"]["smooth"] is False
    assert options["physics"]["stabilization"]["iterations"] <= 200


def test_labels_styles_and_tooltips(page):
    nodes = vis_nodes(page)
    assert nodes[PERSON]["label"] == "Jane Smith"
    assert nodes[ARTICLE]["label"] == "Child poverty rises"
    styles = {(n["shape"], n["color"]) for n in nodes.values()}
    assert len(styles) == 4  # one style per node type
    assert nodes[PERSON]["size"] > nodes[ORG]["size"]  # grows with n_quotes

    speaker = nodes[PERSON]["title"]
    assert "director of UK operations (Barnardo's)" in speaker
    assert "We must act now on child poverty." in speaker
    assert "[said]" in speaker
    assert "Jane Smith" in nodes[QUOTE]["title"] and "said" in nodes[QUOTE]["title"]
    assert "2010-02-25" in nodes[ARTICLE]["title"]

    edges = embedded_json(page, "edges = new vis.DataSet(")
    colours = {e["title"].split(":")[0]: e["color"] for e in edges}
    assert len(set(colours.values())) == 4  # one colour per relation


def test_user_text_cannot_break_out_of_the_script(page, tmp_path):
    assert "<script>alert(1)" not in page
    assert EVIL not in page
    # The hostile quote adds no script element: compare with a harmless graph.
    G = claims_graph()
    G.nodes[EVIL_QUOTE]["content"] = "harmless"
    write_html(G, tmp_path / "plain.html", title="Claims <b>graph</b>")
    assert len(parse(page).scripts) == len(parse((tmp_path / "plain.html").read_text()).scripts)
    # ... and the text itself survives, JSON-escaped, in the tooltip data.
    assert EVIL in vis_nodes(page)[PERSON]["title"]
    assert EVIL in vis_nodes(page)[EVIL_QUOTE]["title"]


def test_title_is_escaped(page):
    assert "Claims &lt;b&gt;graph&lt;/b&gt;" in page
    assert "<b>graph</b>" not in page


def test_href_in_quotes_does_not_switch_pyvis_to_html_tooltips(tmp_path):
    G = claims_graph()
    G.nodes[QUOTE]["content"] = '<a href="javascript:alert(1)">click</a>'
    path = tmp_path / "claims.html"
    write_html(G, path)
    page = path.read_text(encoding="utf-8")
    assert "popup.innerHTML" not in page
    assert "click" in vis_nodes(page)[QUOTE]["title"]


def test_failed_write_keeps_old_file(tmp_path, monkeypatch):
    path = tmp_path / "claims.html"
    path.write_text("old page")

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_html(claims_graph(), path)
    assert path.read_text() == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.html"]


def test_renders_offline_in_headless_chromium(tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    if not os.path.exists("/usr/bin/chromium"):
        pytest.skip("/usr/bin/chromium is not installed")
    path = tmp_path / "claims.html"
    write_html(claims_graph(), path)

    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
        )
        try:
            page = browser.new_page()
            errors, requests = [], []
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            page.on("pageerror", lambda e: errors.append(str(e)))

            def only_the_page(route):
                requests.append(route.request.url)
                if route.request.url == path.as_uri():
                    route.continue_()
                else:
                    route.abort()

            page.route("**/*", only_the_page)
            page.goto(path.as_uri())
            # Bounded stabilisation finishes, then the layout is frozen.
            page.wait_for_function("network && network.physics.options.enabled === false",
                                   timeout=20_000)
            assert page.locator("#mynetwork canvas").count() == 1
            assert page.evaluate("network.body.data.nodes.length") == 5
            assert requests == [path.as_uri()]
            assert errors == []
        finally:
            browser.close()
