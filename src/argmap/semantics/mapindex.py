"""What the semantics read of a map, indexed once in plain dicts.

The framework (:func:`argmap.semantics.bipolar.framework_of`), the gradual
strengths (:func:`argmap.semantics.gradual.gradual`) and the commitments
(:func:`argmap.semantics.commitments.commitments`) read the same few things of
a map: its claims (speaker, role, base score), its inferences (kind, premises,
target).  A :class:`MapIndex` holds them, built in one pass either from the
map itself (:func:`index_map`, no networkx graph at all: what ``argmap
evaluate`` does) or from the map graph of :func:`argmap.graph.to_networkx`
(:func:`index_graph`); both give the same index.  Each of those functions takes
either a map graph or an index (:func:`as_index`), so a caller that asks
several of them builds the index once.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> from argmap.graph import to_networkx
>>> cs = (Claim("t", "t", "t", "thesis", "authors"), Claim("o", "o", "o", "opponent", "x"))
>>> m = Map("", "t", "", cs, (Relation("o-t", "opposition", ("o",), "t"),))
>>> ix = index_map(m)
>>> ix.claims, ix.inferences, ix.premises, ix.target
(['o', 't'], ['o-t'], {'o-t': ['o']}, {'o-t': ('t', 'conflict')})
>>> index_graph(to_networkx(m)) == ix
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from argmap.graph import edge_roles
from argmap.model import Map

if TYPE_CHECKING:  # the index of a map needs no networkx
    import networkx as nx

__all__ = ["MapIndex", "MapLike", "as_index", "index_graph", "index_map"]

_TARGET_ROLE = {"support": "conclusion", "opposition": "conflict", "undercut": "undercut"}


@dataclass(frozen=True)
class MapIndex:
    """The claims and inferences of a map, as the semantics read them.

    ``claims`` and ``inferences`` are the ids, each sorted; ``by``, ``role``
    and ``base`` are per claim; ``names`` gives the display name of each
    speaker id; ``kind`` is the relation kind of each inference,
    ``premises`` its distinct premises (sorted; keys in the order of
    ``inferences``) and ``target`` its target with the role of that link
    (``"conclusion"``, ``"conflict"`` or ``"undercut"``).
    """

    claims: list[str]
    inferences: list[str]
    by: dict[str, str]
    role: dict[str, str]
    base: dict[str, float]
    names: dict[str, str]
    kind: dict[str, str]
    premises: dict[str, list[str]]
    target: dict[str, tuple[str, str]]
    file: str = "<map>"
    thesis: str = ""


MapLike: TypeAlias = "nx.DiGraph | MapIndex"
"""What the semantics take: a map graph or its index."""


def index_map(m: Map) -> MapIndex:
    """Index the map ``m`` itself (see :class:`MapIndex`)."""
    claims = sorted(m.claims, key=lambda c: c.id)
    relations = sorted(m.relations, key=lambda r: r.id)
    by = {c.id: c.by for c in claims}
    return MapIndex(
        claims=list(by),
        inferences=[r.id for r in relations],
        by=by,
        role={c.id: c.role for c in claims},
        base={c.id: float(c.base) for c in claims},
        names={s: m.speaker_name(s) for s in set(by.values())},
        kind={r.id: r.kind for r in relations},
        premises={r.id: _distinct_sorted(r.premises) for r in relations},
        target={r.id: (r.target, _TARGET_ROLE[r.kind]) for r in relations},
        file=m.file,
        thesis=m.thesis,
    )


def _distinct_sorted(items: tuple[str, ...]) -> list[str]:
    return sorted(set(items)) if len(items) > 1 else list(items)


def index_graph(G: nx.DiGraph) -> MapIndex:
    """Index the map graph ``G`` (see :class:`MapIndex`) in one pass over its nodes and edges.

    Examples
    --------
    >>> import networkx as nx
    >>> index_graph(nx.DiGraph([("a", "r", {"role": "premise"})])).premises
    {'r': ['a']}
    """
    data = G.nodes(data=True)
    claims = sorted(n for n, d in data if d.get("kind") == "claim")
    inferences = sorted(n for n, d in data if d.get("kind") == "inference")
    nodes = G.nodes
    by = {c: str(nodes[c].get("by", "")) for c in claims}  # a graph built by hand may lack some
    names: dict[str, str] = {}
    for c, speaker in by.items():
        names.setdefault(speaker, str(nodes[c].get("speaker", speaker)))
    premises: dict[str, list[str]] = {r: [] for r in inferences}
    target: dict[str, tuple[str, str]] = {}
    for u, v, role in edge_roles(G):
        if role == "premise":
            premises.setdefault(v, []).append(u)
        else:
            target[u] = (v, role)
    for ps in premises.values():
        ps.sort()
    return MapIndex(
        claims=claims,
        inferences=inferences,
        by=by,
        role={c: str(nodes[c].get("role", "")) for c in claims},
        base={c: float(nodes[c].get("base", 0.5)) for c in claims},
        names=names,
        kind={r: str(nodes[r].get("relation", "")) for r in inferences},
        premises=premises,
        target=target,
        file=str(G.graph.get("file", "<map>")),
        thesis=str(G.graph.get("thesis", "")),
    )


def as_index(g: MapLike) -> MapIndex:
    """Return ``g`` if it is an index already, else the index of the map graph ``g``."""
    return g if isinstance(g, MapIndex) else index_graph(g)
