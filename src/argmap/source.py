"""The source text: paragraphs, sentences and verbatim quote matching.

A quote matches when it occurs in the text with only whitespace differing:
any run of spaces and line breaks in the quote matches any run in the text.
With ``typographic=True`` curly and straight quotes, dashes, the ellipsis
character and ligatures also count as equal (a map opts in with
``quotes: typographic``).  A long quote may be elided, ``start … end``
(or ``start ... end``): it matches the shortest span from ``start`` to the
next ``end``.

The text is folded once (whitespace runs become one space) and kept with an
offset table, so finding a quote is one :meth:`str.find` and no regular
expression is compiled per quote.

Examples
--------
>>> text = "One claim here. Another one\\nfollows. A third."
>>> find_quote(text, "Another one follows.")
Span(start=16, end=36)
>>> find_quote(text, "another one") is None
True
>>> find_quote(text, "One claim … follows.")
Span(start=0, end=36)
>>> text = "One claim here. Another one\\nfollows.\\n\\nA third."
>>> [text[s.start:s.end] for s in sentences(text)]
['One claim here.', 'Another one\\nfollows.', 'A third.']
"""

from __future__ import annotations

import bisect
import heapq
import re
from array import array
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property, lru_cache, partial, wraps
from itertools import accumulate, chain, compress, count, islice, repeat
from operator import add, and_, attrgetter, gt, is_, itemgetter, le, lt, mul, not_, or_, sub
from typing import TypeVar

from argmap.model import Span

__all__ = [
    "MAX_QUOTE",
    "TYPOGRAPHIC",
    "Miss",
    "caret",
    "closest_passage",
    "explain_miss",
    "find_quote",
    "find_quotes",
    "occurrences",
    "paragraph_of",
    "paragraph_numbers",
    "paragraphs",
    "places",
    "sentence_bounds",
    "sentences",
]

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
    """:func:`paragraphs`, parted by blank lines (``blank``) or by line breaks (a new list).

    The spans are worked out once for a text (loading a map, then its
    coverage, ask for the same): see :func:`_paragraph_spans`.
    """
    return list(_paragraph_spans(text, blank))


@_per_text
def _paragraph_spans(text: str, blank: bool) -> tuple[Span, ...]:
    """The spans of :func:`_paragraphs`, kept for the text.

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
    return tuple(Span(a, b) for a, b in zip(starts, ends, strict=True) if b > a)


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

        >>> _folded_runs("a  b c", False).spans([(0, 3), (2, 5)])
        [Span(start=0, end=4), Span(start=3, end=6)]
        """
        return self.spans_of(list(map(itemgetter(0), pairs)), list(map(itemgetter(1), pairs)))

    def spans_of(self, firsts: Sequence[int], lasts: Sequence[int]) -> list[Span]:
        """The spans of the original text that folded ``[firsts[k], lasts[k])`` come from.

        When every segment maps character by character, the segments of all
        pairs are found by binary searches mapped at C speed, with no loop.

        >>> _folded_runs("a  b c", False).spans_of([0, 2], [3, 5])
        [Span(start=0, end=4), Span(start=3, end=6)]
        """
        if self.exact is not None:
            return list(map(self.span, firsts, lasts))
        starts = list(self.starts)
        # shifts[k + 1] turns an offset in folded segment k into one of the text
        shifts = [0, *map(sub, self.origins, starts)]
        segment = partial(bisect.bisect_right, starts)
        first_segments = list(map(segment, firsts))
        ending = list(map(sub, lasts, repeat(1)))
        # a pair ends in the segment it starts in when it ends before the next one starts
        nexts = [*starts, len(self.text) + 1]
        if all(map(lt, ending, map(nexts.__getitem__, first_segments))):
            last_segments = first_segments
        else:
            last_segments = list(map(segment, ending))
        lo = map(add, firsts, map(shifts.__getitem__, first_segments))
        hi = map(add, lasts, map(shifts.__getitem__, last_segments))
        return list(map(Span, lo, hi))

    @cached_property
    def once(self) -> _Once:
        """How often the folded text's words occur, and where (built on first use)."""
        return _Once.of(self.text)

    @cached_property
    def index(self) -> _WordIndex:
        """Where the folded text's rarer words start (built on first use)."""
        return _WordIndex.of(self.text, self.once.counts)


