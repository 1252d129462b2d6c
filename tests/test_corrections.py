"""kg.corrections: a user's corrections, validated, applied at build and recorded; kg actors."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from kg.build import build_graph
from kg.cli import app
from kg.corrections import CorrectionError, load_corrections
from kg.query import load
from kg.readwrite import read_graphml, write_graphml, write_records

from test_actors import article

RECORDS = [article("a1", "Barack Obama", "Obama Says"), article("a2", "Keith Lamont Scott", orgs=("Lynch",)),
           article("a3", "Sell Coal", "Hillary Clinton"), article("a4", "Crooked Hillary Clinton")]


def write(tmp_path, text: str):
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def nodes(G, kind: str) -> dict[str, dict]:
    return {d["name"]: d for _, d in G.nodes(data=True) if d["type"] == kind}


def test_every_kind_of_correction_is_applied_and_recorded(tmp_path):
    fixes = load_corrections(write(tmp_path, """
corrections:
  - do: merge
    actors: [Barack Obama, Obama Says]
    note: headline fragment
  - do: rename
    actor: Crooked Hillary Clinton
    to: Hillary Clinton
  - do: retype
    actor: Lynch
    to: person
  - do: drop
    actor: Sell Coal
  - do: speaker
    quote: a2:q1
    speaker: Loretta Lynch
  - do: drop_quote
    quote: quote:a1:q2
  - do: rename
    actor: Lynch
    to: Loretta Lynch
