"""GET /v1/events, /v1/stats, /v1/network and /v1/documents/{id} over a small store."""

from __future__ import annotations

import json

from dragoman.dataset import Dyad, EventFilter, Store, event_series
from dragoman.service.models import EventsPage, NetworkOut, SeriesOut

from .conftest import example_document, make_client, needs_fastapi

pytestmark = needs_fastapi


def _ok(response) -> dict:
    assert response.status_code == 200, response.text
    return response.json()


def test_events_are_paginated_in_date_order(client, store_path) -> None:
    everything = _ok(client.get("/v1/events", params={"limit": 500}))
    EventsPage.model_validate(everything)
    with Store.open(store_path, create=False, read_only=True) as store:
        assert everything["total"] == store.counts()["events"] == len(everything["events"])
    ids = [e["event_id"] for e in everything["events"]]
    pages = [
        _ok(client.get("/v1/events", params={"limit": 4, "offset": o}))
        for o in range(0, everything["total"], 4)
    ]
    assert [e["event_id"] for p in pages for e in p["events"]] == ids
    assert all(p["total"] == everything["total"] and p["limit"] == 4 for p in pages)
    dates = [e["date"]["value"] for e in everything["events"] if e["date"]["value"]]
    assert dates == sorted(dates, key=lambda d: d[:7])  # month-only dates sort by their month


def test_event_filters_are_the_export_filters(client) -> None:
    page = _ok(client.get("/v1/events", params={"actor": "RUSGOV", "type": "ACCUSE"}))
    assert page["total"] >= 1
    for event in page["events"]:
        assert event["plover"]["type"] == "ACCUSE"
        assert any(a["code"].startswith("RUSGOV") for a in event["actor"])
    accusation = next(
        e for e in page["events"] if e["actor"][0]["text"] == "Russian Foreign Ministry"
    )
    doc = example_document()
    # the page shows the sentence in place: its offsets point into the document
    start, end = accusation["sentence_start"], accusation["sentence_end"]
    assert doc.text[start:end] == accusation["text"]
    assert accusation["doc_date"] == "2022-02-17" and accusation["num_mentions"] == 1
    by_month = _ok(client.get("/v1/events", params={"from": "2022-03-01", "to": "2022-03-31"}))
    assert by_month["total"] >= 1
    assert all(e["date"]["value"].startswith("2022-03") for e in by_month["events"])
    several = _ok(client.get("/v1/events", params=[("actor", "KEN"), ("actor", "USA,RUS")]))
    assert several["total"] > by_month["total"]
    merged = _ok(client.get("/v1/events", params={"dedup": "one-a-day", "limit": 500}))
    assert merged["total"] <= _ok(client.get("/v1/events"))["total"]


def test_stats_are_the_cli_series(client, store_path) -> None:
    params = {"by": "month", "measure": "quad", "dyad": "RUS:*"}
    body = _ok(client.get("/v1/stats", params=params))
    SeriesOut.model_validate(body)
    with Store.open(store_path, create=False, read_only=True) as store:
        expected = event_series(store, "month", "quad", (Dyad.parse("RUS:*"),), EventFilter())
    assert body["columns"] == expected.columns
    assert body["rows"] == json.loads(json.dumps(expected.records()))
    assert [r["period"] for r in body["rows"]][:1] == ["2021-12"]
    counts = _ok(client.get("/v1/stats", params={"by": "day", "type": "ACCUSE"}))
    assert counts["columns"] == ["ACCUSE", "total"]


def test_network_edges_and_nodes(client) -> None:
    body = _ok(client.get("/v1/network"))
    NetworkOut.model_validate(body)
    edges = {(e["actor"], e["recipient"]): e for e in body["edges"]}
    assert ("RUS", "USA") in edges and ("RUSGOV", "USAGOV") in edges
    for edge in body["edges"]:
        assert edge["cooperation"] + edge["conflict"] == edge["events"]
    codes = {n["code"] for n in body["nodes"]}
    assert codes == {side for pair in edges for side in pair}
    assert next(n for n in body["nodes"] if n["code"] == "RUS")["name"] == "Russia"
    one = _ok(client.get("/v1/network", params={"edges": 1}))
    assert len(one["edges"]) == 1 and one["truncated"] is True
    assert one["edges"][0]["events"] == max(e["events"] for e in body["edges"])


def test_a_stored_document_is_its_annotate_record(client, coder) -> None:
    stored = _ok(client.get(f"/v1/documents/{example_document().doc_id}"))
    coded = json.loads(json.dumps(coder.annotate(example_document()).to_json()))
    for key in ("doc_id", "text", "date", "sentences", "entities", "times", "places", "quotes"):
        assert stored[key] == coded[key], key
    by_id = lambda events: sorted(events, key=lambda e: e["event_id"])  # noqa: E731
    assert by_id(stored["events"]) == by_id(coded["events"])
    missing = client.get("/v1/documents/no-such-doc")
    assert missing.status_code == 404 and "no-such-doc" in missing.json()["error"]


def test_parameter_problems_are_named(client) -> None:
    cases = [
        ({"type": "ACUSE"}, "query parameter type: 'ACUSE' is not a PLOVER category"),
        ({"from": "17/02/2022"}, "query parameter from: '17/02/2022' is not a date"),
        ({"from": "2022-03-01", "to": "2022-02-01"}, "'from' 2022-03-01 is after 'to' 2022-02-01"),
        ({"actor": "RUS-GOV"}, "query parameter actor: 'RUS-GOV': codes are letters and digits"),
        ({"dedup": "daily"}, "query parameter dedup: 'daily': choose from none, one-a-day"),
        ({"limit": 0}, "query parameter limit: Input should be greater than or equal to 1"),
        ({"limit": 501}, "query parameter limit: at most 500 events a page"),
        ({"offset": "x"}, "query parameter offset: Input should be a valid integer"),
    ]
    for params, message in cases:
        response = client.get("/v1/events", params=params)
        assert response.status_code == 422, params
        assert message in response.json()["error"], response.json()
    for params, message in [
        ({"by": "year"}, "query parameter by: 'year': choose from day, week, month"),
        ({"measure": "sum"}, "query parameter measure: 'sum'"),
        ({"dyad": "RUS-USA"}, "query parameter dyad: dyad 'RUS-USA' is not ACTOR:RECIPIENT"),
    ]:
        response = client.get("/v1/stats", params=params)
        assert response.status_code == 422 and message in response.json()["error"]


def test_no_store_is_a_503_that_says_what_to_do(coder, tmp_path) -> None:
    with make_client(coder, tmp_path / "none.duckdb") as client:
        for path in ("/v1/events", "/v1/stats", "/v1/network", "/v1/documents/x"):
            response = client.get(path)
            assert response.status_code == 503
            assert "dragoman ingest" in response.json()["error"]
        health = client.get("/health").json()
        assert health["store"] == {"path": str(tmp_path / "none.duckdb"), "exists": False}
    (tmp_path / "junk.duckdb").write_bytes(b"not a database at all" * 100)
    with make_client(coder, tmp_path / "junk.duckdb") as client:
        response = client.get("/v1/events")
        assert response.status_code == 503 and "junk.duckdb" in response.json()["error"]
