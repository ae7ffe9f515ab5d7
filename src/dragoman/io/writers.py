"""Writers: events and documents as JSON lines, CSV or a table for people.

``output_stream`` makes file output atomic: text goes to a temporary file beside the
target, which replaces the target only when writing finished, so an output file appears
whole or not at all (CONTRACT.md), even if the run is interrupted.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

from dragoman.document import Document, Event
from dragoman.io.atomic import atomic_path

EVENT_FORMATS = ("jsonl", "csv", "table")

CSV_COLUMNS = [
    "event_id",
    "doc_id",
    "sentence",
    "actor_code",
    "actor_text",
    "recipient_code",
    "recipient_text",
    "plover_type",
    "plover_mode",
    "plover_context",
    "cameo_code",
    "cameo_root",
    "quad_class",
    "goldstein",
    "modality",
    "date",
    "location",
    "location_lat",
    "location_lon",
    "trigger",
    "trigger_start",
    "trigger_end",
    "speaker",
    "rule",
    "score",
    "text",
]


@contextlib.contextmanager
def output_stream(path: str | None) -> Iterator[IO[str]]:
    """Standard output, or a file written atomically."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with (
        atomic_path(path) as tmp,
        open(tmp, "w", encoding="utf-8", newline="") as handle,
    ):
        yield handle
        handle.flush()
        os.fsync(handle.fileno())


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _codes(entities: Iterable) -> str:
    return ";".join(e.code or "" for e in entities)


def _texts(entities: Iterable) -> str:
    return ";".join(e.text for e in entities)


def event_row(event: Event) -> dict[str, Any]:
    """A flat record of an event, for CSV."""
    speaker = event.attribution[0] if event.attribution else None
    loc = event.location
    return {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "sentence": event.sentence,
        "actor_code": _codes(event.actor),
        "actor_text": _texts(event.actor),
        "recipient_code": _codes(event.recipient),
        "recipient_text": _texts(event.recipient),
        "plover_type": event.plover_type,
        "plover_mode": event.plover_mode or "",
        "plover_context": ";".join(event.plover_context),
        "cameo_code": event.cameo_code,
        "cameo_root": event.cameo_code[:2],
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "modality": event.modality,
        "date": event.date.value or "",
        "location": loc.name if loc and loc.name else (loc.text if loc else ""),
        "location_lat": "" if loc is None or loc.lat is None else loc.lat,
        "location_lon": "" if loc is None or loc.lon is None else loc.lon,
        "trigger": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "speaker": (speaker.text if speaker else ""),
        "rule": event.rule,
        "score": round(event.score, 4),
        "text": event.text,
    }


class EventWriter:
    """Writes events in one of EVENT_FORMATS to a stream, one document at a time."""

    def __init__(self, stream: IO[str], fmt: str, explain: bool = False) -> None:
        self.stream, self.fmt, self.explain = stream, fmt, explain
        self._csv: csv.DictWriter | None = None
        self.count = 0

    def write_document(self, document: Document) -> None:
        if self.fmt == "jsonl":
            for event in document.events:
                self.stream.write(dumps(event.to_json()) + "\n")
        elif self.fmt == "csv":
            if self._csv is None:
                self._csv = csv.DictWriter(self.stream, fieldnames=CSV_COLUMNS)
                self._csv.writeheader()
            for event in document.events:
                self._csv.writerow(event_row(event))
        else:
            self.stream.write(document_table(document, explain=self.explain))
        self.count += len(document.events)


def _cell(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(headers: list[str], rows: list[list[str]], widths: list[int]) -> str:
    fitted = [[_cell(c, w) for c, w in zip(row, widths, strict=True)] for row in rows]
    real = [max([len(h)] + [len(r[i]) for r in fitted]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, real, strict=True)).rstrip()
    out = io.StringIO()
    out.write(line + "\n" + "  ".join("-" * w for w in real) + "\n")
    for r in fitted:
        out.write("  ".join(c.ljust(w) for c, w in zip(r, real, strict=True)).rstrip() + "\n")
    return out.getvalue()


def _who(entities: Iterable) -> str:
    return ", ".join(f"{e.text} [{e.code or '?'}]" for e in entities) or "-"


def document_table(document: Document, explain: bool = False, entities: bool = True) -> str:
    """A human-readable view of one coded document: its actors, then its events."""
    out = io.StringIO()
    date = f"  ({document.date})" if document.date else ""
    out.write(
        f"== {document.doc_id}{date}: {len(document.events)} events, "
        f"{len(document.entities)} actor mentions\n"
    )
    if entities and document.entities:
        rows = []
        for e in document.entities:
            line = document.sentence_index(e.start) + 1
            via = e.rule or ""
            if e.antecedent is not None:
                via = f"= {e.antecedent.text}"
            rows.append([str(line), e.text, e.code or "-", e.name or "", via])
        out.write("\nActors\n")
        out.write(_table(["sent", "mention", "code", "name", "how"], rows, [4, 40, 10, 24, 40]))
    if document.events:
        rows = []
        for ev in document.events:
            plover = ev.plover_type + (f"/{ev.plover_mode}" if ev.plover_mode else "")
            rows.append(
                [
                    str(ev.sentence + 1),
                    _who(ev.actor),
                    plover,
                    ev.cameo_code,
                    _who(ev.recipient),
                    ev.modality,
                    ev.date.value or "",
                    ev.trigger.text,
                ]
            )
        out.write("\nEvents\n")
        out.write(
            _table(
                ["sent", "actor", "plover", "cameo", "recipient", "modality", "date", "trigger"],
                rows,
                [4, 34, 18, 5, 34, 12, 10, 20],
            )
        )
        if explain:
            out.write("\nWhy\n")
            for n, ev in enumerate(document.events, 1):
                out.write(
                    f"{n}. {ev.plover_type} {ev.cameo_code} from '{ev.trigger.text}' "
                    f"({ev.rule}, score {ev.score:.2f})\n"
                )
                for step in ev.explanation:
                    out.write(f"     {step}\n")
    out.write("\n")
    return out.getvalue()
