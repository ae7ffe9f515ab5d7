"""The reporting frame, the unit the finders produce and ``attribution`` assembles.

A frame is a cue with its speaker and the stretch of text attributed to the speaker. The
finders (``reported`` for verbs, ``phrases`` for "according to", nouns and "Speaker:"
lines) work on the parse; a frame keeps character offsets so that quotations, which are
paired on the raw text, can be compared with it directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token


@dataclass(frozen=True, slots=True)
class Frame:
    """A reporting frame. Offsets are characters of the document text. ``source`` is the
    token index of the speaker's head (None when the text names no one) and
    ``source_span`` its characters when they are not a noun phrase of the parse ("PENCE:").
    ``cue_token`` is the cue's head token (None for punctuation cues). ``kind`` says what
    the content is (``clause``, ``to``, ``object``, ``prep``, ``open``, ``according``,
    ``noun``, ``colon``, ``quote``, ``dash``); ``speech`` is true when the cue can frame
    a quotation."""

    cue_start: int
    cue_end: int
    cue_token: int | None
    source: int | None
    content_start: int
    content_end: int
    kind: str
    speech: bool
    source_span: tuple[int, int] | None = None


def is_quote(token: Token) -> bool:
    """A quotation mark token (spaCy does not count the doubled apostrophe as one)."""
    return token.is_quote or token.text in {"''", "``"}


def subtree_range(token: Token) -> tuple[int, int]:
    """First and last token index (inclusive) of the token's subtree."""
    return token.left_edge.i, token.right_edge.i


def span_chars(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Character span of tokens ``first..last`` (inclusive) with punctuation trimmed from
    both edges; quotation marks stay, since a quoted content starts and ends with them."""
    while first < last and _trimmable(doc[first]):
        first += 1
    while last > first and _trimmable(doc[last]):
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _trimmable(token: Token) -> bool:
    return (token.is_punct or token.is_space) and not is_quote(token)
