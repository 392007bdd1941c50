"""The interactive page: rhetorical moves, lesson steps, essay marks, escaping, the CLI."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import networkx as nx
import pytest

from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.evaluate import claim_labels, claim_strengths
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.model import Assessment
from argmap.render.dot import LABEL_STYLE, ROLE_STYLE, DotOptions, strength_fill
from argmap.render.html import (
    REF,
    essay_html,
    lesson_steps,
    page_data,
    rhetorical_move,
    script_json,
    to_html,
    unflatten,
)

DATA = Path(__file__).parent / "data" / "html"
SMALL = DATA / "small.yaml"
SVG = "{http://www.w3.org/2000/svg}"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' not installed")


@pytest.fixture(scope="module", name="G")
def graph() -> nx.DiGraph:
    return to_networkx(read_map(SMALL))


def _texts(data: dict[str, Any], text: str) -> str:
    """A caption of the page data with its claim references replaced, as page.js does."""
    return re.sub(f"{REF}(.*?){REF}", lambda m: f"“{data['claims'][m[1]]['text']}”", text)


def _data(page: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', page)
    assert found
    result: dict[str, object] = json.loads(found.group(1))
    return result


# --- rhetorical moves ---------------------------------------------------------


def test_moves_of_every_relation(G: nx.DiGraph) -> None:
    moves = {r: rhetorical_move(G, r).move for r in G.nodes if G.nodes[r]["kind"] == "inference"}
    assert moves == {
        "cats-happy--supports--cats-best": "reason",
        "cats-no-walk--supports--cats-best": "evidence",
        "dogs-better--opposes--cats-best": "objection",
        "dogs-loyal--opposes--cats-best": "concession",
        "loyalty-no-walk--undercuts--dogs-loyal--opposes--cats-best": "undercut",
        "vet-authority": "authority",
        "walk-problem": "rebuttal",
    }


def test_captions(G: nx.DiGraph) -> None:
    assert rhetorical_move(G, "vet-authority").caption == (
        "Appeal to authority: “A vet says cats are happy indoors.” supports "
        "“Cats are happy indoors.” (argument from expert opinion)"
    )
    assert rhetorical_move(G, "walk-problem").caption == (
        "Rebuttal of an opponent: “Dogs need a daily walk.” and “A small flat has no garden.” "
        "together answer “Dogs are better pets.”, the position of Dog lovers "
        "(argument from consequences)"
    )
    assert rhetorical_move(G, "dogs-better--opposes--cats-best").caption == (
        "Objection: “Dogs are better pets.” tells against "
        "“Cats are the best pets for a small flat.”, says Dog lovers"
    )
    assert rhetorical_move(
        G, "loyalty-no-walk--undercuts--dogs-loyal--opposes--cats-best"
    ).caption == (
        "Undercut: “Loyalty does not take the dog for a walk.” questions whether "
        "“Dogs are loyal.” really tells against “Cats are the best pets for a small flat.”"
    )


def test_linked_support_is_named_with_its_base_move() -> None:
    from argmap.model import Claim, Map, Relation

    cs = (
        Claim(id="t", text="T.", quote="T", role="thesis", by="authors"),
        Claim(id="a", text="A.", quote="A", role="evidence", by="authors"),
        Claim(id="b", text="B.", quote="B", role="claim", by="authors"),
    )
    rs = (Relation(id="ab", kind="support", premises=("a", "b"), target="t"),)
    G = to_networkx(Map(title="", thesis="t", source="", claims=cs, relations=rs))
    move = rhetorical_move(G, "ab")
    assert (move.move, move.name) == ("linked", "Linked premises")
    assert move.caption == "Linked premises (evidence): “A.” and “B.” together support “T.”"


# --- lesson steps -----------------------------------------------------------------


def test_layer_steps(G: nx.DiGraph) -> None:
    steps = lesson_steps(G, "layer")
    assert [s.claims for s in steps] == [
        ("cats-best",),
        ("cats-happy", "dogs-better", "cats-no-walk", "dogs-loyal"),
        ("vet-says", "dogs-walk", "no-garden", "loyalty-no-walk"),
        ("script-claim",),
    ]
    assert [s.moves for s in steps] == [
        ("thesis",),
        ("reason", "evidence", "objection", "concession"),
        ("authority", "rebuttal", "undercut"),
        (),
    ]
    assert steps[0].captions == (
        (
            "Thesis: “Cats are the best pets for a small flat.” — everything else in the map "
            "argues for or against it."
        ),
    )
    assert steps[-1].title == "Not connected to the thesis"
    assert len(steps[2].captions) == 3


def test_relation_steps_reveal_one_relation_each(G: nx.DiGraph) -> None:
    steps = lesson_steps(G, "relation")
    assert [s.relations for s in steps] == [
        (),
        ("cats-happy--supports--cats-best",),
        ("cats-no-walk--supports--cats-best",),
        ("dogs-better--opposes--cats-best",),
        ("dogs-loyal--opposes--cats-best",),
        ("vet-authority",),
        ("walk-problem",),
        ("loyalty-no-walk--undercuts--dogs-loyal--opposes--cats-best",),
        (),
    ]
    assert [s.title for s in steps][1:4] == ["Reason", "Evidence", "Objection"]
    assert steps[6].claims == ("dogs-walk", "no-garden")
    # both modes reveal the same claims, each exactly once
    layer = [c for s in lesson_steps(G, "layer") for c in s.claims]
    relation = [c for s in steps for c in s.claims]
    assert sorted(layer) == sorted(relation) == sorted(set(relation))


# --- data ----------------------------------------------------------------------


def test_page_data_neighbours(G: nx.DiGraph) -> None:
    data = page_data(G, Assessment(labels={"cats-best": "in"}, strengths={"cats-best": 0.75}))
    thesis = data["claims"]["cats-best"]
    assert (thesis["supporters"], thesis["attackers"], thesis["undercutters"]) == (
        ["cats-happy", "cats-no-walk"],
        ["dogs-better", "dogs-loyal"],
        ["loyalty-no-walk"],
    )
    assert (thesis["label"], thesis["strength"]) == ("in", 0.75)
    vet = data["claims"]["vet-says"]
    assert (vet["speaker"], vet["supports"], vet["schemes"]) == (
        "My vet",
        ["cats-happy"],
        ["Argument from expert opinion"],
    )
    assert vet["premise_of"] == ["vet-authority"]
    assert data["relations"]["vet-authority"]["caption"] == (
        f"Appeal to authority: {REF}vet-says{REF} supports {REF}cats-happy{REF} "
        "(argument from expert opinion)"
    )
    assert _texts(data, data["relations"]["vet-authority"]["caption"]) == (
        "Appeal to authority: “A vet says cats are happy indoors.” supports "
        "“Cats are happy indoors.” (argument from expert opinion)"
    )
    assert "premise_of" not in data["claims"]["cats-best"]  # empty values are left out
    # an undercut attacks the objection's inference, not the thesis
    loyalty = data["claims"]["loyalty-no-walk"]
    assert (loyalty.get("attacks"), _texts(data, loyalty["undercuts"][0])) == (
        None,
        "the inference from “Dogs are loyal.” to “Cats are the best pets for a small flat.”",
    )
    assert data["relations"]["walk-problem"]["premises"] == ["dogs-walk", "no-garden"]
    assert data["steps"]["layer"][0]["title"] == "Thesis"
    # a step's captions are its relations' (given only where it reveals none)
    assert data["steps"]["relation"][1] == {
        "title": "Reason",
        "moves": ["reason"],
        "claims": ["cats-happy"],
        "relations": ["cats-happy--supports--cats-best"],
    }
    assert data["walk"] == [
        ["cats-best", 0],
        ["cats-happy", 1],
        ["vet-says", 2],
        ["cats-no-walk", 1],
        ["dogs-better", 1],
        ["dogs-walk", 2],
        ["no-garden", 2],
        ["dogs-loyal", 1],
        ["loyalty-no-walk", 2],
        ["script-claim", 0],
    ]
    assert data["evaluated"] is True
    assert page_data(G)["evaluated"] is False


# --- escaping and the essay -------------------------------------------------------


def test_essay_marks_overlapping_quotes() -> None:
    text = "My vet says cats are happy indoors. Next.\n\nOther <b> text."
    page = essay_html(text, {"vet-says": (0, 35), "cats-happy": (12, 34)})
    assert page == (
        '<p data-paragraph="1"><mark class="quote" data-claims="vet-says" data-depth="1">'
        'My vet says </mark><mark class="quote" data-claims="cats-happy vet-says" '
        'data-depth="2">cats are happy indoors</mark><mark class="quote" '
        'data-claims="vet-says" data-depth="1">.</mark> Next.</p>\n'
        '<p data-paragraph="2">Other &lt;b&gt; text.</p>'
    )


def test_script_json_cannot_close_the_script_element() -> None:
    data = {"text": "</script><script>alert(1)</script><!-- -->", "amp": "a & b"}
    text = script_json(data)
    assert "</" not in text
    assert "<!--" not in text
    assert "<" not in text
    assert ">" not in text
    assert json.loads(text) == data


@needs_dot
def test_page_is_self_contained_and_escaped() -> None:
    page = to_html(read_map(SMALL))
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Cats or dogs &lt;b&gt;?&lt;/b&gt; — argument map</title>" in page
    assert "<script>alert(1)" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 2  # the SVG node and the essay
    assert page.count("<script") == 2  # the data and the page's own script
    assert not re.search(r"""(src|href)=["']?https?:""", page)
    assert "<link" not in page
    assert "<?xml" not in page
    assert "<!--" not in page
    assert 'class="node claim role&#45;thesis"' in page  # the inlined Graphviz SVG
    assert "argmapPage" in page  # page.js inlined
    assert "#viewport" in page  # page.css inlined
    assert "button.role-thesis, span.role-thesis { background: #ffd966; }" in page
    data = _data(page)
    assert data["thesis"] == "cats-best"
    assert data["claims"]["script-claim"]["text"] == "A note says <script>alert(1)</script> here."  # type: ignore[index]
    assert to_html(read_map(SMALL)) == page  # deterministic


