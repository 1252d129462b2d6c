"""Agreement: whether the speaker of a claim agrees with a concept it is about.

`judge_agreement` walks the parse from the concept up to the top of the claim,
reading polarity, negation, modality and the cue class on the way; its
docstring gives the rules. The polarity lexicon is ``extractors/data/polarity.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Span, Token

from extractors.lexicons import ConceptLexicon
from extractors.quotes import QuoteMatch
from extractors.spans import sentence_of, tokens_in

__all__ = ["Stance", "judge_agreement"]


class Stance(NamedTuple):
    """The outcome of `judge_agreement`."""

    agreement: str
    confidence: float
    evidence: tuple[str, ...]


_SUBJECT = {"nsubj", "csubj", "expl"}
_OBJECT = {"dobj", "pobj", "xcomp", "ccomp", "nsubjpass", "csubjpass", "dative", "oprd", "attr", "prep",
           "acomp", "pcomp", "agent"}
_CLAUSE = {"ccomp", "xcomp", "csubj", "csubjpass", "advcl", "relcl", "acl", "conj", "pcomp"}
_ADVOCACY_MODALS = {"should", "must", "ought", "shall"}
_FIRST_PERSON = {"i", "we"}
_FUTURE = {"will", "shall"}
_PLEDGED = {"dobj", "attr", "ccomp"}
"""How a concept stands to an act the speaker pledges: its object, "I'll be the [nominee]",
"I'll make the [wall] shorter"."""
_COMPARISONS = {"like", "as", "unlike"}
"""Prepositions that compare rather than set an act: "treat them like a [colony]"."""
_NECESSITY_VERBS = {"have", "get"}
"""Verbs of the semi-modals of necessity: "have to [X]", "has got to [X]" (not "got to", a chance)."""
_NEGATIVE_SUBJECTS = {"nobody", "nothing", "none", "noone", "neither"}
_NEGATING_MODIFIERS = {"no", "little", "few", "hardly", "barely", "scarcely", "never", "without"}
_DOUBT_MARKS = {"whether", "if"}
_CONDITION_MARKS = {"if", "unless"}
_ASKING = {"ask", "wonder", "inquire"}
_RECEIVING = {"have", "get", "receive", "gain", "keep", "retain", "deserve"}
"""Verbs whose subject a modal speaks for: "[councils] should have more control"."""
_JUDGED_PREPOSITIONS = {"of", "in", "with"}  # a negative word judges these objects: "failings in [X]"
_PEOPLE_ENTITIES = {"PERSON", "NORP"}
_TARGET_PREPOSITIONS = {"against", "about", "over", "on", "to", "of"}
"""Prepositions whose object a cue may be about ("warned against [X]"); the others mark a
circumstance or a beneficiary ("stay in the [race]", "jobs for [women]"), which it is not."""
_BENEFIT_PREPOSITIONS = {"for", "to"}
"""The only objects a positive adjective speaks for: "good for [X]", "vital to [X]"; not
"capable of dealing with [X]", "friendly with [X]", which describe its subject."""
_MAX_NOUNS_PASSED = 1
_ADVOCATED = {"for": 1, "against": -1}
_CUE_LEAN = {"critical": -1, "supportive": 1, "commitment": 1}
# Confidence estimates how often a judgement of its kind is right (calibrated on the development
# rows of tests/data/agreement_corpus.tsv; `benchmarks/agreement_dev.py` prints accuracy by band).
_BASE_CONFIDENCE = 0.65
"""Confidence with polarity or modality on the path."""
_NEGATED_PENALTY = 0.1
"""Less when a negation turned the sign: more ways to misread the scope."""
_NEGATION_ONLY_CONFIDENCE = 0.45
_CUE_ONLY_CONFIDENCE = 0.5
"""Confidence from the cue alone."""
_NEUTRAL_CONFIDENCE = 0.75
"""Confidence of a neutral judgement in a claim without polar words besides the concept's."""
_NEUTRAL_STEP = 0.07
_NEUTRAL_FLOOR = 0.55
"""Each polar word elsewhere in the claim (a judgement that may have been missed) lowers a
neutral judgement's confidence by `_NEUTRAL_STEP`, down to `_NEUTRAL_FLOOR`."""
_ASKED_CONFIDENCE = 0.8
"""Confidence of a neutral judgement for a question or a condition."""
_EVIDENCE_STEP = 0.1
_CUE_AGAINST_PENALTY = 0.2
_CONFIDENCE_RANGE = (0.05, 0.95)
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "X", "INTJ", "NUM"}
"""Parts of speech that can carry polarity (not "like" as a preposition, "that", "so")."""
_VALENCE_POS = {"NOUN", "VERB", "ADJ", "ADV"}
VALENCE_MIN = 1.5
"""The least VADER valence (of -4 to +4) that counts as polarity for a word not in polarity.tsv."""


