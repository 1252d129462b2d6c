"""Names fitted to what the article says elsewhere: headline fragments, epithets and glued words.

A headline is written in title case, so the model reads "Trump Says He Never" or "Avoid Bad
Optics" as names; body text glues a verb or an epithet to a name ("Said Comey", "Crooked Hillary
Clinton") and web pages glue words ("CruzRep"). `fit_names` trims each name to the longest part
of it that the article's body gives as a name, and drops what a headline line offers that the
body never gives as a name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extractors.entities.clusters import name_key
from extractors.entities.names import CleanName
from extractors.lexicons import EntityLexicon

__all__ = ["fit_names", "headline_lines", "is_breaker", "is_glued"]

_HEADLINE_SHARE = 0.9
"""Share of a line's longer words written with a capital for it to be in headline case."""
_HEADLINE_MIN_WORDS = 4
_GLUED = re.compile(r"^([A-Z][a-z]{3,})([A-Z][a-z]+)$")
"""Two words run together, the first of four letters or more: "CruzRep" (not "McDonald", "MacAlister")."""


def headline_lines(doc: Doc) -> set[int]:
    """Indices of the tokens on lines written in headline case ("Stealth Over Health: ...")."""
    found: set[int] = set()
    line: list[Token] = []
    for token in [*doc, None]:
        if token is not None and "\n" not in token.text:
            line.append(token)
            if "\n" not in token.whitespace_:
                continue
        words = [t for t in line if t.is_alpha and len(t) > 3]
        ends_in_colon = bool(line) and line[-1].text == ":"  # "... Dame Rachel de Souza said:"
        if (len(words) >= _HEADLINE_MIN_WORDS and not ends_in_colon
                and sum(t.text[0].isupper() for t in words) >= _HEADLINE_SHARE * len(words)):
            found.update(t.i for t in line)
        line = []
    return found


def is_glued(token: Token, words: set[str], lexicon: EntityLexicon) -> bool:
    """Whether a token is two words run together ("CruzRep", "WilkesAssociate"): its first part
    is a word the document also writes on its own (`words`), or its second part is a title or an
    honorific, unlike "WikiLeaks" or "AmeriCorps"."""
    match = _GLUED.match(token.text)
    if match is None:
        return False
    second = match.group(2).lower()
    return match.group(1) in words or second in lexicon.role_heads or second in lexicon.honorifics


def is_breaker(token: Token, lexicon: EntityLexicon) -> bool:
    """Whether a token cannot be part of a name: a verb form of a reporting or headline verb
    ("Says", "Slams", "warned"), a pronoun or an auxiliary ("He", "Should")."""
    word = token.lower_
    if word in lexicon.name_breakers or token.pos_ == "PRON":
        return True
    stems = [word[:-1], word[:-2]] if word.endswith("s") else []
    stems += [word[:-2], word[:-1], word[:-3]] if word.endswith("ed") else []
    stems += [word[:-3], word[:-3] + "e", word[:-4]] if word.endswith("ing") else []
    stems += [word[:-3] + "y"] if word.endswith(("ies", "ied")) else []
    return any(stem in lexicon.name_breakers for stem in stems) or word in ("said", "told", "wrote", "spoke")


def fit_names(doc: Doc, cleaned: list[CleanName], lexicon: EntityLexicon, headline: set[int]) -> list[CleanName]:
    """Trim or drop names that carry words not their own.

    Parameters
    ----------
    doc : Doc
    cleaned : list of CleanName
        The names found, after `extractors.entities.names.clean_name`.
    lexicon : EntityLexicon
    headline : set of int
        The tokens on headline lines (`headline_lines`).

    Returns
    -------
    list of CleanName
        Each name as it is, trimmed to the longest part of it the body gives as a name (a
        headline's "Trump Says He Never" -> "Trump"; "Crooked Hillary Clinton" -> "Hillary
        Clinton"), or left out (a headline's "Avoid Bad Optics"; "CruzRep" alone).
    """
    words = {t.text for t in doc if t.is_title}
    body = {name_key(span.text) for _, span, _ in cleaned if span.start not in headline}
    body |= {name_key(span[-1].text) for kind, span, _ in cleaned
             if kind == "person" and len(span) > 1 and span.start not in headline}
    fitted = []
    for kind, span, honorific in cleaned:
        span = _unglued(span, words, lexicon)
        if span is None:
            continue
        in_headline = span.start in headline
        known = name_key(span.text) in body
        part = None
        if (in_headline and not known) or (kind == "person" and not in_headline):
            part = _known_part(span, body, lexicon, in_headline=in_headline)
        if part is not None:
            span = part
        elif in_headline and not known:
            continue  # a headline's name the body never gives: "Sell Coal", "Avoid Bad Optics"
        fitted.append((kind, span, honorific))
    return fitted


def _unglued(span: Span, words: set[str], lexicon: EntityLexicon) -> Span | None:
    """`span` without glued words at its edges; None when one is inside, when it is all glued,
    or when a glued word took the surname with it."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and is_glued(doc[start], words, lexicon):
        start += 1
    while end > start and is_glued(doc[end - 1], words, lexicon):
        end -= 1
    if end < span.end and end - start < 2:
        return None  # "Sam WilkesAssociate": the surname went with the glued word
    if start == end or any(is_glued(t, words, lexicon) for t in doc[start:end]):
        return None
    return doc[start:end]


def _known_part(span: Span, body: set[str], lexicon: EntityLexicon, *, in_headline: bool) -> Span | None:
    """The longest part of `span` that the body gives as a name, if the rest may be dropped:
    in a headline, anything; elsewhere, words before a name of two words or more (not a
    particle or suffix) and verbs or pronouns after it."""
    doc = span.doc
    for size in range(len(span) - 1, 0, -1):
        for start in range(span.start, span.end - size + 1):
            part = doc[start : start + size]
            if name_key(part.text) not in body or part[0].is_lower or not (part[0].is_alpha and part[-1].is_alpha
                                                                            or part[-1].text.endswith(".")):
                continue
            before, after = doc[span.start : start], doc[start + size : span.end]
            if in_headline:
                return part
            if any(t.lower_.rstrip(".") in lexicon.name_suffixes for t in after):
                continue
            breakers_after = all(is_breaker(t, lexicon) for t in after)
            several = " " in name_key(part.text)  # "Hillary Clinton", not "Holtz-Eakin"
            before_ok = (several and not any(t.lower_ in lexicon.name_particles for t in before)) or all(
                is_breaker(t, lexicon) for t in before)
            if breakers_after and before_ok:
                return part
    return None
