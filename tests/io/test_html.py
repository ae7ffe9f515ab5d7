"""HTML pages: the article, not the navigation, ads, related links or comments."""

from __future__ import annotations

from pathlib import Path

from dragoman.io.readers import read_inputs

FIXTURES = Path(__file__).parent / "fixtures"


def test_article_page_keeps_only_the_article_and_its_metadata() -> None:
    (doc,) = read_inputs([str(FIXTURES / "article.html")], "2000-01-01")
    assert doc.text == (
        "Kenyan police arrest three opposition lawmakers in Nairobi\n"
        "Kenyan police arrested three opposition lawmakers in Nairobi on Monday, a day after "
        "protests against the rising cost of living turned violent in several cities.\n"
        "The Interior Ministry said the lawmakers were detained for inciting violence. The "
        "opposition leader Raila Odinga condemned the arrests and called on his supporters "
        "to continue the demonstrations.\n"
        "The United States urged both sides to show restraint and to resolve their "
        "differences through dialogue."
    )
    for junk in ("Subscribe", "ADVERTISEMENT", "Related stories", "outrageous", "Privacy"):
        assert junk not in doc.text
    assert doc.title == "Kenyan police arrest three opposition lawmakers in Nairobi"
    assert doc.date == "2023-03-21"  # the page's own date wins over --date
    assert doc.url == "https://ledger.example/world/2023/03/21/kenya-arrests"
    assert doc.source == "The Daily Ledger"


def test_page_without_an_article_falls_back_to_its_text(tmp_path: Path) -> None:
    page = tmp_path / "tiny.html"
    page.write_text("<html><body><div>Iran and the EU met.</div></body></html>", encoding="utf-8")
    (doc,) = read_inputs([str(page)], "2021-04-06")
    assert doc.text == "Iran and the EU met." and doc.date == "2021-04-06"
