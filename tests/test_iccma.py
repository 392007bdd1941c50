"""ICCMA formats: round trips, located parse errors, answer formats."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError, Diagnostic
from argmap.formats.iccma import (
    TASKS,
    Parsed,
    _in_order,
    _parse_apx,
    _parse_apx_exact,
    _parse_apx_plain,
    read_af,
    read_apx,
    read_framework,
    read_iccma23,
    read_iccma23_framework,
    read_tgf,
    solve,
    write_apx,
    write_iccma23,
    write_tgf,
)
from argmap.semantics.dung import node_order_key
from argmap.semantics.framework import Framework

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


# ------------------------------------------------------------- fast readers (issue 9)

#: pieces of APX text: plain facts, the variants only the exact reader reads, and mistakes
APX_PIECES = [
    "arg(a).",
    "arg(b).",
    "arg(c.d).",
    "arg(10).",
    "att(a,b).",
    "att(b,a).",
    "att(a,a).",
    "att(c.d,10).",
    "att(a,zz).",
    "att(zz,zz).",
    "arg( a ).",
    "att( b , a ).",
    "arg(a)  .",
    "% note",
    "arg(a,b).",
    "att(a).",
    "arg(a..b).",
    "arg(.a).",
    "junk",
    "arg(é).",
    "att(é,a).",
]
SEPARATORS = ["", " ", "\t", "\n", "\r\n", "\r", "\n\n", " \n", "\x0c", "\u00a0"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(APX_PIECES), st.sampled_from(SEPARATORS)), max_size=12))
def test_fast_apx_reader_equals_the_exact_one(pieces: list[tuple[str, str]]) -> None:
    text = "".join(p + s for p, s in pieces)
    want = _outcome(_parse_apx_exact, text)
    assert _outcome(_parse_apx, text) == want
    plain = _parse_apx_plain(text)
    assert plain is None or plain == want


def _outcome(parse: Callable[[str, str], Parsed], text: str) -> Parsed | list[Diagnostic]:
    """What ``parse`` makes of ``text``: its result, or the diagnostics it raises."""
    try:
        return parse(text, "f.apx")
    except ArgmapError as exc:
        return exc.diagnostics


def test_plain_apx_takes_the_fast_path() -> None:
    text = "arg(a).\narg(b.c). arg(10).\t\r\natt(a,b.c).att(10,a).\n"
    assert _parse_apx_plain(text) == (["a", "b.c", "10"], [0, 2], [1, 0])


def test_an_undeclared_name_is_reported_once_per_name() -> None:
    with pytest.raises(ArgmapError) as e:
        read_apx("arg(a).\natt(a,z).\natt(z,a).\natt(a,y).\n")
    assert [(d.line, d.message) for d in e.value.diagnostics] == [
        (2, "attack att(a,z) names 'z', which has no arg(z)."),
        (4, "attack att(a,y) names 'y', which has no arg(y)."),
    ]
    with pytest.raises(ArgmapError) as e:
        read_tgf("a\n#\na z\nz a\n y  y\n")
    assert [(d.line, d.column, d.message) for d in e.value.diagnostics] == [
        (3, 3, "edge 'a z' names 'z', which is not listed before '#'"),
        (5, 2, "edge 'y y' names 'y', which is not listed before '#'"),
        (5, 5, "edge 'y y' names 'y', which is not listed before '#'"),
    ]


@settings(max_examples=100, deadline=None)
@given(af=frameworks())
def test_read_framework_equals_compiling_the_graph(
    af: nx.DiGraph, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("af")
    for suffix, write in ((".apx", write_apx), (".tgf", write_tgf)):
        path = folder / f"f{suffix}"
        path.write_text(write(af))
        fw, graph = read_framework(path), Framework.from_digraph(read_af(path))
        assert fw.names == graph.names
        assert fw.to_digraph().edges == graph.to_digraph().edges
        assert solve(fw, "EE-PR") == solve(af, "EE-PR")


@settings(max_examples=200, deadline=None)
@given(
    st.sets(
        st.from_regex(r"[0-9a-z٣]{1,3}", fullmatch=True)
        | st.integers(0, 20)
        | st.from_regex(r"0*[0-9]{1,2}", fullmatch=True)
    )
)
def test_answers_list_names_in_node_order(names: set[str | int]) -> None:
    assert _in_order(names) == sorted(names, key=node_order_key)


def test_a_short_file_cannot_declare_millions_of_arguments() -> None:
    with pytest.raises(ArgmapError) as e:
        read_iccma23_framework("# ten million, in 30 characters\np af 9999999\n", "f.af")
    assert str(e.value.diagnostics[0]) == (
        "f.af:2:6: error: af-too-large: the header declares 9,999,999 arguments, more than a "
        "file of 45 characters may (at most 1,000,000) (hint: check N in 'p af N'; past "
        "1,000,000 arguments a file may declare 8 per character it holds)"
    )
    assert len(read_iccma23_framework("p af 1000000\n")) == 1_000_000  # up to a million: any file
