"""The library face (``import argmap``) and a start that imports only what a command needs."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli import COMMANDS, build_parser, main

VALID = str(Path(__file__).parent / "data" / "core" / "valid.yaml")


def test_read_check_evaluate_render() -> None:
    m = argmap.read_map(VALID)
    assert isinstance(m, argmap.Map)
    report = argmap.check(m)
    assert isinstance(report, argmap.CheckReport)
    assert report.ok
    assert report.summary()["relations"] == {
        "support": 2,
        "opposition": 2,
        "undercut": 0,
        "linked": 1,
    }
    assert argmap.evaluate(m, "grounded").labels["dogs-better"] == "out"
    assert str(argmap.render(m, format="dot")).startswith("digraph")
    assert str(argmap.render(m, format="svg")).lstrip().startswith("<?xml")
    assert bytes(argmap.render(m, format="png")).startswith(b"\x89PNG")  # type: ignore[arg-type]


def test_check_report_is_what_the_cli_prints(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", VALID, "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == argmap.check(argmap.read_map(VALID)).to_dict()


def test_map_to_networkx_and_svg() -> None:
    m = argmap.read_map(VALID)
    G = m.to_networkx()
    assert G.nodes["cats-purr"]["role"] == "evidence"
    svg = m._repr_svg_()
    assert "<svg" in svg
    assert "Cats purr" in svg


def test_evaluate_and_render_stay_modules_too() -> None:
    import argmap.evaluate
    import argmap.render.dot

    m = argmap.read_map(VALID)
    assert argmap.evaluate.claim_labels(m.to_networkx())["cats-best"] == "in"
    assert argmap.evaluate(m).labels["cats-best"] == "in"
    assert argmap.render.dot.FORMATS == ("dot", "svg", "png", "pdf")
    assert argmap.render(m, format="dot") == argmap.render.dot.to_dot(m.to_networkx())


def test_version_matches_the_package_metadata() -> None:
    assert argmap.__version__ == importlib.metadata.version("argmap")


def _imported_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    return set(done.stdout.split())


def test_version_imports_no_command() -> None:
    loaded = _imported_after(
        "from argmap.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass"
    )
    assert not {"networkx", "numpy", "yaml", "argmap.cli.core", "importlib.metadata"} & loaded


def test_import_argmap_is_light() -> None:
    assert not {"networkx", "numpy", "yaml"} & _imported_after("import argmap")


def test_check_imports_only_its_command_module() -> None:
    loaded = _imported_after(f"from argmap.cli import main\nmain(['check', {VALID!r}])")
    assert "argmap.cli.core" in loaded
    assert not {"argmap.cli.teach", "argmap.cli.html", "argmap.teach.compare"} & loaded


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_table_names_the_registering_module(command: str) -> None:
    parser = build_parser([command])
    sub = next(a for a in parser._actions if a.dest == "command")
    assert command in sub.choices  # type: ignore[operator]
