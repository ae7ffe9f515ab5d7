"""Who did it and to whom: actor and recipient tokens of a predicate, from the parse.

Covers the constructions news uses: active and passive voice ("was attacked by"),
prepositional recipients ("met with", "sanctions against"), "accused X of Y",
control ("agreed to withdraw": the subject of "agreed" withdraws; "urged Kyiv to
withdraw": Kyiv does), shared subjects of coordinated verbs, relative clauses,
participles ("protesters demanding…", "the answer delivered by Washington"), and for
event nouns their possessor ("Russia's invasion"), modifier ("the Taliban attack"), "by"
phrase, or the subject of the light verb that carries them ("launched an attack on").
Each function returns tokens with a short description of the path taken, which
``--explain`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dragoman.layers.events.frames import Frames
from dragoman.lexicon.predicates import PredicateRule

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
#: Verbs whose "X of doing Y" makes X the doer of Y: "accused Russia of preparing".
OF_OBJECT_VERBS = frozenset(
    {
        "accuse",
        "blame",
        "suspect",
        "charge",
        "convict",
        "criticize",
        "criticise",
        "condemn",
        "warn",
        "praise",
        "thank",
        "commend",
        "congratulate",
        "absolve",
        "clear",
        "acquit",
        "indict",
    }
)


#: Documents that speak for whoever issued them: "a report accusing the army of …".
STATEMENT_NOUNS = frozenset(
    {
        "statement",
        "report",
        "letter",
        "resolution",
        "communique",
        "declaration",
        "note",
        "message",
        "ruling",
        "verdict",
        "decision",
        "order",
        "decree",
        "bill",
        "motion",
        "petition",
        "complaint",
        "lawsuit",
        "tweet",
        "post",
        "video",
        "speech",
        "editorial",
    }
)

#: Verbs whose prepositional object is an event their subject takes part in: "went on
#: strike", "took part in the talks", "joined the protest".
PARTICIPATION_VERBS = frozenset(
    {
        "participate",
        "join",
        "engage",
        "take",
        "go",
        "embark",
        "continue",
        "remain",
        "stay",
        "enter",
        "return",
    }
)


@dataclass(frozen=True, slots=True)
class Arg:
    """An argument token and how it was found ("subject", "by-agent", "control:agree")."""

    token: Token
    how: str


#: "fought with clubs and stones", "attacked with drones": "with" names an instrument
INSTRUMENT_NOUNS = frozenset(
    {
        "club", "stone", "rock", "knife", "machete", "stick", "baton", "rod", "bat",
        "fist", "sword", "spear", "axe", "bottle", "firebomb", "grenade", "gun", "rifle",
        "pistol", "weapon", "drone", "missile", "rocket", "bomb", "shell", "mortar",
        "artillery", "explosive", "teargas", "gas", "bullet", "cannon", "truck", "car",
    }
)  # fmt: skip


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children)


def _child(token: Token, deps: frozenset[str] | set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)


def by_agent(token: Token) -> Token | None:
    """The object of a passive's "by" ("was attacked by rebels")."""
    for c in token.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            obj = _pobj(c)
            if obj is not None and obj.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
                return obj
    return None


def author_of(noun: Token, preps: frozenset[str] = frozenset({"from", "by"})) -> Token | None:
    """Whom a request, demand or complaint comes from: "a request from X", "calls by X"
    (the ``preps`` given), else the possessor ("X's demands")."""
    for c in noun.children:
        if c.dep_ in {"prep", "agent"} and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def with_conjuncts(token: Token) -> list[Token]:
    """A token and the nouns coordinated with it ("the US and France")."""
    out = [token]
    for c in token.conjuncts:
        if c.pos_ in {"NOUN", "PROPN", "PRON"} and c.i not in {t.i for t in out}:
            out.append(c)
    return sorted(out, key=lambda t: t.i)


