"""Draw key phrases for judging whether they name what their claim is about (``about``).

A development tool, not a test. It draws one claim from each of ``--articles`` PolNeAR train
articles that are not in ``tests/data/agreement_corpus.tsv`` (``random.Random(--seed)``), lists
the claim's key phrases as `key_phrases` selects them now and, with ``--compare REF``, as the
project's ``extractors/concepts/keyphrases.py`` and ``generic_nouns.txt`` at git commit REF
selected them, and writes the union in a random order, with no mark of which selection chose
each, for labelling ``about`` blind:

* ``--sheet``: JSON lines with the claim and the phrase marked ``[[...]]`` (article text: keep
  it outside the project);
* ``--refs``: TSV by reference (article, claim offsets, phrase offsets, name, and ``new`` /
  ``old`` flags), which becomes ``tests/data/key_phrases_about.tsv`` once each row has its label.

Usage (the sample of round 2: seed 17, 50 articles, compared with commit c05851b)::

    .venv/bin/python benchmarks/agreement_about.py --compare c05851b --sheet /tmp/about.jsonl --refs /tmp/about.tsv
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from attribution import RULE_COMPONENTS, load_scorer, parsed_docs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from agreement_corpus import read_pairs  # noqa: E402

from extractors.concepts.keyphrases import key_phrases  # noqa: E402
from extractors.pipeline import load_pipeline  # noqa: E402
from extractors.quotes import quote_spans  # noqa: E402
from extractors.records import ArticleText  # noqa: E402


def selection_at(ref: str, lexicon):
    """`key_phrases` and the lexicon's generic nouns as they were at commit `ref`."""
    source = subprocess.run(["git", "show", f"{ref}:extractors/concepts/keyphrases.py"], check=True,
                            capture_output=True, text=True).stdout
    generic = subprocess.run(["git", "show", f"{ref}:extractors/data/generic_nouns.txt"], check=True,
                             capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "keyphrases_then.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("keyphrases_then", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    words = frozenset(line.strip() for line in generic.splitlines() if line.strip() and not line.startswith("#"))
    return module.key_phrases, dataclasses.replace(lexicon, generic_nouns=words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold/polnear_train.jsonl"))
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--compare", metavar="REF", help="also list the key phrases of commit REF")
    parser.add_argument("--sheet", type=Path, required=True)
    parser.add_argument("--refs", type=Path, required=True)
    args = parser.parse_args(argv)
    scorer = load_scorer(args.gold)
    articles = [ArticleText(id=g["id"], text=g["text"]) for g in scorer.load(str(args.gold)).values()]
    used = {pair.article for pair in read_pairs()}
    nlp = load_pipeline()
    lexicon = nlp.get_pipe("pckg_concepts").lexicon
    then = selection_at(args.compare, lexicon) if args.compare else None
    docs = parsed_docs(nlp, articles, args.gold)
    rng = random.Random(args.seed)
    order = list(range(len(articles)))
    rng.shuffle(order)
    rows: list[dict] = []
    drawn = 0
    for k in order:
        if drawn == args.articles:
            break
        article, doc = articles[k], docs[k]
        if article.id in used:
            continue
        for name in RULE_COMPONENTS:
            doc = nlp.get_pipe(name)(doc)
        quotes = [span._.pckg_quote for span in quote_spans(doc)]
        if not quotes:
            continue
        quote = rng.choice(quotes)
        new = {(s.start_char, s.end_char): n for n, s in key_phrases(doc, quote, lexicon=lexicon)}
        old = {(s.start_char, s.end_char): n for n, s in then[0](doc, quote, lexicon=then[1])} if then else {}
        if not new and not old:
            continue
        drawn += 1
        for start, end in sorted(set(new) | set(old)):
            rows.append({"article": article.id, "parts": [list(p) for p in quote.spans], "concept": [start, end],
                         "name": new.get((start, end)) or old.get((start, end)), "new": (start, end) in new,
                         "old": (start, end) in old,
                         "marked": doc.text[quote.start:start] + "[[" + doc.text[start:end] + "]]"
                         + doc.text[end:quote.end]})
    rng.shuffle(rows)
    with args.sheet.open("w", encoding="utf-8") as sheet, args.refs.open("w", encoding="utf-8") as refs:
        for n, row in enumerate(rows, 1):
            sheet.write(json.dumps({"n": n, "name": row["name"], "marked": row["marked"]}, ensure_ascii=False) + "\n")
            parts = ";".join(f"{s}-{e}" for s, e in row["parts"])
            refs.write("\t".join([str(n), row["article"], parts, "{}-{}".format(*row["concept"]), row["name"],
                                  "y" if row["new"] else "n", "y" if row["old"] else "n"]) + "\n")
    print(f"{len(rows)} key phrases from {drawn} claims", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
