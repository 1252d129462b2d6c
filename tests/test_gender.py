"""Gender from the article (honorifics, titles, its own pronouns) and first names, for he/she."""

from __future__ import annotations

import pytest

from extractors.lexicons import EntityLexicon


def _genders(nlp, text: str) -> dict[str, str | None]:
    doc = nlp(text)
    return {c.name: c.gender for c in doc._.pckg_entities if c.kind == "person"}


@pytest.mark.parametrize("text, name, gender", [
    ("Mrs Alex Kerr opened the new ward on Monday.", "Alex Kerr", "female"),
    ("Sir Robin Vale opened the new ward on Monday.", "Robin Vale", "male"),
    ("Sam Hill, the council's spokeswoman, opened the new ward on Monday.", "Sam Hill", "female"),
    ("Alex Kerr opened the new ward on Monday. She thanked the staff for their work.", "Alex Kerr", "female"),
    ("Mary Ross opened the new ward on Monday.", "Mary Ross", "female"),
    ("Jamie Ford opened the new ward on Monday.", "Jamie Ford", None),
])
def test_gender_from_the_article_then_the_first_name(nlp, text, name, gender):
    assert _genders(nlp, text)[name] == gender


def test_the_article_outweighs_the_first_name(nlp):
    text = "Mary Ross opened the ward. He said the staff had worked hard. His team agreed with him."
    assert _genders(nlp, text)["Mary Ross"] == "male"


def test_first_name_list_is_derived_data_with_its_source_and_licence():
    lexicon = EntityLexicon.from_data()
    assert lexicon.first_names["margaret"] == "female" and lexicon.first_names["john"] == "male"
    assert "jamie" not in lexicon.first_names  # given to both: no guess
    assert lexicon.gendered_words["mrs"] == "female"


def test_she_goes_to_the_woman_not_the_man_named_last(extract):
    text = ("Mrs Ann Lee chairs the trust. She met Tom Hart, the finance director, on Monday. "
            "She said that the deficit would be cleared by March.")
    quote = next(q for q in extract(text).quotes if q.content.startswith("the deficit"))
    assert quote.speaker == "Ann Lee"


def test_he_never_goes_to_an_organisation_nor_it_to_a_person(extract):
    text = ("Tom Hart wrote to the Local Government Association on Monday. It said that councils "
            "needed more money. He said that the letter had been ignored.")
    speakers = {q.content: q.speaker for q in extract(text).quotes}
    assert speakers["councils needed more money"] == "Local Government Association"
    assert speakers["the letter had been ignored"] == "Tom Hart"


def test_a_byline_is_never_an_antecedent(extract):
    text = "By Sarah Jones\n\nThe council met on Monday. She said that the budget was too small."
    (quote,) = extract(text).quotes
    assert quote.speaker_id is None
