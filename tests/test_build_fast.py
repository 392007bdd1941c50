"""The fast ways of building and validating a map give what the item-by-item ways give.

Building keeps each well-formed claim whole and makes claims and relations
from their dicts; validating decides the relations' checks for all of them
at once and looks at each only when that bulk test fails.  Each is compared
here with the old way, kept as an oracle, on random claims and maps full of
mistakes: the same claims, relations and diagnostics, in the same order.
"""

from __future__ import annotations

import math
from dataclasses import fields
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import load, validate
from argmap.load import CLAIM_FIELDS
from argmap.model import (
    RELATION_KINDS,
    Claim,
    Map,
    Pos,
    Relation,
    RelationKind,
    Span,
    YamlPath,
    derived_relation_id,
)

_IDS = ["a", "b", "c", "a-b", "Bad", "c--supports--a"]
_TARGETS = [*_IDS, "x", "r-1", "a--supports--b"]

# --- building claims ---------------------------------------------------------------

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1, 2),
    st.sampled_from([0.5, 1.5]),
    st.sampled_from(_TARGETS),
    st.sampled_from(["", " ", "Text."]),
)
_VALUES = st.one_of(
    _SCALARS,
    st.lists(st.one_of(st.sampled_from(_TARGETS), st.integers(0, 1)), max_size=3),
    st.lists(st.sampled_from(_TARGETS), max_size=3),
    st.dictionaries(st.sampled_from(["id", "k"]), st.sampled_from(_IDS), max_size=1),
)
_USUAL = st.fixed_dictionaries(  # a claim as most are written: well formed
    {
        "id": st.sampled_from(_IDS),
        "text": st.sampled_from(["T.", ""]),
        "quote": st.sampled_from(["Q", "Cats purr"]),
        "role": st.sampled_from(["thesis", "evidence", "bogus"]),
    },
    optional={
        "supports": st.lists(st.sampled_from(_TARGETS), max_size=2),
        "opposes": st.lists(st.sampled_from(_TARGETS), max_size=2),
        "undercuts": st.lists(st.sampled_from(_TARGETS), max_size=2),
        "by": st.sampled_from(["authors", "bo"]),
        "tags": st.lists(st.sampled_from(["x", "y"]), max_size=2),
        "base": st.sampled_from([0, 1, 0.25]),
        "occurrence": st.integers(-1, 3),
        "note": st.just("n"),
    },
)
_ITEMS = st.lists(
    st.one_of(
        _USUAL,
        _USUAL.flatmap(  # one field changed, added or dropped
            lambda item: st.builds(
                _changed, st.just(item), st.sampled_from([*CLAIM_FIELDS, "bogus"]), _VALUES
            )
        ),
        _VALUES,
    ),
    max_size=8,
)


