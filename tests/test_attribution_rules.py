"""Attribution rules for news beyond "X said": the speaker as written, role phrases, reported
speech beyond "said that", short and floating quotes, what is no claim, the cue lexicon and
speaker phrases, on sentences written for these tests."""

from __future__ import annotations

import pytest

# --- the speaker as the article names them ------------------------------------------------

def test_speaker_is_the_name_written_at_the_cue(extract):
    record = extract("Terry Sullivan runs the food bank in the town. Sullivan, struck by the queue outside, "
                     "said that demand had doubled since the spring.")
    (quote,) = record.quotes
    assert quote.speaker == "Sullivan"
    (person,) = [p for p in record.people if p.id == quote.speaker_id]
    assert person.name == "Terry Sullivan"


def test_role_phrase_speaker_is_the_role_as_written(extract):
    record = extract("Council leader Ann Lee opened the library on Monday. The council leader said the "
                     "branch would stay open on Sundays.")
    (quote,) = record.quotes
    assert quote.speaker == "The council leader"
    assert next(p for p in record.people if p.id == quote.speaker_id).name == "Ann Lee"


def test_pronoun_speaker_keeps_the_canonical_name(extract):
    (quote,) = extract("Terry Sullivan runs the food bank. She said that demand had doubled since "
                       "the spring.").quotes
    assert quote.speaker == "Terry Sullivan" and quote.speaker_mention.text == "She"


# --- role phrases -------------------------------------------------------------------------

def test_minister_is_not_the_shadow_minister(extract):
    record = extract("Shadow minister Tom Price visited the ward on Monday. Later the minister said that "
                     "waiting lists would fall by half.")
    (quote,) = record.quotes
    assert (quote.speaker, quote.speaker_id) == ("the minister", None)


def test_role_phrase_shared_by_two_people_stays_unnamed(extract):
    record = extract("Health minister Ann Keen and housing minister Rob Hale toured the town. The minister "
                     "said that the clinic would reopen in May.")
    (quote,) = record.quotes
    assert (quote.speaker, quote.speaker_id) == ("The minister", None)


def test_plural_and_indefinite_role_phrases_are_no_one_person(extract):
    record = extract("Federal officials said the attack was planned for weeks, according to Jon Hart, a former "
                     "official. A former official said that the warnings were ignored.")
    assert [(q.speaker, q.speaker_id) for q in record.quotes if q.cue == "said"] == [
        ("Federal officials", None), ("A former official", None)]


def test_a_name_inside_a_modifier_is_not_the_speaker(extract):
    (quote,) = extract("Hillary Clinton spoke in Ohio. A group of Clinton supporters said that most "
                       "of them wanted a debate.").quotes
    assert quote.speaker == "A group of Clinton supporters" and quote.speaker_id is None


# --- reported speech beyond "said that" ------------------------------------------------------

def test_statement_participle_reports_whoever_issued_it(extract):
    (quote,) = extract("The Local Government Association issued a statement saying that the cuts would leave "
                       "thousands of families homeless.").quotes
    assert (quote.speaker, quote.content) == ("Local Government Association",
                                             "the cuts would leave thousands of families homeless")


def test_participle_after_a_source_noun(extract):
    record = extract("Shares fell sharply on Monday, with analysts saying the merger had been rushed.")
    assert [(q.speaker, q.content) for q in record.quotes] == [("analysts", "the merger had been rushed")]


def test_gerund_after_by_shares_the_subject_but_not_after_for(extract):
    record = extract("Jane Roe responded by saying that the report was out of date. Ann Lee criticised "
                     "Tom Hart for suggesting that nurses were overpaid.")
    said = [(q.speaker, q.content) for q in record.quotes if q.cue == "saying"]
    assert said == [("Jane Roe", "the report was out of date")]
    assert not any(q.cue == "suggesting" and q.speaker == "Ann Lee" for q in record.quotes)


def test_a_share_of_people_asked_reports_what_they_said(extract):
    record = extract("In the survey, 58 percent of nurses said they would leave the profession within five years.")
    assert [(q.speaker, q.content) for q in record.quotes] == [
        ("58 percent of nurses", "they would leave the profession within five years")]


def test_parenthetical_cue_reports_the_sentence_around_it(extract):
    text = "The new plan, officials said, would cost the council £2bn over five years."
    (quote,) = extract(text).quotes
    assert (quote.speaker, quote.content) == ("officials", "The new plan would cost the council £2bn over five years")
    assert [text[s:e] for s, e in quote.parts] == ["The new plan", "would cost the council £2bn over five years"]


