"""Loading maps: every error code has a fixture that triggers it at a known place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import load
from argmap.errors import ArgmapError
from argmap.escape import find_control
from argmap.load import load_map, parse_yaml, read_map, yaml_locator
from argmap.model import Claim, Pos, Relation, Span
from argmap.validate import _may_hold_control

DATA = Path(__file__).parent / "data" / "core"
FIXTURES = sorted(p for p in DATA.glob("*.yaml") if p.name != "valid.yaml")


def _expected(path: Path) -> list[tuple[str, int, int]]:
    first = path.read_text().splitlines()[0]
    found = re.findall(r"([a-z-]+) (\d+):(\d+)", first.removeprefix("# expect:"))
    return [(code, int(line), int(col)) for code, line, col in found]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_bad_fixture_reports_code_at_place(path: Path) -> None:
    with pytest.raises(ArgmapError) as info:
        read_map(path)
    got = {(d.code, d.line, d.column) for d in info.value.diagnostics}
    for want in _expected(path):
        assert want in got, f"{path.name}: want {want}, got {sorted(got)}"
    for d in info.value.diagnostics:
        assert d.file == str(path)
        assert d.hint, f"{d.code} has no hint"


def test_every_documented_code_has_a_fixture() -> None:
    doc = (Path(__file__).parents[1] / "docs" / "format.md").read_text()
    section = doc.split("## Errors")[1].split("\n## ")[0]  # the map's errors, not the output's
    documented = set(re.findall(r"^\| `([a-z-]+)` \| ", section, re.M))
    assert {"yaml-syntax", "quote-not-in-source"} <= documented
    # no fixture can hold a file too large to read: tests/test_input_limits.py makes one
    unfixable = {"file-not-found", "file-too-large"}
    covered = {code for p in FIXTURES for code, _, _ in _expected(p)} | unfixable
    assert documented <= covered, documented - covered


def test_valid_map_loads(core_data: Path) -> None:
    m = read_map(core_data / "valid.yaml")
    assert m.title == "Cats or dogs"
    assert [c.id for c in m.claims][:2] == ["cats-best", "cats-purr"]
    ids = sorted(r.id for r in m.relations)
    assert ids == [
        "cats-no-walk--supports--cats-best",
        "cats-purr--supports--cats-best",
        "dogs-better--opposes--cats-best",
        "walk-problem",
    ]
    walk = m.relation("walk-problem")
    assert walk.linked
    assert walk.kind == "opposition"
    assert walk.premises == ("dogs-walk", "no-garden")
    assert m.claim("dogs-better").by == "others"
    assert m.claim("cats-purr").by == "authors"
    assert m.claim("no-garden").paragraph == 2


def test_quote_tolerates_only_whitespace(core_data: Path) -> None:
    m = read_map(core_data / "valid.yaml")
    purr = m.claim("cats-purr")  # the quote spans a line break in the essay
    assert purr.span is not None
    assert "\n" in m.source_text[purr.span.start : purr.span.end]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError) as info:
        read_map(tmp_path / "nope.yaml")
    assert [d.code for d in info.value.diagnostics] == ["file-not-found"]


def test_all_problems_reported_at_once(core_data: Path) -> None:
    with pytest.raises(ArgmapError) as info:
        read_map(core_data / "many-errors.yaml")
    assert [d.code for d in info.value.diagnostics] == [
        "unknown-thesis",
        "unknown-role",
        "unknown-claim",
    ]


def test_duplicate_keys_all_reported() -> None:
    with pytest.raises(ArgmapError) as info:
        parse_yaml("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", "m.yaml")
    assert [(d.code, d.line) for d in info.value.diagnostics] == [
        ("duplicate-key", 4),
        ("duplicate-key", 5),
    ]


def test_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "m.yaml"
    p.write_bytes(b"title: \xff\xfe")
    with pytest.raises(ArgmapError) as info:
        read_map(p)
    assert "UTF-8" in info.value.diagnostics[0].hint


def test_without_base_dir_quotes_are_not_checked() -> None:
    text = (
        "argmap: 1\ntitle: t\nsource: x.txt\nthesis: a\n"
        "claims:\n  - {id: a, text: A, quote: nowhere, role: thesis}\n"
    )
    m = load_map(text)
    assert m.claim("a").span is None


def test_locator_points_at_keys_and_items() -> None:
    locate = yaml_locator("claims:\n  - id: a\n    supports: [x, y]\n")
    assert locate(("claims", 0)) == Pos(2, 5)
    assert locate(("claims", 0, "supports", 1)) == Pos(3, 19)
    assert locate(("claims", 5, "text")) == Pos(1, 1)


def test_short_and_explicit_forms_give_the_same_relation(core_data: Path) -> None:
    text = (core_data / "valid.yaml").read_text()
    explicit = (
        text.replace("    supports: [cats-best]\n  - id: dogs-better", "  - id: dogs-better")
        + "  - from: cats-purr\n    to: cats-best\n"
    )
    a = load_map(text, "a.yaml", core_data)
    b = load_map(explicit, "b.yaml", core_data)
    assert sorted(a.relations, key=lambda r: r.id) == sorted(b.relations, key=lambda r: r.id)


_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 2),
    st.floats(0, 1),
    st.text(max_size=3),
    st.lists(st.one_of(st.text(max_size=2), st.integers(0, 1)), max_size=2),
    st.dictionaries(st.text(max_size=2), st.text(max_size=2), max_size=1),
)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([load.TOP_FIELDS, load.CLAIM_FIELDS, load.RELATION_FIELDS, load.SKIP_FIELDS]),
    st.data(),
)
def test_the_fast_path_of_fields_keeps_what_checking_each_field_keeps(
    spec: dict[str, load.Field], data: st.DataObject
) -> None:
    names = st.one_of(st.sampled_from(sorted(spec)), st.sampled_from(["bogus", "Id"]))
    item = data.draw(st.one_of(st.dictionaries(names, _VALUES, max_size=6), _VALUES))
    fast, slow = (
        load._Builder("m.yaml", lambda _p: Pos()),
        load._Builder("m.yaml", lambda _p: Pos()),
    )
    kept = fast.fields(item, spec, ("claims", 0), "claim #1")
    assert kept == slow.checked_fields(item, spec, ("claims", 0), "claim #1")
    assert fast.diagnostics == slow.diagnostics
    if load._well_formed(item, spec):
        assert slow.diagnostics == []
        assert kept == item


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=6), max_size=4))
def test_a_yaml_text_said_to_hold_no_control_character_gives_none(texts: list[str]) -> None:
    """``validate``'s shortcut: the YAML of strings with a control character is always searched."""
    raw = yaml.safe_dump(texts, allow_unicode=True)
    if not _may_hold_control(raw):
        assert all(find_control(t) < 0 for t in yaml.safe_load(raw))
    if any(find_control(t) >= 0 for t in texts):
        assert _may_hold_control(raw)


