"""People, organisations and their roles, from spaCy's named entities.

`find_entities` cleans the model's PERSON and ORG spans (line breaks,
possessives, honorifics, bullets, e-mail addresses), groups the mentions of
one entity ("Hodge" with "Margaret Hodge") and reads roles from the parse:
titles before a name ("children's minister Margaret Hodge") and appositions
("Joyce Moseley, chief executive of charity Rainer").
The `pckg_entities` component stores the result on ``doc._.entities``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Literal

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.furniture import in_spans
from extractors.lexicons import load_source_nouns
from extractors.text import BULLETS, DASHES

__all__ = ["EntityCluster", "RoleMatch", "find_entities", "person_called", "roles_of", "initials",
           "EntityExtractor", "HONORIFICS"]

EntityKind = Literal["person", "organisation"]

HONORIFICS = {
    "dame", "sir", "councillor", "cllr", "dr", "mr", "mrs", "ms", "miss", "mx", "lord", "lady",
    "baroness", "baron", "professor", "prof", "rev", "reverend", "rt", "hon",
}
# Nouns that, written right before a name, say the name is an organisation:
# "charity Rainer", "the think tank Demos".
ORGANISATION_NOUNS = {
    "charity", "company", "firm", "group", "organisation", "organization", "council", "union",
    "agency", "trust", "foundation", "tank", "watchdog", "regulator", "body", "network",
    "association", "society", "party", "department", "ministry", "institute", "campaign",
}
_MAX_NAME_TOKENS = 12
_MAX_TITLE_TOKENS = 25

if not Doc.has_extension("entities"):
    Doc.set_extension("entities", default=None)  # list[EntityCluster] after pckg_entities


@dataclass
class RoleMatch:
    """A title held by a person, as found in the parse."""

    title: Span
    organisation: str | None
    former: bool


@dataclass
class EntityCluster:
    """All mentions of one person or organisation in a document."""

    kind: EntityKind
    name: str
    mentions: list[Span]
    honorific: str | None = None
    aliases: dict[str, str] = field(default_factory=dict)
    """Other names used for the entity, each with the reason it was merged."""
    roles: list[RoleMatch] = field(default_factory=list)
    byline: bool = False
    """Named as the article's writer ("By Loretta Hudson", "…, writes Sally Gillen")."""

    @property
    def key(self) -> str:
        return name_key(self.name)


def name_key(name: str) -> str:
    """Case-, spacing- and apostrophe-insensitive key used to group mentions."""
    return " ".join(name.replace("\u2019", "'").lower().split())


def find_entities(doc: Doc) -> list[EntityCluster]:
    """Group the document's people and organisations, with aliases and roles.

    Parameters
    ----------
    doc : Doc
        A parsed document with named entities; names inside ``doc._.furniture``
        (menus, link lists) are left out.

    Returns
    -------
    list of EntityCluster
        People first, then organisations, each in order of first mention.
    """
    joined = list(_names_broken_over_lines(doc))
    extra_people = list(_names_after_honorifics(doc)) + joined
    taken = {i for span in extra_people for i in range(span.start, span.end)}
    candidates = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
    furniture = doc._.furniture or []
    cleaned = [c for ent in candidates + extra_people if (c := _clean_entity(ent, ent in joined)) is not None
               and not in_spans(c[1].start_char, furniture)]
    people: dict[str, EntityCluster] = {}
    organisations: dict[str, EntityCluster] = {}
    # Full names first, so that "Hodge" can join "Margaret Hodge" wherever it comes.
    cleaned = _majority_kind(cleaned)
    for kind, span, honorific in sorted(cleaned, key=lambda c: (c[0] != "person", -len(c[1]))):
        if kind == "person" or name_key(span.text) in people or _is_surname_of(span.text, people):
            _add_person(people, span, honorific)
        else:
            _add_mention(organisations, "organisation", span)
    _add_untagged_surnames(doc, people)
    for person in people.values():
        person.mentions.sort(key=lambda s: s.start_char)
        person.roles = _distinct_roles(r for mention in person.mentions for r in roles_of(mention))
        person.byline = any(_in_byline(mention) for mention in person.mentions)
    _drop_organisations_inside_titles(organisations, people)
    _merge_acronyms(doc, organisations)
    _add_descriptions(doc, organisations, people)
    for org in organisations.values():
        org.mentions.sort(key=lambda s: s.start_char)
    by_first = lambda c: c.mentions[0].start_char  # noqa: E731
    return sorted(people.values(), key=by_first) + sorted(organisations.values(), key=by_first)


