"""Import of the argumentative microtext corpus XML (``arggraph``).

``edu`` elements hold the text; ``seg`` edges make ``adu`` elements of them
(directly, or through a ``joint`` of several EDUs).  Each ADU becomes a claim
whose text and quote are its EDUs' text; the EDUs joined by spaces are the
source.  ``opp`` ADUs are said by the ``opponent`` speaker, ``pro`` ADUs by
the ``authors``.  Argumentative edges become relations, keeping the edge id:

- ``sup``: support; ``exa``: support with scheme ``example``;
- ``reb``: opposition (an attack on an ADU), or an undercut when it points
  at an edge;
- ``und``: undercut of the relation the target edge makes;
- ``add``: one more premise of the relation the target edge makes (a linked
  support or a linked undercut).

The central claim (the ADU with no outgoing argumentative edge) is the
thesis; an ``opp`` ADU has role ``opponent``, a ``pro`` ADU that attacks one
``rebuttal``, an example ``example``, any other ``claim``.

Examples
--------
>>> xml = '''<arggraph id="d1">
...   <edu id="e1">Cats purr.</edu><edu id="e2">So cats are best.</edu>
...   <adu id="a1" type="pro"/><adu id="a2" type="pro"/>
...   <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>
...   <edge id="c3" src="a1" trg="a2" type="sup"/>
... </arggraph>'''
>>> imp = read_microtext(xml, "d1.xml")
>>> imp.source_text
'Cats purr. So cats are best.'
>>> [(c.id, c.role) for c in imp.map.claims], imp.map.relations[0].id
([('a1', 'claim'), ('a2', 'thesis')], 'c3')
"""

from __future__ import annotations

import xml.parsers.expat
from dataclasses import dataclass, field, replace
from pathlib import Path

from argmap.formats.base import IdMaker, Imported, import_error, speaker_names
from argmap.model import Claim, Map, Pos, Relation, RelationKind, YamlPath

__all__ = ["EDGE_TYPES", "read_microtext"]

#: argumentative edge types and the relation each makes (``add`` and ``seg`` are not relations)
EDGE_TYPES: dict[str, RelationKind] = {
    "sup": "support",
    "exa": "support",
    "reb": "opposition",
    "und": "undercut",
}
_STRUCTURAL = ("seg", "add")


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    pos: Pos
    text: list[str] = field(default_factory=list)


def _parse(text: str, file: str) -> list[_Element]:
    """The elements of the document, with where each starts; a located error if not XML."""
    found: list[_Element] = []
    parser = xml.parsers.expat.ParserCreate()

    def start(tag: str, attrs: dict[str, str]) -> None:
        found.append(
            _Element(tag, attrs, Pos(parser.CurrentLineNumber, parser.CurrentColumnNumber + 1))
        )

    def chars(data: str) -> None:
        if found:
            found[-1].text.append(data)

    def entity(*_args: object) -> None:
        raise import_error(
            file,
            Pos(parser.CurrentLineNumber, parser.CurrentColumnNumber + 1),
            "import-syntax",
            "XML entity declarations are not read",
            "remove the DOCTYPE's entities",
        )

    parser.StartElementHandler = start
    parser.CharacterDataHandler = chars
    parser.EntityDeclHandler = entity
    try:
        parser.Parse(text, True)
    except xml.parsers.expat.ExpatError as exc:
        raise import_error(
            file,
            Pos(exc.lineno, exc.offset + 1),
            "import-syntax",
            f"not valid XML: {xml.parsers.expat.errors.messages[exc.code]}",
            "the file may be cut off; take it from the corpus again",
        ) from None
    return found


@dataclass
class _Graph:
    file: str
    edus: dict[str, _Element] = field(default_factory=dict)
    adus: dict[str, _Element] = field(default_factory=dict)
    joints: dict[str, _Element] = field(default_factory=dict)
    edges: dict[str, _Element] = field(default_factory=dict)

    def error(self, e: _Element, code: str, message: str, hint: str) -> Exception:
        return import_error(self.file, e.pos, code, message, hint)


def _graph(elements: list[_Element], file: str) -> _Graph:
    g = _Graph(file)
    tables = {"edu": g.edus, "adu": g.adus, "joint": g.joints, "edge": g.edges}
    for e in elements:
        if e.tag == "arggraph":
            continue
        if e.tag not in tables:
            raise g.error(
                e,
                "import-node-type",
                f"unknown element <{e.tag}>",
                "an arggraph holds edu, adu, joint and edge elements",
            )
        ident = e.attrs.get("id", "")
        if not ident:
            raise g.error(e, "import-invalid", f"<{e.tag}> without an id", 'add id="..."')
        if any(ident in t for t in tables.values()):
            raise g.error(e, "import-invalid", f"id {ident!r} is used twice", "renumber it")
        tables[e.tag][ident] = e
    for e in g.edges.values():
        kind = e.attrs.get("type", "")
        if kind not in (*EDGE_TYPES, *_STRUCTURAL):
            raise g.error(
                e,
                "import-node-type",
                f"edge {e.attrs['id']!r} has unknown type {kind!r}",
                "edge types are seg, sup, exa, reb, und and add",
            )
        for end in ("src", "trg"):
            if e.attrs.get(end, "") not in (*g.edus, *g.adus, *g.joints, *g.edges):
                raise g.error(
                    e,
                    "import-missing-node",
                    f"edge {e.attrs['id']!r} names {e.attrs.get(end, '')!r}, which does not exist",
                    "add the element or remove the edge",
                )
    return g


