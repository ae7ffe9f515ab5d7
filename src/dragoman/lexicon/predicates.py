"""The event lexicon: predicate words and the PLOVER/CAMEO codes they give.

Format: ``data/README.md`` (``events/predicates.tsv``). Rules are indexed by (lemma,
part of speech); among the rules for one word, those with more requirements are tried
first, so "lift sanctions" finds ``lift.v.sanction`` before any plain ``lift``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from dragoman.lexicon.actors import DictionaryError
from dragoman.lexicon.tables import read_tsv

PLOVER = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
)
REQUIREMENT_KINDS = frozenset(
    {
        "prt",
        "prep",
        "obj",
        "xcomp",
        "subj",
        "modality",
        "reported",
        "head",
        "compound",
        "form",
        "pobj",
        "notobj",
    }
)


@dataclass(frozen=True, slots=True)
class Requirement:
    """One condition a rule needs: ``kind`` (prt, prep, obj, xcomp, …) and accepted words."""

    kind: str
    values: frozenset[str]


@dataclass(frozen=True, slots=True)
class PredicateRule:
    """A row of the event lexicon."""

    id: str
    lemma: str
    pos: str  # "verb" or "noun"
    requires: tuple[Requirement, ...]
    recipient: tuple[str, ...]
    type: str
    mode: str | None
    cameo: str
    note: str = ""

    @property
    def specificity(self) -> float:
        """More requirements, more specific; one that accepts any word counts half."""
        return sum(0.5 if "*" in r.values else 1.0 for r in self.requires)


def _requirements(cell: str, where: str) -> tuple[Requirement, ...]:
    out = []
    for part in (p.strip() for p in cell.split(";")):
        if not part:
            continue
        kind, _, values = part.partition(":")
        kind = kind.strip().lower()
        if kind not in REQUIREMENT_KINDS:
            raise DictionaryError(f"{where}: unknown requirement {part!r}")
        words = frozenset(v.strip().lower() for v in values.split("|") if v.strip())
        out.append(Requirement(kind, words))
    return tuple(out)


_SLOT_WORDS = frozenset({"dobj", "iobj", "of", "poss", "none", "ccomp-subject", "swap"})


def _recipient_slots(cell: str) -> tuple[str, ...]:
    """Recipient places in order; a bare word after a ``prep:`` slot is another
    preposition ("prep:on|against" reads as "prep:on|prep:against")."""
    out: list[str] = []
    for part in (p.strip().lower() for p in cell.split("|")):
        if not part:
            continue
        if (
            part not in _SLOT_WORDS
            and not part.startswith("prep:")
            and out
            and out[-1].startswith("prep:")
        ):
            part = "prep:" + part
        out.append(part)
    return tuple(out)


class PredicateLexicon:
    """Rules by (lemma, pos), most specific first."""

    def __init__(self, rules: list[PredicateRule]) -> None:
        index: dict[tuple[str, str], list[PredicateRule]] = defaultdict(list)
        for rule in rules:
            index[(rule.lemma, rule.pos)].append(rule)
        for bucket in index.values():
            bucket.sort(key=lambda r: -r.specificity)
        self.index = dict(index)
        self.rules = {r.id: r for r in rules}
        self.nouns = frozenset(lemma for lemma, pos in index if pos == "noun")

    def lookup(self, lemma: str, pos: str) -> list[PredicateRule]:
        return self.index.get((lemma, pos), [])

    @classmethod
    def load(cls, folder: Path) -> PredicateLexicon:
        """All ``predicates*.tsv`` files of a folder (ids unique across them)."""
        rules: list[PredicateRule] = []
        seen: set[str] = set()
        for path in sorted(folder.glob("predicates*.tsv")):
            rules.extend(cls._load_file(path, seen))
        return cls(rules)

    @staticmethod
    def _load_file(path: Path, seen: set[str]) -> list[PredicateRule]:
        rules = []
        for n, row in read_tsv(path):
            where = f"{path.name}:{n}"
            rid = row.get("id", "")
            if not rid or rid in seen:
                raise DictionaryError(f"{where}: missing or repeated id {rid!r}")
            seen.add(rid)
            pos = row.get("pos", "").lower()
            if pos not in {"verb", "noun"}:
                raise DictionaryError(f"{where}: pos {pos!r} is not verb or noun")
            ptype = row.get("type", "").upper()
            if ptype not in PLOVER:
                raise DictionaryError(f"{where}: {ptype!r} is not a PLOVER 1.3 category")
            cameo = row.get("cameo", "").strip()
            if not cameo.isdigit() or len(cameo) not in (3, 4):
                raise DictionaryError(f"{where}: CAMEO code {cameo!r} is not a code")
            rules.append(
                PredicateRule(
                    id=rid,
                    lemma=row.get("lemma", "").lower(),
                    pos=pos,
                    requires=_requirements(row.get("requires", ""), where),
                    recipient=_recipient_slots(row.get("recipient", "")),
                    type=ptype,
                    mode=row.get("mode") or None,
                    cameo=cameo,
                    note=row.get("note", ""),
                )
            )
        return rules
