"""Putting quotations and reporting frames together into attributions.

A quotation is direct when a frame's content lies inside it ("“…,” Figueroa told USA
Today", "Biden said, “…”"), when the words next to it give its cue (``direct``), or when
it stands as a sentence or paragraph of its own: then it continues the last speaker
(a quotation paragraph after "“…,” he said.") or, with no speaker near, has none. A
quotation inside a frame's larger content ("says Washington “distorted Russian
proposals” regarding …") is part of that reported speech, not a quote of its own; a
short quotation nothing frames is a title or a scare quote and is left out.

Every quote has a cue: a quotation paragraph that continues a speaker keeps the cue that
introduced the speaker, and a quotation nobody is named for has its opening mark as cue
(as attribution corpora mark a colon or a dash that attributes words).

A quotation broken by its cue ("“A,” he said. “B.”") is one attribution whose content
runs from the first opening mark to the last closing mark, as attribution corpora
(PARC, PolNeAR) mark it. A frame whose cue is inside a quotation or inside another
frame's content ("X said Y believes Z") is part of the outer speaker's words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from dragoman.document import Entity, Quote, Span
from dragoman.layers.quotes.cues import CueLexicon
from dragoman.layers.quotes.direct import SENTENCE_END, QuotationCues, TextIndex
from dragoman.layers.quotes.frames import Frame
from dragoman.layers.quotes.marks import Quoted
from dragoman.layers.quotes.sources import Sources, resolve_pronoun

_WORD = re.compile(r"\w+")
#: A quotation needs this many words to stand as a quote without a cue of its own.
MIN_ORPHAN_WORDS = 4
#: A quotation with no cue continues the last speaker if that one spoke this many
#: paragraphs (lines, blank ones included) before or fewer.
CONTINUE_PARAGRAPHS = 2
#: Frames whose contents are longer than this are not searched for nested cues (a bound
#: that keeps the nesting test linear; contents are sentences, not pages).
MAX_CONTENT = 4000
_FRAMING_KINDS = frozenset({"clause", "according", "colon", "open"})


@dataclass(slots=True)
class _Direct:
    """A quotation (or a run of pieces of one) becoming a direct quote."""

    start: int
    end: int
    frame: Frame | None
    paragraph: int


def _inside(frame: Frame, q: Quoted, text: str) -> bool:
    """Is the frame's content the quotation's words (give or take marks and commas)?"""
    lo, hi = frame.content_start, frame.content_end
    outside = text[lo : max(lo, q.start)] + text[min(hi, q.end) : hi]
    return not _WORD.search(outside)


class Assembler:
    """Builds the quotes of one document from its quotations and frames."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        quoted: list[Quoted],
        frames: list[Frame],
        sources: Sources,
        lexicon: CueLexicon,
    ) -> None:
        self.text = text
        self.quoted = quoted
        self.frames = frames
        self.sources = sources
        self.index = TextIndex(doc, text)
        self.cues = QuotationCues(self.index, lexicon)
        self.quoted_starts = [q.start for q in quoted]
        self.quoted_ends = [q.end for q in quoted]  # outermost quotations: sorted too

    def run(self) -> list[Quote]:
        framing, embedded, frames, used = self._link()
        directs = self._directs(framing, embedded)
        directs = self._merge_broken(directs)
        starts = [d.start for d in directs]
        reported: list[Frame] = []
        seen: set[tuple[int, int]] = set()
        for k, f in enumerate(frames):
            key = (f.content_start, f.content_end)
            if k in used or key in seen:
                continue
            d = bisect_right(starts, f.cue_start) - 1
            if d >= 0 and f.cue_start < directs[d].end:
                continue  # a cue inside a quotation: the speaker's own words
            d = bisect_right(starts, f.content_start) - 1
            if d >= 0 and f.content_end <= directs[d].end:
                continue  # the content is a quotation already attributed
            seen.add(key)
            reported.append(f)
        return self._quotes(directs, _outermost(reported))

    def _quoted_overlapping(self, start: int, end: int) -> range:
        """Indices of the quotations that overlap ``[start, end)``."""
        first = bisect_right(self.quoted_ends, start)
        return range(first, max(first, bisect_left(self.quoted_starts, end)))

    def _link(self) -> tuple[dict[int, Frame], set[int], list[Frame], set[int]]:
        """Which frames frame a quotation (its content is the quotation), and which
        quotations are inside a larger reported content (partial quotes)."""
        framing: dict[int, Frame] = {}
        embedded: set[int] = set()
        used: set[int] = set()
        frames = list(self.frames)
        for k, f in enumerate(frames):
            for qi in self._quoted_overlapping(f.content_start, f.content_end):
                q = self.quoted[qi]
                if q.start <= f.cue_start < q.end:
                    continue  # a cue inside the quotation is the speaker's own words
                if f.speech and f.kind in _FRAMING_KINDS and _inside(f, q, self.text):
                    best = framing.get(qi)
                    if best is None or abs(f.cue_start - q.start) < abs(best.cue_start - q.start):
                        framing[qi] = f
                    used.add(k)
                else:
                    embedded.add(qi)
                    if f.content_start > q.start or f.content_end < q.end:
                        # a content cut off inside a quotation runs to its mark
                        f = frames[k] = replace(
                            f,
                            content_start=min(f.content_start, q.start),
                            content_end=max(f.content_end, q.end),
                        )
        embedded -= set(framing)
        return framing, embedded, frames, used

    def _directs(self, framing: dict[int, Frame], embedded: set[int]) -> list[_Direct]:
        out: list[_Direct] = []
        for qi, q in enumerate(self.quoted):
            if qi in embedded:
                continue
            words = len(_WORD.findall(self.text, q.start, q.end))
            if words < 2:
                continue
            frame = framing.get(qi)
            if frame is None:
                prev_end = self.quoted[qi - 1].end if qi > 0 else 0
                next_start = (
                    self.quoted[qi + 1].start if qi + 1 < len(self.quoted) else len(self.text)
                )
                frame = self.cues.find(q, prev_end, next_start)
            if frame is None and (words < MIN_ORPHAN_WORDS or not self._standalone(q)):
                continue
            out.append(_Direct(q.start, q.end, frame, self.index.paragraph(q.start)))
        return out

    def _standalone(self, q: Quoted) -> bool:
        """Does the quotation stand as a sentence (or more) of its own?"""
        before = self.text[self.index.paragraph_start(q.start) : q.start].rstrip()
        starts_ok = not before or before[-1] in ".?!:”\"'"
        after = self.text[q.end : q.end + 3].lstrip(" \t")
        inner = self.text[q.start : q.end].rstrip("”\"' \t")
        ends_ok = not after or after[0] == "\n" or inner[-1:] in {".", "?", "!", ",", "…", "—"}
        return starts_ok and ends_ok

    def _merge_broken(self, directs: list[_Direct]) -> list[_Direct]:
        """ "“A,” he said. “B.”": a quotation right after its predecessor's cue, in the
        same paragraph and with no cue of its own, is the rest of the same quote."""
        out: list[_Direct] = []
        for d in directs:
            prev = out[-1] if out else None
            if prev is not None and prev.frame is not None and prev.paragraph == d.paragraph:
                own = (
                    d.frame is not None
                    and d.frame is not prev.frame
                    and not (prev.end <= d.frame.cue_start < d.start)
                )
                cue_between = prev.end <= prev.frame.cue_start < d.start
                gap = self.text[prev.end : d.start]
                if not own and (cue_between or not gap.strip()) and self._only_cue(prev, d):
                    prev.end = d.end
                    continue
            out.append(d)
        return out

    def _only_cue(self, prev: _Direct, d: _Direct) -> bool:
        """Is the gap between two quotations no more than the first one's cue ("he
        said", "said Rep. X (D-N.C.), head of Y.")? Another verb there that leads into the
        second quotation ("…, suggesting a few questions, including, “…”") starts an
        attribution of its own."""
        assert prev.frame is not None
        if self.text[prev.end : d.start].rstrip()[-1:] in SENTENCE_END:
            return True  # "“A,” said X, a lawyer who … . “B.”": B is a new sentence of A's
        for t in self.index.tokens_between(prev.end, d.start):
            if t.pos_ == "VERB" and t.i != prev.frame.cue_token and t.dep_ not in {"aux", "amod"}:
                return False
        return True

    def _quotes(self, directs: list[_Direct], reported: list[Frame]) -> list[Quote]:
        text = self.text
        items: list[tuple[int, _Direct | Frame]] = [(d.start, d) for d in directs]
        items += [(f.content_start, f) for f in reported]
        items.sort(key=lambda x: x[0])
        quotes: list[Quote] = []
        speakers: list[Entity] = []
        last_paragraph = -CONTINUE_PARAGRAPHS - 1
        last_cue: Span | None = None
        for _, item in items:
            if isinstance(item, _Direct):
                frame, start, end, direct = item.frame, item.start, item.end, True
            else:
                frame, start, end, direct = item, item.content_start, item.content_end, False
            paragraph = self.index.paragraph(start)
            if frame is not None:
                cue = Span(text[frame.cue_start : frame.cue_end], frame.cue_start, frame.cue_end)
                source = self._source(frame, speakers)
            elif speakers and last_cue and paragraph - last_paragraph <= CONTINUE_PARAGRAPHS:
                # a quotation paragraph continues its speaker, under the same cue
                source, cue = speakers[-1], last_cue
            else:
                # nobody named: the quotation marks are all that attribute the words
                source, cue = None, Span(text[start], start, start + 1)
            quotes.append(Quote(source, cue, Span(text[start:end], start, end), direct))
            if source is not None:
                speakers.append(source)
                last_paragraph, last_cue = paragraph, cue
        quotes.sort(key=lambda q: (q.content.start, q.content.end))
        return quotes

    def _source(self, frame: Frame, speakers: list[Entity]) -> Entity | None:
        if frame.source is None:
            return None
        if frame.source_span is not None:
            entity = self.sources.entity_for_chars(*frame.source_span, frame.source)
        else:
            entity = self.sources.entity(frame.source)
        return resolve_pronoun(entity, speakers)


def _outermost(frames: list[Frame]) -> list[Frame]:
    """Frames not reported inside another frame's content: in "X said Y believes Z",
    Y's belief is part of what X said, and attribution corpora give the whole to X."""
    by_start = sorted(frames, key=lambda f: f.content_start)
    starts = [f.content_start for f in by_start]
    out = []
    for f in frames:
        k = bisect_right(starts, f.cue_start) - 1
        nested = False
        while k >= 0 and by_start[k].content_start > f.cue_start - MAX_CONTENT:
            g = by_start[k]
            if (
                g is not f
                and f.cue_start < g.content_end
                and not (f.content_start <= g.cue_start < f.content_end)
            ):
                nested = True
                break
            k -= 1
        if not nested:
            out.append(f)
    return out
