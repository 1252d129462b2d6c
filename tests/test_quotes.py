"""Quote finding and attribution, on sentences written for these tests."""

from __future__ import annotations

import pytest

from extractors.lexicons import QuoteLexicon
from extractors.quotes import quotations


def _contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in quotations(text)]


def _quotes(record) -> list[tuple[str | None, str, str]]:
    return [(q.speaker, q.type, q.content) for q in record.quotes]


# --- pairing quote marks ----------------------------------------------------------

def test_pairs_straight_curly_and_single_marks():
    text = 'He said "one two". She said “three four”. ‘Five six seven’, says Lewis.'
    assert _contents(text) == ["one two", "three four", "Five six seven"]


def test_nested_single_quotes_stay_inside_the_double_quote():
    text = "“They say we are not the ‘welfare’ at all,” he said."
    assert _contents(text) == ["They say we are not the ‘welfare’ at all,"]


def test_apostrophes_are_not_quote_marks():
    assert _contents("The council's plan and the Services' committee don't change.") == []


def test_quote_reopened_in_next_paragraph_is_one_quote():
    text = "“First paragraph of the quote.\n\n“Second paragraph, still quoting.”\n"
    assert _contents(text) == ["First paragraph of the quote.\n\n“Second paragraph, still quoting."]


def test_quote_closed_in_a_later_paragraph_without_reopening():
    text = "He said: “It is hard.\nWe have invested.\nWe will go on.”\nThe report found more."
    assert _contents(text) == ["It is hard.\nWe have invested.\nWe will go on."]


def test_stray_mark_costs_only_its_own_sentence():
    text = "A stray “mark opens here. Later text follows.\n\nShe said: “A real quote here.”"
    assert _contents(text) == ["mark opens here.", "A real quote here."]


def test_unbalanced_marks_never_raise_and_later_pairs_survive():
    text = "” odd close. “open and never closed\n\nPlain text. “Good quote one.” and ‘good quote two’ end."
    assert _contents(text) == ["open and never closed", "Good quote one.", "good quote two"]


# --- direct quotes ------------------------------------------------------------------

def test_colon_introduction_and_pronoun(extract):
    record = extract("Chris Hanvey of Barnardo's spoke first. He said: “We have gone from a position of "
                     "weakness to one of strength.”")
    assert _quotes(record) == [("Chris Hanvey", "direct",
                                "We have gone from a position of weakness to one of strength.")]
    assert record.quotes[0].cue == "said"


def test_inverted_cue_after_the_quote(extract):
    record = extract('"We will not back down on this at all," said Jane Renouf, a spokeswoman for the union.')
    assert _quotes(record)[0][:2] == ("Jane Renouf", "direct")


def test_split_quote_is_one_quote_in_two_parts(extract):
    text = ('Margaret Hodge visited the school. "This is a great day for us," she said. '
            '"The pupils deserve every bit of it."')
    (quote,) = extract(text).quotes
    assert (quote.speaker, quote.type) == ("Margaret Hodge", "direct")
    assert quote.content == "This is a great day for us, The pupils deserve every bit of it."
    assert [text[s:e] for s, e in quote.parts] == ["This is a great day for us,",
                                                   "The pupils deserve every bit of it."]


def test_next_paragraph_quote_without_cue_keeps_the_speaker(extract):
    record = extract('"We will fight this decision in every court," said Jane Smith.\n\n'
                     '"Nobody should lose their home over a paperwork error."')
    assert [q.speaker for q in record.quotes] == ["Jane Smith", "Jane Smith"]


def test_said_colon_dash_introduction(extract):
    record = extract("Care Services Minister Phil Hope said:-\n“Social care is changing and more people "
                     "need support than ever before.”")
    assert _quotes(record)[0][:2] == ("Phil Hope", "direct")


def test_he_added_goes_to_the_last_speaker_not_an_earlier_one(extract):
    text = ("Margaret Hodge said the sector was ready. But director of operations at Barnardo's "
            "Chris Hanvey said: “We are not the state and never will be.”\n\n"
            "He added: “The privilege of the sector is its freedom from duties.”")
    speakers = [s for s, _, _ in _quotes(extract(text))]
    assert speakers == ["Margaret Hodge", "Chris Hanvey", "Chris Hanvey"]


def test_scare_quotes_alone_are_not_claims(extract):
    record = extract("The service was described as “well organised” by the inspectors.")
    assert record.quotes == []


def test_headline_without_cue_or_speaker_is_not_a_quote(extract):
    record = extract("Latest stories\n‘Why only specialist teams will tackle the annual toll’\nComments are closed.")
    assert record.quotes == []


