"""People, organisations and roles, on sentences written for these tests."""

from __future__ import annotations

import pytest


def _people(record) -> dict[str, object]:
    return {p.name: p for p in record.people}


def _roles(person) -> list[tuple[str, str | None]]:
    return [(r.title, r.organisation) for r in person.roles]


def test_line_breaks_and_possessives_are_not_part_of_names(extract):
    record = extract("The report, by Josh MacAlister’s team, was welcomed.\n\n"
                     "Speaking later, Anna\nKowalski said the review was overdue.")
    assert {"Josh MacAlister", "Anna Kowalski"} <= set(_people(record))


def test_surname_is_an_alias_of_the_full_name(extract):
    record = extract("Margaret Hodge spoke at the conference. Hodge added that more was needed.")
    (person,) = record.people
    assert person.name == "Margaret Hodge" and "Hodge" in person.aliases
    assert len(person.mentions) == 2


def test_two_people_sharing_a_surname_are_not_merged(extract):
    record = extract("Ed Miliband and David Miliband both spoke. Miliband said the plan was wrong.")
    assert {"Ed Miliband", "David Miliband"} <= set(_people(record))


def test_honorific_is_an_attribute_not_part_of_the_name(extract):
    record = extract("Children's Commissioner for England Dame Rachel de Souza said the review mattered.")
    person = _people(record)["Rachel de Souza"]
    assert person.honorific == "Dame"
    assert _roles(person) == [("Children's Commissioner for England", None)]


def test_title_before_the_name(extract):
    record = extract("Education Secretary Nadhim Zahawi visited a school in Leeds.")
    assert _roles(_people(record)["Nadhim Zahawi"]) == [("Education Secretary", None)]


def test_title_with_organisation_before_the_name(extract):
    record = extract("Director of operations at Barnardo's Chris Hanvey said the sector was ready.")
    (title, organisation), = _roles(_people(record)["Chris Hanvey"])
    assert title == "Director of operations" and organisation == "Barnardo's"  # the charity's name has the 's


def test_apposition_after_the_name(extract):
    record = extract("Joyce Moseley, chief executive of the charity Rainer, said funding was short.")
    people = _people(record)
    assert set(people) == {"Joyce Moseley"}  # "charity Rainer" is an organisation
    (title, organisation), = _roles(people["Joyce Moseley"])
    assert title.startswith("chief executive") and organisation == "Rainer"
    assert "Rainer" in {o.name for o in record.organisations}


def test_coordinated_titles_are_split(extract):
    record = extract("Deputy Council Leader and executive member for finance, Councillor Flo Clucas, "
                     "said the survey was open.")
    person = _people(record)["Flo Clucas"]
    assert person.honorific == "Councillor"
    assert [t for t, _ in _roles(person)] == ["Deputy Council Leader", "executive member for finance"]


def test_email_addresses_and_shouted_headlines_are_not_entities(extract):
    record = extract("SOCIAL CARE RECRUITMENT DRIVE HITS LIVERPOOL\n\nWrite to consultation@example.co.uk "
                     "for details.")
    names = {p.name for p in record.people} | {o.name for o in record.organisations}
    assert not any("@" in n or n.isupper() and " " in n for n in names)


def test_byline_writer_is_marked_and_not_taken_for_she(extract):
    record = extract("The crisis is forcing the government to act, minister Margaret Hodge has revealed, "
                     "writes Sally Gillen.\n\nShe said the government was at an early stage.")
    people = _people(record)
    assert people["Sally Gillen"].byline and not people["Margaret Hodge"].byline
    assert [q.speaker for q in record.quotes if q.content.startswith("the government")] == ["Margaret Hodge"]


def test_acronym_joins_the_long_name_both_ways(extract):
    record = extract("The National Council for Voluntary Organisations published figures. NCVO said "
                     "charities were struggling.")
    (org,) = record.organisations
    assert org.name == "National Council for Voluntary Organisations"
    assert org.aliases == {"NCVO": "acronym of National Council for Voluntary Organisations"}
    (quote,) = record.quotes
    assert quote.speaker == "NCVO"  # as the article names it at the claim; the id is the organisation's
    assert quote.speaker_id == [o.id for o in record.organisations][0]


def test_case_variants_are_one_organisation(extract):
    record = extract("OFSTED inspected the service in May. The report by Ofsted praised the staff.")
    (org,) = record.organisations
    assert [m.text for m in org.mentions] == ["OFSTED", "Ofsted"] and "Ofsted" in org.aliases


def test_definite_description_refers_back_to_the_one_council(extract):
    record = extract("Liverpool City Council runs a large grants scheme. The city council allocates "
                     "three-year grants to charities.")
    (org,) = record.organisations
    assert org.aliases == {"city council": "description referring back to Liverpool City Council"}
    assert len(org.mentions) == 2


@pytest.mark.parametrize("text, names", [
    ("Seven areas will receive funding for Family Hubs. The report by John Smith was published today.",
     {"John Smith"}),
    # verbs, pronoun phrases and epithets are not roles either
    ("Critics of Maria Okafor, his longtime rival, say billionaire Dan Vell funds events that can limit her "
     "time, said Ann Lee.", {"Maria Okafor", "Dan Vell", "Ann Lee"}),
])
def test_a_thing_before_a_name_is_not_a_role(extract, text, names):
    people = extract(text).people
    assert names <= {p.name for p in people}
    assert all(p.roles == [] for p in people)


def test_former_role_with_an_acronym_organisation(extract):
    record = extract("Former ADSS president John Smith said the reforms were overdue.")
    person = _people(record)["John Smith"]
    (role,) = person.roles
    assert (role.title, role.organisation, role.former) == ("president", "ADSS", True)
    assert "ADSS" in {o.name for o in record.organisations}


def test_role_offsets_point_at_the_title(extract):
    text = "Joyce Moseley, chief executive of the charity Rainer, said funding was short."
    (role,) = _people(extract(text))["Joyce Moseley"].roles
    assert text[role.mention.start : role.mention.end] == role.title
