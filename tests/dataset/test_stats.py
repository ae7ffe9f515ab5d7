"""Event series on a hand-built set whose answers are known."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.dataset.query import EventFilter
from dragoman.dataset.stats import Dyad, event_series, period_range
from dragoman.ontology import plover_types

from .builders import build_store, document, event


@pytest.fixture
def store(tmp_path: Path):
    d1 = [event("d1", 1, "RUS", "ACCUSE", "UKR", "2022-02-14"),
          event("d1", 2, "RUSMIL", "ASSAULT", "UKR", "2022-02-14")]  # fmt: skip
    d2 = [event("d2", 1, "RUS", "ACCUSE", "UKR", "2022-02-15"),
          event("d2", 2, "USA", "CONSULT", "RUS", "2022-02-15")]  # fmt: skip
    docs = [
        document("d1", d1, date="2022-02-14", source="A"),
        document("d2", d2, date="2022-02-15", source="B"),
        document("d3", [event("d3", 1, "RUSGOV", "THREATEN", "USA", "2022-02-21")]),
        document("d4", [event("d4", 1, "USA", "AID", "UKR", "2022-03")], date="2022-03-30"),
        document("d5", [event("d5", 1, "USA", "ACCUSE", "RUS", None)], date="2022-03-30"),
    ]
    with build_store(tmp_path / "s.duckdb", docs) as opened:
        yield opened


def _rows(series):
    return [(p, d, dict(zip(series.columns, v, strict=True))) for p, d, v in series.rows]


def test_daily_counts_for_a_dyad(store) -> None:
    series = event_series(store, "day", "count", (Dyad.parse("RUS:UKR"),))
    assert series.columns == ["ACCUSE", "ASSAULT", "total"]
    assert _rows(series) == [
        ("2022-02-14", "RUS:UKR", {"ACCUSE": 1, "ASSAULT": 1, "total": 2}),
        ("2022-02-15", "RUS:UKR", {"ACCUSE": 1, "ASSAULT": 0, "total": 1}),
    ]


def test_weekly_goldstein_and_empty_weeks_filled(store) -> None:
    series = event_series(store, "week", "goldstein")
    assert _rows(series) == [
        ("2022-W07", "*:*", {"events": 4, "goldstein": -13.0}),
        ("2022-W08", "*:*", {"events": 1, "goldstein": -4.4}),
    ]
    only_threat = event_series(store, "week", "count", f=EventFilter(types=("THREATEN", "112")))
    assert [r[0] for r in only_threat.rows] == ["2022-W07", "2022-W08"]
    assert [r[2] for r in only_threat.rows] == [[2, 0, 2], [0, 1, 1]]  # ACCUSE, THREATEN, total


def test_monthly_quads_use_month_precision_dates_and_skip_undated(store) -> None:
    series = event_series(store, "month", "quad")
    assert _rows(series) == [
        ("2022-02", "*:*", {"verbal_coop": 1, "material_coop": 0, "verbal_conflict": 3,
                            "material_conflict": 1, "total": 5}),
        ("2022-03", "*:*", {"verbal_coop": 0, "material_coop": 1, "verbal_conflict": 0,
                            "material_conflict": 0, "total": 1}),
    ]  # fmt: skip


def test_plover_scores_per_dyad_and_prefix_matching(store) -> None:
    scores = {t: p.score for t, p in plover_types().items()}
    series = event_series(store, "month", "plover", (Dyad.parse("RUS:*"), Dyad.parse("*:RUS")))
    rows = _rows(series)
    assert rows[0] == (
        "2022-02",
        "RUS:*",
        {
            "events": 4,
            "plover": round(2 * scores["ACCUSE"] + scores["ASSAULT"] + scores["THREATEN"], 2),
        },
    )  # RUS matches RUSMIL and RUSGOV
    assert rows[1] == ("2022-02", "*:RUS", {"events": 1, "plover": scores["CONSULT"]})
    assert len(rows) == 2  # March's only event (USA to UKR) is in neither dyad


def test_period_ranges_cross_years() -> None:
    assert period_range("2021-12", "2022-02", "month") == ["2021-12", "2022-01", "2022-02"]
    assert period_range("2020-W53", "2021-W02", "week") == ["2020-W53", "2021-W01", "2021-W02"]
    assert period_range("2024-02-28", "2024-03-01", "day") == [
        "2024-02-28",
        "2024-02-29",
        "2024-03-01",
    ]


def test_bad_dyads() -> None:
    for bad in ("RUS", "RUS:USA:CHN", "R-S:USA"):
        with pytest.raises(ValueError):
            Dyad.parse(bad)
    assert Dyad.parse("rus,blr:*") == Dyad(("RUS", "BLR"), ())
