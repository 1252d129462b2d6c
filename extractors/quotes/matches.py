"""What the quote finder finds: a `QuoteMatch` per claim, with its `Speaker`, still as spaCy
spans, and the `Quotation`s (text between quote marks) it starts from."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from spacy.tokens import Span

from extractors.entities import EntityCluster

__all__ = ["Quotation", "Speaker", "QuoteMatch", "QuoteSettings", "RULE_FAMILIES"]


@dataclass(frozen=True)
class Quotation:
    """Characters between a pair of quote marks (marks excluded)."""

    start: int
    end: int
    closed: bool = True
    """False when the opening mark was never closed and the quotation was cut short."""


class Speaker(NamedTuple):
    """Who a quote is attributed to."""

    name: str | None
    """Display name: the entity's name, or the descriptive phrase used."""
    entity: EntityCluster | None
    """The person or organisation, when the speaker is one."""
    mention: Span | None
    """The words naming the speaker at the cue."""


class QuoteMatch(NamedTuple):
    """A claim found in a document."""

    start: int
    """Character offset where the content starts."""
    end: int
    type: str
    """direct, indirect, mixed or block."""
    cue: Span | None
    cue_text: str | None
    cue_class: str | None
    speaker: Speaker
    parts: tuple[tuple[int, int], ...] = ()
    """Character spans of the content; more than one for a split quote ("…," he said. "…")."""
    attribution: str = "cue"
    """How the speaker was found: ``cue`` (the claim's own cue), ``continued`` (a later
    paragraph of a quote that runs over several), ``inferred`` (a quotation without a cue,
    given the speaker of the quote just before it), ``label`` (a speaker label:
    "PENCE: …", "Jane Roe, on Facebook: …")."""
    continues: int | None = None
    """For a ``continued`` paragraph: the position, in `find_quotes` order, of the quote's first paragraph."""

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The content's character spans: the parts, or the one span start-end."""
        return self.parts or ((self.start, self.end),)


RULE_FAMILIES: dict[str, str] = {
    "blocks": 'unquoted paragraphs after "X said:"',
    "speaker_lines": 'transcript lines led by a known name ("PENCE: …")',
    "that_clause": 'a cue with its clause ("said [the plan would fail]")',
    "commitment": 'a commitment with its infinitive ("pledged [to cut taxes]")',
    "told_clause": '"told the conference [he wanted…]"',
    "claim_noun": '"raised the issue [that…]"',
    "criticised_for": '"criticised X for [going…]"',
    "according_to": '"[…], according to X"',
    "participles": '"with analysts saying…", "issued a statement saying…", "was quick to add…"',
    "respondents": 'a share of people asked says: "nearly half said they…", "58 percent of voters say…"',
    "parenthetical": '"The plan, officials said, would cost £2bn": the sentence around the cue, in two parts',
    "object_control": '"urged ministers [to fund more places]": the object with its infinitive',
    "prepositional": '"called for [a review]", "warned of [job losses]"',
    "noun_object": '"denied [the claims]", "announced [a review]": the noun object of a cue',
    "several_clauses": '"[X], but [Y], the source added", "[X], he said, [that Y]": a cue\'s two clauses are one claim',
    "reasons": '"said [the plan failed because funding was cut]": a reason or condition the parser hangs on the cue',
    "coordinated": '"said [X] and that [Y]": one claim in two parts',
    "short_quotes": 'a quotation under the minimum length is kept when its cue governs it ("“Not again,” said X")',
    "one_per_cue": 'what one cue reports in a paragraph is one claim, in parts ("…“great again” but to “whole again”")',
    "paragraphs": "a quote over several paragraphs is one claim per paragraph, the later ones continuing the first",
    "titles": 'a capitalised quotation amid running text is a title ("on “Meet the Press” that…"), no quote',
    "not_claims": 'no claim for a negated cue, "Asked whether…", "declined to comment", teaser lines, repeated copies',
    "colon_quotes": '"Ann Lee said: the plan will fail." without quote marks, to the end of the paragraph',
    "labels": 'a quotation whose speaker is a label: "Sam Ortiz, on Facebook: “…”", a signature or header line',
    "fronted": '"[The plan will fail], the minister said" parsed as one long subject',
    "continuation": "a quotation without a cue right after a quote goes on with its speaker",
    "split": 'the parts of a quote around its cue are one quote ("…," she said. "…")',
    "antecedent": "a pronoun speaker resolved to the person or organisation named before",
    "role_holder": '"the minister" resolved to the one person with that title',
    "person_in_phrase": '"director at Barnardo\'s Chris Hanvey": the person in the subject phrase',
    "voice_noun": '"a spokesperson for the LGA": the organisation spoken for',
}
"""The quote finder's rule families, by name: each can be switched off (`QuoteSettings.without`)
to measure what it brings (``benchmarks/attribution.py --ablation``)."""


@dataclass(frozen=True)
class QuoteSettings:
    """The quote finder's thresholds (the ``pckg_quotes`` component's config)."""

    min_quote_words: int = 4
    """Shorter quotations on their own are terms or scare quotes."""
    max_split_words: int = 6
    """Words between the parts of one split quote ("…," he told the BBC. "…")."""
    max_speaker_tokens: int = 10
    """Longest speaker phrase kept ("the executive member for children's services at ...")."""
    max_continued_paragraphs: int = 6
    """How far a quote left open at a paragraph end may run on."""
    without: str = ""
    """Rule families switched off, comma-separated names of `RULE_FAMILIES` (for ablation)."""

    def __post_init__(self) -> None:
        unknown = set(self.off) - set(RULE_FAMILIES)
        if unknown:
            raise ValueError(f"unknown rule families {sorted(unknown)}; known: {', '.join(RULE_FAMILIES)}")

    @cached_property
    def off(self) -> frozenset[str]:
        """The names in `without`."""
        return frozenset(name.strip() for name in self.without.split(",") if name.strip())

    def uses(self, family: str) -> bool:
        """Whether the rule family `family` is switched on."""
        return family not in self.off
