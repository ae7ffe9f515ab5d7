"""Dictionary matches in a parsed document, indexed by token.

Two kinds of evidence feed actor coding: *names* (people, institutions, organisations,
countries, demonyms, seats of government) and *agent words* (nouns, titles and modifiers
that give a sector). Both are found once per document with the lexicon's tries.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from dragoman.lexicon import Agent, Lexicon, Sense
from dragoman.lexicon.names import Match


@dataclass(slots=True)
class Signals:
    """Name and agent matches of one document, by the index of every token they cover."""

    names: dict[int, Match[Sense]]
    agents: dict[int, Match[Agent]]


def singular(word: str) -> str:
    """A rough singular for capitalised plurals the lemmatiser leaves alone ("Soldiers",
    "Forces" tagged as proper nouns)."""
    lower = word.lower()
    if len(lower) > 4 and lower.endswith("ies"):
        return lower[:-3] + "y"
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return lower[:-1]
    return lower


def find_signals(parsed: Doc, lexicon: Lexicon) -> Signals:
    # one pass over the tokens; the tries then work on plain lists
    texts: list[str] = []
    lemmas: list[str] = []
    starts: list[bool] = []
    for t in parsed:
        texts.append(t.text)
        lemmas.append(singular(t.text) if t.pos_ == "PROPN" else t.lemma_)
        starts.append(bool(t.is_sent_start))

    def inside_sentence(start: int, end: int) -> bool:
        return not any(starts[start + 1 : end])

    def proper(start: int, end: int) -> bool:
        """Names start with a capital and stay inside one sentence."""
        first = texts[start][:1]
        return (first.isupper() or first.isdigit()) and inside_sentence(start, end)

    names: dict[int, Match[Sense]] = {}
    for match in lexicon.names.find_all(texts, proper):
        for i in range(match.start, match.end):
            names[i] = match

    agents: dict[int, Match[Agent]] = {}
    for sequence in (lemmas, texts):
        for match in lexicon.agent_trie.find_all(sequence, inside_sentence):
            for i in range(match.start, match.end):
                held = agents.get(i)
                if held is None or (held.end - held.start) < (match.end - match.start):
                    agents[i] = match
    return Signals(names=names, agents=agents)