def test_fronted_adverbial_is_not_a_parenthetical_cue(extract):
    record = extract("In Leeds, Jane Roe said, the queues were longest.")
    # the claim is the sentence after the cue, or none (the parser may give the cue no clause);
    # never the adverbial with it
    assert [(q.speaker, q.content) for q in record.quotes] in ([], [("Jane Roe", "the queues were longest")])


def test_object_control_reports_the_object_and_its_infinitive(extract):
    (quote,) = extract("Jane Roe urged the government to fund more foster places.").quotes
    assert (quote.speaker, quote.content) == ("Jane Roe", "the government to fund more foster places")


def test_called_for_reports_its_object(extract):
    (quote,) = extract("The union called for a review of the closures.").quotes
    assert (quote.speaker, quote.cue, quote.content) == ("The union", "called for", "a review of the closures")


def test_denied_the_claims_but_not_issued_a_claim(extract):
    record = extract("The council denied the claims about its care homes. The firm issued a claim for damages.")
    assert [(q.speaker, q.content) for q in record.quotes] == [("The council", "the claims about its care homes")]


def test_warned_with_object_and_clause_reports_the_clause(extract):
    (quote,) = extract("The minister warned councils that budgets would be cut again.").quotes
    assert quote.content == "budgets would be cut again"


# --- short quotes with a clear cue -------------------------------------------------------------

@pytest.mark.parametrize("text, speaker, content", [
    ("“Not again,” said Ann Lee.", "Ann Lee", "Not again,"),
    ("Parents shouted “Save our nursery”.", "Parents", "Save our nursery"),
    ("She called the plan “reckless”.", "She", "reckless"),
])
def test_short_quote_with_a_clear_cue_and_speaker(extract, text, speaker, content):
    assert [(q.speaker, q.content) for q in extract(text).quotes] == [(speaker, content)]


def test_short_quotation_without_a_cue_is_a_scare_quote(extract):
    assert extract("The “reform” was dropped within a week of the election.").quotes == []


def test_a_title_in_the_cue_is_not_the_rest_of_a_split_quote(extract):
    text = ("“We are not winning yet, but it is far too soon to give up,” Ann Lee said on "
            "“Breakfast Time.” “I think the plan will work in the end.”")
    (quote,) = extract(text).quotes
    assert [text[s:e] for s, e in quote.parts] == ["We are not winning yet, but it is far too soon to give up,",
                                                   "I think the plan will work in the end."]


# --- quotes over several paragraphs, floating quotes -------------------------------------------

def test_quote_over_several_paragraphs_is_one_record_per_paragraph(extract):
    text = ("Ann Lee, who chairs the trust, said: “We have seen demand double in a year.\n\n"
            "“Families are choosing between heating and eating this winter.\n\n"
            "“We cannot go on like this for much longer.”\n")
    first, second, third = extract(text).quotes
    assert first.content == "We have seen demand double in a year."
    assert second.content == "Families are choosing between heating and eating this winter."
    assert third.content == "We cannot go on like this for much longer."
    assert [q.speaker for q in (first, second, third)] == ["Ann Lee"] * 3
    assert [q.continues for q in (first, second, third)] == [None, first.id, first.id]
    assert [q.attribution for q in (first, second, third)] == ["cue", "continued", "continued"]


def test_floating_quote_paragraph_goes_on_with_the_speaker_before(extract):
    text = ("“The closure will hit the poorest families hardest,” said Ann Lee.\n\n"
            "“Nobody asked the parents what they wanted for their children.”\n")
    first, second = extract(text).quotes
    assert (second.speaker, second.attribution, second.continues) == ("Ann Lee", "inferred", None)
    assert first.attribution == "cue"


# --- what is no claim --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ann Lee did not say whether the clinic would reopen in the spring.",
    "The council declined to comment on the future of the day centre.",
    "Asked whether the plan would survive the election, the minister smiled.",
])
def test_negated_declined_and_asked_cues_are_no_claims(extract, text):
    assert extract(text).quotes == []


def test_declined_to_comment_but_said_is_still_a_claim(extract):
    (quote,) = extract("The firm declined to comment on the report but said that it had never broken the law.").quotes
    assert quote.content == "it had never broken the law"


def test_teaser_lines_hold_no_claims(extract):
    text = ("Ann Lee said that the clinic would close in March.\n\n"
            "READ MORE: Minister says that the clinic will stay open for good\n")
    assert [q.content for q in extract(text).quotes] == ["the clinic would close in March"]


