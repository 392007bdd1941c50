"""Views and exercises for teaching: outline, quiz, and grading a student's map.

Each topic lives in its own module: :mod:`argmap.teach.outline`,
:mod:`argmap.teach.quiz` and :mod:`argmap.teach.compare`.
"""

__all__: list[str] = []