# --- indirect, mixed and block speech -----------------------------------------------

def test_indirect_speech_with_that_clause(extract):
    record = extract("Alan Milburn warned that the voluntary sector could not replace the state.")
    assert _quotes(record) == [("Alan Milburn", "indirect", "the voluntary sector could not replace the state")]
    assert record.quotes[0].cue_class == "critical"


def test_mixed_speech_keeps_the_partial_quote_inside(extract):
    record = extract("Joyce Moseley said commissioners viewed the voluntary sector as “amateurish and cheap”.")
    (speaker, kind, content), = _quotes(record)
    assert (speaker, kind) == ("Joyce Moseley", "mixed")
    assert content.startswith("commissioners viewed") and "amateurish and cheap" in content


def test_commitment_with_infinitive(extract):
    record = extract("Ed Miliband pledged to make three-year contracts the norm for charities.")
    assert _quotes(record) == [("Ed Miliband", "indirect",
                                "to make three-year contracts the norm for charities")]
    assert record.quotes[0].cue_class == "commitment"


def test_organisation_behind_a_spokesperson(extract):
    record = extract("A spokesperson for the Local Government Association said councils were under "
                     "enormous pressure.")
    (speaker, kind, _), = _quotes(record)
    assert (speaker, kind) == ("Local Government Association", "indirect")
    assert "spokesperson" in record.quotes[0].speaker_mention.text


def test_unnamed_speaker_stays_unnamed(extract):
    record = extract("One of the presenters argued that social workers were stretched too thin.")
    (speaker, _, _), = _quotes(record)
    assert speaker == "One of the presenters"
    assert record.quotes[0].speaker_id is None
    assert record.people == []


def test_numbers_are_not_sources(extract):
    assert extract("However, 42% thought they lacked the right qualifications.").quotes == []


def test_block_quote_after_said_colon(extract):
    text = ("Education Secretary Nadhim Zahawi said:\n\n"
            "This is the start of a journey to reform the system.\n\n"
            "We are ready to take on the challenge and I will set out plans.\n\n"
            "The new areas receiving funding will build on a network of centres.\n")
    record = extract(text)
    assert [(q.speaker, q.type) for q in record.quotes] == [("Nadhim Zahawi", "block")] * 2
    first, second = record.quotes
    assert first.content == "This is the start of a journey to reform the system."
    assert second.content == "We are ready to take on the challenge and I will set out plans."
    assert (first.attribution, first.continues) == ("cue", None)
    assert (second.attribution, second.continues) == ("continued", first.id)


# --- lexicon --------------------------------------------------------------------------

@pytest.mark.parametrize("cue, cls", [("say", "neutral"), ("warn", "critical"), ("welcome", "supportive"),
                                      ("pledge", "commitment"), ("announce", "announcement"),
                                      ("criticise", "critical")])
def test_cue_lexicon_classes(cue, cls):
    assert QuoteLexicon.from_data().cues[cue] == cls


def test_doubled_apostrophes_are_double_quote_marks():
    text = "''This isn't tax reform,'' said Mr. Holtz-Eakin. ''It's anti-reform.''"
    assert _contents(text) == ["This isn't tax reform,", "It's anti-reform."]


def test_according_to_at_the_end_and_at_the_start(extract):
    record = extract("The explosion went off in front of the building, according to Police Commissioner "
                     "James O'Neill. According to exit polls, Mitt Romney had a clear lead among donors.")
    assert [(q.speaker, q.cue, q.content) for q in record.quotes] == [
        ("James O'Neill", "according to", "The explosion went off in front of the building"),
        ("exit polls", "according to", "Mitt Romney had a clear lead among donors")]


def test_phrasal_cue(extract):
    (quote,) = extract("The minister pointed out that the budget had doubled since 2010.").quotes
    assert (quote.cue, quote.content) == ("pointed out", "the budget had doubled since 2010")


def test_transcript_lines_led_by_a_known_speaker(extract):
    record = extract('Mike Pence spoke to Chris Wallace on Sunday.\n\n"WALLACE: Will Gennifer Flowers be there?'
                     '\n\n"PENCE: Gennifer Flowers will not be attending the debate.\n\nNote: a transcript follows.')
    assert [(q.speaker, q.content) for q in record.quotes] == [
        ("Chris Wallace", "Will Gennifer Flowers be there?"),
        ("Mike Pence", "Gennifer Flowers will not be attending the debate.")]


