"""Attribution precision: who the speaker is and where a claim's words end, on sentences
written for these tests."""

from __future__ import annotations


# --- the speaker -------------------------------------------------------------------------------

def test_a_dateline_is_not_the_subject(extract):
    (quote,) = extract("DENVER, March 3 (AP) — The Colorado Hospital Association said on Monday that rural "
                       "clinics would close.").quotes
    assert quote.speaker == "Colorado Hospital Association"
    assert quote.content == "rural clinics would close"
