"""The index the semantics read: the same from a map as from its graph, the same answers."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings

from argmap.evaluate import evaluate
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.model import Map
from argmap.semantics.mapindex import index_graph, index_map
from strategies import maps

DATA = Path(__file__).parent / "data"
MAPS = [
    DATA / "core" / "valid.yaml",
    *sorted((DATA / "eval").glob("*.yaml")),
    *sorted((DATA / "sem").glob("*.yaml")),
    DATA / "teach" / "reference.yaml",
]


def _same(m: Map) -> None:
    G = to_networkx(m)
    assert index_map(m) == index_graph(G)
    for semantics, support in (("grounded", "necessary"), ("preferred", "deductive")):
        assert evaluate(index_map(m), semantics, support) == evaluate(G, semantics, support)


def test_index_of_the_map_is_the_index_of_its_graph() -> None:
    for path in MAPS:
        _same(read_map(path))


@settings(max_examples=60, deadline=None)
@given(m=maps(Path(tempfile.mkdtemp())))
def test_index_of_any_map_is_the_index_of_its_graph(m: Map) -> None:
    _same(m)
