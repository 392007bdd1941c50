"""Paragraphs, sentences, quote matching and the closest-passage hint."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import source
from argmap.model import Span
from argmap.source import closest_passage, find_quote, occurrences, paragraphs, sentences

ESSAY = (Path(__file__).parents[1] / "seeds" / "000_a6816591cb9c5cdb.txt").read_text()


def test_essay_has_thirteen_paragraphs_and_a_date_line() -> None:
    paras = paragraphs(ESSAY)
    assert len(paras) == 14
    assert ESSAY[paras[-1].start : paras[-1].end] == "Last updated on 09 January 2026"


def test_sentences_do_not_split_at_numbers_or_hashes() -> None:
    texts = [" ".join(ESSAY[s.start : s.end].split()) for s in sentences(ESSAY)]
    assert texts[0] == "Stalinism is not an exclusively Russian phenomenon."
    assert any(t.startswith("Pamphlet #1 traced the rise of state capitalism") for t in texts)
    assert any(t.startswith("Together they (1) liquidated millions") for t in texts)
    assert all(t[-1] in '.!?"' or t.startswith("Last updated") for t in texts)


def test_quote_matching_is_verbatim_but_whitespace_tolerant() -> None:
    assert find_quote(ESSAY, "The Plan, so the speak,  also\nchose Stalin") is not None
    assert find_quote(ESSAY, "The Plan, so to speak, also chose Stalin") is None
    assert find_quote(ESSAY, "the plan, so the speak") is None
    assert find_quote(ESSAY, "   ") is None
    assert find_quote("a  b", "a b") == Span(0, 4)


def test_closest_passage_finds_the_misquoted_sentence() -> None:
    passage, ratio = closest_passage(ESSAY, "The Plan, so to speak, also chose Stalin")
    assert passage.startswith("The Plan, so the speak, also chose Stalin")
    assert ratio > 0.9
    assert closest_passage("", "x") == ("", 0.0)


# --- the word index: every occurrence, as a scan of the whole text finds them ---------------

_WORDS = st.sampled_from(["a", "ab", "b", "ba", "x1", "It\u2019s", "so.", "\ufb01ne", "ab…"])
_SPACES = st.sampled_from(
    [" ", "  ", "\n", "\n\n", "\t", "\x1f\x1c", "\x85", "\u00a0", "\u2003", "\u3000 "]
)


@st.composite
def _essays(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, max_size=40))
    spaces = draw(st.lists(_SPACES, min_size=len(words) + 1, max_size=len(words) + 1))
    return "".join(s + w for s, w in zip(spaces, [*words, ""], strict=True))


def _scan(text: str, quote: str, typographic: bool) -> list[Span]:
    """Every occurrence by a scan from each place: a regular expression, or the old folding."""
    if not typographic:
        pattern = re.compile(r"\s+".join(re.escape(w) for w in quote.split()))
        found = []
        match = pattern.search(text)
        while match:
            found.append(Span(match.start(), match.end()))
            match = pattern.search(text, match.start() + 1)
        return found
    folded = source._folded_expanding(text)  # word by word, as before numpy
    wanted = source._fold_words(quote, typographic)
    spans, at = [], folded.text.find(wanted)
    while at >= 0:
        spans.append(folded.span(at, at + len(wanted)))
        at = folded.text.find(wanted, at + 1)
    return spans


@settings(max_examples=300, deadline=None)
@given(_essays(), st.integers(0, 40), st.integers(1, 8), st.booleans(), st.integers(1, 5))
def test_occurrences_are_those_a_scan_finds(
    text: str, start: int, length: int, typographic: bool, limit: int
) -> None:
    words = text.split()
    quote = " ".join(words[start : start + length])  # a passage of the text, or none
    if source._ELISION.search(quote) or not quote:
        return
    expected = _scan(text, quote, typographic)[:limit]
    assert occurrences(text, quote, typographic=typographic, limit=limit) == expected
    cut = quote[1:-1]  # starting and ending inside words
    if cut.strip() and not source._ELISION.search(cut):
        assert (
            occurrences(text, cut, typographic=typographic, limit=limit)
            == _scan(text, cut, typographic)[:limit]
        )


def test_a_quote_of_rare_words_is_found_through_the_index() -> None:
    text = "the cat sat. " * 100 + "The dog 42 barked. the cat sat. The dog 42 barked."
    folded = source._folded(text, False)
    once = folded.once
    assert once.find(folded.text, "dog 42 barked", ["dog", "42", "barked"], 10) == ("42", 2)
    assert folded.index.find(folded.text, "dog 42 barked", "42", 10) == [1304, 1336]
    assert [text[s.start : s.end] for s in occurrences(text, "The dog 42 barked.")] == [
        "The dog 42 barked."
    ] * 2
    words = ["the", "cat", "sat."]
    assert once.find(folded.text, "the cat sat.", words, 10) == ("", 65)  # common: a scan
    assert len(occurrences(text, "the cat sat.", limit=1000)) == 101


def test_folding_by_runs_matches_folding_by_segments() -> None:
    text = " It\u2019s\u2003a  fine\n\nday\u00a0\u2014 \u3000said\x1cshe.\u2028"
    fast = source._folded_runs(text, True)
    slow = source._folded_expanding(text)
    assert fast.text == slow.text == "It's a fine day - said she."
    assert [fast.span(a, b) for a, b in [(0, 4), (5, 11), (16, 27)]] == [
        slow.span(a, b) for a, b in [(0, 4), (5, 11), (16, 27)]
    ]


def test_whitespace_is_what_str_split_takes() -> None:
    """Folding finds runs of whitespace with ``\\s``: what :meth:`str.split` takes."""
    every = "".join(map(chr, range(0x110000)))
    spaces = [c for c in every if c.isspace()]
    assert re.findall(r"\s", every) == spaces
    assert ("a" + "".join(spaces) + "b").split() == ["a", "b"]


@settings(max_examples=200, deadline=None)
@given(_essays(), st.booleans())
def test_the_words_are_counted_and_placed(text: str, typographic: bool) -> None:
    """The counts and last starts of a folded text's words, and where each word starts."""
    folded = source._fold_words(text, typographic)
    once = source._Once.of(folded)
    words = folded.split(" ") if folded else []
    starts = source._word_starts(words)
    assert starts == [m.start() for m in re.finditer(r"\S+", folded)]
    assert once.counts == Counter(words)
    assert once.last == dict(zip(words, starts, strict=True))