def _changed(item: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    changed = dict(item)
    if value is None and key in changed:
        del changed[key]
    else:
        changed[key] = value
    return changed


def _old_claims(b: load._Builder, items: list[Any]) -> tuple[list[Claim], list[Relation]]:
    """``_Builder.claims`` as it was: each item checked field by field, each object built."""
    good: list[tuple[int, dict[str, Any]]] = []
    relations: list[Relation] = []
    for i, item in enumerate(items):
        f = b.checked_fields(item, CLAIM_FIELDS, ("claims", i), f"claim #{i + 1}")
        if f is None:
            continue
        if not f.keys() >= {"id", "text", "quote", "role"}:
            if "id" in f:
                b.broken.add(f["id"])
                relations += _old_short_forms(item, f, i)
            continue
        if f.get("occurrence", 1) < 1:
            b.error(
                ("claims", i, "occurrence"),
                "invalid-type",
                f"claim {f['id']!r} has occurrence {f['occurrence']}",
                "count from 1: 'occurrence: 2' is the second place the quote occurs",
            )
        good.append((i, f))
        relations += _old_short_forms(item, f, i)
    claims = [
        Claim(
            id=f["id"],
            text=f["text"],
            quote=f["quote"],
            role=f["role"],
            by=f.get("by", "authors"),
            tags=tuple(f.get("tags", ())),
            note=f.get("note", ""),
            base=float(f.get("base", 0.5)),
            span=None,
            paragraph=0,
            occurrence=f.get("occurrence", 0),
            origin=("claims", i),
            found=0,
        )
        for i, f in good
    ]
    return claims, relations


def _old_short_forms(item: dict[str, Any], f: dict[str, Any], i: int) -> list[Relation]:
    forms: dict[str, RelationKind] = {
        "supports": "support",
        "opposes": "opposition",
        "undercuts": "undercut",
    }
    premises = (f["id"],)
    return [
        Relation(
            id=derived_relation_id(kind, premises, target),
            kind=kind,
            premises=premises,
            target=target,
            origin=("claims", i, key, j),
        )
        for key, kind in forms.items()
        if key in item
        for j, target in enumerate([item[key]] if isinstance(item[key], str) else f.get(key, ()))
    ]


def _at(path: YamlPath) -> Pos:
    """A made-up place for each path, different for different items."""
    return Pos(1 + sum(p for p in path if isinstance(p, int)), len(path))


def _fields(objects: list[Claim] | list[Relation]) -> list[str]:
    """Each object's fields as written, types and order included."""
    return [repr([(f.name, getattr(o, f.name)) for f in fields(o)]) for o in objects]


@settings(max_examples=400, deadline=None)
@given(_ITEMS)
def test_claims_are_built_as_checking_each_item_builds_them(items: list[Any]) -> None:
    slow = load._Builder("m.yaml", _at)
    old_claims, old_relations = _old_claims(slow, items)
    # the layouts met before (of other maps: fields these claims may not have), and none:
    # the fields the loader then reads are those of these claims' layouts only
    for remembered in ({}, {"clear": True}):
        fast = load._Builder("m.yaml", _at)
        with mock.patch.dict(load._SHAPES, **remembered):
            claims, relations = fast.claims(items)
        assert _fields(claims) == _fields(old_claims)
        assert _fields(relations) == _fields(old_relations)
        assert claims == old_claims
        assert relations == old_relations
        assert fast.diagnostics == slow.diagnostics
        assert fast.broken == slow.broken


def test_fields_of_layouts_too_many_to_remember_are_read(monkeypatch: Any) -> None:
    """Past the layouts remembered, every field is read: one of theirs may be in no other."""
    monkeypatch.setattr(load, "_SHAPES", {})
    monkeypatch.setattr(load, "_MAX_LAYOUTS", 1)
    items = [
        {"id": "a", "text": "A.", "quote": "A", "role": "thesis"},
        {"id": "b", "text": "B.", "quote": "B", "role": "claim", "tags": ["t"], "base": 1},
    ]
    claims, _ = load._Builder("m.yaml", _at).claims(items)
    assert [(c.tags, c.base) for c in claims] == [((), 0.5), (("t",), 1.0)]
    assert load._shape(CLAIM_FIELDS).written() == CLAIM_FIELDS.keys()


def test_explicit_relations_are_built_with_every_field() -> None:
    items = [
        {"from": "a", "to": "b", "scheme": "analogy", "answered": ["similar"], "note": "n"},
        {"id": "u", "type": "undercut", "from": ["c", "d"], "to": "a--supports--b"},
        {"type": "bogus", "from": "a", "to": "b"},
    ]
    b = load._Builder("m.yaml", _at)
    assert b.relations(items) == [
        Relation("a--supports--b", "support", ("a",), "b", "analogy", "n", ("similar",)),
        Relation("u", "undercut", ("c", "d"), "a--supports--b"),
    ]
    assert [r.origin for r in b.relations(items)] == [("relations", 0), ("relations", 1)]
    assert [d.code for d in b.diagnostics] == ["invalid-type", "invalid-type"]
    assert b.relations([]) == []


def test_a_claim_is_checked_again_for_each_list_of_its_layout() -> None:
    """Claims of one layout are judged once, but the items of their lists each time."""
    b = load._Builder("m.yaml", _at)
    items = [
        {"id": "a", "text": "A.", "quote": "A", "role": "thesis", "supports": ["b"]},
        {"id": "b", "text": "B.", "quote": "B", "role": "claim", "supports": [1]},
    ]
    claims, relations = b.claims(items)
    assert [c.id for c in claims] == ["a", "b"]
    assert [r.id for r in relations] == ["a--supports--b"]
    assert [(d.code, d.message) for d in b.diagnostics] == [
        ("invalid-type", "claim #2 field 'supports' item 0 must be a string, not a number")
    ]


# --- validating maps ----------------------------------------------------------------


@st.composite
def _maps(draw: st.DrawFn) -> tuple[Map, frozenset[str]]:
    claims = [
        Claim(
            id=draw(st.sampled_from(_IDS)),
            text=draw(st.sampled_from(["T.", "", " "])),
            quote=draw(st.sampled_from(["Cats purr", "Dogs", " "])),
            role=draw(st.sampled_from(["thesis", "claim", "evidence", "bogus"])),
            by=draw(st.sampled_from(["authors", "bo", "zed"])),
            base=draw(st.sampled_from([0.5, 0.0, 1.0, -0.5, 2.0, math.nan])),
            span=draw(st.sampled_from([None, Span(0, 9)])),
            occurrence=draw(st.sampled_from([0, 1, 2])),
            origin=("claims", i),
        )
        for i in range(draw(st.integers(0, 6)))
    ]
    relations: list[Relation] = []
    for i in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(RELATION_KINDS))
        premises = tuple(draw(st.lists(st.sampled_from([*_IDS, "x"]), min_size=1, max_size=3)))
        target = draw(st.sampled_from([*_TARGETS, *(r.id for r in relations)]))
        derived = derived_relation_id(kind, premises, target)
        scheme = draw(st.sampled_from(["", "", "analogy", "bogus"]))
        relations.append(
            Relation(
                id=draw(st.sampled_from([derived, derived, "r-1", "R 1", "a", "a--supports--b"])),
                kind=kind,
                premises=premises,
                target=target,
                scheme=scheme,
                answered=tuple(draw(st.lists(st.sampled_from(["similar", "true"]), max_size=2))),
                origin=("relations", i),
            )
        )
    m = Map(
        title="t",
        thesis=draw(st.sampled_from(["a", "b", "", "zz"])),
        source="essay.txt",
        claims=tuple(claims),
        relations=tuple(relations),
        source_text=draw(st.sampled_from(["", "Cats purr. Cats purr."])),
        file="m.yaml",
        speakers=draw(st.sampled_from([{}, {"authors": "A", "bo": "Bo"}])),
        locate=_at,
    )
    return m, frozenset(draw(st.lists(st.sampled_from([*_IDS, "x"]), max_size=2)))


