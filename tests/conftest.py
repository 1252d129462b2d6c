"""Shared fixtures: one loaded pipeline and one extraction of the seed articles per test run."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from extractors.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_articles():
    from kg.run import read_articles

    return list(read_articles([SEEDS]))


@pytest.fixture(scope="session")
def seed_records(nlp, seed_articles):
    from extractors.pipeline import extract_articles

    return list(extract_articles(seed_articles, nlp))


@pytest.fixture()
def extract(nlp):
    """Extract one article record from a text."""
    from extractors.pipeline import extract_articles
    from extractors.records import ArticleText

    def run(text: str, article_id: str = "t"):
        (record,) = extract_articles([ArticleText(id=article_id, text=text)], nlp)
        return record

    return run


@pytest.fixture(autouse=True, scope="session")
def _private_record_cache(tmp_path_factory):
    """Keep the tests' record cache out of the user's ~/.cache."""
    import os

    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if previous is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = previous
