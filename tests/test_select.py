"""Focus views: which claims and relations select() keeps, and how a drawing shows the cut."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.model import Claim, Map, Relation
from argmap.render.dot import to_dot
from argmap.select import select

DATA = Path(__file__).parent / "data" / "render"


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    return to_networkx(read_map(DATA / "focus.yaml"))


def _hidden(H: nx.DiGraph) -> dict[str, int]:
    return {n: k for n, k in sorted(H.nodes(data="hidden")) if k}


@pytest.mark.parametrize(
    ("focus", "depth", "nodes", "hidden"),
    [
        ("abolish", 0, ["abolish"], {"abolish": 2}),
        (
            "abolish",
            1,
            ["abolish", "discipline", "discipline--opposes--abolish", "rest",
             "rest--supports--abolish"],
            {"discipline": 1, "rest": 3},
        ),
        (
            "abolish",
            2,
            ["abolish", "calm", "calm-evenings", "discipline", "discipline--opposes--abolish",
             "memory", "practice", "practice--opposes--discipline", "rest",
             "rest--supports--abolish", "sleep", "tired"],
            {"calm": 1, "practice": 1},
        ),
        # an undercut brings the inference it attacks whole: premises and conclusion
        (
            "calm",
            1,
            ["calm", "calm-evenings", "memory", "noisy", "noisy--supports--calm", "rest",
             "sleep", "tired"],
            {"noisy": 1, "rest": 1},
        ),
        # a premise of a linked support brings its co-premise; the focus shows what it supports
        ("sleep", 1, ["memory", "rest", "sleep", "tired"], {"rest": 2, "sleep": 1, "tired": 1}),
        # what a claim attacks is what it answers
        (
            "practice",
            1,
            ["discipline", "practice", "practice--opposes--discipline", "teachers",
             "teachers--supports--practice"],
            {"discipline": 1},
        ),
        # what the other claims support is not followed: only the focus's own conclusion
        (
            "teachers",
            2,
            ["discipline", "practice", "practice--opposes--discipline", "teachers",
             "teachers--supports--practice"],
            {"discipline": 1},
        ),
    ],
)  # fmt: skip
def test_selection(
    graph: nx.DiGraph, focus: str, depth: int, nodes: list[str], hidden: dict[str, int]
) -> None:
    H = select(graph, focus, depth)
    assert sorted(H) == nodes
    assert _hidden(H) == hidden
    assert H.graph["focus"] == focus
    assert H.graph["title"] == "Homework"


def test_whole_map_at_large_depth_has_nothing_hidden(graph: nx.DiGraph) -> None:
    H = select(graph, "abolish", 10)
    assert sorted(H) == sorted(graph)
    assert _hidden(H) == {}
    assert sorted(H.edges) == sorted(graph.edges)


def test_unknown_focus_suggests_close_ids(graph: nx.DiGraph) -> None:
    with pytest.raises(ArgmapError) as info:
        select(graph, "abolsh")
    (d,) = info.value.diagnostics
    assert (d.file, d.code, d.message) == (
        str(DATA / "focus.yaml"),
        "unknown-focus",
        "no claim 'abolsh' to focus on",
    )
    assert d.hint == "did you mean 'abolish'?"
    with pytest.raises(ArgmapError) as info:  # a relation is not a claim to focus on
        select(graph, "memory")
    assert info.value.diagnostics[0].hint.startswith("give the id of a claim")


def test_drawing_marks_the_focus_and_the_cut(graph: nx.DiGraph) -> None:
    dot = to_dot(select(graph, "abolish", 1))
    (rest,) = [line for line in dot.splitlines() if line.startswith('"rest" [')]
    assert 'class="claim role-claim cut"' in rest
    assert "CLAIM · ¶1 · +3 more</FONT>" in rest
    assert 'tooltip="Pupils learn more when they rest. (+3 linked claims not drawn' in rest
    (thesis,) = [line for line in dot.splitlines() if line.startswith('"abolish" [')]
    assert 'peripheries="2", class="claim role-thesis focus"' in thesis
    assert "THESIS · ¶1</FONT>" in thesis  # nothing of it is cut
    assert '"memory"' not in dot
    assert "sleep" not in dot


def _chain(n: int, kinds: list[str]) -> nx.DiGraph:
    """Claims c0..c{n-1}; claim i relates to claim i-1 by kinds[i] (or undercuts its relation)."""
    cs = tuple(
        Claim(id=f"c{i}", text=f"C{i}", quote=f"C{i}", role="claim", by="a") for i in range(n)
    )
    rs: list[Relation] = []
    for i in range(1, n):
        kind = kinds[i % len(kinds)]
        target = (
            f"r{i - 1}"
            if kind == "undercut" and i > 1 and rs[-1].kind != "undercut"
            else f"c{i - 1}"
        )
        kind = "opposition" if kind == "undercut" and target.startswith("c") else kind
        rs.append(Relation(id=f"r{i}", kind=kind, premises=(f"c{i}",), target=target))  # type: ignore[arg-type]
    return to_networkx(Map(title="", thesis="c0", source="", claims=cs, relations=tuple(rs)))


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(1, 12),
    kinds=st.lists(st.sampled_from(["support", "opposition", "undercut"]), min_size=1, max_size=4),
    focus=st.integers(0, 11),
    depth=st.integers(0, 4),
)
def test_selection_properties(n: int, kinds: list[str], focus: int, depth: int) -> None:
    G = _chain(n, kinds)
    f = f"c{focus % n}"
    H = select(G, f, depth)
    claims = {c for c, k in H.nodes(data="kind") if k == "claim"}
    # the focus is kept; a deeper view keeps everything a shallower one does
    assert f in claims
    assert set(H) <= set(select(G, f, depth + 1))
    # relations come whole: every kept relation has all its ends kept
    for r, k in H.nodes(data="kind"):
        if k == "inference":
            assert set(G.predecessors(r)) - set(H) <= {
                u for u in G.predecessors(r) if G.nodes[u]["kind"] == "inference"
            }
            assert set(G.successors(r)) <= set(H)
    # the hidden counts are exactly the claims next to a kept one that were left out
    total_hidden = sum(k for _n, k in H.nodes(data="hidden") if k)
    assert (total_hidden == 0) == (claims == {c for c, k in G.nodes(data="kind") if k == "claim"})
