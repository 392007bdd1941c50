"""Explanations: the dialectical tree behind a claim's label."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from argmap.errors import ArgmapError
from argmap.explain import MAX_DEPTH, explain, format_tree
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.model import Claim, Map, Relation
from argmap.semantics.bipolar import SUPPORTS, framework_of
from argmap.semantics.mapindex import index_map

DATA = Path(__file__).parent / "data" / "eval"


def _graph(name: str):  # type: ignore[no-untyped-def]
    return to_networkx(read_map(DATA / f"{name}.yaml"))


def test_out_because_in_attacker() -> None:
    ex = explain(_graph("debate"), "tea-best")
    assert ex.label == "out"
    assert format_tree(ex.tree) == (
        "tea-best is OUT: attacked by not-measured (IN)\n"
        "  not-measured [never-measured undercuts expert] is IN: unattacked"
        " (derived attack on tea-best: not-measured attacks expert;"
        " support chain: tea-best needs expert)"
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


# --- relations, support chains, big maps -----------------------------------------


def test_explain_a_relation() -> None:
    ex = explain(_graph("debate"), "expert")
    assert format_tree(ex.tree) == (
        "expert [head-long+head-said supports tea-best] is OUT: attacked by not-measured (IN)\n"
        "  not-measured [never-measured undercuts expert] is IN: unattacked"
    )
    with pytest.raises(ArgmapError) as exc:
        explain(_graph("debate"), "expret")
    assert exc.value.diagnostics[0].hint == "did you mean expert?"


def test_derived_attack_through_a_support_chain() -> None:
    # x opposes e; e supports m, m supports t: under necessary support t needs e
    cs = tuple(Claim(i, i, i, "thesis" if i == "t" else "claim", "a") for i in "emtx")
    rs = (
        Relation("em", "support", ("e",), "m"),
        Relation("mt", "support", ("m",), "t"),
        Relation("xe", "opposition", ("x",), "e"),
    )
    ex = explain(to_networkx(Map("", "t", "", cs, rs)), "t")
    assert ex.tree.children[0].via == (
        "derived attack on t: xe attacks e; support chain: t needs mt needs m needs em needs e"
    )
    # deductive: e forces t, so attacking t attacks e (mediated): the chain runs down
    rs = (*rs[:2], Relation("xt", "opposition", ("x",), "t"))
    ex = explain(to_networkx(Map("", "t", "", cs, rs)), "e", support="deductive")
    assert ex.tree.children[0].via == (
        "derived attack on e: xt attacks t; support chain: e needs em needs m needs mt needs t"
    )


def _chain_map(n: int) -> Map:
    """c0 <- c1 <- ... <- c{n-1}: each claim opposes the one before it."""
    cs = tuple(Claim(f"c{i}", "c", "c", "thesis" if i == 0 else "claim", "a") for i in range(n))
    rs = tuple(Relation(f"o{i}", "opposition", (f"c{i}",), f"c{i - 1}") for i in range(1, n))
    return Map("", "c0", "", cs, rs)


def test_deep_tree_without_recursion() -> None:
    ex = explain(to_networkx(_chain_map(600)), "c0", depth=500)
    lines = format_tree(ex.tree).splitlines()
    assert len(lines) == MAX_DEPTH
    assert lines[-1].endswith(" …")
    assert ex.to_dict()["tree"]["children"][0]["argument"] == "o1"


def _layered_map(layers: int, width: int) -> Map:
    """A thesis, then layers of ``width`` claims each opposing every claim of the layer above."""
    ids = [["t"]] + [[f"l{k}-{i}" for i in range(width)] for k in range(1, layers + 1)]
    cs = tuple(Claim(c, c, c, "thesis" if c == "t" else "claim", "a") for row in ids for c in row)
    rs = tuple(
        Relation(f"{u}>{v}", "opposition", (u,), v)
        for above, row in pairwise(ids)
        for u in row
        for v in above
    )
    return Map("", "t", "", cs, rs)


def test_shared_subtrees_are_shown_once() -> None:
    # 141 claims in 7 layers: the full tree has 20^6 paths; each argument is explained once
    G = to_networkx(_layered_map(7, 20))
    ex = explain(G, "t", depth=20)
    lines = format_tree(ex.tree).splitlines()
    expanded = [ln for ln in lines if not ln.endswith("(see above)")]
    assert len(expanded) == len({ln.split(" is ")[0].strip() for ln in expanded})
    assert len(expanded) <= G.number_of_nodes()
    assert len(lines) <= 1 + framework_of(G).attack_count  # one line per attack at most


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_index_explains_as_the_graph_does(path: Path) -> None:
    """``argmap explain`` reads ``index_map(m)``; library callers pass the graph: same trees."""
    m = read_map(path)
    G, ix = to_networkx(m), index_map(m)
    for item in sorted({c.id for c in m.claims} | {r.id for r in m.relations}):
        for semantics in ("grounded", "preferred"):
            for support in SUPPORTS:
                assert explain(ix, item, semantics, support) == explain(
                    G, item, semantics, support
                ), (item, semantics, support)
