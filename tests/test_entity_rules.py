"""Organisations by shape, people without headline words or titles, roles stated in every way:
on sentences written for these tests."""

from __future__ import annotations

import pytest


def _names(record) -> tuple[set[str], set[str]]:
    return {p.name for p in record.people}, {o.name for o in record.organisations}


def _roles(record, name: str) -> list[tuple[str, str | None, bool]]:
    (person,) = [p for p in record.people if p.name == name]
    return [(r.title, r.organisation, r.former) for r in person.roles]


@pytest.mark.parametrize("text, organisation", [
    ("Officials at the Department for Education said the plan was sound.", "Department for Education"),
    ("The Ministry of Justice said prisons were full.", "Ministry of Justice"),
    ("A report by the Westfield Housing Coalition found rents had risen.", "Westfield Housing Coalition"),
    ("Staff at Harbour Lane Trust said they were worried.", "Harbour Lane Trust"),
    ("The Brennan Family Association said it would appeal.", "Brennan Family Association"),
    ("Dr Ama Owusu of the Northern Carers Group said so.", "Northern Carers Group"),
])
def test_organisation_names_by_their_shape(extract, text, organisation):
    assert organisation in _names(extract(text))[1]


def test_acronym_defined_in_brackets_and_acronym_as_subject(extract):
    record = extract("The Rural Schools Network (RSN) published a survey. RSN said small schools were at risk. "
                     "Later, CPAG warned that families were struggling.")
    people, orgs = _names(record)
    assert {"Rural Schools Network", "CPAG"} <= orgs
    (network,) = [o for o in record.organisations if o.name == "Rural Schools Network"]
    assert "RSN" in network.aliases


def test_possessive_that_is_part_of_the_name_is_kept(extract):
    orgs = _names(extract("A spokesperson for Barnardo's said the charity would act."))[1]
    assert orgs == {"Barnardo's"}
    orgs = _names(extract("Barnardo's chief executive Jane Smith said so."))[1]
    assert orgs == {"Barnardo"}  # here the 's is a possessive


def test_kind_follows_the_context(extract):
    record = extract("Police shot Keith Lamont Scott on Tuesday. Scott was in his car when he died.")
    assert _names(record) == ({"Keith Lamont Scott"}, set())


@pytest.mark.parametrize("text, name, honorific", [
    ("Sen. Maria Okafor said the bill would pass.", "Maria Okafor", "Sen."),
    ("Rep. Tom Haskell voted against it.", "Tom Haskell", "Rep."),
    ("Gov. Lena Marsh signed the order on Monday.", "Lena Marsh", "Gov."),
    ("Cllr Priya Nair said the budget was tight.", "Priya Nair", "Cllr"),
    ("Coun Peter Hale said the council would listen.", "Peter Hale", "Coun"),
    ("Lord Ashdown said the plan was flawed.", "Ashdown", "Lord"),
])
def test_honorifics_are_stripped_and_kept(extract, text, name, honorific):
    people = {p.name: p for p in extract(text).people}
    assert people[name].honorific == honorific


def test_headline_words_and_glued_words_never_make_a_name(extract):
    record = extract("Okafor Says Farm Subsidies Will Go To Avoid Rural Crisis\n\n"
                     "Maria Okafor told reporters on Monday that the subsidies would end. Said Okafor: it was time.\n\n"
                     "Crooked Maria Okafor is what critics call her. OkaforRep Dan Vell agreed with her. Sam WilkesAssociate said so.")
    people, orgs = _names(record)
    assert "Maria Okafor" in people
    fragments = ("Says", "Crooked", "Said", "OkaforRep", "Sam")
    assert not {n for n in people | orgs if any(f in n for f in fragments)}


def test_stated_roles(extract):
    record = extract("Jane Smith is chief executive of the Local Government Association. "
                     "The council appointed Tom Reed as director of children's services. "
                     "Ann Lee became president of the Society of Archivists in May.")
    assert _roles(record, "Jane Smith") == [("chief executive", "Local Government Association", False)]
    assert _roles(record, "Tom Reed") == [("director of children's services", None, False)]
    assert _roles(record, "Ann Lee") == [("president", "Society of Archivists", False)]


def test_role_across_a_sentence_and_in_a_caption_line(extract):
    record = extract("The chief executive of the charity, Jane Smith, said funding was short.\n\n"
                     "Tom Reed, policy director, Child Poverty Action Group\n\nThe charity said it would act.")
    assert _roles(record, "Jane Smith") == [("chief executive", None, False)]
    assert _roles(record, "Tom Reed") == [("policy director", "Child Poverty Action Group", False)]


def test_former_covers_each_title_and_the_organisation_is_apart(extract):
    record = extract("The former chief executive and chair of the trust, Ann Lee, said it was wrong. "
                     "Liverpool City Council leader Joe Ward agreed.")
    assert [(t, f) for t, _, f in _roles(record, "Ann Lee")] == [("chief executive", True), ("chair", True)]
    assert _roles(record, "Joe Ward") == [("leader", "Liverpool City Council", False)]


def test_a_post_is_not_an_organisation(extract):
    record = extract("Funding will go to the School Social Worker and Family Liaison Officer programmes.")
    assert not {o.name for o in record.organisations} & {"School Social Worker", "Family Liaison Officer"}


def test_an_office_keeps_its_domain_and_a_title_ends_before_a_place(extract):
    record = extract("Secretary of State Ann Lee met Quentin Ross, a political scientist at Hallam "
                     "University in Sheffield, and Rep. Dan Vell, the panel chairman.")
    assert _roles(record, "Ann Lee") == [("Secretary of State", None, False)]
    assert _roles(record, "Quentin Ross") == [("political scientist", "Hallam University", False)]
    assert _roles(record, "Dan Vell") == [("panel chairman", None, False)]


def test_two_names_run_together_are_not_one_person(extract):
    record = extract("Eli Stoklos says the endorsements from Christie and Sessions can be seen as a sign. "
                     "Carly Fiorina to Rubio: he said no.")
    assert not {p.name for p in record.people} & {"Christie and Sessions", "Carly Fiorina to Rubio"}
