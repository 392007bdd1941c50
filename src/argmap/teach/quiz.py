"""Multiple-choice questions about a map, for students who read the essay.

Five kinds of question are drawn from the map, each with its correct answer
and up to three distractors taken from the same map:

- ``supports``: which claim does claim A support?  (distractors: other
  conclusions of the map first, then other claims; never one A also supports)
- ``speaker``: who asserts claim B?  (distractors: the other speakers)
- ``answers``: what answers the objection C?  (C is a claim that opposes
  another; the answer opposes C or undercuts an inference from it)
- ``quote``: which quote states claim D?  (distractors: quotes of other claims,
  those of the same paragraph first)
- ``role``: what role does claim E play?  (distractors: other roles, those
  used in the map first)

Every possible question is listed in a fixed order; then, with a
:class:`random.Random` seeded by ``seed``, the kinds take turns to give one
question each until ``count`` are picked (so a quiz mixes the kinds), and the
questions and their choices are shuffled: the same map and seed give the same
quiz.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> cs = (Claim(id="t", text="T.", quote="qt", role="thesis", by="authors"),
...       Claim(id="a", text="A.", quote="qa", role="evidence", by="authors"),
...       Claim(id="b", text="B.", quote="qb", role="claim", by="authors"))
>>> rs = (Relation(id="r", kind="support", premises=("a",), target="t"),
...       Relation(id="s", kind="support", premises=("b",), target="a"))
>>> m = Map(title="", thesis="t", source="", claims=cs, relations=rs)
>>> quiz = make_quiz(m, seed=1, count=3)
>>> sorted(q.kind for q in quiz)
['quote', 'role', 'supports']
>>> quiz == make_quiz(m, seed=1, count=3)
True
>>> q = next(q for q in quiz if q.kind == "supports")
>>> q.prompt, q.correct, len(q.choices)
('Which claim does “A.” support?', 'T.', 2)
"""

from __future__ import annotations

import random
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from argmap.escape import markdown_text
from argmap.model import ROLES, Claim, Map, Relation

__all__ = ["KINDS", "Question", "format_markdown", "make_quiz", "to_dicts"]

#: question kinds, in the order they are listed before sampling
KINDS = ("supports", "speaker", "answers", "quote", "role")
_CHOICES = 4


@dataclass(frozen=True)
class Question:
    """One multiple-choice question.

    Attributes
    ----------
    kind : one of :data:`KINDS`.
    subject : id of the claim the question is about.
    prompt : the question.
    choices : the possible answers, shuffled.
    answer : index of the correct choice in ``choices``.
    """

    kind: str
    subject: str
    prompt: str
    choices: tuple[str, ...]
    answer: int

    @property
    def correct(self) -> str:
        """The text of the correct choice."""
        return self.choices[self.answer]


@dataclass(frozen=True)
class _Others:
    """The texts of ``items`` whose id is in none of ``skip``, in order.

    A distractor pool is most of the map; it is filtered when a question is
    asked, not copied for every question drafted.
    """

    items: Sequence[tuple[str, str]]
    skip: tuple[Container[str], ...] = ()

    def __iter__(self) -> Iterator[str]:
        return (text for i, text in self.items if not any(i in s for s in self.skip))


@dataclass(frozen=True)
class _Draft:
    """A question before sampling: the answer and the pool of distractors."""

    kind: str
    subject: str
    prompt: str
    answer: str
    pool: Iterable[str]
    fallback: Iterable[str] = ()


def _said(c: Claim) -> str:
    return f"“{c.text}”"


def _quoted(c: Claim) -> str:
    return f"“{' '.join(c.quote.split())}”"


def _role(role: str) -> str:
    return f"{role}: {ROLES[role]}" if role in ROLES else role


