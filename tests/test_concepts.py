"""Concepts of claims: codebook loading and matching, key phrases, agreement, offsets, records."""

from __future__ import annotations

import textwrap

import pytest

from extractors.codebook import Codebook, Concept, load_codebook

CODEBOOK = textwrap.dedent(r"""
    concepts:
      - name: voluntary sector takes on statutory child protection
        patterns: ["voluntary sector", "charities", "third sector", 're:statutory (duties|responsibilit\w+)']
      - name: state provision
        description: the state keeps its duties
        patterns: [state, public sector]
""")


def write(tmp_path, text: str, name: str = "codebook.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# Codebook files (no spaCy needed)


def test_load_codebook(tmp_path):
    codebook = load_codebook(write(tmp_path, CODEBOOK))
    assert [c.name for c in codebook.concepts] == ["voluntary sector takes on statutory child protection",
                                                   "state provision"]
    first = codebook.concepts[0]
    assert first.phrases == ["voluntary sector", "charities", "third sector"]
    assert [r.pattern for r in first.regexes] == [r"statutory (duties|responsibilit\w+)"]
    assert codebook.concepts[1].description == "the state keeps its duties"


@pytest.mark.parametrize("text, message", [
    ("concepts: [\n  - name: x\n", "not valid YAML at line"),
    ("concepts:\n  - name: x\n    patterns: [a\n", "not valid YAML"),
    ("", "a mapping with a 'concepts' list (got an empty file)"),
    ("- name: x\n  patterns: [a]\n", "a mapping with a 'concepts' list (got list)"),
    ("concepts: []\n", "concepts: List should have at least 1 item"),
    ("concepts:\n  - name: x\n", "concepts.0.patterns: Field required"),
    ("concepts:\n  - name: x\n    patterns: []\n", "concepts.0.patterns: List should have at least 1 item"),
    ("concepts:\n  - name: '  '\n    patterns: [a]\n", "concepts.0.name"),
    ("concepts:\n  - name: x\n    patterns: ['re:(unclosed']\n", "bad regular expression 're:(unclosed'"),
    ("concepts:\n  - name: x\n    patterns: ['  ']\n", "a pattern is blank"),
    ("concepts:\n  - name: x\n    patterns: [a]\n    colour: red\n", "concepts.0.colour: Extra inputs"),
    ("concepts:\n  - {name: X, patterns: [a]}\n  - {name: x, patterns: [b]}\n", "concept 'x' is named twice"),
    ("concepts:\n  - name: x\n    patterns: a\n", "concepts.0.patterns"),
])
def test_bad_codebooks_name_the_file_and_the_problem(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ValueError) as error:
        load_codebook(path)
    assert str(error.value).startswith(f"{path}: ")
    assert message in str(error.value)


def test_missing_codebook(tmp_path):
    with pytest.raises(ValueError, match="cannot read the codebook"):
        load_codebook(tmp_path / "nowhere.yaml")


# ---------------------------------------------------------------------------
# Matching


@pytest.fixture(scope="module")
def concepts():
    import extractors.concepts as module

    return module


def only_quote(nlp, text):
    doc = nlp(text)
    assert len(doc._.quotes) == 1, doc._.quotes
    return doc, doc._.quotes[0]


def matched(nlp, concepts, text, patterns):
    doc, quote = only_quote(nlp, text)
    codebook = Codebook(concepts=[Concept(name=f"c{i}", patterns=[p]) for i, p in enumerate(patterns)])
    matcher = concepts.CodebookMatcher(codebook, nlp)
    return [(m.concept, m.span.text) for m in concepts.concept_matches(doc, quote, codebook=matcher)]


def test_plain_patterns_match_lemmas_case_insensitively(nlp, concepts):
    text = '"Every charity in the town is stretched and the Third Sector needs help," said Ann Cole.'
    assert matched(nlp, concepts, text, ["charities", "third sector"]) == [("c0", "charity"),
                                                                             ("c1", "Third Sector")]


def test_plain_patterns_match_whole_words_and_hyphenated_phrases(nlp, concepts):
    text = '"The statement said third-sector groups would get a stake in the state," said Ann Cole.'
    assert matched(nlp, concepts, text, ["state", "third sector"]) == [("c1", "third-sector"), ("c0", "state")]
    assert matched(nlp, concepts, text, ["stat"]) == []


def test_regex_patterns_search_the_text(nlp, concepts):
    text = '"Charities cannot take on Statutory Responsibilities without money," said Ann Cole.'
    found = matched(nlp, concepts, text, [r"re:statutory (duties|responsibilit\w+)", "re:(?-i:statutory)"])
    assert found == [("c0", "Statutory Responsibilities")]


def test_a_bare_codebook_matches_word_forms(nlp, concepts):
    doc, quote = only_quote(nlp, '"Charities are doing an incredible job," said Nina Gale.')
    codebook = Codebook(concepts=[Concept(name="charity", patterns=["charity"])])
    (match,) = concepts.concept_matches(doc, quote, codebook=codebook)
    assert (match.concept, match.source, match.span.text, match.agreement) == ("charity", "codebook",
                                                                              "Charities", "agree")


def test_only_the_quote_content_is_searched(nlp, concepts):
    text = 'The state school head, Ann Cole, said: "We need more money for books."'
    assert matched(nlp, concepts, text, ["state", "book"]) == [("c1", "books")]


def test_a_concept_is_reported_once_per_claim(nlp, concepts):
    text = '"The merger is a mess and the merger has failed," said Alan Hart.'
    found = matched(nlp, concepts, text, ["merger"])
    assert found == [("c0", "merger")]


def test_key_phrases(nlp, concepts):
    doc, quote = only_quote(nlp, '"I do not believe the voluntary sector can - or should - replace the state," '
                                 'said Ann Cole.')
    found = concepts.concept_matches(doc, quote)
    assert [m.concept for m in found] == ["voluntary sector", "state"]
    assert {m.source for m in found} == {"key_phrase"}
    sector = found[0]
    assert sector.agreement == "disagree"
    assert "negation: not" in sector.evidence and "modal: should" in sector.evidence
    assert 0 < sector.confidence <= 1


def test_key_phrases_are_lemmatised_and_stripped(nlp, concepts):
    doc, quote = only_quote(nlp, '"Our reckless new councils have failed the children\'s trusts and their '
                                 'community-based interventions," said Tim Ford.')
    names = [m.concept for m in concepts.concept_matches(doc, quote, max_key_phrases=5)]
    assert "new council" in names  # "our" and the evaluative "reckless" go, the noun is lemmatised
    assert "community-based intervention" in names
    assert all(1 <= len(n.split()) <= 4 for n in names)
    assert not any(n.split()[0] in ("the", "our", "their") for n in names)


def test_key_phrases_keep_the_best_few(nlp, concepts):
    doc, quote = only_quote(nlp, '"The housing minister, the treasury, local councils, housing associations and '
                                 'private landlords all have a part to play in ending rough sleeping," '
                                 'said Kate Moore.')
    found = concepts.key_phrases(doc, quote)
    assert len(found) == 3
    assert all(len(name.split()) > 1 for name, _ in found)  # multi-word phrases first
    assert [span.start for _, span in found] == sorted(span.start for _, span in found)
    assert concepts.key_phrases(doc, quote, limit=1)[0][0] in [name for name, _ in found]


def test_generic_nouns_and_pronouns_are_not_concepts(nlp, concepts):
    doc, quote = only_quote(nlp, '"It is the thing that we all said at the time," said Kate Moore.')
    assert concepts.key_phrases(doc, quote) == []


# ---------------------------------------------------------------------------
# Agreement rules, one at a time


@pytest.mark.parametrize("text, concept, expected, evidence", [
    ('"We oppose the third runway," said Kate Moore.', "third runway", "disagree", "lexicon: oppose (-1)"),
    ('"The bill is unfair," said Leo Grant.', "bill", "disagree", "lexicon: unfair (-1)"),
    ('"The bill is not unfair," said Leo Grant.', "bill", "agree", "negation: not"),
    ('"Councils should keep the libraries open," said Jill Ross.', "library", "agree", "lexicon: keep (+1)"),
    ('"Councils should run the libraries," said Jill Ross.', "library", "agree", "modal: should"),
    ('"Councils must not run the libraries," said Jill Ross.', "library", "disagree", "modal: must"),
    ('"It is a scandal that the funding has been withdrawn," said Ruth Bond.', "funding", "agree",
     "lexicon: scandal (-1)"),
    ('"We are concerned that the new rules will make it harder for carers," said Leo Grant.', "new rule",
     "disagree", "lexicon: concerned (-1)"),
    ('"The cuts will hurt children," said Ruth Bond.', "child", "neutral", "cue: neutral"),
    ('"The cuts will hurt children," said Ruth Bond.', "cut", "disagree", "lexicon: hurt (-1)"),
    ('"There is no evidence that grammar schools improve social mobility," said Beth Lane.', "grammar school",
     "disagree", "negation: no"),
])
def test_agreement_rules(nlp, concepts, text, concept, expected, evidence):
    doc, quote = only_quote(nlp, text)
    found = {m.concept: m for m in concepts.concept_matches(doc, quote, max_key_phrases=10)}
    match = found[concept]
    assert match.agreement == expected, match
    assert evidence in match.evidence


def test_cue_class_leans_when_the_claim_says_nothing(nlp, concepts):
    doc, quote = only_quote(nlp, 'Helen Marsh warned that the academy programme would leave rural schools '
                                 'on their own.')
    match = next(m for m in concepts.concept_matches(doc, quote) if m.concept == "academy programme")
    assert (match.agreement, match.evidence) == ("disagree", ("cue: critical",))
    stance = concepts.judge_agreement(match.span, quote._replace(cue_class="supportive"))
    assert stance.agreement == "agree"
    assert concepts.judge_agreement(match.span, quote._replace(cue_class="neutral")).agreement == "neutral"


def test_confidence_drops_when_the_cue_disagrees(nlp, concepts):
    doc, quote = only_quote(nlp, 'Sarah Finch condemned the decision: "Closing the maternity unit puts mothers '
                                 'and babies at risk."')
    match = next(m for m in concepts.concept_matches(doc, quote) if m.concept == "maternity unit")
    assert match.agreement == "agree" and "cue: critical" in match.evidence
    alone = concepts.judge_agreement(match.span, quote._replace(cue_class="neutral"))
    assert alone.agreement == "agree" and alone.confidence > match.confidence


def test_polarity_lexicon():
    from extractors.concepts import load_polarity

    lexicon = load_polarity()
    assert len(lexicon) >= 150
    assert lexicon["welcome"] == (1, "stance") and lexicon["fail"] == (-1, "eval")
    assert {kind for _, kind in lexicon.values()} == {"stance", "eval"}
    assert {polarity for polarity, _ in lexicon.values()} == {1, -1}


# ---------------------------------------------------------------------------
# The component, offsets and records


@pytest.fixture(scope="module")
def concepts_nlp(tmp_path_factory):
    from extractors.pipeline import load_pipeline

    return load_pipeline()


def test_component_sets_one_list_per_quote(concepts_nlp):
    doc = concepts_nlp('"Charities are doing an incredible job," said Nina Gale. Tim Ford said the new '
                       'curriculum was a step in the right direction.')
    assert len(doc._.concepts) == len(doc._.quotes) == 2
    assert doc._.concepts[1][0].concept == "new curriculum"  # "right" judges, it names nothing
    assert doc._.concepts[1][0].agreement == "agree"
    assert "direction" in [m.concept for m in doc._.concepts[1]]


def test_component_with_a_codebook(tmp_path):
    from extractors.pipeline import load_pipeline

    nlp = load_pipeline(codebook=load_codebook(write(tmp_path, CODEBOOK)))
    assert nlp.pipe_names.index("pckg_concepts") == nlp.pipe_names.index("pckg_quotes") + 1
    doc = nlp('"I do not believe the voluntary sector can - or should - replace the state," said Ann Cole. '
              '"We will be baking cakes for the summer fair," she added.')
    (first, second) = doc._.concepts
    assert [(m.concept, m.source, m.agreement) for m in first] == [
        ("voluntary sector takes on statutory child protection", "codebook", "disagree"),
        ("state provision", "codebook", "disagree"),
    ]
    assert second == []  # with a codebook, only codebook concepts


def test_component_with_a_bad_codebook_fails_clearly(tmp_path):
    from extractors.pipeline import load_pipeline

    with pytest.raises(ValueError, match="not valid YAML"):
        load_pipeline(codebook=load_codebook(write(tmp_path, "concepts: [\n")))


def test_offsets_point_into_the_text_on_the_seeds(concepts_nlp, seed_articles):
    from extractors.concepts import concept_links
    from extractors.text import normalise

    total = 0
    for article in seed_articles:
        doc = concepts_nlp(normalise(article.text))
        assert len(doc._.concepts) == len(doc._.quotes)
        for index, (quote, matches) in enumerate(zip(doc._.quotes, doc._.concepts)):
            for m in matches:
                assert any(s <= m.span.start_char and m.span.end_char <= e for s, e in quote.spans)
                assert doc.text[m.span.start_char : m.span.end_char] == m.span.text
                assert m.agreement in ("agree", "disagree", "neutral") and 0 <= m.confidence <= 1
            links = concept_links(doc, index, article.text)
            assert [link.concept for link in links] == [m.concept for m in matches]
            for link in links:
                assert article.text[link.mention.start : link.mention.end] == link.mention.text
                assert link.mention.text in link.mention.sentence
                assert link.mention.sentence in article.text
            total += len(links)
    assert total >= 30


def test_concept_links_by_index_or_match(concepts_nlp):
    from extractors.concepts import concept_links
    from extractors.records import ConceptLink

    text = '"The bill is a serious threat to civil liberties," said Leo Grant.'
    doc = concepts_nlp(text)
    quote = doc._.quotes[0]
    by_index, by_match = concept_links(doc, 0, text), concept_links(doc, quote, text)
    assert by_index == by_match and by_index
    link = next(link for link in by_index if link.concept == "bill")
    assert isinstance(link, ConceptLink)
    assert (link.source, link.agreement, link.mention.text) == ("key_phrase", "disagree", "bill")
    assert (link.mention.start, link.mention.end) == (text.index("bill"), text.index("bill") + 4)
    assert link.mention.sentence == text
    assert "lexicon: threat (-1)" in link.evidence
    assert concept_links(doc, 5, text) == []
    assert concept_links(concepts_nlp.make_doc(text), 0, text) == []  # component not run
