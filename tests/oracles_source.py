"""The OLD code of source.py and coverage.py (commit 123db8f), kept as test oracles.

Branch quotes2 rewrote the folding, the word index, :func:`sentences` and
:func:`paragraphs` for speed; tests/test_source_oracle.py checks with
hypothesis that the new code answers exactly as this copy does.  Do not
edit it except to follow renames; it is not part of the package.
"""

from __future__ import annotations

import bisect
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache, wraps
from itertools import accumulate, compress, count
from typing import TypeVar

from argmap.coverage import SentenceCoverage
from argmap.model import Map, Span

__all__ = ["coverage", "find_quote", "find_quotes", "occurrences", "paragraphs", "sentences"]

#: longest quote, in characters, that argmap looks up (elide longer ones: ``start … end``)
MAX_QUOTE = 3000

#: characters that ``typographic`` matching treats as their plain forms
TYPOGRAPHIC: dict[str, str] = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": "...",
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_ONE_TO_ONE = str.maketrans({k: v for k, v in TYPOGRAPHIC.items() if len(v) == 1})
_EXPANDING = re.compile("[" + "".join(k for k, v in TYPOGRAPHIC.items() if len(v) > 1) + "]")
_ALIGNED_WORDS = 40  # words of a long quote compared character by character
_ELISION = re.compile(r"\s+(?:\u2026|\.\.\.)\s+")
_SENTENCE_END = re.compile(r"""[.!?]["')\]]*(?=\s+["'(\[]?[A-Z0-9])""")


def paragraphs(text: str) -> list[Span]:
    """Spans of the paragraphs of ``text``, surrounding whitespace trimmed.

    If the text has a blank line, paragraphs are the blocks between blank
    lines; otherwise every non-empty line is a paragraph.

    Examples
    --------
    >>> t = "a b\\nc\\n\\nd"
    >>> [t[s.start:s.end] for s in paragraphs(t)]
    ['a b\\nc', 'd']
    >>> t = "a b\\nc\\nd"
    >>> [t[s.start:s.end] for s in paragraphs(t)]
    ['a b', 'c', 'd']
    """
    separator = r"\n[ \t]*\n\s*" if re.search(r"\n[ \t]*\n", text) else r"\n\s*"
    spans = []
    start = 0
    for m in re.finditer(separator, text):
        spans.append(_trimmed(text, start, m.start()))
        start = m.end()
    spans.append(_trimmed(text, start, len(text)))
    return [s for s in spans if s.end > s.start]


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def sentences(text: str) -> list[Span]:
    """Spans of the sentences of ``text``, never crossing a paragraph.

    A sentence ends at ``.``, ``!`` or ``?`` (with any closing quote or
    bracket) followed by whitespace and a capital, digit, quote or bracket.

    Examples
    --------
    >>> t = 'He said "no." Then (1) it ended. Pamphlet #1 stays.'
    >>> [t[s.start:s.end] for s in sentences(t)]
    ['He said "no."', 'Then (1) it ended.', 'Pamphlet #1 stays.']
    """
    result = []
    for para in paragraphs(text):
        start = para.start
        chunk = text[para.start : para.end]
        for m in _SENTENCE_END.finditer(chunk):
            end = para.start + m.end()
            result.append(_trimmed(text, start, end))
            start = end
        result.append(_trimmed(text, start, para.end))
    return [s for s in result if s.end > s.start]


@dataclass(frozen=True, eq=False)
class _Folded:
    """A text with whitespace runs made one space (and typography folded), and its offsets.

    Segment ``k`` of the folded text starts at ``starts[k]`` and comes from
    ``text[origins[k]:ends[k]]``; ``exact[k]`` says whether it maps character
    by character (a ligature's expansion does not; None: every segment does).
    """

    text: str
    starts: Sequence[int]
    origins: Sequence[int]
    ends: Sequence[int]
    exact: Sequence[bool] | None = None

    def span(self, start: int, end: int) -> Span:
        """The span of the original text that folded ``[start, end)`` comes from."""
        i = bisect.bisect_right(self.starts, start) - 1
        j = bisect.bisect_right(self.starts, end - 1) - 1
        exact_i = self.exact is None or self.exact[i]
        exact_j = self.exact is None or self.exact[j]
        first = self.origins[i] + (start - self.starts[i] if exact_i else 0)
        last = self.origins[j] + (end - self.starts[j]) if exact_j else self.ends[j]
        return Span(first, last)

    def spans(self, pairs: Sequence[tuple[int, int]]) -> list[Span]:
        """The spans of the original text that folded ``pairs`` come from, as :meth:`span`.

        Many pairs in a long text are looked up at once with numpy.
        """
        if len(pairs) < _NUMPY_PAIRS or len(self.text) < _NUMPY_FROM or self.exact is not None:
            return [self.span(a, b) for a, b in pairs]
        import numpy as np

        starts = np.asarray(self.starts, dtype=np.int64)
        origins = np.asarray(self.origins, dtype=np.int64)
        wanted = np.array(pairs, dtype=np.int64).reshape(-1, 2)
        first, end = wanted[:, 0], wanted[:, 1]
        i = np.searchsorted(starts, first, "right") - 1
        j = np.searchsorted(starts, end - 1, "right") - 1
        lo = origins[i] + (first - starts[i])
        hi = origins[j] + (end - starts[j])
        return list(map(Span, lo.tolist(), hi.tolist()))

    @cached_property
    def index(self) -> _WordIndex:
        """Where the folded text's rarer words start (built on first use)."""
        # when each segment is a word, the segments' starts are the words'
        return _WordIndex.of(self.text, self.starts if self.exact is None else None)


