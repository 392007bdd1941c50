"""Time the library work behind each command, after loading, in one process.

``python benchmarks/stages.py MAP LIMIT [--stand-in]`` loads MAP once
(``read_map``, not timed, positions composed once so findings do not pay for
it), then runs each stage and prints one JSON object: stage name -> CPU
seconds, or ``"timeout"`` when a stage runs past LIMIT seconds.

``--stand-in`` replaces ``source.find_quote`` and ``source.paragraph_of``,
which scan the essay from its start for every claim (their rewrite belongs
to another change), with versions that give the same answers on generated
maps (each quote occurs once, written as in the essay) in linear time, so
that a map of 10^5 claims loads at all.  The coverage stage then runs with
the stand-in ``paragraph_of``.  ``benchmarks/commands.py`` runs it
under this tree's ``src`` and under the code before the near-linear rewrite
(commit a0b1189), so the two are compared in the same run.
"""

from __future__ import annotations

import bisect
import gc
import json
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from argmap import source
from argmap.checks import run_checks
from argmap.coverage import coverage
from argmap.evaluate import evaluate
from argmap.explain import explain
from argmap.formats.markdown import to_markdown
from argmap.formats.mermaid import to_mermaid
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.model import Span
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


def _stand_ins() -> None:
    """Linear ``find_quote`` and ``paragraph_of`` for generated maps (see the module doc)."""
    cursor = 0

    def find_quote(text: str, quote: str, **_options: Any) -> Any:
        nonlocal cursor
        start = text.find(quote, cursor)
        if start < 0:
            start = text.find(quote)
        if start < 0:
            return None
        cursor = start + len(quote)
        return Span(start, cursor)

    last: list[tuple[list[Span], list[int]]] = []  # the paragraphs last asked about

    def paragraph_of(paras: list[Span], span: Span) -> int:
        if not last or last[0][0] is not paras:
            last[:] = [(paras, [p.start for p in paras])]
        i = bisect.bisect_right(last[0][1], span.start)
        return i if i and span.start < paras[i - 1].end else 0

    source.find_quote = find_quote
    source.paragraph_of = paragraph_of


def main() -> None:
    path, limit = sys.argv[1], int(sys.argv[2])
    gc.set_threshold(200_000, 30, 30)  # as the CLI runs a command (argmap.cli._GC_THRESHOLDS)
    if "--stand-in" in sys.argv[3:]:
        _stand_ins()
    m = read_map(path)
    m.pos(m.claims[-1])  # compose the YAML positions once, outside every clock
    G = to_networkx(m)
    spans = {c.id: (c.span.start, c.span.end) for c in m.claims if c.span}
    stages: dict[str, Callable[[], object]] = {
        "coverage (check)": lambda: coverage(m),
        "run_checks (check)": lambda: run_checks(m),
        "run_checks without repeated-quote (check)": lambda: run_checks(
            m, ignore=["repeated-quote"]
        ),
        "commitments (evaluate)": lambda: commitments(G),
        "evaluate (grounded, with the map graph)": lambda: evaluate(to_networkx(m)),
        "explain (the thesis)": lambda: explain(G, m.thesis),
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
