"""Progress of kg build and kg extract: the bar, the plain lines, the summary line, the count."""

from __future__ import annotations

import io
import os
import re
from collections import Counter

import pytest

from extractors.records import Failure
from kg.cli import _progress
from kg.cli._progress import Progress, summary_line
from kg.run import RunSummary, count_articles

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m"


def test_summary_line_counts_time_rate_and_totals():
    summary = RunSummary(articles=84, people=120, organisations=80, quotes=Counter(direct=300, indirect=112),
                         failures=[Failure(source="a.txt", reason="empty file")])
    assert summary_line("build", summary, 41.2) == ("kg build: 84 articles in 41 s (2.0/s), 1 failed; 412 quotes "
                                                   "(300 direct, 112 indirect), 120 people, 80 organisations")
    summary.cached = 80
    assert summary_line("extract", summary, 3.25).startswith(
        "kg extract: 84 articles (80 from the record cache) in 3.2 s (25.8/s), 1 failed; ")


def test_plain_lines_when_not_a_terminal():
    stream = io.StringIO()
    progress = Progress("build", 10, stream=stream, every=0)
    assert not progress.live
    progress(2, 1)
    progress(9, 1)
    progress.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert re.fullmatch(r"kg build: 3/10 articles \(30%\), 1 failed, [\d.]+/s, about \S+ \w+ left", lines[0])
    assert lines[1].startswith("kg build: 10/10 articles (100%), 1 failed, ") and "left" not in lines[1]
    assert "\x1b" not in stream.getvalue()


def test_plain_lines_without_a_total_and_only_every_few_seconds():
    stream = io.StringIO()
    progress = Progress("extract", None, stream=stream, every=0)
    progress(5, 0)
    assert re.fullmatch(r"kg extract: 5 articles, 0 failed, [\d.]+/s\n", stream.getvalue())
    quiet = io.StringIO()
    progress = Progress("extract", None, stream=quiet, every=3600)
    progress(5, 0)
    assert quiet.getvalue() == ""


def test_the_bar_on_a_terminal_shows_counts_and_goes_away():
    stream = io.StringIO()
    progress = Progress("build", 4, stream=stream, live=True)
    progress(3, 1)
    progress.close()
    shown = stream.getvalue()
    assert "kg build" in shown and "4/4" in shown and "1 failed" in shown
    assert shown.endswith("\x1b[1A\x1b[2K")  # the last frame: up a line and erase it (the summary follows)


def test_no_escape_sequence_from_an_article_reaches_the_progress_output(tmp_path, monkeypatch):
    from cli_helpers import GOOD_TEXT, invoke

    monkeypatch.setattr(_progress, "PLAIN_EVERY", 0)
    src = tmp_path / "in"
    src.mkdir()
    (src / "evil.txt").write_text(f"Evil {ESCAPES} headline\n\n" + GOOD_TEXT.replace("act now", f"act {ESCAPES} now"),
                                  encoding="utf-8")
    (src / "more.jsonl").write_text('{"id": "bad\\u001b[2J", "text": "x"}\n', encoding="utf-8")
    result = invoke("extract", src, "--out", tmp_path / "records.jsonl", "--no-cache")
    assert result.exit_code == 1, result.output
    assert re.search(r"^kg extract: 2/2 articles \(100%\), 1 failed, ", result.stderr, re.M), result.stderr
    assert not re.search("[\x1b\x07\x9b]", result.stderr + result.stdout)


def test_count_articles_counts_files_and_jsonl_lines(tmp_path):
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "b.jsonl").write_bytes(b'{"id": "1"}\n\n   \n{"id": "2"}\n{"id": "3"}')
    (tmp_path / "skip.csv").write_text("not an input", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    assert count_articles([tmp_path]) == 4
    assert count_articles([tmp_path / "b.jsonl", tmp_path / "missing.txt"]) == 4  # the missing file fails: 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_count_articles_never_opens_a_fifo(tmp_path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    assert count_articles([fifo]) == 1  # read as one failure later; opening it here would block