@needs_dot
def test_page_shows_evaluation() -> None:
    page = to_html(read_map(SMALL), None, Assessment(labels={"cats-best": "out"}))
    assert '<span class="legend-head">Evaluation (border)</span>' in page
    assert '<span class="legend-head">Roles (fill)</span>' in page
    assert _data(page)["claims"]["cats-best"]["label"] == "out"  # type: ignore[index]
    assert "THESIS · ¶1 · out" in page


@needs_dot
def test_page_map_keeps_role_fill_and_draws_label_border() -> None:
    labels = {"cats-best": "in", "dogs-better": "out", "dogs-walk": "undec"}
    ev = Assessment(labels=labels, semantics="grounded")
    page = to_html(read_map(SMALL), None, ev)
    svg = ET.fromstring(page[page.index("<svg") : page.index("</svg>") + 6])
    shapes = {
        g.get("id"): next(e for e in g.iter() if e.tag in (f"{SVG}path", f"{SVG}polygon"))
        for g in svg.iter(f"{SVG}g")
        if "claim" in g.get("class", "").split()
    }
    G = to_networkx(read_map(SMALL))
    for claim, label in labels.items():
        fill = ROLE_STYLE[G.nodes[claim]["role"]][0]
        assert (claim, shapes[claim].get("fill")) == (claim, fill)
        assert (claim, shapes[claim].get("stroke")) == (claim, LABEL_STYLE[label][0])
    assert shapes["cats-happy"].get("stroke") == "black"  # not evaluated: as before
    assert "_legend" not in page  # the page has its own legend
    assert '<span class="legend-head">Evaluation (border, grounded)</span>' in page
    for name, (colour, line, _pen) in LABEL_STYLE.items():
        assert f'style="border:3px {line} {colour}"></span>{name.upper()}:' in page
    assert "g.node.evaluated.selected" in page  # highlighted by a halo, the border stays


