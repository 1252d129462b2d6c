"""People's names taken apart, to tell whether two forms name the same person. No spaCy.

`parse_name` splits "Sen. Joseph R. Biden Jr." into honorific-free parts (first name,
middle names or initials, surname, suffix); `same_person` says whether two parsed full
names can be one person, and why ("Joe" is a short form of "Joseph", a middle initial
given in one form only). The word lists are the extractors' (``extractors/data/``):
honorifics, name particles, suffixes and nicknames.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from extractors.lexicons import read_honorifics, read_table, read_words

__all__ = ["NameParts", "parse_name", "name_key", "same_person", "same_first_name", "is_first_name"]

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


@lru_cache(maxsize=1 << 16)  # a corpus names the same people again and again
def name_key(name: str) -> str:
    """Case-, spacing-, apostrophe- and full-stop-insensitive form of a name, without a
    leading "the" or a closing possessive.

    Examples
    --------
    >>> name_key("The  Barnardo’s")
    'barnardo'
    >>> name_key("U.S. Senate")
    'us senate'
    """
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES).lower()
    text = re.sub(r"(?<=\w)\.(?=\w)|\.(?=\s|$)", "", text)
    words = text.replace(",", " ").split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if words and words[-1].endswith("'s") and len(words[-1]) > 2:
        words[-1] = words[-1][:-2]
    elif words and words[-1].endswith("'"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


@dataclass(frozen=True)
class NameParts:
    """A person's name in parts, lower-case, without honorifics or full stops."""

    first: str
    """The first name, or "" for a one-word name."""
    middles: tuple[str, ...]
    """Middle names or initials ("r" for "R.")."""
    last: str
    """The surname, with its particles ("de souza"); the word itself for a one-word name."""
    suffix: str = ""
    """"jr", "iii", ... when the name ends with one."""

    @property
    def single(self) -> bool:
        """A one-word name ("Clinton"): a surname or a first name alone."""
        return not self.first

    @property
    def full(self) -> str:
        """The parts joined again: "joseph r biden jr"."""
        return " ".join(p for p in (self.first, *self.middles, self.last, self.suffix) if p)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    nick: dict[str, set[str]] = {}
    for formal, shorts in read_table("nicknames.tsv").items():
        for word in (formal, *shorts.split()):
            nick.setdefault(word, set()).add(formal)
    return (read_honorifics(), read_words("name_particles.txt"), read_words("name_suffixes.txt"),
            {word: frozenset(formals) for word, formals in nick.items()})


@lru_cache(maxsize=1 << 16)
def parse_name(name: str) -> NameParts:
    """Split a person's name into its parts.

    Examples
    --------
    >>> parse_name("Sen. Joseph R. Biden Jr.")
    NameParts(first='joseph', middles=('r',), last='biden', suffix='jr')
    >>> parse_name("Dame Rachel de Souza").last
    'de souza'
    >>> parse_name("Clinton").single
    True
    """
    honorifics, particles, suffixes, _ = _lexicon()
    words = name_key(name).replace("-", "- ").split()
    words = [w.rstrip("-") if w.endswith("-") else w for w in words]
    while len(words) > 1 and words[0].rstrip(".") in honorifics:
        words = words[1:]
    suffix = ""
    if len(words) > 2 and words[-1] in suffixes:
        suffix, words = words[-1], words[:-1]
    if len(words) < 2:
        return NameParts(first="", middles=(), last=" ".join(words), suffix=suffix)
    start = len(words) - 1
    while start > 1 and words[start - 1] in particles:
        start -= 1
    return NameParts(first=words[0], middles=tuple(words[1:start]), last=" ".join(words[start:]), suffix=suffix)


def same_first_name(a: str, b: str) -> str | None:
    """Why two first names can name one person ("joe", "joseph" -> a reason), or None."""
    if a == b:
        return "same first name"
    *_, nicknames = _lexicon()
    shared = nicknames.get(a, frozenset()) & nicknames.get(b, frozenset())
    if shared:
        short, formal = (a, b) if b in shared else (b, a)
        return f"{short.title()} is a short form of {formal.title()}"
    return None


def is_first_name(word: str) -> bool:
    """Whether a lower-case word is a first name of the nickname table ("bill", "william")."""
    *_, nicknames = _lexicon()
    return word in nicknames


def same_person(a: NameParts, b: NameParts) -> str | None:
    """Why two full names can be one person, or None when they cannot.

    Same surname; same first name or a short form of it; middle names that agree where
    both give them (an initial agrees with a name it starts); suffixes likewise.

    Examples
    --------
    >>> same_person(parse_name("Joe Biden"), parse_name("Joseph R. Biden"))
    'Joe is a short form of Joseph; middle name R only in one form'
    >>> same_person(parse_name("George W. Bush"), parse_name("George H.W. Bush")) is None
    True
    """
    if a.single or b.single or a.last != b.last:
        return None
    first = same_first_name(a.first, b.first)
    if first is None or (a.suffix and b.suffix and a.suffix != b.suffix):
        return None
    reasons = [] if first == "same first name" else [first]
    if a.middles and b.middles:
        if not _middles_agree(a.middles, b.middles):
            return None
        if a.middles != b.middles:
            reasons.append("middle initial and middle name agree")
    elif a.middles or b.middles:
        reasons.append(f"middle name {' '.join(a.middles or b.middles).upper()} only in one form")
    if a.suffix != b.suffix:
        reasons.append(f"suffix {(a.suffix or b.suffix).title()} only in one form")
    return "; ".join(reasons) or "same name"


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """"hw" and "herbert walker" agree (initials are written without full stops by `name_key`);
    "w" and "hw" do not, nor do two different middle names."""
    if _initials(a) != _initials(b):
        return False
    return len(a) != len(b) or all(x == y or len(x) <= 2 or len(y) <= 2 for x, y in zip(a, b))


def _initials(middles: tuple[str, ...]) -> str:
    return "".join(m if len(m) <= 2 else m[0] for m in middles)
