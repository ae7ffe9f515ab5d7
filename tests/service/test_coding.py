"""POST /v1/code, /v1/annotate and /v1/classify: the CLI's JSON over HTTP, and the 422s."""

from __future__ import annotations

import json
import threading

from dragoman.document import Document
from dragoman.io.readers import content_id
from dragoman.service.models import AnnotationOut, ClassifyOut, CodeOut

from .conftest import EXAMPLE_DATE, example_document, needs_fastapi

pytestmark = needs_fastapi


def test_annotate_is_the_cli_annotate_record(client, coder) -> None:
    doc = example_document()
    response = client.post(
        "/v1/annotate", json={"text": doc.text, "date": EXAMPLE_DATE, "id": doc.doc_id}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    AnnotationOut.model_validate(body)
    assert body == json.loads(json.dumps(coder.annotate(example_document()).to_json()))
    spans = [*body["entities"], *body["times"], *body["places"]]
    spans += [e["trigger"] for e in body["events"]]
    for span in spans:
        assert body["text"][span["start"] : span["end"]] == span["text"]


def test_code_returns_the_events_with_the_accusation(client) -> None:
    doc = example_document()
    response = client.post("/v1/code", json={"text": doc.text, "date": EXAMPLE_DATE})
    assert response.status_code == 200
    body = response.json()
    CodeOut.model_validate(body)
    assert body["doc_id"] == content_id(doc.text)  # no id given: a hash of the text
    accusations = [
        e
        for e in body["events"]
        if e["plover"]["type"] == "ACCUSE" and [a["code"] for a in e["actor"]] == ["RUSGOV"]
    ]
    assert accusations and accusations[0]["actor"][0]["text"] == "Russian Foreign Ministry"
    assert accusations[0]["trigger"]["text"] == "distorted"
    assert accusations[0]["date"]["value"] == EXAMPLE_DATE


def test_date_and_id_are_optional_and_dates_resolve(client) -> None:
    text = "Kenyan police arrested three opposition lawmakers in Nairobi on Monday."
    undated = client.post("/v1/code", json={"text": text}).json()
    dated = client.post("/v1/code", json={"text": text, "date": "2023-03-22", "id": "k1"}).json()
    assert dated["doc_id"] == "k1" and dated["events"][0]["date"]["value"] == "2023-03-20"
    assert client.post("/v1/code", json={"text": text, "id": 17}).json()["doc_id"] == "17"
    assert undated["events"] and undated["events"][0]["date"]["value"] is None


def test_html_in_the_text_comes_back_as_json_text(client) -> None:
    text = 'Russia accused Ukraine of shelling. <script>alert("x")</script> <b>bold</b>'
    response = client.post("/v1/annotate", json={"text": text})
    assert response.headers["content-type"] == "application/json"
    assert response.json()["text"] == text


def test_classify_answers_each_record_in_order(client) -> None:
    text = "Russia accused Ukraine of shelling villages in the Donbas."
    records = [
        {"id": "a", "text": text, "actor": {"start": 0, "end": 6},
         "recipient": {"start": 15, "end": 22}},
        {"text": text, "actor": None, "recipient": None},
    ]  # fmt: skip
    response = client.post("/v1/classify", json=records)
    assert response.status_code == 200
    results = response.json()
    assert [r["id"] for r in results] == ["a", "2"]
    for result in results:
        ClassifyOut.model_validate(result)
    assert results[0]["plover"]["type"] == "ACCUSE" and results[0]["cameo"]["code"] == "112"


def _error(response, status: int = 422) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()["error"]


def test_invalid_json_says_where(client) -> None:
    response = client.post(
        "/v1/code", content=b'{"text": "Moscow said', headers={"content-type": "application/json"}
    )
    message = _error(response)
    assert "not valid JSON" in message and "character" in message
    assert response.json()["detail"][0]["type"] == "json_invalid"


def test_each_field_problem_is_named(client) -> None:
    assert "text: Field required" in _error(client.post("/v1/code", json={"txt": "Moscow"}))
    assert "text: String should have at least 1 character" in _error(
        client.post("/v1/annotate", json={"text": ""})
    )
    message = _error(client.post("/v1/code", json={"text": "Moscow", "date": "Thursday"}))
    assert message.startswith("date:") and "'Thursday' is not a date" in message
    assert "text: Input should be a valid string" in _error(
        client.post("/v1/code", json={"text": 42})
    )
    assert "JSON object" in _error(client.post("/v1/code", json=["Moscow said"]))


def test_classify_errors(client) -> None:
    text = "Russia accused Ukraine."
    message = _error(
        client.post("/v1/classify", json=[{"text": text, "actor": {"start": 0, "end": 99}}])
    )
    assert message.startswith("0:") and "'actor' span 0-99 is outside the text" in message
    assert "JSON array" in _error(client.post("/v1/classify", json={"text": text}))
    assert "at least 1" in _error(client.post("/v1/classify", json=[]))
    assert "0.actor.stop" in _error(
        client.post("/v1/classify", json=[{"text": text, "actor": {"start": 0, "stop": 3}}])
    )


def test_documents_are_coded_concurrently_and_alike(client, coder) -> None:
    """Threads share one Coder: concurrent requests give what one at a time would."""
    texts = [
        "Russia accused Ukraine of shelling villages in the Donbas on Thursday.",
        "US President Joe Biden met German Chancellor Olaf Scholz at the White House.",
        "Kenyan police arrested three opposition lawmakers in Nairobi on Monday.",
        "The United States urged Russia and Ukraine to resolve their differences through talks.",
    ] * 2
    expected = [
        [e.to_json() for e in coder.annotate(Document(f"c{i}", t, "2022-02-17")).events]
        for i, t in enumerate(texts)
    ]
    results: dict[int, list] = {}

    def post(i: int, text: str) -> None:
        body = {"text": text, "date": "2022-02-17", "id": f"c{i}"}
        results[i] = client.post("/v1/code", json=body).json()["events"]

    threads = [threading.Thread(target=post, args=(i, t)) for i, t in enumerate(texts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert [json.loads(json.dumps(results[i])) for i in range(len(texts))] == json.loads(
        json.dumps(expected)
    )
