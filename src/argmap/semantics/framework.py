"""A compiled abstract argumentation framework: integer arrays instead of a graph.

:class:`Framework` numbers the arguments ``0 .. n-1`` (``names[i]`` is the
name of argument ``i``) and stores the attacks twice in compressed sparse row
(CSR) form, as ``numpy`` arrays of ``numpy.intp``:

- ``succ_ptr`` / ``succ_idx``: argument ``i`` attacks
  ``succ_idx[succ_ptr[i]:succ_ptr[i + 1]]`` (ascending);
- ``pred_ptr`` / ``pred_idx``: argument ``i`` is attacked by
  ``pred_idx[pred_ptr[i]:pred_ptr[i + 1]]`` (ascending).

A framework is immutable (its arrays are read-only); every attack is stored
once (duplicates given to a constructor are dropped) and self-attacks are
allowed.  Build one from a
``networkx.DiGraph`` (:meth:`Framework.from_digraph`), from named attacks
(:meth:`Framework.from_edges`) or from index arrays (the constructor);
:func:`argmap.formats.iccma.read_iccma23_framework` reads ICCMA 2023 text
straight into one.  Every function of :mod:`argmap.semantics.dung` accepts a
framework as well as a graph; compiling once and asking many questions saves
the compile.

Examples
--------
>>> af = Framework.from_edges([("a", "b"), ("b", "c")], arguments=["d"])
>>> af
Framework(4 arguments, 2 attacks)
>>> af.names, af.succ_ptr.tolist(), af.succ_idx.tolist()
(('d', 'a', 'b', 'c'), [0, 0, 1, 2, 2], [2, 3])
>>> af.attackers("c")
['b']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping
from itertools import chain
from typing import TYPE_CHECKING, TypeAlias

import numpy as np
import numpy.typing as npt

from argmap.errors import ArgmapError, Diagnostic
from argmap.lazy import lazy_module

if TYPE_CHECKING:
    import networkx as nx
else:  # imported when first used (the doctests build graphs): evaluate needs no graph
    nx = lazy_module("networkx")

__all__ = ["AnyFramework", "Framework", "IndexArray", "as_framework", "check_attack_graph"]

IndexArray: TypeAlias = npt.NDArray[np.intp]
"""A one-dimensional array of argument indices."""

_EMPTY: IndexArray = np.zeros(0, dtype=np.intp)


def _error(code: str, message: str, hint: str) -> ArgmapError:
    return ArgmapError([Diagnostic("<framework>", 0, 0, code, message, hint=hint)])


def _index_of(names: tuple[Hashable, ...]) -> dict[Hashable, int]:
    index = dict(zip(names, range(len(names)), strict=True))
    if len(index) < len(names):
        twice = next(x for x, k in Counter(names).items() if k > 1)
        raise _error(
            "duplicate-argument",
            f"argument {twice!r} is named twice",
            "give every argument one distinct name",
        )
    return index


def _as_indices(values: npt.ArrayLike, what: str) -> IndexArray:
    arr = np.asarray(values)
    if arr.size == 0:
        return _EMPTY
    if arr.ndim != 1 or not np.issubdtype(arr.dtype, np.integer):
        raise _error(
            "bad-attack",
            f"{what} must be a flat sequence of integers, got {arr.dtype} of shape {arr.shape}",
            "pass argument numbers 0 .. n-1",
        )
    return arr.astype(np.intp, copy=False)


def _csr(n: int, keys: IndexArray) -> tuple[IndexArray, IndexArray]:
    """Return (ptr, idx) for sorted distinct keys ``row * n + column``."""
    rows, cols = np.divmod(keys, max(n, 1))
    ptr = np.zeros(n + 1, dtype=np.intp)
    np.cumsum(np.bincount(rows, minlength=n), out=ptr[1:])
    return ptr, cols.astype(np.intp, copy=False)


def _sorted_distinct(keys: IndexArray) -> IndexArray:
    keys = np.sort(keys)
    if keys.size > 1:
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    return keys


class Framework:
    """An abstract argumentation framework over arguments ``0 .. n-1``.

    Parameters
    ----------
    names
        Distinct hashable names; ``names[i]`` names argument ``i``.
    sources, targets
        Equal-length integer sequences: attack ``k`` is
        ``sources[k] -> targets[k]``.  Repeated attacks count once.

    Raises
    ------
    ArgmapError
        ``duplicate-argument`` for a name given twice, ``bad-attack`` for an
        attack whose ends are not argument numbers.

    Examples
    --------
    >>> af = Framework(["x", "y"], [0, 1, 1], [1, 0, 0])
    >>> af.attack_count, af.pred_idx.tolist()
    (2, [1, 0])
    >>> Framework(["x"], [0], [3])
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: <framework>: error: bad-attack: attack 0 -> 3 names ...
    """

    __slots__ = ("_index", "_name_array", "names", "pred_idx", "pred_ptr", "succ_idx", "succ_ptr")

    names: tuple[Hashable, ...]
    succ_ptr: IndexArray
    succ_idx: IndexArray
    pred_ptr: IndexArray
    pred_idx: IndexArray
    _index: dict[Hashable, int]
    _name_array: npt.NDArray[np.object_]

    def __init__(
        self,
        names: Iterable[Hashable],
        sources: npt.ArrayLike = (),
        targets: npt.ArrayLike = (),
    ) -> None:
        self.names = tuple(names)
        self._index = _index_of(self.names)
        src, dst = _as_indices(sources, "sources"), _as_indices(targets, "targets")
        if src.shape != dst.shape:
            raise _error(
                "bad-attack",
                f"{src.size} sources but {dst.size} targets",
                "give one source and one target per attack",
            )
        n = len(self.names)
        bad = np.flatnonzero((src < 0) | (src >= n) | (dst < 0) | (dst >= n))
        if bad.size:
            k = int(bad[0])
            raise _error(
                "bad-attack",
                f"attack {src[k]} -> {dst[k]} names an argument outside 0 .. {n - 1}",
                "number the arguments 0 .. n-1",
            )
        self._compile(src, dst)

    def _compile(self, src: IndexArray, dst: IndexArray) -> None:
        n = len(self.names)
        self._name_array = np.fromiter(self.names, dtype=np.object_, count=n)
        self.succ_ptr, self.succ_idx = _csr(n, _sorted_distinct(src * n + dst))
        self.pred_ptr, self.pred_idx = _csr(n, np.sort(self.succ_idx * n + self.sources()))
        for arr in (self._name_array, self.succ_ptr, self.succ_idx, self.pred_ptr, self.pred_idx):
            arr.flags.writeable = False

    @classmethod
    def _trusted(
        cls,
        names: tuple[Hashable, ...],
        index: dict[Hashable, int],
        src: IndexArray,
        dst: IndexArray,
    ) -> Framework:
        """Build from checked names and in-range index arrays, skipping the checks."""
        fw = cls.__new__(cls)
        fw.names, fw._index = names, index
        fw._compile(src, dst)
        return fw

    # ------------------------------------------------------------ constructors

    @classmethod
    def from_digraph(cls, graph: nx.DiGraph) -> Framework:
        """Compile a graph whose edge ``(a, b)`` means "a attacks b".

        Arguments are numbered in the graph's node order.

        Examples
        --------
        >>> Framework.from_digraph(nx.DiGraph([(1, 2), (2, 2)])).succ_idx.tolist()
        [1, 1]
        """
        names = tuple(graph)
        index = dict(zip(names, range(len(names)), strict=True))
        # networkx keeps plain dicts behind its read-only views; reading them
        # directly is several times faster than going through ``graph.succ``.
        succ = getattr(graph, "_succ", None)
        if not isinstance(succ, dict):  # pragma: no cover - exotic graph classes
            succ = graph.succ
        rows = [succ[a] for a in names]
        src = np.repeat(np.arange(len(names), dtype=np.intp), list(map(len, rows)))
        # materialising the targets first is faster than one fused np.fromiter
        targets = list(chain.from_iterable(rows))
        dst = np.array(list(map(index.__getitem__, targets)), dtype=np.intp)
        return cls._trusted(names, index, src, dst)

    @classmethod
    def from_index(cls, index: dict[Hashable, int], src: IndexArray, dst: IndexArray) -> Framework:
        """Compile the attacks ``src[k] -> dst[k]`` between the arguments numbered by ``index``.

        ``index`` maps every argument to its number, ``0 .. n-1`` in the
        dictionary's order; neither it nor the numbers are checked.

        Examples
        --------
        >>> fw = Framework.from_index({"a": 0, "b": 1}, np.array([0, 0]), np.array([1, 1]))
        >>> fw.names, fw.attacked_by("a")
        (('a', 'b'), ['b'])
        """
        return cls._trusted(tuple(index), index, src, dst)

    @classmethod
    def from_edges(
        cls, attacks: Iterable[tuple[Hashable, Hashable]], arguments: Iterable[Hashable] = ()
    ) -> Framework:
        """Compile named attacks ``(attacker, target)`` plus extra ``arguments``.

        Arguments are numbered in the order given: ``arguments`` first, then
        the ones first met in ``attacks``.

        Examples
        --------
        >>> Framework.from_edges([("b", "a"), ("b", "a")], arguments=["a"]).names
        ('a', 'b')
        """
        index: dict[Hashable, int] = {}
        number = index.setdefault
        for a in arguments:
            number(a, len(index))
        src: list[int] = []
        dst: list[int] = []
        for a, b in attacks:
            src.append(number(a, len(index)))
            dst.append(number(b, len(index)))
        return cls._trusted(tuple(index), index, np.array(src, np.intp), np.array(dst, np.intp))

    # ------------------------------------------------------------ names

    @property
    def numbering(self) -> Mapping[Hashable, int]:
        """Return the number of every argument, by name (read only).

        Examples
        --------
        >>> dict(Framework(["x", "y"]).numbering)
        {'x': 0, 'y': 1}
        """
        return self._index

    def __len__(self) -> int:
        return len(self.names)

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self.names)

    def __contains__(self, name: object) -> bool:
        try:
            return name in self._index
        except TypeError:  # an unhashable query names no argument
            return False

    def __repr__(self) -> str:
        return f"Framework({len(self)} arguments, {self.attack_count} attacks)"

    @property
    def attack_count(self) -> int:
        """Return the number of attacks."""
        return int(self.succ_idx.size)

    def index(self, name: Hashable) -> int:
        """Return the number of the argument ``name``.

        Examples
        --------
        >>> Framework(["x", "y"]).index("y")
        1
        >>> Framework(["x"]).index("z")
        Traceback (most recent call last):
        ...
        argmap.errors.ArgmapError: <framework>: error: unknown-argument: the query names ...
        """
        return int(self.indices([name], "the query")[0])

    def indices(self, names: Iterable[Hashable], what: str = "the set") -> IndexArray:
        """Return the numbers of ``names``; ``what`` names the caller's set in errors.

        Examples
        --------
        >>> Framework(["x", "y"]).indices(["y", "x"]).tolist()
        [1, 0]
        """
        wanted = list(names)
        try:
            return np.fromiter(
                map(self._index.__getitem__, wanted), dtype=np.intp, count=len(wanted)
            )
        except (KeyError, TypeError):  # below: name every argument that is not there
            missing = [a for a in wanted if a not in self]
        raise ArgmapError(
            Diagnostic(
                "<framework>",
                0,
                0,
                "unknown-argument",
                f"{what} names argument {a!r}, which is not in the framework",
                hint="use one of the framework's arguments",
            )
            for a in missing
        )

    def mask(self, names: Iterable[Hashable], what: str = "the set") -> npt.NDArray[np.bool_]:
        """Return a boolean array, true at the arguments named.

        Examples
        --------
        >>> Framework(["x", "y"]).mask(["y"]).tolist()
        [False, True]
        """
        m = np.zeros(len(self), dtype=np.bool_)
        m[self.indices(names, what)] = True
        return m

    def names_of(self, selection: npt.ArrayLike) -> list[Hashable]:
        """Return the names of the arguments picked by numbers or by a boolean mask.

        Examples
        --------
        >>> af = Framework(["x", "y", "z"])
        >>> af.names_of([2, 0]), af.names_of([False, True, True])
        (['z', 'x'], ['y', 'z'])
        """
        sel = np.asarray(selection)
        if not sel.size:  # an empty list would index as floats
            sel = _EMPTY
        picked: list[Hashable] = self._name_array[sel].tolist()
        return picked

    # ------------------------------------------------------------ attacks

    def sources(self) -> IndexArray:
        """Return the attacker of each attack, aligned with :attr:`succ_idx`.

        Examples
        --------
        >>> Framework(["x", "y"], [1, 0], [0, 0]).sources().tolist()
        [0, 1]
        """
        counts = np.diff(self.succ_ptr)
        return np.repeat(np.arange(len(self), dtype=np.intp), counts)

    def in_degree(self) -> IndexArray:
        """Return the number of attackers of every argument.

        Examples
        --------
        >>> Framework(["x", "y"], [0, 1], [1, 1]).in_degree().tolist()
        [0, 2]
        """
        return np.diff(self.pred_ptr)

    def attacked_by(self, name: Hashable) -> list[Hashable]:
        """Return the arguments that ``name`` attacks.

        Examples
        --------
        >>> Framework.from_edges([("a", "b"), ("a", "a")]).attacked_by("a")
        ['a', 'b']
        """
        i = self.index(name)
        return self.names_of(self.succ_idx[self.succ_ptr[i] : self.succ_ptr[i + 1]])

    def attackers(self, name: Hashable) -> list[Hashable]:
        """Return the arguments that attack ``name``.

        Examples
        --------
        >>> Framework.from_edges([("a", "b"), ("b", "b")]).attackers("b")
        ['a', 'b']
        """
        i = self.index(name)
        return self.names_of(self.pred_idx[self.pred_ptr[i] : self.pred_ptr[i + 1]])

    def to_digraph(self) -> nx.DiGraph:
        """Return the framework as a ``networkx.DiGraph`` (nodes in index order).

        Examples
        --------
        >>> sorted(Framework.from_edges([("a", "b")]).to_digraph().edges)
        [('a', 'b')]
        """
        g = nx.DiGraph()
        g.add_nodes_from(self.names)
        names = self.names
        g.add_edges_from(
            (names[a], names[b])
            for a, b in zip(self.sources().tolist(), self.succ_idx.tolist(), strict=True)
        )
        return g


AnyFramework: TypeAlias = "nx.DiGraph | Framework"
"""What the semantics functions accept: a graph or a compiled framework."""


def check_attack_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """Return ``graph`` if it can be an attack graph; raise for a map graph.

    A map graph (:func:`argmap.graph.to_networkx`, with a ``thesis``) has
    claims, inference nodes and supports as well as attacks: reading its
    edges as attacks gives wrong answers.  Its framework is
    :func:`argmap.semantics.bipolar.framework_of`.

    Examples
    --------
    >>> check_attack_graph(nx.DiGraph(thesis="t"))
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: <framework>: error: map-graph-not-framework: ...
    """
    if "thesis" in graph.graph:
        raise _error(
            "map-graph-not-framework",
            "a map graph was given where a Dung framework belongs",
            "pass argmap.semantics.bipolar.framework_of(graph, support)",
        )
    return graph


def as_framework(af: AnyFramework) -> Framework:
    """Return ``af`` compiled; a :class:`Framework` is returned as is.

    Raises ``map-graph-not-framework`` for a map graph (:func:`check_attack_graph`).

    Examples
    --------
    >>> fw = as_framework(nx.DiGraph([("a", "b")]))
    >>> as_framework(fw) is fw
    True
    """
    return af if isinstance(af, Framework) else Framework.from_digraph(check_attack_graph(af))
