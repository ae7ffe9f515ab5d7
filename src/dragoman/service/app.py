"""The HTTP service: a FastAPI app over one Coder and one store.

    >>> from dragoman.service import create_app                     # doctest: +SKIP
    >>> app = create_app(Coder(), db="dragoman.duckdb")             # then run it with uvicorn

``create_app`` wires the parts together: the coding routes (``routes_coding``), the store
routes (``routes_store``), the web page and its assets (``static/``), ``/health``, the
limits (``limits``) and one error shape, ``{"error": "...", "detail": [...]}``, for every
error. The Coder is loaded once, before the first request (by ``dragoman serve``, or by
the app's start-up when none is given), and warmed on a short text so that lazily built
tables (the gazetteer) are ready before anyone waits for them.

No CDN: FastAPI's own ``/docs`` page loads Swagger UI from the internet, so it is off;
the OpenAPI description is at ``/openapi.json``, and the page links to it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from dragoman import __version__
from dragoman.dataset.store import default_db
from dragoman.document import Document
from dragoman.service import routes_coding, routes_store
from dragoman.service.limits import BodySizeLimit, Limits, ServiceError
from dragoman.service.models import HealthOut
from dragoman.service.state import CoderLike, ServiceState

STATIC = Path(__file__).resolve().parent / "static"

#: The page builds its DOM from text (never HTML strings), and on top of that the browser
#: is told to run no script and load nothing that did not come from this server.
_SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}

_WARM_UP = Document(
    "warm-up", "Russia accused Ukraine of shelling Donetsk on Thursday.", "2022-02-17"
)


def _model_name(coder: Any) -> str | None:
    meta = getattr(getattr(coder, "nlp", None), "meta", None)
    if not meta:
        return None
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"


def create_app(
    coder: CoderLike | None = None,
    db: str | None = None,
    limits: Limits | None = None,
    *,
    model: str | None = None,
    warm_up: bool = True,
) -> FastAPI:
    """The service. ``coder`` is a loaded Coder (None: load one with ``model`` at start);
    ``db`` the DuckDB store the explore routes read (default: ``$DRAGOMAN_DB`` or
    ``./dragoman.duckdb``; it may not exist yet)."""
    state = ServiceState(db=str(db or default_db()), limits=limits or Limits(), coder=coder)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if state.coder is None:
            from dragoman.pipeline import Coder

            state.coder = await state.coding.run(lambda: Coder(model=model))
        state.model = _model_name(state.coder)
        if warm_up:
            await state.coding.run(state.coder.annotate, _WARM_UP)
        try:
            yield
        finally:
            state.close()

    app = FastAPI(
        title="dragoman",
        version=__version__,
        summary="Political event data from news text, in PLOVER 1.3 and CAMEO 1.1b3.",
        description="Code news text into events (who did what to whom, when and where) "
        "and explore a store of coded events. The JSON shapes are those of the `dragoman` "
        "command line (CONTRACT.md).",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = state
    app.include_router(routes_coding.router)
    app.include_router(routes_store.router)
    _add_errors(app)
    _add_pages(app, state)
    _add_headers(app)
    app.add_middleware(BodySizeLimit, max_bytes=state.limits.max_body_bytes)
    return app


#: What pydantic says when the body is not a JSON object at all.
_NOT_AN_OBJECT = frozenset({"model_attributes_type", "dict_type", "model_type"})


def _where(loc: tuple | list) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path"):
        kind, parts = parts[0], parts[1:]
        if kind != "body":
            return f"{kind} parameter {'.'.join(parts)}"
    return ".".join(parts) or "the body"


def validation_message(errors: list[dict[str, Any]]) -> str:
    """One sentence naming each problem: ``text: Field required; date: Value error, ...``."""
    problems = []
    for error in errors:
        if error.get("type") == "json_invalid":
            reason = (error.get("ctx") or {}).get("error", "")
            position = error["loc"][1] if len(error.get("loc", ())) > 1 else None
            at = f" at character {position}" if position is not None else ""
            problems.append(f"the body is not valid JSON ({reason}{at})")
        elif tuple(error.get("loc", ())) == ("body",) and error.get("type") in _NOT_AN_OBJECT:
            problems.append(
                'the body must be a JSON object such as {"text": "...", "date": "YYYY-MM-DD", '
                '"id": "..."}, sent as Content-Type: application/json'
            )
        elif tuple(error.get("loc", ())) == ("body",) and error.get("type") == "list_type":
            problems.append("the body must be a JSON array of records")
        else:
            problems.append(f"{_where(error.get('loc', ()))}: {error.get('msg')}")
    return "; ".join(problems) or "the request is not valid"


def _add_errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        # the input is left out: it may be a whole article, and the client has it
        detail = [{k: e[k] for k in ("loc", "msg", "type") if k in e} for e in errors]
        return JSONResponse(
            {"error": validation_message(errors), "detail": detail}, status_code=422
        )

    @app.exception_handler(ServiceError)
    async def refused(_: Request, exc: ServiceError) -> JSONResponse:
        return JSONResponse({"error": exc.message}, status_code=exc.status)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse(
            {"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers
        )


def _add_pages(app: FastAPI, state: ServiceState) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-cache"})

    @app.get("/health", response_model=HealthOut, tags=["service"], summary="Is it up?")
    async def health() -> dict[str, Any]:
        return {
            "status": "ok" if state.coder is not None else "starting",
            "version": __version__,
            "model": state.model,
            "store": {"path": state.db, "exists": state.store_exists()},
        }


def _add_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        for name, value in _SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response
