"""The map as a networkx DiGraph: claims, and one inference node per relation.

Following the AIF, every relation becomes an *inference node* between its
premises and its target, so linked and convergent arguments, oppositions and
undercuts are all the same shape and graph algorithms need no special cases:

- claim nodes: ``kind="claim"``, with ``text``, ``quote``, ``role``, ``by``,
  ``speaker`` (display name), ``tags``, ``note``, ``base``, ``paragraph``,
  ``span`` (``(start, end)`` in the source, or None).
- inference nodes, keyed by relation id: ``kind="inference"``, with
  ``relation`` (``"support"``, ``"opposition"`` or ``"undercut"``), ``scheme``,
  ``answered``, ``note``, ``linked`` (several premises).
- edges premise → inference: ``role="premise"``;
  inference → target: ``role="conclusion"`` (support), ``"conflict"``
  (opposition, into a claim) or ``"undercut"`` (into an inference node).
  Every edge also carries ``relation``, the kind of its inference.

Graph attributes: ``title``, ``thesis``, ``source``, ``file``.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> cs = tuple(Claim(id=i, text=i, quote=i, role="claim", by="authors") for i in "abc")
>>> rs = (Relation(id="r1", kind="support", premises=("b", "c"), target="a"),
...       Relation(id="r2", kind="opposition", premises=("c",), target="b"))
>>> G = to_networkx(Map(title="", thesis="a", source="", claims=cs, relations=rs))
>>> sorted(G.edges("r1", data="role"))
[('r1', 'a', 'conclusion')]
>>> premises(G, "r1"), target(G, "r2")
(['b', 'c'], 'b')
>>> sorted(claim_relations(G))
[(('b', 'c'), 'support', 'a'), (('c',), 'opposition', 'b')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, compress, count, repeat
from operator import attrgetter, not_
from typing import TYPE_CHECKING, Any

from argmap.model import RELATION_KINDS, Claim, Map, Relation

if TYPE_CHECKING:  # imported by to_networkx: the lints of `check` run without networkx
    import networkx as nx

__all__ = [
    "Links",
    "claim_nodes",
    "claim_relations",
    "edge_roles",
    "ends",
    "grouped",
    "inference_ends",
    "inference_nodes",
    "links_of",
    "premises",
    "spread",
    "target",
    "to_networkx",
]

_TARGET_ROLE = {"support": "conclusion", "opposition": "conflict", "undercut": "undercut"}


def to_networkx(m: Map) -> nx.DiGraph:
    """Return the map as a DiGraph of claim and inference nodes (see module doc).

    The graph's dicts are filled directly (what ``add_nodes_from`` and
    ``add_edges_from`` would build, in the same order, a few times faster on
    10^5 claims): a node named by a relation but not in the map is added
    bare, a relation sharing a claim's id adds its data to the claim's, a
    premise given twice is one edge.
    """
    import networkx as nx

    G = nx.DiGraph(title=m.title, thesis=m.thesis, source=m.source, file=m.file)
    names = {by: m.speaker_name(by) for by in {c.by for c in m.claims}}
    fill = _Filler(G._node, G._succ, G._pred)
    for c in m.claims:
        span = (c.span.start, c.span.end) if c.span else None
        fill.node(
            c.id,
            {
                "kind": "claim",
                "text": c.text,
                "quote": c.quote,
                "role": c.role,
                "by": c.by,
                "speaker": names[c.by],
                "tags": c.tags,
                "note": c.note,
                "base": c.base,
                "paragraph": c.paragraph,
                "span": span,
            },
        )
    for r in m.relations:
        fill.node(
            r.id,
            {
                "kind": "inference",
                "relation": r.kind,
                "scheme": r.scheme,
                "answered": r.answered,
                "note": r.note,
                "linked": r.linked,
            },
        )
    for r in m.relations:
        for p in r.premises:
            fill.edge(p, r.id, {"role": "premise", "relation": r.kind})
        fill.edge(r.id, r.target, {"role": _TARGET_ROLE[r.kind], "relation": r.kind})
    return G


@dataclass(frozen=True)
class _Filler:
    """The node and adjacency dicts of a DiGraph, filled as networkx fills them."""

    nodes: dict[str, dict[str, Any]]
    succ: dict[str, dict[str, dict[str, Any]]]
    pred: dict[str, dict[str, dict[str, Any]]]

    def node(self, n: str, data: dict[str, Any]) -> None:
        """Add the node ``n`` with ``data`` (added to its data if it is there)."""
        if n in self.nodes:
            self.nodes[n].update(data)
        else:
            self.nodes[n], self.succ[n], self.pred[n] = data, {}, {}

    def edge(self, u: str, v: str, data: dict[str, Any]) -> None:
        """Add the edge ``u -> v`` with ``data``, and either end bare if it is missing."""
        for n in (u, v):
            if n not in self.nodes:
                self.nodes[n], self.succ[n], self.pred[n] = {}, {}, {}
        if v in self.succ[u]:
            self.succ[u][v].update(data)
        else:
            self.succ[u][v] = self.pred[v][u] = data


def _of_kind(G: nx.DiGraph, kind: str) -> list[str]:
    return sorted(n for n, data in G.nodes(data=True) if data.get("kind") == kind)


def claim_nodes(G: nx.DiGraph) -> list[str]:
    """Ids of the claim nodes, sorted."""
    return _of_kind(G, "claim")


def inference_nodes(G: nx.DiGraph) -> list[str]:
    """Ids of the inference nodes, sorted."""
    return _of_kind(G, "inference")


def premises(G: nx.DiGraph, inference: str) -> list[str]:
    """Premise claim ids of an inference node, sorted."""
    return sorted(u for u, data in G.pred[inference].items() if data.get("role") == "premise")


def edge_roles(G: nx.DiGraph) -> Iterator[tuple[str, str, str]]:
    """Every edge of the map graph as ``(u, v, role)``, in the order of ``G.edges``.

    networkx keeps plain dicts behind its read-only views; reading them
    directly is twice as fast as ``G.edges(data="role")`` (see also
    :meth:`argmap.semantics.framework.Framework.from_digraph`).

    Examples
    --------
    >>> import networkx as nx
    >>> list(edge_roles(nx.DiGraph([("a", "r", {"role": "premise"})])))
    [('a', 'r', 'premise')]
    """
    succ = getattr(G, "_succ", None)
    if not isinstance(succ, dict):  # pragma: no cover - exotic graph classes
        succ = G.succ
    for u, nbrs in succ.items():
        for v, data in nbrs.items():
            yield u, v, data.get("role")


def inference_ends(G: nx.DiGraph) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The premises (sorted) and target of every inference node, from one pass over the edges.

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> cs = tuple(Claim(id=i, text=i, quote=i, role="claim", by="authors") for i in "abc")
    >>> rs = (Relation(id="r1", kind="support", premises=("c", "b"), target="a"),)
    >>> inference_ends(to_networkx(Map(title="", thesis="a", source="", claims=cs, relations=rs)))
    ({'r1': ['b', 'c']}, {'r1': 'a'})
    """
    found: dict[str, list[str]] = {n: [] for n in inference_nodes(G)}
    targets: dict[str, str] = {}
    for u, v, role in edge_roles(G):
        if role == "premise":
            found.setdefault(v, []).append(u)
        else:
            targets[u] = v
    for ps in found.values():
        ps.sort()
    return found, targets


