"""kg.names and kg.actors: one actor per real-world person or organisation, on records written here."""

from __future__ import annotations

import os
import subprocess
import sys

from extractors.records import ArticleRecord, Mention, Organisation, Person, Quote
from kg.actors import resolve_actors
from kg.build import build_graph
from kg.names import parse_name, same_person


def _m(text: str) -> Mention:
    return Mention(text=text, start=0, end=len(text), sentence=text)


def article(aid: str, *people: str, orgs: tuple[str, ...] = (), aliases: dict[str, dict[str, str]] | None = None,
            mentions: dict[str, int] | None = None) -> ArticleRecord:
    """An article naming `people` (p1, p2, ...) and `orgs` (o1, ...), each quoted once."""
    aliases, mentions = aliases or {}, mentions or {}
    ps = [Person(id=f"p{i}", name=n, aliases=aliases.get(n, {}), mentions=[_m(n)] * mentions.get(n, 1))
          for i, n in enumerate(people, 1)]
    os_ = [Organisation(id=f"o{i}", name=n, aliases=aliases.get(n, {}), mentions=[_m(n)])
           for i, n in enumerate(orgs, 1)]
    quotes = [Quote(id=f"q{i}", speaker=e.name, speaker_id=e.id, type="direct", content="x", start=0, end=1,
                    sentence="x") for i, e in enumerate([*ps, *os_], 1)]
    return ArticleRecord(id=aid, model="test", people=ps, organisations=os_, quotes=quotes)


def actor_names(records) -> dict[str, list[str]]:
    index = resolve_actors(records)
    return {a.name: sorted({a.name, *a.variants}) for a in index.actors.values()}


def test_names_are_parsed_without_honorifics_and_suffixes():
    parts = parse_name("Sen. Joseph R. Biden Jr.")
    assert (parts.first, parts.middles, parts.last, parts.suffix) == ("joseph", ("r",), "biden", "jr")
    assert parse_name("Dame Rachel de Souza").last == "de souza"
    assert parse_name("Obama").single


def test_middle_initials_suffixes_and_nicknames_are_one_person():
    assert same_person(parse_name("Donald J. Trump"), parse_name("Donald Trump"))
    assert "short form" in same_person(parse_name("Joe Biden"), parse_name("Joseph R. Biden Jr."))
    assert same_person(parse_name("Richard M. Nixon"), parse_name("Richard Nixon"))
    assert same_person(parse_name("Hillary Clinton"), parse_name("Bill Clinton")) is None
    assert same_person(parse_name("George W. Bush"), parse_name("George H.W. Bush")) is None


def test_name_variants_across_articles_are_one_actor():
    records = [article("a1", "Joseph R. Biden Jr."), article("a2", "Joe Biden"), article("a3", "Joe Biden"),
               article("a4", "Sen. Ted Cruz"), article("a5", "Ted Cruz")]
    names = actor_names(records)
    assert names["Joe Biden"] == ["Joe Biden", "Joseph R. Biden Jr."]
    assert names["Ted Cruz"] == ["Sen. Ted Cruz", "Ted Cruz"]
    index = resolve_actors(records)
    (biden,) = index.find("joseph r. biden jr")
    assert any("short form of Joseph" in r for r in biden.reasons)
    assert biden.articles == ["a1", "a2", "a3"]


def test_a_name_that_fits_two_people_joins_neither():
    names = actor_names([article("a1", "George W. Bush"), article("a2", "George H.W. Bush"),
                         article("a3", "George Bush")])
    assert set(names) == {"George W. Bush", "George H.W. Bush", "George Bush"}


def test_two_people_sharing_a_surname_stay_two():
    names = actor_names([article("a1", "Hillary Clinton", "Bill Clinton"), article("a2", "Bill Clinton")])
    assert set(names) == {"Hillary Clinton", "Bill Clinton"}


def test_surname_joins_the_full_name_in_its_article():
    index = resolve_actors([article("a1", "Ed Miliband", "Miliband", "David Cameron")])
    assert len(index.actors) == 2
    (ed,) = index.find("Ed Miliband")
    assert any("surname of Ed Miliband, named in the same article" in r for r in ed.reasons)


def test_lone_surname_joins_the_dominant_full_name_of_the_corpus():
    records = [article(f"a{i}", "Hillary Clinton") for i in range(5)]
    records += [article("b1", "Chelsea Clinton"), article("c1", "Clinton")]
    index = resolve_actors(records)
    (hillary,) = index.find("Hillary Clinton")
    assert "c1" in hillary.articles
    assert any("named in 5 of the 6 articles" in r for r in hillary.reasons)


def test_lone_surname_stays_alone_when_no_full_name_dominates():
    records = [article("a1", "Bill Clinton"), article("a2", "Bill Clinton"), article("a3", "Hillary Clinton"),
               article("a4", "Hillary Clinton"), article("c1", "Clinton")]
    assert "Clinton" in actor_names(records)


