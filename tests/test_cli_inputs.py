"""kg extract and kg build on every kind of input: files, folders, JSON Lines, bad and missing input.

Each run that extracts costs time, so cases share runs where they can: one extract over every
kind of bad input at once.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from cli_helpers import GOOD_TEXT, invoke, raw_records, summary_line
from kg.readwrite import read_records

# In-process runs use the session pipeline (conftest `nlp`) instead of loading their own.
pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("nlp")]

# name -> (file name, content, words the reason must contain, source suffix in the failure)
BAD_INPUTS = {
    "empty": ("empty.txt", b"  \n\n", "empty file", "empty.txt"),
    "binary": ("binary.txt", b"PK\x03\x04\x00\x00\x14\x00binary\x00data", "binary", "binary.txt"),
    "empty_html": ("page.html", b"<!DOCTYPE html><html><body><nav>Home</nav></body></html>",
                   "HTML page with no article text", "page.html"),
    "malformed": ("broken.jsonl", b'{"id": "j1", "text": "The council said no.\n', "malformed JSON",
                  "broken.jsonl:1"),
}


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


def test_non_utf8_input_is_read_with_a_note(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Le café est fermé, said Marie Dupont.".encode("latin-1"))
    out = tmp_path / "records.jsonl"
    result = invoke("extract", tmp_path / "latin1.txt", "--out", out)
    assert result.exit_code == 0, result.output
    assert "read as Windows-1252" in result.output
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["notes"] == ["line 1 not valid UTF-8 (first: byte 0xe9 at offset 6); read as Windows-1252"]