@needs_dot
def test_page_shows_strength_as_fill_intensity() -> None:
    ev = Assessment(strengths={"cats-best": 0.75, "dogs-better": 0.25}, gradual="df-quad")
    page = to_html(read_map(SMALL), None, ev)
    assert '<span class="legend-head">Strength (fill intensity, df-quad)</span>' in page
    assert '<span class="legend-head">Roles (fill)</span>' in page
    for x in (0.0, 0.5, 1.0):
        assert (
            f'style="background:{strength_fill(ROLE_STYLE["claim"][0], x)}"></span>{x:.2f}' in page
        )
    svg = ET.fromstring(page[page.index("<svg") : page.index("</svg>") + 6])
    fills = {
        g.get("id"): next(e for e in g.iter() if e.tag in (f"{SVG}path", f"{SVG}polygon")).get(
            "fill"
        )
        for g in svg.iter(f"{SVG}g")
        if "claim" in g.get("class", "").split()
    }
    assert fills["cats-best"] == strength_fill(ROLE_STYLE["thesis"][0], 0.75)
    assert fills["cats-happy"] == ROLE_STYLE["claim"][0]  # no strength: the plain fill


@needs_dot
def test_page_legend_without_evaluation_is_unchanged() -> None:
    page = to_html(read_map(SMALL))
    assert '<span class="legend-head">Roles</span>' in page
    assert "(border)" not in page
    assert "evaluated label-" not in page


