"""Draw the map graph as Graphviz DOT text, following argument-map conventions.

Conclusions stand above their premises (``rankdir=BT``), supports are green,
oppositions red, undercuts dashed red into the inference they attack.  A
single-premise relation is drawn as one arrow labelled with its scheme; a
linked support, and any inference that is undercut, gets a small inference
node joining its premises.  Fill shows the role; the speaker is named under
the text.  An evaluation never hides the role: its label is the node's border
(colour *and* line style, so it survives colour blindness and greyscale
print); a gradual strength is the intensity of the role's fill (pale = 0,
deep = 1) and is also written after the label; a legend explains fill and
border.  Output is deterministic: nodes and edges are emitted in sorted
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
>>> 'rankdir="BT"' in dot and '"e" -> "t"' in dot
True
"""

from __future__ import annotations

import colorsys
import functools
import re
import shutil
import subprocess
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from argmap.errors import ArgmapError, Diagnostic
from argmap.escape import dot_html, dot_string, dot_tooltip
from argmap.graph import edge_roles
from argmap.model import ROLES, Assessment

__all__ = [
    "COLORS",
    "DEFAULT_ENGINE",
    "FORMATS",
    "LABEL_COLORS",
    "strength_fill",
    "LABEL_NAMES",
    "LABEL_STYLE",
    "LEGEND_ID",
    "ROLE_STYLE",
    "DOT_GUARD",
    "ENGINES",
    "PNG_MAX_SIDE",
    "DotOptions",
    "Report",
    "render_image",
    "size_guard",
    "to_dot",
    "wrap_lines",
]

FORMATS = ("dot", "svg", "png", "pdf")

#: the layout engine Graphviz uses unless told otherwise
DEFAULT_ENGINE = "dot"

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

#: border per evaluation label: (colour, line style, pen width).  The fill stays the
#: role's.  Okabe-Ito bluish green and vermillion (told apart with colour blindness)
#: and a neutral grey, each with its own line style, which greyscale print keeps.
LABEL_STYLE: dict[str, tuple[str, str, str]] = {
    "in": ("#009e73", "solid", "3"),
    "out": ("#d55e00", "dashed", "3"),
    "undec": ("#6b6b6b", "dotted", "3"),
}

#: border colour per evaluation label (the colours of :data:`LABEL_STYLE`)
LABEL_COLORS = {label: color for label, (color, _style, _pen) in LABEL_STYLE.items()}

#: what each label means, for legends
LABEL_NAMES = {"in": "accepted", "out": "rejected", "undec": "undecided"}

#: node id of the legend (claim ids are lower-case slugs, so it cannot clash)
LEGEND_ID = "_legend"

NodeText = Literal["id", "short", "full"]
"""What a claim's box shows: its id, its paraphrase, or paraphrase and quote."""


@dataclass(frozen=True)
class DotOptions:
    """How to draw the map.

    label : ``"id"``, ``"short"`` (the paraphrase) or ``"full"`` (paraphrase and quote).
    group : ``"none"`` or ``"paragraph"`` (a box per paragraph of the source).
    direction : Graphviz rankdir; ``"BT"`` puts conclusions on top.
    width : characters per wrapped line.
    legend : draw a legend of fills (roles) and borders (labels) when the
        drawing shows an evaluation.
    """

    label: NodeText = "short"
    group: Literal["none", "paragraph"] = "none"
    direction: Literal["BT", "TB", "LR", "RL"] = "BT"
    width: int = 28
    legend: bool = True
    engine: str = "dot"