def test_a_caption_repeating_a_sentence_is_one_claim(extract):
    text = ("“We will not let this library close without a fight,” said Ann Lee.\n\n"
            "Campaigners gathered outside the library on Saturday.\n\n"
            "“We will not let this library close without a fight,” said Ann Lee.\n")
    assert len(extract(text).quotes) == 1


# --- the cue lexicon -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, cue", [
    ("“We have waited long enough for this,” Ann Lee sighed.", "sighed"),
    ("“We are not going anywhere soon,” Ann Lee shot back.", "shot back"),
    ("Ann Lee swiped at ministers for the delays to the new hospital.", "swiped at"),
    ("Ann Lee tweeted that the clinic would stay open until the summer.", "tweeted"),
    ("Ann Lee told reporters that the clinic would stay open until the summer.", "told"),
])
def test_news_cues(extract, text, cue):
    assert [q.cue for q in extract(text).quotes] == [cue]


def test_verbs_that_are_not_speech_report_nothing(extract):
    text = "The protests continued that the council ignored. Voters support the plan to rebuild the pier."
    assert extract(text).quotes == []


def test_continued_still_introduces_a_quotation(extract):
    (quote,) = extract("“The hospital is full every single night,” Ann Lee continued.").quotes
    assert (quote.speaker, quote.cue) == ("Ann Lee", "continued")


# --- speaker phrases ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("One analyst said the merger had been rushed through.", "One analyst"),
    ("The two said that they would appeal the ruling.", "The two"),
    ("Three officials said that the files had been destroyed.", "Three officials"),
    ("A spokesman for the hospital trust, which runs three sites, said that beds were full.",
     "A spokesman for the hospital trust"),
])
def test_descriptive_speakers_are_kept_whole_without_relative_clauses(extract, text, speaker):
    assert [q.speaker for q in extract(text).quotes] == [speaker]


def test_coordinated_that_clauses_are_one_claim_in_two_parts(extract):
    text = "Ann Lee said the school would close in May and that staff would be moved to other sites."
    (quote,) = extract(text).quotes
    assert [text[s:e] for s, e in quote.parts] == ["the school would close in May",
                                                   "staff would be moved to other sites"]


def test_fronted_content_with_the_cue_after_it(extract):
    (quote,) = extract("Children's services are at breaking point, children's minister Jane Roe has revealed.").quotes
    assert (quote.speaker, quote.content) == ("Jane Roe", "Children's services are at breaking point")


# --- unmarked speech and speaker labels --------------------------------------------------------

def test_said_colon_with_the_words_on_the_same_line(extract):
    record = extract("Council leader Ann Lee said: The budget gap will be closed without cutting a single job.")
    assert [(q.speaker, q.content) for q in record.quotes] == [
        ("Ann Lee", "The budget gap will be closed without cutting a single job.")]


def test_colon_label_before_a_quotation(extract):
    text = ("Sam Ortiz runs the youth club in the village.\n\n"
            "Sam Ortiz, on Facebook: “We are open again from Monday, and everyone is welcome.”\n")
    record = extract(text)
    assert [(q.speaker, q.attribution) for q in record.quotes] == [("Sam Ortiz", "label")]


def test_pull_quote_signed_on_the_next_line(extract):
    text = ("Ann Lee has run the food bank since 2015.\n\n"
            "“Demand has never been higher than it is this winter, and it is still rising.”\n"
            "Ann Lee, chief executive, Food Aid Trust\n")
    (quote,) = extract(text).quotes
    assert (quote.speaker, quote.attribution) == ("Ann Lee", "label")


def test_header_line_over_a_quoted_paragraph(extract):
    text = ("We spoke to three people about the closure.\n\n"
            "Ann Lee, a parent at the school\n"
            "“My son will have to travel an hour each way to get to the nearest school.”\n")
    (quote,) = extract(text).quotes
    assert (quote.speaker, quote.attribution) == ("Ann Lee", "label")


def test_asking_for_anonymity_is_no_claim(extract):
    record = extract("“The wards are full every night,” said a nurse, who asked for anonymity to speak freely.")
    assert [q.content for q in record.quotes] == ["The wards are full every night,"]


@pytest.mark.parametrize("text, content", [
    ("“The recruitment crisis is forcing councils to turn to charities,” children's minister Jane Roe said, "
     "writes Tom Hart.", "The recruitment crisis is forcing councils to turn to charities,"),
    ("Children's minister Jane Roe has revealed that the recruitment crisis is forcing councils to turn to "
     "charities, writes Tom Hart.", "the recruitment crisis is forcing councils to turn to charities"),
])
def test_the_byline_writer_is_no_speaker(extract, text, content):
    assert [(q.speaker, q.content) for q in extract(text).quotes] == [("Jane Roe", content)]
