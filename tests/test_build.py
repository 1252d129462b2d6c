"""kg.build.build_graph on hand-built records: node and edge types, provenance, merging, GraphML."""

from __future__ import annotations

import networkx as nx
import pytest

from extractors.records import ArticleRecord, Quote
from factories import Article, organisation, person, record, role
from kg.build import article_node, build_graph, node_id, quote_node
from kg.readwrite import read_graphml, write_graphml

EDGE_TYPES = {"said", "quoted_in", "mentioned_in", "holds_role"}
PROVENANCE = ("article_id", "start", "end", "sentence")


# Article a1: Sean O’Brien (curly apostrophe), director of Barnardo's, is quoted twice;
# one quote has no known speaker.
S1 = "Sean O’Brien, director of Barnardo's, said: “We must act now.”"
S2 = "“Nobody is listening,” one worker said."
S3 = "Barnardo's warned that cuts would hurt."
A1 = Article(S1, S2, S3)
A1_TEXT = A1.text

# Article a2: the same man, spelt with a straight apostrophe, odd spacing and case.
T1 = "sean  o'brien, chief executive of Shelter, told MPs the plan “will not work”."
A2 = Article(T1)
A2_TEXT = A2.text


def record_a1() -> ArticleRecord:
    sean = person("p1", "Sean O’Brien", A1.mention("Sean O’Brien"), honorific="Mr",
                  aliases={"O’Brien": "surname of Sean O’Brien"},
                  roles=[A1.role("director", organisation="Barnardo's")])
    barnardos = organisation("o1", "Barnardo's", A1.mention("Barnardo's", 0), A1.mention("Barnardo's", 2))
    quotes = [
        A1.quote("q1", "We must act now.", speaker="Sean O’Brien", speaker_id="p1", cue="said",
                 cue_class="neutral", type="direct"),
        A1.quote("q2", "Nobody is listening", speaker=None, speaker_id=None, cue="said", type="direct"),
        A1.quote("q3", "cuts would hurt", speaker="Barnardo's", speaker_id="o1", cue="warned",
                 cue_class="critical", type="indirect"),
    ]
    return record("a1", title="Charity warns on cuts", date="2010-02-25", url="https://example.org/a1",
                  publication="Community Care", people=[sean], organisations=[barnardos], quotes=quotes)


def record_a2() -> ArticleRecord:
    sean = person("p1", "sean  o'brien", A2.mention("sean  o'brien"),
                  roles=[A2.role("chief executive", organisation="Shelter")])
    quote = A2.quote("q1", "will not work", speaker="sean  o'brien", speaker_id="p1", cue="told", type="mixed")
    return record("a2", people=[sean], quotes=[quote])


@pytest.fixture()
def graph() -> nx.MultiDiGraph:
    return build_graph([record_a1(), record_a2()])


def test_records_offsets_are_consistent():
    """Guard for the fixtures themselves: every offset points at its text."""
    for rec, text in ((record_a1(), A1_TEXT), (record_a2(), A2_TEXT)):
        for actor in rec.people:
            for m in actor.mentions:
                assert text[m.start:m.end] == m.text
        for q in rec.quotes:
            assert text[q.start:q.end] == q.content


def test_node_types_and_labels(graph):
    person = node_id("person", "Sean O’Brien")
    org = node_id("org", "Barnardo's")
    shelter = node_id("org", "Shelter")
    types = {n: d["type"] for n, d in graph.nodes(data=True)}
    assert types == {
        article_node("a1"): "article",
        article_node("a2"): "article",
        person: "person",
        org: "organisation",
        shelter: "organisation",
        quote_node("a1", "q1"): "quote",
        quote_node("a1", "q2"): "quote",
        quote_node("a1", "q3"): "quote",
        quote_node("a2", "q1"): "quote",
    }
    nodes = graph.nodes
    assert nodes[article_node("a1")]["label"] == "Charity warns on cuts"
    assert nodes[article_node("a1")]["date"] == "2010-02-25"
    assert nodes[article_node("a1")]["publication"] == "Community Care"
    assert nodes[article_node("a2")]["label"] == "a2"  # no title: the id
    assert nodes[person]["label"] == "Sean O’Brien"  # the first spelling seen
    assert nodes[person]["honorific"] == "Mr"
    assert "O’Brien" in nodes[person]["aliases"]
    assert nodes[org]["label"] == "Barnardo's"
    q1 = nodes[quote_node("a1", "q1")]
    assert q1["label"] == "We must act now."
    assert q1["content"] == "We must act now."
    assert q1["cue"] == "said" and q1["quote_type"] == "direct"
    assert q1["speaker"] == "Sean O’Brien"
    assert nodes[quote_node("a1", "q2")]["speaker"] == ""


