"""The fast YAML path against PyYAML's: the same map and the same diagnostics, or no answer."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap.load
from argmap.checks import run_checks
from argmap.errors import ArgmapError
from argmap.fastyaml import UNSURE, parse_fast, parse_located, positions
from argmap.load import read_map, yaml_locator
from argmap.model import Map, Pos

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted([ROOT / "claims.yaml", *(Path(__file__).parent / "data").rglob("*.yaml")])


def _slow(text: str) -> Any:
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _read(path: Path, monkeypatch: pytest.MonkeyPatch, *, fast: bool) -> Map | list[Any]:
    """The map, or the diagnostics, with or without the fast path."""
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(argmap.load, "parse_located", lambda _text: None)
            patch.setattr(argmap.load, "parse_quick", lambda _text: None)
        try:
            return read_map(path)
        except ArgmapError as exc:
            return exc.diagnostics


@pytest.mark.parametrize("path", MAPS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_fixture_gives_the_same_map_or_diagnostics(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _read(path, monkeypatch, fast=True) == _read(path, monkeypatch, fast=False)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_fixture_parses_as_pyyaml_or_not_at_all(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    got = parse_fast(text)
    if got is not UNSURE:
        assert repr(got) == repr(_slow(text))


def _generated(tmp_path: Path, claims: int) -> Path:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    path: Path = gen.write(claims, 11, tmp_path)
    return path


def test_a_generated_map_takes_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _generated(tmp_path, 1000)
    text = path.read_text(encoding="utf-8")
    assert parse_fast(text) == _slow(text)
    fast = _read(path, monkeypatch, fast=True)
    slow = _read(path, monkeypatch, fast=False)
    assert isinstance(fast, Map)
    assert isinstance(slow, Map)
    assert fast == slow
    # the warnings, and so where they are located, are those of PyYAML's path
    findings = run_checks(fast)
    assert len({f.code for f in findings}) >= 3
    assert findings == run_checks(slow)
    deep = {slow.pos(r) for r in slow.relations if len(r.origin) > 2}  # inside a claim
    assert sum(Pos(f.line, f.column) in deep for f in findings) > 10
    assert_located_as_pyyaml(text)


def assert_located_as_pyyaml(text: str) -> None:
    """Each path of ``text``, and a missing field below each, located as PyYAML's nodes say."""
    parsed = parse_located(text)
    assert parsed is not None
    known = positions(text)
    paths = [*known, *((*p, "no-such-field") for p in known), ("claims", 10**9, "id")]
    slow = yaml_locator(text)
    assert [parsed.locate(p) for p in paths] == [slow(p) for p in paths]


@pytest.mark.parametrize("path", MAPS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_fixture_is_located_as_pyyaml_locates_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    if parse_located(text) is not None:
        assert_located_as_pyyaml(text)


@pytest.mark.parametrize(
    "text",
    [
        "claims:\r\n  - id: a\r\n    supports: [b, c]\r\n  - id: b\r\n",  # CRLF
        "\ufeffclaims:\n  - id: a\n    text: caf\u00e9 \U0001f600\n    by: x\n",  # BOM, wide
        "claims: [{id: a, supports: [b]},\n  {id: b,\n   text: c}]\nx: 1\n",  # flow items
        "claims:\n- id: a\n  note: |\n    two\n\n    lines\n- id: b  # c\n  by: x\n",
        "claims:\n  - - a\n    - b\n  - {}\n  - []\n  - x\nspeakers: {a: A}\n",
        "? claims\n: - id: a\n    text: b\n",  # an explicit key
        "claims:\n  - id: a\n    text: >-\n      folded\n      text\n    by: x\n",
    ],
)
def test_unusual_layouts_are_located_as_pyyaml_locates_them(text: str) -> None:
    assert_located_as_pyyaml(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x",  # aliases: PyYAML's path counts them (alias bombs)
        "a: !!str 1",  # tags: PyYAML's path refuses unsafe ones, located
        "a: !!python/name:os.system",
        "a:\n\t- 1",  # a tab: a syntax error, located on PyYAML's path
        "a: 1\na: 2",  # duplicate keys: located on PyYAML's path
        "a: 1\n1: 2\ntrue: 3",  # 1 and true are one key to Python
        "<<: {a: 1}",  # a merge key
        "--- 1\n--- 2",  # two documents
        "? [a]\n: 1",  # a complex key
        "a: '\x07'",  # a character YAML refuses
        "[:0]",  # syntax PyYAML refuses (yaml-rs reads [':0'])
        "a: [1, 2",
    ],
)
def test_what_pyyaml_treats_its_own_way_is_left_to_it(text: str) -> None:
    assert parse_fast(text) is UNSURE


def test_plain_maps_take_the_fast_path() -> None:
    text = "argmap: 1\nbase: 0.75\nids: [c0, c-1, 'c 2']\nnote: >-\n  two\n  lines\nx: null\n"
    assert (
        parse_fast(text)
        == _slow(text)
        == {
            "argmap": 1,
            "base": 0.75,
            "ids": ["c0", "c-1", "c 2"],
            "note": "two lines",
            "x": None,
        }
    )


_TOKENS = st.sampled_from(
    [
        "0",
        "00",
        "010",
        "0o7",
        "0x1F",
        "0b11",
        "1",
        "-1",
        "+1",
        "1_0",
        "1.5",
        ".5",
        "-.5",
        "1.",
        "1e3",
        "1.0e+3",
        "1.0e3",
        ".inf",
        "-.Inf",
        ".nan",
        "1:30",
        "2001-01-01",
        "yes",
        "No",
        "on",
        "OFF",
        "true",
        "False",
        "null",
        "~",
        "",
        "y",
        "n",
        "=",
        "<<",
        "a",
        "c0",
        "'010'",
        '"yes"',
        "a b",
        "1 2",
        "-",
        "'",
        '"',
    ]
)
_PIECES = st.one_of(_TOKENS, st.text(alphabet="0123456789.eE+-_:oxabyn ~[]{},#&*!'\"", max_size=6))


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=4), st.sampled_from(["map", "list", "flow"]))
def test_any_scalar_parses_as_pyyaml_or_not_at_all(tokens: list[str], shape: str) -> None:
    if shape == "map":
        text = "".join(f"k{i}: {t}\n" for i, t in enumerate(tokens))
    elif shape == "list":
        text = "".join(f"- {t}\n" for t in tokens)
    else:
        text = "[" + ", ".join(tokens) + "]\n"
    try:
        expected = repr(_slow(text))
    except yaml.YAMLError:
        expected = "error"
    got = parse_fast(text)
    assert got is UNSURE or repr(got) == expected
