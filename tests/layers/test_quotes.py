"""The quotes layer: direct and reported speech, cue, content and speaker.

Every example is written for these tests. One pipeline serves the module (the session's
``coder`` fixture); each case parses a few sentences.
"""

from __future__ import annotations

import pytest

from dragoman.document import Document, Quote
from dragoman.layers.entities import find_mentions
from dragoman.layers.quotes import find_quoted, find_quotes
from dragoman.layers.quotes.cues import CueFileError, load_cues, parse_cues
from dragoman.parse import parse_texts, sentences_of
from dragoman.pipeline import Coder

DATE = "2022-02-17"


def quotes_of(coder: Coder, text: str) -> list[Quote]:
    parsed = next(parse_texts(coder.nlp, [text]))
    doc = Document("t", text, DATE)
    doc.sentences = sentences_of(parsed)
    mentions = find_mentions(parsed, coder.lexicon, DATE)
    found = find_quotes(doc, parsed, mentions)
    check_offsets(text, found)
    return found


def check_offsets(text: str, found: list[Quote]) -> None:
    """Every span indexes the text exactly, and quotes come in content order."""
    for q in found:
        for span in (q.content, q.cue, q.source):
            if span is not None:
                assert text[span.start : span.end] == span.text, span
    starts = [q.content.start for q in found]
    assert starts == sorted(starts)


def the_quote(found: list[Quote], content: str) -> Quote:
    """The quote whose content contains ``content``."""
    hits = [q for q in found if content in q.content.text]
    assert hits, f"no quote with {content!r} in {[q.content.text for q in found]}"
    return hits[0]


# (text, a piece of the content, direct, cue, a piece of the source text or None)
CASES = [
    pytest.param(
        'Parliament met on Monday.\n\n"We will not back down," the spokesman said.',
        "We will not back down",
        True,
        "said",
        "spokesman",
        id="straight-quotes",
    ),
    pytest.param(
        "“The talks are over,” Sergei Lavrov told reporters in Geneva.",
        "The talks are over",
        True,
        "told",
        "Lavrov",
        id="curly-quotes",
    ),
    pytest.param(
        "The minister said: “Sanctions have failed. They hurt ordinary people. "
        "We want them lifted.”",
        "They hurt ordinary people",
        True,
        "said",
        "minister",
        id="multi-sentence-quote",
    ),
    pytest.param(
        'The Russian Foreign Ministry says Washington "distorted Russian proposals" '
        "on security guarantees.",
        '"distorted Russian proposals"',
        False,
        "says",
        "Foreign Ministry",
        id="partial-quote-in-reported-speech",
    ),
    pytest.param(
        "The White House said that the sanctions would stay in place.",
        "that the sanctions would stay in place",
        False,
        "said",
        "White House",
        id="indirect-that-clause",
    ),
    pytest.param(
        "A senior US official said the response was handed over on Wednesday.",
        "the response was handed over on Wednesday",
        False,
        "said",
        "official",
        id="indirect-without-that",
    ),
    pytest.param(
        "According to a statement by the Russian Foreign Ministry, Russia will be forced "
        "to respond.",
        "Russia will be forced to respond",
        False,
        "According to",
        "Russian Foreign Ministry",
        id="according-to-a-statement-by",
    ),
    pytest.param(
        "The embassy will close, according to the State Department.",
        "The embassy will close",
        False,
        "according to",
        "State Department",
        id="according-to-after",
    ),
    pytest.param(
        "The Foreign Ministry said in a statement on Tuesday that the embassy would reopen.",
        "that the embassy would reopen",
        False,
        "said",
        "Foreign Ministry",
        id="in-a-statement",
    ),
    pytest.param(
        "The economy will shrink next year, the central bank warned on Friday.",
        "The economy will shrink next year",
        False,
        "warned",
        "central bank",
        id="inverted-cue-after",
    ),
    pytest.param(
        "The talks, the minister said, will resume in May.",
        "will resume in May",
        False,
        "said",
        "minister",
        id="parenthetical-cue",
    ),
    pytest.param(
        "Moscow insists on the withdrawal of all foreign troops from the region.",
        "the withdrawal of all foreign troops",
        False,
        "insists on",
        "Moscow",
        id="insist-on",
    ),
    pytest.param(
        "The president stressed that no decision had been made.",
        "no decision had been made",
        False,
        "stressed",
        "president",
        id="stress",
    ),
    pytest.param(
        "The ministry denied that troops had crossed the border.",
        "troops had crossed the border",
        False,
        "denied",
        "ministry",
        id="deny",
    ),
    pytest.param(
        "Officials warned that the ceasefire could collapse within days.",
        "the ceasefire could collapse",
        False,
        "warned",
        "Officials",
        id="warn",
    ),
    pytest.param(
        "The spokesman noted that talks would continue, adding that no date had been set.",
        "no date had been set",
        False,
        "adding",
        "spokesman",
        id="add-participle",
    ),
    pytest.param(
        "The prime minister vowed to rebuild the bridge before winter.",
        "to rebuild the bridge",
        False,
        "vowed",
        "prime minister",
        id="vow-to",
    ),
    pytest.param(
        "The opposition leader called for new elections in the spring.",
        "new elections",
        False,
        "called for",
        "opposition leader",
        id="call-for",
    ),
    pytest.param(
        "Pat Rivers: The campaign has lost its way\n\nThe pollster spoke on Friday.",
        "The campaign has lost its way",
        False,
        ":",
        "Pat Rivers",
        id="headline-colon",
    ),
    pytest.param(
        "Voters were asked about the election.\n"
        "“Nothing will change whoever wins.” ― Maria Lopez\n",
        "Nothing will change",
        True,
        "―",
        "Maria Lopez",
        id="dash-signature",
    ),
]


