"""Codebook matching: which of a codebook's concepts a claim's words signal.

A codebook's regular expressions come from its authors, and some patterns take time
exponential in the text they search. Each search has a time limit, `REGEX_TIMEOUT`;
a pattern over it fails the article with `CodebookTimeout`, naming the pattern, and
the batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.codebook import Codebook, Concept
from extractors.quotes import QuoteMatch
from extractors.spans import text_of, tokens_in

__all__ = ["CodebookMatcher", "CodebookTimeout", "REGEX_TIMEOUT"]

REGEX_TIMEOUT = 1.0
"""Seconds one codebook regular expression may search one claim."""


class CodebookTimeout(RuntimeError):
    """A codebook regular expression took longer than `REGEX_TIMEOUT` on a claim."""

_LEMMATISING_PIPES = ("tok2vec", "tagger", "morphologizer", "attribute_ruler", "lemmatizer")


@dataclass
class _CompiledConcept:
    concept: Concept
    phrases: list[list[tuple[str, str]]] = field(default_factory=list)
    """Each plain pattern as (lemma, lower form) per word."""


class CodebookMatcher:
    """A codebook ready to match: its plain patterns lemmatised with a spaCy pipeline.

    Parameters
    ----------
    codebook : Codebook
        The codebook (`extractors.codebook.load_codebook` reads one from YAML).
    nlp : Language, optional
        The pipeline whose tagger and lemmatiser lemmatise the patterns, so that
        "charities" in the codebook matches "charity" in a text. Without one, patterns
        match on word forms, and on lemmas only where they are written as lemmas.
    """

    def __init__(self, codebook: Codebook, nlp: Language | None = None) -> None:
        self.codebook = codebook
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
            if name in _LEMMATISING_PIPES:
                doc = proc(doc)
        return [((t.lemma_ or t.text).lower(), t.lower_) for t in _words_of(list(doc))]

    def matches(self, doc: Doc, quote: QuoteMatch) -> list[tuple[str, Span]]:
        """(concept name, span) for every pattern occurrence in the quote's content, in text order.

        Raises
        ------
        CodebookTimeout
            When a regular expression searches one part of the claim for longer than `REGEX_TIMEOUT`.
        """
        tokens = _words_of(tokens_in(doc, quote.spans))
        text = text_of(doc)
        found: list[tuple[str, Span]] = []
        for entry in self._compile():
            for phrase in entry.phrases:
                n = len(phrase)
                for i in range(len(tokens) - n + 1):
                    if all(_word_matches(tokens[i + k], phrase[k]) for k in range(n)):
                        found.append((entry.concept.name, doc[tokens[i].i : tokens[i + n - 1].i + 1]))
            for pattern in entry.concept.regexes:
                for start, end in quote.spans:
                    for hit in _search(pattern, text, start, end, entry.concept.name):
                        if hit.end() == hit.start():
                            continue
                        span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
                        if span is not None and start <= span.start_char and span.end_char <= end:
                            found.append((entry.concept.name, span))
        found.sort(key=lambda item: (item[1].start, -len(item[1])))
        return found


def _search(pattern: Any, text: str, start: int, end: int, concept: str) -> list[Any]:
    """Every match of a compiled ``regex`` pattern in ``text[start:end]``, within the time limit."""
    try:
        return list(pattern.finditer(text, start, end, timeout=REGEX_TIMEOUT))
    except TimeoutError:
        raise CodebookTimeout(f"the codebook pattern 're:{pattern.pattern}' of concept {concept!r} took more than "
                              f"{REGEX_TIMEOUT:g} s on one claim; make it simpler") from None


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

