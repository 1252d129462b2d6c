"""The record cache never breaks a run and never serves a record that is not the article's own."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from extractors import DEFAULT_MODEL
from extractors.records import ArticleRecord, ArticleText
from kg.cli import app
from kg.run import ExtractionSettings, RecordCache, RunSummary, extract_records
from kg.run.settings import _model_folder

GOOD = "Jane Smith, the council leader, said the budget was balanced this year."


def _record(article: ArticleText, name: str = "Jane Smith") -> ArticleRecord:
    return ArticleRecord(id=article.id, model="test", title=name)


def test_an_entry_copied_over_another_is_not_served(tmp_path):
    cache = RecordCache(tmp_path, "settings")
    a, b = ArticleText(id="a", text="Article A."), ArticleText(id="b", text="Article B.")
    cache.put(a, _record(a, "from a"))
    cache.put(b, _record(b, "from b"))
    assert cache.get(a).title == "from a"
    shutil.copy(cache._path(cache.key(b)), cache._path(cache.key(a)))  # b's entry under a's key
    assert cache.get(a) is None and cache.get(b).title == "from b"


def test_an_entry_for_another_id_with_the_same_key_is_not_served(tmp_path):
    cache = RecordCache(tmp_path, "settings")
    a = ArticleText(id="a", text="Article A.")
    cache.put(a, _record(a))
    path = cache._path(cache.key(a))
    entry = json.loads(path.read_text())
    entry["article_id"] = entry["record"]["id"] = "other"
    path.write_text(json.dumps(entry))
    assert cache.get(a) is None


@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_an_unwritable_cache_turns_itself_off_and_the_run_goes_on(tmp_path):
    (tmp_path / "blocked").write_text("a file where the cache folder should be")
    (tmp_path / "good.txt").write_text(GOOD)
    out = tmp_path / "records.jsonl"
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "good.txt"), "--out", str(out),
                                      "--cache-dir", str(tmp_path / "blocked" / "cache")])
    assert result.exit_code == 0, result.output
    assert "warning: cannot write the record cache in" in result.stderr
    assert "the run went on without it" in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["good"]


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize("change", ["config", "version"])
def test_a_changed_model_of_the_same_name_is_not_served_from_the_cache(tmp_path, change):
    model = tmp_path / "model"
    shutil.copytree(_model_folder(DEFAULT_MODEL), model)
    (tmp_path / "good.txt").write_text(GOOD)
    settings = ExtractionSettings(model=str(model), cache_dir=tmp_path / "cache")

    def run() -> RunSummary:
        summary = RunSummary()
        assert [r.id for r in extract_records([tmp_path / "good.txt"], settings, summary=summary)] == ["good"]
        return summary

    assert run().cached == 0
    assert run().cached == 1
    if change == "config":
        config = model / "config.cfg"
        config.write_text(config.read_text().replace("[nlp]", "[nlp]\n# retrained with other settings", 1))
    else:
        meta = json.loads((model / "meta.json").read_text())
        (model / "meta.json").write_text(json.dumps(meta | {"version": "3.8.1"}))
    assert run().cached == 0  # same name (the same path), other model: extracted again


@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # the kg runs take the session pipeline
def test_no_home_folder_means_no_cache_not_a_failed_run(tmp_path, monkeypatch):
    from pathlib import Path

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", no_home)
    (tmp_path / "good.txt").write_text(GOOD)
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "good.txt"), "--out", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 0, result.output
    assert "warning: no record cache (Could not determine home directory.)" in result.stderr
