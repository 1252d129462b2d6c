"""Agreement on claims from real articles (``data/agreement_corpus.tsv``), read from ``../shared``.

The rows refer to articles in ``../shared/gold/`` by id and offsets; without that folder
these tests are skipped. The articles are parsed once with the model's components (the
project's own are not needed: each claim is rebuilt from its offsets), and every pair's
concept is judged with `judge_agreement`. Run with ``-s`` (or ``make eval``) for the tables.
The rules are developed on the ``dev`` rows; the ``heldout`` rows are never used to change
them, so their accuracy is the honest estimate.
"""

from __future__ import annotations

import pytest

from agreement_corpus import LABELS, SHARED, predict, read_pairs, read_texts, score, table, text_matches

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="needs ../shared/gold beside the project")]

PAIRS = read_pairs()


@pytest.fixture(scope="module")
def texts():
    return read_texts(PAIRS)


@pytest.fixture(scope="module")
def predictions(nlp, texts):
    """The predicted label of every pair, in file order."""
    from extractors.pipeline import COMPONENTS
    from extractors.text import normalise

    keys = sorted(texts)
    with nlp.select_pipes(disable=list(COMPONENTS)):
        docs = dict(zip(keys, nlp.pipe((normalise(texts[k]) for k in keys), batch_size=16)))
    lexicon = nlp.get_pipe("pckg_concepts").lexicon
    return [predict(pair, docs[pair.key], lexicon) for pair in PAIRS]


def test_the_set_is_labelled_and_split_by_article():
    assert len(PAIRS) >= 200
    assert {p.label for p in PAIRS} == set(LABELS)
    dev = {p.key for p in PAIRS if p.split == "dev"}
    heldout = {p.key for p in PAIRS if p.split == "heldout"}
    assert dev and heldout and not dev & heldout


def test_the_second_draw_is_development_from_new_articles():
    first = {p.key for p in PAIRS if p.draw == 1}
    second = [p for p in PAIRS if p.draw == 2]
    assert len(second) >= 200
    assert {p.split for p in second} == {"dev"}
    assert not {p.key for p in second} & first


def test_the_texts_are_those_labelled(texts):
    assert [p.n for p in PAIRS if p.key not in texts or not text_matches(p, texts[p.key])] == []


# Floors a little under the accuracy reached in round 3 (first draw: dev half 0.79, held-out half
# 0.68; second draw of development pairs 0.74; round 2: 0.75, 0.69 and 0.70): a change that loses
# ground on any of them fails here.
@pytest.mark.parametrize("split, draw, floor", [("dev", 1, 0.76), ("dev", 2, 0.71), ("heldout", 1, 0.66)])
def test_agreement_accuracy(predictions, split, draw, floor):
    chosen = [(p, q) for p, q in zip(PAIRS, predictions) if p.split == split and p.draw == draw]
    title = f"{split} half of the corpus" if draw == 1 else f"{split} pairs of draw {draw}"
    scores = score([p.label for p, _ in chosen], [q for _, q in chosen])
    print("\n" + table(title, scores))
    assert scores.accuracy >= floor