# --- CLI ------------------------------------------------------------------------


@needs_dot
def test_cli_writes_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "build" / "claims.html"
    assert main(["html", str(SMALL), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"wrote {out} (html, 10 claims, ")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["html", "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("usage: argmap html")
    for option in ("--output", "--evaluate", "--gradual", "--label", "--direction"):
        assert option in text


def test_cli_bad_input_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["html", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "x.html")]) == 1
    err = capsys.readouterr().err
    assert "file-not-found" in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.html").exists()


@needs_dot
def test_cli_evaluate_and_gradual(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "e.html"
    args = ["html", str(SMALL), "-o", str(out), "--evaluate", "grounded", "--gradual", "df-quad"]
    assert main(args) == 0
    G = to_networkx(read_map(SMALL))
    labels, strengths = claim_labels(G, "grounded"), claim_strengths(G, "df-quad")
    page = out.read_text(encoding="utf-8")
    claims = _data(page)["claims"]
    for claim, label in labels.items():
        assert claims[claim]["label"] == label  # type: ignore[index]
        assert claims[claim]["strength"] == pytest.approx(strengths[claim])  # type: ignore[index]
    assert '<span class="legend-head">Evaluation (border, grounded)</span>' in page
    assert '<span class="legend-head">Strength (fill intensity, df-quad)</span>' in page


def test_cli_evaluate_rejects_unknown_semantics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["html", str(SMALL), "-o", str(tmp_path / "e.html"), "--evaluate", "x"])
    assert info.value.code == 2
    assert "invalid choice: 'x'" in capsys.readouterr().err
    assert not (tmp_path / "e.html").exists()


