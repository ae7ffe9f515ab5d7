"""Ingest: idempotent, the same whatever the number of workers, failures kept apart."""

from __future__ import annotations

import json
from pathlib import Path

from dragoman.dataset.ingest import ingest
from dragoman.dataset.store import Store
from dragoman.document import Document


def _events(store: Store) -> list[tuple[str, dict]]:
    rows = store.con.execute("SELECT event_id, event FROM events ORDER BY event_id").fetchall()
    return [(event_id, json.loads(event)) for event_id, event in rows]


def test_ingesting_twice_adds_nothing(tmp_path: Path, coder, small_corpus) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        first = ingest(store, small_corpus, coder=coder, batch_size=4)
        counts = store.counts()
        assert first.stored == len(small_corpus) and first.skipped == 0
        assert counts["documents"] == len(small_corpus) and counts["events"] == first.events > 0
        again = ingest(store, small_corpus + small_corpus[:2], coder=coder)
        assert (again.stored, again.skipped, again.events) == (0, len(small_corpus) + 2, 0)
        assert store.counts() == counts


def test_repeats_within_one_input_are_stored_once(tmp_path: Path, coder, small_corpus) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        report = ingest(store, small_corpus[:2] + small_corpus[:2], coder=coder, batch_size=1)
        assert (report.stored, report.skipped) == (2, 2)
        assert store.counts()["documents"] == 2


def test_rows_keep_every_layer_and_the_event_json(tmp_path: Path, coder, small_corpus) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, small_corpus[:1], coder=coder)
        expected = coder.annotate(Document("d0", small_corpus[0].text, "2022-02-17"))
        doc = store.con.execute(
            "SELECT text, date, source, sentences, times, n_events FROM documents"
        ).fetchall()[0]
        assert doc[0] == small_corpus[0].text and str(doc[1]) == "2022-02-17" and doc[2] == "Wire"
        assert json.loads(doc[3]) == [s.to_json() for s in expected.sentences]
        assert json.loads(doc[4]) == [t.to_json() for t in expected.times]
        assert doc[5] == len(expected.events)
        stored = dict(_events(store))
        assert stored == {e.event_id: e.to_json() for e in expected.events}
        codes = store.con.execute("SELECT code FROM entities ORDER BY idx").fetchall()
        assert [c[0] for c in codes] == [e.code for e in expected.entities]


def test_two_workers_give_the_same_events_as_one(tmp_path: Path, coder, small_corpus) -> None:
    with Store.open(tmp_path / "one.duckdb") as one, Store.open(tmp_path / "two.duckdb") as two:
        ingest(one, small_corpus, coder=coder, batch_size=2)
        report = ingest(two, small_corpus, workers=2, batch_size=2)
        assert report.workers == 2
        assert _events(one) == _events(two)
        ids = "SELECT id FROM documents ORDER BY id"
        assert one.con.execute(ids).fetchall() == two.con.execute(ids).fetchall()


class _Flaky:
    """A coder that fails on one document, to check the rest of its batch is kept."""

    def __init__(self, coder) -> None:
        self.coder, self.nlp = coder, coder.nlp

    def annotate_all(self, documents):
        for d in documents:
            if "poison" in d.text:
                raise RuntimeError("cannot code this")
            yield self.coder.annotate(d)

    def annotate(self, document):
        return next(self.annotate_all([document]))


def test_a_document_the_coder_fails_on_is_reported_and_the_rest_stored(
    tmp_path: Path, coder, small_corpus
) -> None:
    docs = [small_corpus[0], Document("bad", "poison", "2022-02-17"), small_corpus[1]]
    with Store.open(tmp_path / "s.duckdb") as store:
        report = ingest(store, docs, coder=_Flaky(coder), batch_size=3)
        assert [f.doc_id for f in report.failures] == ["bad"]
        assert "cannot code this" in report.failures[0].reason
        ids = store.con.execute("SELECT id FROM documents ORDER BY id").fetchall()
        assert [i[0] for i in ids] == ["d0", "d1"]
