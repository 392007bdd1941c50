"""Abstract argumentation (Dung 1995) over a ``networkx.DiGraph`` or a compiled framework.

A framework is a directed graph: node = argument (any hashable), edge
``(a, b)`` = "a attacks b".  Every function also takes a
:class:`~argmap.semantics.framework.Framework`, the same framework compiled
to integer arrays; a graph is compiled on each call, so compile once when
asking many questions of a big framework.  Grounded semantics is computed by
linear-time propagation (:mod:`argmap.semantics.grounded`); complete,
preferred and stable semantics go through :mod:`argmap.semantics.sat`, which
only sees the part the grounded labelling leaves undecided.

Lists of extensions are sorted deterministically: each extension is read as
the sorted tuple of its members (numbers and numeric strings in numeric order,
then other strings, then anything else by ``repr``) and the tuples are
compared lexicographically, so the empty extension comes first.

Examples
--------
>>> import networkx as nx  # noqa: F401 - the doctests build graphs
>>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
>>> sorted(grounded_extension(af))
[]
>>> [sorted(e) for e in preferred_extensions(af)]
[['a', 'c'], ['b']]
>>> credulously_accepted(af, "c", "stable"), sceptically_accepted(af, "c", "stable")
(True, False)
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable
from dataclasses import dataclass
from itertools import combinations, pairwise
from typing import TYPE_CHECKING, Literal, cast

import numpy as np
import numpy.typing as npt

from argmap.errors import registered
from argmap.lazy import lazy_module
from argmap.semantics import sat
from argmap.semantics.framework import AnyFramework, Framework, as_framework, check_attack_graph
from argmap.semantics.grounded import Grounded, grounded_labels, grounded_sets_of_graph

if TYPE_CHECKING:
    import networkx as nx
else:  # imported when first used (the doctests build graphs): evaluate needs no graph
    nx = lazy_module("networkx")

__all__ = [
    "LABELS",
    "SEMANTICS",
    "SEMANTICS_REGISTRY",
    "Label",
    "Semantics",
    "SemanticsName",
    "complete_extensions",
    "credulous_witness",
    "credulously_accepted",
    "extension_masks",
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
    "node_sorted",
    "sceptical_codes",
    "preferred_extensions",
    "sceptical_counterexample",
    "semantics_of",
    "sceptically_accepted",
    "some_extension",
    "sort_extensions",
    "stable_extensions",
]

Label = Literal["in", "out", "undec"]
"""The label of an argument in a labelling."""
SemanticsName = Literal["grounded", "complete", "preferred", "stable"]
"""The names of the Dung semantics."""
Extension = frozenset[Hashable]
Mask = npt.NDArray[np.bool_]
Found = frozenset[int] | None


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


def node_sorted(names: Iterable[Hashable]) -> list[Hashable]:
    """Return ``names`` sorted by :func:`node_order_key`.

    Strings none of which is all digits sort as plain strings, without a
    key per name (what the ids of a map are, in the usual case).

    Examples
    --------
    >>> node_sorted(["b", "10", "2", "a"]), node_sorted(["b", "a"])
    (['2', '10', 'a', 'b'], ['a', 'b'])
    """
    items = list(names)
    if set(map(type, items)) <= {str}:
        strings = cast("list[str]", items)
        if not any(map(str.isdecimal, strings)):
            strings.sort()  # every key is (1, 0, name)
            return items
    return sorted(items, key=node_order_key)


def sort_extensions(exts: Iterable[Collection[Hashable]]) -> list[Extension]:
    """Sort extensions deterministically (see the module docstring).

    Examples
    --------
    >>> [sorted(e) for e in sort_extensions([{"b"}, set(), {"a", "b"}, {"a"}])]
    [[], ['a'], ['a', 'b'], ['b']]
    """

    def key(ext: Extension) -> list[tuple[int, int, str]]:
        return sorted(map(node_order_key, ext))

    found = [frozenset(e) for e in exts]
    if len(found) < 2:  # nothing to order: the key of a big extension costs a sort of it
        return found
    return sorted(found, key=key)


# ---------------------------------------------------------------- the registry


@dataclass(frozen=True)
class Semantics:
    """A Dung semantics: its name, what it computes, and how it is computed.

    Every function works on the part the grounded labelling leaves undecided
    (a :class:`~argmap.semantics.sat.Reduced` framework, arguments ``0 ..
    n-1``); None where the grounded extension is the answer:

    - ``all``: every extension;
    - ``one``: one extension (None if there is none);
    - ``containing(r, i)`` / ``without(r, i)``: an extension with / without
      argument ``i`` (None: no such extension);
    - ``brute``: the extensions among all ``subsets`` by definition (tests).
    """

    name: SemanticsName
    description: str
    all: Callable[[sat.Reduced], Iterable[frozenset[int]]]
    one: Callable[[sat.Reduced], Found] | None
    containing: Callable[[sat.Reduced, int], Found] | None
    without: Callable[[sat.Reduced, int], Found] | None
    brute: Callable[[Framework, list[Extension]], list[Extension]]


def _least(af: Framework, subsets: list[Extension]) -> list[Extension]:
    comp = [s for s in subsets if is_complete(af, s)]
    return [s for s in comp if all(s <= t for t in comp)]


def _maximal_admissible(af: Framework, subsets: list[Extension]) -> list[Extension]:
    adm = [s for s in subsets if is_admissible(af, s)]
    return [s for s in adm if not any(s < t for t in adm)]


#: Dung semantics by name
SEMANTICS_REGISTRY: dict[str, Semantics] = {
    s.name: s
    for s in (
        Semantics(
            "grounded",
            "the least complete extension: accept only what nothing undecided can defeat",
            lambda _r: [frozenset()],
            None,
            lambda _r, _i: None,
            None,
            _least,
        ),
        Semantics(
            "complete",
            "every admissible set that contains all the arguments it defends",
            sat.complete_all,
            None,
            sat.complete_containing,
            None,
            lambda af, subsets: [s for s in subsets if is_complete(af, s)],
        ),
        Semantics(
            "preferred",
            "the maximal admissible sets",
            sat.preferred_all,
            sat.preferred_one,
            sat.preferred_containing,
            sat.preferred_without,
            _maximal_admissible,
        ),
        Semantics(
            "stable",
            "the conflict-free sets that attack every argument outside them",
            sat.stable_all,
            sat.stable_one,
            lambda r, i: sat.stable_with(r, [i + 1]),
            lambda r, i: sat.stable_with(r, [-(i + 1)]),
            lambda af, subsets: [s for s in subsets if is_stable(af, s)],
        ),
    )
}
SEMANTICS: tuple[str, ...] = tuple(SEMANTICS_REGISTRY)


def semantics_of(semantics: str) -> Semantics:
    """Return the registered semantics named ``semantics``.

    Examples
    --------
    >>> semantics_of("preferred").description
    'the maximal admissible sets'
    >>> semantics_of("ideal")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: <semantics>: error: unknown-semantics: ...
    """
    return registered(SEMANTICS_REGISTRY, semantics, "unknown-semantics", "semantics")


# ---------------------------------------------------------------- grounded


def _grounded_names(af: Framework, lab: Grounded) -> Extension:
    return frozenset(af.names_of(lab.inn))


def grounded_extension(af: AnyFramework) -> Extension:
    """Return the grounded extension: the least complete extension.

    Runs in time linear in the number of arguments and attacks
    (:mod:`argmap.semantics.grounded`): over the adjacency dictionaries of a
    ``networkx`` graph, or over the arrays of a compiled
    :class:`~argmap.semantics.framework.Framework`, which is several times
    faster when the framework is already compiled.

    Examples
    --------
    >>> sorted(grounded_extension(nx.DiGraph([("a", "b"), ("b", "c")])))
    ['a', 'c']
    >>> grounded_extension(nx.DiGraph([("a", "b"), ("b", "a")]))
    frozenset()
    >>> grounded_extension(Framework.from_edges([(1, 2)]))
    frozenset({1})
    """
    if isinstance(af, Framework):
        return _grounded_names(af, grounded_labels(af))
    return frozenset(grounded_sets_of_graph(check_attack_graph(af))[0])


#: the labels by code (:func:`sceptical_codes`)
LABELS: tuple[Label, Label, Label] = ("undec", "in", "out")


def _labelling(af: Framework, inn: Mask, out: Mask) -> dict[Hashable, Label]:
    """Label every argument: ``in`` where ``inn``, else ``out`` where ``out``, else ``undec``."""
    codes = np.where(inn, 1, np.where(out, 2, 0))
    return dict(zip(af.names, map(LABELS.__getitem__, codes.tolist()), strict=True))


def grounded_labelling(af: AnyFramework) -> dict[Hashable, Label]:
    """Return the grounded labelling (every argument ``in``, ``out`` or ``undec``).

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "c"), ("d", "d")])
    >>> grounded_labelling(af)
    {'a': 'in', 'b': 'out', 'c': 'in', 'd': 'undec'}
    """
    if isinstance(af, Framework):
        lab = grounded_labels(af)
        return _labelling(af, lab.inn, lab.out)
    inn, out = grounded_sets_of_graph(check_attack_graph(af))
    labels: dict[Hashable, Label] = dict.fromkeys(af, "undec")
    labels.update(dict.fromkeys(out, "out"))
    labels.update(dict.fromkeys(inn, "in"))
    return labels


def _reduce(af: Framework) -> tuple[Extension, sat.Reduced]:
    """Return the grounded extension and the undecided rest, numbered for SAT.

    The undecided arguments are numbered in :func:`node_order_key` order of
    their names and each one's attackers listed in ascending number, so the
    SAT problem (and the extension it yields) depends only on the framework,
    not on the order it was built in.
    """
    lab = grounded_labels(af)
    undec = np.flatnonzero(lab.undecided())
    names = af.names_of(undec)
    order = sorted(range(len(names)), key=lambda k: node_order_key(names[k]))
    rank = np.full(len(af), -1, dtype=np.intp)
    rank[undec[order]] = np.arange(len(order), dtype=np.intp)
    src, dst = rank[af.sources()], rank[af.succ_idx]
    keep = (src >= 0) & (dst >= 0)
    src, dst = src[keep], dst[keep]
    by_target = np.lexsort((src, dst))
    src, dst = src[by_target].tolist(), dst[by_target]
    bounds = np.searchsorted(dst, np.arange(len(order) + 1)).tolist()
    attackers = tuple(tuple(src[lo:hi]) for lo, hi in pairwise(bounds))
    return _grounded_names(af, lab), sat.Reduced(tuple(names[k] for k in order), attackers)


def _lift(grounded: Extension, r: sat.Reduced, ext: Iterable[int]) -> Extension:
    return grounded.union(r.nodes[i] for i in ext)


# ---------------------------------------------------------------- checks


def _attacked(af: Framework, members: Mask) -> Mask:
    """Return a mask of the arguments attacked by the ``members`` mask."""
    hit = np.zeros(len(af), dtype=np.bool_)
    hit[af.succ_idx[members[af.sources()]]] = True
    return hit


def _set_masks(af: AnyFramework, s: Collection[Hashable]) -> tuple[Framework, Mask, Mask]:
    """Return the compiled framework, the mask of ``s`` and of what ``s`` attacks."""
    fw = as_framework(af)
    members = fw.mask(s, "the set")
    return fw, members, _attacked(fw, members)


def is_conflict_free(af: AnyFramework, s: Collection[Hashable]) -> bool:
    """Return whether no member of ``s`` attacks a member of ``s``.

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b")])
    >>> is_conflict_free(af, {"a", "b"}), is_conflict_free(af, {"a"})
    (False, True)
    """
    _, members, hit = _set_masks(af, s)
    return not (hit & members).any()


def _defends_all(af: Framework, members: Mask, hit: Mask) -> bool:
    """Return whether every attacker of a member is attacked (``hit``)."""
    return bool(hit[af.sources()[members[af.succ_idx]]].all())


def is_admissible(af: AnyFramework, s: Collection[Hashable]) -> bool:
    """Return whether ``s`` is conflict-free and attacks every attacker of its members.

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> is_admissible(af, {"c"}), is_admissible(af, {"a", "c"})
    (False, True)
    """
    fw, members, hit = _set_masks(af, s)
    return not (hit & members).any() and _defends_all(fw, members, hit)


def is_complete(af: AnyFramework, s: Collection[Hashable]) -> bool:
    """Return whether ``s`` is admissible and contains every argument it defends.

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> is_complete(af, {"a"}), is_complete(af, {"a", "c"})
    (False, True)
    """
    fw, members, hit = _set_masks(af, s)
    if (hit & members).any() or not _defends_all(fw, members, hit):
        return False
    undefended = np.bincount(fw.succ_idx[~hit[fw.sources()]], minlength=len(fw))
    return not ((undefended == 0) & ~members).any()


def is_stable(af: AnyFramework, s: Collection[Hashable]) -> bool:
    """Return whether ``s`` is conflict-free and attacks every argument outside it.

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "a")])
    >>> is_stable(af, {"a"}), is_stable(af, set())
    (True, False)
    """
    _, members, hit = _set_masks(af, s)
    return not (hit & members).any() and bool((hit | members).all())


def is_preferred(af: AnyFramework, s: Collection[Hashable]) -> bool:
    """Return whether ``s`` is a maximal admissible set (one SAT call).

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "a")])
    >>> is_preferred(af, {"a"}), is_preferred(af, set())
    (True, False)
    """
    fw = as_framework(af)
    if not is_complete(fw, s):
        return False
    _, r = _reduce(fw)
    index = {n: i for i, n in enumerate(r.nodes)}
    return sat.is_maximal_complete(r, frozenset(index[a] for a in s if a in index))


# ---------------------------------------------------------------- extensions


def _lifted(
    af: AnyFramework, solve: Callable[[sat.Reduced], Iterable[frozenset[int]]]
) -> list[Extension]:
    """Run a SAT enumeration on the undecided part; return its extensions, sorted."""
    g, r = _reduce(as_framework(af))
    return sort_extensions(_lift(g, r, e) for e in solve(r))


def complete_extensions(af: AnyFramework) -> list[Extension]:
    """Return all complete extensions, sorted (SAT enumeration).

    Examples
    --------
    >>> [sorted(e) for e in complete_extensions(nx.DiGraph([("a", "b"), ("b", "a")]))]
    [[], ['a'], ['b']]
    """
    return _lifted(af, sat.complete_all)


def preferred_extensions(af: AnyFramework) -> list[Extension]:
    """Return all preferred extensions, sorted (iterative SAT: grow, block, repeat).

    Examples
    --------
    >>> preferred_extensions(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]))
    [frozenset()]
    """
    return _lifted(af, sat.preferred_all)


def stable_extensions(af: AnyFramework) -> list[Extension]:
    """Return all stable extensions, sorted; the list may be empty.

    Examples
    --------
    >>> stable_extensions(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]))
    []
    """
    return _lifted(af, sat.stable_all)


def extensions(af: AnyFramework, semantics: SemanticsName) -> list[Extension]:
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
    sem = semantics_of(semantics)
    if sem.name == "grounded":  # no undecided part to solve: skip the reduction
        return [grounded_extension(af)]
    return _lifted(af, sem.all)


def some_extension(af: AnyFramework, semantics: SemanticsName) -> Extension | None:
    """Return one extension under ``semantics``, or None if there is none.

    Only stable semantics can have none.  The choice is deterministic: it
    depends on the arguments and attacks, not on the order they were added
    in.  For preferred semantics this costs a few SAT calls on the undecided
    part, not an enumeration.

    Examples
    --------
    >>> sorted(some_extension(nx.DiGraph([("a", "b"), ("b", "a")]), "stable"))
    ['a']
    """
    one = semantics_of(semantics).one
    if one is None:
        return grounded_extension(af)
    g, r = _reduce(as_framework(af))
    if not r.size:
        return g
    e = one(r)
    return None if e is None else _lift(g, r, e)


def extension_masks(af: Framework, semantics: SemanticsName) -> list[Mask]:
    """Return the extensions of :func:`extensions`, in its order, as masks over ``af``.

    Examples
    --------
    >>> fw = Framework.from_edges([("a", "b"), ("b", "a")])
    >>> [m.tolist() for m in extension_masks(fw, "preferred")]
    [[True, False], [False, True]]
    >>> [m.tolist() for m in extension_masks(fw, "grounded")]
    [[False, False]]
    """
    if semantics_of(semantics).name == "grounded":  # the masks as solved: no names
        return [grounded_labels(af).inn]
    return [af.mask(e, "the extension") for e in extensions(af, semantics)]


def sceptical_codes(af: Framework, masks: Collection[Mask]) -> npt.NDArray[np.intp]:
    """Return the sceptical label of every argument of ``af`` as an index into :data:`LABELS`.

    ``masks`` are the extensions (:func:`extension_masks`).  An argument is
    ``in`` (code 1) if it is in every extension, ``out`` (2) if every
    extension attacks it without holding it, ``undec`` (0) otherwise; with no
    extension at all, every argument is ``undec``.  With one extension this
    is that extension's labelling (:func:`labelling_from_extension`).

    Examples
    --------
    >>> fw = Framework.from_edges([("a", "b"), ("b", "a"), ("b", "c")])
    >>> sceptical_codes(fw, extension_masks(fw, "preferred")).tolist()
    [0, 0, 0]
    >>> sceptical_codes(fw, [fw.mask("ac")]).tolist(), LABELS
    ([1, 2, 1], ('undec', 'in', 'out'))
    """
    inn = np.ones(len(af), dtype=np.bool_)
    out = inn.copy()
    for members in masks:
        inn &= members
        out &= _attacked(af, members) & ~members
    codes = np.where(inn, 1, np.where(out, 2, 0))
    return codes if masks else np.zeros(len(af), dtype=np.intp)


def labelling_from_extension(af: AnyFramework, ext: Collection[Hashable]) -> dict[Hashable, Label]:
    """Return the labelling of ``ext``: in = ext, out = attacked by ext, undec = rest.

    A member of ``ext`` stays ``in`` even if ``ext`` attacks it (then ``ext``
    is not conflict-free and the labelling is not a legal one).

    Examples
    --------
    >>> labelling_from_extension(nx.DiGraph([("a", "b"), ("c", "c")]), {"a"})
    {'a': 'in', 'b': 'out', 'c': 'undec'}
    """
    fw = as_framework(af)
    members = fw.mask(ext, "the extension")
    return _labelling(fw, members, _attacked(fw, members))


# ---------------------------------------------------------------- acceptance


def _query(
    af: AnyFramework, arg: Hashable, semantics: SemanticsName
) -> tuple[Semantics, Framework, Extension, sat.Reduced]:
    """Check an acceptance query; return the semantics, framework, grounded extension, rest."""
    sem = semantics_of(semantics)
    fw = as_framework(af)
    fw.index(arg)  # raises unknown-argument
    return (sem, fw, *_reduce(fw))


def credulous_witness(
    af: AnyFramework, arg: Hashable, semantics: SemanticsName
) -> Extension | None:
    """Return an extension containing ``arg``, or None if none does.

    The witness is an extension of the asked semantics: a complete set grown
    to a maximal one under preferred semantics.

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "a")])
    >>> sorted(credulous_witness(af, "b", "preferred"))
    ['b']
    """
    sem, fw, g, r = _query(af, arg, semantics)
    if arg in g:
        return some_extension(fw, semantics)
    if arg not in r.nodes or sem.containing is None:
        return None
    e = sem.containing(r, r.nodes.index(arg))
    return None if e is None else _lift(g, r, e)


def sceptical_counterexample(
    af: AnyFramework, arg: Hashable, semantics: SemanticsName
) -> Extension | None:
    """Return an extension not containing ``arg``, or None if every one contains it.

    With no stable extension at all, every argument is sceptically accepted
    under stable semantics (vacuously, as in ICCMA), so None is returned.

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "a")])
    >>> sorted(sceptical_counterexample(af, "a", "preferred"))
    ['b']
    """
    sem, fw, g, r = _query(af, arg, semantics)
    if arg in g:
        return None
    if sem.without is None:  # the grounded extension is one of them
        return g
    if arg not in r.nodes:  # grounded OUT: no extension contains it
        return some_extension(fw, semantics)
    e = sem.without(r, r.nodes.index(arg))
    return None if e is None else _lift(g, r, e)


def credulously_accepted(af: AnyFramework, arg: Hashable, semantics: SemanticsName) -> bool:
    """Return whether ``arg`` is in at least one extension under ``semantics``.

    Examples
    --------
    >>> credulously_accepted(nx.DiGraph([("a", "a")]), "a", "complete")
    False
    """
    return credulous_witness(af, arg, semantics) is not None


def sceptically_accepted(af: AnyFramework, arg: Hashable, semantics: SemanticsName) -> bool:
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


def _brute_force_extensions(af: AnyFramework, semantics: SemanticsName) -> list[Extension]:
    """Enumerate extensions by checking every subset (tests only, ~<= 12 arguments).

    Examples
    --------
    >>> [sorted(e) for e in _brute_force_extensions(nx.DiGraph([("a", "b")]), "stable")]
    [['a']]
    """
    sem = semantics_of(semantics)
    fw = as_framework(af)
    nodes = sorted(fw, key=node_order_key)
    subsets = [frozenset(c) for k in range(len(nodes) + 1) for c in combinations(nodes, k)]
    return sort_extensions(sem.brute(fw, subsets))