def judge_agreement(span: Span, quote: QuoteMatch | None = None, *, lexicon: ConceptLexicon) -> Stance:
    """Whether the speaker of `quote` agrees with the concept at `span`.

    The rules, in the order they apply:

    0. **Questions and conditions** say nothing for or against: a concept in
       a sentence that ends with "?", in an indirect question ("asked whether
       [X] was fair", "asked why he criticised [X]"; not with a critical cue,
       see 5) or in a condition ("if [the machines] are vulnerable, ...") is
       neutral.
    1. **Path.** Walk up the parse from the concept's head to the top of the
       quote's content, one governing word at a time (the concept, its verb,
       the verbs or adjectives above that: "I do not believe [the voluntary
       sector] can - or should - replace the state"). The walk stops at an
       adverbial clause ("before [voters] weighed in" is not what the verb
       above it judges), at a setting of an act (a prepositional phrase beside
       a verb's object: "beat Trump at the [ballot box]", not a comparison:
       "treat them like a [colony]") and when it would pass a second noun: a
       judgement reaches one noun down ("oppose the cuts to [legal aid]"), not
       two ("expand programmes for parents of [citizens]").
    2. **Polarity** (``extractors/data/polarity.tsv``) of the words met on the
       way, each judging what it is said of:

       * a *stance* word judges its object or complement: "oppose [X]",
         "scrap [X]", "worried about [X]", "delighted that [X was secured]",
         "roll back [X]" (a phrasal verb is looked up with its particle);
         not an object kept from an act ("prevent [X] from taking part"),
         nor the agent of a passive, who holds the stance ("scrapped by [the
         council]");
       * an *eval* word judges its subject (or a passive's agent: "hurt by
         [X]") or the noun it describes: "[X] is unfair", "[X] has been a
         disaster", "[X] is failing", "[X] is at a crisis point", "[X] gives
         children a better start", "failings in [X]"; one that does good also
         speaks for its object ("protect [X]", "good for [X]", not "capable of
         dealing with [X]"), one that does harm does not ("the cuts hurt
         [children]", "a threat to [X]"), unless it damages a thing of value,
         which the claim defends (``extractors/data/harm_verbs.txt``:
         "violated the [agreement]");
       * adjectives judge a clause they govern: "wrong to expect [X] to ...";
       * an *outcome* word judges its subject only: "[the bill] won
         approval", not "win [the election]" nor "a narrow [victory]";
       * a word of advocacy (``extractors/data/advocacy.txt``) is for what
         follows its "for" and against what follows its "against": "a
         fighter for [families]", "voted against [the bill]".

       Only content words have polarity ("like" as a preposition has none).
       A governing word that is not in the lexicon but has a valence of at
       least 1.5 (of 4) in VADER's sentiment lexicon (`ConceptLexicon.valence`)
       counts as an eval word of that sign ("[the media] are manipulating",
       "some [staffer] screwed up"), unless the lexicon's own words in its
       predicate judge ("[the bill] strikes the right balance"); VADER is not
       used deeper in a predicate, nor for the concept's own head noun, where
       a word's sentiment is too often a description ("his [wealth]").
       The signs multiply up the path ("right to drop [the closures]" is
       against the closures; "a scandal that [the funding] was withdrawn" is
       for the funding) until a word judges the concept itself; after that,
       words further up only confirm ("concerned that [the rules] will make it
       harder" is against the rules, not for them).
    3. **Negation** flips the sign wherever it governs the path: a ``neg``
       dependent ("not", "n't", "never"), a negative determiner or subject
       ("no evidence that", "nobody wants"), "little", "few", "without".
    4. **Modality**: "should", "must", "ought to" on the path (or on a verb
       coordinated with it that has no subject of its own: "can - or should
       -"), and the semi-modals "have to" and "has got to" (not "don't have
       to", nor "got to" alone, a chance), advocate the claim, which counts as
       evidence for it: agree, unless negated. They advocate the act, not the
       one who should act ("[the regulators] should publish"), unless the act
       is to receive ("[rural schools] should get more money"). A pledge of
       the speaker's counts the same way: a first-person subject with "will"
       or "going to" acting on the concept ("we will get [the records] out",
       "I'm going to be the [nominee]"; "we're not going to do [X]":
       disagree), when the act has no polarity of its own ("we will win [the
       election]" stays neutral).
    5. **Doubt**: a "whether"/"if" clause reported with a critical cue
       ("questioned whether X worked") is denied, so it flips.
    6. **The concept's own words**: when nothing on the path judged it, an
       evaluative head or adjective inside the concept does ("a [terrible
       mistake]", "an [opportunity] to", "our most [reliable ally]"), turned
       round only by a negation on the word that governs it ("not a
       [failure]"), not by one further up ("no daylight between us and our
       most [reliable ally]").
    7. **Decision**: with polarity or modality, the sign decides. Negation
       alone decides only on the concept's own predicate ("[X] has never been
       evaluated", "[X] does not go far enough": disagree) or twice over
       ("without [X], councils will not cope": agree); a negation elsewhere
       states a fact ("there were not [multiple calls]"). Otherwise the cue
       class leans (critical -> disagree, supportive or commitment -> agree)
       for a concept that is not inside another noun's phrase, nor in a
       prepositional phrase of circumstance or beneficiary ("vowed to stay in
       the [race]", "jobs for [women]"; "warned against [X]" is what the cue
       is about); else neutral.
    8. **Confidence** estimates how often a judgement of its kind is right
       (calibrated on the development pairs of the labelled corpus): 0.65
       with polarity or modality on the path, 0.1 less when a negation
       turned it, 0.1 more for each further piece of evidence and for a cue
       that agrees, 0.2 less for a cue that disagrees; 0.45 with negation
       alone and 0.5 from the cue alone. A neutral judgement gets 0.8 for a
       question or a condition, else 0.75 less 0.07 for each polar word
       elsewhere in the claim (a judgement that may have been missed), down
       to 0.55. It stays within [0.05, 0.95].
    """
    doc = span.doc
    if quote is not None:
        inside = {t.i for t in tokens_in(doc, quote.spans)}
    else:
        sentence = sentence_of(span[0])
        inside = set(range(sentence.start, sentence.end))
    in_concept = set(range(span.start, span.end))
    if _asked(span, inside):
        return Stance("neutral", _ASKED_CONFIDENCE, ("question",))
    tally = _Tally()
    root = _head_of(span)
    _read_concept_head(root, inside, in_concept, tally, lexicon)
    walk = _walk_up(root, inside, in_concept, tally, lexicon)
    # 0. conditions and indirect questions say nothing for or against
    if _conditional(walk.top):
        return Stance("neutral", _ASKED_CONFIDENCE, ("condition",))
    if (quote is None or quote.cue_class != "critical") and _asked_indirectly(walk.top):
        return Stance("neutral", _ASKED_CONFIDENCE, ("question",))
    # 5. doubt
    if quote is not None and quote.cue_class == "critical":
        mark = next((c for c in walk.top.children if c.dep_ == "mark" and c.lower_ in _DOUBT_MARKS), None)
        if mark is not None:
            tally.flip(mark.lower_, governing=walk.top.i == root.i, kind="doubt")
    # 6. the concept's own words, when nothing else judged it: "a [terrible mistake]", "an [opportunity]"
    # (turned round only by a negation on the word that governs it, not by one further up)
    if not tally.pieces and not tally.denied:
        words = _own_judgement(span, root, lexicon)
        if words:
            tally.sign = tally.near
            tally.apply(words[0][0], [w for _, w in words], True)
    # the cue speaks for the claim's main participants, not for a noun inside one of them nor for
    # a circumstance ("vowed to stay in the [race]", "promised jobs for [women]")
    cue_class = quote.cue_class if quote is not None else None
    lean = _CUE_LEAN.get(cue_class or "", 0) if not walk.nouns and not walk.adjunct else 0
    return _decide(tally, cue_class, lean,
                   others=lambda: sum(_polarity(doc[i], lexicon) is not None for i in inside - in_concept))


