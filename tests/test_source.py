"""Paragraphs, sentences, quote matching and the closest-passage hint."""

from __future__ import annotations

from pathlib import Path

from argmap.model import Span
from argmap.source import closest_passage, find_quote, paragraphs, sentences

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
