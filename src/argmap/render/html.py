"""The map as one self-contained interactive web page, for teaching.

The page shows the Graphviz SVG of the map beside the essay, whose quoted
passages are marked with the ids of the claims that quote them.  Everything
the page needs is computed here and embedded as JSON: the claims with their
supporters and attackers, the relations with the rhetorical *move* each one
makes (evidence, appeal to authority, concession, rebuttal …), and the
lesson's steps, which reveal the map from the thesis outwards one layer or one
relation at a time.  ``page.js`` and ``page.css`` (package data) only display
that data; they are inlined so the page works offline from ``file://``.

Examples
--------
>>> from argmap.graph import to_networkx
>>> from argmap.model import Claim, Map, Relation
>>> cs = (Claim(id="t", text="Cats win.", quote="T", role="thesis", by="authors"),
...       Claim(id="e", text="Cats purr.", quote="E", role="evidence", by="authors"))
>>> rs = (Relation(id="e--supports--t", kind="support", premises=("e",), target="t"),)
>>> G = to_networkx(Map(title="M", thesis="t", source="", claims=cs, relations=rs))
>>> [(s.title, s.claims) for s in lesson_steps(G, "layer")]
[('Thesis', ('t',)), ('Evidence', ('e',))]
>>> rhetorical_move(G, "e--supports--t").caption
'Evidence: “Cats purr.” supports “Cats win.”'
"""

from __future__ import annotations

import heapq
import json
import re
import shutil
import subprocess
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, replace
from importlib import resources
from itertools import pairwise
from typing import Any, Literal

import networkx as nx

from argmap.escape import html_text
from argmap.graph import claim_nodes, inference_nodes, premises, target, to_networkx
from argmap.model import ROLES, Assessment, Map
from argmap.render.dot import (
    COLORS,
    LABEL_NAMES,
    LABEL_STYLE,
    ROLE_STYLE,
    DotOptions,
    render_image,
    strength_fill,
    to_dot,
)
from argmap.schemes import SCHEMES
from argmap.source import paragraphs

__all__ = [
    "DRAW_LIMIT",
    "FAN_LIMIT",
    "MOVES",
    "REF",
    "Move",
    "Step",
    "StepMode",
    "essay_html",
    "lesson_steps",
    "page_data",
    "rhetorical_move",
    "script_json",
    "to_html",
    "unflatten",
    "walk_order",
]

#: rhetorical moves a relation can make, with the name shown to the class
MOVES: dict[str, str] = {
    "thesis": "Thesis",
    "reason": "Reason",
    "evidence": "Evidence",
    "example": "Example",
    "authority": "Appeal to authority",
    "analogy": "Analogy",
    "cause": "Causal argument",
    "sign": "Argument from a sign",
    "consequences": "Argument from consequences",
    "background": "Background",
    "linked": "Linked premises",
    "concession": "Concession",
    "objection": "Objection",
    "rebuttal": "Rebuttal of an opponent",
    "undercut": "Undercut",
}

_SCHEME_MOVES = {
    "expert-opinion": "authority",
    "position-to-know": "authority",
    "example": "example",
    "analogy": "analogy",
    "cause-to-effect": "cause",
    "effect-to-cause": "cause",
    "correlation-to-cause": "cause",
    "sign": "sign",
    "consequences": "consequences",
    "practical-reasoning": "consequences",
}
_ROLE_MOVES = {
    "authority": "authority",
    "example": "example",
    "evidence": "evidence",
    "background": "background",
    "concession": "concession",
}
_KIND_ORDER = {"support": 0, "opposition": 1, "undercut": 2}

#: above this many claims the page draws no whole map (Graphviz would take
#: seconds to minutes, the browser seconds more): it draws the selected claim's
#: neighbourhood instead, and says so
DRAW_LIMIT = 500

#: a claim with more direct supporters and attackers than this makes the whole
#: map drawn through Graphviz ``unflatten``, which staggers the fan-out over rows
FAN_LIMIT = 8

#: marks a claim's id in the page data's captions (a private-use character): the
#: page's script puts the claim's quoted text in its place
REF = "\ue000"

StepMode = Literal["layer", "relation"]
_MODES: tuple[StepMode, ...] = ("layer", "relation")


@dataclass(frozen=True)
class Move:
    """The rhetorical move a relation makes: a key of :data:`MOVES` and a caption."""

    move: str
    name: str
    caption: str


