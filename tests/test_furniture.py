"""Page furniture found from the shape of lines."""

from extractors.furniture import furniture_spans


def _furniture(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in furniture_spans(text)]


def test_menu_of_short_lines_is_furniture_but_story_is_not():
    text = ("Main Menu\n  • Home\n  • World Trade Organization\n  • Bankroll\n\n"
            "The minister said the plan would cut waiting lists by half within two years, and "
            "promised that funding would follow once the review had reported in the spring.\n")
    assert _furniture(text) == ["Main Menu", "• Home", "• World Trade Organization", "• Bankroll"]


def test_headlines_after_a_marker_until_the_story_resumes():
    text = ("Latest stories\nCouncil at risk of losing control of services\n"
            "Review proposals a ‘massive concern’, warns BASW\n\n"
            "Back in the story, the chief executive said that the changes would take effect next "
            "month and that every council in the region had been told to prepare for them.\n")
    assert _furniture(text) == ["Latest stories", "Council at risk of losing control of services",
                                "Review proposals a ‘massive concern’, warns BASW"]


def test_two_short_lines_are_not_a_menu():
    assert _furniture("A headline here\nBy Jane Smith\n\nThe story starts here and goes on.") == []


def test_furniture_hides_entities_and_quotes(extract):
    record = extract("Jane Smith, the council leader, said the budget was balanced.\n\n"
                     "Related articles:\nWorld Trade Organization talks stall\n"
                     "Review a ‘massive concern for everyone involved’, warns BASW\nComments are closed.")
    assert [q.speaker for q in record.quotes] == ["Jane Smith"]
    assert {o.name for o in record.organisations}.isdisjoint({"World Trade Organization", "BASW"})


def test_image_credits_and_forms_are_furniture_one_line_at_a_time():
    text = ("The minister said the plan would cut waiting lists by half within two years, and that "
            "funding would follow.\nPhoto: Jane Smith/Getty Images\n"
            "The charity welcomed the plan but said it came too late for many families who had waited.\n"
            "Fill in your details below or click an icon to log in\n")
    assert _furniture(text) == ["Photo: Jane Smith/Getty Images",
                                "Fill in your details below or click an icon to log in"]


def test_job_adverts_block():
    text = ("The story ends here with a long sentence about the council budget and what it means.\n\n"
            "Jobs\nSocial worker, Leeds City Council\nTeam manager, Barnardo's\n")
    assert _furniture(text) == ["Jobs", "Social worker, Leeds City Council", "Team manager, Barnardo's"]
