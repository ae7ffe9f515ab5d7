"""The command line as CONTRACT.md defines it: formats, errors, exit statuses, atomic output."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dragoman.cli import main

from .conftest import EXAMPLE


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_annotate_writes_one_json_object_per_document(capsys, tmp_path: Path) -> None:
    status, out, _ = run(capsys, "annotate", str(EXAMPLE), "--date", "2022-02-17")
    assert status == 0
    (doc,) = [json.loads(line) for line in out.splitlines()]
    assert doc["doc_id"] == "security-guarantees.txt" and doc["date"] == "2022-02-17"
    assert set(doc) >= {"text", "sentences", "entities", "times", "places", "quotes", "events"}
    assert doc["sentences"][0] == {"start": 0, "end": 59, "headline": True}
    assert any(e["code"] == "RUSGOV" and "Foreign Ministry" in e["text"] for e in doc["entities"])


def test_code_formats(capsys, tmp_path: Path) -> None:
    status, out, _ = run(capsys, "code", str(EXAMPLE), "--date", "2022-02-17", "--format", "jsonl")
    assert status == 0
    events = [json.loads(line) for line in out.splitlines()]
    for ev in events:
        assert {
            "event_id",
            "doc_id",
            "sentence",
            "actor",
            "recipient",
            "plover",
            "cameo",
            "trigger",
            "modality",
            "date",
            "location",
            "attribution",
            "evidence",
        } <= set(ev)
    status, out, _ = run(capsys, "code", str(EXAMPLE), "--date", "2022-02-17", "--format", "csv")
    rows = list(csv.DictReader(out.splitlines()))
    assert status == 0 and len(rows) == len(events)
    status, out, _ = run(capsys, "code", str(EXAMPLE), "--date", "2022-02-17", "--format", "table")
    assert status == 0 and "security-guarantees.txt" in out and "RUSGOV" in out


def test_bad_inputs_are_reported_and_the_rest_coded(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe broken")
    lines = tmp_path / "docs.jsonl"
    lines.write_text('{"id": "d1", "text": "Moscow accused Kyiv."}\n{oops\n', encoding="utf-8")
    status, out, err = run(capsys, "annotate", str(bad), str(lines), str(tmp_path / "missing.txt"))
    assert status == 1
    assert err.splitlines() == [
        f"dragoman: {bad}: not valid UTF-8 (byte 0xff at offset 0)",
        f"dragoman: {lines}:2: not valid JSON (Expecting property name enclosed in double "
        "quotes at column 2)",
        f"dragoman: {tmp_path / 'missing.txt'}: no such file or directory",
    ]
    assert [json.loads(x)["doc_id"] for x in out.splitlines()] == ["d1"]


def test_usage_errors_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["code", "x.txt", "--date", "17/02/2022"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["code", "x.txt", "--format", "xml"])
    assert exc.value.code == 2


def test_bad_dictionary_is_a_usage_error(capsys, tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text("- id: x\n  names: [Somebody]\n  code: not-a-code\n", encoding="utf-8")
    status, _, err = run(capsys, "annotate", str(EXAMPLE), "--dictionary", str(user))
    assert status == 2
    assert "mine.yaml entry 1 (x): code 'not-a-code' is not CAMEO-style" in err


def test_out_file_is_written_whole(capsys, tmp_path: Path) -> None:
    target = tmp_path / "events.jsonl"
    status, out, _ = run(capsys, "code", str(EXAMPLE), "--date", "2022-02-17", "--out", str(target))
    assert status == 0 and out == ""
    assert target.exists() and not list(tmp_path.glob(".*.part"))
    lines = target.read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["doc_id"] == "security-guarantees.txt" for line in lines)


def test_out_file_not_left_half_written_on_failure(capsys, tmp_path: Path, monkeypatch) -> None:
    from dragoman.io import writers

    target = tmp_path / "events.jsonl"

    def explode(self, document):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(writers.EventWriter, "write_document", explode)
    with pytest.raises(RuntimeError):
        main(["code", str(EXAMPLE), "--out", str(target)])
    assert not target.exists() and not list(tmp_path.iterdir())


def test_installed_script_reads_stdin_and_exits_cleanly() -> None:
    script = Path(sys.executable).with_name("dragoman")
    proc = subprocess.run(
        [str(script), "annotate", "-", "--date", "2022-02-17"],
        input="Russia's Foreign Ministry accused Washington.\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["doc_id"].startswith("sha256-")
    assert [e["code"] for e in doc["entities"]] == ["RUSGOV", "USAGOV"]
