"""Argumentation schemes and their critical questions (after Walton, Reed and Macagno).

A scheme names the pattern of an inference; its critical questions are the
standard ways to challenge it.  A relation lists in ``answered`` the questions
the essay itself answers; the others are open (see the ``open-questions``
lint).

Examples
--------
>>> SCHEMES["expert-opinion"].name
'Argument from expert opinion'
>>> [q.id for q in SCHEMES["sign"].questions]
['strength', 'other-events']
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SCHEMES", "CriticalQuestion", "Scheme"]


@dataclass(frozen=True)
class CriticalQuestion:
    """A standard challenge to an inference of some scheme."""

    id: str
    text: str


@dataclass(frozen=True)
class Scheme:
    """An argumentation scheme: a name and its critical questions."""

    id: str
    name: str
    questions: tuple[CriticalQuestion, ...]


def _scheme(scheme_id: str, name: str, *questions: tuple[str, str]) -> Scheme:
    return Scheme(scheme_id, name, tuple(CriticalQuestion(q, t) for q, t in questions))


SCHEMES: dict[str, Scheme] = {
    s.id: s
    for s in (
        _scheme(
            "expert-opinion",
            "Argument from expert opinion",
            ("expertise", "Is the source a genuine expert in this field?"),
            ("field", "Is the claim within the expert's field?"),
            ("opinion", "What exactly did the expert assert, and is it quoted faithfully?"),
            ("trustworthiness", "Is the expert personally reliable and unbiased?"),
            ("consistency", "Do other experts agree?"),
            ("backup-evidence", "Is the assertion based on evidence?"),
        ),
        _scheme(
            "position-to-know",
            "Argument from position to know",
            ("position", "Is the source in a position to know?"),
            ("honesty", "Is the source honest and reliable?"),
            ("assertion", "Did the source really assert it?"),
        ),
        _scheme(
            "cause-to-effect",
            "Argument from cause to effect",
            ("strength", "How strong is the causal generalisation?"),
            ("evidence", "Is the evidence for the cause good enough?"),
            ("interference", "Could other factors interfere with the effect?"),
        ),
        _scheme(
            "effect-to-cause",
            "Argument from effect to cause (abduction)",
            ("alternatives", "Are there other explanations of the effect?"),
            ("evidence", "Is the effect really observed?"),
        ),
        _scheme(
            "sign",
            "Argument from sign",
            ("strength", "How strong is the correlation of sign and signified?"),
            ("other-events", "Are there other events that would better explain the sign?"),
        ),
        _scheme(
            "example",
            "Argument from example",
            ("true", "Is the example actually true?"),
            ("supports", "Does the example support the general claim?"),
            ("typical", "Is the example typical of the cases in question?"),
            ("counter-examples", "Are there counter-examples?"),
        ),
        _scheme(
            "analogy",
            "Argument from analogy",
            ("similar", "Are the two cases similar in the respects cited?"),
            ("differences", "Are there relevant differences between the cases?"),
            ("counter-analogy", "Is there a similar case that points the other way?"),
        ),
        _scheme(
            "consequences",
            "Argument from consequences",
            ("likely", "How likely are the consequences?"),
            ("evidence", "What evidence supports that they will occur?"),
            ("opposite", "Are there consequences of the opposite value?"),
        ),
        _scheme(
            "practical-reasoning",
            "Practical reasoning",
            ("alternatives", "Are there other ways to reach the goal?"),
            ("possible", "Is the action possible?"),
            ("side-effects", "Does the action have bad side effects?"),
            ("conflicting-goals", "Does the goal conflict with other goals?"),
        ),
        _scheme(
            "commitment",
            "Argument from commitment",
            ("committed", "Is the arguer really committed to the premise?"),
            ("changed", "Could the commitment have changed?"),
        ),
        _scheme(
            "verbal-classification",
            "Argument from verbal classification",
            ("definite", "Does the case definitely have the property?"),
            ("classification", "Is the classification itself sound?"),
        ),
        _scheme(
            "established-rule",
            "Argument from an established rule",
            ("rule", "Does the rule really exist and apply here?"),
            ("exception", "Is this case an exception to the rule?"),
        ),
        _scheme(
            "correlation-to-cause",
            "Argument from correlation to cause",
            ("correlation", "Is there really a correlation?"),
            ("coincidence", "Could it be coincidence?"),
            ("third-factor", "Could a third factor cause both?"),
        ),
        _scheme(
            "popular-opinion",
            "Argument from popular opinion",
            ("accepted", "Is the claim really widely accepted?"),
            ("reason", "Is there reason to doubt the common view?"),
        ),
        _scheme(
            "ad-hominem",
            "Ad hominem (circumstantial)",
            ("relevant", "Is the character or circumstance relevant to the claim?"),
            ("true", "Is the charge against the person true?"),
        ),
    )
}
