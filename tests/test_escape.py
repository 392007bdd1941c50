"""Every output language escapes any text: property tests with the real consumers.

For any text (hypothesis' full Unicode, control characters included, and known payloads) in
any field a map lets it stand: Graphviz accepts the DOT with one node per claim and gives
the text back in the SVG; Markdown rendered by ``marked`` has no active content and shows
the text as written; Mermaid's parser sees no directive and every node; terminal output
carries no control byte but newline and tab and no bidi control; JSON stays exact.

The JavaScript consumers run in one Node process (``tests/js/render_lines.mjs``, npm
packages from ``tests/js``, installed by ``make nodejs``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap.cli._common import emit_json, out
from argmap.escape import dot_html, dot_string, markdown_code, markdown_text, mermaid_text
from argmap.formats.markdown import to_markdown
from argmap.formats.mermaid import to_mermaid
from argmap.graph import to_networkx
from argmap.model import Claim, Map, Relation, derived_relation_id
from argmap.render.dot import DotOptions, render_image, to_dot
from argmap.teach.quiz import format_markdown as quiz_markdown
from argmap.teach.quiz import make_quiz
from argmap.validate import ID_PATTERN

JS = Path(__file__).parent / "js"
MODULES = Path(os.environ.get("ARGMAP_MERMAID_MODULES", JS / "node_modules")).resolve()
SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"

#: what no terminal output may carry: C0 but newline and tab, DEL, C1, bidi controls
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

#: payloads of the issue's reproducers and classic injections, in every language
PAYLOADS = [
    (
        '"x"]; e [label=<<FONT FACE="x&quot;&gt;&lt;/text&gt;&lt;script&gt;window.__pwned=9'
        '&lt;/script&gt;&lt;text&gt;">f</FONT>>]; y [z="z"'
    ),
    '"x" URL="javascript:window.__pwned=6" target="_self" y="z"',
    '"x" ]; pwn [label="PWNED"]; y [tooltip="z"',
    "\\",
    'say \\"hi\\"',
    "<b>bold</b>",
    "\\N \\G \\l \\\\\\",
    '<img src=x onerror="window.__pwned=2">',
    "<script>window.__pwned=1</script>",
    "```\ncode fence",
    "<https://example.org> [x](javascript:window.__pwned=3) ![i](x)",
    'x %%{init: {"theme":"forest","themeCSS":".node rect{fill:red}"}}%%',
    '"]; c_z["z"] --> c_a %%',
    "# heading | a | b |\n- item\n1. item\n> quote",
    "&lt;script&gt; &amp; &#x3c; ]]> <!-- -->",
    "\x1b[2J\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\ \x07\x00\x9b\r\u202eevil",
]
#: full Unicode, a hostile alphabet, and the payloads
TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(list('\\"<>&%{}[]|`*_#-+=.!:;()~\n\t\x1b\u202e x1'))),
    st.sampled_from(PAYLOADS),
)
SHOWN = TEXT.filter(lambda t: bool(t.split()))
IDS = st.lists(
    st.from_regex(ID_PATTERN, fullmatch=True).filter(lambda s: len(s) < 30),
    min_size=1,
    max_size=8,
    unique=True,
)

#: the fields of :func:`_map`: claim ids, texts, the title and a speaker's name
MAPS = {
    "ids": IDS,
    "texts": st.lists(SHOWN, min_size=1, max_size=8),
    "title": TEXT,
    "speaker": SHOWN,
}


def _flat(text: str) -> str:
    """Whitespace runs as one space (what one-line outputs keep of a text)."""
    return " ".join(text.split())


def _map(ids: list[str], texts: list[str], title: str, speaker: str) -> Map:
    """A map with a claim per id, each supporting the first, the others by ``speaker``."""
    n = min(len(ids), len(texts))
    claims = tuple(
        Claim(
            id=ids[i],
            text=texts[i],
            quote=texts[i],
            role="thesis" if i == 0 else "claim",
            by="authors" if i % 2 == 0 else "x",
        )
        for i in range(n)
    )
    relations = tuple(
        Relation(
            id=derived_relation_id("support", (ids[i],), ids[0]),
            kind="support",
            premises=(ids[i],),
            target=ids[0],
        )
        for i in range(1, n)
    )
    return Map(
        title=title,
        thesis=ids[0],
        source="e.txt",
        claims=claims,
        relations=relations,
        speakers={"authors": "The authors", "x": speaker},
    )


def _visible(text: str) -> str:
    """The text as Graphviz shows it: control characters as pictures or U+FFFD."""
    out = []
    for char in text:
        code = ord(char)
        if code < 0x20 and char not in "\t\n":
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        elif 0x80 <= code <= 0x9F or code in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out)


# --- DOT and SVG ------------------------------------------------------------------------


def _label_text(text: str) -> str:
    """A text as an HTML-like label shows it: on one line, control characters visible."""
    return _flat(_visible(re.sub("[\t\n\r]", " ", text)))


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' not installed")
@settings(max_examples=50, deadline=None)
@given(**MAPS, label=st.sampled_from(["id", "short", "full"]))
def test_graphviz_draws_any_text_as_one_node_and_gives_it_back(
    ids: list[str], texts: list[str], title: str, speaker: str, label: str
) -> None:
    m = _map(ids, texts, title, speaker)
    svg = render_image(to_dot(to_networkx(m), DotOptions(label=label)), "svg")  # type: ignore[arg-type]
    root = ET.fromstring(svg)
    nodes = {
        g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("class", "").startswith("node claim")
    }
    assert sorted(nodes) == sorted(c.id for c in m.claims)
    for c in m.claims:
        g = nodes[c.id]
        assert g.findtext(f"{SVG}title") == c.id
        (anchor,) = g.iter(f"{SVG}a")
        assert anchor.get(XLINK_TITLE) == _visible(_flat(c.text))
        assert not [e for e in g.iter() if e.tag != f"{SVG}a" and e.tag.endswith("}a")]
    drawn = "".join(t.text or "" for t in root.iter(f"{SVG}text")).replace("\xa0", " ")
    if len(m.claims) > 1:  # the second claim is the speaker's
        assert _label_text(speaker) in _flat(drawn)
    if title:
        graph = next(root.iter(f"{SVG}g"))
        heading = "".join(t.text or "" for t in graph.findall(f"{SVG}text"))
        assert _flat(heading.replace("\xa0", " ")) == _label_text(title)
    assert not [e for e in root.iter() if e.tag in (f"{SVG}script", f"{SVG}foreignObject")]
    assert not [k for e in root.iter() for k in e.attrib if k.lower().startswith("on")]


@pytest.mark.parametrize("text", PAYLOADS)
def test_dot_escapes_stay_inside_one_string(text: str) -> None:
    quoted = dot_string(text)
    inner = quoted[1:-1]
    # every quote inside is escaped by an odd run of backslashes: the string cannot end early
    assert not re.search(r'(?<!\\)(\\\\)*"', inner)
    assert not inner.endswith("\\") or re.search(r"(?<!\\)(\\\\)+$", inner)
    assert not re.search("[<>]", dot_html(text))


# --- Markdown through marked ------------------------------------------------------------


class _Reader(HTMLParser):
    """Collects the elements, attributes and text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