def _one_by_one() -> Any:
    """Every bulk test of :mod:`argmap.validate` replaced by one that leaves all to the loops."""
    return mock.patch.multiple(
        validate,
        _relations_fine=lambda *_args, **_options: False,
        _not_derived=lambda relations, _ids: relations,
    )


@settings(max_examples=500, deadline=None)
@given(_maps())
def test_validate_finds_what_checking_each_item_finds(drawn: tuple[Map, frozenset[str]]) -> None:
    m, reported = drawn
    fast = validate.validate(m, reported)
    with _one_by_one():
        slow = validate.validate(m, reported)
    assert fast == slow


def test_the_bulk_test_passes_fine_relations_and_fails_each_mistake() -> None:
    a = Claim("a", "A.", "A", "thesis", "authors", origin=("claims", 0))
    b = Claim("b", "B.", "B", "evidence", "authors", origin=("claims", 1))
    r = Relation("b--supports--a", "support", ("b",), "a")
    fine = Map("t", "a", "s", (a, b), (r,))
    assert validate._relations_fine(fine, frozenset())
    mistakes = [
        Relation("b--supports--x", "support", ("b",), "x"),  # unknown target
        Relation("x--supports--a", "support", ("x",), "a"),  # unknown premise
        Relation("b--supports--b", "support", ("b",), "b"),  # itself
        Relation("r", "support", ("b",), "a"),  # twice
        Relation("u", "undercut", ("a",), "a--supports--b"),  # an unknown relation
        Relation("u", "undercut", ("b",), "b--supports--a"),  # its own premise
    ]
    for mistake in mistakes:
        m = Map("t", "a", "s", (a, b), (r, mistake))
        assert not validate._relations_fine(m, frozenset()), mistake
    linked = [Relation(f"l{n}", "support", p, "a") for n, p in enumerate([("a", "b"), ("b", "a")])]
    assert not validate._relations_fine(Map("t", "a", "s", (a, b), tuple(linked)), frozenset())
    undercut = Relation("u", "undercut", ("a",), "b--supports--a")
    assert validate._relations_fine(Map("t", "a", "s", (a, b), (r, undercut)), frozenset())


def test_only_so_many_layouts_are_remembered(monkeypatch: Any) -> None:
    """Claims of many layouts (a hostile map) leave a bounded memory of them; bad ones none."""
    layouts = load._shape(CLAIM_FIELDS).layouts
    monkeypatch.setattr(load, "_MAX_LAYOUTS", len(layouts) + 3)
    fields = ["id", "text", "quote", "role", "by", "note", "tags"]
    items = [
        {name: ["t"] if name == "tags" else "x" for name in fields[n:] + fields[:n]}
        for n in range(len(fields))
    ]
    b = load._Builder("m.yaml", _at)
    claims, _ = b.claims(
        [*items, {"id": "y", "text": "t", "quote": "q", "role": "r", "note": None}]
    )
    assert len(claims) == len(items) + 1
    assert len(layouts) == load._MAX_LAYOUTS
    assert not any(None.__class__ in layout for layout in layouts)
