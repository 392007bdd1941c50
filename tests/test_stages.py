"""The near-linear forms of the stages after loading agree with the plain definitions.

Each property compares a rewritten stage with the networkx or set-based
definition it replaces, on generated maps (:mod:`strategies`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings

from argmap.graph import claim_nodes, inference_nodes, premises, to_networkx
from argmap.model import Map
from argmap.semantics.bipolar import framework_of
from argmap.semantics.commitments import commitments
from argmap.semantics.dung import is_admissible, is_conflict_free
from argmap.semantics.gradual import _depth, _links
from strategies import maps

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(m=maps(Path(tempfile.mkdtemp())))
def test_depth_is_the_longest_path(m: Map) -> None:
    G = to_networkx(m)
    expected = nx.dag_longest_path_length(G) if nx.is_directed_acyclic_graph(G) else None
    assert _depth(_links(G)) == expected


@_SETTINGS
@given(m=maps(Path(tempfile.mkdtemp())))
def test_commitments_as_defined(m: Map) -> None:
    G = to_networkx(m)
    fw = framework_of(G)
    for c in commitments(G, framework=fw):
        claims = [x for x in claim_nodes(G) if G.nodes[x]["by"] == c.speaker]
        args = [
            r
            for r in inference_nodes(G)
            if set(premises(G, r)) <= set(claims)
            and all(G.nodes[p]["role"] != "concession" for p in premises(G, r))
        ]
        members = {*claims, *args}
        assert (list(c.claims), list(c.arguments)) == (claims, args)
        assert c.conflict_free == is_conflict_free(fw, members)
        assert c.admissible == is_admissible(fw, members)
