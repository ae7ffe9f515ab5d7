"""Finding the other party of an event when the predicate's own slots name none.

The rules' recipient slots ("met with X", "sanctions on X") cover most events. What is
left are parties the syntax puts further away: the actor inside a non-actor object ("a
resolution drafted by the United States"), whom a mobilisation is aimed at ("in a signal
to Iran"), whom a concession answers ("after complaints from mining companies"), whom a
strike is against ("in a pay dispute with the mail operator"), and for threats and
demands the other party of the sentence. Each helper says in its name what it looks for,
and the event coder records which one gave the recipient.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from dragoman.document import Entity
from dragoman.layers.entities import Mention
from dragoman.layers.events.arguments import author_of, by_agent

# "massed troops along its border with Cambodia", "in a signal to Iran", "aimed at
# Seoul": the words that name whom a mobilisation is directed at (PLOVER 3.14).
MOBILIZE_TARGET_PREPS = frozenset({"with", "to", "at", "against", "toward", "towards", "near"})
MOBILIZE_TARGET_VERBS = frozenset(
    {"confront", "deter", "counter", "intimidate", "warn", "threaten"}
)
#: prepositions inside a non-actor phrase that name the actor it concerns
_INSIDE_PREPS = frozenset({"with", "against", "to", "toward", "towards", "at"})
#: "a resolution drafted by X", "talks convened by X", "drones launched by X": verbs
#: whose agent is the party behind the thing (not "villages held by rebels")
AUTHORING_VERBS = frozenset(
    {
        "draft", "propose", "sponsor", "table", "submit", "write", "author", "convene",
        "host", "organise", "organize", "launch", "issue", "extend", "make", "offer",
        "broker", "mediate", "present", "put", "fire", "send", "deploy", "operate",
        "order", "impose", "introduce", "file", "lodge", "initiate", "call",
    }
)  # fmt: skip
#: measures taken against someone, whose "of" names the target ("its boycott of X")
MEASURE_NOUNS = frozenset(
    {
        "boycott", "blockade", "siege", "embargo", "sanction", "restriction", "ban",
        "suspension", "isolation", "detention", "arrest", "expulsion", "closure",
    }
)  # fmt: skip
#: parts of a place, whose "of" names it: "parts of Kashmir", "the outskirts of Kyiv"
PART_NOUNS = frozenset(
    {
        "part", "area", "region", "province", "district", "outskirts", "north", "south",
        "east", "west", "centre", "center", "section", "zone", "corner", "stretch", "rest",
    }
)  # fmt: skip
OF_PARTY_NOUNS = MEASURE_NOUNS | PART_NOUNS
#: "after X accepted", "once the unions agree": a clause naming what prompted the act
_PROMPTING_MARKS = frozenset({"after", "once", "if", "when", "following"})
#: "after complaints from mining companies", "following pressure from Washington"
_PRESSURE_NOUNS = frozenset(
    {
        "complaint",
        "protest",
        "demand",
        "pressure",
        "call",
        "appeal",
        "request",
        "criticism",
        "objection",
        "outcry",
        "opposition",
        "threat",
        "warning",
        "ultimatum",
        "lobbying",
        "petition",
    }
)
#: "a walkout in a pay dispute with the mail operator": conflicts a protest is part of
_DISPUTE_NOUNS = frozenset(
    {"dispute", "row", "standoff", "conflict", "confrontation", "feud", "fight", "battle"}
)


def _coded(token: Token, index: dict[int, Mention]) -> Entity | None:
    mention = index.get(token.i)
    if mention is not None and mention.entity.code:
        return mention.entity
    return None


def _headed(tokens: Iterable[Token], index: dict[int, Mention]) -> Iterator[tuple[Token, Entity]]:
    """The tokens that head an entity mention, with their entity."""
    for t in tokens:
        mention = index.get(t.i)
        if mention is not None and mention.head == t.i:
            yield t, mention.entity


def _nearest(token: Token, found: Iterable[tuple[Token, Entity]]) -> tuple[Token, Entity] | None:
    """The candidate closest to ``token`` (the first of equals)."""
    return min(found, key=lambda pair: abs(pair[0].i - token.i), default=None)


def party_inside(
    token: Token, index: dict[int, Mention], preps: frozenset[str] = frozenset()
) -> Entity | None:
    """The actor a non-actor phrase is about: "a suspension of air links with 21
    countries", "email accounts at the foreign ministry", "a resolution drafted by the
    United States", "an invitation to visit New Delhi", "China's expansion of reefs".
    ``preps`` narrows the search to
    those prepositions."""
    for t in token.children:
        if t.dep_ == "prep" and t.lower_ in (preps or _INSIDE_PREPS):
            for obj in t.children:
                if obj.dep_ == "pobj" and (found := _coded(obj, index)) is not None:
                    return found
    if preps:
        return None
    for t in token.children:
        # "its boycott of Israeli ranchers", "restrictions imposed on Olmert", "a curfew
        # in parts of Kashmir"
        if t.dep_ == "prep" and t.lower_ == "of" and token.lemma_.lower() in OF_PARTY_NOUNS:
            for obj in t.children:
                if obj.dep_ == "pobj" and (found := _coded(obj, index)) is not None:
                    return found
        if t.dep_ == "acl" and t.pos_ == "VERB":
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in {"on", "against"}:
                    for obj in p.children:
                        if obj.dep_ == "pobj" and (found := _coded(obj, index)) is not None:
                            return found
    for t in token.children:
        # "an investigation into claims that two servicemen abused children"
        if t.dep_ in {"acl", "ccomp"} and t.pos_ in {"VERB", "AUX"}:
            for subj in t.children:
                if subj.dep_ in {"nsubj", "nsubjpass"} and (found := _coded(subj, index)):
                    return found
    for t in token.children:  # "China's recent expansion of reefs"
        if t.dep_ == "poss" and (found := _coded(t, index)) is not None:
            return found
    for t in token.children:
        if t.dep_ not in {"acl", "relcl"} or t.pos_ != "VERB":
            continue
        author = by_agent(t) if t.lemma_.lower() in AUTHORING_VERBS else None
        if author is not None and (found := _coded(author, index)) is not None:
            return found
        if t.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            for obj in t.children:  # "an invitation to visit New Delhi"
                if obj.dep_ == "dobj" and (found := _coded(obj, index)) is not None:
                    return found
    return None


def mobilized_against(token: Token, actor: list[Entity], index: dict[int, Mention]) -> list[Entity]:
    """PLOVER 3.14: the recipient of a mobilisation is whom it threatens: "along its
    border with Cambodia", "in a signal to Iran", "aimed at Seoul", "to confront
    government forces"; not where the forces go ("to the Caribbean")."""
    actor_starts = {e.start for e in actor}
    moved = {t.i for c in token.children if c.dep_ in {"dobj", "nsubjpass"} for t in c.subtree}

    def aimed(t: Token, e: Entity) -> bool:
        if t.i in moved or not e.code or e.start in actor_starts:
            return False
        link = t.head
        destination = link.head.i == token.i and link.lower_ in {"to", "into", "toward", "towards"}
        return (t.dep_ == "pobj" and link.lower_ in MOBILIZE_TARGET_PREPS and not destination) or (
            t.dep_ == "dobj" and link.lemma_.lower() in MOBILIZE_TARGET_VERBS
        )

    best = _nearest(token, ((t, e) for t, e in _headed(token.subtree, index) if aimed(t, e)))
    if best is None:
        return []
    # "aimed at Seoul and Washington": every conjunct is a recipient
    out = [best[1]]
    for conj in best[0].conjuncts:
        mention = index.get(conj.i)
        if mention is not None and mention.entity.code and mention.entity.start not in actor_starts:
            out.append(mention.entity)
    return out


