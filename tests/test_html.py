"""HTML export: one self-contained page, safe with hostile text, written from PageData alone.

What the page shows is tested in test_page_data.py; the page in the browser in
test_page_view.py and test_page_panel.py.
"""

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import pyvis

import page_graph
import sample_graph
from kg.page import page_data
from kg.readwrite import read_graphml, write_graphml
from kg.readwrite.html import write_html, write_page
from page_graph import ATTACK

VIS_JS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
EVIL = "</script><script>alert(1)</script> and <!-- more"


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


def script_json(page: str, element_id: str):
    """The JSON document in the page's <script type="application/json" id=element_id>."""
    match = re.search(f'<script type="application/json" id="{element_id}">(.*?)</script>', page, re.S)
    assert not re.search("[<>&]", match.group(1))  # written as \u003c, \u003e, \u0026
    return json.loads(match.group(1))


@pytest.fixture
def page(tmp_path):
    G = page_graph.graph()
    G.nodes[page_graph.Q["nobody"]]["content"] = EVIL
    path = tmp_path / "claims.html"
    write_html(G, path, title="Claims <b>graph</b>", texts=page_graph.texts())
    return path.read_text(encoding="utf-8")


def test_vis_network_is_inlined(page):
    assert VIS_JS.read_text(encoding="utf-8")[:2000] in page
    assert "new vis.Network(" in page


def test_no_external_resources(page):
    parsed = parse(page)
    assert "link" not in parsed.tags
    assert not [url for url in parsed.urls if url.startswith(("http://", "https://", "//"))]
    assert not [s for s in parsed.tags if s in ("iframe", "img")]
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page


def test_page_is_well_formed(page):
    assert page.startswith("<!DOCTYPE html>")
    parsed = parse(page)
    for tag in ("html", "head", "body", "title", "main"):
        assert parsed.tags.count(tag) == 1
    data = script_json(page, "kg-data")
    assert data == page_data(page_graph.graph(), page_graph.texts()).model_dump(mode="json") | {
        "quotes": data["quotes"]}  # the hostile quote aside, the page holds exactly the PageData
    view = script_json(page, "kg-view")
    assert set(view["actor_positions"]) == {a["id"] for a in data["actors"]}
    assert len(view["quote_positions"]) == sum(len(data[k]) for k in ("actors", "articles", "quotes", "concepts"))


def test_user_text_cannot_break_out_of_the_script(page, tmp_path):
    assert "<script>alert(1)" not in page and EVIL not in page and ATTACK not in page
    G = page_graph.graph()  # the same page without the hostile text has as many script elements
    write_html(G, tmp_path / "plain.html", title="Claims <b>graph</b>")
    assert len(parse(page).scripts) == len(parse((tmp_path / "plain.html").read_text()).scripts)
    quotes = {q["id"]: q for q in script_json(page, "kg-data")["quotes"]}
    assert quotes[page_graph.Q["nobody"]]["content"] == " ".join(EVIL.split())  # the text survives, as JSON
    assert ATTACK in quotes[page_graph.Q["attack"]]["content"]


def test_title_is_escaped(page):
    assert "Claims &lt;b&gt;graph&lt;/b&gt;" in page
    assert "<b>graph</b>" not in page


def test_page_markup_lives_in_templates_not_in_python():
    root = Path(__file__).resolve().parent.parent
    for source in [*root.glob("kg/**/*.py"), *root.glob("extractors/**/*.py")]:
        text = source.read_text(encoding="utf-8").lower()
        assert "<script" not in text and "<style" not in text, source


def test_failed_write_keeps_old_file(tmp_path, monkeypatch):
    path = tmp_path / "claims.html"
    path.write_text("old page")

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_html(page_graph.graph(), path)
    assert path.read_text() == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.html"]


def test_page_is_deterministic_and_needs_only_page_data(tmp_path):
    G = sample_graph.graph()
    write_html(G, tmp_path / "a.html")
    write_page(page_data(G), tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_graph_read_back_from_graphml_gives_the_same_page(tmp_path):
    G = page_graph.graph()
    write_graphml(G, tmp_path / "g.graphml")
    write_html(read_graphml(tmp_path / "g.graphml"), tmp_path / "back.html", texts=page_graph.texts())
    write_html(G, tmp_path / "page.html", texts=page_graph.texts())
    back, page = ((tmp_path / name).read_text(encoding="utf-8") for name in ("back.html", "page.html"))
    assert script_json(back, "kg-data") == script_json(page, "kg-data")
