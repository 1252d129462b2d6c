"""A small but realistic claims graph, built with kg.build from hand-made records (no spaCy).

Shared by the export tests (HTML, GEXF, JSON, statements CSV). Two dated
articles and one without a date; people with roles, organisations, quotes
of several cue classes, one quote without a speaker, and text that must
survive every format: commas, double quotes, a newline, non-ASCII letters
and, in the third article, HTML that must not run in the page.
"""

from __future__ import annotations

import networkx as nx

from extractors.records import ArticleRecord
from factories import Article, organisation, person, record
from kg.build import article_node, build_graph, node_id, quote_node

__all__ = ["records", "graph", "ATTACK", "TRICKY", "JANE", "BARNARDOS", "SHELTER", "A1", "A2", "A3"]

ATTACK = '<script>window.pwned=1</script><img src=x onerror="window.pwned=1">'
TRICKY = 'Cuts, they said, are "savage";\nfamilies café will suffer'

JANE = node_id("person", "Jane Smith")
TOM = node_id("person", "Tom Jones")
BARNARDOS = node_id("org", "Barnardo's")
SHELTER = node_id("org", "Shelter")
A1, A2, A3 = article_node("a1"), article_node("a2"), article_node("a3")


def records() -> list[ArticleRecord]:
    t1 = Article(
        "Jane Smith, director of policy at Barnardo's, said: “We must act now on child poverty.”",
        f"Smith warned that “{TRICKY}”.",
        "“Nobody is listening,” one worker said.",
        "Barnardo's promised that it would open ten new centres.",
    )
    jane1 = person("p1", "Jane Smith", t1.mention("Jane Smith", 0), t1.mention("Smith", 1),
                   aliases={"Smith": "surname of Jane Smith"},
                   roles=[t1.role("director of policy", 0, organisation="Barnardo's")])
    barnardos = organisation("o1", "Barnardo's", t1.mention("Barnardo's", 0), t1.mention("Barnardo's", 3))
    a1 = record(
        "a1", title="Child poverty rises", date="2010-02-25", url="https://example.org/a1",
        publication="Community Care", people=[jane1], organisations=[barnardos],
        quotes=[
            t1.quote("q1", "We must act now on child poverty.", 0, speaker="Jane Smith", speaker_id="p1",
                     cue="said", cue_class="neutral", type="direct"),
            t1.quote("q2", TRICKY, 1, speaker="Jane Smith", speaker_id="p1", cue="warned",
                     cue_class="critical", type="direct"),
            t1.quote("q3", "Nobody is listening", 2, speaker=None, cue="said", type="direct"),
            t1.quote("q4", "it would open ten new centres", 3, speaker="Barnardo's", speaker_id="o1",
                     cue="promised", cue_class="commitment", type="indirect"),
        ],
    )

    t2 = Article(
        "Tom Jones, chief executive of Shelter, welcomed the plan as “a good start”.",
        "Jane Smith said the plan “will not work”.",
    )
    tom = person("p1", "Tom Jones", t2.mention("Tom Jones", 0),
                 roles=[t2.role("chief executive", 0, organisation="Shelter")])
    jane2 = person("p2", "Jane Smith", t2.mention("Jane Smith", 1))
    a2 = record(
        "a2", title="Housing plan welcomed", date="2011-06-01", publication="The Guardian",
        people=[tom, jane2],
        quotes=[
            t2.quote("q1", "a good start", 0, speaker="Tom Jones", speaker_id="p1", cue="welcomed",
                     cue_class="supportive", type="mixed"),
            t2.quote("q2", "will not work", 1, speaker="Jane Smith", speaker_id="p2", cue="said",
                     cue_class="neutral", type="mixed"),
        ],
    )

    t3 = Article(f"Tom Jones said: “{ATTACK}”.")
    tom3 = person("p1", "Tom Jones", t3.mention("Tom Jones", 0))
    a3 = record(
        "a3", title=f"Hostile {ATTACK} title", people=[tom3],
        quotes=[t3.quote("q1", ATTACK, 0, speaker="Tom Jones", speaker_id="p1", cue="said",
                         cue_class="neutral", type="direct")],
    )
    return [a1, a2, a3]


def graph() -> nx.MultiDiGraph:
    """The claims graph of :func:`records`."""
    return build_graph(records())


QUOTES = {
    "jane_now": quote_node("a1", "q1"),
    "jane_tricky": quote_node("a1", "q2"),
    "nobody": quote_node("a1", "q3"),
    "barnardos": quote_node("a1", "q4"),
    "tom_start": quote_node("a2", "q1"),
    "jane_fail": quote_node("a2", "q2"),
    "attack": quote_node("a3", "q1"),
}
