"""AIF JSON (AIFdb, OVA) and xAIF: read and write.

The argument layer: I nodes are claims; an RA node is an inference
(premises → RA → conclusion; several premises make a linked support); a CA
node is a conflict: into an I node an opposition, into an RA or CA node an
undercut of that relation.  An MA node (rephrase) is read as a support and a
PA node (preference) as a note on the preferred claim; both are named in the
import's warning.

The dialogue layer carries who said what: each claim gets an L node (the
locution, ``"Speaker: quote"``) anchored by a YA node (``Asserting``) in the
I node, and a ``locutions`` entry naming its participant.  Reading, L nodes
give the quote and the speaker, TA nodes are ignored.

What AIF has no place for (roles, the thesis, the title, speaker ids, tags,
notes, base scores, answered critical questions) goes into an ``"argmap"``
object beside ``nodes``, which AIF readers ignore and this reader uses.
xAIF is ``{"AIF": {...}, "text": essay}``.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> cs = (Claim(id="t", text="T.", quote="T", role="thesis", by="authors"),
...       Claim(id="a", text="A.", quote="A", role="claim", by="authors"))
>>> rs = (Relation(id="r", kind="support", premises=("a",), target="t"),)
>>> m = Map(title="T", thesis="t", source="", claims=cs, relations=rs)
>>> doc = to_aif(m)
>>> [(n["nodeID"], n["type"]) for n in doc["nodes"]][:3]
[('t', 'I'), ('a', 'I'), ('r', 'RA')]
>>> back = read_aif(write_aif(m), "m.json").map
>>> [(c.id, c.role, c.quote) for c in back.claims], back.relations[0].premises
([('t', 'thesis', 'T'), ('a', 'claim', 'A')], ('a',))
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from argmap.formats.base import (
    DEFAULT_SPEAKER,
    IdMaker,
    Imported,
    JsonPath,
    import_error,
    json_object,
    kebab,
    locator,
    parse_json,
    relation_id,
    speaker_names,
    with_thesis,
)
from argmap.model import ROLES, Claim, Map, Pos, Relation, RelationKind
from argmap.schemes import SCHEMES

__all__ = ["SCHEME_NAMES", "read_aif", "read_aif_data", "to_aif", "write_aif", "write_xaif"]

#: AIF scheme names of argmap's schemes (AIFdb's names where it has one)
SCHEME_NAMES: dict[str, str] = {
    "expert-opinion": "Expert Opinion",
    "position-to-know": "Position To Know",
    "cause-to-effect": "Cause To Effect",
    "effect-to-cause": "Evidence To Hypothesis",
    "sign": "Sign",
    "example": "Example",
    "analogy": "Analogy",
    "consequences": "Consequences",
    "practical-reasoning": "Practical Reasoning",
    "commitment": "Commitment",
    "verbal-classification": "Verbal Classification",
    "established-rule": "Established Rule",
    "correlation-to-cause": "Correlation To Cause",
    "popular-opinion": "Popular Opinion",
    "ad-hominem": "Generic Ad Hominem",
}
_SCHEME_IDS = {name.lower(): sid for sid, name in SCHEME_NAMES.items()} | {
    "positive consequences": "consequences",
    "negative consequences": "consequences",
    "abduction": "effect-to-cause",
}
_DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict"}
_TIME = "2000-01-01 00:00:00"
_ARGUMENT = ("I", "RA", "CA", "MA", "PA")
_DIALOGUE = ("L", "YA", "TA")
assert set(SCHEME_NAMES) == set(SCHEMES)  # noqa: S101 - a new scheme needs its AIF name


# --- writing -----------------------------------------------------------------


def _edges(pairs: list[tuple[str, str]]) -> list[dict[str, Any]]:
    return [
        {"edgeID": f"e{i}", "fromID": u, "toID": v, "formEdgeID": None}
        for i, (u, v) in enumerate(pairs, start=1)
    ]


def to_aif(m: Map) -> dict[str, Any]:
    """The map as an AIF JSON document (a dictionary; see the module doc)."""
    nodes = [{"nodeID": c.id, "text": c.text, "type": "I", "timestamp": _TIME} for c in m.claims]
    pairs: list[tuple[str, str]] = []
    people = sorted({c.by for c in m.claims})
    node_of = _relation_nodes(m)
    for r in m.relations:
        kind = "CA" if r.kind != "support" else "RA"
        here = node_of[r.id]
        node = {"nodeID": here, "text": _DEFAULT_TEXT[kind], "type": kind, "timestamp": _TIME}
        if r.scheme:
            node |= {"text": SCHEME_NAMES[r.scheme], "scheme": SCHEME_NAMES[r.scheme]}
        nodes.append(node)
        target = node_of[r.target] if r.kind == "undercut" else r.target
        pairs += [(p, here) for p in r.premises] + [(here, target)]
    locutions = []
    for c in m.claims:
        said, anchor = f"{c.id}--l", f"{c.id}--ya"
        text = f"{m.speaker_name(c.by)}: {c.quote}"
        nodes.append({"nodeID": said, "text": text, "type": "L", "timestamp": _TIME})
        nodes.append({"nodeID": anchor, "text": "Asserting", "type": "YA", "timestamp": _TIME})
        pairs += [(said, anchor), (anchor, c.id)]
        locutions.append({"nodeID": said, "personID": str(people.index(c.by) + 1)})
    participants = [
        {"participantID": str(i), "firstname": m.speaker_name(s), "surname": ""}
        for i, s in enumerate(people, start=1)
    ]
    return {
        "nodes": nodes,
        "edges": _edges(pairs),
        "locutions": locutions,
        "participants": participants,
        "argmap": _extension(m, people, node_of),
    }


def _relation_nodes(m: Map) -> dict[str, str]:
    """The node id of each relation: its id, unless a claim has that id too."""
    claims = {c.id for c in m.claims}
    return {r.id: f"{r.id}--ra" if r.id in claims else r.id for r in m.relations}


def _extension(m: Map, people: list[str], node_of: dict[str, str]) -> dict[str, Any]:
    claims = {}
    for c in m.claims:
        extra: dict[str, Any] = {"role": c.role}
        extra |= {"tags": list(c.tags)} if c.tags else {}
        extra |= {"note": c.note} if c.note else {}
        extra |= {"base": c.base} if c.base != 0.5 else {}
        claims[c.id] = extra
    relations = {}
    for r in m.relations:
        extra = {"id": r.id} if node_of[r.id] != r.id else {}
        extra |= {"answered": list(r.answered)} if r.answered else {}
        extra |= {"note": r.note} if r.note else {}
        if extra:
            relations[node_of[r.id]] = extra
    speakers = {str(i): s for i, s in enumerate(people, start=1)}
    return {
        "version": 1,
        "title": m.title,
        "thesis": m.thesis,
        "speakers": speakers,
        "claims": claims,
        "relations": relations,
    }


def write_aif(m: Map) -> str:
    """The map as AIF JSON text."""
    return json.dumps(to_aif(m), indent=2, ensure_ascii=False) + "\n"


def write_xaif(m: Map) -> str:
    """The map as xAIF text: the AIF document and the essay's text."""
    return (
        json.dumps({"AIF": to_aif(m), "text": m.source_text}, indent=2, ensure_ascii=False) + "\n"
    )


