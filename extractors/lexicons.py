"""The word lists the extractors read, from ``extractors/data/``.

They are data, not code, so a user can extend them. Each component receives
its lexicon through ``initialize()`` (`extractors.pipeline.load_pipeline`
gives it the bundled one) and saves it with the pipeline (``to_disk``), so a
saved pipeline carries the word lists it was run with.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["EntityLexicon", "QuoteLexicon", "ConceptLexicon", "LexiconComponent", "read_words", "read_honorifics",
           "read_table", "read_jsonl", "read_valence"]

L = TypeVar("L", bound="_Lexicon")


def _lines(name: str) -> list[str]:
    text = resources.files("extractors").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def read_words(name: str) -> frozenset[str]:
    """A one-word-a-line list from ``extractors/data/`` (``#`` starts a comment line)."""
    return frozenset(line.strip() for line in _lines(name))


def read_honorifics() -> frozenset[str]:
    """Every word written before a name as an honorific: the courtesy titles of ``honorifics.txt``
    and the offices of ``office_abbreviations.txt`` ("sen", "gov")."""
    return read_words("honorifics.txt") | read_words("office_abbreviations.txt")


def read_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """One JSON object a line from ``extractors/data/`` (spaCy's pattern files)."""
    return tuple(json.loads(line) for line in _lines(name))


def read_table(name: str) -> dict[str, str]:
    """A two-column tab-separated table from ``extractors/data/``: first column -> second."""
    return {key: value for key, value in csv.reader(_lines(name), delimiter="\t")}


class _Lexicon:
    """Serialisation shared by the lexicons: sets as sorted lists, in JSON."""

    def to_bytes(self) -> bytes:
        """The lexicon as JSON."""
        data = {k: sorted(v) if isinstance(v, frozenset) else v for k, v in vars(self).items()}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")

    @classmethod
    def from_bytes(cls: type[L], data: bytes) -> L:
        """Read a lexicon written by `to_bytes`."""
        raw: dict[str, Any] = json.loads(data)
        values: dict[str, Any] = {}
        for spec in fields(cls):
            if spec.name not in raw:  # saved before the field existed: keep its default
                continue
            value = raw[spec.name]
            if isinstance(value, list):  # a word list, or a tuple of spaCy patterns
                values[spec.name] = frozenset(value) if str(spec.type).startswith("frozenset") else tuple(value)
            else:
                values[spec.name] = _tuples(value)
        return cls(**values)


def _tuples(value: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in value.items()}


@dataclass(frozen=True)
class EntityLexicon(_Lexicon):
    """Word lists for people, organisations and roles."""

    honorifics: frozenset[str]
    organisation_nouns: frozenset[str]
    description_heads: frozenset[str]
    name_particles: frozenset[str]
    name_fillers: frozenset[str]
    byline_words: frozenset[str]
    source_nouns: frozenset[str]
    name_suffixes: frozenset[str]
    office_abbreviations: frozenset[str]
    """Honorifics that are offices ("sen", "gov"): kept inside titles."""
    name_breakers: frozenset[str]
    """Verbs and pronouns that cannot be part of a name (reporting verbs and headline words)."""
    role_heads: frozenset[str]
    """Nouns that head a title naming an office."""
    office_domains: frozenset[str]
    """Words that end an office's name after "of" ("Secretary of State"), not an organisation's."""
    organisation_words: frozenset[str]
    """Words that, inside a name, say it names an organisation ("Secret Service")."""
    organisation_patterns: tuple[dict[str, Any], ...]
    """spaCy SpanRuler patterns for the shapes organisation names take."""
    gendered_words: dict[str, str]
    """Honorific or title word -> "female" or "male" ("mrs", "spokesman")."""
    first_names: dict[str, str]
    """First name -> "female" or "male", for names given one gender in at least 90% of uses."""

    @classmethod
    def from_data(cls) -> "EntityLexicon":
        """The lexicon bundled in ``extractors/data/``."""
        organisation_nouns = read_words("organisation_nouns.txt")
        cue_verbs = {cue for cue in read_table("cues.tsv") if " " not in cue}
        return cls(
            honorifics=read_honorifics(),
            organisation_nouns=organisation_nouns,
            description_heads=organisation_nouns | read_words("description_heads.txt"),
            name_particles=read_words("name_particles.txt"),
            name_fillers=read_words("name_fillers.txt"),
            byline_words=read_words("byline_words.txt"),
            source_nouns=read_words("source_nouns.txt"),
            name_suffixes=read_words("name_suffixes.txt"),
            office_abbreviations=read_words("office_abbreviations.txt"),
            name_breakers=frozenset(cue_verbs) | read_words("headline_words.txt"),
            role_heads=read_words("role_heads.txt"),
            office_domains=read_words("office_domains.txt"),
            organisation_words=organisation_nouns | read_words("description_heads.txt")
            | read_words("organisation_words.txt"),
            organisation_patterns=read_jsonl("organisation_patterns.jsonl"),
            gendered_words=read_table("gendered_words.tsv"),
            first_names=read_table("first_names.tsv"),
        )


@dataclass(frozen=True)
class QuoteLexicon(_Lexicon):
    """Word lists for quotes, cues and speakers."""

    cues: dict[str, str]
    """Reporting cue (verb lemma, "verb particle" or fixed phrase) -> cue class."""
    source_nouns: frozenset[str]
    voice_nouns: frozenset[str]
    telling_verbs: frozenset[str]
    claim_verbs: frozenset[str]
    claim_nouns: dict[str, str]
    """Noun that carries a claim ("raised the issue that") -> the cue class it gives."""
    statement_nouns: frozenset[str]
    """What a speaker issues: "issued a statement [saying…]"."""
    control_verbs: frozenset[str]
    """Verbs that report what their object was told to do: "urged ministers [to act]"."""
    object_cues: frozenset[str]
    """Cue verbs whose noun object is the claim: "announced [a review]"."""
    claim_object_nouns: frozenset[str]
    """Nouns that stand for a claim as any cue's object: "denied [the claims]"."""
    naming_verbs: frozenset[str]
    """Verbs that are cues only for a quoted complement: "called the plan “reckless”"."""
    direct_only_cues: frozenset[str]
    """Cues only for a quotation beside them: "“…,” he continued"; they report no clause."""
    declining_verbs: frozenset[str]
    """Verbs that make the cue under them no claim: "declined to comment"."""
    not_claim_objects: frozenset[str]
    """Objects that make a cue report no claim: "asked for anonymity"."""
    teaser_labels: frozenset[str]
    """Labels of lines that are no story text: "read more", "related"."""
    title_words: frozenset[str] = frozenset()
    """Short words a capitalised title leaves lowercase: "Meet [the] Press"."""
    reason_marks: frozenset[str] = frozenset()
    """Conjunctions whose clause after a reported clause is the claim's: "[because] funding was cut"."""

    @classmethod
    def from_data(cls) -> "QuoteLexicon":
        """The lexicon bundled in ``extractors/data/``."""
        return cls(
            cues=read_table("cues.tsv"),
            source_nouns=read_words("source_nouns.txt"),
            voice_nouns=read_words("voice_nouns.txt"),
            telling_verbs=read_words("telling_verbs.txt"),
            claim_verbs=read_words("claim_verbs.txt"),
            claim_nouns=read_table("claim_nouns.tsv"),
            statement_nouns=read_words("statement_nouns.txt"),
            control_verbs=read_words("control_verbs.txt"),
            object_cues=read_words("object_cues.txt"),
            claim_object_nouns=read_words("claim_object_nouns.txt"),
            naming_verbs=read_words("naming_verbs.txt"),
            direct_only_cues=read_words("direct_only_cues.txt"),
            declining_verbs=read_words("declining_verbs.txt"),
            not_claim_objects=read_words("not_claim_objects.txt"),
            teaser_labels=read_words("teaser_labels.txt"),
            title_words=read_words("title_words.txt"),
            reason_marks=read_words("reason_marks.txt"),
        )


@dataclass(frozen=True)
class ConceptLexicon(_Lexicon):
    """Word lists for key phrases and agreement."""

    polarity: dict[str, tuple[int, str]]
    """Lemma -> (+1 or -1, kind): kind ``"stance"`` judges what follows the word ("oppose [X]"),
    ``"eval"`` what it is said of ("[X] is unfair"); see ``data/polarity.tsv``."""
    generic_nouns: frozenset[str]
    hedges: frozenset[str]
    advocacy: frozenset[str] = frozenset()
    """Words whose "for" complement is supported and "against" complement opposed."""
    honorifics: frozenset[str] = frozenset()
    """Honorifics and abbreviated offices ("mr", "sen"), left out of key phrases."""
    harm_verbs: frozenset[str] = frozenset()
    """Verbs of damage to something of value, whose object the speaker defends ("violate [X]")."""
    valence: dict[str, float] = field(default_factory=dict)
    """Word form -> mean valence (-4 to +4) from the VADER sentiment lexicon: the fallback for
    words that are not in `polarity` (see `read_valence`)."""

    @classmethod
    def from_data(cls) -> "ConceptLexicon":
        """The lexicon bundled in ``extractors/data/``, with VADER's valences."""
        rows = csv.reader(_lines("polarity.tsv"), delimiter="\t")
        return cls(
            polarity={word: (int(sign), kind) for word, sign, kind in rows},
            generic_nouns=read_words("generic_nouns.txt"),
            hedges=read_words("hedges.txt"),
            advocacy=read_words("advocacy.txt"),
            harm_verbs=read_words("harm_verbs.txt"),
            honorifics=read_honorifics(),
            valence=read_valence(),
        )


def read_valence() -> dict[str, float]:
    """The single words of the VADER sentiment lexicon (``vader_lexicon.txt``, shipped in the
    ``vaderSentiment`` package, MIT licence; Hutto and Gilbert 2014) with their mean valence:
    lower-case words and hyphenated words only, not emoticons or phrases."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    valence = {}
    for line in text.splitlines():
        word, mean, *_ = line.split("\t")
        if word.isalpha() or (word.replace("-", "").isalpha() and not word.startswith("-")):
            valence[word.lower()] = float(mean)
    return valence


class LexiconComponent:
    """Base of the components that read a lexicon: ``initialize``, ``to_disk`` and ``from_disk``.

    Subclasses set `lexicon_type`. Until `initialize` (or `from_disk`) gives the
    component its lexicon, calling it raises an error that says so.
    """

    lexicon_type: type[_Lexicon]
    name: str
    _lexicon: Any = None

    def initialize(self, get_examples: object = None, *, nlp: object = None, lexicon: Any = None) -> None:
        """Take `lexicon`, or the one bundled in ``extractors/data/``."""
        self._lexicon = lexicon if lexicon is not None else self.lexicon_type.from_data()  # type: ignore[attr-defined]

    @property
    def lexicon(self) -> Any:
        """The component's lexicon; an error before `initialize`."""
        if self._lexicon is None:
            raise ValueError(f"{self.name} has no lexicon yet: load the pipeline with "
                             f"extractors.pipeline.load_pipeline, or call nlp.get_pipe({self.name!r}).initialize()")
        return self._lexicon

    def to_disk(self, path: str | Path, *, exclude: object = ()) -> None:
        """Save the lexicon as ``lexicon.json`` in the component's folder."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "lexicon.json").write_bytes(self.lexicon.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: object = ()) -> "LexiconComponent":
        """Read the lexicon saved by `to_disk`."""
        self._lexicon = self.lexicon_type.from_bytes((Path(path) / "lexicon.json").read_bytes())
        return self
