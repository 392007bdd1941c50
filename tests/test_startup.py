"""Start-up: each command imports only what it uses (issue 12), checked in fresh processes.

The speed itself is shown by ``benchmarks/startup.py`` (``make bench``), never timed
here: these tests prove the laziness that makes it, by the modules a run leaves loaded.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from argmap import semantics
from argmap.cli import COMMANDS, build_parser, main
from argmap.semantics import dung, framework

ROOT = Path(__file__).resolve().parent.parent
DEMO = str(ROOT / "claims.yaml")

#: heavy third-party packages and argmap modules that ``check`` does not need
NOT_FOR_CHECK = {
    "networkx",  # the lints run on plain indexes of the relations (graph.links_of)
    "numpy",
    "pysat",
    "pydot",
    "argmap.evaluate",
    "argmap.formats",
    "argmap.render",
    "argmap.schema",
    "argmap.semantics.dung",
    "argmap.semantics.framework",
    "argmap.semantics.gradual",
    "argmap.semantics.sat",
}


def _modules_after(argv: list[str]) -> set[str]:
    """The modules a fresh process has loaded after ``argmap ARGV`` (run through main)."""
    script = (
        "import sys\nfrom argmap.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    return set(done.stderr.split())


def _top_level(modules: set[str], names: set[str]) -> set[str]:
    """The members of ``names`` that are loaded, themselves or as a package of a module."""
    return {n for n in names for m in modules if m == n or m.startswith(n + ".")}


def test_version_imports_only_the_cli_skeleton() -> None:
    loaded = _modules_after(["--version"])
    assert sorted(m for m in loaded if m.startswith("argmap")) == [
        "argmap",
        "argmap.cli",
        "argmap.cli._streams",
    ]
    assert not _top_level(
        loaded, {"networkx", "numpy", "yaml", "dataclasses", "json", "argparse", "typing"}
    )


def test_check_imports_no_solver_drawing_or_format() -> None:
    loaded = _modules_after(["check", DEMO])
    assert "argmap.checks" in loaded  # it did run
    assert not _top_level(loaded, NOT_FOR_CHECK)


def test_render_still_offers_its_options_after_a_lazy_start(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["render", DEMO, "-o", "x.svg", "--evaluate", "ideal"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "argument --evaluate: invalid choice: 'ideal' (choose from 'grounded', " in err


def test_render_help_lists_the_deferred_choices(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["render", "--help"])
    text = capsys.readouterr().out
    assert "[--format {dot,svg,png,pdf}]" in text
    assert "--evaluate {grounded,complete,preferred,stable}" in text


def test_semantics_reexports_dung_and_framework_lazily() -> None:
    assert semantics.Framework is framework.Framework
    assert all(getattr(semantics, name) is getattr(dung, name) for name in dung.__all__)
    with pytest.raises(AttributeError, match="no attribute 'ideal_extension'"):
        _ = semantics.ideal_extension


def test_every_command_names_its_module() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert sorted(sub.choices) == sorted(COMMANDS)


def test_af_solve_imports_no_other_command_and_no_map_machinery() -> None:
    loaded = _modules_after(
        ["af", "solve", str(ROOT / "tests/data/iccma/chain.apx"), "--task", "SE-GR"]
    )
    assert "argmap.formats.iccma" in loaded
    assert not _top_level(
        loaded,
        {
            "yaml",
            "pydot",
            "argmap.cli.core",
            "argmap.cli.teach",
            "argmap.evaluate",
            "argmap.explain",
            "argmap.load",
            "argmap.semantics.gradual",
        },
    )


def test_evaluate_builds_no_graph() -> None:
    """``evaluate`` reads the map's index (semantics.mapindex): networkx is never imported."""
    loaded = _modules_after(
        ["evaluate", DEMO, "--semantics", "preferred", "--claim", "stalinism-not-only-russian"]
    )
    assert "argmap.semantics.dung" in loaded
    assert not _top_level(loaded, {"networkx", "argmap.render", "argmap.formats"})


def test_explain_builds_no_graph() -> None:
    """``explain`` reads the map's index (semantics.mapindex): networkx is never imported."""
    loaded = _modules_after(["explain", DEMO, "stalinism-not-only-russian"])
    assert "argmap.explain" in loaded
    assert not _top_level(loaded, {"networkx", "argmap.render", "argmap.formats"})
