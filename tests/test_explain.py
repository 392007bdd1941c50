"""Explanations: the dialectical tree behind a claim's label."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.errors import ArgmapError
from argmap.explain import explain, format_tree
from argmap.graph import to_networkx
from argmap.load import read_map

DATA = Path(__file__).parent / "data" / "eval"


def _graph(name: str):  # type: ignore[no-untyped-def]
    return to_networkx(read_map(DATA / f"{name}.yaml"))


def test_out_because_in_attacker() -> None:
    ex = explain(_graph("debate"), "tea-best")
    assert ex.label == "out"
    assert format_tree(ex.tree) == (
        "tea-best is OUT: attacked by not-measured (IN)\n"
        "  not-measured [never-measured undercuts expert] is IN: unattacked"
    )


def test_in_because_every_attacker_out() -> None:
    ex = explain(_graph("debate"), "coffee-faster")
    assert format_tree(ex.tree) == "coffee-faster is IN: unattacked"
    ex = explain(_graph("debate"), "coffee-better")
    assert ex.tree.to_dict()["children"][0]["argument"] == "speed-undercut"


def test_deductive_reading_changes_the_tree() -> None:
    ex = explain(_graph("debate"), "tea-best", support="deductive")
    assert format_tree(ex.tree) == (
        "tea-best is OUT: attacked by coffee-better--opposes--tea-best (IN)\n"
        "  coffee-better--opposes--tea-best [coffee-better opposes tea-best] is IN: unattacked"
    )


def test_undecided_cycle_is_cut() -> None:
    ex = explain(_graph("cycle"), "tea-best")
    assert ex.label == "undec"
    assert ex.extension is None
    assert format_tree(ex.tree).splitlines() == [
        "tea-best is UNDEC: no attacker is IN, but coffee-better--opposes--tea-best is UNDEC",
        (
            "  coffee-better--opposes--tea-best [coffee-better opposes tea-best] is UNDEC: "
            "no attacker is IN, but tea-best--opposes--coffee-better is UNDEC"
        ),
        (
            "    tea-best--opposes--coffee-better [tea-best opposes coffee-better] is UNDEC: "
            "no attacker is IN, but coffee-better--opposes--tea-best is UNDEC"
        ),
        (
            "      coffee-better--opposes--tea-best [coffee-better opposes tea-best] is UNDEC "
            "(cycle: see above)"
        ),
    ]


def test_preferred_uses_an_extension_with_the_claim() -> None:
    ex = explain(_graph("cycle"), "coffee-better", "preferred")
    assert ex.label == "in"
    assert ex.extension == ["coffee-better", "wakes-gently"]
    d = ex.to_dict()
    assert d["semantics"] == "preferred"
    assert d["tree"]["children"][0]["label"] == "out"


def test_depth_limit() -> None:
    ex = explain(_graph("cycle"), "tea-best", depth=2)
    lines = format_tree(ex.tree).splitlines()
    assert len(lines) == 2
    assert lines[1].endswith(" …")
    assert ex.tree.children[0].stop == "depth"


def test_unknown_claim_did_you_mean() -> None:
    with pytest.raises(ArgmapError) as exc:
        explain(_graph("debate"), "tea-bst")
    d = exc.value.diagnostics[0]
    assert (d.code, d.hint) == ("unknown-claim", "did you mean tea-best?")
