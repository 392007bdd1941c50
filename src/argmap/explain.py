"""Why a claim (or a relation) is in, out or undecided: a short dialectical tree.

The tree follows the labelling's own justification in the framework the map
means (:func:`argmap.semantics.bipolar.framework_of`):

- an argument is **IN** because every attacker is OUT (or it has none); its
  children are its attackers;
- it is **OUT** because an IN argument attacks it; its children are those
  IN attackers;
- it is **UNDEC** because no attacker is IN but some is undecided; its
  children are the undecided attackers.

Inference arguments appear as ``premises opposes/undercuts/supports target``;
a relation id may be explained as well as a claim id.  :func:`explain` reads
the map graph or its index (:mod:`argmap.semantics.mapindex`): ``argmap
explain`` indexes the map itself and imports no networkx.  An attack the map does
not state but the support reading derives (an attack on a premise reaching
what needs it) names its *support chain*: the direct attack it comes from and
the supports it travels along.

The tree stops at ``depth`` levels (at most :data:`MAX_DEPTH`), where an
argument already appears on the path from the root (a cycle), and where an
argument was already explained higher up in the tree (``see above``): each
argument is explained once, so the tree grows with the size of the framework,
not with the number of paths through it.  Under grounded semantics the
labelling is the grounded one; under the other semantics it is the labelling
of one extension: one containing the claim if there is one, else any (named
in :attr:`Explanation.extension`).

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

import difflib
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from argmap.errors import ArgmapError, Diagnostic
from argmap.semantics.bipolar import DEFAULT_SUPPORT, SupportName, framework_of, need_links
from argmap.semantics.dung import (
    SemanticsName,
    credulous_witness,
    labelling_from_extension,
    node_order_key,
    semantics_of,
    some_extension,
)
from argmap.semantics.framework import Framework
from argmap.semantics.mapindex import MapIndex, MapLike, as_index

__all__ = ["MAX_DEPTH", "Explanation", "Reason", "check_item", "explain", "format_tree"]

#: the deepest tree :func:`explain` builds, whatever ``depth`` asks
MAX_DEPTH = 200

_VERB = {"support": "supports", "opposition": "opposes", "undercut": "undercuts"}


@dataclass(frozen=True)
class Reason:
    """One node of the dialectical tree: an argument, its label and why.

    ``stop`` is ``""``, ``"cycle"`` (on the path from the root), ``"seen"``
    (explained above) or ``"depth"`` (the depth limit cut the tree here).
    ``via`` names the support chain when the argument attacks its parent, a
    claim, only through a derived attack (``""`` for an attack the map states).
    """

    argument: str
    kind: str
    name: str
    label: str
    why: str
    children: tuple[Reason, ...] = ()
    stop: str = ""
    via: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the subtree as nested JSON-ready dictionaries (built without recursion)."""
        done: dict[int, dict[str, Any]] = {}
        for r in _postorder(self):
            done[id(r)] = {
                "argument": r.argument,
                "kind": r.kind,
                "name": r.name,
                "label": r.label,
                "why": r.why,
                "stop": r.stop,
                "via": r.via,
                "children": [done.pop(id(c)) for c in r.children],
            }
        return done[id(self)]


def _postorder(root: Reason) -> list[Reason]:
    """Every node of the tree, children before parents."""
    order: list[Reason] = []
    stack = [root]
    while stack:
        r = stack.pop()
        order.append(r)
        stack.extend(r.children)
    return order[::-1]


@dataclass(frozen=True)
class Explanation:
    """The explanation of one claim's (or relation's) label."""

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


def check_item(G: MapLike, item: str) -> None:
    """Raise ``unknown-claim`` (with a did-you-mean hint) unless ``item`` is a claim or relation.

    ``G`` is a map graph or its index.

    Examples
    --------
    >>> import networkx as nx
    >>> check_item(nx.DiGraph(file="m.yaml"), "x")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: m.yaml: error: unknown-claim: no claim or relation 'x' ...
    """
    ix = as_index(G)
    if item in ix.by or item in ix.kind:
        return
    close = difflib.get_close_matches(item, [*ix.claims, *ix.inferences], n=3)
    hint = f"did you mean {', '.join(close)}?" if close else "'argmap check' lists the claims"
    raise ArgmapError(
        [
            Diagnostic(
                ix.file,
                0,
                0,
                "unknown-claim",
                f"no claim or relation {item!r} in the map (the thesis is {ix.thesis!r})",
                hint=hint,
            )
        ]
    )


def _kind(ix: MapIndex, arg: str) -> str:
    """``"inference"`` for a relation id (as in the map graph, even if a claim shares it)."""
    return "inference" if arg in ix.kind else "claim"


def _name(ix: MapIndex, arg: str) -> str:
    if _kind(ix, arg) == "claim":
        return arg
    verb = _VERB[ix.kind[arg]]
    return f"{arg} [{'+'.join(ix.premises[arg])} {verb} {ix.target[arg][0]}]"


