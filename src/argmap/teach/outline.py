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

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Literal

from argmap.escape import markdown_code, markdown_text, markdown_texts
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


@dataclass(frozen=True, init=False)
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

    def __init__(  # noqa: PLR0917 -- the fields, in order, as the dataclass would take them
        self,
        kind: Literal["claim", "ref", "linked"],
        claim: str = "",
        mark: str = "",
        relation: str = "",
        scheme: str = "",
        children: tuple[OutlineNode, ...] = (),
    ) -> None:
        # filling the frozen instance's dict at once is several times faster than the
        # dataclass's own __init__ (see argmap.model.Claim); a big map has a line a claim
        self.__dict__.update(
            kind=kind, claim=claim, mark=mark, relation=relation, scheme=scheme, children=children
        )


@dataclass(frozen=True)
class Outline:
    """The thesis tree, and trees of the claims with no path to the thesis."""

    thesis: OutlineNode
    unconnected: tuple[OutlineNode, ...] = ()


#: an open line of the walk: its fields but the children, the items under it (a
#: relation, or a premise of a linked relation by its id), how many are done, and the
#: lines they gave
_Fields = tuple[Literal["claim", "linked"], str, str, str, str]
_Frame = tuple[_Fields, list["Relation | str"], list[int], list["OutlineNode"]]


class _Builder:
    """Depth-first walk that prints every claim in full once.

    The walk keeps its own stack, so a chain of any length needs no recursion;
    a claim is marked seen when the walk reaches it, so of two lines of one
    claim the first in print order is the full one.
    """

    def __init__(self, m: Map) -> None:
        self.seen: set[str] = set()
        self.into: dict[str, list[Relation]] = {}
        order = {r.id: i for i, r in enumerate(m.relations)}
        # sorted once: every target's list is then in (kind, map order) already
        for r in sorted(m.relations, key=lambda r: (_KIND_ORDER[r.kind], order[r.id])):
            self.into.setdefault(r.target, []).append(r)

    def walk(self, claim_id: str) -> OutlineNode:
        """The tree of ``claim_id`` (a reference if the walk has printed it)."""
        opened = self._claim(claim_id, "", None)
        if isinstance(opened, OutlineNode):
            return opened
        stack = [opened]
        while True:
            fields, items, done, lines = stack[-1]
            if done[0] < len(items):
                item = items[done[0]]
                done[0] += 1
                opened = self._item(item)
                if isinstance(opened, OutlineNode):
                    lines.append(opened)
                else:
                    stack.append(opened)
                continue
            stack.pop()
            node = OutlineNode(*fields, tuple(lines))
            if not stack:
                return node
            stack[-1][3].append(node)

    def _item(self, item: Relation | str) -> OutlineNode | _Frame:
        """Open a premise of a linked relation (by id) or a relation into a line."""
        if isinstance(item, str):
            return self._claim(item, "", None)
        mark = MARKS[item.kind]
        if not item.linked:
            return self._claim(item.premises[0], mark, item)
        items: list[Relation | str] = [*item.premises, *self.into.get(item.id, ())]
        return ("linked", "", mark, item.id, item.scheme), items, [0], []

    def _claim(self, claim_id: str, mark: str, via: Relation | None) -> OutlineNode | _Frame:
        """Open the line of a claim, or give its reference if it was printed already."""
        relation, scheme = (via.id, via.scheme) if via else ("", "")
        if claim_id in self.seen:
            return OutlineNode("ref", claim_id, mark, relation, scheme)
        self.seen.add(claim_id)
        items: list[Relation | str] = list(self.into.get(claim_id, ()))
        if via is not None and not via.linked:  # undercuts of the inference that leads here
            items += self.into.get(via.id, ())
        return ("claim", claim_id, mark, relation, scheme), items, [0], []


def outline(m: Map) -> Outline:
    """The argument of ``m`` as a tree from the thesis down.

    Claims the thesis tree does not reach are grouped in trees of their own,
    each rooted at a claim that supports or attacks no other unreached claim
    (or, for a circle of them, at its first claim in the map), in map order.
    """
    b = _Builder(m)
    thesis = b.walk(m.thesis)
    unconnected = tuple(b.walk(c) for c in _roots(m, b.seen) if c not in b.seen)
    return Outline(thesis, unconnected)


def _roots(m: Map, seen: set[str]) -> list[str]:
    """The claims to walk from after the thesis: those feeding no other unseen claim first.

    The walk skips a claim it has printed meanwhile, so every unseen claim
    follows, in map order, for the circles among them.
    """
    rest = [c.id for c in m.claims if c.id not in seen]
    unreached = set(rest)
    feeds_rest = {
        p
        for r in m.relations
        if r.kind != "undercut" and r.target in unreached
        for p in r.premises
        if p != r.target
    }
    return [c for c in rest if c not in feeds_rest] + rest


def _said(node: OutlineNode, m: Map) -> tuple[str, str]:
    """What a line says besides its id: a linked line's tag, or a claim's text and role."""
    if node.kind == "linked":
        return ", ".join(x for x in ("linked", node.scheme) if x), ""
    if node.kind == "ref":
        return "", ""
    c = m.claim(node.claim)
    speaker = f" ({m.speaker_name(c.by)})" if c.by != "authors" else ""
    return c.text + speaker, c.role


def _label(node: OutlineNode, said: str, role: str, code: Callable[[str], str] = str) -> str:
    """A line's label from what it says and its role, written as the output needs them."""
    if node.kind == "linked":
        return f"[{said}] {code(node.relation)}"
    if node.kind == "ref":
        return f"↑ see {code(node.claim)}"
    return f"{code(node.claim)}: {said} {role}"


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
            said, role = _said(node, m)
            lines.append(f"{'  ' * depth}{mark}{_label(node, said, f'[{role}]')}")
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
    signs = {"+": "**+**", "-": "**-**", "~": "**~**"}
    rows = list(_preorder(o.thesis, 0, _one_deeper))
    thesis_rows = len(rows)
    for node in o.unconnected:
        rows += _preorder(node, 0, _one_deeper)
    said = [_said(node, m) for node, _ in rows]
    # every text escaped in one batch (a big map has a line a claim); roles are few
    texts = markdown_texts([text for text, _ in said])
    quoted = markdown_texts([_quote(node, m) for node, _ in rows]) if quotes else []
    roles = {role: f"*{markdown_text(role)}*" for role in {role for _, role in said}}
    lines: list[str] = []
    for k, (node, depth) in enumerate(rows):
        if k == thesis_rows:
            lines += ["", f"{'#' * level} {UNCONNECTED}", ""]
        mark = f"{signs[node.mark]} " if node.mark else ""
        quote = f" — “{quoted[k]}”" if quotes and quoted[k] else ""
        label = _label(node, texts[k], roles[said[k][1]], markdown_code)
        lines.append(f"{'  ' * depth}- {mark}{label}{quote}")
    return "\n".join(lines)


def _one_deeper(_parent: OutlineNode, _child: OutlineNode, depth: int) -> int:
    """Each level of a Markdown list one deeper."""
    return depth + 1
