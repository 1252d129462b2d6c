"""The claims store: records in and out unchanged, actors resolved, schema versions, damaged files."""

from __future__ import annotations

import json
import sqlite3

import pytest

import sample_graph
from factories import Article, damage_table, person, record
from kg.build import build_graph
from kg.store import SCHEMA_VERSION, ClaimsStore, Part, StoreError


@pytest.fixture
def store_file(tmp_path):
    path = tmp_path / "claims.sqlite"
    store = ClaimsStore.create(path)
    store.add(sample_graph.records())
    store.resolve()
    store.close()
    return path


@pytest.mark.parametrize("folder", ["a#b", "c%20d", "e?f"])
def test_a_store_opens_read_only_whatever_characters_its_path_holds(tmp_path, store_file, folder):
    (tmp_path / folder).mkdir()
    moved = store_file.rename(tmp_path / folder / "claims.sqlite")
    with ClaimsStore.open(moved) as store:
        assert len(list(store.records())) == len(sample_graph.records())


def test_records_come_back_unchanged(store_file):
    with ClaimsStore.open(store_file) as store:
        assert list(store.records()) == sorted(sample_graph.records(), key=lambda r: r.id)


def test_the_graph_from_the_store_is_the_built_graph(store_file):
    with ClaimsStore.open(store_file) as store:
        G = store.graph()
    H = build_graph(sample_graph.records())
    assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
    assert sorted(G.edges(keys=True, data=True)) == sorted(H.edges(keys=True, data=True))


def test_a_part_of_the_graph(store_file):
    with ClaimsStore.open(store_file) as store:
        jane = store.graph(Part(actor=sample_graph.JANE))
        dated = store.graph(Part(since="2011-01-01"))
    assert {d["article_id"] for _, d in jane.nodes(data=True) if d["type"] == "article"} == {"a1", "a2"}
    assert {d["article_id"] for _, d in dated.nodes(data=True) if d["type"] == "article"} == {"a2"}


def test_a_new_article_joins_an_existing_actor(tmp_path):
    one = Article("Margaret Hodge said the sector must change.")
    two = Article("Hodge said it again.")
    path = tmp_path / "claims.sqlite"
    with ClaimsStore.create(path) as store:
        store.add([record(f"a{n}", people=[person("p1", "Margaret Hodge", one.mention("Margaret Hodge"))])
                   for n in (1, 2, 3)])  # named in full in three articles: a lone "Hodge" is hers
        store.resolve()
    with ClaimsStore.open(path, readonly=False) as store:
        store.add([record("a4", people=[person("p1", "Hodge", two.mention("Hodge"))])])
        store.resolve()
        (actor,) = store.db.execute("SELECT id, n_articles FROM actors").fetchall()
    assert actor == ("person:margaret hodge", 4)


def test_a_record_given_twice_in_one_load_replaces_the_first(tmp_path):
    """The later record of an id wins, also within one batch of a new store, and the full-text
    index keeps exactly the quotes that are left (it was damaged when a quote left before being indexed)."""
    records = sample_graph.records()
    first = records[0]
    again = first.model_copy(update={"title": "Again", "quotes": first.quotes[:1]})
    with ClaimsStore.create(tmp_path / "claims.sqlite") as store:
        store.add_dicts([r.model_dump(mode="json") for r in [*records, again]])
        store.resolve()
        assert store.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        store.db.execute("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)")  # raises if damaged
        found = [row[0] for row in store.db.execute(
            "SELECT q.id FROM quotes_fts f JOIN quotes q ON q.rowid = f.rowid WHERE quotes_fts MATCH 'listening'")]
        assert list(store.records()) == sorted([*records[1:], again], key=lambda r: r.id)
    assert found == []  # q3 of the first record, gone with it


@pytest.mark.parametrize("version, word", [(0, "an older"), (SCHEMA_VERSION + 1, "a newer")])
def test_another_schema_version_is_refused_and_left_alone(store_file, version, word):
    db = sqlite3.connect(store_file)
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()
    before = store_file.read_bytes()
    for readonly in (True, False):
        with pytest.raises(StoreError, match=f"{word} version of kg .*kg graph"):
            ClaimsStore.open(store_file, readonly=readonly)
    assert store_file.read_bytes() == before


def test_a_damaged_store_is_reported_never_rebuilt(store_file):
    data = damage_table(store_file, "quotes")
    with pytest.raises(StoreError, match="damaged"):
        ClaimsStore.open(store_file, readonly=False)
    assert store_file.read_bytes() == data


def test_not_a_store(tmp_path):
    (tmp_path / "text.sqlite").write_text("hello")
    with pytest.raises(StoreError, match="not an SQLite database"):
        ClaimsStore.open(tmp_path / "text.sqlite")
    other = sqlite3.connect(tmp_path / "other.sqlite")
    other.execute("CREATE TABLE t (x)")
    other.commit()
    other.close()
    with pytest.raises(StoreError, match="not a claims store"):
        ClaimsStore.open(tmp_path / "other.sqlite")


def test_exports_streamed_from_the_store_read_back_as_the_built_graph(store_file, tmp_path):
    import networkx as nx

    from kg.readwrite import read_graphml, read_json
    from kg.run.outputs import write_exports

    with ClaimsStore.open(store_file) as store:
        paths = write_exports(store, tmp_path, detail="quotes")
    H = build_graph(sample_graph.records())
    for G in (read_graphml(paths["graphml"]), read_json(paths["json"])):
        assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
        assert sorted(G.edges(keys=True, data=True)) == sorted(H.edges(keys=True, data=True))
        corrections = G.graph["corrections"]  # a list, written as JSON text in GraphML
        assert (json.loads(corrections) if isinstance(corrections, str) else corrections) == H.graph["corrections"]
    gexf = nx.read_gexf(paths["gexf"])
    assert (gexf.number_of_nodes(), gexf.number_of_edges()) == (H.number_of_nodes(), H.number_of_edges())
    assert paths["statements"].read_bytes().count(b"\r\n") == 1 + sum(
        1 for _, d in H.nodes(data=True) if d["type"] == "quote") + sum(
        d["content"].count("\r\n") for _, d in H.nodes(data=True) if d["type"] == "quote")


def test_the_actor_concept_graph_counts_and_lists_the_claims(store_file):
    with ClaimsStore.open(store_file) as store:
        G = store.graph(detail="actors")
    claims = build_graph(sample_graph.records())
    assert G.graph["network"] == "actor-concept"
    assert {n for n, d in G.nodes(data=True) if d["type"] in ("person", "organisation")} == {
        n for n, d in claims.nodes(data=True) if d["type"] in ("person", "organisation")}
    for actor, concept, data in ((u, v, d) for u, v, d in G.edges(data=True) if d["type"] == "stance"):
        said = [q for _, q, d in claims.out_edges(actor, data=True) if d["type"] == "said"
                and claims.has_edge(q, concept)]
        assert sorted(data["quotes"]) == sorted(said)
        assert data["agree"] + data["disagree"] + data["neutral"] == data["weight"] == len(said)
