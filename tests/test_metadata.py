"""Article metadata read from the text."""

import pytest

from extractors.metadata import parse_date, read_metadata


@pytest.mark.parametrize("text, expected", [
    ("May 22, 2022", "2022-05-22"),
    ("Thursday, 25 February 2010", "2010-02-25"),
    ("June 29, 2006 in Workforce", "2006-06-29"),
    ("Sept. 11, 2016", "2016-09-11"),
    ("25th March 2019", "2019-03-25"),
    ("published 2020-01-31 at noon", "2020-01-31"),
    ("February 30, 2010", None),
    ("no date here", None),
])
def test_dates_in_news_formats(text, expected):
    assert parse_date(text) == expected


def test_title_author_date_and_publication_from_a_web_page():
    text = ("Think Local First\n\nMain Menu\n  • Home\n  • News\n\nThink Local First\n\n"
            "Fundamental change in the social care of children\n\nBy Loretta Hudson\nMay 22, 2022\n\n"
            "Vulnerable children and families in England will be better supported by a change in the "
            "way services are provided.\n")
    assert read_metadata(text) == ("Fundamental change in the social care of children", "2022-05-22",
                                   "Loretta Hudson", "Think Local First")


def test_writes_byline_over_a_line_break_and_more_from_publication():
    text = ("Government wants charities to help\n\nThe crisis is forcing the government to act, the "
            "minister has revealed, writes Sally\nGillen\n.\n\nMore from Community Care\n")
    meta = read_metadata(text)
    assert (meta.title, meta.author, meta.publication, meta.date) == (
        "Government wants charities to help", "Sally Gillen", "Community Care", None)


def test_a_single_sentence_has_no_title():
    assert read_metadata("The council said it had no money left.").title is None


def test_record_takes_input_metadata_first(extract, nlp):
    from extractors.pipeline import extract_articles
    from extractors.records import ArticleText

    article = ArticleText(id="a", text="Headline in the text\n\nJo Bloggs said the plan was fine on "
                          "Thursday, 25 February 2010, in a long speech to members.",
                          title="Given title", date="March 3, 2011")
    (record,) = extract_articles([article], nlp)
    assert (record.title, record.date) == ("Given title", "2011-03-03")
    assert extract(article.text).title == "Headline in the text"


STORY = ("The county council agreed on Tuesday to keep all nine of its libraries open for another year, "
         "after a consultation that drew more than four thousand replies from residents.\n\n"
         "Its leader said the decision would be reviewed on 12 March 2019, when the budget is set.\n")


@pytest.mark.parametrize("head, title", [
    ("Libraries saved for another year.\n\n", "Libraries saved for another year"),  # a headline with a full stop
    ("Council keeps its libraries open as readers rally to save them.\n\n",
     "Council keeps its libraries open as readers rally to save them"),  # reads like prose, but stands first
    ("Libraries saved; \nCouncil bows to readers after a consultation drew four thousand replies.\n\n",
     "Libraries saved; Council bows to readers after a consultation drew four thousand replies"),
    ("Readers win: 'Keep them open.'\n\n", "Readers win: 'Keep them open'"),
    ("Skip to content\n\nMain Menu\n  \u2022 Home\n  \u2022 News\n  \u2022 Sport\n\nLibraries saved\n\n", "Libraries saved"),
])
def test_title_is_the_headline_line(head, title):
    assert read_metadata(head + STORY).title == title


def test_a_dateline_is_not_a_title():
    text = "LONDON (Reuters) - The county council agreed on Tuesday to keep its libraries.\n\n" + STORY
    assert read_metadata(text).title is None


@pytest.mark.parametrize("head, expected", [
    ("Libraries saved\nBy Jo Bloggs | Feb 3, 2016\n\n", "2016-02-03"),
    ("Libraries saved\nPublished: 25 February 2010\n\n", "2010-02-25"),
    ("Libraries saved\nThursday, 25 February 2010\n\n", "2010-02-25"),
    ("Libraries saved\n\nLEEDS, March 3, 2016 (Reuters) - ", "2016-03-03"),
    ("Libraries saved\n\nLEEDS, March 3 (Reuters) - ", None),  # a dateline without its year
    ("Libraries saved\n\n", None),  # only the date in the story: 12 March 2019
])
def test_date_only_where_the_article_gives_its_own(head, expected):
    assert read_metadata(head + STORY).date == expected


def test_updated_line_and_blog_footer_dates():
    assert read_metadata("Libraries saved\n\n" + STORY + "\nUpdated 4 March 2016, 10:02\n").date == "2016-03-04"
    assert read_metadata("Libraries saved\n\n" + STORY + "\nJune 29, 2006 in Libraries\n").date == "2006-06-29"
    wrapped = "Libraries saved\n\n" + STORY + "The vote comes after the meeting on\nMay 2, 2018 in the town hall\n"
    assert read_metadata(wrapped).date is None  # a hard-wrapped sentence of the story, not a footer


def test_hard_wrapped_text_under_a_capitals_headline():
    text = ("LIBRARIES SAVED IN LEEDS\nPEOPLE living\nin Leeds will keep all nine of their libraries after the "
            "council\nbacked down on Thursday, 25 February 2010.\nThe council said the decision was final.\n")
    meta = read_metadata(text)
    assert (meta.title, meta.date) == ("LIBRARIES SAVED IN LEEDS", None)
