"""The entities layer: every mention of a political actor, coded CAMEO-style.

``find_entities(doc, parsed, context)`` finds noun groups in the parse (``groups``),
codes them from the dictionaries (``signals``, ``coding``), and resolves pronouns and
definite descriptions to earlier actors (``reference``). "Washington said" is an actor;
"in Washington" is a place and is left to the places layer.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dragoman.document import Document, Entity
from dragoman.layers.entities.coding import Coded, CodingContext, code_group
from dragoman.layers.entities.groups import COLLECTIVE_HEADS, Group, build_group
from dragoman.layers.entities.reference import resolve_references
from dragoman.layers.entities.signals import find_signals
from dragoman.lexicon import Lexicon
from dragoman.lexicon.names import normalise

__all__ = ["Mention", "find_entities", "find_mentions"]

_NOT_HEADS = frozenset(
    {
        "amod",
        "flat",
        "case",
        "det",
        "nummod",
        "quantmod",
        "nmod",
        "predet",
        "prt",
        "aux",
        "auxpass",
        "mark",
        "cc",
        "punct",
    }
)
#: Prepositions after which a country or capital is a place or a topic, not an actor:
#: "in Moscow", "tension over Ukraine", "withdrawal from Afghanistan".
PLACE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "across",
        "inside",
        "within",
        "throughout",
        "around",
        "outside",
        "into",
        "over",
        "about",
        "on",
        "through",
        "beyond",
        "along",
        "toward",
        "towards",
        "off",
        "under",
        "from",
        "onto",
        "via",
        "above",
        "below",
        "beside",
        "amid",
        "amidst",
        "regarding",
        "concerning",
        "including",
        "like",
        "than",
    }
)
_PLACE_LIKE = frozenset({"country", "seat", "demonym"})


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity with where it sits in the parse, for the layers that build on it."""

    entity: Entity
    head: int  # token index of the head noun
    start_token: int
    end_token: int
    sentence: int
    #: a country or capital used as a place ("in Moscow", "sanctions on Belarus"): not an
    #: actor mention of the entities layer, but the event coder may take it as a recipient
    place: bool = False


def _candidate(token: Token) -> bool:
    if token.is_space or token.is_punct or token.dep_ in _NOT_HEADS:
        return False
    if token.pos_ in {"NOUN", "PROPN"}:
        return True
    return token.pos_ in {"ADJ", "NUM", "DET", "PRON"} and token.lower_ in COLLECTIVE_HEADS


