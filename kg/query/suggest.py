"""What a question names that the corpus lacks: an error that says so, with the closest
names it has ("did you mean Hillary Clinton?").

Names are compared after lower-casing and dropping punctuation, by rapidfuzz's edit-distance
similarity, whichever is higher: with the words sorted ("Rubio Marco" ~ "Marco Rubio"), or with
the spaces dropped ("helthcare" ~ "health care"). Parts of names are not matched on their own
(a question naming "Hillary Clintn" is not offered "Hill").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz, process, utils

__all__ = ["QueryError", "closest", "unknown"]

_CUTOFF = 75.0  # below this score a name is not offered
_WITHIN = 15.0  # nor one this far behind the best


class QueryError(ValueError):
    """A question with a value the corpus does not know (a name, concept or cue class) or that is
    not valid (a date that is not ISO); the message names it and the closest matches."""

    def __init__(self, message: str, suggestions: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.suggestions = list(suggestions)
        """The closest known values, best first."""


def closest(value: str, choices: Iterable[str], *, limit: int = 3) -> list[str]:
    """The known values most like `value`, best first, each once: at most `limit`, none far behind the best.

    Examples
    --------
    >>> closest("Hilary Clinton", ["Bill Clinton", "Hillary Clinton", "Donald Trump"])
    ['Hillary Clinton']
    """
    found = process.extract(str(value), list(dict.fromkeys(choices)), scorer=_similarity,
                            processor=utils.default_process, score_cutoff=_CUTOFF, limit=limit)
    best = found[0][1] if found else 0.0
    return [choice for choice, score, _ in found if score >= best - _WITHIN]


def _similarity(first: str, second: str, **_: Any) -> float:
    """0 to 100: word order aside, or spacing aside, whichever is closer."""
    return max(fuzz.token_sort_ratio(first, second), fuzz.ratio(first.replace(" ", ""), second.replace(" ", "")))


def unknown(message: str, value: str, choices: dict[str, str] | Iterable[str], *, hint: str = "") -> QueryError:
    """The error for a `value` the corpus has nothing of: `message`, then the closest choices.

    Parameters
    ----------
    message : str
        What is missing ('no person or organisation called "Hilary Clinton"').
    value : str
        What was asked.
    choices : dict or iterable of str
        The values there are; a dict maps each to the one to offer (a name variant to
        its actor's name).
    hint : str, optional
        Said when nothing is close enough to offer (the values there are, say).

    Examples
    --------
    >>> str(unknown('no person called "Hilary Clinton"', "Hilary Clinton", ["Hillary Clinton", "Donald Trump"]))
    'no person called "Hilary Clinton"; did you mean "Hillary Clinton"?'
    """
    mapping = choices if isinstance(choices, dict) else {c: c for c in choices}
    offered = list(dict.fromkeys(mapping[c] for c in closest(value, mapping, limit=5)))[:3]
    if offered:
        message += "; did you mean " + " or ".join(f'"{o}"' for o in offered) + "?"
    else:
        message += f"; {hint}" if hint else ", nor anything with a similar name"
    return QueryError(message, offered)
