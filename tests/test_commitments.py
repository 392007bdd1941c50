"""Commitments: each speaker's position checked for conflict-freeness and admissibility."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.graph import claim_nodes, to_networkx
from argmap.load import read_map
from argmap.model import Claim, Map, Relation
from argmap.semantics.bipolar import framework_of
from argmap.semantics.commitments import commitments, position
from strategies import maps

DATA = Path(__file__).parent / "data" / "eval"


def _graph(claims: list[tuple[str, str]], rels: list[tuple[str, str, tuple[str, ...], str]]):  # type: ignore[no-untyped-def]
    cs = tuple(
        Claim(i, i, i, "thesis" if n == 0 else "claim", by) for n, (i, by) in enumerate(claims)
    )
    rs = tuple(Relation(rid, kind, p, t) for rid, kind, p, t in rels)  # type: ignore[arg-type]
    return to_networkx(Map("m", cs[0].id, "", cs, rs))


def test_answered_position_is_admissible() -> None:
    G = _graph(
        [("t", "authors"), ("o", "rival"), ("r", "authors")],
        [("o-t", "opposition", ("o",), "t"), ("r-o", "opposition", ("r",), "o")],
    )
    authors, rival = commitments(G)
    assert (authors.speaker, authors.conflict_free, authors.admissible) == ("authors", True, True)
    assert authors.claims == ("r", "t")
    assert authors.arguments == ("r-o",)
    assert authors.unanswered == ()
    assert (rival.admissible, rival.unanswered) == (False, (("r-o", "o"), ("r-o", "o-t")))


def test_unanswered_attacks_listed() -> None:
    by = {c.speaker: c for c in commitments(to_networkx(read_map(DATA / "debate.yaml")))}
    authors = by["authors"]
    assert authors.name == "The author"
    assert authors.conflict_free
    assert not authors.admissible
    assert authors.unanswered == (("not-measured", "expert"), ("not-measured", "tea-best"))
    rivals = by["rivals"]
    assert rivals.claims == ("coffee-better", "coffee-faster", "never-measured")
    assert rivals.unanswered == (
        ("speed-undercut", "coffee-better"),
        ("speed-undercut", "coffee-better--opposes--tea-best"),
        ("speed-undercut", "coffee-faster--supports--coffee-better"),
    )


def test_self_attack_is_not_conflict_free() -> None:
    G = _graph(
        [("t", "authors"), ("a", "authors")],
        [("a-t", "opposition", ("a",), "t")],
    )
    (authors,) = commitments(G)
    assert not authors.conflict_free
    assert not authors.admissible
    assert authors.conflicts == (("a-t", "t"),)
    assert authors.unanswered == ()


def test_mutual_attack_both_admissible() -> None:
    by = {c.speaker: c for c in commitments(to_networkx(read_map(DATA / "cycle.yaml")))}
    assert by["authors"].admissible
    assert by["rivals"].admissible


def test_position_takes_inferences_with_all_premises_mine() -> None:
    G = _graph(
        [("t", "x"), ("a", "x"), ("b", "y")],
        [("r", "support", ("a", "b"), "t"), ("s", "support", ("a",), "t")],
    )
    assert position(G, "x") == (["a", "t"], ["s"])
    assert position(G, "y") == (["b"], [])


def test_concession_objection_is_not_the_speakers_argument() -> None:
    G = _graph(
        [("t", "authors"), ("fact", "authors"), ("ans", "authors")],
        [("obj", "opposition", ("fact",), "t"), ("cut", "undercut", ("ans",), "obj")],
    )
    G.nodes["fact"]["role"] = "concession"
    (authors,) = commitments(G)
    assert authors.arguments == ("cut",)
    assert (authors.conflict_free, authors.admissible, authors.unanswered) == (True, True, ())


def _by_definition(G: Any, support: str) -> list[tuple[str, bool, bool, list[Any], list[Any]]]:
    """Each speaker's verdict straight from the definitions, attack by attack."""
    fw = framework_of(G, support)
    attacks = [(str(a), str(b)) for a in fw for b in fw.attacked_by(a)]
    found = []
    for speaker in sorted({G.nodes[c]["by"] for c in claim_nodes(G)}):
        claims, args = position(G, speaker)
        members = {*claims, *args}
        hit = {b for a, b in attacks if a in members}
        conflicts = sorted((a, b) for a, b in attacks if a in members and b in members)
        unanswered = sorted(
            (a, b) for a, b in attacks if b in members and a not in members and a not in hit
        )
        found.append(
            (speaker, not conflicts, not conflicts and not unanswered, conflicts, unanswered)
        )
    return found


@settings(max_examples=80, deadline=None)
@given(m=maps(Path(tempfile.mkdtemp())), support=st.sampled_from(["necessary", "deductive"]))
def test_commitments_are_the_definitions(m: Map, support: str) -> None:
    G = to_networkx(m)
    got = [
        (c.speaker, c.conflict_free, c.admissible, list(c.conflicts), list(c.unanswered))
        for c in commitments(G, support)
    ]
    assert got == _by_definition(G, support)
