"""SADFace JSON (the Simple Argument Description Format): export and import.

Writing: each claim is an ``atom`` node (its text; its quote as a ``source``
into the essay, which is the document's one text ``resource``); each relation
a ``scheme`` node named ``support`` or ``attack`` (an undercut is an attack
on a support's or attack's scheme node), with edges premise → scheme →
target.  ``metadata.core`` has the keys the ``sadface`` library writes
(``title``, ``description``, ``notes``, ``claim``: arguebuf needs the first
three, though the library's own validator lists only six).  SADFace wants
UUIDs for ids, so every id is a UUID derived from the argmap id (the same map
gives the same document).  What SADFace has no key for
(ids, roles, speakers, tags, notes, base scores, schemes, answered questions,
the thesis) is kept in ``argmap`` metadata blocks, SADFace's place for a
tool's own data; ``metadata.core.claim`` names the thesis's atom.

Reading translates the document into AIF node by node (atoms are I nodes,
``support`` schemes RA nodes, ``attack`` schemes CA nodes, other scheme names
are RA nodes and named in the warning) and reads that with
:func:`argmap.formats.aif.read_aif_data`, so both formats share one reader
and its located errors.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> cs = (Claim(id="t", text="T.", quote="T", role="thesis", by="authors"),
...       Claim(id="a", text="A.", quote="A", role="claim", by="bo"))
>>> rs = (Relation(id="r", kind="opposition", premises=("a",), target="t"),)
>>> m = Map(title="T", thesis="t", source="", claims=cs, relations=rs)
>>> doc = to_sadface(m)
>>> [(n["type"], n.get("name", n.get("text"))) for n in doc["nodes"]]
[('atom', 'T.'), ('atom', 'A.'), ('scheme', 'attack')]
>>> back = read_sadface(write_sadface(m), "m.json").map
>>> [(c.id, c.by) for c in back.claims], [(r.id, r.kind) for r in back.relations]
([('t', 'authors'), ('a', 'bo')], [('r', 'opposition')])
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from typing import Any

from argmap.formats.aif import SCHEME_NAMES, read_aif_data
from argmap.formats.base import Imported, json_object, locator, parse_json
from argmap.model import Map

__all__ = ["read_sadface", "to_sadface", "write_sadface"]

_NAMESPACE = uuid.UUID("5c1f7a3e-8d2b-4f6a-9c4e-2a7b1d0e9f13")
_TIME = "2000-01-01T00:00:00"
_TYPES = {"support": "RA", "attack": "CA"}
_DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict"}


def _uuid(kind: str, ident: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{ident}"))


def to_sadface(m: Map) -> dict[str, Any]:
    """The map as a SADFace document (a dictionary; see the module doc)."""
    node_of = {c.id: _uuid("claim", c.id) for c in m.claims}
    node_of |= {r.id: _uuid("relation", r.id) for r in m.relations}
    nodes: list[dict[str, Any]] = []
    for c in m.claims:
        extra: dict[str, Any] = {"id": c.id, "role": c.role, "by": c.by, "quote": c.quote}
        extra |= {"tags": list(c.tags)} if c.tags else {}
        extra |= {"note": c.note} if c.note else {}
        extra |= {"base": c.base} if c.base != 0.5 else {}
        sources = []
        if c.span is not None:
            passage = m.source_text[c.span.start : c.span.end]
            sources.append(
                {
                    "resource_id": _uuid("resource", m.source),
                    "text": passage,
                    "offset": c.span.start,
                    "length": len(passage),
                }
            )
        nodes.append(
            {
                "id": node_of[c.id],
                "type": "atom",
                "text": c.text,
                "sources": sources,
                "metadata": {"core": {}, "argmap": extra},
            }
        )
    edges: list[tuple[str, str]] = []
    for r in m.relations:
        extra = {"id": r.id}
        extra |= {"scheme": r.scheme} if r.scheme else {}
        extra |= {"answered": list(r.answered)} if r.answered else {}
        extra |= {"note": r.note} if r.note else {}
        name = "support" if r.kind == "support" else "attack"
        nodes.append(
            {
                "id": node_of[r.id],
                "type": "scheme",
                "name": name,
                "metadata": {"core": {}, "argmap": extra},
            }
        )
        edges += [(node_of[p], node_of[r.id]) for p in r.premises] + [
            (node_of[r.id], node_of[r.target])
        ]
    resources = []
    if m.source_text:
        resources.append(
            {
                "id": _uuid("resource", m.source),
                "content": m.source_text,
                "type": "text",
                "metadata": {"core": {"title": m.source}},
            }
        )
    speakers = {c.by: m.speaker_name(c.by) for c in m.claims}
    core = {
        "version": "0.5",
        "id": _uuid("map", m.title),
        "analyst_name": "argmap",
        "analyst_email": "",
        "created": _TIME,
        "edited": _TIME,
        "title": m.title,
        "description": "",
        "notes": "",
        "claim": node_of[m.thesis],
    }
    return {
        "metadata": {
            "core": core,
            "argmap": {"version": 1, "speakers": dict(sorted(speakers.items()))},
        },
        "resources": resources,
        "nodes": nodes,
        "edges": [
            {"id": _uuid("edge", f"{u}>{v}"), "source_id": u, "target_id": v} for u, v in edges
        ],
    }


def write_sadface(m: Map) -> str:
    """The map as SADFace JSON text."""
    return json.dumps(to_sadface(m), indent=2, ensure_ascii=False) + "\n"


def _as_aif(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The SADFace document as an AIF one, node for node and edge for edge.

    Nodes and edges keep their places (so AIF's errors point into the SADFace
    file); the L and YA nodes that carry quotes and speakers come after them.
    """
    dropped: list[str] = []
    core = json_object(json_object(data.get("metadata")).get("core"))
    names = json_object(
        json_object(json_object(data.get("metadata")).get("argmap")).get("speakers")
    )
    claims: dict[str, Any] = {}
    relations: dict[str, Any] = {}
    dialogue: list[dict[str, Any]] = []
    anchors: list[tuple[str, str]] = []
    locutions = []
    items = data.get("nodes")
    nodes: Any = items
    if isinstance(items, list):
        nodes = [_node(n, claims, relations, dropped) for n in items]
        for node, item in zip(nodes, items, strict=True):
            if node.get("type") != "I":
                continue
            mine = json_object(json_object(item.get("metadata")).get("argmap"))
            sources = [json_object(x) for x in item.get("sources") or []]
            quote = mine.get("quote") or next((x["text"] for x in sources if x.get("text")), "")
            by = str(mine.get("by", "authors"))
            said = f"{node['nodeID']}--l"
            text = f"{names.get(by, by)}: {quote or node['text']}"
            dialogue += [
                {"nodeID": said, "type": "L", "text": text},
                {"nodeID": f"{said}--ya", "type": "YA", "text": "Asserting"},
            ]
            anchors += [(said, f"{said}--ya"), (f"{said}--ya", node["nodeID"])]
            locutions.append({"nodeID": said, "personID": by})
        nodes += dialogue
    edges: Any = data.get("edges")
    if isinstance(edges, list):
        edges = [_edge(e) for e in edges]
        edges += [{"edgeID": f"{u}>{v}", "fromID": u, "toID": v} for u, v in anchors]
    people = sorted({loc["personID"] for loc in locutions})
    aif = {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": [
            {"participantID": p, "firstname": str(names.get(p, p)), "surname": ""} for p in people
        ],
        "argmap": {
            "title": core.get("title") or "Imported from SADFace",
            "thesis": core.get("claim", ""),
            "speakers": {p: p for p in people},
            "claims": claims,
            "relations": relations,
        },
    }
    return aif, dropped


