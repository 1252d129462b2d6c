"""The page in the browser: the actor view, its ties, the filters and the quote view.

Chromium with the network blocked (see page_browser.py); skipped without it.
"""

import page_graph
from kg.discourse import conflict_network, congruence_network
from page_browser import settled, shown_edges, shown_nodes, view_box
from page_graph import A1, A2, ANN, BARNARDOS, JANE, Q, TOM

ACTORS = {JANE, TOM, ANN, BARNARDOS}
TIES = {("congruence", JANE, TOM), ("conflict", ANN, JANE), ("conflict", ANN, TOM), ("conflict", BARNARDOS, TOM)}
ROLE = ("role", BARNARDOS, JANE)


def ties(page):
    return {e for e in shown_edges(page) if e[0] != "role"}


def all_shown_nodes_in_the_canvas(page) -> bool:
    return page.evaluate("""() => { const box = document.querySelector('#kg-network canvas');
        return nodes.get({filter: n => !n.hidden}).every(n => { const p = network.canvasToDOM(network.getPositions([n.id])[n.id]);
          return p.x >= 0 && p.y >= 0 && p.x <= box.clientWidth && p.y <= box.clientHeight; }); }""")


def test_actor_view_shows_quoted_actors_joined_by_undirected_ties(open_page):
    page = open_page(page_graph.graph())
    assert shown_nodes(page) == ACTORS
    assert shown_edges(page) == TIES | {ROLE}
    assert page.evaluate("Object.values(network.body.edges).every(e => !e.options.arrows.to.enabled)")
    sizes = page.evaluate("Object.fromEntries(nodes.get().map(n => [n.id, n.value]))")
    assert sizes[ANN] == 2 * sizes[JANE] == 2 * sizes[BARNARDOS] == 2  # sized by quotes
    colours = page.evaluate("Object.fromEntries(edges.get().map(e => [e.id.split(':')[0], e.color]))")
    assert colours["congruence"] != colours["conflict"]
    labels = page.evaluate("edges.get().filter(e => !e.id.startsWith('role')).map(e => e.label)")
    assert set(labels) == {"1"}  # the weight
    assert all_shown_nodes_in_the_canvas(page)


def test_ties_between_people_are_kg_discourse_networks(open_page):
    G = page_graph.graph()
    page = open_page(G)
    people = {e for e in ties(page) if BARNARDOS not in e}
    expected = {(name, *sorted((u, v))) for name, network in (("congruence", congruence_network),
                                                              ("conflict", conflict_network))
                for u, v in network(G).edges}
    assert people == expected
    counts = page.evaluate("KG.shownTies.map(t => t.count)")
    assert counts == [1, 1, 1, 1]


def test_picking_a_concept_recomputes_the_ties_on_it(open_page):
    page = open_page(page_graph.graph())
    page.locator("#kg-concept").select_option(label="housing (3 quotes)")
    settled(page)
    assert shown_nodes(page) == {TOM, BARNARDOS, ANN}  # Ann is neutral on housing: quoted, no tie
    assert ties(page) == {("conflict", BARNARDOS, TOM)}
    page.locator("#kg-concept").select_option(label="child poverty (3 quotes)")
    settled(page)
    assert shown_nodes(page) == {JANE, TOM, ANN}
    assert ties(page) == TIES - {("conflict", BARNARDOS, TOM)}
    page.locator("#kg-ties-only").check()
    settled(page)
    assert shown_nodes(page) == {JANE, TOM, ANN}


def test_each_filter_drops_what_is_left_unconnected_and_fits_again(open_page):
    page = open_page(page_graph.graph())
    before = view_box(page)
    page.locator("#kg-kind").select_option("organisation")
    settled(page)
    assert shown_nodes(page) == {BARNARDOS} and shown_edges(page) == set()
    assert view_box(page) != before and all_shown_nodes_in_the_canvas(page)
    page.locator("#kg-kind").select_option("")
    page.locator("#kg-article").select_option(label="2011-06-01 Poverty plan welcomed")
    settled(page)
    assert shown_nodes(page) == {TOM, ANN} and ties(page) == {("conflict", ANN, TOM)}
    page.locator("#kg-article").select_option("-1")
    page.locator("#kg-cue").select_option("critical")
    settled(page)
    assert shown_nodes(page) == {BARNARDOS}
    page.locator("#kg-cue").select_option("")
    page.locator("#kg-from").fill("1")  # the slider's second date: 2011-06-01; a3 has no date
    settled(page)
    assert page.locator("#kg-from-out").inner_text() == "2011-06-01"
    assert shown_nodes(page) == {TOM, ANN}
    assert all_shown_nodes_in_the_canvas(page)
    page.locator("#kg-reset").click()
    settled(page)
    assert shown_nodes(page) == ACTORS and page.locator("#kg-from-out").inner_text() == "2010-02-25"


def test_quote_view_filters_every_kind_of_node(open_page):
    G = page_graph.graph()
    page = open_page(G)
    page.locator("#kg-view-select").select_option("quotes")
    settled(page)
    assert shown_nodes(page) == set(G)  # every quote, article, concept and speaker
    page.locator("#kg-cue").select_option("critical")
    settled(page)
    assert shown_nodes(page) == {Q["barnardos"], A1, BARNARDOS, "concept:housing"}
    page.locator("#kg-cue").select_option("")
    page.locator("#kg-concept").select_option(label="child poverty (3 quotes)")
    settled(page)
    assert shown_nodes(page) == {Q["jane"], Q["tom"], Q["ann"], A1, A2, JANE, TOM, ANN, "concept:child poverty"}
    colours = page.evaluate("Object.fromEntries(edges.get().filter(e => e.id.startsWith('about'))"
                            ".map(e => [e.from, e.color]))")
    assert colours[Q["jane"]] == colours[Q["tom"]] != colours[Q["ann"]]  # agree, agree, disagree
    assert all_shown_nodes_in_the_canvas(page)


def test_clicking_keeps_the_view_and_the_tooltip_does_not_stick(open_page):
    from page_browser import click_node, panel_text

    page = open_page(page_graph.graph())
    page.evaluate("network.moveTo({position: {x: 40, y: 30}, scale: 1.2, animation: false})")
    before = view_box(page)
    click_node(page, JANE)
    assert "Jane Smith" in panel_text(page)
    assert view_box(page) == before
    assert page.locator("#kg-tip").is_hidden()
    page.mouse.move(1, 1)
    page.evaluate(f"network.emit('hoverNode', {{node: '{TOM}'}})")
    assert "Tom Jones (person)" in page.locator("#kg-tip").inner_text()
    page.evaluate(f"network.emit('blurNode', {{node: '{TOM}'}})")
    assert page.locator("#kg-tip").is_hidden()