def to_dot(
    G: nx.DiGraph, options: DotOptions | None = None, assessment: Assessment | None = None
) -> str:
    """Return the DOT source of the map graph ``G`` (see :func:`argmap.graph.to_networkx`).

    ``assessment``, if given, is drawn: a claim's label (``in``/``out``/``undec``)
    as its border (see :data:`LABEL_STYLE`), its gradual strength as the
    intensity of the role's fill (:func:`strength_fill`) and as a number after
    the label, marked ``~`` (and the legend says so) when the strengths did
    not converge.  Of a part of the map (:func:`argmap.select.select`), the
    focus claim has a double border and a claim with a ``hidden`` count says
    "+k more" in its top line, and in its tooltip that k neighbours are not
    drawn.  The text is written directly, one statement a line, in linear time.
    """
    opt = options or DotOptions()
    ev = assessment or Assessment()
    graph = {
        "rankdir": opt.direction,
        "newrank": "true",
        "nodesep": "0.3",
        "ranksep": "0.45",
        "fontname": "DejaVu Sans",
        "labelloc": "t",
    }
    if opt.engine != DEFAULT_ENGINE:
        graph["layout"] = opt.engine
    lines = ["digraph argmap {", *(f"{k}={dot_string(v)};" for k, v in graph.items())]
    if G.graph.get("title"):
        title = dot_html(str(G.graph["title"]))
        lines.append(f"label={_html_label(f'<B>{title}</B>')};")
    lines.append(
        'node [fontname="DejaVu Sans", fontsize="10", margin="0.12,0.06"];\n'
        'edge [fontname="DejaVu Sans", fontsize="8", penwidth="1.4"];'
    )
    nodes = dict(G.nodes(data=True))  # plain dicts: read 10^5 times
    claims = sorted(
        (n for n, d in nodes.items() if d.get("kind") == "claim"), key=_claim_order(nodes)
    )
    premises, targets, undercut = _inferences(G, nodes)
    drawn = {n for n in premises if nodes[n].get("linked") or n in undercut}
    focus = G.graph.get("focus")
    clusters: dict[int, list[str]] = {}
    for n in claims:
        para = nodes[n].get("paragraph", 0)
        if opt.group == "paragraph" and para:
            clusters.setdefault(para, []).append(_claim_node(nodes[n], n, opt, ev, focus))
        else:
            lines.append(_claim_node(nodes[n], n, opt, ev, focus))
    for para in sorted(clusters):
        lines.append(f"subgraph {dot_string(f'cluster_p{para}')} {{")
        lines += (
            f"{k}={dot_string(v)};"
            for k, v in (
                ("label", f"¶ {para}"),
                ("style", "rounded,dashed"),
                ("color", "#999999"),
                ("fontcolor", "#666666"),
                ("fontsize", "10"),
            )
        )
        lines += clusters[para]
        lines.append("}")
    lines += (_inference_node(G, n) for n in sorted(drawn))
    kinds = {n: nodes[n]["relation"] for n in premises}
    schemes = {n: nodes[n].get("scheme") for n in premises}
    lines += (
        _edge(u, v, inf, part, kind=kinds[inf], scheme=schemes[inf])
        for u, v, inf, part in _edges(premises, targets, drawn)
    )
    if opt.legend and (ev.labels or ev.strengths):
        lines.append(_legend(G, claims, ev))
    lines.append("}\n")
    return "\n".join(lines)


def _claim_order(nodes: dict[str, dict[str, Any]]) -> Callable[[str], tuple[int, str]]:
    """The sort key of claims: where the quote starts in the source (unknown: last), then id."""

    def key(n: str) -> tuple[int, str]:
        span = nodes[n].get("span")
        return (span[0] if span else 1 << 60, n)

    return key


def _inferences(
    G: nx.DiGraph, nodes: dict[str, dict[str, Any]]
) -> tuple[dict[str, list[str]], dict[str, str], set[str]]:
    """The premises and target of every inference, and the inferences something undercuts."""
    premises: dict[str, list[str]] = {
        n: [] for n, d in nodes.items() if d.get("kind") == "inference"
    }
    targets: dict[str, str] = {}
    undercut: set[str] = set()
    for u, v, role in edge_roles(G):
        if role == "premise":
            premises[v].append(u)
        else:
            targets[u] = v
            if role == "undercut":
                undercut.add(v)
    return premises, targets, undercut


