"""Discourse networks over time: periods, windows, one network per window, the timeline (no spaCy)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.discourse import MAX_WINDOWS, Period, labels, stance_counts, statements, timeline, window_networks, windows
from test_discourse import ALICE, BOB, CAROL, SCHOOLS, TAX, claims_graph


def test_periods():
    assert Period.parse("30d") == Period(30, "d") and Period.parse(" 1M ") == Period(1, "m")
    assert str(Period.parse("2w")) == "2w"
    for bad in ("0d", "month", "3 weeks", "1.5m", ""):
        with pytest.raises(ValueError, match="window must be a positive number and a unit"):
            Period.parse(bad)
    assert Period(1, "m").after(date(2020, 1, 31)) == date(2020, 2, 29)  # month ends clamped
    assert Period(1, "y").after(date(2020, 2, 29)) == date(2021, 2, 28)
    assert Period(2, "w").after(date(2020, 1, 1), 2) == date(2020, 1, 29)


def test_windows_tile_the_time_or_overlap():
    assert windows(date(2020, 1, 15), date(2020, 3, 2), "1m") == [  # calendar months
        (date(2020, 1, 1), date(2020, 1, 31)), (date(2020, 2, 1), date(2020, 2, 29)),
        (date(2020, 3, 1), date(2020, 3, 31))]
    assert windows(date(2020, 1, 15), date(2020, 1, 31), "7d") == [  # from the first day
        (date(2020, 1, 15), date(2020, 1, 21)), (date(2020, 1, 22), date(2020, 1, 28)),
        (date(2020, 1, 29), date(2020, 2, 4))]
    assert windows(date(2020, 1, 1), date(2020, 1, 10), "10d", "5d") == [
        (date(2020, 1, 1), date(2020, 1, 10)), (date(2020, 1, 6), date(2020, 1, 15))]
    assert windows(date(2019, 6, 1), date(2020, 2, 1), "1y") == [
        (date(2019, 1, 1), date(2019, 12, 31)), (date(2020, 1, 1), date(2020, 12, 31))]
    with pytest.raises(ValueError, match=f"more than {MAX_WINDOWS:,} windows"):
        windows(date(1900, 1, 1), date(2020, 1, 1), "1d")


def _networks(kind, **options):
    G = claims_graph()
    dated = stance_counts(statements(G), by_day=True)
    return window_networks(kind, dated, lambda nodes: labels(G, nodes), window="2m", step="1m", **options)


def test_one_network_per_window():
    """Dated statements: Alice 01-10 (tax+, schools-), Bob 02-01 (tax+, schools+), Carol 03-01 (tax-),
    Alice 04-01 (tax+); Carol's undated schools+ is in no window."""
    series = _networks("conflict")
    assert [(H.graph["since"], H.graph["until"]) for H in series] == [
        ("2020-01-01", "2020-02-29"), ("2020-02-01", "2020-03-31"), ("2020-03-01", "2020-04-30"),
        ("2020-04-01", "2020-05-31")]
    assert [sorted(H.edges) for H in series] == [[(ALICE, BOB)], [(BOB, CAROL)], [(ALICE, CAROL)], []]
    assert [H.edges[e]["concepts"] for H in series for e in H.edges] == ["schools", "tax", "tax"]
    assert all(H.graph["window"] == "2m" and H.graph["step"] == "1m" for H in series)
    congruence = _networks("congruence")
    assert [H.number_of_edges() for H in congruence] == [1, 0, 0, 0]
    assert [set(H) for H in congruence] == [{ALICE, BOB}, set(), set(), set()]
    assert [set(H) for H in _networks("congruence", isolates=True)] == [{ALICE, BOB, CAROL}] * 4
    two_mode = _networks("affiliation", since="2020-02-01", until="2020-02-15")
    assert [(H.graph["since"], H.graph["until"]) for H in two_mode] == [("2020-02-01", "2020-03-31")]
    assert sorted(two_mode[0].edges) == [(BOB, SCHOOLS), (BOB, TAX)]  # only the days asked for


def test_the_timeline_of_the_windows():
    T = timeline(_networks("conflict", isolates=True))
    assert T.graph["mode"] == "dynamic" and (T.graph["since"], T.graph["until"]) == ("2020-01-01", "2020-05-31")
    # each window stands until the next begins: 01-01..02-29, 03-01..03-31, 04-01..04-30, 05-01..05-31
    assert T.edges[ALICE, BOB]["spells"] == [("2020-01-01", "2020-02-29")]
    assert T.edges[BOB, CAROL]["weight"] == [(1, "2020-03-01", "2020-03-31")]
    assert T.edges[ALICE, CAROL]["spells"] == [("2020-04-01", "2020-04-30")]
    assert T.nodes[ALICE]["spells"] == [("2020-01-01", "2020-05-31")]  # an isolate in every window: one spell
    assert T.nodes[ALICE]["n_statements"][0] == (2, "2020-01-01", "2020-02-29")
    assert T.nodes[ALICE]["type"] == "person" and T.nodes[ALICE]["label"] == "Alice"
    assert timeline([]).number_of_nodes() == 0
