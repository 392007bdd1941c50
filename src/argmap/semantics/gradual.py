"""Gradual semantics: a strength in [0, 1] for every claim of the map.

Works on the map graph of :func:`argmap.graph.to_networkx` directly.  Every
node gets a strength from a *base score* and the strengths of its attackers
and supporters:

- a claim's base score is its ``base`` (default 0.5); its attackers are the
  opposition inferences into it, its supporters the support inferences.
- an inference's base score is the **minimum** of its premises' strengths (a
  linked argument is as strong as its weakest premise; a single premise
  passes its strength on); its attackers are the undercuts into it, and it
  has no supporters.

Two methods (``method=``, registered in :data:`GRADUAL_METHODS`):

``"df-quad"`` (Rago, Toni, Aurisicchio & Baroni 2016)
    ``F(v1..vn) = 1 - Π(1 - vi)`` aggregates attackers into ``va`` and
    supporters into ``vs``; the strength is ``v0 - v0·(va - vs)`` if
    ``va >= vs``, else ``v0 + (1 - v0)·(vs - va)``.
``"quadratic-energy"`` (Potyka 2018)
    energy ``E = Σ supporters - Σ attackers``, ``h(x) = max(x, 0)² / (1 +
    max(x, 0)²)``; the strength is ``v0 - v0·h(-E) + (1 - v0)·h(E)``.

Write ``U(s)`` for the strengths one application of the method's update gives
from the strengths ``s``.  On an **acyclic** map the update settles after as
many rounds as the longest path has nodes, on the exact strengths, so it is
simply repeated.  On a map with **cycles** repeating the update may
oscillate for ever (two base-1 claims opposing each other flip between 1 and
0), so the strengths are those of the *continuous model* of Potyka 2018
("Continuous dynamical systems for weighted bipolar argumentation", KR 2018):
the limit of ``ds/dt = U(s) - s`` from the base scores.  It is integrated by
the classical Runge-Kutta method (RK4) with step ``h = 1 / (1 + L)``, ``L``
the largest number of neighbours (attackers, supporters and premises) of a
node: ``U`` is ``L``-Lipschitz, so ``h`` keeps every step inside RK4's
stability region, and a fixed point of RK4 is exactly a fixed point of ``U``.
The integration stops when no strength moves faster than ``tol`` (then
``converged`` is true) or after ``max_iter`` steps (then it is false and the
strengths are the last state).  On an acyclic map both ways give the same
strengths.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> from argmap.graph import to_networkx
>>> cs = (Claim("t", "t", "t", "thesis", "authors"), Claim("a", "a", "a", "claim", "x", base=0.8))
>>> G = to_networkx(Map("", "t", "", cs, (Relation("r", "opposition", ("a",), "t"),)))
>>> gradual(G).strengths
{'a': 0.8, 't': 0.1}
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import itemgetter
from typing import Literal, TypeAlias

import numpy as np
import numpy.typing as npt

from argmap.errors import registered
from argmap.semantics.mapindex import MapLike, as_index

__all__ = [
    "GRADUAL_METHODS",
    "Gradual",
    "GradualMethod",
    "GradualName",
    "df_quad",
    "gradual",
    "quadratic_energy",
]

Vector: TypeAlias = npt.NDArray[np.float64]
Edges: TypeAlias = tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]
GradualName = Literal["df-quad", "quadratic-energy"]
"""The names of the gradual methods."""


def _df_quad_influence(base: Vector, va: Vector, vs: Vector) -> Vector:
    """DF-QuAD's combination of a base score with the aggregated attack and support."""
    return np.where(va >= vs, base - base * (va - vs), base + (1 - base) * (vs - va))


def _h(x: Vector) -> Vector:
    x = np.maximum(x, 0.0)
    return x * x / (1 + x * x)


def _energy_influence(base: Vector, energy: Vector) -> Vector:
    """Quadratic energy's combination of a base score with the energy."""
    return base - base * _h(-energy) + (1 - base) * _h(energy)


