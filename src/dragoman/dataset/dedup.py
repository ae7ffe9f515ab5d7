"""De-duplication: one story copied by fifty outlets is one event, not fifty.

``one-a-day`` is the ICEWS/Phoenix convention: events with the same date, the same
actor(s), the same recipient(s) and the same event type are merged into one, whatever
article they came from. The merged event keeps the earliest report (by publication date,
then document, sentence and position) and counts what was merged: ``num_mentions`` (the
events), ``num_articles`` (distinct documents) and ``num_sources`` (distinct ``source``
values, a document without one counting as its own source): GDELT's NumMentions,
NumArticles and NumSources.

Dates merge at the precision the event has (``2022-02-17`` with ``2022-02-17``,
``2022-02`` with ``2022-02``); an event with no date is never merged, since "the same
day" cannot be told. The PLOVER manual warns that one-a-day filtering also merges truly
repeated events (two separate attacks by the same group on the same day); that is the
convention's known cost, and why it is an option.
"""

from __future__ import annotations

DEDUP_MODES = ("none", "one-a-day")

#: The merge key of an event row (columns of ``events``); events with no date keep their own.
_KEY = (
    "CASE WHEN date IS NULL THEN 'event:' || CAST(row_id AS VARCHAR) "
    "ELSE concat_ws('|', date, actor_key, recipient_key, plover_type) END"
)


def dedup_sql(base: str, mode: str) -> str:
    """A query over the rows of ``base`` (a SELECT of events joined with their documents,
    with ``row_id``, ``doc_id``, ``doc_date``, ``doc_source`` columns) that adds
    ``num_mentions``, ``num_sources`` and ``num_articles``, merging per ``mode``."""
    if mode == "none":
        return f"SELECT b.*, 1 AS num_mentions, 1 AS num_sources, 1 AS num_articles FROM ({base}) b"
    if mode != "one-a-day":
        raise ValueError(f"unknown de-duplication {mode!r} (choose from {', '.join(DEDUP_MODES)})")
    return f"""
        WITH keyed AS (
            SELECT b.*, {_KEY} AS merge_key,
                   coalesce(b.doc_source, 'doc:' || b.doc_id) AS source_key
            FROM ({base}) b
        ),
        merged AS (
            SELECT merge_key,
                   count(*) AS num_mentions,
                   count(DISTINCT source_key) AS num_sources,
                   count(DISTINCT doc_id) AS num_articles,
                   first(row_id ORDER BY doc_date NULLS LAST, doc_id, sentence, trigger_start,
                         event_id) AS kept
            FROM keyed GROUP BY merge_key
        )
        SELECT k.* EXCLUDE (merge_key, source_key),
               m.num_mentions, m.num_sources, m.num_articles
        FROM keyed k JOIN merged m ON k.row_id = m.kept
    """