@pytest.mark.parametrize(("text", "content", "direct", "cue", "source"), CASES)
def test_constructions(coder: Coder, text: str, content: str, direct: bool, cue, source) -> None:
    q = the_quote(quotes_of(coder, text), content)
    assert q.direct is direct
    assert q.cue is not None and q.cue.text == cue
    if source is None:
        assert q.source is None
    else:
        assert q.source is not None and source in q.source.text


def test_direct_quote_keeps_its_marks(coder: Coder) -> None:
    text = "“The talks are over,” Sergei Lavrov told reporters in Geneva."
    q = the_quote(quotes_of(coder, text), "talks")
    assert q.content.text == "“The talks are over,”"


def test_partial_quote_is_not_a_quote_of_its_own(coder: Coder) -> None:
    text = 'The Russian Foreign Ministry says Washington "distorted Russian proposals" on security.'
    found = quotes_of(coder, text)
    assert len(found) == 1
    assert found[0].content.text.startswith("Washington")


def test_quote_broken_by_he_said(coder: Coder) -> None:
    text = (
        "Ukrainian President Volodymyr Zelensky spoke in Kyiv on Monday.\n\n"
        "“We are ready to talk,” he said. “But we will not accept ultimatums.”"
    )
    found = quotes_of(coder, text)
    q = the_quote(found, "ready to talk")
    assert q.direct
    assert q.content.text.endswith("ultimatums.”")  # one quote over both pieces
    assert q.cue is not None and q.cue.text == "said"
    assert q.source is not None and q.source.text == "he"
    assert q.source.name == "Volodymyr Zelensky"  # the entities layer resolved "he"
    assert len([x for x in found if x.direct]) == 1


def test_pronoun_speaker_is_resolved(coder: Coder) -> None:
    text = (
        "The Russian Foreign Ministry issued a plan on Monday. It also clarified that "
        "Moscow insists on the withdrawal of US forces."
    )
    q = the_quote(quotes_of(coder, text), "Moscow insists")
    assert q.source is not None and q.source.text == "It"
    assert q.source.code == "RUSGOV"
    assert q.source.antecedent is not None
    assert "Foreign Ministry" in q.source.antecedent.text


def test_description_speaker_is_resolved(coder: Coder) -> None:
    text = (
        "The Russian Foreign Ministry issued a statement on Monday.\n\n"
        "The ministry said the talks in Geneva had achieved nothing."
    )
    q = the_quote(quotes_of(coder, text), "the talks in Geneva had achieved nothing")
    assert q.source is not None and "ministry" in q.source.text
    assert q.source.code == "RUSGOV"


def test_multi_paragraph_quote(coder: Coder) -> None:
    text = (
        "The senator said:\n\n"
        "“This bill protects our farmers. It took two years to write.\n\n"
        "“We will pass it before the summer.”\n\n"
        "The vote is expected next week."
    )
    found = quotes_of(coder, text)
    q = the_quote(found, "protects our farmers")
    assert q.direct
    assert q.content.text.endswith("before the summer.”")
    assert q.source is not None and "senator" in q.source.text
    assert len([x for x in found if x.direct]) == 1


