"""The fast YAML path against PyYAML's: the same map and the same diagnostics, or no answer."""

from __future__ import annotations

import importlib.util
import inspect
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
import yaml_rs
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap.load
from argmap.checks import run_checks
from argmap.errors import ArgmapError
from argmap.fastyaml import UNSURE, parse_fast, parse_located, positions
from argmap.load import read_map, yaml_locator
from argmap.model import Map, Pos
from argmap.quickyaml import parse_quick, screen

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


# --- yaml-rs's path (argmap.quickyaml) against PyYAML's -------------------------------------

FAST = Path(__file__).parent / "data" / "fast"

#: the fixtures of tests/data/fast that yaml-rs's path reads itself; each other one holds one
#: kind of difference between YAML 1.1 (PyYAML) and yaml-rs, and must be left to PyYAML
QUICK = {"multiline", "non-ascii", "null-note", "numbers", "true-note"}


def _outcome(text: str) -> str:
    """PyYAML's data as text, with its types, or the error it raises."""
    try:
        return repr(_slow(text))
    except yaml.YAMLError:
        return "error"


def _read_by(path: Path, monkeypatch: pytest.MonkeyPatch, route: str) -> Map | list[Any]:
    """The map or diagnostics by one route: 'quick' (else PyYAML), 'events' (else PyYAML)."""
    with monkeypatch.context() as patch:
        patch.setattr(argmap.load, "parse_located" if route == "quick" else "parse_quick", _none)
        patch.setattr(argmap.load, "QUICK_FROM", 0)
        try:
            return read_map(path)
        except ArgmapError as exc:
            return exc.diagnostics


def _none(_text: str) -> None:
    return None


