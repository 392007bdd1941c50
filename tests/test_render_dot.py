"""DOT output: conventions, golden files, determinism, Graphviz errors."""

from __future__ import annotations

import colorsys
import dataclasses
import os
import random
import re
import shutil
import subprocess
import textwrap
from pathlib import Path
from xml.etree import ElementTree as ET

import networkx as nx
import pydot
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.escape import dot_html, dot_string, dot_tooltip
from argmap.evaluate import claim_labels, claim_strengths
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.model import Assessment, Claim, Map, Relation
from argmap.render import dot
from argmap.render.dot import (
    COLORS,
    LABEL_STYLE,
    LEGEND_ID,
    ROLE_STYLE,
    DotOptions,
    render_image,
    strength_fill,
    to_dot,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "core"
#: a hand-made evaluation of valid.yaml with all three labels (not what grounded gives)
EVALUATED = Assessment(
    labels={
        "cats-best": "in",
        "cats-no-walk": "in",
        "cats-purr": "in",
        "dogs-better": "out",
        "dogs-walk": "undec",
        "no-garden": "undec",
    },
    strengths={"cats-best": 0.75, "dogs-better": 0.25, "dogs-walk": 0.5},
    semantics="grounded",
    gradual="df-quad",
)
GOLDEN: dict[str, tuple[DotOptions, Assessment | None]] = {
    "valid.dot": (DotOptions(), None),
    "valid-full-paragraph.dot": (DotOptions(label="full", group="paragraph", direction="TB"), None),
    "valid-ids.dot": (DotOptions(label="id"), None),
    "valid-evaluated.dot": (DotOptions(), EVALUATED),
}
SVG = "{http://www.w3.org/2000/svg}"


def _valid() -> Map:
    return read_map(DATA / "valid.yaml")


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden_dot(name: str) -> None:
    got = to_dot(to_networkx(_valid()), *GOLDEN[name])
    golden = DATA / name
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        golden.write_text(got)
    assert got == golden.read_text(), f"regenerate with ARGMAP_UPDATE_GOLDEN=1 after review: {name}"


@pytest.mark.parametrize("seed", range(5))
def test_shuffled_input_gives_identical_dot(seed: int) -> None:
    m = _valid()
    rng = random.Random(seed)
    claims, relations = list(m.claims), list(m.relations)
    rng.shuffle(claims)
    rng.shuffle(relations)
    shuffled = dataclasses.replace(m, claims=tuple(claims), relations=tuple(relations))
    for options, ev in GOLDEN.values():
        assert to_dot(to_networkx(shuffled), options, ev) == to_dot(to_networkx(m), options, ev)


def _edges(dot: str) -> dict[tuple[str, str], dict[str, str]]:
    (graph,) = pydot.graph_from_dot_data(dot)
    return {
        (e.get_source().strip('"'), e.get_destination().strip('"')): e.get_attributes()
        for e in graph.get_edges()
    }


def test_conventions() -> None:
    dot = to_dot(to_networkx(_valid()))
    assert 'rankdir="BT"' in dot  # conclusions above premises
    edges = _edges(dot)
    assert edges[("cats-purr", "cats-best")]["color"] == f'"{COLORS["support"]}"'
    assert edges[("dogs-better", "cats-best")]["color"] == f'"{COLORS["opposition"]}"'
    # the linked opposition is drawn through its inference node
    assert ("dogs-walk", "walk-problem") in edges
    assert ("no-garden", "walk-problem") in edges
    assert ("walk-problem", "dogs-better") in edges
    assert ("dogs-walk", "dogs-better") not in edges
    assert "— Dog lovers" in dot  # the speaker is shown


def test_undercut_is_dashed_into_the_inference() -> None:
    cs = tuple(Claim(id=i, text=i, quote=i, role="claim", by="authors") for i in ("a", "b", "c"))
    rs = (
        Relation(id="r", kind="support", premises=("b",), target="a"),
        Relation(id="u", kind="undercut", premises=("c",), target="r"),
    )
    dot = to_dot(to_networkx(Map(title="", thesis="a", source="", claims=cs, relations=rs)))
    edges = _edges(dot)
    assert ("b", "r") in edges
    assert ("r", "a") in edges
    assert edges[("c", "r")]["style"] == '"dashed"'


def test_text_is_escaped_and_wrapped() -> None:
    c = Claim(id="a", text="<b>bold & " + "long " * 20, quote="q", role="thesis", by="x")
    dot = to_dot(to_networkx(Map(title="T&T", thesis="a", source="", claims=(c,), relations=())))
    assert "&lt;b&gt;bold &amp; long" in dot
    assert dot.count("<BR/>") >= 4
    assert pydot.graph_from_dot_data(dot)


def test_dot_keywords_as_ids_are_quoted() -> None:
    cs = tuple(Claim(id=i, text=i, quote=i, role="claim", by="x") for i in ("node", "edge"))
    rs = (Relation(id="edge--supports--node", kind="support", premises=("edge",), target="node"),)
    dot = to_dot(to_networkx(Map(title="", thesis="node", source="", claims=cs, relations=rs)))
    svg = render_image(dot, "svg").decode()
    assert svg.count("claim role&#45;claim") == 2


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
@pytest.mark.parametrize(
    ("fmt", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")]
)
def test_images(fmt: str, magic: bytes) -> None:
    data = render_image(to_dot(to_networkx(_valid())), fmt)
    assert data.startswith(magic)


def test_missing_graphviz_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ArgmapError) as info:
        render_image("digraph {}", "png")
    d = info.value.diagnostics[0]
    assert d.code == "graphviz-missing"
    assert "apt-get install graphviz" in d.hint
    assert "--format dot" in d.hint
    assert render_image("digraph {}", "dot") == b"digraph {}"  # DOT needs no Graphviz


def test_svg_carries_ids_and_classes() -> None:
    from xml.etree import ElementTree as ET

    svg = ET.fromstring(render_image(to_dot(to_networkx(_valid())), "svg"))
    classes = {g.get("id"): g.get("class") for g in svg.iter("{http://www.w3.org/2000/svg}g")}
    assert classes["cats-best"] == "node claim role-thesis"
    assert classes["walk-problem"] == "node inference"
    assert classes["cats-purr--supports--cats-best"] == "edge"


# --- evaluation: the fill stays the role's, the label is the border ------------


def _nodes(dot: str) -> dict[str, dict[str, str]]:
    (graph,) = pydot.graph_from_dot_data(dot)
    nodes = {}
    for holder in [graph, *graph.get_subgraphs()]:
        for n in holder.get_nodes():
            attrs = n.get_attributes()
            if attrs:
                nodes[n.get_name().strip('"')] = {k: v.strip('"') for k, v in attrs.items()}
    return nodes


@pytest.fixture(scope="module")
def essay_graph() -> nx.DiGraph:
    """The map of claims.yaml: its thesis is grounded IN, trotsky-workers-state OUT."""
    return to_networkx(read_map(ROOT / "claims.yaml"))


@pytest.fixture(scope="module")
def essay_dot(essay_graph: nx.DiGraph) -> str:
    labels = claim_labels(essay_graph, "grounded")
    assert labels["stalinism-not-only-russian"] == "in"
    assert labels["trotsky-workers-state"] == "out"
    return to_dot(essay_graph, DotOptions(), Assessment(labels=labels, semantics="grounded"))


@pytest.fixture(scope="module")
def essay_strengths(essay_graph: nx.DiGraph) -> dict[str, float]:
    return claim_strengths(essay_graph, "df-quad")


@pytest.fixture(scope="module")
def essay_dot_gradual(essay_graph: nx.DiGraph, essay_strengths: dict[str, float]) -> str:
    labels = claim_labels(essay_graph, "grounded")
    ev = Assessment(labels=labels, strengths=essay_strengths, semantics="grounded")
    return to_dot(essay_graph, DotOptions(), ev)


def test_evaluated_thesis_keeps_role_fill_with_in_border(essay_dot: str) -> None:
    thesis = _nodes(essay_dot)["stalinism-not-only-russian"]
    assert thesis["fillcolor"] == ROLE_STYLE["thesis"][0]
    assert thesis["color"] == LABEL_STYLE["in"][0]
    assert thesis["penwidth"] == LABEL_STYLE["in"][2]
    assert thesis["style"].split(",") == ["rounded", "filled", "solid"]
    assert "THESIS · ¶1 · in<" in thesis["label"]  # the label is also in the text


def test_strength_is_the_intensity_of_the_role_fill(
    essay_graph: nx.DiGraph, essay_strengths: dict[str, float], essay_dot_gradual: str
) -> None:
    nodes = _nodes(essay_dot_gradual)
    thesis = nodes["stalinism-not-only-russian"]
    assert thesis["fillcolor"] == strength_fill(ROLE_STYLE["thesis"][0], 0.934)
    assert thesis["color"] == LABEL_STYLE["in"][0]  # the border is still the label
    assert "THESIS · ¶1 · in 0.93" in thesis["label"]  # the strength is written too
    for claim, x in essay_strengths.items():
        fill = ROLE_STYLE[essay_graph.nodes[claim]["role"]][0]
        assert (claim, nodes[claim]["fillcolor"]) == (claim, strength_fill(fill, x))
    strong, weak = nodes["stalinism-not-only-russian"], nodes["trotsky-workers-state"]
    assert essay_strengths["trotsky-workers-state"] < 0.1
    assert _lightness(strong["fillcolor"]) < 0.75
    assert _lightness(weak["fillcolor"]) > 0.9


def _lightness(color: str) -> float:
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[1]


def _hue(color: str) -> float:
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[0]


@pytest.mark.parametrize("role", sorted(ROLE_STYLE))
def test_strength_fill_keeps_hue_and_deepens(role: str) -> None:
    fill = ROLE_STYLE[role][0]
    ramp = [strength_fill(fill, x / 10) for x in range(11)]
    lightness = [_lightness(c) for c in ramp]
    assert lightness == sorted(lightness, reverse=True)  # deeper with strength
    assert lightness[0] > 0.95
    assert lightness[-1] < 0.7
    if role != "background":  # grey has no hue
        assert all(abs(_hue(c) - _hue(fill)) < 0.02 for c in ramp)
    else:
        assert len({c[1:3] for c in ramp}) == len(ramp)  # still a grey ramp, all distinct
    assert strength_fill(fill, -1) == ramp[0]
    assert strength_fill(fill, 2) == ramp[-1]


def test_evaluated_out_claim_keeps_role_fill_with_dashed_out_border(
    essay_graph: nx.DiGraph, essay_dot: str
) -> None:
    node = _nodes(essay_dot)["trotsky-workers-state"]
    role = essay_graph.nodes["trotsky-workers-state"]["role"]
    assert node["fillcolor"] == ROLE_STYLE[role][0]
    assert node["color"] == LABEL_STYLE["out"][0]
    assert "dashed" in node["style"].split(",")
    assert node["class"] == f"claim role-{role} evaluated label-out"


def test_every_evaluated_claim_is_filled_by_its_role(
    essay_graph: nx.DiGraph, essay_dot: str
) -> None:
    nodes = _nodes(essay_dot)
    labels = claim_labels(essay_graph, "grounded")
    for claim, label in labels.items():
        role = essay_graph.nodes[claim]["role"]
        fill, role_style = ROLE_STYLE[role]
        color, line, _pen = LABEL_STYLE[label]
        assert (claim, nodes[claim]["fillcolor"]) == (claim, fill)
        assert (claim, nodes[claim]["color"]) == (claim, color)
        # the role's own line style (dashed concession, dotted background) gives way
        style = nodes[claim]["style"].split(",")
        assert style[-1] == line
        assert [s for s in style if s in ("dashed", "dotted", "bold", "solid")] == [line]
        assert ("rounded" in style) == ("rounded" in role_style.split(","))


def test_graphviz_draws_role_fill_and_label_border(essay_dot: str) -> None:
    svg = ET.fromstring(render_image(essay_dot, "svg"))
    shapes = {
        g.get("id"): next(e for e in g.iter() if e.tag in (f"{SVG}path", f"{SVG}polygon"))
        for g in svg.iter(f"{SVG}g")
        if g.get("class", "").startswith("node claim")
    }
    thesis, out = shapes["stalinism-not-only-russian"], shapes["trotsky-workers-state"]
    assert (thesis.get("fill"), thesis.get("stroke")) == (ROLE_STYLE["thesis"][0], "#009e73")
    assert thesis.get("stroke-width") == "3"
    assert (out.get("fill"), out.get("stroke")) == (ROLE_STYLE["opponent"][0], "#d55e00")
    assert out.get("stroke-dasharray")  # dashed, so OUT survives greyscale print


def test_label_borders_differ_in_colour_and_line() -> None:
    assert set(LABEL_STYLE) == {"in", "out", "undec"}
    colours = [c for c, _line, _pen in LABEL_STYLE.values()]
    lines = [line for _c, line, _pen in LABEL_STYLE.values()]
    assert len(set(colours)) == 3
    assert len(set(lines)) == 3  # told apart without colour too
    role_fills = {fill for fill, _style in ROLE_STYLE.values()}
    assert not role_fills & set(colours)


def test_colours_are_six_hex_digits(essay_dot: str) -> None:
    """Graphviz 2.43 misreads ``#2a2``: every colour is written with six hex digits."""
    colours = re.findall(r"#[0-9A-Fa-f]+\b", essay_dot)
    assert colours
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours), sorted(set(colours))


