"""`kg query` for the analyst: stances in every answer, names the corpus lacks as errors with the
closest it has, and discourse networks (DNA's kinds, time windows, every export) from the command line."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

import page_graph
import sample_graph
from kg.cli import app
from kg.query import ClaimsGraph, QueryError, StoreQueries, load
from kg.store import ClaimsStore
from kg.readwrite import write_records

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """A kg graph output folder of `page_graph`'s records (stances that tie Jane, Tom and Ann)."""
    folder = tmp_path_factory.mktemp("query")
    write_records(page_graph.records(), folder / "records.jsonl")
    result = CliRunner().invoke(app, ["graph", str(folder / "records.jsonl"), "--out", str(folder / "out")])
    assert result.exit_code == 0, result.output
    return folder / "out"


def kg(*args: str):
    return CliRunner(env={"COLUMNS": "300"}).invoke(app, [str(a) for a in args])


# -- stances in every answer ----------------------------------------------------------------

def test_quotes_show_the_stance_on_each_concept(out):
    table = kg("query", out, "quotes", "--speaker", "Tom Jones")
    assert table.exit_code == 0
    assert "child poverty: agree (0.80); housing: agree (0.80)" in table.output
    found = json.loads(kg("query", out, "who-said", "poverty", "--json").output)
    assert [(q["speaker"], q["concepts"][0]) for q in found if q["speaker"] == "Ann Lee"] == [
        ("Ann Lee", {"concept": "child poverty", "agreement": "disagree", "confidence": 0.6})]
    assert "disagree (0.60)" in kg("query", out, "timeline", "Ann Lee").output



def test_the_cycle_collector_rests_only_while_a_question_is_answered(out):
    assert gc.isenabled()
    assert kg("query", out, "people", "--json").exit_code == 0
    assert kg("query", out, "quotes", "--speaker", "Nobody Known").exit_code == 2  # an error, too
    assert gc.isenabled()


