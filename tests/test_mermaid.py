"""Mermaid export: exact output on a small map, escaping, and the real Mermaid parser.

The parser test runs ``tests/js/render_lines.mjs`` with Node and the
npm packages ``marked``, ``mermaid`` (11.x) and ``jsdom``, found in the folder named by
``ARGMAP_MERMAID_MODULES`` (a ``node_modules`` folder; default
``tests/js/node_modules``, which ``make test`` installs from ``tests/js/package.json``).
When they are missing the test is skipped (a failure under ``make test``, see conftest).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from argmap.formats.mermaid import escape, to_mermaid
from argmap.load import read_map
from argmap.model import Claim, Map, Relation

DATA = Path(__file__).parent / "data" / "teach"
ROOT = Path(__file__).resolve().parent.parent
MODULES = Path(
    os.environ.get("ARGMAP_MERMAID_MODULES", Path(__file__).parent / "js" / "node_modules")
)


def _parse(source: str) -> dict[str, object]:
    """Mermaid's own verdict on ``source``, without the theme fields the escaping tests read."""
    node = shutil.which("node")
    if node is None or not all((MODULES / p).is_dir() for p in ("marked", "mermaid", "jsdom")):
        pytest.skip("needs node and the npm packages of tests/js: run `make nodejs`")
    done = subprocess.run(
        [node, str(ROOT / "tests" / "js" / "render_lines.mjs"), str(MODULES)],
        input=json.dumps({"kind": "mermaid", "text": source}) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    result: dict[str, object] = json.loads(done.stdout)
    result.pop("theme", None)
    result.pop("themeCSS", None)
    return result


def test_reference_map_exact() -> None:
    text = to_mermaid(read_map(DATA / "reference.yaml"))
    lines = text.splitlines()
    assert lines[:2] == ["flowchart BT", "  %% Against homework"]
    assert lines[2] == '  c_abolish["<b>abolish</b><br/>Homework should be abolished."]:::thesis'
    assert (
        lines[5] == '  c_builds_discipline["<b>builds-discipline</b><br/>'
        'Homework builds discipline. (Teachers)"]:::opponent'
    )
    assert lines[9:20] == [
        '  i3{{"opposition"}}:::inference',
        '  i4{{"linked · consequences"}}:::inference',
        "  c_takes_time --> c_abolish",
        "  c_discipline_elsewhere --x c_builds_discipline",
        "  c_no_gain -.-x i3",
        "  c_builds_discipline --- i3",
        "  i3 --x c_abolish",
        "  c_takes_time --- i4",
        "  c_sleep_learn --- i4",
        "  i4 --> c_abolish",
        "  linkStyle 1,2,4 stroke:#c0392b,color:#c0392b",
    ]
    assert "  classDef thesis fill:#ffd966,stroke:#555,stroke-width:2px" in lines
    assert sum(line.startswith("  classDef ") for line in lines) == 10  # 9 roles + inference
    assert text.endswith("\n")


def test_escape_every_special_character() -> None:
    assert escape('"#<>&`|[]{}') == "#quot;#35;#lt;#gt;#amp;#96;#124;#91;#93;#123;#125;"
    assert escape("a\n  b\tc") == "a b c"


def _nasty_map() -> Map:
    texts = {
        "end": 'The "end" [of] {it} <b>#1</b> & `code` | pipe; %% not a comment',
        "graph": "subgraph end; click x call y()",
        "a-b": "Line\nbreak",
    }
    claims = tuple(
        Claim(id=i, text=t, quote=i, role="thesis" if i == "end" else "claim", by="authors")
        for i, t in texts.items()
    )
    relations = (
        Relation(id="r1", kind="support", premises=("graph", "a-b"), target="end"),
        Relation(id="r2", kind="undercut", premises=("a-b",), target="r1"),
        Relation(id="r3", kind="opposition", premises=("end",), target="graph"),
    )
    return Map(title="A\nB", thesis="end", source="", claims=claims, relations=relations)


def test_nasty_labels_stay_inside_their_quotes() -> None:
    text = to_mermaid(_nasty_map())
    assert '  c_end["<b>end</b><br/>The #quot;end#quot; #91;of#93; #123;it#125; ' in text
    assert "  %% A B\n" in text
    assert "linkStyle 3,4 " in text


def test_real_parser_accepts_the_reference_map() -> None:
    result = _parse(to_mermaid(read_map(DATA / "reference.yaml")))
    assert result == {"ok": True, "type": "flowchart-v2", "vertices": 9, "edges": 8}


def test_real_parser_accepts_nasty_labels() -> None:
    result = _parse(to_mermaid(_nasty_map()))
    assert result == {"ok": True, "type": "flowchart-v2", "vertices": 4, "edges": 5}


def test_real_parser_rejects_broken_syntax() -> None:
    result = _parse('flowchart BT\n  a[A "x"] --> b\n')
    assert result["ok"] is False


def test_real_parser_accepts_the_essay_map() -> None:
    essay = ROOT / "claims.yaml"
    if not essay.exists():
        pytest.skip("claims.yaml is not written yet")
    m = read_map(essay)
    result = _parse(to_mermaid(m))
    assert result["ok"] is True
    assert result["edges"] == sum(len(r.premises) for r in m.relations) + sum(
        r.linked or any(u.target == r.id for u in m.relations) for r in m.relations
    )
