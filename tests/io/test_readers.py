"""Readers: every input kind, offsets into the text as read, and one clear error per bad input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from dragoman.io.readers import ReadError, content_id, read_inputs


def _read(paths, date=None):
    return list(read_inputs([str(p) for p in paths], date))


def test_txt_file_keeps_text_exactly(tmp_path: Path) -> None:
    raw = "Headline here\r\nFirst line.  Second\u00a0line.\n\n"
    path = tmp_path / "story.txt"
    path.write_bytes(raw.encode("utf-8"))
    (doc,) = _read([path], "2022-02-17")
    assert doc.text == raw  # no newline translation, no stripping
    assert doc.doc_id == "story.txt"
    assert doc.date == "2022-02-17"


def test_jsonl_records_and_their_own_dates(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "a",
                "text": "Moscow said.",
                "date": "2021-03-04",
                "title": "T",
                "source": "wire",
                "url": "http://x",
            }
        )
        + "\n"
        + json.dumps({"text": "No id here."})
        + "\n\n",
        encoding="utf-8",
    )
    a, b = _read([path], "2022-02-17")
    assert (a.doc_id, a.date, a.title, a.source, a.url) == (
        "a",
        "2021-03-04",
        "T",
        "wire",
        "http://x",
    )
    assert (b.doc_id, b.date) == ("news.jsonl:2", "2022-02-17")


def test_directory_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / "one.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    docs = _read([tmp_path])
    assert [d.doc_id for d in docs] == ["one.txt", "b/two.txt"]


def test_stdin_gets_a_content_hash_id(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Kyiv accused Moscow."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (doc,) = list(read_inputs(["-"], None))
    assert doc.text == "Kyiv accused Moscow."
    assert doc.doc_id == content_id(doc.text)


def test_html_page_keeps_the_article_not_the_navigation(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Talks resume</title><script>var x=1;</script></head><body>"
        "<nav>Home | World</nav><h1>Talks resume</h1><p>Iran and the EU met in Vienna.</p>"
        "<footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    (doc,) = _read([page])
    assert doc.text == "Talks resume\nIran and the EU met in Vienna."
    assert doc.title == "Talks resume"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("binary.txt", b"\x00\x01\x02binary", "binary file"),
        ("latin1.txt", "caf\xe9".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at offset 3)"),
    ],
)
def test_unreadable_files_give_one_error_naming_the_file(
    tmp_path: Path, name, content, reason
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Fine.", encoding="utf-8")
    items = _read([bad, good])
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(errors) == 1 and str(bad) in errors[0].message() and reason in errors[0].message()
    assert [i.doc_id for i in items if not isinstance(i, ReadError)] == ["good.txt"]


def test_malformed_jsonl_line_is_reported_with_its_number_and_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "ok1", "text": "One."}\n{"id": broken}\n["not", "an", "object"]\n'
        '{"id": "nodate", "text": "x", "date": "yesterday"}\n{"id": "ok2", "text": "Two."}\n',
        encoding="utf-8",
    )
    items = _read([path])
    errors = [i.message() for i in items if isinstance(i, ReadError)]
    assert errors[0].startswith(f"{path}:2: not valid JSON")
    assert errors[1] == f"{path}:3: a JSONL line must be a JSON object with a 'text' field"
    assert errors[2] == f"{path}:4: 'date' 'yesterday' is not a date (YYYY-MM-DD)"
    assert [i.doc_id for i in items if not isinstance(i, ReadError)] == ["ok1", "ok2"]


def test_missing_file(tmp_path: Path) -> None:
    (err,) = _read([tmp_path / "nope.txt"])
    assert err.message() == f"{tmp_path / 'nope.txt'}: no such file or directory"