def _edges(
    premises: dict[str, list[str]], targets: dict[str, str], drawn: set[str]
) -> list[tuple[str, str, str, str]]:
    """Edges to draw as ``(tail, head, inference, part)``, sorted.

    ``part`` is ``"premise"`` (premise → drawn inference node), ``"target"``
    (drawn inference node → its target) or ``"direct"`` (premise → target).
    """
    edges = []
    for inf, ps in premises.items():
        tgt = targets[inf]
        if inf in drawn:
            edges += [(p, inf, inf, "premise") for p in ps]
            edges.append((inf, tgt, inf, "target"))
        else:
            edges += [(p, tgt, inf, "direct") for p in ps]
    edges.sort()
    return edges


_ARROWHEADS = {"support": "normal", "opposition": "tee", "undercut": "odiamond"}


def _edge(u: str, v: str, inf: str, part: str, *, kind: str, scheme: str | None) -> str:
    attrs = _edge_style(kind, "none" if part == "premise" else _ARROWHEADS[kind])
    if part == "direct":
        attrs += f", id={_string(inf)}"
        if scheme:
            attrs += f', fontcolor="#555555", label={_html_label(f"<I>{_html(scheme)}</I>")}'
    return f"{_string(u)} -> {_string(v)} [{attrs}];"


@functools.lru_cache(maxsize=64)
def _edge_style(kind: str, arrowhead: str) -> str:
    """The attributes every edge of ``kind`` with ``arrowhead`` shares, as DOT text."""
    attrs = {"color": COLORS[kind], "arrowhead": arrowhead}
    if kind == "undercut":
        attrs["style"] = "dashed"
    return _attr_list(_attrs(**attrs))[1:-1]


#: :func:`~argmap.escape.dot_string` and :func:`~argmap.escape.dot_html` of values that
#: repeat (styles, colours, classes, roles, speakers, schemes), computed once each
_quoted = functools.lru_cache(maxsize=4096)(dot_string)
_html = functools.lru_cache(maxsize=4096)(dot_html)

#: a character that :func:`~argmap.escape.dot_string` or :func:`~argmap.escape.dot_html`
#: changes: controls (tab and line breaks too), non-characters, surrogates, ``\ & " ' < > ]``
_ESCAPED = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff\\&\"'<>\]]")


def _string(text: str) -> str:
    """:func:`~argmap.escape.dot_string` of ``text``, at once when it has nothing to escape."""
    return dot_string(text) if _ESCAPED.search(text) else f'"{text}"'


def _tooltip(text: str) -> str:
    """:func:`~argmap.escape.dot_tooltip` of ``text``, at once when it has nothing to change."""
    if _ESCAPED.search(text) or " ".join(text.split()) != text:
        return dot_tooltip(text)
    return f'"{text}"'


def _attrs(**values: str) -> dict[str, Any]:
    r"""Attribute values as DOT strings, quoted by argmap (never left to Graphviz to guess).

    >>> _attrs(id="a", tooltip='x" URL="javascript:1')
    {'id': '"a"', 'tooltip': '"x\\" URL=\\"javascript:1"'}
    """
    return {key: dot_string(value) for key, value in values.items()}


def _attr_list(attrs: dict[str, str]) -> str:
    """A DOT attribute list of values already quoted (:func:`_attrs`) or HTML-like labels."""
    return "[" + ", ".join(f"{key}={value}" for key, value in attrs.items()) + "]"


def _node(name: str, **attrs: str) -> str:
    """The DOT statement of the node ``name`` with ``attrs`` (values already quoted)."""
    return f"{_string(name)} {_attr_list(attrs)};"


def _wrap(text: str, width: int) -> str:
    """``text`` wrapped at ``width`` as HTML-like label lines, each escaped by :func:`dot_html`.

    Text with nothing to escape (most) is not escaped line by line: its lines,
    parts of it joined by spaces, have nothing to escape either.
    """
    lines = wrap_lines(text, width)
    return "<BR/>".join(lines if not _ESCAPED.search(text) else map(dot_html, lines))


#: whitespace but a space (with hyphens, runs of spaces, and spaces at either end, what
#: :func:`wrap_lines` leaves to textwrap)
_NOT_SPACE = re.compile(r"[^\S ]")


