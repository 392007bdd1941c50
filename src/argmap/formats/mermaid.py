"""Export a map as a Mermaid flowchart, which GitHub renders in Markdown.

Claims are nodes ``c_<id>`` (hyphens become underscores) labelled with the
id, the paraphrase and the speaker when not the authors, styled by a
``classDef`` per role in the colours of :data:`argmap.render.dot.ROLE_STYLE`.
A relation with one premise is one edge: support ``-->``, opposition ``--x``
(also drawn red by ``linkStyle``).  A linked relation, and any relation an
undercut attacks, gets an inference node ``i<n>`` (``n`` its place in the
map): premises join it with plain lines and it points at the target.  An
undercut is a dotted red ``-.-x`` into the inference node it attacks.

Labels and the title comment are escaped with Mermaid entity codes
(``#quot;``, ``#35;`` ..., see :func:`argmap.escape.mermaid_text`), so no
text of the map can break the syntax or form a ``%%{init}%%`` directive.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> cs = (Claim(id="t", text='The "end".', quote="T", role="thesis", by="authors"),
...       Claim(id="a", text="A.", quote="A", role="opponent", by="authors"))
>>> rs = (Relation(id="r", kind="opposition", premises=("a",), target="t"),)
>>> m = Map(title="T", thesis="t", source="", claims=cs, relations=rs)
>>> print(to_mermaid(m))  # doctest: +ELLIPSIS
flowchart BT
  %% T
  c_t["<b>t</b><br/>The #quot;end#quot;."]:::thesis
  c_a["<b>a</b><br/>A."]:::opponent
  c_a --x c_t
  linkStyle 0 stroke:#c0392b,color:#c0392b
  classDef authority fill:#e8def8,stroke:#555
  ...
  classDef inference fill:#ffffff,stroke:#999,font-size:11px
<BLANKLINE>
"""

from __future__ import annotations

from argmap.escape import mermaid_text
from argmap.model import ROLES, Map, Relation
from argmap.render.dot import ROLE_STYLE

__all__ = ["escape", "node_id", "to_mermaid"]

_ARROWS = {"support": "-->", "opposition": "--x", "undercut": "-.-x"}
_RED = "stroke:#c0392b,color:#c0392b"

#: Mermaid label and comment escaping (entity codes; no ``%%{`` directive can form)
escape = mermaid_text


def node_id(claim_id: str) -> str:
    """Mermaid node id of a claim (kebab-case ids make this one-to-one).

    Examples
    --------
    >>> node_id("end-of-war")
    'c_end_of_war'
    """
    return "c_" + claim_id.replace("-", "_")


def _claim_label(m: Map, claim_id: str) -> str:
    c = m.claim(claim_id)
    speaker = f" ({m.speaker_name(c.by)})" if c.by != "authors" else ""
    return f"<b>{escape(c.id)}</b><br/>{escape(c.text + speaker)}"


def _inference_label(r: Relation) -> str:
    words = ["linked" if r.linked else r.kind, r.scheme]
    return escape(" · ".join(w for w in words if w))


def to_mermaid(m: Map) -> str:
    """The map as Mermaid ``flowchart BT`` source (conclusions on top)."""
    undercut = {r.target for r in m.relations if r.kind == "undercut"}
    inference = {r.id: f"i{n}" for n, r in enumerate(m.relations) if r.linked or r.id in undercut}
    lines = ["flowchart BT"]
    if m.title.strip():
        lines.append(f"  %% {escape(m.title)}")
    lines += [f'  {node_id(c.id)}["{_claim_label(m, c.id)}"]:::{c.role}' for c in m.claims]
    lines += [
        f'  {inference[r.id]}{{{{"{_inference_label(r)}"}}}}:::inference'
        for r in m.relations
        if r.id in inference
    ]
    edges: list[str] = []
    red: list[int] = []
    for r in m.relations:
        head = inference[r.target] if r.kind == "undercut" else node_id(r.target)
        if r.id in inference:
            edges += [f"{node_id(p)} --- {inference[r.id]}" for p in r.premises]
            tails = [inference[r.id]]
        else:
            tails = [node_id(p) for p in r.premises]
        for tail in tails:
            if r.kind != "support":
                red.append(len(edges))
            edges.append(f"{tail} {_ARROWS[r.kind]} {head}")
    lines += [f"  {e}" for e in edges]
    if red:
        lines.append(f"  linkStyle {','.join(map(str, red))} {_RED}")
    for role in sorted(ROLES):
        fill, style = ROLE_STYLE.get(role, ("#ffffff", ""))
        dash = ",stroke-dasharray:4 3" if "dashed" in style or "dotted" in style else ""
        bold = ",stroke-width:2px" if "bold" in style else ""
        lines.append(f"  classDef {role} fill:{fill},stroke:#555{bold}{dash}")
    lines.append("  classDef inference fill:#ffffff,stroke:#999,font-size:11px")
    return "\n".join(lines) + "\n"
