"""Statements CSV: one row per quote and concept (DNA's long format), readable by csv.DictReader, text intact."""

import csv

import page_graph
import sample_graph
from factories import role
from kg.build import build_graph
from kg.readwrite import read_graphml, write_graphml, write_statements
from kg.readwrite.statements import STATEMENT_FIELDS, write_statement_rows
from kg.store import ClaimsStore
from kg.store.statements import statement_rows
from page_graph import Q
from sample_graph import ATTACK, JANE, QUOTES, TRICKY


def read_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == STATEMENT_FIELDS
        return list(reader)


def test_one_row_per_quote_in_article_order(tmp_path):
    G = sample_graph.graph()
    path = tmp_path / "statements.csv"
    write_statements(G, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, for Excel
    rows = read_rows(path)
    quotes = [n for n, d in G.nodes(data=True) if d["type"] == "quote"]
    assert sorted(r["quote_id"] for r in rows) == sorted(quotes)
    assert [r["quote_id"] for r in rows] == [
        QUOTES[k] for k in ("jane_now", "jane_tricky", "nobody", "barnardos", "tom_start", "jane_fail", "attack")]


def test_row_contents(tmp_path):
    path = tmp_path / "statements.csv"
    write_statements(sample_graph.graph(), path)
    rows = {r["quote_id"]: r for r in read_rows(path)}
    tricky = rows[QUOTES["jane_tricky"]]
    assert tricky["content"] == TRICKY  # commas, double quotes, a newline, non-ASCII
    assert tricky == {
        "quote_id": QUOTES["jane_tricky"], "speaker": "Jane Smith", "speaker_id": JANE, "speaker_type": "person",
        "speaker_organisation": "Barnardo's", "speaker_role": "director of policy", "concept": "", "agreement": "",
        "confidence": "", "cue": "warned",
        "cue_class": "critical", "type": "direct", "content": TRICKY, "article_id": "a1",
        "title": "Child poverty rises", "date": "2010-02-25", "start": tricky["start"], "end": tricky["end"],
        "sentence": f"Smith warned that “{TRICKY}”.",
    }
    assert int(tricky["end"]) - int(tricky["start"]) == len(TRICKY)
    nobody = rows[QUOTES["nobody"]]
    assert (nobody["speaker"], nobody["speaker_id"], nobody["speaker_type"], nobody["speaker_organisation"]) == \
        ("", "", "", "")
    org = rows[QUOTES["barnardos"]]
    assert (org["speaker_type"], org["speaker_organisation"], org["speaker_role"]) == \
        ("organisation", "Barnardo's", "")
    tom = rows[QUOTES["tom_start"]]
    assert (tom["speaker_organisation"], tom["speaker_role"], tom["type"]) == ("Shelter", "chief executive", "mixed")
    attack = rows[QUOTES["attack"]]
    assert attack["content"] == ATTACK and attack["date"] == "" and attack["title"].startswith("Hostile <script>")


def test_roles_stated_in_the_quotes_article_come_first(tmp_path):
    records = sample_graph.records()
    a2 = records[1]  # here Jane Smith is also described as a former trustee of Shelter
    tom, jane = a2.people
    trustee = role("trustee", jane.mentions[0], organisation="Shelter", former=True)
    records[1] = a2.model_copy(update={"people": [tom, jane.model_copy(update={"roles": [trustee]})]})
    G = build_graph(records)
    path = tmp_path / "statements.csv"
    write_statements(G, path)
    rows = {r["quote_id"]: r for r in read_rows(path)}
    assert (rows[QUOTES["jane_fail"]]["speaker_organisation"], rows[QUOTES["jane_fail"]]["speaker_role"]) == \
        ("Shelter", "former trustee")
    assert rows[QUOTES["jane_now"]]["speaker_organisation"] == "Barnardo's"


def test_graph_read_back_from_graphml(tmp_path):
    write_graphml(sample_graph.graph(), tmp_path / "g.graphml")
    write_statements(read_graphml(tmp_path / "g.graphml"), tmp_path / "statements.csv")
    rows = {r["quote_id"]: r for r in read_rows(tmp_path / "statements.csv")}
    assert rows[QUOTES["jane_tricky"]]["content"] == TRICKY
    assert rows[QUOTES["jane_tricky"]]["speaker_role"] == "director of policy"
    assert len(rows) == 7


def test_one_row_per_claim_and_concept_with_the_stance(tmp_path):
    path = tmp_path / "statements.csv"
    write_statements(page_graph.graph(), path)
    rows = read_rows(path)
    stances = [(r["quote_id"], r["speaker_id"], r["concept"], r["agreement"], r["confidence"]) for r in rows]
    assert stances == [
        (Q["jane"], page_graph.JANE, "child poverty", "agree", "0.9"),
        (Q["barnardos"], page_graph.BARNARDOS, "housing", "disagree", "0.8"),
        (Q["nobody"], "", "", "", ""),  # a claim about no concept: one row, concept columns empty
        (Q["tom"], page_graph.TOM, "child poverty", "agree", "0.8"),  # two concepts: two rows, in order
        (Q["tom"], page_graph.TOM, "housing", "agree", "0.8"),
        (Q["ann"], page_graph.ANN, "child poverty", "disagree", "0.6"),
        (Q["attack"], page_graph.ANN, "housing", "neutral", "0.5"),
    ]
    tom = [r for r in rows if r["quote_id"] == Q["tom"]]
    assert tom[0] | {"concept": "", "agreement": "", "confidence": ""} == \
        tom[1] | {"concept": "", "agreement": "", "confidence": ""}  # the claim's columns repeated


def test_the_store_writes_the_same_file_as_the_graph(tmp_path):
    """A concept named twice in one claim: one row, where it first stands, with its last stance."""
    records = page_graph.records()
    tom, ann = records[1].quotes
    twice = [*tom.concepts, tom.concepts[0].model_copy(update={"agreement": "disagree", "confidence": 0.7})]
    records[1] = records[1].model_copy(update={"quotes": [tom.model_copy(update={"concepts": twice}), ann]})
    write_statements(build_graph(records), tmp_path / "graph.csv")
    with ClaimsStore.memory() as store:
        store.add(records)
        store.resolve()
        write_statement_rows(statement_rows(store.db), tmp_path / "store.csv")
    assert (tmp_path / "store.csv").read_bytes() == (tmp_path / "graph.csv").read_bytes()
    rows = [r for r in read_rows(tmp_path / "store.csv") if r["quote_id"] == Q["tom"]]
    assert [(r["concept"], r["agreement"], r["confidence"]) for r in rows] == [
        ("child poverty", "disagree", "0.7"), ("housing", "agree", "0.8")]


def test_rows_are_written_as_the_csv_module_writes_them(tmp_path):
    """Each row's line is csv.writer's, cells that look like formulas made inert, also where the
    rows of one claim share their cells and where two claims follow each other."""
    claim = dict.fromkeys(STATEMENT_FIELDS, "") | {
        "quote_id": "q1", "speaker": "=HYPERLINK(\"x\")", "content": 'He said, "no"\nthen left', "start": "0"}
    rows = [claim | {"concept": "-tax", "agreement": "agree", "confidence": "0.5"},
            claim | {"concept": "housing, rent", "agreement": "disagree", "confidence": "0.25"},
            claim | {"quote_id": "q2", "sentence": "@all", "concept": "", "agreement": "", "confidence": ""}]
    write_statement_rows(rows, tmp_path / "rows.csv")
    with open(tmp_path / "expected.csv", "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        for row in [STATEMENT_FIELDS, *([row[name] for name in STATEMENT_FIELDS] for row in rows)]:
            writer.writerow(["'" + cell if cell[:1] in "=+-@" and cell else cell for cell in row])
    assert (tmp_path / "rows.csv").read_bytes() == (tmp_path / "expected.csv").read_bytes()
    write_statement_rows(rows, tmp_path / "formulas.csv", formulas=True)
    assert read_rows(tmp_path / "formulas.csv")[0]["speaker"] == "=HYPERLINK(\"x\")"
