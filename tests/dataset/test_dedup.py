"""One-a-day de-duplication: one story copied across outlets is one event, with counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.dataset.exports import export
from dragoman.dataset.gdelt import GDELT_COLUMNS
from dragoman.dataset.query import EventFilter, event_records
from dragoman.dataset.stats import event_series

from .builders import build_store, document, event


@pytest.fixture
def store(tmp_path: Path):
    def accuse(doc: str, n: int, recipient: str = "UKR", date: str | None = "2022-02-17"):
        return event(doc, n, "RUS", "ACCUSE", recipient, date)

    docs = [
        # one story: in four articles from three outlets, twice in the first
        document("s1", [accuse("s1", 1), accuse("s1", 2)], source="Wire A", url="https://a/1"),
        document("s2", [accuse("s2", 1)], source="Wire B"),
        document(
            "s3",
            # and three that are not the same event: another recipient, day, no date
            [
                accuse("s3", 1),
                accuse("s3", 2, "USA"),
                accuse("s3", 3, date="2022-02-18"),
                accuse("s3", 4, date=None),
            ],
            source="Wire A",
        ),
        document("s0", [accuse("s0", 1)], date="2022-02-16", source="Wire C"),
    ]
    with build_store(tmp_path / "s.duckdb", docs) as opened:
        yield opened


def test_one_a_day_merges_and_counts(store) -> None:
    assert len(list(event_records(store, EventFilter()))) == 8
    merged = list(event_records(store, EventFilter(), "one-a-day"))
    assert len(merged) == 4
    story = [r for r in merged if r["date"] == "2022-02-17" and r["recipient_key"] == ";UKR;"]
    (kept,) = story
    # the earliest report is kept: s0 was published a day before the others
    assert kept["doc_id"] == "s0"
    assert (kept["num_mentions"], kept["num_articles"], kept["num_sources"]) == (5, 4, 3)
    others = sorted(
        (r["date"] or "", r["recipient_key"], r["num_mentions"]) for r in merged if r is not kept
    )
    assert others == [("", ";UKR;", 1), ("2022-02-17", ";USA;", 1), ("2022-02-18", ";UKR;", 1)]


def test_filters_apply_before_merging(store) -> None:
    merged = list(
        event_records(store, EventFilter(start="2022-02-17", end="2022-02-17"), "one-a-day")
    )
    assert sorted(r["num_mentions"] for r in merged) == [1, 5]


def test_exports_and_stats_honour_it(store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert export(store, "jsonl", str(out), dedup="one-a-day") == 4
    counts = sorted(json.loads(line)["num_mentions"] for line in out.read_text().splitlines())
    assert counts == [1, 1, 1, 5]
    gdelt = tmp_path / "events.tsv"
    export(store, "gdelt", str(gdelt), EventFilter(recipients=("UKR",)), dedup="one-a-day")
    rows = [line.split("\t") for line in gdelt.read_text().splitlines()]
    mentions = GDELT_COLUMNS.index("NumMentions")
    assert sorted((r[mentions], r[mentions + 1], r[mentions + 2]) for r in rows) == [
        ("1", "1", "1"), ("1", "1", "1"), ("5", "3", "4")
    ]  # fmt: skip
    series = event_series(store, "day", "count", dedup="one-a-day")
    assert [(p, v[-1]) for p, _, v in series.rows] == [
        ("2022-02-17", 2),
        ("2022-02-18", 1),
    ]
