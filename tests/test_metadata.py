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
