"""`argmap check` on a generated map of 1,000 claims tangled to trip every lint: same bytes.

``tests/data/perf/check-1000.json`` holds a SHA-256 digest of the whole
stdout and stderr (and the exit code) of ``argmap check`` run in several
ways on that map, as the code before the near-linear rewrite of the lints
and coverage (commit 89d7b3d) printed them; the rewritten code must print
the same bytes.  Regenerate the digests only for an intended change of
output: ``python tests/test_checks_big.py > tests/data/perf/check-1000.json``.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "data" / "perf" / "check-1000.json"

#: the command lines whose output is compared, by name (the map's path comes first)
RUNS: dict[str, list[str]] = {
    "plain": [],
    "verbose": ["--verbose"],
    "json": ["--format", "json"],
    "fail-on-warning": ["--fail-on", "warning"],
    "select": ["--select", "circular-support,open-questions,disconnected"],
    "ignore": ["--ignore", "bare-assertion,unanswered-opposition"],
}


def _tangled(n: int = 1000, seed: int = 5) -> tuple[str, str]:
    """A generated map and essay with circles, both-ways claims, loose ends and open questions.

    Every 37th supporting claim is also supported by its target (a circle of
    two), every 97th by the thesis (a long circle); every 41st also opposes
    its target; every 29th relates to nothing (it and what hangs on it are
    disconnected, unless an undercut needs its relation); every 31st is a
    concession and every 43rd a third speaker's; every 13th gets a linked
    support with a scheme; every 7th paragraph gets an unquoted sentence,
    every 14th a skipped one and every 21st its first sentence again.
    """
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    data, essay = gen.generate(n, seed)
    claims = [dict(c) for c in data["claims"]]
    undercut = {r.split("--")[0] for c in claims for r in c.get("undercuts", [])}
    extra: list[dict[str, Any]] = []
    for i, c in enumerate(claims):
        to = c.get("supports", [None])[0]
        if to is not None and i % 37 == 0:
            extra.append({"type": "support", "from": to, "to": c["id"]})
        if to is not None and i % 97 == 0:
            extra.append({"type": "support", "from": "c0", "to": c["id"]})
        if to is not None and i % 41 == 0:
            extra.append({"type": "opposition", "from": c["id"], "to": to})
        if to is not None and i % 13 == 0:
            extra.append(
                {"type": "support", "from": [c["id"], "c0"], "to": to, "scheme": "expert-opinion"}
                | ({"answered": ["expertise"]} if i % 2 else {})
            )
        if i % 29 == 28 and c["id"] not in undercut:
            for key in ("supports", "opposes", "undercuts"):
                c.pop(key, None)
        if i % 31 == 30:
            c["role"] = "concession"
        if i % 43 == 42:
            c["by"] = "judge"
    paragraphs = essay.rstrip("\n").split("\n\n")
    skipped = []
    for k in range(0, len(paragraphs), 7):
        paragraphs[k] += f" Aside {k} is not encoded."
        if k % 14 == 0:
            paragraphs[k] += f" Footnote {k} is skipped."
            skipped.append(f"  - quote: Footnote {k} is skipped\n    why: a footnote")
        if k % 21 == 0:  # its first sentence again: a repeated quote
            paragraphs[k] += " " + paragraphs[k].split(". ")[0] + "."
    data = {
        **data,
        "speakers": {**data["speakers"], "judge": "The judge"},
        "claims": claims,
        "relations": data["relations"] + extra,
    }
    text = gen.to_yaml(data) + "skipped:\n" + "\n".join(skipped) + "\n"
    return text, "\n\n".join(paragraphs) + "\n"


def _run(path: Path, options: list[str]) -> str:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["check", str(path), *options])
    return f"{code}\n{stdout.getvalue()}\n{stderr.getvalue()}"


def _results(folder: Path) -> dict[str, str]:
    text, essay = _tangled()
    (folder / "essay.txt").write_text(essay, encoding="utf-8")
    path = folder / "map.yaml"
    path.write_text(text, encoding="utf-8")
    return {
        name: hashlib.sha256(_run(path, options).replace(str(folder), "<dir>").encode()).hexdigest()
        for name, options in RUNS.items()
    }


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _results(tmp_path_factory.mktemp("tangled"))


def test_every_lint_is_tripped(tmp_path: Path) -> None:
    text, essay = _tangled()
    (tmp_path / "essay.txt").write_text(essay, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(text, encoding="utf-8")
    report = json.loads(_run(tmp_path / "map.yaml", ["--format", "json"]).split("\n", 1)[1])
    codes = {f["code"] for f in report["findings"]}
    assert codes >= {
        "circular-support",
        "supports-and-opposes",
        "disconnected",
        "bare-assertion",
        "unanswered-opposition",
        "open-questions",
        "self-conflict",
    }
    assert report["coverage"]["skipped"] > 0
    assert report["coverage"]["uncovered"] > 0


@pytest.mark.parametrize("name", sorted(RUNS))
def test_same_output_as_before(results: dict[str, str], name: str) -> None:
    assert results[name] == json.loads(GOLDEN.read_text())[name]


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        json.dump(_results(Path(tmp)), sys.stdout, indent=1, sort_keys=True)
        print()