def _source_of(noun: Token, index: dict[int, Mention]) -> Entity | None:
    """Who a pressure noun comes from: "complaints from X", "X's demands", "calls by X"."""
    author = author_of(noun, frozenset({"from", "by", "of"}))
    return _coded(author, index) if author is not None else None


def prompted_by(token: Token, actor: list[Entity], index: dict[int, Mention]) -> Entity | None:
    """Whom a concession or a mobilisation answers: the doer of the clause that prompted
    it ("called off the strike after factory owners accepted a review", "placed on alert
    after Chinese vessels swarmed a reef") or the source of the pressure ("dropped the
    plan after complaints from mining companies")."""
    actor_codes = {e.code for e in actor}
    actor_starts = {e.start for e in actor}

    def other(found: Entity | None) -> Entity | None:
        if found is None or found.start in actor_starts or found.code in actor_codes:
            return None
        return found

    # "dropped a plan to raise tariffs after complaints from X": the parser may hang the
    # prompting phrase on the object's clause
    heads = [token] + [
        acl
        for obj in token.children
        if obj.dep_ == "dobj"
        for acl in obj.children
        if acl.dep_ == "acl" and acl.pos_ == "VERB"
    ]
    for c in (c for head in heads for c in head.children):
        if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in _PROMPTING_MARKS for m in c.children
        ):
            for s in c.children:
                if s.dep_ in {"nsubj", "nsubjpass"} and (found := other(_coded(s, index))):
                    return found
        if c.dep_ == "prep" and c.lower_ in {"after", "following", "amid"}:
            for obj in c.children:
                if obj.dep_ != "pobj" or obj.lemma_.lower() not in _PRESSURE_NOUNS:
                    continue
                if found := other(_source_of(obj, index)):
                    return found
    return None


