"""Agreement on the development rows of ``tests/data/agreement_corpus.tsv``, fast, with the errors.

A development tool, not a test. It parses the development rows' articles once (the model's
components only, as ``tests/test_agreement_corpus.py`` does; the parses are cached in
``.cache/agreement/``), runs `judge_agreement` on every development pair and prints the
tables: each draw, all development rows, and accuracy by confidence band. ``--errors``
writes the wrong pairs, with their sentence and the evidence, as JSON lines for reading
(article text: keep the file outside the project).

It reads the ``dev`` rows only: the held-out half is never parsed, scored or shown here,
so that no rule is fitted to it. Usage::

    .venv/bin/python benchmarks/agreement_dev.py [--errors /tmp/errors.jsonl]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from agreement_corpus import LABELS, claim_of, read_pairs, read_texts, score, table  # noqa: E402

from extractors import pipeline as pipeline_module  # noqa: E402
from extractors import text as text_module  # noqa: E402
from extractors.concepts import judge_agreement  # noqa: E402
from extractors.pipeline import COMPONENTS, load_pipeline  # noqa: E402
from extractors.spans import sentence_of  # noqa: E402
from extractors.text import normalise  # noqa: E402

CACHE = Path(".cache/agreement")
BANDS = ((0.0, 0.55), (0.55, 0.65), (0.65, 0.75), (0.75, 1.01))


def dev_docs(nlp, pairs):
    """The parsed articles of the development pairs, by `Pair.key` (cached)."""
    texts = read_texts(pairs)
    keys = sorted(texts)
    digest = hashlib.sha256(repr(keys).encode())
    for module in (text_module, pipeline_module):
        digest.update(Path(module.__file__).read_bytes())
    path = CACHE / f"dev-{digest.hexdigest()[:12]}-{nlp.meta['name']}-{nlp.meta['version']}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        with nlp.select_pipes(disable=list(COMPONENTS)):
            docs = list(nlp.pipe((normalise(texts[k]) for k in keys), batch_size=16))
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    return dict(zip(keys, docs))


def bands(rows) -> str:
    """Accuracy by confidence band, of (label, predicted, confidence) rows."""
    lines = ["confidence    pairs  accuracy  (neutral predictions)"]
    for low, high in BANDS:
        chosen = [(g, p) for g, p, c in rows if low <= c < high]
        if chosen:
            right = sum(g == p for g, p in chosen)
            neutral = sum(p == "neutral" for _, p in chosen)
            lines.append(f"{low:.2f}-{min(high, 1.0):.2f} {len(chosen):>6}  {right / len(chosen):>8.2f}  ({neutral})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=Path, help="write the wrong development pairs here (JSON lines)")
    args = parser.parse_args(argv)
    pairs = [p for p in read_pairs() if p.split == "dev"]
    nlp = load_pipeline()
    docs = dev_docs(nlp, pairs)
    lexicon = nlp.get_pipe("pckg_concepts").lexicon
    results = []
    for pair in pairs:
        doc = docs[pair.key]
        span = doc.char_span(*pair.concept, alignment_mode="expand")
        stance = judge_agreement(span, claim_of(pair), lexicon=lexicon)
        results.append((pair, stance, span))
    for title, chosen in (("first draw, dev half", [r for r in results if r[0].draw == 1]),
                          ("second draw (dev)", [r for r in results if r[0].draw == 2]),
                          ("all development pairs", results)):
        print(table(title, score([p.label for p, _, _ in chosen], [s.agreement for _, s, _ in chosen])))
        print()
    print(bands([(p.label, s.agreement, s.confidence) for p, s, _ in results]))
    about = [p for p, _, _ in results]
    print(f"\nkey phrases about the claim: {sum(p.about for p in about)}/{len(about)}")
    print("by label, right/all: " + ", ".join(
        f"{label} {sum(p.label == label == s.agreement for p, s, _ in results)}/"
        f"{Counter(p.label for p in about)[label]}" for label in LABELS))
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as out:
            for pair, stance, span in results:
                if stance.agreement == pair.label:
                    continue
                sentence = sentence_of(span[0])
                marked = (span.doc.text[sentence.start_char:span.start_char] + "[[" + span.text + "]]"
                          + span.doc.text[span.end_char:sentence.end_char])
                out.write(json.dumps({"n": pair.n, "label": pair.label, "predicted": stance.agreement,
                                      "confidence": stance.confidence, "evidence": stance.evidence,
                                      "cue_class": pair.cue_class, "sentence": marked.strip()},
                                     ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
