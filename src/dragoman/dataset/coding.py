"""The worker side of an ingest: code a batch of documents and flatten them into rows.

Each worker process loads its own Coder once (spaCy and the dictionaries, a second or
two) in ``start_worker``, then codes every batch it is sent with ``code_batch``. The same
function codes in the parent process when there is one worker, so results do not depend
on how many workers there are: every document is coded by the same pure function of its
text and date, and event ids are hashes of what was coded.

This module keeps one module-level Coder per worker process: a process pool's
initializer can hand state to its tasks no other way, and the state never leaves the
worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dragoman import __version__
from dragoman.dataset.rows import DocumentRows, document_rows
from dragoman.document import Document


@dataclass(frozen=True, slots=True)
class CodingFailure:
    """A document the Coder raised on, and why (reported, not stored)."""

    doc_id: str
    reason: str


class SetupError(RuntimeError):
    """The Coder cannot be loaded (no such spaCy pipeline, a bad dictionary)."""


_WORKER_CODER = None
_WORKER_ERROR: str | None = None


def load_coder(model: str | None, dictionaries: Sequence[str]):
    """A Coder, or SetupError saying why there can be none."""
    from dragoman.lexicon.actors import DictionaryError
    from dragoman.parse import ModelError
    from dragoman.pipeline import Coder

    try:
        return Coder(model=model, dictionaries=tuple(dictionaries))
    except (ModelError, DictionaryError, OSError) as exc:
        raise SetupError(str(exc)) from None


def coder_name(coder) -> str:
    """What coded the documents, for the store's ``coder`` column."""
    meta = coder.nlp.meta
    return f"dragoman {__version__}; {meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"


def start_worker(model: str | None, dictionaries: Sequence[str]) -> None:
    """Process-pool initializer: load this worker's Coder once.

    A failure is kept and raised by the first task, as a SetupError the parent can
    report in one line (an initializer that raises only breaks the pool, saying nothing).
    """
    global _WORKER_CODER, _WORKER_ERROR
    try:
        _WORKER_CODER = load_coder(model, dictionaries)
    except SetupError as exc:
        _WORKER_ERROR = str(exc)


def code_in_worker(documents: list[Document]) -> list[DocumentRows | CodingFailure]:
    """Process-pool task: one batch, coded by this worker's Coder."""
    if _WORKER_CODER is None:
        raise SetupError(_WORKER_ERROR or "the worker has no Coder")
    return code_batch(_WORKER_CODER, documents)


def code_batch(coder, documents: list[Document]) -> list[DocumentRows | CodingFailure]:
    """Rows for each document of a batch, in order; a document the Coder fails on is a
    CodingFailure and the rest of the batch is still coded."""
    name = coder_name(coder)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    try:
        coded = list(coder.annotate_all(documents))
    except Exception:  # one bad document must not sink its batch: code them one by one
        return [_code_one(coder, d, name, now) for d in documents]
    return [document_rows(d, name, now) for d in coded]


def _code_one(coder, document: Document, name: str, now) -> DocumentRows | CodingFailure:
    try:
        return document_rows(coder.annotate(document), name, now)
    except Exception as exc:
        return CodingFailure(document.doc_id, f"{type(exc).__name__}: {exc}")
