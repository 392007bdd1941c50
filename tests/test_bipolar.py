"""Bipolar → Dung: derived attacks on textbook cases and on hand-made maps."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.evaluate import claim_labels, labels_of
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.model import Map
from argmap.semantics.bipolar import attack_graph, derived_attacks, framework_of, support_graph
from argmap.semantics.framework import Framework

DATA = Path(__file__).parent / "data" / "eval"

OCB = "coffee-better--opposes--tea-best"
SCF = "coffee-faster--supports--coffee-better"
SS = "speed-not-needed--supports--tea-best"


def _edges(g: nx.DiGraph | Framework) -> set[tuple[str, str]]:
    return set((g.to_digraph() if isinstance(g, Framework) else g).edges)


def _debate() -> nx.DiGraph:
    return to_networkx(read_map(DATA / "debate.yaml"))


# --- textbook cases on abstract frameworks ---------------------------------------


def test_mediated_attack_deductive() -> None:
    # a supports b, c attacks b: under deductive support c also attacks a
    att, sup = nx.DiGraph([("c", "b")]), nx.DiGraph([("a", "b")])
    assert _edges(derived_attacks(att, sup, "deductive")) == {("c", "b"), ("c", "a")}
    assert _edges(derived_attacks(att, sup, "necessary")) == {("c", "b")}


def test_supported_attack_deductive() -> None:
    # a supports b, b attacks c: a attacks c (deductive), not under necessary
    att, sup = nx.DiGraph([("b", "c")]), nx.DiGraph([("a", "b")])
    assert _edges(derived_attacks(att, sup, "deductive")) == {("b", "c"), ("a", "c")}
    assert _edges(derived_attacks(att, sup, "necessary")) == {("b", "c")}


def test_secondary_attack_necessary() -> None:
    # a supports b (b needs a), c attacks a: c attacks b
    att, sup = nx.DiGraph([("c", "a")]), nx.DiGraph([("a", "b")])
    assert _edges(derived_attacks(att, sup, "necessary")) == {("c", "a"), ("c", "b")}
    assert _edges(derived_attacks(att, sup, "deductive")) == {("c", "a")}


def test_extended_attack_necessary() -> None:
    # a supports b (b needs a), a attacks c: b attacks c
    att, sup = nx.DiGraph([("a", "c")]), nx.DiGraph([("a", "b")])
    assert _edges(derived_attacks(att, sup, "necessary")) == {("a", "c"), ("b", "c")}


def test_boella_example_cayrol_lagasquie() -> None:
    # Boella et al. 2010, fig. 1: supports a⇒b⇒c, attacks b→d, e→c
    att = nx.DiGraph([("b", "d"), ("e", "c")])
    sup = nx.DiGraph([("a", "b"), ("b", "c")])
    # supported attack (a, d); mediated attacks (e, b), (e, a)
    assert _edges(derived_attacks(att, sup, "deductive")) == {
        ("b", "d"),
        ("e", "c"),
        ("a", "d"),
        ("e", "b"),
        ("e", "a"),
    }
    # necessary: c needs b needs a; b attacks d, so c (needing b) attacks d
    assert _edges(derived_attacks(att, sup, "necessary")) == {("b", "d"), ("e", "c"), ("c", "d")}
    assert _edges(derived_attacks(att, sup, "none")) == {("b", "d"), ("e", "c")}


def test_super_mediated_attack() -> None:
    # a supports b, b attacks c, d supports c: a attacks d (super-mediated)
    att = nx.DiGraph([("b", "c")])
    sup = nx.DiGraph([("a", "b"), ("d", "c")])
    assert ("a", "d") in _edges(derived_attacks(att, sup, "deductive"))


def test_unknown_support_is_an_argmap_error() -> None:
    with pytest.raises(ArgmapError) as exc:
        derived_attacks(nx.DiGraph(), nx.DiGraph(), "evidential")
    assert exc.value.diagnostics[0].code == "unknown-support"
    assert "necessary, deductive, none" in exc.value.diagnostics[0].hint


# --- the map's framework -----------------------------------------------------------


def test_map_graphs() -> None:
    G = _debate()
    assert _edges(attack_graph(G)) == {
        (OCB, "tea-best"),
        ("speed-undercut", SCF),
        ("not-measured", "expert"),
    }
    sg = support_graph(G)
    assert ("wakes-gently", "morning-reasons") in sg.edges
    assert ("morning-reasons", "tea-best") in sg.edges
    assert sg.number_of_edges() == 13


def test_framework_necessary() -> None:
    # undercutting coffee's only argument takes down coffee-better and its attack;
    # undercutting the expert argument takes down the thesis that needs it
    assert _edges(framework_of(_debate())) == {
        (OCB, "tea-best"),
        ("speed-undercut", SCF),
        ("speed-undercut", "coffee-better"),
        ("speed-undercut", OCB),
        ("not-measured", "expert"),
        ("not-measured", "tea-best"),
    }


def test_framework_deductive() -> None:
    # attacking the thesis attacks every argument for it (mediated), and the sole
    # premise of a support with it (speed-not-needed forces its support inference);
    # the linked premises of morning-reasons and expert force nothing alone
    assert _edges(framework_of(_debate(), "deductive")) == {
        (OCB, "tea-best"),
        (OCB, "morning-reasons"),
        (OCB, SS),
        (OCB, "speed-not-needed"),
        (OCB, "speed-undercut"),  # it needs speed-not-needed
        (OCB, "expert"),
        ("speed-undercut", SCF),
        ("speed-undercut", "coffee-faster"),  # coffee-faster forces SCF
        ("not-measured", "expert"),
    }


def test_framework_linked_premise_attack() -> None:
    # an attack on one premise of a linked argument attacks the argument
    G = _debate()
    G.add_node("x", kind="claim", by="rivals", base=0.5)
    G.add_node("x-c", kind="inference", relation="opposition")
    G.add_edge("x", "x-c", role="premise", relation="opposition")
    G.add_edge("x-c", "cheap", role="conflict", relation="opposition")
    af = framework_of(G)
    assert {("x-c", "cheap"), ("x-c", "morning-reasons")} <= _edges(af)


def test_claim_labels_per_reading() -> None:
    G = _debate()
    assert claim_labels(G) == {
        "cheap": "in",
        "coffee-better": "out",
        "coffee-faster": "in",
        "head-long": "in",
        "head-said": "in",
        "never-measured": "in",
        "speed-not-needed": "in",
        "tea-best": "out",
        "wakes-gently": "in",
    }
    deductive = claim_labels(G, support="deductive")
    assert deductive["coffee-better"] == "in"
    assert deductive["tea-best"] == "out"


def test_claim_labels_multi_extension_sceptical() -> None:
    G = to_networkx(read_map(DATA / "cycle.yaml"))
    assert claim_labels(G, "grounded") == {
        "coffee-better": "undec",
        "tea-best": "undec",
        "wakes-gently": "in",
    }
    for sem in ("complete", "preferred", "stable"):
        assert claim_labels(G, sem)["tea-best"] == "undec"
        assert claim_labels(G, sem)["wakes-gently"] == "in"


def test_labels_of_stable_without_extension_is_undec() -> None:
    odd = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("d", "e")])
    assert labels_of(odd, "stable") == dict.fromkeys("abcde", "undec")
    assert labels_of(odd, "preferred") == {
        "a": "undec",
        "b": "undec",
        "c": "undec",
        "d": "in",
        "e": "out",
    }


# --- properties ---------------------------------------------------------------------

_nodes = st.sampled_from("abcdef")
_edge_lists = st.lists(st.tuples(_nodes, _nodes), max_size=12)


@given(_edge_lists, _edge_lists)
def test_none_is_the_attack_graph(att: list[tuple[str, str]], sup: list[tuple[str, str]]) -> None:
    a = nx.DiGraph(att)
    assert _edges(derived_attacks(a, nx.DiGraph(sup), "none")) == set(att)


@given(_edge_lists, _edge_lists)
def test_deductive_is_necessary_reversed(
    att: list[tuple[str, str]], sup: list[tuple[str, str]]
) -> None:
    a, s = nx.DiGraph(att), nx.DiGraph(sup)
    ded = derived_attacks(a, s, "deductive")
    nec = derived_attacks(a, s.reverse(copy=True), "necessary")
    assert _edges(ded) == _edges(nec)
    assert set(att) <= _edges(ded)


@given(_edge_lists, _edge_lists, st.sampled_from(["necessary", "deductive"]))
def test_derived_attacks_closed_and_order_free(
    att: list[tuple[str, str]], sup: list[tuple[str, str]], reading: str
) -> None:
    once = derived_attacks(nx.DiGraph(att), nx.DiGraph(sup), reading)
    again = derived_attacks(once, nx.DiGraph(sup), reading)
    assert _edges(again) == _edges(once)
    shuffled = derived_attacks(nx.DiGraph(att[::-1]), nx.DiGraph(sup[::-1]), reading)
    assert _edges(shuffled) == _edges(once)


def test_map_none_equals_attack_graph() -> None:
    G = _debate()
    assert _edges(framework_of(G, "none")) == _edges(attack_graph(G))
    assert set(framework_of(G, "none")) == set(G)


def test_labels_do_not_depend_on_input_order() -> None:
    m = read_map(DATA / "debate.yaml")
    flipped = Map(m.title, m.thesis, m.source, m.claims[::-1], m.relations[::-1])
    for support in ("necessary", "deductive", "none"):
        G, H = to_networkx(m), to_networkx(flipped)
        assert _edges(framework_of(G, support)) == _edges(framework_of(H, support))
        assert claim_labels(G, "preferred", support) == claim_labels(H, "preferred", support)
