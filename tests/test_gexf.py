"""GEXF export: GEXF 1.2 that networkx reads back, with viz, flattened values and a timeline."""

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

import sample_graph
from kg.build import article_node
from kg.readwrite import write_gexf
from kg.palette import EDGE_COLOURS, NODE_STYLES
from sample_graph import BARNARDOS, JANE, QUOTES, SHELTER, TRICKY

NS = {"g": "http://www.gexf.net/1.2draft", "viz": "http://www.gexf.net/1.2draft/viz"}


def rgb(colour: str) -> dict:
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16), "a": 1.0}


@pytest.fixture
def written(tmp_path):
    G = sample_graph.graph()
    G.nodes[BARNARDOS]["label"] = "Barnardo\x00's\x0b"  # characters XML 1.0 forbids
    path = tmp_path / "graph.gexf"
    write_gexf(G, path)
    return G, path


def test_reads_back_with_counts_and_attributes(written):
    G, path = written
    back = nx.read_gexf(path)
    assert back.is_directed()
    assert back.number_of_nodes() == G.number_of_nodes()
    assert back.number_of_edges() == G.number_of_edges()
    assert {n: d["type"] for n, d in back.nodes(data=True)} == {n: d["type"] for n, d in G.nodes(data=True)}
    jane = back.nodes[JANE]
    assert jane["label"] == "Jane Smith"
    assert json.loads(jane["roles"])[0]["title"] == "director of policy"  # JSON text, as in GraphML
    assert json.loads(jane["articles"]) == ["a1", "a2"] and jane["n_quotes"] == 3
    assert back.nodes[BARNARDOS]["label"] == "Barnardo's"
    quote = back.nodes[QUOTES["jane_tricky"]]
    assert quote["content"] == TRICKY and quote["cue_class"] == "critical"
    original = G.nodes[QUOTES["jane_tricky"]]
    assert (quote["char_start"], quote["char_end"]) == (original["start"], original["end"])
    # Every edge keeps its relation (GEXF's own edge "type" means directed/undirected).
    relations = {(u, v, d["relation"]) for u, v, d in back.edges(data=True)}
    assert relations == {(u, v, d["type"]) for u, v, d in G.edges(data=True)}
    role = next(d for u, v, d in back.edges(data=True) if (u, v) == (JANE, BARNARDOS))
    assert role["title"] == "director of policy" and role["former"] is False
    assert role["label"] == "holds_role"


def test_viz_colour_size_and_position(written):
    G, path = written
    back = nx.read_gexf(path)
    for node, data in back.nodes(data=True):
        viz = data["viz"]
        assert viz["color"] == rgb(NODE_STYLES[data["type"]][0])
        assert set(viz["position"]) == {"x", "y", "z"}
    assert back.nodes[JANE]["viz"]["size"] > back.nodes[SHELTER]["viz"]["size"]  # 3 quotes, none
    root = ET.parse(path).getroot()
    shapes = {n.get("id"): n.find("viz:shape", NS).get("value") for n in root.iter(f"{{{NS['g']}}}node")}
    assert shapes[JANE] == "disc" and shapes[BARNARDOS] == "diamond"
    for edge in root.iter(f"{{{NS['g']}}}edge"):
        colour = edge.find("viz:color", NS).attrib
        assert {k: float(v) for k, v in colour.items()} == rgb(EDGE_COLOURS[edge.get("label")])


def test_dynamic_graph_with_dates(written):
    G, path = written
    graph = ET.parse(path).getroot().find("g:graph", NS)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    back = nx.read_gexf(path)
    assert back.graph["mode"] == "dynamic"
    nodes = back.nodes
    assert (nodes[article_node("a1")]["start"], nodes[article_node("a1")]["end"]) == ("2010-02-25",) * 2
    assert (nodes[QUOTES["jane_fail"]]["start"], nodes[QUOTES["jane_fail"]]["end"]) == ("2011-06-01",) * 2
    assert (nodes[JANE]["start"], nodes[JANE]["end"]) == ("2010-02-25", "2011-06-01")
    assert (nodes["person:tom jones"]["start"], nodes["person:tom jones"]["end"]) == ("2011-06-01",) * 2
    # Article a3 has no date: it and its quote have no time.
    assert "start" not in nodes[article_node("a3")] and "start" not in nodes[QUOTES["attack"]]
    for u, v, data in back.edges(data=True):
        if data["article_id"] == "a3":
            assert "start" not in data and "end" not in data
        else:
            assert data["start"] == data["end"] == G.nodes[article_node(data["article_id"])]["date"]


def test_graph_without_dates_or_multiedges(tmp_path):
    G = nx.DiGraph()
    G.add_node("x", type="thing", label="X", tags=["a", "b"], score=None)
    G.add_edge("x", "y", type="links", weight_hint=1)
    write_gexf(G, tmp_path / "plain.gexf")
    back = nx.read_gexf(tmp_path / "plain.gexf")
    assert back.nodes["x"]["tags"] == '["a","b"]' and "score" not in back.nodes["x"]
    assert [d["relation"] for _, _, d in back.edges(data=True)] == ["links"]
    assert "start" not in back.nodes["x"]


def test_a_role_is_never_drawn_in_the_colour_of_a_tie():
    """One palette for the page and the files: roles must not read as congruence or conflict."""
    assert EDGE_COLOURS["holds_role"] not in {EDGE_COLOURS["congruence"], EDGE_COLOURS["conflict"]}
