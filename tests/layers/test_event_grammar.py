"""The event coder's grammar: voice, control, coordination, modality, reported speech."""

from __future__ import annotations

import pytest

from dragoman.document import Document


def events(coder, text: str, date: str = "2022-02-17"):
    return coder.annotate(Document("t", text, date)).events


def one(coder, text: str, ptype: str):
    found = [e for e in events(coder, text) if e.plover_type == ptype]
    assert found, f"no {ptype} in {[(e.plover_type, e.trigger.text) for e in events(coder, text)]}"
    return found[0]


def codes(entities) -> list[str | None]:
    return [e.code for e in entities]


def test_active_voice(coder) -> None:
    e = one(coder, "Russian troops shelled Ukrainian positions near Kharkiv.", "ASSAULT")
    assert codes(e.actor) == ["RUSMIL"] and e.recipient[0].text.endswith("positions")
    assert e.modality == "asserted" and e.trigger.text == "shelled"


def test_passive_voice_with_agent(coder) -> None:
    e = one(coder, "The convoy was attacked by Taliban fighters on Monday.", "ASSAULT")
    assert "Taliban" in e.actor[0].text and e.recipient[0].text == "convoy"


def test_prepositional_recipient(coder) -> None:
    e = one(coder, "The European Union imposed sanctions on Belarus.", "SANCTION")
    assert codes(e.actor) == ["IGOEUREEC"] and codes(e.recipient) == ["BLR"]
    e = one(coder, "Iran's foreign minister met with his Omani counterpart.", "CONSULT")
    assert codes(e.actor) == ["IRNGOV"]


def test_accused_x_of_y(coder) -> None:
    found = events(coder, "Kyiv accused Moscow of shelling a nuclear plant.")
    accuse = next(e for e in found if e.plover_type == "ACCUSE")
    assert codes(accuse.actor) == ["UKRGOV"] and codes(accuse.recipient) == ["RUSGOV"]
    assert accuse.modality == "asserted"
    shelling = [e for e in found if e.plover_type == "ASSAULT"]
    assert all(e.modality == "alleged" for e in shelling)


def test_control_agreed_to_withdraw(coder) -> None:
    e = one(coder, "Armenia agreed to withdraw its troops from the border villages.", "CONCEDE")
    assert codes(e.actor) == ["ARM"]


def test_object_control(coder) -> None:
    found = events(coder, "The United Nations urged Myanmar to release the detained journalists.")
    request = next(e for e in found if e.plover_type == "REQUEST")
    assert codes(request.actor) == ["IGOUNO"] and codes(request.recipient) == ["MMR"]
    release = [e for e in found if e.trigger.text == "release"]
    assert all(codes(e.actor) == ["MMR"] and e.modality == "hypothetical" for e in release)


def test_coordinated_actors_make_one_event(coder) -> None:
    e = one(coder, "The US and France accused Russia of violating the treaty.", "ACCUSE")
    assert codes(e.actor) == ["USA", "FRA"] and codes(e.recipient) == ["RUS"]


def test_relative_clause_subject(coder) -> None:
    e = one(coder, "Police arrested the activists who had blocked the highway.", "COERCE")
    assert e.trigger.text == "arrested" and e.recipient[0].text == "activists"


@pytest.mark.parametrize(
    ("text", "ptype", "modality"),
    [
        ("Turkish forces did not attack the Kurdish town.", "ASSAULT", "negated"),
        ("Israel will not strike Hamas targets in Gaza.", "ASSAULT", "negated"),
        ("If Russian troops invade Ukraine, the alliance will respond.", "ASSAULT", "hypothetical"),
        ("Activists alleged that police had beaten the protesters.", "ASSAULT", "alleged"),
        ("Police reportedly arrested three journalists in Minsk.", "COERCE", "alleged"),
    ],
)
def test_modality(coder, text, ptype, modality) -> None:
    assert one(coder, text, ptype).modality == modality


def test_a_threatened_sanction_is_a_threat(coder) -> None:
    """PLOVER 1.3 §2.3: SANCTION + hypothetical is coded THREATEN."""
    e = one(
        coder, "If Russian troops cross the border, NATO could impose new sanctions.", "THREATEN"
    )
    assert codes(e.actor) == ["IGOWSTNAT"] and e.modality == "asserted"


def test_future_cooperation_is_agree(coder) -> None:
    e = one(coder, "China will send medical supplies to Italy next week.", "AGREE")
    assert codes(e.actor) == ["CHN"] and codes(e.recipient) == ["ITA"]
    assert "3.1" in " ".join(e.explanation)


def test_announced_withdrawal_is_concede(coder) -> None:
    e = one(coder, "Moscow said it would withdraw its forces from the Kyiv region.", "CONCEDE")
    assert codes(e.actor)[0].startswith("RUS")


def test_own_future_force_is_a_threat(coder) -> None:
    e = one(coder, "Washington said it would impose punitive tariffs on Venezuela.", "THREATEN")
    assert codes(e.actor) == ["USAGOV"] and e.modality == "asserted"


def test_reported_accusation_takes_the_speaker_as_actor(coder) -> None:
    e = one(coder, 'Moscow said that Washington had "distorted" its proposals.', "ACCUSE")
    assert codes(e.actor) == ["RUSGOV"] and codes(e.recipient) == ["USAGOV"]
    assert e.attribution is not None and e.attribution[1].text == "said"


def test_no_event_without_a_rule(coder) -> None:
    """No fallback to 'make statement': plain speech is not an event."""
    assert events(coder, "The minister said the weather was fine on Tuesday.") == []


def test_every_event_has_evidence(coder, example_text) -> None:
    doc = coder.annotate(Document("ex", example_text, "2022-02-17"))
    assert doc.events
    for e in doc.events:
        assert e.rule.startswith("lexicon:") and 0 < e.score <= 1
        assert example_text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.explanation and e.explanation[0].startswith("predicate ")
        assert len(e.event_id) == 16


def test_event_ids_are_stable(coder, example_text) -> None:
    first = [e.event_id for e in coder.annotate(Document("ex", example_text, "2022-02-17")).events]
    again = [e.event_id for e in coder.annotate(Document("ex", example_text, "2022-02-17")).events]
    assert first == again and len(set(first)) == len(first)


def test_refusal_stated_now_is_reject(coder) -> None:
    e = one(coder, "The unions said they will not end the strike until wages rise.", "REJECT")
    assert e.modality == "asserted" and e.trigger.text == "end" and e.plover_mode == "yield"
    assert not [
        x for x in events(coder, "Russia did not lift the ban.") if x.plover_type == "REJECT"
    ]


def test_called_for_sanctions_are_a_request_not_sanctions(coder) -> None:
    found = events(coder, "Some European countries have called for sanctions against Moscow.")
    assert [e.plover_type for e in found] == ["REQUEST"]


def test_announced_boycott_is_a_threat(coder) -> None:
    e = one(coder, "The opposition parties said they would boycott the elections.", "THREATEN")
    assert e.modality == "asserted" and e.cameo_code == "133"


def test_conditional_offer_is_hypothetical_agree(coder) -> None:
    text = "Ireland would be willing to contribute more soldiers if the mandate were strengthened."
    e = one(coder, text, "AGREE")
    assert e.modality == "hypothetical"
