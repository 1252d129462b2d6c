"""Roles: the titles the text gives a person, from the parse around a mention of the name."""

from __future__ import annotations

from typing import Iterable, Iterator

from spacy.tokens import Span, Token

from extractors.entities.clusters import RoleMatch, name_key
from extractors.entities.names import clean_name, is_acronym
from extractors.lexicons import EntityLexicon

__all__ = ["roles_of", "distinct_roles", "MAX_TITLE_TOKENS"]

MAX_TITLE_TOKENS = 25
"""Longer phrases are not titles."""
_NOT_IN_TITLE_TEXT = "\n,;:\"\u201c\u201d\u2018()"
_NOT_IN_TITLES = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_FORMER = ("former", "ex", "then")


def roles_of(name: Span, lexicon: EntityLexicon) -> Iterator[RoleMatch]:
    """Yield the titles the text gives a person at one mention of their name.

    Covers a title written before the name ("Education Secretary Nadhim
    Zahawi", "director of UK operations at Barnardo's Chris Hanvey"), an
    apposition after it ("John Coughlan, co-chair of ..."), and a name in
    apposition to a title ("executive member for finance, Councillor Flo
    Clucas"). Coordinated titles are split.
    """
    doc = name.doc
    root = name.root
    yield from _split_titles(_title_before(name, lexicon), lexicon)
    appositions = [c for c in root.children if c.dep_ == "appos" and c.i >= name.end]
    for group in _adjacent_groups(appositions):
        yield from _split_titles(_trim(doc[group[0].left_edge.i : group[-1].right_edge.i + 1], lexicon), lexicon)
    head = root.head
    if root.dep_ in ("appos", "pobj") and head.i < name.start:
        if root.dep_ == "pobj":  # "director of UK operations at Barnardo's Chris Hanvey"
            post = head.lower_ in ("at", "of", "for") and head.head.lemma_.lower() in lexicon.source_nouns
            head = head.head if post else head
        if head.pos_ in ("NOUN", "PROPN") and not head.ent_type_ == "PERSON" and head.pos_ != "ADP":
            yield from _split_titles(_trim(doc[head.left_edge.i : name.start], lexicon), lexicon)


def distinct_roles(roles: Iterable[RoleMatch]) -> list[RoleMatch]:
    """Drop repeated titles and titles inside a longer one found at the same place."""
    found = sorted(roles, key=lambda r: (r.title.start, -len(r.title)))
    kept: list[RoleMatch] = []
    for role in found:
        title = role.title
        if not any(name_key(k.title.text) == name_key(title.text)
                   or (k.title.start <= title.start and title.end <= k.title.end) for k in kept):
            kept.append(role)
    return kept


def _adjacent_groups(tokens: list[Token]) -> Iterator[list[Token]]:
    """Group sibling subtrees that follow each other ("co", "-", "chair")."""
    group: list[Token] = []
    for token in tokens:
        if group and token.left_edge.i != group[-1].right_edge.i + 1:
            yield group
            group = []
        group.append(token)
    if group:
        yield group


def _title_before(name: Span, lexicon: EntityLexicon) -> Span:
    """The words before a name that belong to its phrase: "children's minister"."""
    doc = name.doc
    subtree = {t.i for t in name.root.subtree}
    start = name.start
    while start > 0 and start - 1 in subtree:
        token = doc[start - 1]
        if (token.is_punct and token.text not in ("'", "-")) or "\n" in token.text_with_ws:
            break
        start -= 1
    return _trim(doc[start : name.start], lexicon)


def _trim(span: Span, lexicon: EntityLexicon) -> Span:
    """Strip determiners, honorifics and punctuation from the edges of a title."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].is_punct or doc[start].pos_ in ("DET", "CCONJ", "ADP")
                           or doc[start].lower_.rstrip(".") in lexicon.honorifics):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].pos_ in ("CCONJ", "ADP", "DET")
                           or doc[end - 1].lower_.rstrip(".") in lexicon.honorifics):
        end -= 1
    return doc[start:end]


def _split_titles(title: Span, lexicon: EntityLexicon) -> Iterator[RoleMatch]:
    """Split "Deputy Council Leader and executive member for finance" in two."""
    if not _looks_like_title(title):
        return
    doc = title.doc
    root = title.root
    conjuncts = [c for c in root.children if c.dep_ == "conj" and title.start <= c.i < title.end]
    if conjuncts:
        first_end = min(c.left_edge.i for c in conjuncts)
        parts = [_trim(doc[title.start : first_end], lexicon)]
        parts += [_trim(doc[c.left_edge.i : c.right_edge.i + 1], lexicon) for c in conjuncts]
    else:
        parts = [title]
    for part in parts:
        if _looks_like_title(part):
            former = part[0].lower_ in _FORMER
            yield RoleMatch(title=part, organisation=_organisation_in(part, lexicon), former=former)


def _looks_like_title(span: Span) -> bool:
    """A title is a short noun phrase on one line with a word that is not a name."""
    if not 0 < len(span) <= MAX_TITLE_TOKENS or any(ch in span.text for ch in _NOT_IN_TITLE_TEXT):
        return False
    if span.root.pos_ not in ("NOUN", "PROPN") or any(t.ent_type_ in _NOT_IN_TITLES for t in span):
        return False
    return any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("PERSON", "ORG") for t in span)


def _organisation_in(title: Span, lexicon: EntityLexicon) -> str | None:
    """The organisation a title names: "at Barnardo's", "of the ADSS", "ADSS president",
    "Leeds City Council leader"; not the subject word of "Education Secretary"."""
    doc = title.doc
    for ent in title.ents:
        cleaned = clean_name(ent, lexicon)
        if cleaned is None or cleaned[0] != "organisation":
            continue
        name = cleaned[1]
        after = doc[ent.end] if ent.end < len(doc) else None
        governed = any(t.pos_ == "ADP" for t in doc[title.start : ent.start])
        possessive = after is not None and after.tag_ == "POS"
        named = is_acronym(name.text) or (len(name) > 1 and name[-1].lower_ in lexicon.description_heads)
        if governed or possessive or named:
            return name.text
    return None
