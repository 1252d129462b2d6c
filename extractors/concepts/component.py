"""The ``pckg_concepts`` component: what each claim is about, and whether its speaker agrees.

For each claim in ``doc.spans["pckg_quotes"]`` it sets ``span._.pckg_concepts``,
a list of `ConceptMatch`: with a codebook, the codebook's concepts whose
patterns occur in the claim (`matching`); without one, the claim's key noun
phrases (`keyphrases`). Each gets an agreement with a confidence and the
evidence for it (`agreement`). `concept_matches` is the same as a plain function.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.codebook import Codebook
from extractors.concepts.agreement import judge_agreement
from extractors.concepts.keyphrases import MAX_KEY_PHRASES, key_phrases
from extractors.concepts.matching import CodebookMatcher
from extractors.lexicons import ConceptLexicon, LexiconComponent
from extractors.quotes import QuoteMatch, quote_spans

__all__ = ["ConceptMatch", "concept_matches", "ConceptTagger", "make_concept_tagger"]

if not Span.has_extension("pckg_concepts"):
    Span.set_extension("pckg_concepts", default=None)  # list[ConceptMatch], on each quote span


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


def concept_matches(doc: Doc, quote: QuoteMatch, *, lexicon: ConceptLexicon,
                    codebook: CodebookMatcher | Codebook | None = None,
                    max_key_phrases: int = MAX_KEY_PHRASES) -> list[ConceptMatch]:
    """The concepts one claim is about, each once, in text order, with the speaker's stance.

    Parameters
    ----------
    doc : Doc
        Parsed document.
    quote : QuoteMatch
        The claim; only its content spans are searched.
    lexicon : ConceptLexicon
        Polarity lexicon and the word lists key phrases leave out.
    codebook : CodebookMatcher or Codebook, optional
        Codebook concepts only, when given (a bare `Codebook` matches on word forms and
        written lemmas; a `CodebookMatcher` built with the pipeline also lemmatises the
        patterns). Without one, the claim's key noun phrases (`key_phrases`).
    max_key_phrases : int
        How many key phrases to keep per claim.

    Notes
    -----
    A concept met more than once in the claim keeps the occurrence whose stance is
    clearest (not neutral, highest confidence; the first on a tie).
    """
    if codebook is None:
        found, source = key_phrases(doc, quote, lexicon=lexicon, limit=max_key_phrases), "key_phrase"
    else:
        matcher = codebook if isinstance(codebook, CodebookMatcher) else CodebookMatcher(codebook)
        found, source = matcher.matches(doc, quote), "codebook"
    best: dict[str, ConceptMatch] = {}
    for name, span in found:
        stance = judge_agreement(span, quote, lexicon=lexicon)
        match = ConceptMatch(name, source, span, stance.agreement, stance.confidence, stance.evidence)
        current = best.get(name)
        if current is None or _clearer(match, current):
            best[name] = match
    return sorted(best.values(), key=lambda m: (m.span.start, m.concept))


def _clearer(new: ConceptMatch, old: ConceptMatch) -> bool:
    rank = lambda m: (m.agreement != "neutral", m.confidence)  # noqa: E731
    return rank(new) > rank(old)


class ConceptTagger(LexiconComponent):
    """Pipeline component: ``span._.pckg_concepts`` on every claim of ``doc.spans["pckg_quotes"]``.

    `initialize` gives it its lexicon and, optionally, a codebook; without a codebook
    each claim's concepts are its key noun phrases. Both are saved with the pipeline.
    """

    lexicon_type = ConceptLexicon

    def __init__(self, nlp: Language, name: str, max_key_phrases: int = MAX_KEY_PHRASES) -> None:
        self.nlp = nlp
        self.name = name
        self.max_key_phrases = max_key_phrases
        self.codebook: Codebook | None = None
        self.matcher: CodebookMatcher | None = None

    def initialize(self, get_examples: object = None, *, nlp: object = None, lexicon: ConceptLexicon | None = None,
                   codebook: Codebook | None = None) -> None:
        """Take the lexicon (default: the bundled one) and `codebook` (None: key phrases)."""
        super().initialize(get_examples, nlp=nlp, lexicon=lexicon)
        self._use(codebook)

    def _use(self, codebook: Codebook | None) -> None:
        self.codebook = codebook
        # Patterns are lemmatised with the pipeline on first use, when its weights are loaded.
        self.matcher = CodebookMatcher(codebook, self.nlp) if codebook is not None else None

    def __call__(self, doc: Doc) -> Doc:
        for span in quote_spans(doc):
            span._.pckg_concepts = concept_matches(doc, span._.pckg_quote, lexicon=self.lexicon, codebook=self.matcher,
                                                   max_key_phrases=self.max_key_phrases)
        return doc

    def to_disk(self, path: str | Path, *, exclude: object = ()) -> None:
        """Save the lexicon and the codebook (``codebook.json``, when there is one)."""
        super().to_disk(path, exclude=exclude)
        if self.codebook is not None:
            (Path(path) / "codebook.json").write_text(self.codebook.model_dump_json(indent=1), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: object = ()) -> "ConceptTagger":
        """Read what `to_disk` saved."""
        super().from_disk(path, exclude=exclude)
        saved = Path(path) / "codebook.json"
        self._use(Codebook.model_validate_json(saved.read_bytes()) if saved.exists() else None)
        return self


@Language.factory("pckg_concepts", assigns=["span._.pckg_concepts"], requires=["doc.spans", "token.dep"],
                  default_config={"max_key_phrases": MAX_KEY_PHRASES})
def make_concept_tagger(nlp: Language, name: str, max_key_phrases: int) -> ConceptTagger:
    """Create the concepts component (its lexicon and codebook come with `initialize`)."""
    return ConceptTagger(nlp, name, max_key_phrases)
