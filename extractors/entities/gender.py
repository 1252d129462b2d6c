"""A person's gender, as the article shows it, so that "he" and "she" find the right antecedent.

Evidence, strongest first: a gendered honorific written before a mention ("Mrs
Hodge", "Sir Alan"); a gendered word in one of the person's titles ("spokeswoman",
"chairman"); the article's own pronouns right after a mention of the person as a
subject and before any other person is named ("Ann Lee chairs … She said"); and, only as a
tie-breaker, the first name (``data/first_names.tsv``, derived from nomquamgender).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from extractors.entities.clusters import EntityCluster
from extractors.lexicons import EntityLexicon
from extractors.spans import sentence_of

__all__ = ["PRONOUNS", "infer_gender"]

PRONOUNS = {"he": "male", "him": "male", "his": "male", "himself": "male",
            "she": "female", "her": "female", "hers": "female", "herself": "female"}
_PRONOUN_MARGIN = 2
"""The article's pronouns decide when one gender has at least this many times the other's count."""


def infer_gender(person: EntityCluster, doc: Doc, lexicon: EntityLexicon) -> str | None:
    """``"female"``, ``"male"`` or None for a person cluster of `doc`.

    Parameters
    ----------
    person : EntityCluster
        A person, with mentions and roles set.
    doc : Doc
        The document the mentions belong to.
    lexicon : EntityLexicon
        ``gendered_words`` (honorifics and title words) and ``first_names``.

    Examples
    --------
    The evidence, strongest first: "Mrs Lee" is female whatever follows; "Sam Hill,
    the chairman" is male; "Alex Kerr … She said" is female; "Mary Ross" is female
    by her first name when the article shows nothing else.
    """
    words = lexicon.gendered_words
    honorifics = [person.honorific] + [doc[m.start - 1].text for m in person.mentions if m.start > 0]
    by_honorific = {words.get(h.lower().rstrip(".")) for h in honorifics if h} - {None}
    if len(by_honorific) == 1:
        return by_honorific.pop()
    by_title = {words[t.lower_] for r in person.roles for t in r.title if t.lower_ in words}
    if len(by_title) == 1:
        return by_title.pop()
    votes = _pronoun_votes(person, doc)
    (first, n_first), (_, n_second) = (votes.most_common(2) + [(None, 0), (None, 0)])[:2]
    if first is not None and n_first >= _PRONOUN_MARGIN * n_second:
        return first
    given = person.name.split()[0].lower().rstrip(".") if " " in person.name else None
    return lexicon.first_names.get(given) if given else None


def _pronoun_votes(person: EntityCluster, doc: Doc) -> Counter[str]:
    """Gendered pronouns after each mention of the person as a subject (the topic the
    pronouns go on with), up to the end of the next sentence or the next person named,
    whichever comes first; a pronoun after an object ("She met Tom Hart. She said…")
    is no evidence."""
    others = {i for m in _other_people(person, doc) for i in range(m.start, m.end)}
    votes: Counter[str] = Counter()
    for mention in person.mentions:
        if mention.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        stop = sentence_of(mention[0]).end
        if stop < len(doc):
            stop = sentence_of(doc[stop]).end
        for token in doc[mention.end : stop]:
            if token.i in others:
                break
            if token.lower_ in PRONOUNS:
                votes[PRONOUNS[token.lower_]] += 1
    return votes


def _other_people(person: EntityCluster, doc: Doc) -> list[Span]:
    """Mentions of the document's other people, as the NER tagged them."""
    return [e for e in doc.ents if e.label_ == "PERSON"
            and not any(m.start < e.end and e.start < m.end for m in person.mentions)]
