"""Draw (claim, concept) pairs from real articles for labelling agreement by hand.

A development tool, not a test. It runs the pipeline (parses cached as in
``attribution.py``) over the PolNeAR train articles and the seed articles, lists
every claim's concepts (its key phrases), and draws a sample with a fixed seed:

1. the articles are shuffled with ``random.Random(SEED)``;
2. from each article in turn, up to ``--per-article`` claims are drawn at random
   and one concept of each claim at random, until ``--size`` pairs are drawn
   (``--seed-size`` more from the five seed articles the same way);
3. the articles are split at random (the same generator) into a development half
   and a held-out half, so that no article is in both; or, with ``--split dev``,
   every pair goes to one split (a later draw that adds development pairs).

``--exclude`` leaves out the articles of an existing corpus file (all of them, so a
later draw never shares an article with the held-out half), and ``--seed`` picks the
generator's seed (15 for the first draw, 16 for the second).

It writes two files: the labelling sheet (``--sheet``, JSON lines with the claim,
its sentence and the concept marked ``[[...]]``, and no prediction, for reading;
it holds article text, so it goes outside the project) and the references
(``--refs``, TSV: split, corpus, article id, claim offsets, cue class, concept
offsets and name, without text), which become ``tests/data/agreement_corpus.tsv``
once each row has its label. Usage::

    .venv/bin/python benchmarks/agreement_sample.py --sheet /tmp/sheet.jsonl --refs /tmp/refs.tsv
    # the second draw: 250 more development pairs from PolNeAR train articles not in the corpus
    .venv/bin/python benchmarks/agreement_sample.py --seed 16 --size 250 --seed-size 0 --split dev \
        --exclude tests/data/agreement_corpus.tsv --first 257 --sheet /tmp/sheet2.jsonl --refs /tmp/refs2.tsv
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from attribution import RULE_COMPONENTS, load_scorer, parsed_docs

from extractors.pipeline import load_pipeline
from extractors.quotes import quote_spans
from extractors.records import ArticleText
from extractors.spans import sentence_of

SEED = 15
CORPORA = ("polnear_train", "seeds")


def candidates(gold: Path) -> Iterator[tuple[str, list[tuple[object, list[object]]], object]]:
    """(article id, [(quote span, its concept matches)], doc) per article of a gold file."""
    scorer = load_scorer(gold)
    articles = [ArticleText(id=g["id"], text=g["text"]) for g in scorer.load(str(gold)).values()]
    nlp = load_pipeline()
    for doc, article in zip(parsed_docs(nlp, articles, gold), articles):
        for name in RULE_COMPONENTS + ("pckg_concepts",):
            doc = nlp.get_pipe(name)(doc)
        claims = [(span, span._.pckg_concepts) for span in quote_spans(doc) if span._.pckg_concepts]
        yield article.id, claims, doc


def draw(gold: Path, corpus: str, size: int, per_article: int, rng: random.Random,
         exclude: frozenset[tuple[str, str]] = frozenset()) -> list[dict]:
    """`size` pairs, up to `per_article` claims per article, articles in a random order, none of
    the (corpus, article id) pairs in `exclude`."""
    if size <= 0:
        return []
    articles = [a for a in candidates(gold) if (corpus, a[0]) not in exclude]
    rng.shuffle(articles)
    rows: list[dict] = []
    for article_id, claims, doc in articles:
        for span, concepts in rng.sample(claims, min(per_article, len(claims))):
            if len(rows) == size:
                return rows
            rows.append(_row(corpus, article_id, span, rng.choice(concepts), doc))
    return rows


def _row(corpus: str, article_id: str, span: object, concept: object, doc: object) -> dict:
    quote = span._.pckg_quote
    first = sentence_of(doc[span.start])
    last = sentence_of(doc[span.end - 1])
    context_start = sentence_of(doc[first.start - 1]).start if first.start > 0 else first.start
    context = doc[context_start : last.end].text
    c = concept.span
    marked = doc.text[first.start_char : c.start_char] + "[[" + c.text + "]]" + doc.text[c.end_char : last.end_char]
    return {
        "corpus": corpus, "article": article_id, "parts": [list(p) for p in quote.spans],
        "cue_class": quote.cue_class or "", "cue": quote.cue_text, "speaker": quote.speaker.name,
        "type": quote.type, "concept": concept.concept, "concept_span": [c.start_char, c.end_char],
        "content": " | ".join(doc.text[s:e] for s, e in quote.spans), "sentence_marked": marked,
        "context": context,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    parser.add_argument("--size", type=int, default=240)
    parser.add_argument("--seed-size", type=int, default=20)
    parser.add_argument("--per-article", type=int, default=2)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--split", choices=("dev", "heldout"), help="put every pair in this split (no halving)")
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="a corpus TSV whose articles are not drawn from")
    parser.add_argument("--first", type=int, default=1, help="the number of the first row")
    parser.add_argument("--sheet", type=Path, required=True)
    parser.add_argument("--refs", type=Path, required=True)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    exclude = frozenset(key for path in args.exclude for key in _articles_in(path))
    rows = draw(args.gold / "polnear_train.jsonl", "polnear_train", args.size, args.per_article, rng, exclude)
    rows += draw(args.gold / "seeds.jsonl", "seeds", args.seed_size, args.per_article * 2, rng, exclude)
    articles = sorted({(r["corpus"], r["article"]) for r in rows})
    rng.shuffle(articles)
    heldout = set(articles[: len(articles) // 2]) if args.split is None else set()
    with args.sheet.open("w", encoding="utf-8") as sheet, args.refs.open("w", encoding="utf-8") as refs:
        for n, row in enumerate(rows, args.first):
            row["n"] = n
            if args.split is not None:
                row["split"] = args.split
            else:
                row["split"] = "heldout" if (row["corpus"], row["article"]) in heldout else "dev"
            sheet.write(json.dumps(row, ensure_ascii=False) + "\n")
            parts = ";".join(f"{s}-{e}" for s, e in row["parts"])
            refs.write("\t".join([str(n), row["split"], row["corpus"], row["article"], parts, row["cue_class"],
                                  "{}-{}".format(*row["concept_span"]), row["concept"]]) + "\n")
    print(f"{len(rows)} pairs from {len(articles)} articles; {len(heldout)} articles held out", file=sys.stderr)
    return 0


def _articles_in(path: Path) -> Iterator[tuple[str, str]]:
    """(corpus, article id) of every row of a corpus TSV (``tests/data/agreement_corpus.tsv``)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                fields = line.rstrip("\n").split("\t")
                yield fields[2], fields[3]


if __name__ == "__main__":
    sys.exit(main())
