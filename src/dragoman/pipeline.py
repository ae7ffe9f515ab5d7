"""The Coder: loads the spaCy pipeline and the dictionaries once, then runs the layers.

A document goes one way through the layers (DESIGN.md): parse → entities → times → places
→ quotes → events. Each layer is a pure function of the document and what the layers
below found, so documents can be coded in any order or in parallel with the same result.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dragoman.classify import ClassifyRequest
from dragoman.document import Document
from dragoman.layers.entities import Mention, find_entities
from dragoman.layers.events import EventCoder
from dragoman.layers.places import find_places
from dragoman.layers.quotes import find_quotes
from dragoman.layers.times import find_times
from dragoman.lexicon import Lexicon, data_dir
from dragoman.lexicon.predicates import PredicateLexicon
from dragoman.parse import load_pipeline, parse_texts, sentences_of


@dataclass(slots=True)
class Analysis:
    """A document with its parse and the layers' internal results, for the layers above."""

    document: Document
    parsed: Doc
    mentions: list[Mention] = field(default_factory=list)


class Coder:
    """Codes documents into events. Load once, reuse for many documents.

    >>> coder = Coder()                                     # doctest: +SKIP
    >>> doc = coder.annotate(Document("d1", "Moscow accused Kyiv of shelling.", "2022-02-17"))
    """

    def __init__(
        self,
        model: str | None = None,
        dictionaries: Sequence[str | Path] = (),
        batch_size: int = 32,
    ) -> None:
        self.nlp: Language = load_pipeline(model)
        self.lexicon = Lexicon.load(self.tokenize, dictionaries, tokenizer_id=self.tokenizer_id())
        self.predicates = PredicateLexicon.load(data_dir() / "events")
        self.events = EventCoder(self.predicates, self.lexicon)
        self.batch_size = batch_size

    def tokenizer_id(self) -> str:
        """What the compiled dictionaries depend on: the pipeline and spaCy versions."""
        import spacy

        meta = self.nlp.meta
        return (
            f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}/spacy-{spacy.__version__}"
        )

    def tokenize(self, text: str) -> list[str]:
        """Token strings as the pipeline's tokenizer splits them (for dictionary names)."""
        return [t.text for t in self.nlp.tokenizer(text)]

    def analyse_all(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """Parse and annotate documents in order, in batches."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= self.batch_size:
                yield from self._analyse_batch(batch)
                batch = []
        if batch:
            yield from self._analyse_batch(batch)

    def _analyse_batch(self, batch: list[Document]) -> Iterator[Analysis]:
        for document, parsed in zip(
            batch, parse_texts(self.nlp, (d.text for d in batch)), strict=True
        ):
            yield self._layers(document, parsed)

    def _layers(self, document: Document, parsed: Doc) -> Analysis:
        analysis = Analysis(document, parsed)
        document.sentences = sentences_of(parsed)
        analysis.mentions = find_entities(document, parsed, self.lexicon)
        actors = [m for m in analysis.mentions if not m.place]
        document.entities = [m.entity for m in actors]
        document.times = find_times(document, parsed)
        document.places = find_places(document, parsed, actors)
        document.quotes = find_quotes(document, parsed, actors)
        offsets = [(s.start, s.end) for s in document.sentences]
        document.events = self.events.find_events(
            document.doc_id,
            parsed,
            analysis.mentions,
            document.date,
            offsets,
            times=document.times,
            places=document.places,
        )
        return analysis

    def annotate_all(self, documents: Iterable[Document]) -> Iterator[Document]:
        for analysis in self.analyse_all(documents):
            yield analysis.document

    def annotate(self, document: Document) -> Document:
        """Every layer of one document."""
        return next(self.annotate_all([document]))

    def classify_all(self, requests: Iterable[ClassifyRequest]) -> Iterator[dict]:
        """``dragoman classify``: the event from each request's actor to its recipient."""
        from dragoman.classify import classify_parsed

        batch = list(requests)
        parsed_docs = parse_texts(self.nlp, (r.text for r in batch), self.batch_size)
        for request, parsed in zip(batch, parsed_docs, strict=True):
            yield classify_parsed(self, request, parsed)
