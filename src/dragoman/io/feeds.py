"""RSS and Atom feed files as documents: one document per item.

feedparser reads every RSS version, Atom 0.3/1.0 and RDF, and tolerates the broken markup
real feeds carry. Each item becomes a document whose text is its title (the headline, its
own line) and then the text of its content or summary (HTML stripped, one paragraph per
line); it keeps the item's link as ``url``, its date, and the feed's title (or the item's
own ``<source>``) as ``source``. Only the file is read: nothing is fetched from the links,
so a feed that carries summaries gives summaries.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from typing import Any

from dragoman.document import Document
from dragoman.io.options import ReadOptions

#: What the first bytes of a feed file contain (checked on ``.xml`` files in directories).
_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:RDF", b"<RDF")


def looks_like_feed(head: bytes) -> bool:
    """Whether the start of a file is an RSS, Atom or RDF feed's root element."""
    return any(marker in head for marker in _FEED_MARKERS)


def _struct_date(value: time.struct_time | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    except ValueError:
        return None


def _item_body(entry: Any) -> str:
    """The item's text: its full content when the feed carries it, else its summary."""
    from dragoman.io.html import extract_text

    parts = entry.get("content") or []
    html = "\n".join(part.get("value", "") for part in parts) if parts else ""
    if not html.strip():
        html = entry.get("summary", "") or entry.get("description", "") or ""
    return extract_text(f"<div>{html}</div>")[1]


def feed_documents(source: str, data: bytes, options: ReadOptions) -> Iterator[Document]:
    """Documents from the bytes of a feed file; ValueError when it is not a feed.

    An item's own date wins over ``options.date``. Its id is its ``guid``/``id``, else
    its link; without either, ``FILE:N`` (N counting items from 1), or with
    ``options.content_ids`` a hash of its text.
    """
    import feedparser  # imported here: only feed input pays for it

    from dragoman.io.readers import content_id

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = parsed.get("bozo_exception")
            raise ValueError(f"not a readable RSS or Atom feed ({reason})")
        if not parsed.get("version"):
            raise ValueError("not an RSS or Atom feed")
        return
    feed_title = " ".join((parsed.feed.get("title") or "").split()) or None
    base = os.path.basename(source)
    for number, entry in enumerate(parsed.entries, 1):
        title = " ".join((entry.get("title") or "").split()) or None
        body = _item_body(entry)
        if title and not body.startswith(title):
            text = title + "\n" + body if body else title
        else:
            text = body
        if not text.strip():
            continue
        date = _struct_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        item_source = entry.get("source", {}).get("title") if entry.get("source") else None
        given = entry.get("id") or entry.get("link")
        if given:
            doc_id = str(given)
        elif options.content_ids:
            doc_id = content_id(text)
        else:
            doc_id = f"{base}:{number}"
        yield Document(
            doc_id=doc_id,
            text=text,
            date=date or options.date,
            title=title,
            source=item_source or feed_title,
            url=entry.get("link") or None,
        )
