"""Discourse networks written as GraphML, CSV edge lists, CSV matrices and a GEXF timeline, read back
with networkx and igraph (and pandas, as R users would read the CSVs)."""

from __future__ import annotations

import csv

import igraph as ig
import networkx as nx
import pandas as pd
import pytest
from lxml import etree

import page_graph
from kg.discourse import timeline
from kg.query import ClaimsGraph
from kg.readwrite import write_edge_list, write_gexf_timeline, write_graphml, write_matrix
from page_graph import ANN, BARNARDOS, JANE, TOM

CHILD_POVERTY, HOUSING = "concept:child poverty", "concept:housing"


@pytest.fixture(scope="module")
def g() -> ClaimsGraph:
    return ClaimsGraph(page_graph.graph())


def _weights(G: nx.Graph) -> dict[frozenset, float]:
    return {frozenset((u, v)): d["weight"] for u, v, d in G.edges(data=True)}


@pytest.mark.parametrize("kind", ["congruence", "conflict", "subtract", "affiliation"])
def test_graphml_reads_back_in_networkx_and_igraph(g, kind, tmp_path):
    H = g.network(kind, isolates=True)
    write_graphml(H, tmp_path / "net.graphml")
    back = nx.read_graphml(tmp_path / "net.graphml")
    assert not back.is_directed()  # symmetric relations stay undirected
    assert set(back) == set(H) and _weights(back) == pytest.approx(_weights(H))
    i = ig.Graph.Read_GraphML(str(tmp_path / "net.graphml"))
    assert not i.is_directed() and i.vcount() == H.number_of_nodes() and i.ecount() == H.number_of_edges()
    assert sorted(i.es["weight"]) == pytest.approx(sorted(_weights(H).values()))


def test_subtract_is_signed(g):
    H = g.network("subtract")
    # Jane and Tom agree on child poverty; Ann disagrees with both; Barnardo's is no person
    assert _weights(H) == {frozenset((JANE, TOM)): 1, frozenset((ANN, JANE)): -1, frozenset((ANN, TOM)): -1}


@pytest.mark.parametrize("kind", ["congruence", "subtract", "affiliation"])
def test_edge_list_reads_back_in_networkx_and_igraph(g, kind, tmp_path):
    H = g.network(kind, actors="organisations" if kind == "affiliation" else "people", isolates=True)
    path = tmp_path / "net.csv"
    write_edge_list(H, path)
    frame = pd.read_csv(path)
    assert list(frame.columns[:4]) == ["source", "target", "weight", "relation"]
    assert list(frame.columns[-2:]) == ["source_label", "target_label"]
    back = nx.from_pandas_edgelist(frame, "source", "target", edge_attr=True)
    assert _weights(back) == pytest.approx(_weights(H))
    assert {d["relation"] for _, _, d in back.edges(data=True)} == {"stance" if kind == "affiliation" else kind}
    i = ig.Graph.DataFrame(frame, directed=False, use_vids=False)
    assert i.ecount() == H.number_of_edges() and set(i.vs["name"]) <= set(H)
    assert sorted(i.es["weight"]) == pytest.approx(sorted(_weights(H).values()))
    if kind == "affiliation":  # from the actor to the concept, with the stance counts
        row = frame.set_index(["source", "target"]).loc[(BARNARDOS, HOUSING)]
        assert (row["agree"], row["disagree"], row["agreement"], row["target_label"]) == (0, 1, "disagree", "housing")


def test_matrix_one_mode_reads_back(g, tmp_path):
    H = g.network("conflict", isolates=True)
    path = tmp_path / "conflict.matrix.csv"
    write_matrix(H, path)
    frame = pd.read_csv(path, index_col=0)
    labels = [H.nodes[n]["label"] for n in H]
    assert list(frame.index) == list(frame.columns) == labels  # every actor, isolates too, by name
    assert (frame.values == frame.values.T).all() and all(frame.values.diagonal() == 0)
    back = nx.from_pandas_adjacency(frame)
    assert back.edges["Ann Lee", "Jane Smith"]["weight"] == 1 and back.number_of_edges() == H.number_of_edges()
    i = ig.Graph.Weighted_Adjacency(frame.values.tolist(), mode="undirected")
    assert i.ecount() == H.number_of_edges() and i.vcount() == H.number_of_nodes()


def test_matrix_two_mode_reads_back(g, tmp_path):
    H = g.network("affiliation", isolates=True)
    path = tmp_path / "affiliation.matrix.csv"
    write_matrix(H, path, weight="net")
    frame = pd.read_csv(path, index_col=0)
    assert list(frame.columns) == ["child poverty", "housing"]
    assert list(frame.index) == ["Ann Lee", "Jane Smith", "Tom Jones"]  # actors as rows
    assert frame.loc["Ann Lee"].tolist() == [-1, 0]  # disagrees on child poverty; neutral on housing: net 0
    cells = frame.stack()
    back = nx.from_edgelist((actor, concept, {"net": n}) for (actor, concept), n in cells[cells != 0].items())
    assert back.edges["Jane Smith", "child poverty"]["net"] == 1 and back.number_of_edges() == 4
    i = ig.Graph.Biadjacency((frame.values != 0).astype(int).tolist())
    assert i.vcount() == 5 and i.ecount() == 4 and i.is_bipartite()


def test_csv_cells_that_look_like_formulas_are_text(tmp_path):
    H = nx.Graph(network="congruence")
    H.add_node("person:a", type="person", label="=HYPERLINK(\"x\")")
    H.add_node("person:b", type="person", label="Bea")
    H.add_edge("person:a", "person:b", type="subtract", weight=-1)
    write_edge_list(H, tmp_path / "e.csv")
    write_matrix(H, tmp_path / "m.csv")
    rows = list(csv.reader(open(tmp_path / "e.csv", encoding="utf-8", newline="")))
    assert rows[1][2] == "-1" and rows[1][-2] == "'=HYPERLINK(\"x\")"  # numbers as they are, text inert
    assert next(csv.reader(open(tmp_path / "m.csv", encoding="utf-8")))[1] == "'=HYPERLINK(\"x\")"


def test_gexf_timeline_reads_back_in_networkx(g, tmp_path):
    series = g.networks("conflict", window="1y", isolates=True)
    assert [H.graph["since"] for H in series] == ["2010-01-01", "2011-01-01"]
    path = tmp_path / "conflict.gexf"
    write_gexf_timeline(timeline(series), path)
    back = nx.read_gexf(path)
    assert back.graph["mode"] == "dynamic" and not back.is_directed()
    assert {back.nodes[n]["label"] for n in back} == {"Ann Lee", "Jane Smith", "Tom Jones"}
    assert back.nodes[JANE]["spells"] == [("2010-01-01", "2011-12-31")]
    assert back.nodes[JANE]["type"] == "person"
    edge = back.edges[ANN, TOM]
    assert edge["relation"] == "conflict" and edge["spells"] == [("2011-01-01", "2011-12-31")]
    assert back.nodes[ANN]["n_statements"] == [(0, "2010-01-01", "2010-12-31"), (1, "2011-01-01", "2011-12-31")]
    # Gephi's dynamic edge weight: attvalues for the attribute id "weight", each with its days
    # (networkx, reading a Gephi quirk, keeps the last value only)
    ns = {"g": "http://www.gexf.net/1.2draft"}
    weights = etree.parse(str(path)).findall(".//g:edge/g:attvalues/g:attvalue[@for='weight']", ns)
    assert [(w.get("value"), w.get("start"), w.get("end")) for w in weights] == [("1", "2011-01-01", "2011-12-31")]
