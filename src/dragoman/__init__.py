"""dragoman: political event data from news text.

Reads news reports and codes who did or said what to whom, when and where, in PLOVER 1.3
and CAMEO 1.1b3, with every record traceable to the words it came from.

    >>> from dragoman import Coder, Document
    >>> coder = Coder()                                                   # doctest: +SKIP
    >>> doc = coder.annotate(Document("d1", "Moscow accused Kyiv of shelling.", "2022-02-17"))
"""

from __future__ import annotations

__version__ = "0.1.0"

from dragoman.document import Document, Entity, Event, Place, Quote, TimeExpr

__all__ = ["Coder", "Document", "Entity", "Event", "Place", "Quote", "TimeExpr", "__version__"]


def __getattr__(name: str):
    # The Coder pulls in spaCy; load it only when asked for, so `dragoman --help` is instant.
    if name == "Coder":
        from dragoman.pipeline import Coder

        return Coder
    raise AttributeError(name)