#: the elements Markdown makes of argmap's own structure (links: GFM autolinks of plain URLs)
MARKDOWN_TAGS = {"h1", "h2", "h3", "p", "ul", "ol", "li", "strong", "em", "code", "a", "br"}
MARKDOWN_TAGS |= {"table", "thead", "tbody", "tr", "th", "td"}


def _inert(page: str) -> str:
    """The text of rendered HTML after checking it has no active content; return its text."""
    reader = _Reader()
    reader.feed(page)
    for tag, attrs in reader.tags:
        assert tag in MARKDOWN_TAGS, f"<{tag}> in {page!r}"
        for name, value in attrs:
            assert not name.startswith("on"), page
            if name in ("href", "src"):
                assert re.match(r"(https?|mailto):", value or "", re.IGNORECASE), page
            else:
                assert name in ("align", "start"), page
    return "".join(reader.text)


class Node:
    """One Node process answering requests line by line (see tests/js/render_lines.mjs)."""

    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None or not all((MODULES / p).is_dir() for p in ("marked", "mermaid", "jsdom")):
            pytest.skip("needs node and the npm packages of tests/js: run `make nodejs`")
        self.proc = subprocess.Popen(
            [node, str(JS / "render_lines.mjs"), str(MODULES)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def ask(self, kind: str, text: str) -> dict[str, Any]:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write(json.dumps({"kind": kind, "text": text}) + "\n")
        self.proc.stdin.flush()
        answer: dict[str, Any] = json.loads(self.proc.stdout.readline())
        return answer

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


@pytest.fixture(scope="module")
def js() -> Iterator[Node]:
    node = Node()
    yield node
    node.close()


def test_marked_would_run_raw_html() -> None:
    """The check can fail: raw HTML, as the export wrote it before, is caught."""
    with pytest.raises(AssertionError):
        _inert('<p><img src="x" onerror="window.__pwned=2"></p>')


@settings(max_examples=50, deadline=None)
@given(**MAPS, essay=TEXT)
def test_markdown_renders_any_text_inert_and_as_written(  # noqa: PLR0917
    js: Node, ids: list[str], texts: list[str], title: str, speaker: str, essay: str
) -> None:
    m = _map(ids, texts, title, speaker)
    m = dataclasses.replace(m, source_text=essay, source=essay[:20])
    export = js.ask("marked", to_markdown(m, quotes=True))["html"]
    shown = _inert(export)
    assert export.count("<h1>") == 1
    assert "Outline</h2>" in export
    assert "Coverage</h2>" in export
    for c in m.claims:
        assert _flat(_visible(c.text)) in shown
    assert _flat(_visible(title)) in shown
    quiz = make_quiz(m, seed=0, count=20)
    shown = _inert(js.ask("marked", quiz_markdown(quiz, title))["html"])
    for q in quiz:
        assert _flat(_visible(q.prompt)) in shown


@pytest.mark.parametrize("text", PAYLOADS)
def test_markdown_text_and_code_render_as_written(js: Node, text: str) -> None:
    shown = _inert(js.ask("marked", f"- {markdown_text(text)} {markdown_code(text)}")["html"])
    assert shown.strip() == f"{_flat(_visible(text))} {_flat(_visible(text))}"


# --- Mermaid ------------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(**MAPS)
def test_mermaid_parses_any_text_with_no_directive(
    js: Node, ids: list[str], texts: list[str], title: str, speaker: str
) -> None:
    m = _map(ids, texts, title, speaker)
    source = to_mermaid(m)
    got = js.ask("mermaid", source)
    assert got["ok"], (got, source)
    assert (got["vertices"], got["edges"]) == (len(m.claims), len(m.relations))
    assert (got["theme"], got["themeCSS"]) == ("default", None)
    assert "%%{" not in source


def test_mermaid_check_sees_a_directive(js: Node) -> None:
    """The check can fail: the title comment as it was written before applies its theme."""
    old = 'flowchart BT\n  %% x %%{init: {"theme":"forest"}}%%\n  c_a["A"]\n'
    assert js.ask("mermaid", old)["theme"] == "forest"
    assert js.ask("mermaid", old.replace("%%{init", mermaid_text("%%{init")))["theme"] == "default"


# --- terminal and JSON --------------------------------------------------------------------


@given(text=TEXT)
def test_terminal_output_carries_no_control_or_bidi_character(text: str) -> None:
    buffer, errors = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(buffer):
        out(text)
    out(text, errors)
    for printed in (buffer.getvalue(), errors.getvalue()):
        assert not FORBIDDEN.search(printed)
        assert printed.count("\n") == text.count("\n") + 1  # lines stay lines


JSON_DATA = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)


@given(data=JSON_DATA)
def test_json_output_is_exact_and_carries_no_control_character(data: Any) -> None:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        emit_json(data)
    assert not FORBIDDEN.search(buffer.getvalue())
    assert json.loads(buffer.getvalue()) == data


def test_html_text_is_inert() -> None:
    from argmap.escape import html_text

    assert html_text('"><svg onload=x>') == html.escape('"><svg onload=x>')
    assert html_text("a\x1bb") == "a\u241bb"


_MARKDOWN_PIECES = ["www.", "wWW.", "://", ":", "/", "w", "W", ".", " ", "a", "-", "1", "\t", "\n"]


@given(st.lists(st.sampled_from([*_MARKDOWN_PIECES, *"\\`*_[]<>#|~&@\x07"])).map("".join))
def test_markdown_text_fast_path_escapes_as_the_full_pattern(text: str) -> None:
    """The quick look for something to escape misses nothing the full pattern would find."""
    from argmap.escape import _MARKDOWN_BLOCK_START, _MARKDOWN_SPECIAL, markdown_text, visible

    flat = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(visible(text).split()))
    assert markdown_text(text) == ("\\" + flat if _MARKDOWN_BLOCK_START.match(flat) else flat)


