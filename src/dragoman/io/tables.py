"""CSV and TSV files as documents: one document per row, columns named by the user.

Spreadsheets and database dumps name their columns as they like (``body``, ``headline``,
``published``); ``--text-column`` and its siblings (``Columns``) say which is which.
Only the text column is required. A row without text, or with a date that is not one, is
an error for that row alone (reported with its line number), like a bad JSONL line.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator

from dragoman.document import Document
from dragoman.io.dates import parse_date
from dragoman.io.options import ReadOptions

#: Delimiter by file extension.
DELIMITERS = {".csv": ",", ".tsv": "\t"}


class TableError(ValueError):
    """A problem with one row (``line`` set) or with the whole file (``line`` None)."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.line = line


def table_rows(
    source: str, content: str, delimiter: str, options: ReadOptions
) -> Iterator[Document | TableError]:
    """Documents from a CSV/TSV text, with a TableError for each bad row.

    A row's id is its id column's value, else ``FILE:LINE``, or with
    ``options.content_ids`` a hash of its text. Its own date wins over ``options.date``.
    """
    from dragoman.io.readers import content_id

    cols = options.columns
    reader = csv.DictReader(
        content.removeprefix("\ufeff").splitlines(keepends=True), delimiter=delimiter
    )
    header = reader.fieldnames or []
    if cols.text not in header:
        listed = ", ".join(header) if header else "none"
        yield TableError(
            f"no {cols.text!r} column (columns: {listed}); name the text column with --text-column"
        )
        return
    base = os.path.basename(source)
    try:
        for row in reader:
            line = reader.line_num
            text = row.get(cols.text)
            if not text or not text.strip():
                yield TableError(f"the row has no text in column {cols.text!r}", line)
                continue
            date = options.date
            raw_date = (row.get(cols.date) or "").strip()
            if raw_date:
                date = parse_date(raw_date)
                if date is None:
                    yield TableError(f"{cols.date!r} {raw_date!r} is not a date (YYYY-MM-DD)", line)
                    continue
            given = (row.get(cols.id) or "").strip()
            if given:
                doc_id = given
            elif options.content_ids:
                doc_id = content_id(text)
            else:
                doc_id = f"{base}:{line}"
            yield Document(
                doc_id=doc_id,
                text=text,
                date=date,
                title=_cell(row, cols.title),
                source=_cell(row, cols.source),
                url=_cell(row, cols.url),
            )
    except csv.Error as exc:
        yield TableError(f"malformed CSV ({exc})", reader.line_num)


def _cell(row: dict[str, str | None], column: str) -> str | None:
    value = row.get(column)
    return value.strip() or None if isinstance(value, str) else None
