"""Attribution on a gold file, fast: the model's parses are cached, the project's rules re-run.

A development tool, not a test. The first run parses the gold texts with the spaCy
model (the pipeline up to its NER, with ``pckg_line_breaks``) and keeps the parses
in a DocBin beside the cache; every later run only re-runs the project's
components (furniture, entities, quotes) on them and scores the records with the
shared scorer, so a change to a rule is judged on the 840 train articles in
seconds rather than minutes. ``--without`` switches rule families off, for the
ablation table; ``--errors`` writes every wrong or missed attribution as JSON
lines for reading.

Usage::

    .venv/bin/python benchmarks/attribution.py ../shared/gold/polnear_train.jsonl [--without FAMILY ...]
    .venv/bin/python benchmarks/attribution.py GOLD --ablation      # a row per rule family
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from extractors import DEFAULT_MODEL
from extractors import pipeline as pipeline_module
from extractors import text as text_module
from extractors.pipeline import load_pipeline
from extractors.quotes import RULE_FAMILIES
from extractors.records import ArticleText
from extractors.text import normalise
from extractors.to_records import doc_to_record

CACHE = Path(".cache/parses")
RULE_COMPONENTS = ("pckg_furniture", "pckg_entities", "pckg_quotes")


def load_scorer(gold: Path) -> ModuleType:
    """The shared scorer, ``eval/score.py`` beside the gold folder."""
    path = gold.resolve().parent.parent / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parsed_docs(nlp: Language, articles: list[ArticleText], gold: Path) -> list[Doc]:
    """The model's parses of the articles (before the project's components), cached."""
    model = f"{nlp.meta['name']}-{nlp.meta['version']}"
    digest = hashlib.sha256(gold.read_bytes())
    for module in (text_module, pipeline_module):  # what the parse depends on besides the model
        digest.update(Path(module.__file__).read_bytes())
    path = CACHE / f"{gold.stem}-{digest.hexdigest()[:12]}-{model}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    model_pipes = [name for name in nlp.pipe_names if name not in RULE_COMPONENTS + ("pckg_concepts",)]
    with nlp.select_pipes(enable=model_pipes):
        docs = list(nlp.pipe((normalise(a.text) for a in articles), batch_size=32, n_process=2))
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    return docs


def run_rules(nlp: Language, docs: list[Doc], articles: list[ArticleText]) -> dict[str, dict]:
    """The records of the project's rule components on the parsed docs, as dicts by article id."""
    records = {}
    for doc, article in zip(docs, articles):
        for name in RULE_COMPONENTS:
            doc = nlp.get_pipe(name)(doc)
        records[article.id] = doc_to_record(doc, article, model="dev").model_dump(mode="json")
    return records


def with_rules_off(nlp: Language, families: list[str]) -> None:
    """Switch the quote finder's rule `families` off (none: all on)."""
    finder = nlp.get_pipe("pckg_quotes")
    finder.settings = dataclasses.replace(finder.settings, without=",".join(families))


def attribution_row(scorer: ModuleType, gold: dict, predicted: dict) -> dict:
    """The scorer's attributed-quotes row, with the quote-span F1 beside it."""
    scores = scorer.score(gold, predicted, 0.5)
    return {**scores["attributed_quotes"], "span_f1": scores["quote_spans"]["f1"]}


def print_row(label: str, row: dict, base: dict | None = None) -> None:
    """One line of figures; with `base`, the change in F1 from it."""
    delta = f"  {row['f1'] - base['f1']:+.3f}" if base is not None else ""
    print(f"{label:26}{row['precision']:7.3f}{row['recall']:7.3f}{row['f1']:7.3f}{delta:>8}"
          f"{row['tp']:7}{row['fp']:6}{row['fn']:6}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--errors", type=Path, help="write wrong and missed attributions here (JSON lines)")
    parser.add_argument("--without", action="append", default=[], choices=sorted(RULE_FAMILIES), metavar="FAMILY",
                        help="switch a rule family off (repeatable); families: " + ", ".join(RULE_FAMILIES))
    parser.add_argument("--ablation", action="store_true",
                        help="score with all rules, then once without each rule family, as a table")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.gold)
    gold = scorer.load(str(args.gold))
    articles = [ArticleText(id=g["id"], text=g["text"]) for g in gold.values()]
    nlp = load_pipeline(args.model)
    docs = parsed_docs(nlp, articles, args.gold)
    with_rules_off(nlp, args.without)
    predicted = run_rules(nlp, docs, articles)
    row = attribution_row(scorer, gold, predicted)
    if args.ablation:
        print(f"{'attributed quotes':26}{'P':>7}{'R':>7}{'F1':>7}{'dF1':>8}{'tp':>7}{'fp':>6}{'fn':>6}")
        print_row("all rules", row)
        for family in RULE_FAMILIES:
            with_rules_off(nlp, sorted(set(args.without) | {family}))
            print_row(f"without {family}", attribution_row(scorer, gold, run_rules(nlp, docs, articles)), row)
        return 0
    print(f"attributed quotes  P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}  "
          f"(tp {row['tp']}, fp {row['fp']}, fn {row['fn']});  spans F1 {row['span_f1']:.3f}")
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as out:
            for article_id, g in gold.items():
                single = scorer.score({article_id: g}, {article_id: predicted[article_id]}, 0.5)
                if single["attributed_quotes"]["fp"] or single["attributed_quotes"]["fn"]:
                    out.write(json.dumps({"id": article_id, "gold": g["quotes"],
                                          "predicted": predicted[article_id]["quotes"]}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
