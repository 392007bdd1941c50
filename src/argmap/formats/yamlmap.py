"""Write a map as argmap's own YAML (what ``argmap import`` writes).

Claims keep every field that differs from its default; relations are written
in the explicit form, with an ``id`` only when it is not the one the loader
would give them.  :func:`argmap.load.load_map` reads the result back to the
same map.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> cs = (Claim(id="t", text="T.", quote="T", role="thesis", by="authors"),
...       Claim(id="a", text="A: yes.", quote="A", role="claim", by="bo"))
>>> rs = (Relation(id="a--supports--t", kind="support", premises=("a",), target="t"),)
>>> m = Map(title="T", thesis="t", source="t.txt", claims=cs, relations=rs,
...         speakers={"authors": "The authors", "bo": "Bo"})
>>> print(to_yaml(m), end="")
argmap: 1
title: T
source: t.txt
thesis: t
speakers:
  authors: The authors
  bo: Bo
claims:
- id: t
  text: T.
  quote: T
  role: thesis
- id: a
  text: 'A: yes.'
  quote: A
  role: claim
  by: bo
relations:
- type: support
  from: a
  to: t
"""

from __future__ import annotations

from typing import Any

import yaml

from argmap.formats.base import DEFAULT_SPEAKER, relation_id
from argmap.model import Claim, Map, Relation

__all__ = ["to_yaml"]


def _claim(c: Claim) -> dict[str, Any]:
    d: dict[str, Any] = {"id": c.id, "text": c.text, "quote": c.quote, "role": c.role}
    if c.by != DEFAULT_SPEAKER:
        d["by"] = c.by
    if c.tags:
        d["tags"] = list(c.tags)
    if c.note:
        d["note"] = c.note
    if c.base != 0.5:
        d["base"] = c.base
    return d


def _relation(r: Relation) -> dict[str, Any]:
    d: dict[str, Any] = {}
    if r.id != relation_id(r.kind, r.premises, r.target):
        d["id"] = r.id
    d["type"] = r.kind
    d["from"] = r.premises[0] if len(r.premises) == 1 else list(r.premises)
    d["to"] = r.target
    if r.scheme:
        d["scheme"] = r.scheme
    if r.answered:
        d["answered"] = list(r.answered)
    if r.note:
        d["note"] = r.note
    return d


def to_yaml(m: Map) -> str:
    """The map as argmap YAML text (see the module doc)."""
    speakers = {c.by: m.speaker_name(c.by) for c in m.claims} | dict(m.speakers)
    doc: dict[str, Any] = {
        "argmap": 1,
        "title": m.title,
        "source": m.source,
        "thesis": m.thesis,
        "speakers": dict(sorted(speakers.items())),
        "claims": [_claim(c) for c in m.claims],
    }
    if m.relations:
        doc["relations"] = [_relation(r) for r in m.relations]
    if m.skipped:
        doc["skipped"] = [{"quote": s.quote, "why": s.why} for s in m.skipped]
    text: str = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    return text
