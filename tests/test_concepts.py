"""Concepts of claims: codebook loading and matching, key phrases, agreement, offsets, records."""

from __future__ import annotations

import textwrap

import pytest

from extractors.codebook import Codebook, Concept, load_codebook
from extractors.lexicons import ConceptLexicon
from extractors.quotes import quote_spans

LEXICON = ConceptLexicon.from_data()

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
    (span,) = quote_spans(doc)
    return doc, span._.pckg_quote


def matched(nlp, concepts, text, patterns):
    doc, quote = only_quote(nlp, text)
    codebook = Codebook(concepts=[Concept(name=f"c{i}", patterns=[p]) for i, p in enumerate(patterns)])
    matcher = concepts.CodebookMatcher(codebook, nlp)
    return [(m.concept, m.span.text) for m in concepts.concept_matches(doc, quote, lexicon=LEXICON, codebook=matcher)]


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
    (match,) = concepts.concept_matches(doc, quote, lexicon=LEXICON, codebook=codebook)
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
    found = concepts.concept_matches(doc, quote, lexicon=LEXICON)
    assert [m.concept for m in found] == ["voluntary sector", "state"]
    assert {m.source for m in found} == {"key_phrase"}
    sector = found[0]
    assert sector.agreement == "disagree"
    assert "negation: not" in sector.evidence and "modal: should" in sector.evidence
    assert 0 < sector.confidence <= 1


def test_key_phrases_are_lemmatised_and_stripped(nlp, concepts):
    doc, quote = only_quote(nlp, '"Our reckless new councils have failed the children\'s trusts and their '
                                 'community-based interventions," said Tim Ford.')
    names = [m.concept for m in concepts.concept_matches(doc, quote, lexicon=LEXICON, max_key_phrases=5)]
    assert "new council" in names  # "our" and the evaluative "reckless" go, the noun is lemmatised
    assert "community-based intervention" in names
    assert all(1 <= len(n.split()) <= 4 for n in names)
    assert not any(n.split()[0] in ("the", "our", "their") for n in names)


def test_key_phrases_keep_the_best_few(nlp, concepts):
    doc, quote = only_quote(nlp, '"The housing minister, the treasury, local councils, housing associations and '
                                 'private landlords all have a part to play in ending rough sleeping," '
                                 'said Kate Moore.')
    found = concepts.key_phrases(doc, quote, lexicon=LEXICON)
    assert len(found) == 3
    assert all(len(name.split()) > 1 for name, _ in found)  # multi-word phrases first
    assert [span.start for _, span in found] == sorted(span.start for _, span in found)
    assert concepts.key_phrases(doc, quote, lexicon=LEXICON, limit=1)[0][0] in [name for name, _ in found]


def test_generic_nouns_and_pronouns_are_not_concepts(nlp, concepts):
    doc, quote = only_quote(nlp, '"It is the thing that we all said at the time," said Kate Moore.')
    assert concepts.key_phrases(doc, quote, lexicon=LEXICON) == []


