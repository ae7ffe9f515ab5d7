"""The events layer: who did what to whom, in PLOVER 1.3 and CAMEO 1.1b3.

For every sentence: find predicates that report political interaction (verbs and event
nouns in the event lexicon, ``data/events/predicates.tsv``), take actor and recipient from
the parse (``arguments``), read the modality (``modality``) and the reporting frame
(``speech``), apply the PLOVER rules that depend on them (future cooperation is AGREE, a
future RETREAT is CONCEDE, a refused cooperation is REJECT), and keep the evidence: the
rule id, the path through the parse, a score. When no rule fits, there is no event: there
is no default code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from dragoman.document import Entity, Event, EventDate, Place, Span, TimeExpr
from dragoman.layers.entities import Mention
from dragoman.layers.entities.groups import build_group
from dragoman.layers.events.anchors import anchors, date_for, is_historical, place_for
from dragoman.layers.events.arguments import (
    Arg,
    _slot,
    author_of,
    by_agent,
    is_passive,
    noun_actor,
    noun_modifier_actors,
    noun_position,
    of_argument,
    recipients,
    verb_actor,
    with_conjuncts,
)
from dragoman.layers.events.frames import Frames, frames
from dragoman.layers.events.modality import FUTURE_AUX, Modality, modality_of
from dragoman.layers.events.parties import (
    aided_place,
    arrested_in,
    counterpart,
    mobilized_against,
    party_inside,
    prompted_by,
    protected_party,
    protest_target,
)
from dragoman.layers.events.speech import Report, find_reports, report_for
from dragoman.lexicon import Lexicon
from dragoman.lexicon.predicates import PredicateLexicon, PredicateRule
from dragoman.ontology import (
    COOPERATIVE,
    cameo_quad,
    goldstein,
    plover_types,
)

#: acts whose future or intended form is an AGREE (PLOVER 1.3 §3.1)
COOPERATIVE_ACTS = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
VERBAL_CONFLICT_NEEDING_OTHER = frozenset({"THREATEN", "REQUEST", "REJECT", "ACCUSE"})
#: what one party puts to another; whoever rejects or accepts it answers its author
PROPOSAL_NOUNS = frozenset(
    {
        "request", "demand", "call", "appeal", "proposal", "offer", "invitation", "plea",
        "ultimatum", "suggestion", "bid", "plan", "initiative", "overture", "petition",
    }
)  # fmt: skip
#: verbs that pass an event noun to someone: "handed X an ultimatum", "gave X a warning"
GIVING_VERBS = frozenset(
    {"hand", "give", "deliver", "issue", "send", "present", "serve", "grant", "extend", "offer"}
)
AGREEMENT_NOUNS = frozenset(
    {
        "agreement",
        "deal",
        "accord",
        "treaty",
        "pact",
        "memorandum",
        "contract",
        "protocol",
        "annex",
        "convention",
        "arrangement",
    }
)
VERBAL_TYPES = frozenset(
    {"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONSULT"}
)
#: Types whose object is often another event: "insists on the withdrawal of US forces",
#: "rejected the release of …": the recipient is the doer of that event.
LOOK_THROUGH = frozenset({"REQUEST", "REJECT", "SUPPORT", "ACCUSE", "AGREE", "THREATEN", "CONCEDE"})
_MUST = frozenset({"must", "should", "need", "have"})


@dataclass(slots=True)
class Candidate:
    """A predicate with its rule and arguments before it becomes an Event."""

    trigger: Token
    rule: PredicateRule
    actor: list[Entity]
    recipient: list[Entity]
    modality: Modality
    report: Report | None
    steps: list[str] = field(default_factory=list)
    score: float = 0.9
    plover_type: str = ""
    cameo: str = ""
    mode: str | None = None
    framed_by: Candidate | None = None
    #: forces sent to protect or relieve someone else (PLOVER 3.14.1): AID, not MOBILIZE
    relief: bool = False
    #: the coded entity of the report's speaker, when there is a report
    speaker: Entity | None = None
    date: EventDate | None = None
    location: Place | None = None


class EventCoder:
    """Codes events in parsed documents with the event lexicon."""

    def __init__(self, predicates: PredicateLexicon, lexicon: Lexicon) -> None:
        self.predicates = predicates
        self.lexicon = lexicon
        self.frames: Frames = frames()

    # ---- predicates ---------------------------------------------------------------------
    def rule_for(
        self, token: Token, report: Report | None, mod: Modality | None = None
    ) -> PredicateRule | None:
        """The most specific lexicon rule whose requirements the token meets."""
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ != "aux"):
            pos = "verb"
        elif token.pos_ in {"NOUN", "PROPN"}:
            pos = "noun"
        else:
            return None
        lemma = token.lemma_.lower()
        rules = self.predicates.lookup(lemma, pos)
        if not rules and pos == "noun" and token.lower_ != lemma:
            rules = self.predicates.lookup(token.lower_, pos)
        for rule in rules:
            if self._satisfied(rule, token, report, mod):
                return rule
        return None

    def _satisfied(
        self, rule: PredicateRule, token: Token, report: Report | None, mod: Modality | None
    ) -> bool:
        passive = is_passive(token) if rule.pos == "verb" else False
        for req in rule.requires:
            kind, values = req.kind, req.values
            if kind == "prt":
                # "stepped down" often parses "down" as an adverb, "pulled out" as a preposition
                ok = any(
                    c.dep_ in {"prt", "advmod", "prep"}
                    and c.lower_ in values
                    and not (c.dep_ == "prep" and _temporal(c))  # "signed a pact on Feb. 29"
                    for c in token.children
                )
            elif kind == "prep":
                ok = any(
                    c.dep_ in {"prep", "agent", "dative", "prt"}
                    and c.lower_ in values
                    and not _temporal(c)
                    for c in _with_object_preps(token)
                )
            elif kind == "form":
                ok = token.lower_ in values
            elif kind == "pobj":
                # "suspension of the social network X": the noun may be a compound
                ok = any(
                    c.dep_ in {"prep", "dative"}
                    and any(
                        g.dep_ == "pobj"
                        and (
                            g.lemma_.lower() in values
                            or any(
                                m.dep_ == "compound" and m.lemma_.lower() in values
                                for m in g.children
                            )
                        )
                        for g in c.children
                    )
                    for c in token.children
                )
            elif kind == "obj":
                ok = any(
                    _word_fits(c, values)
                    # "prevented opposition lawmakers from …": an agent noun is an actor
                    or ("@actor" in values and c.lemma_.lower() in self.lexicon.agents)
                    for c in _objects(token, passive)
                )
            elif kind == "notobj":
                deps = {"nsubjpass"} if passive else {"dobj", "attr"}
                objects = [c for c in token.children if c.dep_ in deps]
                ok = bool(objects) and not any(_word_fits(c, values) for c in objects)
            elif kind == "xcomp":
                ok = any(
                    c.dep_ in {"xcomp", "ccomp", "acl"}
                    and (c.lemma_.lower() in values or "*" in values)
                    for c in token.children
                )
            elif kind == "compound":
                ok = any(
                    c.dep_ in {"compound", "amod", "nmod"} and c.lemma_.lower() in values
                    for c in token.children
                )
            elif kind == "head":
                ok = token.head.lemma_.lower() in values
            elif kind == "subj":
                subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
                if not subjects and token.dep_ == "xcomp":
                    # "supporters are expected to rally": the controller is the subject
                    subjects = [c for c in token.head.children if c.dep_ in _SUBJECT_DEPS]
                ok = any(c.lemma_.lower() in values for c in subjects)
            elif kind == "modality":
                current = mod or modality_of(token, self.frames)
                ok = current.value in values
            elif kind == "reported":
                ok = report is not None
            else:
                ok = False
            if not ok:
                return False
        return True

    def _governed_by_event(self, noun: Token, reports: list[Report]) -> Token | None:
        """The event verb that takes this noun as its object ("condemned the attack"), if
        that verb is itself coded; a light verb counts only when its rule names the
        object ("lifted sanctions")."""
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ in {"prep", "agent"}:
            head = head.head
        elif noun.dep_ not in {"dobj", "nsubjpass", "attr", "xcomp"}:
            return None
        if head.pos_ not in {"VERB", "AUX"} or head.i == noun.i:
            return None
        rule = self.rule_for(head, report_for(head, reports))
        if rule is None:
            return None
        if (
            noun.dep_ != "pobj"  # "called for sanctions": the call governs, a request
            and head.lemma_.lower() in self.frames.light_verbs
            and not any(r.kind == "obj" for r in rule.requires)
        ):
            return None  # "imposed a curfew": the noun carries the event
        return head  # "condemned the attack", "lifted sanctions": the verb's event

    # ---- entities for argument tokens ---------------------------------------------------
    def _entities(
        self, arg: Arg | None, index: dict[int, Mention], parsed: Doc, date: str | None
    ) -> list[Entity]:
        if arg is None:
            return []
        out = []
        for token in with_conjuncts(arg.token):
            entity = self._entity_at(token, index, parsed)
            if entity is not None and all(e.start != entity.start for e in out):
                out.append(entity)
        return out

    def _entity_at(self, token: Token, index: dict[int, Mention], parsed: Doc) -> Entity | None:
        mention = index.get(token.i)
        if mention is not None:
            antecedent = mention.entity.antecedent
            sent = token.sent
            if antecedent is not None and sent.start_char <= antecedent.start < sent.end_char:
                # "the military says it has opened an inquiry": the military, not "it"
                for other in index.values():
                    if other.entity.start == antecedent.start and other.entity.antecedent is None:
                        return other.entity
            return mention.entity
        if token.pos_ == "PRON":
            return None  # an unresolved pronoun names nobody
        if token.pos_ not in {"NOUN", "PROPN", "NUM"}:
            return None
        group = build_group(token)
        inside = self._mention_inside(group, index)
        if inside is not None:
            return inside
        span = parsed[group.start : group.end]
        if not span.text.strip():
            return None
        return Entity.uncoded(
            span.text, span.start_char, span.end_char, "other", "uncoded-noun-phrase"
        )

    @staticmethod
    def _mention_inside(group, index: dict[int, Mention]) -> Entity | None:
        """An actor named inside a non-actor phrase: "Russia's proposals" → Russia."""
        for i in sorted(group.roles):
            role = group.roles[i]
            mention = index.get(i)
            if mention is not None and (role in {"mod", "appos", "prep:of"}):
                return mention.entity
        return None

    # ---- the layer ----------------------------------------------------------------------
    def find_events(
        self,
        doc_id: str,
        parsed: Doc,
        mentions: Sequence[Mention],
        date: str | None,
        sentence_offsets: Sequence[tuple[int, int]],
        times: Sequence[TimeExpr] = (),
        places: Sequence[Place] = (),
    ) -> list[Event]:
        index: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start_token, m.end_token):
                if i not in index or m.head == i:
                    index[i] = m
        reports = find_reports(parsed, self.frames)
        candidates = self.candidates(parsed, index, reports, date)
        when = anchors(parsed, times)
        where = anchors(parsed, places)
        dated: dict[str, EventDate] = {}
        events: list[Event] = []
        seen: set[tuple] = set()
        for candidate in candidates:
            self._anchor(candidate, when, where, date, dated)
            event = self._event(candidate, doc_id, parsed, date, sentence_offsets)
            key = (
                event.sentence,
                event.plover_type,
                tuple(e.code or e.text for e in event.actor),
                tuple(e.code or e.text for e in event.recipient),
                event.modality,
            )
            if key in seen:
                continue
            seen.add(key)
            events.append(event)
        return events

    def _anchor(
        self,
        cand: Candidate,
        when: dict,
        where: dict,
        doc_date: str | None,
        dated: dict[str, EventDate],
    ) -> None:
        """Date and place of the event; old events mentioned again are historical."""
        light = self.frames.light_verbs
        cand.date, how = date_for(cand.trigger, when, doc_date, light)
        lemma = cand.trigger.lemma_.lower()
        if (
            cand.date.text is None
            and cand.rule.pos == "noun"
            and lemma in dated
            and any(c.lower_ == "the" for c in cand.trigger.children)
        ):
            # "the raid" after "the raid in May 2010": the same event, mentioned again
            cand.date = dated[lemma]
            how = f"date: '{cand.trigger.text}' is the one dated earlier ('{cand.date.text}')"
            cand.modality = Modality("historical", "an earlier event mentioned again")
        elif cand.date.text is not None:
            dated.setdefault(lemma, cand.date)
            if cand.modality.value == "asserted" and is_historical(cand.date.value, doc_date):
                cand.modality = Modality(
                    "historical",
                    f"dated {cand.date.value}, well before the publication date {doc_date}",
                )
                how += "; historical"
        cand.steps.append(how)
        cand.location, note = place_for(cand.trigger, where, light)
        if note:
            cand.steps.append(note)

    def candidates(
        self, parsed: Doc, index: dict[int, Mention], reports: list[Report], date: str | None
    ) -> list[Candidate]:
        """Every predicate of the document that the lexicon codes, with its arguments,
        frames linked (see ``_link_frames``)."""
        found = []
        for token in parsed:
            if token.is_space or token.is_punct:
                continue
            candidate = self.candidate(token, parsed, index, reports, date)
            if candidate is not None:
                found.append(candidate)
        self._link_frames(found)
        return found

    @staticmethod
    def _link_frames(candidates: list[Candidate]) -> None:
        """A verbal frame ("threatened to shell Haifa", "agreed to release them", "called
        Erdogan to apologise") and the act it frames: the frame takes the act's recipient
        when it names none, and records that it frames it."""
        by_token = {c.trigger.i: c for c in candidates}
        for act in candidates:
            token = act.trigger
            if token.dep_ not in {"xcomp", "ccomp", "advcl", "acl"} or token.head.i not in by_token:
                continue
            if token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children):
                continue  # "until their demands are met": a condition, not the framed act
            frame = by_token[token.head.i]
            act.framed_by = frame
            if frame.plover_type == "AGREE" and (
                act.rule.type in THREAT_OF or act.plover_type == "THREATEN"
            ):
                # "vowed to retake the city", "pledged to retaliate": a threat
                if act.plover_type == "THREATEN":
                    cameo, mode = act.cameo, act.mode
                else:
                    cameo, mode = _threat_of(act.rule.type, act.rule.mode)
                frame.plover_type, frame.cameo, frame.mode = "THREATEN", cameo, mode
                frame.steps.append(
                    f"promising {act.rule.type} ('{act.trigger.text}') is THREATEN (§2.3)"
                )
            if not frame.recipient and act.recipient:
                frame.recipient = list(act.recipient)
                frame.steps.append(
                    f"recipient: that of the act it frames, '{act.trigger.text}': "
                    + ", ".join(e.text for e in act.recipient)
                )

    def _may_be_predicate(self, token: Token) -> bool:
        """Cheap test before any parse walking: is there a rule for this word at all?
        A word inside a date ("on March 4") is never an event."""
        if token.ent_type_ in {"DATE", "TIME"}:
            return False
        if token.pos_ in {"VERB", "AUX"}:
            return bool(self.predicates.lookup(token.lemma_.lower(), "verb"))
        if token.pos_ in {"NOUN", "PROPN"}:
            return bool(
                self.predicates.lookup(token.lemma_.lower(), "noun")
                or self.predicates.lookup(token.lower_, "noun")
            )
        return False

    def candidate(
        self,
        token: Token,
        parsed: Doc,
        index: dict[int, Mention],
        reports: list[Report],
        date: str | None,
    ) -> Candidate | None:
        report = report_for(token, reports)
        if not self._may_be_predicate(token):
            return self._reported_obligation(token, parsed, index, report, date)
        mod = modality_of(token, self.frames)
        rule = self.rule_for(token, report, mod)
        if rule is None:
            return self._reported_obligation(token, parsed, index, report, date)
        steps = [
            f"predicate '{token.text}' ({token.pos_.lower()}, lemma '{token.lemma_.lower()}') "
            f"matched rule {rule.id}: {rule.type} {rule.cameo}"
        ]
        if rule.pos == "noun":
            governor = self._governed_by_event(token, reports)
            if governor is not None:
                return None  # "condemned the attack": the verb's event, not the noun's
        actor_arg, recipient_args = self._arguments(token, rule, report)
        actor = self._entities(actor_arg, index, parsed, date)
        score = 0.9
        if actor_arg is not None:
            steps.append(f"actor: {actor_arg.how} '{actor_arg.token.text}'")
        reported_rule = any(r.kind == "reported" for r in rule.requires)
        if (
            report is not None
            and report.speaker is not None
            and (
                reported_rule
                or (
                    not actor
                    and rule.pos == "verb"
                    and rule.type in VERBAL_TYPES
                    and not is_passive(token)  # "demands were met": by someone unnamed
                )
            )
        ):
            speaker = self._entities(Arg(report.speaker, "speaker"), index, parsed, date)
            if reported_rule:
                # "Moscow said Washington distorted …": Moscow accuses Washington
                accused = [e for e in actor if e.code is not None]
                if not speaker or not accused or accused[0].start == speaker[0].start:
                    return None
                recipient_args = [actor_arg] if actor_arg is not None else []
            if speaker:
                actor = speaker
                steps.append(f"actor: the speaker '{report.speaker.text}' of the report")
        if not actor and rule.type == "MOBILIZE" and rule.pos == "verb" and is_passive(token):
            # "2,000 soldiers were deployed along the corridor": the forces moved
            moved = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            if moved is not None:
                actor = self._entities(Arg(moved, "forces-moved"), index, parsed, date)
                steps.append(f"actor: the forces moved, '{moved.text}'")
        if not actor and rule.type == "COERCE" and rule.pos == "verb" and is_passive(token):
            # "was arrested in Rwanda": the authorities of the state where it happened
            state = arrested_in(token, index)
            if state is not None:
                actor = [state]
                steps.append(f"actor: the state where it happened, '{state.text}'")
        if not actor:
            return None
        if rule.pos == "noun" and not self._noun_stands(token, actor_arg, recipient_args):
            return None
        recipient: list[Entity] = []
        for arg in recipient_args:
            found = self._recipient_entities(arg, rule, index, parsed, date, steps)
            recipient.extend(e for e in found if all(e.start != r.start for r in recipient))
        actor_starts = {e.start for e in actor}
        recipient = [
            e
            for e in recipient
            if e.start not in actor_starts
            and not (e.code and e.code in {a.code for a in actor} and e.text == actor[0].text)
        ]
        if not recipient and rule.pos == "verb":
            inner = self._complement_party(token, index, parsed, date)
            if inner:
                recipient = [e for e in inner if e.start not in actor_starts]
                if recipient:
                    steps.append(
                        "recipient: from the act it frames: " + ", ".join(e.text for e in recipient)
                    )
        relief = None
        if rule.type == "MOBILIZE":
            relief = protected_party(token, actor, index)
            if relief is not None and not recipient:
                recipient = [relief]
                steps.append(f"recipient: the party the forces are sent to help, '{relief.text}'")
        if rule.type == "MOBILIZE" and relief is None:
            targets = mobilized_against(token, actor, index)
            if targets:
                # "moved bombers to Diego Garcia in a signal to Iran": whom the force is
                # aimed at is the recipient, not where it goes
                recipient = targets
                steps.append(
                    "recipient: the party the force is aimed at, "
                    + ", ".join(f"'{e.text}'" for e in targets)
                )
        if not recipient and rule.type == "AID":
            place = aided_place(token, actor, index)
            if place is not None:
                recipient = [place]
                steps.append(f"recipient: where the aid goes, '{place.text}'")
        if not recipient and rule.type in {"MOBILIZE", "CONCEDE", "RETREAT"}:
            prompter = prompted_by(token, actor, index)
            if prompter is not None:
                recipient = [prompter]
                steps.append(f"recipient: whom the act answers, '{prompter.text}'")
        if (
            rule.type == "PROTEST" or (rule.type in {"ASSAULT", "COERCE"} and _protesters_in(actor))
        ) and all(e.code is None for e in recipient):
            opponent = protest_target(token, index)
            if opponent is not None:
                recipient = [opponent]
                steps.append(f"recipient: whom the protest is aimed at, '{opponent.text}'")
        if not recipient and rule.type in {"THREATEN", "REQUEST"} and rule.pos == "verb":
            other = counterpart(token, actor, index)
            if other is not None:
                recipient = [other]
                steps.append(
                    f"recipient: no syntactic recipient; the other party in the "
                    f"sentence '{other.text}'"
                )
                score -= 0.2
        if all(e.code is None for e in actor):
            score -= 0.15
        steps.append(f"modality {mod.value}: {mod.reason}")
        promised = self._promised_force(token, rule)
        if promised is not None:
            rule = promised
            steps.append("promising force is THREATEN (PLOVER 1.3 §2.3)")
        if rule.type == "ASSAULT" and self._verbal_attack(token, actor):
            rule = replace(rule, type="ACCUSE", mode="disapprove", cameo="111")
            steps.append(
                f"'{token.text}' by an unarmed actor with no weapons in the sentence is a "
                "verbal attack: ACCUSE disapprove 111"
            )
        speaker_entity = (
            self._entity_at(report.speaker, index, parsed)
            if report is not None and report.speaker is not None
            else None
        )
        cand = Candidate(
            token,
            rule,
            actor,
            recipient,
            mod,
            report,
            steps,
            score,
            relief=relief is not None,
            speaker=speaker_entity,
        )
        self._apply_plover_rules(cand)
        return cand

    def _promised_force(self, token: Token, rule: PredicateRule) -> PredicateRule | None:
        """ "Boko Haram promised further attacks on schools": a promise (AGREE) whose
        object is an act of force is a threat; the rule returned codes it so."""
        if rule.type != "AGREE" or rule.pos != "verb":
            return None
        for obj in token.children:
            if obj.dep_ != "dobj":
                continue
            for noun_rule in self.predicates.lookup(obj.lemma_.lower(), "noun"):
                if noun_rule.type in THREAT_OF:
                    cameo, mode = _threat_of(noun_rule.type, noun_rule.mode)
                    return replace(
                        rule,
                        type="THREATEN",
                        cameo=cameo,
                        mode=mode,
                        recipient=noun_rule.recipient or rule.recipient,
                    )
        return None

    def _verbal_attack(self, token: Token, actor: list[Entity]) -> bool:
        """ "The senator launched a scathing attack on the minister": words of violence
        used for words, when the attacker is not an armed actor and nothing armed is in
        the sentence."""
        if token.lemma_.lower() not in self.frames.verbal_attack_words:
            return False
        if any(e.sector in ARMED_SECTORS for e in actor):
            return False
        if not any(e.kind == "person" or e.sector in UNARMED_SECTORS for e in actor):
            return False
        return not any(
            t.lemma_.lower() in self.frames.armed_context or t.lower_ in self.frames.armed_context
            for t in token.sent
        )

    @staticmethod
    def _noun_stands(token: Token, actor_arg: Arg | None, recipient_args: list[Arg]) -> bool:
        """An event noun is an event of its own when a light verb carries it, it names a
        recipient, or it is the subject of its clause ("the attack killed 20"); "its
        security demands" in passing is not."""
        if actor_arg is not None and actor_arg.how.startswith("light-verb"):
            return True
        return bool(recipient_args) or token.dep_ in {"nsubj", "nsubjpass", "ROOT"}

    def _arguments(
        self, token: Token, rule: PredicateRule, report: Report | None
    ) -> tuple[Arg | None, list[Arg]]:
        fr = self.frames
        if rule.pos == "verb":
            passive = is_passive(token)
            actor = verb_actor(token, fr)
            found = recipients(token, rule, passive)
            if (
                not found
                and actor is not None
                and actor.how.startswith("causative:")
                and token.head.pos_ == "VERB"
            ):
                obj = next((c for c in token.head.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    found = [Arg(obj, f"object of '{token.head.text}'")]
            obj = next((c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            if not found:
                # "severed ties with Qatar", "ratified a trade pact with Japan": the
                # recipient hangs on the object
                preps = [x for x in rule.recipient if x.startswith("prep:")]
                if obj is not None and obj.lemma_.lower() in AGREEMENT_NOUNS:
                    preps.append("prep:with")  # "ratified a trade pact with Japan"
                if obj is not None and preps:
                    # on the object, or on a participle describing it ("lifted the
                    # restrictions imposed on Olmert")
                    holders = [obj] + [c for c in obj.children if c.dep_ == "acl"]
                    for holder in holders:
                        found = recipients(holder, replace(rule, recipient=tuple(preps)))
                        if found:
                            break
            if not found and obj is not None:
                # "forgave 150 million euros of Tunisia's debt", "froze Russia's assets":
                # whose thing is acted on
                owner = _possessor(obj)
                if owner is not None:
                    found = [Arg(owner, f"possessor of '{obj.text}'")]
            if not found and rule.type in {"REQUEST", "REJECT"}:
                found = _slot(token, "ccomp-subject", passive)
            if not found and rule.type in VERBAL_TYPES and not passive:
                # "promised Somalia that …": a named addressee in object position
                found = [
                    a
                    for a in _slot(token, "iobj", passive) + _slot(token, "dobj", passive)
                    if a.token.ent_type_ in {"GPE", "ORG", "NORP", "PERSON"}
                    or a.token.pos_ == "PROPN"
                ][:1]
            if "swap" in rule.recipient and actor is not None and found:
                # "X hosted Y": the visitor is the actor, the host the recipient (PLOVER
                # 3.2.2); "hosted a dinner for Netanyahu": the guest is named after "for"
                visitor = found[0].token
                if not _names_someone(visitor, self.lexicon):
                    guest = next(
                        (
                            g
                            for p in visitor.children
                            if p.dep_ == "prep" and p.lower_ == "for"
                            for g in p.children
                            if g.dep_ == "pobj"
                        ),
                        None,
                    )
                    if guest is None:
                        return actor, []
                    visitor = guest
                return Arg(visitor, "visitor"), [Arg(actor.token, "host")]
            if (
                actor is not None
                and token.lemma_.lower() in fr.receiving_verbs
                and rule.type in {"AID", "COOPERATE", "CONSULT", "SUPPORT"}
            ):
                giver = _slot(token, "prep:from", passive)
                if giver:
                    # "Malawi received a loan from the OPEC Fund": the fund gives
                    return Arg(giver[0].token, "giver"), [Arg(actor.token, "receiver")]
            return actor, found
        position = noun_position(token, fr)
        if position.dep_ == "dobj" and position.head.lemma_.lower() in fr.receiving_verbs:
            # "the US received Russia's response": Russia acts, the US receives
            receiver = verb_actor(position.head, fr)
            giver = next((c for c in token.children if c.dep_ == "poss"), None)
            if giver is None:
                giver = next(
                    (
                        g
                        for c in position.head.children
                        if c.dep_ == "prep" and c.lower_ == "from"
                        for g in c.children
                        if g.dep_ == "pobj"
                    ),
                    None,
                )
            if giver is not None and receiver is not None:
                return Arg(giver, "giver"), [
                    Arg(receiver.token, f"receiver:{position.head.lemma_}")
                ]
        actor = noun_actor(token, rule, fr)
        if actor is None:
            mods = noun_modifier_actors(token)
            if mods:
                actor = Arg(mods[0], "noun-modifier")
        found = recipients(token, rule)
        if not found and position.dep_ == "dobj" and position.head.lemma_ in GIVING_VERBS:
            # "handed the gang leaders an ultimatum": the one handed it receives it
            found = _slot(position.head, "iobj", False)
        if not found and token.dep_ in {"dobj", "nsubjpass"} and token.head.pos_ == "VERB":
            # "launched an investigation into X": the parser hangs "into X" on the verb
            preps = [s for s in rule.recipient if s.startswith("prep:") and s != "prep:of"]
            if preps:
                found = recipients(token.head, replace(rule, recipient=tuple(preps)))
        if actor is None and "of" not in rule.recipient and "prep:of" not in rule.recipient:
            of = of_argument(token)
            if of is not None:
                actor = Arg(of, "of-phrase")
        return actor, found

    def _participant(self, noun: Token) -> Token | None:
        """The other party of an event noun, by its own rule: "refused talks with the
        government" → the government."""
        if noun.lemma_.lower() in PROPOSAL_NOUNS:
            # "refused a request from the prime minister to dissolve parliament": the
            # one who asked, not what was asked
            author = author_of(noun)
            if author is not None:
                return author
        rules = self.predicates.lookup(noun.lemma_.lower(), "noun")
        for rule in rules:
            found = [a for a in recipients(noun, rule) if a.how != "prep:of"]
            if found:
                return found[0].token
        # "rejected an appeal filed by X", "spurned offers by the government": its author
        author = by_agent(noun)
        if author is not None:
            return author
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                author = by_agent(c)
                if author is not None:
                    return author
        return None

    def _recipient_entities(
        self,
        arg: Arg,
        rule: PredicateRule,
        index: dict[int, Mention],
        parsed: Doc,
        date: str | None,
        steps: list[str],
    ) -> list[Entity]:
        token = arg.token
        if (
            rule.type in LOOK_THROUGH
            and token.i not in index
            and self.predicates.lookup(token.lemma_.lower(), "noun")
        ):
            inner = (
                self._participant(token)
                or of_argument(token)
                or next((c for c in token.children if c.dep_ == "poss"), None)
            )
            if inner is not None:
                found = [
                    e
                    for e in self._entities(Arg(inner, "event-object"), index, parsed, date)
                    if e.code is not None or _actor_like(parsed, e)
                ]
                if found:
                    steps.append(f"recipient: the doer of '{token.text}': '{inner.text}'")
                    return found
        found = self._entities(arg, index, parsed, date)
        if found and all(e.code is None for e in found):
            inner = party_inside(token, index)
            if inner is None and arg.how == "object" and token.head.pos_ == "VERB":
                # "compromised email accounts at the foreign ministry"
                inner = party_inside(token.head, index, preps=frozenset({"at"}))
            if inner is not None:
                steps.append(f"recipient: the party named in '{token.text}': '{inner.text}'")
                return [inner]
            setting = {"prep:in", "prep:at", "prep:near", "prep:along"}
            if rule.type == "MOBILIZE":
                setting.add("prep:on")  # "amassed fighters on hilltops"
            if arg.how in setting and not any(_actor_like(parsed, e) for e in found):
                # "declared martial law in a late-night address": a setting, not a party
                steps.append(f"'{token.text}' after '{arg.how[5:]}' is a setting, not a party")
                return []
        if found:
            steps.append(f"recipient: {arg.how} '{token.text}'")
        return found

    def _complement_party(
        self, token: Token, index: dict[int, Mention], parsed: Doc, date: str | None
    ) -> list[Entity]:
        """ "refused to allow the plane", "pledged to work with China": the party of the
        framed act, when the frame names none and the act has no rule of its own."""
        for comp in token.children:
            if comp.dep_ != "xcomp" or comp.pos_ != "VERB" or self._may_be_predicate(comp):
                continue  # a coded act passes its recipient up itself (_link_frames)
            for c in comp.children:
                if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"}:
                    found = self._entities(Arg(c, "complement-object"), index, parsed, date)
                    if found and (found[0].code or _actor_like(parsed, found[0])):
                        return found
            for c in comp.children:
                if c.dep_ == "prep" and c.lower_ in {"with", "to", "against", "on"}:
                    for obj in c.children:
                        if obj.dep_ != "pobj":
                            continue
                        mention = index.get(obj.i)
                        if mention is not None and mention.entity.code:
                            return [mention.entity]
                        author = self._participant(obj) if mention is None else None
                        if author is not None and (m := index.get(author.i)) and m.entity.code:
                            return [m.entity]  # "refused to respond to a request from X"
        for c in token.children:
            # "mobilized the army for a ground assault against X": the purpose's target
            if c.dep_ == "prep" and c.lower_ in {"for", "toward", "towards"}:
                for obj in c.children:
                    if obj.dep_ == "pobj":
                        inner = party_inside(obj, index)
                        if inner is not None:
                            return [inner]
        return []

    def _reported_obligation(
        self,
        token: Token,
        parsed: Doc,
        index: dict[int, Mention],
        report: Report | None,
        date: str | None,
    ) -> Candidate | None:
        """A reported "X must withdraw" is the speaker's demand on X (REQUEST)."""
        if report is None or report.speaker is None or token.pos_ != "VERB":
            return None
        if token.i != report.content_root.i:
            return None
        auxes = {c.lower_ for c in token.children if c.dep_ == "aux"}
        if not auxes & {"must", "should"}:
            return None
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return None
        speaker = self._entities(Arg(report.speaker, "speaker"), index, parsed, date)
        target = self._entities(Arg(subject, "clause-subject"), index, parsed, date)
        if not speaker or not target or target[0].code is None:
            return None
        rule = self.predicates.rules.get("reported-obligation")
        if rule is None:
            return None
        steps = [
            f"'{token.text}' with '{'/'.join(sorted(auxes & {'must', 'should'}))}' reported by "
            f"'{report.speaker.text}': a demand on '{subject.text}' (rule {rule.id})"
        ]
        mod = Modality("asserted", "the demand itself is made")
        return Candidate(
            token, rule, speaker, target, mod, report, steps, 0.7, rule.type, rule.cameo, rule.mode
        )

    @staticmethod
    def _apply_plover_rules(cand: Candidate) -> None:
        """PLOVER 1.3's rules that turn on modality (§3.1, §3.7.2)."""
        rule, mod = cand.rule, cand.modality
        ptype, cameo, mode = rule.type, rule.cameo, rule.mode
        refusal = _refusal(cand.trigger, ptype) if mod.value == "negated" else None
        if refusal is not None:
            # "will not end the strike", "won't lift the embargo", "failed to reach a
            # deal": a refusal stated now is a REJECT (PLOVER 1.3 §3.10), not a non-event
            cand.steps.append(f"a refused {ptype} ({refusal}) is REJECT")
            cand.modality = Modality("asserted", f"the refusal is stated ({refusal})")
            cand.plover_type, cand.cameo, cand.mode = "REJECT", *REFUSED[ptype]
            return
        if ptype == "THREATEN" and any(r.kind == "modality" for r in rule.requires):
            # "will be forced to respond" is a threat made now, not a future event
            cand.modality = Modality("asserted", f"a {mod.value} retaliation stated is a threat")
            cand.steps.append(f"the {mod.value} action is itself the threat: modality asserted")
        if mod.value == "hypothetical" and mod.intent and ptype in COOPERATIVE_ACTS:
            # "would be willing to contribute soldiers if ...": a conditional offer
            cand.steps.append(f"a conditional intent to {ptype} is AGREE (PLOVER 1.3 §3.1)")
            ptype, cameo, mode = "AGREE", _intent_code(ptype), None
        elif mod.value == "future" and ptype in COOPERATIVE_ACTS:
            cand.steps.append(
                f"future {ptype} is AGREE (PLOVER 1.3 §3.1): the intent is stated now"
            )
            ptype, cameo, mode = "AGREE", _intent_code(ptype), None
            if mod.governed:  # "agreed to meet", "is willing to help": the commitment is made
                cand.modality = Modality(
                    "asserted", f"intent to {rule.type.lower()} ({mod.reason})"
                )
        elif mod.value == "future" and ptype == "RETREAT":
            cand.steps.append("a future RETREAT is CONCEDE (PLOVER 1.3 §3.7.2): announced now")
            ptype, mode = "CONCEDE", None
            if mod.governed:
                cand.modality = Modality("asserted", f"an announced retreat ({mod.reason})")
        elif (
            _threatenable(ptype, cand.trigger)
            and mod.value in {"future", "hypothetical"}
            and not mod.governed
            and not mod.conditional
            and (cand.report is None or _speaker_is_actor(cand))
        ):
            # PLOVER 1.3 §2.3: an actor's own future force is a threat, not ASSAULT + future
            threat_cameo, threat_mode = _threat_of(ptype, mode)
            cand.steps.append(
                f"the actor's own {mod.value} {ptype} is THREATEN (PLOVER 1.3 §2.3): "
                "modality asserted"
            )
            ptype, cameo, mode = "THREATEN", threat_cameo, threat_mode
            cand.modality = Modality("asserted", f"a {mod.value} {rule.type} stated is a threat")
        elif ptype in {"ASSAULT", "COERCE"} and _protesters(cand):
            # PLOVER 3.12: violence or obstruction by protesters is their PROTEST
            obstruct = cand.trigger.lemma_.lower() in OBSTRUCTION_WORDS
            cand.steps.append("done by protesters or civilians: PROTEST (§3.12)")
            ptype, cameo, mode = (
                ("PROTEST", "1443", "obstruct") if obstruct else ("PROTEST", "145", "riot")
            )
        elif ptype == "ASSAULT" and _weapons_test(cand):
            # PLOVER 3.14: firing missiles at no one is a show of force
            cand.steps.append("missiles fired at no target: MOBILIZE weapons (§3.14)")
            ptype, cameo, mode = "MOBILIZE", "150", "weapons"
        elif ptype == "MOBILIZE" and (cand.relief or _relief_context(cand.trigger)):
            # PLOVER 1.3 §3.14.1: forces sent for peacekeeping or relief are AID
            cand.steps.append("forces sent on a peacekeeping or relief mission are AID (§3.14.1)")
            ptype, cameo, mode = "AID", "074", None
        cand.plover_type, cand.cameo, cand.mode = ptype, cameo, mode

    # ---- building the Event --------------------------------------------------------------
    def _event(
        self,
        cand: Candidate,
        doc_id: str,
        parsed: Doc,
        date: str | None,
        sentence_offsets: Sequence[tuple[int, int]],
    ) -> Event:
        token = cand.trigger
        sentence = _sentence_index(token.idx, sentence_offsets)
        lo, hi = (
            sentence_offsets[sentence]
            if sentence >= 0
            else (token.sent.start_char, token.sent.end_char)
        )
        trigger = Span(token.text, token.idx, token.idx + len(token.text))
        attribution = None
        if cand.report is not None:
            cue_span = parsed[cand.report.cue_start : cand.report.cue_end]
            speaker = cand.speaker
            if speaker is None and cand.report.speaker is not None:
                speaker = self._entity_at(cand.report.speaker, {}, parsed)
            attribution = (speaker, Span(cue_span.text, cue_span.start_char, cue_span.end_char))
        ptype = plover_types()[cand.plover_type]
        key = "|".join(
            [
                doc_id,
                str(trigger.start),
                str(trigger.end),
                cand.plover_type,
                cand.cameo,
                ",".join(e.code or e.text for e in cand.actor),
                ",".join(e.code or e.text for e in cand.recipient),
            ]
        )
        event_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        return Event(
            event_id=event_id,
            doc_id=doc_id,
            sentence=sentence,
            text=parsed[token.sent.start : token.sent.end].text
            if sentence < 0
            else _sentence_text(parsed, lo, hi),
            actor=tuple(cand.actor),
            recipient=tuple(cand.recipient),
            plover_type=cand.plover_type,
            plover_mode=cand.mode,
            plover_context=(),
            cameo_code=cand.cameo,
            quad_class=cameo_quad(cand.cameo),
            goldstein=goldstein(cand.cameo),
            plover_score=ptype.score,
            trigger=trigger,
            modality=cand.modality.value,
            date=cand.date or EventDate(date),
            location=cand.location,
            attribution=attribution,
            rule=f"lexicon:{cand.rule.id}",
            score=max(0.05, min(1.0, cand.score)),
            explanation=tuple(cand.steps),
        )


_ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_PERSON_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they"})


_QUANTIFIERS = frozenset(
    {
        "some",
        "most",
        "all",
        "part",
        "rest",
        "many",
        "several",
        "thousands",
        "hundreds",
        "dozens",
        "millions",
        "number",
        "bulk",
        "majority",
        "half",
        "one",
        "two",
        "three",
        "batch",
        "contingent",
        "portion",
        "share",
        # measures and amounts: "3,000 tonnes of food", "150 million euros of its debt"
        "tonne",
        "ton",
        "kilogram",
        "kilo",
        "barrel",
        "litre",
        "liter",
        "gallon",
        "cubic",
        "million",
        "billion",
        "euro",
        "dollar",
        "pound",
        "worth",
        "amount",
        "sum",
        "quantity",
        "load",
        "consignment",
        "tranche",
        "package",
        # collectives: "a flotilla of warships", "a column of tanks", "a salvo of missiles"
        "flotilla",
        "fleet",
        "squadron",
        "convoy",
        "column",
        "group",
        "wave",
        "salvo",
        "barrage",
        "volley",
        "swarm",
        "pair",
        "handful",
        "score",
    }
)


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: "allowed the WFP to resume deliveries" parses the WFP as the subject of a clause
OBJECT_CONTROL_VERBS = frozenset({"allow", "let", "permit", "enable", "authorize", "authorise"})
#: prepositions the parser often hangs on the object instead of the verb
_OBJECT_PREPS = frozenset({"to", "into", "from"})


def _objects(token: Token, passive: bool) -> list[Token]:
    """What a verb acts on, for object requirements: its direct object (the subject of
    a passive), a gerund complement ("halted fighting") and, for verbs of permission,
    the subject of the permitted clause ("allowed the WFP to resume")."""
    deps = {"nsubjpass"} if passive else {"dobj", "attr"}
    out = [c for c in token.children if c.dep_ in deps]
    out += [c for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]
    if token.lemma_.lower() in OBJECT_CONTROL_VERBS:
        out += [
            s for c in token.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"
        ]
    return out


def _with_object_preps(token: Token) -> list[Token]:
    """The verb's children plus "to/into/from" phrases the parser hung on its object
    ("returned a drum to Ivory Coast")."""
    out = list(token.children)
    for c in token.children:
        if c.dep_ == "dobj":
            out += [p for p in c.children if p.dep_ == "prep" and p.lower_ in _OBJECT_PREPS]
    return out


def _names_someone(token: Token, lexicon: Lexicon) -> bool:
    """Whether a noun names a person, group or state rather than a thing."""
    return (
        token.ent_type_ in _ACTOR_ENTS
        or token.pos_ in {"PROPN", "PRON"}
        or token.lemma_.lower() in lexicon.agents
    )


def _possessor(obj: Token) -> Token | None:
    """The possessor of an object, through a quantity ("150 million euros of its debt")."""
    for c in obj.children:
        if c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"}:
            return c
    if obj.lemma_.lower() in _QUANTIFIERS or obj.pos_ == "NUM":
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for inner in prep.children:
                    if inner.dep_ == "pobj":
                        return _possessor(inner)
    return None


def _object_words(token: Token) -> set[str]:
    """The words an object requirement can match: the object, its compound modifiers
    ("curfew hours", "arms embargo") and, through a quantity, what is counted ("some of
    its troops", "thousands of soldiers")."""
    words = {token.lemma_.lower(), token.lower_}
    words.update(c.lemma_.lower() for c in token.children if c.dep_ in {"compound", "amod"})
    if token.lemma_.lower() in _QUANTIFIERS or token.pos_ == "NUM":
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        words |= _object_words(obj)
    return words


def _word_fits(token: Token, values: frozenset[str]) -> bool:
    """A requirement's word list matches the token's lemma or form (for objects, see
    ``_object_words``); ``@person`` matches a person's name or pronoun, ``@actor`` any
    named person, group or place."""
    if token.lemma_.lower() in values or token.lower_ in values:
        return True
    if token.dep_ in {"dobj", "nsubjpass", "attr"} and _object_words(token) & values:
        return True
    if "@person" in values and (token.ent_type_ == "PERSON" or token.lower_ in _PERSON_PRONOUNS):
        return True
    return "@actor" in values and (token.ent_type_ in _ACTOR_ENTS or token.pos_ == "PROPN")


def _actor_like(parsed: Doc, entity: Entity) -> bool:
    """An uncoded phrase that still looks like someone: a name or a named group."""
    span = parsed.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.pos_ == "PROPN" or root.ent_type_ in _ACTOR_ENTS


def _temporal(prep: Token) -> bool:
    """ "on Thursday", "in March": a preposition that only dates the event."""
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


THREAT_OF = frozenset({"ASSAULT", "COERCE", "SANCTION"})
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "CRM", "COP", "SPY"})
UNARMED_SECTORS = frozenset(
    {
        "GOV",
        "LEG",
        "OPP",
        "ELI",
        "PTY",
        "MED",
        "JUD",
        "EDU",
        "CVL",
        "HRI",
        "NGO",
        "IGO",
        "BUS",
        "LAB",
        "REL",
    }
)
_RELIEF_WORDS = frozenset(
    {
        "peacekeeping",
        "peacekeeper",
        "peacekeep",
        "humanitarian",
        "relief",
        "rescue",
        "evacuation",
        "evacuate",
        "disaster",
        "flood",
        "earthquake",
        "cyclone",
        "hurricane",
        "typhoon",
        "tsunami",
        "wildfire",
        "epidemic",
    }
)


OBSTRUCTION_WORDS = frozenset(
    {"block", "blockade", "barricade", "occupy", "obstruct", "close", "shut", "picket", "sit"}
)
PROTESTER_WORDS = frozenset(
    {
        "protester",
        "protestor",
        "demonstrator",
        "rioter",
        "mob",
        "crowd",
        "marcher",
        "striker",
        "villager",
        "resident",
        "student",
        "worker",
    }
)
WATER_WORDS = frozenset({"sea", "ocean", "gulf", "waters", "strait", "bay", "test"})


def _protesters(cand: Candidate) -> bool:
    """The actors are protesters, rioters or civilians (not armed or state actors)."""
    return _protesters_in(cand.actor)


def _protesters_in(actor: list[Entity]) -> bool:
    if not actor:
        return False
    for e in actor:
        words = {w.lower().rstrip("s") for w in e.text.split()} | {
            w.lower() for w in e.text.split()
        }
        if words & PROTESTER_WORDS:
            continue
        if e.sector in {"OPP", "CVL", "LAB", "AGR"} and e.kind == "group":
            continue
        return False
    return True


def _weapons_test(cand: Candidate) -> bool:
    if cand.trigger.lemma_.lower() not in {"fire", "launch", "test", "test-fire"}:
        return False
    if not cand.recipient:
        return any(t.lemma_.lower() in {"missile", "rocket"} for t in cand.trigger.subtree)
    return all(any(w.lower() in WATER_WORDS for w in e.text.split()) for e in cand.recipient)


def _relief_context(token: Token) -> bool:
    return any(t.lemma_.lower() in _RELIEF_WORDS or t.lower_ in _RELIEF_WORDS for t in token.sent)


def _speaker_is_actor(cand: Candidate) -> bool:
    speaker = cand.report.speaker if cand.report is not None else None
    if speaker is None:
        return False
    return any(e.start <= speaker.idx < e.end for e in cand.actor)


#: the REJECT a refused cooperative act becomes: CAMEO code and PLOVER mode
REFUSED = {
    "CONSULT": ("125", "meet"),
    "CONCEDE": ("124", "yield"),
    "RETREAT": ("124", "yield"),
    "COOPERATE": ("121", "assist"),
    "AID": ("122", "assist"),
    "SUPPORT": ("120", None),
    "AGREE": ("120", None),
}
_WILL = FUTURE_AUX | {"would"}


def _refusal(token: Token, ptype: str) -> str | None:
    """How a negated cooperative act is a refusal: "will not end", "won't lift" (a
    negated future on the act itself), or "failed to reach an agreement"."""
    if ptype not in REFUSED:
        return None
    verb = token
    if token.pos_ == "NOUN" and token.dep_ in {"dobj", "pobj"}:
        verb = token.head.head if token.dep_ == "pobj" else token.head
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    negated = any(c.dep_ == "neg" for c in verb.children)
    if negated and auxes & _WILL:
        return f"'{verb.text}' negated in the future"
    if (
        ptype in {"AGREE", "SUPPORT"}
        and verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() == "fail"
    ):
        return f"'{verb.head.text} to {verb.text}'"
    return None


def _threatenable(ptype: str, trigger: Token) -> bool:
    """Acts whose announcement by the actor is a threat (PLOVER 1.3 §3.11 modes): force,
    coercion and sanctions, protests, strikes and boycotts ("will boycott the talks")."""
    if ptype in THREAT_OF or ptype == "PROTEST":
        return True
    return ptype == "REJECT" and trigger.lemma_.lower() == "boycott"


def _threat_of(ptype: str, mode: str | None) -> tuple[str, str | None]:
    """CAMEO 13x code and PLOVER THREATEN mode for a threatened act."""
    if ptype == "ASSAULT":
        return "138", "violence"
    if ptype == "PROTEST":
        return "133", "restrict"  # CAMEO 133: threaten political dissent or protest
    if ptype == "REJECT":
        return "134", "relations"  # CAMEO 134: threaten to halt negotiations
    if ptype == "SANCTION":
        return (
            ("1313", "relations") if mode in {"discontinue", "withdraw"} else ("131", "relations")
        )
    return {
        "arrest": ("137", "arrest"),
        "ban": ("1322", "ban"),
        "curfew": ("1323", "restrict"),
        "martial-law": ("1324", "restrict"),
        "deport": ("137", "expel"),
        "seize": ("1382", "territory"),
    }.get(mode or "", ("132", "restrict"))


def _intent_code(ptype: str) -> str:
    """CAMEO 03x code for a future cooperative act (express intent)."""
    return {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "030", "AID": "033"}.get(ptype, "030")


def _sentence_text(parsed: Doc, lo: int, hi: int) -> str:
    """The text between two offsets, from the tokens there (``Doc.text`` rebuilds the
    whole document's text on every access)."""
    span = parsed.char_span(lo, hi, alignment_mode="expand")
    return span.text if span is not None else ""


def _sentence_index(offset: int, sentence_offsets: Sequence[tuple[int, int]]) -> int:
    for i, (lo, hi) in enumerate(sentence_offsets):
        if lo <= offset < hi:
            return i
    return -1


__all__ = ["COOPERATIVE", "EventCoder"]
