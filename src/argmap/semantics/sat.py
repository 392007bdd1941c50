"""SAT back end for the intractable Dung semantics (python-sat).

The solver only ever sees the part of a framework that the grounded
labelling leaves undecided: :func:`argmap.semantics.dung` computes that
labelling first and hands over a :class:`Reduced` framework whose arguments
are numbered ``0 .. n-1``, each with the list of its *undecided* attackers.
That is enough, because every complete extension contains the grounded one,
grounded-OUT arguments are OUT in every complete labelling, and no undecided
argument is attacked by a grounded-IN one.

Variables: argument ``i`` is IN when variable ``i + 1`` is true and, in the
complete encoding, OUT when variable ``n + i + 1`` is true.

Examples
--------
>>> r = Reduced(("a", "b"), ((1,), (0,)))   # a <-> b, both undecided
>>> sorted(sorted(e) for e in stable_all(r))
[[0], [1]]
>>> sorted(sorted(e) for e in preferred_all(r))
[[0], [1]]
>>> sorted(sorted(e) for e in complete_all(r))
[[], [0], [1]]
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass

from pysat.solvers import Solver

__all__ = [
    "SOLVER_NAME",
    "Reduced",
    "complete_all",
    "complete_containing",
    "is_maximal_complete",
    "preferred_all",
    "preferred_containing",
    "preferred_one",
    "preferred_without",
    "stable_all",
    "stable_one",
    "stable_with",
]

SOLVER_NAME = "cadical153"
"""The python-sat solver used for every call."""

Clause = list[int]


@dataclass(frozen=True)
class Reduced:
    """The undecided part of a framework, numbered ``0 .. n-1``.

    Parameters
    ----------
    nodes
        The undecided arguments, in a deterministic order.
    attackers
        ``attackers[i]`` lists the undecided attackers of ``nodes[i]``.
    """

    nodes: tuple[Hashable, ...]
    attackers: tuple[tuple[int, ...], ...]

    @property
    def size(self) -> int:
        """Return the number of undecided arguments."""
        return len(self.nodes)


def _stable_clauses(r: Reduced) -> list[Clause]:
    clauses: list[Clause] = []
    add = clauses.append
    for i, atts in enumerate(r.attackers):
        x = i + 1
        for j in atts:
            add([-x] if j == i else [-x, -(j + 1)])
        add([x, *[j + 1 for j in atts]])
    return clauses


def _complete_clauses(r: Reduced) -> list[Clause]:
    n = r.size
    clauses: list[Clause] = []
    add = clauses.append
    for i, atts in enumerate(r.attackers):
        x, o = i + 1, n + i + 1
        add([-x, -o])
        add([-o, *[j + 1 for j in atts]])
        add([x, *[-(n + j + 1) for j in atts]])
        for j in atts:
            add([-x, n + j + 1])
            add([-(j + 1), o])
    return clauses


def _in_set(model: Sequence[int], n: int) -> frozenset[int]:
    return frozenset(v - 1 for v in model[:n] if v > 0)


def _solver(clauses: list[Clause], *, prefer_in: int = 0) -> Solver:
    s = Solver(name=SOLVER_NAME, bootstrap_with=clauses)
    if prefer_in:
        s.set_phases(list(range(1, prefer_in + 1)))
    return s


def stable_one(r: Reduced) -> frozenset[int] | None:
    """Return one stable extension of the reduced framework, or None."""
    return stable_with(r, ())


def stable_with(r: Reduced, assumptions: Sequence[int]) -> frozenset[int] | None:
    """Return a stable extension satisfying the literal ``assumptions``.

    A positive literal ``i + 1`` asks for argument ``i`` to be IN, a negative
    one for it to be left out.
    """
    with _solver(_stable_clauses(r)) as s:
        if s.solve(assumptions=list(assumptions)):
            return _in_set(s.get_model(), r.size)
    return None


def stable_all(r: Reduced) -> Iterator[frozenset[int]]:
    """Yield every stable extension; stable sets are pairwise incomparable.

    So blocking every subset of a found set (one clause: some argument outside
    it is IN) loses nothing.
    """
    n = r.size
    with _solver(_stable_clauses(r)) as s:
        while s.solve():
            ext = _in_set(s.get_model(), n)
            yield ext
            block = [i + 1 for i in range(n) if i not in ext]
            if not block:
                return
            s.add_clause(block)


def complete_all(r: Reduced) -> Iterator[frozenset[int]]:
    """Yield every complete extension (an OUT/UNDEC split follows from IN)."""
    n = r.size
    with _solver(_complete_clauses(r)) as s:
        while s.solve():
            ext = _in_set(s.get_model(), n)
            yield ext
            s.add_clause([-(i + 1) if i in ext else i + 1 for i in range(n)])


def complete_containing(r: Reduced, i: int) -> frozenset[int] | None:
    """Return a complete extension containing argument ``i``, or None."""
    with _solver(_complete_clauses(r)) as s:
        if s.solve(assumptions=[i + 1]):
            return _in_set(s.get_model(), r.size)
    return None


def _grow(s: Solver, r: Reduced, ext: frozenset[int], new_var: Callable[[], int]) -> frozenset[int]:
    """Grow a complete extension to a preferred one by repeated SAT calls."""
    n = r.size
    while True:
        outside = [i + 1 for i in range(n) if i not in ext]
        if not outside:
            return ext
        act = new_var()
        s.add_clause([-act, *outside])
        found = s.solve(assumptions=[act, *[i + 1 for i in ext]])
        bigger = _in_set(s.get_model(), n) if found else ext
        s.add_clause([-act])  # retire the temporary clause (after reading the model)
        if not found:
            return ext
        ext = bigger


def _counter(start: int) -> Callable[[], int]:
    box = [start]

    def new_var() -> int:
        box[0] += 1
        return box[0]

    return new_var


def preferred_all(r: Reduced) -> Iterator[frozenset[int]]:
    """Yield every preferred extension (iterative grow-and-block).

    Find a complete set not contained in any preferred set found so far,
    grow it to a maximal one, block its subsets, repeat until UNSAT.
    """
    n = r.size
    new_var = _counter(2 * n)
    with _solver(_complete_clauses(r), prefer_in=n) as s:
        while s.solve():
            ext = _grow(s, r, _in_set(s.get_model(), n), new_var)
            yield ext
            block = [i + 1 for i in range(n) if i not in ext]
            if not block:
                return
            s.add_clause(block)


def preferred_one(r: Reduced) -> frozenset[int]:
    """Return one preferred extension (one always exists)."""
    return next(preferred_all(r))


def is_maximal_complete(r: Reduced, ext: frozenset[int]) -> bool:
    """Return whether no complete extension strictly contains ``ext``."""
    outside = [i + 1 for i in range(r.size) if i not in ext]
    if not outside:
        return True
    with _solver([*_complete_clauses(r), outside]) as s:
        return not s.solve(assumptions=[i + 1 for i in ext])


def preferred_containing(r: Reduced, i: int) -> frozenset[int] | None:
    """Return a preferred extension containing ``i``, or None.

    A complete set containing ``i`` is grown; growing keeps what it has.
    """
    n = r.size
    with _solver(_complete_clauses(r), prefer_in=n) as s:
        if not s.solve(assumptions=[i + 1]):
            return None
        return _grow(s, r, _in_set(s.get_model(), n), _counter(2 * n))


def preferred_without(r: Reduced, i: int) -> frozenset[int] | None:
    """Return a preferred extension not containing ``i``, or None.

    Candidates are complete sets without ``i`` that lie in no preferred set
    already found to contain ``i``; each is grown to a preferred set.  If a
    grown set still lacks ``i`` it is the answer; otherwise its subsets are
    blocked and the search goes on.
    """
    n = r.size
    new_var = _counter(2 * n)
    with _solver(_complete_clauses(r), prefer_in=n) as s:
        while s.solve(assumptions=[-(i + 1)]):
            ext = _grow(s, r, _in_set(s.get_model(), n), new_var)
            if i not in ext:
                return ext
            block = [j + 1 for j in range(n) if j not in ext]
            if not block:
                return None
            s.add_clause(block)
    return None
