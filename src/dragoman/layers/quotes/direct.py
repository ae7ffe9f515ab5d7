"""The cue of a quotation, from the words around its marks.

The parser often fails on quotations: a long quotation is split into several sentences,
and "“…,” said Caddell" or "“…” ― Martha Aguilar" hang nowhere useful. So besides the
frames of the parse, a quotation is given the cue found in the words next to it:

- after the closing mark, within a few words and before the sentence ends: "“…,” said
  Rep. G.K. Butterfield (D-N.C.)", "“…,” Mr. King, 82, told me";
- a dash and a name signing it: "“…” ― Martha Aguilar";
- before the opening mark, in the words since the sentence began, when they end with a
  comma or colon: "Biden said, when asked about …, “…”", "Mook told CBS, “…”";
- at the end of the paragraph before, when it ends with a colon: "Caddell continued:".
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from dragoman.layers.quotes.cues import CueLexicon
from dragoman.layers.quotes.frames import Frame
from dragoman.layers.quotes.marks import Quoted
from dragoman.layers.quotes.reported import subject_of

#: How far (tokens) after a closing mark its cue may be.
AFTER_WINDOW = 8
SENTENCE_END = frozenset({".", "?", "!"})
_LEAD_ENDS = ",:—–-"
#: A quotation signed with a dash and a name, alone at the end of its line.
_DASH_SIGNATURE = re.compile(
    r"[^\S\n]*(―|—|–|--)[^\S\n]*"  # the dash, spaces (no line break) around it
    r"([A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,4})"  # a name of up to five words
    r"[^\S\n]*\.?[^\S\n]*(?=\n|$)"
)


class TextIndex:
    """Paragraphs (lines) and tokens of a document, found by character offset."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text
        self.paragraph_starts = [0, *(m.end() for m in re.finditer(r"\n", self.text))]
        self._token_starts: list[int] | None = None

    @property
    def token_starts(self) -> list[int]:
        """Built on first use: most documents have no quotation that needs it."""
        if self._token_starts is None:
            self._token_starts = [t.idx for t in self.doc]
        return self._token_starts

    def paragraph(self, offset: int) -> int:
        return bisect_right(self.paragraph_starts, offset) - 1

    def paragraph_start(self, offset: int) -> int:
        return self.paragraph_starts[self.paragraph(offset)]

    def token_at(self, offset: int) -> int:
        """Index of the token that starts at or before ``offset``."""
        return max(0, bisect_right(self.token_starts, offset) - 1)

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Tokens that start in ``[start, end)``."""
        i = self.token_at(start)
        if i < len(self.doc) and self.doc[i].idx < start:
            i += 1
        out = []
        while i < len(self.doc) and self.doc[i].idx < end:
            out.append(self.doc[i])
            i += 1
        return out


def _is_cue_verb(token: Token, lexicon: CueLexicon) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    entry = lexicon.verb_entry(token)
    return entry is not None and entry.speech


def _nearest_name(tokens: list[Token]) -> Token | None:
    """When the parse gives the cue no subject: the nearest noun or pronoun beside it,
    moved to the head of a compound name ("Rep. G.K. Butterfield")."""
    for t in tokens:
        if t.pos_ in {"PROPN", "PRON", "NOUN"} and t.lower_ not in {"it", "that", "this"}:
            while t.dep_ in {"compound", "flat"} and t.head.i != t.i:
                t = t.head
            return t
    return None


def _since_sentence_start(tokens: list[Token]) -> list[Token]:
    for k in range(len(tokens) - 2, -1, -1):
        if tokens[k].text in SENTENCE_END:
            return tokens[k + 1 :]
    return tokens


def _frame(verb: Token, subject: Token | None, q: Quoted, kind: str = "quote") -> Frame:
    source = subject.i if subject is not None else None
    end = verb.idx + len(verb.text)
    return Frame(verb.idx, end, verb.i, source, q.start, q.end, kind, True)


class QuotationCues:
    """Finds the cue of a quotation in the words around it."""

    def __init__(self, index: TextIndex, lexicon: CueLexicon) -> None:
        self.index = index
        self.text = index.text
        self.lexicon = lexicon

    def find(self, q: Quoted, prev_end: int, next_start: int) -> Frame | None:
        """The cue of ``q``; ``prev_end`` and ``next_start`` bound the words to look at
        (the neighbouring quotations)."""
        return (
            self.after(q, next_start)
            or self.dash(q)
            or self.before(q, prev_end)
            or self.colon_paragraph(q)
        )

    def after(self, q: Quoted, next_start: int) -> Frame | None:
        """ "“…,” said Caddell." / "“…,” Mr. King, 82, told me.": a cue right after."""
        line_end = self.text.find("\n", q.end)
        limit = min(next_start, line_end if line_end >= 0 else len(self.text))
        window: list[Token] = []
        for t in self.index.tokens_between(q.end, limit):
            if t.is_space:
                continue
            if t.text in SENTENCE_END and window:
                break
            window.append(t)
            if len(window) > AFTER_WINDOW:
                break
        for k, t in enumerate(window):
            if _is_cue_verb(t, self.lexicon):
                subject = subject_of(t, self.lexicon)
                if subject is None or subject.idx < q.end:
                    subject = _nearest_name(window[k + 1 :]) or _nearest_name(window[:k][::-1])
                return _frame(t, subject, q)
        return None

    def dash(self, q: Quoted) -> Frame | None:
        """ "“…” ― Martha Aguilar": a name after a dash signs the quotation."""
        m = _DASH_SIGNATURE.match(self.text, q.end)
        if m is None:
            return None
        name_start, name_end = m.span(2)
        head = self.index.token_at(name_end - 1)
        return Frame(
            m.start(1),
            m.end(1),
            None,
            head,
            q.start,
            q.end,
            "dash",
            True,
            source_span=(name_start, name_end),
        )

    def before(self, q: Quoted, prev_end: int) -> Frame | None:
        """ "Biden said, when asked about …, “…”" / "Mook told CBS, “…”": a cue in the
        words just before an opening mark that end with a comma or a colon."""
        start = max(self.index.paragraph_start(q.start), prev_end)
        lead = self.text[start : q.start].rstrip()
        if not lead or lead[-1] not in _LEAD_ENDS:
            return None
        tokens = _since_sentence_start(self.index.tokens_between(start, q.start))
        cues = [t for t in tokens if _is_cue_verb(t, self.lexicon)]
        if not cues and lead[-1] == ":":
            cues = [t for t in tokens if t.pos_ == "VERB"][-1:]
        if not cues:
            return None
        # the nearest cue with a speaker, passing over "when asked about ..."
        active = [
            t
            for t in cues
            if subject_of(t, self.lexicon) is not None
            and not (t.tag_ == "VBN" and not any(c.dep_ == "aux" for c in t.children))
        ]
        verb = (active or cues)[-1]
        return _frame(verb, subject_of(verb, self.lexicon), q)

    def colon_paragraph(self, q: Quoted) -> Frame | None:
        """ "Caddell continued:" ending the paragraph before a quotation paragraph."""
        para = self.index.paragraph(q.start)
        para_start = self.index.paragraph_starts[para]
        if para == 0 or self.text[para_start : q.start].strip():
            return None
        k = para - 1
        while k > 0 and not self.text[self.index.paragraph_starts[k] : para_start].strip():
            k -= 1
        start = self.index.paragraph_starts[k]
        prev = self.text[start:para_start].rstrip()
        if not prev.endswith(":"):
            return None
        tokens = _since_sentence_start(self.index.tokens_between(start, start + len(prev)))
        verbs = [t for t in tokens if t.pos_ in {"VERB", "AUX"} and t.dep_ != "aux"]
        cues = [t for t in verbs if _is_cue_verb(t, self.lexicon)] or verbs
        if not cues:
            return None
        subject = subject_of(cues[0], self.lexicon)
        return _frame(cues[0], subject, q) if subject is not None else None