def _governing_prep(token: Token) -> Token | None:
    """The preposition a noun is the object of, looking through coordination."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.pos_ == "ADP":
        return node.head
    return None


def is_place_use(group: Group, coded: Coded) -> bool:
    """True when a country or capital stands for the place, not the actor."""
    region = coded.sector is None and coded.country is None  # "the Baltic states", "the West"
    if coded.kind not in _PLACE_LIKE and not coded.rule.startswith("country") and not region:
        return False
    prep = _governing_prep(group.head)
    return prep is not None and prep.lower_ in PLACE_PREPS


def _entity(parsed: Doc, group: Group, coded: Coded) -> Entity:
    span = parsed[group.start : group.end]
    return Entity(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        code=coded.code,
        country=coded.country,
        sector=coded.sector,
        name=coded.name,
        kind=coded.kind,
        entry=coded.entry,
        rule=coded.rule,
    )


_SIGNAL_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def _has_signal(token: Token, ctx: CodingContext) -> bool:
    """Could a group headed here name an actor? Only if the head or a word hanging on it
    is a dictionary name, an agent word or a named entity (a cheap test before the group
    is built)."""
    names, agents = ctx.signals.names, ctx.signals.agents
    for t in (token, *token.children):
        if t.i in names or t.i in agents or t.ent_type_ in _SIGNAL_ENTS:
            return True
    return token.lower_ in COLLECTIVE_HEADS


def _sentence_mentions(sent: Span, ctx: CodingContext, index: int) -> list[Mention]:
    found: list[tuple[Group, Coded]] = []
    places: list[tuple[Group, Coded]] = []
    for token in sent:
        if not _candidate(token) or not _has_signal(token, ctx):
            continue
        group = build_group(token)
        coded = code_group(group, ctx)
        if coded is None:
            continue
        if token.dep_ == "compound" and coded.kind != "group":
            continue  # "the Ukraine crisis", "a NATO summit": a name modifying a thing
        if is_place_use(group, coded):
            places.append((group, coded))
            continue
        found.append((group, coded))
    # keep the largest groups; a group inside a kept one is part of it
    found.sort(key=lambda gc: (-(gc[0].end - gc[0].start), gc[0].start))
    kept: list[tuple[Group, Coded]] = []
    for group, coded in found:
        if any(group.start < k.end and k.start < group.end for k, _ in kept):
            continue
        kept.append((group, coded))
    kept.sort(key=lambda gc: gc[0].start)
    kept = _join_titles_to_names(kept, sent.doc)
    mentions = [
        Mention(_entity(sent.doc, group, coded), group.head.i, group.start, group.end, index, True)
        for group, coded in places
        if not any(group.start < k.end and k.start < group.end for k, _ in kept)
    ]
    for group, coded in kept:
        _remember_alias(coded, ctx)
        mentions.append(
            Mention(_entity(sent.doc, group, coded), group.head.i, group.start, group.end, index)
        )
    return mentions


def _join_titles_to_names(kept: list[tuple[Group, Coded]], doc: Doc) -> list[tuple[Group, Coded]]:
    """ "US Ambassador to Russia John Sullivan" parsed as two phrases: an office right
    before an uncoded name is that person's office."""
    out: list[tuple[Group, Coded]] = []
    for group, coded in kept:
        if out and coded.kind == "person" and coded.code is None:
            prev_group, prev = out[-1]
            gap = doc[prev_group.end : group.start]
            if (
                prev.title
                and prev.kind == "group"
                and all(t.text == "," or t.is_space for t in gap)
            ):
                roles = dict(prev_group.roles) | dict(group.roles)
                merged = Group(head=group.head, roles=roles, start=prev_group.start, end=group.end)
                joined = Coded(
                    prev.code,
                    prev.country,
                    prev.sector,
                    coded.name,
                    "person",
                    prev.entry,
                    prev.rule + "+name",
                    title=True,
                )
                out[-1] = (merged, joined)
                continue
        out.append((group, coded))
    return out


def _remember_alias(coded: Coded, ctx: CodingContext) -> None:
    """After "US President Joe Biden", a bare "Biden" is the same person."""
    if coded.kind != "person" or not coded.name:
        return
    words = coded.name.split()
    if len(words) >= 2:
        ctx.aliases.setdefault(normalise(words[-1]), coded)


def find_mentions(parsed: Doc, lexicon: Lexicon, date: str | None) -> list[Mention]:
    """Actor mentions of a parsed document, in text order, pronouns resolved."""
    ctx = CodingContext(
        lexicon=lexicon, date=date, signals=find_signals(parsed, lexicon), aliases={}
    )
    mentions: list[Mention] = []
    for index, sent in enumerate(s for s in parsed.sents if not all(t.is_space for t in s)):
        mentions.extend(_sentence_mentions(sent, ctx, index))
    actors = resolve_references(parsed, [m for m in mentions if not m.place])
    places = [m for m in mentions if m.place]
    return sorted(actors + places, key=lambda m: (m.start_token, m.end_token))


def find_entities(doc: Document, parsed: Doc, lexicon: Lexicon) -> list[Mention]:
    """The entities layer: actor mentions of ``doc`` (DESIGN.md ``find_<things>``), plus
    countries and capitals used as places (``Mention.place``), which the document's
    ``entities`` leave out but the event coder may use as recipients."""
    return find_mentions(parsed, lexicon, doc.date)
