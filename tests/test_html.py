"""HTML export: a self-contained, offline pyvis page with safe tooltips, side panel, search and filters.

The browser tests drive Debian's /usr/bin/chromium with Playwright (never `playwright install`),
with every request except the page itself blocked; they are skipped when either is missing.
"""

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
import pyvis

import sample_graph
from kg.build import article_node, build_graph
from kg.readwrite import read_graphml, write_graphml
from kg.layout import article_layout
from kg.palette import NODE_STYLES
from kg.readwrite.html import PHYSICS_MAX_NODES, write_html
from sample_graph import ATTACK, JANE, QUOTES, TRICKY

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
               roles=[{"title": "director of UK operations", "organisation": "Barnardo's", "former": False,
                       "article_id": "a1"},
                      {"title": "director of UK operations", "organisation": "Barnardo's", "former": False,
                       "article_id": "a2"},
                      {"title": "trustee", "organisation": None, "former": True, "article_id": "a2"}],
               n_quotes=2, articles=["a1"])
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


def script_json(page: str, element_id: str):
    """The JSON document in the page's <script type="application/json" id=element_id>."""
    match = re.search(f'<script type="application/json" id="{element_id}">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def vis_data(page: str) -> dict:
    """vis-network's data: {"nodes": [...], "edges": [...], "options": {...}}, made by pyvis."""
    return script_json(page, "kg-graph")


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "claims.html"
    write_html(claims_graph(), path, title="Claims <b>graph</b>")
    return path.read_text(encoding="utf-8")


def vis_nodes(page):
    return {n["id"]: n for n in vis_data(page)["nodes"]}


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
    assert len(vis_data(page)["edges"]) == G.number_of_edges()
    options = vis_data(page)["options"]
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

    edges = vis_data(page)["edges"]
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


def test_roles_are_shown_once_each_with_organisation_and_former(tmp_path):
    write_html(claims_graph(), tmp_path / "claims.html")
    page = (tmp_path / "claims.html").read_text(encoding="utf-8")
    shown = ["director of UK operations (Barnardo's)", "former trustee"]  # one entry per article in the graph
    assert panel_data(page)[PERSON]["roles"] == shown
    assert all(role in vis_nodes(page)[PERSON]["title"] for role in shown)


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
        write_html(claims_graph(), path)
    assert path.read_text() == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.html"]


def panel_data(page: str) -> dict:
    """The side panel's data, by node id."""
    return script_json(page, "kg-data")["nodes"]


def big_graph(n_articles: int) -> nx.MultiDiGraph:
    """n_articles articles of 18 nodes each (a person, 16 quotes), the person shared by all."""
    from extractors.records import ArticleRecord, Mention, Person, Quote

    sentence = "Ann Lee said it."
    m = Mention(text="Ann Lee", start=0, end=7, sentence=sentence)
    return build_graph(
        ArticleRecord(id=f"a{a}", title=f"Article {a}", date=f"2010-01-{1 + a % 28:02d}", model="test",
                      people=[Person(id="p1", name="Ann Lee", mentions=[m])],
                      quotes=[Quote(id=f"q{i}", speaker="Ann Lee", speaker_id="p1", cue="said", type="direct",
                                    content=f"point {i}", start=0, end=7, sentence=sentence) for i in range(16)])
        for a in range(n_articles))


def test_panel_data_is_escaped_json(tmp_path):
    path = tmp_path / "claims.html"
    write_html(sample_graph.graph(), path)
    page = path.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert not re.search("[<>&]", match.group(1))  # written as \u003c, \u003e, \u0026
    assert "\\u003cscript\\u003ewindow.pwned=1" in match.group(1)
    data = panel_data(page)
    assert set(data) == set(sample_graph.graph())
    jane = data[JANE]
    assert jane["roles"] == ["director of policy (Barnardo's)"] and jane["aliases"] == ["Smith"]
    assert jane["articles"] == [article_node("a1"), article_node("a2")]
    assert jane["quotes"] == [QUOTES["jane_now"], QUOTES["jane_tricky"], QUOTES["jane_fail"]]
    tricky = data[QUOTES["jane_tricky"]]
    assert tricky["content"] == TRICKY and tricky["cue_class"] == "critical"
    assert tricky["speaker_id"] == JANE and tricky["article"] == article_node("a1")
    assert tricky["date"] == "2010-02-25" and tricky["sentence"].startswith("Smith warned")
    a1 = data[article_node("a1")]
    assert a1["title"] == "Child poverty rises" and a1["url"] == "https://example.org/a1"
    assert set(a1["actors"]) == {JANE, "org:barnardo's"}
    assert len(a1["quotes"]) == 4
    assert data[QUOTES["nobody"]]["speaker_id"] == ""
    # Shelter is named only in a role, but belongs to article a2.
    assert data["org:shelter"]["articles"] == [article_node("a2")]


def test_graph_read_back_from_graphml_renders(tmp_path):
    write_graphml(sample_graph.graph(), tmp_path / "g.graphml")
    write_html(read_graphml(tmp_path / "g.graphml"), tmp_path / "g.html")
    data = panel_data((tmp_path / "g.html").read_text(encoding="utf-8"))
    assert data[JANE]["articles"] == [article_node("a1"), article_node("a2")]
    assert data[JANE]["roles"] == ["director of policy (Barnardo's)"]


def test_layout_places_every_node_near_its_article():
    G = sample_graph.graph()
    pos = article_layout(G)
    assert set(pos) == set(G)
    assert len(set(pos.values())) == len(G)  # no two nodes on top of each other
    a1, quote = pos[article_node("a1")], pos[QUOTES["nobody"]]
    assert abs(a1[0] - quote[0]) + abs(a1[1] - quote[1]) < 200


def test_large_graph_has_fixed_positions_and_no_physics(tmp_path):
    G = big_graph(60)
    assert G.number_of_nodes() > PHYSICS_MAX_NODES
    write_html(G, tmp_path / "big.html")
    page = (tmp_path / "big.html").read_text(encoding="utf-8")
    assert vis_data(page)["options"]["physics"]["enabled"] is False
    nodes = vis_nodes(page)
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes.values())
    write_html(G, tmp_path / "again.html")
    assert (tmp_path / "again.html").read_text(encoding="utf-8") == page  # deterministic