def test_long_quote_label_is_shortened():
    content = "word " * 40
    rec = record("x", quotes=[Article(f"“{content}” she said.").quote("q1", content)])
    data = build_graph([rec]).nodes[quote_node("x", "q1")]
    assert len(data["label"]) <= 60 and data["label"].endswith("...")
    assert data["content"] == content


def test_edges_are_typed_and_keyed_by_type(graph):
    edges = list(graph.edges(keys=True, data=True))
    assert edges
    for u, v, key, data in edges:
        assert key.split(":")[0] == data["type"]
        assert data["type"] in EDGE_TYPES
        key = data["type"]
        kinds = (graph.nodes[u]["type"], graph.nodes[v]["type"])
        expected = {
            "said": {("person", "quote"), ("organisation", "quote")},
            "quoted_in": {("quote", "article")},
            "mentioned_in": {("person", "article"), ("organisation", "article")},
            "holds_role": {("person", "organisation")},
        }[key]
        assert kinds in expected, (u, v, key)
    assert {d["type"] for _, _, d in graph.edges(data=True)} == EDGE_TYPES
    # Every quote is in its article.
    for n, d in graph.nodes(data=True):
        if d["type"] == "quote":
            assert graph.has_edge(n, article_node(n.split(":")[1]), key="quoted_in")


def test_every_edge_has_provenance(graph):
    texts = {"a1": A1_TEXT, "a2": A2_TEXT}
    for u, v, key, data in graph.edges(keys=True, data=True):
        for field in PROVENANCE:
            assert field in data, (u, v, key, field)
        assert data["article_id"] in texts
        text = texts[data["article_id"]]
        assert 0 <= data["start"] <= data["end"] <= len(text)
        assert data["sentence"] and data["sentence"] in text
        # The evidence lies inside its sentence.
        assert text[data["start"]:data["end"]] in data["sentence"]


def test_said_edge_provenance_points_at_the_quote(graph):
    person = node_id("person", "Sean O’Brien")
    data = graph.edges[person, quote_node("a1", "q1"), "said"]
    assert data["article_id"] == "a1"
    assert A1_TEXT[data["start"]:data["end"]] == "We must act now."
    assert data["sentence"] == S1
    assert data["cue"] == "said" and data["cue_class"] == "neutral"
    mentioned = graph.edges[person, article_node("a1"), "mentioned_in"]
    assert A1_TEXT[mentioned["start"]:mentioned["end"]] == "Sean O’Brien"
    org_mentioned = graph.edges[node_id("org", "Barnardo's"), article_node("a1"), "mentioned_in"]
    assert org_mentioned["count"] == 2


def test_same_person_across_articles_is_one_node(graph):
    assert node_id("person", "Sean O’Brien") == node_id("person", "sean  o'brien")
    people = [n for n, d in graph.nodes(data=True) if d["type"] == "person"]
    assert people == [node_id("person", "Sean O’Brien")]
    data = graph.nodes[people[0]]
    assert sorted(data["articles"]) == ["a1", "a2"]
    assert data["n_quotes"] == 2  # q1 in a1, q1 in a2 (q2 has no speaker)
    assert graph.has_edge(people[0], article_node("a1"), key="mentioned_in")
    assert graph.has_edge(people[0], article_node("a2"), key="mentioned_in")
    said = sorted(v for _, v, k in graph.out_edges(people[0], keys=True) if k == "said")
    assert said == [quote_node("a1", "q1"), quote_node("a2", "q1")]
    assert [(r["title"], r["organisation"], r["article_id"]) for r in data["roles"]] == [
        ("director", "Barnardo's", "a1"), ("chief executive", "Shelter", "a2")]


def test_quote_without_speaker_gets_no_said_edge(graph):
    q2 = quote_node("a1", "q2")
    assert [k for _, _, k in graph.in_edges(q2, keys=True)] == []
    assert [k for _, _, k in graph.out_edges(q2, keys=True)] == ["quoted_in"]


def test_organisation_speaker_gets_said_edge(graph):
    org = node_id("org", "Barnardo's")
    assert graph.has_edge(org, quote_node("a1", "q3"), key="said")
    assert graph.nodes[org]["n_quotes"] == 1


