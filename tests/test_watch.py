"""``argmap watch``: rebuild on save, keep the last good output, a page that reloads itself."""

from __future__ import annotations

import json
import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from argmap.cli import main
from argmap.watch import Watcher, serve

CORE = Path(__file__).parent / "data" / "core"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def mapfile(tmp_path: Path) -> Path:
    for name in ("valid.yaml", "essay.txt"):
        shutil.copy(CORE / name, tmp_path / name)
    return tmp_path / "valid.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


NEW_TEXT = ("Cats purr and clean themselves.", "Cats purr, and they keep themselves clean.")
BROKEN = ("role: thesis", "role: thesys")


def test_rebuilds_on_save_and_keeps_the_last_good_output(mapfile: Path) -> None:
    out = mapfile.parent / "page.html"
    w = Watcher(mapfile, out)
    first = w.build()
    assert (first.ok, first.version, first.wrote) == (True, 1, out)
    assert NEW_TEXT[0] in out.read_text(encoding="utf-8")
    assert not w.changed()

    _edit(mapfile, *NEW_TEXT)
    assert w.changed()
    second = w.build()
    assert (second.ok, second.version) == (True, 2)
    good = out.read_bytes()
    assert NEW_TEXT[1].encode() in good

    _edit(mapfile, *BROKEN)
    assert w.changed()
    broken = w.build()
    assert not broken.ok
    assert broken.version == 2
    assert [d.code for d in broken.diagnostics] == ["thesis-role", "unknown-role"]
    assert out.read_bytes() == good  # the last good page stays
    assert w.state() == {"version": 2, "error": "\n".join(str(d) for d in broken.diagnostics)}

    _edit(mapfile, BROKEN[1], BROKEN[0])
    assert w.build().version == 3
    assert w.state()["error"] == ""


def test_a_change_of_the_source_is_seen(mapfile: Path) -> None:
    w = Watcher(mapfile)
    assert w.build().ok
    assert not w.changed()
    with (mapfile.parent / "essay.txt").open("a", encoding="utf-8") as f:
        f.write("\nA new sentence.\n")
    assert w.changed()
    (row,) = [r for r in w.build().report.coverage.sentences if r.text == "A new sentence."]  # type: ignore[union-attr]
    assert row.status == "uncovered"


def test_cli_watch_prints_each_build(mapfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = mapfile.parent / "map.svg"
    assert main(["watch", str(mapfile), "-o", str(out), "--no-serve", "--max-cycles", "1"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"watching {mapfile} and its source; Ctrl-C stops",
        "  findings: 0 errors, 0 warnings, 1 info",
        (
            "  info: open-questions: 1 findings, e.g. inference 'walk-problem' (consequences) "
            "leaves critical questions open: evidence, opposite (-v lists them all)"
        ),
        f"{mapfile}: OK (build 1); wrote {out}",
    ]
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_cli_watch_reports_errors_and_keeps_output(
    mapfile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = mapfile.parent / "map.dot"
    out.write_text("old", encoding="utf-8")
    _edit(mapfile, *BROKEN)
    assert main(["watch", str(mapfile), "-o", str(out), "--no-serve", "--max-cycles", "1"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"{mapfile}: 2 errors"
    assert out.read_text(encoding="utf-8") == "old"


def test_ctrl_c_stops_with_130(
    mapfile: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupt(_seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", interrupt)
    assert main(["watch", str(mapfile), "-o", str(mapfile.parent / "p.html"), "--port", "0"]) == 130
    assert capsys.readouterr().err == "argmap: interrupted\n"


def _get(url: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.headers["Content-Type"], r.read()


@pytest.fixture
def served(mapfile: Path) -> Iterator[tuple[Watcher, str]]:
    w = Watcher(mapfile, mapfile.parent / "page.html")
    w.build()
    server = serve(w, 0)
    yield w, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_server_serves_page_script_and_version(served: tuple[Watcher, str]) -> None:
    w, url = served
    kind, page = _get(url + "/")
    assert kind == "text/html; charset=utf-8"
    assert page.endswith(b'<script src="/watch.js"></script></body>\n</html>\n')
    assert page.replace(b'<script src="/watch.js"></script>', b"") == w.output.read_bytes()  # type: ignore[union-attr]
    assert json.loads(_get(url + "/version")[1]) == {"version": 1, "error": ""}
    assert _get(url + "/watch.js")[0] == "text/javascript; charset=utf-8"
    with pytest.raises(urllib.error.HTTPError):
        _get(url + "/../valid.yaml")


def test_port_in_use_is_a_clear_error(served: tuple[Watcher, str], mapfile: Path) -> None:
    port = served[1].rsplit(":", 1)[1]
    assert main(["watch", str(mapfile), "-o", str(mapfile.parent / "p.svg"), "--port", port]) == 1


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent")
def test_page_reloads_in_chromium_and_shows_errors(served: tuple[Watcher, str]) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    w, url = served
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page: Any = browser.new_page()
        page.goto(url + "/")
        page.wait_for_function("() => document.getElementById('argmap-watch-error') !== null")
        page.evaluate("() => { window.beforeSave = true; }")
        assert NEW_TEXT[1] not in page.content()

        _edit(w.map_path, *NEW_TEXT)
        assert w.build().ok
        page.wait_for_function("() => window.beforeSave === undefined", timeout=10_000)
        page.wait_for_function("() => document.getElementById('argmap-watch-error') !== null")
        assert NEW_TEXT[1] in page.content()
        assert not page.is_visible("#argmap-watch-error")

        page.evaluate("() => { window.beforeError = true; }")
        _edit(w.map_path, *BROKEN)
        assert not w.build().ok
        page.wait_for_selector("#argmap-watch-error", state="visible", timeout=10_000)
        banner = page.inner_text("#argmap-watch-error")
        assert banner.startswith("argmap watch: kept the last good map\n")
        assert "unknown-role: claim 'cats-best' has unknown role 'thesys'" in banner
        assert page.evaluate("() => window.beforeError") is True  # not reloaded
        assert NEW_TEXT[1] in page.content()  # the last good map is still shown
        browser.close()


def test_once_fails_on_a_broken_map(mapfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = mapfile.parent / "map.svg"
    assert main(["watch", str(mapfile), "-o", str(out), "--once"]) == 0
    assert "watching" not in capsys.readouterr().out
    _edit(mapfile, *BROKEN)
    assert main(["watch", str(mapfile), "-o", str(out), "--once"]) == 1
