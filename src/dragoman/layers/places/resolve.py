"""Choosing which place each toponym names, from the document as a whole.

Population alone sends every "Birmingham" to England and every "Georgia" to the
Caucasus. Each candidate is scored instead from

- a prior: the log of its population, a bonus by feature (a country, a region, a
  first-level area, a national capital) and a penalty when it matched only by one of
  GeoNames' alternate names;
- the document's countries: those of the other toponyms that are hardly ambiguous and
  of the actors the entities layer coded ("Atlanta" and "Georgia governor" pull Georgia
  to the US state);
- the document's first-level areas and nearby places: a county in a state the text
  names, a town within 200 km of other places it names;
- qualifiers: "Paris, Texas" keeps only places in Texas.

Resolution runs twice: the first pass gives every toponym a place, the second rescoring
each against the places the others got.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from dragoman.layers.places.gazetteer import ADJECTIVE, ALTERNATE, Candidate
from dragoman.layers.places.recognise import Toponym

FEATURE_BONUS = {"country": 3.0, "region": 2.5, "site": 4.0, "admin": 0.0, "city": 0.5}
FIRST_LEVEL_BONUS = 1.2
CAPITAL_BONUS = 2.2
ALTERNATE_PENALTY = 3.0
COUNTRY_SHARE_WEIGHT = 3.5
COUNTRY_SEEN_BONUS = 0.8
ADMIN_CONTEXT_BONUS = 2.0
NEAR_KM = 200.0
NEAR_BONUS = 1.2


def km(a: Candidate, b: Candidate) -> float:
    """Great-circle distance between two places."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def prune(cands: list[Candidate]) -> list[Candidate]:
    """Drop an admin area that shares its name with a city inside it (Paris the
    département, Moskva the federal city, Birmingham the borough): the news means the
    city, and GeoNames codes it so."""
    cities = [c for c in cands if c.feature == "city"]
    if not cities:
        return cands
    out = []
    for c in cands:
        if c.feature == "admin" and c.code and c.kind != ADJECTIVE:
            inside = any(
                t.country == c.country
                and (t.admin1 == c.code or t.admin2 == c.code or km(t, c) < 50)
                and t.kind != ALTERNATE
                for t in cities
            )
            if inside:
                continue
        out.append(c)
    return out


def prior(c: Candidate) -> float:
    score = math.log10(c.population + 1000) + FEATURE_BONUS.get(c.feature, 0.0)
    if c.feature == "admin" and c.admin2 is None:
        score += FIRST_LEVEL_BONUS
    if c.capital:
        score += CAPITAL_BONUS
    if c.kind == ALTERNATE:
        score -= ALTERNATE_PENALTY
    return score


def _context(
    tops: list[Toponym], chosen: dict[int, Candidate], actor_countries: Iterable[str]
) -> tuple[Counter, Counter]:
    """Country weights and first-level areas named by the document. An ambiguous name
    counts by the place it got in the last pass, its own included: that place's prior
    is evidence too, and leaving it out lets a small namesake in a state the text names
    beat a big city ("Louisville" after "Colorado")."""
    countries: Counter = Counter()
    admins: Counter = Counter()
    for n, top in enumerate(tops):
        c = chosen.get(n)
        if c is None:
            continue
        certainty = 1.0 if len(top.candidates) == 1 else 0.6
        if c.country:
            countries[c.country] += certainty
        area = _area(c)
        if area:
            admins[area] += certainty if c.feature == "admin" else 0.5 * certainty
    for country in actor_countries:
        countries[country] += 0.5
    return countries, admins


def _area(c: Candidate) -> str | None:
    """The first-level area a place is, or lies in."""
    return c.code if c.feature == "admin" and c.admin2 is None else c.admin1


