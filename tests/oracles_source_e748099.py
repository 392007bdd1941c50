"""The code of source.py's quote finding at commit e748099, kept as a test oracle.

Branch quotes3 rewrote the folding (no numpy, no word list kept), the second-word
lookup and the spans for speed; tests/test_source_oracle.py checks with
hypothesis that the new code answers exactly as this copy does (and as the
older copy in oracles_source.py).  Do not edit it except to follow renames; it
is not part of the package.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache, wraps
from itertools import accumulate, chain, compress, count
from operator import add, sub
from typing import TypeVar

from argmap.model import Span

__all__ = ["find_quote", "find_quotes", "occurrences", "paragraph_numbers", "sentence_bounds"]

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
    return _paragraphs(text, _BLANK_LINE.search(text) is not None)


#: a blank line: paragraphs are the blocks between them (else the lines)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
#: what parts paragraphs, when the text has a blank line (True) or not (False)
_PARAGRAPH_BREAK = {True: re.compile(r"\n[ \t]*\n\s*"), False: re.compile(r"\n\s*")}
#: the ends of sentences (group 1: the whitespace after one) within a paragraph, by the
#: same keys (the whitespace holds no paragraph break): one expression for each of
#: ``.!?``, as one that starts with a literal character is searched for fast
_SENTENCE_BREAKS = {
    blank: [
        re.compile(rf"""{re.escape(end)}["')\]]*({space}+)(?=["'(\[]?[A-Z0-9])""") for end in ".!?"
    ]
    for blank, space in ((True, r"(?:(?!\n[ \t]*\n)\s)"), (False, r"[^\S\n]"))
}


def _paragraphs(text: str, blank: bool) -> list[Span]:
    """:func:`paragraphs`, parted by blank lines (``blank``) or by line breaks.

    A part after a break starts at a non-space (the break takes the
    whitespace after it), so only its end and the first part's start are trimmed.
    """
    starts = [len(text) - len(text.lstrip())]
    ends = []
    for m in _PARAGRAPH_BREAK[blank].finditer(text, starts[0]):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(text))
    ends = [start + len(text[start:end].rstrip()) for start, end in zip(starts, ends, strict=True)]
    return [Span(a, b) for a, b in zip(starts, ends, strict=True) if b > a]


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
    _, starts, ends = sentence_bounds(text)
    return list(map(Span, starts, ends))


def sentence_bounds(text: str) -> tuple[list[Span], list[int], list[int]]:
    """The paragraphs of ``text``, and where its sentences start and where they end.

    The same as :func:`paragraphs` and :func:`sentences`, with no span made
    for each sentence.

    Examples
    --------
    >>> sentence_bounds("Yes. No.\\n\\nMaybe.")
    ([Span(start=0, end=8), Span(start=10, end=16)], [0, 5, 10], [4, 8, 16])
    """
    blank = _BLANK_LINE.search(text) is not None
    paras = _paragraphs(text, blank)
    # a sentence ends where a paragraph does, or at a break in one; it starts likewise
    breaks = [m.span(1) for pattern in _SENTENCE_BREAKS[blank] for m in pattern.finditer(text)]
    ends = sorted([end for end, _ in breaks] + [p.end for p in paras])
    starts = sorted([start for _, start in breaks] + [p.start for p in paras])
    return paras, starts, ends


@dataclass(frozen=True, eq=False)
class _Folded:
    """A text with whitespace runs made one space (and typography folded), and its offsets.

    Segment ``k`` of the folded text starts at ``starts[k]`` and comes from
    ``text[origins[k]:ends[k]]``; ``exact[k]`` says whether it maps character
    by character (a ligature's expansion does not; None: every segment does).
    ``once`` holds the folded text's words.
    """

    text: str
    starts: Sequence[int]
    origins: Sequence[int]
    ends: Sequence[int]
    once: _Once
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
        wanted = np.fromiter(chain.from_iterable(pairs), np.int64, 2 * len(pairs)).reshape(-1, 2)
        first, end = wanted[:, 0], wanted[:, 1]
        i = np.searchsorted(starts, first, "right") - 1
        j = np.searchsorted(starts, end - 1, "right") - 1
        lo = origins[i] + (first - starts[i])
        hi = origins[j] + (end - starts[j])
        return list(map(Span, lo.tolist(), hi.tolist()))

    @cached_property
    def index(self) -> _WordIndex:
        """Where the folded text's rarer words start (built on first use)."""
        return _WordIndex.of(self.text, self.once.counts)


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


