"""The networkx graph: claim and inference nodes, typed edges."""

from __future__ import annotations

from pathlib import Path

from argmap.graph import (
    claim_nodes,
    claim_relations,
    inference_nodes,
    premises,
    target,
    to_networkx,
)
from argmap.load import read_map

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
