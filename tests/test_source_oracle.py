"""The rewritten quote finding, sentences, paragraphs and coverage answer as the old code.

tests/oracles_source.py is the code of source.py and coverage.py before they
were rewritten for speed (and tests/oracles_source_e748099.py the quote
finding before its second rewrite); every answer must stay the same on every text:
Unicode whitespace, ``\\r\\n``, double spaces, ligatures and typographic
quotes, elisions, repeated quotes, quotes across paragraphs and quotes that
begin or end inside a word.
"""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

import oracles_source as old
import oracles_source_e748099 as was_e748099
from argmap import source
from argmap.coverage import coverage
from argmap.model import Claim, Map, Skip, Span

# few words, so that most repeat; numbered ones, so that some occur once
_WORDS = st.one_of(
    st.sampled_from(
        [
            "a",
            "ab",
            "b",
            "It\u2019s",
            "it's",
            "so.",
            "Yes.",
            "No!",
            "Why?",
            '"Go."',
            "(1)",
            "end.)",
            "\ufb01ne",
            "fine",
            "\u201cquoted\u201d",
            "dash\u2014here",
            "wait\u2026",
            "...",
            "\u2026",
            "A",
            "Z9",
            "#1",
        ]
    ),
    st.integers(0, 30).map(lambda n: f"w{n}"),
)
_SPACES = st.sampled_from(
    [" "] * 8
    + ["  ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\n \t\n", "\t", "\x1f\x1c", "\x85", "\u00a0"]
    + ["\u2003", "\u3000 ", "\u2028", " \n", "\n  "]
)


