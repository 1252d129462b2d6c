"""Agreement on a labelled set of sentences written for this project.

``tests/data/agreement.tsv`` is the development set the rules were worked out on;
``tests/data/agreement_heldout.tsv`` was written afterwards and not used to change them, so
its accuracy is the honest estimate. Each marked concept becomes a codebook entry, the
sentences run once through the full pipeline with ``pckg_concepts``, and the agreement of the
marked occurrence is compared with the label. Run with ``-s`` to see the tables.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from extractors.quotes import quote_spans

DATA = Path(__file__).resolve().parent / "data"
LABELS = ("agree", "disagree", "neutral")
MARK = re.compile(r"\[\[(.+?)\]\]")


def read_set(name: str) -> list[tuple[str, str, str]]:
    with open(DATA / name, encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    rows = [tuple(row) for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]
    assert all(len(row) == 3 and row[2] in LABELS for row in rows), "rows are cue_class, sentence, label"
    return rows


DEV = read_set("agreement.tsv")
HELDOUT = read_set("agreement_heldout.tsv")


@pytest.fixture(scope="module")
def results(use_codebook):
    """`run_set` of both sets, with a codebook of every marked concept."""
    from extractors.codebook import Codebook, Concept

    names = sorted({MARK.search(sentence).group(1).lower() for _, sentence, _ in DEV + HELDOUT})
    with use_codebook(Codebook(concepts=[Concept(name=n, patterns=[n]) for n in names])) as nlp:
        return {"dev": run_set(nlp, DEV), "heldout": run_set(nlp, HELDOUT)}


def run_set(nlp, rows):
    """(cue class found, expected label, predicted label, sentence) per row."""
    results = []
    for cue_class, marked, label in rows:
        concept = MARK.search(marked).group(1)
        start = marked.index("[[")
        text = marked.replace("[[", "").replace("]]", "")
        doc = nlp(text)
        predicted, found_cue = "no quote", None
        for span in quote_spans(doc):
            quote, matches = span._.pckg_quote, span._.pckg_concepts
            if any(s <= start and start + len(concept) <= e for s, e in quote.spans):
                found_cue = quote.cue_class
                match = next((m for m in matches if m.concept == concept.lower()), None)
                predicted = match.agreement if match is not None else "no concept"
                break
        results.append((found_cue, cue_class, label, predicted, text))
    return results


def report(title, results) -> float:
    correct = sum(label == predicted for _, _, label, predicted, _ in results)
    accuracy = correct / len(results)
    confusion = Counter((label, predicted) for _, _, label, predicted, _ in results)
    predicted_labels = LABELS + tuple(sorted({p for _, _, _, p, _ in results} - set(LABELS)))
    print(f"\n{title}: {correct}/{len(results)} = {accuracy:.2f}")
    print("expected \\ predicted " + " ".join(f"{p:>10}" for p in predicted_labels))
    for label in LABELS:
        print(f"{label:>20} " + " ".join(f"{confusion[(label, p)]:>10}" for p in predicted_labels))
    for _, _, label, predicted, text in results:
        if label != predicted:
            print(f"  expected {label}, got {predicted}: {text}")
    return accuracy


def test_labelled_sets_are_big_enough():
    assert len(DEV) >= 60
    assert {label for *_, label in DEV} == set(LABELS)


def test_every_sentence_yields_its_quote_and_cue_class(results):
    both = results["dev"] + results["heldout"]
    assert [r[4] for r in both if r[3] in ("no quote", "no concept")] == []
    assert [(r[0], r[1], r[4]) for r in both if r[0] != r[1]] == []


def test_agreement_accuracy(results):
    dev = report("development set (rules worked out on it)", results["dev"])
    heldout = report("held-out set", results["heldout"])
    both = (dev * len(DEV) + heldout * len(HELDOUT)) / (len(DEV) + len(HELDOUT))
    print(f"all {len(DEV) + len(HELDOUT)} sentences: {both:.2f}")
    assert dev >= 0.9
    assert heldout >= 0.6
