"""Draw the map graph with pydot, following argument-map conventions.

Conclusions stand above their premises (``rankdir=BT``), supports are green,
oppositions red, undercuts dashed red into the inference they attack.  A
single-premise relation is drawn as one arrow labelled with its scheme; a
linked support, and any inference that is undercut, gets a small inference
node joining its premises.  Fill shows the role; the speaker is named under
the text.  Output is deterministic: nodes and edges are emitted in sorted
order, so the same map gives byte-identical DOT whatever its input order.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> cs = (Claim(id="t", text="T", quote="T", role="thesis", by="authors"),
...       Claim(id="e", text="E", quote="E", role="evidence", by="lenin"))
>>> rs = (Relation(id="e--supports--t", kind="support", premises=("e",), target="t"),)
>>> from argmap.graph import to_networkx
>>> G = to_networkx(Map(title="M", thesis="t", source="", claims=cs, relations=rs))
>>> dot = to_dot(G, DotOptions(label="id"))
>>> "rankdir=BT" in dot and '"e" -> "t"' in dot
True
"""

from __future__ import annotations

import html
import shutil
import subprocess
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import networkx as nx
import pydot

from argmap.errors import ArgmapError, Diagnostic

__all__ = [
    "COLORS",
    "FORMATS",
    "LABEL_COLORS",
    "ROLE_STYLE",
    "DotOptions",
    "render_image",
    "to_dot",
]

FORMATS = ("dot", "svg", "png", "pdf")

COLORS = {"support": "#22aa22", "opposition": "#cc2222", "undercut": "#cc2222"}

#: fill colour and extra node style per role
ROLE_STYLE: dict[str, tuple[str, str]] = {
    "thesis": ("#ffd966", "rounded,filled,bold"),
    "claim": ("#dbe8fb", "rounded,filled"),
    "evidence": ("#e2f0d9", "filled"),
    "example": ("#eef6e5", "filled"),
    "authority": ("#e8def8", "filled"),
    "concession": ("#fff2cc", "rounded,filled,dashed"),
    "opponent": ("#f8d7d5", "rounded,filled"),
    "rebuttal": ("#d5eef2", "rounded,filled"),
    "background": ("#eeeeee", "rounded,filled,dotted"),
}

#: fill per evaluation label (grounded in/out/undecided)
LABEL_COLORS = {"in": "#8fd19e", "out": "#f1a7a7", "undec": "#d9d9d9"}

Label = Literal["id", "short", "full"]


@dataclass(frozen=True)
class DotOptions:
    """How to draw the map.

    label : ``"id"``, ``"short"`` (the paraphrase) or ``"full"`` (paraphrase and quote).
    group : ``"none"`` or ``"paragraph"`` (a box per paragraph of the source).
    direction : Graphviz rankdir; ``"BT"`` puts conclusions on top.
    width : characters per wrapped line.
    labels : evaluation label per claim (``in``/``out``/``undec``), fills the node.
    strengths : gradual strength per claim in [0, 1], the fill's intensity.
    """

    label: Label = "short"
    group: Literal["none", "paragraph"] = "none"
    direction: Literal["BT", "TB", "LR", "RL"] = "BT"
    width: int = 28
    labels: Mapping[str, str] = field(default_factory=dict)
    strengths: Mapping[str, float] = field(default_factory=dict)