#: a word found at most this often is indexed; a quote of commoner words only is searched for
_RARE = 64
#: a word found at most this often is rare enough to find a quote by, without looking further
_FEW = 4
#: at most this many quotes are looked for one by one (a search of a 7 MB text takes
#: about 1 ms; splitting it into words to count them, 0.2 s)
_FEW_QUOTES = 32


@dataclass(frozen=True)
class _Once:
    """The words of a folded text: how often each occurs, and where each last starts.

    Both are built at C speed; a word found once starts where it last does.
    The counts serve the index of rarer words (:class:`_WordIndex`) too.
    """

    counts: dict[str, int]
    last: dict[str, int]

    @classmethod
    def of(
        cls, folded: str, words: list[str] | None = None, starts: list[int] | None = None
    ) -> _Once:
        """The ``words`` of ``folded`` (split at its single spaces if None), and their ``starts``.

        >>> o = _Once.of("a b a c")
        >>> dict(o.counts), o.last
        ({'a': 2, 'b': 1, 'c': 1}, {'a': 4, 'b': 2, 'c': 6})
        """
        if words is None:
            words = folded.split(" ") if folded else []
        last = dict(zip(words, _word_starts(words) if starts is None else starts, strict=True))
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


#: the folded text is split into words a piece of about this many characters at a time, so
#: that the words of one piece are freed before the next is made
_PIECE = 1 << 16


def _by_second_words(
    folded: _Folded, quotes: Sequence[str], typographic: bool
) -> tuple[list[int], list[int]]:
    """For each quote, where it starts and ends in ``folded`` if its second word tells.

    A start of -1: the quote occurs nowhere; -2: undecided (its end means nothing then).

    :meth:`_Once.find` for many quotes, by their second word only (a middle
    word when there are three or more): found once in the text, the quote is
    there or nowhere; not in the text, the quote is not either.  An elided
    quote found so nowhere, and a quote longer than :data:`MAX_QUOTE`, are
    left to :func:`_folded_occurrences`.

    Only the quotes' second words are counted (a dict picks them from the
    text's words at C speed, a piece of the text at a time, so the words of
    the whole text are never held at once), and only those found once are
    placed: one search of the text for them all, in the order they come in
    it.  When a quote is left undecided the text is split into words again, to
    serve :attr:`_Folded.once` (and :attr:`_Folded.index` when many are).

    >>> quotes = ["a b a", "b a c", "x y z", "b c", "a\\nc d"]
    >>> starts, ends = _by_second_words(_folded("a b a c d", False), quotes, False)
    >>> starts, [ends[0], ends[4]]
    ([0, -2, -1, -2, 4], [5, 9])
    """
    text = folded.text
    wanted = _folded_quotes(quotes, typographic)
    # where each quote's second word starts and ends (not a middle word: ends at -1)
    firsts = list(map(str.find, wanted, repeat(" ")))
    seconds_at = list(map(add, firsts, repeat(1)))
    seconds_end = list(map(str.find, wanted, repeat(" "), seconds_at))
    # the quotes' middle words, and each with the spaces around it (" word "): the text's
    # words are turned into the latter, which are searched for
    middles = list(map(str.__getitem__, wanted, map(slice, seconds_at, seconds_end)))
    spaced = list(
        map(str.__getitem__, wanted, map(slice, firsts, map(add, seconds_end, repeat(1))))
    )
    seconds = dict(compress(zip(middles, spaced, strict=True), map(le, repeat(0), seconds_end)))
    found: list[str] = []
    for piece in _pieces(text, _PIECE) if text else ():
        found += filter(None, map(seconds.get, piece.split(" ")))
    # the second words found once, and those found more often (none, when all differ)
    once, often = found, {}
    if len(set(found)) < len(found):
        counts = Counter(found)
        once = list(compress(found, map((1).__eq__, map(counts.__getitem__, found))))
        often = dict.fromkeys(compress(counts, map(lt, repeat(1), counts.values())), -2)
    # where each second word found once starts: searched for in the order they come in
    # the text, each from where the one before it is (the first " word " after it is it)
    find = f" {text} ".find
    searched = accumulate(once, lambda at, word: find(word, at), initial=0)
    where = dict(zip(once, islice(searched, 1, None), strict=True))
    # where each quote's second word starts; -1: not in the text; -2: found often
    where.update(often)
    places = list(map(where.get, spaced, repeat(-1)))
    starts = list(map(sub, places, seconds_at))  # where the quote starts, if it is there
    ends = list(map(add, starts, map(len, wanted)))
    there = map(text.startswith, wanted, map(max, starts, repeat(0)))
    missed = map(not_, map(and_, map(le, repeat(0), starts), there))
    if min(seconds_end) < 0 or max(map(len, quotes)) > MAX_QUOTE:
        # the second word no middle one, too long a quote: undecided
        long = map(lt, repeat(MAX_QUOTE), map(len, quotes))
        missed = map(or_, missed, map(or_, map(gt, repeat(0), seconds_end), long))
    for k in compress(count(), missed):
        if seconds_end[k] < 0 or len(quotes[k]) > MAX_QUOTE or places[k] == -2:
            starts[k] = -2
        else:  # not in the text (an elided quote may be, in parts)
            starts[k] = -2 if _ELISION.search(quotes[k]) else -1
    if -2 in starts and "once" not in folded.__dict__:  # the cached properties, from the words
        words = text.split(" ") if text else []
        word_starts = _word_starts(words)
        every = folded.__dict__["once"] = _Once.of(text, words, word_starts)
        if 4 * starts.count(-2) >= len(quotes) and "index" not in folded.__dict__:
            # many quotes to look for one by one (the text's words mostly repeat): most
            # will want the index of rarer words
            folded.__dict__["index"] = _WordIndex.of(text, every.counts, words, word_starts)
    return starts, ends


