"""Property: every span of every layer points at its own text (CONTRACT.md offsets)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman.document import Document

FRAGMENTS = [
    "The Russian Foreign Ministry says Washington \u201cdistorted Russian proposals\u201d.",
    'US President Joe Biden said on Thursday, "I have not reviewed it yet."',
    "Ukrainian border guards and Kenyan police met in Nairobi last December.",
    "It also clarified that Moscow insists on the withdrawal of all US forces.",
    "Caf\u00e9 owners in S\u00e3o Paulo protested \u2014 again \u2014 on 1 February 2022.",
    "\u05e9\u05dc\u05d5\u05dd and \u0645\u0631\u062d\u0628\u0627: the UN envoy arrived.",
    "NATO's secretary-general warned Russia's ambassador to Poland.",
    "Emoji \U0001f600 rebels in Syria's north attacked an army post.",
]
SEPARATORS = [" ", "\n", "\r\n", "\n\n", "  \t", "\u00a0", "\u2028"]


def spans_of(doc: dict[str, Any]):
    """Every (text, start, end) the annotate record contains, in any layer."""

    def walk(node: Any):
        if isinstance(node, dict):
            if {"start", "end"} <= node.keys() and node.get("start") is not None and "text" in node:
                yield node["text"], node["start"], node["end"]
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for key in ("entities", "times", "places", "quotes", "events"):
        yield from walk(doc[key])


texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=1, max_size=40)),
    min_size=1,
    max_size=6,
).flatmap(
    lambda parts: st.lists(
        st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts)
    ).map(lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True)))
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts)
def test_every_span_indexes_the_text(coder, text: str) -> None:
    record = coder.annotate(Document("prop", text, "2022-02-17")).to_json()
    assert record["text"] == text
    for sent in record["sentences"]:
        assert 0 <= sent["start"] < sent["end"] <= len(text)
        assert text[sent["start"] : sent["end"]].strip() == text[sent["start"] : sent["end"]]
    for span_text, start, end in spans_of(record):
        assert text[start:end] == span_text


def test_example_article_spans(coder, example_text: str) -> None:
    record = coder.annotate(Document("ex", example_text, "2022-02-17")).to_json()
    spans = list(spans_of(record))
    assert len(spans) > 30
    for span_text, start, end in spans:
        assert example_text[start:end] == span_text