def test_frames_and_titles_are_not_concepts(nlp, concepts):
    doc, quote = only_quote(nlp, 'Tim Ford said the central focus of the plan was the new tram line, drawn up in '
                                 'response to complaints from young people.')
    names = [name for name, _ in concepts.key_phrases(doc, quote, lexicon=LEXICON, limit=10)]
    assert "central focus" not in names and "focus" not in names and "response" not in names
    assert "new tram line" in names and "young people" in names  # an adjective makes "people" a group
    doc, quote = only_quote(nlp, '"He is a wild card, and the plan is a disaster," said Kate Moore.')
    assert [name for name, _ in concepts.key_phrases(doc, quote, lexicon=LEXICON)] == ["plan"]  # not what he is
    doc, quote = only_quote(nlp, '"I worry about Mr. Ford\'s wealth," said Kate Moore.')
    assert [name for name, _ in concepts.key_phrases(doc, quote, lexicon=LEXICON)] == ["wealth"]


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
    # negation alone states a fact unless it is on the concept's own predicate, or doubled
    ('"There were not three separate inquiries," said Ruth Bond.', "separate inquiry", "neutral", "negation: not"),
    ('"Without extra nurses, the wards will not cope," said Ruth Bond.', "nurse", "agree",
     "negation: without"),
    ('"Do you want bus lanes on the high street?" asked Jill Ross.', "bus lane", "neutral", "question"),
    ('"She is a fighter for rural communities," said Leo Grant.', "rural community", "agree",
     "lexicon: fighter for (+1)"),
    ('"We voted against the new levy," said Leo Grant.', "new levy", "disagree", "lexicon: voted against (-1)"),
    ('"The new academy is a huge opportunity for the town," said Kate Moore.', "new academy", "agree",
     "lexicon: opportunity (+1)"),
    ('"The council missed a real opportunity to fix the harbour," said Kate Moore.', "opportunity", "agree",
     "lexicon: opportunity (+1)"),
    ('"The hospital trust is at a crisis point," said Kate Moore.', "hospital trust", "disagree",
     "lexicon: crisis (-1)"),
    ('"The rules prevent small charities from bidding for contracts," said Kate Moore.', "small charity",
     "neutral", "cue: neutral"),
    ('"We should expand the grants for parents of young carers," said Kate Moore.', "young carer", "neutral",
     "cue: neutral"),
    # a modal advocates the act, not the one who should act, unless what they should do is receive
    ('"The regulators should publish their findings," said Ruth Bond.', "regulator", "neutral", "cue: neutral"),
    ('"Rural schools should get more money," said Kate Moore.', "rural school", "agree", "modal: should"),
    # semi-modals of necessity advocate the act as "must" does; not negated, nor "got to" alone (a chance)
    ('"The council has got to run the night buses," said Leo Grant.', "night bus", "agree", "modal: got to"),
    ('"We have to run the night buses," said Leo Grant.', "night bus", "agree", "modal: have to"),
    ('"You do not have to run the night buses," said Leo Grant.', "night bus", "neutral", "cue: neutral"),
    ('"I got to run the night buses once," said Leo Grant.', "night bus", "neutral", "cue: neutral"),
    # the setting of an act is not what the act (or a modal on it) judges; a comparison is
    ('"We should beat the Tories at the ballot box," said Leo Grant.', "ballot box", "neutral", "cue: neutral"),
    ('"They must stop treating the islands like a colony," said Leo Grant.', "colony", "disagree",
     "lexicon: stop (-1)"),
    # a passive's agent: an eval verb judges it as it judges a subject; a stance verb's is who holds the stance
    ('"The children were hurt by the cuts," said Leo Grant.', "cut", "disagree", "lexicon: hurt (-1)"),
    ('"The scheme was scrapped by the council," said Leo Grant.', "council", "neutral", "cue: neutral"),
    # a phrasal verb is looked up as verb and particle
    ('"The council will roll back the parking charges," said Leo Grant.', "parking charge", "disagree",
     "lexicon: roll (-1)"),
    ('"The police will step up the patrols," said Leo Grant.', "patrol", "agree", "lexicon: step (+1)"),
    # a verb whose silent "e" the lemmatiser dropped ("hoped" -> "hop") is still found
    ('"We hoped the new depot would open," said Leo Grant.', "new depot", "agree", "lexicon: hoped (+1)"),
    ('"She hated the new depot," said Leo Grant.', "new depot", "disagree", "lexicon: hated (-1)"),
    # a positive adjective speaks for what it is good for or to, not for what its subject deals with
    ('"The new bus lanes are good for cyclists," said Leo Grant.', "cyclist", "agree", "lexicon: good (+1)"),
    ('"Mrs Hale is capable of dealing with the rail unions," said Leo Grant.', "rail union", "neutral",
     "cue: neutral"),
    ('"Her son is friendly with the rail unions," said Leo Grant.', "rail union", "neutral", "cue: neutral"),
    # a claim that something of value is damaged takes its side; not when the one damaged is a person
    ('"The leak would compromise national security," said Leo Grant.', "national security", "agree",
     "lexicon: compromise (+1)"),
    ('"The contractor violated the planning agreement," said Leo Grant.', "planning agreement", "agree",
     "lexicon: violated (+1)"),
    # the speaker's pledge ("I/we will", "going to") is for what it acts on; a refusal against it
    ('"We will get the medical records out," said Leo Grant.', "medical record", "agree", "pledge"),
    ('"We are not going to send ground troops," said Leo Grant.', "ground troop", "disagree", "pledge"),
    ('"They will get the medical records out," said Leo Grant.', "medical record", "neutral", "cue: neutral"),
    # stance verbs that act on what follows
    ('"The council will cancel the flower show," said Leo Grant.', "flower show", "disagree",
     "lexicon: cancel (-1)"),
    ('"The court should uphold the smoking ban," said Leo Grant.', "smoking ban", "agree", "lexicon: uphold (+1)"),
    # conditions and indirect questions say nothing for or against
    ('"If the new depot is built, we will find another site," said Leo Grant.', "new depot", "neutral",
     "condition"),
    ("Jill Ross asked whether the new levy was fair.", "new levy", "neutral", "question"),
    # winning is a success of the winner, nothing for what is won
    ('"We will win the election," said Leo Grant.', "election", "neutral", "cue: neutral"),
    ('"The tram scheme won the support of every council," said Leo Grant.', "tram scheme", "agree",
     "lexicon: won (+1)"),
    # words not in polarity.tsv: VADER's valence, for the word that governs the concept
    ('"The inspectors are manipulating the figures," said Kate Moore.', "inspector", "disagree",
     "lexicon: manipulating (-1)"),
    ('"Let me say a word about the new bridge," said Kate Moore.', "new bridge", "neutral", "cue: neutral"),
    ('"The council has drawn up an ambitious plan for the harbour," said Kate Moore.', "ambitious plan", "agree",
     "lexicon: ambitious (+1)"),
    ('"The new parking rules tend to be confusing," said Ruth Bond.', "new parking rule", "disagree",
     "lexicon: confusing (-1)"),
    ('"There is real anger over the library closures," said Ruth Bond.', "library closure", "disagree",
     "lexicon: anger (-1)"),
    ('"The contractors concealed the true figures," said Ruth Bond.', "contractor", "disagree",
     "lexicon: concealed (-1)"),
    ('"We will beat the Tories at the ballot box," said Leo Grant.', "ballot box", "neutral", "cue: neutral"),
])
def test_agreement_rules(nlp, concepts, text, concept, expected, evidence):
    doc, quote = only_quote(nlp, text)
    found = {m.concept: m for m in concepts.concept_matches(doc, quote, lexicon=LEXICON, max_key_phrases=10)}
    match = found[concept]
    assert match.agreement == expected, match
    assert evidence in match.evidence


