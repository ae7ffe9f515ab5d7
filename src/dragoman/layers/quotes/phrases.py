"""Frames that are not a verb with its complement: "according to X", a noun with a
that-clause ("a New York Times report that ..."), and a line that starts with its
speaker and a colon (headlines "Pat Caddell: Democrat voters ...", transcripts
"PENCE: Well, look ...").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dragoman.layers.quotes.cues import Cue
from dragoman.layers.quotes.frames import Frame, is_quote, span_chars, subtree_range

_VERB_POS = frozenset({"VERB", "AUX"})
#: Nouns for what a source said: "according to a statement by X" is X's, not the
#: statement's, and "the ministry's statement" is the ministry's.
SAYING_NOUNS = frozenset(
    {
        "statement",
        "report",
        "announcement",
        "communique",
        "declaration",
        "comment",
        "remark",
        "letter",
        "note",
        "message",
        "tweet",
        "post",
        "interview",
        "briefing",
        "release",
        "speech",
        "address",
        "testimony",
        "memo",
        "filing",
    }
)
#: "Speaker: words" at the start of a line: up to six capitalised words (a few small
#: words allowed inside a name), a colon, and words that start with a capital or a quote.
_COLON_LINE = re.compile(
    r"(?m)^(?:[^\S\n]|[\"“])*"  # the line's start, maybe an opening mark
    r"([A-Z][\w.’'-]*(?:[^\S\n]+(?:[A-Z][\w.’'-]*|of|the|and|de|for)){0,5})"  # the speaker
    r"[^\S\n]*(:)[^\S\n]+(?=[\"“‘'A-Z])([^\n]+)"  # colon, then the words
)
#: The words after the colon must be this long to be a statement, not a label.
_MIN_COLON_CONTENT = 10


def according_source(obj: Token) -> Token:
    """ "according to a statement by the ministry" → the ministry; "according to the
    ministry's statement" → the ministry; otherwise the object itself."""
    if obj.lemma_.lower() in SAYING_NOUNS:
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ in {"by", "from", "of"}:
                inner = next((p for p in c.children if p.dep_ == "pobj"), None)
                if inner is not None:
                    return inner
            if c.dep_ == "poss":
                return c
    return obj


def according_frame(token: Token) -> Frame | None:
    """ "According to X, CLAUSE" / "CLAUSE, according to X": the clause the phrase
    hangs on, without the phrase (its hull when the phrase stands in the middle)."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    phrase = set(range(token.left_edge.i, token.right_edge.i + 1)) | {t.i for t in to.subtree}
    clause = token.head
    while clause.pos_ not in _VERB_POS and clause.dep_ != "ROOT" and clause.head.i != clause.i:
        clause = clause.head
    if clause.i == token.i or (clause.head.i == clause.i and clause.pos_ not in _VERB_POS):
        clause = token.sent.root
    tokens = [
        t.i
        for t in clause.subtree
        if t.i not in phrase and not (t.is_punct and not is_quote(t)) and not t.is_space
    ]
    if not tokens:
        return None
    lo, hi = min(phrase), max(phrase)
    before = [i for i in tokens if i < lo]
    after = [i for i in tokens if i > hi]
    if before and after:
        first, last = before[0], after[-1]
    elif after:
        first, last = after[0], after[-1]
    else:
        first, last = before[0], before[-1]
    start, end = span_chars(doc, first, last)
    source = according_source(obj)
    return Frame(token.idx, to.idx + len(to.text), token.i, source.i, start, end, "according", True)


def _noun_source(noun: Token) -> Token | None:
    """Whose statement, plan or criticism: the possessor ("Obama's decision"), a name
    before the noun ("a New York Times report") or a "by"/"from" phrase."""
    source = None
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN"):
            source = c
        elif c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "from"}:
            source = next((p for p in c.children if p.dep_ == "pobj"), source)
    return source


def _noun_content(noun: Token, cue: Cue) -> tuple[tuple[int, int], str] | None:
    for take in cue.takes:
        for c in noun.children:
            if take == "clause" and c.dep_ in {"acl", "ccomp", "appos"}:
                if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                    return subtree_range(c), take
            elif take == "to" and c.dep_ in {"acl", "relcl"} and c.i > noun.i:
                if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    return subtree_range(c), take
            elif take == "prep" and c.dep_ == "prep" and c.lower_ == cue.particle:
                obj = next((p for p in c.children if p.dep_ in {"pobj", "pcomp"}), None)
                if obj is not None:
                    return subtree_range(obj), take
    return None


def noun_frame(noun: Token, entries: dict[str | None, Cue]) -> Frame | None:
    """ "a New York Times report that ...", "Obama's decision to ...", "her criticism
    of ...": the noun's complement, and its possessor, name or "by" phrase as the
    source. Only a that-clause may go without a named source ("reports that ...")."""
    for cue in entries.values():
        found = _noun_content(noun, cue)
        if found is None:
            continue
        (first, last), take = found
        source = _noun_source(noun)
        if source is None and take != "clause":
            continue
        start, end = span_chars(noun.doc, first, last)
        cue_end = noun.idx + len(noun.text)
        if cue.particle:
            prep = next(c for c in noun.children if c.dep_ == "prep" and c.lower_ == cue.particle)
            cue_end = prep.idx + len(prep.text)
        speaker = source.i if source is not None else None
        return Frame(noun.idx, cue_end, noun.i, speaker, start, end, "noun", take == "clause")
    return None


def colon_frames(doc: Doc, text: str) -> list[Frame]:
    """ "Pat Caddell: Democrat voters worried ...", "PENCE: Well, look ...": the words
    before a colon at a line's start name who speaks the rest of the line. ``text`` is
    ``doc.text`` (which spaCy rebuilds from the tokens on every access)."""
    out = []
    for m in _COLON_LINE.finditer(text):
        name_start, name_end = m.span(1)
        colon = m.start(2)
        content_start, content_end = m.span(3)
        while content_end > content_start and (
            text[content_end - 1].isspace() or text[content_end - 1] == "."
        ):
            content_end -= 1
        if content_end - content_start < _MIN_COLON_CONTENT:
            continue
        span = doc.char_span(name_start, name_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if not any(t.pos_ in {"PROPN", "NOUN"} or t.is_upper for t in span):
            continue
        out.append(
            Frame(
                colon,
                colon + 1,
                None,
                span.root.i,
                content_start,
                content_end,
                "colon",
                True,
                source_span=(name_start, name_end),
            )
        )
    return out
