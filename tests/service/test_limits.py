"""Limits: 413 for large bodies, 504 past the time limit, the event loop never blocked,
and the Coder loaded once at start."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator

import pytest

import dragoman.pipeline
from dragoman.classify import ClassifyRequest
from dragoman.document import Document

from .conftest import app_client, make_client, needs_fastapi

pytestmark = needs_fastapi


class SlowCoder:
    """A stand-in Coder that takes ``seconds`` per document and counts its calls."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.calls = 0
        self.running = 0
        self.most_at_once = 0
        self._lock = threading.Lock()

    def annotate(self, document: Document) -> Document:
        with self._lock:
            self.calls += 1
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        time.sleep(self.seconds)
        with self._lock:
            self.running -= 1
        return document

    def classify_all(self, requests: Iterable[ClassifyRequest]) -> Iterator[dict]:
        time.sleep(self.seconds)
        return iter([])


def test_a_body_over_the_limit_is_413(coder) -> None:
    with make_client(coder, max_body_bytes=1000) as client:
        response = client.post("/v1/code", json={"text": "Moscow said. " * 100})
        assert response.status_code == 413
        message = response.json()["error"]
        assert "limit is 1,000 bytes" in message and "--max-bytes" in message
        ok = client.post("/v1/code", json={"text": "Moscow accused Kyiv of shelling."})
        assert ok.status_code == 200


def test_a_chunked_body_is_counted_as_it_arrives(coder) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(50):
            yield b"Moscow said. " * 10
        yield b'"}'

    with make_client(coder, max_body_bytes=1000) as client:
        response = client.post(
            "/v1/code", content=chunks(), headers={"content-type": "application/json"}
        )
        assert response.status_code == 413
        assert "limit is 1,000 bytes" in response.json()["error"]


def test_too_many_classify_records_is_413(coder) -> None:
    with make_client(coder, max_classify=2) as client:
        response = client.post("/v1/classify", json=[{"text": "Moscow said."}] * 3)
        assert response.status_code == 413 and "at most 2" in response.json()["error"]


def test_coding_past_the_time_limit_is_504_with_a_message() -> None:
    slow = SlowCoder(1.0)
    with make_client(slow, timeout=0.2) as client:
        started = time.perf_counter()
        response = client.post("/v1/code", json={"text": "Moscow said."})
        assert time.perf_counter() - started < 0.9  # answered at the limit, not after coding
        assert response.status_code == 504
        message = response.json()["error"]
        assert "coding took longer than the 0.2 s limit" in message and "--timeout" in message
        response = client.post("/v1/classify", json=[{"text": "Moscow said."}])
        assert response.status_code == 504


def test_the_event_loop_answers_while_documents_are_coded() -> None:
    slow = SlowCoder(0.8)
    with make_client(slow, workers=2, timeout=10) as client:
        answers: list[int] = []
        posts = [
            threading.Thread(
                target=lambda: answers.append(
                    client.post("/v1/code", json={"text": "Moscow said."}).status_code
                )
            )
            for _ in range(3)
        ]
        for thread in posts:
            thread.start()
        time.sleep(0.2)
        started = time.perf_counter()
        assert client.get("/health").status_code == 200
        assert time.perf_counter() - started < 0.3
        for thread in posts:
            thread.join(10)
        assert answers == [200, 200, 200]
        assert slow.most_at_once == 2  # the pool's size bounds the work in flight


def test_the_coder_loads_once_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded: list[str | None] = []

    class Loaded(SlowCoder):
        def __init__(self, model: str | None = None) -> None:
            loaded.append(model)
            super().__init__(0.0)

    monkeypatch.setattr(dragoman.pipeline, "Coder", Loaded)
    from dragoman.service import create_app

    with app_client(create_app(None, db="none.duckdb", model="my_model")) as client:
        assert loaded == ["my_model"]
        for _ in range(3):
            assert client.post("/v1/code", json={"text": "Moscow said."}).status_code == 200
        assert client.get("/health").json()["status"] == "ok"
    assert loaded == ["my_model"]