@st.composite
def _texts(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A text and its words."""
    words = draw(st.lists(_WORDS, max_size=40))
    spaces = draw(st.lists(_SPACES, min_size=len(words) + 1, max_size=len(words) + 1))
    edges = draw(st.sampled_from(["both", "none", "start", "end"]))
    spaces[0] = spaces[0] if edges in {"both", "start"} else ""
    spaces[-1] = spaces[-1] if edges in {"both", "end"} else ""
    return "".join(s + w for s, w in zip(spaces, [*words, ""], strict=True)), words


@st.composite
def _quotes(draw: st.DrawFn, words: list[str]) -> tuple[str, int]:
    """A quote of the text (or not), with an occurrence."""
    kinds = ["passage", "passage", "cut", "elided", "other", "spaced", "unknown second word"]
    kind = draw(st.sampled_from(kinds))
    start = draw(st.integers(0, max(0, len(words) - 1)))
    size = draw(st.integers(1, 8))
    passage = words[start : start + size] or ["x"]
    if kind == "cut":  # starting and ending inside words
        quote = " ".join(passage)[draw(st.integers(0, 2)) :][: -draw(st.integers(1, 2))]
    elif kind == "elided":
        tail = words[start + size : start + size + draw(st.integers(1, 12))][-2:] or ["y"]
        quote = " ".join(passage[:2]) + draw(st.sampled_from([" ... ", " \u2026 ", "\n...\n"]))
        quote += " ".join(tail)
    elif kind == "other":
        quote = " ".join(draw(st.lists(_WORDS, min_size=1, max_size=5)))
    elif kind == "spaced":  # whitespace of its own, and at its ends
        gaps = draw(st.lists(_SPACES, min_size=len(passage) + 1, max_size=len(passage) + 1))
        quote = "".join(g + w for g, w in zip(gaps, [*passage, ""], strict=True))
    elif kind == "unknown second word":  # not in the text: the quote is nowhere
        quote = " ".join([*passage[:1], "w99", *passage[2:]])
    else:
        quote = " ".join(passage)
    return quote, draw(st.integers(1, 4))


@st.composite
def _cases(draw: st.DrawFn) -> tuple[str, list[tuple[str, int]]]:
    text, words = draw(_texts())
    quotes = draw(st.lists(_quotes(words), max_size=8))
    repeated = draw(st.lists(st.sampled_from(quotes), max_size=2)) if quotes else []
    return text, quotes + repeated


@settings(max_examples=600, deadline=None)
@given(_cases(), st.booleans(), st.booleans(), st.sampled_from([1, 2, 5, 12, 1 << 16]))
def test_find_quotes_answers_as_the_old_code(
    case: tuple[str, list[tuple[str, int]]], typographic: bool, few: bool, piece: int
) -> None:
    """Quotes decided by their second words, counted and placed, or looked for one by one.

    ``few``: as a handful of quotes, each looked for by itself (with the text's word
    counts when an earlier call made them, else by a search of the text); else as many.
    ``piece``: how much of the text is split into words at a time (words across pieces).
    """
    text, quotes = case
    text = text + " "[: len(quotes) % 2]  # a new text object now and then: no cached folding
    with (
        mock.patch.object(source, "_FEW_QUOTES", 32 if few else 0),
        mock.patch.object(source, "_PIECE", piece),
    ):
        new = source.find_quotes(text, quotes, typographic=typographic)
    assert new == old.find_quotes(text, quotes, typographic=typographic)
    assert new == was_e748099.find_quotes(text, quotes, typographic=typographic)
    spans = [span for span, _ in new]
    paras = source.paragraphs(text)
    numbers = source.paragraph_numbers(paras, spans)
    assert numbers == was_e748099.paragraph_numbers(paras, spans)


@settings(max_examples=400, deadline=None)
@given(_texts(), st.booleans())
def test_folding_and_runs_are_those_of_a_regular_expression(
    case: tuple[str, list[str]], typographic: bool
) -> None:
    """The runs found from each whitespace character present are those ``\\s\\s+`` finds."""
    text, _ = case
    first, last = len(text) - len(text.lstrip()), len(text.rstrip())
    runs = [n for m in re.compile(r"\s\s+").finditer(text, first, last) for n in m.span()]
    assert list(source._runs(text, first, last)) == runs
    folded = source._folded_runs(text, typographic)
    wanted = was_e748099._folded_runs(text, typographic)
    assert (folded.text, list(folded.starts), list(folded.origins), list(folded.ends)) == (
        wanted.text,
        list(wanted.starts),
        list(wanted.origins),
        list(wanted.ends),
    )


@settings(max_examples=400, deadline=None)
@given(_cases(), st.booleans(), st.integers(-1, 5))
def test_occurrences_and_find_quote_answer_as_the_old_code(
    case: tuple[str, list[tuple[str, int]]], typographic: bool, limit: int
) -> None:
    text, quotes = case
    for quote, occurrence in quotes:
        assert source.occurrences(
            text, quote, typographic=typographic, limit=limit
        ) == old.occurrences(text, quote, typographic=typographic, limit=limit)
        assert source.find_quote(
            text, quote, typographic=typographic, occurrence=occurrence
        ) == old.find_quote(text, quote, typographic=typographic, occurrence=occurrence)


@settings(max_examples=600, deadline=None)
@given(_texts())
def test_sentences_and_paragraphs_are_the_old_ones(case: tuple[str, list[str]]) -> None:
    text, _ = case
    assert source.paragraphs(text) == old.paragraphs(text)
    assert source.sentences(text) == old.sentences(text)
    paras, starts, ends = source.sentence_bounds(text)
    assert paras == old.paragraphs(text)
    assert list(map(Span, starts, ends)) == old.sentences(text)


@settings(max_examples=300, deadline=None)
@given(_cases(), st.booleans())
def test_coverage_is_the_old_one(case: tuple[str, list[tuple[str, int]]], skip: bool) -> None:
    text, quotes = case
    found = old.find_quotes(text, quotes)
    claims = tuple(
        Claim(id=f"c{k}", text="", quote=q, role="thesis", by="x", span=span)
        for k, ((q, _), (span, _)) in enumerate(zip(quotes, found, strict=True))
    )
    skipped = tuple(Skip(c.quote, f"why {k}", c.span) for k, c in enumerate(claims))
    m = Map(
        title="",
        thesis="c0",
        source="s",
        claims=claims,
        relations=(),
        source_text=text,
        skipped=skipped[::2] if skip else (),
    )
    new, was = coverage(m), old.coverage(m)
    assert new.sentences == was.sentences
    assert new.counts == was.counts
    assert (new.covered, new.uncovered, new.ratio) == (was.covered, was.uncovered, was.ratio)


def test_the_paths_a_quote_takes() -> None:
    """A middle word found once decides at once; a missing one too; else the index or a scan."""
    text = "the cat sat. " * 80 + "The dog 42 barked. the cat sat. The dog barked."
    once = source._folded(text, False).once
    assert once.find(text, "dog 42 barked.", ["dog", "42", "barked."], 5) == [1044]
    assert once.find(text, "dog 43 barked.", ["dog", "43", "barked."], 5) == []
    assert once.find(text, "The dog barked.", ["The", "dog", "barked."], 5) == ("dog", 2)
    for quote, count in [("The dog barked.", 1), ("the cat sat.", 81), ("cat sat", 81)]:
        spans = source.occurrences(text, quote, limit=1000)
        assert spans == old.occurrences(text, quote, limit=1000)
        assert len(spans) == count
        assert {text[s.start : s.end] for s in spans} == {quote}


def test_folding_maps_runs_of_whitespace_only() -> None:
    """Segments are the stretches between runs of two or more whitespace characters."""
    text = "\u3000 It\u2019s\u2003a  fine\r\n\r\nday\u00a0\u2014 said\x1cshe.\u2028\n"
    folded = source._folded_runs(text, True)
    assert folded.text == "It's a fine day - said she."
    assert [text[a:b] for a, b in zip(folded.origins, folded.ends, strict=True)] == [
        "It\u2019s\u2003a",
        "fine",
        "day\u00a0\u2014 said\x1cshe.",
    ]
    assert list(folded.starts) == [0, 7, 12]
    assert folded.spans([(0, 27), (5, 11)]) == [Span(2, 33), Span(7, 14)]


def test_a_text_whose_every_word_repeats_answers_as_the_old_code() -> None:
    """No second word is found once: every quote is looked for by the index or a scan."""
    sentences = [
        f"Report {i} shows that the {('wage', 'mill', 'strike')[i % 3]} mattered."
        for i in range(60)
    ]
    text = "\n\n".join([" ".join(sentences)] * 3)
    quotes = [(s[:-1], k % 4 + 1) for k, s in enumerate(sentences)]
    quotes += [("Report 7 ... mill mattered.", 2), ("the wage", 1), ("shows that", 200)]
    found = source.find_quotes(text, quotes)
    assert found == was_e748099.find_quotes(text, quotes)
    assert [n for _, n in found[:60]] == [2, 2, 3, 3] * 15  # counted up to max(2, occurrence)
    assert [span is None for span, _ in found[:60]] == [False, False, False, True] * 15
    assert found[60:] == [(Span(2708, 2746), 2), (Span(20, 28), 2), (None, 180)]
    assert text[2708:2746] == "Report 7 shows that the mill mattered."
    assert text.index("Report 7 shows") < 2708 - len(text) // 3


def test_a_few_quotes_are_searched_for_without_counting_the_words() -> None:
    """A map's few skipped passages cost a search each, not a split of the whole text."""
    text = "One cat sat. Two dogs ran. " * 50 + "Three birds sang."
    few = [("Three birds sang.", 1), ("Two dogs ran.", 3), ("Two cats ran.", 1)]
    found = source.find_quotes(text, few)
    assert found == was_e748099.find_quotes(text, few)
    assert [n for _, n in found] == [1, 3, 0]
    assert "once" not in source._folded(text, False).__dict__  # no word was counted
    many = [(f"{s} sat.", 1) for s in ("One cat",) * 40]
    assert source.find_quotes(text, many) == was_e748099.find_quotes(text, many)
    assert source.find_quotes(text, []) == []


def test_many_quotes_with_one_too_long_and_short_ones() -> None:
    """A quote longer than MAX_QUOTE is not looked up, even when its second word tells."""
    words = [f"w{i}" for i in range(1200)]
    text = " ".join(words) + ". The end."
    long = " ".join(words[:800])  # its second word is found once, and it is in the text
    assert len(long) > source.MAX_QUOTE
    assert long in text
    quotes = [(long, 1), ("w0 w1 w2", 1), ("w1199. The end.", 1), ("w1197 w1198 w1199.", 2)]
    quotes += [(" ".join(words[i : i + 3]), 1) for i in range(0, 1000, 25)]
    found = source.find_quotes(text, quotes)
    assert found == was_e748099.find_quotes(text, quotes)
    end = text.index("w1199")
    assert found[:4] == [(None, 0), (Span(0, 8), 1), (Span(end, len(text)), 1), (None, 1)]
    assert all(count == 1 for _, count in found[4:])
