"""CSV and TSV files: one document per row, the columns named by flags."""

from __future__ import annotations

from pathlib import Path

from dragoman.io.options import Columns
from dragoman.io.readers import ReadError, content_id, read_inputs

FIXTURES = Path(__file__).parent / "fixtures"
COLUMNS = Columns(
    text="body", id="story_id", date="published", title="headline", source="outlet", url="link"
)


def test_rows_with_mapped_columns_and_errors_per_row() -> None:
    path = FIXTURES / "articles.csv"
    items = list(read_inputs([str(path)], "2023-01-01", columns=COLUMNS))
    docs = [i for i in items if not isinstance(i, ReadError)]
    errors = [i.message() for i in items if isinstance(i, ReadError)]
    assert [d.doc_id for d in docs] == ["k1", "k2", "articles.csv:4"]
    k1, k2, no_id = docs
    assert (k1.title, k1.date, k1.source, k1.url) == (
        "Kenyan arrests",
        "2023-03-20",
        "Daily Ledger",
        "https://ledger.example/k1",
    )
    assert k2.text == 'The ministry said: "We will respond." Officials met in Geneva.'
    assert no_id.date == "2023-01-01" and no_id.source is None
    assert errors == [
        f"{path}:5: 'published' 'yesterday' is not a date (YYYY-MM-DD)",
        f"{path}:6: the row has no text in column 'body'",
    ]


def test_missing_text_column_is_one_error_for_the_file() -> None:
    path = FIXTURES / "articles.csv"
    (err,) = read_inputs([str(path)])
    assert isinstance(err, ReadError) and err.line is None
    assert "no 'text' column" in err.message() and "--text-column" in err.message()


def test_tsv_and_content_ids(tmp_path: Path) -> None:
    path = tmp_path / "rows.tsv"
    path.write_text("text\tdate\nMoscow accused Kyiv.\t2022-02-17\n", encoding="utf-8")
    (doc,) = read_inputs([str(path)], content_ids=True)
    assert doc.doc_id == content_id("Moscow accused Kyiv.") and doc.date == "2022-02-17"


def test_code_reads_csv_with_column_flags(tmp_path: Path, capsys) -> None:
    from dragoman.cli import main

    path = tmp_path / "one.csv"
    path.write_text("story,words\ns1,Russia accused Ukraine of shelling.\n", encoding="utf-8")
    status = main(["code", str(path), "--text-column", "words", "--id-column", "story",
                   "--date", "2022-02-17", "--format", "jsonl"])  # fmt: skip
    out = capsys.readouterr().out
    assert status == 0 and '"doc_id":"s1"' in out and "ACCUSE" in out