#: a word found at most this often is indexed; a quote of commoner words only is searched for
_RARE = 64
#: a word found at most this often is rare enough to find a quote by, without looking further
_FEW = 4
#: quotes looked up together by their second words (see :meth:`_Once.decide`)
_TRIAL = 4096


@dataclass(frozen=True)
class _Once:
    """The words of a folded text: how often each occurs, and where each last starts.

    Both are built at C speed; a word found once starts where it last does.
    The counts serve the index of rarer words (:class:`_WordIndex`) too.
    """

    counts: dict[str, int]
    last: dict[str, int]

    @classmethod
    def of(cls, folded: str, words: list[str] | None = None) -> _Once:
        """The ``words`` of ``folded`` (split at its single spaces if None).

        >>> o = _Once.of("a b a c")
        >>> dict(o.counts), o.last
        ({'a': 2, 'b': 1, 'c': 1}, {'a': 4, 'b': 2, 'c': 6})
        """
        if words is None:
            words = folded.split(" ") if folded else []
        last = dict(zip(words, _word_starts(folded, words), strict=True))
        return cls(Counter(words), last)

    def find(
        self, folded: str, wanted: str, words: list[str], limit: int
    ) -> list[int] | tuple[str, int]:
        """Where ``wanted`` (of ``words``) starts in ``folded``, if its middle words tell.

        A middle word found once in the text can only be at its one place; a
        middle word not in the text means that the quote is not either.
        Else the quote's rarest middle word, or the first found at most
        :data:`_FEW` times, and how often it occurs (``_RARE + 1``: none is
        rarer), for the index of rarer words to look up.

        >>> t = "a b a c d a b a"
        >>> [_Once.of(t).find(t, q, q.split(), 5) for q in ["a c d", "x y z", "b a b", "a b"]]
        [[4], [], ('a', 4), ('', 65)]
        """
        counts = self.counts
        fewest, rarest = _RARE + 1, ""
        for word in words[1:-1]:
            n = counts.get(word, 0)
            if n <= 1:  # not in the text, or once: the quote is nowhere, or at one place
                if not n:
                    return []
                at = self.last[word] - wanted.index(f" {word} ") - 1  # any place of the word
                return [at][:limit] if at >= 0 and folded.startswith(wanted, at) else []
            if n < fewest:
                fewest, rarest = n, word
                if n <= _FEW:
                    break
        return rarest, fewest

    def decide(
        self, folded: str, quotes: Sequence[str], typographic: bool
    ) -> list[list[tuple[int, int]] | None]:
        """For each quote, where it occurs in ``folded`` if its second word tells, else None.

        :meth:`find` for many quotes, by their second word only (a middle word
        when there are three or more), looked up for all at once: found once
        in the text, the quote is there or nowhere; not in the text, the
        quote is not either.  An elided quote found so nowhere, and a quote
        longer than :data:`MAX_QUOTE`, are left to :func:`_folded_occurrences`.

        Quotes are tried :data:`_TRIAL` at a time: when fewer than a quarter
        of a batch are told so, the rest are left undecided at once (a text
        whose words mostly repeat, such as a long book: the lookups would be
        done twice).

        >>> quotes = ["a b a", "b a c", "x y z", "b c", "a\\nc d"]
        >>> _Once.of("a b a c d").decide("a b a c d", quotes, False)
        [[(0, 5)], None, [], None, [(4, 9)]]
        """
        decided: list[list[tuple[int, int]] | None] = []
        for at in range(0, len(quotes), _TRIAL):
            batch = self._decide(folded, quotes[at : at + _TRIAL], typographic)
            decided += batch
            if 4 * sum(found is not None for found in batch) < len(batch):
                return decided + [None] * (len(quotes) - len(decided))
        return decided

    def _decide(
        self, folded: str, quotes: Sequence[str], typographic: bool
    ) -> list[list[tuple[int, int]] | None]:
        if typographic:
            wanted = [_fold_words(q, typographic) for q in quotes]
        else:  # most quotes are folded already: no whitespace but single spaces inside
            wanted = [
                q
                if q.isprintable() and "  " not in q and q[:1] != " " and q[-1:] != " "
                else " ".join(q.split())
                for q in quotes
            ]
        heads = [w.split(" ", 2) for w in wanted]  # the first word, the second, the rest
        seconds = [head[1] if len(head) == 3 else "" for head in heads]
        lasts = list(map(self.last.get, seconds))
        decided: list[list[tuple[int, int]] | None] = []
        for quote, whole, head, last, times in zip(
            quotes, wanted, heads, lasts, map(self.counts.get, seconds), strict=True
        ):
            if len(head) < 3 or len(quote) > MAX_QUOTE or (last is not None and times != 1):
                decided.append(None)  # no middle word, too long, or a second word found often
                continue
            at = -1 if last is None else last - len(head[0]) - 1
            if at >= 0 and folded.startswith(whole, at):
                decided.append([(at, at + len(whole))])
            else:
                decided.append(None if _ELISION.search(quote) else [])
        return decided


