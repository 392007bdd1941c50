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

import networkx as nx

from argmap.model import Map

__all__ = [
    "claim_nodes",
    "claim_relations",
    "inference_nodes",
    "premises",
    "target",
    "to_networkx",
]

_TARGET_ROLE = {"support": "conclusion", "opposition": "conflict", "undercut": "undercut"}


def to_networkx(m: Map) -> nx.DiGraph:
    """Return the map as a DiGraph of claim and inference nodes (see module doc)."""
    G = nx.DiGraph(title=m.title, thesis=m.thesis, source=m.source, file=m.file)
    for c in m.claims:
        G.add_node(
            c.id,
            kind="claim",
            text=c.text,
            quote=c.quote,
            role=c.role,
            by=c.by,
            speaker=m.speaker_name(c.by),
            tags=c.tags,
            note=c.note,
            base=c.base,
            paragraph=c.paragraph,
            span=(c.span.start, c.span.end) if c.span else None,
        )
    for r in m.relations:
        G.add_node(
            r.id,
            kind="inference",
            relation=r.kind,
            scheme=r.scheme,
            answered=r.answered,
            note=r.note,
            linked=r.linked,
        )
    for r in m.relations:
        for p in r.premises:
            G.add_edge(p, r.id, role="premise", relation=r.kind)
        G.add_edge(r.id, r.target, role=_TARGET_ROLE[r.kind], relation=r.kind)
    return G


def claim_nodes(G: nx.DiGraph) -> list[str]:
    """Ids of the claim nodes, sorted."""
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "claim")


def inference_nodes(G: nx.DiGraph) -> list[str]:
    """Ids of the inference nodes, sorted."""
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "inference")


def premises(G: nx.DiGraph, inference: str) -> list[str]:
    """Premise claim ids of an inference node, sorted."""
    return sorted(u for u, _v, role in G.in_edges(inference, data="role") if role == "premise")


def target(G: nx.DiGraph, inference: str) -> str:
    """The node an inference concludes, attacks or undercuts."""
    return str(next(iter(G.successors(inference))))


def claim_relations(G: nx.DiGraph) -> list[tuple[tuple[str, ...], str, str]]:
    """Each inference as ``(premises, relation kind, target)``, sorted."""
    return sorted(
        (tuple(premises(G, n)), G.nodes[n]["relation"], target(G, n)) for n in inference_nodes(G)
    )