# --- In the browser -------------------------------------------------------------------------

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
    """Open the page written for a graph; on teardown check no console errors and no other requests."""
    pages = []

    def open_(G: nx.Graph):
        path = tmp_path / f"page{len(pages)}.html"
        write_html(G, path)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.errors, page.requests = [], []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))

        def only_the_page(route):
            page.requests.append(route.request.url)
            route.continue_() if route.request.url == path.as_uri() else route.abort()

        page.route("**/*", only_the_page)
        page.goto(path.as_uri())
        # Bounded stabilisation finishes, then the layout is frozen.
        page.wait_for_function("network && network.physics.options.enabled === false", timeout=20_000)
        page.uri = path.as_uri()
        pages.append(page)
        return page

    yield open_
    for page in pages:
        assert page.errors == []
        assert page.requests == [page.uri]
        page.close()


def panel_text(page) -> str:
    page.wait_for_selector("#kg-panel:not([hidden])")
    return page.locator("#kg-panel").inner_text()


def click_node(page, node: str) -> None:
    """Click a node where it is drawn on the canvas."""
    x, y = page.evaluate("id => { const p = network.canvasToDOM(network.getPositions([id])[id]);"
                         " return [p.x, p.y]; }", node)
    assert page.evaluate("([x, y]) => network.getNodeAt({x: x, y: y})", [x, y]) == node
    box = page.locator("#mynetwork canvas").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def hidden_nodes(page) -> set[str]:
    return set(page.evaluate("nodes.get({filter: n => n.hidden}).map(n => n.id)"))


def test_renders_offline_in_headless_chromium(open_page):
    page = open_page(claims_graph())
    assert page.locator("#mynetwork canvas").count() == 1
    assert page.evaluate("network.body.data.nodes.length") == 5