def target(G: nx.DiGraph, inference: str) -> str:
    """The node an inference concludes, attacks or undercuts."""
    return str(next(iter(G.succ[inference])))


def claim_relations(G: nx.DiGraph) -> list[tuple[tuple[str, ...], str, str]]:
    """Each inference as ``(premises, relation kind, target)``, sorted."""
    return sorted(
        (tuple(premises(G, n)), G.nodes[n]["relation"], target(G, n)) for n in inference_nodes(G)
    )


class Links:
    """The map's relations in plain dicts and lists, for walks without networkx.

    Each index is built when first asked for, in one pass, and kept, so a
    lint pays only for the indexes it reads.  A relation id is also the id
    of its inference node in :func:`to_networkx`.  ``claims``, in map order,
    give each claim its :attr:`rank`: a map written in order (each claim
    after, or each before, the claims it relates to) is known to have no
    circle or loose end from the ranks alone.
    """

    def __init__(self, relations: Sequence[Relation], claims: Sequence[Claim] = ()) -> None:
        self._relations = relations
        self._claim_order = claims

    @cached_property
    def rank(self) -> dict[str, int]:
        """The place of each claim (by id) in the map: 0 for the first written."""
        return dict(zip([c.id for c in self._claim_order], count()))

    @cached_property
    def ranks(self) -> dict[str, tuple[list[float], list[float]]]:
        """The :attr:`rank` of each premise and of each target of :attr:`pairs` (nan: no claim).

        Examples
        --------
        >>> cs = [Claim(i, i, i, "claim", "x") for i in "tab"]
        >>> rs = [Relation("r", "support", ("a", "b"), "t"), Relation("u", "undercut", ("b",), "r")]
        >>> Links(rs, cs).ranks["support"], Links(rs, cs).ranks["undercut"]
        (([1, 2], [0, 0]), ([2], [nan]))
        """
        return {kind: (self.ranked(ps), self.ranked(ts)) for kind, (ps, ts) in self.pairs.items()}

    def ranked(self, ids: Iterable[str]) -> list[float]:
        """The :attr:`rank` of each of ``ids`` (nan for an id that is no claim's)."""
        return list(map(self.rank.get, ids, repeat(_NAN)))

    @cached_property
    def of_kind(self) -> dict[str, list[Relation]]:
        """The relations of each kind, in map order."""
        of_kind: dict[str, list[Relation]] = {k: [] for k in RELATION_KINDS}
        for r in self._relations:
            of_kind[r.kind].append(r)
        return of_kind

    @cached_property
    def into(self) -> dict[str, list[Relation]]:
        """The relations into each claim or relation (by id), in map order."""
        into: dict[str, list[Relation]] = {}
        for r in self._relations:
            if r.target in into:
                into[r.target].append(r)
            else:
                into[r.target] = [r]
        return into

    @cached_property
    def supports(self) -> dict[str, list[str]]:
        """The claims each claim supports (the targets of its supports), in map order."""
        return grouped(*self.pairs["support"])

    @cached_property
    def pairs(self) -> dict[str, tuple[list[str], list[str]]]:
        """Each premise of each relation of each kind, side by side with its target (:func:`ends`).

        Examples
        --------
        >>> r = Relation("r", "support", ("a", "b"), "t")
        >>> rs = [r, Relation("s", "support", ("c",), "a")]
        >>> Links(rs).pairs["support"]
        (['c', 'a', 'b'], ['a', 't', 't'])
        """
        return {kind: ends(relations) for kind, relations in self.of_kind.items()}

    @cached_property
    def supported(self) -> set[str]:
        """The claims some support concludes."""
        return set(self.pairs["support"][1])

    @cached_property
    def attacks(self) -> list[Relation]:
        """The oppositions and undercuts, sorted by id."""
        return sorted(self.of_kind["opposition"] + self.of_kind["undercut"], key=_ID)