class _Tally:
    """What the walk from a concept up its claim has found: the sign so far and its evidence."""

    def __init__(self) -> None:
        self.evidence: list[str] = []
        self.sign = 1
        self.judged = False
        """A word has judged the concept itself; later words only confirm."""
        self.pieces = 0
        """Polarity levels and modals that applied."""
        self.negations = 0
        self.denied = False
        """A negation on the concept's own predicate: "[X] has never been evaluated"."""
        self.near = 1
        """The sign of the negations on the word that governs the concept: "not a [failure]"."""

    def flip(self, word: str, *, own: bool = False, governing: bool = False, kind: str = "negation") -> None:
        """A negation (or a doubt) turns the sign; `own`: it is on the concept's predicate;
        `governing`: on the word that governs the concept."""
        self.sign = -self.sign
        self.negations += 1
        self.denied = self.denied or own
        if governing:
            self.near = -self.near
        self.evidence.append(f"{kind}: {word}")

    def apply(self, polarity: int, words: list[str], direct: bool) -> None:
        """Words of `polarity` met on the way; `direct`: they judge the concept itself."""
        if polarity == 0:
            return
        self.pieces += 1
        label = ", ".join(words)
        if self.judged:
            self.evidence.append(f"context: {label} ({polarity:+d})")
            return
        self.sign *= polarity
        self.evidence.append(f"lexicon: {label} ({polarity:+d})")
        self.judged = direct

    def advocate(self, label: str, *, once: bool = False) -> None:
        """A modal or a pledge on the way: evidence for the claim."""
        if once and label in self.evidence:
            return
        self.evidence.append(label)
        self.pieces += 1


