"""The compiled framework, its grounded labelling and the fast ICCMA 2023 reader.

The grounded labelling is checked against a plain reference (the least
fixpoint of the characteristic function, computed naively) on frameworks
chosen to drive every path of :mod:`argmap.semantics.grounded`: the Python
worklist, the vectorised rounds, and the hand-over between them.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Iterator
from contextlib import contextmanager

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.formats.iccma import read_framework, read_iccma23, read_iccma23_framework
from argmap.semantics import Framework, as_framework, grounded_extension, grounded_labelling
from argmap.semantics import grounded as grounded_module
from argmap.semantics.grounded import grounded_labels

# ------------------------------------------------------------------ helpers


def reference_grounded(af: nx.DiGraph) -> tuple[set[Hashable], set[Hashable]]:
    """Return (IN, OUT) by iterating the characteristic function from the empty set."""
    inn: set[Hashable] = set()
    while True:
        out = {b for a in inn for b in af.successors(a)}
        nxt = {a for a in af if all(b in out for b in af.predecessors(a))}
        if nxt == inn:
            return inn, out
        inn = nxt


def reference_grounded_fast(af: nx.DiGraph) -> tuple[set[Hashable], set[Hashable]]:
    """The textbook worklist over dicts (for frameworks too long to iterate naively)."""
    live = {a: af.in_degree(a) for a in af}
    queue = [a for a, k in live.items() if k == 0]
    out: set[Hashable] = set()
    for a in queue:
        for b in af.successors(a):
            if b not in out:
                out.add(b)
                for c in af.successors(b):
                    live[c] -= 1
                    if live[c] == 0:
                        queue.append(c)
    return set(queue), out


def labels_as_sets(af: nx.DiGraph) -> tuple[set[Hashable], set[Hashable]]:
    fw = Framework.from_digraph(af)
    lab = grounded_labels(fw)
    assert not (lab.inn & lab.out).any(), "an argument is both IN and OUT"
    return set(fw.names_of(lab.inn)), set(fw.names_of(lab.out))


@contextmanager
def tiny_thresholds() -> Iterator[None]:
    """Make every path of the grounded module run on small frameworks."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(grounded_module, "_SMALL", 2)
        mp.setattr(grounded_module, "_BIG", 3)
        yield


frameworks = st.integers(1, 9).flatmap(
    lambda n: st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n).map(
        lambda edges: _graph(n, edges)
    )
)


def _graph(n: int, edges: list[tuple[int, int]]) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    return g


def random_graph(n: int, m: int, seed: int) -> nx.DiGraph:
    rnd = random.Random(seed)
    return _graph(n, [(rnd.randrange(n), rnd.randrange(n)) for _ in range(m)])


# ------------------------------------------------------------------ Framework


def test_constructor_builds_both_csr_views() -> None:
    af = Framework(["a", "b", "c"], [0, 0, 2, 0, 1], [2, 1, 2, 1, 2])
    assert af.attack_count == 4  # the repeated 0 -> 1 counts once
    assert af.succ_ptr.tolist() == [0, 2, 3, 4]
    assert af.succ_idx.tolist() == [1, 2, 2, 2]
    assert af.pred_ptr.tolist() == [0, 0, 1, 4]
    assert af.pred_idx.tolist() == [0, 0, 1, 2]
    assert af.sources().tolist() == [0, 0, 1, 2]
    assert af.in_degree().tolist() == [0, 1, 3]
    assert af.attackers("c") == ["a", "b", "c"]
    assert af.attacked_by("a") == ["b", "c"]
    assert repr(af) == "Framework(3 arguments, 4 attacks)"
    assert list(af) == ["a", "b", "c"]
    assert len(af) == 3


def test_arrays_are_read_only() -> None:
    af = Framework(["a", "b"], [0], [1])
    for arr in (af.succ_ptr, af.succ_idx, af.pred_ptr, af.pred_idx):
        with pytest.raises(ValueError, match="read-only"):
            arr[0] = 1