def _drafts(m: Map) -> Iterator[_Draft]:
    claims = {c.id: c for c in m.claims}
    texts = [(c.id, c.text) for c in m.claims]
    order = {c.id: i for i, c in enumerate(m.claims)}
    supported_by: dict[str, set[str]] = {}
    from_claim: dict[str, list[Relation]] = {}
    for r in m.relations:
        for p in r.premises:
            from_claim.setdefault(p, []).append(r)
            if r.kind == "support":
                supported_by.setdefault(p, set()).add(r.target)
    conclusions = sorted(
        {r.target for r in m.relations if r.kind == "support"}, key=order.__getitem__
    )
    conclusion_set = set(conclusions)
    conclusion_texts = [(x, claims[x].text) for x in conclusions]
    speakers = sorted({m.speaker_name(c.by) for c in m.claims} | set(m.speakers.values()))
    for c in m.claims:
        supported = supported_by.get(c.id, set())
        pool = _Others(conclusion_texts, (supported, {c.id}))
        rest = _Others(texts, (supported, conclusion_set, {c.id}))
        for t in sorted(supported):
            yield _Draft(
                "supports",
                c.id,
                f"Which claim does {_said(c)} support?",
                claims[t].text,
                pool,
                rest,
            )
    for c in m.claims:
        who = m.speaker_name(c.by)
        if len(speakers) > 1:
            rivals = tuple(s for s in speakers if s != who)
            yield _Draft("speaker", c.id, f"Who asserts {_said(c)}?", who, rivals)
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
        others = _Others(texts, (answers, {c.id}))
        for a in sorted(answers):
            yield _Draft(
                "answers", c.id, f"What answers the objection {_said(c)}?", claims[a].text, others
            )
    quotes = [(c.id, _quoted(c)) for c in m.claims]
    by_paragraph: dict[int, list[tuple[str, str]]] = {}
    for c, q in zip(m.claims, quotes, strict=True):
        by_paragraph.setdefault(c.paragraph, []).append(q)
    same_paragraph = {n: {i for i, _q in qs} for n, qs in by_paragraph.items()}
    for c, (_i, quoted) in zip(m.claims, quotes, strict=True):
        yield _Draft(
            "quote",
            c.id,
            f"Which passage of the essay states {_said(c)}?",
            quoted,
            _Others(by_paragraph[c.paragraph], ({c.id},)),
            _Others(quotes, (same_paragraph[c.paragraph],)),
        )
    used = {c.role for c in m.claims}
    for c in m.claims:
        yield _Draft(
            "role",
            c.id,
            f"What role does {_said(c)} play in the argument?",
            _role(c.role),
            tuple(_role(r) for r in ROLES if r in used and r != c.role),
            tuple(_role(r) for r in ROLES if r not in used and r != c.role),
        )


def _distractors(rng: random.Random, d: _Draft) -> list[str]:
    """Up to three wrong choices: from ``d.pool`` first, then from ``d.fallback``."""
    picked: list[str] = []
    for group in (d.pool, d.fallback):
        unique = [x for x in dict.fromkeys(group) if x != d.answer and x not in picked]
        picked += rng.sample(unique, min(_CHOICES - 1 - len(picked), len(unique)))
    return picked


def _askable(d: _Draft) -> bool:
    """Whether the draft has at least one choice other than its answer."""
    return any(x != d.answer for group in (d.pool, d.fallback) for x in group)


def make_quiz(m: Map, seed: int = 0, count: int = 10) -> list[Question]:
    """Up to ``count`` multiple-choice questions about ``m``, chosen by ``seed``.

    Questions with no distractor are never asked.  Fewer than ``count``
    questions are returned when the map does not offer that many.
    """
    rng = random.Random(seed)  # noqa: S311 - a reproducible quiz, not a secret
    drafts = [d for d in _drafts(m) if _askable(d)]
    by_kind = [[d for d in drafts if d.kind == kind] for kind in KINDS]
    for group in by_kind:
        rng.shuffle(group)
    picked: list[_Draft] = []
    while len(picked) < min(count, len(drafts)):
        for group in by_kind:
            if group and len(picked) < count:
                picked.append(group.pop())
    rng.shuffle(picked)
    questions = []
    for d in picked:
        choices = [d.answer, *_distractors(rng, d)]
        rng.shuffle(choices)
        questions.append(
            Question(d.kind, d.subject, d.prompt, tuple(choices), choices.index(d.answer))
        )
    return questions


def to_dicts(questions: Sequence[Question]) -> list[dict[str, Any]]:
    """The questions as JSON-ready dictionaries (with ``correct``, the answer's text)."""
    return [{**asdict(q), "correct": q.correct} for q in questions]


def format_markdown(questions: Sequence[Question], title: str = "") -> str:
    """The quiz as Markdown: numbered questions with lettered choices, answers at the end.

    Texts from the map are escaped (:func:`argmap.escape.markdown_text`): they
    show as written and never become HTML, links or headings.

    Examples
    --------
    >>> q = Question("role", "a", "What role does “<b>” play?", ("thesis", "claim"), 1)
    >>> print(format_markdown([q], "Cats"))
    # Quiz: Cats
    <BLANKLINE>
    1. What role does “\\<b\\>” play?
       - a) thesis
       - b) claim
    <BLANKLINE>
    ## Answers
    <BLANKLINE>
    1. b) claim
    """
    md = markdown_text
    lines = [f"# Quiz: {md(title)}" if title.strip() else "# Quiz", ""]
    for n, q in enumerate(questions, start=1):
        lines.append(f"{n}. {md(q.prompt)}")
        lines += [f"   - {chr(97 + i)}) {md(choice)}" for i, choice in enumerate(q.choices)]
        lines.append("")
    lines += ["## Answers", ""]
    lines += [f"{n}. {chr(97 + q.answer)}) {md(q.correct)}" for n, q in enumerate(questions, 1)]
    return "\n".join(lines)
