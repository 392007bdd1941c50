"""Why a claim is in, out or undecided: a short dialectical tree.

The tree follows the labelling's own justification in the framework the map
means (:func:`argmap.semantics.bipolar.framework`):

- an argument is **IN** because every attacker is OUT (or it has none); its
  children are its attackers;
- it is **OUT** because an IN argument attacks it; its children are those
  IN attackers;
- it is **UNDEC** because no attacker is IN but some is undecided; its
  children are the undecided attackers.

Inference arguments appear as ``premises opposes/undercuts/supports target``.
The tree stops at ``depth`` levels and where an argument already appears on
the path from the root (a cycle).  Under grounded semantics the labelling is
the grounded one; under the other semantics it is the labelling of one
extension: one containing the claim if there is one, else any (named in
:attr:`Explanation.extension`).

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> from argmap.graph import to_networkx
>>> cs = (Claim("t", "t", "t", "thesis", "a"), Claim("o", "o", "o", "opponent", "b"),
...       Claim("r", "r", "r", "rebuttal", "a"))
>>> rs = (Relation("o-t", "opposition", ("o",), "t"), Relation("r-o", "opposition", ("r",), "o"))
>>> print(format_tree(explain(to_networkx(Map("", "t", "", cs, rs)), "t").tree))
t is IN: every attacker is OUT
  o-t [o opposes t] is OUT: attacked by r-o (IN)
    r-o [r opposes o] is IN: unattacked
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from argmap.evaluate import check_claim
from argmap.graph import claim_nodes, premises, target
from argmap.semantics.bipolar import DEFAULT_SUPPORT, framework
from argmap.semantics.dung import (
    credulous_witness,
    grounded_labelling,
    labelling_from_extension,
    node_order_key,
    some_extension,
)

__all__ = ["Explanation", "Reason", "explain", "format_tree"]

_VERB = {"support": "supports", "opposition": "opposes", "undercut": "undercuts"}


@dataclass(frozen=True)
class Reason:
    """One node of the dialectical tree: an argument, its label and why.

    ``stop`` is ``""``, ``"cycle"`` (already explained above) or ``"depth"``
    (the depth limit cut the tree here).
    """

    argument: str
    kind: str
    name: str
    label: str
    why: str
    children: tuple[Reason, ...] = ()
    stop: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the subtree as nested JSON-ready dictionaries."""
        return {
            "argument": self.argument,
            "kind": self.kind,
            "name": self.name,
            "label": self.label,
            "why": self.why,
            "stop": self.stop,
            "children": [c.to_dict() for c in self.children],
        }


@dataclass(frozen=True)
class Explanation:
    """The explanation of one claim's label under a semantics and support reading."""

    claim: str
    semantics: str
    support: str
    label: str
    tree: Reason
    extension: list[str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the explanation as a JSON-ready dictionary."""
        return {
            "claim": self.claim,
            "semantics": self.semantics,
            "support": self.support,
            "label": self.label,
            "extension": self.extension,
            "tree": self.tree.to_dict(),
        }


def _name(G: nx.DiGraph, arg: str) -> str:
    if G.nodes[arg]["kind"] == "claim":
        return arg
    verb = _VERB[G.nodes[arg]["relation"]]
    return f"{arg} [{'+'.join(premises(G, arg))} {verb} {target(G, arg)}]"


def _why(label: str, attackers: list[str]) -> str:
    listed = ", ".join(attackers)
    if label == "in":
        return "every attacker is OUT" if attackers else "unattacked"
    if label == "out":
        return f"attacked by {listed} (IN)"
    return f"no attacker is IN, but {listed} {'is' if len(attackers) == 1 else 'are'} UNDEC"


def _tree(
    G: nx.DiGraph,
    af: nx.DiGraph,
    lab: Mapping[Hashable, str],
    arg: str,
    *,
    path: tuple[str, ...],
    depth: int,
) -> Reason:
    label = lab[arg]
    attackers = sorted(af.predecessors(arg), key=node_order_key)
    if label == "out":
        attackers = [a for a in attackers if lab[a] == "in"]
    elif label == "undec":
        attackers = [a for a in attackers if lab[a] == "undec"]
    base = Reason(arg, G.nodes[arg]["kind"], _name(G, arg), label, _why(label, attackers))
    if arg in path:
        return Reason(base.argument, base.kind, base.name, label, "see above", stop="cycle")
    if not attackers:
        return base
    if depth <= 1:
        return Reason(base.argument, base.kind, base.name, label, base.why, stop="depth")
    children = tuple(_tree(G, af, lab, a, path=(*path, arg), depth=depth - 1) for a in attackers)
    return Reason(base.argument, base.kind, base.name, label, base.why, children)


def explain(
    G: nx.DiGraph,
    claim: str,
    semantics: str = "grounded",
    support: str = DEFAULT_SUPPORT,
    depth: int = 6,
) -> Explanation:
    """Explain the label of ``claim`` as a dialectical tree (see the module doc).

    Raises ``unknown-claim`` (with did-you-mean) for an id that is not a claim.
    """
    check_claim(G, claim)
    af = framework(G, support)
    extension: list[str] | None = None
    if semantics == "grounded":
        lab: Mapping[Hashable, str] = grounded_labelling(af)
    else:
        ext = credulous_witness(af, claim, semantics) or some_extension(af, semantics)
        if ext is None:  # stable semantics without any stable extension
            lab = dict.fromkeys(af, "undec")
        else:
            lab = labelling_from_extension(af, ext)
            claims = set(claim_nodes(G))
            extension = sorted(str(a) for a in ext if a in claims)
    tree = _tree(G, af, lab, claim, path=(), depth=depth)
    return Explanation(claim, semantics, support, tree.label, tree, extension)


def format_tree(tree: Reason, indent: str = "  ") -> str:
    """Return the tree as indented text, one argument per line."""
    lines: list[str] = []

    def walk(r: Reason, level: int) -> None:
        tail = {"cycle": " (cycle: see above)", "depth": " …", "": ""}[r.stop]
        why = "" if r.stop == "cycle" else f": {r.why}"
        lines.append(f"{indent * level}{r.name} is {r.label.upper()}{why}{tail}")
        for c in r.children:
            walk(c, level + 1)

    walk(tree, 0)
    return "\n".join(lines)
