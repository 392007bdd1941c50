"""Run one task once for one system; print a JSON line with the solve time.

Usage: python worker.py SYSTEM TASK EDGEFILE TIMEOUT

EDGEFILE holds ``N`` on the first line, then ``a b`` attack lines over
arguments ``0 .. N-1``.  Loading the file and building the system's own
framework object is *not* timed; only the call that answers the task is.
The script runs under the system's own virtualenv, so it imports only the
system it is asked for.
"""

from __future__ import annotations

import json
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ASP_GROUNDED = """
in(X) :- arg(X), defeated(Y) : att(Y,X).
defeated(X) :- in(Y), att(Y,X).
"""
ASP_STABLE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
:- out(X), not defeated(X).
"""
ASP_ADMISSIBLE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
:- in(X), att(Y,X), not defeated(Y).
"""
ASP_PREFERRED_HEURISTIC = "#heuristic in(X) : arg(X). [1,true]\n"


def load(path: str) -> tuple[int, list[tuple[int, int]]]:
    lines = Path(path).read_text().split("\n")
    n = int(lines[0])
    edges = [(int(a), int(b)) for a, b in (ln.split() for ln in lines[1:] if ln)]
    return n, edges


def prepare_argmap(n: int, edges: list[tuple[int, int]], task: str) -> Callable[[], Any]:
    from argmap.semantics import Framework, grounded_extension, some_extension

    # argmap's own framework object is the compiled Framework (names plus CSR
    # attack arrays), built here from the same named attacks the peers get;
    # the solve call works on it directly, as the peers' calls work on theirs.
    af = Framework.from_edges(
        ((f"a{a}", f"a{b}") for a, b in edges), arguments=(f"a{i}" for i in range(n))
    )
    if task == "SE-GR":
        return lambda: grounded_extension(af)
    sem = {"SE-ST": "stable", "SE-PR": "preferred"}[task]
    return lambda: some_extension(af, sem)


def prepare_formal(n: int, edges: list[tuple[int, int]], task: str) -> Callable[[], Any]:
    from argumentation.core.dung import ArgumentationFramework, grounded_extension
    from argumentation.solving.af_sat import find_preferred_extension, find_stable_extension

    af = ArgumentationFramework(
        frozenset(f"a{i}" for i in range(n)), frozenset((f"a{a}", f"a{b}") for a, b in edges)
    )
    return {
        "SE-GR": lambda: grounded_extension(af),
        "SE-ST": lambda: find_stable_extension(af),
        "SE-PR": lambda: find_preferred_extension(af),
    }[task]


def prepare_pyarg(n: int, edges: list[tuple[int, int]], task: str) -> Callable[[], Any]:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
    from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
    from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions

    args = [Argument(f"a{i}") for i in range(n)]
    af = AbstractArgumentationFramework("bench", args, [Defeat(args[a], args[b]) for a, b in edges])
    # py_arg has no single-extension call: SE-ST / SE-PR enumerate all.
    return {
        "SE-GR": lambda: get_grounded_extension(af),
        "SE-ST": lambda: get_stable_extensions(af),
        "SE-PR": lambda: get_preferred_extensions(af),
    }[task]


def prepare_pygarg(n: int, edges: list[tuple[int, int]], task: str) -> Callable[[], Any]:
    from pygarg.dung import solver

    args = [f"a{i}" for i in range(n)]
    atts = [[f"a{a}", f"a{b}"] for a, b in edges]
    sem = {"SE-GR": "GR", "SE-ST": "ST", "SE-PR": "PR"}[task]
    return lambda: solver.compute_some_extension(args, atts, sem)


def in_atoms(model: Any) -> list[Any]:
    return [s for s in model.symbols(atoms=True) if s.name == "in"]


def prepare_clingo(n: int, edges: list[tuple[int, int]], task: str) -> Callable[[], Any]:
    import clingo

    facts = "".join(f"arg({i})." for i in range(n)) + "".join(f"att({a},{b})." for a, b in edges)
    program, options = {
        "SE-GR": (ASP_GROUNDED, []),
        "SE-ST": (ASP_STABLE, []),
        "SE-PR": (
            ASP_ADMISSIBLE + ASP_PREFERRED_HEURISTIC,
            ["--heuristic=Domain", "--enum-mode=domRec"],
        ),
    }[task]

    def run() -> Any:
        # grounding and solving are timed (that is the solver's work); the
        # fact text was built above, outside the clock.
        ctl = clingo.Control(["-n", "1", *options])
        ctl.add("base", [], facts + program)
        ctl.ground([("base", [])])
        found: list[list[Any]] = []
        ctl.solve(on_model=lambda m: found.append(in_atoms(m)))
        return found[0] if found else None

    return run


PREPARE = {
    "argmap": prepare_argmap,
    "formal_argumentation": prepare_formal,
    "py_arg": prepare_pyarg,
    "pygarg": prepare_pygarg,
    "clingo": prepare_clingo,
}


def size_of(result: Any) -> int | None:
    if result is None or isinstance(result, str):
        return None
    if (
        isinstance(result, set | frozenset | list)
        and result
        and isinstance(next(iter(result)), set | frozenset)
    ):
        return len(next(iter(result)))  # an enumeration: size of one member
    try:
        return len(result)
    except TypeError:
        return None


def main() -> None:
    system, task, path, timeout = sys.argv[1:5]
    n, edges = load(path)
    t0 = time.perf_counter()
    fn = PREPARE[system](n, edges, task)
    # SIGALRM's default action ends the process even inside C code (SAT/ASP
    # solvers); the parent sees exit status -14 and records a timeout.
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.setitimer(signal.ITIMER_REAL, float(timeout))
    t1 = time.perf_counter()
    result = fn()
    t2 = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, 0)
    print(json.dumps({"load": t1 - t0, "solve": t2 - t1, "size": size_of(result)}))


if __name__ == "__main__":
    main()
