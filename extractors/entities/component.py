"""The ``pckg_entities`` component: people and organisations with aliases and roles.

`find_entities` is the logic as a plain function; the component stores its
result on ``doc._.pckg_entities``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractors.entities.clusters import EntityCluster, add_mention, name_key
from extractors.entities.known_names import fit_names, headline_lines
from extractors.entities.gender import infer_gender
from extractors.entities.names import clean_name, majority_kind, names_after_honorifics, names_broken_over_lines
from extractors.entities.organisations import add_descriptions, drop_organisations_inside_titles, merge_acronyms
from extractors.entities.patterns import OrganisationShapes, prefer_shapes
from extractors.entities.people import add_person, add_untagged_surnames, in_byline, people_called
from extractors.entities.roles import distinct_roles, roles_of
from extractors.furniture import in_spans
from extractors.lexicons import EntityLexicon, LexiconComponent

__all__ = ["find_entities", "EntityExtractor", "make_entity_extractor"]

if not Doc.has_extension("pckg_entities"):
    Doc.set_extension("pckg_entities", default=None)  # list[EntityCluster] after pckg_entities


def find_entities(doc: Doc, lexicon: EntityLexicon, shapes: OrganisationShapes | None = None) -> list[EntityCluster]:
    """Group the document's people and organisations, with aliases and roles.

    Parameters
    ----------
    doc : Doc
        A parsed document with named entities; names inside ``doc._.pckg_furniture``
        (menus, link lists) are left out.
    lexicon : EntityLexicon
        Honorifics, organisation nouns and the other word lists the rules read.
    shapes : OrganisationShapes, optional
        Finds organisations by the shapes of their names; without it, only the model's.

    Returns
    -------
    list of EntityCluster
        People first, then organisations, each in order of first mention.
    """
    joined = list(names_broken_over_lines(doc))
    extra_people = list(names_after_honorifics(doc, lexicon)) + joined
    taken = {i for span in extra_people for i in range(span.start, span.end)}
    if shapes is not None:  # as an entity ruler would: the roles and quotes read them too
        doc.ents = sorted(prefer_shapes(list(doc.ents), shapes(doc, lexicon)))
    candidates = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
    furniture = doc._.pckg_furniture or []
    cleaned = [c for ent in candidates + extra_people
               if (c := clean_name(ent, lexicon, joined=ent in joined)) is not None
               and not in_spans(c[1].start_char, furniture)]
    people: dict[str, EntityCluster] = {}
    organisations: dict[str, EntityCluster] = {}
    headline = headline_lines(doc)
    # Full names first, so that "Hodge" can join "Margaret Hodge" wherever it comes.
    cleaned = majority_kind(fit_names(doc, cleaned, lexicon, headline), lexicon)
    for kind, span, honorific in sorted(cleaned, key=lambda c: (c[0] != "person", -len(c[1]))):
        if kind == "person" or name_key(span.text) in people or len(people_called(span.text, people)) == 1:
            add_person(people, span, honorific)
        else:
            add_mention(organisations, "organisation", span)
    add_untagged_surnames(doc, people)
    for person in people.values():
        person.mentions.sort(key=lambda s: s.start_char)
        person.roles = distinct_roles(r for mention in person.mentions if mention.start not in headline
                                      for r in roles_of(mention, lexicon))
        person.byline = any(in_byline(mention, lexicon) for mention in person.mentions)
        person.gender = infer_gender(person, doc, lexicon)
    drop_organisations_inside_titles(organisations, people)
    merge_acronyms(doc, organisations, lexicon)
    add_descriptions(doc, organisations, people, lexicon)
    for org in organisations.values():
        org.mentions.sort(key=lambda s: s.start_char)
    by_first = lambda c: c.mentions[0].start_char  # noqa: E731
    return sorted(people.values(), key=by_first) + sorted(organisations.values(), key=by_first)


class EntityExtractor(LexiconComponent):
    """Pipeline component: ``doc._.pckg_entities`` = `find_entities(doc)`."""

    lexicon_type = EntityLexicon

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self._shapes: tuple[EntityLexicon, OrganisationShapes] | None = None

    def __call__(self, doc: Doc) -> Doc:
        doc._.pckg_entities = find_entities(doc, self.lexicon, self.shapes)
        return doc

    @property
    def shapes(self) -> OrganisationShapes:
        """The organisation patterns of the current lexicon, built once."""
        if self._shapes is None or self._shapes[0] is not self.lexicon:
            self._shapes = (self.lexicon, OrganisationShapes(self.nlp, self.lexicon.organisation_patterns))
        return self._shapes[1]


@Language.factory("pckg_entities", assigns=["doc._.pckg_entities"],
                  requires=["doc.ents", "doc._.pckg_furniture", "token.dep"])
def make_entity_extractor(nlp: Language, name: str) -> EntityExtractor:
    """Create the people, organisations and roles component (its lexicon comes with `initialize`)."""
    return EntityExtractor(nlp, name)