def _one(x: float) -> Vector:
    return np.array([x], dtype=np.float64)


def df_quad(base: float, attackers: Sequence[float], supporters: Sequence[float]) -> float:
    """DF-QuAD strength of one argument from its base and neighbours' strengths.

    Examples
    --------
    >>> df_quad(0.5, [0.5], [])
    0.25
    >>> round(df_quad(0.5, [0.5], [1.0]), 6)
    0.75
    """
    va = 1 - float(np.prod([1 - v for v in attackers]))
    vs = 1 - float(np.prod([1 - v for v in supporters]))
    return float(_df_quad_influence(_one(base), _one(va), _one(vs))[0])


def quadratic_energy(base: float, attackers: Sequence[float], supporters: Sequence[float]) -> float:
    """Quadratic-energy strength (Potyka 2018) of one argument.

    Examples
    --------
    >>> quadratic_energy(0.5, [1.0], [])
    0.25
    >>> quadratic_energy(0.5, [], [1.0])
    0.75
    """
    energy = sum(supporters) - sum(attackers)
    return float(_energy_influence(_one(base), _one(energy))[0])


@dataclass(frozen=True)
class _Links:
    """The map graph as arrays over its nodes ``0 .. n-1`` (sorted ids)."""

    nodes: list[str]
    claim: npt.NDArray[np.bool_]  # true at the claims
    base: Vector  # claims' base scores (inferences: unused)
    inference: npt.NDArray[np.intp]  # inference nodes, ascending
    premise_ptr: npt.NDArray[np.intp]  # premises of inference k: premise_idx[ptr[k]:ptr[k+1]]
    premise_idx: npt.NDArray[np.intp]
    attacks: Edges  # (sources, targets)
    supports: Edges

    def bases(self, s: Vector) -> Vector:
        """Return the base scores at strengths ``s`` (an inference's is its weakest premise)."""
        b = self.base.copy()
        if self.inference.size:
            b[self.inference] = np.minimum.reduceat(s[self.premise_idx], self.premise_ptr[:-1])
        return b

    def lipschitz(self) -> int:
        """Return the largest number of neighbours a node's update reads."""
        n = len(self.nodes)
        reads = np.bincount(self.attacks[1], minlength=n) + np.bincount(
            self.supports[1], minlength=n
        )
        reads[self.inference] += np.diff(self.premise_ptr)
        return int(reads.max(initial=0))


Update = Callable[[_Links, Vector], Vector]


def _aggregate_product(
    links: tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]], s: Vector
) -> Vector:
    """Return ``1 - Π(1 - s[source])`` per target (0 where there is none)."""
    kept = np.ones(len(s))
    np.multiply.at(kept, links[1], 1 - s[links[0]])
    return 1 - kept


def _df_quad_update(g: _Links, s: Vector) -> Vector:
    va, vs = _aggregate_product(g.attacks, s), _aggregate_product(g.supports, s)
    return _df_quad_influence(g.bases(s), va, vs)


def _total(links: Edges, s: Vector) -> Vector:
    """Return ``Σ s[source]`` per target."""
    return np.bincount(links[1], s[links[0]], len(s)).astype(np.float64)


def _energy_update(g: _Links, s: Vector) -> Vector:
    return _energy_influence(g.bases(s), _total(g.supports, s) - _total(g.attacks, s))


@dataclass(frozen=True)
class GradualMethod:
    """A gradual semantics: its name, what it computes, its update function.

    ``combine`` is the strength of one argument from its base score and its
    attackers' and supporters' strengths; ``update`` the same for every node
    of a map at once.
    """

    name: GradualName
    description: str
    combine: Callable[[float, Sequence[float], Sequence[float]], float]
    update: Update


#: gradual methods by name
GRADUAL_METHODS: dict[str, GradualMethod] = {
    m.name: m
    for m in (
        GradualMethod(
            "df-quad",
            "DF-QuAD (Rago et al. 2016): attack and support aggregated as 1 - Π(1 - v)",
            df_quad,
            _df_quad_update,
        ),
        GradualMethod(
            "quadratic-energy",
            "quadratic energy (Potyka 2018): Σ supporters - Σ attackers through x²/(1+x²)",
            quadratic_energy,
            _energy_update,
        ),
    )
}