_R = TypeVar("_R")


def _per_text(fn: Callable[[str, bool], _R]) -> Callable[[str, bool], _R]:
    """Cache ``fn(text, flag)`` by the text's identity, then by its value (8 of each).

    A long source read twice (``compare`` loads two maps of one text) gives two
    equal strings; an equality lookup compares them whole on every call, which
    for a 7 MB essay and 10^5 quotes cost a minute.  Identity is checked first.
    """
    by_value = lru_cache(maxsize=8)(fn)
    by_identity: dict[tuple[int, bool], tuple[str, _R]] = {}

    @wraps(fn)
    def cached(text: str, flag: bool) -> _R:
        hit = by_identity.get((id(text), flag))
        if hit is not None and hit[0] is text:
            return hit[1]
        value = by_value(text, flag)
        if len(by_identity) >= 8:
            del by_identity[next(iter(by_identity))]
        by_identity[id(text), flag] = (text, value)  # the text is kept, so its id stays its own
        return value

    return cached


#: the characters :meth:`str.split` takes for whitespace (all below U+3001)
_WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
#: a word found at most this often is indexed; a quote of commoner words only is searched for
_RARE = 64
#: a word found at most this often is rare enough to find a quote by, without looking further
_FEW = 4


@dataclass(frozen=True)
class _WordIndex:
    """The words of a folded text: how often each occurs, where the rarer ones start."""

    counts: dict[str, int]
    where: dict[str, list[int]]

    @classmethod
    def of(cls, folded: str, starts: Sequence[int] | None = None) -> _WordIndex:
        """The index of ``folded``, whose words start at ``starts`` (worked out if None)."""
        words = folded.split(" ") if folded else []
        counts = Counter(words)
        if starts is None or len(starts) != len(words):
            starts = _cumulative_starts(list(map(len, words)))
        where: dict[str, list[int]] = {}
        rare = {w for w, n in counts.items() if n <= _RARE}
        for i in compress(count(), map(rare.__contains__, words)):
            where.setdefault(words[i], []).append(starts[i])
        return cls(counts, where)

    def find(self, folded: str, wanted: str, limit: int) -> list[int] | None:
        """Where ``wanted`` starts in ``folded``; None when its words are too common to say.

        The quote's rarest whole word (neither its first nor its last, which
        may be parts of words of the text), or the first found at most
        :data:`_FEW` times, is looked up, and each place it occurs is compared
        with the whole quote.
        """
        middle = wanted.split(" ")[1:-1]
        fewest, word = _RARE + 1, ""
        for part in middle:  # the rarest word, or the first that is rare enough
            n = self.counts.get(part, 0)
            if n < fewest:
                fewest, word = n, part
                if n <= _FEW:
                    break
        if fewest > _RARE:
            return None
        offset = wanted.index(f" {word} ") + 1  # any place of the word in the quote will do
        found = [
            at - offset
            for at in self.where.get(word, ())
            if at >= offset and folded.startswith(wanted, at - offset)
        ]
        return found[:limit]


def _cumulative_starts(lengths: Sequence[int]) -> array[int]:
    """Where each of words of ``lengths`` starts when they are joined by single spaces.

    >>> list(_cumulative_starts([2, 3, 1]))
    [0, 3, 7]
    """
    return array("q", accumulate((n + 1 for n in lengths[:-1]), initial=0) if lengths else ())


