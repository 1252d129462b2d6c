"""Attribution precision: who the speaker is and where a claim's words end, on sentences
written for these tests."""

from __future__ import annotations


# --- the speaker -------------------------------------------------------------------------------

def test_a_dateline_is_not_the_subject(extract):
    (quote,) = extract("DENVER, March 3 (AP) — The Colorado Hospital Association said on Monday that rural "
                       "clinics would close.").quotes
    assert quote.speaker == "Colorado Hospital Association"
    assert quote.content == "rural clinics would close"


# --- titles in quote marks ------------------------------------------------------------------------

def test_a_title_in_running_text_is_no_quote(extract):
    record = extract("In his book “The Art of the Deal,” Mr. Lee wrote that every deal has a loser.")
    assert [(q.speaker, q.content) for q in record.quotes] == [("Lee", "every deal has a loser")]


def test_a_show_title_inside_a_reported_clause_is_left_in_it(extract):
    (quote,) = extract("Senator Jane Roe said on “Meet the Press” that the bill would “never pass the House” "
                       "this year.").quotes
    assert quote.content == "the bill would “never pass the House” this year"


def test_capitalised_words_after_a_colon_are_a_quote(extract):
    (quote,) = extract("Mayor Ann Lee wrote on Twitter: “Stop The Closures Now.”").quotes
    assert (quote.speaker, quote.content) == ("Ann Lee", "Stop The Closures Now.")


def test_a_quotation_in_a_capitalised_headline_is_no_title():
    from extractors.lexicons import QuoteLexicon
    from extractors.quotes import quotations
    from extractors.quotes.filters import title_quotation

    lexicon = QuoteLexicon.from_data()
    headline = "Mayor Says Rival ‘Makes Me Want To Laugh’\n\nThe mayor spoke on Monday."
    running = "She said the plan was, in the words of the ‘Daily Record’ editorial, a disgrace."
    assert [title_quotation(headline, q, lexicon) for q in quotations(headline)] == [False]
    assert [title_quotation(running, q, lexicon) for q in quotations(running)] == [True]


# --- how far a claim runs ----------------------------------------------------------------------

def test_two_clauses_before_the_cue_are_one_claim(extract):
    record = extract("Ann Lee had asked for no escort at all, but the department overruled that request, "
                     "the source added.")
    (quote,) = [q for q in record.quotes if q.cue == "added"]
    assert quote.content == "Ann Lee had asked for no escort at all, but the department overruled that request"


def test_a_cue_between_its_two_clauses_is_cut_out_of_the_claim(extract):
    (quote,) = extract("The documents indicate, he said in a telephone interview, that the agency and the "
                       "charity worked hand in hand.").quotes
    assert quote.content == "The documents indicate the agency and the charity worked hand in hand"
    assert len(quote.parts) == 2


# --- one claim per cue -------------------------------------------------------------------------

def test_what_one_cue_reports_is_one_claim_in_parts(extract):
    (quote,) = extract("Ann Lee says she hopes to win the seat, but she knows that “the mayor will always be "
                       "the favourite.”").quotes
    assert (quote.speaker, quote.cue, quote.type) == ("Ann Lee", "says", "mixed")
    assert quote.content == "she hopes to win the seat the mayor will always be the favourite."
    assert len(quote.parts) == 2


def test_two_cues_stay_two_claims(extract):
    record = extract("Ann Lee said the library would close. Tom Hale said the library would stay open.")
    assert [(q.speaker, q.content) for q in record.quotes] == [
        ("Ann Lee", "the library would close"), ("Tom Hale", "the library would stay open")]


def test_a_reason_the_parser_hangs_on_the_cue_belongs_to_the_claim(extract):
    # the parser hangs "because nobody had asked the nurses" on "said", not on "was"
    (quote,) = extract("Ann Lee said it was a mistake, because nobody had asked the nurses.").quotes
    assert quote.content == "it was a mistake, because nobody had asked the nurses"