@dataclass(frozen=True)
class _WordIndex:
    """Where the rarer words of a folded text start."""

    where: dict[str, list[int]]

    @classmethod
    def of(cls, folded: str, counts: dict[str, int]) -> _WordIndex:
        """The index of ``folded``, whose words occur ``counts`` times."""
        words = folded.split(" ") if folded else []
        starts = _word_starts(folded, words)
        where: dict[str, list[int]] = {}
        rare = {w for w, n in counts.items() if n <= _RARE}
        for i in compress(count(), map(rare.__contains__, words)):
            where.setdefault(words[i], []).append(starts[i])
        return cls(where)

    def find(self, folded: str, wanted: str, word: str, limit: int) -> list[int]:
        """Where ``wanted`` starts in ``folded``, found by its middle word ``word`` (a rare one).

        Each place the word occurs is compared with the whole quote.
        """
        offset = wanted.index(f" {word} ") + 1  # any place of the word in the quote will do
        found = [
            at - offset
            for at in self.where.get(word, ())
            if at >= offset and folded.startswith(wanted, at - offset)
        ]
        return found[:limit]


def _fold_words(text: str, typographic: bool) -> str:
    """``text`` with whitespace runs as one space, trimmed, typography folded if asked."""
    folded = " ".join(text.split())
    return _typography(folded) if typographic else folded


def _typography(text: str) -> str:
    """``text`` with the characters of :data:`TYPOGRAPHIC` in their plain forms."""
    return _EXPANDING.sub(lambda m: TYPOGRAPHIC[m.group()], text.translate(_ONE_TO_ONE))


@_per_text
def _folded(text: str, typographic: bool) -> _Folded:
    if typographic and _EXPANDING.search(text) is not None:
        return _folded_expanding(text)
    return _folded_runs(text, typographic)


#: texts of at least this many characters find their words' starts with numpy (importing
#: it costs about as much as finding the words of two million characters without it)
_NUMPY_FROM = 2_000_000
#: this many spans of such a text are looked up with numpy
_NUMPY_PAIRS = 1000
#: two or more whitespace characters (``\\s`` is :meth:`str.isspace` in ``re``, and what
#: :meth:`str.split` takes): folding makes them one space
_RUN = re.compile(r"\s\s+")


def _folded_runs(text: str, typographic: bool) -> _Folded:
    """The folding of a text whose every character folds to one character.

    A single whitespace character folds to one space, so the folded text is
    the text character by character except at runs of whitespace (and its
    trimmed ends): the segments are the stretches between such runs.

    >>> f = _folded_runs(" ab\\n\\n c\\u2019d e ", True)
    >>> f.text, list(f.starts), list(f.origins), list(f.ends)
    ("ab c'd e", [0, 3], [1, 6], [3, 11])
    """
    words = text.split()
    folded = " ".join(words)
    if typographic:
        folded = folded.translate(_ONE_TO_ONE)
        words = folded.split(" ") if folded else []
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    once = _Once.of(folded, words)
    if first >= last:
        return _Folded(folded, array("q"), array("q"), array("q"), once)
    runs = _runs(text, first, last)
    origins = array("q", [first]) + runs[1::2]
    ends = runs[0::2] + array("q", [last])
    lengths = map(sub, ends[:-1], origins)
    starts = array("q", map(add, accumulate(lengths, initial=0), count()))
    return _Folded(folded, starts, origins, ends, once)


#: the whitespace characters (:meth:`str.isspace`) beyond ASCII, all below U+3001
_WIDE_SPACES = [c for c in range(128, 0x3001) if chr(c).isspace()]


