"""Grading a student's map: alignment by quotes, scores, wrong kinds, reports, same source."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.load import load_map, read_map
from argmap.model import Claim, Map, Relation, Span
from argmap.teach.compare import (
    Alignment,
    Score,
    align_claims,
    compare,
    format_markdown,
    format_text,
    overlap,
    restrict,
    to_dict,
)

DATA = Path(__file__).parent / "data" / "teach"


def test_alignment_by_quote_not_id() -> None:
    student, reference = read_map(DATA / "student.yaml"), read_map(DATA / "reference.yaml")
    assert align_claims(student, reference) == [
        Alignment("no-homework", "abolish", 1.0),
        Alignment("takes-time", "takes-time", 1.0),
        Alignment("builds-discipline", "builds-discipline", 1.0),
        Alignment("discipline-elsewhere", "discipline-elsewhere", 1.0),
        Alignment("no-gain", "no-gain", 20 / 39),
        Alignment("play-cooperate", "play-cooperate", 1.0),
    ]


def test_threshold_drops_the_short_quote() -> None:
    student, reference = read_map(DATA / "student.yaml"), read_map(DATA / "reference.yaml")
    c = compare(student, reference, min_overlap=0.6)
    assert c.missed_claims == ("sleep-learn", "no-gain")
    assert c.extra_claims == ("no-gain", "gazette")
    assert c.claims == Score(5, 7, 7)


def test_scores_and_lists() -> None:
    student, reference = read_map(DATA / "student.yaml"), read_map(DATA / "reference.yaml")
    c = compare(student, reference)
    assert c.claims == Score(6, 7, 7)
    assert c.relations == Score(2, 4, 5)
    assert (c.relations.precision, c.relations.recall) == (0.5, 0.4)
    assert round(c.relations.f1, 4) == 0.4444
    assert c.thesis_found is True
    assert c.missed_claims == ("sleep-learn",)
    assert c.extra_claims == ("gazette",)
    assert c.matched_relations == (
        ("builds-discipline--opposes--no-homework", "discipline-objection"),
        ("takes-time--supports--no-homework", "takes-time--supports--abolish"),
    )
    assert c.wrong_kind == (
        (
            "discipline-elsewhere--supports--builds-discipline",
            "discipline-elsewhere--opposes--builds-discipline",
        ),
    )
    assert c.missed_relations == ("no-gain--undercuts--discipline-objection", "lost-sleep")
    assert c.extra_relations == ("gazette--supports--no-homework",)


def test_a_map_against_itself_scores_one() -> None:
    reference = read_map(DATA / "reference.yaml")
    c = compare(reference, reference)
    assert (c.claims.f1, c.relations.f1, c.thesis_found) == (1.0, 1.0, True)
    assert c.missed_relations == c.extra_relations == ()
    assert c.wrong_kind == ()


def test_undercut_matches_through_its_matched_target() -> None:
    reference = read_map(DATA / "reference.yaml")
    c = compare(reference, reference)
    assert ("no-gain--undercuts--discipline-objection",) * 2 in c.matched_relations


def test_thesis_not_found() -> None:
    student, reference = read_map(DATA / "student.yaml"), read_map(DATA / "reference.yaml")
    c = compare(replace(student, thesis="takes-time"), reference)
    assert c.thesis_found is False
    assert "  thesis: NOT found (reference thesis 'abolish', yours 'takes-time')" in (
        format_text(c).splitlines()
    )


def test_convergent_is_not_linked() -> None:
    c = compare(read_map(DATA / "cycle.yaml"), read_map(DATA / "reference.yaml"))
    # cycle: takes-time supports abolish (matched), takes-time supports sleep-learn and
    # sleep-learn supports takes-time (extra); the linked lost-sleep is not the same
    assert c.relations == Score(1, 3, 5)
    assert c.wrong_kind == ()


def test_same_text_under_another_path_is_fine() -> None:
    c = compare(read_map(DATA / "copy-source.yaml"), read_map(DATA / "reference.yaml"))
    assert c.claims == Score(1, 1, 7)
    assert c.relations == Score(0, 0, 5)
    assert (c.relations.precision, c.relations.f1) == (0.0, 0.0)


def test_different_source_is_an_error() -> None:
    with pytest.raises(ArgmapError) as info:
        compare(read_map(DATA / "student.yaml"), read_map(DATA / "other-source.yaml"))
    [d] = info.value.diagnostics
    assert (d.code, d.line, d.column) == ("different-source", 3, 1)
    assert d.file.endswith("student.yaml")
    assert "'essay.txt'" in d.message
    assert "'other.txt'" in d.message


def test_overlap() -> None:
    assert overlap(Span(0, 10), Span(0, 10)) == 1.0
    assert overlap(Span(0, 10), Span(5, 10)) == 0.5
    assert overlap(Span(0, 4), Span(6, 9)) == 0.0


def test_text_report() -> None:
    student, reference = read_map(DATA / "student.yaml"), read_map(DATA / "reference.yaml")
    lines = format_text(compare(student, reference)).splitlines()
    s, r = str(DATA / "student.yaml"), str(DATA / "reference.yaml")
    assert lines[1:4] == [
        (
            "  claims: 6 matched of 7 yours and 7 in the reference "
            "(precision 86%, recall 86%, F1 0.86)"
        ),
        (
            "  relations: 2 matched of 4 yours and 5 in the reference "
            "(precision 50%, recall 40%, F1 0.44)"
        ),
        "  thesis: found (reference thesis 'abolish', yours 'no-homework')",
    ]
    assert lines[4:7] == [
        "Missed claims (in the reference, not in your map):",
        f"  sleep-learn (evidence, ¶3, {r}:18:5): “Children who sleep more learn more.”",
        "Extra claims (in your map, not in the reference):",
    ]
    assert f"  gazette (authority, ¶4, {s}:42:5): “Published by the School Gazette.”" in lines
    assert (
        f"  discipline-elsewhere supports builds-discipline ({s}:31:16): “discipline grows "
        "better from sports and music” supports “Teachers say homework builds discipline.”; "
        f"the reference has opposition (discipline-elsewhere--opposes--builds-discipline, "
        f"{r}:31:15)"
    ) in lines
    assert (
        f"  no-gain undercuts discipline-objection ({r}:36:17): “Studies show no gain in "
        "primary school.” undercuts the inference builds-discipline opposes abolish"
    ) in lines
    assert lines[-2:] == [
        "  no-homework = reference abolish (overlap 1.00)",
        "  no-gain = reference no-gain (overlap 0.51)",
    ]


def test_markdown_report() -> None:
    student, reference = read_map(DATA / "student.yaml"), read_map(DATA / "reference.yaml")
    md = format_markdown(compare(student, reference))
    assert "| claims | 6 | 7 | 7 | 86% | 86% | 0.86 |" in md
    assert "| relations | 2 | 4 | 5 | 50% | 40% | 0.44 |" in md
    assert "## Relations with the right claims but the wrong kind" in md
    assert "\n- gazette supports no-homework (" in md


def test_json_report() -> None:
    student, reference = read_map(DATA / "student.yaml"), read_map(DATA / "reference.yaml")
    d = json.loads(json.dumps(to_dict(compare(student, reference))))
    assert d["claims"] == {
        "matched": 6,
        "student": 7,
        "reference": 7,
        "precision": 0.8571,
        "recall": 0.8571,
        "f1": 0.8571,
    }
    assert d["missed_claims"][0]["quote"] == "Children who sleep more learn more."
    assert [e["id"] for e in d["missed_relations"]] == [
        "no-gain--undercuts--discipline-objection",
        "lost-sleep",
    ]
    assert d["missed_relations"][1]["quotes"] == {
        "takes-time": "It takes time away from play and sleep.",
        "sleep-learn": "Children who sleep more learn more.",
        "abolish": "Homework should be abolished.",
    }
    assert d["wrong_kind"][0]["student"]["kind"] == "support"
    assert d["wrong_kind"][0]["reference"]["kind"] == "opposition"


def test_paragraph_exercise() -> None:
    student, reference = read_map(DATA / "student.yaml"), read_map(DATA / "reference.yaml")
    c = compare(student, reference, paragraphs=(2, 3))
    assert c.claims == Score(4, 4, 5)
    assert c.relations == Score(0, 1, 1)
    assert c.missed_claims == ("sleep-learn",)
    assert c.extra_claims == ()
    assert len(c.wrong_kind) == 1
    assert c.missed_relations == c.extra_relations == ()
    assert c.thesis_found is None
    lines = format_text(c).splitlines()
    assert lines[0].endswith("(paragraphs 2-3, quotes overlap ≥ 0.5)")
    assert lines[3] == "  thesis: not graded (the reference thesis lies outside these paragraphs)"
    assert to_dict(c)["paragraphs"] == [2, 3]


def test_restrict_keeps_relations_among_kept_claims() -> None:
    part = restrict(read_map(DATA / "reference.yaml"), 1, 2)
    assert [c.id for c in part.claims] == [
        "abolish",
        "takes-time",
        "builds-discipline",
        "discipline-elsewhere",
        "no-gain",
    ]
    assert [r.id for r in part.relations] == [
        "takes-time--supports--abolish",
        "discipline-elsewhere--opposes--builds-discipline",
        "no-gain--undercuts--discipline-objection",
        "discipline-objection",
    ]


def test_example_exercise_against_the_essay_map() -> None:
    essay = DATA.parent.parent.parent / "claims.yaml"
    if not essay.exists():
        pytest.skip("claims.yaml is not written yet")
    student = read_map(DATA / "student-9-12.yaml")
    c = compare(student, read_map(essay), paragraphs=(9, 12))
    assert c.thesis_found is None  # the essay's thesis is in paragraph 1
    assert c.claims.student == len(student.claims)
    assert {a.student for a in c.alignment} | set(c.extra_claims) == {
        claim.id for claim in student.claims
    }
    assert ("workers-state", "trotsky-workers-state") in {
        (a.student, a.reference) for a in c.alignment
    }


# --- near misses and disagreements (issue 12) ----------------------------------


def _near_maps() -> tuple[Map, Map]:
    text = "Cats purr. Cats sleep a lot. Dogs bark. So cats are happy."

    def claim(i: str, quote: str, role: str = "evidence", by: str = "authors") -> Claim:
        start = text.index(quote)
        return Claim(i, i, quote, role, by, span=Span(start, start + len(quote)), paragraph=1)

    def rel(i: str, premises: tuple[str, ...], target: str, kind: str = "support") -> Relation:
        return Relation(i, kind, premises, target)  # type: ignore[arg-type]

    ref = Map(
        "r", "happy", "e.txt", source_text=text, file="ref.yaml",
        claims=(
            claim("happy", "So cats are happy.", "thesis"),
            claim("purr", "Cats purr."),
            claim("sleep", "Cats sleep a lot."),
            claim("bark", "Dogs bark.", "opponent", "dogs"),
        ),
        relations=(rel("both", ("purr", "sleep"), "happy"), rel("b", ("bark",), "purr")),
    )  # fmt: skip
    stu = Map(
        "s", "h", "e.txt", source_text=text, file="stu.yaml",
        claims=(
            claim("h", "So cats are happy.", "thesis"),
            claim("p", "Cats purr.", "claim"),
            claim("s", "Cats sleep a lot."),
            claim("d", "Dogs bark.", "opponent"),
        ),
        relations=(rel("ph", ("p",), "h"), rel("dsp", ("d", "s"), "p")),
    )  # fmt: skip
    return stu, ref


def test_near_misses_premise_subset_and_superset() -> None:
    c = compare(*_near_maps())
    assert c.near_misses == (("ph", "both"), ("dsp", "b"))
    assert c.missed_relations == c.extra_relations == ()
    assert c.relations == Score(0, 2, 2)  # near misses still count as missed and extra


def test_role_and_speaker_disagreements() -> None:
    c = compare(*_near_maps())
    assert c.disagreements == (
        ("p", "purr", "role", "claim", "evidence"),
        ("d", "bark", "by", "authors", "dogs"),
    )


def test_near_misses_in_the_report() -> None:
    lines = format_text(compare(*_near_maps())).splitlines()
    start = lines.index("Near misses: the right target, premises left out or added:")
    assert lines[start + 1 : start + 7] == [
        (
            "  p supports h (stu.yaml:0:0): “Cats purr.” supports “So cats are happy.”; "
            "the reference has purr + sleep supports happy (both, ref.yaml:0:0)"
        ),
        (
            "  d + s supports p (stu.yaml:0:0): “Dogs bark.” + “Cats sleep a lot.” supports "
            "“Cats purr.”; the reference has bark supports purr (b, ref.yaml:0:0)"
        ),
        "Claims matched with another role or speaker:",
        "  p: role claim, the reference's purr has evidence",
        "  d: speaker authors, the reference's bark has dogs",
        "Claims matched under another id or a different quote:",
    ]


def test_markdown_report_keeps_students_texts_inert(tmp_path: Path) -> None:

    payload = "<img src=x onerror=alert(1)> [y](javascript:alert(2))"
    (tmp_path / "e.txt").write_text(f"A. {payload}\n", encoding="utf-8")
    head = "argmap: 1\ntitle: t\nsource: e.txt\nthesis: a\nclaims:\n"
    ref = load_map(head + "  - {id: a, text: A, quote: A, role: thesis}\n", "ref.yaml", tmp_path)
    student = load_map(
        head
        + "  - {id: a, text: A, quote: A, role: thesis}\n"
        + f"  - {{id: x, text: X, quote: '{payload}', role: evidence, supports: [a]}}\n",
        "student.yaml",
        tmp_path,
    )
    report = format_markdown(compare(student, ref))
    assert "\\<img src=x onerror=alert(1)\\> \\[y\\](javascript:alert(2))" in report
    assert "<img" not in report.replace("\\<img", "")


def _align_before(student: Map, reference: Map, min_overlap: float) -> list[Alignment]:
    """``align_claims`` before issue 9: every pair scored, sorted, taken greedily."""
    pairs = sorted(
        (-overlap(s.span, r.span), s.id, r.id)
        for s in student.claims
        for r in reference.claims
        if s.span and r.span and overlap(s.span, r.span) >= min_overlap
    )
    used_s: set[str] = set()
    used_r: set[str] = set()
    found: dict[str, Alignment] = {}
    for neg, s_id, r_id in pairs:
        if s_id not in used_s and r_id not in used_r:
            used_s |= {s_id}
            used_r |= {r_id}
            found[s_id] = Alignment(s_id, r_id, -neg)
    return [found[c.id] for c in student.claims if c.id in found]


def _spanned(prefix: str, spans: list[tuple[int, int] | None]) -> Map:
    claims = tuple(
        Claim(
            id=f"{prefix}{i}",
            text="t",
            quote="q",
            role="claim",
            by="authors",
            span=Span(min(s), max(s)) if s else None,
        )
        for i, s in enumerate(spans)
    )
    return Map(title="", thesis=claims[0].id, source="", claims=claims, relations=())


_SPANS = st.lists(
    st.one_of(st.none(), st.tuples(st.integers(0, 12), st.integers(0, 12))), min_size=1, max_size=8
)


@settings(max_examples=400, deadline=None)
@given(_SPANS, _SPANS, st.sampled_from([0.0, 0.1, 0.3, 0.5, 0.75, 1.0, 1.5]))
def test_alignment_as_before_issue_9(
    mine: list[tuple[int, int] | None], theirs: list[tuple[int, int] | None], least: float
) -> None:
    student, reference = _spanned("s", mine), _spanned("r", theirs)
    assert align_claims(student, reference, least) == _align_before(student, reference, least)
