"""The page in the browser: panels with agreement badges, the article view, search, keyboard,
800 px, hostile text, and the pages of discourse networks.

Chromium with the network blocked (see page_browser.py); skipped without it.
"""

import page_graph
from factories import Article, organisation, person, record
from kg.build import build_graph, node_id
from kg.discourse import affiliation_network, conflict_network
from page_browser import click_node, panel_text, settled, shown_edges, shown_nodes
from page_graph import A3, ANN, ATTACK, JANE, Q, SPLIT, TOM


def test_actor_panel_shows_ties_and_quotes_with_agreement_badges(open_page):
    page = open_page(page_graph.graph(), page_graph.texts())
    click_node(page, JANE)
    text = panel_text(page)
    assert "director of policy (Barnardo's)" in text
    assert "Same side as (1)\nTom Jones" in text and "Opposite side to (1)\nAnn Lee" in text
    assert "\u201cChild poverty is rising and we must act now\u201d" in text  # one line
    badges = page.locator("#kg-panel .kg-badge").all_inner_texts()
    assert badges == ["agree \u00b7 child poverty \u00b7 0.90"]
    assert page.locator("#kg-panel .kg-badge.kg-agree").count() == 1
    page.locator("#kg-panel button", has_text="Details").first.click()  # the tie: what each side said
    text = panel_text(page)
    assert "congruence tie" in text and "Tom Jones" in text and "a good start" in text
    page.evaluate(f"KG.open('{ANN}')")
    assert page.locator("#kg-panel .kg-disagree").first.inner_text() == "disagree \u00b7 child poverty \u00b7 0.60"
    assert page.locator("#kg-panel .kg-neutral").first.inner_text() == "neutral \u00b7 housing \u00b7 0.50"


def test_show_in_article_highlights_the_quote_cue_and_speaker(open_page):
    page = open_page(page_graph.graph(), page_graph.texts())
    page.evaluate(f"KG.open('{JANE}')")
    page.locator("#kg-panel button", has_text="Show in article").click()
    view = page.locator("#kg-article-view")
    assert view.is_visible() and "Child poverty rises" in view.inner_text()
    marks = page.evaluate("[...document.querySelectorAll('#kg-article-view .kg-article-text mark')]"
                          ".map(m => [m.className, m.textContent])")
    assert marks == [["kg-hl-quote", SPLIT[0]], ["kg-hl-speaker", "Smith"], ["kg-hl-cue", "said"],
                     ["kg-hl-quote", SPLIT[1].replace("\n", " ")]]
    offsets = page.evaluate("""() => { const box = document.querySelector('#kg-article-view .kg-article-text');
        let at = 0; const found = [];
        for (const n of box.childNodes) { if (n.nodeName === 'MARK') found.push([at, at + n.textContent.length]);
          at += n.textContent.length; } return found; }""")
    jane = next(q for q in page.evaluate("KG.data.quotes") if q["id"] == Q["jane"])
    assert offsets == [jane["parts"][0], jane["speaker_span"], jane["cue_span"], jane["parts"][1]]
    assert page.evaluate("KG.data.articles.find(a => a.id === 'article:a1').text") == \
        page_graph.texts()["a1"].replace("\n", " ")  # the text as stored, single line breaks as spaces
    page.keyboard.press("Escape")  # back to the panel
    assert view.is_hidden() and "Jane Smith" in panel_text(page)


def test_article_without_text_says_so(open_page):
    page = open_page(page_graph.graph())
    page.evaluate(f"KG.open('{Q['jane']}')")
    page.locator("#kg-panel button", has_text="Show in article").click()
    assert "not in the page" in page.locator("#kg-article-view").inner_text()


def trump_graph():
    """Donald Trump and an organisation "Trump" in another article, kept apart."""
    one = Article("Donald Trump said it was “great”.", "Ann Trumpington, adviser, said “no”.")
    two = Article("Trump, the company, said “we build”.", "The Trump Organization said “yes”.")
    return build_graph([
        record("t1", title="Campaign story", date="2016-01-01",
               people=[person("p1", "Donald Trump", one.mention("Donald Trump", 0)),
                       person("p2", "Ann Trumpington", one.mention("Ann Trumpington", 1),
                              roles=[one.role("adviser", 1)])],
               quotes=[one.quote("q1", "great", 0, speaker="Donald Trump", speaker_id="p1", cue="said"),
                       one.quote("q2", "no", 1, speaker="Ann Trumpington", speaker_id="p2", cue="said")]),
        record("t2", title="Trump story", date="2016-01-02",
               organisations=[organisation("o1", "Trump", two.mention("Trump", 0)),
                              organisation("o2", "The Trump Organization", two.mention("The Trump Organization", 1))],
               quotes=[two.quote("q1", "we build", 0, speaker="Trump", speaker_id="o1", cue="said"),
                       two.quote("q2", "yes", 1, speaker="The Trump Organization", speaker_id="o2", cue="said")])])