_NAME_PARTICLES = {"de", "da", "di", "du", "del", "van", "von", "der", "den", "la", "le", "bin", "al", "st"}


def _majority_kind(cleaned: list[tuple[EntityKind, Span, str | None]]) -> list[tuple[EntityKind, Span, str | None]]:
    """Give every mention of one name the kind most of its mentions have: "OFSTED" (ORG)
    and "Ofsted" (PERSON) are one organisation. A tie goes to organisation for a
    one-word name, to person otherwise."""
    votes: dict[str, Counter[str]] = {}
    for kind, span, _ in cleaned:
        votes.setdefault(name_key(span.text), Counter())[kind] += 1
    decided = {}
    for key, counts in votes.items():
        tie_break = "organisation" if " " not in key else "person"
        decided[key] = max(counts, key=lambda k: (counts[k], k == tie_break))
    return [(decided[name_key(span.text)], span, honorific) for _, span, honorific in cleaned]


def _names_after_honorifics(doc: Doc) -> Iterator[Span]:
    """Names the model missed but an honorific announces: "Dame Rachel de Souza"."""
    for token in doc:
        if token.lower_.rstrip(".") not in HONORIFICS or not token.text[0].isupper():
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 4 and (
                doc[end].text[:1].isupper() and doc[end].is_alpha or doc[end].lower_ in _NAME_PARTICLES):
            end += 1
        while end > token.i + 1 and doc[end - 1].lower_ in _NAME_PARTICLES:
            end -= 1
        if end > token.i + 1 and not any(doc[i].ent_type_ == "PERSON" for i in range(token.i, end)):
            yield Span(doc, token.i, end, label="PERSON")


def _names_broken_over_lines(doc: Doc) -> Iterator[Span]:
    """A one-word name at a line end whose surname opens the next line: "Sally\nGillen"."""
    for ent in doc.ents:
        end = ent.end - (doc[ent.end - 1].text == "\n")
        if ent.label_ != "PERSON" or end - ent.start != 1 or end + 2 > len(doc):
            continue
        newline, surname = doc[end], doc[end + 1]
        after = doc[end + 2] if end + 2 < len(doc) else None
        if (newline.text == "\n" and surname.pos_ == "PROPN" and surname.is_title
                and (after is None or after.is_punct or after.is_space or after.is_lower)):
            yield Span(doc, ent.start, end + 2, label="PERSON")


def person_called(word: str, clusters: Iterable[EntityCluster]) -> EntityCluster | None:
    """The one person whose first or last name is `word` ("Hanvey"), if exactly one."""
    people = {p.key: p for p in clusters if p.kind == "person"}
    matches = _people_called(word, people)
    return matches[0] if len(matches) == 1 else None


def _clean_entity(ent: Span, joined: bool = False) -> tuple[EntityKind, Span, str | None] | None:
    """Trim an entity span to its name; None when it is not a usable name.

    `joined` marks a name this module rejoined across one line break.
    """
    if ent.label_ not in ("PERSON", "ORG"):
        return None
    kind: EntityKind = "person" if ent.label_ == "PERSON" else "organisation"
    start, end = ent.start, ent.end
    doc = ent.doc
    # Never across a line break ("Community Care\n\nComments" is "Community Care"),
    # except inside a name joined by _names_broken_over_lines.
    for i in range(start, end):
        if "\n" in doc[i].text and not (joined and doc[i].text == "\n"):
            end = i
            break
    honorific = None
    while start < end and (_is_junk(doc[start]) or doc[start].lower_ in HONORIFICS | {"the"}):
        if doc[start].lower_.rstrip(".") in HONORIFICS:
            honorific = doc[start].text
        start += 1
    while end > start and (_is_junk(doc[end - 1]) or doc[end - 1].lower_ in ("'s", "'", "\u2019s", "\u2019")):
        end -= 1
    if kind == "organisation":
        end = _name_continues(doc, end)
    if start >= end or end - start > _MAX_NAME_TOKENS:
        return None
    span = doc[start:end]
    if len(span) == 1 and span[0].pos_ not in ("PROPN", "NOUN"):
        return None  # "• Consolidate data…": a capitalised verb or adjective, not a name
    text = span.text
    if not text[0].isupper() or any(ch.isdigit() or ch in "@/\\|" for ch in text):
        return None
    if len(span) > 1 and text.isupper():
        return None  # a shouted headline, not a name
    if kind == "person" and start > 0 and doc[start - 1].lower_ in ORGANISATION_NOUNS:
        kind = "organisation"
    return kind, span, honorific


