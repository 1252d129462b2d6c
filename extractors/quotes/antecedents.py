"""Who a pronoun or a bare role phrase refers back to: "she said" (the last person named
whose gender agrees), "the minister said" (the one person the article gives that title)."""

from __future__ import annotations

from spacy.tokens import Token

from extractors.entities import EntityCluster, RoleMatch
from extractors.spans import sentence_of

__all__ = ["PERSONAL_PRONOUNS", "GROUP_PRONOUNS", "PRONOUN_GENDER", "pronoun_antecedent", "role_holder"]

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
PRONOUN_GENDER = {"he": "male", "him": "male", "she": "female", "her": "female"}
DISTINGUISHING_WORDS = frozenset({"shadow", "deputy", "vice", "former", "ex", "assistant", "junior", "acting",
                                  "interim", "associate", "under", "then", "late", "outgoing", "incoming"})
"""Words that make a title another office: "the minister" is not the shadow minister."""


def pronoun_antecedent(pronoun: Token, candidates: dict[int, EntityCluster], *,
                       skip: frozenset[int] = frozenset()) -> EntityCluster | None:
    """The last person (he, she) or organisation (it, they) named before a pronoun.

    Parameters
    ----------
    pronoun : Token
    candidates : dict of int to EntityCluster
        The entity owning each token that is part of a name.
    skip : frozenset of int
        Tokens that are never antecedents (inside quotations).

    Notes
    -----
    "he" and "she" only take a person whose gender is not known to differ, "it"
    only an organisation, and none when the sentence before has a thing for its
    subject ("The report found … . It also says …"); bylines are never
    antecedents. Within the nearest sentence that names a fitting entity, one in
    subject position wins.
    """
    kind = "person" if pronoun.lower_ in PERSONAL_PRONOUNS else "organisation"
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    earlier = [i for i, c in candidates.items() if i < pronoun.i and c.kind == kind and not c.byline
               and i not in skip and (gender is None or c.gender in (None, gender))]
    if not earlier:
        return None
    doc = pronoun.doc
    if pronoun.lower_ == "it" and _thing_before(pronoun, candidates, skip):
        return None  # "The report found … . It also says …": the report, not the last organisation
    sentence = sentence_of(doc[max(earlier)])
    in_sentence = [i for i in earlier if sentence.start <= i < sentence.end]
    subjects = [i for i in in_sentence if _in_subject(doc[i])]
    return candidates[max(subjects or in_sentence)]


def role_holder(subject: Token, entities: list[EntityCluster]) -> EntityCluster | None:
    """The one person an article gives the title a definite role phrase names.

    "the minister", "the council's chief executive": a singular noun with "the"
    or a possessive noun before it. It names the person only when exactly one
    person named before it holds a title with that head noun and every word of
    the phrase, and no distinguishing word the phrase lacks ("shadow", "deputy",
    "former"). Plural and indefinite phrases ("officials", "a former aide") are
    never one known person.
    """
    if subject.pos_ != "NOUN" or subject.tag_ not in ("NN", "NNP"):
        return None
    determiners = [c for c in subject.children if c.dep_ in ("det", "poss")]
    definite = any(c.lower_ == "the" or (c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")) for c in determiners)
    if not definite or any(c.dep_ == "det" and c.lower_ != "the" for c in determiners):
        return None
    words = {t.lemma_.lower() for t in subject.subtree
             if t.i < subject.i and t.dep_ in ("amod", "compound", "poss") and t.is_alpha}
    holders = [c for c in entities if c.kind == "person" and c.mentions[0].start < subject.i
               and any(_fits(role, subject, words) for role in c.roles)]
    return holders[0] if len(holders) == 1 else None


def _fits(role: RoleMatch, subject: Token, words: set[str]) -> bool:
    title = role.title
    if title.root.lemma_.lower() != subject.lemma_.lower():
        return False
    title_words = {t.lemma_.lower() for t in title} | {w.lower() for w in (role.organisation or "").split()}
    return words <= title_words and not (title_words & DISTINGUISHING_WORDS) - words


def _thing_before(pronoun: Token, candidates: dict[int, EntityCluster], skip: frozenset[int]) -> bool:
    """Whether the sentence before the pronoun's has a thing for its subject, a singular common
    noun that names no one ("The report found that … . It also says …"): "it" takes up that
    subject, not an organisation named further back."""
    doc = pronoun.doc
    start = sentence_of(pronoun).start
    if start == 0:
        return False
    previous = sentence_of(doc[start - 1])
    subjects = [t for t in previous.root.children if t.dep_ in ("nsubj", "nsubjpass")]
    return any(t.tag_ == "NN" and t.i not in candidates and t.i not in skip and not t.ent_type_
               for t in subjects)


def _in_subject(token: Token) -> bool:
    """Whether a token is, or sits inside, the subject of a clause."""
    while token.head.i != token.i:
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ in ("dobj", "ccomp", "advcl", "relcl", "xcomp"):
            return False
        token = token.head
    return False