@dataclass(frozen=True)
class Step:
    """One step of the lesson: what it reveals and what to say about it.

    ``claims`` and ``relations`` are the ids newly shown at this step;
    ``moves`` the keys of :data:`MOVES` it demonstrates, ``captions`` one
    sentence per relation (or about the thesis).
    """

    title: str
    moves: tuple[str, ...]
    captions: tuple[str, ...]
    claims: tuple[str, ...]
    relations: tuple[str, ...]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_VERBS = {"support": "support", "opposition": "tell against", "undercut": "undercut"}


def _verb(subjects: list[str], verb: str) -> str:
    """``verb`` agreeing with one subject (``supports``) or several (``support``)."""
    if len(subjects) > 1:
        return verb
    first, _, rest = verb.partition(" ")
    return f"{first}s {rest}".rstrip()


def rhetorical_move(G: nx.DiGraph, relation: str) -> Move:
    """Name the move of the inference ``relation`` from its kind, roles and scheme.

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> cs = (Claim(id="t", text="T.", quote="T", role="thesis", by="authors"),
    ...       Claim(id="o", text="O.", quote="O", role="opponent", by="trotsky"),
    ...       Claim(id="r", text="R.", quote="R", role="rebuttal", by="authors"))
    >>> rs = (Relation(id="o-t", kind="opposition", premises=("o",), target="t"),
    ...       Relation(id="r-o", kind="opposition", premises=("r",), target="o"))
    >>> m = Map(title="", thesis="t", source="", claims=cs, relations=rs,
    ...         speakers={"trotsky": "Trotsky"})
    >>> G = to_networkx(m)
    >>> print(rhetorical_move(G, "o-t").caption)
    Objection: “O.” tells against “T.”, says Trotsky
    >>> print(rhetorical_move(G, "r-o").caption)
    Rebuttal of an opponent: “R.” answers “O.”, the position of Trotsky
    """
    return _Facts(G).move(relation)


def _move(f: _Facts, relation: str) -> Move:
    """The move of ``relation`` (see :func:`rhetorical_move`), with what ``f`` knows."""
    G = f.G
    d = G.nodes[relation]
    prem = f.premises(relation)
    roles = {G.nodes[p]["role"] for p in prem}
    tgt = f.target(relation)
    said = _and([f.q(p) for p in prem]) + (" together" if len(prem) > 1 else "")
    scheme = SCHEMES[d["scheme"]].name if d.get("scheme") in SCHEMES else ""
    if d["relation"] == "undercut":
        move = "undercut"
        their = f.premises(tgt)
        text = (
            f"{said} {_verb(prem, 'question')} whether {_and([f.q(p) for p in their])} "
            f"really {_verb(their, _VERBS[G.nodes[tgt]['relation']])} {f.item(f.target(tgt))}"
        )
    elif d["relation"] == "opposition":
        if "concession" in roles:
            move = "concession"
            text = f"the authors grant {said}, which {_verb(prem, 'tell')} against {f.q(tgt)}"
        elif G.nodes[tgt]["role"] == "opponent" or "rebuttal" in roles:
            move = "rebuttal"
            text = (
                f"{said} {_verb(prem, 'answer')} {f.q(tgt)}, "
                f"the position of {G.nodes[tgt]['speaker']}"
            )
        else:
            move = "objection"
            text = f"{said} {_verb(prem, 'tell')} against {f.q(tgt)}"
            if "opponent" in roles:
                text += f", says {G.nodes[prem[0]]['speaker']}"
    else:
        move = _SCHEME_MOVES.get(d.get("scheme", ""), "")
        move = move or next((_ROLE_MOVES[r] for r in sorted(roles) if r in _ROLE_MOVES), "reason")
        text = f"{said} {_verb(prem, 'support')} {f.q(tgt)}"
    head = MOVES[move]
    if d["linked"] and d["relation"] == "support":
        head = f"{MOVES['linked']} ({head.lower()})"
        move = "linked"
    if scheme:
        text += f" ({scheme.lower()})"
    return Move(move, MOVES[move], f"{head}: {text}")


def _span_start(G: nx.DiGraph, claim: str) -> int:
    span = G.nodes[claim].get("span")
    return span[0] if span else 1 << 60


