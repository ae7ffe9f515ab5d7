"""RSS and Atom feeds: one document per item, with its text, date, link and source."""

from __future__ import annotations

from pathlib import Path

from dragoman.io.readers import ReadError, content_id, read_inputs

FIXTURES = Path(__file__).parent / "fixtures"


def test_rss_items_become_documents_with_their_metadata() -> None:
    docs = list(read_inputs([str(FIXTURES / "wire.rss")], "2000-01-01"))
    assert [d.doc_id for d in docs] == [
        "wire-0001",  # the guid
        "https://wire.example/2022/02/07/meeting",  # no guid: the link
        "wire.rss:3",  # neither: file and item number
    ]
    first, second, third = docs
    assert first.text == (
        "Russia accuses Ukraine of shelling\n"
        "Russia accused Ukraine on Thursday of shelling villages in the Donbas.\n"
        "Kyiv denied the accusation."
    )
    assert (first.date, first.source, first.url) == (
        "2022-02-17",
        "World Wire",
        "https://wire.example/2022/02/17/shelling",
    )
    assert first.title == "Russia accuses Ukraine of shelling"
    # full content wins over the teaser
    assert "White House" in second.text and "teaser" not in second.text
    # an item's own <source> wins over the feed's title
    assert third.source == "The Daily Ledger" and third.url is None


def test_atom_entry() -> None:
    (doc,) = read_inputs([str(FIXTURES / "un.atom")])
    assert doc.doc_id == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"
    assert (
        doc.text
        == "Talks on Iran resume in Vienna\nIran and the European Union met in Vienna on Tuesday."
    )
    assert (doc.date, doc.source, doc.url) == (
        "2021-04-06",
        "UN News (test feed)",
        "https://news.example/2021/04/iran-talks",
    )


def test_item_without_id_gets_a_content_hash_for_the_store() -> None:
    docs = list(read_inputs([str(FIXTURES / "wire.rss")], content_ids=True))
    assert docs[0].doc_id == "wire-0001"
    assert docs[2].doc_id == content_id(docs[2].text)


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    bad = tmp_path / "sitemap.xml"
    bad.write_text("<?xml version='1.0'?><urlset><url>x</url></urlset>", encoding="utf-8")
    (err,) = read_inputs([str(bad)])
    assert isinstance(err, ReadError) and "feed" in err.message() and str(bad) in err.message()
    # in a directory, XML that is not a feed is not even tried
    (tmp_path / "feed.xml").write_bytes((FIXTURES / "un.atom").read_bytes())
    assert [d.doc_id for d in read_inputs([str(tmp_path)])] == [
        "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"
    ]
