"""The entities layer: actor mentions and their CAMEO-style codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.document import Document
from dragoman.pipeline import Coder


def entities(coder: Coder, text: str, date: str | None = "2022-02-17"):
    return coder.annotate(Document("t", text, date)).entities


def coded(coder: Coder, text: str, mention: str, date: str | None = "2022-02-17"):
    """The entity whose text contains ``mention`` (the first one)."""
    found = [e for e in entities(coder, text, date) if mention in e.text]
    assert found, f"no entity for {mention!r} in {[e.text for e in entities(coder, text, date)]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        (
            "The Russian Foreign Ministry said talks would continue.",
            "Russian Foreign Ministry",
            "RUSGOV",
        ),
        ("US forces left the base on Friday.", "US forces", "USAMIL"),
        ("Ukrainian border guards detained two men.", "Ukrainian border guards", "UKRMIL"),
        ("Syrian rebels shelled the town.", "Syrian rebels", "SYRREB"),
        ("Kenyan police arrested three men.", "Kenyan police", "KENCOP"),
        ("Opposition lawmakers walked out of the session.", "Opposition lawmakers", "LEG"),
        ("Protesters blocked the main road.", "Protesters", "OPP"),
        ("Chinese state media said the talks went well.", "Chinese state media", "CHNGOV"),
        ("A court in Cairo sentenced the activist.", "court in Cairo", "EGYJUD"),
        ("NATO warned Moscow on Tuesday.", "NATO", "IGOWSTNAT"),
        ("The UN Security Council met on Monday.", "UN Security Council", "IGOUNO"),
        ("The Kremlin rejected the offer.", "Kremlin", "RUSGOV"),
        ("Downing Street said it would respond.", "Downing Street", "GBRGOV"),
        ("Beijing protested the visit.", "Beijing", "CHNGOV"),
        ("Kiev accused Moscow of shelling.", "Kiev", "UKRGOV"),
        ("The U.S. and the UK signed the deal.", "U.S.", "USA"),
        ("Two Russians were detained.", "Russians", "RUS"),
        ("Mexican authorities opened an inquiry.", "Mexican authorities", "MEXGOV"),
        ("Chile's Defense Department issued a statement.", "Chile's Defense Department", "CHLGOV"),
        (
            "A former White House official criticised the plan.",
            "former White House official",
            "USAELI",
        ),
        ("NATO members met in Brussels.", "NATO members", "IGOWSTNAT"),
        ("Russia's ambassador to Poland was summoned.", "Russia's ambassador to Poland", "RUSGOV"),
        ("The Lebanese president's office denied it.", "Lebanese president's office", "LBNGOV"),
        ("A prominent Jewish community leader spoke.", "Jewish community leader", "REL"),
        ("Hamas fighters fired rockets.", "Hamas fighters", "PSEREB"),
        ("The Taliban seized the city.", "Taliban", "AFGGOV"),
    ],
)
def test_agents_titles_countries_and_organisations(coder, text, mention, code) -> None:
    assert coded(coder, text, mention).code == code


def test_seat_of_government_is_an_actor_but_not_a_place(coder) -> None:
    ents = entities(coder, "Washington said it would send aid. The talks were held in Washington.")
    assert [(e.text, e.code) for e in ents if e.text == "Washington"] == [("Washington", "USAGOV")]


def test_dated_roles_follow_the_document_date(coder) -> None:
    text = "Joe Biden said the bill would pass."
    assert coded(coder, text, "Biden", "2022-03-01").code == "USAGOV"
    assert coded(coder, text, "Biden", "2005-03-01").code == "USALEG"
    merkel = "Angela Merkel spoke in Berlin."
    assert coded(coder, merkel, "Merkel", "2017-04-01").code == "DEUGOV"
    assert coded(coder, merkel, "Merkel", "2022-06-01").code == "DEUELI"


def test_surname_after_full_name_is_the_same_person(coder) -> None:
    text = (
        "US Ambassador to Russia John Sullivan arrived in Moscow. "
        "Sullivan met officials on Tuesday."
    )
    first, second = [e for e in entities(coder, text) if "Sullivan" in e.text]
    assert (first.code, first.name) == ("USAGOV", "John Sullivan")
    assert (second.text, second.code, second.name) == ("Sullivan", "USAGOV", "John Sullivan")


def test_title_gives_a_role_to_unlisted_people(coder) -> None:
    e = coded(coder, "Nigerian Senator Adamu Bello criticised the plan.", "Adamu Bello")
    assert (e.code, e.name, e.kind) == ("NGALEG", "Adamu Bello", "person")


def test_pronouns_and_descriptions_take_their_antecedent(coder, example_text) -> None:
    ents = coder.annotate(Document("ex", example_text, "2022-02-17")).entities
    it = next(e for e in ents if e.text == "It" and e.antecedent is not None)
    assert it.antecedent.text == "Russian Foreign Ministry" and it.code == "RUSGOV"
    his = next(e for e in ents if e.text == "his")
    assert his.name == "Joe Biden" and his.code == "USAGOV"
    text = (
        "The Ukrainian Foreign Ministry summoned the envoy. "
        "The ministry said the strikes were unacceptable."
    )
    described = coded(coder, text, "Foreign Ministry")
    assert described.text == "Ukrainian Foreign Ministry"
    later = [e for e in entities(coder, text) if e.text == "ministry"]
    assert later and later[0].code == "UKRGOV" and later[0].antecedent is not None


def test_expletive_it_is_not_an_actor(coder) -> None:
    ents = entities(coder, "Russia sent troops. It is noteworthy that talks continued.")
    assert all(e.text != "It" for e in ents)


def test_acronyms_match_only_in_capitals(coder) -> None:
    assert coded(coder, "The PAN said the vote was rigged.", "PAN").code == "MEXPTY"
    assert all(e.text != "pan" for e in entities(coder, "He fried it in a pan."))


def test_user_dictionary_wins(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "- id: my-kremlin\n  names: [Kremlin]\n  code: RUSGOVPRE\n"
        "- id: my-mayor\n  names: [Jane Roe]\n  code: USAGOV\n",
        encoding="utf-8",
    )
    mine = Coder(dictionaries=[user])
    ents = mine.annotate(
        Document("u", "The Kremlin and Jane Roe disagreed.", "2022-01-01")
    ).entities
    assert {(e.text, e.code, e.entry) for e in ents} >= {
        ("Kremlin", "RUSGOVPRE", "my-kremlin"),
        ("Jane Roe", "USAGOV", "my-mayor"),
    }


def test_every_entity_says_how_it_was_coded(coder, example_text) -> None:
    for e in coder.annotate(Document("ex", example_text, "2022-02-17")).entities:
        assert e.rule, e
        if e.entry is not None:
            assert e.rule.startswith(
                ("dictionary:", "member-of:", "title+surname:", "alias:", "reference:")
            ), e
