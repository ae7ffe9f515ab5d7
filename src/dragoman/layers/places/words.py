"""The places layer's word lists (``data/places/words.tsv``), read once.

They are data, not code, so that a user can see and extend what counts as a generic
word, a street word or a locative preposition without touching the rules that use them.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from dragoman.lexicon import data_dir
from dragoman.lexicon.tables import read_tsv


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for _, row in read_tsv(data_dir() / "places" / "words.tsv"):
        if row.get("list") and row.get("word"):
            out[row["list"]].add(row["word"].lower())
    return {name: frozenset(words) for name, words in out.items()}


def word_list(name: str) -> frozenset[str]:
    """The words of one list (empty when the file has none of that name)."""
    return _lists().get(name, frozenset())
