from extractors.text import normalise


def test_same_length_and_apostrophes():
    text = "Barnardo’s Chris Hanvey said:-\n“We don’t”"
    out = normalise(text)
    assert len(out) == len(text)
    assert "Barnardo's" in out and "don't" in out
    assert "said: " in out  # "said:-" reads as a colon introduction
    assert "“We" in out  # quote marks are kept for the quote finder


def test_hard_wrapped_paragraph_is_joined_but_paragraphs_are_kept():
    text = ("The recruitment crisis in child protection is forcing the\n"
            "government to look to the voluntary sector for boosting child\n"
            "protection social worker numbers, says the minister today.\n"
            "\n"
            "She said the government was in the earliest stages of looking at\n"
            "how the sector could be used.\n")
    out = normalise(text)
    assert "forcing the government" in out
    assert "\n\nShe said" in out
    assert "at how the sector" in out


def test_list_items_and_headings_stay_on_their_own_lines():
    text = ("The areas for development include:\n"
            "► Improving the reliability of the computer system which records the\n"
            "details of care cases\n"
            "► Sharing casework documents with families and children\n"
            "Stuart Smith, executive director, said the work goes on.\n")
    out = normalise(text)
    assert "include:\n►" in out
    assert "records the details" in out
    assert "cases\n►" in out
    assert "children\nStuart Smith" in out


def test_unwrapped_text_keeps_its_line_breaks():
    text = ("See Ivan Lewis interview\n‘Tired methods must change’, says Lewis\n"
            "June 29, 2006 in Workforce\nMore from Community Care\n")
    assert normalise(text) == text


def test_sentence_continuing_in_lower_case_is_joined():
    assert normalise("and called for\nproviders to be respected") == "and called for providers to be respected"


def test_a_sentence_ending_where_the_next_word_would_have_fitted_ends_its_paragraph():
    """In a text wrapped at about 64 columns, with paragraphs on single line breaks: a line
    that ends a sentence with room left for the next word was ended by hand; one that ends a
    sentence at the margin is only wrapped."""
    text = ("Councillor Ann Lee said the findings were a tribute to the staff\n"
            "who work in the service, and the council would go on.\n"
            "We support families with a range of complex needs every day and\n"
            "the council has invested in more social workers to do the job.\n"
            "Inspectors found that the service was well run in most respects.\n"
            "It also says staff in the helpline respond well to most calls.\n")
    out = normalise(text)
    assert "the staff who work" in out  # no sentence end: wrapped
    assert "go on.\nWe support" in out  # "We" would have fitted on the line: a new paragraph
    assert "every day and the council" in out
    assert "do the job. Inspectors" in out  # "Inspectors" would not have fitted: only wrapped
    assert "respects. It also says" in out
