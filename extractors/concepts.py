"""Concepts: what each claim is about, and whether its speaker agrees.

For each quote found by `extractors.quotes` the ``pckg_concepts`` component sets
``doc._.concepts`` (a list per quote, in the order of ``doc._.quotes``) of `ConceptMatch`:

* with a codebook (`extractors.codebook`), the codebook's concepts whose patterns occur in the
  quote's content;
* without one, the claim's key noun phrases: noun chunks in the content, lemmatised and
  lower-cased, without determiners, pronouns, stop words or evaluative adjectives, 1-4 words
  with at least one noun ("the voluntary sector's" -> "voluntary sector"), so that the same
  concept in two articles has the same name. The best few per claim are kept: multi-word
  phrases and subjects or objects first.

Each concept gets an agreement (agree, disagree, neutral) with a confidence and the evidence
for it; `judge_agreement` documents the rules. `concept_matches` is the same logic as a plain
function, and `concept_links` turns the matches into `extractors.records.ConceptLink`.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.codebook import Codebook, Concept, load_codebook
from extractors.quotes import QuoteMatch
from extractors.records import ConceptLink, Mention
from extractors.spans import noun_chunks_in, sentence_of

__all__ = [
    "ConceptMatch",
    "Stance",
    "CodebookMatcher",
    "load_polarity",
    "concept_matches",
    "key_phrases",
    "judge_agreement",
    "concept_links",
    "ConceptTagger",
]

if not Doc.has_extension("concepts"):
    Doc.set_extension("concepts", default=None)  # list[list[ConceptMatch]] after pckg_concepts

MAX_KEY_PHRASES = 3
MAX_PHRASE_WORDS = 4


class ConceptMatch(NamedTuple):
    """A concept a claim is about, with the speaker's stance on it."""

    concept: str
    """The codebook concept's name, or the lemmatised key phrase."""
    source: str
    """``"codebook"`` or ``"key_phrase"``."""
    span: Span
    """The words in the claim that signal the concept."""
    agreement: str
    """agree, disagree or neutral."""
    confidence: float
    evidence: tuple[str, ...]


class Stance(NamedTuple):
    """The outcome of `judge_agreement`."""

    agreement: str
    confidence: float
    evidence: tuple[str, ...]


# ---------------------------------------------------------------------------
# Lexicon


