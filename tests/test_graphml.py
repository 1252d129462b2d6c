"""GraphML export: readable by networkx and igraph, Gephi-safe key ids, atomic writes."""

import json
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from kg.readwrite import graphml
from kg.readwrite._values import clean_text
from kg.readwrite.graphml import read_graphml, write_graphml

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
PERSON = "person:jane-smith"
ORG = "org:barnardos"
ARTICLE = "article:a1"
QUOTE = "quote:a1:q1"
NASTY = "Jane\x00\x0b <script>&"  # XML-forbidden control characters plus markup


def claims_graph() -> nx.MultiDiGraph:
    """A small graph following the claims-graph schema, with awkward values."""
    G = nx.MultiDiGraph()
    G.add_node(ARTICLE, type="article", label="Child poverty rises", title="Child poverty rises",
               date="2010-02-25", url="https://example.org/a1", publication=None)
    G.add_node(PERSON, type="person", label=NASTY, name="Jane Smith", honorific=None,
               aliases=["Jane Smith", "Smith"],
               roles=[{"title": "director of UK operations", "organisation": "Barnardo's", "former": False,
                       "article_id": "a1"}], n_quotes=1, articles=["a1"])
    # n_quotes is an int on the person but a string here: written as string everywhere.
    G.add_node(ORG, type="organisation", label="Barnardo's", name="Barnardo's", aliases=[],
               n_quotes="unknown", articles=["a1"], extra={"source": "manual", "rank": 2})
    G.add_node(QUOTE, type="quote", label="We must act", content="We must act now.", cue="said",
               cue_class="speech", quote_type="direct", speaker="Jane Smith",
               article_id="a1", start=10, end=27, sentence="'We must act now,' she said.")
    prov = {"article_id": "a1", "start": 10, "end": 27, "sentence": "'We must act now,' she said."}
    G.add_edge(PERSON, QUOTE, key="said", type="said", cue="said", **prov)
    G.add_edge(QUOTE, ARTICLE, key="quoted_in", type="quoted_in", **prov)
    G.add_edge(PERSON, ARTICLE, key="mentioned_in", type="mentioned_in", count=2, **prov)
    G.add_edge(ORG, ARTICLE, key="mentioned_in", type="mentioned_in", count=None, **prov)
    G.add_edge(PERSON, ORG, key="holds_role", type="holds_role",
               title="director of UK operations", **prov)
    return G


@pytest.fixture
def written(tmp_path):
    G = claims_graph()
    path = tmp_path / "claims.graphml"
    write_graphml(G, path)
    return G, path


def keys_of(path):
    return ET.parse(path).getroot().findall("g:key", NS)


def test_round_trip_with_networkx(written):
    G, path = written
    H = read_graphml(path)
    assert isinstance(H, nx.MultiDiGraph)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))

    person = H.nodes[PERSON]
    assert person["label"] == "Jane <script>&"  # forbidden characters removed
    assert person["aliases"] == ["Jane Smith", "Smith"]  # lists and dicts come back as written
    assert person["roles"] == G.nodes[PERSON]["roles"]
    assert "honorific" not in person  # None dropped
    assert person["n_quotes"] == "1"  # mixed int/str -> str everywhere
    assert H.nodes[ORG]["n_quotes"] == "unknown"
    assert H.nodes[ORG]["aliases"] == []
    assert H.nodes[ORG]["extra"] == {"source": "manual", "rank": 2}
    assert "publication" not in H.nodes[ARTICLE]

    quote = H.nodes[QUOTE]
    assert quote["start"] == 10 and isinstance(quote["start"], int)
    assert quote["content"] == "We must act now."

    said = H.edges[PERSON, QUOTE, "said"]
    assert said == G.edges[PERSON, QUOTE, "said"]
    assert H.edges[PERSON, ARTICLE, "mentioned_in"]["count"] == 2
    assert "count" not in H.edges[ORG, ARTICLE, "mentioned_in"]
    assert H.edges[PERSON, ORG, "holds_role"]["title"] == "director of UK operations"


