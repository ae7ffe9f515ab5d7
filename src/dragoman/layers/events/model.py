"""A learned fallback for event types: logistic regression over parse-path features.

The lexicon decides when one of its rules fits the words between an actor and a
recipient. When none does ("X had a rough exchange with Y"), this model reads the
dependency path between the two, the words that govern them and which lexicon types are
nearby, and gives a PLOVER type with a probability. It is trained by
``scripts/train_event_model.py`` on our own example sentences
(``data/examples/plover-train-*.jsonl``) and stored as JSON weights
(``data/models/event-types.json``); at run time it is a dot product over a few dozen
sparse features, so it costs nothing next to the parse.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from dragoman.lexicon import data_dir

CONTENT = frozenset({"VERB", "NOUN", "ADJ", "ADV", "AUX", "ADP", "PART"})
MODEL_PATH = Path("models") / "event-types.json"


def _ancestors(token: Token) -> list[Token]:
    out = [token]
    while out[-1].head.i != out[-1].i and len(out) < 40:
        out.append(out[-1].head)
    return out


def head_of(doc: Doc, span: tuple[int, int] | None) -> Token | None:
    """The syntactic head of a character span."""
    if span is None:
        return None
    chars = doc.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None or len(chars) == 0:
        return None
    return chars.root


def path_between(a: Token, r: Token | None) -> tuple[list[Token], Token | None]:
    """Tokens on the dependency path from ``a`` to ``r`` (ends excluded) and the lowest
    common ancestor; without ``r``, the path from ``a`` up to its clause's verb."""
    up_a = _ancestors(a)
    if r is None:
        path = []
        for t in up_a[1:]:
            path.append(t)
            if t.pos_ in {"VERB", "AUX"}:
                return path, t
        return path, up_a[-1]
    up_r = _ancestors(r)
    index_a = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate(up_r):
        if t.i in index_a:
            return [*up_r[1:n], t, *reversed(up_a[1 : index_a[t.i]])], t
    return up_r[1:] + up_a[1:], None


def _governor(token: Token) -> Token | None:
    for t in _ancestors(token)[1:]:
        if t.pos_ in {"VERB", "NOUN"}:
            return t
    return None


def features(
    doc: Doc,
    actor: tuple[int, int] | None,
    recipient: tuple[int, int] | None,
    lexicon_type: Callable[[Token], str | None],
) -> list[str]:
    """Sparse string features of one (sentence, actor, recipient) pair."""
    a = head_of(doc, actor)
    r = head_of(doc, recipient)
    if a is None and r is None:
        return ["empty"]
    if a is None:
        a, r = r, None
    out: list[str] = []
    path, lca = path_between(a, r)
    if r is None:
        out.append("no-recipient")
    for t in path:
        if t.pos_ in CONTENT:
            lemma = t.lemma_.lower()
            out.append(f"p:{lemma}")
            out.append(f"pd:{t.dep_}:{lemma}")
            kind = lexicon_type(t)
            if kind:
                out.append(f"lex:{kind}")
        if t.dep_ == "neg" or any(c.dep_ == "neg" for c in t.children):
            out.append("neg")
        for c in t.children:
            if c.dep_ in {"aux", "auxpass"} and c.lower_ in {"will", "would", "shall", "'ll"}:
                out.append("future")
            if c.dep_ == "prt":
                out.append(f"prt:{t.lemma_.lower()}+{c.lower_}")
            if c.dep_ == "dobj" and c not in path:
                out.append(f"obj:{t.lemma_.lower()}+{c.lemma_.lower()}")
    if lca is not None:
        out.append(f"lca:{lca.lemma_.lower()}")
        kind = lexicon_type(lca)
        if kind:
            out.append(f"lexlca:{kind}")
    out.append(f"adep:{a.dep_}")
    gov = _governor(a)
    if gov is not None:
        out.append(f"ag:{gov.lemma_.lower()}")
    if r is not None:
        out.append(f"rdep:{r.dep_}")
        if r.head.pos_ == "ADP":
            out.append(f"rprep:{r.head.lower_}")
            out.append(f"rprep:{r.head.head.lemma_.lower()}+{r.head.lower_}")
        gov = _governor(r)
        if gov is not None:
            out.append(f"rg:{gov.lemma_.lower()}")
            kind = lexicon_type(gov)
            if kind:
                out.append(f"lexrg:{kind}")
        lo, hi = sorted((a.i, r.i))
        for t in doc[lo + 1 : hi]:
            if t.pos_ in {"VERB", "NOUN", "ADJ"}:
                out.append(f"b:{t.lemma_.lower()}")
    return out


@dataclass(frozen=True, slots=True)
class Prediction:
    label: str
    probability: float


class EventTypeModel:
    """Multinomial logistic regression over string features (weights from JSON)."""

    def __init__(
        self,
        labels: Sequence[str],
        bias: Sequence[float],
        weights: dict[str, Sequence[float]],
        meta: dict | None = None,
    ) -> None:
        self.labels = list(labels)
        self.bias = list(bias)
        self.weights = {k: list(v) for k, v in weights.items()}
        self.meta = meta or {}

    def predict(self, feats: Sequence[str]) -> Prediction:
        scores = list(self.bias)
        for f in set(feats):
            w = self.weights.get(f)
            if w is not None:
                for k, value in enumerate(w):
                    scores[k] += value
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        best = max(range(len(scores)), key=scores.__getitem__)
        return Prediction(self.labels[best], exps[best] / total)

    def to_json(self) -> dict:
        return {
            "labels": self.labels,
            "bias": self.bias,
            "weights": self.weights,
            "meta": self.meta,
        }

    @classmethod
    def from_json(cls, data: dict) -> EventTypeModel:
        return cls(data["labels"], data["bias"], data["weights"], data.get("meta"))


@lru_cache(maxsize=1)
def load_model() -> EventTypeModel | None:
    """The bundled model, or None when it has not been trained."""
    path = data_dir() / MODEL_PATH
    if not path.is_file():
        return None
    return EventTypeModel.from_json(json.loads(path.read_text(encoding="utf-8")))
