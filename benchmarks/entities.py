"""People, organisations and roles on a gold file, fast: the sibling of ``attribution.py``.

A development tool, not a test. It reuses ``attribution.py``'s cached parses, re-runs the
project's rule components and prints the shared scorer's full table. With ``--errors``
it lists, per article, the names and titles the scorer counted wrong or missed; on a gold
file without entity annotations (PolNeAR) ``--dump`` lists what was found, for reading.

Usage::

    .venv/bin/python benchmarks/entities.py ../shared/gold/seeds.jsonl [--errors]
    .venv/bin/python benchmarks/entities.py ../shared/gold/polnear_dev.jsonl --dump out.txt
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import ModuleType

from attribution import load_scorer, parsed_docs, run_rules

from extractors import DEFAULT_MODEL
from extractors.pipeline import load_pipeline
from extractors.records import ArticleText


def print_table(scores: dict[str, dict]) -> None:
    """The scorer's rows, as ``score.py`` prints them."""
    print(f"{'':20}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
    for name, row in scores.items():
        print(f"{name:20}{row['precision']:8.3f}{row['recall']:8.3f}{row['f1']:8.3f}"
              f"{row['tp']:6}{row['fp']:6}{row['fn']:6}")


def print_errors(scorer: ModuleType, gold: dict, predicted: dict) -> None:
    """Per article: predicted names and titles with no gold match, and gold ones not found."""
    for article_id, g in gold.items():
        if "people" not in g:
            continue
        p = predicted[article_id]
        keys = {k for gp in g["people"] for k in scorer.person_keys(gp)}
        skip = {scorer.name_key(n) for n in g.get("neutral_entities", [])}
        print(f"== {article_id}")
        for person in p["people"]:
            key = scorer.name_key(person["name"])
            mark = "  " if key in keys else ("~ " if key in skip else "FP")
            titles = "; ".join(f"{r['title']} @ {r['organisation']}" + (" (former)" if r["former"] else "")
                               for r in person["roles"])
            print(f"  {mark} person {person['name']!r}  roles: {titles}")
        found = {scorer.name_key(pp["name"]) for pp in p["people"]}
        for gp in g["people"]:
            if not scorer.person_keys(gp) & found:
                print(f"  FN person {gp['name']!r}")
            print(f"     gold roles of {gp['name']}: " + "; ".join(
                f"{r['title']} @ {r.get('organisation')}" for r in gp.get("roles", [])))
        okeys = {scorer.name_key(n) for o in g["organisations"] for n in [o["name"], *o.get("aliases", [])]}
        for org in p["organisations"]:
            key = scorer.name_key(org["name"]).removeprefix("the ")
            mark = "  " if key in okeys else ("~ " if key in skip else "FP")
            print(f"  {mark} org {org['name']!r}  aliases: {sorted(org['aliases'])}")
        for o in g["organisations"]:
            if scorer.name_key(o["name"]) not in {scorer.name_key(x["name"]) for x in p["organisations"]}:
                print(f"  ?? gold org {o['name']!r}")


def dump(predicted: dict, out: Path) -> None:
    """Every article's people (with roles) and organisations, one line each."""
    with out.open("w", encoding="utf-8") as fh:
        for article_id, p in predicted.items():
            fh.write(f"== {article_id}\n")
            for person in p["people"]:
                titles = "; ".join(f"{r['title']} @ {r['organisation']}" for r in person["roles"])
                fh.write(f"  P {person['name']} | {sorted(person['aliases'])} | {titles}\n")
            for org in p["organisations"]:
                fh.write(f"  O {org['name']} | {sorted(org['aliases'])}\n")


def predict(gold_path: Path, model: str) -> tuple[ModuleType, dict, dict]:
    """The shared scorer, the gold articles by id and the records of the rules on them."""
    scorer = load_scorer(gold_path)
    gold = scorer.load(str(gold_path))
    nlp = load_pipeline(model)
    articles = [ArticleText(id=g["id"], text=g["text"]) for g in gold.values()]
    return scorer, gold, run_rules(nlp, parsed_docs(nlp, articles, gold_path), articles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--errors", action="store_true", help="list wrong and missed names and titles")
    parser.add_argument("--dump", type=Path, help="write every article's people and organisations here")
    args = parser.parse_args(argv)
    scorer, gold, predicted = predict(args.gold, args.model)
    print_table(scorer.score(gold, predicted, 0.5))
    if args.errors:
        print_errors(scorer, gold, predicted)
    if args.dump:
        dump(predicted, args.dump)
    return 0


if __name__ == "__main__":
    sys.exit(main())
