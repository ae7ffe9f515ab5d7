"""Fixtures for the service tests: an app over the session's Coder and a small store.

The store holds the example article and a few short reports on other days, ingested
once per session with the session's Coder, so the explore routes have real events of
several types, dyads and months to answer about.

FastAPI is imported only inside the fixtures, so that without it the test modules that
need it skip themselves (``needs_fastapi``) instead of failing to collect.
"""

from __future__ import annotations

import importlib.util
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dragoman.dataset import Store, ingest
from dragoman.document import Document
from dragoman.io.readers import content_id
from dragoman.service import Limits

from ..conftest import EXAMPLE

EXAMPLE_DATE = "2022-02-17"

#: Marks a module or test that needs FastAPI (and uvicorn): skipped, with why, without.
needs_fastapi = pytest.mark.skipif(
    importlib.util.find_spec("fastapi") is None or importlib.util.find_spec("uvicorn") is None,
    reason="the service needs FastAPI and uvicorn (pip install fastapi uvicorn)",
)

#: Short reports on other days, so that series have more than one period.
OTHERS = [
    ("kenya", "2022-01-10", "Kenyan police arrested three opposition lawmakers in Nairobi."),
    ("talks", "2022-01-21", "US Secretary of State Antony Blinken met Russian Foreign "
                            "Minister Sergei Lavrov in Geneva on Friday."),
    ("shelling", "2022-03-03", "Russia accused Ukraine of shelling villages in the Donbas."),
]  # fmt: skip


def example_document() -> Document:
    """The example article, under the id ``dragoman ingest examples/`` gives it."""
    text = EXAMPLE.read_text(encoding="utf-8")
    return Document(doc_id=content_id(text), text=text, date=EXAMPLE_DATE)


@pytest.fixture(scope="session")
def store_path(tmp_path_factory, coder) -> Path:
    path = tmp_path_factory.mktemp("service") / "events.duckdb"
    docs = [example_document()] + [Document(i, t, d, source="Wire") for i, d, t in OTHERS]
    with Store.open(path) as store:
        ingest(store, docs, workers=1, coder=coder)
    return path


def app_client(app: Any) -> Any:
    """Starlette's test client for ``app`` (use as a context manager to run its start-up)."""
    with warnings.catch_warnings():
        # Starlette would rather have httpx2; httpx (already pinned) works the same here.
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(app)


@pytest.fixture(scope="session")
def client(coder, store_path) -> Iterator[Any]:
    """A client of the app as ``dragoman serve`` builds it, for the whole session."""
    from dragoman.service import create_app

    app = create_app(coder, db=str(store_path), limits=Limits(max_body_bytes=200_000))
    with app_client(app) as session_client:
        yield session_client


def make_client(coder, db: str | Path = "missing.duckdb", **limits) -> Any:
    """A client with its own limits (use as a context manager)."""
    from dragoman.service import create_app

    return app_client(create_app(coder, db=str(db), limits=Limits(**limits), warm_up=False))
