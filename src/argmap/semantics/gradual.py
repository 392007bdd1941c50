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

Two methods (``method=``):

``"df-quad"`` (Rago, Toni, Aurisicchio & Baroni 2016)
    ``F(v1..vn) = 1 - Π(1 - vi)`` aggregates attackers into ``va`` and
    supporters into ``vs``; the strength is ``v0 - v0·(va - vs)`` if
    ``va >= vs``, else ``v0 + (1 - v0)·(vs - va)``.
``"quadratic-energy"`` (Potyka 2018)
    energy ``E = Σ supporters - Σ attackers``, ``h(x) = max(x, 0)² / (1 +
    max(x, 0)²)``; the strength is ``v0 - v0·h(-E) + (1 - v0)·h(E)``.

An acyclic map is computed once in topological order.  A map with cycles is
iterated from the base scores, all nodes at once, until no strength moves by
more than ``tol`` or ``max_iter`` rounds have passed (``converged`` says
which).

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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from math import prod

import networkx as nx

from argmap.errors import ArgmapError, Diagnostic
from argmap.graph import claim_nodes, premises

__all__ = [
    "GRADUAL_METHODS",
    "Gradual",
    "df_quad",
    "gradual",
    "quadratic_energy",
]

Combine = Callable[[float, Sequence[float], Sequence[float]], float]


def df_quad(base: float, attackers: Sequence[float], supporters: Sequence[float]) -> float:
    """DF-QuAD strength of one argument from its base and neighbours' strengths.

    Examples
    --------
    >>> df_quad(0.5, [0.5], [])
    0.25
    >>> round(df_quad(0.5, [0.5], [1.0]), 6)
    0.75
    """
    va = 1 - prod(1 - v for v in attackers)
    vs = 1 - prod(1 - v for v in supporters)
    if va >= vs:
        return base - base * (va - vs)
    return base + (1 - base) * (vs - va)


def _h(x: float) -> float:
    x = max(x, 0.0)
    return x * x / (1 + x * x)


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
    return base - base * _h(-energy) + (1 - base) * _h(energy)


#: gradual methods by name
GRADUAL_METHODS: dict[str, Combine] = {"df-quad": df_quad, "quadratic-energy": quadratic_energy}


@dataclass(frozen=True)
class Gradual:
    """Strengths of claims (and inferences) and how the computation ended."""

    method: str
    strengths: dict[str, float]
    inferences: dict[str, float] = field(default_factory=dict)
    iterations: int = 1
    converged: bool = True


def _check_method(method: str) -> Combine:
    if method not in GRADUAL_METHODS:
        raise ArgmapError(
            [
                Diagnostic(
                    "<gradual>",
                    0,
                    0,
                    "unknown-gradual",
                    f"unknown gradual method {method!r}",
                    hint="use one of: " + ", ".join(GRADUAL_METHODS),
                )
            ]
        )
    return GRADUAL_METHODS[method]


def _step(G: nx.DiGraph, node: str, s: dict[str, float], combine: Combine) -> float:
    data = G.nodes[node]
    if data["kind"] == "inference":
        base = min(s[p] for p in premises(G, node))
    else:
        base = float(data.get("base", 0.5))
    att: list[float] = []
    sup: list[float] = []
    for u, _v, role in sorted(G.in_edges(node, data="role")):
        if role in ("conflict", "undercut"):
            att.append(s[u])
        elif role == "conclusion":
            sup.append(s[u])
    return min(1.0, max(0.0, combine(base, att, sup)))


def gradual(
    G: nx.DiGraph, method: str = "df-quad", *, tol: float = 1e-9, max_iter: int = 1000
) -> Gradual:
    """Return the strength of every claim and inference of the map graph ``G``.

    Strengths are rounded to 6 decimals.  See the module docstring.

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
    """
    combine = _check_method(method)
    nodes = sorted(G)
    s = {n: float(G.nodes[n].get("base", 0.5)) for n in nodes}
    iterations, converged = 1, True
    if nx.is_directed_acyclic_graph(G):
        for n in nx.lexicographical_topological_sort(G):
            s[n] = _step(G, n, s, combine)
    else:
        converged = False
        for iterations in range(1, max_iter + 1):  # noqa: B007 - reported below
            new = {n: _step(G, n, s, combine) for n in nodes}
            delta = max(abs(new[n] - s[n]) for n in nodes)
            s = new
            if delta <= tol:
                converged = True
                break
    claims = set(claim_nodes(G))
    return Gradual(
        method=method,
        strengths={n: round(s[n], 6) for n in nodes if n in claims},
        inferences={n: round(s[n], 6) for n in nodes if n not in claims},
        iterations=iterations,
        converged=converged,
    )