@needs_dot
@pytest.mark.skipif(
    importlib.util.find_spec("argmap.evaluate") is None,
    reason="src/argmap/evaluate.py is not written yet",
)
def test_cli_evaluate_grounded_for_real(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "g.html"
    args = ["html", str(SMALL), "-o", str(out), "--evaluate", "grounded", "--gradual", "df-quad"]
    assert main(args) == 0
    claims = _data(out.read_text(encoding="utf-8"))["claims"]
    assert claims["cats-best"]["label"] in {"in", "out", "undec"}  # type: ignore[index]
    assert 0 <= claims["cats-best"]["strength"] <= 1  # type: ignore[index]


# --- an undercut of an undercut (5 of the 112 microtext gold graphs have one) -----

UU = Path(__file__).parent / "data" / "sem" / "uu.yaml"


def test_undercut_of_an_undercut_in_page_data() -> None:
    data = page_data(to_networkx(read_map(UU)))
    claims = data["claims"]
    assert [_texts(data, t) for t in claims["d"]["undercuts"]] == [
        "the inference from “C.” to the inference from “B.” to “A.”"
    ]
    assert [_texts(data, t) for t in claims["c"]["undercuts"]] == [
        "the inference from “B.” to “A.”"
    ]
    caption = data["relations"]["d--undercuts--c--undercuts--b--supports--a"]["caption"]
    assert _texts(data, caption) == (
        "Undercut: “D.” questions whether “C.” really undercuts the inference from “B.” to “A.”"
    )


@needs_dot
@pytest.mark.parametrize(
    "argv",
    [
        ["html", "-o", "{out}.html", "--evaluate", "grounded", "--gradual", "df-quad"],
        ["render", "-o", "{out}.svg"],
        ["outline"],
        ["quiz"],
    ],
)
def test_undercut_of_an_undercut_everywhere(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.format(out=tmp_path / "uu") for a in argv]
    assert main([args[0], str(UU), *args[1:]]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_page_data_says_when_strengths_did_not_converge(G: nx.DiGraph) -> None:
    assert page_data(G)["converged"] is True
    assert (
        page_data(G, Assessment(strengths={"cats-best": 0.5}, converged=False))["converged"]
        is False
    )


# --- big maps and wide fan-outs (issue 9) --------------------------------------------

DECLARATION = DATA / "declaration.yaml"


def test_a_map_over_the_draw_limit_gets_no_drawing_and_needs_no_graphviz(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("argmap.render.dot.shutil.which", lambda _name: None)
    page = to_html(read_map(SMALL), draw_limit=9)
    assert "<svg" not in page
    assert '<body class="undrawn">' in page
    assert (
        '<p id="big-note">This map has 10 claims, too many to draw whole (the page draws maps '
        "of up to 9)."
    ) in page
    assert '<button type="button" data-tab="claims" class="current"' in page
    assert '<section id="essay" aria-label="The essay" hidden>' in page
    assert _data(page)["drawn"] is False
    with pytest.raises(ArgmapError) as caught:
        to_html(read_map(SMALL), draw_limit=10)  # drawn: needs Graphviz
    assert caught.value.diagnostics[0].code == "graphviz-missing"


@needs_dot
def test_a_wide_fan_out_is_drawn_right_to_left_through_unflatten(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []

    def spy(dot: str, levels: int = 3) -> str:
        calls.append(levels)
        return unflatten(dot, levels)

    monkeypatch.setattr("argmap.render.html.unflatten", spy)
    small = to_html(read_map(SMALL))
    assert calls == []  # at most 4 relations into a claim: bottom to top, as drawn
    page = to_html(read_map(DECLARATION))
    assert calls == [2]
    view = re.search(r'<svg width="[^"]*" height="[^"]*"\s+viewBox="([^"]*)"', page)
    assert view
    _x, _y, width, height = map(float, view.group(1).split())
    assert width < height  # the 27 grievances stand in columns
    assert '<body class="drawn">' in page
    assert '<body class="drawn">' in small
    # a direction the user asked for is kept
    page = to_html(read_map(DECLARATION), DotOptions(direction="LR"))
    assert calls == [2]


def test_unflatten_without_the_program_leaves_the_drawing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("argmap.render.html.shutil.which", lambda _name: None)
    assert unflatten("digraph { a -> b }") == "digraph { a -> b }"
