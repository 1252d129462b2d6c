"""A claims graph for the page tests: stances that tie actors, dates, cue classes, a split quote.

Built with kg.build from hand-made records (no spaCy); every offset points at its text.

* a1 (2010-02-25): Jane Smith (director of policy at Barnardo's) agrees on "child poverty",
  in a quote split in two parts around its cue and speaker; Barnardo's disagrees on "housing";
  an unattributed quote.
* a2 (2011-06-01): Tom Jones agrees on "child poverty" (congruence with Jane) and on "housing"
  (conflict with Barnardo's); Ann Lee disagrees on "child poverty" (conflict with Jane and Tom).
* a3 (no date): Ann Lee, with hostile HTML in the quote and the title; neutral on "housing".
"""

from __future__ import annotations

import networkx as nx

from extractors.records import ArticleRecord, ConceptLink, Quote
from factories import Article, organisation, person, record
from kg.build import article_node, build_graph, node_id, quote_node

__all__ = ["records", "graph", "texts", "ATTACK", "JANE", "TOM", "ANN", "BARNARDOS", "A1", "A2", "A3", "Q", "SPLIT"]

ATTACK = '<script>window.pwned=1</script><img src=x onerror="window.pwned=1">'
JANE, TOM, ANN = node_id("person", "Jane Smith"), node_id("person", "Tom Jones"), node_id("person", "Ann Lee")
BARNARDOS = node_id("org", "Barnardo's")
A1, A2, A3 = article_node("a1"), article_node("a2"), article_node("a3")
Q = {name: quote_node(a, q) for name, (a, q) in {
    "jane": ("a1", "q1"), "barnardos": ("a1", "q2"), "nobody": ("a1", "q3"),
    "tom": ("a2", "q1"), "ann": ("a2", "q2"), "attack": ("a3", "q1")}.items()}
SPLIT = ("Child poverty is rising", "and we must\nact now")


def _stance(text: Article, concept: str, agreement: str, sentence: int, confidence: float = 0.8) -> ConceptLink:
    return ConceptLink(concept=concept, source="codebook", mention=text.mention(concept, sentence),
                       agreement=agreement, confidence=confidence)


def records() -> list[ArticleRecord]:
    t1 = Article(
        "Jane Smith, director of policy at Barnardo's, spoke.",
        f"\u201c{SPLIT[0]},\u201d Smith said, \u201c{SPLIT[1]}.\u201d",
        "Barnardo's warned that housing cuts would hurt.",
        "\u201cNobody is listening,\u201d one worker said.",
    )
    first, second = t1.mention(SPLIT[0], 1), t1.mention(SPLIT[1], 1)
    jane_quote = Quote(id="q1", speaker="Jane Smith", speaker_id="p1", type="direct", content=" ".join(SPLIT),
                       start=first.start, end=second.end, parts=[(first.start, first.end), (second.start, second.end)],
                       sentence=t1.sentences[1], cue="said", cue_class="neutral", cue_mention=t1.mention("said", 1),
                       speaker_mention=t1.mention("Smith", 1),
                       concepts=[ConceptLink(concept="child poverty", source="codebook", agreement="agree",
                                             confidence=0.9, mention=t1.mention("Child poverty", 1))])
    a1 = record(
        "a1", title="Child poverty rises", date="2010-02-25", url="https://example.org/a1",
        publication="Community Care", text=t1.text,
        people=[person("p1", "Jane Smith", t1.mention("Jane Smith", 0), t1.mention("Smith", 1),
                       roles=[t1.role("director of policy", 0, organisation="Barnardo's")])],
        organisations=[organisation("o1", "Barnardo's", t1.mention("Barnardo's", 0), t1.mention("Barnardo's", 2))],
        quotes=[jane_quote,
                t1.quote("q2", "housing cuts would hurt", 2, speaker="Barnardo's", speaker_id="o1", cue="warned",
                         cue_class="critical", type="indirect", concepts=[_stance(t1, "housing", "disagree", 2)]),
                t1.quote("q3", "Nobody is listening", 3, speaker=None, cue="said", type="direct")],
    )
    t2 = Article("Tom Jones welcomed the child poverty plan and the housing plan as \u201ca good start\u201d.",
                 "Ann Lee said the child poverty plan \u201cwill not work\u201d.")
    a2 = record(
        "a2", title="Poverty plan welcomed", date="2011-06-01", publication="The Guardian", text=t2.text,
        people=[person("p1", "Tom Jones", t2.mention("Tom Jones", 0)), person("p2", "Ann Lee", t2.mention("Ann Lee", 1))],
        quotes=[t2.quote("q1", "a good start", 0, speaker="Tom Jones", speaker_id="p1", cue="welcomed",
                         cue_class="supportive", type="mixed",
                         concepts=[_stance(t2, "child poverty", "agree", 0), _stance(t2, "housing", "agree", 0)]),
                t2.quote("q2", "will not work", 1, speaker="Ann Lee", speaker_id="p2", cue="said", cue_class="neutral",
                         type="mixed", concepts=[_stance(t2, "child poverty", "disagree", 1, 0.6)])],
    )
    t3 = Article(f"Ann Lee said: \u201c{ATTACK} on housing\u201d.")
    a3 = record(
        "a3", title=f"Hostile {ATTACK} title", text=t3.text, people=[person("p1", "Ann Lee", t3.mention("Ann Lee", 0))],
        quotes=[t3.quote("q1", f"{ATTACK} on housing", 0, speaker="Ann Lee", speaker_id="p1", cue="said",
                         cue_class="neutral", type="direct", concepts=[_stance(t3, "housing", "neutral", 0, 0.5)])],
    )
    return [a1, a2, a3]


def graph() -> nx.MultiDiGraph:
    """The claims graph of :func:`records`."""
    return build_graph(records())


def texts() -> dict[str, str]:
    """Article id -> text, as ``kg build`` hands them to the page."""
    return {r.id: r.text for r in records()}