_BATCH_PIECES = [*_MARKDOWN_PIECES, "  ", "\r", "\u2028", "\x85", "\x1f", "\u00a0", "12)", "=", "+"]


@given(st.lists(st.lists(st.sampled_from(_BATCH_PIECES)).map("".join), max_size=6))
@example(["a  b", "c"])
@example(["a ", "b"])
@example(["a", " b"])
@example(["a\tb", "1) c"])
@example(["a", "b\n"])
@example(["www", ".", "x:", "//"])
def test_markdown_texts_escape_each_text_as_markdown_text(texts: list[str]) -> None:
    """Escaping a batch at once gives what escaping each text alone gives."""
    from argmap.escape import markdown_texts

    assert markdown_texts(texts) == [markdown_text(t) for t in texts]


@given(st.text(alphabet=st.sampled_from([*"ab-1`\\ \t\n\x07\x85\u2028\ufffe"]), max_size=6))
def test_markdown_code_fast_path_gives_the_general_answer(text: str) -> None:
    """A plain id is fenced as it is; the same as flattening and counting backticks."""
    from argmap.escape import visible

    flat = " ".join(visible(text).split())
    runs = [len(r) for r in re.findall("`+", flat)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if runs or flat.startswith(" ") else ""
    assert markdown_code(text) == f"{fence}{pad}{flat}{pad}{fence}"


def test_the_batch_sees_every_whitespace_but_space_and_newline() -> None:
    """What markdown_texts leaves to the one-by-one path: every other whitespace character."""
    from argmap.escape import _ODD

    odd = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c not in " \n"]
    assert odd
    assert all(_ODD.match(c) for c in odd)
