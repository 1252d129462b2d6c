"""Key phrases: a claim's concepts when there is no codebook.

Noun chunks in the claim's content, lemmatised and lower-cased, without
determiners, pronouns, stop words or evaluative adjectives, 1-4 words with at
least one noun ("the voluntary sector's" -> "voluntary sector"), so that the
same concept in two articles has the same name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.lexicons import ConceptLexicon
from extractors.quotes import QuoteMatch
from extractors.spans import noun_chunks_in, tokens_in

__all__ = ["key_phrases", "MAX_KEY_PHRASES", "MAX_PHRASE_WORDS"]

MAX_KEY_PHRASES = 3
MAX_PHRASE_WORDS = 4
_SUBJECT_OBJECT = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative", "csubj"}
_GROUPS = {"people", "person", "everyone", "anyone", "someone", "man", "guy", "folk", "friend"}
"""Generic nouns that an adjective turns into a group ("young people", "black men")."""


def key_phrases(doc: Doc, quote: QuoteMatch, *, lexicon: ConceptLexicon,
                limit: int = MAX_KEY_PHRASES) -> list[tuple[str, Span]]:
    """The claim's key noun phrases as (name, span), in text order.

    Noun chunks inside the content (runs of adjectives and nouns where the
    pipeline has no parser), reduced to their content words (no determiners,
    pronouns, stop words, numbers, evaluative or hedging adjectives, honorifics,
    the end of a name cut by the length limit), lemmatised and lower-cased; 1-4
    words, at least one of them a noun; generic nouns ("thing", "year", frames
    such as "result" or "direction") dropped, alone or with adjectives only ("a
    [unique level] of", "the [first time]"; but "young people"); no predicate
    nominals ("he is [a wild card]": what is said of the subject). Ranked by
    length (multi-word first) and role (subject or object first), keeping `limit`.
    """
    content = tokens_in(doc, quote.spans)
    if not content:
        return []
    inside = {t.i for t in content}
    if doc.has_annotation("DEP"):
        chunks = [c for c in noun_chunks_in(doc, content[0].i, content[-1].i + 1)
                  if all(t.i in inside for t in c if not t.is_space)]
    else:
        chunks = _nominal_runs(content)
    polarity = lexicon.polarity
    ranked: list[tuple[tuple[int, int, int], str, Span]] = []
    seen: set[str] = set()
    for chunk in chunks:
        role = chunk.root.dep_
        if _predicate_nominal(chunk.root, lexicon):  # "Cruz is [a liar]", "it was [a narrow victory]"
            continue
        joins = [t.i for t in chunk if t.pos_ == "CCONJ" or t.text in (",", ";")]
        if joins:  # "voluntary and community groups" -> "community group"
            chunk = chunk.doc[joins[-1] + 1 : chunk.end]
        words = [t for t in chunk if _content_word(t) and not _title(t, lexicon)]
        while words and words[0].pos_ != "NOUN" and (words[0].lemma_.lower() in polarity
                                                     or words[0].lower_ in lexicon.hedges):
            words = words[1:]
        words = words[-MAX_PHRASE_WORDS:]
        while words and _inside_name(words[0]):  # "[States government] retirement program"
            words = words[1:]
        if not any(t.pos_ == "NOUN" for t in words):
            continue
        name = _phrase_name(words)
        if len(words) == 1 and (name in lexicon.generic_nouns or words[0].lower_ in lexicon.generic_nouns):
            continue
        if _generic_head(words, lexicon):  # "the [central focus] of", "a [unique level] of"
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


def _predicate_nominal(root: Token, lexicon: ConceptLexicon) -> bool:
    """Whether a noun is what its subject is said to be ("he is [a wild card]"): a description or an
    evaluation of the subject, not a concept of its own. Not after "there is" ("there is [a ban]"),
    nor after a generic subject, which points to it ("the focus is [the tram line]")."""
    head = root.head
    if root.dep_ != "attr" or head.lemma_ != "be" or head.i == root.i:
        return False
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "expl")]
    return bool(subjects) and not any(
        c.dep_ == "expl" or (c.lemma_ or c.text).lower() in lexicon.generic_nouns for c in subjects)


def _title(token: Token, lexicon: ConceptLexicon) -> bool:
    """An honorific or an abbreviated office before a name ("Mr.", "Sen."): part of the name,
    not of a concept ("[Mr. Trump's] wealth")."""
    return token.pos_ == "PROPN" and token.lower_.rstrip(".") in lexicon.honorifics


def _inside_name(token: Token) -> bool:
    """Whether a word continues a name that begins before it ("United [States] government")."""
    return token.ent_iob_ == "I" and token.i > 0 and token.doc[token.i - 1].ent_iob_ in ("B", "I")


def _generic_head(words: list[Token], lexicon: ConceptLexicon) -> bool:
    """A generic noun with adjectives only: a frame or a degree, not a concept ("central
    focus", "unique level", "first time"); "housing problem" keeps its noun."""
    head = words[-1]
    name = (head.lemma_ or head.text).lower()
    if name in _GROUPS or (name not in lexicon.generic_nouns and head.lower_ not in lexicon.generic_nouns):
        return False
    return all(t.pos_ == "ADJ" for t in words[:-1])


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

