"""Which sentences of the source the map encodes.

A sentence is *covered* when some claim's quote overlaps it, *skipped* when a
``skipped:`` entry of the map overlaps it, and *uncovered* otherwise.

Examples
--------
>>> from argmap.model import Claim, Map, Span
>>> text = "Cats purr. Dogs bark. So cats are happy."
>>> c = Claim(id="a", text="", quote="Cats purr", role="thesis", by="x", span=Span(0, 9))
>>> m = Map(title="", thesis="a", source="s", claims=(c,), relations=(), source_text=text)
>>> cov = coverage(m)
>>> [(s.text, s.claims) for s in cov.sentences]
[('Cats purr.', ('a',)), ('Dogs bark.', ()), ('So cats are happy.', ())]
>>> cov.ratio
0.3333333333333333
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap import source as src
from argmap.model import Map, Span

__all__ = ["Coverage", "SentenceCoverage", "coverage"]


@dataclass(frozen=True)
class SentenceCoverage:
    """One sentence: where it is, which claims quote it, why it is skipped."""

    number: int
    paragraph: int
    span: Span
    text: str
    claims: tuple[str, ...]
    skipped: str = ""

    @property
    def status(self) -> str:
        """``"covered"``, ``"skipped"`` or ``"uncovered"``."""
        if self.claims:
            return "covered"
        return "skipped" if self.skipped else "uncovered"


@dataclass(frozen=True)
class Coverage:
    """Coverage of all sentences of a map's source."""

    sentences: tuple[SentenceCoverage, ...]

    @property
    def covered(self) -> list[SentenceCoverage]:
        """Sentences some claim quotes."""
        return [s for s in self.sentences if s.status == "covered"]

    @property
    def uncovered(self) -> list[SentenceCoverage]:
        """Sentences neither quoted nor skipped."""
        return [s for s in self.sentences if s.status == "uncovered"]

    @property
    def ratio(self) -> float:
        """Share of the sentences that are not skipped which some claim quotes."""
        counted = [s for s in self.sentences if s.status != "skipped"]
        return len(self.covered) / len(counted) if counted else 1.0


def _overlapping(spans: list[Span], items: list[tuple[Span, str]]) -> list[tuple[int, ...]]:
    """For each span (in text order), the indexes of the items overlapping it.

    ``spans`` must be ordered with their starts and ends never going back (the
    sentences of a text are).  The items are swept once by start: an item
    joins when it starts before the span ends and leaves when it ends before
    the span starts, so every item kept overlaps the span.
    """
    order = sorted(range(len(items)), key=lambda i: items[i][0].start)
    active: list[int] = []
    nxt = 0
    result = []
    for span in spans:
        while nxt < len(order) and items[order[nxt]][0].start < span.end:
            active.append(order[nxt])
            nxt += 1
        active = [i for i in active if items[i][0].end > span.start]
        result.append(tuple(active))
    return result


def coverage(m: Map) -> Coverage:
    """Sentence by sentence, which claims of ``m`` quote its source."""
    text = m.source_text
    paras = src.paragraphs(text)
    quoted = [(c.span, c.id) for c in m.claims if c.span is not None]
    skips = [(s.span, s.why) for s in m.skipped if s.span is not None]
    spans = src.sentences(text)
    rows = []
    for number, (span, by_claims, by_skips) in enumerate(
        zip(spans, _overlapping(spans, quoted), _overlapping(spans, skips), strict=True), start=1
    ):
        rows.append(
            SentenceCoverage(
                number,
                src.paragraph_of(paras, span),
                span,
                " ".join(text[span.start : span.end].split()),
                tuple(sorted({quoted[i][1] for i in by_claims})),
                skips[min(by_skips)][1] if by_skips else "",
            )
        )
    return Coverage(tuple(rows))