def test_legend_explains_fill_and_border(essay_graph: nx.DiGraph, essay_dot: str) -> None:
    legend = _nodes(essay_dot)[LEGEND_ID]["label"]
    assert "<B>Fill</B>: role" in legend
    assert "<B>Border</B>: label (grounded)" in legend
    for role in {essay_graph.nodes[c]["role"] for c in claim_labels(essay_graph)}:
        assert f'BGCOLOR="{ROLE_STYLE[role][0]}" BORDER="1" COLOR="#555555">{role}</TD>' in legend
    assert 'BORDER="3" COLOR="#009e73">IN: accepted</TD>' in legend
    assert 'BORDER="3" COLOR="#d55e00" STYLE="dashed">OUT: rejected</TD>' in legend
    assert 'BORDER="3" COLOR="#6b6b6b" STYLE="dotted">UNDEC: undecided</TD>' in legend
    assert "<B>Fill intensity</B>" not in legend  # no strengths drawn


def test_legend_explains_strength_ramp(essay_dot_gradual: str) -> None:
    legend = _nodes(essay_dot_gradual)[LEGEND_ID]["label"]
    assert "<B>Fill intensity</B>: strength" in legend
    for x in (0.0, 0.5, 1.0):
        assert f'BGCOLOR="{strength_fill(ROLE_STYLE["claim"][0], x)}"' in legend
        assert f">{x:.2f}</TD>" in legend


