"""The new screen and scalar scan of quickyaml.py answer exactly as the old ones.

tests/quickyaml_oracle.py is the code before branch start3 rewrote
:func:`argmap.quickyaml.screen` and :func:`argmap.quickyaml._scan` for
speed; here hypothesis texts and data, every fixture and a generated map get
the same answers from both: the same screen verdict, and the same count of
typed scalars, strings to resolve (in another order) and keys from the scan.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml_rs
from hypothesis import given, settings
from hypothesis import strategies as st

import quickyaml_oracle as old
from argmap.quickyaml import MAX_INDENT, MAX_TYPED, _scan, _typed_scalars, screen

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted([ROOT / "claims.yaml", *(Path(__file__).parent / "data").rglob("*.yaml")])

#: characters the screen looks at, and a few it does not
_ALPHABET = (
    "\n -:?,[]!&*|>%@`{}#'\"\\_.aZy0 \t\r\x00\x1f\x7f\x85\x9f\xa0é€\u2028\u2029\ufeff\ufffe\uffff"
)

#: pieces of block-style YAML, joined into texts
_PIECES = st.sampled_from(
    [
        "\n",
        "\n  ",
        "\n- ",
        "- ",
        "a: ",
        "key: value",
        "[a, b]",
        "[]",
        "[a,b]",
        "[1]",
        "[a, b] ",
        "[a] # c",
        "? ",
        "&x ",
        "*x",
        "!!str ",
        "|",
        "Why? Because R&D!",
        ": ?",
        ", *",
        "[!",
        "  %",
        "'it''s'",
        '"q"',
        '"\\t"',
        "\\",
        "é",
        "\u2028",
        "\t",
        "\r\n",
        "\ufeff",
        "\ud800",
        " " * MAX_INDENT,
        "- " * (MAX_INDENT // 2),
        "-" * MAX_INDENT,
    ]
)

_TEXTS = st.one_of(
    st.text(alphabet=_ALPHABET, max_size=40),
    st.lists(st.one_of(_PIECES, st.text(alphabet=_ALPHABET, max_size=4)), max_size=12).map("".join),
)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
def test_the_screen_answers_as_before(text: str) -> None:
    assert screen(text) == old.screen(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: Why? Because R&D!\n", True),
        ("a: b\n? c\n", False),
        ("a: [x]\nb: x ?y\n", True),
        ("a:\n  -   ? x\n", False),
        ("a: x,   !y", False),
        ("?", False),
        ("   ?", False),
        ("x" + "\n" + " " * MAX_INDENT + "y", False),
        (" - " * (MAX_INDENT // 3 + 1), False),
        ("a: caf\u00e9 \u2028", False),
        ("a: caf\u00e9 [b, c]\n", True),
        ("a: caf\u00e9 [b, 1]\n", False),
        ("a: \ud800", False),
        ("a: '\\'", True),
        ('a: "\\"', False),
    ],
)
def test_the_screen_on_chosen_texts(text: str, expected: bool) -> None:
    assert screen(text) is expected
    assert old.screen(text) is expected


def test_many_indicators_are_screened_as_before() -> None:
    """More indicators than are looked at one by one: the whole text is searched."""
    text = "a: " + "x? " * 10_000 + "\nb: c\n"
    assert screen(text) is old.screen(text) is True
    assert screen(text + "d: ?\n") is old.screen(text + "d: ?\n") is False


@pytest.mark.parametrize("path", MAPS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_fixture_is_screened_and_scanned_as_before(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert screen(text) == old.screen(text)
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # yaml-rs refuses it: nothing to scan
        return
    if isinstance(data, dict):
        _assert_scanned_as_before(data)


def test_a_generated_map_is_screened_and_scanned_as_before(tmp_path: Path) -> None:
    generate = ROOT / "benchmarks" / "generate.py"
    subprocess.run([sys.executable, generate, "300", "-o", tmp_path], check=True)
    text = (tmp_path / "map.yaml").read_text(encoding="utf-8")
    data = yaml_rs.loads(text, parse_datetime=False)
    assert screen(text) is old.screen(text) is True
    _assert_scanned_as_before(data)
    assert _typed_scalars(data) == [(("argmap",), 1)]


def _assert_scanned_as_before(data: dict[Any, Any]) -> None:
    risky: list[str] = []
    keys: set[Any] = set(data)
    old_risky: list[str] = []
    old_keys: set[Any] = set(data)
    assert _scan(data.values(), risky, keys) == old.scan(data.values(), old_risky, old_keys)
    assert Counter(risky) == Counter(old_risky)
    assert keys == old_keys


_SCALARS = st.one_of(
    st.text(alphabet="yYnNtTfFoOx0.-+~<=!&* ", max_size=7),
    st.integers(-3, 3),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
)
_KEYS = st.one_of(
    st.sampled_from(["a", "b", "id"]),
    st.text(alphabet="abyn0~-", max_size=4),
    st.integers(0, 2),
    st.none(),
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=4)),
    max_leaves=30,
)


@settings(max_examples=1500, deadline=None)
@given(st.dictionaries(_KEYS, _DATA, max_size=5))
def test_the_scalar_scan_answers_as_before(data: dict[Any, Any]) -> None:
    _assert_scanned_as_before(data)


@pytest.mark.parametrize(
    "data",
    [
        {"a": {"b": {"c": {"~": "x"}}}},
        {"a": [{"b": [{"c": {"yes": "x"}}]}]},
        {"a": {"b": {"c": {1: "x"}}}},
        {"a": [[["x", [{"b": "010"}]]]]},
        {"a": {"b": [{"c": 1.5}, {"d": [None, True]}]}},
        {"a": [{"b": ""}, {"c": "x"}]},
        {"a": "n", "b": ["no"]},
    ],
)
def test_deep_keys_and_scalars_are_scanned_as_before(data: dict[Any, Any]) -> None:
    _assert_scanned_as_before(data)


def test_too_many_typed_scalars_are_left_to_pyyaml() -> None:
    data = {"claims": [{"id": "a", "base": 0.5}] * MAX_TYPED, "x": [[1, 2], {"k": 3}]}
    assert _typed_scalars(data) is None
    _assert_scanned_as_before(data)
    data["x"] = []
    assert len(_typed_scalars(data) or []) == MAX_TYPED
