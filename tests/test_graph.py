"""The networkx graph: claim and inference nodes, typed edges."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from argmap.graph import (
    claim_nodes,
    claim_relations,
    inference_nodes,
    premises,
    target,
    to_networkx,
)
from argmap.load import read_map
from argmap.model import Claim, Map, Relation

DATA = Path(__file__).parent / "data" / "core"


def test_graph_of_valid_map() -> None:
    G = to_networkx(read_map(DATA / "valid.yaml"))
    assert G.graph["thesis"] == "cats-best"
    assert claim_nodes(G) == sorted(
        ["cats-best", "cats-purr", "dogs-better", "dogs-walk", "no-garden", "cats-no-walk"]
    )
    assert len(inference_nodes(G)) == 4
    assert premises(G, "walk-problem") == ["dogs-walk", "no-garden"]
    assert target(G, "walk-problem") == "dogs-better"
    assert G.nodes["walk-problem"]["linked"] is True
    assert G.edges["walk-problem", "dogs-better"]["role"] == "conflict"
    assert G.edges["cats-purr--supports--cats-best", "cats-best"]["role"] == "conclusion"
    assert G.nodes["dogs-better"]["speaker"] == "Dog lovers"
    assert G.nodes["cats-best"]["span"] == (0, 40)
    assert (("dogs-walk", "no-garden"), "opposition", "dogs-better") in claim_relations(G)


def test_every_inference_has_one_target_and_some_premises() -> None:
    G = to_networkx(read_map(DATA / "valid.yaml"))
    for n in inference_nodes(G):
        assert G.out_degree(n) == 1
        assert premises(G, n)


_IDS = st.sampled_from(["a", "b", "c", "r", "s"])


@st.composite
def _raw_maps(draw: st.DrawFn) -> Map:
    """Maps as built in memory, not validated: dangling ids, a relation named as a claim."""
    claims = tuple(
        Claim(i, f"{i}.", i, draw(st.sampled_from(["thesis", "opponent"])), by)
        for i, by in draw(st.dictionaries(_IDS, st.sampled_from(["authors", "x"]))).items()
    )
    kinds = st.sampled_from(["support", "opposition", "undercut"])
    relations = tuple(
        Relation(i, draw(kinds), tuple(draw(st.lists(_IDS, min_size=1, max_size=3))), draw(_IDS))
        for i in draw(st.lists(_IDS, max_size=4))
    )
    return Map("T", "a", "", claims, relations, speakers={"x": "X"})


def _reference_graph(m: Map) -> nx.DiGraph:
    """The map graph as networkx's own ``add_nodes_from``/``add_edges_from`` build it."""
    G = nx.DiGraph(title=m.title, thesis=m.thesis, source=m.source, file=m.file)
    role = {"support": "conclusion", "opposition": "conflict", "undercut": "undercut"}
    G.add_nodes_from((c.id, {"kind": "claim", "by": c.by}) for c in m.claims)
    G.add_nodes_from((r.id, {"kind": "inference", "relation": r.kind}) for r in m.relations)
    G.add_edges_from(
        edge
        for r in m.relations
        for edge in (
            *((p, r.id, {"role": "premise", "relation": r.kind}) for p in r.premises),
            (r.id, r.target, {"role": role[r.kind], "relation": r.kind}),
        )
    )
    return G


@given(_raw_maps())
def test_graph_is_what_networkx_would_build(m: Map) -> None:
    G, ref = to_networkx(m), _reference_graph(m)
    assert list(G.nodes) == list(ref.nodes)
    assert list(G.edges(data=True)) == list(ref.edges(data=True))
    assert list(G.pred.items()) == list(ref.pred.items())
    for n, d in ref.nodes(data=True):
        assert {k: G.nodes[n][k] for k in d} == d
    assert G.graph == ref.graph