class _Facts:
    """What the page asks of ``G`` again and again, each answer computed once.

    Premises and target of each inference, the relations into each node in
    teaching order and the move of each relation: a map of 10^4 claims asks
    for each of them several times.
    """

    def __init__(self, G: nx.DiGraph, *, refs: bool = False) -> None:
        self.G = G
        self.refs = refs
        self._premises: dict[str, list[str]] = {}
        self._incoming: dict[str, list[str]] | None = None
        self._moves: dict[str, Move] = {}
        self._starts: dict[str, int] = {}

    def q(self, node: str) -> str:
        """A claim's text in quotes; an inference (the target of an undercut) described.

        With ``refs``, a claim is its id between two :data:`REF` marks instead,
        which the page's script replaces by the quoted text: a caption names
        claims whose texts the page holds once already.
        """
        G = self.G
        if G.nodes[node]["kind"] == "inference":
            by = _and([self.q(p) for p in self.premises(node)])
            return f"the {G.nodes[node]['relation']} of {self.q(self.target(node))} by {by}"
        return f"{REF}{node}{REF}" if self.refs else f"“{G.nodes[node]['text']}”"

    def item(self, node: str) -> str:
        """A claim quoted, or an inference as "the inference from “P” to “C”" (to any depth).

        Examples
        --------
        >>> from argmap.model import Claim, Relation
        >>> cs = (Claim(id="a", text="A.", quote="A", role="thesis", by="authors"),
        ...       Claim(id="b", text="B.", quote="B", role="evidence", by="authors"))
        >>> G = to_networkx(Map("", "a", "", cs, (Relation("r", "support", ("b",), "a"),)))
        >>> print(_Facts(G).item("r"))
        the inference from “B.” to “A.”
        >>> _Facts(G, refs=True).item("r").replace(REF, "|")
        'the inference from |b| to |a|'
        """
        words = []
        while self.G.nodes[node]["kind"] == "inference":
            words.append(f"the inference from {_and([self.q(p) for p in self.premises(node)])} to ")
            node = self.target(node)
        return "".join(words) + self.q(node)

    def premises(self, inference: str) -> list[str]:
        """The premises of ``inference``, sorted (:func:`argmap.graph.premises`)."""
        found = self._premises.get(inference)
        if found is None:
            found = self._premises[inference] = premises(self.G, inference)
        return found

    def target(self, inference: str) -> str:
        """What ``inference`` concludes, attacks or undercuts."""
        return target(self.G, inference)

    def start(self, claim: str) -> int:
        """Where the quote of ``claim`` starts in the essay (unquoted claims last)."""
        found = self._starts.get(claim)
        if found is None:
            found = self._starts[claim] = _span_start(self.G, claim)
        return found

    def in_text_order(self, claims: list[str]) -> list[str]:
        """``claims`` sorted by where their quotes start, then by id."""
        return sorted(claims, key=lambda c: (self.start(c), c))

    def incoming(self, node: str) -> list[str]:
        """Inference nodes concluding, attacking or undercutting ``node``, in teaching order."""
        if self._incoming is None:
            self._incoming = self._index()
        return self._incoming.get(node, [])

    def _index(self) -> dict[str, list[str]]:
        """The relations into every node, sorted, and every inference's premises: one pass."""
        nodes = self.G.nodes
        found: dict[str, list[str]] = {}
        into: dict[str, list[str]] = {}
        for u, v, role in self.G.edges(data="role"):
            if role == "premise":
                found.setdefault(v, []).append(u)
            elif nodes[u]["kind"] == "inference":
                into.setdefault(v, []).append(u)
        for inference, claims in found.items():
            self._premises[inference] = sorted(claims)
        for rels in into.values():
            rels.sort(
                key=lambda r: (
                    _KIND_ORDER[nodes[r]["relation"]],
                    min(self.start(p) for p in self.premises(r)),
                    r,
                )
            )
        return into

    def move(self, relation: str) -> Move:
        """The rhetorical move of ``relation`` (:func:`rhetorical_move`)."""
        found = self._moves.get(relation)
        if found is None:
            found = self._moves[relation] = _move(self, relation)
        return found


def _reveal_order(f: _Facts) -> tuple[dict[str, int], list[tuple[str, int]]]:
    """Breadth-first from the thesis against the relations.

    Returns the layer of each reached claim and the reached relations in order
    with their layer.  A relation is one layer beyond its target (for an
    undercut, beyond the relation it attacks); its premises first appear there.
    """
    thesis = f.G.graph["thesis"]
    layer = {thesis: 0}
    order: list[tuple[str, int]] = []
    seen: set[str] = set()
    queue = deque([(thesis, 0)])
    while queue:
        node, depth = queue.popleft()
        for rel in f.incoming(node):
            if rel in seen:
                continue
            seen.add(rel)
            order.append((rel, depth + 1))
            for p in f.in_text_order(f.premises(rel)):
                if p not in layer:
                    layer[p] = depth + 1
                    queue.append((p, depth + 1))
            queue.append((rel, depth + 1))
    return layer, order


