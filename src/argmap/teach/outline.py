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

from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from typing import Literal

from argmap.escape import markdown_code, markdown_text
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


#: a step of the depth-first walk: it yields the walks of its children, is sent
#: their results and returns its own (so that :func:`_run` needs no call stack)
_Walk = Generator["_Walk", OutlineNode, OutlineNode]
_Walks = Generator[_Walk, OutlineNode, list[OutlineNode]]


def _run(walk: _Walk) -> OutlineNode:
    """Run a walk with an explicit stack: a chain of any length needs no recursion."""
    stack = [walk]
    result: OutlineNode | None = None
    while stack:
        try:
            stack.append(stack[-1].send(result))  # type: ignore[arg-type]
            result = None
        except StopIteration as done:
            stack.pop()
            result = done.value
    assert result is not None  # noqa: S101 - a walk always returns a node
    return result


class _Builder:
    """Depth-first walk that prints every claim in full once."""

    def __init__(self, m: Map) -> None:
        self.m = m
        self.order = {r.id: i for i, r in enumerate(m.relations)}
        self.seen: set[str] = set()
        self.into: dict[str, list[Relation]] = {}
        for r in m.relations:
            self.into.setdefault(r.target, []).append(r)

    def claim(self, claim_id: str, mark: str = "", via: Relation | None = None) -> _Walk:
        relation = via.id if via else ""
        scheme = via.scheme if via else ""
        if claim_id in self.seen:
            return OutlineNode("ref", claim_id, mark, relation, scheme)
        self.seen.add(claim_id)
        into = _ordered(self.into.get(claim_id, []), self.order)
        children = yield from _all(self.relation(r) for r in into)
        if via is not None and not via.linked:
            children += yield from self.undercuts(via)
        return OutlineNode("claim", claim_id, mark, relation, scheme, tuple(children))

    def relation(self, r: Relation) -> _Walk:
        mark = MARKS[r.kind]
        if not r.linked:
            return (yield self.claim(r.premises[0], mark, r))
        premises = yield from _all(self.claim(p) for p in r.premises)
        children = (*premises, *(yield from self.undercuts(r)))
        return OutlineNode("linked", "", mark, r.id, r.scheme, children)

    def undercuts(self, r: Relation) -> _Walks:
        into = _ordered(self.into.get(r.id, []), self.order)
        return (yield from _all(self.relation(u) for u in into))


def _all(walks: Iterable[_Walk]) -> _Walks:
    """Walk each of ``walks`` in turn (lazily: each sees what the ones before saw)."""
    nodes: list[OutlineNode] = []
    for walk in walks:
        node = yield walk
        nodes.append(node)
    return nodes


def outline(m: Map) -> Outline:
    """The argument of ``m`` as a tree from the thesis down.

    Claims the thesis tree does not reach are grouped in trees of their own,
    each rooted at a claim that supports or attacks no other unreached claim
    (or, for a circle of them, at its first claim in the map), in map order.
    """
    b = _Builder(m)
    thesis = _run(b.claim(m.thesis))
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
    unconnected = tuple(_run(b.claim(c)) for c in roots if c not in b.seen)
    return Outline(thesis, unconnected)


def _label(node: OutlineNode, m: Map, *, markdown: bool) -> str:
    text, code = (markdown_text, markdown_code) if markdown else (str, str)
    if node.kind == "linked":
        tag = ", ".join(x for x in ("linked", node.scheme) if x)
        return f"[{text(tag)}] {code(node.relation)}"
    ident = code(node.claim)
    if node.kind == "ref":
        return f"↑ see {ident}"
    c = m.claim(node.claim)
    speaker = f" ({m.speaker_name(c.by)})" if c.by != "authors" else ""
    role = f"*{text(c.role)}*" if markdown else f"[{c.role}]"
    return f"{ident}: {text(c.text + speaker)} {role}"


def _quote(node: OutlineNode, m: Map) -> str:
    return " ".join(m.claim(node.claim).quote.split()) if node.kind == "claim" else ""


def _preorder(
    root: OutlineNode, depth: int, deeper: Callable[[OutlineNode, OutlineNode, int], int]
) -> Generator[tuple[OutlineNode, int], None, None]:
    """The nodes of a tree in print order with their depths, with no recursion."""
    stack = [(root, depth)]
    while stack:
        node, level = stack.pop()
        yield node, level
        stack += [(child, deeper(node, child, level)) for child in reversed(node.children)]


def _text_depth(parent: OutlineNode, child: OutlineNode, depth: int) -> int:
    """Premises under a linked line sit two levels deeper; marked lines one."""
    return depth + 2 if parent.kind == "linked" and not child.mark else depth + 1


def format_text(o: Outline, m: Map, *, quotes: bool = False) -> str:
    """The outline as indented plain text (two spaces a level).

    With ``quotes`` every claim line is followed by its quote, in quotation
    marks, one level deeper.
    """
    lines: list[str] = []

    def walk(root: OutlineNode, start: int) -> None:
        for node, depth in _preorder(root, start, _text_depth):
            mark = f"{node.mark} " if node.mark else ""
            lines.append(f"{'  ' * depth}{mark}{_label(node, m, markdown=False)}")
            if quotes and _quote(node, m):
                lines.append(f"{'  ' * (depth + 1)}{' ' * len(mark)}“{_quote(node, m)}”")

    walk(o.thesis, 0)
    if o.unconnected:
        lines += ["", f"{UNCONNECTED}:"]
        for node in o.unconnected:
            walk(node, 1)
    return "\n".join(lines)


def format_markdown(o: Outline, m: Map, *, quotes: bool = False, level: int = 2) -> str:
    """The outline as a nested Markdown list; ``level`` is the heading level used.

    Every text of the map is escaped (:func:`argmap.escape.markdown_text`), so
    it shows as written and never becomes HTML, a link or a heading.

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> cs = (Claim(id="t", text="T.", quote="T", role="thesis", by="authors"),
    ...       Claim(id="a", text="<A> & *b*", quote="A", role="evidence", by="authors"))
    >>> rs = (Relation(id="r1", kind="opposition", premises=("a",), target="t"),)
    >>> m = Map(title="", thesis="t", source="", claims=cs, relations=rs)
    >>> print(format_markdown(outline(m), m, quotes=True))
    - `t`: T. *thesis* — “T”
      - **-** `a`: \\<A\\> \\& \\*b\\* *evidence* — “A”
    """
    lines: list[str] = []
    signs = {"+": "**+**", "-": "**-**", "~": "**~**"}

    def walk(root: OutlineNode, start: int) -> None:
        for node, depth in _preorder(root, start, lambda _p, _c, d: d + 1):
            mark = f"{signs[node.mark]} " if node.mark else ""
            quote = f" — “{markdown_text(_quote(node, m))}”" if quotes and _quote(node, m) else ""
            lines.append(f"{'  ' * depth}- {mark}{_label(node, m, markdown=True)}{quote}")

    walk(o.thesis, 0)
    if o.unconnected:
        lines += ["", f"{'#' * level} {UNCONNECTED}", ""]
        for node in o.unconnected:
            walk(node, 0)
    return "\n".join(lines)
