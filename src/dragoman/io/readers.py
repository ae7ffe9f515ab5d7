"""Readers: turn paths (files, directories, standard input) into Documents.

A reader never changes the text it reads: a ``.txt`` file's whole decoded content, or a
JSONL record's ``text`` field, is the document text every offset points into. Problems
with one input (a missing file, binary data, bad UTF-8, a malformed JSONL line) come back
as ``ReadError`` values in the stream, so the caller reports them and goes on with the
rest: nothing else is lost.
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
from dragoman.io.dates import parse_date

#: Extensions read when a directory is walked; anything else there is skipped.
TEXT_SUFFIXES = frozenset({".txt", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
DIRECTORY_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES

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


def read_text_file(path: Path, doc_id: str, date: str | None) -> Iterator[Document | ReadError]:
    try:
        data = path.read_bytes()
        yield text_document(doc_id, decode(data), date)
    except (OSError, ValueError) as exc:
        yield ReadError(str(path), _reason(exc))


def read_html_file(path: Path, doc_id: str, date: str | None) -> Iterator[Document | ReadError]:
    from dragoman.io.html import html_document  # only HTML input pays for the parser

    try:
        yield html_document(doc_id, decode(path.read_bytes()), date)
    except (OSError, ValueError) as exc:
        yield ReadError(str(path), _reason(exc))


def read_jsonl_file(path: Path, default_date: str | None) -> Iterator[Document | ReadError]:
    try:
        data = path.read_bytes()
        content = decode(data)
    except (OSError, ValueError) as exc:
        yield ReadError(str(path), _reason(exc))
        return
    yield from read_jsonl_lines(str(path), content.split("\n"), default_date)


def read_jsonl_lines(
    source: str, lines: Iterable[str], default_date: str | None
) -> Iterator[Document | ReadError]:
    """Documents from JSONL lines; a bad line is an error for that line only."""
    base = os.path.basename(source)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield jsonl_record(json.loads(line), f"{base}:{number}", default_date)
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


def read_path(path: Path, doc_id: str, date: str | None) -> Iterator[Document | ReadError]:
    """One file, by its extension: JSONL, HTML, or else plain text."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, date)
    elif suffix in HTML_SUFFIXES:
        yield from read_html_file(path, doc_id, date)
    else:
        yield from read_text_file(path, doc_id, date)


def walk_directory(root: Path) -> Iterator[Path]:
    """Readable files under ``root`` in a stable order, hidden files and folders skipped."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in DIRECTORY_SUFFIXES:
                yield Path(folder) / name


def read_inputs(paths: Iterable[str], date: str | None = None) -> Iterator[Document | ReadError]:
    """Every document of every input, in order, with a ReadError for each failure.

    ``date`` is the publication date for inputs that carry none (a JSONL record's own
    ``date`` wins). A file's doc_id is its name; inside a directory, its path relative
    to the directory, so two files of the same name in different folders stay apart.
    """
    for raw in paths:
        if raw == STDIN:
            yield from read_stdin(date)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in walk_directory(path):
                found = True
                yield from read_path(file, file.relative_to(path).as_posix(), date)
            if not found:
                yield ReadError(raw, "directory holds no .txt, .jsonl or .html files")
        elif path.exists():
            yield from read_path(path, path.name, date)
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