def wrap_lines(text: str, width: int) -> list[str]:
    """``textwrap.wrap(text, width)`` (at least one line), fast for plain text.

    Text of words with single spaces and no hyphen, none longer than
    ``width``, is wrapped greedily here (what textwrap does to it, a few
    times faster); any other text goes to textwrap itself.

    Examples
    --------
    >>> wrap_lines("Cats purr and clean themselves.", 12)
    ['Cats purr', 'and clean', 'themselves.']
    >>> wrap_lines("", 10), wrap_lines("well-known  text", 6)
    ([''], ['well-', 'known', 'text'])
    """
    if (
        "-" in text
        or "  " in text
        or text[:1] == " "
        or text[-1:] == " "
        or _NOT_SPACE.search(text)
        or max(map(len, text.split(" "))) > width
    ):
        return textwrap.wrap(text, width) or [""]
    return _greedy_lines(width).findall(text) or [""]


@functools.lru_cache(maxsize=16)
def _greedy_lines(width: int) -> re.Pattern[str]:
    """The lines textwrap makes of words with single spaces, none longer than ``width``.

    The longest run of at most ``width`` characters that ends before a space
    or at the end: greedy wrapping, as textwrap does it, in one regex pass.
    """
    return re.compile(f"(.{{1,{width}}})(?: |$)")


def _html_label(body: str) -> str:
    """An HTML-like label around ``body``, whose texts are escaped with :func:`dot_html`."""
    return f"<{body}>"


def _strength_text(ev: Assessment, claim: str) -> str:
    """A claim's strength as shown: two decimals, ``~`` when it did not converge."""
    return f"{'' if ev.converged else '~'}{ev.strengths[claim]:.2f}"


@functools.lru_cache(maxsize=256)
def _claim_look(role: str, label: str | None) -> tuple[str, str, str, str]:
    """The fill, quoted style, border attributes and CSS class of a claim of ``role``.

    The border is the evaluation ``label``'s alone when there is one: the
    role's line style (dashed, dotted, bold) is dropped.
    """
    fill, style = ROLE_STYLE.get(role, ("#ffffff", "rounded,filled"))
    border: dict[str, str] = {"penwidth": "2" if role == "thesis" else "1"}
    css = f"claim role-{role}"
    if label in LABEL_STYLE:
        color, line, pen = LABEL_STYLE[label]
        shape = [s for s in style.split(",") if s in ("rounded", "filled")]
        style = ",".join([*shape, line])
        border = {"color": color, "penwidth": pen}
        css += f" evaluated label-{label}"
    extra = "".join(f", {key}={_quoted(value)}" for key, value in border.items())
    return fill, _quoted(style), extra, css


def _claim_node(
    d: dict[str, Any], n: str, opt: DotOptions, ev: Assessment, focus: str | None
) -> str:
    fill, style, extra, css = _claim_look(d["role"], ev.labels.get(n))
    if n in ev.strengths:
        fill = strength_fill(fill, ev.strengths[n])
    head = f'<FONT POINT-SIZE="8" COLOR="#555555">{_html(d["role"].upper())}'
    if d.get("paragraph"):
        head += f" · ¶{d['paragraph']}"
    if n in ev.labels or n in ev.strengths:
        head += " · " + dot_html(
            " ".join(
                ([ev.labels[n]] if n in ev.labels else [])
                + ([_strength_text(ev, n)] if n in ev.strengths else [])
            )
        )
    tooltip = d["text"]
    if d.get("hidden"):
        head += f" · +{d['hidden']} more"
        tooltip += f" (+{d['hidden']} linked claims not drawn: a larger --depth shows them)"
        css += " cut"
    head += "</FONT>"
    if opt.label == "id":
        body = f"<B>{dot_html(n)}</B>"
    else:
        body = _wrap(d["text"], opt.width)
        if opt.label == "full":
            body += (
                '<BR/><FONT POINT-SIZE="8"><I>“' + _wrap(d["quote"], opt.width + 8) + "”</I></FONT>"
            )
    speaker = f'<FONT POINT-SIZE="8" COLOR="#333333"><I>— {_html(d["speaker"])}</I></FONT>'
    name = _string(n)
    if n == focus:
        css += " focus"
        extra += ', peripheries="2"'
    return (
        f'{name} [shape="box", style={style}, fillcolor={_quoted(fill)}, id={name}'
        f"{extra}, class={_quoted(css)}, tooltip={_tooltip(tooltip)},"
        f" label={_html_label(f'{head}<BR/>{body}<BR/>{speaker}')}];"
    )


