"""Roles: the titles the text gives a person, from the parse around a mention of the name.

A title is a noun phrase naming an office ("chief executive", "Education Secretary"): its head
noun is in ``data/role_heads.txt``, and it holds no verb, no pronoun and no name of a person.
A title names its organisation apart ("president" of the "Association of ..."), and "former"
covers every title it stands before.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from spacy.tokens import Span, Token

from extractors.entities.clusters import RoleMatch, name_key
from extractors.entities.names import clean_name, is_acronym
from extractors.lexicons import EntityLexicon
from extractors.spans import entities_in

__all__ = ["roles_of", "distinct_roles", "MAX_TITLE_TOKENS"]

MAX_TITLE_TOKENS = 25
"""Longer phrases are not titles."""
_NOT_IN_TITLE_TEXT = "\n,;:\"\u201c\u201d\u2018()"
_NOT_IN_TITLES = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_FORMER = ("former", "ex", "then", "erstwhile")
_COPULAS = ("be", "become", "remain")
_APPOINTING = ("appoint", "name", "elect", "hire", "make", "install", "choose", "select", "promote", "confirm")


def roles_of(name: Span, lexicon: EntityLexicon) -> Iterator[RoleMatch]:
    """Yield the titles the text gives a person at one mention of their name.

    Covers a title written before the name ("Education Secretary Nadhim Zahawi",
    "director of UK operations at Barnardo's Chris Hanvey"), an apposition after it
    ("John Coughlan, co-chair of ...", a caption line "Jane Smith, chief executive,
    Barnardo's"), a name in apposition to a title, also across a sentence ("The chief
    executive, Jane Smith, said"), and a title stated of the name ("Jane Smith is chief
    executive of ...", "became", "was appointed", "appointed Jane Smith as",
    "as director of"). Coordinated titles are split.
    """
    doc = name.doc
    root = name.root
    yield from _split_titles(_title_before(name, lexicon), lexicon)
    appositions = [c for c in root.children if c.dep_ == "appos" and c.i >= name.end]
    named = [c for c in appositions if c.ent_type_ == "ORG"]  # "Jane Smith, chief executive, Barnardo's"
    for group in _adjacent_groups([c for c in appositions if c not in named]):
        phrase = _trim(doc[group[0].left_edge.i : group[-1].right_edge.i + 1], lexicon)
        yield from _split_titles(phrase, lexicon, organisation=_caption_organisation(group[-1], named, lexicon))
    head = root.head
    if root.dep_ in ("appos", "pobj") and head.i < name.start:
        if root.dep_ == "pobj":  # "director of UK operations at Barnardo's Chris Hanvey"
            post = head.lower_ in ("at", "of", "for") and head.head.lemma_.lower() in lexicon.source_nouns
            head = head.head if post else head
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
            head = head.head.head  # "the chief executive of the Trust, Jane Smith"
        if head.pos_ in ("NOUN", "PROPN") and not head.ent_type_ == "PERSON":
            yield from _split_titles(_trim(doc[head.left_edge.i : name.start], lexicon), lexicon)
    for phrase in _stated_titles(root):
        yield from _split_titles(_trim(phrase, lexicon), lexicon)


def _stated_titles(root: Token) -> Iterator[Span]:
    """Titles stated of a name: "X is/became chief executive", "the chief executive is X",
    "X was appointed director", "appointed X as director", "X, who is ...", "as director"."""
    head = root.head
    verbs = [head] if root.dep_ in ("nsubj", "nsubjpass", "dobj") else []
    verbs += [c for c in root.children if c.dep_ == "relcl"]  # "X, who is chief executive of ..."
    for verb in verbs:
        if verb.lemma_ in _COPULAS or verb.lemma_ in _APPOINTING:
            for child in verb.children:
                if child.dep_ in ("attr", "oprd") and child.pos_ in ("NOUN", "PROPN") and child.i != root.i:
                    yield _subtree(child)
                elif child.dep_ == "prep" and child.lower_ == "as":
                    yield from (_subtree(obj) for obj in child.children if obj.dep_ == "pobj")
    if root.dep_ == "attr" and head.lemma_ in _COPULAS:  # "The chief executive of Y is X."
        yield from (_subtree(c) for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN")
    if root.dep_ == "nsubj":  # "Speaking as chair of the committee, X said"
        for clause in head.children:
            if clause.dep_ == "advcl" and clause.i < root.i:
                yield from (_subtree(obj) for prep in clause.children if prep.lower_ == "as"
                            for obj in prep.children if obj.dep_ == "pobj")


def _subtree(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def _caption_organisation(last: Token, named: list[Token], lexicon: EntityLexicon) -> str | None:
    """The organisation closing a caption line: "Jane Smith, chief executive, Barnardo's"."""
    later = [a for a in named if a.i > last.right_edge.i]
    if len(later) != 1:
        return None
    ent = next((e for e in last.doc.ents if e.start <= later[0].i < e.end), None)
    cleaned = clean_name(ent, lexicon) if ent is not None else None
    return cleaned[1].text if cleaned is not None else None


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
    """Strip determiners, courtesy honorifics and punctuation from the edges of a title
    (an office written short, "Sen.", stays)."""
    doc = span.doc
    start, end = span.start, span.end
    courtesy = lexicon.honorifics - lexicon.office_abbreviations
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].pos_ in ("DET", "CCONJ", "ADP", "ADV")
                           or doc[start].lower_.rstrip(".") in courtesy):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].pos_ in ("CCONJ", "ADP", "DET")
                           or doc[end - 1].lower_.rstrip(".") in courtesy
                           or end - start > 1 and doc[end - 1].lower_.rstrip(".") in lexicon.office_abbreviations
                           and doc[end - 2].lower_ in lexicon.role_heads):  # "panel Chairman [Rep.]"
        end -= 1
    return doc[start:end]


def _split_titles(title: Span, lexicon: EntityLexicon, *, organisation: str | None = None) -> Iterator[RoleMatch]:
    """Split "Deputy Council Leader and executive member for finance" in two; "former" before
    the first covers them all; each title without its organisation."""
    if not title or len(title) > MAX_TITLE_TOKENS:
        return
    doc = title.doc
    former = title[0].lower_ in _FORMER
    start = title.start + 1 if former else title.start
    while start < title.end and (doc[start].is_punct or doc[start].lower_ in _FORMER):
        start += 1  # "then-rival", "former and future"
    title = doc[start : title.end]
    if not title:
        return
    root = title.root
    conjuncts = [c for c in root.children if c.dep_ == "conj" and title.start <= c.i < title.end]
    if conjuncts:
        first_end = min(c.left_edge.i for c in conjuncts)
        parts = [_trim(doc[title.start : first_end], lexicon)]
        parts += [_trim(doc[c.left_edge.i : c.right_edge.i + 1], lexicon) for c in conjuncts]
    else:
        parts = [title]
    for part in parts:
        part, named = _without_organisation(part, lexicon)
        if _looks_like_title(part, lexicon):
            yield RoleMatch(title=part, organisation=named or organisation, former=former)


def _looks_like_title(span: Span, lexicon: EntityLexicon) -> bool:
    """A title is a short noun phrase on one line, headed by a noun naming an office, with no
    verb, pronoun or person's name in it."""
    if not 0 < len(span) <= MAX_TITLE_TOKENS or any(ch in span.text for ch in _NOT_IN_TITLE_TEXT):
        return False
    if span.root.pos_ not in ("NOUN", "PROPN") or any(t.ent_type_ in _NOT_IN_TITLES for t in span):
        return False
    if any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") or t.pos_ == "PRON" or t.ent_type_ == "PERSON" for t in span):
        return False
    if all(t.lower_.rstrip(".") in lexicon.honorifics for t in span):
        return False  # "Sen.": the person's honorific, not a title of its own
    heads = lexicon.role_heads | lexicon.office_abbreviations
    head = span.root
    while head.i + 2 < span.end and head.nbor(1).text == "-" and head.nbor(2).pos_ in ("NOUN", "PROPN"):
        head = head.nbor(2)  # "co-chair"
    if head.tag_ in ("NNS", "NNPS"):
        return False  # "other scientists": a description of several, not an office
    return head.lemma_.lower() in heads or head.lower_.rstrip(".") in heads or head.lower_ in heads


