"""``GET /v1/events``, ``/v1/stats``, ``/v1/network`` and ``/v1/documents/{id}``: the
store, read with the same selection as ``dragoman export`` and ``dragoman stats``.

The store is opened read-only for each request and closed after it, so that
``dragoman ingest`` can add to it while the service runs (DuckDB lets one process write
a file only while no other has it open).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from dragoman.dataset.dedup import DEDUP_MODES
from dragoman.dataset.query import EventFilter
from dragoman.dataset.stats import MEASURES, PERIODS, Dyad, event_series
from dragoman.dataset.store import Store, StoreError
from dragoman.io.dates import parse_date
from dragoman.service import queries
from dragoman.service.limits import ServiceError
from dragoman.service.models import ErrorOut, EventsPage, NetworkOut, SeriesOut
from dragoman.service.state import ServiceState

router = APIRouter(prefix="/v1", tags=["store"])
T = TypeVar("T")

_ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorOut, "description": "a parameter is not valid"},
    503: {"model": ErrorOut, "description": "the store does not exist or cannot be opened"},
    504: {"model": ErrorOut, "description": "the query took longer than the time limit"},
}


def _invalid(name: str, message: str) -> RequestValidationError:
    return RequestValidationError([{"loc": ("query", name), "msg": message, "type": "value_error"}])


def _codes(name: str, values: list[str]) -> tuple[str, ...]:
    """Codes given repeated or comma-separated (``actor=RUS&actor=BLR``, ``actor=RUS,BLR``)."""
    codes = tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())
    for code in codes:
        if not code.isalnum():
            raise _invalid(name, f"{code!r}: codes are letters and digits (RUS, USAGOV)")
    return codes


def _day(name: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    parsed = parse_date(value) if len(value.strip()) == 10 else None
    if parsed is None:
        raise _invalid(name, f"{value!r} is not a date (YYYY-MM-DD)")
    return parsed


@dataclass(frozen=True, slots=True)
class Selection:
    """The export filters and the de-duplication mode, from the query string."""

    filter: EventFilter
    dedup: str


def selection(
    start: Annotated[
        str | None, Query(alias="from", description="events dated on or after (YYYY-MM-DD)")
    ] = None,
    end: Annotated[
        str | None, Query(alias="to", description="events dated on or before (YYYY-MM-DD)")
    ] = None,
    actor: Annotated[
        list[str], Query(description="actor code or prefix (RUS matches RUSGOV) or country")
    ] = [],  # noqa: B006 - FastAPI copies defaults per request
    recipient: Annotated[list[str], Query(description="recipient code, prefix or country")] = [],  # noqa: B006
    type: Annotated[
        list[str], Query(description="PLOVER category (ACCUSE) or CAMEO code prefix (11)")
    ] = [],  # noqa: B006
    country: Annotated[
        list[str], Query(description="where the event took place (ISO alpha-3)")
    ] = [],  # noqa: B006
    dedup: Annotated[
        str, Query(description="none, or one-a-day: merge repeats across articles")
    ] = "none",
) -> Selection:
    """The selection of ``dragoman export``: the same names, the same matching rules."""
    from dragoman.ontology import PLOVER_TYPES

    types = _codes("type", type)
    for t in types:
        if not t.isdigit() and t not in PLOVER_TYPES:
            raise _invalid("type", f"{t!r} is not a PLOVER category or a CAMEO code")
    if dedup not in DEDUP_MODES:
        raise _invalid("dedup", f"{dedup!r}: choose from {', '.join(DEDUP_MODES)}")
    first, last = _day("from", start), _day("to", end)
    if first and last and first > last:
        raise _invalid("to", f"'from' {first} is after 'to' {last}")
    return Selection(
        EventFilter(
            start=first,
            end=last,
            actors=_codes("actor", actor),
            recipients=_codes("recipient", recipient),
            types=types,
            countries=_codes("country", country),
        ),
        dedup,
    )


async def _query(request: Request, fn: Callable[[Store], T]) -> T:
    """``fn(store)`` on a read-only store, in the query pool, within the time limit."""
    state: ServiceState = request.app.state.service
    if not state.store_exists():
        raise ServiceError(
            503, f"no store at {state.db}: run `dragoman ingest PATH --db {state.db}` first"
        )
    opened: list[Store] = []

    def work() -> T:
        try:
            store = Store.open(state.db, create=False, read_only=True)
        except StoreError as exc:
            raise ServiceError(503, str(exc)) from None
        opened.append(store)
        try:
            return fn(store)
        finally:
            store.close()

    def interrupt() -> None:
        for store in opened:
            # a closed connection raises: its query has ended on its own
            with contextlib.suppress(Exception):
                store.con.interrupt()

    return await state.querying.run(work, on_timeout=interrupt)


@router.get(
    "/events",
    response_model=EventsPage,
    responses=_ERRORS,
    summary="Stored events, filtered and paginated",
    description="The stored events in date order, selected as `dragoman export` selects "
    "them, `limit` at a time from `offset`.",
)
async def events(
    request: Request,
    sel: Annotated[Selection, Depends(selection)],
    limit: Annotated[int, Query(ge=1, description="events per page (at most the limit)")] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> JSONResponse:
    state: ServiceState = request.app.state.service
    if limit > state.limits.max_page:
        raise _invalid("limit", f"at most {state.limits.max_page} events a page")
    page = await _query(
        request, lambda store: queries.events_page(store, sel.filter, sel.dedup, limit, offset)
    )
    return JSONResponse(page)


@router.get(
    "/stats",
    response_model=SeriesOut,
    responses=_ERRORS,
    summary="Dyadic event series",
    description="Events per day, week or month for each dyad: counts per PLOVER category "
    "(`count`) or quad class (`quad`), or summed Goldstein or PLOVER scores; as "
    "`dragoman stats`.",
)
async def stats(
    request: Request,
    sel: Annotated[Selection, Depends(selection)],
    by: Annotated[str, Query(description="day, week (ISO) or month")] = "month",
    measure: Annotated[str, Query(description="count, quad, goldstein or plover")] = "count",
    dyad: Annotated[
        list[str], Query(description="ACTOR:RECIPIENT (RUS:USA, RUS,BLR:UKR, *:USA); repeatable")
    ] = [],  # noqa: B006
) -> JSONResponse:
    if by not in PERIODS:
        raise _invalid("by", f"{by!r}: choose from {', '.join(PERIODS)}")
    if measure not in MEASURES:
        raise _invalid("measure", f"{measure!r}: choose from {', '.join(MEASURES)}")
    try:
        dyads = tuple(Dyad.parse(spec) for spec in dyad)
    except ValueError as exc:
        raise _invalid("dyad", str(exc)) from None

    def series(store: Store) -> dict[str, Any]:
        s = event_series(store, by, measure, dyads, sel.filter, sel.dedup)
        return {"by": s.by, "measure": s.measure, "columns": s.columns, "rows": s.records()}

    return JSONResponse(await _query(request, series))


@router.get(
    "/network",
    response_model=NetworkOut,
    responses=_ERRORS,
    summary="The network of actors",
    description="Directed edges from actor to recipient codes over the selected events, "
    "weighted by events and split into cooperation (quad classes 1-2) and conflict (3-4).",
)
async def network(
    request: Request,
    sel: Annotated[Selection, Depends(selection)],
    edges: Annotated[int, Query(ge=1, description="at most this many edges, heaviest first")] = 60,
) -> JSONResponse:
    state: ServiceState = request.app.state.service
    limit = min(edges, state.limits.max_edges)
    return JSONResponse(
        await _query(request, lambda store: queries.network(store, sel.filter, sel.dedup, limit))
    )


@router.get(
    "/documents/{doc_id:path}",
    responses={404: {"model": ErrorOut, "description": "no such document"}, **_ERRORS},
    summary="A stored document with every layer",
    description="The document as `dragoman annotate` would write it, from the store.",
)
async def document(request: Request, doc_id: str) -> JSONResponse:
    found = await _query(request, lambda store: queries.stored_document(store, doc_id))
    if found is None:
        raise ServiceError(404, f"no document {doc_id!r} in the store")
    return JSONResponse(found)