@pytest.mark.parametrize("path", MAPS, ids=lambda p: str(p.relative_to(ROOT)))
@pytest.mark.parametrize("route", ["quick", "events"])
def test_each_fast_route_gives_pyyamls_map_or_diagnostics(
    path: Path, route: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _read_by(path, monkeypatch, route) == _read(path, monkeypatch, fast=False)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_fixture_quick_parses_as_pyyaml_or_not_at_all(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    got = parse_quick(text)
    if got is not None:
        assert repr(got.data) == repr(_slow(text))
        assert_quick_located_as_pyyaml(text)


def test_most_plain_fixtures_take_yaml_rs_path() -> None:
    taken = [p for p in MAPS if parse_quick(p.read_text(encoding="utf-8", errors="replace"))]
    assert len(taken) >= 40


@pytest.mark.parametrize("path", sorted(FAST.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_kind_of_difference_is_left_to_pyyaml(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text(encoding="utf-8")
    assert (parse_quick(text) is not None) == (path.stem in QUICK)
    quick = _read_by(path, monkeypatch, "quick")
    assert quick == _read(path, monkeypatch, fast=False)
    if path.stem not in QUICK:  # yaml-rs would have read it otherwise, or not at all
        try:
            differs = repr(yaml_rs.loads(text, parse_datetime=False)) != _outcome(text)
        except yaml_rs.YAMLDecodeError:
            differs = True
        assert differs or not screen(text) or path.stem == "quoted-yes"


def assert_quick_located_as_pyyaml(text: str) -> None:
    """Each path of ``text``, and a missing field below each, located as PyYAML's nodes say."""
    parsed = parse_quick(text)
    assert parsed is not None
    known = positions(text)
    paths = [*known, *((*p, "no-such-field") for p in known), ("claims", 10**9, "id"), ()]
    slow = yaml_locator(text)
    assert {p: parsed.locate(p) for p in paths} == {p: slow(p) for p in paths}


def test_a_generated_map_takes_yaml_rs_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _generated(tmp_path, 1000)
    text = path.read_text(encoding="utf-8")
    parsed = parse_quick(text)
    assert parsed is not None
    assert repr(parsed.data) == repr(_slow(text))
    assert_quick_located_as_pyyaml(text)
    quick = _read_by(path, monkeypatch, "quick")
    slow = _read(path, monkeypatch, fast=False)
    assert isinstance(quick, Map)
    assert quick == slow
    assert run_checks(quick) == run_checks(slow)


@pytest.mark.parametrize(
    "text",
    [
        "claims:\n- id: a\n  supports: [b, c]\n- id: b\nrelations:\n- from: [a]\n  to: b\n",
        "# c\n\nclaims:  # c\n  -   id: a\n\n      text: x  # c\n  - - p\n    - q\n  -\n",
        "claims:\n  - id: a\n    text: two\n      lines\n    by: x\n  - id: b\n",
        "claims:\n  - id: a\n    note: 'two\n      lines'\n    by: x\n",
        "a:\n  b:\n    c: [d]\n    e:\n    - f\n  g: h\nclaims: []\n",
        "claims:\n  - id: a\n    text: x\n  -\n    id: b\n",
    ],
)
def test_unusual_layouts_are_located_by_yaml_rs_path_as_pyyaml_does(text: str) -> None:
    assert_quick_located_as_pyyaml(text)


def _mutations() -> st.SearchStrategy[str]:
    """A quick-path fixture with one line changed: a risky token, an indicator, a bad indent."""
    texts = [
        p.read_text(encoding="utf-8") for p in (FAST / "numbers.yaml", FAST / "multiline.yaml")
    ]
    pieces = st.sampled_from(
        [
            "yes",
            "No",
            "010",
            "0o7",
            "1e3",
            "-.5",
            "1:20",
            "2001-01-01",
            "=",
            "<<",
            "~",
            "",
            "!!str x",
            "&a x",
            "*a",
            "\t",
            "? k",
            "[1, 2]",
            "{a: b}",
            "[a,b]",
            "'q'",
            '"q\\t"',
            "a: b",
            "- x",
            "---",
            "...",
            "%YAML 1.1",
            "#",
            " ",
            "  ",
            "\u00e9",
            "\u2028",
            "\x85",
            "|",
            ">-",
            "@x",
            "`x",
            "\ufeff",
            "[:0]",
            "k: v: w",
            "\\",
            "!!float 1",
            "!!python/name:os.system",
            "!!binary aGk=",
            "!!set",
            "&a [x]",
            "role: evidence",
            "id: c",
            "argmap: 1",
            "1: x",
            "null: x",
            "'yes'",
            "0.5",
            ": x",
        ]
    )
    return st.builds(
        _mutate, st.sampled_from(texts), st.integers(0, 10**6), pieces, st.integers(0, 3)
    )


def _mutate(text: str, where: int, piece: str, how: int) -> str:
    lines = text.split("\n")
    n = where % len(lines)
    line = lines[n]
    if how == 0:  # replace the value
        key, sep, _ = line.partition(": ")
        lines[n] = f"{key}{sep or ': '}{piece}"
    elif how == 1:  # insert a line of its own, indented as this one
        lines.insert(n, " " * (len(line) - len(line.lstrip())) + piece)
    elif how == 2:  # change the indentation
        lines[n] = piece + line if piece.strip() == "" else " " + line
    else:  # insert the piece somewhere in the line
        at = where % (len(line) + 1)
        lines[n] = line[:at] + piece + line[at:]
    return "\n".join(lines)


@settings(max_examples=400, deadline=None)
@given(_mutations())
def test_a_mutated_map_parses_as_pyyaml_or_is_left_to_it(text: str) -> None:
    parsed = parse_quick(text)
    if parsed is not None:
        assert repr(parsed.data) == _outcome(text)
        assert_quick_located_as_pyyaml(text)


@pytest.mark.parametrize(
    "text",
    [
        "a:\n  " + "- " * 10**5 + "x\n",  # yaml-rs's stack would overflow (a crash)
        "- " * 10**5 + "x\n",
        "a:" + "".join(f"\n{' ' * (i + 1)}k{i}:" for i in range(300)),
    ],
    ids=["dashes", "dashes-first", "indent"],
)
def test_deep_nesting_is_left_to_pyyaml(text: str) -> None:
    assert not screen(text)
    assert parse_quick(text) is None


def test_nesting_python_cannot_recurse_into_is_left_to_pyyaml() -> None:
    text = "a:\n  " + "- " * 90 + "x\n"  # indented by less than MAX_INDENT
    assert parse_quick(text) is not None
    limit = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(len(inspect.stack()) + 40)
        quick = parse_quick(text)
    finally:
        sys.setrecursionlimit(limit)
    assert quick is None
