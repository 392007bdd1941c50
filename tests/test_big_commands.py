"""Generated maps: what ``evaluate``, ``render -o x.dot`` and ``export`` print stays the same.

``tests/data/perf/commands-300.json`` holds a SHA-256 digest of the output of
each command below on generated maps of 300 claims (the bench generator's map,
a student's version with more oppositions, a version with linked supports),
as the code before the near-linear rewrite of these commands (issue 9)
printed it.  Regenerate the digests only for an intended change of output:
``python tests/test_big_commands.py > tests/data/perf/commands-300.json``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from argmap.cli import main
from test_big_maps import _generator

GOLDEN = Path(__file__).parent / "data" / "perf" / "commands-300.json"

#: command name -> its arguments after the map's path (``{out}``: a folder to write in)
COMMANDS: dict[str, list[str]] = {
    "evaluate": ["evaluate"],
    "evaluate-json": ["evaluate", "--format", "json"],
    "evaluate-preferred": ["evaluate", "--semantics", "preferred", "--claim", "c1"],
    "evaluate-stable": ["evaluate", "--semantics", "stable"],
    "evaluate-deductive": ["evaluate", "--support", "deductive", "--gradual", "quadratic-energy"],
    "evaluate-none": ["evaluate", "--support", "none", "--format", "json"],
    "render-dot": ["render", "-o", "{out}/x.dot"],
    "render-dot-evaluated": [
        "render",
        "-o",
        "{out}/x.dot",
        "--evaluate",
        "preferred",
        "--gradual",
        "df-quad",
        "--label",
        "full",
        "--group",
        "paragraph",
    ],
    "render-dot-focus": ["render", "-o", "{out}/x.dot", "--focus", "c1", "--depth", "3"],
    "export-markdown": ["export", "--format", "markdown"],
    "export-mermaid": ["export", "--format", "mermaid"],
}


def _variant(data: dict[str, Any], kind: str) -> dict[str, Any]:
    """The map itself, a student's version (more oppositions) or one with linked supports."""
    claims = [dict(c) for c in data["claims"]]
    relations = list(data.get("relations", []))
    for i, c in enumerate(claims):
        if kind == "student" and i % 5 == 3 and "supports" in c:
            c["opposes"] = c.pop("supports")
        if kind == "linker" and i % 7 == 2 and "supports" in c:
            to = c.pop("supports")[0]
            joined = {"id": f"join{i}", "type": "support", "from": [c["id"], "c1"], "to": to}
            relations.append(joined)
    return {**data, "claims": claims, "relations": relations}


def _outputs(folder: Path) -> dict[str, str]:
    gen = _generator()
    gen.write(300, 7, folder)
    data, _essay = gen.generate(300, 7)
    found: dict[str, str] = {}
    for kind in ("map", "student", "linker"):
        path = folder / f"{kind}.yaml"
        path.write_text(gen.to_yaml(_variant(data, kind)), encoding="utf-8")
        for name, command in COMMANDS.items():
            argv = [a.replace("{out}", str(folder)) for a in command]
            with contextlib.redirect_stdout(io.StringIO()) as printed:
                assert main([argv[0], str(path), *argv[1:]]) == 0
            text = printed.getvalue()
            if "-o" in argv:
                text += (folder / "x.dot").read_text(encoding="utf-8")
            text = text.replace(str(folder), "<dir>")
            found[f"{kind}/{name}"] = hashlib.sha256(text.encode()).hexdigest()
    return found


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _outputs(tmp_path_factory.mktemp("commands"))


@pytest.mark.parametrize("name", sorted(json.loads(GOLDEN.read_text())))
def test_same_output_as_before(outputs: dict[str, str], name: str) -> None:
    assert outputs[name] == json.loads(GOLDEN.read_text())[name]


def test_every_command_has_a_digest() -> None:
    names = {f"{k}/{c}" for k in ("map", "student", "linker") for c in COMMANDS}
    assert names == set(json.loads(GOLDEN.read_text()))


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        json.dump(_outputs(Path(tmp)), sys.stdout, indent=1, sort_keys=True)
        print()
