"""``dragoman classify``: the event between a given actor and recipient (CONTRACT.md).

Records are ``{"id", "text", "actor": {"start", "end"}, "recipient": {"start", "end"}}``;
either role may be null. The answer comes from the same event coder as ``dragoman
code``, asked about that one pair.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dragoman.io.readers import STDIN, ReadError, decode
from dragoman.layers.events.model import head_of


@dataclass(frozen=True, slots=True)
class ClassifyRequest:
    """One record to classify: the text and the character spans of the two roles."""

    id: str
    text: str
    actor: tuple[int, int] | None
    recipient: tuple[int, int] | None


def _span(value: object, text: str, role: str) -> tuple[int, int] | None:
    if value is None:
        return None
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("start"), int)
        or not isinstance(value.get("end"), int)
    ):
        raise ValueError(f'\'{role}\' must be null or {{"start": int, "end": int}}')
    start, end = value["start"], value["end"]
    if not 0 <= start < end <= len(text):
        raise ValueError(f"'{role}' span {start}-{end} is outside the text")
    return start, end


def parse_request(record: object, fallback_id: str) -> ClassifyRequest:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise ValueError("a record must be a JSON object with a 'text' string")
    text = record["text"]
    rid = record.get("id")
    return ClassifyRequest(
        id=str(rid) if rid not in (None, "") else fallback_id,
        text=text,
        actor=_span(record.get("actor"), text, "actor"),
        recipient=_span(record.get("recipient"), text, "recipient"),
    )


def read_requests(path: str) -> Iterator[ClassifyRequest | ReadError]:
    """Requests from a JSONL file or standard input; a bad line is an error for that line."""
    source = "<stdin>" if path == STDIN else path
    try:
        data = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
        content = decode(data)
    except FileNotFoundError:
        yield ReadError(source, "no such file or directory")
        return
    except (OSError, ValueError) as exc:
        yield ReadError(source, str(exc))
        return
    for number, line in enumerate(content.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield parse_request(json.loads(line), f"{number}")
        except json.JSONDecodeError as exc:
            yield ReadError(source, f"not valid JSON ({exc.msg} at column {exc.colno})", number)
        except ValueError as exc:
            yield ReadError(source, str(exc), number)


def _overlaps(entity_start: int, entity_end: int, span: tuple[int, int] | None) -> bool:
    return span is not None and entity_start < span[1] and span[0] < entity_end


def _ancestors(token) -> list:
    out = [token]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _path(actor_head, recipient_head) -> list[int]:
    """Token indices on the dependency path between the two heads (both ends included)."""
    if actor_head is None or recipient_head is None:
        return []
    up_a = _ancestors(actor_head)
    up_r = _ancestors(recipient_head)
    index_a = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate(up_r):
        if t.i in index_a:
            return [x.i for x in up_r[: n + 1]] + [x.i for x in up_a[: index_a[t.i]]]
    return [t.i for t in up_r] + [t.i for t in up_a]


_CAUSATIVE = frozenset({"order", "force", "compel", "instruct", "direct", "command"})
_MATERIAL = frozenset({"COERCE", "ASSAULT", "SANCTION", "MOBILIZE", "AID", "RETREAT", "COOPERATE"})

#: Cooperation that did not happen is, between these two parties, a rejection.
_NEGATED_TO_REJECT = frozenset(
    {"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
)


def _touches(candidate, request: ClassifyRequest) -> bool:
    """Some argument of the candidate overlaps one of the two spans, whatever the role."""
    spans = [s for s in (request.actor, request.recipient) if s is not None]
    return any(
        _overlaps(e.start, e.end, s)
        for e in (*candidate.actor, *candidate.recipient)
        for s in spans
    )


_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their", "his", "her"})
_CONFLICT = frozenset(
    {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
)


def _reported_blame(request, a_head, r_head, reports, candidates):
    """ "Critics say Erdogan used the coup to stifle the press": the speaker blames the
    one whose hostile act they report (ACCUSE). Returns the reported act, or None."""
    if a_head is None or r_head is None:
        return None
    for report in reports:
        speaker = report.speaker
        if speaker is None or not (speaker.left_edge.i <= a_head.i <= speaker.right_edge.i):
            continue
        if r_head.i not in report.tokens:
            continue
        for c in candidates:
            if c.trigger.i not in report.tokens or c.plover_type not in _CONFLICT:
                continue
            if c.rule.pos != "verb" or not c.actor:
                continue
            doer = c.actor[0]
            if doer.antecedent is not None or doer.text.lower() in _PRONOUNS:
                continue  # "Russia said it had expelled…": its own act, not an accusation
            if (
                speaker.left_edge.idx
                <= doer.start
                < speaker.right_edge.idx + len(speaker.right_edge)
            ):
                continue
            if r_head.idx < doer.start or r_head.idx >= doer.end:
                continue  # the one blamed is the doer of the reported act
            return c
    return None


def _prefer_frames(ranked: list[tuple]) -> list[tuple]:
    """Between a frame and the act it frames, both fitting the pair, the frame is what
    the actor did ("threatened to shell Haifa" is a threat), unless the frame is only the
    channel ("called Erdogan to apologise" is the apology)."""
    if not ranked:
        return ranked
    best = ranked[0]
    frame = best[3].framed_by
    if frame is None or frame.plover_type == "CONSULT":
        return ranked
    if frame.trigger.lemma_.lower() in _CAUSATIVE and best[3].plover_type in _MATERIAL:
        return ranked  # "ordered them jailed": the order is carried out, the act is the event
    for entry in ranked[1:]:
        if entry[3] is frame and entry[0] <= best[0] + 1:
            return [entry, *[r for r in ranked if r is not entry]]
    return ranked


def classify_parsed(coder, request: ClassifyRequest, parsed) -> dict:
    """The PLOVER type of what ``request.actor`` does to ``request.recipient``.

    Uses the event coder's own candidates: first one whose actor and recipient overlap
    the given spans; else one on the parse path between them whose actor overlaps the
    actor span; else the nearest on the path. None when no predicate fits.
    """
    from dragoman.layers.entities import find_mentions
    from dragoman.layers.events.speech import find_reports

    ev = coder.events
    mentions = find_mentions(parsed, coder.lexicon, None)
    index = {}
    for m in mentions:
        for i in range(m.start_token, m.end_token):
            if i not in index or m.head == i:
                index[i] = m
    reports = find_reports(parsed, ev.frames)
    candidates = ev.candidates(parsed, index, reports, None)
    a_head = head_of(parsed, request.actor)
    r_head = head_of(parsed, request.recipient)
    path = _path(a_head, r_head) if a_head is not None and r_head is not None else []
    on_path = {i: n for n, i in enumerate(path)}

    def actor_fits(c) -> bool:
        return request.actor is None or any(
            _overlaps(e.start, e.end, request.actor) for e in c.actor
        )

    def recipient_fits(c) -> bool:
        if request.recipient is None:
            return not c.recipient or True
        return any(_overlaps(e.start, e.end, request.recipient) for e in c.recipient)

    ranked = []
    for c in candidates:
        rank = 4
        if actor_fits(c) and recipient_fits(c):
            rank = 0
        elif c.trigger.i in on_path and actor_fits(c):
            rank = 1
        elif c.trigger.i in on_path:
            rank = 2
        elif actor_fits(c) or _touches(c, request):
            rank = 3
        distance = abs(c.trigger.i - (r_head.i if r_head is not None else c.trigger.i))
        ranked.append((rank, distance, c.trigger.i, c))
    ranked.sort(key=lambda x: x[:3])
    ranked = _prefer_frames(ranked)
    result = {
        "id": request.id,
        "plover": {"type": None, "mode": None},
        "cameo": {"code": None},
        "score": 0.0,
    }
    if not ranked or ranked[0][0] >= 2:
        blame = _reported_blame(request, a_head, r_head, reports, candidates)
        if blame is not None:
            result.update(
                plover={"type": "ACCUSE", "mode": "allege"},
                cameo={"code": "112"},
                score=0.6,
                rule=f"reported-blame:{blame.rule.id}",
            )
            return result
    if not ranked or ranked[0][0] == 4:
        return _model_answer(coder, request, parsed, result)
    rank, _, _, best = ranked[0]
    ptype, mode, cameo = best.plover_type, best.mode, best.cameo
    if best.modality.value == "negated" and ptype in _NEGATED_TO_REJECT:
        ptype, mode, cameo = "REJECT", None, "120"
    result.update(
        plover={"type": ptype, "mode": mode},
        cameo={"code": cameo},
        score=round(best.score * (1.0, 0.9, 0.7, 0.6)[rank], 4),
        rule=f"lexicon:{best.rule.id}",
    )
    return result


def _model_answer(coder, request: ClassifyRequest, parsed, result: dict) -> dict:
    """No lexicon rule fits the pair: ask the learned model (``layers/events/model.py``)."""
    from dragoman.layers.events.model import features, load_model

    model = load_model()
    if model is None or (request.actor is None and request.recipient is None):
        return result
    ev = coder.events

    def kind(token):
        rule = ev.rule_for(token, None) if ev._may_be_predicate(token) else None
        return rule.type if rule else None

    guess = model.predict(features(parsed, request.actor, request.recipient, kind))
    result.update(
        plover={"type": guess.label, "mode": None},
        cameo={"code": _root_code(guess.label)},
        score=round(guess.probability, 4),
        rule="model:event-types",
    )
    return result


#: The CAMEO root code that stands for a PLOVER type when nothing more specific is known.
_ROOTS = {
    "AGREE": "030",
    "CONSULT": "040",
    "SUPPORT": "050",
    "CONCEDE": "080",
    "COOPERATE": "060",
    "AID": "070",
    "RETREAT": "080",
    "REQUEST": "100",
    "ACCUSE": "110",
    "REJECT": "120",
    "THREATEN": "130",
    "PROTEST": "140",
    "SANCTION": "160",
    "MOBILIZE": "150",
    "COERCE": "170",
    "ASSAULT": "190",
}


def _root_code(ptype: str) -> str:
    return _ROOTS[ptype]
