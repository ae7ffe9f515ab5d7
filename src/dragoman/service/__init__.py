"""The HTTP service and web page of ``dragoman serve`` (FastAPI on uvicorn).

Modules, one job each: ``app`` (builds the app from a Coder and a store path), ``state``
(what requests share), ``models`` (request and response schemas), ``limits`` (body size,
time limit, thread pools), ``routes_coding`` (code, annotate, classify), ``routes_store``
(events, stats, network, documents), ``queries`` (the store reads the page needs), and
``static/`` (the page: plain HTML, CSS and JavaScript, no build step, nothing fetched from
elsewhere).

FastAPI is imported only by ``app`` and the routes, and ``create_app`` is loaded only
when asked for, so ``dragoman --help`` (which reads ``Limits`` for its defaults) stays
quick and the other commands work without FastAPI installed.
"""

from __future__ import annotations

from dragoman.service.limits import Limits

__all__ = ["Limits", "create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from dragoman.service.app import create_app

        return create_app
    raise AttributeError(name)
