"""The dataset side of dragoman: a DuckDB event store, ingest, exports and statistics.

    >>> from dragoman.dataset import Store, ingest, export, event_series   # doctest: +SKIP
    >>> with Store.open("dragoman.duckdb") as store:                       # doctest: +SKIP
    ...     ingest(store, documents, workers=2)
    ...     export(store, "gdelt", "events.tsv", EventFilter(actors=("RUS",)))

Modules, one job each: ``store`` (schema and DuckDB access), ``rows`` (documents as table
rows), ``coding`` (the worker side), ``ingest`` (batches, workers, resume), ``progress``,
``query`` (filters), ``dedup``, ``exports`` (jsonl, csv, parquet, table), ``gdelt``,
``plover_format``, ``stats`` and ``plot``.
"""

from __future__ import annotations

from dragoman.dataset.exports import EXPORT_FORMATS, export
from dragoman.dataset.ingest import IngestReport, ingest
from dragoman.dataset.query import EventFilter, event_records
from dragoman.dataset.stats import Dyad, Series, event_series
from dragoman.dataset.store import DEFAULT_DB, Store, StoreError

__all__ = [
    "DEFAULT_DB",
    "EXPORT_FORMATS",
    "Dyad",
    "EventFilter",
    "IngestReport",
    "Series",
    "Store",
    "StoreError",
    "event_records",
    "event_series",
    "export",
    "ingest",
]
