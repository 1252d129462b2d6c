"""An article that raises, or kills its worker process, costs only itself."""

from __future__ import annotations

import os
import signal

import pytest

import kg.run.engines as engines
from extractors.records import ArticleRecord, ArticleText, Failure
from kg.run import ExtractionSettings, run_engine

POISON = "POISON"


def _articles(n: int, poisoned: set[int]) -> list[ArticleText]:
    return [ArticleText(id=f"a{i}", source=f"a{i}.txt",
                        text=f"Minister {i} said the plan would work. {POISON if i in poisoned else ''}")
            for i in range(n)]


def _dies_on_poison(batch, settings):
    """extract_batch, but a worker given the poisoned article is killed (as the OOM killer would)."""
    if any(isinstance(item, ArticleText) and POISON in item.text for item in batch):
        os.kill(os.getpid(), signal.SIGKILL)
    return _real_extract_batch(batch, settings)


_real_extract_batch = engines.extract_batch


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.usefixtures("nlp")  # forked workers inherit the session pipeline
def test_a_killed_worker_costs_only_the_article_that_killed_it(monkeypatch):
    if os.name != "posix":
        pytest.skip("needs fork, so the workers see the patched function")
    monkeypatch.setattr(engines, "extract_batch", _dies_on_poison)  # workers are forked after this
    settings = ExtractionSettings(jobs=2, cache=False)
    articles = _articles(12, poisoned={5})
    results = list(run_engine(iter(articles), settings, batch_size=3))
    assert [r.id if isinstance(r, ArticleRecord) else r.source for r in results] == [a.source if i == 5 else a.id
                                                                                     for i, a in enumerate(articles)]
    (failure,) = [r for r in results if isinstance(r, Failure)]
    assert failure.source == "a5.txt"
    assert failure.reason == "extraction failed (its worker process died: killed, or out of memory)"


@pytest.mark.usefixtures("nlp")  # the session pipeline, shared with kg.run
def test_an_exception_in_a_batch_fails_only_its_article(monkeypatch):
    real = engines._extract

    def extract(articles, settings):
        if any(POISON in a.text for a in articles):
            raise RecursionError("maximum recursion depth exceeded")
        return real(articles, settings)

    monkeypatch.setattr(engines, "_extract", extract)
    results = engines.extract_batch(_articles(4, poisoned={2}), ExtractionSettings(cache=False))
    assert [type(r).__name__ for r in results] == ["ArticleRecord", "ArticleRecord", "Failure", "ArticleRecord"]
    assert results[2].reason == "extraction failed (RecursionError: maximum recursion depth exceeded)"