def test_a_text_is_folded_once_and_found_by_identity_after() -> None:
    """Two equal texts (one essay read by two maps) share one folding; the second is
    then looked up by identity, not compared whole with the first on every quote."""
    calls: list[str] = []
    comparisons = 0

    class Counting(str):
        def __eq__(self, other: object) -> bool:
            nonlocal comparisons
            comparisons += 1
            return str.__eq__(self, other)

        __hash__ = str.__hash__

    @source._per_text
    def fold(text: str, flag: bool) -> int:
        calls.append(text)
        return len(text) + flag

    first, second = "x" * 1000, Counting("x" * 1000)  # equal, two objects
    assert fold(first, False) == 1000
    assert [fold(second, False) for _ in range(5)] == [1000] * 5
    assert fold(first, True) == 1001
    assert len(calls) == 2  # the second text was found by value: folded once
    assert comparisons <= 1  # and by identity after its first lookup


@settings(max_examples=200, deadline=None)
@given(
    _essays(),
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 6), st.integers(1, 4)), max_size=6),
    st.booleans(),
)
def test_find_quotes_agrees_with_find_quote_and_occurrences(
    text: str, picks: list[tuple[int, int, int]], typographic: bool
) -> None:
    """All quotes at once (their spans by mapped binary searches) as each one alone."""
    words = text.split()
    quotes = [(" ".join(words[a : a + n]) or "x", occurrence) for a, n, occurrence in picks]
    found = source.find_quotes(text, quotes, typographic=typographic)
    assert found == [
        (
            find_quote(text, q, typographic=typographic, occurrence=k),
            len(occurrences(text, q, typographic=typographic, limit=max(2, k))),
        )
        for q, k in quotes
    ]


@given(_essays(), st.lists(st.one_of(st.none(), st.integers(0, 45)), max_size=8))
def test_paragraph_numbers_are_paragraph_of_each(text: str, starts: list[int | None]) -> None:
    paras = paragraphs(text)
    spans = [None if s is None else Span(s, s + 1) for s in starts]
    assert source.paragraph_numbers(paras, spans) == [
        0 if s is None else source.paragraph_of(paras, s) for s in spans
    ]


def test_spans_of_a_long_text_are_those_of_one_by_one() -> None:
    text = "".join(f"Word{i} and\n  more {i}.\n\n" for i in range(80_000))
    folded = source._folded(text, False)
    pairs = [(at, at + 9) for at in range(0, len(folded.text) - 9, 997)]
    assert folded.spans(pairs) == [folded.span(a, b) for a, b in pairs]
    assert [text[s.start : s.end] for s in folded.spans([(0, 16), (12, 24)])] == [
        "Word0 and\n  more 0",
        "re 0.\n\nWord1 ",
    ]