@dataclass(frozen=True)
class Gradual:
    """Strengths of claims (and inferences) and how the computation ended.

    ``iterations`` counts update rounds (acyclic map) or RK4 steps (map with
    cycles); ``converged`` is false when the strengths were still moving.
    """

    method: str
    strengths: dict[str, float]
    inferences: dict[str, float] = field(default_factory=dict)
    iterations: int = 1
    converged: bool = True


def _check_method(method: str) -> GradualMethod:
    return registered(GRADUAL_METHODS, method, "unknown-gradual", "gradual method")


def _sorted_pairs(src: npt.NDArray[np.intp], dst: npt.NDArray[np.intp]) -> Edges:
    """Return the pairs ``(src[k], dst[k])`` sorted, as two arrays."""
    order = np.lexsort((dst, src))
    return src[order], dst[order]


def _numbers(index: dict[str, int], names: Iterable[str], count: int) -> npt.NDArray[np.intp]:
    return np.fromiter(map(index.__getitem__, names), dtype=np.intp, count=count)


def _links(G: MapLike) -> _Links:
    ix = as_index(G)
    nodes = sorted(ix.claims + ix.inferences)
    index = dict(zip(nodes, range(len(nodes)), strict=True))
    inference = np.sort(_numbers(index, ix.inferences, len(ix.inferences)))
    sizes = list(map(len, ix.premises.values()))
    src, dst = _sorted_pairs(
        _numbers(index, chain.from_iterable(ix.premises.values()), sum(sizes)),
        np.repeat(_numbers(index, ix.premises, len(sizes)), sizes),
    )
    order = np.lexsort((src, dst))  # grouped by inference
    counts = np.bincount(dst, minlength=len(nodes))[inference]
    ptr = np.zeros(len(inference) + 1, dtype=np.intp)
    np.cumsum(counts, out=ptr[1:])
    targets = ix.target.values()
    by = _numbers(index, ix.target, len(targets))
    on = _numbers(index, map(itemgetter(0), targets), len(targets))
    support = np.fromiter(
        map("conclusion".__eq__, map(itemgetter(1), targets)), dtype=np.bool_, count=len(targets)
    )
    claim = np.ones(len(nodes), dtype=np.bool_)
    claim[inference] = False
    if len(index) < len(nodes):  # an id of a claim and an inference: both places are the claim's
        claim = np.fromiter(map(set(ix.claims).__contains__, nodes), np.bool_, len(nodes))
    return _Links(
        nodes,
        claim,
        np.fromiter(map(ix.base.get, nodes, repeat(0.5)), dtype=np.float64, count=len(nodes)),
        inference,
        ptr,
        src[order],
        _sorted_pairs(by[~support], on[~support]),
        _sorted_pairs(by[support], on[support]),
    )


def _depth(g: _Links) -> int | None:
    """Return the number of links on the longest path of the map graph, None if it has a cycle.

    Kahn's order over all the links (premise, attack, support), a level at a
    time: a node joins the level after the last of its predecessors, so the
    number of levels less one is the longest path; each link is looked at once.
    """
    n = len(g.nodes)
    premise_of = np.repeat(g.inference, np.diff(g.premise_ptr))
    sources = np.concatenate((g.premise_idx, g.attacks[0], g.supports[0]))
    order = np.argsort(sources, kind="stable")
    targets = np.concatenate((premise_of, g.attacks[1], g.supports[1]))[order]
    ptr = np.zeros(n + 1, dtype=np.intp)
    np.cumsum(np.bincount(sources, minlength=n), out=ptr[1:])
    indegree = np.bincount(targets, minlength=n)
    level = np.flatnonzero(indegree == 0)
    levels = done = 0
    while level.size:
        levels += 1
        done += level.size
        counts = ptr[level + 1] - ptr[level]
        first = np.repeat(ptr[level] - np.cumsum(counts) + counts, counts)
        hit = targets[first + np.arange(first.size)]
        np.subtract.at(indegree, hit, 1)
        level = np.unique(hit[indegree[hit] == 0])
    return max(levels - 1, 0) if done == n else None


