"""The common case parsed by yaml-rs, proved to be what PyYAML would build.

yaml-rs (a Rust YAML 1.2 parser) builds the data of a map of 10^5 claims in
about 0.7 s of CPU, against 3.3 s for the walk over libyaml's events
(:mod:`argmap.fastyaml`) and 18 s for PyYAML's loader; with the checks below,
:func:`parse_quick` takes about 1.1 s.  It reads YAML 1.2,
gives no positions and accepts some syntax PyYAML refuses, so
:func:`parse_quick` uses it only where the result is shown to be PyYAML's,
and returns None (the caller takes :func:`argmap.fastyaml.parse_located`,
then PyYAML's loader, unchanged) whenever it is not sure.  Each kind of
difference, and what covers it:

- **Syntax.**  A cheap screen of the raw text (one byte translation keeps
  the few characters it counts or looks for; a regular expression runs only
  when one of them is present) leaves to PyYAML every text with a character YAML refuses or
  treats as a line break in 1.1 only (controls, tab, CR, NEL, LS, PS, BOM,
  non-characters), a tag, anchor, alias, block scalar, directive, reserved
  indicator, explicit key or flow mapping (``! & * | > % @ ` ? { }`` where
  a node starts), a backslash escape in a double-quoted text, and every flow
  sequence other than a one-line list of plain names (``[c1, c2]``: PyYAML
  and YAML 1.2 disagree on plain scalars in flow context, ``[:0]``), so what
  remains is block mappings and sequences of plain and quoted scalars, which
  both parsers read alike.  A ``:`` where a node starts is either plain text
  (``:x``, read alike) or an empty key, which yaml-rs gives as None and the
  type check below refuses.  A text yaml-rs refuses is PyYAML's to report,
  so every error message, with its line and column, stays PyYAML's.
- **Documents.**  A map is a mapping: any other result is left to PyYAML.
  yaml-rs gives a list for two documents or more (PyYAML refuses them), and
  one document read with or without ``---`` and ``...`` is read alike.
- **Depth.**  yaml-rs recurses in Rust: nested 10^5 deep it crashes the
  process.  In block style a collection starts no further right than its
  line's indent and '- ' markers, and each level but every other one moves
  right, so a text with no line indented by :data:`MAX_INDENT` columns nests
  at most about twice as deep; any other text is PyYAML's (which reports
  deep nesting as an error).
- **Duplicate keys and alias bombs.**  yaml-rs refuses a duplicate key
  (PyYAML's path then reports each one, located); aliases never get here.
- **Scalar types.**  YAML 1.1 types some plain scalars 1.2 leaves as text
  (``yes``, ``off``, ``1:20``, ``2001-01-01``, ``=``, ``<<``) and the other
  way round (``0o7``, ``1e3``, ``-.5``), and reads some differently
  (``010``).  Every string yaml-rs returns, keys included, is resolved with
  PyYAML's own implicit resolvers as if it were plain: if PyYAML would type
  it, PyYAML decides (a quoted ``'yes'`` costs a fallback, nothing more).
  Every other scalar (number, boolean, null) is checked by its spelling in
  the text: PyYAML's resolver and constructor must build the same value of
  the same type from it.
- **Positions.**  No parser gives them; :class:`_Locator` finds them in the
  text when a message needs one (the screen guarantees block style): the
  top-level keys and the items of each top-level list by one pass each, a
  deeper path by reading that item's own lines.  Each answer is checked
  against the data's own keys and lengths, and anything the lines do not
  make plain is asked of libyaml's events over that item's text alone, or,
  failing that, of PyYAML's node tree (:func:`argmap.fastyaml.positions`).

Examples
--------
>>> parsed = parse_quick("argmap: 1\\nclaims:\\n  - id: a\\n    supports: [b, c]\\n")
>>> parsed.data
{'argmap': 1, 'claims': [{'id': 'a', 'supports': ['b', 'c']}]}
>>> parsed.locate(("claims", 0, "supports", 1))
Pos(line=4, column=19)
>>> parse_quick("a: yes") is None  # a YAML 1.1 boolean: PyYAML's path decides
True
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable
from functools import cache
from itertools import accumulate, chain, islice, repeat
from typing import Any, Final

import yaml
from yaml.nodes import ScalarNode

from argmap.fastyaml import Parsed, positions, walk_positions
from argmap.model import Pos, YamlPath

__all__ = ["QUICK_FROM", "parse_quick", "screen"]

#: texts shorter than this (characters) are not worth importing yaml-rs for (10 ms):
#: libyaml's events parse them in about as long (0.2 ms per KB, against 0.05)
QUICK_FROM: Final = 64 * 1024

#: a character PyYAML refuses, or reads as a line break (NEL, LS, PS) or BOM; or a tab, CR
_ODD_CHAR: Final = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
)

#: a line indented by this many columns or more (spaces and '- ') may nest as deep: yaml-rs
#: would exhaust its stack (a crash, not an error) somewhere past 10^4 levels
MAX_INDENT: Final = 200

#: a line so indented
_DEEP: Final = re.compile(f"\n[ -]{{{MAX_INDENT}}}")

#: characters that mean something else where a node starts
_INDICATORS: Final = "!&*|>%@`{}?"

#: an indicator where a node starts (at a line's start or after '- ', ': ', '? ', '[', ', ')
_NODE_START: Final = re.compile(r"(?:^|[-:?,\[])[ ]*[!&*|>%@`{}?]", re.MULTILINE)

#: the one flow collection kept: a one-line list of plain names, at the end of its line
_FLOW: Final = re.compile(
    r"\[(?:[A-Za-z_][\w.-]*(?:, [A-Za-z_][\w.-]*)*)?\](?=[ ]*(?:\n|\Z))()", re.ASCII
)

#: first characters of a plain scalar that PyYAML's 1.1 resolvers may type ('' is null)
_TYPED_FIRST: Final = frozenset(
    c for c in yaml.resolver.Resolver.yaml_implicit_resolvers if c is not None
)


#: at most this many numbers, booleans and nulls are checked one by one
MAX_TYPED: Final = 2000


def screen(text: str) -> bool:
    """Whether ``text`` is written in the block style both parsers read alike.

    One pass (a byte translation) keeps the few characters the screen
    counts or looks for; the regular expressions that need their context
    run over the text only when one of those is there.

    Examples
    --------
    >>> screen("a: 1\\nb:\\n  - [x, y]\\n  - it's 'quoted'\\n")
    True
    >>> [screen(t) for t in ("a: &x 1", "a: [1, 2]", "a:\\tb", "? a")]
    [False, False, False, False]
    >>> screen("a: Why? Because R&D!")  # only where a node starts
    True
    """
    if not text.isascii() and _ODD_CHAR.search(text):
        return False
    seen = _seen(text)
    if seen.translate(None, _SEEN_PRINTABLE):  # a control character other than a newline
        return False
    if b"\\" in seen and b'"' in seen:
        return False
    if len(text) - len(text.lstrip(" -")) >= MAX_INDENT or _DEEP.search(text):
        return False
    indicators = "".join(c for c in _INDICATORS if ord(c) in seen)
    if indicators and _node_start(text, indicators):
        return False
    flows = seen.count(b"[")
    return flows == seen.count(b"]") and (not flows or len(_FLOW.findall(text)) == flows)


#: the printable characters the screen looks at
_SEEN_PRINTABLE: Final = b'[]\\"' + _INDICATORS.encode()

#: the bytes the screen does not look at: a newline, UTF-8's other than ASCII, and every
#: printable one but those above (controls and DEL stay, to be refused)
_UNSEEN: Final = bytes(
    c
    for c in range(256)
    if c == 0x0A or c > 0x7F or (0x20 <= c < 0x7F and c not in _SEEN_PRINTABLE)
)

#: characters of text encoded and translated at a time (the memory, once touched, is reused)
_CHUNK: Final = 2**20


def _seen(text: str) -> bytes:
    """The characters of ``text`` the screen looks at, in UTF-8: all but those of ``_UNSEEN``.

    >>> _seen("a: [b, c]\\n- 'd' # \u00e9?")
    b'[]?'
    """
    return b"".join(
        [
            text[at : at + _CHUNK].encode("utf-8").translate(None, _UNSEEN)
            for at in range(0, len(text), _CHUNK)
        ]
    )


#: characters of text per character :func:`_node_start` may look at before it leaves the search
#: to the regular expression (which takes as long as ~50 looks per 64 characters)
_LOOKS_PER: Final = 64


def _node_start(text: str, indicators: str = _INDICATORS) -> bool:
    """Whether an indicator stands where a node starts: ``_NODE_START.search(text)``.

    The regular expression tries every position (0.9 s on 24 MB); each of
    the ``indicators`` the text holds is found at memory speed instead, and
    what precedes it looked at: at most one character in :data:`_LOOKS_PER`
    of the text (then the regular expression searches, at most 20% later).

    >>> _node_start("a: Why? Because R&D!"), _node_start("a:\\n  - ? b"), _node_start("  &a x")
    (False, True, True)
    """
    looks = max(len(text) // _LOOKS_PER, 1000)
    for c in indicators:
        at = text.find(c)
        while at >= 0:
            start = at
            while start and text[start - 1] == " ":
                start -= 1
            looks -= at - start + 1
            if looks < 0:
                return _NODE_START.search(text) is not None
            if not start or text[start - 1] in "\n-:?,[":
                return True
            at = text.find(c, at + 1)
    return False


def parse_quick(text: str) -> Parsed | None:
    """The data of ``text`` and its locator, parsed by yaml-rs; None unless sure it is PyYAML's.

    Examples
    --------
    >>> parse_quick("claims:\\n  - id: a\\n    base: 0.25\\n").data
    {'claims': [{'id': 'a', 'base': 0.25}]}
    >>> [parse_quick(t) for t in ("a: 010", "a: 1e3", "a: 1:20", "a: 1\\na: 2", "a: [1")]
    [None, None, None, None, None]
    """
    if not screen(text):
        return None
    import yaml_rs  # 10 ms of start-up, paid only by a map that gets here

    collecting = gc.isenabled()
    gc.disable()  # yaml-rs only adds objects: the collector's passes would find nothing
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # any refusal is PyYAML's to report
        return None
    finally:
        if collecting:
            gc.enable()
    if data.__class__ is not dict:  # a map is a mapping; yaml-rs gives a list for two documents
        return None
    try:
        typed = _typed_scalars(data)
    except RecursionError:  # nested deeper than Python recurses: PyYAML's path says what to do
        return None
    if typed is None:
        return None
    locator = _Locator(text, data)
    if not all(_same_as_pyyaml(locator.spelling(path), value) for path, value in typed):
        return None
    return Parsed(data, locator, screened=True)


def _typed_scalars(data: dict[Any, Any]) -> list[tuple[YamlPath, Any]] | None:
    """The path and value of each scalar that is not a string; None if PyYAML would differ.

    None also when a string would not stay a string for PyYAML if plain, a
    key is not a string, or there are more than :data:`MAX_TYPED` scalars.
    """
    risky: list[str] = []
    keys: set[Any] = set(data)
    # the top level's own scalars (argmap: 1) are found with their paths at once
    top: list[tuple[YamlPath, Any]] = [
        ((k,), v) for k, v in data.items() if v.__class__ not in _NOT_TYPED
    ]
    deeper = _scan(data.values(), risky, keys) - len(top)
    if len(top) + deeper > MAX_TYPED or any(k.__class__ is not str for k in keys):
        return None
    if any(_pyyaml_types(s) for s in (*risky, *keys)):
        return None
    return _typed_paths(data) if deeper else top


_NOT_TYPED: Final = frozenset({str, dict, list})


def _scan(values: Iterable[Any], risky: list[str], keys: set[Any]) -> int:
    """How many scalars in and below ``values`` are not strings.

    Strings PyYAML might type are added to ``risky``; the keys of mappings
    to ``keys``.  A level at a time: the values of a mapping are looked at
    with it (a map is mostly a list of mappings of strings), and the
    collections met are scanned together, one call deeper (a nesting deeper
    than Python recurses raises RecursionError, as before).
    """
    typed = 0
    below: list[Iterable[Any]] = []  # the collections met, to scan next
    for v in values:
        kind = v.__class__
        if kind is dict:
            if not keys.issuperset(v):
                keys.update(v)
            for w in v.values():
                kind = w.__class__
                if kind is str:
                    if not w or w[0] in _TYPED_FIRST:
                        risky.append(w)
                elif kind is list:
                    below.append(w)
                elif kind is dict:
                    below.append((w,))
                else:
                    typed += 1
        elif kind is str:
            if not v or v[0] in _TYPED_FIRST:
                risky.append(v)
        elif kind is list:
            below.append(v)
        else:
            typed += 1
    return typed + _scan(chain.from_iterable(below), risky, keys) if below else typed


def _typed_paths(data: dict[Any, Any]) -> list[tuple[YamlPath, Any]]:
    """Each scalar in ``data`` that is not a string, with its path."""
    found: list[tuple[YamlPath, Any]] = []
    stack: list[tuple[Any, YamlPath]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        for key, value in node.items() if node.__class__ is dict else enumerate(node):
            kind = value.__class__
            if kind is dict or kind is list:
                stack.append((value, (*path, key)))
            elif kind is not str:
                found.append(((*path, key), value))
    return found


def _pyyaml_types(value: str) -> bool:
    """Whether PyYAML's 1.1 resolvers would type ``value`` if it were written plain.

    >>> [_pyyaml_types(s) for s in ("yes", "Then", "1:20", "2001-01-01", "=", "", "c0")]
    [True, False, True, True, True, True, False]
    """
    if len(value) > 5 and value[0].isalpha():  # the typed words are short (false, null)
        return False
    return _resolve(value) != _STR


_STR: Final = "tag:yaml.org,2002:str"
_RESOLVER: Final[Any] = yaml.resolver.Resolver()


def _resolve(value: str) -> str:
    """The tag PyYAML's implicit resolvers give ``value`` written plain."""
    return str(_RESOLVER.resolve(ScalarNode, value, (True, False)))


