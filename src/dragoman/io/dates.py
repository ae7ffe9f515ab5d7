"""Publication dates as given by users and records."""

from __future__ import annotations

import datetime as dt


def parse_date(value: str) -> str | None:
    """``YYYY-MM-DD`` for a date or ISO timestamp ("2022-02-17T10:00:00Z"), else None."""
    head = value.strip()[:10]
    try:
        return dt.date.fromisoformat(head).isoformat()
    except ValueError:
        return None
