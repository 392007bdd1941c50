"""Quiz: the questions a map offers, right answers, distractors from the map, seeds."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from argmap.load import read_map
from argmap.model import Map
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