# --- reading -----------------------------------------------------------------


@dataclass
class _Node:
    id: str
    type: str
    text: str
    path: JsonPath
    into: list[str] = field(default_factory=list)
    out: list[str] = field(default_factory=list)


@dataclass
class _Reader:
    file: str
    error: Callable[[JsonPath, str, str, str], Exception]
    nodes: dict[str, _Node] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)

    def of(self, ids: list[str], *types: str) -> list[str]:
        return [i for i in ids if self.nodes[i].type in types]

    def read_nodes(self, items: Any, at: JsonPath) -> None:
        if not isinstance(items, list):
            raise self.error(at, "import-invalid", "'nodes' must be a list", "see docs/formats.md")
        for i, item in enumerate(items):
            path = (*at, i)
            if not isinstance(item, dict) or "nodeID" not in item or "type" not in item:
                raise self.error(
                    path, "import-invalid", "a node needs a nodeID and a type", "add them"
                )
            node_id, kind = str(item["nodeID"]), str(item["type"])
            if kind not in _ARGUMENT + _DIALOGUE:
                raise self.error(
                    path,
                    "import-node-type",
                    f"node {node_id!r} has unknown type {kind!r}",
                    "AIF node types are I, RA, CA, MA, PA, L, YA and TA",
                )
            if node_id in self.nodes:
                raise self.error(
                    path, "import-invalid", f"node id {node_id!r} is used twice", "renumber it"
                )
            self.nodes[node_id] = _Node(node_id, kind, str(item.get("text") or ""), path)

    def read_edges(self, items: Any, at: JsonPath) -> None:
        if not isinstance(items, list):
            raise self.error(at, "import-invalid", "'edges' must be a list", "see docs/formats.md")
        for i, item in enumerate(items):
            path = (*at, i)
            ends = [str(item.get(k)) for k in ("fromID", "toID")] if isinstance(item, dict) else []
            if len(ends) != 2:
                raise self.error(
                    path, "import-invalid", "an edge needs fromID and toID", "add them"
                )
            for end in ends:
                if end not in self.nodes:
                    raise self.error(
                        path,
                        "import-missing-node",
                        f"edge {item.get('edgeID', i)!r} names node {end!r}, which does not exist",
                        "add the node or remove the edge",
                    )
            self.nodes[ends[0]].out.append(ends[1])
            self.nodes[ends[1]].into.append(ends[0])


