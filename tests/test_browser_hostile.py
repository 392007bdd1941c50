"""Hostile maps in headless Chromium: the page and the SVG run no script of the map.

Every payload of issue 10's reproducers, classic injections and generated strings go into
one map, in every field that takes text (title, claim texts, quotes and so the essay,
speaker names, notes, tags).  Each payload would set ``window.__pwned`` or open a dialog
if it ran.  The test loads the page of that map (and of each reproducer), clicks every
node, every link, every marked passage and every claim button of the detail panel and
steps through the lesson; then opens the SVG of ``render -o x.svg`` and clicks it all.
Needs /usr/bin/chromium and Graphviz (``make test`` installs both).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

import test_browser
from argmap.cli import main
from test_browser import CHROMIUM, Page

ROBUST = Path(__file__).parent / "data" / "robust"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent"),
    pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' not installed"),
]

#: injections that set window.__pwned (or alert) when they run, in every output syntax
PAYLOADS = [
    (
        '"x"]; e [label=<<FONT FACE="x&quot;&gt;&lt;/text&gt;&lt;script&gt;window.__pwned=9'
        '&lt;/script&gt;&lt;text&gt;">f</FONT>>]; y [z="z"'
    ),
    '"x" URL="javascript:window.__pwned=6" target="_self" y="z"',
    '"x" ]; pwn [label="PWNED" URL="javascript:window.__pwned=7"]; y [tooltip="z"',
    '"x" href="javascript:window.__pwned=10" y="z"',
    "\\",
    'say \\"hi\\"',
    "<b>bold</b>",
    '<img src=x onerror="window.__pwned=2">',
    "<script>window.__pwned=1</script>",
    '"><svg onload="window.__pwned=11">',
    "</script><script>window.__pwned=12</script>",
    "javascript:window.__pwned=13",
    '<a href="javascript:window.__pwned=14">click</a>',
    "]]><script>window.__pwned=15</script><![CDATA[",
    "<!-- --><script>window.__pwned=16</script>",
    "<style>*{background:url(javascript:window.__pwned=17)}</style>",
    '<iframe srcdoc="<script>parent.__pwned=18</script>"></iframe>',
    "\u2028\u2029 \u202eevil \\N \\G \\l",
    "{{constructor.constructor('window.__pwned=19')()}}",
    "&lt;script&gt;window.__pwned=20&lt;/script&gt; &amp;",
    "' onmouseover='window.__pwned=21' x='",
    '<svg><a xlink:href="javascript:window.__pwned=22"><text>x</text></a></svg>',
]
ALPHABET = [*list("<>\"'&\\/=;:[]{}()` #%!-_.\u202e"), "script", "onload=", "javascript:"]
GENERATED = [
    "".join(random.Random(seed).choices(ALPHABET, k=random.Random(seed).randint(3, 30))) + "."
    for seed in range(12)
]
ALL = [*PAYLOADS, *GENERATED]


def _hostile_map(folder: Path) -> Path:
    """A map whose every text is a payload, and its essay, written into ``folder``."""
    (folder / "essay.txt").write_text("\n\n".join(ALL) + "\n", encoding="utf-8")
    n = len(ALL)
    speakers = {f"s{i}": ALL[(i * 7) % n] for i in range(4)}
    claims = [
        {
            "id": f"c{i}",
            "text": ALL[(i + 3) % n],
            "quote": ALL[i],
            "role": "thesis" if i == 0 else ("opponent" if i % 3 == 0 else "claim"),
            "by": f"s{i % 4}",
            "note": ALL[(i + 5) % n],
            "tags": [ALL[(i + 9) % n]],
        }
        for i in range(n)
    ]
    for c in claims[1:]:
        c["opposes" if c["role"] == "opponent" else "supports"] = ["c0"]
    relations = [
        {"id": "linked", "from": ["c1", "c2"], "to": "c4", "scheme": "consequences"},
        {"id": "cut", "type": "undercut", "from": "c5", "to": "linked"},
    ]
    doc = {
        "argmap": 1,
        "title": ALL[1],
        "source": "essay.txt",
        "thesis": "c0",
        "speakers": speakers,
        "claims": claims,
        "relations": relations,
    }
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _build(command: str, source: Path, output: Path) -> Path:
    assert main([command, str(source), "-o", str(output)]) == 0
    return output


#: the browser of the page tests (a module-scoped fixture: this module gets its own)
browser = test_browser.browser


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _hostile_map(tmp_path_factory.mktemp("hostile"))


#: whether a mouse click at the middle of an element reaches it (it is not off the map's
#: view or under another element); the page's first view shows the map at a readable
#: zoom, so most of a big map lies outside it
REACHABLE = """e => { const b = e.getBoundingClientRect();
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    return !!hit && (hit === e || e.contains(hit)); }"""


class Watched(Page):
    """A page whose dialogs and script errors are recorded, and that clicks it all."""

    def click_all(self, selector: str) -> int:
        """Click every element matching ``selector`` (by mouse, else by event); count them.

        The elements are found first: a click that redraws the detail panel leaves the
        buttons found before it detached, and they are clicked by event all the same.
        """
        handles = self.p.query_selector_all(selector)
        for handle in handles:
            try:
                # e.g. outside the map's view: by event
                clicked = bool(handle.evaluate(REACHABLE)) and not handle.click(
                    force=True, timeout=1000
                )
            except Exception:  # detached, hidden or outside the view
                clicked = False
            if not clicked:
                handle.dispatch_event("click")
        return len(handles)

    def pwned(self) -> Any:
        return self.p.evaluate("() => [window.__pwned, window.parent.__pwned]")

    def close(self) -> None:
        self.p.close()


def _assert_inert(page: Watched) -> None:
    assert page.pwned() == [None, None]
    assert page.dialogs == []
    assert page.errors == []


def test_hostile_page_runs_no_script_when_everything_is_clicked(
    browser: Any, hostile: Path, tmp_path: Path
) -> None:
    page = Watched(browser, _build("html", hostile, tmp_path / "hostile.html"))
    try:
        _assert_inert(page)
        nodes = page.p.eval_on_selector_all("g.node.claim", "els => els.map(e => e.id)")
        assert sorted(nodes) == sorted(f"c{i}" for i in range(len(ALL)))
        for claim in nodes:
            page.click_all(f'g.node.claim[id="{claim}"]')
            shown = page.p.text_content("#details h2.claim-text")
            assert shown == ALL[(int(claim[1:]) + 3) % len(ALL)]  # the text, as written
            page.click_all("#details button.claim-link")
        assert page.click_all("mark.quote") >= len(ALL)
        page.click_all("#lit-list button, .lit-list button")
        page.click_all("a")
        page.click_all("g.edge, g.node")
        page.p.click("#lesson-toggle")
        steps = 1
        while page.p.is_enabled("#next") and steps < 100:
            page.p.click("#next")
            steps += 1
        assert steps > 2
        _assert_inert(page)
        assert page.p.title() == f"{ALL[1]} — argument map"
    finally:
        page.close()


def test_hostile_svg_runs_no_script(browser: Any, hostile: Path, tmp_path: Path) -> None:
    page = Watched(browser, _build("render", hostile, tmp_path / "hostile.svg"))
    try:
        assert page.click_all("g.node") == len(ALL) + 1  # the claims and the linked inference
        page.click_all("a")
        page.click_all("g.edge")
        _assert_inert(page)
    finally:
        page.close()


@pytest.mark.parametrize("name", ["xss-onload", "xss-click", "dot-inject", "md-html", "angle"])
@pytest.mark.parametrize("command", ["html", "render"])
def test_reproducer_runs_no_script(browser: Any, tmp_path: Path, name: str, command: str) -> None:
    for f in ("e.txt", f"{name}.yaml"):
        shutil.copy(ROBUST / f, tmp_path)
    suffix = "html" if command == "html" else "svg"
    page = Watched(browser, _build(command, tmp_path / f"{name}.yaml", tmp_path / f"x.{suffix}"))
    try:
        _assert_inert(page)  # on load
        clicked = page.click_all("g.node")
        page.click_all("a")
        _assert_inert(page)
        assert clicked == 1
    finally:
        page.close()
