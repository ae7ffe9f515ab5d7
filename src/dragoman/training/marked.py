"""Example sentences with their roles marked inline.

``data/examples/*.jsonl`` and the test cases write an example as one sentence with
``<a>…</a>`` around each actor, ``<r>…</r>`` around each recipient and ``<v>…</v>``
around the trigger, plus the expected ``type``, ``mode``, ``cameo`` and ``modality``.
``parse_marked`` removes the marks and returns the plain text with character spans.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_MARK = re.compile(r"</?([arv])>")


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    text: str
    actors: tuple[tuple[int, int], ...]
    recipients: tuple[tuple[int, int], ...]
    trigger: tuple[int, int]
    type: str
    mode: str | None
    cameo: str | None
    modality: str


def parse_marked(marked: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """Plain text and the spans of each mark ("a", "r", "v"), in the plain text."""
    out: list[str] = []
    spans: dict[str, list[tuple[int, int]]] = {"a": [], "r": [], "v": []}
    opened: dict[str, int] = {}
    pos = last = 0
    for m in _MARK.finditer(marked):
        out.append(marked[last : m.start()])
        pos += m.start() - last
        last = m.end()
        tag = m.group(1)
        if m.group(0).startswith("</"):
            if tag not in opened:
                raise ValueError(f"unbalanced </{tag}> in {marked!r}")
            spans[tag].append((opened.pop(tag), pos))
        else:
            opened[tag] = pos
    if opened:
        raise ValueError(f"unclosed <{next(iter(opened))}> in {marked!r}")
    out.append(marked[last:])
    return "".join(out), spans


def load_examples(path: Path) -> Iterator[Example]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text, spans = parse_marked(record["text"])
        if len(spans["v"]) != 1:
            raise ValueError(f"{record['id']}: an example has exactly one <v> trigger")
        yield Example(
            id=record["id"],
            text=text,
            actors=tuple(spans["a"]),
            recipients=tuple(spans["r"]),
            trigger=spans["v"][0],
            type=record["type"],
            mode=record.get("mode"),
            cameo=record.get("cameo"),
            modality=record.get("modality", "asserted"),
        )
