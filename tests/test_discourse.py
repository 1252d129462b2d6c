"""Discourse networks on small claims graphs built by hand (kg.discourse needs no spaCy)."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from kg.discourse import (affiliation_network, conflict_network, congruence_network, network, statements,
                          subtract_network)
from kg.readwrite import read_graphml, write_graphml

ALICE, BOB, CAROL = "person:alice", "person:bob", "person:carol"
X, Y = "org:x", "org:y"
TAX, SCHOOLS, ROADS = "concept:tax", "concept:schools", "concept:roads"


def _quote(G, quote_id, speaker, date, links):
    """A quote said by `speaker` on `date`, about (concept, agreement) pairs."""
    article = quote_id.split(":")[1]
    prov = {"article_id": article, "start": 0, "end": 10, "sentence": "..."}
    G.add_node(quote_id, type="quote", label=quote_id, content="...", date=date)
    G.add_edge(speaker, quote_id, key="said", type="said", cue="said", cue_class="neutral", **prov)
    for concept, agreement in links:
        if concept not in G:
            G.add_node(concept, type="concept", label=concept.split(":", 1)[1])
        G.add_edge(quote_id, concept, key=f"about:{concept}", type="about", agreement=agreement,
                   confidence=0.7, **prov)


def claims_graph() -> nx.MultiDiGraph:
    """Alice (role at X), Bob (former role at X, current at Y), Carol (no role), and Y itself.

    Stance statements: Alice tax+ tax+ schools-; Bob tax+ schools+; Carol tax- schools+ (the
    latter undated) and roads (neutral); Y roads-.
    """
    G = nx.MultiDiGraph()
    for node, name in ((ALICE, "Alice"), (BOB, "Bob"), (CAROL, "Carol")):
        G.add_node(node, type="person", label=name, name=name)
    for node, name in ((X, "X"), (Y, "Y")):
        G.add_node(node, type="organisation", label=name, name=name)
    prov = {"article_id": "a1", "start": 0, "end": 5, "sentence": "..."}
    G.add_edge(ALICE, X, key="holds_role:a1:director", type="holds_role", title="director", former=False, **prov)
    G.add_edge(BOB, X, key="holds_role:a1:chair", type="holds_role", title="chair", former=True, **prov)
    G.add_edge(BOB, Y, key="holds_role:a2:adviser", type="holds_role", title="adviser", former=False, **prov)
    _quote(G, "quote:a1:q1", ALICE, "2020-01-10", [(TAX, "agree"), (SCHOOLS, "disagree")])
    _quote(G, "quote:a2:q1", BOB, "2020-02-01", [(TAX, "agree"), (SCHOOLS, "agree")])
    _quote(G, "quote:a3:q1", CAROL, "2020-03-01", [(TAX, "disagree")])
    _quote(G, "quote:a4:q1", ALICE, "2020-04-01", [(TAX, "agree")])
    _quote(G, "quote:a5:q1", CAROL, "", [(ROADS, "neutral"), (SCHOOLS, "agree")])
    _quote(G, "quote:a6:q1", Y, "2020-05-01", [(ROADS, "disagree")])
    return G


def edge(H, u, v):
    assert H.has_edge(u, v), (u, v, list(H.edges))
    return H.edges[u, v]


def test_statements_people():
    found = statements(claims_graph())
    assert [(s.actor, s.concept, s.agreement) for s in found] == [
        (CAROL, ROADS, "neutral"), (CAROL, SCHOOLS, "agree"),  # undated first
        (ALICE, SCHOOLS, "disagree"), (ALICE, TAX, "agree"),
        (BOB, SCHOOLS, "agree"), (BOB, TAX, "agree"),
        (CAROL, TAX, "disagree"),
        (ALICE, TAX, "agree"),
    ]  # Y's statement is an organisation's: not counted for people


def test_affiliation_network_counts():
    H = affiliation_network(claims_graph())
    assert nx.is_bipartite(H)
    assert {n for n, d in H.nodes(data=True) if d["bipartite"] == 1} == {TAX, SCHOOLS, ROADS}
    assert H.nodes[ALICE]["type"] == "person" and H.nodes[TAX]["type"] == "concept"
    assert H.nodes[TAX]["label"] == "tax" and H.nodes[ALICE]["label"] == "Alice"
    assert H.nodes[ALICE]["n_statements"] == 3 and H.nodes[TAX]["n_statements"] == 4
    e = edge(H, ALICE, TAX)
    assert (e["type"], e["agree"], e["disagree"], e["neutral"], e["weight"], e["net"], e["agreement"]) == (
        "stance", 2, 0, 0, 2, 2, "agree")
    assert edge(H, ALICE, SCHOOLS)["agreement"] == "disagree"
    assert edge(H, CAROL, ROADS)["agreement"] == "neutral"
    assert H.number_of_edges() == 7


def test_affiliation_network_mixed():
    G = claims_graph()
    _quote(G, "quote:a7:q1", ALICE, "2020-06-01", [(SCHOOLS, "agree")])
    e = edge(affiliation_network(G), ALICE, SCHOOLS)
    assert (e["agree"], e["disagree"], e["net"], e["agreement"]) == (1, 1, 0, "mixed")


def test_congruence_raw_counts():
    H = congruence_network(claims_graph())
    # Alice-Bob: both agree on tax (2 x 1); Bob-Carol: both agree on schools (1 x 1);
    # Alice-Carol never take the same side. Carol's neutral statement on roads takes no side.
    assert edge(H, ALICE, BOB)["count"] == 2 and edge(H, ALICE, BOB)["weight"] == 2
    assert edge(H, ALICE, BOB)["concepts"] == "tax"
    assert edge(H, BOB, CAROL)["count"] == 1 and edge(H, BOB, CAROL)["concepts"] == "schools"
    assert not H.has_edge(ALICE, CAROL)
    assert {d["type"] for _, _, d in H.edges(data=True)} == {"congruence"}
    assert [H.nodes[n]["n_statements"] for n in (ALICE, BOB, CAROL)] == [3, 2, 2]


def test_conflict_raw_counts():
    H = conflict_network(claims_graph())
    # Alice-Bob: schools (Alice against, Bob for); Alice-Carol: tax (2 x 1) + schools (1 x 1);
    # Bob-Carol: tax.
    assert edge(H, ALICE, BOB)["count"] == 1
    assert edge(H, ALICE, CAROL)["count"] == 3 and edge(H, ALICE, CAROL)["concepts"] == "schools; tax"
    assert edge(H, BOB, CAROL)["count"] == 1
    assert {d["type"] for _, _, d in H.edges(data=True)} == {"conflict"}


@pytest.mark.parametrize("normalisation, alice_bob, bob_carol", [
    # n_alice = 3, n_bob = 2, n_carol = 2
    ("average", 2 / ((3 + 2) / 2), 1 / ((2 + 2) / 2)),
    # Alice {tax+: 2, schools-: 1}, Bob {tax+: 1, schools+: 1}: m10 = 1, m01 = 1, m11 = 2 * 1
    # Bob {tax+: 1, schools+: 1}, Carol {tax-: 1, schools+: 1}: m10 = 1, m01 = 1, m11 = 1
    ("jaccard", 2 / (1 + 1 + 2), 1 / (1 + 1 + 1)),
    # |Alice| = sqrt(2^2 + 1^2), |Bob| = |Carol| = sqrt(2)
    ("cosine", 2 / (math.sqrt(5) * math.sqrt(2)), 1 / (math.sqrt(2) * math.sqrt(2))),
])
def test_congruence_normalisations(normalisation, alice_bob, bob_carol):
    H = congruence_network(claims_graph(), normalisation=normalisation)
    assert edge(H, ALICE, BOB)["weight"] == pytest.approx(alice_bob)
    assert edge(H, BOB, CAROL)["weight"] == pytest.approx(bob_carol)
    assert edge(H, ALICE, BOB)["count"] == 2  # the raw count stays
    assert H.graph["normalisation"] == normalisation


@pytest.mark.parametrize("normalisation, expected", [
    ("average", 3 / ((3 + 2) / 2)),
    # Alice {tax+: 2, schools-: 1}, Carol {tax-: 1, schools+: 1}: no shared cell, m10 = 3, m01 = 2
    ("jaccard", 3 / (3 + 2 + 0)),
    ("cosine", 3 / (math.sqrt(5) * math.sqrt(2))),
    (None, 3),
])
def test_conflict_normalisations(normalisation, expected):
    H = conflict_network(claims_graph(), normalisation=normalisation)
    assert edge(H, ALICE, CAROL)["weight"] == pytest.approx(expected)


@pytest.mark.parametrize("normalisation, alice_bob, alice_carol", [
    (None, 2 - 1, 0 - 3),  # congruence minus conflict: Alice-Bob 2 - 1; Alice-Carol 0 - 3
    ("average", (2 - 1) / ((3 + 2) / 2), -3 / ((3 + 2) / 2)),
    ("jaccard", (2 - 1) / (1 + 1 + 2), -3 / (3 + 2 + 0)),
])
def test_subtract_is_congruence_minus_conflict(normalisation, alice_bob, alice_carol):
    H = subtract_network(claims_graph(), normalisation=normalisation)
    assert not H.is_directed()
    assert edge(H, ALICE, BOB)["weight"] == pytest.approx(alice_bob)
    assert edge(H, ALICE, CAROL)["weight"] == pytest.approx(alice_carol)
    assert (edge(H, ALICE, CAROL)["congruence"], edge(H, ALICE, CAROL)["conflict"]) == (0, 3)
    assert edge(H, ALICE, BOB)["concepts"] == "schools; tax"  # behind either
    assert not H.has_edge(BOB, CAROL)  # schools alike, tax opposed: 1 - 1 = 0, no tie
    assert {d["type"] for _, _, d in H.edges(data=True)} == {"subtract"}


def test_affiliation_keeps_its_old_name():
    G = claims_graph()
    old, new = network(G, "actor-concept"), affiliation_network(G)
    assert old.graph["network"] == new.graph["network"] == "affiliation"
    assert list(old.edges(data=True)) == list(new.edges(data=True))
    with pytest.raises(ValueError, match="unknown network 'friendship': use congruence, conflict, subtract"):
        network(G, "friendship")
    with pytest.raises(ValueError, match="normalisation applies to"):
        network(G, "affiliation", normalisation="jaccard")


def test_jaccard_is_shared_over_union_for_single_statements():
    G = nx.MultiDiGraph()
    for node in (ALICE, BOB):
        G.add_node(node, type="person", label=node)
    _quote(G, "quote:a1:q1", ALICE, "2020-01-01", [(TAX, "agree"), (SCHOOLS, "agree"), (ROADS, "agree")])
    _quote(G, "quote:a2:q1", BOB, "2020-01-01", [(TAX, "agree"), (SCHOOLS, "agree")])
    H = congruence_network(G, normalisation="jaccard")
    assert edge(H, ALICE, BOB)["weight"] == pytest.approx(2 / 3)
    assert congruence_network(G, normalisation="cosine").edges[ALICE, BOB]["weight"] == pytest.approx(
        2 / math.sqrt(3 * 2))


def test_date_window():
    G = claims_graph()
    found = statements(G, since="2020-02-01", until="2020-03-31")
    assert {s.quote for s in found} == {"quote:a2:q1", "quote:a3:q1"}  # bounds inclusive, undated left out
    H = congruence_network(G, since="2020-02-01", until="2020-03-31")
    assert H.number_of_nodes() == 0  # opposite sides on tax: no tie, no one (isolates left out)
    H = congruence_network(G, since="2020-02-01", until="2020-03-31", isolates=True)
    assert set(H) == {ALICE, BOB, CAROL} and H.number_of_edges() == 0  # everyone with a statement, any date
    assert H.nodes[ALICE]["n_statements"] == 0 and H.graph["isolates"] is True
    C = conflict_network(G, since="2020-02-01", until="2020-03-31")
    assert edge(C, BOB, CAROL)["count"] == 1
    from datetime import date

    assert {s.quote for s in statements(G, since=date(2020, 4, 1))} == {"quote:a4:q1"}
    assert {s.quote for s in statements(G, until="2020-01-10")} == {"quote:a1:q1"}
    assert affiliation_network(G, since="2020-04-01").graph["since"] == "2020-04-01"


def test_organisations_mode():
    G = claims_graph()
    # Alice speaks for X; Bob for Y only (his role at X is former); Carol for no one; Y for itself.
    H = affiliation_network(G, actors="organisations")
    assert {n for n, d in H.nodes(data=True) if d["type"] == "organisation"} == {X, Y}
    assert edge(H, X, TAX)["agree"] == 2 and edge(H, X, SCHOOLS)["disagree"] == 1
    assert edge(H, Y, ROADS)["agreement"] == "disagree" and edge(H, Y, TAX)["agree"] == 1
    assert not H.has_edge(X, ROADS)
    congruence = congruence_network(G, actors="organisations")
    assert edge(congruence, X, Y)["count"] == 2  # tax: X 2 x Y 1
    assert congruence.nodes[X]["type"] == "organisation"
    assert edge(conflict_network(G, actors="organisations"), X, Y)["count"] == 1  # schools


def test_person_with_two_organisations_counts_for_both():
    G = claims_graph()
    prov = {"article_id": "a9", "start": 0, "end": 5, "sentence": "..."}
    G.add_edge(CAROL, X, key="holds_role:a9:trustee", type="holds_role", title="trustee", former=False, **prov)
    G.add_edge(CAROL, Y, key="holds_role:a9:patron", type="holds_role", title="patron", former=False, **prov)
    found = statements(G, actors="organisations")
    assert {s.actor for s in found if s.quote == "quote:a3:q1"} == {X, Y}


def test_empty_results():
    G = nx.MultiDiGraph()
    G.add_node(ALICE, type="person", label="Alice")
    G.add_node("quote:a1:q1", type="quote", date="2020-01-01")
    G.add_edge(ALICE, "quote:a1:q1", key="said", type="said")
    for build in (affiliation_network, congruence_network, conflict_network):
        assert build(G).number_of_nodes() == 0
        assert build(claims_graph(), since="2030-01-01").number_of_nodes() == 0
    # Actors with stance statements but nobody to share a concept with are isolates: kept on request.
    assert congruence_network(claims_graph(), actors="people", until="2020-01-31").number_of_nodes() == 0
    H = congruence_network(claims_graph(), actors="people", until="2020-01-31", isolates=True)
    assert set(H) == {ALICE, BOB, CAROL} and H.number_of_edges() == 0
    H = affiliation_network(claims_graph(), until="2020-01-31", isolates=True)
    assert set(H) == {ALICE, BOB, CAROL, TAX, SCHOOLS, ROADS} and H.number_of_edges() == 2


def test_bad_arguments():
    G = claims_graph()
    with pytest.raises(ValueError, match="normalisation"):
        congruence_network(G, normalisation="dice")
    with pytest.raises(ValueError, match="actors"):
        statements(G, actors="parties")
    with pytest.raises(ValueError, match="since"):
        statements(G, since="last week")


def test_min_confidence():
    G = claims_graph()
    G.edges["quote:a1:q1", TAX, f"about:{TAX}"]["confidence"] = 0.2
    assert edge(affiliation_network(G, min_confidence=0.5), ALICE, TAX)["agree"] == 1


def test_networks_export_to_graphml_and_back(tmp_path):
    G = claims_graph()
    results = {
        "two_mode": affiliation_network(G),
        "congruence": congruence_network(G, normalisation="cosine"),
        "conflict": conflict_network(G, actors="organisations", normalisation="average"),
    }
    for name, H in results.items():
        for _, data in H.nodes(data=True):
            assert "type" in data and all(isinstance(v, (str, int, float, bool)) for v in data.values())
        for _, _, data in H.edges(data=True):
            assert "type" in data and all(isinstance(v, (str, int, float, bool)) for v in data.values())
        path = tmp_path / f"{name}.graphml"
        write_graphml(H, path)
        back = nx.read_graphml(path)
        assert set(back) == set(H) and back.number_of_edges() == H.number_of_edges()
        for u, v, data in H.edges(data=True):
            read = next(iter(back.get_edge_data(u, v).values())) if back.is_multigraph() else back.edges[u, v]
            assert read["type"] == data["type"]
            assert read["weight"] == pytest.approx(data["weight"])
    back = nx.read_graphml(tmp_path / "two_mode.graphml")
    assert back.nodes[TAX]["type"] == "concept" and back.nodes[TAX]["bipartite"] == 1


def test_graph_read_back_from_graphml_gives_the_same_statements(tmp_path):
    G = claims_graph()
    write_graphml(G, tmp_path / "claims.graphml")
    assert statements(read_graphml(tmp_path / "claims.graphml"), actors="organisations") == statements(
        G, actors="organisations")

