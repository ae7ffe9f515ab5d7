"""Resume: an ingest killed half-way and run again stores every document exactly once."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb

from dragoman.document import Document

from .conftest import write_jsonl

SENTENCES = (
    "Russia accused Ukraine of shelling the village of {n} on Thursday.",
    "The United States urged both sides to show restraint.",
    "Officials from France and Germany met in Geneva to discuss the crisis, day {n}.",
)


def _corpus(n: int) -> list[Document]:
    return [
        Document(
            f"r{i:02d}", " ".join(s.format(n=i) for s in SENTENCES), "2022-02-17", source="Wire"
        )
        for i in range(n)
    ]


def _ingest(jsonl: Path, db: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "dragoman.cli", "ingest", str(jsonl), "--db", str(db),
               "--workers", "1", "--batch-size", "2", "--verbose"]  # fmt: skip
    return subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)


def _stored(db: Path) -> tuple[list[str], int, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        ids = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY id").fetchall()]
        events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        # every stored document has all its events: none half-written
        mismatched = con.execute(
            "SELECT d.id FROM documents d LEFT JOIN events e ON e.doc_id = d.id "
            "GROUP BY d.id, d.n_events HAVING count(e.event_id) <> d.n_events"
        ).fetchall()
    finally:
        con.close()
    return ids, events, mismatched


def test_killed_ingest_resumes_without_loss_or_doubles(tmp_path: Path, coder) -> None:
    corpus = _corpus(40)
    jsonl = write_jsonl(tmp_path / "corpus.jsonl", corpus)
    db = tmp_path / "resume.duckdb"

    run = _ingest(jsonl, db)
    assert run.stderr is not None
    deadline = time.monotonic() + 120
    for line in run.stderr:  # wait for the first committed batch, then kill at once
        if "committed" in line or time.monotonic() > deadline:
            break
    run.kill()
    run.wait()
    ids, _, mismatched = _stored(db)
    assert 0 < len(ids) < len(corpus), "the kill must come in the middle of the run"
    assert mismatched == []

    rerun = _ingest(jsonl, db)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"{len(ids)} already stored" in err
    ids, events, mismatched = _stored(db)
    assert ids == sorted(d.doc_id for d in corpus) and mismatched == []
    assert events == sum(len(d.events) for d in coder.annotate_all(_corpus(40)))