def _same_as_pyyaml(spelling: str | None, value: Any) -> bool:
    """Whether PyYAML builds ``value`` (same type, same value) from the plain ``spelling``.

    >>> _same_as_pyyaml("0.5", 0.5), _same_as_pyyaml("010", 10), _same_as_pyyaml("~", None)
    (True, False, True)
    """
    if spelling is None:
        return False
    tag = _resolve(spelling)
    construct = yaml.SafeLoader.yaml_constructors.get(tag)
    if construct is None or tag in {_STR, "tag:yaml.org,2002:merge"}:
        return False
    try:
        built = construct(yaml.SafeLoader(""), ScalarNode(tag, spelling))
    except (ValueError, TypeError, OverflowError, yaml.YAMLError):
        return False
    return type(built) is type(value) and repr(built) == repr(value)


#: one line of block style: indent, '- ' markers, then a key and its inline value, or a value
_LINE: Final = re.compile(
    r"(?P<indent> *)(?P<dashes>(?:-(?: +|$))*)"
    r"(?:(?P<key>[^\s'\"#:\[\]{},!&*|>%@`?-][^\n:#]*?) *:(?: +|$)(?P<value>.*)|(?P<item>.*))"
)

#: a '-' that starts an item
_DASH: Final = re.compile(r"-( +|$)")

