"""Readers: turn paths (files, directories, standard input) into Documents.

Formats: plain text, JSONL, HTML (``html.py``), CSV/TSV (``tables.py``), RSS/Atom feeds
(``feeds.py``), any of these gzip-compressed (``compressed.py``), directories of them, and
standard input. A reader never changes the text it reads: a ``.txt`` file's whole decoded
content, or a JSONL record's ``text`` field, is the document text every offset points into.
Problems with one input (a missing file, binary data, bad UTF-8, a malformed JSONL line)
come back as ``ReadError`` values in the stream, so the caller reports them and goes on
with the rest: nothing else is lost.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dragoman.document import Document
from dragoman.io.compressed import GZIP_SUFFIXES, gunzip, inner_name
from dragoman.io.dates import parse_date
from dragoman.io.options import Columns, ReadOptions

#: Extensions read when a directory is walked; anything else there is skipped.
TEXT_SUFFIXES = frozenset({".txt", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
TABLE_SUFFIXES = frozenset({".csv", ".tsv"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
DIRECTORY_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES | FEED_SUFFIXES

STDIN = "-"
_BINARY_PROBE = 8192


@dataclass(frozen=True, slots=True)
class ReadError:
    """One input that could not be read, and why."""

    source: str
    reason: str
    line: int | None = None

    def message(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


def content_id(text: str) -> str:
    """A stable id for text that came without one (standard input)."""
    return "sha256-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def decode(data: bytes) -> str:
    """Bytes as UTF-8 text, or ValueError saying why they are not text."""
    if b"\x00" in data[:_BINARY_PROBE]:
        raise ValueError("binary file (contains NUL bytes), not UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise ValueError(f"not valid UTF-8 (byte 0x{bad} at offset {exc.start})") from None


def text_document(doc_id: str, text: str, date: str | None) -> Document:
    """A plain-text document; its first line is the headline when a line break follows it."""
    return Document(doc_id=doc_id, text=text, date=date)


def _read_text(source: str, name: str, data: bytes, doc_id: str, options: ReadOptions):
    text = decode(data)
    yield text_document(content_id(text) if options.content_ids else doc_id, text, options.date)


def _read_html(source: str, name: str, data: bytes, doc_id: str, options: ReadOptions):
    from dragoman.io.html import html_document  # only HTML input pays for the parser

    document = html_document(doc_id, decode(data), options.date)
    if options.content_ids:
        document.doc_id = content_id(document.text)
    yield document


def _read_jsonl(source: str, name: str, data: bytes, doc_id: str, options: ReadOptions):
    yield from read_jsonl_lines(source, decode(data).split("\n"), options.date, options)


def _read_table(source: str, name: str, data: bytes, doc_id: str, options: ReadOptions):
    from dragoman.io.tables import DELIMITERS, TableError, table_rows

    delimiter = DELIMITERS.get(Path(name).suffix.lower(), ",")
    for item in table_rows(source, decode(data), delimiter, options):
        yield ReadError(source, str(item), item.line) if isinstance(item, TableError) else item


def _read_feed(source: str, name: str, data: bytes, doc_id: str, options: ReadOptions):
    from dragoman.io.feeds import feed_documents

    yield from feed_documents(source, data, options)


def read_jsonl_lines(
    source: str,
    lines: Iterable[str],
    default_date: str | None,
    options: ReadOptions | None = None,
) -> Iterator[Document | ReadError]:
    """Documents from JSONL lines; a bad line is an error for that line only."""
    base = os.path.basename(source)
    hashed = options is not None and options.content_ids
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            document = jsonl_record(record, f"{base}:{number}", default_date)
            if hashed and record.get("id") in (None, ""):
                document.doc_id = content_id(document.text)
            yield document
        except json.JSONDecodeError as exc:
            yield ReadError(source, f"not valid JSON ({exc.msg} at column {exc.colno})", number)
        except ValueError as exc:
            yield ReadError(source, str(exc), number)


def jsonl_record(record: object, fallback_id: str, default_date: str | None) -> Document:
    """A Document from one JSONL object: ``id``, ``text``, optional ``date``, ``title``,
    ``source``, ``url`` (CONTRACT.md). The record's own date wins over ``default_date``."""
    if not isinstance(record, dict):
        raise ValueError("a JSONL line must be a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError("the record has no 'text' string")
    raw_id = record.get("id")
    doc_id = str(raw_id) if raw_id not in (None, "") else fallback_id
    date = default_date
    if record.get("date") not in (None, ""):
        date = parse_date(str(record["date"]))
        if date is None:
            raise ValueError(f"'date' {record['date']!r} is not a date (YYYY-MM-DD)")
    extras = {k: str(record[k]) for k in ("title", "source", "url") if record.get(k) is not None}
    return Document(doc_id=doc_id, text=text, date=date, **extras)


def read_stdin(date: str | None) -> Iterator[Document | ReadError]:
    try:
        text = decode(sys.stdin.buffer.read())
    except (OSError, ValueError) as exc:
        yield ReadError("<stdin>", _reason(exc))
        return
    yield text_document(content_id(text), text, date)


def _reader_for(name: str):
    """The reader of a file by its (decompressed) name: JSONL, HTML, CSV/TSV, feed, or text."""
    suffix = Path(name).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl
    if suffix in HTML_SUFFIXES:
        return _read_html
    if suffix in TABLE_SUFFIXES:
        return _read_table
    if suffix in FEED_SUFFIXES:
        return _read_feed
    return _read_text


def read_path(
    path: Path, doc_id: str, date: str | None, options: ReadOptions | None = None
) -> Iterator[Document | ReadError]:
    """One file, by its extension (``.gz`` files by the extension under it)."""
    options = ReadOptions(date=date) if options is None else options
    source = str(path)
    try:
        data = path.read_bytes()
        name = path.name
        if Path(name).suffix.lower() in GZIP_SUFFIXES:
            data, name = gunzip(data), inner_name(name)
        yield from _reader_for(name)(source, name, data, doc_id, options)
    except (OSError, ValueError) as exc:
        yield ReadError(source, _reason(exc))


def _readable(path: Path) -> bool:
    """Whether a directory walk reads this file: by extension; ``.xml`` only if a feed."""
    name = inner_name(path.name)
    suffix = Path(name).suffix.lower()
    if suffix not in DIRECTORY_SUFFIXES or path.name.startswith("."):
        return False
    if suffix == ".xml" and name == path.name:
        from dragoman.io.feeds import looks_like_feed

        try:
            with path.open("rb") as handle:
                return looks_like_feed(handle.read(1024))
        except OSError:
            return True  # let the reader report why it cannot be read
    return True


def walk_directory(root: Path) -> Iterator[Path]:
    """Readable files under ``root`` in a stable order, hidden files and folders skipped."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if _readable(Path(folder) / name):
                yield Path(folder) / name


def read_inputs(
    paths: Iterable[str],
    date: str | None = None,
    *,
    columns: Columns | None = None,
    content_ids: bool = False,
) -> Iterator[Document | ReadError]:
    """Every document of every input, in order, with a ReadError for each failure.

    ``date`` is the publication date for inputs that carry none (a record's own date
    wins). A file's doc_id is its name; inside a directory, its path relative to the
    directory, so two files of the same name in different folders stay apart. With
    ``content_ids`` (what the store uses) a document without an id of its own is named
    by a hash of its text instead. ``columns`` names the CSV/TSV columns.
    """
    options = ReadOptions(date=date, columns=columns or Columns(), content_ids=content_ids)
    for raw in paths:
        if raw == STDIN:
            yield from read_stdin(date)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in walk_directory(path):
                found = True
                yield from read_path(file, file.relative_to(path).as_posix(), date, options)
            if not found:
                yield ReadError(
                    raw,
                    "directory holds no readable files "
                    "(.txt, .jsonl, .html, .csv, .tsv, feeds, or these .gz)",
                )
        elif path.exists():
            yield from read_path(path, path.name, date, options)
        else:
            yield ReadError(raw, "no such file or directory")


def _reason(exc: Exception) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)
