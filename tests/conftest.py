"""Shared fixtures: one loaded pipeline and one extraction of the seed articles per test run.

The spaCy pipeline is loaded once (`nlp`). Tests that need it with a codebook
borrow it through `use_codebook`; in-process `kg` runs (CliRunner, `kg.run`)
find it in kg's per-process pipeline cache. Only tests that need another
pipeline (a blank one, one saved to disk, a codebook given to `kg` itself)
load their own.

Markers (registered in pyproject.toml) are set in the test modules, except
two set here by fixture: `browser` on the tests that use test_html.py's
`browser`, `integration` on those that read `seed_records` (the whole
pipeline over the seed articles).
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import settings

pytest_plugins = ["page_browser"]  # the browser fixtures of the page tests

# Property-based tests draw the same examples on every run, so the suite (and CI) passes or fails
# the same way each time; `pytest --hypothesis-profile=explore` draws new ones to look for bugs.
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("default")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

_SHARED = []  # the session's pipeline, once loaded


def pytest_collection_modifyitems(items):
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if "seed_records" in fixtures:
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline with the project's components, loaded once per session."""
    from extractors.pipeline import load_pipeline

    _SHARED.append(load_pipeline())
    _share(_SHARED[0])
    return _SHARED[0]


def _share(nlp) -> None:
    """Put `nlp` in kg.run's per-process pipeline cache as the default model's, as a run leaves it."""
    from kg.run import DEFAULT_MAX_CHARS, ExtractionSettings
    from kg.run import engines

    nlp.max_length = DEFAULT_MAX_CHARS  # a run with --max-chars lowers it
    engines._PIPELINES[ExtractionSettings().pipeline_key] = nlp  # runs with two codebooks evict it


@pytest.fixture(autouse=True)
def _keep_the_pipeline_shared():
    yield
    if _SHARED:
        _share(_SHARED[0])


@pytest.fixture(scope="session")
def use_codebook(nlp):
    """``with use_codebook(codebook) as tagged:``: the session pipeline tagging claims with the
    concepts of `codebook` (as ``load_pipeline(codebook=...)`` sets it up), back to key
    phrases when the block ends."""

    @contextmanager
    def use(codebook):
        concepts = nlp.get_pipe("pckg_concepts")
        before = concepts.codebook
        concepts.initialize(nlp=nlp, lexicon=concepts.lexicon, codebook=codebook)
        try:
            yield nlp
        finally:
            concepts.initialize(nlp=nlp, lexicon=concepts.lexicon, codebook=before)

    return use


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
