"""Ingest: code documents in parallel and store them, idempotently and resumably.

The plan for a run:

1. Drop the documents the store already has (by id) and repeats within the input: this
   is what makes a second run of the same input add nothing, and a rerun after a kill
   add only what is missing.
2. Cut the rest into batches of ``batch_size`` documents, in input order.
3. Code the batches: in this process with one worker, else in a pool of ``workers``
   processes (spawned, each loading its own Coder once), at most four batches per
   worker in flight so that memory stays flat.
4. Store each coded batch in one transaction as soon as it is coded (in the order the
   batches finish, so that one long batch does not leave the other workers idle). A run
   killed at any moment loses at most the batches not yet committed, and those are
   exactly the ones a rerun codes.

The results are the same whatever the number of workers: each document is coded by the
same pure function and event ids are hashes of what was coded. Only the order in which
documents land in the tables differs, and every export and statistic orders its rows.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice

from dragoman.dataset.coding import (
    CodingFailure,
    SetupError,
    code_batch,
    code_in_worker,
    load_coder,
    start_worker,
)
from dragoman.dataset.progress import Progress
from dragoman.dataset.rows import DocumentRows
from dragoman.dataset.store import Store
from dragoman.document import Document

DEFAULT_BATCH = 8
#: Batches in flight per worker: enough that no worker waits for work.
_WINDOW = 4


@dataclass(slots=True)
class IngestReport:
    """What a run did: documents offered, skipped (already stored), stored, events, time."""

    offered: int = 0
    skipped: int = 0
    stored: int = 0
    events: int = 0
    workers: int = 1
    seconds: float = 0.0
    failures: list[CodingFailure] = field(default_factory=list)

    def summary(self, path: str) -> str:
        rate = self.stored / self.seconds if self.seconds else 0.0
        erate = self.events / self.seconds if self.seconds else 0.0
        return (
            f"{self.stored} documents stored ({self.events} events), {self.skipped} already "
            f"stored, {len(self.failures)} failed, in {self.seconds:.1f} s with "
            f"{self.workers} worker{'s' if self.workers != 1 else ''} "
            f"({rate:.1f} docs/s, {erate:.1f} events/s) -> {path}"
        )


def plan(store: Store, documents: Iterable[Document]) -> tuple[list[Document], int]:
    """(documents still to code, in input order; how many were skipped)."""
    offered = list(documents)
    stored = store.stored_ids(d.doc_id for d in offered)
    seen: set[str] = set()
    todo: list[Document] = []
    for document in offered:
        if document.doc_id in stored or document.doc_id in seen:
            continue
        seen.add(document.doc_id)
        todo.append(document)
    return todo, len(offered) - len(todo)


def batches_of(documents: Sequence[Document], size: int) -> list[list[Document]]:
    return [list(documents[i : i + size]) for i in range(0, len(documents), size)]


def ingest(
    store: Store,
    documents: Iterable[Document],
    *,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH,
    coder=None,
    model: str | None = None,
    dictionaries: Sequence[str] = (),
    progress: Progress | None = None,
    on_batch: Callable[[int, IngestReport], None] | None = None,
) -> IngestReport:
    """Code ``documents`` and store those the store does not have yet.

    When coding in this process (one worker) ``coder`` is used: a Coder, or a function
    that returns one, called only if there is anything to code; without it one is loaded
    from ``model`` and ``dictionaries``, as in each worker process. ``on_batch(n, report)`` is
    called after each committed batch of ``n`` documents. Raises SetupError when no Coder
    can be loaded.
    """
    started = time.perf_counter()
    todo, skipped = plan(store, documents)
    report = IngestReport(offered=len(todo) + skipped, skipped=skipped)
    batches = batches_of(todo, max(1, batch_size))
    report.workers = max(1, min(workers, len(batches)))
    if progress is not None:
        progress.total = len(todo)
    for results in _coded(batches, report.workers, coder, model, dictionaries):
        coded = [r for r in results if isinstance(r, DocumentRows)]
        report.failures.extend(r for r in results if isinstance(r, CodingFailure))
        store.add(coded)
        events = sum(len(rows.events) for rows in coded)
        report.stored += len(coded)
        report.events += events
        if progress is not None:
            progress.update(len(results), events)
        if on_batch is not None:
            on_batch(len(coded), report)
    report.seconds = time.perf_counter() - started
    return report


def _coded(
    batches: list[list[Document]],
    workers: int,
    coder,
    model: str | None,
    dictionaries: Sequence[str],
) -> Iterator[list[DocumentRows | CodingFailure]]:
    """Each batch coded: in order here with one worker, else as a process pool finishes
    them."""
    if not batches:
        return
    if workers <= 1:
        if coder is None:
            coder = load_coder(model, dictionaries)
        elif callable(coder) and not hasattr(coder, "annotate_all"):
            coder = coder()
        for batch in batches:
            yield code_batch(coder, batch)
        return
    # spawn, not fork: the parent holds a DuckDB connection and its threads, which a
    # forked child must not inherit.
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=start_worker,
        initargs=(model, tuple(dictionaries)),
    )
    try:
        pending = iter(batches)
        in_flight: set[Future] = {
            pool.submit(code_in_worker, b) for b in islice(pending, _WINDOW * workers)
        }
        while in_flight:
            done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                try:
                    results = future.result()
                except BrokenProcessPool as exc:
                    raise SetupError(f"a worker process died ({exc})") from None
                following = next(pending, None)
                if following is not None:
                    in_flight.add(pool.submit(code_in_worker, following))
                yield results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
