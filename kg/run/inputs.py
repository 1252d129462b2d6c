"""Read input articles from ``.txt``, ``.html`` and ``.jsonl`` files and folders.

Bad input never stops a batch: each unusable path, special file, oversized or
undecodable file, malformed JSONL line and invalid id becomes a `Failure` naming
where it is and why, whatever went wrong, and reading goes on. Finding the files is
`kg.run.sources`' job, reading one safely `kg.run.reading`'s and a JSONL stream
`kg.run.jsonl`'s.

The text of each article is returned exactly as decoded from the file (line
endings included), because every offset extracted later points into it.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError

from extractors.records import ArticleText, Failure
from kg.run.defaults import DEFAULT_MAX_CHARS
from kg.run.jsonl import jsonl_lines, parse_line
from kg.run.reading import BadInput, decode_text, open_input, read_bounded
from kg.run.sources import SUFFIXES, display_path, input_files, os_reason

__all__ = ["read_articles", "SUFFIXES", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 10 * DEFAULT_MAX_CHARS
"""Largest file (or JSONL line) read when no limit is given: 10 bytes a character of the longest
article (as `ExtractionSettings.byte_limit`)."""

_SURROGATES = re.compile("[\ud800-\udfff]")


def read_articles(
    inputs: Iterable[str | Path] | str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
    exclude: Collection[str | Path] = (),
) -> Iterator[ArticleText | Failure]:
    """Read articles from files and directories, reporting bad input as it goes.

    Parameters
    ----------
    inputs : iterable of str or Path
        Paths to ``.txt`` files (one article each, id = file stem), ``.html`` pages
        (their article text), ``.jsonl`` files (one JSON object with ``id`` and
        ``text`` per line; optional ``title``, ``date``, ``url``, ``publication``;
        other keys are ignored) or directories (their ``.txt``, ``.html`` and
        ``.jsonl`` files, recursively, skipping hidden files and directories and
        kg output folders). A single path is accepted too.
    max_bytes : int
        Largest file, or JSONL line, read; larger ones are failures, found from
        the file's size before it is read.
    exclude : collection of str or Path
        Paths not read from inside a directory (the run's own outputs).

    Yields
    ------
    ArticleText or Failure
        Articles in input order, directory contents in sorted path order, with
        ``source`` set to the path (plus ``:LINE`` for JSONL). Each bad input
        (missing path, symbolic link loop, FIFO, device or socket, unsupported
        type, file or line over `max_bytes`, binary file, empty text, malformed
        JSONL line, id with a control character, duplicate id, HTML page without
        article text, or anything else that goes wrong reading it) yields a
        `Failure` instead; this generator does not raise for bad content. Lines
        that are not valid UTF-8, lone surrogates in JSON strings and file names
        that are not UTF-8 are read with a note on the article.

    Notes
    -----
    A file reached twice (named explicitly and through its directory, say) is
    read once. Article ids must be unique across the whole batch: a repeated
    id yields a failure naming where it was first seen.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    seen_files: set[str] = set()
    first_source: dict[str, str] = {}
    for item in input_files(inputs, exclude=exclude):
        if isinstance(item, Failure):
            yield item
            continue
        key = os.path.realpath(item)
        if key in seen_files:
            continue
        seen_files.add(key)
        for result in _read_file(item, max_bytes):
            if isinstance(result, ArticleText):
                if result.id in first_source:
                    first = first_source[result.id]
                    reason = f"duplicate id {result.id!r} (first seen in {first})"
                    result = Failure(source=result.source or "", reason=reason)
                else:
                    first_source[result.id] = result.source or ""
            yield result


def _read_file(path: Path, limit: int) -> Iterator[ArticleText | Failure]:
    """Read one file, turning whatever goes wrong into a failure naming it."""
    source = display_path(path)
    notes = [] if source == str(path) else [f"the file name is not valid UTF-8; read as {source}"]
    try:
        with open_input(path) as fh:
            if path.suffix.lower() == ".jsonl":
                yield from _read_jsonl(fh, source, limit, notes)
                return
            text, decoding = decode_text(read_bounded(fh, limit))
        if not text.strip():
            raise BadInput("empty file")
    except BadInput as bad:
        yield Failure(source=source, reason=str(bad))
        return
    except OSError as error:
        yield Failure(source=source, reason=os_reason(error))
        return
    except Exception as error:  # noqa: BLE001  (one bad file must not end the batch)
        yield Failure(source=source, reason=f"could not be read ({type(error).__name__}: {error})")
        return
    yield _article(source, id=display_path(path.stem), text=text, notes=notes + decoding)


def _read_jsonl(fh: BinaryIO, source: str, limit: int, notes: list[str]) -> Iterator[ArticleText | Failure]:
    """The articles of a JSONL file, line by line; blank lines are skipped."""
    empty = True
    for number, line, decoding in jsonl_lines(fh, limit=limit):
        empty = False
        line_source = f"{source}:{number}"
        try:
            fields = parse_line(line, limit=limit)
        except BadInput as bad:
            yield Failure(source=line_source, reason=str(bad))
        except Exception as error:  # noqa: BLE001  (one bad line must not end the file)
            yield Failure(source=line_source, reason=f"could not be read ({type(error).__name__}: {error})")
        else:
            yield _article(line_source, notes=notes + decoding, **fields)
    if empty:
        raise BadInput("empty file")


def _article(source: str, **fields: Any) -> ArticleText | Failure:
    """Build an `ArticleText` (the text of an HTML page, when it is one) from checked fields,
    turning anything wrong with them into a failure."""
    try:
        _check_id(fields["id"])
        fields = _without_surrogates(fields)
        if _looks_like_html(fields["text"]):
            fields = _from_html(fields)
        return ArticleText(source=source, **fields)
    except BadInput as bad:
        return Failure(source=source, reason=str(bad))
    except ValidationError as error:
        problems = "; ".join(e["msg"] for e in error.errors())
        return Failure(source=source, reason=f"invalid article: {problems}")
    except Exception as error:  # noqa: BLE001  (HTML extraction can fail in many ways)
        return Failure(source=source, reason=f"could not be read ({type(error).__name__}: {error})")


def _check_id(article_id: str) -> None:
    """Refuse an id with a control character or a lone surrogate: graph formats drop
    those characters, so two such ids would become one node."""
    bad = next((c for c in article_id if unicodedata.category(c) in ("Cc", "Cs")), None)
    if bad is not None:
        raise BadInput(f"invalid id {article_id!r}: it contains U+{ord(bad):04X}, a control character "
                       "(ids must be printable text)")


def _without_surrogates(fields: dict[str, Any]) -> dict[str, Any]:
    """Lone surrogates (from ``\\ud800`` escapes in JSON) as U+FFFD, one for one, with a note."""
    changed = sorted(k for k, v in fields.items() if isinstance(v, str) and _SURROGATES.search(v))
    if not changed:
        return fields
    note = f"lone surrogates (not valid Unicode) replaced by U+FFFD in {', '.join(changed)}"
    return fields | {k: _SURROGATES.sub("\ufffd", fields[k]) for k in changed} | {
        "notes": list(fields.get("notes", [])) + [note]}


_MIN_PAGE_WORDS = 5  # less than this from a page is its menu, not an article
_HTML_START = re.compile(r"^\s*(<!doctype html|<html\b|<\?xml[^>]*>\s*<html\b)", re.IGNORECASE)
_HTML_TAGS = re.compile(r"<(p|div|body|article|span|a|br|li|h[1-6])\b[^>]*>", re.IGNORECASE)


def _looks_like_html(text: str) -> bool:
    """A web page saved as text: a doctype or <html> first, or markup all through."""
    head = text[:5000]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 10


def _from_html(fields: dict[str, Any]) -> dict[str, Any]:
    """The article text and metadata of an HTML page (trafilatura), noted as such."""
    import trafilatura  # imported here: most inputs are plain text

    page = trafilatura.bare_extraction(fields["text"], with_metadata=True)
    if page is None or len((page.text or "").split()) < _MIN_PAGE_WORDS:
        raise BadInput("HTML page with no article text")
    found = {"title": page.title, "date": page.date, "url": page.url, "publication": page.sitename}
    notes = list(fields.get("notes", [])) + [
        "text extracted from HTML with trafilatura; offsets point into the extracted text"]
    return fields | {key: fields.get(key) or value for key, value in found.items()} | {
        "text": page.text, "html_extracted": True, "notes": notes}
