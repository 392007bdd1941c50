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

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

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


class Coverage:
    """Coverage of all sentences of a map's source (made by :func:`coverage`).

    The counts and the uncovered sentences come without a row for every
    sentence; :attr:`sentences` makes all the rows when first asked for.
    ``spans`` are the sentences of ``text``, ``paragraphs`` the spans of its
    paragraphs, ``claims`` the ids quoting each sentence (by index, only
    those some claim quotes) and ``skipped`` why a sentence is skipped (by
    index, only those a ``skipped:`` entry names).
    """

    def __init__(
        self,
        text: str,
        spans: list[Span],
        paragraphs: list[Span],
        claims: dict[int, tuple[str, ...]],
        skipped: dict[int, str],
    ) -> None:
        self._text, self._spans, self._claims, self._skipped = text, spans, claims, skipped
        self._paragraphs = paragraphs
        self._paragraph_starts = [p.start for p in paragraphs]

    def _row(self, k: int) -> SentenceCoverage:
        span = self._spans[k]
        para = bisect_right(self._paragraph_starts, span.start)
        return SentenceCoverage(
            k + 1,
            para if para and span.start < self._paragraphs[para - 1].end else 0,
            span,
            " ".join(self._text[span.start : span.end].split()),
            self._claims.get(k, ()),
            self._skipped.get(k, ""),
        )

    @cached_property
    def sentences(self) -> tuple[SentenceCoverage, ...]:
        """Every sentence, in text order."""
        return tuple(map(self._row, range(len(self._spans))))

    @cached_property
    def counts(self) -> dict[str, int]:
        """How many sentences are ``covered``, ``skipped`` and ``uncovered``."""
        covered = len(self._claims)
        skipped = len(self._skipped.keys() - self._claims.keys())
        return {
            "covered": covered,
            "skipped": skipped,
            "uncovered": len(self._spans) - covered - skipped,
        }

    @property
    def covered(self) -> list[SentenceCoverage]:
        """Sentences some claim quotes."""
        return [self._row(k) for k in sorted(self._claims)]

    @property
    def uncovered(self) -> list[SentenceCoverage]:
        """Sentences neither quoted nor skipped."""
        return [
            self._row(k)
            for k in range(len(self._spans))
            if k not in self._claims and k not in self._skipped
        ]

    @property
    def ratio(self) -> float:
        """Share of the sentences that are not skipped which some claim quotes."""
        counted = self.counts["covered"] + self.counts["uncovered"]
        return self.counts["covered"] / counted if counted else 1.0

    def __repr__(self) -> str:
        return f"Coverage(sentences={self.sentences!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Coverage) and self.sentences == other.sentences

    def __hash__(self) -> int:
        return hash(self.sentences)


def _overlapping(
    sentences: list[Span], spans: list[Span | None], names: list[str]
) -> dict[int, tuple[str, ...]]:
    """Which spans overlap each sentence: sentence index -> their names, in span order.

    ``sentences`` must be in text order and apart (as :func:`argmap.source.sentences`
    gives them).  A span that starts a sentence and ends within it (a quote
    usually does) is found by the sentence's start; any other by two binary
    searches, from the first sentence that ends after the span starts to the
    last that starts before it ends.  None spans (quotes not found) are
    passed over.

    Examples
    --------
    >>> sentences = [Span(0, 4), Span(5, 9), Span(10, 14)]
    >>> _overlapping(sentences, [Span(6, 12), None, Span(5, 7)], ["a", "b", "c"])
    {1: ('a', 'c'), 2: ('a',)}
    """
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    starting = dict(zip(starts, range(len(starts)), strict=True))
    found: dict[int, tuple[str, ...]] = {}
    for span, name in zip(spans, names, strict=True):
        if span is None:
            continue
        k = starting.get(span.start)
        if k is not None and span.start < span.end <= ends[k]:
            found[k] = (*found[k], name) if k in found else (name,)
            continue
        for k in range(bisect_right(ends, span.start), bisect_left(starts, span.end)):
            found[k] = (*found[k], name) if k in found else (name,)
    return found


def coverage(m: Map) -> Coverage:
    """Sentence by sentence, which claims of ``m`` quote its source.

    Each quote and each skipped passage finds the sentences it overlaps (see
    :func:`_overlapping`); the rows of the sentences are made when asked for
    (see :class:`Coverage`).
    """
    text = m.source_text
    spans = src.sentences(text)
    claims = _overlapping(spans, [c.span for c in m.claims], [c.id for c in m.claims])
    for k, ids in claims.items():
        if len(ids) > 1:
            claims[k] = tuple(sorted(set(ids)))
    skipped = _overlapping(spans, [s.span for s in m.skipped], [s.why for s in m.skipped])
    whys = {k: why[0] for k, why in skipped.items()}
    return Coverage(text, spans, src.paragraphs(text), claims, whys)
