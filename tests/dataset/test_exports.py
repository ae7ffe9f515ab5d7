"""Exports read back: Parquet through DuckDB, GDELT's 61 columns, PLOVER's field names."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from dragoman.dataset.exports import EXTRA_COLUMNS, export
from dragoman.dataset.gdelt import GDELT_COLUMNS
from dragoman.dataset.query import EventFilter
from dragoman.document import Entity
from dragoman.io.writers import CSV_COLUMNS

from .builders import KYIV, build_store, document, entity, event


@pytest.fixture
def store(tmp_path: Path):
    compound = event("b1", 1, "RUS", "ASSAULT", "UKR", place=KYIV)
    belarus: Entity = entity("BLRMIL", start=8)
    poland: Entity = entity("POLGOV", start=28)
    compound = type(compound)(**{
        **{f: getattr(compound, f) for f in compound.__dataclass_fields__},
        "actor": (*compound.actor, belarus),
        "recipient": (*compound.recipient, poland),
    })  # fmt: skip
    docs = [
        document("b1", [compound, event("b1", 2, "USA", "CONSULT", "IGOWSTNAT", "2022-02-18")],
                 source="Wire", url="https://wire.example/b1", title="Strikes"),
        document("b2", [event("b2", 1, "UKR", "ACCUSE", None, "2022-03")], source="Other"),
    ]  # fmt: skip
    with build_store(tmp_path / "s.duckdb", docs) as opened:
        yield opened


def test_parquet_reads_back_through_duckdb(store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert export(store, "parquet", str(out)) == 3
    con = duckdb.connect()
    rows = con.execute(
        "SELECT event_id, actor_codes, recipient_codes, plover_type, num_mentions, doc_url "
        "FROM read_parquet(?) ORDER BY event_id",
        [str(out)],
    ).fetchall()
    assert rows[0] == ("b1-e1", ["RUS", "BLRMIL"], ["UKR", "POLGOV"], "ASSAULT", 1,
                       "https://wire.example/b1")  # fmt: skip
    event_json = con.execute("SELECT event FROM read_parquet(?) LIMIT 1", [str(out)]).fetchall()
    assert json.loads(event_json[0][0])["event_id"] == "b1-e1"
    assert not list(tmp_path.glob(".*.part"))  # no temporary file left behind


def test_gdelt_rows_have_61_columns_and_one_row_per_dyad(store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export(store, "gdelt", str(out)) == 4 + 1 + 1  # 2 actors x 2 recipients, then 1, 1
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
            for line in out.read_text(encoding="utf-8").splitlines()]  # fmt: skip
    assert len(GDELT_COLUMNS) == 61 and GDELT_COLUMNS[-1] == "SOURCEURL"
    first = rows[0]
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20220217", "202202", "2022")
    assert (first["Actor1Code"], first["Actor2Code"]) == ("RUS", "UKR")
    assert {(r["Actor1Code"], r["Actor2Code"]) for r in rows[:4]} == {
        ("RUS", "UKR"), ("RUS", "POLGOV"), ("BLRMIL", "UKR"), ("BLRMIL", "POLGOV")
    }  # fmt: skip
    blr = next(r for r in rows if r["Actor1Code"] == "BLRMIL")
    assert (blr["Actor1CountryCode"], blr["Actor1Type1Code"]) == ("BLR", "MIL")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("190",) * 2 + (
        "19",
    )
    assert (first["QuadClass"], first["GoldsteinScale"]) == ("4", "-10.0")
    assert first["ActionGeo_CountryCode"] == "UP"  # FIPS 10-4 for Ukraine, as GDELT
    assert (first["ActionGeo_Type"], first["ActionGeo_FeatureID"]) == ("4", "703448")
    assert first["ActionGeo_Lat"] == "50.45" and first["AvgTone"] == ""
    assert first["DATEADDED"] == "20240501120000"
    assert first["SOURCEURL"] == "https://wire.example/b1"
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)
    no_recipient = rows[-1]
    assert no_recipient["Actor2Code"] == "" and no_recipient["SQLDATE"] == ""
    assert no_recipient["MonthYear"] == "202203"


def test_plover_records_use_the_manuals_field_names(store, tmp_path: Path) -> None:
    out = tmp_path / "events.plover.jsonl"
    export(store, "plover", str(out))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    first = records[0]
    manual = {"id", "has_event", "date", "actor", "recipient", "event", "mode", "context",
              "event_loc", "event_text", "quad_code", "event_scale", "text", "text_info",
              "cite_info", "coder", "coded_date", "coded_time"}  # fmt: skip
    assert manual <= set(first)
    assert (first["id"], first["date"], first["event"], first["quad_code"]) == (
        "b1-e1", "2022-02-17", ["ASSAULT"], 4
    )  # fmt: skip
    assert {"code", "sector", "entity_text", "identifier_id", "identifier_text"} <= set(
        first["actor"][0]
    )
    assert [a["code"] for a in first["actor"]] == ["RUS", "BLR"]
    assert (
        first["event_loc"]["resolved_place"] == "Kyiv" and first["event_loc"]["geonameid"] == 703448
    )
    assert first["cite_info"]["url"] == "https://wire.example/b1"
    assert records[1]["recipient"][0]["code"] == "IGO"
    assert set(first["text_info"]) == {"sequence", "start", "end"}


def test_csv_has_a_header_and_jsonl_the_contract_fields(store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    export(store, "csv", str(out))
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == CSV_COLUMNS + EXTRA_COLUMNS
    assert [r["actor_code"] for r in rows] == ["RUS;BLRMIL", "USA", "UKR"]
    out = tmp_path / "events.jsonl"
    export(store, "jsonl", str(out))
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert {"event_id", "doc_id", "actor", "recipient", "plover", "cameo", "date"} <= set(first)
    assert (first["source"], first["num_mentions"]) == ("Wire", 1)


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (EventFilter(actors=("RUS",)), ["b1-e1"]),
        (EventFilter(actors=("BLR",)), ["b1-e1"]),  # any actor of a compound side
        (EventFilter(recipients=("IGO",)), ["b1-e2"]),
        (EventFilter(types=("19",)), ["b1-e1"]),
        (EventFilter(types=("CONSULT", "ACCUSE")), ["b1-e2", "b2-e1"]),
        (EventFilter(countries=("UKR",)), ["b1-e1"]),
        (EventFilter(start="2022-02-18"), ["b1-e2", "b2-e1"]),
        (EventFilter(end="2022-02-28"), ["b1-e1", "b1-e2"]),
    ],
)
def test_filters(store, tmp_path: Path, selection, expected) -> None:
    out = tmp_path / "selected.jsonl"
    export(store, "jsonl", str(out), selection)
    ids = [json.loads(line)["event_id"] for line in out.read_text().splitlines()]
    assert ids == expected