def test_unresolved_pronoun_stays_a_pronoun(extract):
    (quote,) = extract("“It never crossed my mind that I was losing it,” she said months later.").quotes
    assert (quote.speaker, quote.speaker_id) == ("she", None)


def test_split_quote_around_a_long_attribution(extract):
    text = ('"There is a need for more oversight," said Ronald Fieldstone, a Miami lawyer who works '
            'on development projects. "The program has been abused."')
    (quote,) = extract(text).quotes
    assert quote.speaker == "Ronald Fieldstone"
    assert quote.content == "There is a need for more oversight, The program has been abused."


def test_speaker_between_quote_and_cue_when_the_parser_picks_a_quoted_word(extract):
    (quote,) = extract("“I make this promise to you: We will achieve justice in this case,” "
                       "Tulsa police Chief Chuck Jordan said Monday.").quotes
    assert quote.speaker == "Chuck Jordan"


def test_unclosed_partial_quote_is_taken_into_the_reported_clause(extract):
    (quote,) = extract("Hanvey went on to say that the sector was close to users because “they "
                       "recognise we are not the welfare.").quotes
    assert quote.cue == "went on to say" and quote.type == "mixed"
    assert quote.content.startswith("the sector was close") and "welfare" in quote.content


def test_any_named_group_can_report(extract):
    (quote,) = extract("The bank said that it had fired thousands of employees.").quotes
    assert (quote.speaker, quote.content) == ("The bank", "it had fired thousands of employees")


def test_title_only_mention_goes_to_the_holder_of_the_role(extract):
    record = extract("Health minister Ann Keen opened the ward on Monday. Later the minister said that "
                     "waiting lists would fall by half.")
    (quote,) = record.quotes
    assert quote.speaker == "the minister" and quote.speaker_mention.text == "the minister"
    (person,) = [p for p in record.people if p.id == quote.speaker_id]
    assert person.name == "Ann Keen"


def test_it_says_goes_to_the_organisation(extract):
    record = extract("The Local Government Association published its report today. It says that councils "
                     "face a funding gap of billions.")
    (quote,) = record.quotes
    assert quote.speaker == "Local Government Association"


def test_it_takes_up_a_thing_that_was_the_last_subject_not_an_organisation_before_it(extract):
    record = extract("Liverpool City Council welcomed the inspection. The report found that children were "
                     "assessed quickly. It also says that staff in the helpline responded well to calls.")
    (quote,) = [q for q in record.quotes if q.cue == "says"]
    assert (quote.speaker, quote.speaker_id) == ("It", None)  # the report, not the council
    record = extract("Liverpool City Council published its annual review. The council said the service had "
                     "improved. It also said that more staff would be hired.")
    assert {q.speaker for q in record.quotes} == {"Liverpool City Council"}  # "the council" is its alias


def test_criticised_for(extract):
    (quote,) = extract("Lewis criticised commissioners for “going for the same tired old solutions” "
                       "in every town.").quotes
    assert (quote.cue, quote.cue_class, quote.type) == ("criticised", "critical", "mixed")
    assert quote.content == "“going for the same tired old solutions” in every town"  # both marks or none


def test_criticised_for_a_deed_is_no_claim(extract):
    assert extract("Lewis criticised the council for closing the library in the spring.").quotes == []


def test_lexicon_has_a_few_hundred_cues_in_five_classes():
    cues = QuoteLexicon.from_data().cues
    assert len(cues) >= 200
    assert set(cues.values()) == {"neutral", "critical", "supportive", "commitment", "announcement"}
    assert {"go on to say", "according to", "point out", "hit out"} <= set(cues)


def test_a_name_that_only_describes_the_speaker_is_not_the_speaker(extract):
    record = extract("Bryan Pagliano was subpoenaed. Pagliano's lawyer said he will refuse to answer "
                     "questions. The GOP nominee argued that the files should stay closed.")
    assert [q.speaker for q in record.quotes] == ["Pagliano's lawyer", "The GOP nominee"]


def test_relative_pronoun_speaker_is_the_noun_it_refers_to(extract):
    (quote,) = extract("Donald Trump, who pledged to ban all imports from the country, spoke on Monday.").quotes
    assert (quote.speaker, quote.cue) == ("Donald Trump", "pledged")


def test_a_label_after_a_known_name_is_not_a_transcript_line(extract):
    record = extract("Mike Pence spoke on Sunday.\n\nPENCE: October 2, 2016.\n\n"
                     "PENCE: We will win this election in November.")
    assert [q.content for q in record.quotes] == ["We will win this election in November."]
