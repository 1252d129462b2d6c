"""kg build --update: only new or changed articles are extracted; actors re-resolved; outputs rewritten."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cli_helpers import invoke, raw_records
from kg.query import load
from kg.store import ClaimsStore

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("nlp")]  # in-process runs share the pipeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_update_extracts_only_what_is_new_or_changed(tmp_path):
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    new = inputs / "004_78a7a132f35e3ed5.txt"
    held_back = new.read_text(encoding="utf-8")
    new.unlink()
    out = tmp_path / "out"
    assert invoke("build", inputs, "--out", out, "--no-cache").exit_code == 0
    new.write_text(held_back, encoding="utf-8")
    changed = inputs / "000_7333edb62327203e.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nTom Hale said the plan is late.\n", encoding="utf-8")

    result = invoke("build", inputs, "--out", out, "--update", "--no-cache")
    assert result.exit_code == 0, result.output
    assert "unchanged      3 (already in the store" in result.stdout
    assert "kg build: 2 articles" in result.stdout  # the new one and the changed one
    assert sorted(r["id"] for r in raw_records(out / "records.jsonl")) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    with ClaimsStore.open(out / "claims.sqlite") as store:
        assert store.count("articles") == 5
        assert "Tom Hale said the plan is late." in next(r.text for r in store.records() if r.id == changed.stem)
    assert {q.article_id for q in load(out).quotes()} >= {new.stem, changed.stem}


def test_update_needs_a_store(tmp_path):
    result = invoke("build", SEEDS, "--out", tmp_path / "empty", "--update")
    assert result.exit_code == 2 and "no claims.sqlite to update" in result.stderr
