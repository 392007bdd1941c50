"""The outline: tree shape, marks, linked groups, undercuts, references, unconnected claims."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from argmap.load import read_map
from argmap.model import Claim, Map, Relation
from argmap.teach.outline import (
    MARKS,
    Outline,
    OutlineNode,
    _roots,
    format_markdown,
    format_text,
    outline,
)

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


def test_outline_node_init_takes_every_field_in_order() -> None:
    """OutlineNode fills its dict at once, as Claim does: its __init__ lists every field."""
    from test_load import test_hand_written_inits_take_every_field_in_order as same_fields

    same_fields(OutlineNode)


# --- the walk before issue 9's rewrite (commit 123db8f): the oracle of the stack walk ---

_Walk = Generator[Any, OutlineNode, OutlineNode]


def _outline_before(m: Map) -> Outline:
    """``outline`` as it was: a generator per claim and relation, run by a stack of them."""
    order = {r.id: i for i, r in enumerate(m.relations)}
    kinds = {"support": 0, "opposition": 1, "undercut": 2}
    into: dict[str, list[Relation]] = {}
    for r in m.relations:
        into.setdefault(r.target, []).append(r)
    seen: set[str] = set()

    def ordered(key: str) -> list[Relation]:
        return sorted(into.get(key, []), key=lambda r: (kinds[r.kind], order[r.id]))

    def every(walks: Iterable[_Walk]) -> Generator[Any, OutlineNode, list[OutlineNode]]:
        nodes = []
        for walk in walks:
            nodes.append((yield walk))  # noqa: PERF401 - a yield per walk, in turn
        return nodes

    def claim(claim_id: str, mark: str = "", via: Relation | None = None) -> _Walk:
        relation, scheme = (via.id, via.scheme) if via else ("", "")
        if claim_id in seen:
            return OutlineNode("ref", claim_id, mark, relation, scheme)
        seen.add(claim_id)
        children = yield from every(relation_of(r) for r in ordered(claim_id))
        if via is not None and not via.linked:
            children += yield from every(relation_of(u) for u in ordered(via.id))
        return OutlineNode("claim", claim_id, mark, relation, scheme, tuple(children))

    def relation_of(r: Relation) -> _Walk:
        mark = MARKS[r.kind]
        if not r.linked:
            return (yield claim(r.premises[0], mark, r))
        premises = yield from every(claim(p) for p in r.premises)
        undercuts = yield from every(relation_of(u) for u in ordered(r.id))
        return OutlineNode("linked", "", mark, r.id, r.scheme, (*premises, *undercuts))

    def run(walk: _Walk) -> OutlineNode:
        stack, result = [walk], None
        while stack:
            try:
                stack.append(stack[-1].send(result))  # type: ignore[arg-type]
                result = None
            except StopIteration as done:
                stack.pop()
                result = done.value
        assert result is not None
        return result

    thesis = run(claim(m.thesis))
    # the roots after the thesis are chosen as before (outline._roots, unchanged)
    return Outline(thesis, tuple(run(claim(c)) for c in _roots(m, seen) if c not in seen))


_IDS = ["a", "b", "c", "d", "e", "f"]


@st.composite
def _tangled_maps(draw: st.DrawFn) -> Map:
    """Maps of a few claims with any relations: circles, linked premises, undercuts of
    undercuts, targets that are no claim.

    Relation ids are unique and an undercut names an earlier relation, as in a valid
    map (two relations of one id could make undercuts of undercuts a circle, which
    the walk, old and new, would follow forever).
    """
    claims = tuple(Claim(i, f"{i}.", i, "claim", "authors") for i in _IDS)
    relations: list[Relation] = []
    for n in range(draw(st.integers(0, 14))):
        kind = draw(st.sampled_from(["support", "opposition", "undercut"]))
        premises = tuple(draw(st.lists(st.sampled_from(_IDS), min_size=1, max_size=3)))
        if kind == "undercut" and relations:
            target = draw(st.sampled_from([r.id for r in relations]))
        else:
            target = draw(st.sampled_from([*_IDS, "nowhere"]))
        scheme = draw(st.sampled_from(["", "example"]))
        relations.append(Relation(f"r{n}", kind, premises, target, scheme=scheme))  # type: ignore[arg-type]
    return Map("", draw(st.sampled_from(_IDS)), "", claims, tuple(relations))


@given(_tangled_maps())
def test_the_stack_walk_gives_the_outline_the_generators_gave(m: Map) -> None:
    assert outline(m) == _outline_before(m)
