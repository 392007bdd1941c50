"""The shipped JSON Schema equals the loader's tables, and agrees with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from argmap.errors import ArgmapError
from argmap.load import read_map
from argmap.schema import json_schema

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parent / "data" / "core"
SCHEMA = ROOT / "schema" / "argmap.schema.json"


def test_shipped_schema_is_generated_from_the_loader() -> None:
    assert json.loads(SCHEMA.read_text()) == json_schema(), (
        "schema/argmap.schema.json is stale: run 'argmap schema > schema/argmap.schema.json'"
    )


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


def _schema_errors(path: Path) -> list[str]:
    validator = jsonschema.Draft202012Validator(json_schema())
    return [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text()))]


@pytest.mark.parametrize(
    "path", [DATA / "valid.yaml", ROOT / "claims.yaml"], ids=["valid", "essay"]
)
def test_good_maps_pass_the_schema(path: Path) -> None:
    if not path.exists():
        pytest.fail(f"{path} is missing")
    assert _schema_errors(path) == []


# Fixtures whose problem is one of shape (not of reference or quote): the schema
# must reject each of them, as the loader does.
SHAPE_ERRORS = [
    "invalid-type",
    "missing-field",
    "unknown-field",
    "unsupported-version",
    "invalid-id",
    "missing-thesis",
    "unknown-role",
    "unknown-scheme",
    "invalid-base",
    "not-a-mapping",
]


@pytest.mark.parametrize("name", SHAPE_ERRORS)
def test_schema_and_loader_both_reject(name: str) -> None:
    path = DATA / f"{name}.yaml"
    assert _schema_errors(path), f"the schema accepts {name}.yaml"
    with pytest.raises(ArgmapError):
        read_map(path)
