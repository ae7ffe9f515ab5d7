"""The event store: one DuckDB file (``./dragoman.duckdb`` by default), nothing to start.

DuckDB is an embedded analytical database: a single file, columnar, fast at the group-bys
that event series are, and able to write Parquet itself. Everything ingested lives here;
exports and statistics are queries over it.

Schema (columns in ``rows.py``, which workers fill):

``documents``  one row per document, keyed by ``id`` (the document's own id, or a hash of
    its text when it came without one, so ingesting the same input twice adds nothing).
    ``text``, ``date``, ``title``, ``source``, ``url`` as read; the layers that are not
    tables of their own as JSON in the shapes of ``dragoman annotate`` (``sentences``,
    ``times``, ``places``, ``quotes``); ``n_entities``, ``n_events``; ``coder`` (dragoman
    version and spaCy pipeline) and ``ingested_at`` (UTC) for provenance.
``entities``   one row per actor mention: ``doc_id``, ``idx`` (its place in the document's
    ``entities`` layer), ``text``, ``start_char``, ``end_char``, ``code``, ``country``,
    ``sector``, ``name``, ``kind``, ``entry``, ``rule``, ``antecedent`` (JSON or null).
``events``     one row per event, flattened for filtering: ``event_id``, ``doc_id``,
    ``sentence`` (+ its offsets), ``date`` (the TIMEX3 value as coded), ``date_start`` and
    ``date_precision`` (``2022-02`` is 2022-02-01, month), actor and recipient ``*_codes``
    and ``*_countries`` (lists, PLOVER's compound actors), ``actor_key`` and
    ``recipient_key`` (sorted codes as ``;RUSGOV;UKRMIL;``), PLOVER ``plover_type``,
    ``plover_mode``, ``plover_context``, ``plover_score``, CAMEO ``cameo_code``,
    ``cameo_root``, ``quad_class``, ``goldstein``, ``modality``, ``trigger`` (+ offsets),
    ``location_*``, ``rule``, ``score``, ``text`` (the sentence), and ``event``: the full
    event JSON of CONTRACT.md, from which every export is made.
``meta``       ``key``/``value`` pairs: ``schema_version``.

A document and all its rows are written in one transaction, and a batch of documents
in one transaction, so a killed ingest leaves whole documents only: rerunning it skips
what is stored (by id) and adds the rest.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dragoman.dataset.rows import DOCUMENT_COLUMNS, ENTITY_COLUMNS, EVENT_COLUMNS, DocumentRows

DEFAULT_DB = "dragoman.duckdb"
SCHEMA_VERSION = "1"
_TABLES = {"documents": DOCUMENT_COLUMNS, "entities": ENTITY_COLUMNS, "events": EVENT_COLUMNS}
_INDEXES = (
    "CREATE INDEX IF NOT EXISTS entities_doc ON entities (doc_id)",
    "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)",
)


class StoreError(Exception):
    """The store cannot be opened or used (missing, locked, not a dragoman store)."""


def default_db() -> str:
    """``$DRAGOMAN_DB`` or ``./dragoman.duckdb``."""
    return os.environ.get("DRAGOMAN_DB") or DEFAULT_DB


def _create_table(name: str, columns: Sequence[tuple[str, str]]) -> str:
    cols = [f'"{col}" {kind}' for col, kind in columns]
    if name == "documents":
        cols[0] += " PRIMARY KEY"
    return f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(cols)})"


def _insert(name: str, columns: Sequence[tuple[str, str]]) -> str:
    """One INSERT for a whole batch: each column comes as a list and is unnested.

    DuckDB inserts row-by-row parameters slowly (about a millisecond a row); a column
    list per parameter is two orders of magnitude faster.
    """
    selects = ", ".join(f"unnest(${i}::{kind}[])" for i, (_, kind) in enumerate(columns, 1))
    return f"INSERT INTO {name} SELECT {selects}"


class Store:
    """An open store. ``Store.open(path)`` creates it when ``create`` is true.

    >>> with Store.open("events.duckdb") as store:             # doctest: +SKIP
    ...     store.counts()
    {'documents': 256, 'entities': 5210, 'events': 1088}
    """

    def __init__(self, connection: Any, path: str) -> None:
        self.con = connection
        self.path = path

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, create: bool = True,
             read_only: bool = False) -> Store:  # fmt: skip
        import duckdb

        target = str(path or default_db())
        if not create and not Path(target).exists():
            raise StoreError(f"{target}: no such store (run `dragoman ingest` first)")
        try:
            con = duckdb.connect(target, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{target}: {_first_line(exc)}") from None
        store = cls(con, target)
        if not read_only:
            store._create()
        elif not store._has_schema():
            con.close()
            raise StoreError(f"{target}: not a dragoman store (no documents table)")
        return store

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first value of a query's first row (None when no row).

        Fetches every row: DuckDB refuses new work on a connection whose last result was
        not read to the end.
        """
        rows = self.con.execute(sql, list(params)).fetchall()
        return rows[0][0] if rows else None

    def _has_schema(self) -> bool:
        return bool(
            self.scalar(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'documents'"
            )
        )

    def _create(self) -> None:
        self.con.execute("BEGIN")
        for name, columns in _TABLES.items():
            self.con.execute(_create_table(name, columns))
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        self.con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [SCHEMA_VERSION]
        )
        for statement in _INDEXES:
            self.con.execute(statement)
        self.con.execute("COMMIT")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are already stored."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for i in range(0, len(wanted), 5000):
            chunk = wanted[i : i + 5000]
            rows = self.con.execute(
                "SELECT id FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))", [chunk]
            ).fetchall()
            found.update(r[0] for r in rows)
        return found

    def add(self, batch: Sequence[DocumentRows]) -> None:
        """Store a batch of coded documents in one transaction: all of it or none."""
        if not batch:
            return
        tables = {
            "documents": [rows.document for rows in batch],
            "entities": [r for rows in batch for r in rows.entities],
            "events": [r for rows in batch for r in rows.events],
        }
        self.con.execute("BEGIN")
        try:
            for name, rows in tables.items():
                if rows:
                    columns = [list(col) for col in zip(*rows, strict=True)]
                    self.con.execute(_insert(name, _TABLES[name]), columns)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def counts(self) -> dict[str, int]:
        """Rows in each table."""
        return {name: int(self.scalar(f"SELECT count(*) FROM {name}")) for name in _TABLES}


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
