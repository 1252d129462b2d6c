"""kg.readwrite.records: records.jsonl and failures.jsonl, read back, atomic writes."""

from __future__ import annotations

import json

import pytest

from extractors.records import ArticleRecord, Failure
from factories import Article, organisation, person, record
from kg.readwrite import read_records, write_failures, write_records
from kg.run.outputs import add_record_files
from kg.store import ClaimsStore

# Line separators that JSON may carry unescaped (U+2028, U+0085) must not split a record.
SENTENCE = "“We must act now,” said Jane Smith, director of Barnardo’s.\u2028Next.\r\n\x85End."


def sample_records() -> list[ArticleRecord]:
    text = Article(SENTENCE)
    jane = person("p1", "Jane Smith", text.mention("Jane Smith"), honorific="Dr",
                  aliases={"Smith": "surname of Jane Smith"},
                  roles=[text.role("director", organisation="Barnardo’s", former=True)])
    barnardos = organisation("o1", "Barnardo’s", text.mention("Barnardo’s"))
    quote = text.quote("q1", "We must act now,", speaker="Jane Smith", speaker_id="p1",
                       speaker_mention=text.mention("Jane Smith"), cue="said", cue_class="neutral",
                       cue_mention=text.mention("said"))
    unattributed = text.quote("q2", "Next.", type="block")
    return [
        record("a1", title="Café society", date="2010-02-25", url="https://example.org/a1",
               publication="Community Care", source="in/a1.txt", model="en_test-1.0",
               people=[jane], organisations=[barnardos], quotes=[quote, unattributed]),
        record("a2", model="en_test-1.0"),  # nothing extracted
    ]


def test_round_trip_equals_input(tmp_path):
    path = tmp_path / "records.jsonl"
    records = sample_records()
    assert write_records(iter(records), path) == len(records)
    assert list(read_records(path)) == records
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines.pop() == ""
    assert len(lines) == len(records)
    assert [json.loads(line)["id"] for line in lines] == ["a1", "a2"]


def test_round_trip_of_nothing_is_an_empty_file(tmp_path):
    path = tmp_path / "records.jsonl"
    assert write_records([], path) == 0
    assert path.exists() and path.read_bytes() == b""
    assert list(read_records(path)) == []


def test_read_skips_blank_lines(tmp_path):
    path = tmp_path / "records.jsonl"
    write_records(sample_records(), path)
    first, second = path.read_bytes().decode("utf-8").rstrip("\n").split("\n")
    path.write_bytes(f"\n{first}\n   \n{second}\n\n".encode("utf-8"))
    assert [r.id for r in read_records(path)] == ["a1", "a2"]
    with ClaimsStore.memory() as store:  # kg graph's loader too
        assert add_record_files(store, [path]) == 2
        assert store.count("articles") == 2


@pytest.mark.parametrize("bad", [
    '{"id": "a3", "model": ',  # truncated JSON
    '{"id": "a3"}',  # valid JSON, missing the required "model"
    '{"id": "a3", "model": "m", "quotes": [{"id": "q1"}]}',  # invalid nested quote
    '{"id": "a3", "model": "m", "unexpected": 1}',  # extra fields are forbidden
])
def test_broken_line_names_file_and_line(tmp_path, bad):
    path = tmp_path / "records.jsonl"
    write_records(sample_records(), path)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(bad + "\n")
    with pytest.raises(ValueError) as info:
        list(read_records(path))
    message = str(info.value)
    assert str(path) in message
    assert f"{path}:3" in message  # records on lines 1-2, the broken one on line 3


def test_write_failures(tmp_path):
    path = tmp_path / "failures.jsonl"
    failures = [Failure(source="in/empty.txt", reason="empty file"),
                Failure(source="in/b.jsonl:4", reason="malformed JSON: Expecting value at column 1")]
    write_failures(iter(failures), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [
        {"source": "in/empty.txt", "reason": "empty file"},
        {"source": "in/b.jsonl:4", "reason": "malformed JSON: Expecting value at column 1"},
    ]
    assert [Failure.model_validate_json(line) for line in lines] == failures
    assert failures[1].message == "in/b.jsonl:4: malformed JSON: Expecting value at column 1"


def test_write_no_failures_leaves_an_empty_file(tmp_path):
    path = tmp_path / "failures.jsonl"
    path.write_text("stale\n", encoding="utf-8")
    write_failures([], path)
    assert path.read_bytes() == b""


class Boom(RuntimeError):
    pass


def test_interrupted_write_leaves_previous_file_and_no_temp_file(tmp_path):
    path = tmp_path / "records.jsonl"
    old = sample_records()[1:]
    write_records(old, path)
    before = path.read_bytes()

    def interrupted():
        yield sample_records()[0]
        raise Boom("extraction failed midway")

    with pytest.raises(Boom):
        write_records(interrupted(), path)
    assert path.read_bytes() == before
    assert list(read_records(path)) == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.jsonl"]


def test_interrupted_first_write_creates_no_file(tmp_path):
    path = tmp_path / "out" / "records.jsonl"

    def interrupted():
        raise Boom("no model")
        yield  # pragma: no cover

    with pytest.raises(Boom):
        write_records(interrupted(), path)
    assert not path.exists()
    assert list(path.parent.iterdir()) == []