def _inference_node(G: nx.DiGraph, n: str) -> str:
    d = G.nodes[n]
    text = d.get("scheme") or ("linked" if d.get("linked") else d["relation"])
    return _node(
        n,
        **_attrs(
            shape="box",
            style="rounded,filled",
            fillcolor="#ffffff",
            color=COLORS[d["relation"]],
            fontsize="8",
            height="0.2",
            width="0.3",
            margin="0.05,0.02",
            id=n,
            **_css_class("inference"),
        ),
        label=_html_label(f"<I>{dot_html(text)}</I>"),
    )


def _css_class(name: str) -> dict[str, str]:
    """The SVG ``class`` attribute (a Python keyword, so passed as a mapping)."""
    return {"class": name}


def _legend(G: nx.DiGraph, claims: list[str], ev: Assessment) -> str:
    """A box explaining an evaluated drawing: fill is the role, border the label.

    One table: the roles of the map (in :data:`argmap.model.ROLES` order) in
    their fills, under them the three labels in their borders as the nodes
    draw them, each row spread over the same columns so that they line up.
    """
    roles = sorted({G.nodes[n]["role"] for n in claims}, key=_role_rank)
    columns = max(
        len(roles),
        len(LABEL_STYLE) if ev.labels else 1,
        len(_STRENGTH_STEPS) if ev.strengths else 1,
    )
    fills = "".join(
        f'<TD COLSPAN="{span}" BGCOLOR="{ROLE_STYLE.get(r, ("#ffffff", ""))[0]}" BORDER="1" '
        f'COLOR="#555555">{dot_html(r)}</TD>'
        for r, span in zip(roles, _spans(columns, len(roles)), strict=True)
    )
    rows = [f'<TD ALIGN="LEFT" COLSPAN="{columns + 1}"><B>Legend</B></TD>']
    if roles:
        rows.append(f'<TD ALIGN="LEFT"><B>Fill</B>: role</TD>{fills}')
    if ev.labels:
        semantics = f" ({dot_html(ev.semantics)})" if ev.semantics else ""
        borders = "".join(
            f'<TD COLSPAN="{span}" BORDER="3" COLOR="{color}"{_cell_style(line)}>'
            f"{name.upper()}: {LABEL_NAMES[name]}</TD>"
            for (name, (color, line, _pen)), span in zip(
                LABEL_STYLE.items(), _spans(columns, len(LABEL_STYLE)), strict=True
            )
        )
        rows.append(f'<TD ALIGN="LEFT"><B>Border</B>: label{semantics}</TD>{borders}')
    if ev.strengths:
        method = f" ({dot_html(ev.gradual)})" if ev.gradual else ""
        steps = _STRENGTH_STEPS
        ramp = "".join(
            f'<TD COLSPAN="{span}" BGCOLOR="{strength_fill(ROLE_STYLE["claim"][0], x)}" '
            f'BORDER="1" COLOR="#555555">{x:.2f}</TD>'
            for x, span in zip(steps, _spans(columns, len(steps)), strict=True)
        )
        rows.append(f'<TD ALIGN="LEFT"><B>Fill intensity</B>: strength{method}</TD>{ramp}')
        rows.append(
            f'<TD ALIGN="LEFT" COLSPAN="{columns + 1}">the strength is also the number'
            " in each box's top line</TD>"
        )
        if not ev.converged:
            rows.append(
                f'<TD ALIGN="LEFT" COLSPAN="{columns + 1}"><B>~ did not converge</B>:'
                " the strengths were still moving; the last values are shown</TD>"
            )
    return _node(
        LEGEND_ID,
        **_attrs(shape="plaintext", fontsize="9", margin="0", id=LEGEND_ID, **_css_class("legend")),
        label=_html_label(
            '<TABLE BORDER="1" CELLBORDER="0" STYLE="rounded" COLOR="#999999" CELLSPACING="4"'
            ' CELLPADDING="3">' + "".join(f"<TR>{row}</TR>" for row in rows) + "</TABLE>"
        ),
    )


