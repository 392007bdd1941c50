"""``argmap init``: a map skeleton from a text, which loads once entries are uncommented."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.coverage import coverage
from argmap.load import read_map

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a6816591cb9c5cdb.txt"


def _uncomment(skeleton: str, ids: set[str] | None = None) -> str:
    """Uncomment the claim entries with these ids (all when None), as an editor would."""
    lines = []
    on = False
    for line in skeleton.splitlines():
        entry = re.match(r"  # - id: (s\d+)$", line)
        if entry:
            on = ids is None or entry.group(1) in ids
        elif not line.startswith("  #   "):
            on = False
        lines.append(line.replace("  # ", "  ", 1) if on else line)
    return "\n".join(lines) + "\n"


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    path = tmp_path / "essay.txt"
    shutil.copy(SEED, path)
    return path


def test_init_writes_a_skeleton_per_sentence(
    essay: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(essay)]) == 0
    target = essay.with_suffix(".yaml")
    assert capsys.readouterr().out == (
        f"wrote {target}: 41 sentences in 14 paragraphs, each a commented entry; "
        "uncomment the ones you encode\n"
    )
    text = target.read_text(encoding="utf-8")
    assert "source: essay.txt\n" in text
    assert text.count("  # - id: s") == 41
    assert text.count("  # ¶") == 14
    assert "  # ¶1\n  # - id: s1\n  #   text: TODO say it in your own words\n" in text
    first = "  #     Stalinism is not an exclusively Russian phenomenon.\n  #   role: thesis\n"
    assert first in text


def test_uncommenting_the_first_entry_loads(essay: Path) -> None:
    target = essay.parent / "m.yaml"
    assert main(["init", str(essay), "-o", str(target)]) == 0
    target.write_text(_uncomment(target.read_text(encoding="utf-8"), {"s1"}), encoding="utf-8")
    m = read_map(target)
    assert [(c.id, c.role, c.span is not None) for c in m.claims] == [("s1", "thesis", True)]


def test_every_sentence_quote_is_found(essay: Path) -> None:
    """The quotes are written so that YAML reads each sentence back as it is."""
    target = essay.parent / "m.yaml"
    assert main(["init", str(essay), "-o", str(target)]) == 0
    target.write_text(_uncomment(target.read_text(encoding="utf-8")), encoding="utf-8")
    m = read_map(target)
    assert len(m.claims) == 41
    assert coverage(m).ratio == 1.0


def test_init_refuses_to_overwrite(essay: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = essay.parent / "m.yaml"
    target.write_text("mine", encoding="utf-8")
    assert main(["init", str(essay), "-o", str(target)]) == 1
    assert target.read_text(encoding="utf-8") == "mine"
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{target}: error: file-exists: the map file exists already; 'argmap init' never "
        "overwrites one (hint: name a new file with -o, or remove this one first)"
    )


def test_init_source_is_relative_to_the_map(
    essay: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = essay.parent / "maps" / "m.yaml"
    target.parent.mkdir()
    assert main(["init", str(essay), "-o", str(target)]) == 0
    assert "source: ../essay.txt\n" in target.read_text(encoding="utf-8")
    assert "note: the text is outside the map's folder (../essay.txt)" in capsys.readouterr().out
    target.write_text(_uncomment(target.read_text(encoding="utf-8"), {"s1"}), encoding="utf-8")
    assert read_map(target, source_anywhere=True).claim("s1").span is not None


def test_init_missing_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "nope.txt")]) == 1
    assert "file-not-found" in capsys.readouterr().err
    assert not (tmp_path / "nope.yaml").exists()