def _fold_words(text: str, typographic: bool) -> str:
    """``text`` with whitespace runs as one space, trimmed, typography folded if asked."""
    folded = " ".join(text.split())
    if typographic:
        folded = _EXPANDING.sub(lambda m: TYPOGRAPHIC[m.group()], folded.translate(_ONE_TO_ONE))
    return folded


@_per_text
def _folded(text: str, typographic: bool) -> _Folded:
    if typographic and _EXPANDING.search(text) is not None:
        return _folded_expanding(text)
    return _folded_words(text, typographic)


#: a word of a text: what :meth:`str.split` keeps (``\\s`` is :meth:`str.isspace` in ``re``)
_WORD = re.compile(r"\S+")
#: texts of at least this many characters find their words with numpy (importing it costs
#: about as much as finding the words of two million characters without it)
_NUMPY_FROM = 2_000_000
#: this many spans of such a text are looked up with numpy
_NUMPY_PAIRS = 1000


def _folded_words(text: str, typographic: bool) -> _Folded:
    """The folding of a text whose every word folds character by character.

    Each word is a segment: where words start in the text is found with
    numpy, as many words as ``text.split()`` gives.

    >>> f = _folded_words(" ab\\n\\n c\\u2019d ", True)
    >>> f.text, list(f.starts), list(f.origins), list(f.ends)
    ("ab c'd", [0, 3], [1, 6], [3, 9])
    """
    folded = _fold_words(text, typographic)
    if len(text) < _NUMPY_FROM:  # a short text: importing numpy would cost more than it saves
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        return _Folded(
            folded,
            _cumulative_starts([end - start for start, end in words]),
            array("q", (start for start, _ in words)),
            array("q", (end for _, end in words)),
        )
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    space = (codes == 32) | ((codes - 9) <= 4) | ((codes - 28) <= 3)  # the ASCII ones
    wide = np.flatnonzero(codes > 127)
    if wide.size:
        space[wide] = np.isin(codes[wide], np.array([ord(c) for c in _WHITESPACE], np.uint32))
    word = ~space
    before = np.concatenate(([True], space[:-1]))
    after = np.concatenate((space[1:], [True]))
    origins = np.flatnonzero(word & before)
    ends = np.flatnonzero(word & after) + 1
    starts = np.zeros(len(origins), dtype=np.int64)
    if len(origins) > 1:
        np.cumsum((ends - origins)[:-1] + 1, out=starts[1:])
    return _Folded(
        folded,
        array("q", starts.astype(np.int64).tobytes()),
        array("q", origins.astype(np.int64).tobytes()),
        array("q", ends.astype(np.int64).tobytes()),
    )


def _folded_expanding(text: str) -> _Folded:
    """The typographic folding of a text with ligatures or ellipses, segment by segment."""
    parts: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    ends: list[int] = []
    exact: list[bool] = []
    at = 0

    def add(piece: str, origin: int, end: int, same: bool) -> None:
        nonlocal at
        parts.append(piece)
        starts.append(at)
        origins.append(origin)
        ends.append(end)
        exact.append(same)
        at += len(piece)

    table = _ONE_TO_ONE
    for m in re.finditer(r"\S+", text):
        if parts:
            parts.append(" ")
            at += 1
        word = m.group()
        if not _EXPANDING.search(word):
            add(word.translate(table), m.start(), m.end(), True)
            continue
        done = 0
        for lig in _EXPANDING.finditer(word):
            if lig.start() > done:
                add(
                    word[done : lig.start()].translate(table),
                    m.start() + done,
                    m.start() + lig.start(),
                    True,
                )
            add(TYPOGRAPHIC[lig.group()], m.start() + lig.start(), m.start() + lig.end(), False)
            done = lig.end()
        if done < len(word):
            add(word[done:].translate(table), m.start() + done, m.end(), True)
    return _Folded("".join(parts), starts, origins, ends, exact)


def _find_all(haystack: str, needle: str, start: int = 0, limit: int = 100) -> list[int]:
    found: list[int] = []
    at = haystack.find(needle, start)
    while at >= 0 and len(found) < limit:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def occurrences(
    text: str, quote: str, *, typographic: bool = False, limit: int = 100
) -> list[Span]:
    """Spans of ``text`` where ``quote`` occurs (at most ``limit``), in order.

    An elided quote (``start … end``) occurs once for each ``start`` followed
    by an ``end`` with no other ``start`` in between.

    Examples
    --------
    >>> occurrences("Yes. No. Yes.", "Yes.")
    [Span(start=0, end=4), Span(start=9, end=13)]
    >>> occurrences("It\\u2019s a fine day", "It's a fine day", typographic=True)
    [Span(start=0, end=15)]
    >>> occurrences("a b c a d c", "a ... c")
    [Span(start=0, end=5), Span(start=6, end=11)]
    """
    if not quote.strip() or len(quote) > MAX_QUOTE:
        return []
    folded = _folded(text, typographic)
    return folded.spans(_folded_occurrences(folded, quote, typographic, limit))