def lesson_steps(G: nx.DiGraph, mode: StepMode = "layer") -> list[Step]:
    """The lesson: the thesis first, then the map revealed outwards.

    ``mode="layer"`` reveals every relation one step further from the thesis
    at once; ``mode="relation"`` one relation per step, in the same order.  A
    last step shows what is not connected to the thesis, if anything.

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> cs = tuple(Claim(id=i, text=i.upper(), quote=i, role=r, by="authors")
    ...            for i, r in [("t", "thesis"), ("a", "authority"), ("b", "evidence"),
    ...                         ("c", "claim"), ("x", "claim")])
    >>> rs = (Relation(id="a-t", kind="support", premises=("a",), target="t"),
    ...       Relation(id="b-t", kind="support", premises=("b",), target="t"),
    ...       Relation(id="c-a", kind="undercut", premises=("c",), target="a-t"))
    >>> G = to_networkx(Map(title="", thesis="t", source="", claims=cs, relations=rs))
    >>> for s in lesson_steps(G, "layer"):
    ...     print(s.moves, s.claims)
    ('thesis',) ('t',)
    ('authority', 'evidence') ('a', 'b')
    ('undercut',) ('c',)
    () ('x',)
    >>> [s.relations for s in lesson_steps(G, "relation")]
    [(), ('a-t',), ('b-t',), ('c-a',), ()]
    """
    f = _Facts(G)
    return _lesson_steps(f, mode, _reveal_order(f))


def _lesson_steps(
    f: _Facts, mode: StepMode, reveal: tuple[dict[str, int], list[tuple[str, int]]]
) -> list[Step]:
    """The steps of :func:`lesson_steps`, from the reveal order of ``f``'s graph."""
    G = f.G
    thesis = G.graph["thesis"]
    steps = [
        Step(
            "Thesis",
            ("thesis",),
            (f"Thesis: {f.q(thesis)} — everything else in the map argues for or against it.",),
            (thesis,),
            (),
        )
    ]
    layer, order = reveal
    groups: list[list[str]] = []
    for rel, depth in order:
        if mode == "relation" or len(groups) < depth:
            groups.append([])
        groups[-1].append(rel)
    shown = {thesis}
    for group in groups:
        moves = [f.move(r) for r in group]
        new = f.in_text_order(list({p for r in group for p in f.premises(r) if p not in shown}))
        shown.update(new)
        keys = tuple(dict.fromkeys(m.move for m in moves))
        steps.append(
            Step(
                ", ".join(MOVES[k] for k in keys),
                keys,
                tuple(m.caption for m in moves),
                tuple(new),
                tuple(group),
            )
        )
    rest_claims = tuple(c for c in claim_nodes(G) if c not in layer)
    revealed = {rel for rel, _depth in order}
    rest_relations = tuple(r for r in inference_nodes(G) if r not in revealed)
    if rest_claims or rest_relations:
        steps.append(
            Step(
                "Not connected to the thesis",
                (),
                ("These claims and relations do not lead to the thesis.",),
                rest_claims,
                rest_relations,
            )
        )
    return steps


def _children(f: _Facts, node: str, via: str) -> list[tuple[str, str]]:
    """What rests on ``node`` (reached through relation ``via``), as ``(claim, relation)``.

    The premises of the relations into ``node``; then, if ``node`` is the first
    premise of ``via``, the claims that undercut ``via``.
    """
    found = [(p, rel) for rel in f.incoming(node) for p in f.in_text_order(f.premises(rel))]
    if via and f.in_text_order(f.premises(via))[0] == node:
        found += [(p, cut) for cut in f.incoming(via) for p in f.in_text_order(f.premises(cut))]
    return found


def walk_order(G: nx.DiGraph) -> list[tuple[str, int]]:
    """Every claim once, depth-first from the thesis against the relations, with its depth.

    A claim's children are what rests on it: the premises of the relations
    into it (supports first, in text order); what undercuts a relation rests
    on its (first) premise.  A claim met again keeps its first place.  The claims not
    connected to the thesis follow, each tree from its top (a claim that
    supports nothing) at depth 0.  This is the page's claim list and the order
    in which the reader walks the map claim by claim.

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> cs = tuple(Claim(id=i, text=i.upper(), quote=i, role=r, by="authors")
    ...            for i, r in [("t", "thesis"), ("a", "claim"), ("b", "evidence"),
    ...                         ("c", "rebuttal"), ("x", "claim"), ("y", "claim")])
    >>> rs = (Relation(id="a-t", kind="support", premises=("a",), target="t"),
    ...       Relation(id="b-a", kind="support", premises=("b",), target="a"),
    ...       Relation(id="c-t", kind="opposition", premises=("c",), target="t"),
    ...       Relation(id="y-x", kind="support", premises=("y",), target="x"))
    >>> G = to_networkx(Map(title="", thesis="t", source="", claims=cs, relations=rs))
    >>> walk_order(G)
    [('t', 0), ('a', 1), ('b', 2), ('c', 1), ('x', 0), ('y', 1)]
    """
    return _walk_order(_Facts(G))