class _Walk(NamedTuple):
    """Where the walk up the parse ended, and what it passed."""

    top: Token
    nouns: int
    """Nouns passed on the way: a judgement reaches one noun down, not two."""
    adjunct: bool
    """The concept is in a prepositional phrase of circumstance: "stay in the [race]"."""


def _read_concept_head(root: Token, inside: set[int], in_concept: set[int], tally: _Tally,
                       lexicon: ConceptLexicon) -> None:
    """Words on the concept's own head: "no [extra money]", "the [reckless] gamble"."""
    for child in root.children:
        if child.i in in_concept or child.i not in inside:
            continue
        if child.dep_ in ("det", "amod", "advmod") and child.lower_ in ("no", "little", "few"):
            tally.flip(child.lower_, governing=True)
        elif child.dep_ == "amod":
            polarity = _polarity(child, lexicon)
            if polarity:
                tally.apply(polarity[0], [child.lower_], True)


def _walk_up(root: Token, inside: set[int], in_concept: set[int], tally: _Tally,
             lexicon: ConceptLexicon) -> _Walk:
    """Rules 1 to 4: walk from the concept's head up to the top of the claim, reading the
    negations, modals and polarity of each governing word into `tally`."""
    node = root
    direct = True  # no clause crossed yet: the words met judge the concept itself
    nouns = 0
    adjunct = False
    while node.head.i != node.i and node.head.i in inside:
        head, rel = node.head, node.dep_
        if rel == "advcl" and not any(c.lower_ == "without" for c in node.children):
            break  # a circumstance ("before [voters] weighed in") is not what the verb above judges
        adjunct = adjunct or (rel == "prep" and node.lower_ not in _TARGET_PREPOSITIONS)
        if _setting(head, rel, node):
            break  # nor is a setting of an act: "we have to beat Trump at the [ballot box]"
        if node.i != root.i and node.pos_ in ("NOUN", "PROPN"):
            nouns += 1
            if nouns > _MAX_NOUNS_PASSED:  # "expand [programs] for parents of [citizens]"
                break
        if rel in ("acl", "relcl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
            rel = "ccomp"  # "a scandal [that the funding was withdrawn]", "no evidence [that ...]"
        if node.i != root.i and (node.pos_ in ("VERB", "AUX") or node.dep_ in _CLAUSE):
            direct = False
        _read_negations(head, node, rel, root, in_concept, tally)
        _read_modality(head, node, rel, tally)
        if (rel in _PLEDGED and not nouns and not adjunct and _polarity(head, lexicon) is None
                and _pledged(head)):
            tally.advocate("pledge")  # "we will get [the records] out", "I'm going to be the [nominee]"
        # 2. polarity of the word governing the path, or of its predicate
        polarity, words, evaluated = _level_polarity(head, rel, node, lexicon, in_concept, inside)
        if rel == "prep" and node.lower_ in _ADVOCATED and _lemma(head) in lexicon.advocacy:
            polarity, words = _ADVOCATED[node.lower_], [f"{head.lower_} {node.lower_}"]  # "a fighter for [X]"
        tally.apply(polarity, words, direct and evaluated and rel in _SUBJECT | {"poss", "nsubjpass"})
        node = head
    return _Walk(node, nouns, adjunct)


def _read_negations(head: Token, node: Token, rel: str, root: Token, in_concept: set[int], tally: _Tally) -> None:
    """Rule 3: a negation on `head`, which governs the path at `node`, flips the sign."""
    governing = node.i == root.i
    if head.lower_ == "without" and rel == "pobj":
        tally.flip("without", governing=governing)
    for child in head.children:
        if child.i == node.i or child.i in in_concept:
            continue
        if child.dep_ == "neg":
            tally.flip(child.lower_, own=governing and rel in _SUBJECT | {"nsubjpass"}, governing=governing)
        elif child.dep_ in ("det", "amod", "advmod") and child.lower_ in _NEGATING_MODIFIERS - {"without"}:
            tally.flip(child.lower_, governing=governing)
        elif child.dep_ in ("nsubj", "nsubjpass") and (
                child.lower_ in _NEGATIVE_SUBJECTS
                or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)):
            tally.flip(child.text if child.lower_ != "one" else "no one", governing=governing)