def test_a_question_to_a_store_loads_no_graph_library(out):
    """Process start counts in every question: a store's answers need neither networkx nor lxml,
    jinja2, rich (for --json), the record models or the run layer."""
    code = ("import sys\nfrom kg.cli import app\ntry:\n    app(sys.argv[1:], prog_name='kg')\n"
            "except SystemExit:\n    pass\nprint(sorted(m for m in ('networkx', 'lxml', 'jinja2', 'rich', "
            "'extractors.records', 'kg.run.batch', 'kg.query.claims_graph') if m in sys.modules))")
    for question in (["people"], ["quotes", "--speaker", "Tom Jones"], ["search", "poverty"]):
        proc = subprocess.run([sys.executable, "-c", code, "query", str(out), *question, "--json"],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.splitlines()[-1] == "[]", (question, proc.stdout[-300:])

def test_roles_name_the_article_they_were_stated_in(out):
    (role,) = json.loads(kg("query", out, "roles", "Jane Smith", "--json").output)
    assert (role["title"], role["organisation"], role["article_id"]) == ("director of policy", "Barnardo's", "a1")
    assert "director of policy (Barnardo's, in a1)" in kg("query", out, "people").output


# -- names the corpus lacks --------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["quotes", "--speaker", "Jane Smyth"],
     'no person or organisation called "Jane Smyth"; did you mean "Jane Smith"?'),
    (["timeline", "Anne Lee"], 'did you mean "Ann Lee"?'),
    (["co-quoted", "Tom Jone s"], 'did you mean "Tom Jones"?'),
    (["members", "Barnados"], 'no organisation called "Barnados"; did you mean "Barnardo\'s"?'),
    (["quotes", "--organisation", "Jane Smith"], 'no organisation called "Jane Smith": that is a person'),
    (["roles", "Barnardo's"], 'no person called "Barnardo\'s": that is an organisation'),
    (["path", "Jane Smith", "Zebedee Quux"], 'called "Zebedee Quux", nor anything with a similar name'),
    (["quotes", "--concept", "child povety"], 'no concept called "child povety"; did you mean "child poverty"?'),
    (["quotes", "--cue-class", "critcal"], 'no cue class "critcal"; did you mean "critical"?'),
    (["quotes", "--cue-class", "angry"], "use neutral, critical, supportive, commitment, announcement"),
    (["quotes", "--since", "2010-02-30"], "since must be an ISO date (YYYY-MM-DD), not '2010-02-30'"),
    (["who-said", "child povety"], 'nothing said contains or is about "child povety"; did you mean "child poverty"?'),
    (["network", "conflict", "--until", "last week", "--out", "x.graphml"], "until must be an ISO date"),
])
def test_an_unknown_value_is_an_error_with_the_closest_known(out, tmp_path, args, message):
    if "--out" in args:
        args[args.index("--out") + 1] = str(tmp_path / "x.graphml")
    result = kg("query", out, *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ") and message in " ".join(result.stderr.split())
    assert "(no" not in result.stdout and "Traceback" not in result.output


def test_a_known_name_with_nothing_matching_is_an_empty_answer(out):
    result = kg("query", out, "quotes", "--speaker", "Tom Jones", "--cue-class", "critical")
    assert result.exit_code == 0 and "(no quote matches every filter; the names and values given are known)" in \
        result.stdout
    assert json.loads(kg("query", out, "quotes", "--speaker", "Smith", "--until", "2009-12-31", "--json").output) == []
    result = kg("query", out, "who-said", "zebra crossing")  # free text: nothing like a concept either
    assert result.exit_code == 0 and "no claim contains or is about 'zebra crossing'" in result.stdout


def test_the_python_api_raises_the_same_errors(out):
    g = load(out)
    with pytest.raises(QueryError) as caught:
        g.quotes(speaker="Jane Smyth")
    assert caught.value.suggestions == ["Jane Smith"]
    assert g.quotes(speaker="Jane Smith", cue_class="critical") == []


@pytest.mark.parametrize("source", ["graph", "store"])
def test_a_name_close_to_a_name_variant_offers_its_actor(source):
    """In `sample_graph`, Jane Smith also goes by "Smith"; "Smyth" is close to that alone."""
    if source == "graph":
        g = ClaimsGraph(sample_graph.graph())
    else:
        store = ClaimsStore.memory()
        store.add(sample_graph.records())
        store.resolve()
        g = StoreQueries(store)
    with pytest.raises(QueryError, match='did you mean "Jane Smith"[?]$') as caught:
        g.timeline("Smyth")
    assert caught.value.suggestions == ["Jane Smith"]


# -- discourse networks -----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["net.graphml", "net.gexf", "net.json", "net.html", "net.csv", "net.matrix.csv"])
def test_a_network_in_every_format(out, tmp_path, name):
    result = kg("query", out, "network", "subtract", "--isolates", "--out", tmp_path / name)
    assert result.exit_code == 0, result.output
    assert "subtract network: 3 nodes, 3 edges" in result.output and (tmp_path / name).stat().st_size > 0


def test_edge_list_and_matrix_by_suffix(out, tmp_path):
    assert kg("query", out, "network", "actor-concept", "--out", tmp_path / "a.csv").exit_code == 0  # old name
    edges = pd.read_csv(tmp_path / "a.csv")
    assert set(edges["relation"]) == {"stance"} and len(edges) == 5
    assert kg("query", out, "network", "conflict", "--out", tmp_path / "c.matrix.csv").exit_code == 0
    matrix = pd.read_csv(tmp_path / "c.matrix.csv", index_col=0)
    assert matrix.loc["Ann Lee", "Tom Jones"] == matrix.loc["Tom Jones", "Ann Lee"] == 1


def test_a_network_per_time_window(out, tmp_path):
    result = kg("query", out, "network", "conflict", "--window", "1y", "--isolates", "--out", tmp_path / "w.graphml")
    assert result.exit_code == 0, result.output
    assert "conflict networks of 2 windows of 1y every 1y, 2010-01-01 to 2011-12-31" in result.output
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["w-2010-01-01.graphml", "w-2011-01-01.graphml"]
    later = nx.read_graphml(tmp_path / "w-2011-01-01.graphml")
    assert later.graph["since"] == "2011-01-01" and later.number_of_edges() == 1
    assert kg("query", out, "network", "affiliation", "--window", "6m", "--step", "1m", "--out",
              tmp_path / "a.matrix.csv").exit_code == 0
    assert (tmp_path / "a-2010-02-01.matrix.csv").is_file() and (tmp_path / "a-2011-06-01.matrix.csv").is_file()


def test_a_timeline_of_the_windows_in_one_gexf(out, tmp_path):
    result = kg("query", out, "network", "congruence", "--window", "2y", "--out", tmp_path / "t.gexf")
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["t.gexf"]
    T = nx.read_gexf(tmp_path / "t.gexf")
    assert T.graph["mode"] == "dynamic" and T.edges[page_graph.JANE, page_graph.TOM]["spells"] == [
        ("2010-01-01", "2011-12-31")]


@pytest.mark.parametrize("args, message", [
    (["congruence", "--window", "1 month"], "--window must be a positive number and a unit"),
    (["congruence", "--step", "1m"], "--step needs --window"),
    (["affiliation", "--normalisation", "jaccard"], "normalisation applies to congruence, conflict and subtract"),
    (["conflict", "--out-format"], "No such option"),
])
def test_network_options_that_do_not_fit(out, tmp_path, args, message):
    result = kg("query", out, "network", *args, "--out", tmp_path / "x.graphml")
    assert result.exit_code == 2 and message in " ".join(result.output.split())
    assert not (tmp_path / "x.graphml").exists()
