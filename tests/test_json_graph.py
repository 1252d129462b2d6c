"""Node-link JSON export: a round trip keeps nodes, keyed edges and attributes."""

import json

import networkx as nx

import sample_graph
from kg.readwrite import read_json, write_json
from sample_graph import JANE, TRICKY


def test_round_trip(tmp_path):
    G = sample_graph.graph()
    path = tmp_path / "graph.json"
    write_json(G, path)
    back = read_json(path)
    assert isinstance(back, nx.MultiDiGraph)
    assert dict(back.nodes(data=True)) == dict(G.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(G.edges(keys=True, data=True))
    assert back.nodes[JANE]["roles"] == [  # lists and dicts stay as they are
        {"title": "director of policy", "organisation": "Barnardo's", "former": False, "article_id": "a1"}]
    assert any(d.get("content") == TRICKY for _, d in back.nodes(data=True))


def test_file_is_node_link_json(tmp_path):
    path = tmp_path / "graph.json"
    write_json(sample_graph.graph(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["directed"] is True and data["multigraph"] is True
    assert {"source", "target", "key", "type"} <= set(data["edges"][0])
    assert all("id" in node and "type" in node for node in data["nodes"])
    assert "café" in path.read_text(encoding="utf-8")  # UTF-8, not \u escapes


def test_values_json_cannot_hold_are_converted(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("n", type="thing", tags={"b", "a"}, pair=(1, 2), missing=float("nan"), obj=object, none=None)
    path = tmp_path / "odd.json"
    write_json(G, path)
    back = read_json(path).nodes["n"]
    assert back["tags"] == ["a", "b"] and back["pair"] == [1, 2]
    assert back["missing"] is None and back["none"] is None
    assert back["obj"] == str(object)