def _node(
    item: Any, claims: dict[str, Any], relations: dict[str, Any], dropped: list[str]
) -> dict[str, Any]:
    """One SADFace node as an AIF node; what AIF has no key for goes to ``claims``/``relations``."""
    node = json_object(item)
    if "id" not in node or "type" not in node:
        return {}
    ident, kind = str(node["id"]), str(node["type"])
    mine = json_object(json_object(node.get("metadata")).get("argmap"))
    if kind == "atom":
        claims[ident] = {k: mine[k] for k in ("id", "role", "tags", "note", "base") if k in mine}
        return {"nodeID": ident, "type": "I", "text": str(node.get("text") or "")}
    if kind != "scheme":
        return {"nodeID": ident, "type": kind}  # the AIF reader names the unknown type
    name = str(node.get("name", ""))
    if name not in _TYPES:
        dropped.append(f"scheme {name!r} (read as a support)")
    relations[ident] = {k: mine[k] for k in ("id", "answered", "note") if k in mine}
    scheme = str(mine.get("scheme", ""))
    kind = _TYPES.get(name, "RA")
    aif = {"nodeID": ident, "type": kind, "text": _DEFAULT_TEXT[kind]}
    return aif | ({"scheme": SCHEME_NAMES[scheme]} if scheme in SCHEME_NAMES else {})


def _edge(item: Any) -> Any:
    edge = json_object(item)
    if not edge:
        return item
    return {
        "edgeID": edge.get("id"),
        "fromID": edge.get("source_id"),
        "toID": edge.get("target_id"),
    }


def read_sadface(text: str, file: str = "<sadface>") -> Imported:
    """Read a SADFace document (see the module doc)."""
    data, positions = parse_json(text, file)
    aif, dropped = _as_aif(json_object(data))
    resources = [json_object(r) for r in json_object(data).get("resources") or []]
    essay = next((r["content"] for r in resources if isinstance(r.get("content"), str)), None)
    imported = read_aif_data(aif, file, locator(text, positions), (), essay)
    return replace(imported, dropped=tuple(sorted({*imported.dropped, *dropped})))
