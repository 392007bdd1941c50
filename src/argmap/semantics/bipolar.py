"""From the bipolar map to the Dung framework it means.

A map has two kinds of links between its items: *attacks* (an opposition
inference attacks the claim it opposes, an undercut attacks the inference it
undercuts) and *supports* (every premise supports the inference built on it,
and a support inference supports its conclusion).  The arguments of the
framework are the claims **and** the inference nodes of the map, so a linked
inference is one argument that needs all of its premises, and an undercut is an
ordinary attack on that argument.

Dung semantics know only attacks, so supports are turned into *derived
attacks*, in one of three readings (``support=``, registered in
:data:`SUPPORT_READINGS`):

``"necessary"`` (the default; Nouioua & Risch 2010)
    ``x`` supports ``y`` means ``y`` cannot be accepted without ``x``.
    Derived: *secondary* attacks (``a`` attacks ``x``, ``x`` supports⁺ ``y``
    ⇒ ``a`` attacks ``y``) and *extended* attacks (``x`` supports⁺ ``y``,
    ``x`` attacks ``b`` ⇒ ``y`` attacks ``b``).  A conclusion stands or falls
    with the arguments the essay gives for it.
``"deductive"`` (Boella, Gabbay, van der Torre & Villata 2010; Cayrol & Lagasquie-Schiex 2013)
    ``x`` supports ``y`` means accepting ``x`` forces accepting ``y``.
    Derived: *supported* attacks (``x`` supports⁺ ``y``, ``y`` attacks ``b``
    ⇒ ``x`` attacks ``b``) and *mediated* attacks (``a`` attacks ``y``,
    ``x`` supports⁺ ``y`` ⇒ ``a`` attacks ``x``).
``"none"``
    supports between claims are ignored: only the direct attacks count.

The two readings are duals: necessary support from ``x`` to ``y`` is
deductive support from ``y`` to ``x``, and secondary/extended attacks are
mediated/supported attacks with the supports reversed.  Derived attacks are
closed under the rules (an attack derived once may be propagated again), which
adds the super-mediated attacks of Cayrol & Lagasquie-Schiex 2013.

On a map (:func:`framework_of`) an inference needs each of its premises in
**every** reading, ``none`` included (premise dependence: an argument stands
only while its premises do).  The reading decides the rest of each support:

- necessary: the conclusion needs the support inference;
- deductive: the support inference forces its conclusion, and a premise that
  is the support's *only* premise forces the inference (``a supports b`` is
  the paper's abstract support ``a ⇒ b``), so an attack on ``b`` is a mediated
  attack on ``a``.  The premises of a linked support force ``b`` only
  together, so an attack on ``b`` reaches the inference, not any one premise;
- none: nothing more.

Examples
--------
The textbook case: ``a`` supports ``b``, ``c`` attacks ``b``.

>>> import networkx as nx
>>> att, sup = nx.DiGraph([("c", "b")]), nx.DiGraph([("a", "b")])
>>> sorted(derived_attacks(att, sup, "deductive").edges)  # mediated: c attacks a
[('c', 'a'), ('c', 'b')]
>>> sorted(derived_attacks(att, sup, "necessary").edges)  # b needs a, not a needs b
[('c', 'b')]
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Literal, TypeAlias

from argmap.errors import registered
from argmap.graph import claim_nodes, edge_roles, inference_nodes
from argmap.semantics.mapindex import MapIndex, MapLike, as_index

if TYPE_CHECKING:  # imported where used: the framework needs numpy, the support graph networkx
    import networkx as nx
    import numpy as np
    import numpy.typing as npt

    from argmap.semantics.framework import Framework

__all__ = [
    "DEFAULT_SUPPORT",
    "SUPPORTS",
    "SUPPORT_READINGS",
    "SupportName",
    "SupportReading",
    "attack_graph",
    "attack_links",
    "derived_attacks",
    "framework_of",
    "need_graph",
    "need_links",
    "support_graph",
]

SupportName = Literal["necessary", "deductive", "none"]
"""The names of the support readings."""

Link = tuple[str, str]
_Ints: TypeAlias = "npt.NDArray[np.intp]"


@dataclass(frozen=True)
class SupportReading:
    """A reading of support: its name, what it means, where it comes from.

    ``needs(x, y)`` turns a support from ``x`` to ``y`` into *need* links
    ``(u, v)``, "``v`` cannot be accepted without ``u``", the form in which
    the derived attacks are computed (:func:`derived_attacks`).
    """

    name: SupportName
    description: str
    source: str
    needs: Callable[[str, str], tuple[Link, ...]]


#: support readings by name
SUPPORT_READINGS: dict[str, SupportReading] = {
    r.name: r
    for r in (
        SupportReading(
            "necessary",
            "x supports y: y cannot be accepted without x (secondary and extended attacks)",
            "Nouioua & Risch 2010",
            lambda x, y: ((x, y),),
        ),
        SupportReading(
            "deductive",
            "x supports y: accepting x forces accepting y (supported and mediated attacks)",
            "Boella et al. 2010; Cayrol & Lagasquie-Schiex 2013",
            lambda x, y: ((y, x),),
        ),
        SupportReading("none", "supports are ignored", "Dung 1995", lambda _x, _y: ()),
    )
}
SUPPORTS: tuple[str, ...] = tuple(SUPPORT_READINGS)
#: default reading of support: a conclusion stands or falls with its premises
DEFAULT_SUPPORT: SupportName = "necessary"


def _reading(support: str) -> SupportReading:
    return registered(SUPPORT_READINGS, support, "unknown-support", "support reading")


def _arguments(G: nx.DiGraph) -> list[str]:
    return claim_nodes(G) + inference_nodes(G)


def attack_links(G: nx.DiGraph) -> list[Link]:
    """The map's direct attacks ``(inference, target)``, in the graph's edge order.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("o", "a", {"role": "conflict"}), ("b", "o", {"role": "premise"})])
    >>> attack_links(G)
    [('o', 'a')]
    """
    return [(u, v) for u, v, role in edge_roles(G) if role in ("conflict", "undercut")]


def _graph(nodes: Iterable[str], links: Iterable[Link]) -> nx.DiGraph:
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from(links)
    return g


def attack_graph(G: nx.DiGraph) -> nx.DiGraph:
    """Return the map's direct attacks over claims and inference nodes.

    Edges: opposition inference → the claim it opposes, undercut inference →
    the inference it undercuts.  Every claim and inference is a node.

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> from argmap.graph import to_networkx
    >>> cs = tuple(Claim(id=i, text=i, quote=i, role="claim", by="authors") for i in "ab")
    >>> rs = (Relation(id="r", kind="opposition", premises=("b",), target="a"),)
    >>> sorted(attack_graph(to_networkx(Map("", "a", "", cs, rs))).edges)
    [('r', 'a')]
    """
    return _graph(_arguments(G), attack_links(G))


def support_graph(G: nx.DiGraph) -> nx.DiGraph:
    """Return the map's supports: premise → inference, support inference → conclusion.

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> from argmap.graph import to_networkx
    >>> cs = tuple(Claim(id=i, text=i, quote=i, role="claim", by="authors") for i in "abc")
    >>> rs = (Relation(id="r", kind="support", premises=("b", "c"), target="a"),)
    >>> sorted(support_graph(to_networkx(Map("", "a", "", cs, rs))).edges)
    [('b', 'r'), ('c', 'r'), ('r', 'a')]
    """
    import networkx as nx

    sg = nx.DiGraph()
    sg.add_nodes_from(_arguments(G))
    sg.add_edges_from(
        (u, v, {"role": role})
        for u, v, role in G.edges(data="role")
        if role in ("premise", "conclusion")
    )
    return sg


def derived_attacks(
    attacks: nx.DiGraph, supports: nx.DiGraph, support: str = DEFAULT_SUPPORT
) -> nx.DiGraph:
    """Return ``attacks`` closed under the derived attacks of a support reading.

    ``attacks`` and ``supports`` are abstract graphs over the same arguments
    (edge ``(a, b)``: a attacks / supports b).  See the module docstring for
    the rules.  The result has every node of both graphs.

    Examples
    --------
    Supported attack: ``a`` supports ``b``, ``b`` attacks ``c``.

    >>> import networkx as nx
    >>> att, sup = nx.DiGraph([("b", "c")]), nx.DiGraph([("a", "b")])
    >>> sorted(derived_attacks(att, sup, "deductive").edges)
    [('a', 'c'), ('b', 'c')]

    Secondary attack: ``c`` attacks ``a``, ``a`` supports ``b``.

    >>> sorted(derived_attacks(nx.DiGraph([("c", "a")]), sup, "necessary").edges)
    [('c', 'a'), ('c', 'b')]
    >>> sorted(derived_attacks(nx.DiGraph([("c", "a")]), sup, "none").edges)
    [('c', 'a')]
    """
    needs = _reading(support).needs
    links = [link for x, y in supports.edges for link in needs(x, y)]
    nodes = dict.fromkeys([*attacks, *supports, *(u for link in links for u in link)])
    return _graph([*nodes, *attacks], _close(attacks.edges, links))


def _close(attacks: Iterable[Link], need: Iterable[Link]) -> list[Link]:
    """Close ``attacks`` under secondary and extended attacks over ``need``.

    ``need`` holds a link ``(x, y)`` when ``y`` needs ``x``.  If ``a``
    attacks ``x``, then ``a`` and everything that needs ``a`` attack ``x``
    and everything that needs ``x``.  One pass gives the closure: applying
    the rules to a derived attack adds nothing new, since needing is
    transitive.  The attacks come out without repeats, in the order found.
    """
    needed_by: dict[str, list[str]] = {}
    for x, y in need:
        needed_by.setdefault(x, []).append(y)
    needing: dict[str, list[str]] = {}  # node -> itself and everything that needs it

    def with_needing(u: str) -> list[str]:
        if u not in needing:
            seen = {u: None}
            stack = [u]
            while stack:
                for v in needed_by.get(stack.pop(), ()):
                    if v not in seen:
                        seen[v] = None
                        stack.append(v)
            needing[u] = list(seen)
        return needing[u]

    closed: dict[Link, None] = {}
    for a, x in attacks:
        attacked = with_needing(x)
        closed.update(dict.fromkeys((z, y) for z in with_needing(a) for y in attacked))
    return list(closed)


def need_links(G: MapLike, support: str = DEFAULT_SUPPORT) -> list[Link]:
    """The links of :func:`need_graph`, inference by inference in sorted order.

    A link may come twice (a single premise is needed as a premise and, under
    the necessary reading, as the support's only reason).

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> from argmap.graph import to_networkx
    >>> cs = tuple(Claim(id=i, text=i, quote=i, role="claim", by="authors") for i in "ab")
    >>> need_links(to_networkx(Map("", "b", "", cs, (Relation("r", "support", ("a",), "b"),))))
    [('a', 'r'), ('r', 'b'), ('a', 'r')]
    """
    return _need_links(as_index(G), support)


def _need_links(ix: MapIndex, support: str) -> list[Link]:
    needs = _reading(support).needs
    links: list[Link] = []
    kind, targets = ix.kind, ix.target
    for r, prem in ix.premises.items():
        links += [(p, r) for p in prem]
        if kind[r] == "support":
            links += needs(r, targets[r][0])
            if len(prem) == 1:
                links += needs(prem[0], r)
    return links


def need_graph(G: nx.DiGraph, support: str = DEFAULT_SUPPORT) -> nx.DiGraph:
    """Return the need links of a map graph under a support reading.

    An edge ``x → y`` says ``y`` cannot be accepted without ``x``: every
    inference needs its premises; the support reading adds its own reading of
    each support inference's conclusion link and, when the support has one
    premise, of that premise's link (see the module docstring).

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> from argmap.graph import to_networkx
    >>> cs = tuple(Claim(id=i, text=i, quote=i, role="claim", by="authors") for i in "ab")
    >>> G = to_networkx(Map("", "b", "", cs, (Relation("r", "support", ("a",), "b"),)))
    >>> sorted(need_graph(G).edges), sorted(need_graph(G, "deductive").edges)
    ([('a', 'r'), ('r', 'b')], [('a', 'r'), ('b', 'r'), ('r', 'a')])
    >>> sorted(need_graph(G, "none").edges)
    [('a', 'r')]
    """
    return _graph(_arguments(G), need_links(G, support))


def framework_of(G: MapLike, support: str = DEFAULT_SUPPORT) -> Framework:
    """Return the Dung framework a map graph means under a support reading.

    Arguments are the claims and inference nodes of ``G`` (see
    :func:`argmap.graph.to_networkx`), claims first, each group sorted;
    attacks are :func:`attack_graph` closed under the derived attacks over
    :func:`need_graph`.  ``G`` may also be the map's index
    (:func:`argmap.semantics.mapindex.as_index`).

    Examples
    --------
    ``d`` opposes ``a``, the premise of ``r``: ``a`` supports ``b``.  Under
    necessary support the opposition ``o`` also attacks ``r`` and ``b``.

    >>> from argmap.model import Claim, Map, Relation
    >>> from argmap.graph import to_networkx
    >>> cs = tuple(Claim(id=i, text=i, quote=i, role="claim", by="authors") for i in "abd")
    >>> rs = (Relation(id="r", kind="support", premises=("a",), target="b"),
    ...       Relation(id="o", kind="opposition", premises=("d",), target="a"))
    >>> G = to_networkx(Map("", "b", "", cs, rs))
    >>> framework_of(G)
    Framework(5 arguments, 3 attacks)
    >>> sorted(framework_of(G).to_digraph().edges)
    [('o', 'a'), ('o', 'b'), ('o', 'r')]
    >>> sorted(framework_of(G, "deductive").to_digraph().edges)  # b does not need r
    [('o', 'a'), ('o', 'r')]
    """
    from argmap.semantics.framework import Framework

    ix = as_index(G)
    direct = [(r, t) for r, (t, role) in ix.target.items() if role in ("conflict", "undercut")]
    arguments = ix.claims + ix.inferences
    number: dict[Hashable, int] = dict(zip(arguments, range(len(arguments)), strict=True))
    if len(number) == len(arguments):  # else an id twice: the names are numbered as met, below
        try:
            attacks = (
                _numbers(number, map(itemgetter(0), direct), len(direct)),
                _numbers(number, map(itemgetter(1), direct), len(direct)),
            )
            need = _need_arrays(ix, support, number)
            return Framework.from_index(number, *_closed(len(number), attacks, need))
        except KeyError:  # a link to no claim or inference
            pass
    attacks_named = _close(direct, _need_links(ix, support))
    return Framework.from_edges(sorted(attacks_named), arguments=arguments)


def _numbers(number: dict[Hashable, int], names: Iterable[str], count: int) -> _Ints:
    """The numbers of ``count`` names."""
    import numpy as np

    return np.fromiter(map(number.__getitem__, names), np.intp, count)


def _need_arrays(ix: MapIndex, support: str, number: dict[Hashable, int]) -> tuple[_Ints, _Ints]:
    """The links of :func:`_need_links`, in another order, as arrays of argument numbers."""
    import numpy as np

    needs = _reading(support).needs("x", "y")  # the links of a support x -> y, symbolically
    ids = list(ix.premises)
    premises = list(ix.premises.values())
    sizes = np.fromiter(map(len, premises), np.intp, len(ids))
    inference = _numbers(number, ids, len(ids))
    is_support = np.fromiter(map("support".__eq__, map(ix.kind.__getitem__, ids)), np.bool_)
    supports = [r for r, s in zip(ids, is_support.tolist(), strict=True) if s]
    targets = map(itemgetter(0), map(ix.target.__getitem__, supports))
    single = is_support & (sizes == 1)
    firsts = [ps[0] for ps, s in zip(premises, single.tolist(), strict=True) if s]
    ends = (
        {"x": inference[is_support], "y": _numbers(number, targets, len(supports))},
        {"x": _numbers(number, firsts, len(firsts)), "y": inference[single]},
    )
    links = [
        (
            _numbers(number, chain.from_iterable(premises), int(sizes.sum())),
            np.repeat(inference, sizes),
        ),
        *((end[u], end[v]) for end in ends for u, v in needs),
    ]
    return np.concatenate([u for u, _ in links]), np.concatenate([v for _, v in links])


def _closed(n: int, attacks: tuple[_Ints, _Ints], need: tuple[_Ints, _Ints]) -> tuple[_Ints, _Ints]:
    """:func:`_close` over argument numbers ``0 .. n-1``, in numpy: the attacks, maybe repeated.

    Every attack ``(a, x)`` pairs every node of :func:`_reach` ``(a)`` with every node of
    ``_reach(x)``.
    """
    import numpy as np

    a, ia = np.unique(attacks[0], return_inverse=True)
    x, ix = np.unique(attacks[1], return_inverse=True)
    (ptr_a, reach_a), (ptr_x, reach_x) = _reach(n, need, a), _reach(n, need, x)
    size_a, size_x = np.diff(ptr_a)[ia], np.diff(ptr_x)[ix]
    total = size_a * size_x
    pair = np.repeat(np.arange(total.size, dtype=np.intp), total)
    offset = np.arange(pair.size, dtype=np.intp) - np.repeat(np.cumsum(total) - total, total)
    i, j = np.divmod(offset, size_x[pair])
    return reach_a[ptr_a[ia[pair]] + i], reach_x[ptr_x[ix[pair]] + j]


def _reach(n: int, need: tuple[_Ints, _Ints], starts: _Ints) -> tuple[_Ints, _Ints]:
    """What needs each of ``starts`` (itself included), level by level: ``(ptr, nodes)``.

    The nodes of ``starts[k]`` are ``nodes[ptr[k]:ptr[k + 1]]``, ascending.
    """
    import numpy as np

    order = np.argsort(need[0], kind="stable")
    succ = need[1][order]
    ptr = np.zeros(n + 1, dtype=np.intp)
    np.cumsum(np.bincount(need[0], minlength=n), out=ptr[1:])
    group, node = np.arange(starts.size, dtype=np.intp), starts
    found = [group * n + node]
    seen = set(found[0].tolist())
    while node.size:
        count = ptr[node + 1] - ptr[node]
        group = np.repeat(group, count)
        first = np.repeat(ptr[node] - np.cumsum(count) + count, count)
        fresh = set((group * n + succ[first + np.arange(group.size, dtype=np.intp)]).tolist())
        fresh -= seen
        seen |= fresh
        found.append(np.fromiter(fresh, np.intp, len(fresh)))
        group, node = np.divmod(found[-1], n)
    group, node = np.divmod(np.sort(np.concatenate(found)), n)
    groups = np.zeros(starts.size + 1, dtype=np.intp)
    np.cumsum(np.bincount(group, minlength=starts.size), out=groups[1:])
    return groups, node