def _name_continues(doc: Doc, end: int) -> int:
    """Extend an organisation cut short by the model over "of/for" and capitalised
    words: "Association of Chief Executives [of Voluntary Organisations]"."""
    while end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and doc[end + 1].is_title:
        stop = end + 1
        while stop < len(doc) and doc[stop].is_title and doc[stop].pos_ == "PROPN":
            stop += 1
        if stop == end + 1:
            break
        end = stop
    return end


def _is_junk(token: Token) -> bool:
    return token.is_punct or token.is_space or token.text in BULLETS + DASHES


def _is_surname_of(text: str, people: dict[str, EntityCluster]) -> bool:
    """Whether a one-word name is the first or last word of exactly one known person."""
    return len(_people_called(text, people)) == 1


def _people_called(text: str, people: dict[str, EntityCluster]) -> list[EntityCluster]:
    word = name_key(text)
    if " " in word:
        return []
    return [p for p in people.values() if " " in p.key and word in (p.key.split()[0], p.key.split()[-1])]


_BYLINE_WORDS = {"by", "writes", "words"}


def _in_byline(name: Span) -> bool:
    """"By NAME" opening a line, or ", writes NAME" closing a sentence or line."""
    doc = name.doc
    before = doc[name.start - 1] if name.start > 0 else None
    if before is None or before.lower_ not in _BYLINE_WORDS:
        return False
    if before.lower_ == "by":
        return before.i == 0 or "\n" in doc[before.i - 1].text_with_ws
    for token in doc[name.end :]:
        if "\n" in token.text_with_ws:
            return token.is_punct or token.is_space
        if not token.is_punct:
            return False
    return True


def _add_untagged_surnames(doc: Doc, people: dict[str, EntityCluster]) -> None:
    """Add "Hodge" as a mention of "Margaret Hodge" where the model tagged nothing."""
    surnames: dict[str, list[EntityCluster]] = {}
    for person in people.values():
        if " " in person.key:
            surnames.setdefault(person.key.split()[-1], []).append(person)
    covered = {i for p in people.values() for m in p.mentions for i in range(m.start, m.end)}
    for token in doc:
        owners = surnames.get(token.lower_, [])
        if (len(owners) == 1 and token.pos_ in ("PROPN", "NOUN") and token.is_title
                and not token.ent_type_ and token.i not in covered):
            owners[0].aliases.setdefault(token.text, f"surname of {owners[0].name}")
            owners[0].mentions.append(doc[token.i : token.i + 1])


def _add_person(people: dict[str, EntityCluster], span: Span, honorific: str | None) -> None:
    key = name_key(span.text)
    if key not in people:
        matches = _people_called(span.text, people)
        if len(matches) == 1:
            matches[0].aliases.setdefault(span.text, f"first or last name of {matches[0].name}")
            matches[0].mentions.append(span)
            return
    cluster = _add_mention(people, "person", span)
    cluster.honorific = cluster.honorific or honorific


def _add_mention(clusters: dict[str, EntityCluster], kind: EntityKind, span: Span) -> EntityCluster:
    key = name_key(span.text)
    text = " ".join(span.text.split())
    if key not in clusters:
        clusters[key] = EntityCluster(kind=kind, name=text, mentions=[])
    elif text != clusters[key].name:
        clusters[key].aliases.setdefault(text, "the same name written differently")
    clusters[key].mentions.append(span)
    return clusters[key]