def disputed_with(token: Token, index: dict[int, Mention]) -> Entity | None:
    """The other side of the dispute a protest belongs to: "began a walkout in a pay
    dispute with the national mail operator"."""
    heads = [token] + ([token.head] if token.dep_ in {"dobj", "nsubj"} else [])
    for head in heads:
        for c in head.children:
            if c.dep_ != "prep" or c.lower_ not in {"in", "over", "amid"}:
                continue
            for obj in c.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in _DISPUTE_NOUNS:
                    found = party_inside(obj, index)
                    if found is not None:
                        return found
    return None


#: what protesters do to their target in the same sentence: "demanding compensation
#: from the mining company", "to pressure the government"
_DEMANDING_VERBS = frozenset(
    {"demand", "pressure", "press", "urge", "force", "call", "push", "protest", "denounce"}
)


def protest_target(token: Token, index: dict[int, Mention]) -> Entity | None:
    """Whom a protest is aimed at, when no slot names it: the doer of what is protested
    ("in protest at her detention by the military authorities"), whom the protesters
    press ("demanding compensation from the mining company", "to pressure the
    government"), or the other side of their dispute."""
    # "in protest at her detention by the military", "a strike over X's decision"
    protest_preps = [c for c in token.children if c.dep_ == "prep"]
    protest_preps += [
        p
        for c in protest_preps
        if c.lower_ == "in"
        for obj in c.children
        if obj.dep_ == "pobj" and obj.lemma_.lower() == "protest"
        for p in obj.children
        if p.dep_ == "prep"
    ]
    for p in protest_preps:
        if p.lower_ not in {"at", "against", "over"}:
            continue
        for n in p.children:
            if n.dep_ != "pobj":
                continue
            agent = by_agent(n)
            found = _coded(n, index) or (_coded(agent, index) if agent is not None else None)
            if found is not None:
                return found
    for c in token.children:
        if c.dep_ not in {"advcl", "xcomp", "acl"} or c.lemma_.lower() not in _DEMANDING_VERBS:
            continue
        objects = [d for d in c.children if d.dep_ == "dobj"]
        for d in objects:
            if (found := _coded(d, index)) is not None:
                return found
        # "demanding compensation from the mining company": on the verb or its object
        for d in [c, *objects]:
            for p in d.children:
                if p.dep_ != "prep" or p.lower_ not in {"from", "on", "of"}:
                    continue
                for n in p.children:
                    if n.dep_ == "pobj" and (found := _coded(n, index)) is not None:
                        return found
    return disputed_with(token, index)