def _why(label: str, attackers: list[str]) -> str:
    listed = ", ".join(attackers)
    if label == "in":
        return "every attacker is OUT" if attackers else "unattacked"
    if label == "out":
        return f"attacked by {listed} (IN)"
    return f"no attacker is IN, but {listed} {'is' if len(attackers) == 1 else 'are'} UNDEC"


class _Levels:
    """Breadth-first search from one node over ``adj``, one level at a time, as asked.

    :meth:`path` gives the path from the start to a node that networkx's
    ``single_source_shortest_path`` gives (the same order of search);
    ``depth[n]`` is its distance, ``levels[k]`` the nodes at distance ``k``.
    Each node keeps only the node it was found from, so the search takes
    space and time in the nodes it finds, not in the lengths of their paths.
    """

    def __init__(self, adj: Mapping[str, list[str]], start: str) -> None:
        self.adj = adj
        self.parent: dict[str, str] = {}
        self.depth: dict[str, int] = {start: 0}
        self.levels: list[list[str]] = [[start]]

    def reach(self, depth: int) -> bool:
        """Search down to ``depth``; whether anything is left beyond what was found."""
        while len(self.levels) <= depth and self.levels[-1]:
            nxt = []
            level = len(self.levels)
            for v in self.levels[-1]:
                for w in self.adj.get(v, ()):
                    if w not in self.depth:
                        self.depth[w] = level
                        self.parent[w] = v
                        nxt.append(w)
            self.levels.append(nxt)
        return bool(self.levels[-1])

    def path(self, node: str) -> list[str]:
        """The path from the start to ``node`` (a node found)."""
        found = [node]
        while found[-1] in self.parent:
            found.append(self.parent[found[-1]])
        return found[::-1]


@dataclass
class _Derivations:
    """Names the support chain behind a derived attack (computed on demand).

    An attack is direct when an opposition or undercut inference attacks its
    own target; ``needs[y]``, what ``y`` cannot be accepted without (the need
    links reversed, in their order), is indexed when the first derived attack
    is met, so a tree of direct attacks never indexes the map.
    """

    ix: MapIndex
    support: str
    cache: dict[tuple[str, str], str] = field(default_factory=dict)
    searches: dict[str, _Levels] = field(default_factory=dict)

    @cached_property
    def needs(self) -> dict[str, list[str]]:
        """What each node cannot be accepted without, in the order of the need links."""
        needs: dict[str, dict[str, None]] = {}
        for x, y in need_links(self.ix, self.support):
            needs.setdefault(y, {})[x] = None
        return {y: list(xs) for y, xs in needs.items()}

    def attacked(self, a: str) -> tuple[str, ...]:
        """What ``a`` attacks directly: an opposition's or undercut's target, else nothing."""
        direct = a in self.ix.kind and self.ix.kind[a] != "support"
        return (self.ix.target[a][0],) if direct else ()

    def via(self, a: str, x: str) -> str:
        if x in self.attacked(a):
            return ""
        if (a, x) not in self.cache:
            self.cache[(a, x)] = self._chain(a, x)
        return self.cache[(a, x)]

    def _search(self, start: str) -> _Levels:
        if start not in self.searches:
            self.searches[start] = _Levels(self.needs, start)
        return self.searches[start]

    def _chain(self, a: str, x: str) -> str:
        # the direct attack a0 -> x0 with a needing a0 and x needing x0, fewest links:
        # both searches go one level further until some pair is that many links apart
        up_a, up_x = self._search(a), self._search(x)
        # (level in up_a, u, what u attacks), for the levels of up_a searched so far
        attacks: list[tuple[int, str, str]] = []
        scanned = 0  # how many levels of up_a have their attacks listed
        total = 0
        while True:
            more = [up_a.reach(total), up_x.reach(total)]
            for i in range(scanned, min(total + 1, len(up_a.levels))):
                attacks += [(i, u, v) for u in up_a.levels[i] for v in self.attacked(u)]
                scanned = i + 1
            found = [(u, v) for i, u, v in attacks if up_x.depth.get(v) == total - i]
            if found or not any(more):
                break
            total += 1
        a0, x0 = min(found)
        # up_x.path(x0) runs x, ..., x0: each item cannot be accepted without the next
        parts = [f"{a0} attacks {x0}"]
        parts += ["support chain: " + " needs ".join(up_x.path(x0))] if x0 != x else []
        parts += ["attacker's support chain: " + " needs ".join(up_a.path(a0))] if a0 != a else []
        return f"derived attack on {x}: " + "; ".join(parts)


