"""The outline: tree shape, marks, linked groups, undercuts, references, unconnected claims."""

from __future__ import annotations

from pathlib import Path

from argmap.load import read_map
from argmap.teach.outline import OutlineNode, format_markdown, format_text, outline

DATA = Path(__file__).parent / "data" / "teach"


def test_tree_of_the_reference_map() -> None:
    o = outline(read_map(DATA / "reference.yaml"))
    assert o.thesis == OutlineNode(
        "claim",
        "abolish",
        children=(
            OutlineNode("claim", "takes-time", "+", "takes-time--supports--abolish"),
            OutlineNode(
                "linked",
                "",
                "+",
                "lost-sleep",
                "consequences",
                (OutlineNode("ref", "takes-time"), OutlineNode("claim", "sleep-learn")),
            ),
            OutlineNode(
                "claim",
                "builds-discipline",
                "-",
                "discipline-objection",
                children=(
                    OutlineNode(
                        "claim",
                        "discipline-elsewhere",
                        "-",
                        "discipline-elsewhere--opposes--builds-discipline",
                    ),
                    OutlineNode(
                        "claim", "no-gain", "~", "no-gain--undercuts--discipline-objection"
                    ),
                ),
            ),
        ),
    )
    assert o.unconnected == (OutlineNode("claim", "play-cooperate"),)


def test_text_with_quotes() -> None:
    m = read_map(DATA / "reference.yaml")
    assert format_text(outline(m), m, quotes=True).splitlines() == [
        "abolish: Homework should be abolished. [thesis]",
        "  “Homework should be abolished.”",
        "  + takes-time: Homework takes time from play and sleep. [claim]",
        "      “It takes time away from play and sleep.”",
        "  + [linked, consequences] lost-sleep",
        "      ↑ see takes-time",
        "      sleep-learn: Children who sleep more learn more. [evidence]",
        "        “Children who sleep more learn more.”",
        "  - builds-discipline: Homework builds discipline. (Teachers) [opponent]",
        "      “Teachers say homework builds discipline.”",
        "    - discipline-elsewhere: Discipline grows better from sports and music. [rebuttal]",
        "        “discipline grows better from sports and music”",
        "    ~ no-gain: Studies find no gain from homework in primary school. [evidence]",
        "        “Studies show no gain in primary school.”",
        "",
        "Not connected to the thesis:",
        "  play-cooperate: Play teaches cooperation. [background]",
        "    “Play teaches children to cooperate.”",
    ]


def test_markdown() -> None:
    m = read_map(DATA / "reference.yaml")
    assert format_markdown(outline(m), m).splitlines() == [
        "- `abolish`: Homework should be abolished. *thesis*",
        "  - **+** `takes-time`: Homework takes time from play and sleep. *claim*",
        "  - **+** [linked, consequences] `lost-sleep`",
        "    - ↑ see `takes-time`",
        "    - `sleep-learn`: Children who sleep more learn more. *evidence*",
        "  - **-** `builds-discipline`: Homework builds discipline. (Teachers) *opponent*",
        (
            "    - **-** `discipline-elsewhere`: Discipline grows better from sports and music."
            " *rebuttal*"
        ),
        "    - **~** `no-gain`: Studies find no gain from homework in primary school. *evidence*",
        "",
        "## Not connected to the thesis",
        "",
        "- `play-cooperate`: Play teaches cooperation. *background*",
    ]


def test_circle_is_printed_once_then_referenced() -> None:
    m = read_map(DATA / "cycle.yaml")
    assert format_text(outline(m), m).splitlines() == [
        "abolish: Homework should be abolished. [thesis]",
        "  + takes-time: Homework takes time. [claim]",
        "    + sleep-learn: Sleep helps learning. [claim]",
        "      + ↑ see takes-time",
    ]


def test_unconnected_trees_start_at_their_top_claim() -> None:
    m = read_map(DATA / "student.yaml")
    o = outline(m)
    assert [n.claim for n in o.unconnected] == ["no-gain", "play-cooperate"]
    assert "gazette" in {c.claim for c in o.thesis.children}


def test_unconnected_chain_is_one_tree_rooted_at_its_conclusion() -> None:
    from argmap.model import Claim, Map, Relation

    cs = tuple(
        Claim(id=i, text=f"{i.upper()}.", quote=i, role=r, by="authors")
        for i, r in (("t", "thesis"), ("a", "evidence"), ("b", "claim"))
    )
    rs = (Relation(id="r", kind="support", premises=("a",), target="b"),)
    m = Map(title="", thesis="t", source="", claims=cs, relations=rs)
    assert format_text(outline(m), m).splitlines() == [
        "t: T. [thesis]",
        "",
        "Not connected to the thesis:",
        "  b: B. [claim]",
        "    + a: A. [evidence]",
    ]
