"""The quotes layer: who said what, directly (quoted words) or in reported speech.

``find_quotes(doc, parsed, mentions)`` pairs quotation marks on the raw text
(``marks``), finds reporting frames in the parse with the cue lexicon (``cues``;
``reported`` for verbs, ``phrases`` for "according to", nouns and "Speaker:" lines; the
``Frame`` is in ``frames``), finds the cue of a quotation from the words around it
(``direct``), puts the two together (``attribution``: a frame whose content is a
quotation makes a direct quote; a quotation inside a larger reported clause is part of
it; a broken or continued quotation keeps its speaker) and gives each quote its speaker
as an entity of the entities layer, or an uncoded one for a phrase the dictionaries do
not know (``sources``).

``find_frames`` is a general finder of reporting frames (speaker token, cue, content
offsets) that the event coder can use in place of ``events.speech``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from dragoman.document import Document, Quote
from dragoman.layers.quotes.attribution import Assembler
from dragoman.layers.quotes.cues import CueLexicon, load_cues
from dragoman.layers.quotes.frames import Frame
from dragoman.layers.quotes.marks import Quoted, find_quoted
from dragoman.layers.quotes.reported import find_frames
from dragoman.layers.quotes.sources import Sources

__all__ = ["CueLexicon", "Frame", "Quoted", "find_frames", "find_quoted", "find_quotes"]


def find_quotes(
    doc: Document, parsed: Doc, mentions: Sequence, lexicon: CueLexicon | None = None
) -> list[Quote]:
    """The attributions of ``doc``, sorted by where their content starts."""
    lexicon = lexicon or load_cues()
    sources = Sources(parsed, mentions, doc.text)
    frames = find_frames(parsed, lexicon, sources.mention_tokens, doc.text)
    quoted = find_quoted(doc.text)
    return Assembler(parsed, doc.text, quoted, frames, sources, lexicon).run()
