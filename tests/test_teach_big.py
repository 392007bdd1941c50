"""The teaching commands on generated maps: the same reports, byte for byte, as before issue 9.

``tests/data/perf/teach.json`` holds SHA-256 digests of what ``quiz``,
``explain`` and ``compare`` printed (their text, Markdown and JSON reports) on
generated maps of 300 and 1,000 claims with the code of commit 89d7b3d, before
their lazy rewrites; they must print the same bytes.  Regenerate the digests
only for an intended change of output: ``python tests/test_teach_big.py >
tests/data/perf/teach.json``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from argmap.explain import explain, format_tree
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.model import Map
from argmap.teach import compare as cmp
from argmap.teach import quiz as qz
from test_big_maps import _digest, _generator, _linker, _student

GOLDEN = Path(__file__).parent / "data" / "perf" / "teach.json"


def _undercuts_follow(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with each undercut of a support the student made an opposition retargeted."""
    opposed = {c["id"] for c in data["claims"] if "opposes" in c}
    claims = [dict(c) for c in data["claims"]]
    for c in claims:
        if "undercuts" in c:
            c["undercuts"] = [
                r.replace("--supports--", "--opposes--") if r.split("--")[0] in opposed else r
                for r in c["undercuts"]
            ]
    return {**data, "claims": claims}


def _maps(folder: Path, n: int) -> dict[str, Map]:
    """The generated map of ``n`` claims and students' versions of it (a linker's at 300)."""
    gen = _generator()
    path = gen.write(n, 7, folder)
    data, _essay = gen.generate(n, 7)
    maps = {"map": read_map(path)}
    students = {"student": _student, "linker": _linker} if n == 300 else {"student": _student}
    for name, student in students.items():
        (folder / f"{name}.yaml").write_text(
            gen.to_yaml(_undercuts_follow(student(data))), encoding="utf-8"
        )
        maps[name] = read_map(folder / f"{name}.yaml")
    return maps


def _quizzes(m: Map) -> dict[str, str]:
    found = {}
    for seed in range(12):
        questions = qz.make_quiz(m, seed=seed, count=10)
        found[f"quiz-{seed}"] = qz.format_markdown(questions, m.title)
    found["quiz-all"] = json.dumps(qz.to_dicts(qz.make_quiz(m, seed=5, count=10**6)))
    return found


def _explanations(m: Map) -> dict[str, str]:
    G = to_networkx(m)
    found = {}
    for support in ("necessary", "deductive", "none"):
        trees = [format_tree(explain(G, c.id, support=support).tree) for c in m.claims[::3]]
        found[f"explain-{support}"] = "\n".join(trees)
    relations = [explain(G, r.id, depth=4) for r in m.relations[::3]]
    found["explain-relations"] = json.dumps([e.to_dict() for e in relations])
    for semantics in ("complete", "preferred", "stable"):
        ex = explain(G, m.thesis, semantics, depth=30)
        found[f"explain-{semantics}"] = json.dumps(ex.to_dict())
    return found


def _comparisons(maps: dict[str, Map]) -> dict[str, str]:
    m = maps["map"]
    found = {}
    for name, student in maps.items():
        for overlap in (0.5, 0.2):
            c = cmp.compare(student, m, overlap)
            found[f"compare-{name}-{overlap}"] = cmp.format_text(c)
            found[f"compare-{name}-{overlap}-md"] = cmp.format_markdown(c)
            found[f"compare-{name}-{overlap}-json"] = json.dumps(cmp.to_dict(c))
    c = cmp.compare(maps["student"], m, paragraphs=(3, 20))
    found["compare-student-paragraphs"] = cmp.format_text(c)
    return found


def _results(folder: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for n in (300, 1000):
        maps = _maps(folder / str(n), n)
        results = {
            **_quizzes(maps["map"]),
            **{f"student-{k}": v for k, v in _quizzes(maps["student"]).items()},
            **_comparisons(maps),
        }
        if n == 300:
            results.update(_explanations(maps["map"]))
        found.update({f"{n}-{k}": _digest(v, str(folder / str(n))) for k, v in results.items()})
    return found


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _results(tmp_path_factory.mktemp("teach"))


@pytest.mark.parametrize(("name", "before"), sorted(json.loads(GOLDEN.read_text()).items()))
def test_same_reports_as_before(results: dict[str, str], name: str, before: str) -> None:
    assert results[name] == before


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        json.dump(_results(Path(tmp)), sys.stdout, indent=1, sort_keys=True)
        print()
