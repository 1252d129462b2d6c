"""Read input articles from ``.txt`` files, ``.jsonl`` files and directories.

Bad input never stops a batch: each unreadable file, undecodable text or
malformed JSONL line becomes an `Failure`, and reading goes on.

The text of each article is returned exactly as decoded from the file (line
endings included), because every offset extracted later points into it.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractors.records import ArticleText, Failure

__all__ = ["read_articles", "SUFFIXES"]

SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
"""File types read from a directory (and accepted as explicit inputs)."""

_METADATA = ("title", "date", "url", "publication")

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class _Bad(Exception):
    """Internal: the content at hand is unusable, for the given reason."""


def read_articles(
    inputs: Iterable[str | Path] | str | Path,
) -> Iterator[ArticleText | Failure]:
    """Read articles from files and directories, reporting bad input as it goes.

    Parameters
    ----------
    inputs : iterable of str or Path
        Paths to ``.txt`` files (one article each, id = file stem), ``.jsonl``
        files (one JSON object with ``id`` and ``text`` per line; optional
        ``title``, ``date``, ``url``, ``publication``; other keys are ignored)
        or directories (their ``.txt`` and ``.jsonl`` files, recursively,
        skipping hidden files and directories). A single path is accepted too.

    Yields
    ------
    ArticleText or Failure
        Articles in input order, directory contents in sorted path order, with
        ``source`` set to the path (plus ``:LINE`` for JSONL). Each bad input
        (missing path, unsupported type, unreadable or binary file, empty text,
        malformed JSONL line, duplicate id, HTML page without article text)
        yields a `Failure` instead; this generator does not raise for bad
        content. Text that is not UTF-8 is read as Windows-1252 and an HTML
        page is reduced to its article text, each with a note on the article.

    Notes
    -----
    A file reached twice (named explicitly and through its directory, say) is
    read once. Article ids must be unique across the whole batch: a repeated
    id yields a failure naming where it was first seen.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    seen_files: set[Path] = set()
    first_source: dict[str, str] = {}
    for item in _expand(inputs):
        if isinstance(item, Failure):
            yield item
            continue
        key = item.resolve()
        if key in seen_files:
            continue
        seen_files.add(key)
        for result in _read_file(item):
            if isinstance(result, ArticleText):
                if result.id in first_source:
                    first = first_source[result.id]
                    reason = f"duplicate id {result.id!r} (first seen in {first})"
                    result = Failure(source=result.source or "", reason=reason)
                else:
                    first_source[result.id] = result.source or ""
            yield result


def _expand(inputs: Iterable[str | Path]) -> Iterator[Path | Failure]:
    """Turn each input into the files to read, or a failure naming it."""
    for raw in inputs:
        path = Path(raw)
        try:
            if path.is_dir():
                yield from _walk(path)
            elif not path.exists():
                yield Failure(source=str(path), reason="no such file or directory")
            elif path.suffix.lower() not in SUFFIXES:
                suffix = path.suffix or "(none)"
                yield Failure(
                    source=str(path),
                    reason=f"unsupported file type '{suffix}' "
                    "(expected .txt, .html, .jsonl or a directory)",
                )
            else:
                yield path
        except OSError as err:
            yield Failure(source=str(path), reason=_os_reason(err))


