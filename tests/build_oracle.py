"""``_Builder.claims`` as it was before claims were built from columns (commit e748099).

Verbatim but for making each claim and relation through its constructor
(the loader then filled instances' dicts, which slotted classes do not
have): the oracle of tests/test_validate_oracle.py, where maps loaded with it
and with today's builder must be the same, field by field.
"""

from __future__ import annotations

from typing import Any

from argmap import load
from argmap.load import _CLAIM_NEEDS, _SHORT_FORM_VERBS, CLAIM_FIELDS, _fits, _shape
from argmap.model import Claim, Relation


def claims(
    self: load._Builder, items: list[Any], quotes: Any = None
) -> tuple[list[Claim], list[Relation]]:
    """The claims of ``items`` and their short-form relations; ``quotes`` places them."""
    good: list[tuple[int, dict[str, Any]]] = []
    relations: list[dict[str, Any]] = []  # the fields of each short-form relation
    shape = _shape(CLAIM_FIELDS)
    for i, item in enumerate(items):
        if _fits(item, shape):  # the usual claim: kept whole, with every field it needs
            f = item
        else:  # any other is checked field by field
            checked = self.checked_fields(item, CLAIM_FIELDS, ("claims", i), f"claim #{i + 1}")
            if checked is None:
                continue
            f = checked
            if not f.keys() >= _CLAIM_NEEDS:
                if "id" in f:  # reported already: references to it are no further mistakes
                    self.broken.add(f["id"])
                    _short_forms(item, f, i, relations)
                continue
        if f.get("occurrence", 1) < 1:
            self.error(
                ("claims", i, "occurrence"),
                "invalid-type",
                f"claim {f['id']!r} has occurrence {f['occurrence']}",
                "count from 1: 'occurrence: 2' is the second place the quote occurs",
            )
        good.append((i, f))
        _short_forms(item, f, i, relations)
    wanted = [(f["quote"], max(1, f.get("occurrence", 0))) for _i, f in good]
    placed = quotes.place_all(wanted) if quotes else [(None, 0, 0)] * len(good)
    made = [
        {
            "id": f["id"],
            "text": f["text"],
            "quote": f["quote"],
            "role": f["role"],
            "by": f.get("by", "authors"),
            "tags": tuple(f["tags"]) if "tags" in f else (),
            "note": f.get("note", ""),
            "base": float(f["base"]) if "base" in f else 0.5,
            "span": span,
            "paragraph": paragraph,
            "occurrence": f.get("occurrence", 0),
            "origin": ("claims", i),
            "found": found,
        }
        for (i, f), (span, paragraph, found) in zip(good, placed, strict=True)
    ]
    return [Claim(**c) for c in made], [Relation(**r) for r in relations]


def _short_forms(
    item: dict[str, Any], f: dict[str, Any], i: int, out: list[dict[str, Any]]
) -> None:
    claim_id = f["id"]
    premises = (claim_id,)
    for key, kind, verb in _SHORT_FORM_VERBS:
        if key in item:
            value = item[key]
            for j, target in enumerate([value] if isinstance(value, str) else f.get(key, ())):
                out.append(
                    {
                        "id": f"{claim_id}--{verb}--{target}",
                        "kind": kind,
                        "premises": premises,
                        "target": target,
                        "scheme": "",
                        "note": "",
                        "answered": (),
                        "origin": ("claims", i, key, j),
                    }
                )
