"""One registry of the formats argmap reads and writes.

Each :class:`Format` names its suffixes, its reader and/or writer, and what
of a map the writer has no place for.  ``argmap render``, ``export``,
``import`` and ``html`` all look formats up here; adding a format is one
module under :mod:`argmap.formats` and one entry of :data:`FORMATS`.

Examples
--------
>>> sorted(f.name for f in FORMATS.values() if f.reader)
['aif', 'argdown', 'argdown-json', 'kialo', 'microtext', 'sadface', 'xaif']
>>> format_of_path("essay.GraphML").name
'graphml'
>>> guess_reader("<?xml version='1.0'?>\\n<arggraph id='x'>", "a.xml").name
'microtext'
>>> from argmap.model import Claim, Map, Relation
>>> m = Map(title="T", thesis="t", source="", claims=(
...     Claim(id="t", text="T.", quote="T", role="thesis", by="authors", tags=("x",)),),
...     relations=())
>>> dropped(FORMATS["apx"], m)
['quotes', 'roles', 'tags', 'texts']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argmap.errors import ArgmapError, Diagnostic
from argmap.formats import aif, argdown, iccma, kialo, markdown, mermaid, microtext, sadface
from argmap.formats.base import DEFAULT_SPEAKER, Imported, WriteOptions
from argmap.formats.dungexport import iccma_writer
from argmap.formats.graphml import write_graphml
from argmap.formats.graphviz import image_writer, write_dot, write_html
from argmap.formats.nodelink import write_node_link
from argmap.formats.yamlmap import to_yaml
from argmap.model import Map

__all__ = [
    "FEATURES",
    "FORMATS",
    "Format",
    "Reader",
    "Writer",
    "dropped",
    "format_of_path",
    "guess_reader",
    "writers",
]

Reader = Callable[[str, str], Imported]
Writer = Callable[[Map, WriteOptions], str | bytes]

#: what a map may hold that a format may have no place for: name → does ``m`` use it?
FEATURES: dict[str, Callable[[Map], bool]] = {
    "texts": lambda m: bool(m.claims),
    "quotes": lambda m: bool(m.claims),
    "roles": lambda m: bool(m.claims),
    "speakers": lambda m: any(c.by != DEFAULT_SPEAKER for c in m.claims),
    "tags": lambda m: any(c.tags for c in m.claims),
    "notes": lambda m: any(c.note for c in m.claims) or any(r.note for r in m.relations),
    "base scores": lambda m: any(c.base != 0.5 for c in m.claims),
    "schemes": lambda m: any(r.scheme for r in m.relations),
    "answered questions": lambda m: any(r.answered for r in m.relations),
    "skipped passages": lambda m: bool(m.skipped),
    "essay text": lambda m: bool(m.source_text),
}


@dataclass(frozen=True)
class Format:
    """A format: its name, file suffixes, reader, writer and what the writer drops.

    ``commands`` are the commands that offer it besides ``export`` (every
    writer) and ``import`` (every reader); ``sniff`` tells it from a file's
    first characters.  ``binary`` writers return bytes.
    """

    name: str
    summary: str
    suffixes: tuple[str, ...] = ()
    reader: Reader | None = None
    writer: Writer | None = None
    drops: tuple[str, ...] = ()
    commands: tuple[str, ...] = ()
    sniff: Callable[[str], bool] | None = None
    binary: bool = False


def _json_with(*keys: str) -> Callable[[str], bool]:
    """Whether a text starts like a JSON object naming one of ``keys`` early on."""
    pattern = re.compile("|".join(f'"{re.escape(k)}"\\s*:' for k in keys))

    def sniff(text: str) -> bool:
        return text.lstrip().startswith("{") and pattern.search(text[:5000]) is not None

    return sniff


_GRAPH_ONLY = (
    "quotes",
    "roles",
    "speakers",
    "tags",
    "notes",
    "base scores",
    "schemes",
    "answered questions",
    "skipped passages",
    "essay text",
    "texts",
)
_DRAWING = (
    "quotes",
    "notes",
    "base scores",
    "answered questions",
    "skipped passages",
    "essay text",
)


def _drawing(name: str, summary: str) -> Format:
    writer = write_dot if name == "dot" else image_writer(name)
    return Format(
        name,
        summary,
        (f".{name}",),
        writer=writer,
        drops=_DRAWING,
        commands=("render",),
        binary=name != "dot",
    )


def _iccma(name: str, suffixes: tuple[str, ...], write: Callable[..., str]) -> Format:
    return Format(
        name,
        f"the Dung framework under --support, {name.upper()}",
        suffixes,
        writer=iccma_writer(write),
        drops=_GRAPH_ONLY,
    )


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("yaml", "argmap's own YAML map", (".yaml", ".yml"), writer=lambda m, _o: to_yaml(m)),
        Format(
            "argdown-json",
            "Argdown's JSON export (argdown json)",
            (".argdown.json",),
            reader=argdown.read_argdown_json,
            sniff=_json_with("statements"),
        ),
        Format(
            "sadface",
            "SADFace JSON",
            (".sadface.json", ".sadface"),
            reader=sadface.read_sadface,
            writer=lambda m, _o: sadface.write_sadface(m),
            drops=("skipped passages",),
            sniff=_json_with("analyst_name"),
        ),
        Format(
            "xaif",
            "xAIF: AIF and the essay's text",
            (".xaif", ".xaif.json"),
            reader=aif.read_aif,
            writer=lambda m, _o: aif.write_xaif(m),
            drops=("skipped passages",),
            sniff=_json_with("AIF"),
        ),
        Format(
            "aif",
            "AIF JSON (AIFdb, OVA)",
            (".json",),
            reader=aif.read_aif,
            writer=lambda m, _o: aif.write_aif(m),
            drops=("skipped passages", "essay text"),
            sniff=_json_with("nodes"),
        ),
        Format(
            "argdown",
            "Argdown text (the subset argmap writes)",
            (".argdown", ".ad"),
            reader=argdown.read_argdown,
            writer=lambda m, _o: argdown.write_argdown(m),
            drops=("skipped passages", "essay text"),
        ),
        Format(
            "kialo",
            "Kialo's plain-text discussion export",
            (".kialo", ".kialo.txt"),
            reader=kialo.read_kialo,
            sniff=lambda t: t.lstrip().startswith("Discussion Title:"),
        ),
        Format(
            "microtext",
            "argumentative microtext corpus XML (arggraph)",
            (".xml",),
            reader=microtext.read_microtext,
            sniff=lambda t: "<arggraph" in t[:2000],
        ),
        _drawing("dot", "Graphviz DOT source"),
        _drawing("svg", "drawing, SVG"),
        _drawing("png", "drawing, PNG"),
        _drawing("pdf", "drawing, PDF"),
        Format(
            "html",
            "interactive page beside the essay",
            (".html", ".htm"),
            writer=write_html,
            drops=("base scores", "skipped passages"),
            commands=("html",),
        ),
        Format(
            "mermaid",
            "Mermaid flowchart",
            (".mmd", ".mermaid"),
            writer=lambda m, _o: mermaid.to_mermaid(m),
            drops=(
                "quotes",
                "tags",
                "notes",
                "base scores",
                "schemes",
                "answered questions",
                "skipped passages",
                "essay text",
            ),
        ),
        Format(
            "markdown",
            "outline and coverage table",
            (".md",),
            writer=lambda m, o: markdown.to_markdown(m, quotes=o.quotes),
            drops=("tags", "notes", "base scores", "answered questions"),
        ),
        Format(
            "graphml",
            "GraphML for yEd, Gephi, Cytoscape",
            (".graphml",),
            writer=write_graphml,
            drops=("skipped passages", "essay text"),
        ),
        Format(
            "node-link",
            "networkx node-link JSON",
            (".json",),
            writer=write_node_link,
            drops=("skipped passages", "essay text"),
        ),
        _iccma("apx", (".apx",), iccma.write_apx),
        _iccma("tgf", (".tgf",), iccma.write_tgf),
        _iccma("i23", (".i23", ".af"), iccma.write_iccma23),
    )
}


def writers(command: str = "export") -> list[str]:
    """Names of the formats ``command`` writes (``export``: all writers)."""
    return [
        f.name
        for f in FORMATS.values()
        if f.writer and (command == "export" or command in f.commands)
    ]


def dropped(fmt: Format, m: Map) -> list[str]:
    """What of ``m`` the writer of ``fmt`` has no place for, sorted."""
    return sorted(name for name in fmt.drops if FEATURES[name](m))


def format_of_path(path: str, command: str = "export") -> Format | None:
    """The format a file name's suffix names among ``command``'s, or None."""
    name = Path(path).name.lower()
    found = [
        f
        for f in FORMATS.values()
        for s in f.suffixes
        if name.endswith(s)
        and (command != "import" or f.reader)
        and (command in ("export", "import") or command in f.commands)
    ]
    return max(
        found, key=lambda f: max(len(s) for s in f.suffixes if name.endswith(s)), default=None
    )


def guess_reader(text: str, path: str) -> Format:
    """The reader for ``text``: by its first characters, else by the suffix of ``path``."""
    for f in FORMATS.values():
        if f.reader and f.sniff and f.sniff(text):
            return f
    by_suffix = format_of_path(path, "import")
    if by_suffix is not None:
        return by_suffix
    names = ", ".join(f.name for f in FORMATS.values() if f.reader)
    raise ArgmapError(
        [
            Diagnostic(
                path,
                1,
                1,
                "unknown-format",
                "cannot tell the format of this file",
                f"name it with --from ({names})",
            )
        ]
    )