def _walk(directory: Path) -> Iterator[Path | Failure]:
    """Yield the non-hidden ``.txt``/``.jsonl`` files under `directory`, sorted."""
    errors: list[OSError] = []
    found: list[Path] = []
    for root, dirs, files in os.walk(directory, onerror=errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [
            Path(root, name)
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES
        ]
    for err in errors:
        yield Failure(source=str(err.filename or directory), reason=_os_reason(err))
    yield from sorted(found, key=lambda p: p.relative_to(directory).parts)


def _read_file(path: Path) -> Iterator[ArticleText | Failure]:
    """Read one ``.txt`` or ``.jsonl`` file."""
    source = str(path)
    try:
        text, notes = _decode(path.read_bytes())
        if not text.strip():
            raise _Bad("empty file")
    except OSError as err:
        yield Failure(source=source, reason=_os_reason(err))
        return
    except _Bad as bad:
        yield Failure(source=source, reason=str(bad))
        return
    if path.suffix.lower() == ".jsonl":
        yield from (_with_notes(item, notes) for item in _read_jsonl(text, source))
    else:
        yield _article(source, id=path.stem, text=text, notes=notes)


def _with_notes(item: ArticleText | Failure, notes: list[str]) -> ArticleText | Failure:
    """Add the file's decoding notes to each article read from it."""
    if not notes or isinstance(item, Failure):
        return item
    return item.model_copy(update={"notes": notes + item.notes})


def _read_jsonl(text: str, source: str) -> Iterator[ArticleText | Failure]:
    """Read the lines of a decoded JSONL file; blank lines are skipped."""
    # Split on "\n" only: str.splitlines would also split on characters such
    # as U+2028 that may legally appear inside JSON strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line_source = f"{source}:{number}"
        try:
            fields = _parse_line(line)
        except _Bad as bad:
            yield Failure(source=line_source, reason=str(bad))
        else:
            yield _article(line_source, **fields)


def _parse_line(line: str) -> dict[str, Any]:
    """Parse one JSONL line into `ArticleText` fields, or raise `_Bad`."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        # Some messages end in "at" already ("Unterminated string starting at").
        raise _Bad(f"malformed JSON: {err.msg.removesuffix(' at')} at column {err.colno}") from None
    if not isinstance(obj, dict):
        raise _Bad(f"expected a JSON object, got {_json_type(obj)}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise _Bad("missing 'text'")
    if not text.strip():
        raise _Bad("empty text")
    article_id = obj.get("id")
    if isinstance(article_id, (int, float)) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str) or not article_id.strip():
        raise _Bad("missing 'id'")
    fields: dict[str, Any] = {"id": article_id, "text": text}
    for key in _METADATA:
        value = obj.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if value is not None and not isinstance(value, str):
            raise _Bad(f"'{key}' must be a string or null, got {_json_type(value)}")
        fields[key] = value
    return fields


def _article(source: str, **fields: Any) -> ArticleText | Failure:
    """Build an `ArticleText` (the text of an HTML page, when it is one), turning a
    validation error or an empty page into a failure."""
    try:
        if _looks_like_html(fields["text"]):
            fields = _from_html(fields)
        return ArticleText(source=source, **fields)
    except _Bad as bad:
        return Failure(source=source, reason=str(bad))
    except ValidationError as err:
        problems = "; ".join(e["msg"] for e in err.errors())
        return Failure(source=source, reason=f"invalid article: {problems}")


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
        raise _Bad("HTML page with no article text")
    found = {"title": page.title, "date": page.date, "url": page.url, "publication": page.sitename}
    notes = list(fields.get("notes", [])) + [
        "text extracted from HTML with trafilatura; offsets point into the extracted text"]
    return fields | {key: fields.get(key) or value for key, value in found.items()} | {
        "text": page.text, "html_extracted": True, "notes": notes}


def _decode(data: bytes) -> tuple[str, list[str]]:
    """Decode file bytes: UTF-8, UTF-16/32 if a BOM says so, else Windows-1252 with a note.

    Raises
    ------
    _Bad
        For binary data (NUL bytes and no UTF-16/32 BOM) or text a BOM mislabels.
    """
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" or encoding == "utf-8-sig":
        if b"\x00" in data:
            raise _Bad("binary file (contains NUL bytes), not text")
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError as err:
        name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
        # With "utf-8-sig" the error offset counts from after the BOM.
        offset = err.start + (3 if encoding == "utf-8-sig" else 0)
        problem = f"not valid {name} (invalid byte 0x{data[offset]:02x} at offset {offset})"
        if not encoding.startswith("utf-8"):
            raise _Bad(f"{problem}; re-save the file as UTF-8") from None
    try:
        return data.decode("cp1252"), [f"{problem}; read as Windows-1252"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [f"{problem}; read as Latin-1"]


def _json_type(value: object) -> str:
    """The JSON name of a parsed value's type, for messages."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def _os_reason(err: OSError) -> str:
    """The operating system's reason for `err`, e.g. "Permission denied"."""
    return err.strerror or str(err)
