"""How an event is reported: asserted, negated, future, hypothetical or alleged.

PLOVER 1.3 §2.3 defines the auxiliary modes (negated, future, hypothetical, historical);
``alleged`` marks what someone claims or accuses without the writer asserting it. This
is what keeps "will invade" and "accused Russia of preparing to invade" from being coded
as an invasion. The reading walks from the predicate up through the clauses that embed
it, so "did not agree to withdraw" negates the withdrawal and "plans to visit" puts the
visit in the future. Precedence: negated, alleged, hypothetical, future, asserted.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dragoman.layers.events.frames import Frames

_NEGATORS = frozenset({"not", "n't", "never", "no", "nor", "neither"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
_MODAL_HYPOTHETICAL = frozenset({"could", "might", "may", "would", "should", "can", "must"})
#: Clause links through which the embedding clause's mode reaches the predicate.
_EMBEDDING = frozenset(
    {
        "xcomp",
        "ccomp",
        "pcomp",
        "acl",
        "advcl",
        "relcl",
        "prep",
        "pobj",
        "dobj",
        "conj",
        "nsubj",
        "nsubjpass",
        "attr",
        "appos",
        "acomp",
    }
)


@dataclass(frozen=True, slots=True)
class Modality:
    value: str
    reason: str
    #: the mode comes from a governing word ("threatened to", "urged X to"), not from the
    #: predicate's own auxiliaries: the governor is the actor's act
    governed: bool = False
    #: the predicate is the condition of an "if"/"unless" clause
    conditional: bool = False
    #: a word of intent ("willing", "plans", "ready") governs the predicate, so a
    #: cooperative act under it is a commitment (AGREE) whatever its mode
    intent: bool = False


def _has_negation(token: Token) -> bool:
    for c in token.children:
        if c.dep_ == "neg" or (c.lower_ in _NEGATORS and c.dep_ in {"det", "advmod", "neg"}):
            return True
    return False


def _aux_words(token: Token) -> list[str]:
    return [c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}]


def _has_condition(token: Token) -> str | None:
    """The "if"/"unless" of a condition clause attached to ``token``, if any."""
    for c in token.children:
        if c.dep_ == "advcl":
            mark = next((m.lower_ for m in c.children if m.dep_ == "mark"), None)
            if mark in {"if", "unless"}:
                return mark
    return None


def _under_reporting(token: Token, fr: Frames) -> bool:
    node = token
    for _ in range(6):
        if node.dep_ in {"ccomp", "xcomp"} and node.head.lemma_ in fr.reporting_verbs:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def modality_of(pred: Token, fr: Frames) -> Modality:
    """The auxiliary mode of the event whose trigger is ``pred``."""
    if _has_negation(pred):
        return Modality("negated", f"'{pred.text}' is negated")
    if pred.pos_ == "NOUN" and any(c.lower_ in {"no", "without"} for c in pred.children):
        return Modality("negated", f"no '{pred.text}'")
    auxes = _aux_words(pred)
    if pred.pos_ == "NOUN" and pred.dep_ in {"dobj", "nsubjpass"} and pred.head.pos_ == "VERB":
        # "would impose tariffs": the light verb's auxiliaries are the noun's
        auxes = auxes + _aux_words(pred.head)
        if _has_negation(pred.head):
            return Modality("negated", f"'{pred.head.text}' is negated")
    future = hypothetical = None
    alleged = None
    if any(a in FUTURE_AUX for a in auxes) or ("going" in auxes and "to" in auxes):
        future = "future auxiliary"
    modal = next((a for a in auxes if a in _MODAL_HYPOTHETICAL), None)
    if modal and not future:
        if modal == "would" and _under_reporting(pred, fr):
            future = "'would' in reported speech"
        elif modal not in {"must", "should", "can"}:
            hypothetical = f"modal '{modal}'"
    if any(c.lower_ in fr.allegation_adverbs for c in pred.children):
        alleged = "allegation adverb"
    if pred.pos_ == "NOUN" and any(
        c.lemma_.lower() in fr.future for c in pred.children if c.dep_ in {"amod", "compound"}
    ):
        future = future or "future modifier"

    # "would be willing to contribute ... if its mandate were strengthened", "will strike
    # if attacked": a modal act with a condition attached is hypothetical
    modal_chain = bool(modal or future)
    condition = _has_condition(pred)
    intent = False
    node = pred
    for _ in range(8):
        dep, head = node.dep_, node.head
        if head.i == node.i or dep not in _EMBEDDING:
            break
        lemma = head.lemma_.lower()
        if dep in {"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj"}:
            if lemma in fr.negation_verbs and head.pos_ == "VERB":
                return Modality("negated", f"under '{head.text}'")
            if _has_negation(head) and dep in {"xcomp"}:
                return Modality("negated", f"under negated '{head.text}'")
        if dep == "acl" and head.pos_ == "NOUN" and lemma in fr.negation_nouns:
            return Modality("negated", f"under '{head.text}'")
        if dep == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether", "until"}
            for c in node.children
        ):
            hypothetical = (
                hypothetical
                or f"in an '{next(c.lower_ for c in node.children if c.dep_ == 'mark')}' clause"
            )
        if lemma in fr.allegation_verbs and dep in {"ccomp", "xcomp", "pcomp", "prep", "pobj"}:
            alleged = alleged or f"inside what '{head.text}' claims"
        if (
            head.pos_ == "NOUN"
            and lemma in fr.allegation_nouns
            and dep in {"acl", "ccomp", "prep", "pobj", "relcl"}
        ):
            alleged = alleged or f"inside '{head.text}'"
        if (
            lemma in fr.future
            and dep in {"xcomp", "pcomp", "prep", "pobj"}
            and head.pos_ in {"VERB", "ADJ", "NOUN"}
        ):
            future = future or f"under '{head.text}'"
        if lemma in fr.hypothetical and dep in {"xcomp", "ccomp"}:
            hypothetical = hypothetical or f"under '{head.text}'"
        head_aux = _aux_words(head)
        if dep in {"xcomp", "acomp"}:
            modal_chain = modal_chain or any(
                a in FUTURE_AUX or a in {"would", "could", "might"} for a in head_aux
            )
            condition = condition or _has_condition(head)
        if lemma in fr.future and dep in {"xcomp", "pcomp", "prep", "pobj"}:
            intent = True
        if dep in {"xcomp"} and any(a in FUTURE_AUX for a in head_aux):
            future = future or f"'{head.text}' is future"
        if dep in {"xcomp"} and any(a in {"could", "might", "may"} for a in head_aux):
            hypothetical = hypothetical or f"'{head.text}' is hypothetical"
        node = head
    if condition and modal_chain:
        hypothetical = hypothetical or f"conditional on an '{condition}' clause"
    if alleged:
        return Modality("alleged", alleged, governed=True)
    if hypothetical:
        return Modality(
            "hypothetical",
            hypothetical,
            governed=hypothetical.startswith("under"),
            conditional=hypothetical.startswith("in an"),
            intent=intent,
        )
    if future:
        return Modality("future", future, governed=future.startswith("under"), intent=intent)
    return Modality("asserted", "no negation, future, condition or allegation")
