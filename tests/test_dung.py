"""Dung semantics: hand-made frameworks and property tests against brute force."""

from __future__ import annotations

import random
from collections.abc import Hashable
from itertools import combinations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.semantics import (
    SEMANTICS,
    complete_extensions,
    credulously_accepted,
    extensions,
    grounded_extension,
    grounded_labelling,
    is_admissible,
    is_complete,
    is_conflict_free,
    is_preferred,
    is_stable,
    labelling_from_extension,
    preferred_extensions,
    sceptical_counterexample,
    sceptically_accepted,
    some_extension,
    stable_extensions,
)
from argmap.semantics.dung import _brute_force_extensions


def af_of(*attacks: str, args: str = "") -> nx.DiGraph:
    """Build a framework from 'ab' attack strings plus isolated arguments."""
    g = nx.DiGraph()
    g.add_nodes_from(args)
    g.add_edges_from((a[0], a[1]) for a in attacks)
    return g


def sets(*members: str) -> list[frozenset[Hashable]]:
    return [frozenset(m) for m in members]


# ------------------------------------------------------------- known answers

KNOWN = {
    # name: (framework, grounded, complete, preferred, stable)
    "chain": (af_of("ab", "bc"), "ac", ["ac"], ["ac"], ["ac"]),
    "mutual": (af_of("ab", "ba"), "", ["", "a", "b"], ["a", "b"], ["a", "b"]),
    "odd-3": (af_of("ab", "bc", "ca"), "", [""], [""], []),
    "self-attack": (af_of("aa"), "", [""], [""], []),
    "self-attack-defeated": (af_of("aa", "ba"), "b", ["b"], ["b"], ["b"]),
    # a attacks b, b attacks c: a reinstates c; d attacked by c stays out.
    "reinstatement": (af_of("ab", "bc", "cd"), "ac", ["ac"], ["ac"], ["ac"]),
    # Nixon diamond: q <-> r, both attack p (pacifist/not); p attacks nothing.
    "nixon": (
        af_of("qr", "rq", "qp", "rp"),
        "",
        ["", "q", "r"],
        ["q", "r"],
        ["q", "r"],
    ),
    # Floating defence: a <-> b, both attack c, c attacks d.  d is in every
    # preferred extension but not in the grounded one.
    "floating": (
        af_of("ab", "ba", "ac", "bc", "cd"),
        "",
        ["", "ad", "bd"],
        ["ad", "bd"],
        ["ad", "bd"],
    ),
    "even-4": (
        af_of("ab", "bc", "cd", "da"),
        "",
        ["", "ac", "bd"],
        ["ac", "bd"],
        ["ac", "bd"],
    ),
    "isolated": (af_of("ab", args="xyz"), "axyz", ["axyz"], ["axyz"], ["axyz"]),
    "empty": (nx.DiGraph(), "", [""], [""], [""]),
    # odd cycle next to an even one: preferred exist, no stable.
    "odd-and-even": (
        af_of("ab", "bc", "ca", "de", "ed"),
        "",
        ["", "d", "e"],
        ["d", "e"],
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_known_frameworks(name: str) -> None:
    af, gr, co, pr, stb = KNOWN[name]
    assert grounded_extension(af) == frozenset(gr)
    assert complete_extensions(af) == sets(*co)
    assert preferred_extensions(af) == sets(*pr)
    assert stable_extensions(af) == sets(*stb)
    for sem in SEMANTICS:
        assert extensions(af, sem) == _brute_force_extensions(af, sem)


def test_grounded_labelling_chain_and_cycle() -> None:
    af = af_of("ab", "bc", "de", "ed", "ef")
    assert grounded_labelling(af) == {
        "a": "in",
        "b": "out",
        "c": "in",
        "d": "undec",
        "e": "undec",
        "f": "undec",
    }


def test_floating_defence_acceptance() -> None:
    af = KNOWN["floating"][0]
    assert not credulously_accepted(af, "d", "grounded")
    assert sceptically_accepted(af, "d", "preferred")
    assert sceptically_accepted(af, "d", "stable")
    assert not sceptically_accepted(af, "d", "complete")
    assert credulously_accepted(af, "a", "preferred")
    assert not sceptically_accepted(af, "a", "preferred")
    assert not credulously_accepted(af, "c", "complete")


def test_stable_sceptical_is_vacuous_without_stable_extensions() -> None:
    af = KNOWN["odd-and-even"][0]
    assert stable_extensions(af) == []
    assert all(sceptically_accepted(af, x, "stable") for x in af)
    assert not any(credulously_accepted(af, x, "stable") for x in af)
    assert some_extension(af, "stable") is None


def test_grounded_out_argument_acceptance() -> None:
    af = af_of("ab", "cd", "dc")
    assert not credulously_accepted(af, "b", "preferred")
    assert not sceptically_accepted(af, "b", "stable")
    assert sceptical_counterexample(af, "b", "stable") in sets("ac", "ad")


def test_set_predicates() -> None:
    af = af_of("ab", "bc")
    assert is_conflict_free(af, {"a", "c"})
    assert not is_conflict_free(af, {"a", "b"})
    assert is_admissible(af, {"a"})
    assert not is_admissible(af, {"c"})
    assert not is_complete(af, {"a"})
    assert is_complete(af, {"a", "c"})
    assert is_stable(af, {"a", "c"})
    assert not is_stable(af, {"a"})
    assert is_preferred(af, {"a", "c"})
    assert not is_preferred(af, {"a"})


def test_labelling_from_extension() -> None:
    af = af_of("ab", "bc", "dd")
    assert labelling_from_extension(af, {"a"}) == {
        "a": "in",
        "b": "out",
        "c": "undec",
        "d": "undec",
    }


def test_errors_name_the_problem() -> None:
    af = af_of("ab")
    with pytest.raises(ArgmapError) as e:
        extensions(af, "semi-stable")
    assert e.value.diagnostics[0].code == "unknown-semantics"
    with pytest.raises(ArgmapError) as e:
        credulously_accepted(af, "zz", "stable")
    assert e.value.diagnostics[0].code == "unknown-argument"
    assert "'zz'" in e.value.diagnostics[0].message
    with pytest.raises(ArgmapError):
        labelling_from_extension(af, {"q"})


def test_non_string_nodes() -> None:
    af = nx.DiGraph([(1, 2), (2, 3), ((4, "x"), 1)])
    assert grounded_extension(af) == frozenset({(4, "x"), 2})


def test_long_chain_linear_no_recursion() -> None:
    n = 200_000
    af = nx.DiGraph((i, i + 1) for i in range(n))
    g = grounded_extension(af)
    assert len(g) == n // 2 + 1
    assert 0 in g
    assert n in g


# ------------------------------------------------------------- properties


@st.composite
def frameworks(draw: st.DrawFn, max_args: int = 8) -> nx.DiGraph:
    n = draw(st.integers(0, max_args))
    names = [f"x{i}" for i in range(n)]
    pairs = [(a, b) for a in names for b in names]
    attacks = draw(st.lists(st.sampled_from(pairs), max_size=3 * n, unique=True)) if pairs else []
    g = nx.DiGraph()
    g.add_nodes_from(names)
    g.add_edges_from(attacks)
    return g


PROPS = settings(max_examples=150, deadline=None)


@PROPS
@given(frameworks())
def test_sat_equals_brute_force(af: nx.DiGraph) -> None:
    for sem in SEMANTICS:
        assert extensions(af, sem) == _brute_force_extensions(af, sem), sem


@PROPS
@given(frameworks())
def test_grounded_is_least_complete(af: nx.DiGraph) -> None:
    g = grounded_extension(af)
    comp = complete_extensions(af)
    assert g in comp
    assert all(g <= c for c in comp)
    lab = grounded_labelling(af)
    assert {a for a, v in lab.items() if v == "in"} == g
    assert labelling_from_extension(af, g) == lab


@PROPS
@given(frameworks())
def test_stable_preferred_admissible(af: nx.DiGraph) -> None:
    pref = preferred_extensions(af)
    assert pref
    for s in stable_extensions(af):
        assert s in pref
    nodes = sorted(af)
    subsets = (frozenset(c) for k in range(len(nodes) + 1) for c in combinations(nodes, k))
    adm = [s for s in subsets if is_admissible(af, s)]
    for p in pref:
        assert is_admissible(af, p)
        assert is_preferred(af, p)
        assert not any(p < a for a in adm)


@PROPS
@given(frameworks(), st.randoms(use_true_random=False))
def test_independent_of_insertion_order(af: nx.DiGraph, rnd: random.Random) -> None:
    nodes, edges = list(af.nodes), list(af.edges)
    rnd.shuffle(nodes)
    rnd.shuffle(edges)
    other = nx.DiGraph()
    other.add_nodes_from(nodes)
    other.add_edges_from(edges)
    for sem in SEMANTICS:
        assert extensions(af, sem) == extensions(other, sem)
        assert some_extension(af, sem) == some_extension(other, sem)
    assert grounded_labelling(af) == grounded_labelling(other)


@PROPS
@given(frameworks(max_args=6), st.data())
def test_acceptance_matches_enumeration(af: nx.DiGraph, data: st.DataObject) -> None:
    if not len(af):
        return
    arg = data.draw(st.sampled_from(sorted(af)))
    for sem in SEMANTICS:
        exts = _brute_force_extensions(af, sem)
        assert credulously_accepted(af, arg, sem) == any(arg in e for e in exts), sem
        assert sceptically_accepted(af, arg, sem) == all(arg in e for e in exts), sem
        some = some_extension(af, sem)
        assert (some is None) == (not exts)
        assert some is None or some in exts