def _pieces(text: str, size: int) -> Iterator[str]:
    """``text`` in pieces of at least ``size`` characters, parted at (and without) spaces.

    Split at their spaces, the pieces give the words of the text split at its spaces.

    >>> list(_pieces("ab cd ef gh", 4))
    ['ab cd', 'ef gh']
    >>> [w for p in _pieces("ab  c ", 1) for w in p.split(" ")] == "ab  c ".split(" ")
    True
    """
    at = 0
    while True:
        cut = text.find(" ", at + size) if at + size < len(text) else -1
        if cut < 0:
            yield text[at:]
            return
        yield text[at:cut]
        at = cut + 1


def _folded_quotes(quotes: Sequence[str], typographic: bool) -> list[str]:
    """``quotes`` with whitespace runs as one space, trimmed, typography folded if asked.

    >>> _folded_quotes(["a b", " a\\n b"], False)
    ['a b', 'a b']
    """
    if typographic:
        return [_fold_words(q, typographic) for q in quotes]
    return [  # most quotes are folded already: no whitespace but single spaces inside
        q
        if q.isprintable() and "  " not in q and q[:1] != " " and q[-1:] != " "
        else " ".join(q.split())
        for q in quotes
    ]


@dataclass(frozen=True)
class _WordIndex:
    """Where the rarer words of a folded text start."""

    where: dict[str, list[int]]

    @classmethod
    def of(
        cls,
        folded: str,
        counts: dict[str, int],
        words: list[str] | None = None,
        starts: list[int] | None = None,
    ) -> _WordIndex:
        """The index of ``folded``, whose words occur ``counts`` times.

        ``words`` and their ``starts`` are worked out if not given.
        """
        if words is None:
            words = folded.split(" ") if folded else []
        if starts is None:
            starts = _word_starts(words)
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


#: the whitespace characters: what :meth:`str.isspace` holds, ``\\s`` matches in ``re`` and
#: :meth:`str.split` parts at (all below U+3001)
_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace())