def _drop_organisations_inside_titles(organisations: dict[str, EntityCluster],
                                      people: dict[str, EntityCluster]) -> None:
    """"Education" in "Education Secretary Nadhim Zahawi" is part of a title, not an organisation."""
    titles = [r.title for p in people.values() for r in p.roles if r.organisation is None]
    for key, org in list(organisations.items()):
        org.mentions = [m for m in org.mentions
                        if not any(t.start <= m.start and m.end <= t.end for t in titles)]
        if not org.mentions:
            del organisations[key]


_NAME_FILLERS = {"of", "for", "and", "the", "on", "in", "to", "&"}


def initials(name: str) -> str:
    """Capitals of a name's main words: "National Council for Voluntary Organisations" -> "NCVO"."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in _NAME_FILLERS).upper()


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and text.isalpha() and sum(c.isupper() for c in text) >= len(text) - 1


def _merge_acronyms(doc: Doc, organisations: dict[str, EntityCluster]) -> None:
    """Make "NCVO" and "National Council for Voluntary Organisations" one organisation.

    An acronym joins the one longer name whose initials it spells, whether the
    model tagged it or not; "Long Name (LN)" in the text joins them whatever the letters.
    """
    long_names = [o for o in organisations.values() if " " in o.name]
    for acronym_key, short in list(organisations.items()):
        if not _is_acronym(short.name):
            continue
        spelled = [o for o in long_names if initials(o.name) == short.name.upper()]
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
            if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and _is_acronym(after[1].text):
                org.aliases.setdefault(after[1].text, f"abbreviation in brackets after {org.name}")
        letters = {a for a in org.aliases if _is_acronym(a)} | ({initials(org.name)} if len(initials(org.name)) > 2 else set())
        for token in doc:
            if token.text in letters and token.i not in covered and token.is_upper:
                org.aliases.setdefault(token.text, f"acronym of {org.name}")
                org.mentions.append(doc[token.i : token.i + 1])
                covered.add(token.i)


_DESCRIPTION_HEADS = ORGANISATION_NOUNS | {"council", "committee", "commission", "unit", "service", "board"}


def _add_descriptions(doc: Doc, organisations: dict[str, EntityCluster],
                      people: dict[str, EntityCluster]) -> None:
    """"The city council" after "Liverpool City Council": a definite description that
    fits exactly one organisation named in the article joins it."""
    covered = {i for c in list(organisations.values()) + list(people.values())
               for m in c.mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.lower_ != "the" or token.i + 1 >= len(doc):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 3 and doc[end].is_lower and doc[end].is_alpha:
            end += 1
        while end > token.i + 1 and doc[end - 1].lower_ not in _DESCRIPTION_HEADS:
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


def _distinct_roles(roles: Iterable[RoleMatch]) -> list[RoleMatch]:
    """Drop repeated titles and titles inside a longer one found at the same place."""
    found = sorted(roles, key=lambda r: (r.title.start, -len(r.title)))
    kept: list[RoleMatch] = []
    for role in found:
        title = role.title
        if not any(name_key(k.title.text) == name_key(title.text)
                   or (k.title.start <= title.start and title.end <= k.title.end) for k in kept):
            kept.append(role)
    return kept


def roles_of(name: Span) -> Iterator[RoleMatch]:
    """Yield the titles the text gives a person at one mention of their name.

    Covers a title written before the name ("Education Secretary Nadhim
    Zahawi", "director of UK operations at Barnardo's Chris Hanvey"), an
    apposition after it ("John Coughlan, co-chair of ..."), and a name in
    apposition to a title ("executive member for finance, Councillor Flo
    Clucas"). Coordinated titles are split.
    """
    doc = name.doc
    root = name.root
    yield from _split_titles(_title_before(name))
    appositions = [c for c in root.children if c.dep_ == "appos" and c.i >= name.end]
    for group in _adjacent_groups(appositions):
        yield from _split_titles(_trim(doc[group[0].left_edge.i : group[-1].right_edge.i + 1]))
    head = root.head
    if root.dep_ in ("appos", "pobj") and head.i < name.start:
        if root.dep_ == "pobj":  # "director of UK operations at Barnardo's Chris Hanvey"
            post = head.lower_ in ("at", "of", "for") and head.head.lemma_.lower() in load_source_nouns()
            head = head.head if post else head
        if head.pos_ in ("NOUN", "PROPN") and not head.ent_type_ == "PERSON" and head.pos_ != "ADP":
            yield from _split_titles(_trim(doc[head.left_edge.i : name.start]))


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


def _title_before(name: Span) -> Span:
    """The words before a name that belong to its phrase: "children's minister"."""
    doc = name.doc
    subtree = {t.i for t in name.root.subtree}
    start = name.start
    while start > 0 and start - 1 in subtree:
        token = doc[start - 1]
        if (token.is_punct and token.text not in ("'", "-")) or "\n" in token.text_with_ws:
            break
        start -= 1
    return _trim(doc[start : name.start])


def _trim(span: Span) -> Span:
    """Strip determiners, honorifics and punctuation from the edges of a title."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].is_punct or doc[start].pos_ in ("DET", "CCONJ", "ADP")
                           or doc[start].lower_.rstrip(".") in HONORIFICS):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].pos_ in ("CCONJ", "ADP", "DET")
                           or doc[end - 1].lower_.rstrip(".") in HONORIFICS):
        end -= 1
    return doc[start:end]