def test_legend_only_when_evaluated() -> None:
    G = to_networkx(_valid())
    assert LEGEND_ID not in to_dot(G)
    assert LEGEND_ID in to_dot(G, None, EVALUATED)
    assert LEGEND_ID not in to_dot(G, DotOptions(legend=False), EVALUATED)
    strengths_only = Assessment(strengths={"cats-best": 0.5})
    legend = _nodes(to_dot(G, None, strengths_only))[LEGEND_ID]["label"]
    assert "<B>Fill</B>" in legend
    assert "<B>Border</B>" not in legend
    node = _nodes(to_dot(G, None, strengths_only))["cats-best"]
    assert node["style"] == ROLE_STYLE["thesis"][1]
    assert node["fillcolor"] == strength_fill(ROLE_STYLE["thesis"][0], 0.5)
    assert "THESIS · ¶1 · 0.50" in node["label"]


@pytest.mark.parametrize("labels", [False, True])
def test_strength_legend_spans_are_valid_for_graphviz(labels: bool) -> None:
    """valid.yaml has fewer roles than the five strength steps: no cell may span 0 columns."""
    G = to_networkx(_valid())
    ev = dataclasses.replace(EVALUATED, labels=EVALUATED.labels if labels else {})
    dot = to_dot(G, None, ev)
    assert 'COLSPAN="0"' not in dot
    done = subprocess.run(
        ["dot", "-Tsvg"], input=dot.encode(), capture_output=True, check=False, timeout=60
    )
    assert done.returncode == 0
    assert done.stderr == b""  # Graphviz warns about nothing


