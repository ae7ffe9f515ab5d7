"""Hand-built documents and events, so store, export and statistics tests know their answers
without running the Coder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dragoman.dataset.rows import document_rows
from dragoman.dataset.store import Store
from dragoman.document import Document, Entity, Event, EventDate, Place, Sentence, Span
from dragoman.ontology import cameo_quad, plover_types

#: CAMEO code and Goldstein weight used for each PLOVER type in these tests.
CAMEO = {"ACCUSE": ("112", -2.0), "CONSULT": ("040", 1.0), "ASSAULT": ("190", -10.0),
         "AID": ("070", 7.0), "THREATEN": ("130", -4.4)}  # fmt: skip
ADDED = dt.datetime(2024, 5, 1, 12, 0, 0)


def entity(code: str, text: str | None = None, start: int = 0) -> Entity:
    text = text or code
    country = code[:3] if code[:3].isalpha() and code[:3] not in ("IGO", "NGO") else None
    sector = code[3:6] or None
    return Entity(text, start, start + len(text), code, country, sector, text.title(), "country")


def event(
    doc_id: str,
    n: int,
    actor: str,
    ptype: str,
    recipient: str | None = None,
    date: str | None = "2022-02-17",
    place: Place | None = None,
) -> Event:
    code, goldstein = CAMEO[ptype]
    return Event(
        event_id=f"{doc_id}-e{n}",
        doc_id=doc_id,
        sentence=0,
        text=f"{actor} {ptype.lower()} {recipient or ''}.",
        actor=(entity(actor),),
        recipient=(entity(recipient, start=20),) if recipient else (),
        plover_type=ptype,
        plover_mode=None,
        plover_context=(),
        cameo_code=code,
        quad_class=cameo_quad(code),
        goldstein=goldstein,
        plover_score=plover_types()[ptype].score,
        trigger=Span(ptype.lower(), 4, 4 + len(ptype)),
        modality="asserted",
        date=EventDate(date),
        location=place,
        attribution=None,
        rule="test",
        score=0.9,
    )


def document(doc_id: str, events: list[Event], date: str = "2022-02-17", **meta) -> Document:
    text = " ".join(e.text for e in events) or "Nothing happened."
    doc = Document(doc_id=doc_id, text=text, date=date, **meta)
    doc.sentences = [Sentence(0, len(text))]
    doc.entities = [a for e in events for a in (*e.actor, *e.recipient)]
    doc.events = events
    return doc


def build_store(path: Path, documents: list[Document]) -> Store:
    store = Store.open(path)
    store.add([document_rows(d, "test", ADDED) for d in documents])
    return store


KYIV = Place("Kyiv", 30, 34, "Kyiv", "UKR", 50.45, 30.52, 703448, "city")