def _rk4(
    g: _Links, update: Update, s: Vector, tol: float, max_iter: int
) -> tuple[Vector, int, bool]:
    """Integrate ``ds/dt = update(s) - s`` from ``s``; return the state, steps, convergence."""
    h = 1.0 / (1 + g.lipschitz())

    def flow(x: Vector) -> Vector:
        return np.clip(update(g, x), 0.0, 1.0) - x

    for step in range(max_iter + 1):
        k1 = flow(s)
        if float(np.abs(k1).max(initial=0.0)) <= tol:
            return s, step, True
        if step == max_iter:
            break
        k2 = flow(s + h / 2 * k1)
        k3 = flow(s + h / 2 * k2)
        k4 = flow(s + h * k3)
        s = s + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
    return s, max_iter, False


def gradual(
    G: MapLike, method: str = "df-quad", *, tol: float = 1e-10, max_iter: int = 20000
) -> Gradual:
    """Return the strength of every claim and inference of the map graph ``G``.

    Strengths are rounded to 6 decimals.  See the module docstring: on an
    acyclic map the update is repeated until exact; with cycles the continuous
    model is integrated for at most ``max_iter`` RK4 steps, until no strength
    moves faster than ``tol`` per unit of time.  ``G`` may also be the map's
    index (:func:`argmap.semantics.mapindex.as_index`).

    Examples
    --------
    A linked support from ``a`` (0.4) and ``b`` (0.9): the inference is as
    strong as ``a``; the thesis (0.5) gains ``(1 - 0.5)·0.4``.

    >>> from argmap.model import Claim, Map, Relation
    >>> from argmap.graph import to_networkx
    >>> cs = (Claim("t", "t", "t", "thesis", "x"), Claim("a", "a", "a", "claim", "x", base=0.4),
    ...       Claim("b", "b", "b", "claim", "x", base=0.9))
    >>> G = to_networkx(Map("", "t", "", cs, (Relation("r", "support", ("a", "b"), "t"),)))
    >>> res = gradual(G)
    >>> res.strengths["t"], res.inferences
    (0.7, {'r': 0.4})

    Two base-1 claims opposing each other meet half-way in the continuous model.

    >>> cs = (Claim("a", "a", "a", "thesis", "x", base=1),
    ...       Claim("b", "b", "b", "claim", "y", base=1))
    >>> rs = (Relation("ab", "opposition", ("a",), "b"), Relation("ba", "opposition", ("b",), "a"))
    >>> res = gradual(to_networkx(Map("", "a", "", cs, rs)))
    >>> res.strengths, res.converged
    ({'a': 0.5, 'b': 0.5}, True)
    """
    update = _check_method(method).update
    ix = as_index(G)
    g = _links(ix)
    s = g.bases(g.base)  # an inference starts from its premises' base scores
    depth = _depth(g)
    if depth is not None:  # acyclic
        iterations, converged = depth + 1, True
        for _ in range(iterations):
            s = np.clip(update(g, s), 0.0, 1.0)
    else:
        s, iterations, converged = _rk4(g, update, s, tol, max_iter)
    values = list(map(round, s.tolist(), repeat(6)))
    for k in np.flatnonzero(s <= 0).tolist():  # no -0.0 (rounding a tiny negative gives one)
        values[k] += 0.0
    claim = g.claim
    return Gradual(
        method=method,
        strengths=dict(zip(compress(g.nodes, claim), compress(values, claim), strict=True)),
        inferences=dict(zip(compress(g.nodes, ~claim), compress(values, ~claim), strict=True)),
        iterations=iterations,
        converged=converged,
    )
