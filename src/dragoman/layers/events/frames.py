"""The word lists of ``data/events/frames.yaml``, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from dragoman.lexicon import data_dir


@dataclass(frozen=True, slots=True)
class Frames:
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    object_control: frozenset[str]
    future: frozenset[str]
    hypothetical: frozenset[str]
    allegation_verbs: frozenset[str]
    allegation_nouns: frozenset[str]
    allegation_adverbs: frozenset[str]
    negation_verbs: frozenset[str]
    negation_nouns: frozenset[str]
    transparent_nouns: frozenset[str]
    receiving_verbs: frozenset[str]
    verbal_attack_words: frozenset[str]
    armed_context: frozenset[str]
    locative_preps: frozenset[str]


@lru_cache(maxsize=1)
def frames() -> Frames:
    raw = yaml.safe_load((data_dir() / "events" / "frames.yaml").read_text(encoding="utf-8"))
    return Frames(
        **{
            name: frozenset(str(w).lower() for w in raw[name])
            for name in Frames.__dataclass_fields__
        }
    )