#: the strengths shown in the legend's intensity scale
_STRENGTH_STEPS = (0.0, 0.25, 0.5, 0.75, 1.0)


def strength_fill(color: str, strength: float) -> str:
    """Return the fill ``color`` at the intensity ``strength`` (0 pale, 1 deep).

    The hue stays the role's; lightness runs from 0.96 (strength 0, almost
    white) to 0.68 (strength 1), where black text still reads well.  A grey
    stays grey.

    >>> strength_fill("#ffd966", 1.0), strength_fill("#ffd966", 0.0)
    ('#ffd65c', '#fffaeb')
    >>> strength_fill("#eeeeee", 0.5)
    '#d1d1d1'
    """
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, _light, sat = colorsys.rgb_to_hls(r, g, b)
    if sat > 0.05:
        sat = max(sat, 0.55)
    light = 0.96 - 0.28 * max(0.0, min(1.0, strength))
    rgb = colorsys.hls_to_rgb(hue, light, sat)
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def _spans(columns: int, cells: int) -> list[int]:
    """Column spans of ``cells`` cells sharing ``columns`` columns, the first ones wider.

    >>> _spans(9, 3), _spans(4, 3), _spans(3, 3)
    ([3, 3, 3], [2, 1, 1], [1, 1, 1])
    """
    return [columns // cells + (i < columns % cells) for i in range(cells)]


def _cell_style(line: str) -> str:
    """The STYLE attribute of an HTML-label cell drawn with ``line`` (solid needs none)."""
    return "" if line == "solid" else f' STYLE="{line}"'


def _role_rank(role: str) -> tuple[int, str]:
    return (list(ROLES).index(role) if role in ROLES else len(ROLES), role)


#: the Graphviz layout engines ``render --engine`` offers, with what each is good for
ENGINES: dict[str, str] = {
    "dot": "layered, conclusions above premises (the default; slow past a few thousand nodes)",
    "sfdp": "force-directed, multiscale: the one for big maps (10,000 claims in about 12 s)",
    "neato": "spring model: small maps",
    "fdp": "force-directed: small and middle-sized maps",
    "twopi": "radial layout",
    "circo": "circular layout",
}

#: drawn nodes past which ``dot`` lays a map out for minutes (measured here: 2,000
#: nodes 1.1 s, 5,000 nodes 6 s, 10,000 nodes 50 s; the time grows as the cube)
DOT_GUARD = 8000

#: the most pixels a side of a PNG can have (cairo's limit); Graphviz scales a larger
#: drawing down to it
PNG_MAX_SIDE = 32767

Report = Callable[[str], None]
"""Where library code reports progress or a warning: the CLI prints it (or not)."""


def _quiet(_message: str) -> None:
    """A :data:`Report` that says nothing."""


def render_image(
    dot_source: str,
    fmt: str,
    engine: str = DEFAULT_ENGINE,
    progress: Report | None = None,
    warn: Report | None = None,
) -> bytes:
    """Lay ``dot_source`` out with the Graphviz ``engine``; return the image bytes in ``fmt``.

    While Graphviz works, ``progress`` hears every half second how long it has
    been at it.  A PNG that Graphviz had to shrink to fit cairo's limit of
    :data:`PNG_MAX_SIDE` pixels a side is returned, and ``warn`` told so.
    Raises ArgmapError ``graphviz-missing`` when Graphviz is not installed and
    ``graphviz-failed`` when it rejects the input.

    Examples
    --------
    >>> render_image("digraph { a -> b }", "svg", engine="sfdp")[:5]
    b'<?xml'
    """
    if fmt == "dot":
        return dot_source.encode()
    if fmt not in FORMATS:
        raise _unknown("format", fmt, FORMATS)
    if engine not in ENGINES:
        raise _unknown("engine", engine, tuple(ENGINES))
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
                    "graphviz), or write the DOT source only, which needs no Graphviz:"
                    " argmap render FILE -o OUT --format dot",
                )
            ]
        )
    command = [exe, f"-K{engine}", f"-T{fmt}"]
    code, image, errors = _run_graphviz(command, dot_source, progress or _quiet)
    if code != 0:
        raise ArgmapError(
            [
                Diagnostic(
                    "<render>",
                    0,
                    0,
                    "graphviz-failed",
                    f"Graphviz failed: {errors}",
                    "report this as a bug in argmap with the map file",
                )
            ]
        )
    scaled = re.search(r"too large for cairo-renderer bitmaps\. Scaling by ([0-9.]+)", errors)
    if fmt == "png" and scaled and warn:
        warn(
            f"the drawing is larger than the {PNG_MAX_SIDE:,} pixels a side a PNG can have,"
            f" so Graphviz shrank it to {float(scaled.group(1)):.0%} and its text may not be"
            " readable; write SVG or PDF instead, or draw a part with --focus"
        )
    return image


