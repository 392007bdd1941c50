"""Support readings: the literature's answers, and each reading against its definition."""

from __future__ import annotations

from itertools import product
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.evaluate import claim_labels, labels_of
from argmap.graph import inference_nodes, premises, target, to_networkx
from argmap.load import read_map
from argmap.model import Claim, Map, Relation
from argmap.semantics.bipolar import SUPPORT_READINGS, derived_attacks, framework_of
from argmap.semantics.dung import grounded_extension, preferred_extensions

SEM = Path(__file__).parent / "data" / "sem"


def test_mediated_attack_defeats_the_premise_under_deductive() -> None:
    # a supports b, c opposes b: deductive gives the mediated attack c -> a (Boella et al.
    # 2010; Cayrol & Lagasquie-Schiex 2013), so a is OUT; necessary and none keep a IN
    G = to_networkx(read_map(SEM / "h01-mediated.yaml"))
    assert claim_labels(G, support="deductive") == {"a": "out", "b": "out", "c": "in"}
    assert claim_labels(G, support="necessary") == {"a": "in", "b": "out", "c": "in"}
    assert claim_labels(G, support="none") == {"a": "in", "b": "out", "c": "in"}


@pytest.mark.parametrize("support", ["necessary", "deductive", "none"])
def test_mutual_opposition_is_undecided_in_every_reading(support: str) -> None:
    # a and b oppose each other, c supports a: an opposition still needs its premise
    G = to_networkx(read_map(SEM / "h08-mutual-preferred.yaml"))
    labels = claim_labels(G, "grounded", support)  # type: ignore[arg-type]
    assert (labels["a"], labels["b"]) == ("undec", "undec")
    for semantics in ("complete", "preferred"):
        labels = claim_labels(G, semantics, support)  # type: ignore[arg-type]
        assert (labels["a"], labels["b"]) == ("undec", "undec")


def test_a_map_graph_is_not_a_framework() -> None:
    G = to_networkx(read_map(SEM / "h01-mediated.yaml"))
    for wrong in (grounded_extension, preferred_extensions):
        with pytest.raises(ArgmapError) as exc:
            wrong(G)
        assert exc.value.diagnostics[0].code == "map-graph-not-framework"
    assert len(framework_of(G)) == 5


# ---------------------------------------------------------------- random maps

_ids = "abcde"


@st.composite
def _maps(draw: st.DrawFn, *, linked: bool = True, undercuts: bool = True) -> Map:
    claims = tuple(Claim(i, i, i, "claim", "x") for i in _ids)
    rels: list[Relation] = []
    seen: set[tuple[str, tuple[str, ...], str]] = set()
    kinds = ["support", "opposition"]
    for n in range(draw(st.integers(0, 7))):
        kind = draw(st.sampled_from(kinds + (["undercut"] if undercuts and rels else [])))
        prem = tuple(sorted(draw(st.sets(st.sampled_from(_ids), min_size=1, max_size=2))))
        if not linked:
            prem = prem[:1]
        pool = [r.id for r in rels] if kind == "undercut" else list(_ids)
        tgt = draw(st.sampled_from(pool))
        if tgt in prem or (kind, prem, tgt) in seen:
            continue
        seen.add((kind, prem, tgt))
        rels.append(Relation(f"r{n}", kind, prem, tgt))  # type: ignore[arg-type]
    return Map("", "a", "", claims, tuple(rels))


def _closure(
    attacks: set[tuple[str, str]],
    necessary: set[tuple[str, str]],
    deductive: set[tuple[str, str]],
) -> set[tuple[str, str]]:
    """Apply the four rules of the definitions, one link at a time, until nothing changes."""
    att = set(attacks)
    while True:
        new = set()
        for (a, x), (u, v) in product(att, necessary):  # v cannot be accepted without u
            if x == u:
                new.add((a, v))  # secondary: a attacks u, u supports v
            if a == u:
                new.add((v, x))  # extended: u supports v, u attacks x
        for (a, x), (u, v) in product(att, deductive):  # accepting u forces accepting v
            if a == v:
                new.add((u, x))  # supported: u supports v, v attacks x
            if x == v:
                new.add((a, u))  # mediated: a attacks v, u supports v
        if new <= att:
            return att
        att |= new


def _definition(G: nx.DiGraph, support: str) -> set[tuple[str, str]]:
    """The framework of a map written out from docs/semantics.md, rule by rule."""
    attacks = {(r, target(G, r)) for r in inference_nodes(G) if G.nodes[r]["relation"] != "support"}
    necessary = {(p, r) for r in inference_nodes(G) for p in premises(G, r)}  # premise dependence
    deductive: set[tuple[str, str]] = set()
    for r in inference_nodes(G):
        if G.nodes[r]["relation"] != "support":
            continue
        if support == "necessary":
            necessary.add((r, target(G, r)))
        elif support == "deductive":
            deductive.add((r, target(G, r)))
            if len(premises(G, r)) == 1:
                deductive.add((premises(G, r)[0], r))
    return _closure(attacks, necessary, deductive)


@settings(max_examples=150, deadline=None)
@given(_maps(), st.sampled_from(sorted(SUPPORT_READINGS)))
def test_each_reading_is_the_closure_of_its_definition(m: Map, support: str) -> None:
    G = to_networkx(m)
    got = set(framework_of(G, support).to_digraph().edges)
    assert got == _definition(G, support)


@settings(max_examples=150, deadline=None)
@given(_maps(linked=False, undercuts=False), st.sampled_from(sorted(SUPPORT_READINGS)))
def test_single_premise_maps_agree_with_the_abstract_bipolar_framework(
    m: Map, support: str
) -> None:
    # the papers' reading: claims are the arguments, "a supports b" a support, "a opposes
    # b" an attack; the map's inference nodes must not change any claim's label
    att = nx.DiGraph()
    att.add_nodes_from(c.id for c in m.claims)
    sup = nx.DiGraph()
    for r in m.relations:
        (att if r.kind == "opposition" else sup).add_edge(r.premises[0], r.target)
    abstract = derived_attacks(att, sup, support)
    G = to_networkx(m)
    for semantics in ("grounded", "preferred"):
        want = labels_of(abstract, semantics)  # type: ignore[arg-type]
        assert claim_labels(G, semantics, support) == {c: want[c] for c in _ids}  # type: ignore[arg-type]
