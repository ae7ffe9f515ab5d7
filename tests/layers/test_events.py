"""Table-driven event tests: sentences we wrote, at least 10 per PLOVER category.

Each case in ``tests/data/plover-cases-*.jsonl`` marks the trigger, the actors and the
recipients inline and gives the expected PLOVER type and modality. A case passes when
the coder returns an event of that type whose trigger is the marked word or belongs to
the same phrase ("declared a <v>ceasefire</v>" vs "<v>declared</v> a ceasefire"), whose
actors cover every marked actor, whose recipients cover every marked recipient (and hold
no coded actor when none is marked: an uncoded object such as "a hospital" is kept as
the act's object, not a party), and whose modality is the expected one.

Cases the coder gets wrong today are listed in ``KNOWN_MISSES`` with the reason; they
run as strict xfails, so fixing one makes the suite say so and the entry must go.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from dragoman.document import Document, Event
from dragoman.training.marked import Example, load_examples

DATA = Path(__file__).resolve().parent.parent / "data"
CASE_FILES = sorted(DATA.glob("plover-cases-*.jsonl"))
CASES = [ex for path in CASE_FILES for ex in load_examples(path)]
PLOVER_CATEGORIES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
#: words that may stand between a light verb or governing word and the event word
_SAME_PHRASE = re.compile(r"^[\w\s'’$€£%.-]*$")

KNOWN_MISSES: dict[str, str] = {}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _near_trigger(event: Event, ex: Example) -> bool:
    got = (event.trigger.start, event.trigger.end)
    if _overlaps(got, ex.trigger):
        return True
    lo, hi = sorted([got, ex.trigger])
    gap = ex.text[lo[1] : hi[0]]
    return len(gap.split()) <= 3 and bool(_SAME_PHRASE.match(gap))


def _covers(entities, marked: tuple[tuple[int, int], ...]) -> bool:
    spans = [(e.start, e.end) for e in entities]
    return all(any(_overlaps(s, m) for s in spans) for m in marked)


def mismatch(ex: Example, events: list[Event]) -> str | None:
    """Why no event matches the case, or None when one does."""
    near = [e for e in events if _near_trigger(e, ex)]
    typed = [e for e in near if e.plover_type == ex.type]
    if not typed:
        got = [(e.trigger.text, e.plover_type) for e in events]
        return f"no {ex.type} event at '{ex.text[slice(*ex.trigger)]}'; got {got}"
    reasons = []
    for e in typed:
        if not _covers(e.actor, ex.actors):
            reasons.append(f"actor {[a.text for a in e.actor]}")
        elif not _covers(e.recipient, ex.recipients) or (
            not ex.recipients and any(r.code for r in e.recipient)
        ):
            reasons.append(f"recipient {[r.text for r in e.recipient]}")
        elif e.modality != ex.modality:
            reasons.append(f"modality {e.modality}")
        else:
            return None
    return f"{ex.type} at '{e.trigger.text}' has wrong " + "; ".join(reasons)


def _case_param(ex: Example):
    marks = []
    if ex.id in KNOWN_MISSES:
        marks.append(pytest.mark.xfail(reason=KNOWN_MISSES[ex.id], strict=True))
    return pytest.param(ex, id=ex.id, marks=marks)


@pytest.mark.parametrize("ex", [_case_param(ex) for ex in CASES])
def test_case(coder, ex: Example) -> None:
    doc = coder.annotate(Document(ex.id, ex.text, "2022-02-17"))
    problem = mismatch(ex, doc.events)
    assert problem is None, f"{ex.text}\n  {problem}"


def test_every_category_has_ten_passing_cases() -> None:
    """The table covers all 16 PLOVER categories, each with ≥10 cases expected to pass."""
    passing = Counter(ex.type for ex in CASES if ex.id not in KNOWN_MISSES)
    short = {c: passing[c] for c in PLOVER_CATEGORIES if passing[c] < 10}
    assert not short, f"categories with fewer than 10 passing cases: {short}"


def test_cases_are_well_formed() -> None:
    ids = [ex.id for ex in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    assert {ex.type for ex in CASES} <= PLOVER_CATEGORIES
    assert set(KNOWN_MISSES) <= set(ids), "KNOWN_MISSES names a case that does not exist"
    for ex in CASES:
        assert ex.modality in {"asserted", "negated", "future", "hypothetical", "alleged"}
        assert ex.actors, f"{ex.id}: a case names its actor"
