"""Abstract argumentation (Dung 1995) over a ``networkx.DiGraph``.

A framework is a directed graph: node = argument (any hashable), edge
``(a, b)`` = "a attacks b".  Grounded semantics is computed by linear-time
propagation straight over the graph's adjacency; complete, preferred and
stable semantics go through :mod:`argmap.semantics.sat`, which only sees the
part the grounded labelling leaves undecided.

Lists of extensions are sorted deterministically: each extension is read as
the sorted tuple of its members (numbers and numeric strings in numeric order,
then other strings, then anything else by ``repr``) and the tuples are
compared lexicographically, so the empty extension comes first.

Examples
--------
>>> import networkx as nx
>>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
>>> sorted(grounded_extension(af))
[]
>>> [sorted(e) for e in preferred_extensions(af)]
[['a', 'c'], ['b']]
>>> credulously_accepted(af, "c", "stable"), sceptically_accepted(af, "c", "stable")
(True, False)
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Iterator
from itertools import combinations
from typing import Any, Literal

import networkx as nx

from argmap.errors import ArgmapError, Diagnostic
from argmap.semantics import sat

__all__ = [
    "SEMANTICS",
    "Label",
    "complete_extensions",
    "credulous_witness",
    "credulously_accepted",
    "extensions",
    "grounded_extension",
    "grounded_labelling",
    "is_admissible",
    "is_complete",
    "is_conflict_free",
    "is_preferred",
    "is_stable",
    "labelling_from_extension",
    "node_order_key",
    "preferred_extensions",
    "sceptical_counterexample",
    "sceptically_accepted",
    "some_extension",
    "sort_extensions",
    "stable_extensions",
]

Label = Literal["in", "out", "undec"]
Semantics = Literal["grounded", "complete", "preferred", "stable"]
SEMANTICS: tuple[str, ...] = ("grounded", "complete", "preferred", "stable")
Extension = frozenset[Hashable]

_SEMANTICS_HINT = "use one of: " + ", ".join(SEMANTICS)


# ---------------------------------------------------------------- ordering


def node_order_key(node: Hashable) -> tuple[int, int, str]:
    """Return a total sort key for argument names.

    Integers and strings of digits sort numerically and first, other strings
    next, anything else by ``repr``.

    Examples
    --------
    >>> sorted(["b", "10", "2", "a"], key=node_order_key)
    ['2', '10', 'a', 'b']
    """
    if isinstance(node, int):
        return (0, node, "")
    if isinstance(node, str):
        if node.isdecimal() and node.isascii():
            return (0, int(node), node)
        return (1, 0, node)
    return (2, 0, repr(node))


def sort_extensions(exts: Iterable[Collection[Hashable]]) -> list[Extension]:
    """Sort extensions deterministically (see the module docstring).

    Examples
    --------
    >>> [sorted(e) for e in sort_extensions([{"b"}, set(), {"a", "b"}, {"a"}])]
    [[], ['a'], ['a', 'b'], ['b']]
    """

    def key(ext: Extension) -> list[tuple[int, int, str]]:
        return sorted(map(node_order_key, ext))

    return sorted((frozenset(e) for e in exts), key=key)


# ---------------------------------------------------------------- errors


def _check_semantics(semantics: str) -> None:
    if semantics not in SEMANTICS:
        raise ArgmapError(
            [
                Diagnostic(
                    "<semantics>",
                    0,
                    0,
                    "unknown-semantics",
                    f"unknown semantics {semantics!r}",
                    hint=_SEMANTICS_HINT,
                )
            ]
        )


def _check_arguments(af: nx.DiGraph, args: Iterable[Hashable], what: str) -> None:
    missing = [a for a in args if a not in af]
    if missing:
        raise ArgmapError(
            [
                Diagnostic(
                    "<framework>",
                    0,
                    0,
                    "unknown-argument",
                    f"{what} names argument {a!r}, which is not in the framework",
                    hint="use one of the framework's arguments",
                )
                for a in missing
            ]
        )


# ---------------------------------------------------------------- grounded


def _adjacency(af: nx.DiGraph) -> tuple[dict[Any, Any], dict[Any, Any]]:
    # networkx keeps plain dicts behind its read-only views; reading them
    # directly is several times faster than going through ``af.succ[a]``.
    succ = getattr(af, "_succ", None)
    pred = getattr(af, "_pred", None)
    if isinstance(succ, dict) and isinstance(pred, dict):
        return succ, pred
    return dict(af.succ), dict(af.pred)  # pragma: no cover - exotic graph classes


def _grounded_sets(af: nx.DiGraph) -> tuple[list[Hashable], set[Hashable]]:
    """Return (IN list, OUT set) of the grounded labelling in O(|args| + |attacks|).

    ``live[c]`` counts the attackers of ``c`` not yet OUT.  An argument whose
    count is 0 is IN; everything it attacks becomes OUT, which decrements the
    counts of the arguments those attack.  Each attack is looked at at most
    twice.  An argument reaching 0 cannot be OUT already: an OUT argument has
    an IN attacker, and IN arguments never become OUT.
    """
    succ, pred = _adjacency(af)
    live = {n: len(p) for n, p in pred.items()}
    queue = [n for n, k in live.items() if not k]
    out: set[Hashable] = set()
    out_add = out.add
    push = queue.append
    for a in queue:  # the list grows while we walk it: a FIFO queue
        for b in succ[a]:
            if b not in out:
                out_add(b)
                for c in succ[b]:
                    k = live[c] - 1
                    live[c] = k
                    if not k:
                        push(c)
    return queue, out


def grounded_extension(af: nx.DiGraph) -> Extension:
    """Return the grounded extension: the least complete extension.

    Runs in time linear in the number of arguments and attacks.

    Examples
    --------
    >>> sorted(grounded_extension(nx.DiGraph([("a", "b"), ("b", "c")])))
    ['a', 'c']
    >>> grounded_extension(nx.DiGraph([("a", "b"), ("b", "a")]))
    frozenset()
    """
    return frozenset(_grounded_sets(af)[0])


def grounded_labelling(af: nx.DiGraph) -> dict[Hashable, Label]:
    """Return the grounded labelling (every argument ``in``, ``out`` or ``undec``).

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "c"), ("d", "d")])
    >>> grounded_labelling(af)
    {'a': 'in', 'b': 'out', 'c': 'in', 'd': 'undec'}
    """
    inn, out = _grounded_sets(af)
    lab: dict[Hashable, Label] = dict.fromkeys(af, "undec")
    lab.update(dict.fromkeys(out, "out"))
    lab.update(dict.fromkeys(inn, "in"))
    return lab


def _reduce(af: nx.DiGraph) -> tuple[Extension, sat.Reduced]:
    """Return the grounded extension and the undecided rest, numbered for SAT."""
    inn, out = _grounded_sets(af)
    decided = out.union(inn)
    undec = sorted((n for n in af if n not in decided), key=node_order_key)
    index = {n: i for i, n in enumerate(undec)}
    _, pred = _adjacency(af)
    attackers = tuple(tuple(index[b] for b in pred[a] if b in index) for a in undec)
    return frozenset(inn), sat.Reduced(tuple(undec), attackers)


def _lift(grounded: Extension, r: sat.Reduced, ext: Iterable[int]) -> Extension:
    return grounded.union(r.nodes[i] for i in ext)


# ---------------------------------------------------------------- checks


def _attacked_by(af: nx.DiGraph, s: Collection[Hashable]) -> set[Hashable]:
    succ, _ = _adjacency(af)
    hit: set[Hashable] = set()
    for a in s:
        hit.update(succ[a])
    return hit


def is_conflict_free(af: nx.DiGraph, s: Collection[Hashable]) -> bool:
    """Return whether no member of ``s`` attacks a member of ``s``.

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b")])
    >>> is_conflict_free(af, {"a", "b"}), is_conflict_free(af, {"a"})
    (False, True)
    """
    _check_arguments(af, s, "the set")
    return _attacked_by(af, s).isdisjoint(s)


def _defends_all(af: nx.DiGraph, s: Collection[Hashable], hit: set[Hashable]) -> bool:
    _, pred = _adjacency(af)
    return all(b in hit for a in s for b in pred[a])


def is_admissible(af: nx.DiGraph, s: Collection[Hashable]) -> bool:
    """Return whether ``s`` is conflict-free and attacks every attacker of its members.

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> is_admissible(af, {"c"}), is_admissible(af, {"a", "c"})
    (False, True)
    """
    _check_arguments(af, s, "the set")
    hit = _attacked_by(af, s)
    return hit.isdisjoint(s) and _defends_all(af, s, hit)


def is_complete(af: nx.DiGraph, s: Collection[Hashable]) -> bool:
    """Return whether ``s`` is admissible and contains every argument it defends.

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> is_complete(af, {"a"}), is_complete(af, {"a", "c"})
    (False, True)
    """
    if not is_admissible(af, s):
        return False
    hit = _attacked_by(af, s)
    _, pred = _adjacency(af)
    return all(a in s for a in af if all(b in hit for b in pred[a]))


def is_stable(af: nx.DiGraph, s: Collection[Hashable]) -> bool:
    """Return whether ``s`` is conflict-free and attacks every argument outside it.

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "a")])
    >>> is_stable(af, {"a"}), is_stable(af, set())
    (True, False)
    """
    _check_arguments(af, s, "the set")
    hit = _attacked_by(af, s)
    return hit.isdisjoint(s) and all(a in s or a in hit for a in af)


def is_preferred(af: nx.DiGraph, s: Collection[Hashable]) -> bool:
    """Return whether ``s`` is a maximal admissible set (one SAT call).

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "a")])
    >>> is_preferred(af, {"a"}), is_preferred(af, set())
    (True, False)
    """
    if not is_complete(af, s):
        return False
    _, r = _reduce(af)
    index = {n: i for i, n in enumerate(r.nodes)}
    return sat.is_maximal_complete(r, frozenset(index[a] for a in s if a in index))


# ---------------------------------------------------------------- extensions


def _stable_iter(af: nx.DiGraph) -> Iterator[Extension]:
    g, r = _reduce(af)
    for e in sat.stable_all(r):
        yield _lift(g, r, e)


def _complete_iter(af: nx.DiGraph) -> Iterator[Extension]:
    g, r = _reduce(af)
    for e in sat.complete_all(r):
        yield _lift(g, r, e)


def _preferred_iter(af: nx.DiGraph) -> Iterator[Extension]:
    g, r = _reduce(af)
    for e in sat.preferred_all(r):
        yield _lift(g, r, e)


def complete_extensions(af: nx.DiGraph) -> list[Extension]:
    """Return all complete extensions, sorted (SAT enumeration).

    Examples
    --------
    >>> [sorted(e) for e in complete_extensions(nx.DiGraph([("a", "b"), ("b", "a")]))]
    [[], ['a'], ['b']]
    """
    return sort_extensions(_complete_iter(af))


def preferred_extensions(af: nx.DiGraph) -> list[Extension]:
    """Return all preferred extensions, sorted (iterative SAT: grow, block, repeat).

    Examples
    --------
    >>> preferred_extensions(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]))
    [frozenset()]
    """
    return sort_extensions(_preferred_iter(af))


def stable_extensions(af: nx.DiGraph) -> list[Extension]:
    """Return all stable extensions, sorted; the list may be empty.

    Examples
    --------
    >>> stable_extensions(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]))
    []
    """
    return sort_extensions(_stable_iter(af))


_ENUMERATORS: dict[str, Callable[[nx.DiGraph], list[Extension]]] = {
    "grounded": lambda af: [grounded_extension(af)],
    "complete": complete_extensions,
    "preferred": preferred_extensions,
    "stable": stable_extensions,
}


def extensions(af: nx.DiGraph, semantics: str) -> list[Extension]:
    """Return all extensions under ``semantics``, sorted.

    Examples
    --------
    >>> extensions(nx.DiGraph([("a", "b")]), "grounded")
    [frozenset({'a'})]
    >>> extensions(nx.DiGraph(), "ideal")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: <semantics>: error: unknown-semantics: ...
    """
    _check_semantics(semantics)
    return _ENUMERATORS[semantics](af)


def some_extension(af: nx.DiGraph, semantics: str) -> Extension | None:
    """Return one extension under ``semantics``, or None if there is none.

    Only stable semantics can have none.  The choice is deterministic for a
    given graph.  For preferred semantics this costs a few SAT calls on the
    undecided part, not an enumeration.

    Examples
    --------
    >>> sorted(some_extension(nx.DiGraph([("a", "b"), ("b", "a")]), "stable"))
    ['a']
    """
    _check_semantics(semantics)
    if semantics in ("grounded", "complete"):
        return grounded_extension(af)
    g, r = _reduce(af)
    if not r.size:
        return g
    e = sat.stable_one(r) if semantics == "stable" else sat.preferred_one(r)
    return None if e is None else _lift(g, r, e)


def labelling_from_extension(af: nx.DiGraph, ext: Collection[Hashable]) -> dict[Hashable, Label]:
    """Return the labelling of ``ext``: in = ext, out = attacked by ext, undec = rest.

    A member of ``ext`` stays ``in`` even if ``ext`` attacks it (then ``ext``
    is not conflict-free and the labelling is not a legal one).

    Examples
    --------
    >>> labelling_from_extension(nx.DiGraph([("a", "b"), ("c", "c")]), {"a"})
    {'a': 'in', 'b': 'out', 'c': 'undec'}
    """
    _check_arguments(af, ext, "the extension")
    lab: dict[Hashable, Label] = dict.fromkeys(af, "undec")
    lab.update(dict.fromkeys(_attacked_by(af, ext), "out"))
    lab.update(dict.fromkeys(ext, "in"))
    return lab


# ---------------------------------------------------------------- acceptance


def credulous_witness(af: nx.DiGraph, arg: Hashable, semantics: str) -> Extension | None:
    """Return an extension containing ``arg``, or None if none does.

    The witness is an extension of the asked semantics: a complete set grown
    to a maximal one under preferred semantics.

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "a")])
    >>> sorted(credulous_witness(af, "b", "preferred"))
    ['b']
    """
    _check_semantics(semantics)
    _check_arguments(af, [arg], "the query")
    g, r = _reduce(af)
    if arg in g:
        return some_extension(af, semantics)
    if arg not in r.nodes or semantics == "grounded":
        return None
    i = r.nodes.index(arg)
    if semantics == "stable":
        e = sat.stable_with(r, [i + 1])
    elif semantics == "preferred":
        e = sat.preferred_containing(r, i)
    else:
        e = sat.complete_containing(r, i)
    return None if e is None else _lift(g, r, e)


def sceptical_counterexample(af: nx.DiGraph, arg: Hashable, semantics: str) -> Extension | None:
    """Return an extension not containing ``arg``, or None if every one contains it.

    With no stable extension at all, every argument is sceptically accepted
    under stable semantics (vacuously, as in ICCMA), so None is returned.

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "a")])
    >>> sorted(sceptical_counterexample(af, "a", "preferred"))
    ['b']
    """
    _check_semantics(semantics)
    _check_arguments(af, [arg], "the query")
    g, r = _reduce(af)
    if arg in g:
        return None
    if semantics in ("grounded", "complete"):
        return g
    if arg not in r.nodes:  # grounded OUT: no extension contains it
        return some_extension(af, semantics)
    i = r.nodes.index(arg)
    stable = semantics == "stable"
    e = sat.stable_with(r, [-(i + 1)]) if stable else sat.preferred_without(r, i)
    return None if e is None else _lift(g, r, e)


def credulously_accepted(af: nx.DiGraph, arg: Hashable, semantics: str) -> bool:
    """Return whether ``arg`` is in at least one extension under ``semantics``.

    Examples
    --------
    >>> credulously_accepted(nx.DiGraph([("a", "a")]), "a", "complete")
    False
    """
    return credulous_witness(af, arg, semantics) is not None


def sceptically_accepted(af: nx.DiGraph, arg: Hashable, semantics: str) -> bool:
    """Return whether ``arg`` is in every extension under ``semantics``.

    Under stable semantics a framework with no stable extension accepts every
    argument sceptically (vacuous truth, the ICCMA convention).

    Examples
    --------
    >>> odd = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    >>> sceptically_accepted(odd, "a", "stable"), sceptically_accepted(odd, "a", "preferred")
    (True, False)
    """
    return sceptical_counterexample(af, arg, semantics) is None


# ---------------------------------------------------------------- brute force


def _brute_force_extensions(af: nx.DiGraph, semantics: str) -> list[Extension]:
    """Enumerate extensions by checking every subset (tests only, ~<= 12 arguments).

    Examples
    --------
    >>> [sorted(e) for e in _brute_force_extensions(nx.DiGraph([("a", "b")]), "stable")]
    [['a']]
    """
    _check_semantics(semantics)
    nodes = sorted(af, key=node_order_key)
    subsets = [frozenset(c) for k in range(len(nodes) + 1) for c in combinations(nodes, k)]
    if semantics == "stable":
        found = [s for s in subsets if is_stable(af, s)]
    elif semantics == "complete":
        found = [s for s in subsets if is_complete(af, s)]
    elif semantics == "grounded":
        comp = [s for s in subsets if is_complete(af, s)]
        found = [s for s in comp if all(s <= t for t in comp)]
    else:
        adm = [s for s in subsets if is_admissible(af, s)]
        found = [s for s in adm if not any(s < t for t in adm)]
    return sort_extensions(found)
