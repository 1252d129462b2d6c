"""The query API and `kg query`, on graphs built from hand-made records and on the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractors.records import ArticleRecord
from factories import Article, organisation, person, record
from kg.build import build_graph
from kg.cli import app
from kg.query import ClaimsGraph, QueryError, QuoteResult, StoreQueries, load
from kg.store import ClaimsStore
from kg.readwrite import read_json, write_graphml, write_records


@pytest.fixture(scope="module")
def records() -> list[ArticleRecord]:
    t1 = Article("Anna Berg, chief executive of Shelter, said the housing crisis is getting worse.",
                 "Tom Hale said the council has done what it can.",
                 "Shelter said rents rose by a fifth.")
    anna = person("p1", "Anna Berg", t1.mention("Anna Berg"), aliases={"Berg": "surname of Anna Berg"},
                  roles=[t1.role("chief executive", organisation="Shelter")])
    tom = person("p2", "Tom Hale", t1.mention("Tom Hale"))
    shelter = organisation("o1", "Shelter", t1.mention("Shelter", 2))
    said = {"cue": "said", "type": "indirect"}
    a1 = record("a1", title="Housing crisis deepens", date="2020-01-05", people=[anna, tom], organisations=[shelter],
                quotes=[t1.quote("q1", "the housing crisis is getting worse", speaker="Anna Berg", speaker_id="p1",
                                 cue_class="critical", **said),
                        t1.quote("q2", "the council has done what it can", speaker="Tom Hale", speaker_id="p2",
                                 cue_class="neutral", **said),
                        t1.quote("q3", "rents rose by a fifth", speaker="Shelter", speaker_id="o1",
                                 cue_class="neutral", **said)])
    t2 = Article("Anna Berg said: Rents must be frozen.")
    anna2 = person("p1", "Anna  Berg", t2.mention("Anna Berg"))
    a2 = record("a2", title="Rents", date="2021-03-01", people=[anna2],
                quotes=[t2.quote("q1", "Rents must be frozen", speaker="Anna Berg", speaker_id="p1",
                                 cue_class="commitment", **said)])
    return [a1, a2]


@pytest.fixture(scope="module", params=["graph", "store"])
def graph(records, request) -> ClaimsGraph | StoreQueries:
    """The same questions of the graph in memory and of the store, in SQL."""
    if request.param == "graph":
        return ClaimsGraph(build_graph(records))
    store = ClaimsStore.memory()
    store.add(records)
    store.resolve()
    return StoreQueries(store)


def test_listings(graph):
    assert [p.name for p in graph.people()] == ["Anna Berg", "Tom Hale"]
    assert graph.people()[0].n_quotes == 2 and graph.people()[0].articles == ["a1", "a2"]
    assert [o.name for o in graph.organisations()] == ["Shelter"]
    assert [(a.id, a.n_quotes) for a in graph.articles()] == [("a1", 3), ("a2", 1)]


def test_quote_filters(graph):
    assert [q.content for q in graph.quotes(speaker="berg")] == [
        "the housing crisis is getting worse", "Rents must be frozen"]
    assert len(graph.quotes(speaker="Berg")) == 2  # alias
    assert [q.speaker for q in graph.quotes(organisation="Shelter")] == ["Anna Berg", "Shelter", "Anna Berg"]
    assert [q.cue_class for q in graph.quotes(cue_class="critical")] == ["critical"]
    assert [q.article_id for q in graph.quotes(since="2021-01-01")] == ["a2"]
    assert [q.article_id for q in graph.quotes(until="2020-12-31", speaker="Anna Berg")] == ["a1"]
    assert [q.content for q in graph.quotes(text="HOUSING  crisis")] == ["the housing crisis is getting worse"]
    assert graph.quotes(speaker="Tom Hale", since="2021-01-01") == []  # known, nothing matches: an empty answer
    with pytest.raises(QueryError, match="no person or organisation called \"Nobody At All\""):
        graph.quotes(speaker="Nobody At All")


def test_who_said_timeline_roles_members_co_quoted_path(graph):
    assert [q.speaker for q in graph.who_said("rents")] == ["Shelter", "Anna Berg"]
    assert [q.date for q in graph.timeline("Anna Berg")] == ["2020-01-05", "2021-03-01"]
    (role,) = graph.roles("Anna Berg")
    assert (role.title, role.organisation) == ("chief executive", "Shelter")
    assert [m.name for m in graph.members("Shelter")] == ["Anna Berg"]
    co = graph.co_quoted("Anna Berg")
    assert [(c.actor.name, c.articles) for c in co] == [("Shelter", ["a1"]), ("Tom Hale", ["a1"])]
    steps = graph.path("Tom Hale", "Shelter")
    assert steps[0].label == "Tom Hale" and steps[-1].label == "Shelter"
    with pytest.raises(QueryError, match="Nobody"):
        graph.path("Tom Hale", "Nobody")


def test_results_are_pydantic_and_to_pandas(graph):
    pd = pytest.importorskip("pandas")
    quotes = graph.quotes()
    assert all(isinstance(q, QuoteResult) for q in quotes)
    frame = quotes.to_pandas()
    assert isinstance(frame, pd.DataFrame) and list(frame.columns) == list(QuoteResult.model_fields)
    assert frame.to_dict("records") == [q.model_dump() for q in quotes] and len(frame) == 4


def test_load_every_saved_form_gives_the_same_answers(records, tmp_path):
    write_records(records, tmp_path / "records.jsonl")
    write_graphml(build_graph(records), tmp_path / "graph.graphml")
    for source in (tmp_path, tmp_path / "graph.graphml", tmp_path / "records.jsonl"):
        loaded = load(source)
        assert [q.content for q in loaded.quotes(speaker="Anna Berg")] == [
            "the housing crisis is getting worse", "Rents must be frozen"]
        assert loaded.people()[0].articles == ["a1", "a2"]
        assert loaded.roles("Anna Berg")[0].organisation == "Shelter"
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "missing")
    (tmp_path / "x.csv").write_text("")
    with pytest.raises(ValueError, match="cannot load"):
        load(tmp_path / "x.csv")


@pytest.mark.integration
def test_cli_table_and_json(records, tmp_path):
    write_graphml(build_graph(records), tmp_path / "graph.graphml")
    runner = CliRunner(env={"COLUMNS": "300"})  # a wide terminal: one table row a line
    result = runner.invoke(app, ["query", str(tmp_path), "quotes", "--speaker", "Anna Berg"])
    assert result.exit_code == 0, result.output
    assert "housing crisis" in result.output and "2 result(s)" in result.output
    result = runner.invoke(app, ["query", str(tmp_path), "who-said", "rents", "--json"])
    assert [q["speaker"] for q in json.loads(result.output)] == ["Shelter", "Anna Berg"]
    result = runner.invoke(app, ["query", str(tmp_path / "nothing"), "people"])
    assert result.exit_code == 2


@pytest.mark.integration
def test_cli_on_the_seed_graph(tmp_path, seed_records):
    write_graphml(build_graph(seed_records), tmp_path / "graph.graphml")
    result = CliRunner(env={"COLUMNS": "300"}).invoke(
        app, ["query", str(tmp_path), "quotes", "--speaker", "Margaret Hodge"])
    assert result.exit_code == 0
    assert "[the voluntary sector]" in " ".join(result.output.split())  # brackets shown, not eaten as markup


@pytest.mark.integration  # kg build with a codebook: a pipeline of its own
def test_concepts_from_a_codebook_reach_the_graph_and_the_query(tmp_path):
    codebook = tmp_path / "codebook.yaml"
    codebook.write_text("concepts:\n  - name: state provision\n    patterns: [state, public sector]\n"
                        "  - name: charities deliver services\n    patterns: [voluntary sector, charity]\n")
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    result = CliRunner().invoke(app, ["build", str(seeds), "--out", str(tmp_path / "out"), "--codebook",
                                      str(codebook), "--no-cache"])
    assert result.exit_code == 0, result.output
    graph = load(tmp_path / "out")
    concepts = {d["label"] for _, d in graph.graph.nodes(data=True) if d["type"] == "concept"}
    assert concepts == {"state provision", "charities deliver services"}
    milburn = graph.quotes(speaker="Alan Milburn", concept="state provision")
    assert milburn and "replace the state" in milburn[0].content
    stances = [d["agreement"] for _, _, d in graph.graph.out_edges(milburn[0].id, data=True)
               if d["type"] == "about"]
    assert "disagree" in stances


@pytest.mark.integration
def test_a_bad_codebook_stops_before_any_work(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("concepts: [\n")
    result = CliRunner().invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "out"), "--codebook", str(bad)])
    assert result.exit_code == 2 and "not valid YAML" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.integration
def test_discourse_networks_from_the_api_and_the_command_line(tmp_path, seed_records):
    import networkx as nx

    write_graphml(build_graph(seed_records), tmp_path / "graph.graphml")
    graph = load(tmp_path)
    two_mode = graph.network("actor-concept")
    assert {d["type"] for _, d in two_mode.nodes(data=True)} >= {"person", "concept"}
    assert isinstance(graph.network("conflict", normalisation="cosine"), nx.Graph)
    with pytest.raises(ValueError, match="unknown network"):
        graph.network("friendship")
    for suffix in ("graphml", "gexf", "json", "html"):
        out = tmp_path / f"net.{suffix}"
        result = CliRunner().invoke(app, ["query", str(tmp_path), "network", "conflict", "--normalisation",
                                          "jaccard", "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    # conflict: the seed speakers disagree on the voluntary sector (none shares a stance with another)
    expected = graph.network("conflict", normalisation="jaccard")
    assert expected.number_of_edges() > 0
    for written in (nx.read_graphml(tmp_path / "net.graphml"), read_json(tmp_path / "net.json")):
        assert (written.graph["network"], written.graph["normalisation"]) == ("conflict", "jaccard")
        assert set(written) == set(expected)
        assert {frozenset((u, v)): d["weight"] for u, v, d in written.edges(data=True)} == pytest.approx(
            {frozenset((u, v)): d["weight"] for u, v, d in expected.edges(data=True)})
    result = CliRunner().invoke(app, ["query", str(tmp_path), "network", "conflict", "--out",
                                      str(tmp_path / "net.txt")])
    assert result.exit_code == 2
    assert "use a .graphml, .gexf, .json, .html, .csv, .matrix.csv file" in " ".join(result.output.split())


def test_one_table_of_graph_formats():
    from kg.readwrite import (GRAPH_FORMATS, graph_format, read_json, write_edge_list, write_matrix,
                              write_statements)

    assert [f.file for f in GRAPH_FORMATS.values() if f.file] == ["graph.graphml", "graph.gexf", "graph.json",
                                                                   "statements.csv", "graph.html"]
    assert graph_format("x/Claims.JSON", readable=True).read is read_json
    assert graph_format("out.csv").write is write_statements  # the claims graph: statements
    assert graph_format("out.matrix.csv").write is write_statements
    assert graph_format("net.csv", network=True).write is write_edge_list  # a discourse network: edge list
    assert graph_format("x/Net.Matrix.CSV", network=True).write is write_matrix
    with pytest.raises(ValueError, match=r"page.html: use a .graphml, .json file"):
        graph_format("page.html", readable=True)
