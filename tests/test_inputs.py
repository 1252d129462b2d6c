"""Tests for kg.run.inputs: reading articles and reporting bad input."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from extractors.records import ArticleText, Failure
from kg.run.inputs import read_articles


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def _jsonl(path: Path, *lines: object) -> Path:
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    return _write(path, text + "\n")


def _split(results: list) -> tuple[list[ArticleText], list[Failure]]:
    articles = [r for r in results if isinstance(r, ArticleText)]
    failures = [r for r in results if isinstance(r, Failure)]
    assert len(articles) + len(failures) == len(results)
    return articles, failures


def _read(*inputs: str | Path) -> tuple[list[ArticleText], list[Failure]]:
    return _split(list(read_articles(inputs)))


# --- good input -------------------------------------------------------------


def test_txt_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "story-1.txt", "Minister said things.\n")
    [article] = list(read_articles([path]))
    assert article == ArticleText(id="story-1", text="Minister said things.\n", source=str(path))


def test_single_path_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", "Text.")
    [article] = list(read_articles(str(path)))
    assert article.id == "a"


def test_text_is_kept_exactly(tmp_path: Path) -> None:
    text = "\u201cWe will act,\u201d she said.\r\nIt\u2019s \u00a0done.\r\n\r\nEnd\u2028line\n"
    path = _write(tmp_path / "exact.txt", text)
    jsonl = _jsonl(tmp_path / "exact.jsonl", {"id": "j", "text": text})
    articles, failures = _read(path, jsonl)
    assert not failures
    assert [a.text for a in articles] == [text, text]
    start = text.index("We")
    assert articles[0].text[start : start + 12] == "We will act,"


def test_directory_recursive_sorted_skips_hidden(tmp_path: Path) -> None:
    root = tmp_path / "in"
    _write(root / "b.txt", "Bee.")
    _write(root / "a.txt", "Ay.")
    _write(root / "sub" / "c.txt", "Sea.")
    _jsonl(root / "sub" / "more.jsonl", {"id": "d", "text": "Dee."}, {"id": "e", "text": "Ee."})
    _write(root / "notes.md", "ignored")
    _write(root / ".hidden.txt", "ignored")
    _write(root / ".git" / "x.txt", "ignored")
    articles, failures = _read(root)
    assert not failures
    assert [a.id for a in articles] == ["a", "b", "c", "d", "e"]
    assert articles[2].source == str(root / "sub" / "c.txt")
    assert articles[3].source == f"{root / 'sub' / 'more.jsonl'}:1"
    assert articles[4].source == f"{root / 'sub' / 'more.jsonl'}:2"


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", "Ay.")
    articles, failures = _read(tmp_path, path)
    assert [a.id for a in articles] == ["a"]
    assert not failures


def test_jsonl_optional_fields_extra_keys_numeric_id(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "gold.jsonl",
        {
            "id": 7,
            "text": "Body.",
            "title": "T",
            "date": "2012-06-28",
            "url": "https://example.org/a",
            "publication": "Community Care",
            "people": [{"name": "Margaret Hodge"}],
            "quotes": [],
        },
        "",
        {"id": "x2", "text": "Other.", "date": None},
    )
    articles, failures = _read(path)
    assert not failures
    assert articles == [
        ArticleText(
            id="7",
            text="Body.",
            title="T",
            date="2012-06-28",
            url="https://example.org/a",
            publication="Community Care",
            source=f"{path}:1",
        ),
        ArticleText(id="x2", text="Other.", source=f"{path}:3"),
    ]


def test_jsonl_crlf_line_endings(tmp_path: Path) -> None:
    content = '{"id": "a", "text": "A."}\r\n{"id": "b", "text": "B."}\r\n'
    path = _write(tmp_path / "w.jsonl", content)
    articles, failures = _read(path)
    assert not failures
    assert [(a.id, a.text) for a in articles] == [("a", "A."), ("b", "B.")]


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = _write(tmp_path / "bom.txt", codecs.BOM_UTF8 + "Caf\u00e9.".encode())
    [article] = list(read_articles([path]))
    assert article.text == "Caf\u00e9."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    path = _write(tmp_path / "wide.txt", bom + "\u201cQuote,\u201d he said.\r\n".encode(encoding))
    [article] = list(read_articles([path]))
    assert article.text == "\u201cQuote,\u201d he said.\r\n"


# --- bad input --------------------------------------------------------------


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A good article, read alongside each bad input."""
    return _write(tmp_path / "good" / "ok.txt", "A fine article.")


