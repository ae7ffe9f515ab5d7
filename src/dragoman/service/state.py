"""What every request of one running service shares: the Coder, the store, the limits.

Kept in one object on ``app.state`` rather than in module globals, so that two apps (a
test's and the one under ``dragoman serve``) can live in one process without seeing
each other's Coder or store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from dragoman.classify import ClassifyRequest
from dragoman.document import Document
from dragoman.service.limits import Limits, WorkPool


class CoderLike(Protocol):
    """What the service needs of a Coder (tests pass slow or failing stand-ins)."""

    def annotate(self, document: Document) -> Document: ...

    def classify_all(self, requests: Iterable[ClassifyRequest]) -> Iterator[dict]: ...


@dataclass(slots=True)
class ServiceState:
    """The shared parts of one service. ``coder`` is None until the app has started."""

    db: str
    limits: Limits
    coder: Any = None
    model: str | None = None
    coding: WorkPool = field(init=False)
    querying: WorkPool = field(init=False)

    def __post_init__(self) -> None:
        self.coding = WorkPool(self.limits.workers, self.limits.timeout, "coding")
        # Store queries get their own threads, so a queue of articles to code does not
        # hold up the explore page.
        self.querying = WorkPool(2, self.limits.timeout, "the store query")

    def store_exists(self) -> bool:
        return Path(self.db).exists()

    def close(self) -> None:
        self.coding.close()
        self.querying.close()
