"""Speakers: the subject of a cue, and who it names (an entity, a pronoun's antecedent, a
role holder, or a descriptive phrase kept as it is)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.entities import EntityCluster, person_called
from extractors.lexicons import QuoteLexicon
from extractors.quotes.antecedents import GROUP_PRONOUNS, PERSONAL_PRONOUNS, pronoun_antecedent, role_holder
from extractors.quotes.matches import Quotation, QuoteSettings, Speaker

__all__ = ["SpeakerResolver", "subject_of", "inside"]

_RELATIVE_PRONOUNS = ("who", "which", "that")
_MAX_SUBJECT_HOPS = 4
"""Verbs climbed to find a subject ("went on to say" -> went)."""
_CLIMBED = ("xcomp", "conj", "advcl")
_CLIMBED_TO_PARTICIPLES = ("acomp", "pcomp", "prep")
"""Also climbed for participles and gerunds: "was quick to add", "responded by saying"."""
_SAME_SUBJECT_PREPOSITIONS = frozenset({"by", "after", "before", "while", "when", "in", "on", "without", "since"})
"""A gerund after these shares the verb's subject ("responded by saying"); not after "for" or
"of" ("criticised Romney for suggesting": Romney suggested)."""


def subject_of(verb: Token, settings: QuoteSettings, statement_nouns: frozenset[str],
               source_nouns: frozenset[str]) -> Token | None:
    """The grammatical subject of a verb, looking through "went on to say", "and called",
    and through a relative pronoun to its noun ("Trump, who pledged …": Trump).

    With the ``participles`` rule family: through "was quick to add", "responded by
    saying", "issued a statement saying" (a noun in `statement_nouns`), and the noun
    a participle describes when it names who speaks: a name or one of `source_nouns`
    ("with analysts saying …": analysts).
    """
    token = verb
    participles = settings.uses("participles")
    climbed = _CLIMBED + (_CLIMBED_TO_PARTICIPLES if participles else ())
    for _ in range(_MAX_SUBJECT_HOPS):
        subject = _nearest_subject(token)
        if subject is not None:
            if subject.lower_ in _RELATIVE_PRONOUNS and token.dep_ == "relcl":
                return token.head
            return subject
        if any(child.dep_ in ("nsubjpass", "auxpass") for child in token.children):
            return None  # "was described as": no one is reported speaking
        if verb.lemma_ == "accord":
            return next((c for t in verb.children for c in t.children if c.dep_ == "pobj"), None)
        if participles and token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in ("NOUN", "PROPN"):
            noun = token.head
            if noun.lemma_.lower() in statement_nouns and noun.dep_ == "dobj":
                token = noun.head  # "issued a statement saying": whoever issued it
                continue
            speaks = noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            return noun if speaks or noun.lemma_.lower() in source_nouns else None  # "analysts saying"
        if token.dep_ not in climbed or token.head.i == token.i:
            return None
        if token.dep_ == "prep" and (token.head.pos_ not in ("VERB", "AUX")
                                     or token.lower_ not in _SAME_SUBJECT_PREPOSITIONS):
            return None
        token = token.head
    return None


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two, the one nearest before it: a dateline the parser takes
    for a second subject ("PHILADELPHIA, July 25 — The committee said…") is not it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else next(iter(subjects), None)


def inside(offset: int, quoted: list[Quotation]) -> bool:
    """Whether a character offset falls inside one of the quotations."""
    return any(q.start <= offset < q.end for q in quoted)


class SpeakerResolver:
    """Turns the subject of a cue into a speaker: an entity, a pronoun's antecedent, or a phrase.

    Parameters
    ----------
    doc : Doc
        With ``doc._.pckg_entities`` set.
    quoted : list of Quotation
        The document's quotations: names inside them are never antecedents.
    lexicon, settings
        The quote finder's word lists and thresholds.
    """

    def __init__(self, doc: Doc, quoted: list[Quotation], lexicon: QuoteLexicon, settings: QuoteSettings) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.settings = settings
        self.entities: list[EntityCluster] = doc._.pckg_entities or []
        self.owner: dict[int, EntityCluster] = {}
        for cluster in self.entities:
            for mention in cluster.mentions:
                for i in range(mention.start, mention.end):
                    self.owner[i] = cluster
        self.quoted = quoted
        self._quoted_tokens = frozenset(i for i in self.owner if inside(doc[i].idx, quoted))

    def subject_of(self, verb: Token) -> Token | None:
        """`subject_of` the verb, with the quote finder's settings and word lists."""
        return subject_of(verb, self.settings, self.lexicon.statement_nouns, self.lexicon.source_nouns)

    def speaker(self, subject: Token | None) -> Speaker:
        """The speaker a cue's subject names."""
        if subject is None:
            return Speaker(None, None, None)
        phrase = self._phrase(subject)
        named = self._entity_in(phrase)
        if named is not None:
            return Speaker(named.name, named, phrase)
        if subject.lower_ in PERSONAL_PRONOUNS | GROUP_PRONOUNS and self.settings.uses("antecedent"):
            antecedent = pronoun_antecedent(subject, self.owner, skip=self._quoted_tokens)
            if antecedent is not None:
                return Speaker(antecedent.name, antecedent, phrase)
        if subject.pos_ == "PRON":
            return Speaker(phrase.text, None, phrase)  # unresolved: keep the pronoun, invent no one
        holder = role_holder(subject, self.entities) if self.settings.uses("role_holder") else None
        if holder is not None:
            return Speaker(holder.name, holder, phrase)
        return Speaker(phrase.text, None, phrase)

    def named(self, words: Span) -> EntityCluster | None:
        """The known entity a short name stands for, in any case ("PENCE", "Mike Pence")."""
        owner = self._entity_in(words)
        if owner is not None:
            return owner
        key = " ".join(t.lower_ for t in words)
        return next((c for c in self.entities if c.key == key), None) or person_called(words.text.title(), self.entities)

    def _phrase(self, subject: Token) -> Span:
        """The subject's words without relative clauses or trailing appositions."""
        doc = self.doc
        cluster = self.owner.get(subject.i)
        if cluster is not None:
            return next(m for m in cluster.mentions if m.start <= subject.i < m.end)
        end = subject.i + 1
        named = next((c for c in subject.rights if c.dep_ == "appos" and c.i in self.owner), None)
        if named is not None:  # "executive member for finance, Councillor Flo Clucas"
            return self._phrase(named)
        for child in subject.rights:
            if child.dep_ not in ("prep", "compound", "amod", "nummod", "case"):
                break
            end = _end_without_clauses(child)
        start = subject.left_edge.i
        while start < subject.i and doc[start].pos_ in ("ADV", "CCONJ", "PUNCT"):
            start += 1  # "Even China" is China
        if end - start > self.settings.max_speaker_tokens:
            start = max(start, end - self.settings.max_speaker_tokens)
        return doc[start:end]

    def _entity_in(self, phrase: Span) -> EntityCluster | None:
        """The entity a subject phrase names as the speaker.

        The entity heading the phrase; else a person in it ("director at
        Barnardo's Chris Hanvey"), unless only as a possessive ("Pagliano's
        lawyer"); else an organisation a spokesperson or a report speaks for
        ("a spokesperson for the LGA", "research from NCVO"), but not one that
        merely describes the speaker ("the GOP nominee").
        """
        root = phrase.root
        if root.i in self.owner:
            return self.owner[root.i]
        named = [t for t in phrase if t.i in self.owner and not _possessive(t)]
        people = [self.owner[t.i] for t in named if self.owner[t.i].kind == "person" and _holds_title(t, root)]
        if people and self.settings.uses("person_in_phrase"):
            return people[-1]
        for token in named if self.settings.uses("voice_noun") else ():
            if token.head.dep_ == "prep" and token.head.head.lemma_.lower() in self.lexicon.voice_nouns:
                return self.owner[token.i]
        if len(phrase) == 1 and phrase[0].pos_ == "PROPN":
            return person_called(phrase.text, self.entities)  # "Hanvey" the model did not tag
        return None


def _end_without_clauses(token: Token) -> int:
    """Where the phrase of `token` ends without a relative clause, an apposition or a
    clause set off by a comma: "a spokesman for the trust[, which runs three sites,]"."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "appos", "punct", "advcl", "cc", "conj") or child.text == ",":
            break
        end = _end_without_clauses(child)
    return end


def _holds_title(name: Token, root: Token) -> bool:
    """Whether a name in a subject phrase is the person the phrase's head noun describes:
    "director at Barnardo's [Chris Hanvey]", "the executive member, [Flo Clucas]"; not a name
    inside a modifier ("a poll of [Clinton] supporters")."""
    while name.dep_ in ("compound", "flat") and name.head.ent_type_ == name.ent_type_ and name.head != root:
        name = name.head
    if name.dep_ == "appos" and name.head == root:
        return True
    return (name.dep_ == "pobj" and name.head.dep_ == "prep" and name.head.head == root
            and name.head.lower_ in ("at", "of", "for", "from", "with") and root.tag_ in ("NN", "NNP"))


def _possessive(token: Token) -> bool:
    """Whether a name only modifies the phrase as a possessive ("Pagliano's lawyer")."""
    while token.dep_ in ("compound", "flat"):
        token = token.head
    return token.dep_ == "poss"
