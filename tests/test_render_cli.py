"""render for big maps: --focus, --depth, --max-nodes, --engine, the size guard, progress."""

from __future__ import annotations

import io
import os
import pty
import re
import select as io_select
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from argmap.cli import main
from argmap.cli.core import StatusLine
from argmap.errors import ArgmapError
from argmap.graph import to_networkx
from argmap.model import Claim, Map, Relation
from argmap.render import dot
from argmap.render.dot import PNG_MAX_SIDE, render_image, to_dot

DATA = Path(__file__).parent / "data" / "render"
FOCUS = str(DATA / "focus.yaml")
SVG = "{http://www.w3.org/2000/svg}"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _drawn(dot_text: str) -> list[str]:
    """Ids of the nodes a DOT text of argmap declares."""
    return sorted(re.findall(r'^"([^"]+)" \[shape=', dot_text, re.M))


def test_focus_draws_the_selection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "f.dot"
    code, stdout, err = _run(
        ["render", FOCUS, "--focus", "calm", "--depth", "1", "-o", str(out)], capsys
    )
    assert (code, stdout, err) == (0, f"wrote {out} (dot)\n", "")
    text = out.read_text()
    # relation nodes drawn as boxes: the linked support and the undercut's target
    assert _drawn(text) == ["calm", "memory", "noisy", "rest", "sleep", "tired"]
    assert '"calm" -> "memory"' in text
    assert '"noisy" -> "calm"' in text
    assert "+1 more" in text  # rest (what it supports) and noisy (its attacker) are cut


@pytest.mark.parametrize(
    ("depth", "claims"), [("0", ["abolish"]), ("1", ["abolish", "discipline", "rest"])]
)
def test_focus_depth_in_svg(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], depth: str, claims: list[str]
) -> None:
    out = tmp_path / "f.svg"
    assert main(["render", FOCUS, "--focus", "abolish", "--depth", depth, "-o", str(out)]) == 0
    svg = ET.parse(out).getroot()
    ids = sorted(g.get("id", "") for g in svg.iter(f"{SVG}g") if "claim" in g.get("class", ""))
    assert ids == claims


def test_unknown_focus_says_what_was_meant(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _out, err = _run(
        ["render", FOCUS, "--focus", "abolsh", "-o", str(tmp_path / "f.svg")], capsys
    )
    assert code == 1
    assert err == (
        f"{FOCUS}: error: unknown-focus: no claim 'abolsh' to focus on"
        " (hint: did you mean 'abolish'?)\nargmap: 1 error\n"
    )
    assert not (tmp_path / "f.svg").exists()


def test_negative_depth_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["render", FOCUS, "--focus", "abolish", "--depth", "-1", "-o", "x.svg"])
    assert info.value.code == 2
    assert "--depth: not a whole number of 0 or more: '-1'" in capsys.readouterr().err