#: "deployed soldiers to help villagers", "stationed a battalion to guard gas plants"
_RELIEF_PURPOSES = frozenset(
    {"help", "assist", "protect", "guard", "rescue", "evacuate", "feed", "rebuild", "aid"}
)
#: sectors of the people forces are sent to help
_CIVILIAN_SECTORS = frozenset({"CVL", "REF", "LAB", "AGR", "EDU", "HLH", "MED", "REL", "BUS"})
_FRONTIER_WORDS = frozenset({"border", "frontier", "boundary", "line", "coast", "coastline"})


def protected_party(token: Token, actor: list[Entity], index: dict[int, Mention]) -> Entity | None:
    """PLOVER 3.14.1: forces sent to help or protect someone else are AID. The party
    helped: civilians named by the purpose ("deployed soldiers to help villagers"), or
    another country the forces are stationed in ("stationed a battalion in Mozambique's
    Cabo Delgado to guard gas installations"). Forces guarding their own polling
    stations or a frontier are a mobilisation."""
    purposes = [
        c
        for c in token.children
        if c.dep_ in {"xcomp", "advcl"}
        and c.lemma_.lower() in _RELIEF_PURPOSES
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and not any(o.dep_ == "dobj" and o.lemma_.lower() in _FRONTIER_WORDS for o in c.children)
    ]
    if not purposes:
        return None
    for purpose in purposes:
        # "to help villagers" or, parsed as a clause, "to help [villagers cut off]"
        helped = [o for o in purpose.children if o.dep_ == "dobj"] + [
            s
            for c in purpose.children
            if c.dep_ == "ccomp"
            for s in c.children
            if s.dep_ == "nsubj"
        ]
        for o in helped:
            found = _coded(o, index)
            if found is not None and found.sector in _CIVILIAN_SECTORS:
                return found
    own = {e.country for e in actor if e.country}
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "to", "into"}:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for t in (obj, *[c for c in obj.children if c.dep_ == "poss"]):
                found = _coded(t, index)
                if found is not None and found.country and found.country not in own:
                    return found
    return None


def aided_place(token: Token, actor: list[Entity], index: dict[int, Mention]) -> Entity | None:
    """PLOVER 3.6: aid goes to where it is delivered: "provided €28 million for those
    affected in Yemen", "gave 352.5 million euros to promote investment in Ethiopia".
    The nearest country or place of another country than the giver's, after "in", "to",
    "for" or "into" inside the act's phrase."""
    own = {e.country for e in actor if e.country}
    starts = {e.start for e in actor}
    best = _nearest(
        token,
        (
            (t, e)
            for t, e in _headed(token.subtree, index)
            if t.dep_ == "pobj"
            and t.head.lower_ in {"in", "to", "for", "into"}
            and e.country
            and e.country not in own
            and e.start not in starts
        ),
    )
    return best[1] if best else None


def arrested_in(token: Token, index: dict[int, Mention]) -> Entity | None:
    """ "X was arrested in Rwanda": with no agent, the coercion is the state's where it
    took place (a country named as the place, directly after "in")."""
    for c in token.children:
        if c.dep_ != "prep" or c.lower_ != "in":
            continue
        for obj in c.children:
            mention = index.get(obj.i)
            if obj.dep_ == "pobj" and mention is not None and mention.entity.kind == "country":
                return mention.entity
    return None


def counterpart(token: Token, actor: list[Entity], index: dict[int, Mention]) -> Entity | None:
    """For a threat or demand with no recipient in the syntax: the nearest other actor
    of the sentence, of another country than the actor ("Russia will be forced to
    respond amid the United States' unwillingness")."""
    countries = {e.country for e in actor if e.country}
    starts = {e.start for e in actor}
    best = _nearest(
        token,
        (
            (t, e)
            for t, e in _headed(token.sent, index)
            if not index[t.i].place
            and e.code is not None
            and e.country not in countries
            and e.start not in starts
            and not (e.kind == "person" and e.country is None)
        ),
    )
    return best[1] if best else None
