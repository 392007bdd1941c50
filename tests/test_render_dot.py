"""DOT output: conventions, golden files, determinism, Graphviz errors."""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
from pathlib import Path

import pydot
import pytest

from argmap.errors import ArgmapError
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.model import Claim, Map, Relation
from argmap.render.dot import COLORS, DotOptions, render_image, to_dot

DATA = Path(__file__).parent / "data" / "core"
GOLDEN = {
    "valid.dot": DotOptions(),
    "valid-full-paragraph.dot": DotOptions(label="full", group="paragraph", direction="TB"),
    "valid-ids.dot": DotOptions(label="id"),
}


def _valid() -> Map:
    return read_map(DATA / "valid.yaml")


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden_dot(name: str) -> None:
    got = to_dot(to_networkx(_valid()), GOLDEN[name])
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
    for options in GOLDEN.values():
        assert to_dot(to_networkx(shuffled), options) == to_dot(to_networkx(m), options)


def _edges(dot: str) -> dict[tuple[str, str], dict[str, str]]:
    (graph,) = pydot.graph_from_dot_data(dot)
    return {
        (e.get_source().strip('"'), e.get_destination().strip('"')): e.get_attributes()
        for e in graph.get_edges()
    }


def test_conventions() -> None:
    dot = to_dot(to_networkx(_valid()))
    assert "rankdir=BT" in dot  # conclusions above premises
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
    assert edges[("c", "r")]["style"] == "dashed"


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
