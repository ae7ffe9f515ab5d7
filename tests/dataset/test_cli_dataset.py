"""The dataset commands as users run them (the README's worked example), and their errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.cli import main
from dragoman.dataset.gdelt import GDELT_COLUMNS
from dragoman.dataset.store import Store

from ..conftest import EXAMPLE

FIXTURES = Path(__file__).parent.parent / "io" / "fixtures"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_ingest_export_stats(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "events.duckdb")
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"id": "x", "text": "fine"}\n{not json}\n', encoding="utf-8")
    status, _, err = run(capsys, "ingest", str(EXAMPLE), str(FIXTURES / "wire.rss"), str(bad),
                         "--db", db, "--date", "2022-02-17", "--workers", "1")  # fmt: skip
    assert status == 1, err  # one bad line: reported, the rest stored
    assert err.strip().splitlines() == [f"dragoman: {bad}:2: not valid JSON (Expecting property "
                                        "name enclosed in double quotes at column 2)"]  # fmt: skip
    status, out, _ = run(capsys, "export", "--db", db, "--format", "jsonl", "--actor", "RUS")
    events = [json.loads(line) for line in out.splitlines()]
    assert (
        status == 0
        and events
        and all(
            any((a["code"] or "").startswith("RUS") or a["country"] == "RUS" for a in e["actor"])
            for e in events
        )
    )
    status, out, _ = run(capsys, "export", "--db", db, "--format", "table")
    assert status == 0 and "security-guarantees.txt" not in out  # stored under a text hash
    assert "Russian Foreign Ministry [RUSGOV]" in out
    gdelt = tmp_path / "events.tsv"
    assert run(capsys, "export", "--db", db, "--format", "gdelt", "--out", str(gdelt))[0] == 0
    assert {len(line.split("\t")) for line in gdelt.read_text().splitlines()} == {
        len(GDELT_COLUMNS)
    }
    status, out, _ = run(capsys, "stats", "--db", db, "--by", "day", "--dyad", "RUS:USA",
                         "--format", "csv", "--plot", str(tmp_path / "series.png"))  # fmt: skip
    lines = out.splitlines()
    assert status == 0 and lines[0].startswith("period,dyad,") and lines[0].endswith(",total")
    assert lines[1].startswith("2022-02-01,RUS:USA,") and lines[-1].startswith(
        "2022-02-17,RUS:USA,"
    )
    assert len(lines) == 1 + 17  # every day from the first to the last, empty ones as zeros
    assert (tmp_path / "series.png").read_bytes()[:4] == b"\x89PNG"
    # ingesting again adds nothing
    with Store.open(db, read_only=True) as store:
        before = store.counts()
    assert run(capsys, "ingest", str(EXAMPLE), str(bad), "--db", db, "--workers", "1")[0] == 1
    with Store.open(db, read_only=True) as store:
        assert store.counts() == before


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--db", "{tmp}/missing.duckdb", "--format", "jsonl"],
        ["export", "--db", "{db}", "--format", "parquet"],
        ["export", "--db", "{db}", "--type", "BOMB"],
        ["export", "--db", "{db}", "--from", "2022-03-01", "--to", "2022-02-01"],
        ["stats", "--db", "{db}", "--dyad", "RUS"],
        ["stats", "--db", "{db}", "--plot", "{tmp}/plot.svg"],
        ["export", "--db", "{tmp}/not-a-store.duckdb"],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, capsys, argv) -> None:
    db = tmp_path / "empty.duckdb"
    Store.open(db).close()
    (tmp_path / "not-a-store.duckdb").write_text("hello", encoding="utf-8")
    args = [a.format(tmp=tmp_path, db=db) for a in argv]
    status, _, err = run(capsys, *args)
    assert status == 2 and err.startswith("dragoman: error: ") and len(err.splitlines()) == 1
    assert not (tmp_path / "plot.svg").exists()


def test_bad_option_values_are_usage_errors(tmp_path: Path, capsys) -> None:
    for argv in (["ingest", "--workers", "0"], ["export", "--actor", "R-S"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
    capsys.readouterr()
