"""HTML pages as documents: the article's text, without navigation, scripts or styles.

The document text is the extracted text (headline, then one paragraph per line), and
every offset points into it; ``annotate`` output carries that text, so offsets stay
checkable.
"""

from __future__ import annotations

from html.parser import HTMLParser

from dragoman.document import Document

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


def html_document(doc_id: str, html: str, date: str | None) -> Document:
    """A Document from a page: its headline (``<h1>`` or ``<title>``) first, then the text."""
    title, body = extract_text(html)
    if not body.strip():
        raise ValueError("the HTML page has no text")
    text = title + "\n" + body if title and not body.startswith(title) else body
    return Document(doc_id=doc_id, text=text, date=date, title=title)
