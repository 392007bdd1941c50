"""The hostile maps of issue 10 (tests/data/robust, copied from its reproducers): each is
either refused with a located error or drawn, paged and exported inert.

``e.txt`` is their essay.  ``term-bidi.yaml`` (bidi controls, which a map may hold) and its
essay ``e-ctrl.txt`` (escape sequences, BEL, C1) check that nothing reaches a terminal.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.formats.markdown import to_markdown
from argmap.load import read_map
from argmap.model import Claim, Map, Relation, derived_relation_id
from argmap.teach.outline import format_text, outline

DATA = Path(__file__).parent / "data" / "robust"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
HINT = (
    "remove it; in a double-quoted YAML string it is written as an escape such as \\e, \\a or \\0"
)
KEBAB = "use lowercase words joined by hyphens, e.g."

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' not installed")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    got = capsys.readouterr()
    return code, got.out, got.err


@pytest.fixture(autouse=True)
def _in_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)


REFUSED = {
    "relid": [
        (
            "relid.yaml:9:5: error: invalid-id: relation id 'x--\\\\' is not kebab-case"
            f" (hint: {KEBAB} 'x')"
        ),
    ],
    "relid-xss": [
        (
            "relid-xss.yaml:10:5: error: invalid-id: relation id 'r--\\\\\" evil"
            " [URL=<javascript:window.__pwned=8>, target=_self] #\\\\\"' is not kebab-case"
            f" (hint: {KEBAB} 'r-evil-url-javascript-window-pwned-8-target-self')"
        ),
    ],
    "esc": [
        (
            "esc.yaml:7:5: error: control-character: claim 'a': text contains the control"
            f" character U+001B (hint: {HINT})"
        ),
    ],
    "bel": [
        (
            "bel.yaml:7:5: error: control-character: claim 'a': text contains the control"
            f" character U+0007 (hint: {HINT})"
        ),
    ],
    "term": [
        (
            "term.yaml:5:12: error: control-character: speaker 'authors' contains the control"
            f" character U+001B (hint: {HINT})"
        ),
        (
            "term.yaml:7:13: error: control-character: claim 'a': text contains the control"
            f" character U+001B (hint: {HINT})"
        ),
    ],
}


@pytest.mark.parametrize("name", sorted(REFUSED))
@pytest.mark.parametrize("command", ["check", "render", "html", "outline"])
def test_refused_with_a_located_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, command: str
) -> None:
    never = tmp_path / f"never.{'svg' if command == 'render' else 'html'}"
    out_args = ["-o", str(never)] if command in ("render", "html") else []
    code, out, err = _run(capsys, command, f"{name}.yaml", *out_args)
    n = len(REFUSED[name])
    assert (code, out) == (1, "")
    assert err.splitlines() == [*REFUSED[name], f"argmap: {n} error{'s' if n > 1 else ''}"]
    assert not never.exists()


def test_nul_in_the_yaml_is_a_syntax_error_that_echoes_no_nul(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _run(capsys, "check", "nul.yaml")
    assert (code, out) == (1, "")
    assert err.startswith("nul.yaml")
    assert "nul.yaml:2:9: error: yaml-syntax: character U+0000 is not allowed in YAML" in err
    assert not FORBIDDEN.search(err)


#: maps that are valid, whatever their texts look like: drawn with the text as written
DRAWN = ["xss-onload", "xss-click", "dot-inject", "backslash", "bs-quote", "angle", "md-html"]


@needs_dot
@pytest.mark.parametrize("name", DRAWN)
def test_svg_is_one_node_with_the_text_as_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    text = read_map(f"{name}.yaml").claim("a").text
    svg_file = tmp_path / "x.svg"
    assert _run(capsys, "render", f"{name}.yaml", "-o", str(svg_file))[0] == 0
    root = ET.parse(svg_file).getroot()
    nodes = [g for g in root.iter(f"{SVG}g") if "node" in g.get("class", "").split()]
    assert [(g.get("id"), g.findtext(f"{SVG}title")) for g in nodes] == [("a", "a")]
    (anchor,) = nodes[0].iter(f"{SVG}a")
    assert anchor.attrib == {f"{XLINK}title": text}
    assert [e.tag for e in root.iter() if e.tag.endswith(("script", "foreignObject"))] == []
    attrs = {k.split("}")[-1] for e in root.iter() for k in e.attrib}
    assert attrs.isdisjoint({"href", "target", "onload", "onclick"}), attrs


@needs_dot
@pytest.mark.parametrize("name", DRAWN)
def test_page_has_only_its_own_scripts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    page = tmp_path / "x.html"
    assert _run(capsys, "html", f"{name}.yaml", "-o", str(page))[0] == 0
    html = page.read_text(encoding="utf-8")
    assert html.count("<script") == 2  # the data (JSON) and page.js
    assert "href" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "<FONT" not in html
    assert "<img" not in html


def test_dot_file_keeps_backslashes_literal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dot = tmp_path / "x.dot"
    assert _run(capsys, "render", "backslash.yaml", "-o", str(dot))[0] == 0
    line = next(x for x in dot.read_text().splitlines() if x.startswith('"a" ['))
    assert 'tooltip="\\\\\\\\"' in line  # read twice by Graphviz: one backslash
    assert "<B>" not in line  # the label is the claim's text, not the id


def test_mermaid_title_cannot_form_a_directive(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "export", "mermaid-title.yaml", "--format", "mermaid")
    assert code == 0
    assert out.splitlines()[:3] == [
        "flowchart BT",
        (
            "  %% x #37;#37;#123;init: #123;#quot;theme#quot;:#quot;forest#quot;,"
            "#quot;themeCSS#quot;:#quot;.node rect#123;fill:red#125;#quot;#125;#125;#37;#37;"
        ),
        '  c_a["<b>a</b><br/>A"]:::thesis',
    ]


MD_TITLE = '\\<img src=x onerror="window.\\_\\_pwned=2"\\>'
MD_TEXT = "\\<script\\>window.\\_\\_pwned=1\\</script\\>"


def test_markdown_keeps_no_raw_html(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "export", "md-html.yaml", "--format", "markdown")
    assert code == 0
    assert out.splitlines()[:7] == [
        f"# {MD_TITLE}",
        "",
        "Source: `e.txt` · thesis: `a` · 1 claims, 0 relations",
        "",
        "## Outline",
        "",
        f"- `a`: {MD_TEXT} *thesis*",
    ]
    code, out, _ = _run(capsys, "quiz", "md-html.yaml")
    assert out.splitlines()[:3] == [
        f"# Quiz: {MD_TITLE}",
        "",
        f"1. What role does “{MD_TEXT}” play in the argument?",
    ]
    code, out, _ = _run(capsys, "outline", "md-html.yaml", "--format", "markdown")
    assert out == f"- `a`: {MD_TEXT} *thesis*\n"


def test_a_title_cannot_open_a_code_fence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy("e.txt", tmp_path)
    fence = (
        (DATA / "md-html.yaml")
        .read_text()
        .replace("title: '<img src=x onerror=\"window.__pwned=2\">'", "title: '```'")
    )
    (tmp_path / "fence.yaml").write_text(fence)
    code, out, _ = _run(capsys, "export", str(tmp_path / "fence.yaml"), "--format", "markdown")
    assert (code, out.splitlines()[0]) == (0, "# \\`\\`\\`")


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "-v"],
        ["outline"],
        ["outline", "--quotes"],
        ["quiz"],
        ["explain", "--depth", "3"],
        ["evaluate"],
        ["export", "--format", "markdown"],
        ["export", "--format", "mermaid"],
    ],
    ids=" ".join,
)
def test_no_control_or_bidi_character_reaches_the_terminal(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    extra = ["a"] if argv[0] == "explain" else []
    code, out, err = _run(capsys, argv[0], "term-bidi.yaml", *argv[1:], *extra)
    assert code == 0
    assert out
    assert not FORBIDDEN.search(out + err)


def test_check_v_shows_the_essays_escape_sequences_as_symbols(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = _run(capsys, "check", "-v", "term-bidi.yaml")
    assert "   + ¶1 s1: Cats win ␛[2J␛]8;;http://evil.example/␛\\here␛]8;;␛\\.  [c]" in out
    assert "   ! ¶1 s2: Dogs \ufffd lose\ufffd␇ .  [NOT ENCODED]" in out


def test_json_output_keeps_the_exact_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "check", "--format", "json", "term-bidi.yaml")
    assert code == 0
    assert '"title": "t \\u202eevil \\u2066x\\u2069"' in out
    assert json.loads(out)["title"] == "t \u202eevil \u2066x\u2069"


def test_an_error_message_shows_control_characters_as_symbols(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _run(capsys, "check", "no\x1b[2Jsuch\u202e.yaml")
    assert (code, out) == (1, "")
    assert err.startswith("no␛[2Jsuch\ufffd.yaml: error: file-not-found: ")


def test_a_usage_error_shows_control_characters_as_symbols(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "e.txt", "\x1b[2J\u202e"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "argmap: error: unrecognized arguments: ␛[2J\ufffd"
    )


def _chain(n: int, *, cycle: bool) -> Map:
    """Claim c0 (the thesis) supported by c1, supported by c2 ... by c{n-1} (by c0 if a cycle)."""
    ids = [f"c{i}" for i in range(n)]
    claims = tuple(
        Claim(id=c, text=f"T{c}", quote=c, role="thesis" if c == "c0" else "claim", by="authors")
        for c in ids
    )
    links = list(pairwise(ids)) + ([(ids[-1], ids[0])] if cycle else [])
    relations = tuple(
        Relation(
            id=derived_relation_id("support", (p,), t), kind="support", premises=(p,), target=t
        )
        for t, p in links
    )
    return Map(title="deep", thesis="c0", source="", claims=claims, relations=relations)


@pytest.mark.parametrize(("n", "cycle"), [(360, False), (10_000, True)])
def test_outline_and_markdown_of_a_deep_chain(n: int, *, cycle: bool) -> None:
    m = _chain(n, cycle=cycle)
    tree = outline(m)
    text = format_text(tree, m).splitlines()
    assert len(text) == n + cycle
    assert text[-1] == "  " * (n - 1 + cycle) + (
        "+ ↑ see c0" if cycle else f"+ c{n - 1}: Tc{n - 1} [claim]"
    )
    markdown = to_markdown(m).splitlines()
    assert markdown[6 + n - 1] == "  " * (n - 1) + f"- **+** `c{n - 1}`: Tc{n - 1} *claim*"