def test_empty_framework() -> None:
    af = Framework([])
    assert len(af) == 0
    assert af.attack_count == 0
    assert grounded_extension(af) == frozenset()
    assert grounded_labelling(af) == {}


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        ((["a", "a"],), "duplicate-argument", "'a' is named twice"),
        ((["a"], [0], [1]), "bad-attack", "0 -> 1 names an argument outside 0 .. 0"),
        ((["a"], [-1], [0]), "bad-attack", "-1 -> 0"),
        ((["a", "b"], [0, 1], [1]), "bad-attack", "2 sources but 1 targets"),
        ((["a", "b"], [0.5], [1]), "bad-attack", "flat sequence of integers"),
        ((["a", "b"], [[0]], [[1]]), "bad-attack", "flat sequence of integers"),
    ],
)
def test_constructor_errors(args: tuple[object, ...], code: str, words: str) -> None:
    with pytest.raises(ArgmapError) as err:
        Framework(*args)  # type: ignore[arg-type]
    (d,) = err.value.diagnostics
    assert d.code == code
    assert words in d.message


def test_lookups_and_unknown_names() -> None:
    af = Framework.from_edges([("a", "b")], arguments=["z"])
    assert af.names == ("z", "a", "b")
    assert af.index("b") == 2
    assert af.mask(["a"]).tolist() == [False, True, False]
    assert af.names_of([]) == []
    assert af.names_of(np.array([2, 0])) == ["b", "z"]
    assert "a" in af
    assert "q" not in af
    assert ["unhashable"] not in af
    with pytest.raises(ArgmapError) as err:
        af.indices(["a", "q", "r"], "the extension")
    assert [d.message for d in err.value.diagnostics] == [
        "the extension names argument 'q', which is not in the framework",
        "the extension names argument 'r', which is not in the framework",
    ]
    assert {d.code for d in err.value.diagnostics} == {"unknown-argument"}


@given(frameworks)
def test_from_digraph_round_trip(g: nx.DiGraph) -> None:
    fw = Framework.from_digraph(g)
    assert fw.names == tuple(g)
    back = fw.to_digraph()
    assert list(back) == list(g)
    assert set(back.edges) == set(g.edges)
    same = Framework.from_edges(g.edges, arguments=g.nodes)
    for name in ("succ_ptr", "succ_idx", "pred_ptr", "pred_idx"):
        assert getattr(fw, name).tolist() == getattr(same, name).tolist()
    assert as_framework(fw) is fw


# ------------------------------------------------------------------ grounded


@settings(max_examples=300, deadline=None)  # timings vary on a shared machine
@given(frameworks)
def test_grounded_equals_fixpoint(g: nx.DiGraph) -> None:
    inn, out = reference_grounded(g)
    assert labels_as_sets(g) == (inn, out)
    # the graph path (adjacency dictionaries) agrees with the compiled path
    assert grounded_extension(g) == inn
    assert {a for a, x in grounded_labelling(g).items() if x == "out"} == out


@settings(max_examples=300, deadline=None)
@given(frameworks)
def test_grounded_equals_fixpoint_through_every_path(g: nx.DiGraph) -> None:
    with tiny_thresholds():
        assert grounded_module._SMALL == 2
        assert labels_as_sets(g) == reference_grounded(g)


@pytest.mark.parametrize(("n", "m"), [(3000, 3000), (3000, 6000), (20000, 30000)])
def test_grounded_random_medium(n: int, m: int) -> None:
    g = random_graph(n, m, seed=n + m)
    assert labels_as_sets(g) == reference_grounded_fast(g)


def test_grounded_long_chain_uses_worklist_linearly() -> None:
    n = 200_001  # a chain: IN, OUT, IN, ... one argument freed at a time
    g = nx.DiGraph(zip(range(n - 1), range(1, n), strict=True))
    inn, out = labels_as_sets(g)
    assert inn == set(range(0, n, 2))
    assert out == set(range(1, n, 2))


def test_grounded_wide_fan_goes_vectorised() -> None:
    # one root attacks 5000 arguments, each attacking its own leaf: the root's
    # row is big (vector round), the leaves are freed 5000 at once.
    g = nx.DiGraph()
    g.add_edges_from(("root", f"m{i}") for i in range(5000))
    g.add_edges_from((f"m{i}", f"leaf{i}") for i in range(5000))
    g.add_edges_from((f"leaf{i}", f"tail{i}") for i in range(0, 5000, 7))
    g.add_edge("loop", "loop")
    g.add_edge("loop", "tail0")
    assert labels_as_sets(g) == reference_grounded_fast(g)


