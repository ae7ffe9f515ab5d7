"""``POST /v1/code``, ``/v1/annotate`` and ``/v1/classify``: the CLI's three coding
commands over HTTP, with the same JSON out (CONTRACT.md).

Coding runs in the app's coding pool (``limits.WorkPool``), never in the event loop, so
one long article does not hold up other requests; the shared Coder is only read while
coding (spaCy inference and the layers keep no per-document state on it).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request
from fastapi.responses import JSONResponse

from dragoman.classify import ClassifyRequest
from dragoman.document import Document
from dragoman.io.readers import content_id
from dragoman.service.limits import ServiceError
from dragoman.service.models import (
    AnnotationOut,
    ClassifyIn,
    ClassifyOut,
    CodeOut,
    DocumentIn,
    ErrorOut,
)
from dragoman.service.state import ServiceState

router = APIRouter(prefix="/v1", tags=["coding"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorOut, "description": "the body is larger than the service's limit"},
    422: {"model": ErrorOut, "description": "the body is not valid JSON or not a document"},
    504: {"model": ErrorOut, "description": "coding took longer than the time limit"},
}


def _document(body: DocumentIn) -> Document:
    return Document(
        doc_id=body.id or content_id(body.text),
        text=body.text,
        date=body.date,
        title=body.title,
        source=body.source,
        url=body.url,
    )


async def _annotate(request: Request, body: DocumentIn) -> Document:
    state: ServiceState = request.app.state.service
    return await state.coding.run(state.coder.annotate, _document(body))


@router.post(
    "/annotate",
    response_model=AnnotationOut,
    responses=_ERRORS,
    summary="Every layer of one document",
    description="Code a document and return it with every layer (sentences, entities, "
    "times, places, quotes, events), all offsets into `text`: what `dragoman annotate` "
    "writes for one document.",
)
async def annotate(request: Request, body: DocumentIn) -> JSONResponse:
    document = await _annotate(request, body)
    return JSONResponse(document.to_json())


@router.post(
    "/code",
    response_model=CodeOut,
    responses=_ERRORS,
    summary="The events of one document",
    description="Code a document into events, each as `dragoman code` writes it in jsonl.",
)
async def code(request: Request, body: DocumentIn) -> JSONResponse:
    document = await _annotate(request, body)
    return JSONResponse(
        {"doc_id": document.doc_id, "events": [e.to_json() for e in document.events]}
    )


@router.post(
    "/classify",
    response_model=list[ClassifyOut],
    responses=_ERRORS,
    summary="The event type between given actor and recipient spans",
    description="For each record `{id, text, actor: {start, end}, recipient: {start, "
    "end}}` (either role may be null), the event the text reports from that actor to that "
    "recipient, as `dragoman classify` writes it. The body is a JSON array of records.",
)
async def classify(
    request: Request,
    records: Annotated[list[ClassifyIn], Body(min_length=1)],
) -> JSONResponse:
    state: ServiceState = request.app.state.service
    if len(records) > state.limits.max_classify:
        raise ServiceError(
            413,
            f"{len(records)} records: at most {state.limits.max_classify} in one request",
        )
    requests = [
        ClassifyRequest(
            id=r.id if r.id not in (None, "") else str(n),
            text=r.text,
            actor=(r.actor.start, r.actor.end) if r.actor else None,
            recipient=(r.recipient.start, r.recipient.end) if r.recipient else None,
        )
        for n, r in enumerate(records, 1)
    ]
    results = await state.coding.run(lambda: list(state.coder.classify_all(requests)))
    return JSONResponse(results)
