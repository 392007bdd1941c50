"""The argumentative microtext corpus: every one of its 112 English texts imports.

Run by ``make corpora`` (``ARGMAP_CORPORA=../shared/corpora make corpora``), not by
``make test``: the corpus is not part of the repository.  Each text's gold graph is
counted here with ElementTree, independently of the importer.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.formats.base import finish
from argmap.formats.microtext import read_microtext
from argmap.formats.yamlmap import to_yaml
from argmap.load import read_map

pytestmark = pytest.mark.corpus

CORPORA = os.environ.get("ARGMAP_CORPORA", "")
TEXTS = (
    sorted((Path(CORPORA) / "arg-microtexts" / "corpus" / "en").glob("*.xml")) if CORPORA else []
)


def test_the_corpus_is_there() -> None:
    assert CORPORA, "set ARGMAP_CORPORA to the folder holding arg-microtexts/"
    assert len(TEXTS) == 112


def _gold(path: Path) -> tuple[int, Counter[str]]:
    root = ET.parse(path).getroot()
    edges = {e.get("id"): e for e in root.iter("edge")}
    kinds: Counter[str] = Counter()
    for e in edges.values():
        kind = e.get("type")
        if kind in ("sup", "exa"):
            kinds["support"] += 1
        elif kind == "und" or (kind == "reb" and e.get("trg") in edges):
            kinds["undercut"] += 1
        elif kind == "reb":
            kinds["opposition"] += 1
    return len(list(root.iter("adu"))), kinds


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_text_imports_checks_renders(path: Path, tmp_path: Path) -> None:
    imported = read_microtext(path.read_text(encoding="utf-8"), str(path))
    m, source, built = finish(imported, "essay.txt")
    adus, kinds = _gold(path)
    assert len(m.claims) == adus
    assert Counter(r.kind for r in m.relations) == kinds
    assert not built
    assert source.split() == path.with_suffix(".txt").read_text(encoding="utf-8").split()
    (tmp_path / "essay.txt").write_text(source, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(to_yaml(m), encoding="utf-8")
    loaded = read_map(tmp_path / "map.yaml")
    assert all(c.span is not None for c in loaded.claims)
    the_map = str(tmp_path / "map.yaml")
    assert main(["check", the_map]) == 0
    assert main(["render", the_map, "-o", str(tmp_path / "map.svg")]) == 0
    assert main(["html", the_map, "-o", str(tmp_path / "map.html")]) == 0