def test_graph_from_records_renders(open_page):
    G = sample_graph.graph()
    page = open_page(G)
    assert page.locator("#mynetwork canvas").count() == 1
    assert page.evaluate("network.body.data.nodes.length") == G.number_of_nodes()
    assert page.evaluate("network.body.data.edges.length") == G.number_of_edges()
    assert hidden_nodes(page) == set()


def test_search_finds_a_person_by_part_of_the_name(open_page):
    page = open_page(sample_graph.graph())
    page.locator("#kg-search-input").fill("sMIt")
    page.locator("#kg-search-input").press("Enter")
    text = panel_text(page)
    assert "Jane Smith" in text and "director of policy (Barnardo's)" in text
    assert "We must act now on child poverty." in text
    assert "warned (critical)" in text and "Child poverty rises" in text and "2010-02-25" in text
    assert page.evaluate("network.getSelectedNodes()") == [JANE]
    assert page.locator("#kg-search-status").inner_text() == "1 of 1"
    page.locator("#kg-search-input").fill("nobody at all")
    page.locator("#kg-search-input").press("Enter")
    assert page.locator("#kg-search-status").inner_text() == "no match"


def test_filters_hide_and_show_nodes(open_page):
    G = sample_graph.graph()
    quotes = {n for n, d in G.nodes(data=True) if d["type"] == "quote"}
    page = open_page(G)
    page.locator("#kg-types input[value=quote]").uncheck()
    assert hidden_nodes(page) == quotes
    page.locator("#kg-types input[value=quote]").check()
    assert hidden_nodes(page) == set()

    page.locator("#kg-cue").select_option("critical")
    assert hidden_nodes(page) == quotes - {QUOTES["jane_tricky"]}
    page.locator("#kg-cue").select_option("")

    page.locator("#kg-article").select_option(article_node("a2"))
    shown = set(G) - hidden_nodes(page)
    assert shown == {article_node("a2"), QUOTES["tom_start"], QUOTES["jane_fail"], JANE,
                     "person:tom jones", "org:shelter"}
    page.locator("#kg-article").select_option("")

    page.locator("#kg-from").fill("2011-01-01")  # a2 only; a3 has no date
    shown = set(G) - hidden_nodes(page)
    assert article_node("a2") in shown and article_node("a1") not in shown and article_node("a3") not in shown
    page.locator("#kg-reset").click()
    assert hidden_nodes(page) == set()
    # Hiding and showing keeps each node's own colour.
    colours = page.evaluate("Object.fromEntries(Object.values(network.body.nodes)"
                            ".map(n => [n.id, n.options.color.background]))")
    assert colours == {n: NODE_STYLES[d["type"]][0] for n, d in G.nodes(data=True)}


def test_clicking_a_node_opens_the_panel(open_page):
    page = open_page(sample_graph.graph())
    click_node(page, QUOTES["jane_now"])
    text = panel_text(page)
    assert "We must act now on child poverty." in text
    assert "Jane Smith" in text and "said (neutral)" in text and "Child poverty rises" in text
    page.locator("#kg-panel a", has_text="Jane Smith").click()  # names in the panel open their panel
    assert "director of policy (Barnardo's)" in panel_text(page)
    click_node(page, article_node("a2"))
    text = panel_text(page)
    assert "Housing plan welcomed" in text and "Tom Jones" in text and "a good start" in text
    page.locator("#kg-panel-close").click()
    assert page.locator("#kg-panel").is_hidden()


def test_hostile_article_text_runs_nothing_and_shows_literally(open_page):
    page = open_page(sample_graph.graph())
    scripts = page.locator("script").count()
    for node in (QUOTES["attack"], article_node("a3"), "person:tom jones"):
        page.evaluate("id => network.emit('click', {nodes: [id], edges: []})", node)
        assert ATTACK in panel_text(page)
    page.locator("#kg-article").select_option(article_node("a3"))
    click_node(page, QUOTES["attack"])  # the mouse rests on the node: its tooltip shows
    page.wait_for_selector("div.vis-tooltip", state="visible")
    assert ATTACK in page.locator("div.vis-tooltip").inner_text()
    assert page.evaluate("window.pwned") is None
    assert page.locator("img").count() == 0 and page.locator("script").count() == scripts
    assert ATTACK in page.locator("#kg-article").inner_text()