def _walk_order(f: _Facts) -> list[tuple[str, int]]:
    """The claims of :func:`walk_order`, with what ``f`` knows."""
    G = f.G
    seen: set[str] = set()
    order: list[tuple[str, int]] = []

    def walk(root: str) -> None:
        stack = [(root, 0, "")]
        while stack:
            node, depth, via = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            order.append((node, depth))
            below = reversed(_children(f, node, via))
            stack.extend((c, depth + 1, rel) for c, rel in below if c not in seen)

    walk(G.graph["thesis"])
    claims = claim_nodes(G)
    tops = [c for c in claims if c not in seen and not any(True for _ in G.successors(c))]
    for root in [*tops, *claims]:
        if root not in seen:
            walk(root)
    return order


def _neighbours(f: _Facts, claim: str) -> dict[str, list[str]]:
    """Who supports, attacks and undercuts ``claim``, and what it supports, attacks, undercuts.

    ``supports`` and ``attacks`` are claim ids; ``undercuts`` names each
    inference the claim undercuts ("the inference from “X” to “Y”"): an
    undercut attacks that inference, not its conclusion.
    """
    G = f.G
    keys = ("supporters", "attackers", "undercutters", "supports", "attacks", "undercuts")
    result: dict[str, set[str]] = {k: set() for k in keys}
    for rel in f.incoming(claim):
        kind = G.nodes[rel]["relation"]
        result["supporters" if kind == "support" else "attackers"].update(f.premises(rel))
        for cut in f.incoming(rel):
            result["undercutters"].update(f.premises(cut))
    for rel in G.successors(claim):
        kind, tgt = G.nodes[rel]["relation"], f.target(rel)
        if kind == "undercut":
            result["undercuts"].add(f.item(tgt))
        else:
            result["supports" if kind == "support" else "attacks"].add(tgt)
    return {k: sorted(v) for k, v in result.items()}


def page_data(
    G: nx.DiGraph, assessment: Assessment | None = None, *, drawn: bool = True
) -> dict[str, Any]:
    """Everything the page's script shows, as JSON-ready data (sorted, deterministic).

    ``drawn`` says whether the page holds the whole map's drawing.  Empty
    values (``""``, ``[]``, ``None``, ``False``) are left out.  A claim's
    ``premise_of`` lists the relations it is a premise of (their captions are
    in ``relations``), ``walk`` the claims in :func:`walk_order` as
    ``[id, depth]``; a lesson step's ``captions`` are those of its relations
    (so they are given only for a step that reveals no relation).  Captions
    and the ``undercuts`` of a claim name claims by id between :data:`REF`
    marks, which the page replaces by their quoted texts.

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> cs = (Claim(id="t", text="T.", quote="T", role="thesis", by="authors"),
    ...       Claim(id="e", text="E.", quote="E", role="evidence", by="authors"))
    >>> rs = (Relation(id="r", kind="support", premises=("e",), target="t", scheme="sign"),)
    >>> G = to_networkx(Map(title="M", thesis="t", source="", claims=cs, relations=rs))
    >>> d = page_data(G, Assessment(labels={"t": "in"}))
    >>> d["claims"]["t"]["supporters"], d["claims"]["t"]["label"], d["claims"]["e"]["schemes"]
    (['e'], 'in', ['Argument from sign'])
    >>> d["claims"]["e"]["premise_of"], d["relations"]["r"]["caption"].replace(REF, "|")
    (['r'], 'Argument from a sign: |e| supports |t| (argument from sign)')
    >>> d["walk"], [s.get("captions") for s in d["steps"]["layer"]][1:]
    ([['t', 0], ['e', 1]], [None])
    """
    ev = assessment or Assessment()
    labels, strengths = ev.labels, ev.strengths
    f = _Facts(G, refs=True)
    nodes = G.nodes
    claims: dict[str, Any] = {}
    for c in claim_nodes(G):
        d = nodes[c]
        out = sorted(G.successors(c))
        schemes = {nodes[r]["scheme"] for r in [*out, *f.incoming(c)] if nodes[r].get("scheme")}
        claims[c] = _present(
            {
                "text": d["text"],
                "quote": d["quote"],
                "role": d["role"],
                "by": d["by"],
                "speaker": d["speaker"],
                "paragraph": d.get("paragraph", 0),
                "tags": list(d.get("tags", ())),
                "note": d.get("note", ""),
                "schemes": sorted(SCHEMES[s].name if s in SCHEMES else s for s in schemes),
                "premise_of": out,
                "label": labels.get(c),
                "strength": strengths.get(c),
                **_neighbours(f, c),
            }
        )
    relations: dict[str, Any] = {}
    for r in inference_nodes(G):
        d = nodes[r]
        move = f.move(r)
        relations[r] = _present(
            {
                "kind": d["relation"],
                "premises": f.premises(r),
                "target": f.target(r),
                "scheme": d.get("scheme", ""),
                "linked": bool(d.get("linked")),
                "move": move.move,
                "caption": move.caption,
            }
        )
    reveal = _reveal_order(f)
    return {
        "title": G.graph.get("title", ""),
        "thesis": G.graph["thesis"],
        "claims": claims,
        "relations": relations,
        "walk": [[c, depth] for c, depth in _walk_order(f)],
        "steps": {mode: _step_data(_lesson_steps(f, mode, reveal)) for mode in _MODES},
        "drawn": drawn,
        "evaluated": bool(labels or strengths),
        "converged": ev.converged,
    }