def verb_actor(verb: Token, fr: Frames, depth: int = 0) -> Arg | None:
    """The doer of a verb, climbing through control, coordination and clauses."""
    if depth > 5:
        return None
    subject = _child(verb, SUBJECTS)
    if subject is not None:
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return Arg(verb.head, "relative-clause")
        if subject.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ"}:
            return Arg(subject, "subject")
    if is_passive(verb):
        agent = by_agent(verb)
        return Arg(agent, "by-agent") if agent is not None else None
    dep, head = verb.dep_, verb.head
    if head.i == verb.i:
        return None
    if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ in {"acomp", "attr", "oprd"}:
        # "Honduras is willing to withdraw": the subject of "is willing" withdraws
        found = verb_actor(head.head, fr, depth + 1)
        return Arg(found.token, f"control:{head.lemma_}") if found else None
    if dep == "xcomp" or (
        dep in {"advcl", "ccomp"}
        and _child(verb, {"aux"}) is not None
        and any(c.lower_ == "to" for c in verb.children if c.dep_ == "aux")
    ):
        if head.lemma_ in fr.object_control and verb.tag_ == "VBN" and dep == "xcomp":
            # "ordered nine officials jailed": the orderer has them jailed
            found = verb_actor(head, fr, depth + 1)
            return Arg(found.token, f"causative:{head.lemma_}") if found else None
        if is_passive(head) and head.lemma_ not in fr.object_control:
            # "police would be obliged to arrest him": the one obliged acts
            controlled = _child(head, PASSIVE_SUBJECTS)
            if controlled is not None:
                return Arg(controlled, f"control:{head.lemma_}")
        if head.lemma_ in fr.object_control:
            if is_passive(head):
                controlled = _child(head, PASSIVE_SUBJECTS)
                if controlled is not None:
                    return Arg(controlled, f"object-control:{head.lemma_}")
            obj = _child(head, {"dobj"})
            if obj is not None:
                return Arg(obj, f"object-control:{head.lemma_}")
            for c in head.children:  # "called on Israel to allow", "appealed to Kyiv to"
                if c.dep_ == "prep" and c.lower_ in {"on", "upon", "to"}:
                    obj = _pobj(c)
                    if obj is not None and obj.pos_ in {"NOUN", "PROPN", "PRON"}:
                        return Arg(obj, f"object-control:{head.lemma_}-{c.lower_}")
        found = verb_actor(head, fr, depth + 1)
        return Arg(found.token, f"control:{head.lemma_}") if found else None
    if dep == "conj":
        found = verb_actor(head, fr, depth + 1)
        return Arg(found.token, "shared-subject") if found else None
    if dep == "relcl":
        return Arg(head, "relative-clause")
    if dep == "acl":
        if verb.tag_ == "VBN":
            agent = by_agent(verb)
            return Arg(agent, "by-agent") if agent is not None else None
        if head.pos_ == "NOUN" and head.ent_type_ == "" and _child(verb, {"aux"}) is not None:
            # "the United States' unwillingness to agree": the noun's owner does it
            owner = _child(head, {"poss"})
            return Arg(owner, f"owner-of:{head.lemma_}") if owner is not None else None
        if head.lemma_.lower() in STATEMENT_NOUNS:
            # "released a statement criticising X": whoever issued the statement
            issuer = noun_actor_of_document(head, fr)
            if issuer is not None:
                return Arg(issuer.token, f"issuer-of:{head.lemma_}")
        return Arg(head, "participle")
    if dep == "pcomp" and head.dep_ == "prep":
        governor = head.head
        if head.lower_ == "of" and governor.lemma_ in OF_OBJECT_VERBS:
            obj = _child(governor, {"dobj"})
            if obj is not None:
                return Arg(obj, f"{governor.lemma_}-of")
            if is_passive(governor):
                passive_subject = _child(governor, PASSIVE_SUBJECTS)
                if passive_subject is not None:
                    return Arg(passive_subject, f"{governor.lemma_}-of")
        if governor.pos_ in {"VERB", "AUX"}:
            found = verb_actor(governor, fr, depth + 1)
            return Arg(found.token, "adjunct-clause") if found else None
    if dep == "advcl" and head.pos_ in {"VERB", "AUX"}:
        found = verb_actor(head, fr, depth + 1)
        return Arg(found.token, "adjunct-clause") if found else None
    return None


def _slot(token: Token, slot: str, passive: bool) -> list[Arg]:
    if slot == "dobj":
        found = _child(token, PASSIVE_SUBJECTS if passive else {"dobj"})
        return [Arg(found, "passive-subject" if passive else "object")] if found is not None else []
    if slot == "iobj":
        found = _child(token, {"dative", "iobj"})
        if found is not None and found.dep_ == "dative" and found.pos_ == "ADP":
            found = _pobj(found)
        return [Arg(found, "indirect-object")] if found is not None else []
    if slot == "poss":
        found = _child(token, {"poss"})
        return [Arg(found, "possessor")] if found is not None else []
    if slot == "of":
        slot = "prep:of"
    if slot.startswith("prep:"):
        words = set(slot[5:].split(","))
        out = []
        for c in token.children:
            if c.dep_ in {"prep", "dative"} and c.lower_ in words:
                obj = _pobj(c)
                if (
                    obj is not None
                    and obj.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}
                    and obj.ent_type_ not in {"DATE", "TIME"}
                    and not (c.lower_ == "with" and obj.lemma_.lower() in INSTRUMENT_NOUNS)
                ):
                    out.append(Arg(obj, f"prep:{c.lower_}"))
        return out
    if slot == "ccomp-subject":
        clause = _child(token, {"ccomp"})
        subject = _child(clause, SUBJECTS | PASSIVE_SUBJECTS) if clause is not None else None
        return [Arg(subject, "clause-subject")] if subject is not None else []
    return []