def test_ambiguous_surname_goes_to_the_one_named_most_in_article_and_corpus():
    records = [article(f"a{i}", "Hillary Clinton") for i in range(4)]
    records.append(article("c1", "Hillary Clinton", "Bill Clinton", "Clinton",
                           mentions={"Hillary Clinton": 3, "Bill Clinton": 1}))
    index = resolve_actors(records)
    assert index.actor_of("c1", "p3").name == "Hillary Clinton"


def test_organisation_tagged_surname_joins_the_person_named_in_the_article():
    index = resolve_actors([article("a1", "Loretta Lynch", orgs=("Lynch",))])
    assert index.actor_of("a1", "o1") is index.actor_of("a1", "p1")
    assert index.actor_of("a1", "o1").kind == "person"


def test_full_name_tagged_organisation_in_one_article_is_the_person():
    records = [article("a1", "Keith Lamont Scott"), article("a2", "Keith Lamont Scott"),
               article("a3", orgs=("Keith Lamont Scott",))]
    (actor,) = resolve_actors(records).actors.values()
    assert actor.kind == "person" and actor.kinds == {"person": 2, "organisation": 1}


def test_organisation_named_by_its_acronym_elsewhere():
    records = [article("a1", orgs=("National Council for Voluntary Organisations",),
                       aliases={"National Council for Voluntary Organisations": {
                           "NCVO": "acronym of National Council for Voluntary Organisations"}}),
               article("a2", orgs=("NCVO",)), article("a3", orgs=("The Barnardo's",)), article("a4", orgs=("Barnardo",))]
    names = actor_names(records)
    assert names["National Council for Voluntary Organisations"] == [
        "NCVO", "National Council for Voluntary Organisations"]
    assert len(names) == 2


def test_graph_has_one_node_per_actor_with_reasons():
    G = build_graph([article("a1", "Donald J. Trump"), article("a2", "Donald Trump"), article("a3", "Donald Trump")])
    people = [d for _, d in G.nodes(data=True) if d["type"] == "person"]
    (trump,) = people
    assert trump["name"] == "Donald Trump" and trump["aliases"] == ["Donald J. Trump"]
    assert trump["n_quotes"] == 3 and trump["articles"] == ["a1", "a2", "a3"]
    assert any("middle name J only in one form" in r for r in trump["merge_reasons"])


def test_a_full_name_with_words_glued_on_is_that_person():
    records = [article(f"a{i}", "Donald Trump") for i in range(3)]
    records += [article("b1", "Billionaire Donald Trump"), article("b2", "Donald Trump Featured"),
                article("b3", "Donald Trump Jr.", "Donald Trump"), article("b4", "Eric Trump")]
    names = actor_names(records)
    assert names["Donald Trump"] == ["Billionaire Donald Trump", "Donald Trump", "Donald Trump Featured"]
    assert {"Donald Trump Jr.", "Eric Trump"} <= set(names)


def test_common_words_before_a_dominant_surname_are_not_a_first_name():
    records = [article(f"a{i}", "Bernie Sanders") for i in range(12)]
    records += [article("b1", "Young Sanders"), article("b2", "Felicia Sanders"), article("b3", "Bill Sanders")]
    records += [ArticleRecord(id="c1", model="test", quotes=[Quote(
        id="q1", speaker=None, type="direct", content="x", start=0, end=1,
        sentence="A young man said the bill was passed.")])]
    names = actor_names(records)
    assert names["Bernie Sanders"] == ["Bernie Sanders", "Young Sanders"]
    assert {"Felicia Sanders", "Bill Sanders"} <= set(names)  # "bill" is a first name too


def test_a_word_mostly_capitalised_inside_sentences_stays_a_first_name():
    records = [article(f"a{i}", "Carly Fiorina") for i in range(12)]
    records += [article("b1", "Grant Fiorina"), article("b2", "Grant Fiorina")]
    sentences = ["They will grant it.", "He met Ulysses Grant and Hugh Grant.", "Ask Grant Fiorina."]
    records += [ArticleRecord(id=f"c{n}", model="test", quotes=[Quote(
        id="q1", speaker=None, type="direct", content="x", start=0, end=1, sentence=s)]) for n, s in enumerate(sentences)]
    assert "Grant Fiorina" in actor_names(records)


def test_merge_reasons_are_the_same_whatever_the_hash_seed(tmp_path):
    """Each reason compares the two names it shows, not whichever forms a set gives first:
    builds in two processes are byte-identical."""
    records = tmp_path / "records.jsonl"
    names = ["Joseph R. Biden Jr.", "Joseph R. Biden", "Joe Biden", "Joseph Biden Jr.", "Joe R. Biden"]
    records.write_text("".join(article(f"a{i}", name).model_dump_json() + "\n" for i, name in enumerate(names, 1)))
    listings = {subprocess.run([sys.executable, "-m", "kg", "actors", str(records), "--json"], capture_output=True,
                               text=True, check=True, env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
                for seed in range(6)}
    assert len(listings) == 1
    assert "'Joe Biden' is Joseph R. Biden Jr. (Joe is a short form of Joseph; middle name R only in one form; " \
           "suffix Jr only in one form)" in listings.pop()