def _assert_one_failure(
    inputs: list, good: Path, source: Path | str, reason: str
) -> Failure:
    articles, failures = _read(*inputs, good)
    assert [a.id for a in articles] == ["ok"]
    [failure] = failures
    assert failure.source == str(source)
    assert failure.reason == reason
    assert failure.message == f"{source}: {reason}"
    return failure


def test_missing_path(tmp_path: Path, good: Path) -> None:
    missing = tmp_path / "nope.txt"
    _assert_one_failure([missing], good, missing, "no such file or directory")


def test_unsupported_extension(tmp_path: Path, good: Path) -> None:
    pdf = _write(tmp_path / "paper.pdf", b"%PDF-1.4")
    reason = "unsupported file type '.pdf' (expected .txt, .html, .jsonl or a directory)"
    _assert_one_failure([pdf], good, pdf, reason)


@pytest.mark.parametrize("content", ["", "  \n\t\r\n"])
def test_empty_file(tmp_path: Path, good: Path, content: str) -> None:
    path = _write(tmp_path / "empty.txt", content)
    _assert_one_failure([path], good, path, "empty file")


def test_empty_jsonl_file(tmp_path: Path, good: Path) -> None:
    path = _write(tmp_path / "empty.jsonl", "\n\n")
    _assert_one_failure([path], good, path, "empty file")


def test_binary_file(tmp_path: Path, good: Path) -> None:
    path = _write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _assert_one_failure([path], good, path, "binary file (contains NUL bytes), not text")


def test_invalid_utf8_is_read_as_windows_1252_with_a_note(tmp_path: Path, good: Path) -> None:
    path = _write(tmp_path / "cp1252.txt", "Caf\u00e9 \u2018society\u2019.".encode("cp1252"))
    (article, _) = list(read_articles([path, good]))
    assert article.text == "Caf\u00e9 \u2018society\u2019."
    assert article.notes == ["line 1 not valid UTF-8 (first: byte 0xe9 at offset 3); read as Windows-1252"]


def test_bytes_undefined_in_windows_1252_fall_back_to_latin_1(tmp_path: Path) -> None:
    (article,) = read_articles([_write(tmp_path / "odd.txt", b"ab\x81cd")])
    assert article.text == "ab\x81cd" and article.notes[0].endswith("read as Windows-1252")


def test_invalid_utf8_after_bom_offset_counts_bom(tmp_path: Path) -> None:
    (article,) = read_articles([_write(tmp_path / "bom.txt", codecs.BOM_UTF8 + b"ab\xe9")])
    assert article.notes == ["line 1 not valid UTF-8 (first: byte 0xe9 at offset 5); read as Windows-1252"]


def test_a_stray_windows_1252_byte_touches_only_itself(tmp_path: Path) -> None:
    text = "Zo\u00eb Smith said it\u2019s fine.\nOld line: it".encode() + b"\x92s caf\xe9\n" + "Last \u00e9.".encode()
    (article,) = read_articles([_write(tmp_path / "mixed.txt", text)])
    assert article.text == "Zo\u00eb Smith said it\u2019s fine.\nOld line: it\u2019s caf\u00e9\nLast \u00e9."
    assert article.notes == ["line 2 not valid UTF-8 (first: byte 0x92 at offset 41); read as Windows-1252"]