def _folded_occurrences(
    folded: _Folded, quote: str, typographic: bool, limit: int
) -> list[tuple[int, int]]:
    """Where ``quote`` occurs in ``folded.text`` (at most ``limit``): folded offsets."""
    if len(quote) > MAX_QUOTE:
        return []
    wanted = _fold_words(quote, typographic)
    if not wanted:  # only whitespace
        return []
    found = folded.index.find(folded.text, wanted, limit)
    if found is None:  # a short quote, or one of common words only: search the whole text
        found = _find_all(folded.text, wanted, limit=limit)
    size = len(wanted)
    spans = [(at, at + size) for at in found]
    if not spans and _ELISION.search(quote):
        spans = _elided(folded.text, [_fold_words(p, typographic) for p in _ELISION.split(quote)])
        spans = spans[:limit]
    return spans


def _elided(haystack: str, parts: list[str]) -> list[tuple[int, int]]:
    if not all(parts):
        return []
    starts = _find_all(haystack, parts[0], limit=10_000)
    spans: list[tuple[int, int]] = []
    for k, start in enumerate(starts):
        end = start + len(parts[0])
        for part in parts[1:]:
            at = haystack.find(part, end)
            if at < 0:
                return spans
            end = at + len(part)
        if k + 1 < len(starts) and starts[k + 1] + len(parts[0]) <= end - len(parts[-1]):
            continue  # a later start gives a shorter span
        spans.append((start, end))
    return spans


def find_quote(
    text: str, quote: str, *, typographic: bool = False, occurrence: int = 1
) -> Span | None:
    """Span of the ``occurrence``-th occurrence of ``quote`` in ``text``, or None.

    Whitespace runs match any whitespace run; everything else must be equal
    (typography aside with ``typographic``).

    Examples
    --------
    >>> find_quote("Yes. No. Yes.", "Yes.", occurrence=2)
    Span(start=9, end=13)
    >>> find_quote("Yes. No. Yes.", "Yes.", occurrence=3) is None
    True
    """
    found = occurrences(text, quote, typographic=typographic, limit=occurrence)
    return found[occurrence - 1] if 0 < occurrence <= len(found) else None


def find_quotes(
    text: str, quotes: Sequence[tuple[str, int]], *, typographic: bool = False
) -> list[tuple[Span | None, int]]:
    """For each ``(quote, occurrence)``: :func:`find_quote`'s span, and how often it occurs.

    The occurrences are counted up to ``max(2, occurrence)``: enough to tell
    whether the quote is repeated.  The text is folded once for all quotes and
    their spans are worked out together.

    Examples
    --------
    >>> find_quotes("Yes. No. Yes.", [("Yes.", 2), ("No.", 1), ("Maybe.", 1), ("Yes.", 3)])
    [(Span(start=9, end=13), 2), (Span(start=5, end=8), 1), (None, 0), (None, 2)]
    """
    folded = _folded(text, typographic)
    chosen: list[int] = []
    pairs: list[tuple[int, int]] = []
    counts: list[int] = []
    for k, (quote, occurrence) in enumerate(quotes):
        found = _folded_occurrences(folded, quote, typographic, max(2, occurrence))
        counts.append(len(found))
        if 0 < occurrence <= len(found):
            chosen.append(k)
            pairs.append(found[occurrence - 1])
    spans: list[Span | None] = [None] * len(quotes)
    for k, span in zip(chosen, folded.spans(pairs), strict=True):
        spans[k] = span
    return list(zip(spans, counts, strict=True))


# --- the old coverage.py (SentenceCoverage is unchanged and imported) ---


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
    spans = sentences(text)
    claims = _overlapping(spans, [c.span for c in m.claims], [c.id for c in m.claims])
    for k, ids in claims.items():
        if len(ids) > 1:
            claims[k] = tuple(sorted(set(ids)))
    skipped = _overlapping(spans, [s.span for s in m.skipped], [s.why for s in m.skipped])
    whys = {k: why[0] for k, why in skipped.items()}
    return Coverage(text, spans, paragraphs(text), claims, whys)
