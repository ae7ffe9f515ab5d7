"""Within-document reference: pronouns and descriptions that stand for an earlier actor.

"It also clarified…" after "a statement by the Russian Foreign Ministry", "the ministry"
after "the Foreign Ministry", "his part" before "US President Joe Biden said": news
refers back constantly, and events need the actor behind the pronoun. The resolver is
deliberately simple and local (a salience ranking over the last few sentences with
agreement in person and number), which is what wire copy needs:

- he/she/his/her: the nearest person, preferring subjects; a possessive inside a fronted
  phrase ("On his part, Biden said") points forward to the clause's subject.
- it/its/they/their: the nearest non-person actor; as the subject of a reporting verb
  ("It also clarified"), the last actor that reported something.
- "the ministry", "the president" (no country of their own): the last actor with the same
  head noun.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from dragoman.document import Span as TextSpan

#: Reporting verbs: their subject is a speaker, and "it" as their subject is one too.
SPEECH_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "state",
        "add",
        "clarify",
        "insist",
        "stress",
        "note",
        "announce",
        "declare",
        "claim",
        "warn",
        "deny",
        "confirm",
        "explain",
        "emphasize",
        "emphasise",
        "report",
        "write",
        "argue",
        "reiterate",
        "assert",
        "comment",
        "respond",
        "reply",
        "accuse",
        "demand",
        "urge",
        "call",
        "underline",
        "point",
        "suggest",
        "indicate",
        "affirm",
        "maintain",
        "allege",
        "acknowledge",
        "admit",
        "predict",
        "promise",
        "vow",
        "threaten",
        "reject",
        "refute",
    }
)
_PERSON = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_THING = frozenset({"it", "its", "itself"})
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_LOOKBACK = 3  # sentences
_DESCRIPTION_LOOKBACK = 6


def _is_expletive(token: Token) -> bool:
    """ "It is noteworthy that…", "it was reported that…": no referent."""
    if token.lower_ != "it" or token.dep_ not in {"nsubj", "nsubjpass", "expl"}:
        return token.dep_ == "expl"
    verb = token.head
    if (
        verb.lemma_ in {"be", "seem", "appear", "remain", "become", "take", "make"}
        or token.dep_ == "nsubjpass"
    ):
        return any(
            c.dep_ in {"ccomp", "xcomp", "csubj", "acomp", "attr"} and c.i > token.i
            for c in verb.children
        )
    return False


def _is_speaker(mention, doc: Doc) -> bool:
    head = doc[mention.head]
    if head.dep_ in {"nsubj", "nsubjpass"} and head.head.lemma_ in SPEECH_LEMMAS:
        return True
    if head.dep_ == "pobj":
        prep = head.head
        if prep.lower_ == "to" and prep.head.lower_ == "according":
            return True
        if prep.lower_ in {"by", "from", "of"} and prep.head.lemma_ in {
            "statement",
            "report",
            "announcement",
            "communique",
            "declaration",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "comment",
            "remark",
            "letter",
            "note",
        }:
            return True
    return False


def _in_fronted_phrase(token: Token) -> Token | None:
    """For "On his part, US President Joe Biden said": the subject the phrase precedes."""
    node = token
    while node.dep_ not in {"ROOT"} and node.head.i != node.i:
        if node.dep_ == "prep" and node.i < node.head.i:
            verb = node.head
            subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and subject.i > token.i:
                return subject
            return None
        node = node.head
    return None


def _agrees(pronoun: str, mention, doc: Doc) -> bool:
    """Person for he/she; a thing for it; something plural for they."""
    kind = mention.entity.kind
    if pronoun in _PERSON:
        return kind == "person"
    if kind == "person":
        return False
    plural = doc[mention.head].tag_ in {"NNS", "NNPS"} or doc[mention.head].dep_ == "conj"
    return plural if pronoun in _PLURAL else not plural


def resolve_references(doc: Doc, mentions: list) -> list:
    """``mentions`` plus resolved pronouns; descriptions without a country take their
    antecedent's code. Returns the list in text order."""
    from dragoman.layers.entities import Mention  # circular at import time only

    by_token = {}
    for m in mentions:
        for i in range(m.start_token, m.end_token):
            by_token[i] = m
    speakers = {id(m) for m in mentions if _is_speaker(m, doc)}
    sent_starts = [s.start for s in doc.sents if not all(t.is_space for t in s)]

    def sentence_of(i: int) -> int:
        lo, hi = 0, len(sent_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if sent_starts[mid] <= i:
                lo = mid
            else:
                hi = mid - 1
        return lo

    out = list(mentions)
    resolved: list = []
    # definite descriptions: "the ministry" takes the code of the last ministry named
    for k, m in enumerate(out):
        e = m.entity
        head = doc[m.head]
        if e.country is not None or e.kind not in {"group"} or not e.sector:
            continue
        if not any(t.lower_ == "the" for t in head.lefts):
            continue
        for prev in reversed(out[:k]):
            if m.sentence - prev.sentence > _DESCRIPTION_LOOKBACK:
                break
            if prev.entity.country and doc[prev.head].lemma_.lower() == head.lemma_.lower():
                p = prev.entity
                out[k] = replace(
                    m,
                    entity=replace(
                        e,
                        code=p.code,
                        country=p.country,
                        sector=p.sector,
                        name=p.name,
                        entry=p.entry,
                        rule=f"reference:description({e.rule})",
                        antecedent=TextSpan(p.text, p.start, p.end),
                    ),
                )
                break

    for token in doc:
        low = token.lower_
        if token.pos_ != "PRON" or low not in _PERSON | _THING | _PLURAL:
            continue
        owner = by_token.get(token.i)
        if owner is not None:
            _lend_country(token, owner, out, doc, sentence_of(token.i), speakers)
            continue
        if _is_expletive(token):
            continue
        here = sentence_of(token.i)
        antecedent = None
        if low in {"his", "her"}:
            subject = _in_fronted_phrase(token)
            if (
                subject is not None
                and subject.i in by_token
                and _agrees(low, by_token[subject.i], doc)
            ):
                antecedent = by_token[subject.i]
        if antecedent is None:
            antecedent = _best_antecedent(token, here, out, doc, speakers)
        if antecedent is None:
            continue
        a = antecedent.entity
        entity = replace(
            a,
            text=token.text,
            start=token.idx,
            end=token.idx + len(token.text),
            rule="reference:pronoun",
            antecedent=TextSpan(a.text, a.start, a.end),
        )
        resolved.append(Mention(entity, token.i, token.i, token.i + 1, here))
    out.extend(resolved)
    out.sort(key=lambda m: (m.start_token, m.end_token))
    return out


def _lend_country(token: Token, owner, out: list, doc: Doc, here: int, speakers: set[int]) -> None:
    """ "its forces" with no country of its own: the country of what "its" stands for."""
    if token.dep_ != "poss" or owner.entity.country is not None or owner.entity.kind != "group":
        return
    antecedent = _best_antecedent(token, here, out, doc, speakers)
    if antecedent is None or antecedent.entity.country is None:
        return
    from dragoman.lexicon.codes import join_code

    e = owner.entity
    country = antecedent.entity.country
    k = out.index(owner)
    out[k] = replace(
        owner,
        entity=replace(
            e,
            code=join_code(country, e.sector),
            country=country,
            rule=f"{e.rule}+possessor",
            antecedent=TextSpan(
                antecedent.entity.text, antecedent.entity.start, antecedent.entity.end
            ),
        ),
    )


def _best_antecedent(token: Token, here: int, mentions: list, doc: Doc, speakers: set[int]):
    low = token.lower_
    reporting = token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ in SPEECH_LEMMAS
    best, best_score = None, None
    for m in mentions:
        if m.start_token >= token.i or here - m.sentence > _LOOKBACK:
            continue
        if m.entity.code is None or not _agrees(low, m, doc):
            continue
        distance = here - m.sentence
        head = doc[m.head]
        score = distance * 10.0
        if head.dep_ in {"nsubj", "nsubjpass"}:
            score -= 4
        if reporting and id(m) in speakers:
            score -= 12
        if distance == 0:
            score -= 2 + 0.01 * m.start_token  # nearer in the same sentence is better
        else:
            score += 0.001 * (token.i - m.start_token)
        if best_score is None or score < best_score:
            best, best_score = m, score
    return best