def test_quote_paragraph_continues_the_previous_speaker(coder: Coder) -> None:
    text = (
        "“We have done everything we could,” the mayor said.\n\n"
        "“Now it is up to the council to decide what happens next.”"
    )
    found = quotes_of(coder, text)
    first = the_quote(found, "everything we could")
    second = the_quote(found, "up to the council")
    assert second.direct
    assert first.source is not None and second.source == first.source
    assert second.cue == first.cue  # the cue that introduced the speaker


def test_quote_with_no_speaker(coder: Coder) -> None:
    text = (
        "“Peace is not a gift, it is a choice we make every day.”\n\n"
        "The words were painted on a wall in the old town."
    )
    q = the_quote(quotes_of(coder, text), "Peace is not a gift")
    assert q.direct and q.source is None
    assert q.cue is not None and q.cue.text == "“"  # only the marks attribute the words


def test_uncoded_speaker_is_an_entity_with_no_code(coder: Coder) -> None:
    text = "The spokesman said the building would be closed."
    q = the_quote(quotes_of(coder, text), "the building would be closed")
    assert q.source is not None and q.source.text == "The spokesman"
    assert q.source.code is None


def test_scare_quotes_and_titles_are_not_quotes(coder: Coder) -> None:
    text = 'The so-called "peace plan" was debated in parliament on Monday.'
    assert quotes_of(coder, text) == []


def test_example_article(coder: Coder, example_text: str) -> None:
    found = quotes_of(coder, example_text)
    lines = example_text.split("\n")
    line_of = {}
    pos = 0
    for number, line in enumerate(lines, 1):
        line_of[number] = (pos, pos + len(line))
        pos += len(line) + 1

    def on(number: int, content: str, source: str, direct: bool | None = None) -> bool:
        lo, hi = line_of[number]
        return any(
            lo <= q.content.start < hi
            and content in q.content.text
            and q.source is not None
            and source in q.source.text
            and (direct is None or q.direct is direct)
            for q in found
        )

    assert on(5, "I have not reviewed the Russian response yet", "Biden", direct=True)
    assert on(4, "the response was handed over", "official", direct=False)
    assert on(2, "distorted Russian proposals", "Foreign Ministry", direct=False)
    assert on(7, "Russia will be forced to respond", "Foreign Ministry")


# -- quotation marks --------------------------------------------------------------------

MARKS = [
    pytest.param('He said "yes" and left.', ['"yes"'], id="straight"),
    pytest.param("He said “yes” and left.", ["“yes”"], id="curly"),
    pytest.param("He said ''no comment'' today.", ["''no comment''"], id="doubled-apostrophes"),
    pytest.param("Clinton’s aides don’t agree.", [], id="apostrophes-are-not-marks"),
    pytest.param("Rivers: It’s ‘in Their Heads’\n", ["‘in Their Heads’"], id="single-quotes"),
    pytest.param(
        "“He told me ‘never again,’ and meant it.”",
        ["“He told me ‘never again,’ and meant it.”"],
        id="nested",
    ),
    pytest.param(
        "“First paragraph.\n\n“Second paragraph.”\n",
        ["“First paragraph.\n\n“Second paragraph.”"],
        id="multi-paragraph",
    ),
    pytest.param(
        "“Unclosed paragraph of speech.\n\nThe reporter wrote this.",
        ["“Unclosed paragraph of speech."],
        id="unclosed-paragraph",
    ),
    pytest.param('A stray " mark.\n"Real quote," she said.', ['"Real quote,"'], id="stray-mark"),
]


@pytest.mark.parametrize(("text", "expected"), MARKS)
def test_quotation_marks(text: str, expected: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quoted(text)] == expected


# -- the cue lexicon ----------------------------------------------------------------------


def test_cue_lexicon_loads() -> None:
    cues = load_cues()
    assert cues.verb("say") is not None and cues.verb("say").speech
    assert cues.phrasal_verb("call", "for") is not None
    assert "according to" in cues.phrases


def test_cue_file_errors_name_the_line() -> None:
    header = "cue\tpos\ttakes\tsubject"
    with pytest.raises(CueFileError, match=":2:"):
        parse_cues([header, "say\tverb\tnonsense\tany"], "test.tsv")
    with pytest.raises(CueFileError, match="twice"):
        parse_cues([header, "say\tverb\tclause\tany", "say\tverb\tclause\tany"], "test.tsv")
