"""From the bipolar map to the Dung framework it means.

A map has two kinds of links between its items: *attacks* (an opposition
inference attacks the claim it opposes, an undercut attacks the inference it
undercuts) and *supports* (every premise supports the inference built on it,
and a support inference supports its conclusion).  The arguments of the
framework are the claims **and** the inference nodes of the map, so a linked
inference is one argument that needs all of its premises, and an undercut is an
ordinary attack on that argument.

Dung semantics know only attacks, so supports are turned into *derived
attacks*, in one of three readings (``support=``):

``"necessary"`` (the default; Nouioua & Risch 2010)
    ``x`` supports ``y`` means ``y`` cannot be accepted without ``x``.
    Derived: *secondary* attacks (``a`` attacks ``x``, ``x`` supports⁺ ``y``
    ⇒ ``a`` attacks ``y``) and *extended* attacks (``x`` supports⁺ ``y``,
    ``x`` attacks ``b`` ⇒ ``y`` attacks ``b``).  A conclusion stands or falls
    with the arguments the essay gives for it.
``"deductive"`` (Cayrol & Lagasquie-Schiex 2013)
    ``x`` supports ``y`` means accepting ``x`` forces accepting ``y``.
    Derived: *supported* attacks (``x`` supports⁺ ``y``, ``y`` attacks ``b``
    ⇒ ``x`` attacks ``b``) and *mediated* attacks (``a`` attacks ``y``,
    ``x`` supports⁺ ``y`` ⇒ ``a`` attacks ``x``).
``"none"``
    supports are ignored: the framework is the map's attack graph.

The two readings are duals: necessary support from ``x`` to ``y`` is
deductive support from ``y`` to ``x``, and secondary/extended attacks are
mediated/supported attacks with the supports reversed.  Derived attacks are
closed under the rules (an attack derived once may be propagated again), which
adds the super-mediated attacks of Cayrol & Lagasquie-Schiex 2013.

On a map (:func:`framework`) an inference always needs each of its premises,
so an attack on any premise of a linked argument is an attack on the
argument; the reading decides only the link from a support inference to its
conclusion.  The default, necessary, lets a conclusion stand or fall with the
arguments the essay gives for it: undercutting an opponent's only argument
defeats the opponent's claim, which is how essays usually answer.

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

from typing import Literal

import networkx as nx

from argmap.errors import ArgmapError, Diagnostic
from argmap.graph import claim_nodes, inference_nodes

__all__ = [
    "DEFAULT_SUPPORT",
    "SUPPORTS",
    "SupportReading",
    "attack_graph",
    "derived_attacks",
    "framework",
    "support_graph",
]

SupportReading = Literal["necessary", "deductive", "none"]
SUPPORTS: tuple[str, ...] = ("necessary", "deductive", "none")
#: default reading of support: a conclusion stands or falls with its premises
DEFAULT_SUPPORT: SupportReading = "necessary"


def _check_support(support: str) -> None:
    if support not in SUPPORTS:
        raise ArgmapError(
            [
                Diagnostic(
                    "<support>",
                    0,
                    0,
                    "unknown-support",
                    f"unknown support reading {support!r}",
                    hint="use one of: " + ", ".join(SUPPORTS),
                )
            ]
        )


def _arguments(G: nx.DiGraph) -> list[str]:
    return claim_nodes(G) + inference_nodes(G)


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
    af = nx.DiGraph()
    af.add_nodes_from(_arguments(G))
    for u, v, role in G.edges(data="role"):
        if role in ("conflict", "undercut"):
            af.add_edge(u, v)
    return af


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
    sg = nx.DiGraph()
    sg.add_nodes_from(_arguments(G))
    for u, v, role in G.edges(data="role"):
        if role in ("premise", "conclusion"):
            sg.add_edge(u, v, role=role)
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

    >>> att, sup = nx.DiGraph([("b", "c")]), nx.DiGraph([("a", "b")])
    >>> sorted(derived_attacks(att, sup, "deductive").edges)
    [('a', 'c'), ('b', 'c')]

    Secondary attack: ``c`` attacks ``a``, ``a`` supports ``b``.

    >>> sorted(derived_attacks(nx.DiGraph([("c", "a")]), sup, "necessary").edges)
    [('c', 'a'), ('c', 'b')]
    >>> sorted(derived_attacks(nx.DiGraph([("c", "a")]), sup, "none").edges)
    [('c', 'a')]
    """
    _check_support(support)
    if support == "none":
        return _close(attacks, nx.DiGraph(), supports)
    # deductive x⇒y behaves like necessary y⇒x: work in the necessary form
    need = supports if support == "necessary" else supports.reverse(copy=True)
    return _close(attacks, need, supports)


def _close(attacks: nx.DiGraph, need: nx.DiGraph, *others: nx.DiGraph) -> nx.DiGraph:
    """Close ``attacks`` under secondary and extended attacks over ``need``.

    ``need`` has an edge ``x → y`` when ``y`` needs ``x``.  If ``a`` attacks
    ``x``, then ``a`` and everything that needs ``a`` attack ``x`` and
    everything that needs ``x``.  One pass gives the closure: applying the
    rules to a derived attack adds nothing new, since needing is transitive.
    """
    af = nx.DiGraph()
    for g in (attacks, need, *others):
        af.add_nodes_from(g)
    for a, x in attacks.edges:
        attackers = {a} | (nx.descendants(need, a) if a in need else set())
        attacked = {x} | (nx.descendants(need, x) if x in need else set())
        af.add_edges_from((z, y) for z in attackers for y in attacked)
    return af


def framework(G: nx.DiGraph, support: str = DEFAULT_SUPPORT) -> nx.DiGraph:
    """Return the Dung framework a map graph means under a support reading.

    Arguments are the claims and inference nodes of ``G`` (see
    :func:`argmap.graph.to_networkx`); attacks are :func:`attack_graph`
    closed under the derived attacks over :func:`support_graph`.  An
    inference *always* needs each of its premises (necessary support: that
    is what a linked argument is), whatever ``support`` says; ``support``
    decides how a support inference relates to its conclusion: the
    conclusion needs it (``"necessary"``) or it forces the conclusion
    (``"deductive"``).  ``"none"`` ignores every support, premises included:
    the framework is then exactly :func:`attack_graph`.

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
    >>> sorted(framework(G).edges)
    [('o', 'a'), ('o', 'b'), ('o', 'r')]
    >>> sorted(framework(G, "deductive").edges)  # b does not need r, r needs a
    [('o', 'a'), ('o', 'r')]
    """
    _check_support(support)
    sg = support_graph(G)
    if support == "none":
        return _close(attack_graph(G), nx.DiGraph(), sg)
    need = nx.DiGraph()
    for u, v, role in sg.edges(data="role"):
        # an inference always needs its premises; the conclusion edge follows the reading
        forward = role == "premise" or support == "necessary"
        need.add_edge(*((u, v) if forward else (v, u)))
    return _close(attack_graph(G), need, sg)
