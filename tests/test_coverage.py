"""Coverage: the sentences each quote and skipped passage overlaps, against a plain scan."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.coverage import _overlapping
from argmap.model import Span


@st.composite
def _sentences_and_spans(draw: st.DrawFn) -> tuple[list[Span], list[Span | None]]:
    cuts = sorted(draw(st.sets(st.integers(0, 60), min_size=2, max_size=12)))
    sentences = [Span(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    bound = st.integers(0, 62)
    spans = draw(st.lists(st.one_of(st.none(), st.tuples(bound, bound)), max_size=8))
    return sentences, [s and Span(min(s), max(s)) for s in spans]


@settings(max_examples=300, deadline=None)
@given(_sentences_and_spans())
def test_overlapping_is_a_plain_scan(case: tuple[list[Span], list[Span | None]]) -> None:
    sentences, spans = case
    names = [f"q{i}" for i in range(len(spans))]
    expected = {
        k: tuple(
            n
            for s, n in zip(spans, names, strict=True)
            if s and s.start < t.end and s.end > t.start
        )
        for k, t in enumerate(sentences)
    }
    starts, ends = [t.start for t in sentences], [t.end for t in sentences]
    assert _overlapping(starts, ends, spans, names) == {k: v for k, v in expected.items() if v}
