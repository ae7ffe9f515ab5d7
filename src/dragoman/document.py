"""The document model: a text and the annotations each layer adds to it.

Every annotation points into the document text with Python string offsets (code points,
end exclusive), never into a normalised copy, so ``text[start:end]`` is always the
annotation's own text (CONTRACT.md). The classes are plain frozen dataclasses; ``to_json``
gives the contract's JSON shapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document text."""

    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its offsets and whether it is the headline."""

    start: int
    end: int
    headline: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end}
        if self.headline:
            out["headline"] = True
        return out


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention of a political actor and its CAMEO-style code.

    ``entry`` names the dictionary entry that decided the code (or None), and ``rule``
    says how the code was put together, so a wrong code leads to the line of data that
    gave it. ``antecedent`` is set when the mention is a pronoun or description that
    stands for an earlier one ("it", "the ministry").
    """

    text: str
    start: int
    end: int
    code: str | None
    country: str | None
    sector: str | None
    name: str | None
    kind: str | None = None
    entry: str | None = None
    rule: str | None = None
    antecedent: Span | None = None

    @classmethod
    def uncoded(cls, text: str, start: int, end: int, kind: str | None, rule: str) -> Entity:
        """A phrase that names someone the dictionaries do not know: no code, kept so
        that the output still says who (speakers, recipients that are not actors)."""
        return cls(text, start, end, None, None, None, None, kind=kind, rule=rule)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
            "kind": self.kind,
            "entry": self.entry,
            "rule": self.rule,
        }
        if self.antecedent is not None:
            out["antecedent"] = self.antecedent.to_json()
        return out


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression normalised to TimeML TIMEX3 ``type`` and ``value``."""

    text: str
    start: int
    end: int
    type: str
    value: str | None
    rule: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved to a gazetteer entry.

    ``use`` is ``literal`` when the name is a location ("talks in Washington") and
    ``associative`` when it stands for a government or people or modifies a noun
    ("Washington said", "the Ukraine crisis"); only a literal place locates an event.
    """

    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str | None
    use: str = "literal"

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "feature": self.feature,
            "use": self.use,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """An attribution: who (source) said (cue) what (content)."""

    source: Entity | None
    cue: Span | None
    content: Span
    direct: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source.to_json() if self.source else None,
            "cue": self.cue.to_json() if self.cue else None,
            "content": self.content.to_json(),
            "direct": self.direct,
        }


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: a TIMEX3 value and the expression that gave it, if any."""

    value: str | None
    text: str | None = None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Event:
    """A coded event (CONTRACT.md), with the evidence that decided it."""

    event_id: str
    doc_id: str
    sentence: int
    text: str
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    plover_type: str
    plover_mode: str | None
    plover_context: tuple[str, ...]
    cameo_code: str
    quad_class: int
    goldstein: float
    plover_score: float | None
    trigger: Span
    modality: str
    date: EventDate
    location: Place | None
    attribution: tuple[Entity | None, Span] | None
    rule: str
    score: float
    explanation: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        attribution = None
        if self.attribution is not None:
            speaker, cue = self.attribution
            attribution = {
                "speaker": speaker.to_json() if speaker else None,
                "cue": cue.to_json(),
            }
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "text": self.text,
            "actor": [e.to_json() for e in self.actor],
            "recipient": [e.to_json() for e in self.recipient],
            "plover": {
                "type": self.plover_type,
                "mode": self.plover_mode,
                "context": list(self.plover_context),
                "score": self.plover_score,
            },
            "cameo": {
                "code": self.cameo_code,
                "root": self.cameo_code[:2],
                "quad_class": self.quad_class,
                "goldstein": self.goldstein,
            },
            "trigger": self.trigger.to_json(),
            "modality": self.modality,
            "date": self.date.to_json(),
            "location": self.location.to_json() if self.location else None,
            "attribution": attribution,
            "evidence": {"rule": self.rule, "score": round(self.score, 4)},
        }


@dataclass(slots=True)
class Document:
    """A document as read, and the layers the coder adds to it.

    ``text`` is never changed after reading: every offset of every layer indexes it.
    """

    doc_id: str
    text: str
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def sentence_index(self, offset: int) -> int:
        """The index of the sentence that contains ``offset`` (-1 when none does)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            sent = self.sentences[mid]
            if offset < sent.start:
                hi = mid - 1
            elif offset >= sent.end:
                lo = mid + 1
            else:
                return mid
        return -1

    def to_json(self) -> dict[str, Any]:
        """The ``annotate`` record of CONTRACT.md."""
        out: dict[str, Any] = {"doc_id": self.doc_id, "text": self.text, "date": self.date}
        for key in ("title", "source", "url"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        out["sentences"] = [s.to_json() for s in self.sentences]
        out["entities"] = [e.to_json() for e in self.entities]
        out["times"] = [t.to_json() for t in self.times]
        out["places"] = [p.to_json() for p in self.places]
        out["quotes"] = [q.to_json() for q in self.quotes]
        out["events"] = [e.to_json() for e in self.events]
        return out
