"""Generated maps: the bench generator, and the near-linear code giving the old answers.

``tests/data/perf/generated-300.json`` holds, for a generated map of 300 claims,
a SHA-256 digest of each result as the quadratic code before the rewrite
(commit a0b1189) computed it; the rewritten code must give the same bytes.
Regenerate the digests only for an intended change of output:
``python tests/test_big_maps.py > tests/data/perf/generated-300.json``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from argmap.checks import run_checks
from argmap.coverage import coverage
from argmap.evaluate import evaluate
from argmap.explain import explain
from argmap.formats.markdown import to_markdown
from argmap.formats.mermaid import to_mermaid
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.model import Map
from argmap.render.html import essay_html, lesson_steps
from argmap.semantics.commitments import commitments
from argmap.teach.compare import compare, to_dict
from argmap.teach.outline import format_text, outline
from argmap.teach.quiz import make_quiz, to_dicts

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "data" / "perf" / "generated-300.json"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _student(data: dict[str, Any]) -> dict[str, Any]:
    """A student's version: some supports turned into oppositions, some quotes cut short."""
    claims = [dict(c) for c in data["claims"]]
    for i, c in enumerate(claims):
        if i % 5 == 3 and "supports" in c:
            c["opposes"] = c.pop("supports")
        if i % 11 == 4:
            c["quote"] = " ".join(c["quote"].split()[:3])
    return {**data, "claims": claims}


def _linker(data: dict[str, Any]) -> dict[str, Any]:
    """A student who links: some supports get a second premise, linked ones lose one."""
    claims = [dict(c) for c in data["claims"]]
    joined = []
    for i, c in enumerate(claims):
        if i % 7 == 2 and "supports" in c:
            to = c.pop("supports")[0]
            joined.append({"id": f"join{i}", "type": "support", "from": [c["id"], "c1"], "to": to})
    cut = [{**r, "from": r["from"][:1]} for r in data.get("relations", [])]
    return {**data, "claims": claims, "relations": cut + joined}


def _linker_map(folder: Path) -> Map:
    gen = _generator()
    data, _essay = gen.generate(300, 7)
    path = folder / "linker.yaml"
    path.write_text(gen.to_yaml(_linker(data)), encoding="utf-8")
    return read_map(path)


def _maps(folder: Path) -> tuple[Map, Map]:
    gen = _generator()
    path = gen.write(300, 7, folder)
    data, _essay = gen.generate(300, 7)
    student = folder / "student.yaml"
    student.write_text(gen.to_yaml(_student(data)), encoding="utf-8")
    return read_map(path), read_map(student)


def _digest(value: Any, folder: str) -> str:
    text = value if isinstance(value, str) else repr(value)
    return hashlib.sha256(text.replace(folder, "<dir>").encode()).hexdigest()


def _before_near_misses(report: dict[str, Any]) -> dict[str, Any]:
    """A compare report without what issue 12 added to it, so the old digests still apply."""
    return {k: v for k, v in report.items() if k not in {"near_misses", "disagreements"}}


def _results(folder: Path) -> dict[str, str]:
    m, student = _maps(folder)
    G = to_networkx(m)
    spans = {c.id: (c.span.start, c.span.end) for c in m.claims if c.span}
    found = {
        "check": [str(f) for f in run_checks(m)],
        "coverage": coverage(m),
        "commitments": commitments(G),
        "outline": outline(m),
        "quiz-10": to_dicts(make_quiz(m, seed=3, count=10)),
        "quiz-all": to_dicts(make_quiz(m, seed=3, count=2000)),
        "essay-html": essay_html(m.source_text, spans),
        "lesson-layer": lesson_steps(G, "layer"),
        "lesson-relation": lesson_steps(G, "relation"),
        "compare-self": _before_near_misses(to_dict(compare(m, m))),
        "compare-student": _before_near_misses(to_dict(compare(student, m))),
        "compare-student-0.3": _before_near_misses(to_dict(compare(student, m, 0.3))),
        "compare-student-near": {
            k: v
            for k, v in to_dict(compare(student, m)).items()
            if k in {"near_misses", "disagreements", "missed_relations", "extra_relations"}
        },
        "compare-linker": to_dict(compare(_linker_map(folder), m)),
        "evaluate-grounded": evaluate(G).to_dict(),
        "evaluate-preferred": evaluate(G, "preferred", claim=m.thesis).to_dict(),
        "evaluate-deductive": evaluate(G, support="deductive").to_dict(),
        "explain": [explain(G, c.id).to_dict() for c in m.claims[::10]],
        "explain-preferred": explain(G, m.thesis, "preferred", depth=20).to_dict(),
        "explain-relations": [explain(G, r.id, depth=3).to_dict() for r in m.relations[::25]],
        "markdown": to_markdown(m),
        "mermaid": to_mermaid(m),
        "outline-text": format_text(outline(m), m),
    }
    return {name: _digest(value, str(folder)) for name, value in found.items()}


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _results(tmp_path_factory.mktemp("generated"))


def test_generator_is_deterministic_and_valid(tmp_path: Path) -> None:
    gen = _generator()
    data, essay = gen.generate(300, 7)
    assert gen.generate(300, 7) == (data, essay)
    assert gen.generate(300, 8) != (data, essay)
    m, _student_map = _maps(tmp_path)
    kinds = [r.kind for r in m.relations]
    assert len(m.claims) == 300
    assert (kinds.count("support"), kinds.count("opposition"), kinds.count("undercut")) == (
        261,
        33,
        3,
    )
    assert sum(r.linked for r in m.relations) == 2
    assert all(c.span is not None for c in m.claims)
    assert json.loads((tmp_path / "map.json").read_text()) == data


@pytest.mark.parametrize("name", sorted(json.loads(GOLDEN.read_text())))
def test_same_results_as_before(results: dict[str, str], name: str) -> None:
    assert results[name] == json.loads(GOLDEN.read_text())[name]


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        json.dump(_results(Path(tmp)), sys.stdout, indent=1, sort_keys=True)
        print()