def _adu_edus(g: _Graph) -> dict[str, list[str]]:
    """The EDU ids of each ADU, in text order (through joints)."""
    into: dict[str, list[str]] = {}
    for e in g.edges.values():
        if e.attrs["type"] == "seg":
            into.setdefault(e.attrs["trg"], []).append(e.attrs["src"])

    def edus(node: str, seen: frozenset[str]) -> list[str]:
        if node in g.edus:
            return [node]
        if node in seen:
            raise g.error(
                g.joints[node],
                "import-bad-edge",
                f"segment cycle at {node!r}",
                "check the seg edges",
            )
        return [x for src in into.get(node, []) for x in edus(src, seen | {node})]

    order = list(g.edus)
    result = {}
    for a, e in g.adus.items():
        found = sorted(set(edus(a, frozenset())), key=order.index)
        if not found:
            raise g.error(
                e, "import-bad-edge", f"ADU {a!r} has no text: no seg edge into it", "add one"
            )
        result[a] = found
    return result


def read_microtext(text: str, file: str = "<microtext>") -> Imported:
    """Read an ``arggraph`` document (see the module doc)."""
    elements = _parse(text, file)
    if not elements or elements[0].tag != "arggraph":
        raise import_error(
            file,
            Pos(1, 1),
            "import-invalid",
            "the root element is not <arggraph>",
            "is this a microtext corpus file?",
        )
    g = _graph(elements, file)
    edu_text = {i: " ".join("".join(e.text).split()) for i, e in g.edus.items()}
    source = " ".join(edu_text[i] for i in g.edus)
    spans = _adu_edus(g)
    args = {i: e for i, e in g.edges.items() if e.attrs["type"] in EDGE_TYPES}
    adds = [e for e in g.edges.values() if e.attrs["type"] == "add"]
    premises: dict[str, list[str]] = {i: [e.attrs["src"]] for i, e in args.items()}
    for e in adds:
        if e.attrs["trg"] not in args or e.attrs["src"] not in g.adus:
            raise g.error(
                e,
                "import-bad-edge",
                f"add edge {e.attrs['id']!r} must join an ADU to an argumentative edge",
                "point it at a sup, exa, reb or und edge",
            )
        premises[e.attrs["trg"]].append(e.attrs["src"])
    relations = []
    for i, e in args.items():
        src, trg = e.attrs["src"], e.attrs["trg"]
        if src not in g.adus:
            raise g.error(
                e,
                "import-bad-edge",
                f"edge {i!r} starts at {src!r}, not an ADU",
                "argumentative edges start at ADUs",
            )
        kind = EDGE_TYPES[e.attrs["type"]]
        if trg in g.edges:
            if trg not in args:
                raise g.error(
                    e,
                    "import-bad-edge",
                    f"edge {i!r} attacks a {g.edges[trg].attrs['type']} edge",
                    "attack an argumentative edge",
                )
            kind = "undercut"
        elif trg not in g.adus:
            raise g.error(
                e,
                "import-bad-edge",
                f"edge {i!r} points at {trg!r}, not an ADU or edge",
                "point it at an ADU",
            )
        elif kind == "undercut":
            kind = "opposition"
        relations.append(
            Relation(
                id=i,
                kind=kind,
                premises=tuple(premises[i]),
                target=trg,
                scheme="example" if e.attrs["type"] == "exa" else "",
                origin=("edges", i),
            )
        )
    attacking = {p for r in relations if r.kind != "support" for p in r.premises}
    examples = {p for r in relations if r.scheme == "example" for p in r.premises}
    arguing = {p for r in relations for p in r.premises}
    central = [a for a in g.adus if a not in arguing]
    ids = IdMaker()
    claims = []
    for a, e in g.adus.items():
        opp = e.attrs.get("type") == "opp"
        role = (
            (
                "thesis"
                if a == central[0]
                else "opponent"
                if opp
                else "rebuttal"
                if a in attacking
                else "example"
                if a in examples
                else "claim"
            )
            if central
            else "claim"
        )
        words = " ".join(edu_text[x] for x in spans[a])
        claims.append(
            Claim(
                id=ids.make(a),
                text=words,
                quote=words,
                role=role,
                by="opponent" if opp else "authors",
                origin=("adus", a),
            )
        )
    if not claims:
        raise import_error(
            file, Pos(1, 1), "import-invalid", "no ADUs: nothing to map", "is this a microtext?"
        )
    thesis = central[0] if central else claims[0].id
    if not central:
        claims[0] = replace(claims[0], role="thesis")
    where: dict[YamlPath, Pos] = {("adus", a): e.pos for a, e in g.adus.items()}
    where |= {("edges", i): e.pos for i, e in g.edges.items()}
    title = elements[0].attrs.get("id") or Path(file).stem

    def locate(path: YamlPath) -> Pos:
        return where.get(path, Pos(1, 1))

    m = Map(
        title=title,
        thesis=thesis,
        source="",
        claims=tuple(claims),
        relations=tuple(relations),
        file=file,
        speakers=speaker_names(claims, {}),
        locate=locate,
    )
    return Imported(m, source)