#: a plain or flow value as written, without a trailing comment
_VALUE_END: Final = re.compile(r" +#.*$| +$")


class _Outline:
    """Where each key and item of a few lines of block style starts, and how its value is spelled.

    ``pos`` maps each path to its 1-based line and column, ``spelled`` each
    inline plain scalar to its text; ``ok`` is False where the lines are not
    that simple (a continued text, a quoted key, a comment after a quote).
    """

    def __init__(
        self, lines: list[str], first_line: int, item: tuple[int, YamlPath, int] | None = None
    ) -> None:
        """Outline ``lines``, the first numbered ``first_line``.

        ``item`` says they are one item of a list: the column of its '-', the
        list's path and the item's index; else they are keys of the top level.
        """
        self.pos: dict[YamlPath, Pos] = {}
        self.spelled: dict[YamlPath, str] = {}
        self.ok = True
        # open collections, innermost last: (column, is_sequence, path, items so far)
        self.stack: list[tuple[int, bool, YamlPath, int]] = []
        self.pending: YamlPath | None = ()  # a key or item waiting for its value below
        if item is not None:
            self.stack.append((item[0], True, item[1], item[2]))
            self.pending = None
        self.bare: YamlPath | None = None  # an item whose '-' ends its line
        for n, line in enumerate(lines, first_line):
            if self.ok and line.strip() and not line.lstrip().startswith("#"):
                self._line(line, n)

    def _open(self, column: int, sequence: bool, number: int) -> YamlPath | None:
        """The path of the collection a token at ``column`` belongs to (opening it if new)."""
        stack = self.stack
        # a list at a key's column is that key's value: a key there closes it
        while stack and (
            stack[-1][0] > column or (stack[-1][0] == column and stack[-1][1] and not sequence)
        ):
            stack.pop()
        if stack and stack[-1][0] == column and stack[-1][1] == sequence:
            self.pending = None
            return stack[-1][2]
        if stack and stack[-1][0] == column and not sequence:
            return None
        if self.pending is None:
            return None  # a deeper line after a value: a continuation PyYAML reads itself
        path = self.pending
        stack.append((column, sequence, path, 0))
        self.pending = None
        if path == self.bare:  # an item whose '-' ends its line starts here
            self.pos[path] = Pos(number, column + 1)
        return path

    def _line(self, line: str, number: int) -> None:
        m = _LINE.fullmatch(line)
        if m is None:
            self.ok = False
            return
        indent, dashes, key, value, item = m.groups()
        column = len(indent)
        if dashes:
            for dash in _DASH.finditer(dashes):
                path = self._open(column + dash.start(), True, number)
                if path is None:
                    self.ok = False
                    return
                at, seq, _, count = self.stack[-1]
                self.stack[-1] = (at, seq, path, count + 1)
                self.pending = (*path, count)
                self.pos[self.pending] = Pos(number, column + dash.end() + 1)
                self.bare = self.pending if not dash[1] else None
            column += len(dashes)
        if key is not None:
            path = self._open(column, False, number)
            if path is None:
                self.ok = False
                return
            key_path = (*path, key)
            self.pos[key_path] = Pos(number, column + 1)
            self._value(value, key_path, number, column + m.start(4) - m.start(3))
        elif self.pending is None or not dashes:
            self.ok = False
        else:
            self._value(item, self.pending, number, column)

    def _value(self, written: str, path: YamlPath, number: int, column: int) -> None:
        """Note an inline value; an empty one leaves ``path`` waiting for lines below."""
        value = _VALUE_END.sub("", written) if "#" in written or written[-1:] == " " else written
        if not value:  # a null, or a collection on the lines below
            self.spelled[path] = ""
            self.pending = path
            return
        self.pending = None
        if value[0] in "'\"":
            if len(value) < 2 or value[-1] != value[0]:
                self.ok = False  # a quoted text going on below
        elif value[0] == "[":
            start = column + 1
            for i, name in enumerate(value[1:-1].split(", ") if value != "[]" else []):
                self.pos[(*path, i)] = Pos(number, start + 1)
                self.spelled[(*path, i)] = name
                start += len(name) + 2
        else:
            self.spelled[path] = value


