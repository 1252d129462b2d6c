"""The one place where spaCy objects become records.

`doc_to_record` turns a processed document into an `ArticleRecord`: plain
data with character offsets into the article's original text and the
sentence of every fact, so nothing downstream depends on spaCy.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.concepts import ConceptMatch
from extractors.entities import EntityCluster, name_key
from extractors.metadata import parse_date, read_metadata
from extractors.quotes import QuoteMatch, Speaker, quote_id, quote_spans
from extractors.records import ArticleRecord, ArticleText, ConceptLink, Mention, Organisation, Person, Quote, Role
from extractors.spans import sentence_of, text_of

__all__ = ["doc_to_record"]


def doc_to_record(doc: Doc, article: ArticleText, *, model: str) -> ArticleRecord:
    """Convert a processed document into an `ArticleRecord` with offsets into `article.text`.

    Parameters
    ----------
    doc : Doc
        The article's normalised text (same length as ``article.text``) after the
        project's components.
    article : ArticleText
        The input article: its id, metadata and original text.
    model : str
        Name and version of the spaCy pipeline, recorded on the record.
    """
    original = article.text
    clusters: list[EntityCluster] = doc._.pckg_entities or []
    ids: dict[int, str] = {}
    people: list[Person] = []
    organisations: list[Organisation] = []
    for cluster in clusters:
        if cluster.kind == "person":
            ids[id(cluster)] = f"p{len(people) + 1}"
            people.append(Person(
                id=ids[id(cluster)], name=cluster.name, honorific=cluster.honorific,
                aliases=dict(sorted(cluster.aliases.items())),
                roles=[Role(title=r.title.text, organisation=r.organisation, former=r.former,
                            mention=_mention(r.title, original)) for r in cluster.roles],
                byline=cluster.byline, mentions=[_mention(m, original) for m in cluster.mentions],
            ))
        else:
            ids[id(cluster)] = f"o{len(organisations) + 1}"
            organisations.append(Organisation(
                id=ids[id(cluster)], name=cluster.name, aliases=dict(sorted(cluster.aliases.items())),
                mentions=[_mention(m, original) for m in cluster.mentions],
            ))
    quotes = [_quote(span._.pckg_quote, span.id_, span._.pckg_concepts or [], doc, original, ids)
              for span in quote_spans(doc)]
    found = read_metadata(text_of(doc), furniture=doc._.pckg_furniture)
    return ArticleRecord(
        id=article.id, title=article.title or found.title,
        date=(parse_date(article.date) or article.date) if article.date else found.date,
        url=article.url, publication=article.publication or found.publication,
        author=found.author or next((p.name for p in people if p.byline), None),
        source=article.source, notes=article.notes, text=article.text,
        model=model, people=people, organisations=organisations, quotes=quotes,
    )


def _mention(span: Span, original: str) -> Mention:
    return Mention(text=original[span.start_char : span.end_char], start=span.start_char,
                   end=span.end_char, sentence=_sentence_text(span, original))


def _sentence_text(span: Span, original: str) -> str:
    doc = span.doc
    first, last = sentence_of(doc[span.start]), sentence_of(doc[max(span.end - 1, span.start)])
    return original[first.start_char : last.end_char].strip()


def _speaker_name(speaker: Speaker, original: str) -> str | None:
    """The name the article uses for the speaker at this claim ("Sullivan", "the AP").

    The words at the cue when they name the entity (one of its mentions, its name,
    an alias, or a first or last name) or, for a person, the role phrase that names
    them there ("the minister", "The Florida senator"); otherwise (a pronoun, a
    description of an organisation, a shouted transcript label) the entity's
    canonical name, or the phrase itself for a speaker who is no entity. The
    canonical entity stays reachable through ``speaker_id``.
    """
    mention, entity = speaker.mention, speaker.entity
    if entity is None or mention is None:
        return speaker.name
    inner = [m for m in entity.mentions if m.start < mention.end and mention.start < m.end]
    words = inner[-1] if inner else mention
    text = " ".join(original[words.start_char : words.end_char].split())
    if entity.kind == "person" and words.root.pos_ == "NOUN" and not text.isupper():
        return text  # "the minister": the role the article names the speaker by here
    if text.islower() or text.isupper() and entity.kind == "person":
        return speaker.name  # "the council", "PENCE:": a description, a shouted label
    if inner or _is_name_of(text, entity):
        return text
    return speaker.name


def _is_name_of(text: str, entity: EntityCluster) -> bool:
    """Whether `text` is the entity's name, an alias, or (for a person) one word of the name."""
    key = name_key(text.removeprefix("the ").removeprefix("The "))
    names = {entity.key} | {name_key(a) for a in entity.aliases}
    if entity.kind == "person":
        names |= set(entity.key.split())
    return key in names


def _quote(match: QuoteMatch, record_id: str, concepts: list[ConceptMatch], doc: Doc, original: str,
           ids: dict[int, str]) -> Quote:
    content = doc.char_span(match.start, match.end, alignment_mode="expand")
    speaker = match.speaker
    around = content if match.cue is None else doc[min(content.start, match.cue.start) : max(content.end, match.cue.end)]
    return Quote(
        id=record_id,
        speaker=_speaker_name(speaker, original),
        speaker_id=ids.get(id(speaker.entity)) if speaker.entity is not None else None,
        speaker_mention=_mention(speaker.mention, original) if speaker.mention is not None else None,
        cue=match.cue_text,
        cue_class=match.cue_class,
        cue_mention=_mention(match.cue, original) if match.cue is not None else None,
        type=match.type,
        content=" ".join(original[start:end] for start, end in match.spans),
        start=match.start,
        end=match.end,
        parts=list(match.spans),
        sentence=_sentence_text(around, original),
        attribution=match.attribution,
        continues=None if match.continues is None else quote_id(match.continues),
        concepts=[ConceptLink(concept=c.concept, source=c.source, mention=_mention(c.span, original),
                              agreement=c.agreement, confidence=c.confidence, evidence=list(c.evidence))
                  for c in concepts],
    )