def _read_modality(head: Token, node: Token, rel: str, tally: _Tally) -> None:
    """Rule 4: modals of advocacy on `head` (or on a verb coordinated with it that has no
    subject of its own: "can - or should -"), and the semi-modals of necessity. A modal
    advocates the act, not the one who should do it ("[countries] should stick to ...")."""
    acting = [] if (rel in _SUBJECT and _lemma(head) not in _RECEIVING) else [head]
    for verb in acting + [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                          and not any(g.dep_ in _SUBJECT for g in c.children)]:
        modals = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in _ADVOCACY_MODALS]
        if verb.lower_ in _ADVOCACY_MODALS and verb.pos_ == "AUX":
            modals.append(verb)
        for modal in modals:
            tally.advocate(f"modal: {modal.lower_}", once=True)
    if rel == "xcomp" and _necessity(head, node):
        tally.advocate(f"modal: {head.lower_} to")


def _decide(tally: _Tally, cue_class: str | None, lean: int, others: Callable[[], int]) -> Stance:
    """Rules 7 and 8: the agreement and its confidence. `lean` is the cue's (+1, -1 or 0);
    `others` counts the polar words elsewhere in the claim (asked for a neutral judgement only)."""
    evidence = tally.evidence
    if tally.pieces or tally.denied or (tally.negations and tally.sign > 0):  # "without [X], councils will not ..."
        agreement = "agree" if tally.sign > 0 else "disagree"
        confidence = ((_BASE_CONFIDENCE if tally.pieces else _NEGATION_ONLY_CONFIDENCE)
                      + _EVIDENCE_STEP * max(0, tally.pieces - 1))
        if tally.pieces and tally.negations:
            confidence -= _NEGATED_PENALTY
        if lean:
            evidence.append(f"cue: {cue_class}")
            confidence += _EVIDENCE_STEP if lean == tally.sign else -_CUE_AGAINST_PENALTY
    elif lean:
        agreement = "agree" if lean > 0 else "disagree"
        confidence = _CUE_ONLY_CONFIDENCE
        evidence.append(f"cue: {cue_class}")
    else:
        agreement = "neutral"
        confidence = max(_NEUTRAL_FLOOR, _NEUTRAL_CONFIDENCE - _NEUTRAL_STEP * others())
        if cue_class:
            evidence.append(f"cue: {cue_class}")
    low, high = _CONFIDENCE_RANGE
    return Stance(agreement, round(min(high, max(low, confidence)), 2), tuple(evidence))