def _speakers(data: dict[str, Any], ext: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Locution node id → (speaker id, display name)."""
    names = {}
    for p in data.get("participants") or []:
        if isinstance(p, dict) and "participantID" in p:
            first, last = str(p.get("firstname") or ""), str(p.get("surname") or "")
            names[str(p["participantID"])] = f"{first} {last}".strip()
    ids = ext.get("speakers") or {}
    said = {}
    for loc in data.get("locutions") or []:
        if isinstance(loc, dict) and str(loc.get("personID")) in names:
            person = str(loc["personID"])
            name = names[person]
            said[str(loc.get("nodeID"))] = (str(ids.get(person) or kebab(name)), name)
    return said


def _quote(r: _Reader, node: _Node, said: dict[str, tuple[str, str]]) -> tuple[str, str, str]:
    """The claim's quote, speaker id and speaker name, from its locution if it has one."""
    for ya in sorted(r.of(node.into, "YA")):
        for loc in sorted(r.of(r.nodes[ya].into, "L")):
            speaker, name = said.get(loc, (DEFAULT_SPEAKER, ""))
            text = r.nodes[loc].text
            for prefix in (f"{name}:", f"{name} :"):
                if name and text.startswith(prefix):
                    text = text[len(prefix) :].strip()
            if text.strip():
                return text, speaker, name
    return node.text, DEFAULT_SPEAKER, ""


def _relation_kind(r: _Reader, node: _Node) -> tuple[RelationKind, str]:
    """Kind and target of a scheme node, or a located error for a shape argmap cannot hold."""
    targets = r.of(node.out, *_ARGUMENT)
    what = {"RA": "inference", "CA": "conflict", "MA": "rephrase", "PA": "preference"}[node.type]
    if len(targets) != 1:
        raise r.error(
            node.path,
            "import-bad-edge",
            f"{what} node {node.id!r} points at {len(targets)} nodes, not one",
            "give it exactly one conclusion or target",
        )
    premises = r.of(node.into, "I")
    bad = r.of(node.into, "RA", "MA", "PA")  # a CA into a scheme node undercuts it
    if bad or not premises:
        raise r.error(
            node.path,
            "import-bad-edge",
            f"{what} node {node.id!r} has "
            + (f"the {r.nodes[bad[0]].type} node {bad[0]!r} as premise" if bad else "no premise"),
            "the premises of a scheme node are I nodes",
        )
    target = r.nodes[targets[0]]
    if node.type == "CA":
        return ("opposition" if target.type == "I" else "undercut"), target.id
    if target.type != "I":
        raise r.error(
            node.path,
            "import-bad-edge",
            f"{what} node {node.id!r} concludes a {target.type} node",
            "an inference concludes an I node; a CA node attacks an inference",
        )
    return "support", target.id


def _scheme(r: _Reader, node: _Node, item: dict[str, Any]) -> str:
    name = str(item.get("scheme") or node.text or "")
    if node.type == "MA":
        return ""
    if name.lower() in _SCHEME_IDS:
        return _SCHEME_IDS[name.lower()]
    if name and name not in _DEFAULT_TEXT.values() and not name.startswith("Default"):
        r.dropped.append(f"scheme {name!r}")
    return ""


def _relations(
    r: _Reader, items: dict[str, dict[str, Any]], claim_of: dict[str, str], ext: dict[str, Any]
) -> tuple[list[Relation], dict[str, str]]:
    """The relations of the scheme nodes, and the notes PA nodes leave on claims."""
    shape: dict[str, tuple[RelationKind, str]] = {}
    notes: dict[str, str] = {}
    for node in r.nodes.values():
        if node.type in ("RA", "CA", "MA"):
            shape[node.id] = _relation_kind(r, node)
        elif node.type == "PA":
            _relation_kind(r, node)
            for p in r.of(node.into, "I"):
                target = claim_of[r.of(node.out, *_ARGUMENT)[0]]
                notes[claim_of[p]] = f"AIF preference (PA): preferred to {target}"
            r.dropped.append("preferences (PA, kept as notes)")
        if node.type == "MA":
            r.dropped.append("rephrases (MA, read as supports)")
    extra = json_object(ext.get("relations"))
    ids = IdMaker()
    final: dict[str, str] = {}

    def final_id(node_id: str, seen: tuple[str, ...] = ()) -> str:
        if node_id in seen:
            raise r.error(
                r.nodes[node_id].path,
                "import-bad-edge",
                f"conflict node {node_id!r} undercuts itself through a cycle",
                "a chain of undercuts must end at an inference",
            )
        if node_id not in final:
            kind, target = shape[node_id]
            to = final_id(target, (*seen, node_id)) if kind == "undercut" else claim_of[target]
            premises = [claim_of[p] for p in r.of(r.nodes[node_id].into, "I")]
            default = relation_id(kind, premises, to)
            wanted = str(json_object(extra.get(node_id)).get("id", node_id))
            final[node_id] = default if wanted == default else ids.make(wanted)
        return final[node_id]

    relations = []
    for node_id, (kind, target) in shape.items():
        node = r.nodes[node_id]
        more = json_object(extra.get(node_id))
        relations.append(
            Relation(
                id=final_id(node_id),
                kind=kind,
                premises=tuple(claim_of[p] for p in r.of(node.into, "I")),
                target=final[target] if kind == "undercut" else claim_of[target],
                scheme=_scheme(r, node, items[node_id]),
                note=str(more.get("note", "")),
                answered=tuple(str(q) for q in more.get("answered", ())),
                origin=node.path,
            )
        )
    return relations, notes


def read_aif(text: str, file: str = "<aif>") -> Imported:
    """Read AIF JSON or xAIF; raise a located ArgmapError for a file argmap cannot hold."""
    data, positions = parse_json(text, file)
    root: JsonPath = ()
    essay = None
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        root, essay = ("AIF",), data.get("text")
        if isinstance(essay, dict):  # older xAIF: {"txt": ...}
            essay = essay.get("txt")
        data = data["AIF"]
    return read_aif_data(data, file, locator(text, positions), root, essay)


def read_aif_data(
    data: Any, file: str, locate: Callable[[JsonPath], Pos], root: JsonPath = (), essay: Any = None
) -> Imported:
    """Read an AIF document already parsed from JSON; ``locate`` places its paths in ``file``.

    ``root`` is the path of the AIF object in the file (``("AIF",)`` in xAIF),
    ``essay`` the text that came with it, if any.  Other formats that translate
    themselves into AIF node by node (SADFace) share this reader and its errors.
    """

    def error(path: JsonPath, code: str, message: str, hint: str) -> Exception:
        return import_error(file, locate(path), code, message, hint)

    if not isinstance(data, dict) or "nodes" not in data or "edges" not in data:
        raise error(root, "import-invalid", "no 'nodes' and 'edges'", "is this an AIF file?")
    r = _Reader(file, error)
    r.read_nodes(data["nodes"], (*root, "nodes"))
    r.read_edges(data["edges"], (*root, "edges"))
    ext = json_object(data.get("argmap"))
    items = {str(n["nodeID"]): n for n in data["nodes"]}
    said = _speakers(data, ext)
    ids = IdMaker()
    extra = json_object(ext.get("claims"))
    claim_of = {
        n.id: ids.make(str(json_object(extra.get(n.id)).get("id") or n.id))
        for n in r.nodes.values()
        if n.type == "I"
    }
    if not claim_of:
        raise error(root, "import-invalid", "no I nodes: nothing to map", "is this an AIF file?")
    relations, notes = _relations(r, items, claim_of, ext)
    names: dict[str, str] = {}
    claims = []
    for node in (n for n in r.nodes.values() if n.type == "I"):
        if not node.text.strip():
            raise error(node.path, "import-invalid", f"I node {node.id!r} has no text", "add it")
        quote, speaker, name = _quote(r, node, said)
        names.setdefault(speaker, name)
        more = json_object(extra.get(node.id))
        note = "; ".join(
            n for n in (str(more.get("note", "")), notes.get(claim_of[node.id], "")) if n
        )
        role = str(more.get("role", "claim"))
        claims.append(
            Claim(
                id=claim_of[node.id],
                text=node.text,
                quote=quote,
                role=role if role in ROLES else "claim",
                by=speaker,
                tags=tuple(str(t) for t in more.get("tags", ())),
                note=note,
                base=float(more.get("base", 0.5)),
                origin=node.path,
            )
        )
    thesis, claims = with_thesis(claims, relations, claim_of.get(str(ext.get("thesis")), ""), file)
    m = Map(
        title=str(ext.get("title") or "Imported from AIF"),
        thesis=thesis,
        source="",
        claims=tuple(claims),
        relations=tuple(relations),
        file=file,
        speakers=speaker_names(claims, names),
        locate=locate,
    )
    return Imported(m, essay if isinstance(essay, str) else None, tuple(sorted(set(r.dropped))))
