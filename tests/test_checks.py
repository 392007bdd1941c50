"""Structural lints: each code on a hand-made map, selection, and located findings."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.checks import _ORDER, CHECKS, Finding, _cyclic, parse_codes, run_checks
from argmap.errors import ArgmapError
from argmap.load import read_map
from argmap.model import Claim, Map, Relation

DATA = Path(__file__).parent / "data" / "eval"


def _map(
    claims: list[tuple[str, str, str]], rels: list[tuple[str, str, tuple[str, ...], str]]
) -> Map:
    cs = tuple(Claim(i, i, i, role, by) for i, role, by in claims)
    rs = tuple(Relation(rid, kind, p, t) for rid, kind, p, t in rels)  # type: ignore[arg-type]
    return Map("m", cs[0].id, "", cs, rs, file="m.yaml")


def _codes(m: Map, code: str) -> list[tuple[str, ...]]:
    return [f.claims for f in run_checks(m, select=[code])]


def test_lints_fixture_every_finding_located() -> None:
    found = [
        (f.code, f.severity, f.line, f.column, f.claims)
        for f in run_checks(read_map(DATA / "lints.yaml"))
    ]
    assert found == [
        ("circular-support", "warning", 9, 5, ("tea-best", "tea-healthy")),
        ("unanswered-opposition", "warning", 24, 15, ("coffee-better", "tea-best")),
        ("bare-assertion", "warning", 25, 5, ("milk-only",)),
        ("self-conflict", "warning", 29, 15, ("milk-only", "tea-healthy")),
        ("unanswered-opposition", "warning", 29, 15, ("milk-only", "tea-healthy")),
        ("disconnected", "warning", 30, 5, ("juice-sweet",)),
        ("supports-and-opposes", "warning", 30, 5, ("juice-sweet", "cheap")),
        ("self-conflict", "warning", 35, 15, ("juice-sweet", "cheap")),
        ("unanswered-opposition", "warning", 35, 15, ("juice-sweet", "cheap")),
        ("disconnected", "warning", 36, 5, ("cheap",)),
        ("disconnected", "warning", 40, 5, ("cocoa",)),
        ("open-questions", "info", 49, 5, ("head-said",)),
    ]


def test_finding_text() -> None:
    f = run_checks(read_map(DATA / "lints.yaml"), select=["circular-support"])[0]
    assert str(f) == (
        f"{DATA / 'lints.yaml'}:9:5: warning: circular-support: support runs in a circle: "
        "tea-best → tea-healthy → tea-best (hint: a claim cannot be a reason for itself; "
        "break the circle with independent evidence)"
    )
    assert f.to_dict()["claims"] == ["tea-best", "tea-healthy"]


def test_circular_support_each_cycle_once() -> None:
    m = _map(
        [("a", "thesis", "x"), ("b", "claim", "x"), ("c", "claim", "x")],
        [
            ("ab", "support", ("a",), "b"),
            ("ba", "support", ("b",), "a"),
            ("bc", "support", ("b",), "c"),
            ("ca", "support", ("c",), "a"),
        ],
    )
    assert _codes(m, "circular-support") == [("a", "b"), ("a", "b", "c")]


def test_linked_support_cycle() -> None:
    m = _map(
        [("a", "thesis", "x"), ("b", "claim", "x"), ("c", "evidence", "x")],
        [("r", "support", ("b", "c"), "a"), ("s", "support", ("a",), "b")],
    )
    assert _codes(m, "circular-support") == [("a", "b")]


def test_supports_and_opposes() -> None:
    m = _map(
        [("a", "thesis", "x"), ("b", "claim", "x")],
        [("s", "support", ("b",), "a"), ("o", "opposition", ("b",), "a")],
    )
    assert _codes(m, "supports-and-opposes") == [("b", "a")]


def test_disconnected_counts_undercuts_of_thesis_inferences() -> None:
    m = _map(
        [("t", "thesis", "x"), ("e", "evidence", "x"), ("u", "evidence", "y"), ("z", "claim", "x")],
        [
            ("r", "support", ("e",), "t"),
            ("cut", "undercut", ("u",), "r"),
            ("tz", "support", ("t",), "z"),
        ],
    )
    # u reaches the thesis through the inference it undercuts; z hangs below it
    assert _codes(m, "disconnected") == [("z",)]


def test_bare_assertion_roles() -> None:
    m = _map(
        [
            ("t", "thesis", "x"),
            ("c", "claim", "x"),
            ("r", "rebuttal", "x"),
            ("e", "evidence", "x"),
            ("o", "opponent", "y"),
        ],
        [("ct", "support", ("c",), "t"), ("rc", "opposition", ("r",), "o")],
    )
    assert _codes(m, "bare-assertion") == [("c",), ("r",)]


def test_unanswered_opposition_answered_three_ways() -> None:
    m = _map(
        [
            ("t", "thesis", "authors"),
            ("o1", "opponent", "y"),
            ("o2", "opponent", "y"),
            ("o3", "opponent", "y"),
            ("o4", "opponent", "y"),
            ("why3", "opponent", "y"),
            ("a", "rebuttal", "authors"),
        ],
        [
            ("r1", "opposition", ("o1",), "t"),  # answered: premise attacked
            ("r2", "opposition", ("o2",), "t"),  # answered: undercut
            ("r3", "opposition", ("o3",), "t"),  # answered: the premise's support is undercut
            ("r4", "opposition", ("o4",), "t"),  # unanswered
            ("s3", "support", ("why3",), "o3"),
            ("a1", "opposition", ("a",), "o1"),
            ("a2", "undercut", ("a",), "r2"),
            ("a3", "undercut", ("a",), "s3"),
        ],
    )
    assert _codes(m, "unanswered-opposition") == [("o4", "t")]


def test_open_questions() -> None:
    m = _map([("t", "thesis", "x"), ("e", "authority", "x")], [])
    rel = Relation("r", "support", ("e",), "t", scheme="sign", answered=("strength",))
    m = Map("m", "t", "", m.claims, (rel,), file="m.yaml")
    (f,) = run_checks(m, select=["open-questions"])
    assert f.message == "inference 'r' (sign) leaves critical questions open: other-events"
    assert f.severity == "info"


def test_self_conflict_per_speaker() -> None:
    m = _map(
        [("t", "thesis", "x"), ("a", "claim", "y"), ("b", "claim", "y"), ("c", "claim", "x")],
        [("ab", "opposition", ("a",), "b"), ("ct", "opposition", ("c",), "t")],
    )
    msgs = [f.message for f in run_checks(m, select=["self-conflict"])]
    assert msgs == [
        "speaker 'x' attacks their own claim 't' with c",
        "speaker 'y' attacks their own claim 'b' with a",
    ]


def test_select_and_ignore() -> None:
    m = read_map(DATA / "lints.yaml")
    assert {f.code for f in run_checks(m, select=["disconnected"])} == {"disconnected"}
    left = {f.code for f in run_checks(m, ignore=["disconnected", "open-questions"])}
    # repeated-quote has its own fixture (tests/test_quotes.py)
    assert left == set(CHECKS) - {"disconnected", "open-questions", "repeated-quote"}


def test_parse_codes_unknown_with_hint() -> None:
    assert parse_codes(None) == []
    with pytest.raises(ArgmapError) as exc:
        parse_codes("disconected,bare-assertion,nope", "--ignore")
    diags = exc.value.diagnostics
    assert [d.code for d in diags] == ["unknown-check", "unknown-check"]
    assert diags[0].message == "--ignore names unknown check 'disconected'"
    assert diags[0].hint.startswith("known checks: circular-support, supports-and-opposes")


def test_registry_severities() -> None:
    assert {c: CHECKS[c].severity for c in CHECKS} == {
        "circular-support": "warning",
        "supports-and-opposes": "warning",
        "disconnected": "warning",
        "bare-assertion": "warning",
        "unanswered-opposition": "warning",
        "open-questions": "info",
        "self-conflict": "warning",
        "repeated-quote": "warning",
    }


def test_concessions_are_not_self_conflict() -> None:
    # the authors grant a fact, voice the objection drawn from it, and undercut it
    m = _map(
        [
            ("t", "thesis", "authors"),
            ("fact", "concession", "authors"),
            ("ans", "rebuttal", "authors"),
        ],
        [("obj", "opposition", ("fact",), "t"), ("cut", "undercut", ("ans",), "obj")],
    )
    assert _codes(m, "self-conflict") == []
    assert _codes(m, "unanswered-opposition") == []
    unanswered = _map(
        [("t", "thesis", "authors"), ("fact", "concession", "authors")],
        [("obj", "opposition", ("fact",), "t")],
    )
    assert _codes(unanswered, "unanswered-opposition") == [("fact", "t")]


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from("abcdefghij"),
        st.lists(st.sampled_from("abcdefghijk"), max_size=3),
        max_size=10,
    )
)
def test_cyclic_nodes_are_those_on_a_cycle(succ: dict[str, list[str]]) -> None:
    graph = nx.DiGraph([(u, v) for u, vs in succ.items() for v in vs])
    on_cycle = {
        n for part in nx.strongly_connected_components(graph) if len(part) > 1 for n in part
    }
    on_cycle |= {u for u, vs in succ.items() if u in vs}
    assert _cyclic(succ) == on_cycle


def test_cyclic_long_chain_and_ring() -> None:
    chain = {f"n{i}": [f"n{i + 1}"] for i in range(5000)}  # few dropped per round: peeled
    assert _cyclic(chain) == set()
    assert _cyclic({**chain, "n5000": ["n0"]}) == set(chain) | {"n5000"}


def test_findings_sort_as_their_fields() -> None:
    assert [f.name for f in fields(Finding)] == list(_ORDER.__reduce__()[1])