def size_guard(G: nx.DiGraph, fmt: str, max_nodes: int | None, engine: str | None) -> None:
    """Refuse a drawing of ``G`` that is larger than asked for, or than ``dot`` lays out quickly.

    With ``max_nodes``, a drawing of more claims is refused (``too-many-claims``)
    in any format.  Without it and without an ``engine`` chosen, an image
    (not DOT text, which is not laid out) of more than :data:`DOT_GUARD` claims
    is refused (``drawing-too-large``), as ``dot`` would take minutes on it.
    Both say how many claims there are and what to do instead.

    Examples
    --------
    >>> G = nx.DiGraph(file="m.yaml")
    >>> G.add_nodes_from(["a", "b"], kind="claim")
    >>> size_guard(G, "svg", None, None)
    >>> size_guard(G, "dot", 1, None)
    Traceback (most recent call last):
    argmap.errors.ArgmapError: m.yaml: error: too-many-claims: the drawing would have 2 claims, ...
    """
    claims = sum(kind == "claim" for _n, kind in G.nodes(data="kind"))
    part = "--focus CLAIM --depth N" if "focus" not in G.graph else "a smaller --depth"
    if max_nodes is not None and claims > max_nodes:
        code = "too-many-claims"
        message = f"the drawing would have {claims:,} claims, more than --max-nodes {max_nodes:,}"
        hint = f"draw a part with {part}, or raise --max-nodes"
    elif max_nodes is None and engine is None and fmt != "dot" and claims > DOT_GUARD:
        code = "drawing-too-large"
        message = (
            f"the drawing would have {claims:,} claims, more than Graphviz dot lays out in"
            f" reasonable time (beyond {DOT_GUARD:,} it takes minutes)"
        )
        hint = (
            f"draw a part with {part}, lay it out faster with --engine sfdp,"
            f" or wait for dot with --max-nodes {claims}"
        )
    else:
        return
    raise ArgmapError([Diagnostic(str(G.graph.get("file") or "<map>"), 0, 0, code, message, hint)])


def _unknown(what: str, value: str, known: tuple[str, ...]) -> ArgmapError:
    """The error ``unknown-format`` or ``unknown-engine`` (of a program: the CLI offers choices)."""
    return ArgmapError(
        [
            Diagnostic(
                "<render>",
                0,
                0,
                f"unknown-{what}",
                f"unknown output {what} {value!r}",
                f"use one of {', '.join(known)}",
            )
        ]
    )


def _run_graphviz(command: list[str], dot_source: str, progress: Report) -> tuple[int, bytes, str]:
    """Run ``command`` on ``dot_source``; its exit code, output and error text."""
    started = time.monotonic()
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as proc:
        data: bytes | None = dot_source.encode()
        while True:
            try:
                out, err = proc.communicate(data, timeout=0.5)
                break
            except subprocess.TimeoutExpired:
                data = None  # handed over already: a retry must not send it again
                progress(f"laying out with {command[1][2:]}: {time.monotonic() - started:.0f} s")
    return proc.returncode, out, err.decode(errors="replace")
