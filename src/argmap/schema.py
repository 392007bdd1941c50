"""The JSON Schema of the YAML format, generated from the loader's own field tables.

``schema/argmap.schema.json`` in the repository is this function's output; a
test regenerates it and compares, so editors validate exactly what the
loader accepts (``argmap schema`` prints it).

Examples
--------
>>> s = json_schema()
>>> s["required"]
['argmap', 'title', 'source', 'thesis', 'claims']
>>> s["$defs"]["claim"]["properties"]["role"]["enum"][:3]
['thesis', 'claim', 'evidence']
"""

from __future__ import annotations

from typing import Any

from argmap.load import (
    CLAIM_FIELDS,
    QUOTE_MODES,
    RELATION_FIELDS,
    SKIP_FIELDS,
    TOP_FIELDS,
    Field,
)
from argmap.model import ROLES
from argmap.schemes import SCHEMES
from argmap.validate import ID_PATTERN

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = "https://argmap.invalid/schema/argmap-1.schema.json"

_ID = {"type": "string", "pattern": f"^{ID_PATTERN.pattern}$"}
_ID_LIST = {"type": "array", "items": _ID}


def _object(fields: dict[str, Field], special: dict[str, dict[str, Any]]) -> dict[str, Any]:
    properties = {}
    for name, f in fields.items():
        prop: dict[str, Any] = {"description": f.description}
        if name in special:
            prop.update(special[name])
        elif f.types == ("array",):
            prop.update({"type": "array", "items": {"type": "string"}})
        else:
            prop["type"] = list(f.types) if len(f.types) > 1 else f.types[0]
        properties[name] = prop
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name, f in fields.items() if f.required],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of argmap format version 1."""
    top = _object(
        TOP_FIELDS,
        {
            "argmap": {"const": 1},
            "thesis": _ID,
            "speakers": {"type": "object", "additionalProperties": {"type": "string"}},
            "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}},
            "relations": {"type": "array", "items": {"$ref": "#/$defs/relation"}},
            "skipped": {"type": "array", "items": {"$ref": "#/$defs/skipped"}},
            "quotes": {"enum": list(QUOTE_MODES)},
        },
    )
    claim = _object(
        CLAIM_FIELDS,
        {
            "id": _ID,
            "role": {"enum": list(ROLES)},
            "base": {"type": "number", "minimum": 0, "maximum": 1},
            "occurrence": {"type": "integer", "minimum": 1},
            "supports": _ID_LIST,
            "opposes": _ID_LIST,
        },
    )
    relation = _object(
        RELATION_FIELDS,
        {
            "id": _ID,
            "type": {"enum": ["support", "opposition", "undercut"]},
            "from": {"oneOf": [_ID, {"type": "array", "items": _ID, "minItems": 1}]},
            "scheme": {"enum": sorted(SCHEMES)},
        },
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "argmap map, format version 1",
        "description": "An essay's argument map: claims anchored to quotes, and their relations.",
        **top,
        "$defs": {
            "claim": claim,
            "relation": relation,
            "skipped": _object(SKIP_FIELDS, {}),
        },
    }