_ID = attrgetter("id")
_NAN = float("nan")


def grouped(keys: Iterable[str], values: Iterable[str]) -> dict[str, list[str]]:
    """The values of each key, in order (``keys`` and ``values`` side by side).

    Examples
    --------
    >>> grouped("aba", "xyz")
    {'a': ['x', 'z'], 'b': ['y']}
    """
    groups: dict[str, list[str]] = {}
    group = groups.setdefault
    for key, value in zip(keys, values, strict=True):
        group(key, []).append(value)
    return groups


def ends(relations: Sequence[Relation]) -> tuple[list[str], list[str]]:
    """Each premise of each relation and, side by side, its relation's target.

    In map order but that the premises of relations with other than one
    come last (:func:`spread`).

    Examples
    --------
    >>> rs = [Relation("r", "support", ("a", "b"), "t"), Relation("s", "support", ("c",), "a")]
    >>> ends(rs)
    (['c', 'a', 'b'], ['a', 't', 't'])
    """
    # comprehensions: on Python 3.11 they read slots faster than map(attrgetter(...))
    return spread([r.premises for r in relations], [r.target for r in relations])


def spread(groups: list[tuple[str, ...]], keys: list[str]) -> tuple[list[str], list[str]]:
    """Each item of each group and, side by side, its group's key.

    In order but that the items of groups of other than one item come last
    (``keys`` itself when every group has one); a few passes in C.

    Examples
    --------
    >>> spread([("a", "b"), ("c",), ()], ["t", "a", "x"])
    (['c', 'a', 'b'], ['a', 't', 't'])
    """
    one = list(map((1).__eq__, map(len, groups)))
    if one.count(True) == len(one):  # no linked support: each key once
        return list(chain.from_iterable(groups)), keys
    linked = list(map(not_, one))
    more = list(compress(groups, linked))
    return (
        [*chain.from_iterable(compress(groups, one)), *chain.from_iterable(more)],
        [
            *compress(keys, one),
            *chain.from_iterable(map(repeat, compress(keys, linked), map(len, more))),
        ],
    )


def links_of(m: Map) -> Links:
    """Index the relations of ``m`` (see :class:`Links`): what :func:`to_networkx` links.

    Examples
    --------
    >>> from argmap.model import Claim, Relation
    >>> cs = tuple(Claim(id=i, text=i, quote=i, role="claim", by="authors") for i in "abc")
    >>> rs = (Relation(id="r1", kind="support", premises=("c", "b"), target="a"),)
    >>> links = links_of(Map(title="", thesis="a", source="", claims=cs, relations=rs))
    >>> [r.id for r in links.into["a"]]
    ['r1']
    >>> links.of_kind["support"] == [rs[0]], links.of_kind["undercut"], links.supports["c"]
    (True, [], ['a'])
    """
    return Links(m.relations, m.claims)