def _own_judgement(span: Span, root: Token, lexicon: ConceptLexicon) -> list[tuple[int, str]]:
    """The judgement the concept's words make of what it refers to: its head noun or an adjective
    on it, when they are evaluative and agree ("a [terrible mistake]", "[reliable ally]"); an
    adjective may be judged by its VADER valence ("an [ambitious agenda]"), the noun only by the
    polarity lexicon (a noun's sentiment is too often what it names: "his [wealth]")."""
    found = []
    for token in [root] + [c for c in root.children if c.dep_ == "amod" and span.start <= c.i < span.end]:
        hit = _polarity(token, lexicon, fallback=token.i != root.i)  # VADER for its adjectives, not its noun
        if hit is not None and hit[1] == "eval":
            found.append((-hit[0] if _negated(token) else hit[0], token.lower_))
    return found if len({p for p, _ in found}) == 1 else []


def _asked(span: Span, inside: set[int]) -> bool:
    """Whether the concept is in a question: the first end of a sentence after it, within the
    claim, is a question mark ("do you want them at a [convention]?")."""
    doc = span.doc
    end = sentence_of(span[0]).end
    for token in doc[span.end : end]:
        if token.i not in inside:
            break
        if token.text in (".", "!", "?"):
            return token.text == "?"
    return False


def _conditional(top: Token) -> bool:
    """Whether the walk ended at a condition: "if [the machines] are vulnerable, we will say so"."""
    return top.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in top.children)


def _asked_indirectly(top: Token) -> bool:
    """Whether the walk ended at an indirect question: "asked whether [X] was fair", "asked why
    he has criticized [X]", "decide whether they want [X]"."""
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in top.children):
        return True
    if top.head.i != top.i and _lemma(top.head) in _ASKING and top.dep_ in ("ccomp", "xcomp", "dobj"):
        return top.tag_ in ("WDT", "WP", "WRB") or any(c.tag_ in ("WDT", "WP", "WRB") and c.i < top.i
                                                       for c in top.children)
    return False


def _pledged(verb: Token) -> bool:
    """Whether the speaker commits to the act of `verb`: a first-person subject with "will" or
    "going to" ("we will get [X] out", "I'm going to be the [nominee]")."""
    going = verb.head if verb.dep_ == "xcomp" and _lemma(verb.head) == "go" else None
    subject = next((c for c in (going or verb).children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in _FIRST_PERSON:
        return False
    if going is not None:
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and going.tag_ == "VBG"
    return any(c.dep_ == "aux" and _lemma(c) in _FUTURE for c in verb.children)


def _setting(head: Token, rel: str, preposition: Token) -> bool:
    """Whether the path reaches verb `head` through a prepositional phrase beside its object: a
    setting of the act ("beat Trump at the [ballot box]"), which the act does not judge; a
    comparison is not one ("stop treating them like a [colony]")."""
    return (rel == "prep" and preposition.lower_ not in _COMPARISONS and head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "dobj" for c in head.children))


def _necessity(head: Token, complement: Token) -> bool:
    """Whether `head` with its to-infinitive `complement` is a semi-modal of necessity, which
    advocates the act as "must" does: "we have to keep [X]", "he has got to use [X]"; not "got
    to" alone ("I got to meet [X]" is a chance), nor a negated one ("you don't have to")."""
    if _lemma(head) not in _NECESSITY_VERBS or head.pos_ != "VERB":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in complement.children):
        return False
    if any(c.dep_ == "neg" for c in head.children):
        return False
    return _lemma(head) == "have" or any(c.dep_ == "aux" and _lemma(c) == "have" for c in head.children)