#: a line that starts at the left margin, other than a comment or a list's item
_TOP_KEY: Final = re.compile(r"\n(?=[^ \n#-])")

#: the first item of a block list, and its indent
_FIRST_ITEM: Final = re.compile(r"\n( *)-(?: |\n)")

#: the start of a list item's line up to its value, which must follow on that line
_ITEM_VALUE: Final = re.compile(r" *- *(?=[^ \n#])")


class _Locator:
    """Positions of the paths of a text on the fast path, found in its lines on demand."""

    def __init__(self, text: str, data: dict[Any, Any]) -> None:
        self.text = text
        self.data = data
        self.whole = cache(lambda: positions(text))
        self.top = cache(self._top)
        self.items = cache(self._items)
        self.outline = cache(self._outline)

    def __call__(self, path: YamlPath) -> Pos:
        for n in range(len(path), -1, -1):
            pos = self._find(path[:n])
            if pos is not None:
                return pos
        return Pos(1, 1)

    def many(self, paths: Iterable[YamlPath]) -> list[Pos]:
        """Where each of ``paths`` is, as calling the locator on each says, in one loop.

        The paths most asked for, an item of a top-level list (a claim,
        ``("claims", 7)``) and a name in a short-form relation's list
        (``("claims", 7, "opposes", 0)``), go straight to what reads them
        off their lines; another path, or one those lines do not answer,
        takes the call.
        """
        top = self.top()
        if top is None:
            return list(map(self, paths))
        short: dict[int, Callable[..., Pos | None]] = {2: self._item, 4: self._listed}
        found: list[Pos] = []
        for path in paths:
            way = short.get(len(path))
            if way is not None and path[0] in top and isinstance(path[1], int):
                pos = way(*path)
            else:
                pos = None
            found.append(self(path) if pos is None else pos)
        return found

    def spelling(self, path: YamlPath) -> str | None:
        """How the scalar at ``path`` is written, if it is inline and plain."""
        top = self.top()
        if top is None or not path or path[0] not in top:
            return None
        return self._region(path).spelled.get(path)

    def _find(self, path: YamlPath) -> Pos | None:
        top = self.top()
        if top is None:
            return self.whole().get(path)
        if not path:  # a mapping starts at its first key
            return Pos(next(iter(top.values()))[1], 1) if top else None
        if path[0] not in top:
            return None
        if len(path) == 1:
            return Pos(top[path[0]][1], 1)
        if len(path) == 2 and isinstance(path[1], int):
            pos = self._item(path[0], path[1])
            if pos is not None:
                return pos
        if len(path) == 4:  # a short-form relation, ("claims", i, "opposes", j): its line alone
            pos = self._listed(*path)
            if pos is not None:
                return pos
        return self._region(path).pos.get(path)

    def _top(self) -> dict[Any, tuple[int, int]] | None:
        """Each top-level key's offset and line, or None unless each starts a line of its own."""
        text = self.text
        starts = [0] if text[:1] not in " \n#-" else []
        starts += [m.start() + 1 for m in _TOP_KEY.finditer(text)]
        if len(starts) != len(self.data):
            return None
        found: dict[Any, tuple[int, int]] = {}
        line = 1
        previous = 0
        for key, start in zip(self.data, starts, strict=True):
            if not text.startswith(f"{key}:", start):
                return None
            line += text.count("\n", previous, start)
            previous = start
            found[key] = (start, line)
        return found

    def _end(self, key: Any) -> int:
        """Where the lines of top-level ``key`` end."""
        keys = list(self.top() or ())
        after = keys.index(key) + 1
        return (self.top() or {})[keys[after]][0] if after < len(keys) else len(self.text)

    def _items(self, key: Any) -> list[tuple[int, int]] | None:
        """The offset and line of each item of the top-level list ``key`` (None if unclear)."""
        top = self.top()
        value = self.data[key]
        if top is None or value.__class__ is not list:
            return None
        start, line = top[key]
        end = self._end(key)
        first = _FIRST_ITEM.search(self.text, start, end)
        if first is None:
            return None
        dash = re.compile(f"\n{first[1]}-(?=[ \n])")
        offsets = [m.start() + 1 for m in dash.finditer(self.text, start, end)]
        if len(offsets) != len(value):
            return None
        # each item's line: the line breaks between an item and the one before it, summed
        breaks = map(self.text.count, repeat("\n"), [start, *offsets], offsets)
        return list(zip(offsets, islice(accumulate(breaks, initial=line), 1, None), strict=True))

    def _item(self, key: Any, index: int) -> Pos | None:
        """Where item ``index`` of the top-level list ``key`` starts, if on its '-' line."""
        items = self.items(key)
        if items is None or not 0 <= index < len(items):
            return None
        offset, line = items[index]
        value = _ITEM_VALUE.match(self.text, offset)  # the indent, the '-', the spaces, a value
        return None if value is None else Pos(line, value.end() - offset + 1)

    def _listed(self, key: Any, index: Any, field: Any, j: Any) -> Pos | None:
        """Where name ``j`` of the list ``field`` of item ``index`` of list ``key`` is written.

        Read off the field's own line (``field: [a, b]``) or the lines of its
        block list (``- a``) when the item's lines are plain: the item a
        mapping starting on its '-' line, no quote in its lines (so no text
        runs on over lines that look like keys), the list all names on lines
        of their own, each as the data has it.  None when anything else is
        written (the caller outlines the item).
        """
        items = self.items(key)
        if items is None or index.__class__ is not int or not 0 <= index < len(items):
            return None
        value = self.data[key][index]
        names = value.get(field) if value.__class__ is dict else None
        if names.__class__ is not list or j.__class__ is not int or not 0 <= j < len(names):
            return None
        start, line = items[index]
        end = items[index + 1][0] if index + 1 < len(items) else self._end(key)
        text = self.text
        first = self._item(key, index)
        if first is None or text.find("'", start, end) >= 0 or text.find('"', start, end) >= 0:
            return None
        column = first.column - 1  # where the item's keys start
        at = start + column
        if not text.startswith(f"{field}:", at):  # not the item's first key: a line of its own
            found = text.find(f"\n{' ' * column}{field}:", start, end)
            if found < 0:
                return None
            line += text.count("\n", start, found + 1)
            at = found + 1 + column
        eol = text.find("\n", at, end)
        written = text[at + len(field) + 1 : end if eol < 0 else eol]  # after the ':'
        value_at = column + len(field) + 1
        if written[:1] not in {"", " "}:
            return None
        flow = written.strip(" ")
        if flow[:1] == "[" and flow[-1:] == "]":  # the screen lets through only '[a, b]'
            listed = flow[1:-1].split(", ") if flow != "[]" else []
            if listed != names:
                return None
            at_name = value_at + len(written) - len(written.lstrip(" ")) + 1
            return Pos(line, at_name + sum(map(len, listed[:j])) + 2 * j + 1)
        if flow and not flow.startswith("#"):
            return None
        below = text[at:end].split("\n")[1:] if eol >= 0 else []
        return self._block_item(below, line + 1, column, names, j)

    @staticmethod
    def _block_item(
        lines: list[str], number: int, column: int, names: list[Any], j: int
    ) -> Pos | None:
        """Where item ``j`` of the block list ``names`` is, in ``lines`` below a key at ``column``.

        None unless each item is one ``- name`` line, as the data has it.
        """
        found: list[Pos] = []
        indent = -1  # the list's '-' column, once met
        for n, written in enumerate(lines, number):
            content = written.lstrip(" ")
            if not content or content[0] == "#":
                continue
            at = len(written) - len(content)
            item = _DASH.match(content)
            if item is not None and at >= column and at == (indent if indent >= 0 else at):
                spelled = _VALUE_END.sub("", content[item.end() :])
                if not item[1] or len(found) >= len(names) or spelled != names[len(found)]:
                    return None  # a '-' ending its line, or not the name the data has
                indent = at
                found.append(Pos(n, at + item.end() + 1))
            elif at <= column and indent >= 0:  # the next key, or a line further left
                break
            else:  # a name going on over lines, or anything else
                return None
        return found[j] if len(found) == len(names) else None

    def _region(self, path: YamlPath) -> _Outline:
        """The outline of the item, or else the top-level entry, whose lines hold ``path``."""
        items = self.items(path[0])
        if items is not None and len(path) >= 2 and isinstance(path[1], int):
            return self.outline(path[0], path[1] if 0 <= path[1] < len(items) else None)
        return self.outline(path[0], None)

    def _outline(self, key: Any, index: int | None) -> _Outline:
        """The outline of top-level ``key``'s lines, or of its item ``index``'s lines.

        It is checked against the data's keys and items, and comes from
        libyaml's events over those lines where the lines alone do not
        answer, or else from PyYAML's node tree.
        """
        top = self.top() or {}
        items = self.items(key) if index is not None else None
        if items is None or index is None:
            start, line = top[key]
            end = self._end(key)
            prefix: YamlPath = (key,)
            lines = self.text[start:end]
            outline = _Outline(lines.split("\n"), line)
            expected = _paths(self.data[key], prefix)
        else:
            start, line = items[index]
            end = items[index + 1][0] if index + 1 < len(items) else self._end(key)
            prefix = (key, index)
            lines = self.text[start:end]
            dash = len(lines) - len(lines.lstrip(" "))
            outline = _Outline(lines.split("\n"), line, (dash, (key,), index))
            expected = _paths(self.data[key][index], prefix)
        if outline.ok and outline.pos.keys() == expected:
            return outline
        outline = _Outline([], line)
        found = walk_positions(lines)  # the item as item 0 of a list, or the key as it is
        if found is not None and index is not None:
            found = {(key, index, *p[1:]): pos for p, pos in found.items() if p}
        if found is None or found.keys() - {()} != expected:
            outline.pos = self.whole()
        else:
            outline.pos = {p: Pos(pos.line + line - 1, pos.column) for p, pos in found.items() if p}
        return outline


def _paths(value: Any, prefix: YamlPath) -> set[YamlPath]:
    """``prefix`` and the path of every key and item below ``value``, which it names."""
    found = {prefix}
    stack = [(value, prefix)] if value.__class__ is dict or value.__class__ is list else []
    while stack:
        node, path = stack.pop()
        for key, child in node.items() if node.__class__ is dict else enumerate(node):
            below = (*path, key)
            found.add(below)
            if child.__class__ is dict or child.__class__ is list:
                stack.append((child, below))
    return found
