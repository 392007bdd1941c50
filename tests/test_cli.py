"""The command line: help on every command, check, render, errors without tracebacks."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap import __version__
from argmap.cli import build_parser, main

DATA = Path(__file__).parent / "data" / "core"
VALID = str(DATA / "valid.yaml")


def _commands() -> list[list[str]]:
    """Every command path, e.g. ['check'], ['af', 'solve'], found in the parser itself."""
    found: list[list[str]] = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found.append([*path, name])
                    walk(sub, [*path, name])

    walk(build_parser(), [])
    return found


def test_core_commands_exist() -> None:
    names = {" ".join(c) for c in _commands()}
    assert {"check", "render", "schemes", "schema"} <= names


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([*command, "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith(f"usage: argmap {' '.join(command)}")
    assert len(text.splitlines()) > 3
    parser_help = build_parser().format_help()
    assert command[0] in parser_help  # listed in 'argmap --help'


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"argmap {__version__}"


def test_check_reports_summary_and_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", VALID]) == 0
    out = capsys.readouterr().out
    assert "6 claims, 4 relations (2 support, 2 opposition, 0 undercut; 1 linked)" in out
    assert "quotes: 6/6 found verbatim in essay.txt" in out
    assert "coverage: 5/5 argumentative sentences quoted (100%)" in out


def test_check_verbose_lists_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", VALID, "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "+ ¶2 s3: Some say dogs are better pets.  [dogs-better]" in out


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", VALID, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True
    assert data["claims"] == 6
    assert data["coverage"]["uncovered"] == 0
    assert data["coverage"]["rows"][0]["claims"] == ["cats-best"]


def test_check_bad_input_exit_1_no_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(DATA / "many-errors.yaml")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "many-errors.yaml:19:5: error: unknown-role: claim 'dogs-better'" in err
    assert err.strip().endswith("argmap: 3 errors")


def test_check_bad_input_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(DATA / "unknown-role.yaml"), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert data["diagnostics"][0]["code"] == "unknown-role"
    assert data["diagnostics"][0]["line"] == 19


@pytest.mark.parametrize("fmt", ["dot", "svg", "png", "pdf"])
def test_render_formats_from_suffix(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"map.{fmt}"
    assert main(["render", VALID, "-o", str(out)]) == 0
    assert out.stat().st_size > 100


def test_render_options(tmp_path: Path) -> None:
    out = tmp_path / "map.txt"
    args = ["render", VALID, "-o", str(out), "--format", "dot", "--label", "id"]
    assert main([*args, "--group", "paragraph", "--direction", "LR"]) == 0
    dot = out.read_text()
    assert 'rankdir="LR"' in dot
    assert "cluster_p2" in dot
    assert "<B>cats-best</B>" in dot


def test_render_unknown_suffix_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.jpeg"
    assert main(["render", VALID, "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"argmap render: error: cannot tell the format of {str(out)!r}; "
        "use --format dot|svg|png|pdf\n"
    )
    assert not out.exists()


def test_render_without_graphviz(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    old = tmp_path / "map.png"
    old.write_bytes(b"old picture")
    assert main(["render", VALID, "-o", str(old)]) == 1
    assert "graphviz-missing" in capsys.readouterr().err
    assert old.read_bytes() == b"old picture"  # nothing overwritten half-way
    assert main(["render", VALID, "-o", str(tmp_path / "map.dot")]) == 0


def test_bad_map_does_not_touch_output(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    out.write_text("keep me")
    assert main(["render", str(DATA / "duplicate-key.yaml"), "-o", str(out)]) == 1
    assert out.read_text() == "keep me"


def test_schemes_lists_questions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemes"]) == 0
    out = capsys.readouterr().out
    assert "expert-opinion: Argument from expert opinion" in out
    assert "    expertise: Is the source a genuine expert in this field?" in out
    assert main(["schemes", "--format", "json"]) == 0
    assert "sign" in json.loads(capsys.readouterr().out)


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", VALID],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "OK" in done.stdout


def test_missing_command_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2
    assert "usage: argmap" in capsys.readouterr().err


def test_a_command_freezes_its_map_only_while_it_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The map read is frozen out of the collector's passes, and thawed when main returns."""
    import gc

    from argmap.cli import _common

    frozen: list[int] = []
    read = _common.read_map_arg

    def spy(args: argparse.Namespace, path: str | None = None) -> object:
        m = read(args, path)
        frozen.append(gc.get_freeze_count())
        return m

    monkeypatch.setattr("argmap.cli.core.read_map_arg", spy)
    assert main(["check", VALID]) == 0
    capsys.readouterr()
    assert frozen
    assert frozen[0] > 0
    assert gc.get_freeze_count() == 0


def test_a_command_keeps_its_map_until_the_next_command_starts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """What a command read outlives it (the program then ends without freeing it), not more."""
    import weakref

    from argmap.cli import _common
    from argmap.model import Map

    assert main(["check", VALID]) == 0
    kept = [m for m in _common.KEPT if isinstance(m, Map)]
    assert [m.file for m in kept] == [VALID]
    first = weakref.ref(kept[0])
    del kept
    assert first() is not None  # the command has returned: its map is still there
    assert main(["schemes"]) == 0
    capsys.readouterr()
    assert first() is None
    assert _common.KEPT == []


@pytest.mark.parametrize("program", [["-m", "argmap"], ["-c", "from argmap.cli import run; run()"]])
def test_the_program_ends_at_once_with_all_its_output(
    program: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``run`` skips freeing objects at exit: output is flushed first, and the code is main's."""
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\ntitle: T\nsource: e.txt\nthesis: t\nclaims:\n"
        + "".join(
            f"  - {{id: c{i}, text: Claim number {i}., quote: q, role: claim, supports: [t]}}\n"
            for i in range(3000)
        )
        + "  - {id: t, text: The thesis., quote: q, role: thesis}\n",
        encoding="utf-8",
    )
    (tmp_path / "e.txt").write_text("q\n", encoding="utf-8")
    args = ["outline", str(tmp_path / "m.yaml")]
    assert main(args) == 0
    expected = capsys.readouterr().out
    done = subprocess.run(
        [sys.executable, *program, *args], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout) == (0, expected)
    assert len(expected) > 100_000  # more than one buffer's worth
    failed = subprocess.run(
        [sys.executable, *program, "check", str(tmp_path / "none.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert failed.returncode == 1
    assert "none.yaml" in failed.stderr


@pytest.mark.parametrize(("given", "seen"), [(None, "1"), ("4", "4")])
def test_the_program_starts_no_blas_threads_unless_told(given: str | None, seen: str) -> None:
    """``run`` asks OpenBLAS for one thread (argmap does no linear algebra), unless set."""
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    code = (
        "import os, argmap.cli as c\n"
        "c.main = lambda: print(os.environ['OPENBLAS_NUM_THREADS']) or 0\n"
        "c.run()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert (done.returncode, done.stdout.strip()) == (0, seen)
