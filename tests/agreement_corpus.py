"""The labelled corpus of agreement (``data/agreement_corpus.tsv``): reading it and scoring it.

The rows hold no text, only references into the gold files in ``../shared/gold/``
(see ``data/README.md``). `claim_of` rebuilds each claim from its offsets, so the
score measures `judge_agreement` alone, whatever the quote finder of the day finds.
Used by ``test_agreement_corpus.py``; ``make eval`` prints its tables.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc

from extractors.concepts import judge_agreement
from extractors.lexicons import ConceptLexicon
from extractors.quotes import QuoteMatch
from extractors.quotes.matches import Speaker

CORPUS = Path(__file__).resolve().parent / "data" / "agreement_corpus.tsv"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
LABELS = ("agree", "disagree", "neutral")
FIRST_DRAW = 256
"""Rows 1-256 are the first draw (split by article into dev and held-out halves); the rows after
them a second draw of development pairs from other articles (see ``data/README.md``)."""


class Pair(NamedTuple):
    """One labelled (claim, concept) pair."""

    n: int
    split: str
    corpus: str
    article: str
    parts: tuple[tuple[int, int], ...]
    cue_class: str | None
    concept: tuple[int, int]
    name: str
    about: bool
    label: str
    check: str

    @property
    def key(self) -> tuple[str, str]:
        """(gold file stem, article id)."""
        return self.corpus, self.article

    @property
    def draw(self) -> int:
        """1 for the first draw, 2 for the second (development pairs only)."""
        return 1 if self.n <= FIRST_DRAW else 2


def read_pairs(path: Path = CORPUS) -> list[Pair]:
    """The labelled pairs, in file order."""
    with open(path, encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    pairs = []
    for n, split, corpus, article, claim, cue_class, concept, name, about, label, check in csv.reader(
            lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        parts = tuple(_offsets(part) for part in claim.split(";"))
        pairs.append(Pair(int(n), split, corpus, article, parts, cue_class or None, _offsets(concept), name,
                          about == "y", label, check))
    return pairs


def _offsets(text: str) -> tuple[int, int]:
    start, end = text.split("-")
    return int(start), int(end)


def read_texts(pairs: list[Pair], shared: Path = SHARED) -> dict[tuple[str, str], str]:
    """The texts of the pairs' articles, from the gold files, by `Pair.key`."""
    wanted = {pair.key for pair in pairs}
    texts = {}
    for corpus in sorted({c for c, _ in wanted}):
        with open(shared / "gold" / f"{corpus}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                article = json.loads(line)
                if (corpus, article["id"]) in wanted:
                    texts[corpus, article["id"]] = article["text"]
    return texts


def claim_text(pair: Pair, text: str) -> str:
    """The claim's content as the check digest covers it."""
    return " ".join(text[start:end] for start, end in pair.parts)


def text_matches(pair: Pair, text: str) -> bool:
    """Whether the article text is the one the pair was labelled on."""
    return hashlib.sha1(claim_text(pair, text).encode("utf-8")).hexdigest()[:8] == pair.check


def claim_of(pair: Pair) -> QuoteMatch:
    """The claim as a `QuoteMatch`: its content spans and cue class (no speaker or cue span)."""
    parts = pair.parts if len(pair.parts) > 1 else ()
    return QuoteMatch(pair.parts[0][0], pair.parts[-1][1], "indirect", None, None, pair.cue_class,
                      Speaker(None, None, None), parts)


def predict(pair: Pair, doc: Doc, lexicon: ConceptLexicon) -> str:
    """`judge_agreement` on the pair, in the parsed article `doc`."""
    span = doc.char_span(*pair.concept, alignment_mode="expand")
    return judge_agreement(span, claim_of(pair), lexicon=lexicon).agreement


class Scores(NamedTuple):
    """Accuracy, per-label precision and recall, and the confusion counts."""

    total: int
    correct: int
    confusion: Counter[tuple[str, str]]
    """(label, predicted) -> count."""

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def precision(self, label: str) -> float:
        predicted = sum(n for (_, p), n in self.confusion.items() if p == label)
        return self.confusion[label, label] / predicted if predicted else 0.0

    def recall(self, label: str) -> float:
        actual = sum(n for (g, _), n in self.confusion.items() if g == label)
        return self.confusion[label, label] / actual if actual else 0.0


def score(labels: list[str], predicted: list[str]) -> Scores:
    """Scores of `predicted` against `labels`."""
    confusion = Counter(zip(labels, predicted))
    return Scores(len(labels), sum(g == p for g, p in zip(labels, predicted)), confusion)


def table(title: str, scores: Scores) -> str:
    """Accuracy, the confusion table and per-label precision and recall, as text."""
    lines = [f"{title}: {scores.correct}/{scores.total} = {scores.accuracy:.2f}",
             "expected \\ predicted " + "".join(f"{p:>10}" for p in LABELS) + "    recall",
             *(f"{g:>20} " + "".join(f"{scores.confusion[g, p]:>10}" for p in LABELS)
               + f"{scores.recall(g):>10.2f}" for g in LABELS),
             f"{'precision':>20} " + "".join(f"{scores.precision(p):>10.2f}" for p in LABELS)]
    return "\n".join(lines)
