"""Name matching: a token trie over normalised token sequences.

Names are tokenised with the same spaCy tokenizer as the text, so "Kassym-Jomart Tokayev"
or "U.S." split the same way in both. Matching compares normalised token text: lower
case, curly apostrophes straightened, accents removed (so "Khurelsukh" finds
"Khürelsükh"). A name written in capitals ("FSB", "PAN") only matches capitals, so the
party does not match the cooking pan.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

T = TypeVar("T")

_APOSTROPHES = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"}
)
#: Leading words that are not part of a name ("the Kremlin", "The Hague" keeps its own).
LEADING_ARTICLES = frozenset({"the"})


def _load_variants() -> dict[str, str]:
    from importlib import resources

    path = resources.files("dragoman") / "data" / "name-variants.tsv"
    out: dict[str, str] = {}
    lines = [
        x for x in path.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")
    ]
    for line in lines[1:]:
        canonical, _, variants = line.partition("\t")
        for variant in variants.split("|"):
            if variant.strip():
                out[_plain(variant.strip())] = canonical.strip()
    return out


def _plain(text: str) -> str:
    text = text.translate(_APOSTROPHES)
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return text.lower()


_VARIANTS = _load_variants()
HYPHENS = frozenset({"-", "‐", "‑", "–"})


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower case, straight apostrophes and hyphens, no accents, one spelling for
    transliterated name parts (``data/name-variants.tsv``)."""
    plain = _plain(text)
    return _VARIANTS.get(plain, plain)


def is_acronym(name: str) -> bool:
    """True for names written in capitals (FSB, PRI, NATO, U.S.), which match case-sensitively."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 6


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """A name found in a token sequence: tokens [start, end) and what the name stands for."""

    start: int
    end: int
    values: tuple[T, ...]


class NameTrie(Generic[T]):
    """Longest-match lookup of token sequences.

    Each name is stored under its normalised tokens; a value is stored with a flag saying
    whether the name must match case-sensitively (acronyms).
    """

    def __init__(self) -> None:
        self._root: dict = {}
        self.size = 0

    def add(self, tokens: Sequence[str], value: T, exact: bool = False) -> None:
        if not tokens:
            return
        tokens = [t for t in tokens if t not in HYPHENS] or list(tokens)
        node = self._root
        for tok in tokens:
            node = node.setdefault(normalise(tok), {})
        bucket = node.setdefault(None, [])
        surfaces = _exact_surfaces(tokens) if exact else None
        if (surfaces, value) not in bucket:
            bucket.append((surfaces, value))
            self.size += 1

    def longest(
        self, texts: Sequence[str], start: int, accept: Callable[[int, int], bool] | None = None
    ) -> Match[T] | None:
        """The longest name starting at ``start`` in ``texts`` (token strings)."""
        node = self._root
        best: Match[T] | None = None
        i = start
        while i < len(texts):
            if i > start and texts[i] in HYPHENS:
                i += 1  # "Self-Defense" and "Self Defense", "Ho-jen" and "Ho jen" match alike
                continue
            node = node.get(normalise(texts[i]))
            if node is None:
                break
            i += 1
            bucket = node.get(None)
            if bucket and (accept is None or accept(start, i)):
                surface = tuple(t for t in texts[start:i] if t not in HYPHENS)
                values = tuple(v for s, v in bucket if s is None or surface in s)
                if values:
                    best = Match(start, i, values)
        return best

    def find_all(
        self, texts: Sequence[str], accept: Callable[[int, int], bool] | None = None
    ) -> list[Match[T]]:
        """Non-overlapping longest matches, left to right."""
        out: list[Match[T]] = []
        i = 0
        while i < len(texts):
            m = self.longest(texts, i, accept)
            if m is None:
                i += 1
            else:
                out.append(m)
                i = m.end
        return out


def _exact_surfaces(tokens: Sequence[str]) -> frozenset[tuple[str, ...]]:
    """The spellings an acronym matches: as written, and capitalised when it is a word of
    four letters or more (the Guardian's "Nato", "Opec")."""
    written = tuple(t for t in tokens if t not in HYPHENS)
    forms = {written}
    if len(written) == 1 and written[0].isalpha() and len(written[0]) >= 4:
        forms.add((written[0].capitalize(),))
    return frozenset(forms)


def build_trie(items: Iterable[tuple[str, T]], tokenize: Callable[[str], list[str]]) -> NameTrie[T]:
    """A trie of ``(name, value)`` pairs, names split by ``tokenize``."""
    trie: NameTrie[T] = NameTrie()
    for name, value in items:
        tokens = tokenize(name)
        while tokens and normalise(tokens[0]) in LEADING_ARTICLES and len(tokens) > 1:
            tokens = tokens[1:]
        trie.add(tokens, value, exact=is_acronym(name))
        if " " not in name and name.endswith(".") and len(tokens) > 1:
            # "Sen." is one token before a name but two on its own: keep both forms
            trie.add([name], value, exact=is_acronym(name))
    return trie
