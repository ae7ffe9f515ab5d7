"""What the spaCy parse says about a candidate time expression.

Two things need the parse rather than the surface string: the tense of the verb that
governs an expression ("said Thursday" is the Thursday before the document date, "will
meet Thursday" the one after), and whether a capitalised word is a date at all ("May" the
modal, "March" the verb, "Theresa May"). Token lookups go by character offset with a
bisect over token starts, so nothing loops over the whole document per candidate.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from dragoman.layers.times.lexicon import lexicon

LX = lexicon()
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
#: Modals that put what they govern ahead of the speaker ("could" and "would" do not:
#: they are as often past or reported).
PROSPECTIVE_AUX = frozenset({"can", "may", "might", "must", "should", "ought"})
PAST_AUX = frozenset({"did", "was", "were", "had"})
PERFECT_AUX = frozenset({"has", "have", "'ve", "having"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "be"})
#: Dependencies by which an expression modifies a noun rather than a verb.
NOUN_MODIFIER = frozenset({"poss", "compound", "nmod", "amod"})
#: Named-entity labels under which a weekday or month name is part of a name.
NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW"})


class ParseCues:
    """Offset-based access to one parsed document."""

    def __init__(self, parsed: Doc) -> None:
        self.doc = parsed
        # Token start offsets in one call into spaCy's arrays, not a loop over tokens.
        self._starts: list[int] = parsed.to_array("IDX").tolist() if len(parsed) else []

    def token_at(self, offset: int) -> Token | None:
        """The token that contains the character ``offset``."""
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        token = self.doc[i]
        return token if offset < token.idx + len(token.text) else None

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens that overlap ``[start, end)``."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        out = []
        while i < len(self.doc) and self.doc[i].idx < end:
            token = self.doc[i]
            if token.idx + len(token.text) > start and not token.is_space:
                out.append(token)
            i += 1
        return out

    def tense(self, start: int, end: int) -> tuple[str | None, bool]:
        """The tense of the verb governing the expression at ``[start, end)``
        (``past``, ``future``, ``present``, or None when no verb governs it or the verb
        does not say), and whether the path to that verb passes through a noun ("a
        cutback in September": the month belongs to the noun, not to the verb's time).
        An expression that modifies a noun directly ("a June agreement", "Wednesday's
        ruling") takes no tense at all."""
        tokens = self.tokens(start, end)
        if not tokens:
            return None, False
        inside = {t.i for t in tokens}
        root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
        if root.dep_ in NOUN_MODIFIER and root.head.pos_ in ("NOUN", "PROPN"):
            return None, True
        before = self.doc[tokens[0].i - 1] if tokens[0].i > 0 else None
        deadline = before is not None and before.lower_ in LX.future_prepositions
        node, via_noun = root.head, False
        for _ in range(8):
            if node.i not in inside and is_verbal(node):
                # "gave them until Tuesday" sets a deadline ahead even in the past
                # tense; "had waited until Tuesday" does not.
                if deadline and not _perfect_past(node):
                    return "future", False
                return verb_tense(node), via_noun
            via_noun = via_noun or node.pos_ in ("NOUN", "PROPN")
            if node.head.i == node.i:
                break
            node = node.head
        return ("future" if deadline else None), via_noun

    def is_verb(self, start: int) -> bool:
        """Whether the word at ``start`` is tagged a verb or modal (May, March)."""
        token = self.token_at(start)
        return token is not None and (token.tag_ == "MD" or token.tag_.startswith("VB"))

    def in_name(self, start: int) -> bool:
        """Whether the word at ``start`` is inside a named entity that is not a date."""
        token = self.token_at(start)
        return token is not None and token.ent_type_ in NAME_LABELS

    def is_rate(self, start: int, not_rate: frozenset[str]) -> bool:
        """Whether the expression at ``start`` ("a year", "annually", "per second")
        divides a quantity just before it ("$500 million a year", "8.5% annually",
        "four flights a week"). Such rates are measures, not times (TIDES and TimeML
        leave them unmarked); words in ``not_rate`` ("for a year") rule it out."""
        token = self.token_at(start)
        if token is None or token.i == 0:
            return False
        prev = self.doc[token.i - 1]
        if prev.lower_ in not_rate:
            return False
        if prev.like_num or prev.text in ("%", "$") or prev.lower_ in ("percent", "cents"):
            return True
        if prev.tag_ not in ("NNS", "NNPS", "NN"):
            return False
        window = self.doc[max(0, prev.i - 3) : prev.i]
        return any(t.like_num for t in window)

    def tag(self, offset: int) -> str:
        """The fine-grained tag of the word at ``offset`` ("" between words)."""
        token = self.token_at(offset)
        return token.tag_ if token is not None else ""

    def dep(self, offset: int) -> tuple[str, str]:
        """The dependency label of the word at ``offset`` and its head's tag."""
        token = self.token_at(offset)
        if token is None:
            return "", ""
        return token.dep_, token.head.tag_

    def sentence_start(self, offset: int) -> bool:
        """Whether the word at ``offset`` starts its sentence."""
        token = self.token_at(offset)
        return token is not None and token.is_sent_start is True


def is_verbal(token: Token) -> bool:
    """Whether a token is a verb, auxiliary or modal."""
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or token.tag_ == "MD"


def _aux_words(token: Token) -> set[str]:
    """The auxiliaries of a verb, lower-cased ("will", "had", "to")."""
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def _governor(token: Token) -> Token | None:
    """The nearest verb or predicative adjective above ``token`` ("due" in "had been due
    to expire")."""
    node = token.head
    for _ in range(4):
        if node.i == token.i:
            return None
        if is_verbal(node) or node.lemma_ in LX.future_verbs:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _looks_ahead(token: Token) -> bool:
    """Whether ``token`` is a verb like "plan" or "schedule" whose complement is still to
    come; "set" only as a participle with "for" ("set for April", not "a record set on
    Aug. 6")."""
    lemma = token.lemma_.lower()
    if lemma not in LX.future_verbs:
        return False
    if lemma == "set":
        return token.tag_ == "VBN" and any(c.lower_ == "for" for c in token.children)
    return True


def _perfect_past(token: Token) -> bool:
    """A past perfect ("had been scheduled") on the token or the auxiliary it hangs on."""
    if "had" in _aux_words(token) or "'d" in _aux_words(token):
        return True
    head = token.head
    return head.i != token.i and head.lemma_ == "be" and "had" in _aux_words(head)


def verb_tense(verb: Token, depth: int = 0) -> str | None:
    """The tense a verb puts its dependents in, from its tag and auxiliaries; None when
    it does not say (``would``, ``could``, a bare participle)."""
    words = _aux_words(verb)
    if words & FUTURE_AUX:
        return "future"
    if _looks_ahead(verb):
        return "past" if _perfect_past(verb) else "future"
    if verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children):
        return "past" if words & PAST_AUX else "future"
    if "to" in words:
        governor = _governor(verb)
        if governor is None:
            return "future"
        if governor.lemma_ == "be" or governor.lower_ == "going" or _looks_ahead(governor):
            return "past" if _perfect_past(governor) else "future"
        above = verb_tense(governor, depth + 1) if depth < 2 else None
        return "future" if above in ("present", "future") else None
    if words & PROSPECTIVE_AUX:
        return "future"
    if words & {"would", "could", "'d"}:
        return None
    if words & PAST_AUX or words & PERFECT_AUX or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        # "is heard in May" is present; a bare participle ("the injunction issued
        # Thursday") reports something done.
        return "present" if words & PRESENT_BE else "past"
    if verb.tag_ == "VBG":
        if words & PRESENT_BE:
            return "future"
        head = verb.head
        if not words and head.i != verb.i and is_verbal(head) and depth < 2:
            return verb_tense(head, depth + 1)
    return "present"
