"""The teaching commands: outline, export, quiz, compare (output, exit codes, help)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import main

DATA = Path(__file__).parent / "data" / "teach"
REF = str(DATA / "reference.yaml")
STUDENT = str(DATA / "student.yaml")


@pytest.mark.parametrize("command", ["outline", "export", "quiz", "compare"])
def test_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith(f"usage: argmap {command}")
    assert "--format" in text


def test_outline_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", REF]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == [
        "abolish: Homework should be abolished. [thesis]",
        "  + takes-time: Homework takes time from play and sleep. [claim]",
        "  + [linked, consequences] lost-sleep",
    ]
    assert lines[-2:] == [
        "Not connected to the thesis:",
        "  play-cooperate: Play teaches cooperation. [background]",
    ]


def test_outline_markdown_with_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", REF, "--quotes", "--format", "markdown"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == (
        "- `abolish`: Homework should be abolished. *thesis* — “Homework should be abolished.”"
    )


def test_outline_of_a_bad_map_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["outline", str(tmp_path / "missing.yaml")]) == 1
    err = capsys.readouterr().err
    assert "file-not-found" in err
    assert "Traceback" not in err


def test_export_mermaid_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", REF, "--format", "mermaid"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("flowchart BT\n  %% Against homework\n")
    assert "  c_no_gain -.-x i3\n" in text


def test_export_markdown_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "map.md"
    assert main(["export", REF, "--format", "markdown", "-o", str(target)]) == 0
    assert capsys.readouterr().out == f"wrote {target} (markdown)\n"
    page = target.read_text(encoding="utf-8")
    assert page.startswith("# Against homework\n")
    assert "| 8 | 4 | skipped: byline |  | Published by the School Gazette. |\n" in page


def test_export_needs_a_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["export", REF])
    assert info.value.code == 2
    assert "--format" in capsys.readouterr().err


def test_quiz_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quiz", REF, "--seed", "7", "--count", "2"]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[:5] == [
        "# Quiz: Against homework",
        "",
        "1. Who asserts “Homework takes time from play and sleep.”?",
        "   - a) Teachers",
        "   - b) The author",
    ]
    assert text.endswith("## Answers\n\n1. b) The author\n2. c) Homework should be abolished.\n")


def test_quiz_json_is_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quiz", REF, "--seed", "3", "--count", "4", "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["quiz", REF, "--seed", "3", "--count", "4", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == first
    assert (first["title"], first["seed"], len(first["questions"])) == ("Against homework", 3, 4)
    for q in first["questions"]:
        assert q["choices"][q["answer"]] == q["correct"]


def test_quiz_count_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["quiz", REF, "--count", "0"])
    assert info.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err


def test_compare_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", STUDENT, REF]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{STUDENT} compared with {REF} (quotes overlap ≥ 0.5)"
    assert lines[2] == (
        "  relations: 2 matched of 4 yours and 5 in the reference "
        "(precision 50%, recall 40%, F1 0.44)"
    )


def test_compare_json_and_min_overlap(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", STUDENT, REF, "--format", "json", "--min-overlap", "0.6"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["min_overlap"] == 0.6
    assert d["claims"]["matched"] == 5
    assert [e["id"] for e in d["missed_claims"]] == ["sleep-learn", "no-gain"]


def test_compare_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", STUDENT, REF, "--format", "markdown"]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"# {STUDENT} compared with {REF}\n")
    assert "| claims | 6 | 7 | 7 | 86% | 86% | 0.86 |" in text


def test_compare_min_overlap_range(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["compare", STUDENT, REF, "--min-overlap", "1.5"])
    assert info.value.code == 2
    assert "must be in (0, 1]" in capsys.readouterr().err


def test_compare_different_source(capsys: pytest.CaptureFixture[str]) -> None:
    other = str(DATA / "other-source.yaml")
    assert main(["compare", STUDENT, other]) == 1
    captured = capsys.readouterr()
    assert f"{STUDENT}:3:1: error: different-source:" in captured.err
    assert captured.err.endswith("argmap: 1 error\n")
    assert main(["compare", STUDENT, other, "--format", "json"]) == 1
    d = json.loads(capsys.readouterr().out)
    assert (d["ok"], d["diagnostics"][0]["code"]) == (False, "different-source")


def test_compare_paragraphs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", STUDENT, REF, "--paragraphs", "2-3", "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert (d["paragraphs"], d["thesis_found"], d["claims"]["matched"]) == ([2, 3], None, 4)


@pytest.mark.parametrize("bad", ["x", "3-2", "0-4"])
def test_compare_paragraphs_must_be_a_range(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["compare", STUDENT, REF, "--paragraphs", bad])
    assert info.value.code == 2
    assert "not a paragraph range like 9-12" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "unused"),
    [
        (["quiz", REF], {"argmap.teach.compare", "argmap.teach.outline"}),
        (["compare", STUDENT, REF], {"argmap.teach.quiz", "argmap.teach.outline"}),
        (["outline", REF], {"argmap.teach.quiz", "argmap.teach.compare"}),
    ],
)
def test_a_teaching_command_imports_only_its_own_module(argv: list[str], unused: set[str]) -> None:
    from test_startup import _modules_after, _top_level

    heavy = {"networkx", "numpy", "pysat", "argmap.graph", "argmap.semantics"}
    assert _top_level(_modules_after(argv), heavy | unused) == set()