def _folded_runs(text: str, typographic: bool) -> _Folded:
    """The folding of a text whose every character folds to one character.

    A single whitespace character folds to one space, so the folded text is
    the text character by character except at runs of whitespace (and its
    trimmed ends): the segments are the stretches between such runs.  They
    are joined by single spaces and the whitespace characters left in them
    made spaces, with no list of the text's words.

    >>> f = _folded_runs(" ab\\n\\n c\\u2019d e ", True)
    >>> f.text, list(f.starts), list(f.origins), list(f.ends)
    ("ab c'd e", [0, 3], [1, 6], [3, 11])
    """
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    if first >= last:
        return _Folded("", array("q"), array("q"), array("q"))
    spaces = _spaces_in(text)
    runs = _runs(text, first, last, spaces)
    origins = array("q", [first]) + runs[1::2]
    ends = runs[0::2] + array("q", [last])
    folded = " ".join(map(text.__getitem__, map(slice, origins, ends)))
    for space in spaces.replace(" ", ""):
        folded = folded.replace(space, " ")
    if typographic:
        folded = folded.translate(_ONE_TO_ONE)
    lengths = map(sub, ends[:-1], origins)
    starts = array("q", map(add, accumulate(lengths, initial=0), count()))
    return _Folded(folded, starts, origins, ends)


def _spaces_in(text: str) -> str:
    """The whitespace characters that ``text`` holds (each looked for at C speed).

    >>> _spaces_in("a\\u00a0b\\nc d")
    '\\n \\xa0'
    """
    return "".join(space for space in _SPACES if space in text)


@lru_cache(maxsize=16)
def _run_patterns(spaces: str) -> tuple[re.Pattern[str], ...]:
    """What finds the runs of whitespace of a text whose whitespace characters are ``spaces``.

    A run starts with a whitespace character other than a space (searched
    for fast: it is rare), or with a space and another whitespace character
    (searched for as the pair, not at every space); each pattern matches to
    the end of the run, as ``\\s\\s+`` would from the same place.
    """
    alone = [re.escape(space) + r"\s+" for space in spaces if space != " "]
    paired = [" " + re.escape(space) + r"\s*" for space in spaces] if " " in spaces else []
    return tuple(map(re.compile, alone + paired))


def _runs(text: str, first: int, last: int, spaces: str | None = None) -> array[int]:
    """Where the runs of two or more whitespace characters of ``text[first:last]`` start and end.

    Starts and ends come in turn; ``text[first]`` and ``text[last - 1]`` are
    not whitespace.  ``spaces`` are the whitespace characters of the text
    (None: look).  A run may be found from several of its places, each
    found part ending where the run does: the run starts at the first.

    >>> list(_runs("a  b c\\n\\td", 0, 9))
    [1, 3, 6, 8]
    >>> list(_runs("a \\n \\n b", 0, 8))
    [1, 6]
    """
    patterns = _run_patterns(_spaces_in(text) if spaces is None else spaces)
    found = [m.span() for pattern in patterns for m in pattern.finditer(text, first, last)]
    found.sort(reverse=True)  # a run's first start is the last one put by its end
    by_end = dict(zip(map(itemgetter(1), found), map(itemgetter(0), found), strict=True))
    return array("q", chain.from_iterable((start, end) for end, start in sorted(by_end.items())))


