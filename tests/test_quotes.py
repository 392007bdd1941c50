"""Quote matching and its diagnostics: caret, typography, repeats, elision, limits (issue 12)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import checks
from argmap.checks import run_checks
from argmap.errors import ArgmapError
from argmap.load import load_map, read_map
from argmap.model import Claim, Map, Span
from argmap.source import (
    MAX_QUOTE,
    caret,
    closest_passage,
    explain_miss,
    find_quote,
    occurrences,
    paragraph_of,
    paragraphs,
)

ROOT = Path(__file__).resolve().parent.parent
ESSAY = "Cats purr. Dogs bark.\n\nCats purr. So cats are \u201chappy\u201d \u2014 it\u2019s true.\n"


def _map(tmp_path: Path, claims: str, extra: str = "") -> Path:
    (tmp_path / "e.txt").write_text(ESSAY, encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text(
        f"argmap: 1\ntitle: t\nsource: e.txt\nthesis: a\n{extra}claims:\n{claims}",
        encoding="utf-8",
    )
    return path


def _errors(path: Path) -> list[str]:
    with pytest.raises(ArgmapError) as info:
        read_map(path)
    return [str(d).replace(f"{path}:", "m.yaml:") for d in info.value.diagnostics]


def test_caret_under_first_difference_as_documented(core_data: Path) -> None:
    path = core_data / "quote-not-in-source.yaml"
    with pytest.raises(ArgmapError) as info:
        read_map(path)
    (d,) = info.value.diagnostics
    assert d.detail == (
        "quote:  Some say dogs are the better pets.\n"
        "source: Some say dogs are better pets.\n"
        "                          ^"
    )
    # before: one line, "closest passage (94% alike): 'Some say dogs are better pets.'"
    assert d.hint == "closest passage (94% alike) differs at the caret"
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    block = doc.split(f"$ argmap check tests/data/core/{path.name}\n")[1].split("```")[0]
    shown = str(d).replace(str(path), f"tests/data/core/{path.name}")
    assert block == f"{shown}\nargmap: 1 error\n"


def test_caret_cuts_long_lines_around_the_difference() -> None:
    text = "word " * 40 + "the end of it all"
    miss = explain_miss(text, "word " * 40 + "teh end of it all")
    lines = caret(miss).splitlines()
    assert lines[0].startswith("quote:  …")
    assert lines[2].index("^") == lines[0].index("teh") + 1
    assert lines[1][lines[2].index("^")] == "h"


def test_only_typography_differs_is_said(tmp_path: Path) -> None:
    path = _map(tmp_path, "  - {id: a, text: A, quote: 'are \"happy\" - it''s', role: thesis}\n")
    assert _errors(path) == [
        (
            "m.yaml:6:5: error: quote-not-in-source: claim 'a': the quote differs from 'e.txt' "
            "only in typography (quotes, apostrophes, dashes, ligatures) (hint: copy those "
            "characters from the source, or set 'quotes: typographic' in the map)\n"
            '    quote:  are "happy" - it\'s\n'
            "    source: are \u201chappy\u201d \u2014 it\u2019s\n"
            "                ^"
        )
    ]


def test_typographic_matching_is_opt_in(tmp_path: Path) -> None:
    claims = "  - {id: a, text: A, quote: 'are \"happy\" - it''s', role: thesis}\n"
    m = read_map(_map(tmp_path, claims, "quotes: typographic\n"))
    span = m.claim("a").span
    assert span is not None
    assert m.source_text[span.start : span.end] == "are \u201chappy\u201d \u2014 it\u2019s"
    assert m.quotes == "typographic"


def test_unknown_quote_mode(tmp_path: Path) -> None:
    path = _map(
        tmp_path, "  - {id: a, text: A, quote: Dogs bark., role: thesis}\n", "quotes: loose\n"
    )
    assert _errors(path) == [
        (
            "m.yaml:5:1: error: invalid-type: 'quotes: loose' is not a way to match quotes "
            "(hint: use exact or typographic)"
        )
    ]


def test_ligatures_fold_both_ways() -> None:
    text = "The o\ufb03ce is open."
    assert find_quote(text, "office is", typographic=True) == Span(4, 11)
    assert find_quote(text, "office is") is None
    assert find_quote("The office is open.", "o\ufb03ce", typographic=True) == Span(4, 10)


def test_repeated_quote_warns_naming_places(tmp_path: Path) -> None:
    claims = (
        "  - {id: a, text: A, quote: So cats are, role: thesis}\n"
        "  - {id: p, text: P, quote: Cats purr., role: evidence, supports: [a]}\n"
    )
    m = read_map(_map(tmp_path, claims))
    (f,) = run_checks(m, select=["repeated-quote"])
    assert str(f).replace(f"{m.file}:", "m.yaml:") == (
        "m.yaml:7:5: warning: repeated-quote: claim 'p': the quote occurs 2 times "
        "(¶1 s1, ¶2 s3); the first is used (hint: add 'occurrence: N' to pick the N-th, "
        "or quote a longer passage)"
    )
    assert m.claim("p").span == Span(0, 10)


def test_occurrence_picks_one(tmp_path: Path) -> None:
    claims = (
        "  - {id: a, text: A, quote: So cats are, role: thesis}\n"
        "  - {id: p, text: P, quote: Cats purr., occurrence: 2, role: evidence, supports: [a]}\n"
    )
    m = read_map(_map(tmp_path, claims))
    assert m.claim("p").span == Span(23, 33)
    assert m.claim("p").paragraph == 2
    assert run_checks(m, select=["repeated-quote"]) == []


def test_occurrence_out_of_range(tmp_path: Path) -> None:
    claims = "  - {id: a, text: A, quote: Cats purr., occurrence: 3, role: thesis}\n"
    assert _errors(_map(tmp_path, claims)) == [
        (
            "m.yaml:6:41: error: quote-occurrence: claim 'a': 'occurrence: 3' but the quote"
            " occurs 2 times in 'e.txt' (hint: use an occurrence from 1 to 2)"
        )
    ]
    claims = "  - {id: a, text: A, quote: Cats purr., occurrence: 0, role: thesis}\n"
    assert [e.split(" (hint")[0] for e in _errors(_map(tmp_path, claims))] == [
        ("m.yaml:6:41: error: invalid-type: claim 'a' has occurrence 0")
    ]


def test_elided_quote_matches_the_shortest_span(tmp_path: Path) -> None:
    claims = "  - {id: a, text: A, quote: Cats purr. … are, role: thesis}\n"
    m = read_map(_map(tmp_path, claims))
    span = m.claim("a").span
    assert span is not None
    assert m.source_text[span.start : span.end] == "Cats purr. So cats are"
    assert find_quote(ESSAY, "Dogs bark. ... true.") == Span(11, ESSAY.index("true.") + 5)
    assert occurrences("x a b x c x", "x ... x") == [Span(0, 7), Span(6, 11)]


def test_elided_quote_names_the_missing_part(tmp_path: Path) -> None:
    claims = "  - {id: a, text: A, quote: Cats purr. ... so very happy, role: thesis}\n"
    (error,) = _errors(_map(tmp_path, claims))
    assert error.startswith(
        "m.yaml:6:5: error: quote-not-in-source: claim 'a': quote not found in 'e.txt': "
        "'Cats purr. ... so very happy' (its part 'so very happy' is not in the source)"
    )


def test_literal_dots_in_the_source_match_first() -> None:
    assert find_quote("Wait ... what? Yes.", "Wait ... what?") == Span(0, 14)


def test_quote_too_long_is_located_and_quick(core_data: Path) -> None:
    path = core_data / "quote-too-long.yaml"
    assert [e.split(" (hint")[0] for e in _errors(path)] == [
        (
            "m.yaml:31:5: error: quote-too-long: claim 'no-garden': the quote has 3,239"
            " characters, more than argmap looks up (3,000)"
        )
    ]
    assert occurrences("a" * 10, "a" * (MAX_QUOTE + 1)) == []


def test_closest_passage_of_a_long_quote_is_found() -> None:
    essay = (ROOT / "seeds" / "000_a6816591cb9c5cdb.txt").read_text(encoding="utf-8")
    text = essay * 16  # about 85 KB
    start = essay.index(" ", 3000) + 1
    quote = " ".join(essay[start : start + 2500].split()).replace(" the ", " teh ", 1)
    passage, ratio = closest_passage(text, quote)
    assert ratio > 0.9
    assert passage.split()[:2] == quote.split()[:2] == ["This", "is"]


YAML_HINT = (
    "a text with ': ', ' #', quotes or backslashes must be quoted: write it after "
    "'quote: >-' on the next line, indented, or in single quotes with each ' doubled "
    "(docs/format.md, 'Quoting quotes')"
)


@pytest.mark.parametrize(
    "quote",
    ["quote: Critics reply: no", 'quote: "He said "no" to it"', "quote: 'It's'"],
)
def test_yaml_syntax_in_a_quote_says_how_to_quote(quote: str) -> None:
    text = f"argmap: 1\ntitle: t\nsource: e.txt\nthesis: a\nclaims:\n  - id: a\n    {quote}\n"
    with pytest.raises(ArgmapError) as info:
        load_map(text)
    (d,) = info.value.diagnostics
    assert (d.code, d.hint) == ("yaml-syntax", YAML_HINT)


def test_safe_forms_of_the_docs_load() -> None:
    text = (
        'a: >-\n  Critics reply: "the plan failed" # and more\n'
        "b: 'Critics reply: \"the plan failed\" # and it''s over'\n"
    )
    from argmap.load import parse_yaml

    assert parse_yaml(text, "m.yaml") == {
        "a": 'Critics reply: "the plan failed" # and more',
        "b": 'Critics reply: "the plan failed" # and it\'s over',
    }


def _regex_find(text: str, quote: str) -> Span | None:
    """The old matcher: one regular expression per quote."""
    if not quote.strip():
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in quote.split()), text)
    return Span(m.start(), m.end()) if m else None


_texts = st.text(alphabet="ab .\n\t\u00a0\u2019'", max_size=40)


@given(_texts, _texts)
def test_find_quote_agrees_with_the_regex_matcher(text: str, quote: str) -> None:
    if re.search(r"\s(?:…|\.\.\.)\s", quote):
        return  # elided quotes are new
    assert find_quote(text, quote) == _regex_find(text, quote)


@given(_texts, st.integers(min_value=0, max_value=45))
def test_paragraph_of_agrees_with_a_scan(text: str, start: int) -> None:
    paras = paragraphs(text)
    span = Span(start, start + 1)
    scan = next((n for n, p in enumerate(paras, 1) if p.start <= start < p.end), 0)
    assert paragraph_of(paras, span) == scan


def test_loading_counts_each_quote_so_repeated_quote_searches_only_repeats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = (
        "  - {id: a, text: A, quote: So cats are, role: thesis}\n"
        "  - {id: p, text: P, quote: Cats purr., role: evidence, supports: [a]}\n"
        "  - {id: q, text: Q, quote: Cats purr., occurrence: 2, role: evidence, supports: [a]}\n"
    )
    m = read_map(_map(tmp_path, claims))
    assert [(c.id, c.found) for c in m.claims] == [("a", 1), ("p", 2), ("q", 2)]
    searched: list[str] = []

    def counting(text: str, quote: str, **options: Any) -> list[Span]:
        searched.append(quote)
        return occurrences(text, quote, **options)

    monkeypatch.setattr(checks, "occurrences", counting)
    assert [f.claims for f in run_checks(m, select=["repeated-quote"])] == [("p",)]
    assert searched == ["Cats purr."]


def test_repeated_quote_searches_a_claim_no_loader_counted() -> None:
    """A map built in code has ``found == 0``: its quotes are searched as before."""
    claims = (
        Claim("a", "A", "So cats are", "thesis", "authors", span=Span(34, 45)),
        Claim("p", "P", "Cats purr.", "evidence", "authors", span=Span(0, 10)),
    )
    m = Map("t", "a", "e.txt", claims, (), source_text=ESSAY)
    assert [f.claims for f in run_checks(m, select=["repeated-quote"])] == [("p",)]
