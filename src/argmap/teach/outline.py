"""The argument as an indented tree, from the thesis down.

The children of a claim are the relations into it, marked ``+`` (support),
``-`` (opposition) and ``~`` (undercut).  A relation with one premise is shown
as that premise's line; a linked relation as one ``[linked]`` line with its
premises indented under it.  Undercuts hang under the line of the inference
they attack.  A claim reached a second time is shown as a reference
(``↑ see ID``), so circles cannot loop.  Claims with no path to the thesis
come last, under "Not connected to the thesis".

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> cs = (Claim(id="t", text="T.", quote="T", role="thesis", by="authors"),
...       Claim(id="a", text="A.", quote="A", role="evidence", by="authors"),
...       Claim(id="b", text="B.", quote="B", role="opponent", by="x"),
...       Claim(id="c", text="C.", quote="C", role="background", by="authors"))
>>> rs = (Relation(id="r1", kind="support", premises=("a",), target="t"),
...       Relation(id="r2", kind="undercut", premises=("b",), target="r1"))
>>> m = Map(title="", thesis="t", source="", claims=cs, relations=rs, speakers={"x": "X"})
>>> print(format_text(outline(m), m))
t: T. [thesis]
  + a: A. [evidence]
    ~ b: B. (X) [opponent]
<BLANKLINE>
Not connected to the thesis:
  c: C. [background]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from argmap.model import Map, Relation, RelationKind

__all__ = [
    "MARKS",
    "Outline",
    "OutlineNode",
    "format_markdown",
    "format_text",
    "outline",
]

#: the sign printed before a child for each relation kind
MARKS: dict[RelationKind, str] = {"support": "+", "opposition": "-", "undercut": "~"}

_KIND_ORDER: dict[RelationKind, int] = {"support": 0, "opposition": 1, "undercut": 2}
UNCONNECTED = "Not connected to the thesis"


@dataclass(frozen=True)
class OutlineNode:
    """One line of the outline and the lines under it.

    Attributes
    ----------
    kind : ``"claim"`` (a claim printed in full), ``"ref"`` (a claim printed
        before, shown as ``↑ see ID``) or ``"linked"`` (the inference of a
        linked relation; its premises are its first children).
    claim : the claim id (empty for ``"linked"``).
    mark : ``+``, ``-`` or ``~`` for the relation that leads here; empty for a
        root and for the premises under a linked line.
    relation : id of that relation (empty for a root).
    scheme : the relation's scheme, if any.
    children : the lines under this one.
    """

    kind: Literal["claim", "ref", "linked"]
    claim: str = ""
    mark: str = ""
    relation: str = ""
    scheme: str = ""
    children: tuple[OutlineNode, ...] = ()


@dataclass(frozen=True)
class Outline:
    """The thesis tree, and trees of the claims with no path to the thesis."""

    thesis: OutlineNode
    unconnected: tuple[OutlineNode, ...] = ()


def _ordered(relations: list[Relation], order: dict[str, int]) -> list[Relation]:
    return sorted(relations, key=lambda r: (_KIND_ORDER[r.kind], order[r.id]))


class _Builder:
    """Depth-first walk that prints every claim in full once."""

    def __init__(self, m: Map) -> None:
        self.m = m
        self.order = {r.id: i for i, r in enumerate(m.relations)}
        self.seen: set[str] = set()

    def claim(self, claim_id: str, mark: str = "", via: Relation | None = None) -> OutlineNode:
        relation = via.id if via else ""
        scheme = via.scheme if via else ""
        if claim_id in self.seen:
            return OutlineNode("ref", claim_id, mark, relation, scheme)
        self.seen.add(claim_id)
        children = [self.relation(r) for r in _ordered(self.m.relations_into(claim_id), self.order)]
        if via is not None and not via.linked:
            children += self.undercuts(via)
        return OutlineNode("claim", claim_id, mark, relation, scheme, tuple(children))

    def relation(self, r: Relation) -> OutlineNode:
        mark = MARKS[r.kind]
        if not r.linked:
            return self.claim(r.premises[0], mark, r)
        premises = [self.claim(p) for p in r.premises]
        children = (*premises, *self.undercuts(r))
        return OutlineNode("linked", "", mark, r.id, r.scheme, children)

    def undercuts(self, r: Relation) -> list[OutlineNode]:
        return [self.relation(u) for u in _ordered(self.m.relations_into(r.id), self.order)]


def outline(m: Map) -> Outline:
    """The argument of ``m`` as a tree from the thesis down.

    Claims the thesis tree does not reach are grouped in trees of their own,
    each rooted at a claim that supports or attacks no other unreached claim
    (or, for a circle of them, at its first claim in the map), in map order.
    """
    b = _Builder(m)
    thesis = b.claim(m.thesis)
    rest = [c.id for c in m.claims if c.id not in b.seen]
    unreached = set(rest)
    feeds_rest = {
        p
        for r in m.relations
        if r.kind != "undercut" and r.target in unreached
        for p in r.premises
        if p != r.target
    }
    roots = [c for c in rest if c not in feeds_rest] + rest
    unconnected = tuple(b.claim(c) for c in roots if c not in b.seen)
    return Outline(thesis, unconnected)


def _label(node: OutlineNode, m: Map, *, markdown: bool) -> str:
    if node.kind == "linked":
        tag = ", ".join(x for x in ("linked", node.scheme) if x)
        return f"[{tag}] `{node.relation}`" if markdown else f"[{tag}] {node.relation}"
    ident = f"`{node.claim}`" if markdown else node.claim
    if node.kind == "ref":
        return f"↑ see {ident}"
    c = m.claim(node.claim)
    speaker = f" ({m.speaker_name(c.by)})" if c.by != "authors" else ""
    role = f"*{c.role}*" if markdown else f"[{c.role}]"
    return f"{ident}: {c.text}{speaker} {role}"


def _quote(node: OutlineNode, m: Map) -> str:
    return " ".join(m.claim(node.claim).quote.split()) if node.kind == "claim" else ""


def format_text(o: Outline, m: Map, *, quotes: bool = False) -> str:
    """The outline as indented plain text (two spaces a level).

    With ``quotes`` every claim line is followed by its quote, in quotation
    marks, one level deeper.
    """
    lines: list[str] = []

    def walk(node: OutlineNode, depth: int) -> None:
        mark = f"{node.mark} " if node.mark else ""
        lines.append(f"{'  ' * depth}{mark}{_label(node, m, markdown=False)}")
        if quotes and _quote(node, m):
            lines.append(f"{'  ' * (depth + 1)}{' ' * len(mark)}“{_quote(node, m)}”")
        extra = 2 if node.kind == "linked" else 1
        for child in node.children:
            walk(child, depth + extra if not child.mark else depth + 1)

    walk(o.thesis, 0)
    if o.unconnected:
        lines += ["", f"{UNCONNECTED}:"]
        for node in o.unconnected:
            walk(node, 1)
    return "\n".join(lines)


def format_markdown(o: Outline, m: Map, *, quotes: bool = False, level: int = 2) -> str:
    """The outline as a nested Markdown list; ``level`` is the heading level used.

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> cs = (Claim(id="t", text="T.", quote="T", role="thesis", by="authors"),
    ...       Claim(id="a", text="A.", quote="A", role="evidence", by="authors"))
    >>> rs = (Relation(id="r1", kind="opposition", premises=("a",), target="t"),)
    >>> m = Map(title="", thesis="t", source="", claims=cs, relations=rs)
    >>> print(format_markdown(outline(m), m, quotes=True))
    - `t`: T. *thesis* — “T”
      - **-** `a`: A. *evidence* — “A”
    """
    lines: list[str] = []
    signs = {"+": "**+**", "-": "**-**", "~": "**~**"}

    def walk(node: OutlineNode, depth: int) -> None:
        mark = f"{signs[node.mark]} " if node.mark else ""
        quote = f" — “{_quote(node, m)}”" if quotes and _quote(node, m) else ""
        lines.append(f"{'  ' * depth}- {mark}{_label(node, m, markdown=True)}{quote}")
        for child in node.children:
            walk(child, depth + 1)

    walk(o.thesis, 0)
    if o.unconnected:
        lines += ["", f"{'#' * level} {UNCONNECTED}", ""]
        for node in o.unconnected:
            walk(node, 0)
    return "\n".join(lines)