def _score(
    c: Candidate,
    countries: Counter,
    admins: Counter,
    neighbours: list[Candidate],
) -> float:
    score = prior(c)
    total = sum(countries.values())
    if c.country and total and countries[c.country] > 0:
        score += COUNTRY_SEEN_BONUS + COUNTRY_SHARE_WEIGHT * countries[c.country] / total
    area = _area(c)
    if area and admins[area] > 0:
        score += ADMIN_CONTEXT_BONUS
    if c.feature in {"city", "admin"} and any(
        abs(n.lat - c.lat) < 2.0 and km(c, n) <= NEAR_KM for n in neighbours
    ):
        score += NEAR_BONUS
    return score


#: Candidates kept per toponym, best prior first ("Washington" names 68 places).
MAX_CANDIDATES = 12


def _allowed(top: Toponym) -> list[Candidate]:
    cands = prune(top.candidates)
    qual = top.qualifier
    if qual is None:
        return sorted(cands, key=prior, reverse=True)[:MAX_CANDIDATES]
    codes = {q.code for q in qual.candidates if q.feature == "admin"}
    nations = {q.country for q in qual.candidates if q.feature == "country"}
    kept = [
        c
        for c in cands
        if c.admin1 in codes
        or c.admin2 in codes
        or (c.country in nations and c.feature != "country")
    ]
    return kept or cands


def resolve(tops: list[Toponym], actor_countries: Iterable[str] = ()) -> dict[int, Candidate]:
    """The chosen candidate for each toponym, by index in ``tops``."""
    actor_countries = list(actor_countries)
    allowed = [_allowed(t) for t in tops]
    chosen: dict[int, Candidate] = {}
    for n, cands in enumerate(allowed):
        if cands:
            chosen[n] = max(cands, key=prior)
    for _ in range(2):
        countries, admins = _context(tops, chosen, actor_countries)
        places = {c.pid: c for c in chosen.values() if c.feature in {"city", "admin", "site"}}
        new: dict[int, Candidate] = {}
        by_text: dict[tuple[str, tuple[int, ...]], Candidate] = {}
        for n, cands in enumerate(allowed):
            if not cands:
                continue
            if len(cands) == 1:
                new[n] = cands[0]
                continue
            memo = (tops[n].text, tuple(c.pid for c in cands))
            if memo not in by_text:  # the same name with the same candidates scores alike
                own = {c.pid for m, c in chosen.items() if tops[m].text == tops[n].text}
                neighbours = [c for pid, c in places.items() if pid not in own]
                by_text[memo] = max(cands, key=lambda c: _score(c, countries, admins, neighbours))
            new[n] = by_text[memo]
        chosen = new
    return chosen


#: How close a weakly recognised place must lie to a place the document names for sure.
WEAK_NEAR_KM = 150.0
#: A weakly recognised town of the document's main country must be at least this big.
WEAK_TOWN_POPULATION = 20_000


def weak_fits(
    weak: Toponym, strong: list[Toponym], chosen: dict[int, Candidate]
) -> list[Candidate]:
    """The candidates of a span the parser did not call a place ("Dewsbury" tagged ORG,
    "Slidell PD") that fit the places the document names for sure: in a first-level area
    it names, near one of its towns, or a sizeable town of its main country."""
    places = [chosen[n] for n in range(len(strong)) if n in chosen]
    if not places:
        return []
    areas = {c.code if c.feature == "admin" and c.admin2 is None else c.admin1 for c in places}
    local = [c for c in places if c.feature in {"city", "admin", "site"}]
    countries = Counter(c.country for c in places if c.country)
    main, share = None, 0.0
    if countries:
        main, top = countries.most_common(1)[0]
        share = top / sum(countries.values())
    fits = []
    for c in weak.candidates:
        local_fit = c.feature in {"city", "admin"} and (
            c.admin1 in areas or any(km(c, p) <= WEAK_NEAR_KM for p in local)
        )
        area_fit = c.feature == "admin" and c.admin2 is None and c.code in areas
        country_fit = (
            c.country == main
            and share >= 0.5
            and weak.source != "weak-PERSON"  # a first name is too often a town's
            and (c.population >= WEAK_TOWN_POPULATION or c.feature == "country")
        )
        if local_fit or area_fit or country_fit:
            fits.append(c)
    return fits
