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
quiz.  Only the questions picked are written out: a quiz of ten questions
about a map of 10^5 claims drafts ten prompts and reads the distractor pools
of ten.

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
from collections import Counter
from collections.abc import Callable, Collection, Container, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import Any

from argmap.escape import markdown_text
from argmap.model import ROLES, Claim, Map

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
    """The texts of ``items`` whose id is not in ``skip``, in order.

    A distractor pool is most of the map; it is filtered when a question is
    asked, not copied for every question drafted.
    """

    items: Iterable[tuple[str, str]]
    skip: Container[str] = ()

    def __iter__(self) -> Iterator[str]:
        skip = self.skip
        return (text for i, text in self.items if i not in skip)


@dataclass(frozen=True)
class _Draft:
    """A question before sampling: the answer and the pool of distractors."""

    kind: str
    subject: str
    prompt: str
    answer: str
    pool: Iterable[str]
    fallback: Iterable[str] = ()


#: a question before it is drafted: its claim and, for some kinds, the answer's claim id
_Key = tuple[Claim, str]


@dataclass(frozen=True)
class _Kind:
    """The questions of one kind that can be asked, in the order listed; drafted when picked.

    ``keys`` holds only questions with a distractor, so sampling needs no
    draft: a quiz of ten questions drafts ten, whatever the size of the map.
    """

    keys: list[_Key]
    draft: Callable[[_Key], _Draft]


def _said(c: Claim) -> str:
    return f"“{c.text}”"


def _quoted(c: Claim) -> str:
    return f"“{' '.join(c.quote.split())}”"


def _role(role: str) -> str:
    return f"{role}: {ROLES[role]}" if role in ROLES else role


class _Facts:
    """What the kinds of question share about a map, each fact computed once, when needed."""

    def __init__(self, m: Map) -> None:
        self.m = m
        self.claims = {c.id: c for c in m.claims}
        self.texts = [(c.id, c.text) for c in m.claims]
        self.text_count = Counter(c.text for c in m.claims)

    def other_text(self, answer: str, subject: str, skip: Collection[str]) -> bool:
        """Whether a claim other than ``subject`` and those in ``skip`` has another text.

        Counted, not searched: the claims whose text is not ``answer``, less
        those skipped.
        """
        others = len(self.claims) - self.text_count[answer]
        if others > len(skip) + 1:  # more than could be skipped
            return True
        return others > sum(self.claims[i].text != answer for i in {subject, *skip})

    @cached_property
    def by_paragraph(self) -> dict[int, list[Claim]]:
        """The claims quoting each paragraph."""
        found: dict[int, list[Claim]] = {}
        for c in self.m.claims:
            found.setdefault(c.paragraph, []).append(c)
        return found


@dataclass(frozen=True)
class _Quotes:
    """Each claim's id and its quote as a choice shows it, made as they are read."""

    claims: Sequence[Claim]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return ((c.id, _quoted(c)) for c in self.claims)


def _supports(f: _Facts) -> _Kind:
    """Which claim does A support?  Distractors: other conclusions first, then any claim."""
    supported_by: dict[str, set[str]] = {}
    for r in f.m.relations:
        if r.kind == "support":
            for p in r.premises:
                supported_by.setdefault(p, set()).add(r.target)
    targets = {t for ts in supported_by.values() for t in ts}
    conclusions = [(i, text) for i, text in f.texts if i in targets]
    rest = [(i, text) for i, text in f.texts if i not in targets]

    def draft(key: _Key) -> _Draft:
        c, t = key
        skip = {c.id, *supported_by[c.id]}
        return _Draft(
            "supports",
            c.id,
            f"Which claim does {_said(c)} support?",
            f.claims[t].text,
            _Others(conclusions, skip),
            _Others(rest, skip),
        )

    keys = [
        (c, t)
        for c in f.m.claims
        for t in sorted(supported_by.get(c.id, ()))
        if f.other_text(f.claims[t].text, c.id, supported_by[c.id])
    ]
    return _Kind(keys, draft)


def _speaker(f: _Facts) -> _Kind:
    """Who asserts B?  Distractors: the other speakers (asked only if there are others)."""
    m = f.m
    names = {by: m.speaker_name(by) for by in {c.by for c in m.claims}}
    speakers = sorted({*names.values(), *m.speakers.values()})

    def draft(key: _Key) -> _Draft:
        c, who = key[0], names[key[0].by]
        rivals = tuple(s for s in speakers if s != who)
        return _Draft("speaker", c.id, f"Who asserts {_said(c)}?", who, rivals)

    return _Kind([(c, "") for c in m.claims] if len(speakers) > 1 else [], draft)