def test_a_person_damaged_is_not_defended(nlp, concepts):
    doc, quote = only_quote(nlp, '"The rumours have damaged Tom Hale," said Leo Grant.')
    start = doc.text.index("Tom Hale")
    stance = concepts.judge_agreement(doc.char_span(start, start + 8), quote, lexicon=LEXICON)
    assert stance.agreement == "neutral"


@pytest.mark.parametrize("text, concept, expected", [
    ("Leo Grant vowed to finish the new depot.", "new depot", "agree"),
    ("Leo Grant vowed to stay in the race until June.", "race", "neutral"),  # a circumstance
    ("Leo Grant warned against the merger.", "merger", "disagree"),  # what the warning is about
])
def test_the_cue_leans_for_what_the_claim_is_about_not_its_circumstances(nlp, concepts, text, concept, expected):
    doc, quote = only_quote(nlp, text)
    start = doc.text.index(concept)
    stance = concepts.judge_agreement(doc.char_span(start, start + len(concept)), quote, lexicon=LEXICON)
    assert stance.agreement == expected
    assert any(e.startswith("cue: ") for e in stance.evidence)


def test_cue_class_leans_when_the_claim_says_nothing(nlp, concepts):
    doc, quote = only_quote(nlp, 'Helen Marsh warned that the academy programme would leave rural schools '
                                 'on their own.')
    match = next(m for m in concepts.concept_matches(doc, quote, lexicon=LEXICON) if m.concept == "academy programme")
    assert (match.agreement, match.evidence) == ("disagree", ("cue: critical",))
    stance = concepts.judge_agreement(match.span, quote._replace(cue_class="supportive"), lexicon=LEXICON)
    assert stance.agreement == "agree"
    assert concepts.judge_agreement(match.span, quote._replace(cue_class="neutral"), lexicon=LEXICON).agreement == "neutral"


def test_confidence_drops_when_the_cue_disagrees(nlp, concepts):
    doc, quote = only_quote(nlp, 'Sarah Finch condemned the decision: "Closing the maternity unit puts mothers '
                                 'and babies at risk."')
    match = next(m for m in concepts.concept_matches(doc, quote, lexicon=LEXICON) if m.concept == "maternity unit")
    assert match.agreement == "agree" and "cue: critical" in match.evidence
    alone = concepts.judge_agreement(match.span, quote._replace(cue_class="neutral"), lexicon=LEXICON)
    assert alone.agreement == "agree" and alone.confidence > match.confidence


def test_polarity_lexicon():
    lexicon = LEXICON.polarity
    assert len(lexicon) >= 150
    assert lexicon["welcome"] == (1, "stance") and lexicon["fail"] == (-1, "eval")
    assert {kind for _, kind in lexicon.values()} == {"stance", "eval", "outcome"}
    assert LEXICON.valence["manipulating"] < -1 and LEXICON.valence["hopeful"] > 1 and ":)" not in LEXICON.valence
    assert "fight" in LEXICON.advocacy and "for" not in LEXICON.advocacy
    assert {polarity for polarity, _ in lexicon.values()} == {1, -1}


