"""What a question names that the corpus lacks: an error that says so, with the closest
names it has ("did you mean Hillary Clinton?").

Names are compared with rapidfuzz's ``WRatio`` (edit distance, word order and partial
matches weighed together) after lower-casing and dropping punctuation.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process, utils

__all__ = ["QueryError", "closest", "unknown"]

_CUTOFF = 75.0  # below this score a name is not offered ("zebra crossing" scores 69 against "housing")
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
    found = process.extract(str(value), list(dict.fromkeys(choices)), scorer=fuzz.WRatio,
                            processor=utils.default_process, score_cutoff=_CUTOFF, limit=limit)
    best = found[0][1] if found else 0.0
    return [choice for choice, score, _ in found if score >= best - _WITHIN]


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
