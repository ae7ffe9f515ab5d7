"""``dragoman serve``: its options, and the real command answering on a local port."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from dragoman.cli import build_parser, main

from .conftest import needs_fastapi


def test_options_and_defaults() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.db, args.timeout, args.max_bytes, args.workers) == (
        "127.0.0.1", 8000, None, 30.0, 1_000_000, 2,
    )  # fmt: skip
    args = build_parser().parse_args(
        ["serve", "--db", "x.duckdb", "--port", "9000", "--timeout", "5", "--max-bytes", "10"]
    )
    assert (args.db, args.port, args.timeout, args.max_bytes) == ("x.duckdb", 9000, 5.0, 10)


@pytest.mark.parametrize(
    "argv", [["--port", "http"], ["--port", "70000"], ["--timeout", "0"], ["--workers", "0"]]
)
def test_bad_options_are_usage_errors(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", *argv])
    assert exit_.value.code == 2
    assert "dragoman serve: error: argument" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


@needs_fastapi
def test_dragoman_serve_answers_on_its_port(tmp_path: Path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    script = Path(sys.executable).parent / "dragoman"
    command = [str(script), "serve", "--port", str(port), "--db", str(tmp_path / "none.duckdb")]
    server = subprocess.Popen(
        command, stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1")
    )
    try:
        deadline = time.monotonic() + 90
        health = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                health = _get(base + "/health")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        assert health is not None, (
            server.stderr.read() if server.poll() is not None else "no answer"
        )
        assert health["status"] == "ok" and health["model"]
        request = urllib.request.Request(
            base + "/v1/code",
            data=json.dumps(
                {"text": "Moscow accused Kyiv of shelling.", "date": "2022-02-17"}
            ).encode(),
            headers={"content-type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            events = json.loads(response.read())["events"]
        assert events[0]["plover"]["type"] == "ACCUSE"
        with urllib.request.urlopen(base + "/", timeout=5) as response:
            assert b"dragoman" in response.read()
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert f"serving http://127.0.0.1:{port}/" in server.stderr.read()
