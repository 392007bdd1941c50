"""Time the library work behind each command, after loading, in one process.

``python benchmarks/stages.py MAP LIMIT`` loads MAP once (``read_map``, not
timed, positions composed once so findings do not pay for it), then runs each
stage and prints one JSON object: stage name -> CPU seconds, or ``"timeout"``
when a stage runs past LIMIT seconds.  ``benchmarks/commands.py`` runs it
under this tree's ``src`` and under the code before the near-linear rewrite
(commit a0b1189), so the two are compared in the same run.
"""

from __future__ import annotations

import json
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from argmap.checks import run_checks
from argmap.coverage import coverage
from argmap.formats.markdown import to_markdown
from argmap.formats.mermaid import to_mermaid
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.render.dot import to_dot
from argmap.render.html import essay_html, lesson_steps
from argmap.semantics.commitments import commitments
from argmap.teach.compare import compare
from argmap.teach.outline import format_text, outline
from argmap.teach.quiz import make_quiz


class _TooLateError(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise _TooLateError


def main() -> None:
    path, limit = sys.argv[1], int(sys.argv[2])
    m = read_map(path)
    m.pos(m.claims[-1])  # compose the YAML positions once, outside every clock
    G = to_networkx(m)
    spans = {c.id: (c.span.start, c.span.end) for c in m.claims if c.span}
    stages: dict[str, Callable[[], object]] = {
        "coverage (check)": lambda: coverage(m),
        "run_checks (check)": lambda: run_checks(m),
        "commitments (evaluate)": lambda: commitments(G),
        "outline": lambda: format_text(outline(m), m),
        "to_markdown (export)": lambda: to_markdown(m),
        "to_mermaid (export)": lambda: to_mermaid(m),
        "to_dot (render)": lambda: to_dot(G),
        "essay_html (html)": lambda: essay_html(m.source_text, spans),
        "lesson_steps (html)": lambda: lesson_steps(G),
        "make_quiz (quiz, 10 questions)": lambda: make_quiz(m),
        "compare (map with itself)": lambda: compare(m, m),
    }
    signal.signal(signal.SIGALRM, _alarm)
    result: dict[str, float | str] = {}
    for name, stage in stages.items():
        start = time.process_time()
        signal.alarm(limit)
        try:
            stage()
            result[name] = time.process_time() - start
        except _TooLateError:
            result[name] = "timeout"
        finally:
            signal.alarm(0)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
