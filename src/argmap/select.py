"""Map selection: the part of a map graph around one claim, for focus views of big maps.

This is the "map selection" stage of a drawing (as in Argdown's pipeline):
a plain function from the map graph (:func:`argmap.graph.to_networkx`) to a
smaller graph of the same shape, which any renderer formats as it would the
whole map.  :func:`select` keeps the focus claim, what it rests on (the
premises of its supports, recursively) and what it answers (what attacks
it, and what it attacks or undercuts), ``depth`` relations out, and what the
focus claim itself supports (one step: its place in the map).  A relation
comes whole: all premises of a linked argument, and the inference an
undercut attacks with that inference's own premises and conclusion.  Every
relation between kept claims is kept.  A kept claim with neighbours that were
left out carries ``hidden``, their number, so that the drawing can say it is
a part.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> cs = tuple(Claim(id=i, text=i, quote=i, role="claim", by="authors") for i in "tabc")
>>> rs = (Relation(id="a--supports--t", kind="support", premises=("a",), target="t"),
...       Relation(id="b--supports--a", kind="support", premises=("b",), target="a"),
...       Relation(id="c--opposes--b", kind="opposition", premises=("c",), target="b"))
>>> from argmap.graph import to_networkx
>>> G = to_networkx(Map(title="M", thesis="t", source="", claims=cs, relations=rs))
>>> H = select(G, "b", depth=1)
>>> sorted(H)
['a', 'b', 'b--supports--a', 'c', 'c--opposes--b']
>>> sorted((n, k) for n, k in H.nodes(data="hidden") if k)
[('a', 1)]
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import networkx as nx

from argmap.errors import ArgmapError, Diagnostic

__all__ = ["DEFAULT_DEPTH", "select"]

#: how many relations out a focus view reaches unless told otherwise
DEFAULT_DEPTH = 2


def select(G: nx.DiGraph, focus: str, depth: int = DEFAULT_DEPTH) -> nx.DiGraph:
    """Return the part of the map graph ``G`` around the claim ``focus`` (see module doc).

    The result is a new graph of the shape of ``G`` holding the claims at
    most ``depth`` relations from ``focus`` (depth 0: the claim alone) and
    every relation between them; the graph attribute ``focus`` names the
    claim, and a claim with left-out neighbours has their number as
    ``hidden``.  Raises :class:`~argmap.errors.ArgmapError` ``unknown-focus``,
    with the closest ids as a hint, when ``focus`` is not a claim of ``G``.

    Examples
    --------
    A linked argument comes whole, and an undercut brings the inference it attacks:

    >>> from argmap.model import Claim, Map, Relation
    >>> cs = tuple(Claim(id=i, text=i, quote=i, role="claim", by="authors") for i in "tpqu")
    >>> rs = (Relation(id="r", kind="support", premises=("p", "q"), target="t"),
    ...       Relation(id="x", kind="undercut", premises=("u",), target="r"))
    >>> from argmap.graph import to_networkx
    >>> G = to_networkx(Map(title="M", thesis="t", source="", claims=cs, relations=rs))
    >>> sorted(select(G, "u", depth=1))
    ['p', 'q', 'r', 't', 'u', 'x']
    >>> sorted(select(G, "t", depth=0)), select(G, "t", depth=0).nodes["t"]["hidden"]
    (['t'], 3)
    >>> select(G, "z")
    Traceback (most recent call last):
    argmap.errors.ArgmapError: <map>: error: unknown-focus: no claim 'z' to focus on (hint: ...)
    """
    if G.nodes.get(focus, {}).get("kind") != "claim":
        raise _unknown(G, focus)
    near = {focus}
    frontier = {focus}
    for _step in range(depth):
        reached = {
            c
            for claim in frontier
            for r in _answered(G, claim, up=claim == focus)
            for c in _claims_of(G, r)
        }
        frontier = reached - near
        near |= frontier
    kept = near | _relations_between(G, near)
    H: nx.DiGraph = G.subgraph(kept).copy()
    H.graph["focus"] = focus
    for claim in near:
        hidden = _neighbours(G, claim) - near
        if hidden:
            H.nodes[claim]["hidden"] = len(hidden)
    return H


def _unknown(G: nx.DiGraph, focus: str) -> ArgmapError:
    claims = sorted(n for n, kind in G.nodes(data="kind") if kind == "claim")
    close = difflib.get_close_matches(focus, claims, n=3)
    hint = (
        f"did you mean {' or '.join(repr(c) for c in close)}?"
        if close
        else "give the id of a claim of the map ('argmap outline FILE' lists them)"
    )
    file = str(G.graph.get("file") or "<map>")
    return ArgmapError(
        [Diagnostic(file, 0, 0, "unknown-focus", f"no claim {focus!r} to focus on", hint)]
    )


def _is_inference(G: nx.DiGraph, n: str) -> bool:
    return bool(G.nodes[n]["kind"] == "inference")


def _undercuts(G: nx.DiGraph, relation: str) -> list[str]:
    """The relations that undercut ``relation``."""
    return [u for u in G.predecessors(relation) if _is_inference(G, u)]


def _answered(G: nx.DiGraph, claim: str, *, up: bool) -> set[str]:
    """The relations one step from ``claim``: into it (and their undercuts), its attacks.

    With ``up``, also the supports it is a premise of.
    """
    into = {r for r in G.predecessors(claim) if _is_inference(G, r)}
    undercuts = {u for r in into for u in _undercuts(G, r)}
    out = {r for r in G.successors(claim) if up or G.nodes[r]["relation"] != "support"}
    return into | undercuts | out


def _claims_of(G: nx.DiGraph, relation: str) -> set[str]:
    """Every claim of ``relation``: its premises, its target or the inference it undercuts."""
    claims: set[str] = set()
    seen: set[str] = set()
    todo = [relation]
    while todo:
        r = todo.pop()
        seen.add(r)
        for n in (*G.predecessors(r), *G.successors(r)):
            if not _is_inference(G, n):
                claims.add(n)
            elif n not in seen and G.edges.get((r, n), {}).get("role") == "undercut":
                todo.append(n)  # the undercut inference comes whole
    return claims


def _relations_between(G: nx.DiGraph, claims: set[str]) -> set[str]:
    """The relations all of whose premises and targets are among ``claims`` (or such relations)."""
    candidates = sorted(
        {r for c in claims for r in (*G.predecessors(c), *G.successors(c)) if _is_inference(G, r)}
        | {u for c in claims for r in G.predecessors(c) for u in _undercuts(G, r)}
    )
    kept: set[str] = set()
    changed = True
    while changed:  # an undercut is kept once the inference it attacks is
        changed = False
        for r in candidates:
            if r not in kept and _within(G, r, claims | kept):
                kept.add(r)
                changed = True
    return kept


def _within(G: nx.DiGraph, relation: str, nodes: set[str]) -> bool:
    """Whether the premises and the target of ``relation`` are all among ``nodes``."""
    premises: Iterable[str] = (u for u in G.predecessors(relation) if not _is_inference(G, u))
    return all(n in nodes for n in (*premises, *G.successors(relation)))


def _neighbours(G: nx.DiGraph, claim: str) -> set[str]:
    """The claims that share a relation with ``claim`` (or attack a relation into it)."""
    relations = {r for r in (*G.predecessors(claim), *G.successors(claim)) if _is_inference(G, r)}
    relations |= {u for r in list(relations) for u in _undercuts(G, r)}
    return {c for r in relations for c in _claims_of(G, r)} - {claim}