def _runs(text: str, first: int, last: int) -> array[int]:
    """Where the runs of two or more whitespace characters of ``text[first:last]`` start and end.

    Starts and ends come in turn; ``text[first]`` and ``text[last - 1]`` are not whitespace.

    >>> list(_runs("a  b c\\n\\td", 0, 9))
    [1, 3, 6, 8]
    """
    if last - first < _NUMPY_FROM:
        return array("q", chain.from_iterable(m.span() for m in _RUN.finditer(text, first, last)))
    import numpy as np

    part = text[first:last]
    if part.isascii():
        codes = np.frombuffer(part.encode("ascii"), dtype=np.uint8)
    else:
        codes = np.frombuffer(part.encode("utf-32-le"), dtype=np.uint32)
    space = (codes == ord(" ")) | ((codes - 9) <= 4) | ((codes - 28) <= 3)  # unsigned: wraps
    if not part.isascii():
        wide = np.flatnonzero(codes > 127)
        space[wide] = np.isin(codes[wide], np.array(_WIDE_SPACES, dtype=np.uint32))
    pairs = np.flatnonzero(space[:-1] & space[1:])  # a space followed by a space
    starts = pairs[~space[pairs - 1]]  # the part starts and ends with a non-space
    ends = pairs[~space[pairs + 2]] + 2
    bounds = np.column_stack((starts, ends)).ravel() + first
    return array("q", bounds.astype(np.int64).tobytes())


def _word_starts(folded: str, words: Sequence[str]) -> list[int]:
    """Where each of ``words`` starts in ``folded``, which they make, joined by single spaces.

    >>> _word_starts("ab c d", ["ab", "c", "d"])
    [0, 3, 5]
    """
    if not words:
        return []
    if len(folded) < _NUMPY_FROM:
        return list(map(add, accumulate(map(len, words[:-1]), initial=0), count()))
    import numpy as np

    if folded.isascii():
        codes = np.frombuffer(folded.encode("ascii"), dtype=np.uint8)
    else:
        codes = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
    starts: list[int] = (np.flatnonzero(codes == ord(" ")) + 1).tolist()
    starts.insert(0, 0)
    return starts


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
    folded = "".join(parts)
    return _Folded(folded, starts, origins, ends, _Once.of(folded), exact)


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
    words = quote.split()
    wanted = " ".join(words)
    if typographic:
        wanted = _typography(wanted)
        words = wanted.split(" ")
    if not wanted:  # only whitespace
        return []
    # a whole word of the quote (neither its first nor its last, which may be parts of words
    # of the text) found once in the text, or not at all, tells; else the index of the
    # rarer words, or at last (a short quote, or one of common words) a scan of the text
    found = folded.once.find(folded.text, wanted, words, limit)
    if isinstance(found, tuple):
        rarest, fewest = found
        found = (
            folded.index.find(folded.text, wanted, rarest, limit)
            if fewest <= _RARE
            else _find_all(folded.text, wanted, limit=limit)
        )
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
    decided = folded.once.decide(folded.text, [quote for quote, _ in quotes], typographic)
    found = [
        _folded_occurrences(folded, quote, typographic, max(2, occurrence))
        if placed is None
        else placed
        for (quote, occurrence), placed in zip(quotes, decided, strict=True)
    ]
    wanted = [occurrence for _, occurrence in quotes]
    chosen = [0 < n <= len(places) for places, n in zip(found, wanted, strict=True)]
    pairs = [places[n - 1] for places, n, ok in zip(found, wanted, chosen, strict=True) if ok]
    spans = iter(folded.spans(pairs))
    return [
        (next(spans) if ok else None, len(places)) for places, ok in zip(found, chosen, strict=True)
    ]


def paragraph_of(paras: list[Span], span: Span) -> int:
    """1-based number of the paragraph that contains ``span.start`` (0 if none).

    ``paras`` is in text order (as :func:`paragraphs` returns it); the
    lookup is a binary search.

    Examples
    --------
    >>> paragraph_of([Span(0, 5), Span(6, 9)], Span(7, 8))
    2
    >>> paragraph_of([Span(0, 5), Span(6, 9)], Span(5, 6))
    0
    """
    number = bisect.bisect_right(paras, span.start, key=lambda p: p.start)
    return number if number and span.start < paras[number - 1].end else 0


def paragraph_numbers(paras: list[Span], spans: Sequence[Span | None]) -> list[int]:
    """:func:`paragraph_of` each span (0 for None), with one list of paragraph starts.

    Examples
    --------
    >>> paragraph_numbers([Span(0, 5), Span(6, 9)], [Span(7, 8), None, Span(5, 6), Span(0, 1)])
    [2, 0, 0, 1]
    """
    starts = [p.start for p in paras]
    numbers = []
    for span in spans:
        number = 0 if span is None else bisect.bisect_right(starts, span.start)
        numbers.append(number if number and span and span.start < paras[number - 1].end else 0)
    return numbers
