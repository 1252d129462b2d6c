"""Running the kg command in tests: shared by the test_cli_* modules."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app

__all__ = ["GOOD_TEXT", "invoke", "summary_line", "raw_records"]

GOOD_TEXT = (
    "Charity calls for action on child poverty\n\n"
    "Jane Smith, director of UK operations at Barnardo’s, said: “We must act now.”\n"
    "The Department for Education said it would respond in due course.\n"
)
"""A short article with a person, an organisation and a direct quote."""


def invoke(*args: object, env: dict[str, str] | None = None):
    """Run ``kg *args`` in this process (with the session's pipeline, see conftest `nlp`)."""
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def summary_line(result, command: str) -> str:
    """The one ``kg COMMAND: ...`` summary line of a run, reduced to its counts of articles and
    failures (``kg build: 5 articles, 0 failed``): without the cache hits, the time, the rate and
    the totals."""
    (line,) = [l for l in result.stdout.splitlines() if l.startswith(f"kg {command}:")]
    return re.sub(r" \(\d+ from the record cache\)| in \S+(?: \w+)* \([\d.]+/s\)", "", line.split(";")[0])


def raw_records(path: Path) -> list[dict]:
    """The JSON objects of a JSON Lines file, which must end with a newline."""
    lines = path.read_bytes().decode("utf-8").split("\n")
    assert lines.pop() == ""  # newline-terminated
    return [json.loads(line) for line in lines]