def test_search_ranks_people_then_organisations_then_the_rest_and_finds_roles(open_page):
    page = open_page(trump_graph())
    search = page.locator("#kg-search-input")
    search.fill("trump")
    search.press("Enter")
    hits = page.locator("#kg-results button").all_inner_texts()
    assert hits == ["Donald Trump (person)", "Ann Trumpington (person)", "Trump (organisation)",
                    "The Trump Organization (organisation)", "Trump story (article)"]
    assert page.locator("#kg-search-status").inner_text() == "1 of 5"
    assert page.evaluate("network.getSelectedNodes()") == [node_id("person", "Donald Trump")]
    assert "Donald Trump" in panel_text(page)
    search.press("Enter")  # the focus stayed in the box: Enter again for the next
    assert page.locator("#kg-search-status").inner_text() == "2 of 5"
    search.fill("advis")
    search.press("Enter")
    assert page.locator("#kg-results button").all_inner_texts() == ["Ann Trumpington (person)"]
    search.fill("nobody at all")
    search.press("Enter")
    assert page.locator("#kg-search-status").inner_text() == "no match"


def test_keyboard_reaches_the_table_and_the_panel(open_page):
    page = open_page(page_graph.graph(), page_graph.texts())
    page.locator("#kg-reset").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Ann Lee"  # the first row of the table: the most quoted
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert "Ann Lee" in panel_text(page)
    assert page.evaluate("document.activeElement.closest('#kg-panel') !== null")
    page.keyboard.press("Tab")  # into the panel's links and buttons
    assert page.evaluate("document.activeElement.closest('#kg-panel') !== null")
    page.keyboard.press("Escape")
    assert page.locator("#kg-panel").is_hidden() and page.locator("#kg-table").is_visible()
    assert page.evaluate("document.activeElement.textContent") == "Ann Lee"


def test_readable_at_800_pixels(open_page):
    page = open_page(page_graph.graph(), page_graph.texts(), width=800)
    assert page.evaluate("document.documentElement.scrollWidth") <= 800
    graph, table = (page.locator(s).bounding_box() for s in ("#kg-network", "#kg-table"))
    assert table["y"] >= graph["y"] + graph["height"]  # the side column goes below the graph
    assert graph["width"] > 700
    assert page.evaluate("network.getScale()") > 0.3


def test_hostile_text_runs_nothing_and_shows_literally(open_page):
    page = open_page(page_graph.graph(), page_graph.texts())
    scripts = page.locator("script").count()
    for node in (Q["attack"], A3, ANN):
        page.evaluate(f"KG.open('{node}')")
        assert ATTACK in panel_text(page)
    page.locator("#kg-panel button", has_text="Show in article").first.click()
    assert ATTACK in page.locator("#kg-article-view").inner_text()
    page.evaluate(f"network.emit('hoverNode', {{node: '{ANN}'}})")
    assert page.evaluate("window.pwned") is None
    assert page.locator("img").count() == 0 and page.locator("script").count() == scripts


def test_discourse_network_page(open_page):
    G = page_graph.graph()
    page = open_page(conflict_network(G))
    assert shown_nodes(page) == {JANE, TOM, ANN}
    assert shown_edges(page) == {("tie", ANN, JANE), ("tie", ANN, TOM)}
    assert page.evaluate("Object.values(network.body.edges).every(e => !e.options.arrows.to.enabled)")
    for absent in ("#kg-article", "#kg-cue", "#kg-dates", "#kg-view-select"):
        assert page.locator(absent).count() == 0  # no filters that would do nothing
    click_node(page, ANN)
    text = panel_text(page)
    assert "Opposite side to (2)" in text and "on child poverty" in text
    assert "Articles" not in text and "Quotes" not in text
    page.locator("#kg-kind").select_option("organisation")
    settled(page)
    assert shown_nodes(page) == set()

    page = open_page(affiliation_network(G))
    assert "concept:housing" in shown_nodes(page)
    page.locator("#kg-concept").select_option(label="housing (2 ties)")
    settled(page)
    assert shown_nodes(page) == {"concept:housing", TOM, ANN}  # people only: kg.discourse's default
    page.evaluate(f"KG.open('{TOM}')")
    assert "child poverty" not in panel_text(page) and "housing" in panel_text(page)  # the ties on screen
