"""HTML pages as documents: the article's text, without navigation, ads, comments or scripts.

The main text is found with trafilatura, a maintained boilerplate remover that scores
blocks by their link density, length and markup (a page's menus, "related stories", ad
slots and comment threads are what a naive tag filter keeps). Its metadata give the
page's headline, publication date, canonical URL and site name. A page trafilatura
finds no article in (a bare fragment, a very short page) falls back to the standard
library's parser below, which drops only the obvious non-text elements.

The document text is the extracted text (headline, then one paragraph per line), and
every offset points into it; ``annotate`` output carries that text, so offsets stay
checkable.
"""

from __future__ import annotations

from html.parser import HTMLParser

from dragoman.document import Document
from dragoman.io.dates import parse_date

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "svg",
        "iframe",
        "template",
        "select",
        "figure",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "li",
        "ul",
        "ol",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "table",
        "dd",
        "dt",
        "hr",
    }
)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.blocks: list[list[str]] = [[]]
        self.skip_depth = 0
        self.in_title = False
        self.in_article = 0
        self.article_blocks: list[list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        if tag in _BLOCK:
            self.blocks.append([])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.blocks.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "title":
            self.in_title = False
        if tag in _BLOCK:
            self.blocks.append([])

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip_depth:
            self.blocks[-1].append(data)


def extract_text(html: str) -> tuple[str | None, str]:
    """(title, body text) of an HTML page: one block per line, whitespace collapsed."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    title = " ".join("".join(parser.title).split()) or None
    lines = [" ".join("".join(block).split()) for block in parser.blocks]
    return title, "\n".join(line for line in lines if line)


def extract_article(html: str) -> dict[str, str | None] | None:
    """The main text and metadata of a page with trafilatura, or None when it finds none.

    ``favor_precision`` because a missed sentence costs one event, while a kept ad or
    teaser costs wrong ones; the date search stays in the page's markup and URL
    (``extensive_search`` off) so that a copyright year is never taken for a date.
    """
    import trafilatura  # imported here: only HTML input pays for it

    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if found is None or not (found.text or "").strip():
        return None
    return {
        "text": found.text,
        "title": found.title,
        "date": found.date,
        "url": found.url,
        "source": found.sitename,
    }


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def html_document(doc_id: str, html: str, date: str | None) -> Document:
    """A Document from a page: its headline first, then the article's paragraphs.

    The page's own publication date wins over ``date``, as a JSONL record's does.
    """
    meta = extract_article(html)
    if meta is None:
        title, body = extract_text(html)
        meta = {"title": title, "text": body, "date": None, "url": None, "source": None}
    body = "\n".join(line.strip() for line in (meta["text"] or "").splitlines() if line.strip())
    if not body:
        raise ValueError("the HTML page has no text")
    title = " ".join((meta["title"] or "").split()) or None
    first = body.split("\n", 1)[0]
    text = body if title is None or _same(first, title) else title + "\n" + body
    own_date = parse_date(meta["date"]) if meta["date"] else None
    return Document(
        doc_id=doc_id,
        text=text,
        date=own_date or date,
        title=title,
        source=meta["source"] or None,
        url=meta["url"] or None,
    )
