"""The text passes and the quote and role rules on hostile text: every shape is read whole,
and the rules do work that grows with what they look at, not with its square.

How long the passes take is measured by benchmarks/linear_time.py (time at n and 2n
characters), never here: a quadratic pass on these shapes took minutes (a 100 KB article
of blank lines took 71 s before the "More from" pattern was fixed).
"""

from __future__ import annotations

import pytest

from extractors.furniture import furniture_spans
from extractors.metadata import read_metadata
from extractors.text import normalise
from text_shapes import hostile_shapes

SHAPES = hostile_shapes(200_000)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_text_passes_read_any_shape(shape):
    text = SHAPES[shape]
    assert len(normalise(text)) == len(text)
    assert all(0 <= start < end <= len(text) for start, end in furniture_spans(text))
    read_metadata(text)


def test_an_article_of_blank_lines_extracts(extract):
    record = extract("a\n" + "\n" * 100_000 + "b.")
    assert record.id == "t" and record.quotes == []


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