def _head_of(span: Span) -> Token:
    """The concept's head: of the words whose head is outside the span, a subject or object
    first, then a noun ("Sure Start" parsed as an interjection and a subject)."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    if not outside:
        return span.root
    return min(outside, key=lambda t: (t.dep_ not in _SUBJECT | _OBJECT, t.pos_ not in ("NOUN", "PROPN"), t.i))


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _polarity(token: Token, lexicon: ConceptLexicon, *, fallback: bool = True) -> tuple[int, str] | None:
    """The lexicon entry of a word: a verb with a particle by both ("roll back"), adjectives and
    adverbs by their form ("closer" is not "close"), other words by their lemma, else their
    form; function words have none ("like an elephant"). A content word that is not in the
    polarity lexicon but has a strong valence in VADER's is an eval word of that sign ("[the
    media] are manipulating")."""
    if token.pos_ not in _CONTENT_POS:
        return None
    polarity = lexicon.polarity
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    if particle is not None:  # a phrasal verb is its own word: "roll back [X]", "step up [X]"
        hit = polarity.get(f"{_lemma(token)} {particle}")
        if hit is not None:
            return hit
    if token.pos_ in ("ADJ", "ADV"):
        hit = polarity.get(token.lower_)
    else:
        hit = (polarity.get((token.lemma_ or token.text).lower()) or polarity.get(token.lower_)
               or polarity.get(_silent_e(token)))
    if hit is not None or not fallback or token.pos_ not in _VALENCE_POS:
        return hit
    valence = lexicon.valence.get(token.lower_)  # VADER lists word forms ("screwed", "manipulating")
    if valence is None or abs(valence) < VALENCE_MIN:
        return None
    return (1 if valence > 0 else -1), "eval"


def _silent_e(token: Token) -> str:
    """A verb's lemma with the silent "e" the lemmatiser dropped: "hoped", "hopes", "hoping"
    -> "hope", not "hop" (whose forms double the consonant: "hopped", "hopping"); else ""."""
    lemma, form = _lemma(token), token.lower_
    if token.pos_ != "VERB" or lemma.endswith("e"):
        return ""
    return lemma + "e" if form.startswith(lemma + "e") or form == lemma + "ing" else ""


def _negated(token: Token) -> bool:
    """Whether a polar word carries its own negation: "little effect", "no value", "not fair",
    and both words of "neither better nor worse"."""
    if any(c.dep_ == "neg" or (c.dep_ in ("det", "amod", "advmod") and c.lower_ in _NEGATING_MODIFIERS)
           for c in token.children):
        return True
    return token.dep_ == "conj" and any(c.lower_ == "nor" for c in token.head.children)


