"""Actor codes for noun groups: country plus sector, from names, agents and titles.

The rules follow CAMEO 1.1b3 chapter 3 and TABARI's practice (§3.2.2): a named actor's own
entry wins over agent words ("Chief Minister Jam Kamal Khan" is coded by his entry); an
agent noun gives the sector and a country word in the same group gives the country
("the Russian Foreign Ministry" → RUS + GOV); "former" makes an elite (ELI, §3.2.4). A
member noun ("official", "spokesman", "members") takes the code of the body it belongs
to ("a White House official", "NATO members"). Every result says which rule and which
dictionary entry decided it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dragoman.layers.entities.groups import Group
from dragoman.layers.entities.signals import Signals
from dragoman.lexicon import Agent, Lexicon, Sense
from dragoman.lexicon.codes import join_code
from dragoman.lexicon.names import Match, normalise

#: Sectors an agent head gives only when nothing more specific is in the group.
WEAK_SECTORS = frozenset({"CVL"})
#: Country evidence from these complements applies to local agents only: "police in
#: Cairo" are Egyptian, "troops in Syria" need not be Syrian.
LOCAL_PREPS = frozenset({"prep:in", "prep:at"})
STATE_MODIFIERS = frozenset(
    {
        "official",
        "state",
        "state-run",
        "state-owned",
        "government",
        "government-run",
        "government-controlled",
        "pro-government",
    }
)
NOT_LOCAL = frozenset({"MIL", "IGO", "REB", "INS", "SEP", "UAF", "SPY"})


@dataclass(frozen=True, slots=True)
class Coded:
    """The coding of one mention and the evidence for it."""

    code: str | None
    country: str | None
    sector: str | None
    name: str | None
    kind: str
    entry: str | None
    rule: str
    title: bool = False  # headed by a title or office ("US Ambassador to Russia")


@dataclass(slots=True)
class CodingContext:
    """What coding needs beyond the group: the lexicon, the date, in-document aliases."""

    lexicon: Lexicon
    date: str | None
    signals: Signals
    aliases: dict[str, Coded]


def choose_sense(match: Match[Sense], date: str | None, person_like: bool) -> Sense:
    """The most plausible reading of a matched name.

    Lower priority wins (user entries, then ours, then country words); among people the
    one in office on the date; a name the parser calls a person prefers a person entry.
    """

    def rank(sense: Sense) -> tuple[int, int, int]:
        entry = sense.entry
        active = 0 if entry is not None and entry.roles and entry.active_on(date) else 1
        kind_fit = 0 if (entry is not None and (entry.kind == "person") == person_like) else 1
        return sense.priority, kind_fit, active

    return min(match.values, key=rank)


def _person_like(token: Token) -> bool:
    return token.ent_type_ == "PERSON"


def _name_text(tokens: list[Token]) -> str:
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def code_group(group: Group, ctx: CodingContext) -> Coded | None:
    """The code of a noun group, or None when it does not name an actor."""
    lex, date = ctx.lexicon, ctx.date
    head = group.head
    name_matches = _matches_in(group, ctx.signals.names)
    agent_matches = _matches_in(group, ctx.signals.agents)

    head_name = next((m for m in name_matches if m.start <= head.i < m.end), None)
    head_agent = next((m for m in agent_matches if m.start <= head.i < m.end), None)
    modifiers = [
        m
        for m in agent_matches
        if m.values[0].kind == "modifier" and m is not head_agent and _role_of(m, group) == "mod"
    ]
    former = any(m.values[0].sector == "ELI" for m in modifiers)

    # 1. A dictionary entry names the head: its dated code decides (CAMEO §3.2.2),
    #    unless the text gives a state institution another country ("Chile's Defense
    #    Department" is not the Pentagon's).
    if head_name is not None:
        sense = choose_sense(head_name, date, _person_like(head))
        if sense.kind == "actor" and sense.entry is not None:
            coded = _from_entry(sense, group, ctx, former)
            other = _explicit_country(group, name_matches, head_name, ctx)
            if other and coded.country and other != coded.country and sense.entry.kind != "person":
                code = join_code(other, coded.sector)
                return Coded(
                    code,
                    other,
                    coded.sector,
                    None,
                    "group",
                    sense.entry.id,
                    f"{coded.rule}+country",
                )
            return coded

    # 2. A person's name, known from earlier in the document or by title and surname.
    title_tokens = {
        i
        for m in agent_matches
        if m.values[0].kind in {"title", "role"} and not _role_of(m, group).startswith("prep")
        for i in range(m.start, m.end)
    }
    person = _person_tokens(group, head, title_tokens, head_name is None)
    if person:
        known = _known_person(person, group, agent_matches, ctx)
        if known is not None:
            return known

    # 3b. A town or city heads the group ("Mariupol said"): its people (NGEC/CAMEO CVL).
    if head_name is None and head_agent is None and not person and head.ent_type_ == "GPE":
        country = _place_country(group.head.doc[group.start : group.end].text)
        if country:
            return Coded(
                join_code(country, "CVL"), country, "CVL", None, "city", None, "city-as-actor"
            )

    # 3. A country word heads the group: the state, its government, or its people.
    if head_name is not None and head_agent is None:
        sense = choose_sense(head_name, date, False)
        if sense.kind == "seat":
            return Coded(
                join_code(sense.country, "GOV"),
                sense.country,
                "GOV",
                lex.country_name(sense.country),
                "seat",
                None,
                "seat-of-government",
            )
        if sense.kind in {"country", "demonym"} and not person:
            sector = "ELI" if former else None
            return Coded(
                join_code(sense.country, sector),
                sense.country,
                sector,
                lex.country_name(sense.country),
                "country",
                None,
                f"country-{sense.kind}",
            )

    # 4. Compose: sector from the head noun or title, country from the other words.
    return _compose(group, ctx, name_matches, agent_matches, head_agent, person, former)


def _matches_in(group: Group, index: dict[int, Match]) -> list[Match]:
    seen: list[Match] = []
    for i in sorted(group.roles):
        m = index.get(i)
        if m is not None and (not seen or seen[-1] is not m) and m not in seen:
            seen.append(m)
    return seen


def _role_of(match: Match, group: Group) -> str:
    return group.roles.get(match.start) or group.roles.get(match.end - 1) or "mod"


def _explicit_country(
    group: Group, name_matches: list[Match], head_name: Match, ctx: CodingContext
) -> str | None:
    """A country named by a modifier of the head ("Chile's", "Mexican")."""
    for m in name_matches:
        if m is head_name or _role_of(m, group) != "mod":
            continue
        sense = choose_sense(m, ctx.date, False)
        if sense.kind in {"country", "demonym", "seat"}:
            return sense.country
    return None


def _from_entry(sense: Sense, group: Group, ctx: CodingContext, former: bool) -> Coded:
    entry = sense.entry
    assert entry is not None
    code = entry.code_on(ctx.date)
    country, sector = ctx.lexicon.split(code)
    country = entry.country or country
    rule = f"dictionary:{entry.id}"
    if former and entry.kind == "person" and not entry.active_on(ctx.date):
        sector, code, rule = "ELI", join_code(country, "ELI"), rule + "+former"
    return Coded(code, country, sector, entry.name, entry.kind, entry.id, rule)


def _person_tokens(
    group: Group, head: Token, title_tokens: set[int] | None = None, unnamed: bool = True
) -> list[Token]:
    """The tokens of a personal name in the group: the head's own name, or a name in
    apposition ("the US Ambassador to Russia, John Sullivan"). After a title, a proper
    noun the parser did not recognise as a person still is one ("President Kassym-Jomart
    Tokayev")."""
    doc = head.doc
    title_tokens = title_tokens or set()
    titled = bool(title_tokens) and unnamed and head.i not in title_tokens
    if head.pos_ == "PROPN" and (
        head.ent_type_ == "PERSON"
        or (titled and head.ent_type_ not in {"GPE", "LOC", "NORP", "FAC", "DATE"})
    ):
        person_ent = head.ent_type_ == "PERSON"
        names = [
            doc[i]
            for i in sorted(group.roles)
            if group.roles[i] == "core"
            and i not in title_tokens
            and (
                doc[i].ent_type_ == "PERSON"
                if person_ent
                else doc[i].ent_type_ not in {"GPE", "NORP", "LOC"}
            )
            and (doc[i].pos_ == "PROPN" or (doc[i].is_punct and doc[i].text in "-'."))
        ]
        while names and names[0].is_punct:
            names = names[1:]
        return names or [head]
    appos = [
        doc[i]
        for i in sorted(group.roles)
        if group.roles[i] == "appos" and doc[i].ent_type_ == "PERSON" and doc[i].pos_ == "PROPN"
    ]
    return appos


def _known_person(
    person: list[Token], group: Group, agent_matches: list[Match], ctx: CodingContext
) -> Coded | None:
    surname = normalise(person[-1].text)
    alias = ctx.aliases.get(surname)
    if alias is not None and (
        len(person) == 1 or normalise(_name_text(person)) == normalise(alias.name or "")
    ):
        return Coded(
            alias.code,
            alias.country,
            alias.sector,
            alias.name,
            alias.kind,
            alias.entry,
            "alias:" + (alias.name or surname),
        )
    titles = [m for m in agent_matches if m.values[0].kind in {"title", "noun", "role"}]
    if len(person) == 1 and titles:
        candidates = [e for e in ctx.lexicon.surnames.get(surname, []) if e.active_on(ctx.date)]
        if len(candidates) == 1:
            entry = candidates[0]
            code = entry.code_on(ctx.date)
            country, sector = ctx.lexicon.split(code)
            return Coded(
                code,
                entry.country or country,
                sector,
                entry.name,
                "person",
                entry.id,
                f"title+surname:{entry.id}",
            )
    return None


def _place_country(name: str) -> str | None:
    """The country of a town or city, from the places layer's gazetteer."""
    from dragoman.layers.places import country_of_place

    return country_of_place(name)


def _city_country(group: Group, sector: str) -> tuple[str | None, str]:
    """ "Mariupol police", "a court in Cairo": a town modifying a local agent gives its
    country."""
    doc = group.head.doc
    for i in sorted(group.roles):
        role, token = group.roles[i], doc[i]
        if token.ent_type_ not in {"GPE", "LOC"} or token.i == group.head.i:
            continue
        local = role == "mod" or (role in LOCAL_PREPS and sector not in NOT_LOCAL)
        starts = (
            token.ent_iob_ == "B" or i == group.start or doc[i - 1].ent_type_ != token.ent_type_
        )
        if local and starts:
            end = i
            while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
                end += 1
            country = _place_country(doc[i : end + 1].text)
            if country:
                return country, doc[i : end + 1].text
    return None, ""


def _country_from(match: Match, ctx: CodingContext, person_like: bool) -> str | None:
    sense = choose_sense(match, ctx.date, person_like)
    return sense.country


def _compose(
    group: Group,
    ctx: CodingContext,
    name_matches: list[Match],
    agent_matches: list[Match],
    head_agent: Match | None,
    person: list[Token],
    former: bool,
) -> Coded | None:
    lex = ctx.lexicon
    head = group.head
    head_info: Agent | None = head_agent.values[0] if head_agent else None
    # a modifier word standing as the head ("the rebels", "the opposition") is a noun
    head_sector = head_info.sector if head_info else None
    member_noun = head_info is not None and head_info.kind in {"role", "title"}

    # A body named in the group, for member nouns: "White House official", "NATO members".
    body = None
    for m in name_matches:
        role = _role_of(m, group)
        if role in {"mod", "appos", "prep:of"} and not (m.start <= head.i < m.end):
            sense = choose_sense(m, ctx.date, False)
            if sense.kind == "actor" and sense.entry is not None and sense.entry.kind != "person":
                body = (sense, role)
                break
            if sense.kind == "seat" and role == "mod" and sense.entry is None:
                body = (sense, role)
                break
    international = (
        body is not None
        and body[0].entry is not None
        and lex.split(body[0].entry.code_on(ctx.date))[0] is None
    )
    if body is not None and (
        member_noun
        or head_sector in WEAK_SECTORS
        or international
        or (person and head_sector is None)
    ):
        sense, _ = body
        if sense.kind == "seat":
            code, entry_id, rule = join_code(sense.country, "GOV"), None, "member-of-seat"
        else:
            assert sense.entry is not None
            code, entry_id, rule = (
                sense.entry.code_on(ctx.date),
                sense.entry.id,
                f"member-of:{sense.entry.id}",
            )
        country, sector = lex.split(code)
        if former:
            sector, code, rule = "ELI", join_code(country, "ELI"), rule + "+former"
        name = _name_text(person) if person else None
        return Coded(code, country, sector, name, "person" if person else "group", entry_id, rule)

    # Sector: the head's own agent word; else a title (for names) or a modifying agent.
    sector, rule = head_sector, (f"agent:{head_info.phrase}" if head_sector and head_info else "")
    ordered = sorted(
        (m for m in agent_matches if m is not head_agent and m.values[0].kind != "modifier"),
        key=lambda m: (0 if m.values[0].kind == "title" else 1, m.start) if person else (-m.start,),
    )
    if sector is None or member_noun or sector in WEAK_SECTORS:
        for m in ordered:
            role, info = _role_of(m, group), m.values[0]
            if role.startswith("prep:") and (role != "prep:of" or not member_noun):
                continue  # "head of the police" is police; "withdrawal of forces" is no actor
            if head_info is None and not person and info.kind != "noun":
                continue  # "NATO members options": a member noun does not make "options" an actor
            sector, rule = info.sector, f"agent:{info.phrase}"
            break
    if sector is None and head_sector is not None:
        sector = head_sector
    # State media: "official" or "state" news outlets are the government's (CAMEO GOVMED).
    if sector == "MED" and any(
        group.head.doc[i].lower_ in STATE_MODIFIERS for i, r in group.roles.items() if r == "mod"
    ):
        sector, rule = "GOV", (rule + "+state-run" if rule else "state-run")
    # Modifiers: "former" makes an elite; "opposition", "rebel", "Muslim" fill a weak head.
    if former:
        sector, rule = "ELI", (rule + "+former" if rule else "former")
    elif sector is None or sector in WEAK_SECTORS:
        for m in agent_matches:
            info = m.values[0]
            if info.kind == "modifier" and info.sector != "ELI":
                sector, rule = info.sector, f"modifier:{info.phrase}"
                break

    # Country: modifiers first, then apposition, "of", and (local agents) "in"/"from".
    country = None
    for wanted in ("mod", "core", "appos", "prep:of", "prep:from", "local"):
        for m in name_matches:
            role = _role_of(m, group)
            if role == "prep:to":
                continue
            if wanted == "local":
                if role not in LOCAL_PREPS or (sector in NOT_LOCAL):
                    continue
            elif role != wanted:
                continue
            found = _country_from(m, ctx, False)
            if found:
                country = found
                break
        if country:
            break
    if country is None and sector is not None:
        country, where = _city_country(group, sector)
        if country:
            rule = f"{rule}+city:{where}"

    is_name = bool(person)
    if sector is None and not is_name and member_noun and country and head_info is not None:
        # "Chinese vessels", "the Iranian representative": a role with no body of its own
        # acts for the country (PETRARCH codes the bare country)
        return Coded(
            country, country, None, None, "group", None, f"role:{head_info.phrase}+country"
        )
    if sector is None and not is_name:
        return None  # "Russian proposals": a country word, but no actor
    code = join_code(country, sector)
    name = _name_text(person) if person else None
    if is_name:
        rule = (rule or "person") + ("+country" if country else "")
        return Coded(
            code, country, sector, name, "person", None, "title:" + rule if sector else "ner-person"
        )
    return Coded(
        code,
        country,
        sector,
        name,
        "group",
        None,
        rule + ("+country" if country else ""),
        title=bool(head_info and head_info.kind in {"title", "role"}),
    )
