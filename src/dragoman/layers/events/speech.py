"""Reported speech in the parse: who reports, with which verb, and which clause.

"The Russian Foreign Ministry says Washington distorted …", "Moscow also said that …",
"According to a statement by the Russian Foreign Ministry, Russia will …". Events inside
the reported clause carry the speaker as their attribution; verbal acts reported there
without a doer of their own take the speaker as actor (issue: "for a verbal act the
speaker is the actor").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dragoman.layers.events.frames import Frames
from dragoman.layers.quotes.phrases import SAYING_NOUNS, according_source


@dataclass(frozen=True, slots=True)
class Report:
    """A reporting frame: the speaker token (None when unnamed), the cue tokens, and the
    root of the reported clause; ``tokens`` are the indices inside the report."""

    speaker: Token | None
    cue_start: int
    cue_end: int
    content_root: Token
    tokens: frozenset[int]


def _subtree_indices(token: Token) -> frozenset[int]:
    return frozenset(t.i for t in token.subtree)


def _according_to(doc: Doc, sent_root: Token) -> list[Report]:
    out = []
    for token in sent_root.subtree:
        if (
            token.lower_ == "according"
            and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == "to"
        ):
            to = doc[token.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            # "according to a statement by the ministry": the ministry; an authorless
            # "according to a statement" names no speaker
            source = according_source(obj)
            speaker = None if source is obj and obj.lemma_.lower() in SAYING_NOUNS else source
            inside = _subtree_indices(token) | _subtree_indices(to)
            content = frozenset(t.i for t in sent_root.subtree) - inside
            out.append(Report(speaker, token.i, to.i + 1, sent_root, content))
    return out


def find_reports(doc: Doc, fr: Frames) -> list[Report]:
    """Reporting frames of a parsed document, in text order."""
    reports: list[Report] = []
    for token in doc:
        if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() not in fr.reporting_verbs:
            continue
        clauses = [c for c in token.children if c.dep_ in {"ccomp", "parataxis"}]
        if not clauses:
            continue
        speaker = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if speaker is not None and speaker.dep_ == "nsubjpass":
            speaker = None  # "it was reported that": no speaker named
        for clause in clauses:
            reports.append(Report(speaker, token.i, token.i + 1, clause, _subtree_indices(clause)))
    for sent in doc.sents:
        reports.extend(_according_to(doc, sent.root))
    reports.sort(key=lambda r: r.cue_start)
    return reports


def report_for(token: Token, reports: list[Report]) -> Report | None:
    """The innermost report whose clause contains the token."""
    best = None
    for report in reports:
        if token.i in report.tokens and (best is None or len(report.tokens) < len(best.tokens)):
            best = report
    return best