"""))
    G = build_graph(RECORDS, corrections=fixes)
    people = nodes(G, "person")
    assert set(people) == {"Barack Obama", "Hillary Clinton", "Keith Lamont Scott", "Loretta Lynch"}
    assert people["Barack Obama"]["aliases"] == ["Obama Says"]
    assert "merged from 'Barack Obama', 'Obama Says'" in people["Barack Obama"]["corrections"][0]
    assert "headline fragment" in people["Barack Obama"]["corrections"][0]
    assert people["Hillary Clinton"]["articles"] == ["a3", "a4"]
    assert people["Loretta Lynch"]["corrections"][0].startswith("retyped from organisation 'Lynch'")
    assert not nodes(G, "organisation")
    assert not G.has_node("quote:a1:q2")
    quote = G.nodes["quote:a2:q1"]
    assert quote["speaker"] == "Loretta Lynch" and "speaker set to Loretta Lynch" in quote["corrections"][0]
    assert G.has_edge("person:loretta lynch", "quote:a2:q1", key="said")
    assert len(G.graph["corrections"]) == 7
    assert G.graph["corrections"][3].endswith("correction 4 (drop): dropped person 'Sell Coal'")
    write_graphml(G, tmp_path / "g.graphml")
    assert read_graphml(tmp_path / "g.graphml").nodes["person:barack obama"]["corrections"]


@pytest.mark.parametrize("text, message", [
    ("corrections:\n  - do: drop\n    actor: Nobody Here\n", "correction 1 (drop): no actor named 'Nobody Here'"),
    ("corrections:\n  - do: speaker\n    quote: a9:q1\n    speaker: Barack Obama\n",
     "correction 1 (speaker): no quote 'a9:q1'"),
    ("corrections:\n  - do: rename\n    actor: Clinton\n    to: X\n", "no actor named 'Clinton'"),
])
def test_a_correction_naming_nothing_is_an_error(tmp_path, text, message):
    with pytest.raises(CorrectionError, match=re.escape(message)):
        build_graph(RECORDS, corrections=load_corrections(write(tmp_path, text)))


def test_a_name_of_two_actors_asks_for_an_id(tmp_path):
    records = [article("a1", orgs=("Ford",)), article("a2", "Ford")]
    fixes = load_corrections(write(tmp_path, "corrections:\n  - do: drop\n    actor: Ford\n"))
    with pytest.raises(CorrectionError, match=r"'Ford' names 2 actors \(.*\); give one of these ids"):
        build_graph(records, corrections=fixes)
    fixes = load_corrections(write(tmp_path, "corrections:\n  - do: drop\n    actor: org:ford\n"))
    assert set(nodes(build_graph(records, corrections=fixes), "person")) == {"Ford"}


INVALID_FILES = {  # what the file says -> what the error must say after the file's name
    "corrections:\n  - do: rename\n    actor: X\n": "correction 1 (rename): to: Field required",
    "corrections:\n  - do: retype\n    actor: X\n    to: robot\n": "correction 1 (retype): to: Input should be",
    "corrections:\n  - do: explode\n": "correction 1 (explode): Input tag 'explode'",
    "corrections:\n  - do: merge\n    actors: [A]\n": "correction 1 (merge): actors: List should have at least 2",
    "corrections:\n  - do: drop\n    actor: X\n    colour: red\n": "correction 1 (drop): colour: Extra inputs",
    "corrections: [\n": "not valid YAML at line 2, column 1",
    "- do: drop\n": "top level: expected a mapping",
}


@pytest.mark.parametrize("text", INVALID_FILES)
def test_invalid_files_say_file_where_and_problem(tmp_path, text):
    path = write(tmp_path, text)
    with pytest.raises(CorrectionError, match=f"^{re.escape(str(path))}: .*{re.escape(INVALID_FILES[text])}"):
        load_corrections(path)


def test_load_applies_corrections_to_records_and_refuses_a_saved_graph(tmp_path):
    write_records(RECORDS, tmp_path / "records.jsonl")
    path = write(tmp_path, "corrections:\n  - do: drop\n    actor: Sell Coal\n")
    g = load(tmp_path, corrections=path)
    assert "Sell Coal" not in {a.name for a in g.people()}
    write_graphml(build_graph(RECORDS), tmp_path / "graph.graphml")
    with pytest.raises(ValueError, match="corrections are applied to records"):
        load(tmp_path / "graph.graphml", corrections=path)


def test_kg_actors_lists_variants_kinds_and_reasons(tmp_path):
    records = [article("a1", "Donald J. Trump"), article("a2", "Donald Trump", orgs=("Trump",)),
               article("a3", "Donald Trump")]
    write_records(records, tmp_path / "records.jsonl")
    runner = CliRunner()
    result = runner.invoke(app, ["actors", str(tmp_path / "records.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    (trump,) = json.loads(result.output)
    assert trump["name"] == "Donald Trump" and trump["kinds"] == {"person": 3, "organisation": 1}
    assert sorted(trump["aliases"]) == ["Donald J. Trump", "Trump"]
    assert any("surname of Donald Trump" in r for r in trump["merge_reasons"])
    result = runner.invoke(app, ["actors", str(tmp_path / "records.jsonl"), "--reasons"])
    assert "Donald Trump (person, organisation in 1, person in 3, 3 articles, 4 quotes)" in result.output
    path = write(tmp_path, "corrections:\n  - do: drop\n    actor: Nobody\n")
    result = runner.invoke(app, ["actors", str(tmp_path / "records.jsonl"), "--corrections", str(path)])
    assert result.exit_code == 2 and "no actor named 'Nobody'" in result.output


def test_kg_build_rejects_a_bad_corrections_file_before_any_work(tmp_path):
    path = write(tmp_path, "corrections:\n  - do: rename\n    actor: X\n")
    result = CliRunner().invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "out"),
                                      "--corrections", str(path)])
    assert result.exit_code == 2 and "correction 1 (rename): to: Field required" in result.output
    assert not (tmp_path / "out").exists()


def test_kg_build_applies_corrections_and_reports_them(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a1.txt").write_text("Maria Okafor, chief executive of the Westfield Housing Coalition, "
                                            "said rents were too high.\n", encoding="utf-8")
    good = write(tmp_path, "corrections:\n  - do: rename\n    actor: Maria Okafor\n    to: Dr Maria Okafor-Reed\n")
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(out), "--corrections", str(good),
                                 "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "corrections    1 applied" in result.output and "is now person 'Dr Maria Okafor-Reed'" in result.output
    g = load(out)
    (person,) = g.people()
    assert person.name == "Dr Maria Okafor-Reed" and person.corrections
    bad = tmp_path / "bad.yaml"
    bad.write_text("corrections:\n  - do: drop\n    actor: Nobody\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(out), "--corrections", str(bad),
                                 "--no-cache"])
    assert result.exit_code == 2 and "correction 1 (drop): no actor named 'Nobody'" in result.output
