"""Request limits: how big a body may be, how long a request may take, how many run at once.

A coder that can be sent any text must say no early and clearly rather than fall over:

- ``BodySizeLimit`` refuses a body larger than ``max_body_bytes`` with 413 before any of
  it is parsed. It trusts neither ``Content-Length`` nor its absence (chunked uploads):
  it counts the bytes as they arrive and stops reading at the limit.
- ``WorkPool`` runs blocking work (spaCy, DuckDB) in a small pool of threads so the event
  loop keeps answering ``/health`` and the page while documents are coded, and gives each
  request ``timeout`` seconds, queueing included. A Python thread cannot be killed, so a
  request that runs out of time gets its 504 at once while its coding finishes in the
  background; the pool's fixed size is what keeps such leftovers from piling up, and work
  still queued when its time runs out is dropped without being started.

504 rather than 408: 408 means the *client* was too slow to send its request, and
browsers and HTTP libraries resend a request answered with 408, which would code the same
slow document again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

#: Methods whose body is read (and so counted); others pass straight through.
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


@dataclass(frozen=True, slots=True)
class Limits:
    """The service's limits; ``dragoman serve`` options set them."""

    max_body_bytes: int = 1_000_000
    timeout: float = 30.0
    workers: int = 2
    max_page: int = 500
    max_classify: int = 1000
    max_edges: int = 200


class ServiceError(Exception):
    """An error with an HTTP status and a message meant for the person who sent the request."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_body(message: str, **extra: Any) -> bytes:
    """The JSON every error response carries: ``{"error": "what went wrong", ...}``."""
    return json.dumps({"error": message, **extra}, ensure_ascii=False).encode("utf-8")


class BodySizeLimit:
    """ASGI middleware: read a request body whole, refusing it with 413 past ``max_bytes``.

    The body is buffered (it is at most ``max_bytes``) and replayed to the application,
    so the application never sees part of an oversized body.
    """

    def __init__(self, app: Callable, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                await self._refuse(send, 400, "the Content-Length header is not a number")
                return
            if length > self.max_bytes:
                await self._refuse(send, 413, self._too_large(length))
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(send, 413, self._too_large(None))
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> dict:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _too_large(self, length: int | None) -> str:
        size = f"{length:,} bytes" if length is not None else "more than that"
        return (
            f"the request body is too large: the limit is {self.max_bytes:,} bytes and this "
            f"one is {size}; send a shorter text, or start the service with a larger "
            "--max-bytes"
        )

    @staticmethod
    async def _refuse(send: Callable, status: int, message: str) -> None:
        body = error_body(message)
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class WorkPool:
    """A fixed pool of threads for blocking work, with a time limit per call."""

    def __init__(self, workers: int, timeout: float, name: str) -> None:
        self.timeout = timeout
        self.name = name
        self._executor = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix=name)

    async def run(self, fn: Callable[..., T], *args: Any, on_timeout: Callable | None = None) -> T:
        """``fn(*args)`` in a worker thread; ServiceError(504) when it takes too long.

        ``on_timeout`` is called (in the event loop) when time runs out, to stop work
        that can be stopped (a DuckDB query can be interrupted; spaCy cannot).
        """
        import asyncio  # here, not at the top: `dragoman --help` reads Limits

        future = self._executor.submit(fn, *args)
        try:
            async with asyncio.timeout(self.timeout):
                return await asyncio.wrap_future(future)
        except TimeoutError:
            future.cancel()  # drops it if it has not started; a running thread goes on
            if on_timeout is not None:
                on_timeout()
            raise ServiceError(
                504,
                f"{self.name} took longer than the {self.timeout:g} s limit; send a "
                "shorter text, or start the service with a larger --timeout",
            ) from None

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
