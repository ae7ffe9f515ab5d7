"""Speakers as entities: the entities layer's mention where there is one, else a new
uncoded entity for the noun phrase ("the spokesman", "a senior official").

The entities layer has already resolved pronouns and descriptions ("he", "the ministry",
"It also clarified") to the actor they stand for, so a speaker found there keeps its
code and name. A pronoun the entities layer left alone (its antecedent had no code) is
resolved here to the last speaker it can agree with, because in quotation-heavy copy the
pronoun after a quotation is nearly always its speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from spacy.tokens import Doc, Token

from dragoman.document import Entity
from dragoman.document import Span as TextSpan

_ACTOR_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "who"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_RESOLVABLE = _PERSON_PRONOUNS | {"they", "it"}
_PRONOUNS = _ACTOR_PRONOUNS | {"it"}
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Heads that name a person or body without being a name: enough to say "X wants".
_ACTOR_NOUNS = frozenset(
    {
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "aide",
        "adviser",
        "advisor",
        "campaign",
        "administration",
        "government",
        "ministry",
        "department",
        "agency",
        "committee",
        "party",
        "leader",
        "lawmaker",
        "senator",
        "president",
        "candidate",
        "nominee",
        "governor",
        "mayor",
        "minister",
        "secretary",
        "democrat",
        "republican",
        "critic",
        "supporter",
        "voter",
        "analyst",
        "expert",
        "economist",
        "group",
        "organization",
        "organisation",
        "company",
        "firm",
        "court",
        "judge",
        "police",
        "chief",
        "director",
        "chairman",
        "chairwoman",
        "member",
        "people",
        "activist",
        "protester",
        "resident",
        "family",
        "leadership",
        "spokesmen",
        "executive",
        "ceo",
        "host",
        "moderator",
        "reporter",
        "journalist",
        "writer",
        "author",
        "researcher",
        "scientist",
        "professor",
        "poll",
        "survey",
        "study",
        "report",
        "statement",
        "ad",
        "video",
        "city",
        "state",
        "country",
        "nation",
        "county",
        "university",
        "school",
        "bank",
        "network",
        "newspaper",
        "paper",
        "website",
        "site",
        "magazine",
        "station",
        "union",
        "coalition",
        "council",
        "board",
        "commission",
        "office",
        "team",
        "staff",
        "military",
        "army",
        "foundation",
        "institute",
        "center",
        "association",
        "federation",
        "movement",
        "lawyer",
        "attorney",
        "prosecutor",
        "investigator",
        "source",
        "witness",
        "doctor",
        "parent",
        "student",
        "worker",
        "employee",
        "citizen",
        "woman",
        "man",
        "mother",
        "father",
        "wife",
        "husband",
        "son",
        "daughter",
        "friend",
        "ally",
        "opponent",
        "rival",
        "donor",
        "user",
        "fan",
        "everyone",
        "everybody",
        "nobody",
        "someone",
        "somebody",
        "anyone",
        "many",
        "some",
        "others",
        "most",
        "all",
    }
)


def is_actor_like(token: Token, mention_tokens: set[int]) -> bool:
    """Could this subject hold a view or an intention? A mention of the entities layer, a
    personal pronoun, a named person or body, or a noun for one ("the campaign")."""
    if token.i in mention_tokens:
        return True
    low = token.lower_
    if low in _ACTOR_PRONOUNS:
        return True
    if token.ent_type_ in _ACTOR_ENTS:
        return True
    return token.lemma_.lower() in _ACTOR_NOUNS


class MentionLike(Protocol):
    """What the quotes layer reads of an entities-layer ``Mention``."""

    @property
    def entity(self) -> Entity: ...
    @property
    def start_token(self) -> int: ...
    @property
    def end_token(self) -> int: ...


class Sources:
    """Finds the entity for a speaker token. Built once per document."""

    def __init__(self, doc: Doc, mentions: Sequence[MentionLike], text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.by_token: dict[int, MentionLike] = {}
        # smaller mentions win: index larger ones first, then let smaller ones overwrite
        for m in sorted(mentions, key=lambda m: -(m.end_token - m.start_token)):
            for i in range(m.start_token, m.end_token):
                self.by_token[i] = m

    @property
    def mention_tokens(self) -> set[int]:
        return set(self.by_token)

    def entity(self, index: int) -> Entity:
        """The speaker whose head token is ``index``."""
        mention = self.by_token.get(index)
        if mention is not None:
            return mention.entity
        return self._phrase_entity(self.doc[index])

    def entity_for_chars(self, start: int, end: int, head: int) -> Entity:
        """A speaker given by characters (the name before a colon)."""
        mention = self.by_token.get(head)
        if mention is not None:
            return mention.entity
        text = self.text[start:end]
        return Entity(text, start, end, None, None, None, None, rule="quotes:phrase")

    def _phrase_entity(self, head: Token) -> Entity:
        """An uncoded entity for the noun phrase ending at ``head``: its left dependents
        and the head ("a senior US official"), without a relative clause or apposition."""
        doc = self.doc
        first = head.left_edge.i
        while first < head.i and (doc[first].is_punct or doc[first].is_space):
            first += 1
        last = head.i
        for child in head.rights:
            if child.dep_ in {"compound", "flat"} or (
                child.dep_ == "appos" and child.ent_type_ == "PERSON"
            ):
                last = max(last, child.right_edge.i)
            else:
                break
        span = doc[first : last + 1]
        kind = "person" if head.ent_type_ == "PERSON" or head.lower_ in _PERSON_PRONOUNS else None
        return Entity.uncoded(span.text, span.start_char, span.end_char, kind, "quotes:phrase")


def resolve_pronoun(entity: Entity, previous: Sequence[Entity]) -> Entity:
    """A pronoun speaker the entities layer did not resolve takes the last earlier speaker
    that agrees with it (he/she: a person; they/it: anything but a person)."""
    low = entity.text.lower()
    if entity.antecedent is not None or low not in _RESOLVABLE:
        return entity
    for prior in reversed(previous):
        if prior.text.lower() in _PRONOUNS and prior.antecedent is None:
            continue
        is_person = prior.kind == "person"
        if (low in _PERSON_PRONOUNS) != is_person:
            continue
        return replace(
            prior,
            text=entity.text,
            start=entity.start,
            end=entity.end,
            rule="quotes:pronoun",
            antecedent=prior.antecedent or TextSpan(prior.text, prior.start, prior.end),
        )
    return entity
