"""A one-line progress bar for long ingests: documents/s, events so far, time left.

Drawn only on a terminal (carriage return, redrawn at most ten times a second); when
standard error is a pipe or a file it stays silent, so logs get no control characters.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Counts documents and events against a known total and draws a bar on a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = total
        self.done = 0
        self.events = 0
        self.started = time.perf_counter()
        self._drawn = 0.0

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def update(self, documents: int, events: int) -> None:
        self.done += documents
        self.events += events
        now = time.perf_counter()
        if self.enabled and (now - self._drawn >= 0.1 or self.done >= self.total):
            self._drawn = now
            self.stream.write("\r" + self.line() + "\x1b[K")
            self.stream.flush()

    def line(self) -> str:
        elapsed = self.elapsed()
        rate = self.done / elapsed if elapsed > 0 else 0.0
        share = self.done / self.total if self.total else 1.0
        width = 24
        filled = int(width * share)
        bar = "#" * filled + "-" * (width - filled)
        left = (self.total - self.done) / rate if rate > 0 else None
        eta = _clock(left) if left is not None else "?"
        return (
            f"[{bar}] {self.done}/{self.total} docs  {rate:.1f} docs/s  "
            f"{self.events} events  {_clock(elapsed)} elapsed, {eta} left"
        )

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
