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
from itertools import compress, filterfalse, repeat
from operator import attrgetter, is_, le, lt

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
    The sentences of ``text`` start at ``starts`` and end at ``ends``,
    ``paragraphs`` are the spans of its paragraphs, ``claims`` the ids
    quoting each sentence (by index, only those some claim quotes) and
    ``skipped`` why a sentence is skipped (by index, only those a
    ``skipped:`` entry names).
    """

    def __init__(
        self,
        text: str,
        bounds: tuple[list[int], list[int]],
        paragraphs: list[Span],
        claims: dict[int, tuple[str, ...]],
        skipped: dict[int, str],
    ) -> None:
        self._text, self._claims, self._skipped = text, claims, skipped
        self._starts, self._ends = bounds
        self._paragraphs = paragraphs
        self._paragraph_starts = [p.start for p in paragraphs]

    def _row(self, k: int) -> SentenceCoverage:
        span = Span(self._starts[k], self._ends[k])
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
        return tuple(map(self._row, range(len(self._starts))))

    @cached_property
    def counts(self) -> dict[str, int]:
        """How many sentences are ``covered``, ``skipped`` and ``uncovered``."""
        covered = len(self._claims)
        skipped = len(self._skipped.keys() - self._claims.keys())
        return {
            "covered": covered,
            "skipped": skipped,
            "uncovered": len(self._starts) - covered - skipped,
        }

    @property
    def covered(self) -> list[SentenceCoverage]:
        """Sentences some claim quotes."""
        return [self._row(k) for k in sorted(self._claims)]

    @property
    def uncovered(self) -> list[SentenceCoverage]:
        """Sentences neither quoted nor skipped."""
        quoted, skipped = self._claims.__contains__, self._skipped.__contains__
        return list(
            map(self._row, filterfalse(quoted, filterfalse(skipped, range(len(self._starts)))))
        )

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
    starts: list[int], ends: list[int], spans: list[Span | None], names: list[str]
) -> dict[int, tuple[str, ...]]:
    """Which spans overlap each sentence: sentence index -> their names, in span order.

    The sentences start at ``starts`` and end at ``ends``, in text order and
    apart (as :func:`argmap.source.sentence_bounds` gives them).  A span that
    starts a sentence and ends within it (a quote usually does) is found by
    the sentence's start; any other by two binary searches, from the first
    sentence that ends after the span starts to the last that starts before
    it ends.  None spans (quotes not found) are passed over.

    Examples
    --------
    >>> _overlapping([0, 5, 10], [4, 9, 14], [Span(6, 12), None, Span(5, 7)], ["a", "b", "c"])
    {1: ('a', 'c'), 2: ('a',)}
    """
    starting = dict(zip(starts, range(len(starts)), strict=True))
    if spans and not any(map(is_, spans, repeat(None))):
        firsts = list(map(attrgetter("start"), spans))
        lasts = list(map(attrgetter("end"), spans))
        sentences = list(map(starting.get, firsts, repeat(-1)))
        within = map(le, lasts, map([*ends, -1].__getitem__, sentences))  # -1: starts none
        if (
            all(within) and all(map(lt, firsts, lasts)) and len(set(sentences)) == len(sentences)
        ):  # the usual map: each span starts a sentence of its own and ends within it
            return dict(zip(sentences, zip(names), strict=True))
    found: dict[int, tuple[str, ...]] = {}
    for span, name in zip(spans, names, strict=True):
        if span is None:
            continue
        start, end = span.start, span.end
        k = starting.get(start)
        if k is not None and start < end <= ends[k]:
            had = found.get(k)
            found[k] = (name,) if had is None else (*had, name)
            continue
        for k in range(bisect_right(ends, start), bisect_left(starts, end)):
            found[k] = (*found[k], name) if k in found else (name,)
    return found


def coverage(m: Map) -> Coverage:
    """Sentence by sentence, which claims of ``m`` quote its source.

    Each quote and each skipped passage finds the sentences it overlaps (see
    :func:`_overlapping`); the rows of the sentences are made when asked for
    (see :class:`Coverage`).
    """
    text = m.source_text
    paragraphs, starts, ends = src.sentence_bounds(text)
    claims = _overlapping(starts, ends, [c.span for c in m.claims], [c.id for c in m.claims])
    for k in list(compress(claims, map(lt, repeat(1), map(len, claims.values())))):
        claims[k] = tuple(sorted(set(claims[k])))  # quoted by several claims
    skipped = _overlapping(starts, ends, [s.span for s in m.skipped], [s.why for s in m.skipped])
    whys = {k: why[0] for k, why in skipped.items()}
    return Coverage(text, (starts, ends), paragraphs, claims, whys)
