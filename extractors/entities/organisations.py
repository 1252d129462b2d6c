"""Organisations: acronyms joined to their long names, definite descriptions joined to the
organisation they refer back to, and words inside a title that are not organisations."""

from __future__ import annotations

from spacy.tokens import Doc

from extractors.entities.clusters import EntityCluster
from extractors.entities.names import initials, is_acronym
from extractors.lexicons import EntityLexicon

__all__ = ["merge_acronyms", "add_descriptions", "drop_organisations_inside_titles"]

_MAX_DESCRIPTION_WORDS = 3
"""Words after "the" in a description ("the city council")."""
_MIN_SPELLED_INITIALS = 3
"""Initials this long are looked for in the text even when no acronym was tagged."""


def merge_acronyms(doc: Doc, organisations: dict[str, EntityCluster], lexicon: EntityLexicon) -> None:
    """Make "NCVO" and "National Council for Voluntary Organisations" one organisation.

    An acronym joins the one longer name whose initials it spells, whether the
    model tagged it or not; "Long Name (LN)" in the text joins them whatever the letters.
    """
    long_names = [o for o in organisations.values() if " " in o.name]
    for acronym_key, short in list(organisations.items()):
        if not is_acronym(short.name):
            continue
        spelled = [o for o in long_names if initials(o.name, lexicon) == short.name.upper()]
        if len(spelled) == 1:
            target = spelled[0]
            target.aliases.setdefault(short.name, f"acronym of {target.name}")
            target.aliases.update(short.aliases)
            target.mentions.extend(short.mentions)
            del organisations[acronym_key]
    covered = {i for o in organisations.values() for m in o.mentions for i in range(m.start, m.end)}
    for org in long_names:
        if org.key not in organisations:
            continue
        for mention in list(org.mentions):
            after = doc[mention.end : mention.end + 3]
            if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and is_acronym(after[1].text):
                org.aliases.setdefault(after[1].text, f"abbreviation in brackets after {org.name}")
        spelled_out = initials(org.name, lexicon)
        letters = {a for a in org.aliases if is_acronym(a)}
        if len(spelled_out) >= _MIN_SPELLED_INITIALS:
            letters.add(spelled_out)
        for token in doc:
            if token.text in letters and token.i not in covered and token.is_upper:
                org.aliases.setdefault(token.text, f"acronym of {org.name}")
                org.mentions.append(doc[token.i : token.i + 1])
                covered.add(token.i)


def add_descriptions(doc: Doc, organisations: dict[str, EntityCluster], people: dict[str, EntityCluster],
                     lexicon: EntityLexicon) -> None:
    """"The city council" after "Liverpool City Council": a definite description that
    fits exactly one organisation named earlier in the article joins it."""
    covered = {i for c in list(organisations.values()) + list(people.values())
               for m in c.mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.lower_ != "the" or token.i + 1 >= len(doc):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= _MAX_DESCRIPTION_WORDS and doc[end].is_lower and doc[end].is_alpha:
            end += 1
        while end > token.i + 1 and doc[end - 1].lower_ not in lexicon.description_heads:
            end -= 1  # "the city council [allocates]"
        words = [t.lower_ for t in doc[token.i + 1 : end]]
        if not words:
            continue
        fits = [o for o in organisations.values() if set(words) <= set(o.key.split())
                and o.key.split()[-1] == words[-1]
                and o.mentions and min(m.start for m in o.mentions) < token.i]
        if len(fits) == 1 and not any(i in covered for i in range(token.i, end)):
            description = doc[token.i + 1 : end]
            fits[0].aliases.setdefault(description.text, f"description referring back to {fits[0].name}")
            fits[0].mentions.append(description)


def drop_organisations_inside_titles(organisations: dict[str, EntityCluster],
                                     people: dict[str, EntityCluster]) -> None:
    """"Education" in "Education Secretary Nadhim Zahawi" is part of a title, not an organisation."""
    titles = [r.title for p in people.values() for r in p.roles if r.organisation is None]
    for key, org in list(organisations.items()):
        org.mentions = [m for m in org.mentions
                        if not any(t.start <= m.start and m.end <= t.end for t in titles)]
        if not org.mentions:
            del organisations[key]