def _present(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` without the empty ones (``""``, ``[]``, ``None``, ``False``); numbers stay.

    The page's script reads a missing value as empty: a map of 10^4 claims
    is a megabyte smaller so.

    >>> _present({"a": "", "b": [], "c": None, "d": 0, "e": False, "f": "x", "g": 0.0})
    {'d': 0, 'f': 'x', 'g': 0.0}
    """
    return {
        k: v
        for k, v in values.items()
        if v or (isinstance(v, int | float) and not isinstance(v, bool))
    }


def _step_data(steps: list[Step]) -> list[dict[str, Any]]:
    """Lesson steps as JSON-ready data, without the captions their relations carry."""
    return [
        _present(
            {
                "title": s.title,
                "moves": list(s.moves),
                "captions": [] if s.relations else list(s.captions),
                "claims": list(s.claims),
                "relations": list(s.relations),
            }
        )
        for s in steps
    ]


def script_json(data: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u`` escapes, so neither ``</script>``
    nor ``<!--`` can end or disturb the element; JSON.parse restores them.

    Examples
    --------
    >>> script_json({"t": "</script><!--"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    >>> json.loads(script_json({"t": "</script>"}))
    {'t': '</script>'}
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def essay_html(text: str, spans: Mapping[str, tuple[int, int]]) -> str:
    """The source text as HTML paragraphs, each quoted passage in ``<mark>`` elements.

    Overlapping quotes are cut at every quote boundary: each piece is one
    ``<mark>`` whose ``data-claims`` lists every claim quoting it, and whose
    ``data-depth`` says how many do.

    Examples
    --------
    >>> print(essay_html("a <b> c d", {"x": (0, 5), "y": (2, 7)}).replace("</mark>", "</mark>\\n"))
    <p data-paragraph="1"><mark class="quote" data-claims="x" data-depth="1">a </mark>
    <mark class="quote" data-claims="x y" data-depth="2">&lt;b&gt;</mark>
    <mark class="quote" data-claims="y" data-depth="1"> c</mark>
     d</p>
    """
    bounds = sorted({x for span in spans.values() for x in span})
    by_start = sorted(spans.items(), key=lambda item: item[1][0])
    nxt = 0
    active: list[tuple[int, str]] = []  # heap of (end, claim) of the spans over the piece
    out = []
    for number, para in enumerate(paragraphs(text), start=1):
        inner = bounds[bisect_right(bounds, para.start) : bisect_left(bounds, para.end)]
        points = [para.start, *inner, para.end]
        pieces = []
        for a, b in pairwise(points):
            chunk = html_text(text[a:b])
            while nxt < len(by_start) and by_start[nxt][1][0] <= a:
                claim, (_start, end) = by_start[nxt]
                heapq.heappush(active, (end, claim))
                nxt += 1
            while active and active[0][0] < b:
                heapq.heappop(active)
            ids = sorted(c for _e, c in active)
            if ids:
                pieces.append(
                    f'<mark class="quote" data-claims="{html_text(" ".join(ids))}" '
                    f'data-depth="{len(ids)}">{chunk}</mark>'
                )
            else:
                pieces.append(chunk)
        out.append(f'<p data-paragraph="{number}">{"".join(pieces)}</p>')
    return "\n".join(out)


def _widest_fan(G: nx.DiGraph) -> int:
    """The most relations into one claim (its supporters and attackers side by side)."""
    return max((G.in_degree(c) for c in claim_nodes(G)), default=0)


def unflatten(dot_source: str, levels: int = 3) -> str:
    """Stagger wide fan-outs over ``levels`` rows with Graphviz ``unflatten -l N -f``.

    Returns ``dot_source`` unchanged when ``unflatten`` is not installed (it
    comes with ``dot``, so a missing one is reported when drawing) or fails.

    Examples
    --------
    >>> out = unflatten('digraph { t; a -> t; b -> t; c -> t; d -> t }')
    >>> "minlen" in out or shutil.which("unflatten") is None
    True
    """
    exe = shutil.which("unflatten")
    if exe is None:
        return dot_source
    done = subprocess.run(
        [exe, "-l", str(levels), "-f"],
        input=dot_source.encode(),
        capture_output=True,
        check=False,
    )
    return done.stdout.decode() if done.returncode == 0 and done.stdout else dot_source


def _svg(G: nx.DiGraph, options: DotOptions, assessment: Assessment) -> str:
    """The Graphviz SVG, without XML prolog, doctype and comments, for inlining.

    The page has its own legend (:func:`_legend`), so the SVG is drawn without one.
    A claim answered by more than :data:`FAN_LIMIT` relations makes a drawing
    bottom-to-top (the default) go right-to-left through :func:`unflatten`, so
    that its fan-out stands in two columns instead of one unreadable strip.
    """
    wide = _widest_fan(G) > FAN_LIMIT and options.direction == "BT"
    opt = replace(options, legend=False, direction="RL" if wide else options.direction)
    dot = to_dot(G, opt, assessment)
    if wide:
        dot = unflatten(dot, 2)
    svg = render_image(dot, "svg").decode()
    svg = re.sub(r"<!--.*?-->", "", svg[svg.index("<svg") :], flags=re.DOTALL)
    return svg.strip()


def _legend(G: nx.DiGraph, ev: Assessment) -> str:
    roles = sorted({G.nodes[c]["role"] for c in claim_nodes(G)}, key=list(ROLES).index)
    items = [
        f'<label class="chip" title="{html_text(ROLES[r])}"><input type="checkbox" '
        f'class="role-filter" value="{html_text(r)}" checked>'
        f'<span class="swatch role-{html_text(r)}"></span>'
        f"{html_text(r)}</label>"
        for r in roles
    ]
    edges = [
        f'<span class="chip"><span class="line {kind}" style="border-color:{COLORS[kind]}">'
        f"</span>{kind}</span>"
        for kind in ("support", "opposition", "undercut")
    ]
    labels = []
    if ev.labels:
        # the label is the node's border, as in the map; the fill stays the role's
        labels = [
            f'<span class="chip"><span class="swatch border label-{name}" '
            f'style="border:3px {line} {colour}"></span>'
            f"{name.upper()}: {html_text(LABEL_NAMES[name])}</span>"
            for name, (colour, line, _pen) in LABEL_STYLE.items()
        ]
    ramp = ""
    if ev.strengths:
        # a strength is the intensity of the role's fill, as in the map
        method = f", {html_text(ev.gradual)}" if ev.gradual else ""
        ramp = f'<span class="legend-head">Strength (fill intensity{method})</span>' + "".join(
            f'<span class="chip strength-step"><span class="swatch" '
            f'style="background:{strength_fill(ROLE_STYLE["claim"][0], x)}"></span>{x:.2f}</span>'
            for x in (0.0, 0.5, 1.0)
        )
        if not ev.converged:
            ramp += '<span class="chip not-converged">~ did not converge: last values</span>'
    semantics = f", {html_text(ev.semantics)}" if ev.semantics else ""
    roles_head = "Roles (fill)" if labels or ramp else "Roles"
    return (
        f'<div class="legend-row"><span class="legend-head">{roles_head}</span>'
        + "".join(items)
        + '</div><div class="legend-row"><span class="legend-head">Arrows</span>'
        + "".join(edges)
        + (
            f'<span class="legend-head">Evaluation (border{semantics})</span>' + "".join(labels)
            if labels
            else ""
        )
        + ramp
        + "</div>"
    )


def _role_css() -> str:
    """Role colours for HTML elements, the same as the map's (``ROLE_STYLE``)."""
    return "\n".join(
        f"button.role-{role}, span.role-{role} {{ background: {fill}; }}"
        for role, (fill, _style) in ROLE_STYLE.items()
    )


def _asset(name: str) -> str:
    return resources.files("argmap.render").joinpath(name).read_text(encoding="utf-8")


def to_html(
    m: Map,
    options: DotOptions | None = None,
    assessment: Assessment | None = None,
    *,
    graph: nx.DiGraph | None = None,
    draw_limit: int = DRAW_LIMIT,
) -> str:
    """The interactive page of map ``m`` as one self-contained HTML document.

    ``options`` are the drawing options of the SVG; ``assessment`` (labels
    and strengths, if any) is drawn in the SVG and shown in the detail panel.
    ``graph`` is ``to_networkx(m)`` if the caller already has it.  Needs
    Graphviz (raises ArgmapError ``graphviz-missing`` otherwise).

    A map of more than ``draw_limit`` claims gets no drawing of the whole:
    the page draws the selected claim with its neighbours (the focus view)
    and says why.  A map with a wide fan-out (see :data:`FAN_LIMIT`) drawn
    bottom-to-top, the default, is drawn right-to-left instead, conclusions
    on the left, through :func:`unflatten`, so that the fan-out stands in
    columns that read like a list.
    """
    opt = options or DotOptions()
    ev = assessment or Assessment()
    G = to_networkx(m) if graph is None else graph
    n = len(m.claims)
    drawn = n <= draw_limit
    spans = {c: G.nodes[c]["span"] for c in claim_nodes(G) if G.nodes[c]["span"]}
    speakers = sorted({(G.nodes[c]["speaker"], G.nodes[c]["by"]) for c in claim_nodes(G)})
    options_html = "".join(
        f'<option value="{html_text(by)}">{html_text(name)}</option>' for name, by in speakers
    )
    title = html_text(m.title)
    data = page_data(G, ev, drawn=drawn)
    # a big map opens on the claim list: the essay, hidden, is not laid out
    current = (' class="current"', "") if drawn else ("", ' class="current"')
    hidden = ("", " hidden") if drawn else (" hidden", "")
    if drawn:
        # hidden until the script has sized it: laid out once, not twice
        picture = f'<div id="viewport" hidden>{_svg(G, opt, ev)}</div>'
        note = ""
    else:
        picture = ""
        note = (
            f'<p id="big-note">This map has {n} claims, too many to draw whole (the page '
            f"draws maps of up to {draw_limit}). The picture shows the selected claim with "
            "what it answers and what rests on it: click a neighbour, use Next and Previous, "
            "search, or pick a claim from the list.</p>"
        )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — argument map</title>
<style>
{_asset("page.css")}
{_role_css()}
</style>
</head>
<body class="{"drawn" if drawn else "undrawn"}">
<header>
  <h1>{title}</h1>
  <div class="tools">
    <input id="search" type="search" placeholder="Search claims and quotes…" autocomplete="off">
    <select id="speaker-filter" title="Show the claims of one speaker">
      <option value="">All speakers</option>{options_html}
    </select>
    <span id="match-count" aria-live="polite"></span>
  </div>
</header>
<main>
  <section id="map-pane" aria-label="Argument map">
    <div id="lesson-bar">
      <button id="lesson-toggle" type="button" title="Reveal the map step by step from the thesis"
        >▶ Step through</button>
      <select id="lesson-mode" title="How much each step reveals">
        <option value="layer">one layer per step</option>
        <option value="relation">one relation per step</option>
      </select>
      <button id="prev" type="button" title="Previous step (Left arrow)">◀ Previous</button>
      <span id="step-counter"></span>
      <button id="next" type="button" title="Next step (Right arrow)">Next ▶</button>
      <div id="caption" aria-live="polite"></div>
    </div>
    {note}
    <div id="map">
      {picture}
      <div id="focus" aria-live="polite"></div>
      <div id="zoom">
        <button id="zoom-in" type="button" title="Zoom in (or mouse wheel)">+</button>
        <button id="zoom-out" type="button" title="Zoom out (or mouse wheel)">&minus;</button>
        <button id="zoom-fit" type="button" title="Fit the whole map into view">Fit</button>
        <button id="zoom-focus" type="button"
          title="Focus: the selected claim and its neighbours, large (Esc: back)">Focus</button>
      </div>
    </div>
    <div id="legend">{_legend(G, ev)}</div>
  </section>
  <aside>
    <section id="details" aria-live="polite">
      <p class="hint">Click a claim in the map to see it explained and its quote marked
      in the text. Click a marked passage of the text to find its claims in the map.</p>
    </section>
    <nav id="tabs">
      <button type="button" data-tab="essay"{current[0]}>The text</button>
      <button type="button" data-tab="claims"{current[1]}
        >Claims <span id="tab-count"></span></button>
    </nav>
    <section id="essay" aria-label="The essay"{hidden[0]}>
      {essay_html(m.source_text, spans)}
    </section>
    <section id="claim-list" aria-label="The claims, from the thesis down"{hidden[1]}>
      <div id="claim-list-inner"></div>
    </section>
  </aside>
</main>
<script type="application/json" id="argmap-data">{script_json(data)}</script>
<script>
{_asset("page.js")}
</script>
</body>
</html>
"""  # noqa: S608 (an HTML page, not SQL)
