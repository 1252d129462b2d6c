"""The pure-Python text passes take time linear in the text, whatever its shape, and the
quote and role rules do work that grows with what they look at, not with its square.

Each hostile shape is 200,000 characters; a quadratic pass on any of them takes minutes
(a 100 KB article of blank lines took 71 s before the "More from" pattern was fixed).
"""

from __future__ import annotations

import time

import pytest

from extractors.furniture import furniture_spans
from extractors.metadata import read_metadata
from extractors.text import normalise

N = 200_000
SHAPES = {
    "blank lines": "a\n" + "\n" * N + "b.",
    "spaces": "a" + " " * N + "b.",
    "punctuation line": "-" * N,
    "spaced punctuation": "- " * (N // 2),
    "short lines": "-\n" * (N // 2),
    "commas and breaks": ",\n" * (N // 2),
    "more from and spaces": "More from " + " " * N + "x",
    "writes and spaces": ", writes" + " " * N + "x",
    "byline words": "By " + "Aa " * (N // 3),
    "carriage returns": "a" + "\r\n" * (N // 2) + "b",
    "bullets": "\u2022 x\n" * (N // 4),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_text_passes_are_linear(shape):
    text = SHAPES[shape]
    started = time.perf_counter()
    assert len(normalise(text)) == len(text)
    furniture_spans(text)
    read_metadata(text)
    assert time.perf_counter() - started < 5, shape


def test_an_article_of_blank_lines_extracts_in_seconds(extract):
    started = time.perf_counter()
    record = extract("a\n" + "\n" * 100_000 + "b.")
    assert record.id == "t" and time.perf_counter() - started < 15


def test_a_run_on_sentence_of_quotations_is_not_searched_whole_for_each(nlp, monkeypatch):
    """Each quotation looks for its cue near it, not through the whole sentence: work grows with
    the quotations, not with their square (2,500 quotations in one run-on sentence took minutes)."""
    import extractors.quotes.cues as cues

    looked_at = 0
    cue_at = cues.cue_at

    def counting_cue_at(token, lexicon):
        nonlocal looked_at
        looked_at += 1
        return cue_at(token, lexicon)

    monkeypatch.setattr(cues, "cue_at", counting_cue_at)
    quotations = 600
    doc = nlp('Ann Lee said "no" ' + '"a" ' * quotations)
    tokens = len(doc)
    assert looked_at < 250 * quotations < tokens * quotations / 3


def test_span_indexes_give_what_spacy_gives(nlp):
    """The per-document indexes of extractors.spans answer as spaCy's own (slower) properties."""
    from extractors.spans import entities_in, noun_chunks_in, sentence_of, text_of

    doc = nlp("Ann Lee, chief executive of Age UK, met the new health minister in London. "
              "Tom Hale of the BBC said the Leeds City Council plan would fail. It did.")
    assert text_of(doc) == doc.text
    assert all(sentence_of(t) == t.sent for t in doc)
    for span in [doc[:], *doc.sents, doc[2:9], doc[5:7]]:
        assert [(e.start, e.end, e.label_) for e in entities_in(span)] == [
            (e.start, e.end, e.label_) for e in span.ents]
        assert [(c.start, c.end) for c in noun_chunks_in(doc, span.start, span.end)] == [
            (c.start, c.end) for c in doc.noun_chunks if span.start <= c.start and c.end <= span.end]