def test_lists_and_dicts_are_json_text_in_the_file(written):
    _, path = written
    person = next(n for n in ET.parse(path).getroot().iter("{%s}node" % NS["g"]) if n.get("id") == PERSON)
    values = {d.get("key"): d.text for d in person.findall("g:data", NS)}
    assert values["node_aliases"] == '["Jane Smith","Smith"]'
    assert json.loads(values["node_roles"])[0]["organisation"] == "Barnardo's"


def test_key_ids_are_named_unique_and_typed(written):
    _, path = written
    keys = keys_of(path)
    ids = [k.get("id") for k in keys]
    assert not [i for i in ids if re.fullmatch(r"d\d+", i)]
    assert len(ids) == len(set(ids))
    declared = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}
    assert len(declared) == len(keys)  # one key, so one type, per attribute name
    assert declared[("node", "type")] == "string"
    assert declared[("edge", "type")] == "string"
    assert declared[("node", "start")] in {"int", "long"}
    assert declared[("edge", "count")] in {"int", "long"}
    assert declared[("node", "n_quotes")] == "string"


def test_edges_have_no_repeated_ids(written):
    # Gephi drops every edge whose id it has already seen, so the relation
    # name (the multigraph key) must not be written as the edge id.
    _, path = written
    edge_ids = [e.get("id") for e in ET.parse(path).getroot().iter("{%s}edge" % NS["g"])]
    present = [i for i in edge_ids if i is not None]
    assert len(present) == len(set(present))


def test_bool_and_float_types(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("a", flag=True, score=1)
    G.add_node("b", flag=False, score=2.5)
    path = tmp_path / "g.graphml"
    write_graphml(G, path)
    declared = {k.get("attr.name"): k.get("attr.type") for k in keys_of(path)}
    assert declared == {"flag": "boolean", "score": "double"}
    assert "<data key=\"node_flag\">true</data>" in path.read_text()
    H = read_graphml(path)
    assert H.nodes["a"] == {"flag": True, "score": 1.0}
    assert H.nodes["b"] == {"flag": False, "score": 2.5}


def test_forbidden_characters_escaped_in_node_ids_which_stay_distinct(tmp_path):
    G = nx.MultiDiGraph()
    G.add_edge("person:bad\x01id", "quote:x:q1", key="said", type="said")
    G.add_edge("person:badid", "quote:x:q2", key="said", type="said")
    path = tmp_path / "g.graphml"
    write_graphml(G, path)
    ET.parse(path)  # well-formed XML
    H = read_graphml(path)
    assert set(H) == {"person:bad\\u0001id", "person:badid", "quote:x:q1", "quote:x:q2"}
    assert set(H.successors("person:badid")) == {"quote:x:q2"}  # not merged with the other


def test_readable_by_igraph(written):
    ig = pytest.importorskip("igraph")
    G, path = written
    g = ig.Graph.Read_GraphML(str(path))
    assert g.is_directed()
    assert g.vcount() == G.number_of_nodes()
    assert g.ecount() == G.number_of_edges()
    person = g.vs.find(id=PERSON)
    assert person["label"] == "Jane <script>&"
    assert person["type"] == "person"
    assert sorted(g.es["type"]) == sorted(d["type"] for _, _, d in G.edges(data=True))


def test_failed_write_keeps_old_file(written, monkeypatch):
    _, path = written
    before = path.read_bytes()

    def broken_dump(xf, *args):
        xf.write("<half")
        raise OSError("disk full")

    monkeypatch.setattr(graphml, "_write_edges", broken_dump)
    G = claims_graph()
    G.add_node("person:new", type="person", label="New")
    with pytest.raises(OSError, match="disk full"):
        write_graphml(G, path)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left


def test_overwrite_replaces_file(written):
    G, path = written
    G = G.copy()
    G.remove_node(QUOTE)
    write_graphml(G, path)
    assert read_graphml(path).number_of_nodes() == 3
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_text_loses_exactly_the_characters_xml_forbids():
    """Every code point, alone in a text: removed when XML 1.0 forbids it, kept otherwise."""
    allowed = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    for code in range(0x110000):
        char = chr(code)
        assert clean_text(f"a{char}b") == (f"a{char}b" if allowed.fullmatch(char) else "ab"), hex(code)