def _tree(
    ix: MapIndex,
    af: Framework,
    lab: Mapping[Hashable, str],
    root: str,
    *,
    depth: int,
    derive: _Derivations,
) -> Reason:
    """Build the tree without recursion: each argument is expanded once, in pre-order."""
    seen: set[str] = set()
    # a frame: the node's reason, its parent's argument, its path, depth left, its children
    stack: list[tuple[Reason, tuple[str, ...], int, list[Reason] | None]] = []
    finished: dict[int, Reason] = {}

    known: dict[str, tuple[Reason, list[str]]] = {}

    def reason(arg: str, parent: str | None) -> tuple[Reason, list[str]]:
        if arg not in known:
            label = lab[arg]
            attackers = sorted(map(str, af.attackers(arg)), key=node_order_key)
            if label == "out":
                attackers = [a for a in attackers if lab[a] == "in"]
            elif label == "undec":
                attackers = [a for a in attackers if lab[a] == "undec"]
            kind = _kind(ix, arg)
            known[arg] = Reason(arg, kind, _name(ix, arg), label, _why(label, attackers)), attackers
        r, attackers = known[arg]
        # an attack on a claim that the map does not state: name its support chain
        if parent is not None and _kind(ix, parent) == "claim":
            via = derive.via(arg, parent)
            if via:
                r = replace(r, via=via)
        return r, attackers

    top, _ = reason(root, None)
    stack.append((top, (), depth, None))
    while stack:
        r, path, left, kids = stack.pop()
        if kids is not None:  # every child is done: assemble
            finished[id(r)] = replace(r, children=tuple(finished.pop(id(k)) for k in kids))
            continue
        arg = r.argument
        _, attackers = reason(arg, None)
        if arg in path:
            finished[id(r)] = replace(r, why="see above", stop="cycle")
            continue
        if arg in seen:
            finished[id(r)] = replace(r, why="see above", stop="seen")
            continue
        seen.add(arg)
        if not attackers:
            finished[id(r)] = r
            continue
        if left <= 1:
            finished[id(r)] = replace(r, stop="depth")
            continue
        children = [reason(a, arg)[0] for a in attackers]
        stack.append((r, path, left, children))
        stack.extend((c, (*path, arg), left - 1, None) for c in reversed(children))
    return finished[id(top)]


def explain(
    G: MapLike,
    claim: str,
    semantics: SemanticsName = "grounded",
    support: SupportName = DEFAULT_SUPPORT,
    depth: int = 6,
) -> Explanation:
    """Explain the label of a claim or relation as a dialectical tree (see the module doc).

    ``G`` is the map graph (:func:`argmap.graph.to_networkx`) or its index
    (:func:`argmap.semantics.mapindex.index_map`).  Raises ``unknown-claim``
    (with did-you-mean) for an id that is neither.

    Examples
    --------
    A derived attack names its support chain: ``u`` undercuts the only
    argument ``r`` for ``t``, which needs it.

    >>> from argmap.model import Claim, Map, Relation
    >>> from argmap.graph import to_networkx
    >>> cs = tuple(Claim(i, i, i, "claim", "x") for i in "etv")
    >>> rs = (Relation("r", "support", ("e",), "t"), Relation("u", "undercut", ("v",), "r"))
    >>> ex = explain(to_networkx(Map("", "t", "", cs, rs)), "t")
    >>> ex.label, ex.tree.children[0].argument, ex.tree.children[0].via
    ('out', 'u', 'derived attack on t: u attacks r; support chain: t needs r')

    A relation is explained like a claim; the map's index serves as well as its graph.

    >>> from argmap.semantics.mapindex import index_map
    >>> print(format_tree(explain(index_map(Map("", "t", "", cs, rs)), "r").tree))
    r [e supports t] is OUT: attacked by u (IN)
      u [v undercuts r] is IN: unattacked
    """
    ix = as_index(G)
    check_item(ix, claim)
    sem = semantics_of(semantics)
    af = framework_of(ix, support)
    extension: list[str] | None = None
    ext = credulous_witness(af, claim, sem.name) or some_extension(af, sem.name)
    if ext is None:  # stable semantics without any stable extension
        lab: Mapping[Hashable, str] = dict.fromkeys(af, "undec")
    else:
        lab = labelling_from_extension(af, ext)
        if sem.name != "grounded":
            claims = set(ix.by)
            extension = sorted(str(a) for a in ext if a in claims)
    derive = _Derivations(ix, support)
    tree = _tree(ix, af, lab, claim, depth=min(depth, MAX_DEPTH), derive=derive)
    return Explanation(claim, semantics, support, tree.label, tree, extension)


_TAIL = {"cycle": " (cycle: see above)", "seen": " (see above)", "depth": " …", "": ""}


def format_tree(tree: Reason, indent: str = "  ") -> str:
    """Return the tree as indented text, one argument per line."""
    lines: list[str] = []
    stack = [(tree, 0)]
    while stack:
        r, level = stack.pop()
        why = "" if r.stop in ("cycle", "seen") else f": {r.why}"
        via = f" ({r.via})" if r.via else ""
        lines.append(f"{indent * level}{r.name} is {r.label.upper()}{why}{via}{_TAIL[r.stop]}")
        stack.extend((c, level + 1) for c in reversed(r.children))
    return "\n".join(lines)