def test_max_nodes_refuses_with_the_count(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "m.dot"
    code, _out, err = _run(["render", FOCUS, "--max-nodes", "4", "-o", str(out)], capsys)
    assert code == 1
    assert err == (
        f"{FOCUS}: error: too-many-claims: the drawing would have 10 claims, more than"
        " --max-nodes 4 (hint: draw a part with --focus CLAIM --depth N, or raise --max-nodes)\n"
        "argmap: 1 error\n"
    )
    assert not out.exists()
    code, _out, err = _run(
        ["render", FOCUS, "--max-nodes", "4", "--focus", "rest", "--depth", "2", "-o", str(out)],
        capsys,
    )
    assert "draw a part with a smaller --depth" in err
    assert (
        main(
            ["render", FOCUS, "--max-nodes", "4", "--focus", "rest", "--depth", "0", "-o", str(out)]
        )
        == 0
    )
    assert main(["render", FOCUS, "--max-nodes", "10", "-o", str(out)]) == 0


def test_engine_is_written_into_the_dot_and_used(tmp_path: Path) -> None:
    out = tmp_path / "e.dot"
    assert main(["render", FOCUS, "--engine", "sfdp", "-o", str(out)]) == 0
    assert 'layout="sfdp";' in out.read_text().splitlines()[7]
    assert main(["render", FOCUS, "-o", str(out)]) == 0
    assert "layout=" not in out.read_text()
    svg = tmp_path / "e.svg"
    assert main(["render", FOCUS, "--engine", "neato", "-o", str(svg)]) == 0
    assert svg.read_bytes().startswith(b"<?xml")


def test_unknown_engine_from_the_api() -> None:
    with pytest.raises(ArgmapError) as info:
        render_image("digraph {}", "svg", engine="spring")
    (d,) = info.value.diagnostics
    assert (d.code, d.message) == ("unknown-engine", "unknown output engine 'spring'")
    assert d.hint.startswith("use one of dot, sfdp, neato")


def test_size_guard(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(dot, "DOT_GUARD", 8)
    svg = str(tmp_path / "g.svg")
    code, _out, err = _run(["render", FOCUS, "-o", svg], capsys)
    assert code == 1
    assert err == (
        f"{FOCUS}: error: drawing-too-large: the drawing would have 10 claims, more than"
        " Graphviz dot lays out in reasonable time (beyond 8 it takes minutes) (hint: draw a"
        " part with --focus CLAIM --depth N, lay it out faster with --engine sfdp, or wait"
        " for dot with --max-nodes 10)\nargmap: 1 error\n"
    )
    assert not Path(svg).exists()
    # DOT text is not laid out; an engine or a limit given explicitly lifts the guard
    assert main(["render", FOCUS, "-o", str(tmp_path / "g.dot")]) == 0
    assert main(["render", FOCUS, "--engine", "sfdp", "-o", svg]) == 0
    assert main(["render", FOCUS, "--max-nodes", "10", "-o", svg]) == 0
    assert main(["render", FOCUS, "--focus", "abolish", "--depth", "1", "-o", svg]) == 0


def _wide(n: int) -> Map:
    premises = [
        Claim(id=f"c{i}", text=f"premise number {i}", quote=f"c{i}", role="claim", by="a")
        for i in range(n)
    ]
    cs = (Claim(id="t", text="T", quote="T", role="thesis", by="a"), *premises)
    rs = tuple(
        Relation(id=f"r{i}", kind="support", premises=(f"c{i}",), target="t") for i in range(n)
    )
    return Map(title="", thesis="t", source="", claims=cs, relations=rs)


def test_png_too_wide_for_cairo_is_said() -> None:
    said: list[str] = []
    png = render_image(to_dot(to_networkx(_wide(300))), "png", warn=said.append)
    width = int.from_bytes(png[16:20], "big")
    assert width <= PNG_MAX_SIDE
    (message,) = said
    assert message.startswith(
        "the drawing is larger than the 32,767 pixels a side a PNG can have,"
        " so Graphviz shrank it to "
    )
    assert message.endswith("write SVG or PDF instead, or draw a part with --focus")
    said.clear()
    render_image(to_dot(to_networkx(_wide(20))), "png", warn=said.append)
    assert said == []


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_status_line_only_on_a_terminal() -> None:
    tty = _Terminal()
    with StatusLine(tty) as status:
        status.progress("reading m.yaml")
        status.progress("laying out with dot: 3 s")
        status.warn("careful\x1b[2J")
    assert tty.getvalue() == (
        "\r\x1b[Kargmap: reading m.yaml …\r\x1b[Kargmap: laying out with dot: 3 s …"
        "\r\x1b[Kargmap: warning: careful␛[2J\n"
    )
    piped = io.StringIO()
    with StatusLine(piped) as status:
        status.progress("reading m.yaml")
        status.warn("careful")
    assert piped.getvalue() == "argmap: warning: careful\n"


def _render_on(stderr_is_tty: bool, out: Path) -> bytes:
    """stderr of ``argmap render`` run with stderr on a pseudo-terminal or a pipe."""
    command = [sys.executable, "-m", "argmap", "render", FOCUS, "-o", str(out)]
    if not stderr_is_tty:
        return subprocess.run(command, capture_output=True, check=True).stderr
    leader, follower = pty.openpty()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    got = b""
    while True:
        ready, _, _ = io_select.select([leader], [], [], 30)
        try:
            chunk = os.read(leader, 4096) if ready else b""
        except OSError:  # the pty is closed once the command exits
            chunk = b""
        if not chunk:
            break
        got += chunk
    os.close(leader)
    assert proc.wait(timeout=30) == 0
    return got


def test_progress_on_a_terminal_and_quiet_when_piped(tmp_path: Path) -> None:
    shown = _render_on(True, tmp_path / "a.svg")
    assert shown.startswith(f"\r\x1b[Kargmap: reading {FOCUS} …".encode())
    assert b"\r\x1b[Kargmap: drawing 10 claims \xe2\x80\xa6" in shown
    assert shown.endswith(b"\r\x1b[K")  # the line is erased before the command ends
    assert _render_on(False, tmp_path / "b.svg") == b""


#: each drawing error of docs/format.md and the flags that give it on tests/data/render
#: (``unknown-engine`` comes from the Python API only: test_unknown_engine_from_the_api)
ERROR_FIXTURES = {
    "unknown-focus": ["--focus", "abolsh"],
    "too-many-claims": ["--max-nodes", "4"],
    "drawing-too-large": [],  # with the guard lowered to 8 claims
}


def test_every_drawing_error_is_documented_and_has_a_fixture(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = (Path(__file__).parents[1] / "docs" / "format.md").read_text(encoding="utf-8")
    section = doc.split("## Drawing errors")[1].split("\n## ")[0]
    documented = set(re.findall(r"^\| `([a-z-]+)` \| ", section, re.M))
    assert documented == {*ERROR_FIXTURES, "unknown-engine"}
    monkeypatch.setattr(dot, "DOT_GUARD", 8)
    for code, flags in ERROR_FIXTURES.items():
        assert main(["render", FOCUS, *flags, "-o", str(tmp_path / "x.svg")]) == 1
        assert f"{FOCUS}: error: {code}: " in capsys.readouterr().err
