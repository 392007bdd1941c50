"""The quick locator's short cuts give the positions PyYAML's node tree gives.

:class:`argmap.quickyaml._Locator` reads a short-form relation's position
(``("claims", i, "opposes", j)``) off the item's plain lines instead of
outlining the whole item; these tests compare every path of the fixtures, of
a generated map and of random items (flow lists, block lists, comments,
quoted ids and texts, odd indentation) with :func:`argmap.load.yaml_locator`.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.fastyaml import positions
from argmap.load import yaml_locator
from argmap.model import Pos, YamlPath
from argmap.quickyaml import _Locator, parse_quick

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted([ROOT / "claims.yaml", *(Path(__file__).parent / "data").rglob("*.yaml")])


def _listed_paths(text: str) -> list[YamlPath]:
    """Every path of ``text`` that names an item of a list in an item of a top-level list."""
    return [p for p in positions(text) if len(p) == 4 and isinstance(p[3], int)]


def _assert_same(text: str) -> int:
    """Every path (and a missing one below each) located as PyYAML's nodes say.

    Returns how many short-form paths the short cut answered.
    """
    parsed = parse_quick(text)
    assert parsed is not None
    locator = parsed.locate
    assert isinstance(locator, _Locator)
    slow = yaml_locator(text)
    known = positions(text)
    paths = [*known, *((*p, "no-such-field") for p in known), ("claims", 0, "opposes", 99)]
    assert {p: locator(p) for p in paths} == {p: slow(p) for p in paths}
    assert locator.many(paths) == list(map(slow, paths))
    short = 0
    for p in _listed_paths(text):
        pos = locator._listed(*p)
        if pos is not None:
            assert pos == known[p], p
            short += 1
    return short


@pytest.mark.parametrize("path", MAPS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_fixture_is_located_as_pyyaml_locates_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    if parse_quick(text) is not None:
        _assert_same(text)


def test_a_generated_map_is_located_by_its_lines(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    text = gen.write(300, 3, tmp_path).read_text(encoding="utf-8")
    assert _assert_same(text) == len(_listed_paths(text)) > 200


#: how one item of a claim's relation list may be written
_NAMES = st.sampled_from(["b", "c2", "long-name", "x.y", "_u"])


@st.composite
def _relation_list(draw: st.DrawFn, key: str, column: int) -> tuple[list[str], bool]:
    """The lines of ``key`` and its list at ``column``, and whether they are plain."""
    names = draw(st.lists(_NAMES, min_size=1, max_size=4))
    pad = " " * column
    style = draw(st.sampled_from(["flow", "flow-spaced", "block", "block-deeper", "quoted"]))
    if style.startswith("flow"):
        gap = "   " if style == "flow-spaced" else " "
        trail = draw(st.sampled_from(["", "  "]))
        return [f"{pad}{key}:{gap}[{', '.join(names)}]{trail}"], True
    if style == "quoted":
        return [f"{pad}{key}:", *(f"{pad}  - '{n}'" for n in names)], False
    deeper = pad + ("  " if style == "block-deeper" else "")
    lines = [f"{pad}{key}:" + draw(st.sampled_from(["", "  # why", " "]))]
    for n in names:
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", f"{pad}# note", f"{deeper}  # note"])))
        dash = draw(st.sampled_from(["- ", "-  "]))
        lines.append(f"{deeper}{dash}{n}" + draw(st.sampled_from(["", " # c", "  "])))
    return lines, True


@st.composite
def _map_text(draw: st.DrawFn) -> str:
    """A map's text whose claims write their relations in many ways."""
    dash = draw(st.sampled_from([0, 2, 4]))
    lines = ["argmap: 1", "title: t", "claims:"]
    for i in range(draw(st.integers(1, 4))):
        gap = draw(st.sampled_from([" ", "   "]))
        column = dash + 1 + len(gap)
        fields = [f"id: c{i}"]
        for key in draw(st.lists(st.sampled_from(["supports", "opposes"]), unique=True)):
            written, _ = draw(_relation_list(key, column))
            fields.append("\n".join(written)[column:])
        extra = draw(
            st.sampled_from(
                [
                    [],
                    ["text: plain words"],
                    ["text: 'a quote'"],
                    [
                        "text: 'runs on",
                        f"{' ' * column}  opposes: [fake]",
                        f"{' ' * column}  here'",
                    ],
                    ["tags:", f"{' ' * column}- x", f"{' ' * column}- y"],
                ]
            )
        )
        if extra:
            fields.insert(draw(st.integers(0, len(fields))), f"\n{' ' * column}".join(extra))
        body = f"\n{' ' * column}".join(fields)
        lines.append(f"{' ' * dash}-{gap}{body}")
        if draw(st.booleans()):
            lines.append(f"{' ' * dash}# between")
    lines.append("thesis: c0")
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None)
@given(_map_text())
def test_random_relation_lists_are_located_as_pyyaml_locates_them(text: str) -> None:
    if parse_quick(text) is not None:
        _assert_same(text)


def test_plain_lists_take_the_short_cut_and_odd_ones_do_not() -> None:
    text = (
        "claims:\n"
        "  - id: a\n"
        "    opposes: [b, long-name]\n"
        "    supports:\n"
        "      - b  # why\n"
        "\n"
        "      - c\n"
        "  - id: b\n"
        "    text: 'runs on\n"
        "      opposes: [c]\n"
        "      here'\n"
        "    opposes: [c]\n"
        "  - id: c\n"
        "    supports:\n"
        "      - b\n"
        "        c\n"
        "thesis: a\n"
    )
    parsed = parse_quick(text)
    assert parsed is not None
    locator = parsed.locate
    assert isinstance(locator, _Locator)
    assert locator._listed("claims", 0, "opposes", 1) == Pos(3, 18)
    assert locator._listed("claims", 0, "supports", 1) == Pos(7, 9)
    assert locator._listed("claims", 1, "opposes", 0) is None  # a quote in the item's lines
    assert locator._listed("claims", 2, "supports", 0) is None  # a name going on below
    assert locator(("claims", 1, "opposes", 0)) == Pos(12, 15)
    assert locator(("claims", 2, "supports", 0)) == Pos(15, 9)
    _assert_same(text)
