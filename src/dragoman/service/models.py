"""Request and response schemas of the HTTP API, for validation and the OpenAPI description.

Requests are validated here, so a bad one gets a 422 naming the field and the problem.
Responses are the contract's JSON (``shared/CONTRACT.md``) as ``Document.to_json`` and
``Event.to_json`` make it; the response models below describe that JSON for the OpenAPI
description and for the tests that check the two agree. They allow extra fields because
the contract allows fields to be added, never renamed or dropped.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from dragoman.io.dates import parse_date

# -- requests -------------------------------------------------------------------------


def _date(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)")
    return parsed


def _id(value: object) -> object:
    """A numeric id as text: JSONL readers take ``{"id": 17}`` as "17", and so does the API."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class DocumentIn(BaseModel):
    """A document to code: its text, and optionally its publication date and id."""

    text: str = Field(
        min_length=1,
        description="the document text; every offset in the answer indexes it unchanged",
        examples=["Moscow accused Kyiv of shelling villages in the Donbas on Thursday."],
    )
    date: str | None = Field(
        None,
        description="publication date (YYYY-MM-DD), against which 'Thursday' or 'last "
        "December' are resolved",
        examples=["2022-02-17"],
    )
    id: str | None = Field(
        None, description="document id; default: a hash of the text (the same text, the same id)"
    )
    title: str | None = None
    source: str | None = None
    url: str | None = None

    @field_validator("date")
    @classmethod
    def _check_date(cls, value: str | None) -> str | None:
        return _date(value)

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return _id(value)


class SpanIn(BaseModel):
    """A character span of the text (Python string offsets, end exclusive)."""

    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ClassifyIn(BaseModel):
    """One ``dragoman classify`` record: the text and the spans of actor and recipient."""

    id: str | None = None
    text: str = Field(min_length=1)
    actor: SpanIn | None = None
    recipient: SpanIn | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return _id(value)

    @model_validator(mode="after")
    def _spans_in_text(self) -> ClassifyIn:
        for role in ("actor", "recipient"):
            span = getattr(self, role)
            if span is not None and not 0 <= span.start < span.end <= len(self.text):
                raise ValueError(
                    f"'{role}' span {span.start}-{span.end} is outside the text "
                    f"(0-{len(self.text)}) or empty"
                )
        return self


# -- responses (the contract's JSON) --------------------------------------------------


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class SpanOut(_Open):
    text: str | None
    start: int | None
    end: int | None


class EntityOut(_Open):
    text: str
    start: int
    end: int
    code: str | None
    country: str | None
    sector: str | None
    name: str | None


class PlaceOut(_Open):
    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str | None


class PloverOut(_Open):
    type: str
    mode: str | None
    context: list[str]


class CameoOut(_Open):
    code: str
    root: str
    quad_class: int
    goldstein: float


class DateOut(_Open):
    value: str | None
    text: str | None
    start: int | None
    end: int | None


class AttributionOut(_Open):
    speaker: EntityOut | None
    cue: SpanOut


class EvidenceOut(_Open):
    rule: str
    score: float


class EventOut(_Open):
    """An event as ``dragoman code`` writes it (CONTRACT.md)."""

    event_id: str
    doc_id: str
    sentence: int
    text: str
    actor: list[EntityOut]
    recipient: list[EntityOut]
    plover: PloverOut
    cameo: CameoOut
    trigger: SpanOut
    modality: str
    date: DateOut
    location: PlaceOut | None
    attribution: AttributionOut | None
    evidence: EvidenceOut


class CodeOut(BaseModel):
    """``POST /v1/code``: the document's id and its events."""

    doc_id: str
    events: list[EventOut]


class SentenceOut(_Open):
    start: int
    end: int


class TimeOut(_Open):
    text: str
    start: int
    end: int
    type: str
    value: str | None


class QuoteOut(_Open):
    source: EntityOut | None
    cue: SpanOut | None
    content: SpanOut
    direct: bool


class AnnotationOut(_Open):
    """A document with every layer, as ``dragoman annotate`` writes it (CONTRACT.md)."""

    doc_id: str
    text: str
    date: str | None
    sentences: list[SentenceOut]
    entities: list[EntityOut]
    times: list[TimeOut]
    places: list[PlaceOut]
    quotes: list[QuoteOut]
    events: list[EventOut]


class ClassifyPlover(_Open):
    type: str | None
    mode: str | None


class ClassifyCameo(_Open):
    code: str | None


class ClassifyOut(_Open):
    """One ``dragoman classify`` answer: the event from that actor to that recipient."""

    id: str
    plover: ClassifyPlover
    cameo: ClassifyCameo
    score: float


class StoredEventOut(EventOut):
    """A stored event: the event JSON plus the document and de-duplication fields of
    ``dragoman export --format jsonl``, and the sentence's offsets in its document."""

    doc_date: str | None
    source: str | None
    url: str | None
    num_mentions: int
    num_sources: int
    num_articles: int
    sentence_start: int | None
    sentence_end: int | None


class EventsPage(BaseModel):
    """One page of the selected events, in date order."""

    total: int = Field(description="events in the whole selection")
    offset: int
    limit: int
    events: list[StoredEventOut]


class SeriesOut(BaseModel):
    """A dyadic series as ``dragoman stats --format jsonl`` gives it, one row per period
    and dyad, each with a value per column."""

    by: str
    measure: str
    columns: list[str]
    rows: list[dict[str, Any]]


class NodeOut(BaseModel):
    code: str
    name: str | None
    events: int = Field(description="events in which the actor takes part, either side")


class EdgeOut(BaseModel):
    actor: str
    recipient: str
    events: int
    cooperation: int = Field(description="events of quad class 1 or 2")
    conflict: int = Field(description="events of quad class 3 or 4")
    goldstein: float = Field(description="summed Goldstein scale")


class NetworkOut(BaseModel):
    """Who acts on whom: directed edges between actor codes, weighted by events."""

    nodes: list[NodeOut]
    edges: list[EdgeOut]
    truncated: bool = Field(description="true when only the heaviest edges are returned")


class StoreInfo(BaseModel):
    path: str
    exists: bool


class HealthOut(BaseModel):
    status: str
    version: str
    model: str | None
    store: StoreInfo


class ErrorOut(BaseModel):
    """Every error: what went wrong, and for a 422 the problems one by one."""

    error: str
    detail: list[dict[str, Any]] | None = None
