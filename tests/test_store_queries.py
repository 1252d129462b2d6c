"""Questions answered from the store in SQL: the same answers as from the graph, full-text search,
discourse networks counted in SQL, and `kg query` on a store."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

import page_graph
import sample_graph
from factories import damage_table
from kg.cli import app
from kg.query import ClaimsGraph, StoreQueries, load
from kg.readwrite import write_records
from kg.store import ClaimsStore


def _both(module):
    store = ClaimsStore.memory()
    store.add(module.records())
    store.resolve()
    return ClaimsGraph(module.graph()), StoreQueries(store)


@pytest.fixture(scope="module")
def both():
    return _both(sample_graph)


@pytest.fixture(scope="module")
def stanced():
    """Claims with stances on concepts that tie the actors (`page_graph`)."""
    return _both(page_graph)


QUESTIONS = [
    ("people", (), {}), ("organisations", (), {}), ("actors", (), {}), ("articles", (), {}),
    ("quotes", (), {}), ("quotes", (), {"speaker": "Jane Smith"}), ("quotes", (), {"organisation": "Barnardo's"}),
    ("quotes", (), {"since": "2011-01-01"}), ("quotes", (), {"cue_class": "critical"}),
    ("quotes", (), {"text": "child poverty"}), ("who_said", ("poverty",), {}), ("timeline", ("Jane Smith",), {}),
    ("roles", ("Jane Smith",), {}), ("members", ("Barnardo's",), {}), ("co_quoted", ("Jane Smith",), {}),
    ("path", ("Jane Smith", "Shelter"), {}),
]


@pytest.mark.parametrize("method, args, kwargs", QUESTIONS, ids=[f"{q[0]}{q[1] or ''}{q[2] or ''}" for q in QUESTIONS])
def test_the_store_answers_as_the_graph_does(both, method, args, kwargs):
    graph, store = both
    assert getattr(store, method)(*args, **kwargs) == getattr(graph, method)(*args, **kwargs)


STANCE_QUESTIONS = [("quotes", (), {}), ("quotes", (), {"concept": "poverty"}), ("who_said", ("housing",), {}),
                    ("timeline", ("Ann Lee",), {})]


@pytest.mark.parametrize("method, args, kwargs", STANCE_QUESTIONS,
                         ids=[f"{q[0]}{q[1] or ''}{q[2] or ''}" for q in STANCE_QUESTIONS])
def test_quotes_carry_the_same_stances(stanced, method, args, kwargs):
    graph, store = stanced
    found = getattr(store, method)(*args, **kwargs)
    assert found == getattr(graph, method)(*args, **kwargs)
    assert any(q.concepts for q in found)


def test_a_quote_names_its_stance_on_each_concept(stanced):
    for g in stanced:
        (tom,) = g.quotes(speaker="Tom Jones")
        assert [(c.concept, c.agreement, c.confidence) for c in tom.concepts] == [
            ("child poverty", "agree", 0.8), ("housing", "agree", 0.8)]
        assert str(tom.concepts[0]) == "child poverty: agree (0.80)"


def _same_network(found, expected):
    assert list(found.nodes(data=True)) == list(expected.nodes(data=True))  # same nodes, same order
    assert list(found.edges(data=True)) == list(expected.edges(data=True))
    assert found.graph == expected.graph


@pytest.mark.parametrize("kind", ["congruence", "conflict", "subtract", "affiliation", "actor-concept"])
@pytest.mark.parametrize("actors", ["people", "organisations"])
@pytest.mark.parametrize("isolates", [False, True])
def test_networks_counted_in_sql_are_the_graphs(stanced, kind, actors, isolates):
    graph, store = stanced
    options = {"actors": actors, "isolates": isolates,
               "normalisation": None if kind in ("affiliation", "actor-concept") else "jaccard"}
    expected = graph.network(kind, **options)
    assert expected.number_of_edges() > 0 or actors == "organisations"
    _same_network(store.network(kind, **options), expected)
    _same_network(store.network(kind, since="2011-01-01", **options), graph.network(kind, since="2011-01-01",
                                                                                     **options))


@pytest.mark.parametrize("kind", ["conflict", "affiliation"])
def test_window_networks_counted_in_sql_are_the_graphs(stanced, kind):
    graph, store = stanced
    expected = graph.networks(kind, window="6m", isolates=True)
    found = store.networks(kind, window="6m", isolates=True)
    assert [(H.graph["since"], H.graph["until"]) for H in found] == [  # from the month of the first dated claim
        ("2010-02-01", "2010-07-31"), ("2010-08-01", "2011-01-31"), ("2011-02-01", "2011-07-31")]
    for one, other in zip(found, expected, strict=True):
        _same_network(one, other)


def test_full_text_search(both):
    _, store = both
    found = store.search("child POVERTY")
    assert found and all("child poverty" in q.content.lower() or "child poverty" in q.sentence.lower()
                         for q in found)
    assert store.search('"; DROP TABLE quotes; --') == []  # words, never FTS syntax
    assert store.search("") == []
    assert len(store.search("poverty", limit=1)) == 1


def test_load_a_store_and_records_alike(tmp_path):
    write_records(sample_graph.records(), tmp_path / "records.jsonl")
    with ClaimsStore.create(tmp_path / "claims.sqlite") as store:
        store.add(sample_graph.records())
        store.resolve()
    for source in (tmp_path, tmp_path / "claims.sqlite", tmp_path / "records.jsonl"):
        loaded = load(source)
        assert isinstance(loaded, StoreQueries)
        assert [q.id for q in loaded.timeline("Jane Smith")] == [q.id for q in both_graph().timeline("Jane Smith")]


def both_graph() -> ClaimsGraph:
    return ClaimsGraph(sample_graph.graph())


def test_kg_graph_then_kg_query_search_and_update(tmp_path):
    records = sample_graph.records()
    write_records(records[:2], tmp_path / "first.jsonl")
    write_records(records[2:], tmp_path / "second.jsonl")
    out = tmp_path / "out"
    runner = CliRunner(env={"COLUMNS": "300"})
    result = runner.invoke(app, ["graph", str(tmp_path / "first.jsonl"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [".kg-output", "claims.sqlite", "graph.gexf", "graph.graphml",
                                                      "graph.html", "graph.json", "statements.csv"]
    result = runner.invoke(app, ["graph", str(tmp_path / "second.jsonl"), "--out", str(out), "--update"])
    assert result.exit_code == 0, result.output
    with ClaimsStore.open(out / "claims.sqlite") as store:
        assert list(store.records()) == sorted(records, key=lambda r: r.id)
    result = runner.invoke(app, ["query", str(out), "search", "poverty", "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found and all("poverty" in (q["content"] + q["sentence"]).lower() for q in found)
    result = runner.invoke(app, ["query", str(out / "graph.json"), "search", "poverty"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {out / 'graph.json'}: full-text search needs a claims store: give a kg build " \
                            f"or kg graph directory\n"


@pytest.mark.parametrize("damage", ["version", "garbage"])
def test_update_refuses_a_bad_store_and_leaves_everything(tmp_path, damage):
    write_records(sample_graph.records(), tmp_path / "records.jsonl")
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(app, ["graph", str(tmp_path / "records.jsonl"), "--out", str(out)]).exit_code == 0
    store = out / "claims.sqlite"
    if damage == "version":
        db = sqlite3.connect(store)
        db.execute("PRAGMA user_version = 0")
        db.commit()
        db.close()
    else:
        damage_table(store, "quotes")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = runner.invoke(app, ["graph", str(tmp_path / "records.jsonl"), "--out", str(out), "--update"])
    assert result.exit_code == 2
    assert f"error: {store}: " in result.stderr
    assert ("older version of kg" if damage == "version" else "damaged") in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    result = runner.invoke(app, ["query", str(out), "quotes", "--json"])  # reads every quote
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.startswith(f"error: {store}: written by an older" if damage == "version" else "error: ")
    assert "damaged" in result.stderr or damage == "version"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_claim_is_shown_with_its_speakers_name_not_the_words_at_the_claim():
    from factories import Article, person, record

    text = Article("Jane Smith opened the centre.", "Smith said the cuts would hurt families.")
    jane = person("p1", "Jane Smith", text.mention("Jane Smith"), text.mention("Smith", 1),
                  aliases={"Smith": "surname of Jane Smith"})
    claim = text.quote("q1", "the cuts would hurt families", speaker="Smith", speaker_id="p1", cue="said",
                       cue_class="neutral", type="indirect")
    records = [record("a1", text=text.text, people=[jane], quotes=[claim])]
    store = ClaimsStore.memory()
    store.add(records)
    store.resolve()
    from kg.build import build_graph

    for answers in (StoreQueries(store), ClaimsGraph(build_graph(records))):
        (quote,) = answers.quotes(speaker="Jane Smith")
        assert quote.speaker == "Jane Smith"