def to_dot(G: nx.DiGraph, options: DotOptions | None = None) -> str:
    """Return the DOT source of the map graph ``G`` (see :func:`argmap.graph.to_networkx`)."""
    opt = options or DotOptions()
    dot = pydot.Dot(
        "argmap",
        graph_type="digraph",
        rankdir=opt.direction,
        newrank="true",
        nodesep="0.3",
        ranksep="0.45",
        fontname="DejaVu Sans",
        labelloc="t",
    )
    if G.graph.get("title"):
        dot.set("label", _html_label(f"<B>{html.escape(str(G.graph['title']))}</B>"))
    dot.set_node_defaults(fontname="DejaVu Sans", fontsize="10", margin="0.12,0.06")
    dot.set_edge_defaults(fontname="DejaVu Sans", fontsize="8", penwidth="1.4")
    claims = sorted(
        (n for n, k in G.nodes(data="kind") if k == "claim"), key=lambda n: _claim_order(G, n)
    )
    drawn = {n for n, k in G.nodes(data="kind") if k == "inference" and _needs_node(G, n)}
    clusters: dict[int, pydot.Subgraph] = {}
    for n in claims:
        para = G.nodes[n].get("paragraph", 0)
        holder: pydot.Dot | pydot.Subgraph = dot
        if opt.group == "paragraph" and para:
            if para not in clusters:
                clusters[para] = pydot.Subgraph(
                    f"cluster_p{para}",
                    label=f"¶ {para}",
                    style="rounded,dashed",
                    color="#999999",
                    fontcolor="#666666",
                    fontsize="10",
                )
            holder = clusters[para]
        holder.add_node(_claim_node(G, n, opt))
    for para in sorted(clusters):
        dot.add_subgraph(clusters[para])
    for n in sorted(drawn):
        dot.add_node(_inference_node(G, n))
    for u, v, inf, part in _edges(G, drawn):
        dot.add_edge(_edge(G, u, v, inf, part))
    return str(dot.to_string())


def _claim_order(G: nx.DiGraph, n: str) -> tuple[int, str]:
    span = G.nodes[n].get("span")
    return (span[0] if span else 1 << 60, n)


def _needs_node(G: nx.DiGraph, inference: str) -> bool:
    """An inference is drawn as a node when linked or when something undercuts it."""
    return bool(G.nodes[inference].get("linked")) or any(
        G.edges[u, inference]["role"] == "undercut" for u in G.predecessors(inference)
    )


def _edges(G: nx.DiGraph, drawn: set[str]) -> list[tuple[str, str, str, str]]:
    """Edges to draw as ``(tail, head, inference, part)``, sorted.

    ``part`` is ``"premise"`` (premise → drawn inference node), ``"target"``
    (drawn inference node → its target) or ``"direct"`` (premise → target).
    """
    edges = []
    for inf, data in G.nodes(data=True):
        if data["kind"] != "inference":
            continue
        tgt = next(iter(G.successors(inf)))
        premises = [u for u in G.predecessors(inf) if G.edges[u, inf]["role"] == "premise"]
        if inf in drawn:
            edges += [(p, inf, inf, "premise") for p in premises] + [(inf, tgt, inf, "target")]
        else:
            edges += [(p, tgt, inf, "direct") for p in premises]
    return sorted(edges)


_ARROWHEADS = {"support": "normal", "opposition": "tee", "undercut": "odiamond"}


def _edge(G: nx.DiGraph, u: str, v: str, inf: str, part: str) -> pydot.Edge:
    kind = G.nodes[inf]["relation"]
    attrs: dict[str, Any] = {
        "color": COLORS[kind],
        "arrowhead": "none" if part == "premise" else _ARROWHEADS[kind],
    }
    if kind == "undercut":
        attrs["style"] = "dashed"
    if part == "direct":
        attrs["id"] = _quote(inf)
        scheme = G.nodes[inf].get("scheme")
        if scheme:
            attrs["label"] = _html_label(f"<I>{html.escape(scheme)}</I>")
            attrs["fontcolor"] = "#555555"
    return pydot.Edge(_quote(u), _quote(v), **attrs)


def _quote(name: str) -> str:
    """A DOT id in double quotes, so that ids like ``node`` or ``a+b`` stay plain names."""
    return '"' + name.replace('"', r"\"") + '"'


def _wrap(text: str, width: int) -> str:
    return "<BR/>".join(html.escape(line) for line in textwrap.wrap(text, width) or [""])


def _html_label(body: str) -> str:
    return f"<{body}>"