def test_grounded_out_argument_with_big_row() -> None:
    # a chain whose OUT members attack 1000 arguments each: the worklist
    # hands those rows to numpy (_release_row) and carries on.
    g = nx.DiGraph()
    for k in range(6):
        g.add_edge(f"in{k}", f"out{k}")
        g.add_edge(f"out{k}", f"in{k + 1}")
        g.add_edges_from((f"out{k}", f"w{k}-{i}") for i in range(1000))
        g.add_edges_from((f"w{k}-{i}", f"w{k}-{i}") for i in range(0, 1000, 3))
    assert labels_as_sets(g) == reference_grounded_fast(g)


def test_grounded_labelling_of_compiled_and_graph_agree() -> None:
    g = random_graph(500, 900, seed=7)
    assert grounded_labelling(Framework.from_digraph(g)) == grounded_labelling(g)


# ------------------------------------------------------------------ ICCMA 2023 fast reader


def _i23(n: int, edges: list[tuple[int, int]], sep: str = " ", nl: str = "\n") -> str:
    return f"p af {n}{nl}" + "".join(f"{a}{sep}{b}{nl}" for a, b in edges)


def _same(fw: Framework, g: nx.DiGraph) -> None:
    assert fw.names == tuple(g)
    assert set(fw.to_digraph().edges) == set(g.edges)


@given(
    st.integers(1, 30).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(1, n), st.integers(1, n)), max_size=60),
            st.sampled_from([" ", "\t", "  ", " \t "]),
            st.sampled_from(["\n", "\r\n", "\r"]),
        )
    )
)
def test_fast_reader_equals_exact_reader(case: tuple[int, list[tuple[int, int]], str, str]) -> None:
    n, edges, sep, nl = case
    text = _i23(n, edges, sep, nl)
    _same(read_iccma23_framework(text), read_iccma23(text))


@pytest.mark.parametrize(
    "text",
    [
        "# made by hand\n\np af 3\n1 2\n\n2 3\n",
        "p af 3\n# a comment after the header\n1 2\n",  # exact reader's path
        "p af 3\n  1   2  \n3 3",  # no final newline, padding
        "p af 2\n0001 0002\n",
        "p af 0\n",
        "p af 3\n1 2\n\u00a0\n",  # non-ASCII whitespace: exact reader
    ],
)
def test_fast_reader_accepts_what_exact_reader_accepts(text: str) -> None:
    _same(read_iccma23_framework(text), read_iccma23(text))


@pytest.mark.parametrize(
    "text",
    [
        "p af 2\n1 5\n",
        "p af 2\n1 2 2\n",
        "p af 2\n1\n",
        "p af 2\n0 1\n",
        "p af 2\n1 x\n",
        "p af 2\n1 -2\n",
        "p af 2\n1 99999999999999999999999\n",
        "1 2\n",
        "",
        "p af two\n",
    ],
)
def test_fast_reader_rejects_with_exact_diagnostics(text: str) -> None:
    with pytest.raises(ArgmapError) as exact:
        read_iccma23(text, "f.i23")
    with pytest.raises(ArgmapError) as fast:
        read_iccma23_framework(text, "f.i23")
    assert [str(d) for d in fast.value.diagnostics] == [str(d) for d in exact.value.diagnostics]


def test_read_framework_by_extension(tmp_path: pytest.TempPathFactory) -> None:
    p = tmp_path / "x.i23"  # type: ignore[operator]
    p.write_text("p af 3\n1 2\n2 3\n", encoding="utf-8")
    fw = read_framework(p)
    assert grounded_extension(fw) == {"1", "3"}
    q = tmp_path / "x.apx"  # type: ignore[operator]
    q.write_text("arg(a).\narg(b).\natt(a,b).\n", encoding="utf-8")
    assert grounded_extension(read_framework(q)) == {"a"}
