"""Bad input, interrupted runs and hostile text never cost a user their data."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cli_helpers import summary_line
from extractors.pipeline import extract_articles
from extractors.records import ArticleRecord, ArticleText
from kg.cli import app
from kg.readwrite import read_records

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOOD = "Jane Smith, the council leader, said the budget was balanced this year."


def _build(inputs: list[Path], out: Path, *extra: str):
    return CliRunner().invoke(app, ["build", *map(str, inputs), "--out", str(out), *extra])


@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_strict_stops_at_the_first_failure_and_keeps_earlier_outputs(tmp_path):
    out = tmp_path / "out"
    (tmp_path / "good.txt").write_text(GOOD)
    assert _build([tmp_path / "good.txt"], out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    result = _build([tmp_path / "good.txt", tmp_path / "bad.txt"], out, "--strict")
    assert result.exit_code == 1
    assert "bad.txt: binary file" in result.output and "--strict" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # nothing replaced or half-written


@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_a_too_long_text_fails_with_its_length_and_the_rest_goes_on(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(("The council said the budget was balanced. " * 500_000)[:5_000_000])  # 5 MB
    (tmp_path / "good.txt").write_text(GOOD)
    out = tmp_path / "records.jsonl"
    result = CliRunner().invoke(app, ["extract", str(big), str(tmp_path / "good.txt"), "--out", str(out)])
    assert result.exit_code == 1
    assert "big.txt: extraction failed (text too long: 5,000,000 characters" in result.output
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["good"]


@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_a_file_over_the_byte_limit_fails_before_it_is_read(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: 20 GB that take no room
        fh.truncate(20_000_000_000)
    (tmp_path / "good.txt").write_text(GOOD)
    out = tmp_path / "records.jsonl"
    result = CliRunner().invoke(app, ["extract", str(big), str(tmp_path / "good.txt"), "--out", str(out)])
    assert result.exit_code == 1
    assert "big.txt: too large: 20,000,000,000 bytes, the limit is 10,000,000 (raise it with --max-bytes)" \
        in result.output
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["good"]


@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_max_chars_option(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "good.txt"), "--out",
                                      str(tmp_path / "r.jsonl"), "--max-chars", "20"])
    assert result.exit_code == 1 and "the limit is 20" in result.output


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_very_long_lines_and_many_files(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(2000):
        (folder / f"{n:04}.txt").write_text(f"Minister {n} said nothing.")
    (folder / "long.txt").write_text("word " * 50_000 + "\nJane Smith said the line was long.")
    out = tmp_path / "records.jsonl"
    result = CliRunner().invoke(app, ["extract", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = {r.id: r for r in read_records(out)}
    assert len(records) == 2001 and sorted(records)[:2] == ["0000", "0001"]
    assert [(q.speaker, q.content) for q in records["long"].quotes] == [("Jane Smith", "the line was long")]


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_the_same_input_gives_byte_identical_outputs(tmp_path):
    for run in ("a", "b"):
        assert _build([SEEDS], tmp_path / run, "--no-cache").exit_code == 0
    for name in ("records.jsonl", "graph.graphml", "graph.gexf", "graph.json", "statements.csv", "graph.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_injection_text_gives_valid_graphml_and_records(tmp_path):
    hostile = ('<script>alert(1)</script> Jane Smith said: "<img src=x onerror=alert(1)> & \x0b\x1f '
               'ends ]]> here </graphml>."\n' + "x" * 100_000)
    (tmp_path / "evil.txt").write_text(hostile)
    assert _build([tmp_path / "evil.txt"], tmp_path / "out").exit_code == 0
    import networkx as nx

    G = nx.read_graphml(tmp_path / "out" / "graph.graphml")
    assert any(d.get("type") == "quote" for _, d in G.nodes(data=True))
    page = (tmp_path / "out" / "graph.html").read_text()
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page


# --- property-based: arbitrary text never crashes, every offset points at its text ------------------

_PIECES = list("abcXYZ .,;:'\"“”‘’\n-–•()") + ["said", " He ", " Jane Smith ", "according to", "\n\n"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT)
@example(text=":-").via("a colon and space ending the text once indexed past its end")
@example(text="He said:  ")
def test_any_text_extracts_with_true_offsets(nlp, text):
    (record,) = extract_articles([ArticleText(id="x", text=text or " ")], nlp)
    assert isinstance(record, ArticleRecord)
    for person in record.people + record.organisations:
        for mention in person.mentions:
            assert text[mention.start : mention.end] == mention.text
    for quote in record.quotes:
        assert " ".join(text[s:e] for s, e in quote.parts) == quote.content


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_any_unicode_never_crashes(nlp, text):
    (record,) = extract_articles([ArticleText(id="x", text=text or " ")], nlp)
    assert isinstance(record, ArticleRecord)


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_permuted_input_gives_byte_identical_graph_exports(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    for run, order in (("a", seeds), ("b", seeds[::-1])):
        assert _build(order, tmp_path / run).exit_code == 0
    assert (tmp_path / "a" / "records.jsonl").read_bytes() != (tmp_path / "b" / "records.jsonl").read_bytes()
    for name in ("graph.graphml", "graph.gexf", "graph.json", "statements.csv", "graph.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


@pytest.mark.slow
@pytest.mark.integration
def test_a_codebook_pattern_that_takes_too_long_fails_only_its_article(tmp_path):
    codebook = tmp_path / "codebook.yaml"
    codebook.write_text("concepts:\n  - name: slow\n    patterns: ['re:(\\w|\\d)+$']\n")
    (tmp_path / "slow.txt").write_text("Jane Smith said the plan would cost " + "a1" * 5000 + " pounds!")
    (tmp_path / "good.txt").write_text(GOOD)
    out = tmp_path / "records.jsonl"
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--out", str(out), "--codebook", str(codebook)])
    assert result.exit_code == 1, result.output
    assert "slow.txt: extraction failed (pckg_concepts: CodebookTimeout: the codebook pattern " \
           "'re:(\\w|\\d)+$' of concept 'slow' took more than 1 s on one claim" in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["good"]


@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_every_kind_of_bad_input_in_one_batch_costs_only_itself(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD)
    (src / "empty.txt").write_text("")
    (src / "binary.txt").write_bytes(b"\x00\x01binary")
    (src / "loop.txt").symlink_to(src / "loop.txt")
    (src / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(src / "fifo.txt")
    (src / "lines.jsonl").write_bytes(b"\n".join([
        b'{"id": "s", "text": "Jane Smith said caf\\ud800 was shut."}',
        b'{"id": "n", "text": "x", "n": ' + b"9" * 5000 + b"}",
        b'{"id": "d", "text": "x", "deep": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"id": "bell\\u0007", "text": "x"}',
        b"not json",
    ]) + b"\n")
    out = tmp_path / "out"
    result = _build([src], out)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    failures = {Path(f["source"]).name: f["reason"]
                for f in map(json.loads, (out / "failures.jsonl").read_text().splitlines())}
    assert failures == {
        "binary.txt": "binary file (contains NUL bytes), not text",
        "empty.txt": "empty file",
        "fifo.txt": "not a regular file (a FIFO)",
        "lines.jsonl:3": "malformed JSON: nested too deeply",
        "lines.jsonl:4": "invalid id 'bell\\x07': it contains U+0007, a control character (ids must be "
                         "printable text)",
        "lines.jsonl:5": "malformed JSON: Expecting value at column 1",
        "loop.txt": "symbolic link loop",
        "zero.txt": "not a regular file (a character device)",
    }
    records = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == ["good", "s", "n"]


@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_a_crash_exits_3_and_leaves_the_outputs_as_they_were(tmp_path, monkeypatch):
    import kg.run.batch as batch

    (tmp_path / "good.txt").write_text(GOOD)
    out = tmp_path / "out"
    assert _build([tmp_path / "good.txt"], out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(store, folder, **options):
        raise KeyError("a bug")

    monkeypatch.setattr(batch, "write_exports", broken)
    result = _build([tmp_path / "good.txt"], out)
    assert result.exit_code == 3
    assert "error: the run failed (KeyError: 'a bug');" in result.stderr and "was left as it was" in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_an_unreadable_input_named_explicitly_fails_alone(tmp_path, monkeypatch):
    real_open = os.open

    def os_open(path, *args, **kwargs):
        if Path(path).name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    (tmp_path / "secret.txt").write_text(GOOD)
    (tmp_path / "good.txt").write_text(GOOD)
    monkeypatch.setattr(os, "open", os_open)  # tests run as root, where chmod 000 does not stop reading
    result = _build([tmp_path / "secret.txt", tmp_path / "good.txt"], tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert f"{tmp_path / 'secret.txt'}: Permission denied" in result.stderr
    assert summary_line(result, "build") == "kg build: 1 articles, 1 failed"
    result = CliRunner().invoke(app, ["query", str(tmp_path / "out" / "graph.json"), "people"])
    assert result.exit_code == 0  # and kg query reads the build
    import builtins

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(builtins, "open", denied)
    result = CliRunner().invoke(app, ["query", str(tmp_path / "out" / "graph.json"), "people"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr == f"error: {tmp_path / 'out' / 'graph.json'}: cannot be read (Permission denied)\n"