@lru_cache(maxsize=1)
def load_polarity() -> dict[str, tuple[int, str]]:
    """The polarity lexicon (``extractors/data/polarity.tsv``): lemma -> (+1 or -1, kind).

    kind is ``"stance"`` (the word judges its object or complement: "oppose", "scrap",
    "worried about") or ``"eval"`` (it judges what it is said of: "a success", "unfair",
    "failing").
    """
    text = resources.files("extractors").joinpath("data/polarity.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {word: (int(polarity), kind) for word, polarity, kind in csv.reader(lines, delimiter="\t")}


# ---------------------------------------------------------------------------
# Where the claim is


def _content_tokens(doc: Doc, quote: QuoteMatch) -> list[Token]:
    """The tokens of the quote's content, without whitespace tokens."""
    tokens = []
    for start, end in quote.spans:
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None:
            tokens.extend(t for t in span if not t.is_space)
    return tokens


# ---------------------------------------------------------------------------
# Codebook matching


@dataclass
class _CompiledConcept:
    concept: Concept
    phrases: list[list[tuple[str, str]]] = field(default_factory=list)
    """Each plain pattern as (lemma, lower form) per word."""


class CodebookMatcher:
    """A codebook ready to match: its plain patterns lemmatised with a spaCy pipeline.

    Parameters
    ----------
    codebook : Codebook or path
        The codebook, or a YAML file to read it from (`load_codebook`).
    nlp : Language, optional
        The pipeline whose tagger and lemmatiser lemmatise the patterns, so that
        "charities" in the codebook matches "charity" in a text. Without one, patterns
        match on word forms, and on lemmas only where they are written as lemmas.
    """

    def __init__(self, codebook: Codebook | str | os.PathLike[str], nlp: Language | None = None) -> None:
        self.codebook = codebook if isinstance(codebook, Codebook) else load_codebook(codebook)
        self.nlp = nlp
        self._compiled: list[_CompiledConcept] | None = None

    def _compile(self) -> list[_CompiledConcept]:
        if self._compiled is None:
            compiled = []
            for concept in self.codebook.concepts:
                entry = _CompiledConcept(concept)
                for phrase in concept.phrases:
                    entry.phrases.append([(lemma, lower) for lemma, lower in self._words(phrase)])
                compiled.append(entry)
            self._compiled = compiled
        return self._compiled

    def _words(self, phrase: str) -> list[tuple[str, str]]:
        if self.nlp is None:
            return [(w.lower(), w.lower()) for w in phrase.split()]
        doc = self.nlp.make_doc(phrase)
        for name, proc in self.nlp.pipeline:
            if name in ("tok2vec", "tagger", "morphologizer", "attribute_ruler", "lemmatizer"):
                doc = proc(doc)
        return [((t.lemma_ or t.text).lower(), t.lower_) for t in _words_of(list(doc))]

    def matches(self, doc: Doc, quote: QuoteMatch) -> list[tuple[str, Span]]:
        """(concept name, span) for every pattern occurrence in the quote's content, in text order."""
        tokens = _words_of(_content_tokens(doc, quote))
        text = doc.text
        found: list[tuple[str, Span]] = []
        for entry in self._compile():
            for phrase in entry.phrases:
                n = len(phrase)
                for i in range(len(tokens) - n + 1):
                    if all(_word_matches(tokens[i + k], phrase[k]) for k in range(n)):
                        found.append((entry.concept.name, doc[tokens[i].i : tokens[i + n - 1].i + 1]))
            for regex in entry.concept.regexes:
                for start, end in quote.spans:
                    for hit in regex.finditer(text, start, end):
                        if hit.end() == hit.start():
                            continue
                        span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
                        if span is not None and start <= span.start_char and span.end_char <= end:
                            found.append((entry.concept.name, span))
        found.sort(key=lambda item: (item[1].start, -len(item[1])))
        return found


def _words_of(tokens: list[Token]) -> list[Token]:
    """Tokens to match phrases against: no whitespace, no hyphen inside a word ("third-sector")."""
    words = []
    for t in tokens:
        if t.is_space:
            continue
        if t.text in ("-", "\u2010", "\u2011") and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_:
            continue
        words.append(t)
    return words


def _word_matches(token: Token, word: tuple[str, str]) -> bool:
    lemma, lower = word
    return token.lower_ == lower or (token.lemma_ or token.text).lower() in (lemma, lower)


# ---------------------------------------------------------------------------
# Key phrases


# Nouns too general to name a concept on their own.
_GENERIC_NOUNS = {
    "thing", "way", "lot", "kind", "sort", "bit", "fact", "time", "year", "day", "week", "month",
    "number", "one", "side", "end", "deal", "place", "people", "person", "part", "case", "point",
    "matter", "question", "issue", "area", "world", "life", "today", "something", "anything", "job",
    "term", "level", "amount", "percent", "per", "cent", "%", "moment", "stage", "situation", "problem",
    "account", "need", "norm", "exception", "position", "start", "occasion", "reason", "example", "sense",
    "view", "lot", "everything", "nothing", "anyone", "everyone", "someone",
}
# Adjectives that only intensify or hedge: dropped from key phrases like evaluative ones.
_HEDGES = {"real", "huge", "big", "whole", "certain", "particular", "major", "key", "main", "serious",
           "very", "such", "own", "same", "other", "various", "many", "much", "more", "most", "further",
           "additional", "extra", "little", "few", "several", "current", "recent", "last", "next"}
_SUBJECT_OBJECT = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative", "csubj"}


def key_phrases(doc: Doc, quote: QuoteMatch, *, limit: int = MAX_KEY_PHRASES) -> list[tuple[str, Span]]:
    """The claim's key noun phrases as (name, span), in text order.

    Noun chunks inside the content (runs of adjectives and nouns where the
    pipeline has no parser), reduced to their content words (no determiners,
    pronouns, stop words, numbers, evaluative or hedging adjectives), lemmatised
    and lower-cased; 1-4 words, at least one of them a noun; single generic
    nouns ("thing", "year") dropped. Ranked by length (multi-word first) and
    role (subject or object first), keeping `limit`.
    """
    content = _content_tokens(doc, quote)
    if not content:
        return []
    inside = {t.i for t in content}
    if doc.has_annotation("DEP"):
        chunks = [c for c in noun_chunks_in(doc, content[0].i, content[-1].i + 1)
                  if all(t.i in inside for t in c if not t.is_space)]
    else:
        chunks = _nominal_runs(content)
    polarity = load_polarity()
    ranked: list[tuple[tuple[int, int, int], str, Span]] = []
    seen: set[str] = set()
    for chunk in chunks:
        role = chunk.root.dep_
        joins = [t.i for t in chunk if t.pos_ == "CCONJ" or t.text in (",", ";")]
        if joins:  # "voluntary and community groups" -> "community group"
            chunk = chunk.doc[joins[-1] + 1 : chunk.end]
        words = [t for t in chunk if _content_word(t)]
        while words and words[0].pos_ != "NOUN" and (words[0].lemma_.lower() in polarity
                                                     or words[0].lower_ in _HEDGES):
            words = words[1:]
        words = words[-MAX_PHRASE_WORDS:]
        if not any(t.pos_ == "NOUN" for t in words):
            continue
        name = _phrase_name(words)
        if len(words) == 1 and (name in _GENERIC_NOUNS or words[0].lower_ in _GENERIC_NOUNS):
            continue
        if name in seen:
            continue
        seen.add(name)
        span = doc[words[0].i : words[-1].i + 1]
        score = (len(words) > 1, role in _SUBJECT_OBJECT, -chunk.start)
        ranked.append((score, name, span))
    ranked.sort(key=lambda item: item[0], reverse=True)
    best = sorted(ranked[:limit], key=lambda item: item[2].start)
    return [(name, span) for _, name, span in best]


def _content_word(token: Token) -> bool:
    """Nouns, adjectives (ordinals too: "third sector") and participles of a noun chunk; stop words
    only when nouns ("front"); no numbers, names of people, dates or amounts."""
    return (token.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and (not token.like_num or token.pos_ == "ADJ")
            and (not token.is_stop or token.pos_ in ("NOUN", "PROPN") or token.ent_type_ == "ORDINAL")
            and token.dep_ not in ("det", "case") and (token.dep_ != "poss" or token.pos_ == "NOUN")
            and token.ent_type_ not in ("PERSON", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"))


def _phrase_name(words: list[Token]) -> str:
    """The key phrase's name: nouns lemmatised, modifiers as written ("lived experience",
    "community-based intervention"), lower-case."""
    parts: list[str] = []
    for k, t in enumerate(words):
        word = (t.lemma_ or t.text) if t.pos_ in ("NOUN", "PROPN") and t.i == words[-1].i else t.text
        if t.pos_ == "NOUN" and t.tag_ == "NNS":
            word = t.lemma_ or t.text  # "services workforce" -> "service workforce"
        hyphen = k > 0 and t.i == words[k - 1].i + 2 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_ \
            and not words[k - 1].whitespace_
        if hyphen:
            parts[-1] += "-" + word.lower()
        else:
            parts.append(word.lower())
    return " ".join(parts)


def _nominal_runs(tokens: list[Token]) -> list[Span]:
    """Maximal runs of adjectives and nouns ending in a noun: noun chunks without a parser."""
    runs, current = [], []
    for token in tokens + [None]:
        if token is not None and token.pos_ in ("ADJ", "NOUN", "PROPN"):
            current.append(token)
            continue
        while current and current[-1].pos_ not in ("NOUN", "PROPN"):
            current.pop()
        if current:
            runs.append(current[0].doc[current[0].i : current[-1].i + 1])
        current = []
    return runs


# ---------------------------------------------------------------------------
# Agreement

_SUBJECT = {"nsubj", "csubj", "expl"}
_OBJECT = {"dobj", "pobj", "xcomp", "ccomp", "nsubjpass", "csubjpass", "dative", "oprd", "attr", "prep",
           "acomp", "pcomp", "agent"}
_CLAUSE = {"ccomp", "xcomp", "csubj", "csubjpass", "advcl", "relcl", "acl", "conj", "pcomp"}
_ADVOCACY_MODALS = {"should", "must", "ought", "shall"}
_NEGATIVE_SUBJECTS = {"nobody", "nothing", "none", "noone", "neither"}
_NEGATING_MODIFIERS = {"no", "little", "few", "hardly", "barely", "scarcely", "never", "without"}
_DOUBT_MARKS = {"whether", "if"}
_JUDGED_PREPOSITIONS = {"of", "in", "with"}  # a negative word judges these objects: "failings in [X]"
_CUE_LEAN = {"critical": -1, "supportive": 1, "commitment": 1}


def judge_agreement(span: Span, quote: QuoteMatch | None = None, *,
                    lexicon: dict[str, tuple[int, str]] | None = None) -> Stance:
    """Whether the speaker of `quote` agrees with the concept at `span`.

    The rules, in the order they apply:

    1. **Path.** Walk up the parse from the concept's head to the top of the
       quote's content, one governing word at a time (the concept, its verb,
       the verbs or adjectives above that: "I do not believe [the voluntary
       sector] can - or should - replace the state").
    2. **Polarity** (``extractors/data/polarity.tsv``) of the words met on the
       way, each judging what it is said of:

       * a *stance* word judges its object or complement: "oppose [X]",
         "scrap [X]", "worried about [X]", "delighted that [X was secured]";
       * an *eval* word judges its subject or the noun it describes: "[X] is
         unfair", "[X] has been a disaster", "[X] is failing", "[X] gives
         children a better start", "failings in [X]"; one that does good also
         speaks for its object ("protect [X]", "good for [X]"), one that does
         harm does not ("the cuts hurt [children]", "a threat to [X]");
       * adjectives judge a clause they govern: "wrong to expect [X] to ...".

       The signs multiply up the path ("right to drop [the closures]" is
       against the closures; "a scandal that [the funding] was withdrawn" is
       for the funding) until a word judges the concept itself; after that,
       words further up only confirm ("concerned that [the rules] will make it
       harder" is against the rules, not for them).
    3. **Negation** flips the sign wherever it governs the path: a ``neg``
       dependent ("not", "n't", "never"), a negative determiner or subject
       ("no evidence that", "nobody wants"), "little", "few", "without".
    4. **Modality**: "should", "must", "ought to" on the path (or on a verb
       coordinated with it: "can - or should -") advocate the claim, which
       counts as evidence for it: agree, unless negated.
    5. **Doubt**: a "whether"/"if" clause reported with a critical cue
       ("questioned whether X worked") is denied, so it flips.
    6. **Decision**: with polarity, modality or negation on the path, the sign
       decides; negation alone ("X has never been evaluated", "X does not go
       far enough") means disagree, with less confidence. Otherwise the cue
       class leans: critical -> disagree, supportive or commitment -> agree;
       else neutral.
    7. **Confidence** starts at 0.55 with polarity or modality on the path
       (0.45 with negation alone, 0.5 from the cue alone or for neutral), gains
       0.1 for each further piece of evidence and for a cue that agrees, loses
       0.2 for a cue that disagrees; it stays within [0.05, 0.95].
    """
    lexicon = load_polarity() if lexicon is None else lexicon
    doc = span.doc
    if quote is not None:
        inside = {t.i for t in _content_tokens(doc, quote)}
    else:
        sentence = sentence_of(span[0])
        inside = set(range(sentence.start, sentence.end))
    in_concept = set(range(span.start, span.end))
    evidence: list[str] = []
    sign = 1
    judged = False  # a word has judged the concept itself; later words only confirm
    pieces = 0  # polarity levels and modals that applied
    negations = 0

    def flip(word: str) -> None:
        nonlocal sign, negations
        sign = -sign
        negations += 1
        evidence.append(f"negation: {word}")

    def apply(polarity: int, words: list[str], direct: bool) -> None:
        nonlocal sign, judged, pieces
        if polarity == 0:
            return
        pieces += 1
        label = ", ".join(words)
        if judged:
            evidence.append(f"context: {label} ({polarity:+d})")
            return
        sign *= polarity
        evidence.append(f"lexicon: {label} ({polarity:+d})")
        judged = direct

    root = _head_of(span)
    # The concept's own head: "no [extra money]", "the [reckless] gamble".
    for child in root.children:
        if child.i in in_concept or child.i not in inside:
            continue
        if child.dep_ in ("det", "amod", "advmod") and child.lower_ in ("no", "little", "few"):
            flip(child.lower_)
        elif child.dep_ == "amod":
            polarity = _polarity(child, lexicon)
            if polarity:
                apply(polarity[0], [child.lower_], True)

    node = root
    direct = True  # no clause crossed yet: the words met judge the concept itself
    top = root
    while node.head.i != node.i and node.head.i in inside:
        head, rel = node.head, node.dep_
        if rel in ("acl", "relcl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
            rel = "ccomp"  # "a scandal [that the funding was withdrawn]", "no evidence [that ...]"
        if node.i != root.i and (node.pos_ in ("VERB", "AUX") or node.dep_ in _CLAUSE):
            direct = False
        # 3. negation governing the path
        if head.lower_ == "without" and rel == "pobj":
            flip("without")
        for child in head.children:
            if child.i == node.i or child.i in in_concept:
                continue
            if child.dep_ == "neg":
                flip(child.lower_)
            elif child.dep_ in ("det", "amod", "advmod") and child.lower_ in _NEGATING_MODIFIERS - {"without"}:
                flip(child.lower_)
            elif child.dep_ in ("nsubj", "nsubjpass") and (
                    child.lower_ in _NEGATIVE_SUBJECTS
                    or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)):
                flip(child.text if child.lower_ != "one" else "no one")
        # 4. modality
        for verb in [head] + [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]:
            modals = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in _ADVOCACY_MODALS]
            if verb.lower_ in _ADVOCACY_MODALS and verb.pos_ == "AUX":
                modals.append(verb)
            for modal in modals:
                if not any(e == f"modal: {modal.lower_}" for e in evidence):
                    evidence.append(f"modal: {modal.lower_}")
                    pieces += 1
        # 2. polarity of the word governing the path, or of its predicate
        polarity, words, evaluated = _level_polarity(head, rel, node, lexicon, in_concept, inside)
        apply(polarity, words, direct and evaluated and rel in _SUBJECT | {"poss", "nsubjpass"})
        node = head
        top = head
    # 5. doubt
    if quote is not None and quote.cue_class == "critical":
        if any(c.dep_ == "mark" and c.lower_ in _DOUBT_MARKS for c in top.children):
            flip(next(c.lower_ for c in top.children if c.dep_ == "mark" and c.lower_ in _DOUBT_MARKS))
            evidence[-1] = evidence[-1].replace("negation", "doubt")
    # 6. decision and 7. confidence
    cue_class = quote.cue_class if quote is not None else None
    lean = _CUE_LEAN.get(cue_class or "", 0)
    if pieces or negations:
        agreement = "agree" if sign > 0 else "disagree"
        confidence = (0.55 if pieces else 0.45) + 0.1 * max(0, pieces - 1)
        if lean:
            evidence.append(f"cue: {cue_class}")
            confidence += 0.1 if lean == sign else -0.2
    elif lean:
        agreement = "agree" if lean > 0 else "disagree"
        confidence = 0.5
        evidence.append(f"cue: {cue_class}")
    else:
        agreement, confidence = "neutral", 0.5
        if cue_class:
            evidence.append(f"cue: {cue_class}")
    return Stance(agreement, round(min(0.95, max(0.05, confidence)), 2), tuple(evidence))


def _head_of(span: Span) -> Token:
    """The concept's head: of the words whose head is outside the span, a subject or object
    first, then a noun ("Sure Start" parsed as an interjection and a subject)."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    if not outside:
        return span.root
    return min(outside, key=lambda t: (t.dep_ not in _SUBJECT | _OBJECT, t.pos_ not in ("NOUN", "PROPN"), t.i))


def _polarity(token: Token, lexicon: dict[str, tuple[int, str]]) -> tuple[int, str] | None:
    """The lexicon entry of a word: adjectives and adverbs by their form ("closer" is not
    "close"), other words by their lemma, else their form."""
    if token.pos_ in ("ADJ", "ADV"):
        return lexicon.get(token.lower_)
    return lexicon.get((token.lemma_ or token.text).lower()) or lexicon.get(token.lower_)


def _negated(token: Token) -> bool:
    """Whether a polar word carries its own negation: "little effect", "no value", "not fair",
    and both words of "neither better nor worse"."""
    if any(c.dep_ == "neg" or (c.dep_ in ("det", "amod", "advmod") and c.lower_ in _NEGATING_MODIFIERS)
           for c in token.children):
        return True
    return token.dep_ == "conj" and any(c.lower_ == "nor" for c in token.head.children)


def _level_polarity(head: Token, rel: str, node: Token, lexicon: dict[str, tuple[int, str]],
                    in_concept: set[int], inside: set[int]) -> tuple[int, list[str], bool]:
    """The sign with which `head` judges `node` (its dependent on the path), the words, and
    whether an eval word did (which judges the concept itself when `node` is its subject)."""
    found: list[tuple[int, str]] = []
    evaluated = False
    own = _polarity(head, lexicon) if head.i not in in_concept else None
    if own is not None:
        polarity, kind = own
        is_verb = head.pos_ in ("VERB", "AUX")
        if kind == "stance" and (rel in _OBJECT or rel in ("compound", "poss")):
            found.append((polarity, head.lower_))
        elif kind == "eval":
            evaluated = True
            if rel in _SUBJECT or (rel == "poss" and not is_verb):
                found.append((polarity, head.lower_))
            elif rel in ("dobj", "nsubjpass", "dative") and is_verb:
                if polarity > 0:  # "protect [X]"; "the cuts hurt [children]" says nothing against them
                    found.append((polarity, head.lower_))
            elif rel in ("xcomp", "ccomp") and not is_verb:
                found.append((polarity, head.lower_))  # "wrong [to expect ...]", "right [to drop ...]"
            elif rel == "prep" and not is_verb and (polarity > 0 or node.lower_ in _JUDGED_PREPOSITIONS):
                # "failings in [X]", "the success of [X]", "good for [X]"; not "a threat to [X]"
                found.append((polarity, head.lower_))
    copula = head.lemma_ == "be"
    if rel in _SUBJECT or rel == "nsubjpass" or (copula and rel in ("ccomp", "xcomp", "csubj")):
        # What is predicated of the path: "[X] is a disaster", "[X] gives children a better start",
        # "[X] is best placed to".
        for child in head.children:
            if child.i == node.i or child.i in in_concept or child.i not in inside:
                continue
            if child.dep_ == "advmod":
                hit = _polarity(child, lexicon)
                if hit is not None and hit[1] == "eval":
                    evaluated = True
                    found.append((-hit[0] if _negated(child) else hit[0], child.lower_))
            elif rel == "nsubjpass":
                continue
            elif copula and child.dep_ in ("acomp", "attr", "oprd"):
                hit = _polarity(child, lexicon)
                if (rel in _SUBJECT and hit is not None and hit[1] == "stance"
                        and any(c.dep_ in ("prep", "ccomp", "xcomp") for c in child.children)):
                    continue  # "[councils] are worried about ...": the subject's attitude, not a judgement of it
                words = _predicate_words(child, lexicon, in_concept, inside, kinds=("eval", "stance"))
                evaluated = evaluated or bool(words)
                found.extend(words)
            elif not copula and rel in _SUBJECT and child.dep_ in ("dobj", "dative", "prep", "attr", "oprd",
                                                                   "acomp"):
                words = _predicate_words(child, lexicon, in_concept, inside, kinds=("eval",))
                evaluated = evaluated or bool(words)
                found.extend(words)
    total = sum(p for p, _ in found)
    if total == 0:
        return 0, [], False
    return (1 if total > 0 else -1), [w for _, w in found], evaluated


def _predicate_words(token: Token, lexicon: dict[str, tuple[int, str]], in_concept: set[int], inside: set[int], *,
                     kinds: tuple[str, ...], depth: int = 3) -> list[tuple[int, str]]:
    """Polar words in a predicate's phrase, not descending into clauses."""
    found = []
    if token.i not in in_concept and token.i in inside:
        hit = _polarity(token, lexicon)
        if hit is not None and hit[1] in kinds:
            found.append((-hit[0] if _negated(token) else hit[0], token.lower_))
    if depth > 0:
        for child in token.children:
            if child.dep_ in ("amod", "advmod", "conj", "compound", "prep", "pobj", "dobj", "npadvmod", "acomp",
                              "attr"):
                found.extend(_predicate_words(child, lexicon, in_concept, inside, kinds=kinds, depth=depth - 1))
    return found


# ---------------------------------------------------------------------------
# Concepts of a claim


def concept_matches(doc: Doc, quote: QuoteMatch, *, codebook: CodebookMatcher | Codebook | None = None,
                    max_key_phrases: int = MAX_KEY_PHRASES) -> list[ConceptMatch]:
    """The concepts one claim is about, each once, in text order, with the speaker's stance.

    Parameters
    ----------
    doc : Doc
        Parsed document (``doc._.quotes`` need not be set).
    quote : QuoteMatch
        The claim; only its content spans are searched.
    codebook : CodebookMatcher or Codebook, optional
        Codebook concepts only, when given (a bare `Codebook` matches on word forms and
        written lemmas; a `CodebookMatcher` built with the pipeline also lemmatises the
        patterns). Without one, the claim's key noun phrases (`key_phrases`).
    max_key_phrases : int
        How many key phrases to keep per claim.

    A concept met more than once in the claim keeps the occurrence whose stance is
    clearest (not neutral, highest confidence; the first on a tie).
    """
    if codebook is None:
        found, source = key_phrases(doc, quote, limit=max_key_phrases), "key_phrase"
    else:
        matcher = codebook if isinstance(codebook, CodebookMatcher) else CodebookMatcher(codebook)
        found, source = matcher.matches(doc, quote), "codebook"
    best: dict[str, ConceptMatch] = {}
    for name, span in found:
        stance = judge_agreement(span, quote)
        match = ConceptMatch(name, source, span, stance.agreement, stance.confidence, stance.evidence)
        current = best.get(name)
        if current is None or _clearer(match, current):
            best[name] = match
    return sorted(best.values(), key=lambda m: (m.span.start, m.concept))


def _clearer(new: ConceptMatch, old: ConceptMatch) -> bool:
    rank = lambda m: (m.agreement != "neutral", m.confidence)  # noqa: E731
    return rank(new) > rank(old)


def concept_links(doc: Doc, quote: int | QuoteMatch, original: str) -> list[ConceptLink]:
    """The concepts of one quote as records, with mentions into the original text.

    Parameters
    ----------
    doc : Doc
        Processed by ``pckg_concepts`` (else there are no concepts and the list is empty).
    quote : int or QuoteMatch
        The quote's index in ``doc._.quotes``, or the quote itself.
    original : str
        The article's original text (``doc.text`` is a same-length normalisation of it).
    """
    concepts = doc._.concepts
    if concepts is None:
        return []
    if isinstance(quote, int):
        index = quote
    else:
        quotes = doc._.quotes or []
        index = next((i for i, q in enumerate(quotes) if q is quote), None)
        if index is None:
            index = next((i for i, q in enumerate(quotes) if q == quote), None)
        if index is None:
            return []
    if not 0 <= index < len(concepts):
        return []
    return [ConceptLink(concept=m.concept, source=m.source, mention=_mention(m.span, original),
                        agreement=m.agreement, confidence=m.confidence, evidence=list(m.evidence))
            for m in concepts[index]]


def _mention(span: Span, original: str) -> Mention:
    doc = span.doc
    first, last = sentence_of(doc[span.start]), sentence_of(doc[max(span.end - 1, span.start)])
    return Mention(text=original[span.start_char : span.end_char], start=span.start_char, end=span.end_char,
                   sentence=original[first.start_char : last.end_char].strip())


# ---------------------------------------------------------------------------
# Component


class ConceptTagger:
    """Pipeline component: ``doc._.concepts`` = one list of `ConceptMatch` per quote in ``doc._.quotes``.

    Without a codebook each claim's concepts are its key noun phrases; `initialize` gives it one.
    """

    def __init__(self, nlp: Language, name: str, max_key_phrases: int = MAX_KEY_PHRASES) -> None:
        self.nlp = nlp
        self.name = name
        self.max_key_phrases = max_key_phrases
        self.matcher: CodebookMatcher | None = None

    def initialize(self, get_examples: object = None, *, nlp: Language | None = None,
                   codebook: Codebook | None = None) -> None:
        """Use `codebook` (None: key phrases). Its patterns are lemmatised on first use."""
        self.matcher = CodebookMatcher(codebook, nlp or self.nlp) if codebook is not None else None

    def __call__(self, doc: Doc) -> Doc:
        doc._.concepts = [concept_matches(doc, quote, codebook=self.matcher, max_key_phrases=self.max_key_phrases)
                          for quote in doc._.quotes or []]
        return doc


@Language.factory("pckg_concepts", assigns=["doc._.concepts"], requires=["doc._.quotes", "token.dep"],
                  default_config={"max_key_phrases": MAX_KEY_PHRASES})
def make_concept_tagger(nlp: Language, name: str, max_key_phrases: int) -> ConceptTagger:
    """Create the concepts component (key phrases until `ConceptTagger.initialize` gives it a codebook)."""
    return ConceptTagger(nlp, name, max_key_phrases)