def _claim_node(G: nx.DiGraph, n: str, opt: DotOptions) -> pydot.Node:
    d = G.nodes[n]
    fill, style = ROLE_STYLE.get(d["role"], ("#ffffff", "rounded,filled"))
    if n in opt.labels:
        fill = LABEL_COLORS.get(opt.labels[n], fill)
    if n in opt.strengths:
        fill = _with_alpha(fill if n in opt.labels else "#4a90d9", opt.strengths[n])
    head = f'<FONT POINT-SIZE="8" COLOR="#555555">{html.escape(d["role"].upper())}'
    if d.get("paragraph"):
        head += f" · ¶{d['paragraph']}"
    if n in opt.labels or n in opt.strengths:
        head += " · " + " ".join(
            ([opt.labels[n]] if n in opt.labels else [])
            + ([f"{opt.strengths[n]:.2f}"] if n in opt.strengths else [])
        )
    head += "</FONT>"
    if opt.label == "id":
        body = f"<B>{html.escape(n)}</B>"
    else:
        body = _wrap(d["text"], opt.width)
        if opt.label == "full":
            body += (
                '<BR/><FONT POINT-SIZE="8"><I>“' + _wrap(d["quote"], opt.width + 8) + "”</I></FONT>"
            )
    speaker = f'<FONT POINT-SIZE="8" COLOR="#333333"><I>— {html.escape(d["speaker"])}</I></FONT>'
    return pydot.Node(
        _quote(n),
        shape="box",
        style=style,
        fillcolor=fill,
        id=n,
        tooltip=d["text"],
        penwidth="2" if d["role"] == "thesis" else "1",
        label=_html_label(f"{head}<BR/>{body}<BR/>{speaker}"),
        **_css_class(f"claim role-{d['role']}"),
    )


def _inference_node(G: nx.DiGraph, n: str) -> pydot.Node:
    d = G.nodes[n]
    text = d.get("scheme") or ("linked" if d.get("linked") else d["relation"])
    return pydot.Node(
        _quote(n),
        shape="box",
        style="rounded,filled",
        fillcolor="#ffffff",
        color=COLORS[d["relation"]],
        fontsize="8",
        height="0.2",
        width="0.3",
        margin="0.05,0.02",
        id=n,
        label=_html_label(f"<I>{html.escape(text)}</I>"),
        **_css_class("inference"),
    )


def _css_class(name: str) -> dict[str, Any]:
    """The SVG ``class`` attribute (a Python keyword, so passed as a mapping)."""
    return {"class": name}


def _with_alpha(color: str, strength: float) -> str:
    alpha = max(0, min(255, round(40 + 215 * strength)))
    return f"{color}{alpha:02x}"


def render_image(dot_source: str, fmt: str) -> bytes:
    """Run Graphviz ``dot`` on ``dot_source``; return the image bytes.

    Raises ArgmapError ``graphviz-missing`` when ``dot`` is not installed and
    ``graphviz-failed`` when it rejects the input.
    """
    if fmt == "dot":
        return dot_source.encode()
    if fmt not in FORMATS:
        raise ArgmapError(
            [
                Diagnostic(
                    "<render>",
                    0,
                    0,
                    "unknown-format",
                    f"unknown output format {fmt!r}",
                    f"use one of {', '.join(FORMATS)}",
                )
            ]
        )
    exe = shutil.which("dot")
    if exe is None:
        raise ArgmapError(
            [
                Diagnostic(
                    "<render>",
                    0,
                    0,
                    "graphviz-missing",
                    f"Graphviz 'dot' is not installed, so {fmt.upper()} cannot be drawn",
                    "install it (Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install "
                    "graphviz), or use --format dot to write the DOT source only",
                )
            ]
        )
    done = subprocess.run(
        [exe, f"-T{fmt}"], input=dot_source.encode(), capture_output=True, check=False, timeout=300
    )
    if done.returncode != 0:
        raise ArgmapError(
            [
                Diagnostic(
                    "<render>",
                    0,
                    0,
                    "graphviz-failed",
                    f"Graphviz failed: {done.stderr.decode(errors='replace')}",
                    "report this as a bug in argmap with the map file",
                )
            ]
        )
    return done.stdout