def _word_starts(words: Sequence[str]) -> list[int]:
    """Where each of ``words`` starts in the text they make, joined by single spaces.

    >>> _word_starts(["ab", "c", "d"])
    [0, 3, 5]
    """
    return list(map(add, accumulate(map(len, words[:-1]), initial=0), count())) if words else []


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
    return _Folded(folded, starts, origins, ends, exact)


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
    folded: _Folded, quote: str, typographic: bool, limit: int, *, scan: bool = False
) -> list[tuple[int, int]]:
    """Where ``quote`` occurs in ``folded.text`` (at most ``limit``): folded offsets.

    ``scan``: search the text for it, without the text's word counts (which cost a
    split of the whole text: more than a few searches of it).
    """
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
    found = (
        _find_all(folded.text, wanted, limit=limit)
        if scan
        else folded.once.find(folded.text, wanted, words, limit)
    )
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
    if not quotes:
        return []
    folded = _folded(text, typographic)
    # a few quotes (a map's skipped passages) are looked for one by one: with the text's
    # word counts if an earlier call made them, else by a search of the text each
    few = len(quotes) <= _FEW_QUOTES
    scan = few and "once" not in folded.__dict__
    wanted = list(map(itemgetter(0), quotes))
    occurrences = list(map(itemgetter(1), quotes))
    # the folded places of the quotes (a start of -1: found nowhere; -2: undecided)
    if few:
        firsts, lasts = [-2] * len(quotes), [-2] * len(quotes)
    else:
        firsts, lasts = _by_second_words(folded, wanted, typographic)
    # found once: counted 1, and chosen if it is the first occurrence that is wanted
    counts = list(map(int, map(le, repeat(0), firsts)))
    chosen = list(map(and_, counts, map((1).__eq__, occurrences)))
    for k in compress(count(), map((-2).__eq__, firsts)):
        occurrence = occurrences[k]
        places = _folded_occurrences(folded, wanted[k], typographic, max(2, occurrence), scan=scan)
        counts[k] = len(places)
        chosen[k] = 0 < occurrence <= len(places)
        if chosen[k]:
            firsts[k], lasts[k] = places[occurrence - 1]
    spans: list[Span | None]
    if all(chosen):
        spans = list(folded.spans_of(firsts, lasts))
    else:
        spans = [None] * len(quotes)
        found = folded.spans_of(list(compress(firsts, chosen)), list(compress(lasts, chosen)))
        deque(map(spans.__setitem__, compress(count(), chosen), found), maxlen=0)
    return list(zip(spans, counts, strict=True))


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
    # where each span starts (-1: None, in no paragraph), and the end of each paragraph by
    # its number (0: none, which ends before any span starts)
    firsts = (
        [-1 if span is None else span.start for span in spans]
        if any(map(is_, spans, repeat(None)))
        else list(map(attrgetter("start"), spans))
    )
    ends = [-1, *map(attrgetter("end"), paras)]
    numbers = list(map(partial(bisect.bisect_right, starts), firsts))
    return list(map(mul, numbers, map(lt, firsts, map(ends.__getitem__, numbers))))


@lru_cache(maxsize=8)
def _layout(text: str) -> tuple[list[Span], list[Span]]:
    paras, starts, ends = sentence_bounds(text)
    return paras, list(map(Span, starts, ends))


