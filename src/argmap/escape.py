r"""One escaping function per output language, so that no text of a map is ever code.

A map is written by someone else: a student, a web page, another tool.  Its
texts, titles, speaker names and ids reach Graphviz DOT (and through Graphviz
the SVG of the page), HTML, Markdown, Mermaid and the terminal.  Every writer
of one of those languages escapes through the function of this module for that
language, and nothing else:

- :func:`dot_string`: a double-quoted DOT string (node names and attribute
  values: ids, URLs, plain labels); :func:`dot_tooltip` for ``tooltip``, which
  Graphviz 2.43 reads twice.
- :func:`dot_html`: text inside a DOT HTML-like label (``label=<...>``).
- :func:`html_text`: HTML text and attribute values.
- :func:`markdown_text`: Markdown inline text (also in table cells);
  :func:`markdown_code`: a code span.
- :func:`mermaid_text`: Mermaid label and comment text.
- :func:`terminal`: text printed on a terminal; :func:`json_terminal` for JSON.

Control characters (C0 but newline and tab, DEL, C1) are never passed on:
:func:`visible` shows them as Unicode control pictures (``␛`` for ESC) or
U+FFFD, which every output can carry.  The loader rejects them in a map
anyway (``control-character``); these functions make any text safe even so.

Examples
--------
>>> print(dot_string('say \\"hi"'))
"say \\\"hi\""
>>> print(html_text('<b onclick="x()">'))
&lt;b onclick=&quot;x()&quot;&gt;
>>> print(terminal("red \x1b[31m!\u202e"))
red ␛[31m!�
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

__all__ = [
    "BIDI_CONTROLS",
    "dot_html",
    "dot_string",
    "dot_tooltip",
    "find_control",
    "html_text",
    "json_terminal",
    "markdown_code",
    "markdown_text",
    "markdown_texts",
    "mermaid_text",
    "terminal",
    "visible",
]

#: characters that reorder the text around them on screen (bidi embeddings,
#: overrides, isolates and marks): harmless in a page, deceptive in a terminal
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

#: the characters :func:`visible` changes (a character class's contents)
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff"
_CONTROL = re.compile(f"[{_CONTROLS}]")


def _picture(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    return "\u2421" if code == 0x7F else "\ufffd"  # ␡, or � for C1 and non-characters


def find_control(text: str) -> int:
    r"""Index of the first character :func:`visible` would change in ``text``, or -1.

    Examples
    --------
    >>> find_control("ok\tand\n"), find_control("bell\a")
    (-1, 4)
    """
    found = _CONTROL.search(text)
    return found.start() if found else -1


def visible(text: str) -> str:
    r"""``text`` with every control character but newline and tab made visible.

    C0 controls become their Unicode control pictures (ESC is ``␛``), DEL is
    ``␡``; C1 controls, lone surrogates and the non-characters U+FFFE/U+FFFF
    (none of which XML can carry) become U+FFFD.

    Examples
    --------
    >>> visible("a\x1b[2Jb\x07\x00\x7f\x9b\tc\n")
    'a␛[2Jb␇␀␡�\tc\n'
    """
    return _CONTROL.sub(lambda m: _picture(m.group()), text)


def dot_string(text: str) -> str:
    r"""``text`` as a double-quoted DOT string that Graphviz shows as written.

    Backslashes are doubled (so ``\N``, ``\G``, ``\l`` and a final
    backslash stay literal), quotes escaped, ``&`` written as ``&amp;`` (Graphviz
    decodes entities), a newline as the line break ``\n``.  Use it for every
    node name and attribute value of the DOT text argmap writes (its
    renderer quotes every value, so none is left to Graphviz to guess at).

    Examples
    --------
    >>> print(dot_string('a"] ; x [URL="javascript:1'))
    "a\"] ; x [URL=\"javascript:1"
    >>> print(dot_string("\\N & \\"))
    "\\N &amp; \\"
    """
    escaped = (
        visible(text)
        .replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace('"', '\\"')
        .replace("\n", "\\n")
    )
    return f'"{escaped}"'


def dot_tooltip(text: str) -> str:
    r"""``text`` as the DOT string of a ``tooltip``, on one line.

    Graphviz 2.43 reads a tooltip's backslash escapes twice (once as any
    string, once more for the SVG anchor's title), so its backslashes are
    doubled once more than :func:`dot_string` does.  Whitespace runs become
    one space, as a tooltip shows them.

    Examples
    --------
    >>> print(dot_tooltip("a \\ \n b"))
    "a \\\\ b"
    """
    return dot_string(" ".join(text.replace("\\", "\\\\").split()))


def dot_html(text: str) -> str:
    r"""``text`` inside a DOT HTML-like label (``label=<...>``), shown as written.

    XML specials become entities (and ``]``, which Graphviz 2.43 rejects as a
    whole text), backslashes are doubled (Graphviz applies ``\N``-style
    escapes in HTML labels too), tabs and line breaks become
    spaces (a label breaks lines with ``<BR/>``) and control characters are
    made :func:`visible` (expat rejects them).

    Examples
    --------
    >>> dot_html('<FONT FACE="x">\\N</FONT>')
    '&lt;FONT FACE=&quot;x&quot;&gt;\\\\N&lt;/FONT&gt;'
    """
    flat = re.sub(r"[\t\n\r]", " ", text)
    return html.escape(visible(flat)).replace("\\", "\\\\").replace("]", "&#93;")


def html_text(text: str) -> str:
    r"""``text`` safe as HTML element text and as a quoted attribute value.

    ``& < > " '`` become entities; control characters are made
    :func:`visible`.

    Examples
    --------
    >>> html_text("<script>x='1'</script>")
    '&lt;script&gt;x=&#x27;1&#x27;&lt;/script&gt;'
    """
    return html.escape(visible(text))


#: ASCII punctuation that makes Markdown (CommonMark, GitHub's, marked) inline syntax
#: (``:``, ``@`` and the dot of ``www.`` would make GitHub's bare-URL and email links)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&@]|:(?=//)|(?<=[wW]{3})\.)")
#: the characters of :data:`_MARKDOWN_SPECIAL` (a plain class: searched several times faster)
_MARKDOWN_CHARS = re.compile(r"[\\`*_\[\]<>#|~&@]")
#: what starts a block at the beginning of a line once the above are escaped
_MARKDOWN_BLOCK_START = re.compile(r"^([-+=]|\d{1,9}(?=[.)]))")
#: where :func:`markdown_texts` escapes a block start: after a newline, before one
_MARKDOWN_LINE_STARTS = re.compile(r"\n(?=[-+=]|\d{1,9}[.)])")
#: what :func:`markdown_text` would escape by looking around (``://`` and ``www.``)
_MARKDOWN_AROUND = re.compile(r":(?=//)|(?<=[wW]{3})\.")
#: a character :func:`markdown_text` would make visible, or flatten as whitespace other
#: than a space or the newline :func:`markdown_texts` joins texts with (whitespace is
#: :meth:`str.isspace`, all of it below U+3001; one class, searched 4x faster than
#: ``[^\S \n]`` as an alternative)
_ODD = re.compile(
    "[{}{}]".format(
        _CONTROLS,
        re.escape("".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n")),
    )
)
#: a code span's text that is kept as it is: no whitespace, backtick or control character
_PLAIN_CODE = re.compile(f"[^\\s`{_CONTROLS}]+")


def markdown_text(text: str) -> str:
    r"""``text`` as inline Markdown that renders as written, also in a table cell.

    Whitespace runs (line breaks too) become one space, so the text cannot
    start a block after its first character; the punctuation of Markdown's
    inline syntax is backslash-escaped (``\ ` * _ [ ] < > # | ~ & @``, the ``:``
    of ``://`` and the dot of ``www.``), so no emphasis, link, autolink (GitHub's bare URLs too),
    entity, code span or raw HTML can form and ``|``
    cannot end a table cell; a leading ``-``, ``+``, ``=`` or ``1.`` is escaped
    too, so the text cannot start a list even at the beginning of a line.

    Examples
    --------
    >>> print(markdown_text("<script>x</script> **a** | `b`\n```"))
    \<script\>x\</script\> \*\*a\*\* \| \`b\` \`\`\`
    """
    flat = " ".join(visible(text).split())
    if _MARKDOWN_CHARS.search(flat) or ":/" in flat or "w." in flat or "W." in flat:
        # (most texts have nothing to escape, seen without the lookarounds: no substitution)
        flat = _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
    return "\\" + flat if _MARKDOWN_BLOCK_START.match(flat) else flat


def markdown_texts(texts: Sequence[str]) -> list[str]:
    r""":func:`markdown_text` of each of ``texts``, escaped together (a big map has 10^5).

    Texts already on one line, with single spaces and no control character
    (almost all), are joined by newlines and escaped in one pass: no escape
    reaches across a newline, and a block start is escaped at each line's
    start.  Any other batch is escaped text by text.

    Examples
    --------
    >>> markdown_texts(["1. a|b", "www.x", "- c"])
    ['\\1. a\\|b', 'www\\.x', '\\- c']
    >>> markdown_texts(["a\nb", "\x07"]) == [markdown_text("a\nb"), markdown_text("\x07")]
    True
    """
    if not texts:
        return []
    joined = "\n".join(texts)
    if (
        joined.count("\n") != len(texts) - 1  # a text of several lines
        or _ODD.search(joined)
        or "  " in joined
        or " \n" in joined
        or "\n " in joined
        or joined.startswith(" ")
        or joined.endswith(" ")
    ):
        return list(map(markdown_text, texts))
    if _MARKDOWN_CHARS.search(joined):
        joined = _MARKDOWN_CHARS.sub(r"\\\g<0>", joined)
    escaped = _MARKDOWN_LINE_STARTS.sub("\n\\\\", "\n" + joined)[1:].split("\n")
    if ":/" in joined or "w." in joined or "W." in joined:  # few texts: each on its own
        for k, text in enumerate(escaped):
            if ":/" in text or "w." in text or "W." in text:
                escaped[k] = _MARKDOWN_AROUND.sub(r"\\\g<0>", text)
    return escaped


def markdown_code(text: str) -> str:
    r"""``text`` as a Markdown code span: fenced by more backticks than it contains.

    Examples
    --------
    >>> print(markdown_code("a-b"), markdown_code("x`y"))
    `a-b` `` x`y ``
    """
    if _PLAIN_CODE.fullmatch(text):  # most ids: nothing to flatten, show or fence around
        return f"`{text}`"
    flat = " ".join(visible(text).split())
    runs = [len(r) for r in re.findall("`+", flat)] if "`" in flat else []
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if runs or flat.startswith(" ") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


_MERMAID_ENTITIES = {
    "#": "#35;",
    "%": "#37;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "|": "#124;",
    "[": "#91;",
    "]": "#93;",
    "{": "#123;",
    "}": "#125;",
}
_MERMAID_SPECIAL = re.compile("|".join(re.escape(c) for c in _MERMAID_ENTITIES))


def mermaid_text(text: str) -> str:
    r"""Text safe in a quoted Mermaid label and in a ``%%`` comment.

    Whitespace runs become one space (a label or comment is one line);
    Mermaid's specials become its entity codes (``#quot;``, ``#35;``…), so no
    text can leave a label's quotes, and with ``%``, ``{`` and ``}`` encoded no
    ``%%{init}%%`` directive can form.

    Examples
    --------
    >>> mermaid_text('a "b" #1 <i>\n c')
    'a #quot;b#quot; #35;1 #lt;i#gt; c'
    >>> mermaid_text("%%{init: {}}%%")
    '#37;#37;#123;init: #123;#125;#125;#37;#37;'
    """
    flat = " ".join(visible(text).split())
    return _MERMAID_SPECIAL.sub(lambda m: _MERMAID_ENTITIES[m.group()], flat)


def _terminal_char(char: str) -> str:
    return "\ufffd" if char in BIDI_CONTROLS else _picture(char)


_TERMINAL = re.compile(_CONTROL.pattern[:-1] + "".join(sorted(BIDI_CONTROLS)) + "]")


def terminal(text: str) -> str:
    r"""``text`` safe to print on a terminal: only newline and tab of the controls.

    Control characters are made :func:`visible` (no escape sequence, colour,
    clear-screen, hyperlink or carriage return reaches the terminal) and bidi
    controls become U+FFFD (no text is shown reordered).

    Examples
    --------
    >>> terminal("\x1b]8;;http://x/\x1b\\a\r\u202eb\tc")
    '␛]8;;http://x/␛\\a␍�b\tc'
    >>> terminal("plain\tASCII\n"), terminal("a bell\a")
    ('plain\tASCII\n', 'a bell␇')
    """
    if text.isascii() and len(text.encode().translate(None, _ASCII_CONTROLS)) == len(text):
        return text  # nothing to change, found in C (a regex scan takes twice as long)
    return _TERMINAL.sub(lambda m: _terminal_char(m.group()), text)


#: the ASCII characters :func:`terminal` changes (those its pattern finds)
_ASCII_CONTROLS = bytes(c for c in range(128) if _TERMINAL.match(chr(c)))


def json_terminal(text: str) -> str:
    r"""JSON text with every character :func:`terminal` would change written as ``\uXXXX``.

    Those characters only occur inside JSON strings, so the JSON means exactly
    the same; it just carries no control or bidi character to the terminal.

    Examples
    --------
    >>> import json
    >>> shown = json_terminal(json.dumps(["\u202e\x9b"], ensure_ascii=False))
    >>> shown, json.loads(shown) == ["\u202e\x9b"]
    ('["\\u202e\\u009b"]', True)
    """
    return _TERMINAL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
