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

KNOWN_MISSES: dict[str, str] = {
    "accuse-case-002": "takes the embassy stormed as the recipient; the stormers are unnamed",
    "accuse-case-003": "'under investigation by' (passive noun frame) has no rule",
    "accuse-case-007": "takes the victims inside 'execution of' as the investigated party",
    "accuse-case-014": "'is said to have questioned': hearsay on the subject is not read",
    "reject-case-001": "the bombed hospital inside the denied clause becomes the recipient",
    "reject-case-005": "'blocked an aid package' is read as obstruction (COERCE), not a veto",
    "reject-case-013": "the inviter ('from Tajikistan') loses to the complement's object",
    "threaten-case-002": "'warned it would reconsider ties': no rule for warned own action",
    "threaten-case-005": "'warned that anyone ... would face prison': no rule for warned penalties",
    "threaten-case-009": "'put X on notice' has no rule",
    "threaten-case-013": "'warn that a curfew will follow': no rule for warned measures",
    "protest-case-009": "the deal's partner ('with South American countries') taken as the target",
    "protest-case-010": "'stayed away from factories' (a strike by absence) has no rule",
    "sanction-case-006": "the ICC is named as a place of withdrawal, not as a recipient",
    "sanction-case-011": "a court finding a state responsible has no rule",
    "mobilize-case-005": "'within sight of the United States' is not read as the target",
    "mobilize-case-008": "crossing the median line (an incursion by aircraft) has no rule",
    "mobilize-case-010": "setting up a cyber command has no rule",
    "mobilize-case-014": "'hilltops overlooking the town': the town is not an actor mention",
    "coerce-case-009": "the opposition accused in the same sentence is not taken as the target",
    "coerce-case-011": "disinformation ('flooded social media with false claims') has no rule",
    "assault-case-001": "the bus, not the children killed, is taken as the target",
    "assault-case-013": "the drones' launcher is not looked for inside a relative clause",
    "agree-case-008": "'reached a deal to jointly police' is coded SUPPORT (agreement reached)",
    "agree-case-013": "a party's call to end its own war (PLOVER AGREE) is coded REQUEST",
    "agree-case-014": "'is set to ship' is not read as future",
    "consult-case-010": "'made a stop in Beirut to see leaders' has no rule",
    "consult-case-011": "'assembled in Abuja for a summit' has no rule",
    "consult-case-014": "'spoke by video link about' has no rule without 'with'",
    "support-case-005": "'extolled X for' is missed in a long sentence with a reported clause",
    "support-case-008": "'signed a secret annex to the treaty' is not matched",
    "support-case-012": "'gave their backing to' has no light-verb rule for backing",
    "concede-case-004": "'announced it would pull back': modality read as future",
    "concede-case-012": "the region where access is restored is a place, not an actor",
    "concede-case-013": "the demand's owner in an apposition ('a demand of X') is missed",
    "concede-case-014": "the ministry claimed is taken as the recipient",
    "cooperate-case-003": "'forwarded chat messages to prosecutors': object words miss 'messages'",
    "cooperate-case-007": "reopening a crossing is coded RETREAT (access), not COOPERATE",
    "cooperate-case-014": "'to South Korean officials' hangs on the tanker, out of reach",
    "aid-case-014": "Mozambique sits inside the battalion's phrase, so no host country is found",
    "retreat-case-003": "'returned a drum to Ivory Coast' in a long sentence is not matched",
    "retreat-case-008": "the villages left are a place, not an actor",
    "request-case-006": "'ordered parliament to amend' in a long sentence is not matched",
}


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