def recipients(token: Token, rule: PredicateRule, passive: bool = False) -> list[Arg]:
    """Recipient tokens at the places the rule names, tried in order."""
    slots = list(rule.recipient) or (["dobj"] if rule.pos == "verb" else [])
    if "none" in slots:
        return []
    for raw in slots:
        for slot in raw.split("|"):
            found = _slot(token, slot.strip(), passive)
            if found:
                return found
    return []


def noun_position(noun: Token, fr: Frames) -> Token:
    """The phrase that stands in the clause for an event noun: "submitted a list of
    proposals" puts "list" where the proposals are."""
    while noun.dep_ == "conj" and noun.head.pos_ in {"NOUN", "PROPN"} and noun.head.i != noun.i:
        noun = noun.head  # "expressed its rejection and condemnation of": the first conjunct
    for _ in range(3):
        prep = noun.head
        if (
            noun.dep_ == "pobj"
            and prep.lower_ == "of"
            and prep.head.lemma_.lower() in fr.transparent_nouns
        ):
            noun = prep.head
        else:
            break
    return noun


def noun_actor(noun: Token, rule: PredicateRule, fr: Frames) -> Arg | None:
    """The doer of an event noun: possessor, "by" phrase, a modifying actor, or the
    subject of the light verb that carries the noun."""
    poss = _child(noun, {"poss"})
    if poss is not None and "poss" not in rule.recipient:
        return Arg(poss, "possessor")
    agent = by_agent(noun)
    if agent is not None:
        return Arg(agent, "by-agent")
    noun = noun_position(noun, fr)
    head = noun.head
    if (
        noun.dep_ in {"dobj", "attr", "oprd"}
        and head.pos_ in {"VERB", "AUX"}
        and head.lemma_.lower() in fr.light_verbs
    ):
        found = verb_actor(head, fr)
        if found is not None:
            return Arg(found.token, f"light-verb:{head.lemma_}")
    if (
        noun.dep_ in PASSIVE_SUBJECTS
        and head.pos_ == "VERB"
        and head.lemma_.lower() in fr.light_verbs
    ):
        agent = by_agent(head)
        if agent is not None:
            return Arg(agent, f"light-verb:{head.lemma_}")
    if (
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.head.pos_ == "VERB"
        and head.lower_ in {"in", "into", "to", "for", "on"}
    ):
        verb = head.head
        if verb.lemma_ in fr.light_verbs | PARTICIPATION_VERBS:
            found = verb_actor(verb, fr)
            if found is not None:
                return Arg(found.token, f"light-verb:{verb.lemma_}")
            if is_passive(verb):
                # "the military was placed on alert": the one placed acts
                placed = _child(verb, PASSIVE_SUBJECTS)
                if placed is not None:
                    return Arg(placed, f"passive-subject:{verb.lemma_}")
    return None


def noun_actor_of_document(noun: Token, fr: Frames) -> Arg | None:
    """Who issued a statement or report: its possessor, its "by" phrase, or the subject of
    the verb that put it out."""
    poss = _child(noun, {"poss"})
    if poss is not None:
        return Arg(poss, "possessor")
    agent = by_agent(noun)
    if agent is not None:
        return Arg(agent, "by-agent")
    if noun.dep_ in {"dobj", "attr"} and noun.head.pos_ in {"VERB", "AUX"}:
        return verb_actor(noun.head, fr)
    if noun.dep_ in {"nsubj"}:
        return None
    return None


def noun_modifier_actors(noun: Token) -> list[Token]:
    """Proper-noun and adjective modifiers that may name the doer ("the Taliban attack",
    "Russian shelling", "US sanctions")."""
    return [
        c
        for c in noun.children
        if c.dep_ in {"compound", "amod", "nmod"}
        and c.i < noun.i
        and (c.pos_ == "PROPN" or c.ent_type_ in {"NORP", "GPE", "ORG"})
    ]


def of_argument(noun: Token) -> Token | None:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = _pobj(c)
            if obj is not None and obj.pos_ in {"NOUN", "PROPN", "PRON"}:
                return obj
    return None
