"""The rewritten lints find what the old ones found, on random maps.

tests/checks_oracle.py is ``argmap.checks`` as it was before the lints were
rewritten with set algebra and passes in C (commit 123db8f), and
tests/checks_oracle_start.py as it was before they shared their work and
located their findings in one pass (commit e748099); every lint, and
``run_checks`` as a whole, must give the same findings in the same order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checks_oracle as old
import checks_oracle_start as start
from argmap import checks
from argmap.graph import links_of
from argmap.model import ROLES, Claim, Map, Pos, Relation, RelationKind, YamlPath
from strategies import maps


def _at(path: YamlPath) -> Pos:
    """A made-up position, different for each item, so the order of findings is tested."""
    return Pos(len(path) * 100 + int(path[1]), 3) if len(path) > 1 else Pos(1, 1)


@st.composite
def _tangled(draw: st.DrawFn) -> Map:
    """A map of up to 14 claims and 30 relations, in any order: circles, loose ends, undercuts.

    Or, one time in two, a map written in order (or its reverse), where each
    claim but the thesis first relates to one written before it.
    """
    n = draw(st.integers(1, 14))
    ids = [f"c{i}" for i in range(n)]
    in_order = draw(st.booleans())
    order = list(range(n)) if in_order else draw(st.permutations(range(n)))
    if in_order and draw(st.booleans()):
        order.reverse()
    claims = tuple(
        Claim(
            ids[i],
            ids[i],
            ids[i],
            "thesis" if i == 0 else draw(st.sampled_from(sorted(ROLES))),
            draw(st.sampled_from(["authors", "authors", "rival", "judge"])),
            origin=("claims", k),
        )
        for k, i in enumerate(order)
    )
    relations: list[Relation] = []
    kinds: list[RelationKind] = ["support", "support", "opposition", "undercut"]
    leads = [(i, draw(st.integers(0, i - 1))) for i in range(1, n)] if in_order else []
    for j in range(len(leads) + draw(st.integers(0, 30 if not in_order else 3))):
        kind = draw(st.sampled_from(kinds if relations else kinds[:3]))
        premises = tuple(draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3)))
        if j < len(leads):  # the claim, with others, to one before it, or to its relation
            premises = (ids[leads[j][0]], *premises[1:])
            before = [r for r in relations if r.target == ids[leads[j][1]]]
            kind = "support" if kind == "undercut" and not before else kind
            target = draw(st.sampled_from(before)).id if kind == "undercut" else ids[leads[j][1]]
        elif kind == "undercut":
            target = draw(st.sampled_from(relations)).id
        else:
            target = draw(st.sampled_from(ids))
        relations.append(Relation(f"r{j}", kind, premises, target, origin=("relations", j)))
    shuffled = draw(st.permutations(relations))
    return Map("t", ids[0], "", claims, tuple(shuffled), file="m.yaml", locate=_at)


def _same(m: Map) -> None:
    """Each lint, and run_checks, as the oracle finds them."""
    links, oracle_links = links_of(m), links_of(m)
    for code, check in checks.CHECKS.items():
        assert check.run(m, links) == old.LINTS[code](m, oracle_links), code
        assert check.run(m, links) == start.LINTS[code](m, start.links_of(m)), code
    assert checks.run_checks(m) == old.run_checks(m) == start.run_checks(m)


@settings(max_examples=400, deadline=None)
@given(_tangled())
def test_random_tangled_maps_get_the_old_findings(m: Map) -> None:
    _same(m)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_loaded_maps_get_the_old_findings(tmp_path: Path, data: Any) -> None:
    _same(data.draw(maps(tmp_path)))


@pytest.mark.parametrize("reverse", [False, True])
def test_long_chains_in_either_order(reverse: bool) -> None:
    """Support chains longer than the passes over the edges: the walk finishes them."""
    n = 60
    claims = tuple(
        Claim(f"c{i}", "x", "x", "thesis" if i == 0 else "claim", "authors", origin=("claims", i))
        for i in range(n)
    )
    chain = [
        Relation(f"r{i}", "support", (f"c{i + 1}",), f"c{i}", origin=("relations", i))
        for i in range(n - 1)
    ]
    attacks = [
        Relation(f"o{i}", "opposition", (f"c{i}",), f"c{i + 3}", origin=("relations", n + i))
        for i in range(0, n - 3, 7)
    ]
    rels = (*chain, *attacks)
    m = Map("t", "c0", "", claims, rels[::-1] if reverse else rels, file="m.yaml", locate=_at)
    _same(m)
    assert [f.code for f in checks.run_checks(m)].count("self-conflict") == len(attacks)
