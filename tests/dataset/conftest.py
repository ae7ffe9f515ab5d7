"""Fixtures for the dataset tests: small corpora written for them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.document import Document

#: Short news-like documents with known actors, so coding them is quick and gives events.
TEXTS = [
    "Russia accused Ukraine of shelling villages in the Donbas on Thursday.",
    "US President Joe Biden met German Chancellor Olaf Scholz at the White House.",
    "Kenyan police arrested three opposition lawmakers in Nairobi on Monday.",
    "The United States urged Russia and Ukraine to resolve their differences through talks.",
    "Iran and the European Union met in Vienna to discuss the nuclear deal.",
    "NATO said it would send more troops to the Baltic states.",
]


@pytest.fixture
def small_corpus() -> list[Document]:
    return [
        Document(doc_id=f"d{i}", text=t, date="2022-02-17", source="Wire")
        for i, t in enumerate(TEXTS)
    ]


def write_jsonl(path: Path, documents: list[Document]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for d in documents:
            record = {"id": d.doc_id, "text": d.text, "date": d.date, "source": d.source}
            handle.write(json.dumps(record) + "\n")
    return path
