#!/usr/bin/env python3
"""Train the fallback event-type model on our own example sentences.

Reads ``src/dragoman/data/examples/plover-train-*.jsonl`` (sentences written for dragoman,
with the actor, recipient and trigger marked), parses them with the project's spaCy
pipeline, extracts the parse-path features of ``dragoman.layers.events.model`` and fits a
multinomial logistic regression with L2 regularisation by full-batch gradient descent
(numpy only). Writes ``src/dragoman/data/models/event-types.json``. Deterministic: same
examples, same weights.

    .venv/bin/python scripts/train_event_model.py [--l2 1.0] [--epochs 400] [--min-count 2]

The development and test sets in ../shared/data are never read here.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

from dragoman.layers.events.model import MODEL_PATH, EventTypeModel, features
from dragoman.lexicon import data_dir
from dragoman.ontology import PLOVER_TYPES
from dragoman.pipeline import Coder
from dragoman.training.marked import load_examples


def lexicon_type_fn(coder: Coder):
    ev = coder.events

    def kind(token):
        rule = ev.rule_for(token, None) if ev._may_be_predicate(token) else None
        return rule.type if rule else None

    return kind


def build_rows(coder: Coder) -> tuple[list[list[str]], list[str]]:
    examples = []
    for path in sorted((data_dir() / "examples").glob("plover-train-*.jsonl")):
        examples.extend(load_examples(path))
    kind = lexicon_type_fn(coder)
    rows, labels = [], []
    for ex, doc in zip(examples, coder.nlp.pipe(e.text for e in examples), strict=True):
        actor = ex.actors[0] if ex.actors else None
        recipient = ex.recipients[0] if ex.recipients else None
        if actor is None:
            continue
        rows.append(features(doc, actor, recipient, kind))
        labels.append(ex.type)
    return rows, labels


def train(
    rows: list[list[str]], labels: list[str], l2: float, epochs: int, min_count: int
) -> EventTypeModel:
    counts = Counter(f for row in rows for f in set(row))
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    classes = [t for t in PLOVER_TYPES if t in set(labels)]
    y = np.array([classes.index(label) for label in labels])
    x = np.zeros((len(rows), len(vocab)), dtype=np.float64)
    for n, row in enumerate(rows):
        for f in set(row):
            if f in index:
                x[n, index[f]] = 1.0
    w = np.zeros((len(vocab), len(classes)))
    b = np.zeros(len(classes))
    onehot = np.eye(len(classes))[y]
    lr, m = 0.5, len(rows)
    # Adam on the regularised log loss
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    for step in range(1, epochs + 1):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad_w = x.T @ (p - onehot) / m + l2 * w / m
        grad_b = (p - onehot).mean(axis=0)
        for param, grad, mom, vel in ((w, grad_w, mw, vw), (b, grad_b, mb, vb)):
            mom *= 0.9
            mom += 0.1 * grad
            vel *= 0.999
            vel += 0.001 * grad * grad
            param -= lr * 0.05 * (mom / (1 - 0.9**step)) / (np.sqrt(vel / (1 - 0.999**step)) + 1e-8)
    acc = float((np.argmax(x @ w + b, axis=1) == y).mean())
    weights = {
        f: [round(float(v), 4) for v in w[i]]
        for f, i in index.items()
        if np.abs(w[i]).max() >= 1e-3
    }
    meta = {
        "examples": len(rows),
        "features": len(weights),
        "train_accuracy": round(acc, 4),
        "l2": l2,
        "epochs": epochs,
        "min_count": min_count,
    }
    return EventTypeModel(classes, [round(float(v), 4) for v in b], weights, meta)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--epochs", type=int, default=400)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--out", type=Path, default=data_dir() / MODEL_PATH)
    args = ap.parse_args()
    coder = Coder()
    rows, labels = build_rows(coder)
    model = train(rows, labels, args.l2, args.epochs, args.min_count)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{args.out}: {model.meta}")


if __name__ == "__main__":
    main()
