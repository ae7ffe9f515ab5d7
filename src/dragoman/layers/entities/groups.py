"""Noun groups from the dependency parse: the stretch of text that names one actor.

An actor mention is built around a head noun ("Ministry", "forces", "Sullivan") with the
words that describe it: modifiers on its left ("the Russian Foreign", "US", "Chile's"),
a name in apposition ("Harry Tseng, Taiwan's deputy foreign minister"), and a few
prepositional complements ("Minister of Defense", "trade unions in Denmark",
"ambassador to Poland"). Each token of a group carries its *role* relative to the head:
``core`` (the head and the name it belongs to), ``mod`` (a left modifier), ``appos``,
or ``prep:<word>`` (inside a complement introduced by that preposition). The coder reads
countries and sectors off those roles: "US" as a modifier gives the actor's country,
"Russia" after "ambassador to" does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

#: Dependencies inside a noun phrase, left of the head.
MODIFIER_DEPS = frozenset(
    {
        "compound",
        "amod",
        "nmod",
        "poss",
        "case",
        "flat",
        "nummod",
        "quantmod",
        "predet",
        "det",
        "npadvmod",
    }
)
#: Prepositions whose object still describes the head ("Minister of Defense", "police in
#: Cairo", "ambassador to Poland"); the role keeps the word so the coder can tell them apart.
COMPLEMENT_PREPS = frozenset({"of", "in", "to", "from", "for", "at", "on"})
#: Words that only count or collect ("several of the unions", "a team of police"): the
#: actor is the object of their "of".
COLLECTIVE_HEADS = frozenset(
    {
        "several",
        "some",
        "many",
        "most",
        "all",
        "none",
        "few",
        "one",
        "two",
        "three",
        "four",
        "five",
        "dozens",
        "dozen",
        "hundreds",
        "hundred",
        "thousands",
        "thousand",
        "millions",
        "scores",
        "group",
        "team",
        "number",
        "unit",
        "contingent",
        "squad",
        "band",
        "handful",
        "majority",
        "minority",
        "rest",
        "member",
        "members",
        "each",
        "any",
        "both",
        "half",
        "couple",
        "crowd",
        "batch",
        "wave",
        "column",
        "convoy",
        "detachment",
    }
)
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those"})
NOMINAL = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True, slots=True)
class Group:
    """A candidate mention: its head, its tokens with roles, and its character span."""

    head: Token
    roles: dict[int, str]
    start: int  # first token index (inclusive)
    end: int  # last token index (exclusive)

    @property
    def tokens(self) -> list[Token]:
        doc = self.head.doc
        return [doc[i] for i in sorted(self.roles)]

    def role(self, token: Token) -> str | None:
        return self.roles.get(token.i)


def effective_head(token: Token) -> Token:
    """Follow "several of", "a team of" to the noun that names the actor."""
    seen = 0
    while token.lower_ in COLLECTIVE_HEADS or (token.pos_ == "NUM" and token.dep_ != "nummod"):
        obj = _of_object(token)
        if obj is None or seen > 3:
            break
        token, seen = obj, seen + 1
    return token


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _is_core(child: Token, head: Token) -> bool:
    """Name parts of a proper-noun head ("Joe" in "Joe Biden", "Foreign" in "Foreign
    Ministry") belong to the head itself."""
    return child.dep_ in {"compound", "flat"} and child.pos_ == "PROPN" and head.pos_ == "PROPN"


def build_group(top: Token, head: Token | None = None, *, with_complements: bool = True) -> Group:
    """The noun group headed by ``top``; ``head`` is the actor noun when ``top`` only
    counts it ("several" in "several of the largest trade unions in Denmark")."""
    head = head or effective_head(top)
    roles: dict[int, str] = {}

    def add(token: Token, role: str, depth: int) -> None:
        if token.i in roles or depth > 6:
            return
        roles[token.i] = role
        for child in token.children:
            dep = child.dep_
            if dep in MODIFIER_DEPS:
                if dep == "det" and child.i > token.i:
                    continue
                sub = role if role != "core" or _is_core(child, token) else "mod"
                add(child, sub, depth + 1)
            elif dep == "punct" and child.text in {"-", "–", "‐"}:
                roles[child.i] = role
            elif dep == "appos" and child.pos_ in NOMINAL and role in {"core", "mod"}:
                add(child, "appos", depth + 1)
            elif (
                dep == "prep"
                and with_complements
                and child.lower_ in COMPLEMENT_PREPS
                and depth < 3
                and (
                    (
                        role in {"core", "appos"}
                        and (
                            child.lower_ == "of"
                            or (token.ent_type_ == "" and token.pos_ in NOMINAL)
                        )
                    )
                    # a title among the modifiers keeps its "of": "Deputy Minister of Defense X"
                    or (role == "mod" and child.lower_ == "of" and child.i < head.i)
                )
            ):
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if any(g.ent_type_ in {"DATE", "TIME"} for g in objects):
                    continue  # "parties on Wednesday": a date, not part of the name
                if objects:
                    roles[child.i] = f"prep:{child.lower_}"
                    for obj in objects:
                        add(obj, f"prep:{child.lower_}", depth + 2)

    add(head, "core", 0)
    if top.dep_ == "compound":
        # "NATO members options": the parser hangs both nouns on the same head; the
        # compound just before ours modifies ours.
        for sibling in reversed([c for c in top.head.children if c.i < top.i]):
            if sibling.dep_ != "compound" or (
                sibling.i + 1 not in roles and sibling.i + 1 != top.i
            ):
                break
            add(sibling, "mod", 1)
    # the path from a collective head down to the actor noun ("several of the")
    node = head
    while node.i != top.i and node.head.i != node.i:
        node = node.head
        roles.setdefault(node.i, "mod")
        if node.i == top.i:
            break
    for child in top.children:
        if child.i < top.i and child.dep_ in {"det", "amod", "predet", "nummod", "quantmod"}:
            roles.setdefault(child.i, "mod")
    start, end = _trim(head, _contiguous(head, roles))
    roles = {i: r for i, r in roles.items() if start <= i < end}
    return Group(head=head, roles=roles, start=start, end=end)


def _contiguous(head: Token, roles: dict[int, str]) -> list[int]:
    """Indices of the unbroken run of group tokens around the head: a coordinated noun
    ("forces and weapons") or a clause between group tokens ends the mention there. A
    comma joins the run when a group token follows it (apposition)."""
    doc = head.doc

    def inside(i: int, step: int) -> bool:
        if i in roles:
            return True
        return doc[i].text == "," and (i + step) in roles and doc[i + step].dep_ != "conj"

    lo = head.i
    while lo - 1 >= 0 and inside(lo - 1, -1):
        lo -= 1
    hi = head.i
    while hi + 1 < len(doc) and inside(hi + 1, 1):
        hi += 1
    return list(range(lo, hi + 1))


def _trim(head: Token, indices: list[int]) -> tuple[int, int]:
    """Token range of the group without leading articles and punctuation, trailing
    punctuation or possessive endings, and never crossing the sentence."""
    doc = head.doc
    sent = head.sent
    lo, hi = max(indices[0], sent.start), min(indices[-1] + 1, sent.end)
    while lo < head.i and (doc[lo].lower_ in _ARTICLES or doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi - 1 > head.i and (
        doc[hi - 1].is_punct or doc[hi - 1].is_space or doc[hi - 1].tag_ == "POS"
    ):
        hi -= 1
    if doc[hi - 1].tag_ == "POS" and hi - 1 > lo:
        hi -= 1
    return lo, hi


def role_chain(token: Token, group: Group) -> str | None:
    """The role of a token in a group (None when it is outside)."""
    return group.roles.get(token.i)