# ---------------------------------------------------------------------------
# The component, offsets and records


def test_component_sets_one_list_per_quote(nlp):
    doc = nlp('"Charities are doing an incredible job," said Nina Gale. Tim Ford said the new '
              'curriculum was a step in the right direction.')
    first, second = (span._.pckg_concepts for span in quote_spans(doc))
    assert [m.concept for m in first] == ["charity"]  # "incredible job": evaluative word, generic noun
    assert second[0].concept == "new curriculum"  # "right" judges, it names nothing
    assert second[0].agreement == "agree"
    assert "direction" not in [m.concept for m in second]  # a frame ("in the right direction"), no concept


def test_component_with_a_codebook(tmp_path, use_codebook):
    with use_codebook(load_codebook(write(tmp_path, CODEBOOK))) as nlp:
        assert nlp.pipe_names.index("pckg_concepts") == nlp.pipe_names.index("pckg_quotes") + 1
        doc = nlp('"I do not believe the voluntary sector can - or should - replace the state," said Ann Cole. '
                  '"We will be baking cakes for the summer fair," she added.')
    (first, second) = (span._.pckg_concepts for span in quote_spans(doc))
    assert [(m.concept, m.source, m.agreement) for m in first] == [
        ("voluntary sector takes on statutory child protection", "codebook", "disagree"),
        ("state provision", "codebook", "disagree"),
    ]
    assert second == []  # with a codebook, only codebook concepts


def test_a_saved_pipeline_carries_its_lexicons_and_codebook(tmp_path, use_codebook):
    import spacy

    from extractors.pipeline import load_pipeline

    text = ('"I do not believe the voluntary sector can - or should - replace the state," said Ann Cole. '
            'Dame Joan Hill warned that charities were failing.')
    codebook = load_codebook(write(tmp_path, CODEBOOK))
    with use_codebook(codebook) as nlp:
        nlp.to_disk(tmp_path / "saved")
        expected = described(nlp(text))
    assert (tmp_path / "saved" / "pckg_quotes" / "lexicon.json").exists()
    reloaded = spacy.load(tmp_path / "saved")
    assert reloaded.pipe_names == nlp.pipe_names
    assert reloaded.get_pipe("pckg_concepts").codebook == codebook
    assert [c for _, _, concepts in expected for c, _ in concepts] == [
        "voluntary sector takes on statutory child protection", "state provision",
        "voluntary sector takes on statutory child protection"]  # codebook concepts only
    assert described(reloaded(text)) == expected
    assert described(load_pipeline(str(tmp_path / "saved"))(text)) == expected


def described(doc):
    """(speaker, cue, [(concept, agreement)]) of each claim in `doc`."""
    return [(s._.pckg_quote.speaker.name, s._.pckg_quote.cue_text, [(m.concept, m.agreement) for m in s._.pckg_concepts])
            for s in quote_spans(doc)]


def test_a_component_without_its_lexicon_says_so():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("pckg_furniture")
    nlp.add_pipe("pckg_entities")
    with pytest.raises(ValueError, match="pckg_entities has no lexicon yet"):
        nlp("Jane Smith said so.")


def test_concept_mentions_point_into_the_text_on_the_seeds(seed_records, seed_articles):
    texts = {article.id: article.text for article in seed_articles}
    total = 0
    for record in seed_records:
        text = texts[record.id]
        for quote in record.quotes:
            for link in quote.concepts:
                mention = link.mention
                assert text[mention.start : mention.end] == mention.text
                assert any(s <= mention.start and mention.end <= e for s, e in quote.parts)
                assert mention.text in mention.sentence and mention.sentence in text
                assert link.agreement in ("agree", "disagree", "neutral") and 0 <= link.confidence <= 1
                total += 1
    assert total >= 30


def test_concept_links_on_the_record(extract):
    from extractors.records import ConceptLink

    text = '"The bill is a serious threat to civil liberties," said Leo Grant.'
    (quote,) = extract(text).quotes
    link = next(link for link in quote.concepts if link.concept == "bill")
    assert isinstance(link, ConceptLink)
    assert (link.source, link.agreement, link.mention.text) == ("key_phrase", "disagree", "bill")
    assert (link.mention.start, link.mention.end) == (text.index("bill"), text.index("bill") + 4)
    assert link.mention.sentence == text
    assert "lexicon: threat (-1)" in link.evidence


def test_without_the_components_a_doc_has_no_quotes(nlp):
    assert quote_spans(nlp.make_doc('"The bill is a threat," said Leo Grant.')) == []
