"""ICCMA formats: round trips, located parse errors, answer formats."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.formats.iccma import (
    TASKS,
    read_af,
    read_apx,
    read_iccma23,
    read_tgf,
    solve,
    write_apx,
    write_iccma23,
    write_tgf,
)

DATA = Path(__file__).parent / "data" / "iccma"


def same(a: nx.DiGraph, b: nx.DiGraph) -> bool:
    return set(a.nodes) == set(b.nodes) and set(a.edges) == set(b.edges)


def first_error(exc: pytest.ExceptionInfo[ArgmapError]) -> tuple[str, int, int, str]:
    d = exc.value.diagnostics[0]
    return d.file, d.line, d.column, d.code


# ------------------------------------------------------------- files


def test_read_fixture_files() -> None:
    chain = read_af(DATA / "chain.apx")
    assert set(chain.edges) == {("a", "b"), ("b", "c")}
    tgf = read_af(DATA / "nixonish.tgf")
    assert set(tgf.edges) == {("1", "2"), ("2", "1"), ("2", "3")}
    odd = read_af(DATA / "odd.af")
    assert set(odd.edges) == {("1", "2"), ("2", "3"), ("3", "1")}


def test_fixture_errors_are_located() -> None:
    with pytest.raises(ArgmapError) as e:
        read_af(DATA / "undeclared.apx")
    assert first_error(e) == (str(DATA / "undeclared.apx"), 2, 1, "af-undeclared-argument")
    with pytest.raises(ArgmapError) as e:
        read_af(DATA / "bad.i23")
    assert first_error(e) == (str(DATA / "bad.i23"), 2, 3, "af-syntax")
    assert "p af N" in e.value.diagnostics[0].hint


def test_unknown_extension_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError) as e:
        read_af(tmp_path / "x.csv")
    assert first_error(e)[3] == "af-unknown-format"
    with pytest.raises(ArgmapError) as e:
        read_af(tmp_path / "missing.apx")
    assert first_error(e)[3] == "af-unreadable"


# ------------------------------------------------------------- round trips


@st.composite
def frameworks(draw: st.DrawFn) -> nx.DiGraph:
    names = draw(
        st.lists(st.from_regex(r"[a-z][a-z0-9_]{0,5}", fullmatch=True), max_size=8, unique=True)
    )
    g = nx.DiGraph()
    g.add_nodes_from(names)
    if names:
        pairs = st.tuples(st.sampled_from(names), st.sampled_from(names))
        g.add_edges_from(draw(st.lists(pairs, max_size=16)))
    return g


@settings(max_examples=100, deadline=None)
@given(frameworks())
def test_round_trips(af: nx.DiGraph) -> None:
    apx = write_apx(af)
    assert same(read_apx(apx), af)
    assert write_apx(read_apx(apx)) == apx
    tgf = write_tgf(af)
    assert same(read_tgf(tgf), af)
    assert write_tgf(read_tgf(tgf)) == tgf
    i23 = write_iccma23(af)
    back = read_iccma23(i23)
    assert back.number_of_nodes() == af.number_of_nodes()
    assert back.number_of_edges() == af.number_of_edges()
    assert write_iccma23(back) == write_iccma23(read_iccma23(write_iccma23(back)))


def test_iccma23_numbered_round_trip_is_exact() -> None:
    text = "p af 4\n1 2\n2 3\n4 4\n"
    assert write_iccma23(read_iccma23(text)) == text
    text10 = "p af 10\n2 10\n10 2\n"
    assert write_iccma23(read_iccma23(text10)) == text10


def test_writers_are_deterministic() -> None:
    a = nx.DiGraph([("b", "a"), ("a", "c"), ("a", "b")])
    b = nx.DiGraph([("a", "b"), ("a", "c"), ("b", "a")])
    assert write_apx(a) == write_apx(b)
    assert write_tgf(a) == write_tgf(b)
    assert write_iccma23(a) == write_iccma23(b)


def test_unwritable_name() -> None:
    with pytest.raises(ArgmapError) as e:
        write_apx(nx.DiGraph([("has space", "b")]))
    assert first_error(e)[3] == "af-unwritable-name"
    with pytest.raises(ArgmapError):
        write_tgf(nx.DiGraph([("#", "b")]))


# ------------------------------------------------------------- parse errors


@pytest.mark.parametrize(
    ("reader", "text", "line", "column", "code"),
    [
        (read_apx, "arg(a).\n  att(a b).\n", 2, 3, "af-syntax"),
        (read_apx, "arg(a). arg(b). junk\n", 1, 17, "af-syntax"),
        (read_apx, "arg(a,b).\n", 1, 1, "af-syntax"),
        (read_apx, "arg(a).\natt(a,zz).\n", 2, 1, "af-undeclared-argument"),
        (read_tgf, "a\nb\n#\na\n", 4, 1, "af-syntax"),
        (read_tgf, "a\n#\na b\n", 3, 3, "af-undeclared-argument"),
        (read_tgf, "a\n#\n#\n", 3, 1, "af-syntax"),
        (read_iccma23, "1 2\n", 1, 1, "af-syntax"),
        (read_iccma23, "# c\np af 3\n1 2 3\n", 3, 1, "af-syntax"),
        (read_iccma23, "p af 3\n1   0\n", 2, 5, "af-syntax"),
        (read_iccma23, "p af 3\n  x 1\n", 2, 3, "af-syntax"),
        (read_iccma23, "# only a comment\n", 1, 1, "af-syntax"),
    ],
)
def test_parse_errors_are_located(
    reader: object, text: str, line: int, column: int, code: str
) -> None:
    assert callable(reader)
    with pytest.raises(ArgmapError) as e:
        reader(text)
    _, got_line, got_col, got_code = first_error(e)
    assert (got_line, got_col, got_code) == (line, column, code)
    assert e.value.diagnostics[0].hint


def test_apx_comments_and_several_facts_per_line() -> None:
    af = read_apx("% header\narg(a). arg(b). % two\natt( a , b ).\n")
    assert set(af.edges) == {("a", "b")}


# ------------------------------------------------------------- solving

FLOATING = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
ODD = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])


@pytest.mark.parametrize(
    ("af", "task", "arg", "answer"),
    [
        (FLOATING, "SE-GR", None, "[]"),
        (FLOATING, "SE-ST", None, "[a,d]"),
        (FLOATING, "SE-CO", None, "[]"),
        (ODD, "SE-ST", None, "NO"),
        (FLOATING, "EE-PR", None, "[[a,d],[b,d]]"),
        (FLOATING, "EE-CO", None, "[[],[a,d],[b,d]]"),
        (FLOATING, "EE-GR", None, "[[]]"),
        (ODD, "EE-ST", None, "[]"),
        (FLOATING, "DC-PR", "d", "YES"),
        (FLOATING, "DC-GR", "d", "NO"),
        (FLOATING, "DC-ST", "c", "NO"),
        (FLOATING, "DC-CO", "b", "YES"),
        (FLOATING, "DS-PR", "d", "YES"),
        (FLOATING, "DS-CO", "d", "NO"),
        (FLOATING, "DS-ST", "a", "NO"),
        (FLOATING, "DS-GR", "a", "NO"),
        (ODD, "DS-ST", "a", "YES"),
    ],
)
def test_solve_iccma19(af: nx.DiGraph, task: str, arg: str | None, answer: str) -> None:
    assert solve(af, task, arg) == answer


@pytest.mark.parametrize(
    ("af", "task", "arg", "answer"),
    [
        (FLOATING, "SE-GR", None, "w"),
        (ODD, "SE-ST", None, "NO"),
        (FLOATING, "DC-PR", "b", "YES\nw b d"),
        (FLOATING, "DC-ST", "c", "NO"),
        (FLOATING, "DS-PR", "d", "YES"),
        (FLOATING, "DS-PR", "a", "NO\nw b d"),
        (FLOATING, "EE-ST", None, "w a d\nw b d"),
    ],
)
def test_solve_iccma23(af: nx.DiGraph, task: str, arg: str | None, answer: str) -> None:
    assert solve(af, task, arg, style="iccma23") == answer


def test_solve_some_extension_is_one_of_them() -> None:
    assert solve(FLOATING, "SE-PR") in {"[a,d]", "[b,d]"}
    assert solve(FLOATING, "SE-PR", style="iccma23") in {"w a d", "w b d"}
    assert solve(FLOATING, "SE-PR") == solve(FLOATING.copy(), "SE-PR")


def test_solve_numbered_query_accepts_int() -> None:
    af = read_iccma23("p af 3\n1 2\n2 3\n")
    assert solve(af, "DS-GR", 3) == "YES"
    assert solve(af, "SE-GR", style="iccma23") == "w 1 3"


def test_every_task_answers() -> None:
    for task in TASKS:
        out = solve(FLOATING, task, "a")
        assert out in {"YES", "NO"} or out.startswith("[")


@pytest.mark.parametrize(
    ("task", "arg", "code"),
    [
        ("XX-PR", None, "unknown-task"),
        ("SE-XY", None, "unknown-task"),
        ("SEPR", None, "unknown-task"),
        ("DC-PR", None, "missing-argument"),
        ("DC-PR", "zz", "unknown-argument"),
    ],
)
def test_solve_rejects_bad_tasks(task: str, arg: str | None, code: str) -> None:
    with pytest.raises(ArgmapError) as e:
        solve(FLOATING, task, arg)
    assert e.value.diagnostics[0].code == code