def _level_polarity(head: Token, rel: str, node: Token, lexicon: ConceptLexicon,
                    in_concept: set[int], inside: set[int]) -> tuple[int, list[str], bool]:
    """The sign with which `head` judges `node` (its dependent on the path), the words, and
    whether an eval word did (which judges the concept itself when `node` is its subject)."""
    found: list[tuple[int, str]] = []
    evaluated = False
    own = _polarity(head, lexicon) if head.i not in in_concept else None
    # VADER's valence of the governing word yields to the lexicon's words in its predicate:
    # "[the bill] strikes the right balance"
    fallback = own is not None and _polarity(head, lexicon, fallback=False) is None
    if own is not None:
        polarity, kind = own
        is_verb = head.pos_ in ("VERB", "AUX")
        if kind == "stance" and (rel in _OBJECT - {"agent"} or rel in ("compound", "poss")):
            if not (rel == "dobj" and any(c.dep_ == "prep" and c.lower_ == "from" for c in head.children)):
                found.append((polarity, head.lower_))  # "prevent [X] from taking part" is against the act
        elif kind in ("eval", "outcome"):
            evaluated = True
            if rel in _SUBJECT or rel == "agent" or (rel == "poss" and not is_verb):
                found.append((polarity, head.lower_))  # "[X] hurts them", "they were hurt by [X]"
            elif rel in ("dobj", "nsubjpass", "dative") and is_verb and kind == "eval":
                if polarity > 0:  # "protect [X]"; "the cuts hurt [children]" says nothing against them
                    found.append((polarity, head.lower_))
                elif _defended(head, node, lexicon):  # "would compromise [national security]"
                    found.append((1, head.lower_))
            elif rel in ("xcomp", "ccomp") and not is_verb:
                found.append((polarity, head.lower_))  # "wrong [to expect ...]", "right [to drop ...]"
            elif rel == "prep" and not is_verb and _judges_object(head, node, polarity):
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
                hit = _polarity(child, lexicon, fallback=False)
                if hit is not None and hit[1] == "eval":
                    evaluated = True
                    found.append((-hit[0] if _negated(child) else hit[0], child.lower_))
            elif rel == "nsubjpass":
                continue
            elif copula and child.dep_ in ("acomp", "attr", "oprd", "prep"):  # "[X] is at a crisis point"
                hit = _polarity(child, lexicon)
                if (rel in _SUBJECT and hit is not None and hit[1] == "stance"
                        and any(c.dep_ in ("prep", "ccomp", "xcomp") for c in child.children)):
                    continue  # "[councils] are worried about ...": the subject's attitude, not a judgement of it
                words = _predicate_words(child, lexicon, in_concept, inside, kinds=("eval", "outcome", "stance"))
                evaluated = evaluated or bool(words)
                found.extend(words)
            elif not copula and rel in _SUBJECT and child.dep_ in ("dobj", "dative", "prep", "attr", "oprd",
                                                                   "acomp"):
                words = _predicate_words(child, lexicon, in_concept, inside, kinds=("eval", "outcome"))
                evaluated = evaluated or bool(words)
                found.extend(words)
            elif not copula and rel in _SUBJECT and child.dep_ == "xcomp" and child.lemma_ == "be":
                # "[bans] tend to be problematic", "[the scheme] proved to be a success"
                for part in child.children:
                    if part.dep_ in ("acomp", "attr") and part.i in inside:
                        words = _predicate_words(part, lexicon, in_concept, inside, kinds=("eval", "outcome"))
                        evaluated = evaluated or bool(words)
                        found.extend(words)
    if fallback and len(found) > 1 and found[0][1] == head.lower_:
        found = found[1:]
    total = sum(p for p, _ in found)
    if total == 0:
        return 0, [], False
    return (1 if total > 0 else -1), [w for _, w in found], evaluated


def _defended(verb: Token, target: Token, lexicon: ConceptLexicon) -> bool:
    """Whether `target`, the object of a harmful `verb`, is something of value that the claim
    defends: "violated the [agreement]", "would compromise [national security]"; not a person,
    a group or a pronoun ("the cuts hurt [children]" is about who is hurt)."""
    return (_lemma(verb) in lexicon.harm_verbs and target.pos_ != "PRON"
            and target.ent_type_ not in _PEOPLE_ENTITIES)


def _judges_object(word: Token, preposition: Token, polarity: int) -> bool:
    """Whether an eval noun or adjective judges the object of its `preposition`: a negative one
    that of "of", "in", "with" ("failings in [X]", not "a threat to [X]"); a positive noun any
    ("the success of [X]", "a lifeline for [X]"), a positive adjective that of "for", "to"."""
    if polarity < 0:
        return preposition.lower_ in _JUDGED_PREPOSITIONS
    return word.pos_ != "ADJ" or preposition.lower_ in _BENEFIT_PREPOSITIONS


def _predicate_words(token: Token, lexicon: ConceptLexicon, in_concept: set[int], inside: set[int], *,
                     kinds: tuple[str, ...], depth: int = 3) -> list[tuple[int, str]]:
    """Polar words in a predicate's phrase, not descending into clauses."""
    found = []
    if token.i not in in_concept and token.i in inside:
        hit = _polarity(token, lexicon, fallback=False)
        if hit is not None and hit[1] in kinds:
            found.append((-hit[0] if _negated(token) else hit[0], token.lower_))
    if depth > 0:
        for child in token.children:
            if child.dep_ in ("amod", "advmod", "conj", "compound", "prep", "pobj", "dobj", "npadvmod", "acomp",
                              "attr"):
                found.extend(_predicate_words(child, lexicon, in_concept, inside, kinds=kinds, depth=depth - 1))
    return found