def places(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """The 1-based (paragraph, sentence) numbers where each span of ``text`` starts.

    Examples
    --------
    >>> places("Yes. No.\\n\\nYes.", [Span(0, 4), Span(10, 14)])
    [(1, 1), (2, 3)]
    """
    paras, sents = _layout(text)
    return [(paragraph_of(paras, s), paragraph_of(sents, s)) for s in spans]


@dataclass(frozen=True)
class Miss:
    """Why a quote is not in the text: the closest passage and where it first differs.

    ``passage`` is the closest passage with whitespace runs made single
    spaces (empty when nothing is alike), ``ratio`` its similarity in
    [0, 1], ``column`` the index in ``passage`` of the first character that
    differs from ``quote`` (whitespace likewise folded), and ``typographic``
    whether the quote matches once typography is folded.  For an elided
    quote, ``quote`` is the part that was not found.
    """

    quote: str
    passage: str
    ratio: float
    column: int
    typographic: bool = False


def explain_miss(text: str, quote: str) -> Miss:
    """Explain why ``quote`` (not found verbatim) is not in ``text``.

    Examples
    --------
    >>> m = explain_miss("Some say dogs are better pets.", "Some say dogs are the better pets.")
    >>> m.passage, m.column, m.typographic
    ('Some say dogs are better pets.', 18, False)
    >>> explain_miss("It\\u2019s late.", "It's late.").typographic
    True
    """
    parts = _ELISION.split(quote) if _ELISION.search(quote) else [quote]
    if len(parts) > 1:  # the first part that is missing, or the whole if each occurs
        missing = [p for p in parts if not occurrences(text, p, limit=1)]
        if missing:
            quote = missing[0]
    typographic = bool(occurrences(text, quote, typographic=True, limit=1))
    span, ratio = _closest(text, quote)
    passage = " ".join(text[span.start : span.end].split()) if span else ""
    return Miss(
        quote, passage, ratio, _first_difference(_fold_words(quote, False), passage), typographic
    )


def _first_difference(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


def caret(miss: Miss, width: int = 72) -> str:
    """Two aligned lines, quote over passage, and a caret under the first difference.

    Long lines are cut around the difference.

    Examples
    --------
    >>> print(caret(Miss("so to speak", "so the speak", 0.9, 3)))
    quote:  so to speak
    source: so the speak
               ^
    """
    start = max(0, miss.column - width // 3)
    lines = []
    for label, raw in (("quote:  ", miss.quote), ("source: ", miss.passage)):
        line = " ".join(raw.split())
        cut = ("…" if start else "") + line[start : start + width]
        lines.append(label + cut + ("…" if len(line) > start + width else ""))
    lines.append(" " * (8 + (1 if start else 0) + miss.column - start) + "^")
    return "\n".join(lines)


def closest_passage(text: str, quote: str) -> tuple[str, float]:
    """The passage of ``text`` most like ``quote``, with a similarity in [0, 1].

    Windows of the quote's word count are scored in one pass by the words
    they share with the quote; the best few are then compared character by
    character, allowing a window two words longer or shorter, so the cost is
    linear in the text and bounded by :data:`MAX_QUOTE`.

    Examples
    --------
    >>> closest_passage("The Plan, so the speak, also chose Stalin.",
    ...                 "The Plan, so to speak, also chose Stalin")
    ('The Plan, so the speak, also chose Stalin.', 0.95)
    """
    span, ratio = _closest(text, quote)
    return (" ".join(text[span.start : span.end].split()), ratio) if span else ("", 0.0)


def _key(word: str) -> str:
    return word.lower().translate(_ONE_TO_ONE).strip(".,;:!?\"'()[]-")


@lru_cache(maxsize=8)
def _words(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Offsets of the words of ``text`` and their keys (one pass per text, shared by misses)."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    return words, [_key(text[a:b]) for a, b in words]


def _closest(text: str, quote: str, candidates: int = 5) -> tuple[Span | None, float]:
    wanted = " ".join(quote[:MAX_QUOTE].split())
    need = Counter(_key(w) for w in wanted.split())
    n = len(wanted.split())
    words, keys = _words(text)
    if not words or n == 0:
        return None, 0.0
    have: Counter[str] = Counter()
    score = 0
    scores = []
    for i, key in enumerate(keys):
        if have[key] < need[key]:
            score += 1
        have[key] += 1
        if i >= n:
            old = keys[i - n]
            have[old] -= 1
            if have[old] < need[old]:
                score -= 1
        scores.append((score, -max(0, i - n + 1)))
    best_starts = [-s for _, s in heapq.nlargest(candidates * 4, set(scores))]
    chosen: list[int] = []
    for s in best_starts:
        if all(abs(s - c) > n // 2 for c in chosen):
            chosen.append(s)
        if len(chosen) == candidates:
            break
    # long quotes: align the first words only, so each comparison stays small
    m = min(n, _ALIGNED_WORDS)
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(" ".join(wanted.split()[:m]))
    best, best_ratio = None, -1.0
    for c in chosen:
        for i in range(max(0, c - 2), min(len(words), c + 3)):
            for size in range(max(1, m - 2), m + 3):
                j = i + size - 1
                if j >= len(words):
                    break
                matcher.set_seq1(" ".join(text[words[i][0] : words[j][1]].split()))
                if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
                    continue
                ratio = matcher.ratio()
                if ratio > best_ratio:
                    end = j if m == n else min(len(words), i + n) - 1
                    best, best_ratio = Span(words[i][0], words[end][1]), ratio
    return best, round(best_ratio, 2)
