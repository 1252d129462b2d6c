"""Concepts: what each claim is about, and whether its speaker agrees.

One module per job: `matching` (a codebook's concepts in a claim),
`keyphrases` (a claim's key noun phrases when there is no codebook),
`agreement` (the speaker's stance on each), and `component` (the
``pckg_concepts`` component and `concept_matches`).
"""

from extractors.concepts.agreement import Stance, judge_agreement
from extractors.concepts.component import ConceptMatch, ConceptTagger, concept_matches
from extractors.concepts.keyphrases import key_phrases
from extractors.concepts.matching import CodebookMatcher

__all__ = ["ConceptMatch", "ConceptTagger", "concept_matches", "Stance", "judge_agreement", "key_phrases",
           "CodebookMatcher"]
