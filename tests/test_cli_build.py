"""kg build on the seed articles, end to end: every output written, readable and consistent.

Extraction is the costly part, so every test here reads the outputs of one build of the seeds.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import networkx as nx
import pytest

from cli_helpers import invoke, raw_records, summary_line
from kg.readwrite import read_json, read_records

# The build runs with the session pipeline (conftest `nlp`) instead of loading its own.
pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("nlp")]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))
QUOTE_TYPES = {"direct", "indirect", "mixed", "block"}


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "out"  # does not exist yet: build creates it
    result = invoke("build", SEEDS, "--out", out)
    return result, out


def test_build_seeds_succeeds_and_writes_every_output(seed_build):
    result, out = seed_build
    assert result.exit_code == 0, result.output
    assert (out / "failures.jsonl").read_bytes() == b""
    assert sorted(p.name for p in out.iterdir()) == [  # every output and the marker, no temp files left
        ".kg-output", "claims.sqlite", "failures.jsonl", "graph.gexf", "graph.graphml", "graph.html", "graph.json", "records.jsonl",
        "statements.csv"]


def test_build_outputs_read_back(seed_build):
    _, out = seed_build
    graphml = nx.read_graphml(out / "graph.graphml")
    gexf = nx.read_gexf(out / "graph.gexf")
    linked = read_json(out / "graph.json")
    assert graphml.number_of_nodes() == gexf.number_of_nodes() == linked.number_of_nodes()
    with open(out / "statements.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    quotes = [n for n, d in linked.nodes(data=True) if d["type"] == "quote"]
    assert {r["quote_id"] for r in rows} == set(quotes)  # one row per claim and concept: every claim
    about = [(u, v) for u, v, d in linked.edges(data=True) if d["type"] == "about"]
    assert len(rows) == len(about) + len({q for q in quotes} - {u for u, _ in about})
    assert {"speaker", "concept", "agreement", "confidence", "content", "cue_class"} <= set(rows[0])


def test_build_summary(seed_build):
    result, out = seed_build
    assert summary_line(result, "build") == "kg build: 5 articles, 0 failed"
    assert str(out / "graph.html") in result.stdout
    assert str(out / "records.jsonl") in result.stdout
    assert "Failures" not in result.output
    # The counts in the one-line summary are those of the records written.
    records = list(read_records(out / "records.jsonl"))
    (line,) = [l for l in result.stdout.splitlines() if l.startswith("kg build:")]
    assert re.match(r"kg build: 5 articles in [\d.]+ s \([\d.]+/s\), 0 failed; \d+ quotes", line), line
    counts = {kind: n for n, kind in re.findall(r"(\d+) (people|organisations|quotes)\b", line)}
    assert int(counts["people"]) == sum(len(r.people) for r in records)
    assert int(counts["organisations"]) == sum(len(r.organisations) for r in records)
    assert int(counts["quotes"]) == sum(len(r.quotes) for r in records)


def test_build_records_have_the_fields_the_scorer_reads(seed_build):
    _, out = seed_build
    records = raw_records(out / "records.jsonl")
    assert len(records) == 5
    assert sorted(r["id"] for r in records) == SEED_IDS
    for record in records:
        assert isinstance(record["people"], list)
        for person in record["people"]:
            assert isinstance(person["name"], str) and person["name"].strip()
            for role in person["roles"]:
                assert isinstance(role["title"], str) and role["title"].strip()
                assert "organisation" in role
                assert role["organisation"] is None or isinstance(role["organisation"], str)
        for org in record["organisations"]:
            assert isinstance(org["name"], str) and org["name"].strip()
        for quote in record["quotes"]:
            assert "speaker" in quote and "cue" in quote
            assert quote["speaker"] is None or isinstance(quote["speaker"], str)
            assert quote["cue"] is None or isinstance(quote["cue"], str)
            assert isinstance(quote["content"], str) and quote["content"].strip()
            assert quote["type"] in QUOTE_TYPES
    # The seeds are news articles with people, organisations and quotes in them.
    assert sum(len(r["people"]) for r in records) > 0
    assert sum(len(r["organisations"]) for r in records) > 0
    assert sum(len(r["quotes"]) for r in records) > 0


def test_build_records_point_into_the_seed_texts(seed_build):
    _, out = seed_build
    for record in read_records(out / "records.jsonl"):
        text = (SEEDS / f"{record.id}.txt").read_text(encoding="utf-8")
        for quote in record.quotes:
            assert quote.sentence in text
            assert 0 <= quote.start < quote.end <= len(text)
        for person in record.people:
            for m in person.mentions:
                assert text[m.start:m.end] == m.text


def test_build_graphml_reads_back_with_networkx(seed_build):
    _, out = seed_build
    G = nx.read_graphml(out / "graph.graphml")
    types = {d.get("type") for _, d in G.nodes(data=True)}
    assert {"person", "organisation", "article", "quote"} <= types
    articles = sorted(d["article_id"] for _, d in G.nodes(data=True) if d.get("type") == "article")
    assert articles == SEED_IDS
    records = list(read_records(out / "records.jsonl"))
    n_quotes = sum(1 for _, d in G.nodes(data=True) if d.get("type") == "quote")
    assert n_quotes == sum(len(r.quotes) for r in records)
    edge_types = {d.get("type") for _, _, d in G.edges(data=True)}
    assert {"said", "quoted_in", "mentioned_in"} <= edge_types


def test_build_html_is_offline(seed_build):
    _, out = seed_build
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<html" in page.lower()
    external = re.findall(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]*""", page, re.I)
    assert external == []
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, re.I)
