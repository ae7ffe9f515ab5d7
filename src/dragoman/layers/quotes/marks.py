"""Quotation marks paired into quoted stretches of the text.

News mixes curly quotes (“ ”), straight ones (" that open and close alike), doubled
apostrophes (''), single quotes in headlines (‘in Their Heads’) and quotes nested in
quotes, and a quotation can run over several paragraphs: English style leaves the
closing mark off a paragraph whose quotation goes on, and opens the next paragraph with a
fresh mark. A tokenizer-level view of this is unreliable (the parser splits sentences
inside quotations), so the marks are paired here on the raw text, once per document,
in one left-to-right pass.

Only the outermost stretches are returned: a quotation inside a quotation is part of
its speaker's words, not a separate quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Every mark we look at, longest first so that '' is one mark, not two apostrophes.
_MARK = re.compile(r"''|[\"“”„«»‘’']")
_OPENING_DOUBLE = frozenset("“„«")
_CLOSING_DOUBLE = frozenset("»")
_AMBIGUOUS_DOUBLE = frozenset({'"', "''"})
#: Characters after which a straight mark opens a quotation.
_BEFORE_OPEN = frozenset(" \t\r\n([{—–-―:/")
#: Characters before which a mark closes one.
_AFTER_CLOSE = frozenset(" \t\r\n)]}.,;:!?—–-―…/'’\"”")

_SINGLE = frozenset("‘’'")
_LINE = re.compile(r"[^\n]+")

OPEN, CLOSE, EITHER = 1, 2, 3


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted stretch: ``start`` is the opening mark, ``end`` is just after the closing
    mark (or the end of the last paragraph when the quotation is never closed).
    ``paragraphs`` counts the paragraphs it runs over; ``single`` is true for ‘…’."""

    start: int
    end: int
    closed: bool
    paragraphs: int = 1
    single: bool = False


def _role(text: str, pos: int, mark: str) -> int:
    """Whether a double mark at ``pos`` opens, closes, or could do either."""
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + len(mark)] if pos + len(mark) < len(text) else "\n"
    if mark in _OPENING_DOUBLE:
        return OPEN
    if mark in _CLOSING_DOUBLE:
        return CLOSE
    if mark == "”":
        # ”What … (a typeset opening mark the wrong way round at a paragraph start)
        return OPEN if before in "\n" and after.isalnum() else CLOSE
    if (before.isspace() or before in _BEFORE_OPEN) and not after.isspace():
        return OPEN
    if (after.isspace() or after in _AFTER_CLOSE) and not before.isspace():
        return CLOSE
    return EITHER


def _curly(mark: str) -> bool:
    """Typeset (“ ” „ « ») or typewriter (" '') marks: a quotation keeps its style."""
    return mark[0] in "“”„«»"


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that is not blank, trailing spaces left out."""
    out = []
    for m in _LINE.finditer(text):
        start, end = m.start(), m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def _opens_paragraph(text: str, line_start: int, pos: int) -> bool:
    """Is the mark at ``pos`` the first thing on its line, or right after a colon that
    introduces a quotation ("Caddell continued: “…")?"""
    before = text[line_start:pos].rstrip()
    return before == "" or before.endswith(":")


def _double_quotes(text: str, marks: list[tuple[int, str]]) -> list[Quoted]:
    """Pair double marks line by line with a stack two deep (a quotation inside a
    quotation in the same style is rare; one level is kept). A quotation still open at
    the end of a line that it began (or that began with "...:") is carried over when the
    next line opens with a mark of the same style, else it ends with its line; any
    other unclosed mark is a stray and is dropped."""
    out: list[Quoted] = []
    # a quotation left open at the end of a paragraph: (start, paragraphs, end so far)
    carry: tuple[int, int, int] | None = None
    k = 0
    for line_start, line_end in _lines(text):
        while k < len(marks) and marks[k][0] < line_start:
            k += 1
        stack: list[int] = []
        paragraphs = 1
        outer_at_start = False
        if carry is not None:
            first = marks[k] if k < len(marks) and marks[k][0] < line_end else None
            if (
                first is not None
                and first[1] not in _SINGLE
                and _curly(first[1]) == _curly(text[carry[0] : carry[0] + 1])
                and text[line_start : first[0]].strip() == ""
                and _role(text, first[0], first[1]) != CLOSE
            ):
                # the quotation goes on: this paragraph's opening mark is no new quote
                stack, paragraphs, outer_at_start = [carry[0]], carry[1] + 1, True
                k += 1
            else:
                out.append(Quoted(carry[0], carry[2], False, carry[1]))
            carry = None
        while k < len(marks) and marks[k][0] < line_end:
            pos, mark = marks[k]
            k += 1
            if mark in _SINGLE:
                continue
            role = _role(text, pos, mark)
            if role == EITHER:
                role = CLOSE if stack else OPEN
            if role == OPEN:
                if not stack:
                    outer_at_start = _opens_paragraph(text, line_start, pos)
                    paragraphs = 1
                if len(stack) < 2:
                    stack.append(pos)
            elif stack:
                start = stack.pop()
                if not stack:
                    out.append(Quoted(start, pos + len(mark), True, paragraphs))
        if stack and outer_at_start:
            carry = (stack[0], paragraphs, line_end)
    if carry is not None:
        out.append(Quoted(carry[0], carry[2], False, carry[1]))
    return out


def _single_quotes(text: str, marks: list[tuple[int, str]], inside: list[Quoted]) -> list[Quoted]:
    """‘…’ and '…' pairs on one line outside double quotations (headlines, rare styles).
    An apostrophe between letters ("don’t") is no mark; an opening one needs a non-letter
    before it and a closing one a non-letter after it."""
    out: list[Quoted] = []
    covered = [(q.start, q.end) for q in inside]
    c = 0
    open_at: int | None = None
    for pos, mark in marks:
        if mark not in _SINGLE:
            continue
        while c < len(covered) and covered[c][1] <= pos:
            c += 1
        if c < len(covered) and covered[c][0] <= pos:
            open_at = None
            continue
        before = text[pos - 1] if pos > 0 else "\n"
        after = text[pos + 1] if pos + 1 < len(text) else "\n"
        if before.isalnum() and after.isalnum():
            continue
        if open_at is not None and "\n" in text[open_at:pos]:
            open_at = None
        if open_at is None:
            if not before.isalnum() and (after.isalnum() or mark == "‘"):
                open_at = pos
        elif not after.isalnum() and not before.isspace():
            out.append(Quoted(open_at, pos + 1, True, 1, single=True))
            open_at = None
    return out


def find_quoted(text: str) -> list[Quoted]:
    """The outermost quoted stretches of ``text``, in text order."""
    marks = [(m.start(), m.group()) for m in _MARK.finditer(text)]
    if not marks:
        return []
    doubles = _double_quotes(text, marks)
    singles = _single_quotes(text, marks, doubles)
    return sorted(doubles + singles, key=lambda q: q.start)
