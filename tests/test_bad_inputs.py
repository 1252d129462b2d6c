"""One bad input never sinks a batch: each kind is a failure naming the file and why, or is read
with a note, and the good articles beside it are read all the same."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.records import ArticleText, Failure
from kg.run.inputs import read_articles

GOOD = {"id": "good", "text": "Jane Smith said the budget was balanced."}


def _jsonl(path: Path, *lines: object) -> Path:
    path.write_bytes(b"\n".join(line if isinstance(line, bytes) else json.dumps(line).encode() for line in lines)
                     + b"\n")
    return path


def _read(*inputs: object, **options) -> tuple[list[ArticleText], list[Failure]]:
    results = list(read_articles([Path(str(i)) if not isinstance(i, Path) else i for i in inputs], **options))
    return ([r for r in results if isinstance(r, ArticleText)], [r for r in results if isinstance(r, Failure)])


@pytest.mark.parametrize("field", ["text", "title"])
def test_a_lone_surrogate_is_replaced_with_a_note(tmp_path, field):
    fields = {"id": "s", "text": "Jane Smith said no.", "title": "Title"}
    fields[field] = "Caf\\ud800 said no."  # the JSON escape of a lone surrogate
    line = json.dumps(fields).replace("\\\\ud800", "\\ud800").encode()
    path = _jsonl(tmp_path / "s.jsonl", line, GOOD)
    (article, good), failures = _read(path)
    assert not failures and good.id == "good"
    assert getattr(article, field) == "Caf\ufffd said no."  # one for one: offsets are kept
    assert article.notes == [f"lone surrogates (not valid Unicode) replaced by U+FFFD in {field}"]
    article.model_dump_json()  # writes as UTF-8


def test_a_huge_number_is_text_like_any_other(tmp_path):
    path = _jsonl(tmp_path / "n.jsonl", b'{"id": ' + b"7" * 5000 + b', "text": "x", "extra": ' + b"1" * 9000 + b"}",
                  GOOD)
    articles, failures = _read(path)
    assert not failures and [a.id for a in articles] == ["7" * 5000, "good"]


def test_a_deeply_nested_line_fails_alone(tmp_path):
    path = _jsonl(tmp_path / "deep.jsonl", b'{"id": "d", "text": "x", "more": ' + b"[" * 200_000 + b"]" * 200_000 + b"}",
                  GOOD)
    articles, failures = _read(path)
    assert [a.id for a in articles] == ["good"]
    assert failures == [Failure(source=f"{path}:1", reason="malformed JSON: nested too deeply")]


def test_a_file_name_that_is_not_utf8_is_read_with_a_note(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_text("Jane Smith said yes.")
    (article,), failures = _read(folder)
    assert not failures
    assert article.id == "caf\\xe9" and article.source == f"{folder}/caf\\xe9.txt"
    assert article.notes == [f"the file name is not valid UTF-8; read as {folder}/caf\\xe9.txt"]
    article.model_dump_json()


def test_symbolic_link_loops_are_failures(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (folder / "sub").symlink_to(folder)  # a folder link is not followed
    (folder / "good.txt").write_text("Jane Smith said yes.")
    articles, failures = _read(folder, folder / "a.txt")
    assert [a.id for a in articles] == ["good"]
    assert [(Path(f.source).name, f.reason) for f in failures] == [
        ("a.txt", "symbolic link loop"), ("b.txt", "symbolic link loop"), ("a.txt", "symbolic link loop")]


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "good.txt").write_text("Jane Smith said yes.")
    done: list = []
    reader = threading.Thread(target=lambda: done.append(_read(tmp_path)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock the reader so the test process can end
        os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        pytest.fail("reading a FIFO blocked")
    ((article,), failures) = done[0]
    assert article.id == "good"
    assert [(f.source, f.reason) for f in failures] == [(str(fifo), "not a regular file (a FIFO)")]


def test_devices_and_sparse_giants_are_refused_before_reading(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    with open(tmp_path / "sparse.txt", "wb") as fh:
        fh.truncate(1 << 40)  # a terabyte that takes no room
    with open(tmp_path / "page.html", "wb") as fh:
        fh.write(b"<!DOCTYPE html><html><body>")
        fh.truncate(47_000_000)
    (tmp_path / "good.txt").write_text("Jane Smith said yes.")
    articles, failures = _read(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert {Path(f.source).name: f.reason for f in failures} == {
        "page.html": "too large: 47,000,000 bytes, the limit is 10,000,000 (raise it with --max-bytes)",
        "sparse.txt": "too large: 1,099,511,627,776 bytes, the limit is 10,000,000 (raise it with --max-bytes)",
        "zero.txt": "not a regular file (a character device)"}


def test_a_jsonl_file_is_streamed_whatever_its_size(tmp_path):
    lines = [{"id": f"a{n}", "text": f"Minister {n} said yes. " * 20} for n in range(2000)]
    path = _jsonl(tmp_path / "big.jsonl", *lines)
    assert path.stat().st_size > 100 * 1000
    articles, failures = _read(path, max_bytes=1000)  # a limit on each line, not on the file
    assert not failures and len(articles) == 2000


def test_a_jsonl_line_over_the_limit_is_skipped_without_being_kept(tmp_path):
    path = _jsonl(tmp_path / "big.jsonl", GOOD | {"id": "a"}, {"id": "big", "text": "x" * 5000}, GOOD)
    articles, failures = _read(path, max_bytes=1000)
    assert [a.id for a in articles] == ["a", "good"]
    assert failures == [Failure(source=f"{path}:2", reason="line too large: more bytes, the limit is 1,000 "
                                                            "(raise it with --max-bytes)")]


@pytest.mark.parametrize("bad_id", ["a\x07b", "a\x1b[2Jb", "a\x00b", "a\x85b"])
def test_ids_with_control_characters_are_refused(tmp_path, bad_id):
    path = _jsonl(tmp_path / "ids.jsonl", {"id": bad_id, "text": "x"}, {"id": bad_id.replace(bad_id[1], ""),
                                                                        "text": "y"})
    articles, (failure,) = _read(path)
    assert [a.id for a in articles] == ["ab" if "[" not in bad_id else "a[2Jb"]
    assert failure.source == f"{path}:1" and failure.reason.startswith(f"invalid id {bad_id!r}: it contains U+")
    assert "a control character" in failure.reason


def test_an_empty_folder_is_a_failure(tmp_path):
    (tmp_path / "empty").mkdir()
    _, (failure,) = _read(tmp_path / "empty")
    assert failure.reason == "no .txt, .jsonl or .html files in this folder"


def test_a_kg_output_folder_is_never_read_from_a_folder_and_refused_by_name(tmp_path):
    (tmp_path / "good.txt").write_text("Jane Smith said yes.")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".kg-output").write_text("marker")
    (out / "records.jsonl").write_text('{"id": "r", "text": "a record, not an article"}\n')
    other = tmp_path / "not-marked-yet"
    other.mkdir()
    (other / "x.txt").write_text("excluded by path")
    articles, failures = _read(tmp_path, exclude=[other])
    assert [a.id for a in articles] == ["good"] and not failures
    _, (failure,) = _read(out)
    assert failure.reason.startswith("a kg output folder, not read as input")


def test_an_exception_anywhere_in_reading_is_a_failure_of_that_file(tmp_path, monkeypatch):
    import kg.run.inputs as inputs

    (tmp_path / "a.txt").write_text("Boom.")
    (tmp_path / "b.txt").write_text("Jane Smith said yes.")
    real = inputs.decode_text

    def decode(data: bytes):
        if data == b"Boom.":
            raise MemoryError("out of memory")
        return real(data)

    monkeypatch.setattr(inputs, "decode_text", decode)
    articles, failures = _read(tmp_path)
    assert [a.id for a in articles] == ["b"]
    assert [f.reason for f in failures] == ["could not be read (MemoryError: out of memory)"]


# --- fuzzing: whatever the bytes, the JSONL reader yields articles and failures, never raises -----

_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8)
_OBJECTS = st.fixed_dictionaries({}, optional={"id": _VALUES, "text": _VALUES, "title": _VALUES, "date": _VALUES})
_LINES = st.one_of(
    _OBJECTS.map(lambda o: json.dumps(o).encode()),
    _OBJECTS.map(lambda o: json.dumps(o, ensure_ascii=False).encode("utf-8", errors="surrogatepass")),
    st.binary(max_size=60),
    st.text(max_size=60).map(lambda t: t.encode("utf-8", errors="surrogatepass")),
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_LINES, max_size=8), crlf=st.booleans())
def test_the_jsonl_reader_never_raises(tmp_path, lines, crlf):
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes((b"\r\n" if crlf else b"\n").join(lines + [json.dumps(GOOD).encode()]))
    results = list(read_articles([path], max_bytes=10_000))
    assert results and all(isinstance(r, (ArticleText, Failure)) for r in results)
    for result in results:
        result.model_dump_json()  # every article and failure can be written as UTF-8 JSON
        if isinstance(result, ArticleText):
            assert result.text.strip() and result.id.strip()
            assert result.source.startswith(f"{path}:")
    if not any(b"\x00" in line for line in lines):  # (NUL bytes: a binary file, one failure)
        assert any(isinstance(r, ArticleText) and r.id == "good" for r in results)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=200), valid=st.text(max_size=50))
def test_decoding_any_bytes_keeps_every_valid_line(data, valid):
    from kg.run.reading import BadInput, decode_text

    raw = valid.encode("utf-8", errors="surrogatepass") + b"\n" + data
    try:
        text, notes = decode_text(raw)
    except BadInput:  # NUL bytes, or a mislabelling BOM
        assert b"\x00" in raw or raw[:2] in (b"\xff\xfe", b"\xfe\xff")
        return
    for raw_line, line in zip(raw.split(b"\n"), text.split("\n")):
        try:
            assert line == raw_line.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            assert notes and len(line) <= len(raw_line)