def _split_titles(title: Span) -> Iterator[RoleMatch]:
    """Split "Deputy Council Leader and executive member for finance" in two."""
    if not _looks_like_title(title):
        return
    doc = title.doc
    root = title.root
    conjuncts = [c for c in root.children if c.dep_ == "conj" and title.start <= c.i < title.end]
    if conjuncts:
        first_end = min(c.left_edge.i for c in conjuncts)
        parts = [_trim(doc[title.start : first_end])]
        parts += [_trim(doc[c.left_edge.i : c.right_edge.i + 1]) for c in conjuncts]
    else:
        parts = [title]
    for part in parts:
        if _looks_like_title(part):
            former = part[0].lower_ in ("former", "ex", "then")
            yield RoleMatch(title=part, organisation=_organisation_in(part), former=former)


def _looks_like_title(span: Span) -> bool:
    """A title is a short noun phrase on one line with a word that is not a name."""
    if not 0 < len(span) <= _MAX_TITLE_TOKENS or any(ch in span.text for ch in _NOT_IN_TITLE_TEXT):
        return False
    if span.root.pos_ not in ("NOUN", "PROPN") or any(t.ent_type_ in _NOT_IN_TITLES for t in span):
        return False
    return any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("PERSON", "ORG") for t in span)


_NOT_IN_TITLE_TEXT = "\n,;:\"\u201c\u201d\u2018()"
_NOT_IN_TITLES = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}


def _organisation_in(title: Span) -> str | None:
    """The organisation a title names: "at Barnardo's", "of the ADSS", "ADSS president",
    "Leeds City Council leader"; not the subject word of "Education Secretary"."""
    doc = title.doc
    for ent in title.ents:
        cleaned = _clean_entity(ent)
        if cleaned is None or cleaned[0] != "organisation":
            continue
        name = cleaned[1]
        after = doc[ent.end] if ent.end < len(doc) else None
        governed = any(t.pos_ == "ADP" for t in doc[title.start : ent.start])
        possessive = after is not None and after.tag_ == "POS"
        named = _is_acronym(name.text) or (len(name) > 1 and name[-1].lower_ in _DESCRIPTION_HEADS)
        if governed or possessive or named:
            return name.text
    return None


class EntityExtractor:
    """Pipeline component: ``doc._.entities`` = `find_entities(doc)`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = find_entities(doc)
        return doc


@Language.factory("pckg_entities", assigns=["doc._.entities"], requires=["doc.ents", "doc._.furniture", "token.dep"])
def make_entity_extractor(nlp: Language, name: str) -> EntityExtractor:
    """Create the people, organisations and roles component."""
    return EntityExtractor(name)