def test_a_control_character_written_as_an_escape_is_found(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_text("Cats purr.", encoding="utf-8")
    text = (
        "argmap: 1\ntitle: t\nsource: e.txt\nthesis: a\n"
        'claims:\n  - {id: a, text: "A\\a", quote: Cats purr, role: thesis}\n'
    )
    with pytest.raises(ArgmapError) as info:
        load_map(text, "m.yaml", tmp_path)
    assert [str(d) for d in info.value.diagnostics] == [
        (
            "m.yaml:6:13: error: control-character: claim 'a': text contains the control "
            "character U+0007 (hint: remove it; in a double-quoted YAML string it is written "
            "as an escape such as \\e, \\a or \\0)"
        )
    ]


def test_a_control_character_past_the_first_megabyte_is_seen() -> None:
    assert not _may_hold_control("a: b\n" * 500_000)
    assert _may_hold_control("a: b\n" * 500_000 + "c: \x1b[2J\n")
    assert _may_hold_control("a: b\n" * 500_000 + 'c: "\\e"\n')


@pytest.mark.parametrize("cls", [Claim, Relation, Span])
def test_hand_written_inits_take_every_field_in_order(cls: type) -> None:
    """Claim, Relation and Span fill their dict at once: their __init__ must list every field."""
    import dataclasses
    import inspect

    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields, strict=True):
        expected = inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
        assert p.default == expected, p.name
