"""Gzip-compressed inputs are read as the file inside them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from dragoman.io.readers import ReadError, read_inputs

FIXTURES = Path(__file__).parent / "fixtures"


def test_gzipped_jsonl_txt_and_feed(tmp_path: Path) -> None:
    record = {"id": "a", "text": "Moscow said.", "date": "2021-03-04"}
    (tmp_path / "news.jsonl.gz").write_bytes(gzip.compress(json.dumps(record).encode()))
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(b"Headline\nBody."))
    (tmp_path / "wire.rss.gz").write_bytes(gzip.compress((FIXTURES / "wire.rss").read_bytes()))
    (tmp_path / "photo.jpg.gz").write_bytes(gzip.compress(b"\xff\xd8"))  # not read
    docs = list(read_inputs([str(tmp_path)]))
    assert [d.doc_id for d in docs] == [
        "a",
        "story.txt.gz",
        "wire-0001",
        "https://wire.example/2022/02/07/meeting",
        "wire.rss.gz:3",  # a fallback id names the file as it is on disk
    ]
    assert docs[1].text == "Headline\nBody."


def test_corrupt_gzip_is_an_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "broken.jsonl.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00garbage")
    (err,) = read_inputs([str(bad)])
    assert isinstance(err, ReadError) and err.message().startswith(f"{bad}: not a valid gzip file")
