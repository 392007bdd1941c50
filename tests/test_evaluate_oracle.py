"""The evaluation gives what it gave before eval3 (tests/evaluate_oracle.py), in the same order."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import networkx as nx
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.evaluate import evaluate, labels_of
from argmap.graph import to_networkx
from argmap.model import Map
from argmap.semantics.bipolar import framework_of
from argmap.semantics.dung import SEMANTICS
from argmap.semantics.gradual import GRADUAL_METHODS, gradual
from argmap.semantics.mapindex import index_graph, index_map
from evaluate_oracle import old_evaluate, old_framework_of, old_gradual, old_labels_of
from strategies import maps

_SUPPORTS = st.sampled_from(["necessary", "deductive", "none"])


def _same_framework(m: Map, support: str) -> None:
    for ix in (index_map(m), index_graph(to_networkx(m))):
        new, old = framework_of(ix, support), old_framework_of(ix, support)
        assert new.names == old.names
        for a, b in zip(
            (new.succ_ptr, new.succ_idx, new.pred_ptr, new.pred_idx),
            (old.succ_ptr, old.succ_idx, old.pred_ptr, old.pred_idx),
            strict=True,
        ):
            assert np.array_equal(a, b)


@settings(max_examples=150, deadline=None)
@given(m=maps(Path(tempfile.mkdtemp())), support=_SUPPORTS)
def test_framework_as_before(m: Map, support: str) -> None:
    _same_framework(m, support)


@settings(max_examples=150, deadline=None)
@given(
    m=maps(Path(tempfile.mkdtemp())),
    semantics=st.sampled_from(SEMANTICS),
    support=_SUPPORTS,
    method=st.sampled_from(sorted(GRADUAL_METHODS)),
    ask=st.booleans(),
)
def test_evaluation_as_before(
    m: Map, semantics: str, support: str, method: str, *, ask: bool
) -> None:
    ix = index_map(m)
    claim = ix.claims[-1] if ask else None
    new = evaluate(ix, semantics, support, method, claim)  # type: ignore[arg-type]
    old = old_evaluate(ix, semantics, support, method, claim)  # type: ignore[arg-type]
    assert json.dumps(new.to_dict()) == json.dumps(old.to_dict())
    new_grad, old_grad = gradual(ix, method), old_gradual(ix, method)
    assert list(new_grad.inferences.items()) == list(old_grad.inferences.items())


@settings(max_examples=150, deadline=None)
@given(
    edges=st.lists(st.tuples(st.sampled_from("ab12x"), st.sampled_from(["a", "10", "2", "b"]))),
    semantics=st.sampled_from(SEMANTICS),
)
def test_labels_of_as_before(edges: list[tuple[str, str]], semantics: str) -> None:
    af = nx.DiGraph(edges)
    new, old = labels_of(af, semantics), old_labels_of(af, semantics)  # type: ignore[arg-type]
    assert list(new.items()) == list(old.items())


def test_empty_map_as_before() -> None:
    ix = index_map(Map("", "a", "", (), ()))
    for semantics in SEMANTICS:
        old = old_evaluate(ix, semantics, "necessary", "df-quad", None)  # type: ignore[arg-type]
        assert evaluate(ix, semantics) == old  # type: ignore[arg-type]
