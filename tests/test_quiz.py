"""Quiz: the questions a map offers, right answers, distractors from the map, seeds."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.load import read_map
from argmap.model import Claim, Map, Relation
from argmap.teach.quiz import KINDS, Question, format_markdown, make_quiz, to_dicts

DATA = Path(__file__).parent / "data" / "teach"


@pytest.fixture
def ref() -> Map:
    return read_map(DATA / "reference.yaml")


def test_every_question_is_offered_once(ref: Map) -> None:
    quiz = make_quiz(ref, seed=0, count=100)
    assert Counter(q.kind for q in quiz) == {
        "supports": 2,  # takes-time and sleep-learn support abolish
        "speaker": 7,
        "answers": 2,  # discipline-elsewhere and no-gain answer builds-discipline
        "quote": 7,
        "role": 7,
    }
    assert len({(q.kind, q.subject, q.correct) for q in quiz}) == 25


def test_same_seed_same_quiz_other_seed_other_quiz(ref: Map) -> None:
    assert make_quiz(ref, seed=4, count=6) == make_quiz(ref, seed=4, count=6)
    assert make_quiz(ref, seed=4, count=6) != make_quiz(ref, seed=5, count=6)


def test_kinds_take_turns(ref: Map) -> None:
    assert sorted(q.kind for q in make_quiz(ref, seed=9, count=5)) == sorted(KINDS)


def test_answers_and_distractors(ref: Map) -> None:
    texts = {c.id: c.text for c in ref.claims}
    for q in make_quiz(ref, seed=1, count=100):
        assert q.choices.count(q.correct) == 1
        assert len(set(q.choices)) == len(q.choices)
        assert 2 <= len(q.choices) <= 4
        if q.kind == "answers":
            # the other right answer is never offered as a wrong one
            assert set(q.choices) & {texts["discipline-elsewhere"], texts["no-gain"]} == {q.correct}
        if q.kind == "supports":
            assert q.correct == texts["abolish"]
        if q.kind == "speaker":
            want = "Teachers" if q.subject == "builds-discipline" else "The author"
            assert (q.correct, sorted(q.choices)) == (want, ["Teachers", "The author"])
        if q.kind == "role":
            assert q.correct.split(":")[0] == ref.claim(q.subject).role
        if q.kind == "quote":
            assert q.correct == f"“{ref.claim(q.subject).quote}”"


def test_quote_distractors_prefer_the_same_paragraph(ref: Map) -> None:
    q = next(
        q for q in make_quiz(ref, seed=2, count=100) if q.kind == "quote" and q.subject == "no-gain"
    )
    assert {
        "“Teachers say homework builds discipline.”",
        "“discipline grows better from sports and music”",
    } <= set(q.choices)


def test_count_is_respected(ref: Map) -> None:
    assert len(make_quiz(ref, seed=0, count=3)) == 3


def test_exact_quiz_for_a_seed(ref: Map) -> None:
    assert make_quiz(ref, seed=7, count=2) == [
        Question(
            "speaker",
            "takes-time",
            "Who asserts “Homework takes time from play and sleep.”?",
            ("Teachers", "The author"),
            1,
        ),
        Question(
            "supports",
            "sleep-learn",
            "Which claim does “Children who sleep more learn more.” support?",
            (
                "Play teaches cooperation.",
                "Homework takes time from play and sleep.",
                "Homework should be abolished.",
                "Discipline grows better from sports and music.",
            ),
            2,
        ),
    ]


def test_markdown_and_json() -> None:
    q = Question("role", "a", "What role?", ("thesis", "claim", "example"), 2)
    assert format_markdown([q]) == (
        "# Quiz\n\n1. What role?\n   - a) thesis\n   - b) claim\n   - c) example\n\n"
        "## Answers\n\n1. c) example"
    )
    assert json.loads(json.dumps(to_dicts([q]))) == [
        {
            "kind": "role",
            "subject": "a",
            "prompt": "What role?",
            "choices": ["thesis", "claim", "example"],
            "answer": 2,
            "correct": "example",
        }
    ]


def test_a_one_speaker_map_asks_no_speaker_question() -> None:
    m = read_map(DATA / "cycle.yaml")
    kinds = {q.kind for q in make_quiz(m, seed=0, count=100)}
    assert kinds == {"supports", "quote", "role"}


# --- the quiz before issue 9 (commit 89d7b3d): the oracle the lazy drafting must match ---


def _quiz_before(m: Map, seed: int, count: int) -> list[Question]:
    """``make_quiz`` as it was: every question drafted, then sampled (O(N) per draft)."""
    import random

    from argmap.model import ROLES

    def said(c: Claim) -> str:
        return f"“{c.text}”"

    def role(r: str) -> str:
        return f"{r}: {ROLES[r]}" if r in ROLES else r

    def others(items: list[tuple[str, str]], *skip: set[str]) -> list[str]:
        return [text for i, text in items if not any(i in s for s in skip)]

    claims = {c.id: c for c in m.claims}
    texts = [(c.id, c.text) for c in m.claims]
    supported_by: dict[str, set[str]] = {}
    from_claim: dict[str, list[Relation]] = {}
    for r in m.relations:
        for p in r.premises:
            from_claim.setdefault(p, []).append(r)
            if r.kind == "support":
                supported_by.setdefault(p, set()).add(r.target)
    targets = {r.target for r in m.relations if r.kind == "support"}
    conclusions = [(c.id, c.text) for c in m.claims if c.id in targets]
    speakers = sorted({m.speaker_name(c.by) for c in m.claims} | set(m.speakers.values()))
    # (kind, subject, prompt, answer, pool, fallback)
    drafts: list[tuple[str, str, str, str, list[str], list[str]]] = []
    for c in m.claims:
        sup = supported_by.get(c.id, set())
        for t in sorted(sup):
            prompt = f"Which claim does {said(c)} support?"
            pool = others(conclusions, sup, {c.id})
            rest = others(texts, sup, targets, {c.id})
            drafts.append(("supports", c.id, prompt, claims[t].text, pool, rest))
    for c in m.claims:
        who = m.speaker_name(c.by)
        if len(speakers) > 1:
            rivals = [s for s in speakers if s != who]
            drafts.append(("speaker", c.id, f"Who asserts {said(c)}?", who, rivals, []))
    for c in m.claims:
        if not any(r.kind == "opposition" for r in from_claim.get(c.id, ())):
            continue
        from_c = {r.id for r in from_claim[c.id]}
        answers = {
            p
            for r in (
                *m.relations_into(c.id),
                *(u for t in sorted(from_c) for u in m.relations_into(t)),
            )
            if (r.kind == "opposition" and r.target == c.id)
            or (r.kind == "undercut" and r.target in from_c)
            for p in r.premises
        }
        prompt = f"What answers the objection {said(c)}?"
        pool = others(texts, answers, {c.id})
        drafts += [("answers", c.id, prompt, claims[a].text, pool, []) for a in sorted(answers)]
    quotes = [(c.id, f"“{' '.join(c.quote.split())}”") for c in m.claims]
    for c, (_i, quoted) in zip(m.claims, quotes, strict=True):
        same = {x.id for x in m.claims if x.paragraph == c.paragraph}
        pool = [
            q
            for (i, q), x in zip(quotes, m.claims, strict=True)
            if x.paragraph == c.paragraph and i != c.id
        ]
        prompt = f"Which passage of the essay states {said(c)}?"
        drafts.append(("quote", c.id, prompt, quoted, pool, others(quotes, same)))
    used = {c.role for c in m.claims}
    for c in m.claims:
        prompt = f"What role does {said(c)} play in the argument?"
        pool = [role(r) for r in ROLES if r in used and r != c.role]
        rest = [role(r) for r in ROLES if r not in used and r != c.role]
        drafts.append(("role", c.id, prompt, role(c.role), pool, rest))

    rng = random.Random(seed)
    drafts = [d for d in drafts if any(x != d[3] for x in d[4] + d[5])]
    by_kind = [[d for d in drafts if d[0] == kind] for kind in KINDS]
    for group in by_kind:
        rng.shuffle(group)
    picked: list[tuple[str, str, str, str, list[str], list[str]]] = []
    while len(picked) < min(count, len(drafts)):
        for group in by_kind:
            if group and len(picked) < count:
                picked.append(group.pop())
    rng.shuffle(picked)
    questions = []
    for kind, subject, prompt, answer, pool, fallback in picked:
        wrong: list[str] = []
        for group in (pool, fallback):
            unique = [x for x in dict.fromkeys(group) if x != answer and x not in wrong]
            wrong += rng.sample(unique, min(3 - len(wrong), len(unique)))
        choices = [answer, *wrong]
        rng.shuffle(choices)
        questions.append(Question(kind, subject, prompt, tuple(choices), choices.index(answer)))
    return questions


@st.composite
def _small_maps(draw: st.DrawFn) -> Map:
    """Maps of a few claims whose texts, quotes, roles and speakers often repeat."""
    n = draw(st.integers(1, 9))
    ids = [f"c{i}" for i in range(n)]
    pick = st.sampled_from
    claims = tuple(
        Claim(
            id=i,
            text=draw(pick(["A.", "B.", "C.", i])),
            quote=draw(pick(["qa", "q  a", "qb", i])),
            role=draw(pick(["thesis", "claim", "evidence", "objection"])),
            by=draw(pick(["authors", "kim", "bo"])),
            paragraph=draw(st.integers(0, 2)),
        )
        for i in ids
    )
    relations: list[Relation] = []
    for k in range(draw(st.integers(0, 12))):
        kinds = ["support", "opposition"] + (["undercut"] if relations else [])
        kind = draw(pick(kinds))
        target = draw(pick([r.id for r in relations])) if kind == "undercut" else draw(pick(ids))
        premises = tuple(draw(st.lists(pick(ids), min_size=1, max_size=2, unique=True)))
        relations.append(Relation(id=f"r{k}", kind=kind, premises=premises, target=target))
    speakers = draw(pick([{}, {"kim": "Kim"}, {"kim": "Kim", "bo": "Kim"}, {"x": "X"}]))
    return Map("", "c0", "", claims, tuple(relations), speakers=speakers)


@settings(max_examples=300, deadline=None)
@given(_small_maps(), st.integers(0, 3), st.integers(1, 12))
def test_same_quiz_as_before_issue_9(m: Map, seed: int, count: int) -> None:
    assert make_quiz(m, seed=seed, count=count) == _quiz_before(m, seed, count)


def test_same_quiz_as_before_on_the_reference_map(ref: Map) -> None:
    for seed in range(6):
        for count in (1, 5, 100):
            assert make_quiz(ref, seed=seed, count=count) == _quiz_before(ref, seed, count)
