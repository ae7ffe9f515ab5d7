"""Finding time expressions: named regular expressions over the raw document text.

The rules (``rules.py``) are verbose regexes over fragments built from the lexicon
(``patterns.py``). Working on the raw text keeps offsets exact (``text[start:end]`` is
the expression). For speed, two cheap scans first find the trigger words of the text
(month and weekday names, unit words, figures that look like years or clock times...);
each rule then runs only in short windows around the triggers it needs, instead of being
tried at every position of every document. Where candidates overlap the longest wins
(TimeML marks "Friday, Oct. 23" and "a year ago" as one expression each), ties going to
the rule listed first.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dragoman.layers.times.lexicon import Lexicon, lexicon
from dragoman.layers.times.patterns import macros
from dragoman.layers.times.rules import RULES


@dataclass(frozen=True, slots=True)
class Rule:
    """A named construction: ``kind`` selects the normaliser that reads its groups;
    ``triggers`` name the word classes one of which every match contains."""

    name: str
    kind: str
    regex: re.Pattern[str]
    triggers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of text one rule matched, with the rule's named groups."""

    rule: Rule
    start: int
    end: int
    groups: dict[str, str | None]
    text: str

    def get(self, name: str) -> str | None:
        """A named group of the match, or None."""
        return self.groups.get(name)


_MACRO = re.compile(r"\{([A-Z][A-Z_0-9]*)\}")
#: Starting boundary for every rule: not inside a word, a number or an amount.
_LEFT = r"(?<![\w$£€.,/'-])"
#: How far (characters) a match may reach before and after the trigger word it contains.
REACH_BEFORE = 40
REACH_AFTER = 32


def _trie(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, written as a trie ("mon(?:day|th)") so that at
    each position the engine follows one branch per character instead of trying every
    word: this is what makes the trigger scan cost milliseconds."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?" if len(branches) == 1 else body[:-1] + ")?"
        return body

    return build(root)


def _keywords(lx: Lexicon) -> dict[str, frozenset[str]]:
    """Lower-case trigger words and the trigger classes each belongs to. A phrase is
    represented by its longest word: every match of the phrase contains it."""

    def longest(phrases: Iterable[str]) -> set[str]:
        words = (max(re.split(r"[\s-]+", p), key=len) for p in phrases)
        return {re.sub(r"'s?$", "", w) for w in words}

    classes: dict[str, set[str]] = {
        "month": {*lx.months, *lx.month_abbreviations},
        "weekday": {*lx.weekdays, *lx.weekday_abbreviations, *(f"{w}s" for w in lx.weekdays)},
        "holiday": longest(lx.holidays),
        "unit": {*lx.units, *lx.unit_plural_forms(), "weekend", "weekends", "period", "periods"},
        "pod": {
            *longest(lx.parts_of_day),
            "midafternoon",
            "mornings",
            "afternoons",
            "evenings",
            "nights",
        },
        "season": set(lx.seasons),
        "deictic": longest(lx.deictic_days),
        "vague": longest(lx.vague_references),
        "freq": longest(lx.frequencies),
        "quarter": {"quarter", "quarters", "qtr", "period"},
        "half": {"half"},
        "time": {"time"},
        "every": {"every", "each", "per"},
        "times": {"once", "twice", "thrice", "times"},
        "ahead": {"ahead", "come"},
        "long": {"long"},
        "beforeafter": {"before", "after", "earlier", "later"},
        "ago": {"ago", "earlier", "back", "now", "hence", "previously", "prior"},
        "end": {"end"},
        "weekend": {"weekend", "weekends"},
        "century": {"century"},
        "spelled": {"nineteen", "eighteen", "thousand"},
        "decade": set(lx.decades),
        "qcode": {"q1", "q2", "q3", "q4"},
        "clock": {
            "a.m",
            "p.m",
            "am",
            "pm",
            "noon",
            "midnight",
            "midday",
            "o'clock",
            "morning",
            "afternoon",
            "evening",
            *(z.lower() for z in lx.time_zones),
        },
    }
    out: dict[str, set[str]] = {}
    for name, words in classes.items():
        for word in words:
            out.setdefault(word.lower(), set()).add(name)
    return {word: frozenset(names) for word, names in out.items()}


def compile_rules(lx: Lexicon) -> tuple[Rule, ...]:
    """Expand the macros of every rule and compile it."""
    fragments = macros(lx)
    out = []
    for name, kind, triggers, pattern in RULES:
        body = _MACRO.sub(lambda m: fragments[m.group(1)], pattern)
        regex = re.compile(_LEFT + "(?:" + body + ")", re.VERBOSE)
        out.append(Rule(name, kind, regex, tuple(triggers.split())))
    return tuple(out)


RULESET: tuple[Rule, ...] = compile_rules(lexicon())
PRIORITY = {rule.name: i for i, rule in enumerate(RULESET)}
KEYWORDS = _keywords(lexicon())
#: Trigger words, over the lower-cased text.
TRIGGER_WORDS = re.compile(r"(?<![a-z])" + _trie(KEYWORDS) + r"(?![a-z])")
#: Trigger numbers: dates in figures, years, clock times, decades ('90s). One plain
#: branch per first character keeps the scan fast; the class is read off the match.
TRIGGER_NUMBERS = re.compile(r"\d(?:\d{0,3}[-/.]\d\d?[-/.]\d|\d{3}|:\d\d|\s?[ap]\.?m\b)|'\d0")


def _number_class(found: str) -> str:
    """The trigger class of a figure the number scan found."""
    if found.startswith("'"):
        return "decade"
    if "-" in found or "/" in found or "." in found:
        return "numdate"
    if ":" in found or found[-1:] in "mM":
        return "clock"
    return "year"


def triggers(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each trigger class occurs in ``text``: two scans of the whole text."""
    found: dict[str, list[tuple[int, int]]] = {}
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two ("İ"): keep them
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    for m in TRIGGER_WORDS.finditer(lowered):
        span = m.span()
        for name in KEYWORDS[m.group()]:
            found.setdefault(name, []).append(span)
    for m in TRIGGER_NUMBERS.finditer(text):
        found.setdefault(_number_class(m.group()), []).append(m.span())
    return found


def _windows(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Merged stretches of text around trigger spans (sorted by start)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        lo, hi = max(0, start - REACH_BEFORE), min(size, end + REACH_AFTER)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def scan(text: str, rules: Iterable[Rule] = RULESET) -> Iterator[Candidate]:
    """Every match of every rule, overlapping ones included. Each rule runs only in the
    stretches of text around its trigger words."""
    found = triggers(text)
    for rule in rules:
        spans = [span for trigger in rule.triggers for span in found.get(trigger, ())]
        if not spans:
            continue
        spans.sort()
        for lo, hi in _windows(spans, len(text)):
            for m in rule.regex.finditer(text, lo, hi):
                if m.end() > m.start():
                    yield Candidate(rule, m.start(), m.end(), m.groupdict(), m.group())


def select(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, ties to the earlier rule; in text order."""
    ranked = sorted(candidates, key=lambda c: (c.start - c.end, PRIORITY[c.rule.name], c.start))
    starts: list[int] = []
    chosen: dict[int, Candidate] = {}
    for cand in ranked:
        i = bisect_left(starts, cand.start)
        if i > 0 and chosen[starts[i - 1]].end > cand.start:
            continue
        if i < len(starts) and starts[i] < cand.end:
            continue
        starts.insert(i, cand.start)
        chosen[cand.start] = cand
    return [chosen[s] for s in starts]
