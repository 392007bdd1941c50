"""Maps are built and validated as they were before the rewrite (commit e748099).

tests/build_oracle.py holds the old ``_Builder.claims`` and
tests/validate_oracle.py the old ``argmap.validate``.  Every fixture, the demo
map and generated maps (the student versions of tests/test_big_maps.py
included) must load to the same map, field by field, or fail with the same
diagnostics in the same order; random maps full of mistakes must get the
same diagnostics from both ``validate``, with and without the loader's hint
about derived ids.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import build_oracle
import validate_oracle as old
from argmap import load, validate
from argmap.errors import ArgmapError
from argmap.escape import find_control
from argmap.model import Claim, Map, Relation, derived_relation_id
from test_big_maps import _generator, _linker, _student
from test_build_fast import _at, _maps

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "data").rglob("*.yaml"))


def _leading_derived(relations: tuple[Relation, ...]) -> int:
    """How many first relations have the ids argmap derives: the loader's hint."""
    n = 0
    for r in relations:
        if r.id != derived_relation_id(r.kind, r.premises, r.target):
            break
        n += 1
    return n


@settings(max_examples=600, deadline=None)
@given(_maps())
def test_validate_finds_what_the_old_validate_finds(drawn: tuple[Map, frozenset[str]]) -> None:
    m, reported = drawn
    want = old.validate(m, reported)
    assert validate.validate(m, reported) == want
    assert validate.validate(m, reported, derived=_leading_derived(m.relations)) == want


@contextmanager
def _old_ways() -> Iterator[None]:
    """The loader with the old builder of claims and the old ``validate``."""

    def old_validate(
        m: Map, reported: frozenset[str], *, raw: str | None, derived: int, screened: bool
    ) -> list[Any]:
        assert derived == _leading_derived(m.relations[:derived])  # the hint is true
        assert not (screened and raw is not None and find_control(raw) >= 0)  # this one too
        return old.validate(m, reported, raw=raw)

    with (
        mock.patch.object(load._Builder, "claims", build_oracle.claims),
        mock.patch.object(load, "validate", old_validate),
    ):
        yield


def _outcome(path: Path) -> Any:
    """The map read from ``path``, each claim and relation field by field; or its diagnostics."""
    try:
        m = load.read_map(path)
    except ArgmapError as e:
        return e.diagnostics
    items = [*m.claims, *m.relations, *m.skipped]
    return m, [
        [(f.name, type(v), v) for f in fields(o) for v in [getattr(o, f.name)]] for o in items
    ]


def _same(path: Path) -> None:
    new = _outcome(path)
    with _old_ways():
        before = _outcome(path)
    assert new == before


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(ROOT / "tests")))
def test_fixture_loads_as_before(path: Path) -> None:
    _same(path)


def test_demo_map_loads_as_before() -> None:
    _same(ROOT / "claims.yaml")


def test_generated_maps_load_as_before(tmp_path: Path) -> None:
    gen = _generator()
    _same(gen.write(400, 5, tmp_path))
    data, _essay = gen.generate(400, 5)
    for n, version in enumerate((_student(data), _linker(data))):
        path = tmp_path / f"version-{n}.yaml"
        path.write_text(gen.to_yaml(version), encoding="utf-8")
        _same(path)


@st.composite
def _tidy_maps(draw: st.DrawFn) -> Map:
    """Maps whose relations all join known kebab-case claims: the bulk tests decide them.

    Undercuts among them target earlier relations, of derived ids or not.
    """
    names = ["a", "b", "c", "d-e"]
    claims = tuple(
        Claim(n, "T.", "Q", "thesis" if n == "a" else "claim", "authors", origin=("claims", i))
        for i, n in enumerate(names)
    )
    relations: list[Relation] = []
    for i in range(draw(st.integers(0, 6))):
        kinds = ["support", "opposition", *(["undercut"] if relations else [])]
        kind = draw(st.sampled_from(kinds))
        premises = tuple(draw(st.lists(st.sampled_from(names), min_size=1, max_size=2)))
        # an undercut targets an earlier relation (or its own id 'r-i': a self-relation)
        undercut = [*(r.id for r in relations), f"r-{i}"]
        target = draw(st.sampled_from(undercut if kind == "undercut" else names))
        derived = derived_relation_id(kind, premises, target)
        rid = draw(st.sampled_from([derived, derived, f"r-{i}"]))
        relations.append(Relation(rid, kind, premises, target, origin=("relations", i)))
    return Map("t", "a", "s", claims, tuple(relations), file="m.yaml", locate=_at)


@settings(max_examples=400, deadline=None)
@given(_tidy_maps())
def test_validate_finds_what_the_old_one_finds_in_tidy_maps(m: Map) -> None:
    want = old.validate(m)
    assert validate.validate(m) == want
    assert validate.validate(m, derived=_leading_derived(m.relations)) == want


def test_a_relation_written_twice_under_two_ids_is_found() -> None:
    a = Claim("a", "A.", "A", "thesis", "authors", origin=("claims", 0))
    b = Claim("b", "B.", "B", "claim", "authors", origin=("claims", 1))
    twice = (
        Relation("b--supports--a", "support", ("b",), "a", origin=("claims", 1, "supports", 0)),
        Relation("r-1", "support", ("b",), "a", origin=("relations", 0)),
    )
    m = Map("t", "a", "s", (a, b), twice, file="m.yaml", locate=_at)
    for derived in (0, 1):
        found = validate.validate(m, derived=derived)
        assert [(d.code, d.line) for d in found] == [("duplicate-relation", 1)]
        assert found == old.validate(m)


@given(st.lists(st.text(alphabet="ab9-\n_Aé", max_size=5), max_size=4))
def test_all_kebab_tells_what_the_pattern_tells_of_each_id(ids: list[str]) -> None:
    assert validate._all_kebab(ids) == all(map(validate.ID_PATTERN.fullmatch, ids))


def test_a_derived_relation_id_that_is_a_claim_id_is_used_twice() -> None:
    """Only kebab-case claim ids cannot be derived ids: others are compared with each."""
    claims = tuple(
        Claim(n, "T.", "Q", "thesis" if n == "a" else "claim", "authors", origin=("claims", i))
        for i, n in enumerate(["a", "c", "c--supports--a"])
    )
    r = Relation("c--supports--a", "support", ("c",), "a", origin=("claims", 1, "supports", 0))
    m = Map("t", "a", "s", claims, (r,), file="m.yaml", locate=_at)
    found = validate.validate(m, derived=1)
    assert [(d.code, d.line) for d in found] == [("duplicate-id", 2), ("invalid-id", 3)]
    assert found == old.validate(m)
