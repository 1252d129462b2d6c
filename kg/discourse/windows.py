"""Discourse networks over time: one network per time window, as DNA's time-window
networks, and the timeline of a series of them (one dynamic graph, for Gephi's timeline).

A window is a number and a unit: ``30d`` (days), ``2w`` (weeks), ``1m`` (calendar months),
``1y`` (calendar years). Windows start at the first dated statement (or at ``since``), a
``step`` apart (by default, the window's length: windows that tile the time); with a step
in months or years, the first window starts on the first of its month (or January the
first), so ``--window 1m`` gives calendar months. Undated statements are in no window.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from kg.discourse.networks import network_from_counts, network_kind, nodes_of
from kg.discourse.statements import Actors, DateLike, Labels, StanceCount, as_date

if TYPE_CHECKING:  # networkx is imported where a graph is made
    import networkx as nx

__all__ = ["Period", "windows", "window_networks", "timeline", "MAX_WINDOWS"]

MAX_WINDOWS = 10_000
"""The most windows one series may have."""
_PERIOD = re.compile(r"\s*(\d+)\s*([dwmy])\s*", re.IGNORECASE)
_DAY = timedelta(days=1)


class Period(NamedTuple):
    """A length of time: a number of days, weeks, calendar months or calendar years."""

    n: int
    unit: str
    """``d``, ``w``, ``m`` or ``y``."""

    @classmethod
    def parse(cls, text: str, name: str = "window") -> Period:
        """``30d``, ``2w``, ``1m``, ``1y`` as a Period.

        Raises
        ------
        ValueError
            Naming the option (`name`) and what would do.
        """
        match = _PERIOD.fullmatch(str(text))
        if match is None or int(match.group(1)) == 0:
            raise ValueError(f"{name} must be a positive number and a unit, d, w, m or y (30d, 2w, 1m, 1y), "
                             f"not {text!r}")
        return cls(int(match.group(1)), match.group(2).lower())

    def after(self, day: date, times: int = 1) -> date:
        """The day `times` periods after `day` (month ends are clamped: Jan 31 + 1m is Feb 28 or 29)."""
        if self.unit in "dw":
            return day + timedelta(days=self.n * times * (7 if self.unit == "w" else 1))
        months = day.year * 12 + day.month - 1 + self.n * times * (12 if self.unit == "y" else 1)
        year, month = divmod(months, 12)
        return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))

    def __str__(self) -> str:
        return f"{self.n}{self.unit}"


def windows(first: date, last: date, window: str | Period, step: str | Period | None = None) -> list[tuple[date, date]]:
    """The windows (first day, last day, both inclusive) that cover `first` to `last`.

    Raises
    ------
    ValueError
        For a window or step that is not a `Period`, or more than `MAX_WINDOWS` windows.
    """
    size = window if isinstance(window, Period) else Period.parse(window, "window")
    every = size if step is None else step if isinstance(step, Period) else Period.parse(step, "step")
    if every.unit == "m":
        first = first.replace(day=1)
    elif every.unit == "y":
        first = first.replace(month=1, day=1)
    found = []
    while (start := every.after(first, len(found))) <= last:
        if len(found) == MAX_WINDOWS:
            raise ValueError(f"more than {MAX_WINDOWS:,} windows of {size} every {every} from {first} to {last}: "
                             f"use a longer step")
        found.append((start, size.after(start) - _DAY))
    return found


def window_networks(kind: str, dated: list[StanceCount], label: Callable[[set[str]], Labels], *, window: str,
                    step: str | None = None, actors: Actors = "people", normalisation: str | None = None,
                    since: DateLike = None, until: DateLike = None, isolates: bool = False) -> list[nx.Graph]:
    """One network per time window.

    Parameters
    ----------
    kind : str
        As in `kg.discourse.network_from_counts`.
    dated : list of StanceCount
        Statements counted by actor, concept, agreement and day (`StanceCount.day`).
    label : callable
        ``label(nodes)``: the `Labels` of those actors and concepts.
    window, step : str
        A `Period` each (``30d``, ``1m``); the step is the window by default.
    actors, normalisation
        As in `kg.discourse.network_from_counts`.
    since, until : str or date, optional
        The time covered (default: the first to the last dated statement).
    isolates : bool
        Keep in every window every node with a dated statement (DNA's isolates), so every
        network has the same nodes; else only nodes with a tie in the window.

    Returns
    -------
    list of networkx.Graph
        In time order, every window of the time covered (a window without statements is an
        empty network), each with the graph attributes of its kind, ``since`` and ``until``
        its first and last day, and ``window`` and ``step``.
    """
    kind = network_kind(kind)
    start, end = as_date(since, "since"), as_date(until, "until")
    dated = sorted((c for c in dated if c.day), key=lambda c: c.day)
    days = [c.day for c in dated]
    if not days and (start is None or end is None):
        return []
    first = start or date.fromisoformat(days[0])
    last = end or date.fromisoformat(days[-1])
    keep = nodes_of(kind, dated) if isolates else None
    labels = label(nodes_of("affiliation", dated))
    series = []
    for lo, hi in windows(first, last, window, step):
        inside = dated[bisect.bisect_left(days, max(lo, first).isoformat()):
                       bisect.bisect_right(days, min(hi, last).isoformat())]
        totals: Counter[tuple[str, str, str]] = Counter()
        for c in inside:
            totals[(c.actor, c.concept, c.agreement)] += c.count
        counts = [StanceCount(*key, n) for key, n in sorted(totals.items())]
        H = network_from_counts(kind, counts, labels, actors=actors, normalisation=normalisation, since=lo,
                                until=hi, keep=keep)
        H.graph.update(window=str(window), step=str(step or window))
        series.append(H)
    return series


def timeline(networks: Sequence[nx.Graph]) -> nx.Graph:
    """The networks of a series of windows (`window_networks`) as one dynamic graph.

    Each window's nodes and ties stand for the days from the day after the previous window's
    last day (the first window: from its first day) to its own last day, so overlapping
    windows (a step shorter than the window) show, at each day, the window that ends next.

    Returns
    -------
    networkx.Graph
        Graph attributes of the first network (``since`` and ``until`` the whole time) and
        ``mode="dynamic"``. Nodes keep ``type``, ``label`` (and ``bipartite``); edges ``type``.
        Time: ``spells``, the (first, last) ISO days a node or edge is in the networks
        (adjacent ones joined), and the values that change, as lists of (value, first, last):
        ``n_statements`` on nodes, ``weight`` on edges. `kg.readwrite.write_gexf_timeline`
        writes it for Gephi.
    """
    import networkx as nx

    T = nx.Graph(**(dict(networks[0].graph) if networks else {}), mode="dynamic")
    if networks:
        T.graph["until"] = networks[-1].graph["until"]
    previous: date | None = None
    for H in networks:
        first, last = date.fromisoformat(H.graph["since"]), date.fromisoformat(H.graph["until"])
        if previous is not None:
            first = max(first, previous + _DAY)
        previous = last
        span = (first.isoformat(), last.isoformat())
        for node, data in H.nodes(data=True):
            if node not in T:
                T.add_node(node, **{k: data[k] for k in ("type", "label", "bipartite") if k in data},
                           spells=[], n_statements=[])
            _during(T.nodes[node], span, n_statements=data.get("n_statements", 0))
        for u, v, data in H.edges(data=True):
            if not T.has_edge(u, v):
                T.add_edge(u, v, type=data.get("type"), spells=[], weight=[])
            _during(T.edges[u, v], span, weight=data["weight"])
    return T


def _during(data: dict, span: tuple[str, str], **values: float) -> None:
    """Add a span to an item's spells (joined to the last when they meet) and its values then."""
    spells = data["spells"]
    if spells and date.fromisoformat(spells[-1][1]) + _DAY >= date.fromisoformat(span[0]):
        spells[-1] = (spells[-1][0], span[1])
    else:
        spells.append(span)
    for name, value in values.items():
        data[name].append((value, *span))
