"""Dyadic event series: how much of what went from whom to whom, per day, week or month.

The standard analyses of event data (ICEWS, Phoenix, GDELT) are time series per
directed dyad: counts of each event type or quad class, or a summed cooperation-conflict
score (Goldstein's for CAMEO, PLOVER's own scale). ``event_series`` builds them from the
same selection as the exports (filters, then de-duplication), so a de-duplicated series
counts each merged event once.

Periods: ``day`` and ``week`` (ISO weeks, ``2022-W07``) use events dated to the day;
``month`` also uses events dated to the month. Less precise or undated events are left
out of the series. Periods with no events between the first and the last are filled
with zeros, since a series with holes plots and models as if nothing had happened
there anyway, but silently.

Measures (the value columns):
- ``count``: events per PLOVER category (only categories that occur), and ``total``;
- ``quad``: events per CAMEO quad class, and ``total``;
- ``goldstein``: ``events`` and the summed Goldstein scale;
- ``plover``: ``events`` and the summed PLOVER score.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from dragoman.dataset.query import EventFilter, event_query, side_condition
from dragoman.dataset.store import Store

PERIODS = ("day", "week", "month")
MEASURES = ("count", "quad", "goldstein", "plover")
QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")

_PERIOD_SQL = {
    "day": "CASE WHEN date_precision = 'day' THEN strftime(date_start, '%Y-%m-%d') END",
    "week": "CASE WHEN date_precision = 'day' THEN strftime(date_start, '%G-W%V') END",
    "month": "CASE WHEN date_precision IN ('day', 'month') THEN strftime(date_start, '%Y-%m') END",
}


@dataclass(frozen=True, slots=True)
class Dyad:
    """A directed dyad: actor codes and recipient codes (empty: anyone)."""

    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()

    @classmethod
    def parse(cls, spec: str) -> Dyad:
        """``RUS:USA``, ``RUS,BLR:UKR``, ``*:USA``; ValueError for anything else."""
        if spec.count(":") != 1:
            raise ValueError(f"dyad {spec!r} is not ACTOR:RECIPIENT (e.g. RUS:USA)")
        left, right = (side.strip() for side in spec.split(":"))

        def codes(side: str) -> tuple[str, ...]:
            if side in ("", "*"):
                return ()
            found = tuple(c.strip().upper() for c in side.split(",") if c.strip())
            if not all(c.isalnum() for c in found):
                raise ValueError(f"dyad {spec!r}: codes are letters and digits (RUSGOV, IGO)")
            return found

        return cls(codes(left), codes(right))

    def label(self) -> str:
        return f"{','.join(self.actors) or '*'}:{','.join(self.recipients) or '*'}"


@dataclass(slots=True)
class Series:
    """A table of periods x dyads: ``rows`` are (period, dyad label, values by column)."""

    by: str
    measure: str
    columns: list[str]
    rows: list[tuple[str, str, list[float | int]]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [
            {"period": p, "dyad": d, **dict(zip(self.columns, v, strict=True))}
            for p, d, v in self.rows
        ]


def _next_period(period: str, by: str) -> str:
    if by == "day":
        return (dt.date.fromisoformat(period) + dt.timedelta(days=1)).isoformat()
    if by == "week":
        year, week = period.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(week), 1) + dt.timedelta(days=7)
        iso = monday.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    year, month = (int(x) for x in period.split("-"))
    return f"{year + month // 12}-{month % 12 + 1:02d}"


def period_range(first: str, last: str, by: str) -> list[str]:
    """Every period from ``first`` to ``last``, both included."""
    out = [first]
    while out[-1] < last:
        out.append(_next_period(out[-1], by))
    return out


def _grouped(store: Store, f: EventFilter, dedup: str, by: str, dyad: Dyad) -> list[tuple]:
    sql, params = event_query(f, dedup)
    conditions = []
    for side, codes in (("actor", dyad.actors), ("recipient", dyad.recipients)):
        if codes:
            cond, more = side_condition(side, codes, alias="")
            conditions.append(cond)
            params = params + more
    where = ("AND " + " AND ".join(conditions)) if conditions else ""
    query = f"""
        SELECT period, plover_type, quad_class, count(*), sum(goldstein), sum(plover_score)
        FROM (SELECT *, {_PERIOD_SQL[by]} AS period FROM ({sql}))
        WHERE period IS NOT NULL {where}
        GROUP BY ALL ORDER BY ALL
    """
    return store.con.execute(query, params).fetchall()


def event_series(
    store: Store,
    by: str = "month",
    measure: str = "count",
    dyads: tuple[Dyad, ...] = (),
    f: EventFilter | None = None,
    dedup: str = "none",
) -> Series:
    """The series of ``measure`` per ``by`` period for each dyad (all events when none)."""
    from dragoman.ontology import PLOVER_TYPES

    if by not in PERIODS or measure not in MEASURES:
        raise ValueError(f"--by is one of {PERIODS}, --measure one of {MEASURES}")
    f = f or EventFilter()
    dyads = dyads or (Dyad(),)
    cells: dict[tuple[str, str], dict[str, float]] = {}
    present: set[str] = set()
    for dyad in dyads:
        for period, ptype, quad, n, gold, plov in _grouped(store, f, dedup, by, dyad):
            cell = cells.setdefault((period, dyad.label()), {})
            keys = {"count": [ptype], "quad": [QUADS[quad - 1]]}.get(measure, [])
            for key in [*keys, "total", "events"]:
                cell[key] = cell.get(key, 0) + n
            cell["goldstein"] = cell.get("goldstein", 0.0) + (gold or 0.0)
            cell["plover"] = cell.get("plover", 0.0) + (plov or 0.0)
            present.update(keys)
    if measure == "count":
        columns = [t for t in PLOVER_TYPES if t in present] + ["total"]
    elif measure == "quad":
        columns = [*QUADS, "total"]
    else:
        columns = ["events", measure]
    series = Series(by, measure, columns)
    if not cells:
        return series
    periods = period_range(min(p for p, _ in cells), max(p for p, _ in cells), by)
    for period in periods:
        for dyad in dyads:
            cell = cells.get((period, dyad.label()), {})
            values: list[float | int] = []
            for col in columns:
                value = cell.get(col, 0)
                values.append(round(value, 2) if col in ("goldstein", "plover") else int(value))
            series.rows.append((period, dyad.label(), values))
    return series


SERIES_FORMATS = ("table", "csv", "jsonl")


def write_series(series: Series, stream, fmt: str = "table") -> None:
    """Write a series as a table for people, CSV with a header, or JSON lines."""
    import csv
    import json

    from dragoman.io.writers import _table

    headers = ["period", "dyad", *series.columns]
    if fmt == "csv":
        writer = csv.writer(stream)
        writer.writerow(headers)
        writer.writerows([p, d, *v] for p, d, v in series.rows)
    elif fmt == "jsonl":
        for record in series.records():
            stream.write(json.dumps(record) + "\n")
    else:
        rows = [[p, d, *(str(x) for x in v)] for p, d, v in series.rows]
        widths = [10, 20, *(max(len(c), 9) for c in series.columns)]
        stream.write(_table(headers, rows, widths))
