"""What a reader needs to know besides the path: defaults, CSV column names, id policy.

Kept apart from ``readers.py`` so the format modules (``tables``, ``feeds``) can import it
without importing the dispatcher that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Columns:
    """Which CSV/TSV column holds each document field (``--text-column`` and friends)."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    title: str = "title"
    url: str = "url"
    source: str = "source"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read.

    ``date`` is the publication date for inputs that carry none. With ``content_ids`` a
    document that comes without an id of its own (a ``.txt`` or ``.html`` file, a JSONL
    or CSV record without ``id``, a feed item without guid or link) is named by a hash of
    its text instead of its file name or line: the store uses this so that the same
    article read from two places, or twice, is one document.
    """

    date: str | None = None
    columns: Columns = field(default_factory=Columns)
    content_ids: bool = False