def test_strengths_that_did_not_converge_are_marked() -> None:
    G = to_networkx(_valid())
    ev = Assessment(strengths={"cats-best": 0.5}, gradual="df-quad", converged=False)
    nodes = _nodes(to_dot(G, None, ev))
    assert "THESIS · ¶1 · ~0.50" in nodes["cats-best"]["label"]
    assert "<B>~ did not converge</B>" in nodes[LEGEND_ID]["label"]
    converged = _nodes(to_dot(G, None, dataclasses.replace(ev, converged=True)))
    assert "did not converge" not in converged[LEGEND_ID]["label"]


#: text biased to what the escapes and the wrapping care about
_TRICKY = st.text(
    alphabet=st.sampled_from(
        list("ab  \\&\"'<>[]-\t\n\r\x00\x07\x1b\x7f\x9b\xa0\u2028\u202e\ufffe\ud800é")
    )
    | st.characters(),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(text=_TRICKY, width=st.integers(1, 30))
def test_fast_escapes_equal_the_escape_layer(text: str, width: int) -> None:
    """The renderer's shortcuts give what argmap.escape and textwrap give, on any text."""
    assert dot._string(text) == dot_string(text)
    assert dot._tooltip(text) == dot_tooltip(text)
    assert dot.wrap_lines(text, width) == (textwrap.wrap(text, width) or [""])
    assert dot._wrap(text, width) == "<BR/>".join(
        dot_html(line) for line in textwrap.wrap(text, width) or [""]
    )