def test_role_with_organisation_creates_org_and_holds_role_edge(graph):
    person = node_id("person", "Sean O’Brien")
    shelter = node_id("org", "Shelter")  # only named in a role, never as an organisation
    assert graph.nodes[shelter]["type"] == "organisation"
    assert graph.nodes[shelter]["label"] == "Shelter"
    assert "a2" in graph.nodes[shelter]["articles"]
    edge = graph.edges[person, shelter, "holds_role:a2:chief executive"]
    assert edge["type"] == "holds_role"
    assert edge["title"] == "chief executive"
    assert edge["former"] is False
    assert edge["article_id"] == "a2"
    barnardos = graph.edges[person, node_id("org", "Barnardo's"), "holds_role:a1:director"]
    assert barnardos["title"] == "director" and barnardos["article_id"] == "a1"


def test_role_without_organisation_creates_no_edge():
    text = Article("Health minister Ann Keen said so.")
    keen = person("p1", "Ann Keen", text.mention("Ann Keen"),
                  roles=[role("health minister", text.mention("Health minister"))])
    G = build_graph([record("b", people=[keen])])
    assert [k for _, _, k in G.edges(keys=True)] == ["mentioned_in"]
    assert G.nodes[node_id("person", "Ann Keen")]["roles"] == [
        {"title": "health minister", "organisation": None, "former": False, "article_id": "b"}]
    assert {d["type"] for _, d in G.nodes(data=True)} == {"article", "person"}


def test_graphml_round_trip_keeps_structure(graph, tmp_path):
    path = tmp_path / "graph.graphml"
    write_graphml(graph, path)
    back = read_graphml(path)
    assert isinstance(back, nx.MultiDiGraph)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert {n: d["type"] for n, d in back.nodes(data=True)} == \
        {n: d["type"] for n, d in graph.nodes(data=True)}
    assert sorted(back.edges(keys=True)) == sorted(graph.edges(keys=True))
    for u, v, k, d in back.edges(keys=True, data=True):
        assert d["type"] == k.split(":")[0]
        original = graph.edges[u, v, k]
        for field in PROVENANCE:
            assert d[field] == original[field]
    person = node_id("person", "Sean O’Brien")
    assert back.nodes[person]["n_quotes"] == 2
    assert back.nodes[person]["articles"] == graph.nodes[person]["articles"]
    assert back.nodes[person]["roles"] == graph.nodes[person]["roles"]


def test_two_roles_at_one_organisation_are_both_kept():
    text = Article("Chair and chief executive of Acme Jo Bloggs said so.")
    roles = [text.role(title, organisation="Acme") for title in ("Chair", "chief executive")]
    G = build_graph([record("c", people=[person("p1", "Jo Bloggs", text.mention("Jo Bloggs"), roles=roles)])])
    titles = sorted(d["title"] for _, _, d in G.edges(data=True) if d["type"] == "holds_role")
    assert titles == ["Chair", "chief executive"]


def test_merges_are_explained(graph):
    reasons = graph.nodes[node_id("person", "Sean O’Brien")]["merge_reasons"]
    assert any("surname of Sean O’Brien" in r for r in reasons)
    assert any(r.startswith("a2: same name as in a1") for r in reasons)


def test_quote_keeps_the_offsets_of_its_parts_cue_and_speaker(tmp_path):
    """What the page highlights in the article: each part of a split quote, the cue, the speaker."""
    text = Article("“We must act,” Smith said, “and act now.”")
    first, second = text.mention("We must act"), text.mention("and act now.")
    smith, said = text.mention("Smith"), text.mention("said")
    quote = Quote(id="q1", speaker="Smith", speaker_id="p1", type="direct", content="We must act and act now.",
                  start=first.start, end=second.end, parts=[(first.start, first.end), (second.start, second.end)],
                  sentence=text.text, cue="said", cue_mention=said, speaker_mention=smith)
    G = build_graph([record("x", people=[person("p1", "Smith", smith)], quotes=[quote])])
    data = G.nodes[quote_node("x", "q1")]
    assert [text.text[s:e] for s, e in data["parts"]] == ["We must act", "and act now."]
    assert text.text[slice(*data["cue_span"])] == "said"
    assert text.text[slice(*data["speaker_span"])] == "Smith"
    write_graphml(G, tmp_path / "g.graphml")  # lists survive GraphML
    back = read_graphml(tmp_path / "g.graphml").nodes[quote_node("x", "q1")]
    assert (back["parts"], back["cue_span"], back["speaker_span"]) == (data["parts"], data["cue_span"],
                                                                        data["speaker_span"])


def test_quote_without_parts_cue_or_speaker_mention(graph):
    data = graph.nodes[quote_node("a1", "q2")]
    assert A1_TEXT[slice(*data["parts"][0])] == "Nobody is listening"
    assert data["cue_span"] == [] and data["speaker_span"] == []