def _stands_alone(name: Span, lexicon: EntityLexicon) -> bool:
    """Whether an organisation is named as such, not as the end of an office: "Shelter", but
    not the "State" of "Secretary of State"."""
    return not (len(name) == 1 and name[0].lower_ in lexicon.office_domains)


def _without_organisation(title: Span, lexicon: EntityLexicon) -> tuple[Span, str | None]:
    """A title and the organisation it names, apart: "chief executive of the charity Rainer" ->
    ("chief executive", "Rainer"); "ADSS president" -> ("president", "ADSS"). A title whose
    organisation sits inside it ("co-chair of the ADSS' children and families committee") stays whole."""
    doc = title.doc
    for ent in entities_in(title):
        cleaned = clean_name(ent, lexicon)
        if cleaned is None or cleaned[0] != "organisation":
            continue
        name = cleaned[1]
        after = doc[ent.end] if ent.end < len(doc) else None
        governed = [t for t in doc[title.start : ent.start] if t.pos_ == "ADP"]
        possessive = after is not None and after.tag_ == "POS"
        named = is_acronym(name.text) or (len(name) > 1 and name[-1].lower_ in lexicon.description_heads)
        if not (governed or possessive or named):
            continue
        if not _stands_alone(name, lexicon):
            return title, None
        rest = doc[name.end + (possessive and after.i < title.end) : title.end]
        if governed and (not rest or rest[0].lower_ in ("in", "from")) and _stands_alone(name, lexicon):
            return _trim(doc[title.start : governed[-1].i], lexicon), name.text  # "... of the Trust [in Leeds]"
        if ent.start == title.start and not governed:
            rest = doc[(after.i + 1 if possessive else ent.end) : title.end]
            return (rest, name.text) if rest else (title, name.text)  # "ADSS president"
        return title, name.text
    if len(title) > 3 and title[-3].pos_ == "ADP" and title[-2].lower_ == "the" \
            and title[-1].lower_ in lexicon.description_heads:  # "chief executive of the charity"
        return _trim(doc[title.start : title.end - 3], lexicon), None
    return title, None
