"""The cue lexicon: which words introduce an attribution, and what they take as content.

The words are data (``data/quotes/cues.tsv``, documented in its header) so that a user can
add the reporting verbs of their own sources without touching code. This module reads
the file once and answers "is this token a cue, and which complements are its content?".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from dragoman.lexicon import data_dir

CUES_FILE = "quotes/cues.tsv"
TAKES = frozenset({"clause", "to", "object", "prep"})
POS = frozenset({"verb", "noun", "phrase"})


#: Inflectional endings and what may replace them, longest first.
_INFLECTIONS = (
    ("ied", ("y",)),
    ("ies", ("y",)),
    ("ed", ("e", "")),
    ("ing", ("e", "")),
    ("es", ("", "e")),
    ("s", ("",)),
)


def _base_forms(word: str) -> list[str]:
    """Candidate base forms of an inflected English verb ("hoped" → "hope", "hop")."""
    forms = []
    for suffix, endings in _INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms.extend(stem + e for e in endings)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "planned" → "plan"
            break
    return forms


class CueFileError(ValueError):
    """The cue file is malformed (the message names the line)."""


@dataclass(frozen=True, slots=True)
class Cue:
    """One entry of the lexicon. ``word`` is the verb or noun lemma; ``particle`` the
    particle or preposition of a phrasal entry ("for" in "call for"), else None."""

    word: str
    particle: str | None
    pos: str
    takes: tuple[str, ...]
    actor_subject: bool

    @property
    def speech(self) -> bool:
        """Does this cue take a clause (and so can frame a quotation)?"""
        return "clause" in self.takes


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cues by lemma. ``phrasal`` maps a verb lemma to its entries with a particle."""

    verbs: dict[str, Cue]
    phrasal: dict[str, dict[str, Cue]]
    nouns: dict[str, dict[str | None, Cue]]  # noun -> particle (None: plain) -> entry
    phrases: dict[str, Cue]
    #: word form -> lexicon word (or None), filled as forms are met
    forms: dict[str, str | None] = field(default_factory=dict)

    def verb_key(self, token: Token) -> str | None:
        """The lexicon word for a verb token, or None. The tagger's lemma first; when it
        is not an entry, the word form with its inflection undone, because the small
        model lemmatises some verbs wrongly ("hoped" → "hop", "rated" → "rat")."""
        lemma = token.lemma_.lower()
        if lemma in self.verbs or lemma in self.phrasal:
            return lemma
        word = token.lower_
        if word not in self.forms:
            self.forms[word] = next(
                (f for f in _base_forms(word) if f in self.verbs or f in self.phrasal), None
            )
        return self.forms[word]

    def verb_entry(self, token: Token) -> Cue | None:
        key = self.verb_key(token)
        return self.verbs.get(key) if key else None

    def verb(self, lemma: str) -> Cue | None:
        return self.verbs.get(lemma)

    def phrasal_verb(self, lemma: str, particle: str) -> Cue | None:
        entries = self.phrasal.get(lemma)
        return entries.get(particle) if entries else None

    def has_verb(self, lemma: str) -> bool:
        return lemma in self.verbs or lemma in self.phrasal


def parse_cues(lines: list[str], where: str = CUES_FILE) -> CueLexicon:
    """Build the lexicon from the lines of a cue file (comments and header skipped)."""
    verbs: dict[str, Cue] = {}
    phrasal: dict[str, dict[str, Cue]] = {}
    nouns: dict[str, dict[str | None, Cue]] = {}
    phrases: dict[str, Cue] = {}
    header_seen = False
    seen: set[tuple[str, str]] = set()
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if fields[:4] != ["cue", "pos", "takes", "subject"]:
                raise CueFileError(f"{where}:{number}: expected the header row")
            header_seen = True
            continue
        if len(fields) < 4:
            raise CueFileError(f"{where}:{number}: expected cue, pos, takes, subject")
        cue, pos, takes_text, subject = (f.strip() for f in fields[:4])
        takes = tuple(t.strip() for t in takes_text.split(",") if t.strip())
        if (
            pos not in POS
            or not takes
            or not set(takes) <= TAKES
            or subject not in {"any", "actor"}
        ):
            raise CueFileError(f"{where}:{number}: bad entry {line!r}")
        words = cue.lower().split()
        particle = " ".join(words[1:]) or None
        entry = Cue(words[0], particle, pos, takes, subject == "actor")
        if (cue.lower(), pos) in seen:
            raise CueFileError(f"{where}:{number}: {cue!r} ({pos}) is listed twice")
        seen.add((cue.lower(), pos))
        if pos == "phrase":
            phrases[cue.lower()] = entry
        elif pos == "noun":
            nouns.setdefault(words[0], {})[particle] = entry
        elif particle:
            phrasal.setdefault(words[0], {})[particle] = entry
        else:
            verbs[words[0]] = entry
    return CueLexicon(verbs, phrasal, nouns, phrases)


@cache
def load_cues(path: Path | None = None) -> CueLexicon:
    """The bundled cue lexicon (or the one at ``path``), read once per process."""
    path = path or data_dir() / CUES_FILE
    return parse_cues(path.read_text(encoding="utf-8").split("\n"), path.name)
