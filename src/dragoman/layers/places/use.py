"""Literal or associative: is the toponym a location, or does it stand for something?

"talks in Washington" names a location; "Washington said", "Russia's response", "the
Ukraine crisis", "Russian troops" and "the Toronto Police" use the place name for its
government, its people or as a modifier (metonymy; GeoWebNews calls these Metonymic,
Non_Literal_Modifier and Embedded_Non_Lit). Both are toponyms, but only a literal one can
be where an event happened, so the event coder reads ``use``.

The decision is read off the dependency parse of the toponym's head token, and the
entities layer's view where it coded the same words as an actor.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dragoman.layers.places.gazetteer import ADJECTIVE
from dragoman.layers.places.recognise import Toponym
from dragoman.layers.places.words import word_list

LITERAL, ASSOCIATIVE = "literal", "associative"
#: Labels of entity containers whose embedded place is a location (a facility's name).
LITERAL_CONTAINERS = frozenset({"embedded-FAC", "embedded-GPE", "embedded-LOC"})


def head_of(doc: Doc, top: Toponym) -> Token:
    """The token of the span whose head lies outside it."""
    span = doc[top.start_token : top.end_token]
    return span.root


def use_of(doc: Doc, top: Toponym, chosen_kind: int, actor_spans: Sequence[tuple[int, int]]) -> str:
    """``literal`` or ``associative`` for a toponym whose chosen place matched by a name
    of ``chosen_kind`` (an adjective is always associative)."""
    if chosen_kind == ADJECTIVE:
        return ASSOCIATIVE
    if top.source.startswith("embedded-") and top.source not in LITERAL_CONTAINERS:
        return ASSOCIATIVE
    if top.source in {"ner-ORG", "ner-NORP"}:
        return ASSOCIATIVE
    if top.qualifies:
        return LITERAL
    head = head_of(doc, top)
    token = head
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "in France and Germany": the first conjunct decides
    dep = token.dep_
    if dep == "pobj":
        prep = token.head
        if prep.lower_ in word_list("locative-preposition"):
            return LITERAL
        if prep.lower_ == "of" and prep.head.lemma_.lower() in word_list("place-noun"):
            return LITERAL  # "the city of Salisbury", "the outskirts of Makurdi"
        if prep.lower_ == "for" and prep.head.lemma_ in word_list("departure-verb"):
            return LITERAL  # "left for Washington"
        return ASSOCIATIVE
    if dep == "poss":
        return ASSOCIATIVE
    if dep in {"compound", "amod", "nmod"}:
        noun = token.head
        if noun.lower_ in word_list("place-noun") or noun.ent_type_ in {"GPE", "LOC", "FAC"}:
            return LITERAL
        return ASSOCIATIVE
    if dep in {"nsubj", "agent"}:
        verb = token.head
        if verb.lemma_ in {"be", "lie", "sit", "border"}:
            return LITERAL
        return ASSOCIATIVE
    if dep == "dobj":
        return LITERAL if token.head.lemma_ in word_list("locative-verb") else ASSOCIATIVE
    if (top.start, top.end) in actor_spans and dep not in {"appos", "ROOT", "npadvmod"}:
        return ASSOCIATIVE
    return LITERAL
