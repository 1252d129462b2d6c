"""Speakers: the subject of a cue, and who it names (an entity, a pronoun's antecedent, a
role holder, or a descriptive phrase kept as it is)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.entities import EntityCluster, person_called
from extractors.lexicons import QuoteLexicon
from extractors.quotes.matches import Quotation, QuoteSettings, Speaker
from extractors.spans import sentence_of

__all__ = ["SpeakerResolver", "subject_of", "inside"]

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
_RELATIVE_PRONOUNS = ("who", "which", "that")
_MAX_SUBJECT_HOPS = 3
"""Verbs climbed to find a subject ("went on to say" -> went)."""


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, looking through "went on to say", "and called",
    and through a relative pronoun to its noun ("Trump, who pledged …": Trump)."""
    token = verb
    for _ in range(_MAX_SUBJECT_HOPS):
        for child in token.children:
            if child.dep_ == "nsubj":
                if child.lower_ in _RELATIVE_PRONOUNS and token.dep_ == "relcl":
                    return token.head
                return child
            if child.dep_ in ("nsubjpass", "auxpass"):
                return None  # "was described as": no one is reported speaking
        if verb.lemma_ == "accord":
            return next((c for t in verb.children for c in t.children if c.dep_ == "pobj"), None)
        if token.dep_ not in ("xcomp", "conj", "advcl") or token.head.i == token.i:
            return None
        token = token.head
    return None


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

    def speaker(self, subject: Token | None) -> Speaker:
        """The speaker a cue's subject names."""
        if subject is None:
            return Speaker(None, None, None)
        phrase = self._phrase(subject)
        named = self._entity_in(phrase)
        if named is not None:
            return Speaker(named.name, named, phrase)
        if subject.lower_ in PERSONAL_PRONOUNS | GROUP_PRONOUNS and self.settings.uses("antecedent"):
            antecedent = self._antecedent(subject)
            if antecedent is not None:
                return Speaker(antecedent.name, antecedent, phrase)
        if subject.pos_ == "PRON":
            return Speaker(phrase.text, None, phrase)  # unresolved: keep the pronoun, invent no one
        holder = self._role_holder(subject) if self.settings.uses("role_holder") else None
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
            end = child.right_edge.i + 1
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
        people = [self.owner[t.i] for t in named if self.owner[t.i].kind == "person"]
        if people and self.settings.uses("person_in_phrase"):
            return people[-1]
        for token in named if self.settings.uses("voice_noun") else ():
            if token.head.dep_ == "prep" and token.head.head.lemma_.lower() in self.lexicon.voice_nouns:
                return self.owner[token.i]
        if len(phrase) == 1 and phrase[0].pos_ == "PROPN":
            return person_called(phrase.text, self.entities)  # "Hanvey" the model did not tag
        return None

    def _antecedent(self, pronoun: Token) -> EntityCluster | None:
        """The last person (he, she) or organisation (it, they) named before a pronoun.

        Names inside quotations and bylines are skipped, and within the
        nearest sentence that names one, a name in subject position wins.
        """
        kind = "person" if pronoun.lower_ in PERSONAL_PRONOUNS else "organisation"
        earlier = [i for i, c in self.owner.items() if i < pronoun.i and c.kind == kind and not c.byline
                   and not inside(self.doc[i].idx, self.quoted)]
        if not earlier:
            return None
        sentence = sentence_of(self.doc[max(earlier)])
        in_sentence = [i for i in earlier if sentence.start <= i < sentence.end]
        subjects = [i for i in in_sentence if _in_subject(self.doc[i])]
        return self.owner[max(subjects or in_sentence)]

    def _role_holder(self, subject: Token) -> EntityCluster | None:
        """The one person whose title ends in the subject's noun ("the minister")."""
        if subject.pos_ != "NOUN":
            return None
        holders = [c for c in self.entities if c.kind == "person"
                   and any(r.title.root.lemma_.lower() == subject.lemma_.lower() for r in c.roles)]
        return holders[0] if len(holders) == 1 else None


def _possessive(token: Token) -> bool:
    """Whether a name only modifies the phrase as a possessive ("Pagliano's lawyer")."""
    while token.dep_ in ("compound", "flat"):
        token = token.head
    return token.dep_ == "poss"


def _in_subject(token: Token) -> bool:
    """Whether a token is, or sits inside, the subject of a clause."""
    while token.head.i != token.i:
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ in ("dobj", "ccomp", "advcl", "relcl", "xcomp"):
            return False
        token = token.head
    return False