def test_invalid_utf8_in_jsonl_notes_only_its_article(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.jsonl", b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "ok \xc3\xa9"}\n')
    articles = list(read_articles([path]))
    assert [a.text for a in articles] == ["caf\u00e9", "ok \u00e9"]
    assert articles[0].notes == ["not valid UTF-8 (byte 0xe9 at offset 24); read as Windows-1252"]
    assert articles[1].notes == []


def test_html_page_is_reduced_to_its_article_text(tmp_path: Path) -> None:
    page = ("<!DOCTYPE html><html><head><title>Council cuts</title><meta name='author' content='Jo Bloggs'>"
            "<meta property='og:site_name' content='The Gazette'><meta name='date' content='2021-03-04'></head>"
            "<body><nav><a href='/'>Home</a></nav><article><h1>Council cuts</h1><p>The council leader, "
            "Jane Smith, said: \u201cWe have no choice but to cut services this year.\u201d</p><p>Opposition "
            "councillors said the cuts would hurt the poorest families in the city.</p>"
            "<script>alert(1)</script></article></body></html>")
    for name in ("page.html", "saved.txt"):
        (article,) = read_articles([_write(tmp_path / name, page)])
        assert "<" not in article.text and "alert" not in article.text
        assert "We have no choice" in article.text
        assert (article.title, article.date, article.publication) == ("Council cuts", "2021-03-04", "The Gazette")
        assert article.html_extracted and "extracted from HTML" in article.notes[0]


def test_html_page_without_article_text_fails(tmp_path: Path, good: Path) -> None:
    path = _write(tmp_path / "empty.html", "<!DOCTYPE html><html><body><nav>Home</nav></body></html>")
    _assert_one_failure([path], good, path, "HTML page with no article text")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "a", "text": ', "malformed JSON: Expecting value at column 21"),
        ('["a", "b"]', "expected a JSON object, got an array"),
        ('{"id": "a"}', "missing 'text'"),
        ('{"id": "a", "text": 5}', "missing 'text'"),
        ('{"id": "a", "text": " \\n "}', "empty text"),
        ('{"text": "No id."}', "missing 'id'"),
        ('{"id": null, "text": "Null id."}', "missing 'id'"),
        (
            '{"id": "a", "text": "T.", "title": ["x"]}',
            "'title' must be a string or null, got an array",
        ),
    ],
)
def test_bad_jsonl_line(tmp_path: Path, good: Path, line: str, reason: str) -> None:
    first, last = {"id": "first", "text": "One."}, {"id": "last", "text": "Two."}
    path = _jsonl(tmp_path / "mixed.jsonl", first, "", line, last)
    articles, failures = _read(path, good)
    assert [a.id for a in articles] == ["first", "last", "ok"]
    assert [a.source for a in articles[:2]] == [f"{path}:1", f"{path}:4"]
    assert failures == [Failure(source=f"{path}:3", reason=reason)]


def test_duplicate_ids_across_batch(tmp_path: Path, good: Path) -> None:
    txt = _write(tmp_path / "a" / "x.txt", "First x.")
    jsonl = _jsonl(
        tmp_path / "b" / "more.jsonl", {"id": "x", "text": "Second x."}, {"id": "y", "text": "Y."}
    )
    articles, failures = _read(txt, jsonl, good)
    assert [(a.id, a.text) for a in articles] == [
        ("x", "First x."),
        ("y", "Y."),
        ("ok", "A fine article."),
    ]
    assert failures == [
        Failure(source=f"{jsonl}:1", reason=f"duplicate id 'x' (first seen in {txt})")
    ]


def test_unreadable_file(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = _write(tmp_path / "locked.txt", "Secret.")
    real_open = os.open

    def os_open(path, *args, **kwargs):
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)  # tests run as root, where chmod 000 does not stop reading
    _assert_one_failure([locked], good, locked, "Permission denied")


def test_failures_do_not_stop_a_directory(tmp_path: Path) -> None:
    root = tmp_path / "batch"
    _write(root / "1.txt", "")
    _write(root / "2.txt", "Good two.")
    _write(root / "3.txt", b"\x00\x01 binary")
    _jsonl(root / "4.jsonl", "not json", {"id": "four", "text": "Good four."})
    results = list(read_articles([root]))
    assert [type(r).__name__ for r in results] == [
        "Failure", "ArticleText", "Failure", "Failure", "ArticleText"
    ]
    assert [r.id for r in results if isinstance(r, ArticleText)] == ["2", "four"]
