"""The source text: paragraphs, sentences and verbatim quote matching.

A quote matches when it occurs in the text with only whitespace differing:
any run of spaces and line breaks in the quote matches any run in the text.

Examples
--------
>>> text = "One claim here. Another one\\nfollows. A third."
>>> find_quote(text, "Another one follows.")
Span(start=16, end=36)
>>> find_quote(text, "another one") is None
True
>>> text = "One claim here. Another one\\nfollows.\\n\\nA third."
>>> [text[s.start:s.end] for s in sentences(text)]
['One claim here.', 'Another one\\nfollows.', 'A third.']
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from argmap.model import Span

__all__ = [
    "closest_passage",
    "find_quote",
    "paragraph_of",
    "paragraphs",
    "sentences",
]

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


@lru_cache(maxsize=4096)
def _quote_pattern(quote: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(word) for word in quote.split()))


def find_quote(text: str, quote: str) -> Span | None:
    """Span of the first occurrence of ``quote`` in ``text``, or None.

    Whitespace runs match any whitespace run; everything else must be equal.
    """
    if not quote.strip():
        return None
    m = _quote_pattern(quote).search(text)
    return Span(m.start(), m.end()) if m else None


def paragraph_of(paras: list[Span], span: Span) -> int:
    """1-based number of the paragraph that contains ``span.start`` (0 if none).

    Examples
    --------
    >>> paragraph_of([Span(0, 5), Span(6, 9)], Span(7, 8))
    2
    """
    for number, para in enumerate(paras, start=1):
        if para.start <= span.start < para.end:
            return number
    return 0


def closest_passage(text: str, quote: str) -> tuple[str, float]:
    """The passage of ``text`` most like ``quote``, with a similarity in [0, 1].

    Windows of the quote's word count are compared at every word of the text;
    the window may grow or shrink by two words to fit a dropped or added word.

    Examples
    --------
    >>> closest_passage("The Plan, so the speak, also chose Stalin.",
    ...                 "The Plan, so to speak, also chose Stalin")
    ('The Plan, so the speak, also chose Stalin.', 0.95)
    """
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    wanted = " ".join(quote.split())
    n = len(wanted.split())
    if not words or n == 0:
        return "", 0.0
    best, best_ratio = "", -1.0
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    for i in range(len(words)):
        for size in range(max(1, n - 2), n + 3):
            j = i + size - 1
            if j >= len(words):
                break
            window = " ".join(text[words[i][0] : words[j][1]].split())
            matcher.set_seq1(window)
            if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = window, ratio
    return best, round(best_ratio, 2)
