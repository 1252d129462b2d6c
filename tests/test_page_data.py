"""kg.page: what the page shows (PageData) of a claims graph or a discourse network, and where."""

import networkx as nx

import page_graph
import sample_graph
from kg.discourse import affiliation_network, conflict_network, congruence_network, subtract_network
from kg.page import PageData, format_role, page_data
from kg.page.layout import actor_positions, quote_positions, quote_view_size
from page_graph import A1, ANN, BARNARDOS, JANE, Q, SPLIT, TOM


def by_id(items):
    return {item.id: item for item in items}


def test_claims_page_data():
    data = page_graph.graph()
    data = page_data(data, page_graph.texts())
    assert data.network == "claims" and data.texts_left_out == 0
    actors, quotes = by_id(data.actors), by_id(data.quotes)
    assert actors[JANE].roles == ["director of policy (Barnardo's)"] and actors[JANE].kind == "person"
    assert actors[BARNARDOS].kind == "organisation" and actors[BARNARDOS].n_quotes == 1
    assert [data.articles[i].id for i in actors[ANN].articles] == [page_graph.A2, page_graph.A3]
    assert [q.id for q in data.quotes][:4] == [Q["attack"], Q["jane"], Q["barnardos"], Q["nobody"]]  # date, place
    jane = quotes[Q["jane"]]
    assert data.actors[jane.speaker].id == JANE and data.articles[jane.article].id == A1
    assert [(data.concepts[s.concept].label, s.agreement, s.confidence) for s in jane.stances] == [
        ("child poverty", "agree", 0.9)]
    assert quotes[Q["nobody"]].speaker is None
    assert [(r.title, data.actors[r.person].id, data.actors[r.organisation].id) for r in data.roles] == [
        ("director of policy", JANE, BARNARDOS)]


def test_quotes_keep_their_offsets_and_lose_their_line_breaks():
    data = page_data(page_graph.graph(), page_graph.texts())
    jane = by_id(data.quotes)[Q["jane"]]
    text = data.articles[jane.article].text
    assert jane.content == "Child poverty is rising and we must act now"  # "must\nact" in the source
    assert [text[s:e] for s, e in jane.parts] == [SPLIT[0], SPLIT[1].replace("\n", " ")]
    assert text[slice(*jane.cue_span)] == "said" and text[slice(*jane.speaker_span)] == "Smith"
    assert len(text) == len(page_graph.texts()["a1"])  # same length: every offset still points right
    assert jane.sentence == ""  # the article view has it


def test_paragraph_breaks_stay_and_single_line_breaks_go():
    G = page_graph.graph()
    data = page_data(G, {"a1": "One\nline.\r\n\r\nNext  \n paragraph.\n\n\nEnd."})
    assert by_id(data.articles)[A1].text == "One line. \n \nNext    paragraph.\n\n\nEnd."


def test_texts_beyond_the_budget_are_left_out():
    texts = page_graph.texts()
    budget = len(texts["a1"]) + len(texts["a2"])  # the two most quoted articles fit, a3 does not
    data = page_data(page_graph.graph(), texts, text_budget=budget)
    assert {a.id: a.text is not None for a in data.articles} == {A1: True, page_graph.A2: True, page_graph.A3: False}
    assert data.texts_left_out == 1
    assert by_id(data.quotes)[Q["attack"]].sentence  # kept where the text is not in the page


def test_a_graph_without_texts_or_concepts():
    data = page_data(sample_graph.graph())
    assert all(a.text is None for a in data.articles) and data.texts_left_out == 0
    assert all(len(q.parts) == 1 for q in data.quotes)
    assert data.concepts == []
    assert PageData.model_validate_json(data.model_dump_json()) == data


def test_format_role():
    assert format_role({"title": "chair", "organisation": None, "former": True}) == "former chair"


def test_congruence_and_conflict_network_pages():
    G = page_graph.graph()
    for network, expected in ((congruence_network, {(JANE, TOM)}), (conflict_network, {(ANN, JANE), (ANN, TOM)})):
        data = page_data(network(G, normalisation="jaccard"))
        assert data.network == network.__name__.split("_")[0] and "normalised by jaccard" in data.about
        ties = {tuple(sorted((data.actors[t.source].id, data.actors[t.target].id))) for t in data.ties}
        assert ties == expected
        assert all([data.concepts[c].label for c in t.concepts] == ["child poverty"] for t in data.ties)
        assert not data.quotes and not data.articles


def test_subtract_network_page_draws_signed_ties_as_congruence_and_conflict():
    data = page_data(subtract_network(page_graph.graph()))
    assert data.network == "subtract" and data.about == "subtract network of people"
    ties = {tuple(sorted((data.actors[t.source].id, data.actors[t.target].id))): (t.relation, t.weight, t.count)
            for t in data.ties}
    assert ties == {(JANE, TOM): ("congruence", 1.0, 1), (ANN, JANE): ("conflict", 1.0, 1),
                    (ANN, TOM): ("conflict", 1.0, 1)}


def test_affiliation_network_page():
    data = page_data(affiliation_network(page_graph.graph()))
    assert data.network == "actor-concept" and data.about.startswith("affiliation network of people")
    stances = {(data.actors[t.source].id, data.concepts[t.target].label): (t.agree, t.disagree, t.neutral)
               for t in data.ties}
    assert stances[(ANN, "child poverty")] == (0, 1, 0) and stances[(ANN, "housing")] == (0, 0, 1)
    assert by_id(data.actors)[ANN].n_quotes == 2  # statements


def test_layouts_place_every_node_apart_and_deterministically():
    data = page_data(page_graph.graph())
    actors = actor_positions(data)
    assert set(actors) == {a.id for a in data.actors} and len(set(actors.values())) == len(actors)
    quotes = quote_positions(data)
    assert len(quotes) == quote_view_size(data) == len(set(quotes.values()))
    assert quote_positions(data) == quotes and actor_positions(data) == actors
    # Tied actors (by a role or by taking sides on one concept) are drawn near each other.
    far = max(abs(actors[JANE][0] - actors[a][0]) + abs(actors[JANE][1] - actors[a][1]) for a in (TOM, ANN, BARNARDOS))
    assert far < 300


def test_actor_concept_layout_places_concepts():
    data = page_data(affiliation_network(page_graph.graph()))
    assert set(actor_positions(data)) == {a.id for a in data.actors} | {c.id for c in data.concepts}


def test_empty_graph():
    data = page_data(nx.MultiDiGraph())
    assert actor_positions(data) == {} and quote_positions(data) == {}
