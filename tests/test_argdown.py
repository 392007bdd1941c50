"""Argdown: the export parses in the real ``@argdown/core``; round trips; Argdown's JSON.

The parser runs ``tests/data/formats/argdown_parse.mjs`` with Node and the npm package
``@argdown/core`` from ``tests/js/node_modules`` (``make nodejs``; a skip fails under
``make test``).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from argmap.formats.argdown import read_argdown, read_argdown_json, write_argdown
from argmap.load import read_map
from argmap.model import Map
from strategies import facts, maps, reload

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "formats"
MODULES = Path(__file__).parent / "js" / "node_modules"
# the role and speaker tags argmap writes
_TAGS = re.compile(
    r"(\s+#(\([^)]*\)|[a-z][a-z0-9-]*))+\s*$"
)  # the role and speaker tags argmap writes


def _parse(text: str) -> dict[str, Any]:
    node = shutil.which("node")
    if node is None or not (MODULES / "@argdown" / "core").is_dir():
        pytest.skip("needs node and the npm package @argdown/core: run `make nodejs`")
    done = subprocess.run(
        [node, str(DATA / "argdown_parse.mjs"), str(MODULES)],
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _parsed_relations(doc: dict[str, Any]) -> set[tuple[str, tuple[str, ...], str]]:
    """(kind, premises, target) of every relation the parser found, in argmap's terms."""
    args = doc["arguments"]
    placeholders = {
        a["conclusion"][0]: title
        for title, a in args.items()
        if a["conclusion"][0].endswith("--conclusion")
    }
    found = set()
    for a in args.values():
        end = a["conclusion"][0]
        if not end.endswith("--conclusion"):
            found.add(("support", tuple(a["premises"]), end))
    kinds = {"support": "support", "attack": "opposition", "undercut": "undercut"}
    for r in doc["relations"]:
        source = r["from"]
        if r["fromType"] == "argument":  # Argdown gives an argument its conclusion's relations
            source = args[source]["conclusion"][0]
        premises = args[placeholders[source]]["premises"] if source in placeholders else [source]
        found.add((kinds[r["type"]], tuple(premises), r["to"]))
    return found


def _check_with_parser(m: Map) -> None:
    doc = _parse(write_argdown(m))
    assert doc["errors"] == []
    statements = {t: s for t, s in doc["statements"].items() if not t.endswith("--conclusion")}
    assert {t: _TAGS.sub("", s["text"]) for t, s in statements.items()} == {
        c.id: " ".join(c.text.split()) for c in m.claims
    }
    assert {t: s["tags"][:1] for t, s in statements.items()} == {c.id: [c.role] for c in m.claims}
    targets = {r.id: r.id for r in m.relations}
    assert _parsed_relations(doc) == {
        (r.kind, r.premises, targets.get(r.target, r.target)) for r in m.relations
    }


def _round_trip(m: Map) -> Map:
    return reload(read_argdown(write_argdown(m), "m.argdown"))


def test_the_essay_parses_with_the_same_statements_and_relations() -> None:
    _check_with_parser(read_map(ROOT / "claims.yaml"))


def test_the_essay_round_trips() -> None:
    m = read_map(ROOT / "claims.yaml")
    assert facts(_round_trip(m)) == facts(m)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=maps(Path(tempfile.mkdtemp())))
def test_generated_maps_round_trip(data: Map) -> None:
    assert facts(_round_trip(data)) == facts(data)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=maps(Path(tempfile.mkdtemp())))
def test_generated_maps_parse(data: Map) -> None:
    _check_with_parser(data)


def test_argdown_json_import() -> None:
    imported = read_argdown_json((DATA / "cars.argdown.json").read_text(), "cars.argdown.json")
    m = imported.map
    assert m.thesis == "ban"
    assert [(c.id, c.role) for c in m.claims][:2] == [("ban", "thesis"), ("shops", "claim")]
    assert [(r.id, r.kind, r.premises, r.target) for r in m.relations] == [
        ("clean-air", "support", ("dirty", "ill"), "ban"),
        ("survey--opposes--shops", "opposition", ("survey",), "shops"),
        ("shops--opposes--ban", "opposition", ("shops",), "ban"),
        ("ban--opposes--free", "opposition", ("ban",), "free"),  # contradictory
        (
            "rain--undercuts--survey--opposes--shops",
            "undercut",
            ("rain",),
            "survey--opposes--shops",
        ),
        ("electric--undercuts--clean-air", "undercut", ("electric",), "clean-air"),
    ]
    assert imported.dropped == ()


def test_the_json_sample_is_what_argdown_writes() -> None:
    node = shutil.which("node")
    if node is None or not (MODULES / "@argdown" / "core").is_dir():
        pytest.skip("needs node and the npm package @argdown/core: run `make nodejs`")
    done = subprocess.run(
        [node, str(DATA / "argdown_parse.mjs"), str(MODULES), "--json"],
        input=(DATA / "cars.argdown").read_text(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert json.loads(done.stdout) == json.loads((DATA / "cars.argdown.json").read_text())