def _answers(f: _Facts) -> _Kind:
    """What answers the objection C?  (an opposition to C, or an undercut of C's inference)."""
    m = f.m
    from_claim: dict[str, list[str]] = {}
    for r in m.relations:
        for p in r.premises:
            from_claim.setdefault(p, []).append(r.id)
    objecting = {p for r in m.relations if r.kind == "opposition" for p in r.premises}
    answers_to: dict[str, set[str]] = {}
    for c in m.claims:
        if c.id not in objecting:
            continue
        from_c = set(from_claim[c.id])
        answers_to[c.id] = {
            p
            for r in (
                *m.relations_into(c.id),
                *(u for t in sorted(from_c) for u in m.relations_into(t)),
            )
            if (r.kind == "opposition" and r.target == c.id)
            or (r.kind == "undercut" and r.target in from_c)
            for p in r.premises
        }

    def draft(key: _Key) -> _Draft:
        c, a = key
        others = _Others(f.texts, {c.id, *answers_to[c.id]})
        prompt = f"What answers the objection {_said(c)}?"
        return _Draft("answers", c.id, prompt, f.claims[a].text, others)

    keys = [
        (c, a)
        for c, answers in ((f.claims[i], answers_to[i]) for i in answers_to)
        for a in sorted(answers)
        if f.other_text(f.claims[a].text, c.id, answers)
    ]
    return _Kind(keys, draft)


def _quote(f: _Facts) -> _Kind:
    """Which passage states D?  Distractors: quotes of the same paragraph first."""

    def draft(key: _Key) -> _Draft:
        c = key[0]
        same = f.by_paragraph[c.paragraph]
        return _Draft(
            "quote",
            c.id,
            f"Which passage of the essay states {_said(c)}?",
            _quoted(c),
            _Others(_Quotes(same), {c.id}),
            _Others(_Quotes(f.m.claims), {x.id for x in same}),
        )

    # a claim is asked about if some other claim's quote shows otherwise: then every one is
    claims = f.m.claims
    first = _quoted(claims[0]) if claims else ""
    askable = any(_quoted(c) != first for c in claims)
    return _Kind([(c, "") for c in claims] if askable else [], draft)


def _role_kind(f: _Facts) -> _Kind:
    """What role does E play?  Distractors: the other roles, those the map uses first."""
    used = {c.role for c in f.m.claims}
    askable = {role: any(_role(r) != _role(role) for r in ROLES if r != role) for role in used}

    def draft(key: _Key) -> _Draft:
        c = key[0]
        return _Draft(
            "role",
            c.id,
            f"What role does {_said(c)} play in the argument?",
            _role(c.role),
            tuple(_role(r) for r in ROLES if r in used and r != c.role),
            tuple(_role(r) for r in ROLES if r not in used and r != c.role),
        )

    return _Kind([(c, "") for c in f.m.claims if askable[c.role]], draft)


#: the kinds of question (the order of :data:`KINDS`), each listing what it can ask
_ASKERS: dict[str, Callable[[_Facts], _Kind]] = {
    "supports": _supports,
    "speaker": _speaker,
    "answers": _answers,
    "quote": _quote,
    "role": _role_kind,
}


def _distractors(rng: random.Random, d: _Draft) -> list[str]:
    """Up to three wrong choices: from ``d.pool`` first, then from ``d.fallback``.

    The fallback is not read once the pool gave three (sampling none would
    draw no random number either).
    """
    picked: list[str] = []
    for group in (d.pool, d.fallback):
        if len(picked) == _CHOICES - 1:
            break
        unique = [x for x in dict.fromkeys(group) if x != d.answer and x not in picked]
        picked += rng.sample(unique, min(_CHOICES - 1 - len(picked), len(unique)))
    return picked


def make_quiz(m: Map, seed: int = 0, count: int = 10) -> list[Question]:
    """Up to ``count`` multiple-choice questions about ``m``, chosen by ``seed``.

    Questions with no distractor are never asked.  Fewer than ``count``
    questions are returned when the map does not offer that many.  Only the
    questions picked are drafted: each kind lists what it can ask, the lists
    are shuffled as positions, and the picked positions become questions.
    """
    rng = random.Random(seed)  # noqa: S311 - a reproducible quiz, not a secret
    facts = _Facts(m)
    kinds = [_ASKERS[kind](facts) for kind in KINDS]
    by_kind = [list(range(len(k.keys))) for k in kinds]
    for group in by_kind:
        rng.shuffle(group)
    offered = sum(len(k.keys) for k in kinds)
    picked: list[tuple[_Kind, int]] = []
    while len(picked) < min(count, offered):
        for kind, group in zip(kinds, by_kind, strict=True):
            if group and len(picked) < count:
                picked.append((kind, group.pop()))
    rng.shuffle(picked)
    questions = []
    for kind, i in picked:
        d = kind.draft(kind.keys[i])
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
