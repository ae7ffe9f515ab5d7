"""Finding toponyms: spans of the parse that name places, with their candidate places.

Two kinds of evidence are combined. spaCy's named entities say *that* a span names
something and roughly what (GPE, LOC, FAC, NORP, ORG, PERSON); the gazetteer says
*which* places a capitalised token sequence may name. A span is a toponym when

- the parser calls it a place (GPE, LOC, FAC) and the gazetteer knows the name;
- it is a demonym or other place adjective the gazetteer knows ("Russian", "European");
- the parser calls it an organisation or person but the whole name is a well-known place
  (small models tag "Kyiv" PERSON and "U.S." ORG now and then);
- it lies inside an organisation's name and is a well-known place ("Russian Foreign
  Ministry", "Toronto Police"): place names used that way are toponyms too, of the
  associative kind;
- the parser missed it but it is a proper noun naming a well-known place: a country,
  region, first-level admin area or city of 100,000 people or more (all-capital
  datelines such as "WASHINGTON —" are often missed).

Any other proper noun the gazetteer knows as a town ("Dewsbury" tagged ORG, "Slidell" in
"Slidell PD") is a *weak* toponym: it is kept only if it fits the places the document
names for sure (``resolve.weak_fits``). Words of a multi-word person name never yield
places ("George Washington", and "Jordan" after "Michael Jordan"); names made only of
generic words ("Western", "Street") need our regions table; abbreviations ("Calif.",
"NJ") count only after a place name and a comma ("Portland, Ore.") or where the parser
calls them places. The comma pattern also marks the second name as the first one's
qualifier ("Paris, Texas").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from dragoman.layers.places.gazetteer import (
    ABBREV,
    ADJECTIVE,
    ALTERNATE,
    Candidate,
    Gazetteer,
    select,
)
from dragoman.layers.places.keys import place_key
from dragoman.layers.places.words import word_list

#: Longest place name tried, in tokens ("Saint Vincent and the Grenadines").
MAX_TOKENS = 7
#: Small words that may sit inside a multi-word name.
INNER_WORDS = frozenset(
    {"of", "and", "de", "du", "des", "la", "le", "el", "al", "upon", "on", "the", "da"}
)
ARTICLES = frozenset({"the", "a", "an"})
#: Punctuation that may sit inside a name ("Washington, D.C.", "People's").
CONNECTORS = frozenset({".", ",", "'", "'s", "’s", "&", "-"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels whose names may contain well-known places.
CONTAINER_LABELS = frozenset(
    {"ORG", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "GPE", "LOC", "MONEY"}
)
#: A populated place this big is known well enough to be taken without the parser.
WELL_KNOWN_CITY = 100_000
PROPER_TAGS = frozenset({"NNP", "NNPS"})


@dataclass(slots=True)
class Toponym:
    """A span naming a place, with the places it may name.

    ``source`` says what found it (``ner-GPE``, ``embedded-ORG``, ``gazetteer``,
    ``weak-ORG``, ``qualifier``); ``qualifier`` is the place named after a comma that
    narrows this one down ("Texas" in "Paris, Texas"), and ``qualifies`` is set on that
    second name.
    """

    start_token: int
    end_token: int
    start: int
    end: int
    text: str
    candidates: list[Candidate]
    source: str
    qualifier: Toponym | None = None
    qualifies: bool = False


@dataclass(slots=True)
class _Tokens:
    """The token attributes recognition reads, copied out of the Doc in one pass
    (spaCy builds a new Token object on every access)."""

    text: str
    words: list[str]
    lower: list[str]
    starts: list[int]
    tags: list[str]
    alpha: list[bool]
    breaks: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> _Tokens:
        words, starts, tags, alpha, breaks = [], [], [], [], []
        for t in doc:
            words.append(t.text)
            starts.append(t.idx)
            tags.append(t.tag_)
            alpha.append(t.is_alpha)
            breaks.append("\n" in t.whitespace_ or t.is_space)
        lower = [w.lower() for w in words]
        return cls(doc.text, words, lower, starts, tags, alpha, breaks)

    def span(self, i: int, j: int) -> tuple[int, int, str]:
        start, end = self.starts[i], self.starts[j - 1] + len(self.words[j - 1])
        return start, end, self.text[start:end]


def is_strong(cands: list[Candidate]) -> bool:
    """Whether a name is well known enough to be taken as a place without the parser:
    a country, region, first-level area or big city, by its own or a curated name."""
    for c in cands:
        if c.kind == ALTERNATE or c.kind == ABBREV or generic_name(c.name):
            continue
        if c.feature in {"country", "region"} or c.kind == ADJECTIVE:
            return True
        if c.feature == "admin" and c.admin2 is None:
            return True
        if c.feature == "city" and c.population >= WELL_KNOWN_CITY:
            return True
        if c.feature == "site" and c.kind == 0:
            return True
    return False


def generic_name(name: str) -> bool:
    """A name made only of common words ("Western", "Central", "Mobile")."""
    return all(w in word_list("generic") for w in place_key(name).split())


def _no_abbrev(cands: list[Candidate]) -> list[Candidate]:
    return [c for c in cands if c.kind != ABBREV]


def _entity_map(doc: Doc, tok: _Tokens) -> list[tuple[int, int, str] | None]:
    """For each token, the (start, end, label) of the named entity it is in."""
    out: list[tuple[int, int, str] | None] = [None] * len(tok.words)
    for ent in doc.ents:
        start = ent.start
        while start < ent.end and tok.lower[start] in ARTICLES:
            start += 1
        for k in range(ent.start, ent.end):
            out[k] = (start, ent.end, ent.label_)
    return out


def find_toponyms(doc: Doc, gaz: Gazetteer) -> list[Toponym]:
    """Toponym spans in ``doc``, left to right, not overlapping."""
    tok = _Tokens.of(doc)
    n, words, lower, breaks = len(tok.words), tok.words, tok.lower, tok.breaks
    inner = gaz.inner_words | INNER_WORDS
    grams: dict[tuple[int, int], str] = {}
    for i in range(n):
        if not words[i][:1].isupper() or lower[i] in ARTICLES:
            continue
        for j in range(i + 1, min(n, i + MAX_TOKENS) + 1):
            last = words[j - 1]
            if j > i + 1:
                if breaks[j - 2] or not (
                    last[:1].isupper() or lower[j - 1] in inner or last in CONNECTORS
                ):
                    break
                if lower[j - 1] in INNER_WORDS or last in CONNECTORS:
                    continue  # a name does not end on a connector
            grams[(i, j)] = place_key(tok.span(i, j)[2])
    found = gaz.lookup_keys(grams.values()) if grams else {}
    if not found:
        return []
    ends: dict[int, list[int]] = {}
    for (i, j), key in grams.items():
        if key in found:
            ends.setdefault(i, []).append(j)
    ents = _entity_map(doc, tok)
    persons = person_words(doc)
    out: list[Toponym] = []
    covered = 0
    for i in sorted(ends):
        if i < covered:
            continue
        for j in sorted(ends[i], reverse=True):
            key = grams[(i, j)]
            start, end, surface = tok.span(i, j)
            cands = select(found[key], surface)
            verdict = _accept(tok, i, j, surface, cands, ents, persons)
            if verdict:
                out.append(Toponym(i, j, start, end, surface, verdict[1], verdict[0]))
                covered = j
                break
    _add_qualifiers(tok, out, grams, found)
    return out


def _accept(
    tok: _Tokens,
    i: int,
    j: int,
    surface: str,
    cands: list[Candidate],
    ents: list,
    person_words: set[str],
) -> tuple[str, list[Candidate]] | None:
    """Whether tokens [i, j) are taken as a toponym, and with which candidates.

    A source starting ``weak-`` marks a span that only names a place if the rest of the
    document is about that part of the world (``weak_fits``)."""
    if not cands:
        return None
    ent = ents[i]
    if ent is not None and not all(ents[k] == ent for k in range(i, j)):
        # "the [Baltic]LOC states": a name may run on past an entity over plain words
        if not (i == ent[0] and j > ent[1] and all(ents[k] is None for k in range(ent[1], j))):
            return None
        ent = (ent[0], j, ent[2])
    if ents[i] is None and any(ents[k] is not None for k in range(i, j)):
        return None
    if (
        j < len(tok.words)
        and tok.words[j][:1].isupper()
        and place_key(tok.words[j]) in word_list("street")
    ):
        return None
    if generic_name(surface):
        cands = [c for c in cands if c.feature in {"region", "site"} and c.kind != ALTERNATE]
        if not cands:
            return None
    if tok.tags[j - 1] in {"NNPS", "NNS"} and surface.endswith("s"):
        # "Mexicans", "Americans": people, not the place
        cands = [c for c in cands if c.kind != ADJECTIVE]
    plain = _no_abbrev(cands)
    named = [c for c in plain if c.kind != ALTERNATE]
    abbrevs = [c for c in cands if c.kind == ABBREV]
    person_like = place_key(surface) in person_words
    if ent is None:
        tags_ok = all(tok.tags[k] in PROPER_TAGS or not tok.alpha[k] for k in range(i, j))
        tags_ok = tags_ok or (j - i == 1 and tok.tags[i] == "JJ")
        adjective = any(c.kind == ADJECTIVE for c in plain)
        if plain and is_strong(plain) and (tags_ok or adjective):
            return "gazetteer", plain
        if tags_ok and not person_like and (named or abbrevs):
            return "weak-gazetteer", named or abbrevs
        return None
    start, end, label = ent
    whole = i == start and j == end
    if label == "PERSON":
        if whole and not person_like and is_strong(plain):
            return "ner-PERSON", named
        if whole and not person_like and named:
            return "weak-PERSON", named
        return None
    if label in PLACE_LABELS:
        if whole:
            return f"ner-{label}", cands
        if is_strong(plain) or named:
            return f"embedded-{label}", plain
        return None
    if label == "NORP":
        if any(c.kind == ADJECTIVE for c in plain) or is_strong(plain):
            return "ner-NORP", plain
        return None
    if label in CONTAINER_LABELS and is_strong(plain):
        return (f"ner-{label}" if whole else f"embedded-{label}"), plain
    if label in CONTAINER_LABELS and not person_like and (named or abbrevs):
        return (f"weak-{label}" if whole else f"weak-embedded-{label}"), named or abbrevs
    return None


def person_words(doc: Doc) -> set[str]:
    """Keys of the words of multi-word person names in the document, so that "Jordan"
    after "Michael Jordan" stays a person."""
    out = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            out.update(place_key(t.text) for t in ent if t.is_alpha)
    return out


def _add_qualifiers(tok: _Tokens, out: list[Toponym], grams: dict, found: dict) -> None:
    """Link "Paris, Texas" and "Portland, Ore.": a place name, a comma, then a country,
    first-level area or abbreviation of one. An abbreviation found only this way is
    added as a toponym of its own."""
    taken = {k for t in out for k in range(t.start_token, t.end_token)}
    added: list[Toponym] = []
    for top in out:
        comma = top.end_token
        if comma >= len(tok.words) - 1 or tok.words[comma] != ",":
            continue
        nxt = next((t for t in out if t.start_token == comma + 1), None)
        if nxt is not None:
            if any(c.feature in {"admin", "country"} and c.admin2 is None for c in nxt.candidates):
                top.qualifier = nxt
                nxt.qualifies = True
            continue
        for j in range(min(len(tok.words), comma + 1 + 4), comma + 1, -1):
            key = grams.get((comma + 1, j))
            if key is None or key not in found or any(k in taken for k in range(comma + 1, j)):
                continue
            start, end, surface = tok.span(comma + 1, j)
            cands = [
                c
                for c in select(found[key], surface)
                if c.kind == ABBREV or (c.feature == "admin" and c.admin2 is None)
            ]
            if cands:
                qual = Toponym(comma + 1, j, start, end, surface, cands, "qualifier")
                qual.qualifies = True
                top.qualifier = qual
                added.append(qual)
                break
    if added:
        out.extend(added)
        out.sort(key=lambda t: t.start_token)
