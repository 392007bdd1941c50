"""Read an argmap YAML file into a :class:`~argmap.model.Map`.

Parsing and locating are kept apart: the document is parsed to plain data
(PyYAML's C parser when available, safe types only), and line/column
positions are computed from a second, lazy pass only when a message needs
one.  A faster parser can replace :func:`parse_yaml` without touching the
rest.

Examples
--------
>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "essay.txt").write_text("Cats purr. So cats are happy.")
>>> _ = (d / "m.yaml").write_text('''
... argmap: 1
... title: Cats
... source: essay.txt
... thesis: happy
... claims:
...   - {id: happy, text: Cats are happy., quote: So cats are happy, role: thesis}
...   - {id: purr, text: Cats purr., quote: Cats purr, role: evidence, supports: [happy]}
... ''')
>>> m = read_map(d / "m.yaml")
>>> [r.id for r in m.relations]
['purr--supports--happy']
>>> m.claim("purr").span
Span(start=0, end=9)
"""

from __future__ import annotations

import difflib
import gc
import re
import sys
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, Literal, TypeGuard

import yaml

from argmap import source as src
from argmap.errors import MAX_PER_CODE, ArgmapError, Diagnostic
from argmap.fastyaml import Parsed, parse_located, positions
from argmap.files import MAX_MAP_BYTES, MAX_SOURCE_BYTES, read_utf8
from argmap.model import (
    RELATION_VERBS,
    Claim,
    Map,
    Pos,
    Relation,
    RelationKind,
    Skip,
    Span,
    YamlPath,
    derived_relation_id,
)
from argmap.quickyaml import QUICK_FROM, parse_quick
from argmap.validate import validate

__all__ = [
    "CLAIM_FIELDS",
    "QUOTE_MODES",
    "RELATION_FIELDS",
    "SKIP_FIELDS",
    "TOP_FIELDS",
    "Field",
    "load_map",
    "parse_yaml",
    "read_map",
    "yaml_locator",
]

# the C parser is several times faster; fall back to pure Python
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: most values that aliases (``*name``) may add to a document: more is an alias bomb
MAX_ALIAS_VALUES = 100_000


@dataclass(frozen=True)
class Field:
    """One field of the format: its JSON type(s), whether required, a description."""

    types: tuple[str, ...]
    required: bool
    description: str
    items: str = "string"


TOP_FIELDS: dict[str, Field] = {
    "argmap": Field(("integer",), True, "format version, 1"),
    "title": Field(("string",), True, "title of the map"),
    "source": Field(("string",), True, "path of the source text, relative to this file"),
    "thesis": Field(("string",), True, "id of the main conclusion"),
    "speakers": Field(("object",), False, "speaker id to display name"),
    "claims": Field(("array",), True, "the claims", "object"),
    "relations": Field(("array",), False, "relations in explicit form", "object"),
    "skipped": Field(("array",), False, "sentences deliberately not encoded", "object"),
    "quotes": Field(
        ("string",), False, "how quotes match: exact (default) or typographic (quotes, dashes)"
    ),
}
#: values of ``quotes:``: what may differ between a quote and the source besides whitespace
QUOTE_MODES: dict[str, str] = {
    "exact": "nothing else",
    "typographic": "curly/straight quotes and apostrophes, dashes, the ellipsis, ligatures",
}
CLAIM_FIELDS: dict[str, Field] = {
    "id": Field(("string",), True, "kebab-case id, unique in the map"),
    "text": Field(("string",), True, "the claim in the encoder's own words"),
    "quote": Field(("string",), True, "verbatim span of the source stating the claim"),
    "occurrence": Field(("integer",), False, "which occurrence of a repeated quote: 1, 2, ..."),
    "role": Field(("string",), True, "rhetorical role"),
    "by": Field(("string",), False, "speaker id (default: authors)"),
    "tags": Field(("array",), False, "free tags"),
    "note": Field(("string",), False, "free note"),
    "base": Field(("number",), False, "base score in [0, 1] (default 0.5)"),
    "supports": Field(("array",), False, "claim ids this claim supports"),
    "opposes": Field(("array",), False, "claim ids this claim attacks"),
    "undercuts": Field(("array",), False, "relation ids whose inference this claim attacks"),
}
RELATION_FIELDS: dict[str, Field] = {
    "id": Field(("string",), False, "kebab-case id, needed only as an undercut target"),
    "type": Field(("string",), False, "support (default), opposition or undercut"),
    "from": Field(("string", "array"), True, "premise claim id(s); several = linked"),
    "to": Field(("string",), True, "target claim id (a relation id for undercut)"),
    "scheme": Field(("string",), False, "argumentation scheme"),
    "answered": Field(("array",), False, "critical questions the text answers"),
    "note": Field(("string",), False, "free note"),
}
SKIP_FIELDS: dict[str, Field] = {
    "quote": Field(("string",), True, "verbatim passage of the source"),
    "why": Field(("string",), True, "why it is not encoded"),
}

_SHORT_FORMS: dict[str, RelationKind] = {
    "supports": "support",
    "opposes": "opposition",
    "undercuts": "undercut",
}
_VERBS = RELATION_VERBS
#: each short form's key, relation kind and the verb of the ids derived for it
_SHORT_FORM_VERBS: tuple[tuple[str, RelationKind, str], ...] = tuple(
    (key, kind, _VERBS[kind]) for key, kind in _SHORT_FORMS.items()
)
#: the fields a claim cannot be built without
_CLAIM_NEEDS = frozenset({"id", "text", "quote", "role"})
_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "array": (list,),
    "object": (dict,),
}


_MERGE_TAG = "tag:yaml.org,2002:merge"
#: what a scalar of a YAML type must look like, for ``yaml-value`` messages
_TYPE_NAMES = {
    "tag:yaml.org,2002:int": "a whole number (!!int)",
    "tag:yaml.org,2002:float": "a number (!!float)",
    "tag:yaml.org,2002:bool": "a boolean (!!bool)",
    "tag:yaml.org,2002:timestamp": "a date (!!timestamp)",
}


#: what PyYAML's constructors raise on a value their type cannot hold (``!!int ''``)
_CONVERSION_ERRORS = (ValueError, LookupError, TypeError, AttributeError, ArithmeticError)


class _BadValueError(yaml.YAMLError):
    """A scalar that its tag (written, or implied by its form) cannot convert."""

    def __init__(self, node: yaml.Node, exc: Exception) -> None:
        super().__init__(str(exc))
        self.node = node
        self.exc = exc


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Safe loader that records duplicate keys instead of keeping the last.

    Merge keys (``<<: *defaults``) work as in YAML 1.1: the keys written next
    to them win, and are not duplicates of the merged ones.  A value its tag
    cannot convert (``!!int abc``, a date ``2020-13-45``, a 5,000-digit
    number) raises :class:`_BadValueError` with the value's node.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, yaml.Mark]] = []

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except _CONVERSION_ERRORS as exc:
            raise _BadValueError(node, exc) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):  # e.g. '!!set x': PyYAML's own error
            return super().construct_mapping(node, deep=deep)
        seen: set[Any] = set()
        for key_node, _value in node.value:
            if key_node.tag == _MERGE_TAG:
                continue
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str | int | float | bool) and key in seen:
                self.duplicates.append((str(key), key_node.start_mark))
            seen.add(key if isinstance(key, str | int | float | bool) else id(key))
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


def parse_yaml(text: str, file: str) -> Any:
    """Parse YAML text to plain data; duplicate keys and bad syntax raise ArgmapError.

    Examples
    --------
    >>> parse_yaml("a: 1\\nb: [x, y]", "m.yaml")
    {'a': 1, 'b': ['x', 'y']}
    >>> try:
    ...     parse_yaml("a: 1\\na: 2", "m.yaml")
    ... except ArgmapError as e:
    ...     print(e.diagnostics[0].code, e.diagnostics[0].line, e.diagnostics[0].column)
    duplicate-key 2 1
    """
    return _parse(text, file).data


def _parse(text: str, file: str) -> Parsed:
    """The data of ``text`` and its locator: a fast path when sure, else PyYAML's."""
    # yaml-rs where proved to build PyYAML's data, else libyaml's events straight to data
    quick = parse_quick(text) if len(text) >= QUICK_FROM else None
    fast = quick or parse_located(text)
    if fast is not None:
        return fast
    return Parsed(_parse_slow(text, file), yaml_locator(text))


def _parse_slow(text: str, file: str) -> Any:
    """PyYAML's loader: every problem raised as a located ArgmapError."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            _check_aliases(root, file)
        data = None if root is None else loader.construct_document(root)
    except _BadValueError as exc:
        raise ArgmapError([_bad_value_diagnostic(file, exc, text)]) from None
    except yaml.reader.ReaderError as exc:
        raise ArgmapError([_reader_diagnostic(file, exc, text)]) from None
    except yaml.constructor.ConstructorError as exc:
        raise ArgmapError([_mark_diagnostic(file, exc, unsafe=True)]) from None
    except _CONVERSION_ERRORS as exc:  # raised where no node is at hand: the document's start
        raise ArgmapError(
            [
                Diagnostic(
                    file,
                    1,
                    1,
                    "yaml-value",
                    f"invalid YAML value: {exc}",
                    "look for a !! tag and remove it, or quote the value to make it text",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise ArgmapError([_mark_diagnostic(file, exc, unsafe=False, text=text)]) from None
    finally:
        loader.dispose()
    if loader.duplicates:
        raise ArgmapError(
            Diagnostic(
                file,
                mark.line + 1,
                mark.column + 1,
                "duplicate-key",
                f"key {key!r} appears twice in one mapping",
                "YAML keeps only the last value; merge or rename the two entries",
            )
            for key, mark in loader.duplicates
        )
    return data


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_aliases(root: yaml.Node, file: str) -> None:
    """Raise ArgmapError ``yaml-alias`` for a recursive alias or an alias bomb.

    Aliases share nodes, so a few lines can stand for billions of values
    ("billion laughs"); counting each node's expanded size once keeps this
    check linear in the size of the file.
    """
    size: dict[int, int] = {}  # id(node) -> number of values it stands for
    active: set[int] = set()  # nodes whose children are being counted
    aliased: dict[int, yaml.Node] = {}  # nodes reached a second time, through an alias
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            active.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in _children(node))
        elif key in size:
            aliased[key] = node
        elif key in active:
            raise ArgmapError(
                [
                    _yaml_diagnostic(
                        file,
                        node.start_mark,
                        "yaml-alias",
                        "an alias (*name) refers to the value that contains it",
                        "argmap reads plain trees of data; write the value out instead",
                    )
                ]
            )
        else:
            active.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(_children(node)))
    if size[id(root)] - len(size) > MAX_ALIAS_VALUES:
        worst = max(aliased.values(), key=lambda n: size[id(n)])
        raise ArgmapError(
            [
                _yaml_diagnostic(
                    file,
                    worst.start_mark,
                    "yaml-alias",
                    f"aliases (*name) of this value expand the document by more than "
                    f"{MAX_ALIAS_VALUES:,} values (an alias bomb)",
                    "write repeated data out, or alias it without nesting aliases in aliases",
                )
            ]
        )


def _yaml_diagnostic(file: str, mark: yaml.Mark, code: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(file, mark.line + 1, mark.column + 1, code, message, hint)


#: a line holding a free-text field, whose value is the usual cause of a syntax error
_TEXT_KEY = re.compile(r"\s*(?:-\s+)?(?:quote|text|why|note|title)\s*:")


#: what PyYAML's constructor complained about -> (code, message, hint); the first match wins
_CONSTRUCTOR_PROBLEMS: dict[str, tuple[str, str, str]] = {
    "unhashable": (
        "invalid-type",
        "a key must be text or a number, not a list or mapping",
        "write the key as plain text",
    ),
    "could not determine a constructor": (
        "yaml-unsafe",
        "YAML tag not allowed: {}",
        "argmap reads plain data only; remove the !! tag",
    ),
    "for merging": (
        "invalid-type",
        "a merge key (<<) must name a mapping or a list of mappings: {}",
        "write '<<: *name' where '&name' marks a mapping",
    ),
    "": ("yaml-value", "invalid YAML value: {}", "remove the !! tag or fix the value"),
}


def _bad_value_diagnostic(file: str, exc: _BadValueError, text: str) -> Diagnostic:
    """``yaml-value`` at a scalar its type cannot convert."""
    value = str(exc.node.value)
    shown = value if len(value) <= 40 else value[:39] + "…"
    digits = sum(ch.isdigit() for ch in value)
    if exc.node.tag == "tag:yaml.org,2002:int" and digits > sys.get_int_max_str_digits():
        message = (
            f"a number of {digits:,} digits is longer than argmap reads "
            f"({sys.get_int_max_str_digits():,} digits)"
        )
    else:
        kind = _TYPE_NAMES.get(exc.node.tag, repr(exc.node.tag))
        message = f"{shown!r} cannot be read as {kind}"
    mark = exc.node.start_mark
    lines = text.splitlines()
    tagged = mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "!"
    hint = "quote the value to make it text"
    if tagged:
        hint = "remove the !! tag, or " + hint
    return _yaml_diagnostic(file, mark, "yaml-value", message, hint)


def _reader_diagnostic(file: str, exc: yaml.reader.ReaderError, text: str) -> Diagnostic:
    """A character YAML does not allow, located by line and column.

    libyaml reports a byte offset and PyYAML a character offset, so the place
    is that of the first occurrence of the character itself.

    >>> try:
    ...     parse_yaml("a: 1\\nb: caf\\u00e9 \\x1b[2J", "m.yaml")
    ... except ArgmapError as e:
    ...     print(e.diagnostics[0])
    m.yaml:2:9: error: yaml-syntax: character U+001B is not allowed in YAML, not even in quotes ...
    """
    at = max(text.find(chr(exc.character)), 0)
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    return Diagnostic(
        file,
        line,
        column,
        "yaml-syntax",
        f"character U+{exc.character:04X} is not allowed in YAML, not even in quotes",
        "delete it (it often comes from copy and paste); write it as an escape "
        "such as \\x1b inside double quotes if it is meant",
    )


def _mark_diagnostic(file: str, exc: yaml.YAMLError, *, unsafe: bool, text: str = "") -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = getattr(exc, "problem", None) or str(exc)
    if unsafe:
        for words, (code, message, hint) in _CONSTRUCTOR_PROBLEMS.items():
            if words in problem:
                return Diagnostic(file, line, column, code, message.format(problem), hint)
    context = getattr(exc, "context", None)
    message = f"{context}, {problem}" if context else problem
    start = getattr(exc, "context_mark", None)
    if start is not None and mark is not None and start.line != mark.line:
        message += f" (it started at line {start.line + 1}, column {start.column + 1})"
    hint = "check indentation, colons and quotes near this place; quote text containing ': ' or '#'"
    lines = text.splitlines()
    if mark and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
        hint = "YAML does not allow tabs for indentation: indent with spaces"
    elif any(
        _TEXT_KEY.match(lines[m.line])
        for m in (mark, start)
        if m is not None and m.line < len(lines)
    ):
        hint = (
            "a text with ': ', ' #', quotes or backslashes must be quoted: write it after "
            "'quote: >-' on the next line, indented, or in single quotes with each ' doubled "
            "(docs/format.md, 'Quoting quotes')"
        )
    return Diagnostic(file, line, column, "yaml-syntax", f"invalid YAML: {message}", hint)


def yaml_locator(text: str) -> Callable[[YamlPath], Pos]:
    """Return a function mapping a YAML path to its position, computed on first use.

    A path names a mapping key (the position of the key) or a list item.  An
    unknown path falls back to its longest known prefix.

    Examples
    --------
    >>> locate = yaml_locator("a:\\n  - x\\n  - {b: 1}\\n")
    >>> locate(("a", 1, "b"))
    Pos(line=3, column=6)
    >>> locate(("a", 7))
    Pos(line=1, column=1)
    """
    index = cache(lambda: positions(text))

    def locate(path: YamlPath) -> Pos:
        known = index()
        for n in range(len(path), -1, -1):
            found = known.get(path[:n])
            if found is not None:
                return found
        return Pos(1, 1)

    return locate


#: a claim whose short forms count: its place, the claim as written, its well-typed fields
_Written = tuple[int, dict[str, Any], dict[str, Any]]


class _Builder:
    """Turns parsed data into a Map, collecting every structural problem."""

    def __init__(self, file: str, locate: Callable[[YamlPath], Pos]) -> None:
        self.file = file
        self.locate = locate
        self.diagnostics: list[Diagnostic] = []
        self.broken: set[str] = set()  # ids of claims already reported as malformed

        self.unknown = 0  # unknown fields met

    def error(self, path: YamlPath, code: str, message: str, hint: str = "") -> None:
        pos = self.locate(path)
        self.diagnostics.append(Diagnostic(self.file, pos.line, pos.column, code, message, hint))

    def fields(
        self, data: Any, spec: Mapping[str, Field], path: YamlPath, what: str
    ) -> dict[str, Any] | None:
        """Check a mapping against a field table; return the well-typed fields."""
        if _well_formed(data, spec):
            return data  # kept whole: nothing changes it
        return self.checked_fields(data, spec, path, what)

    def checked_fields(
        self, data: Any, spec: Mapping[str, Field], path: YamlPath, what: str
    ) -> dict[str, Any] | None:
        """:meth:`fields`, field by field: the way that says what is wrong."""
        if not isinstance(data, dict):
            self.error(
                path,
                "invalid-type",
                f"{what} must be a mapping, not {_kind(data)}",
                f"write it as 'key: value' lines ({', '.join(spec)})",
            )
            return None
        good: dict[str, Any] = {}
        for key, value in data.items():
            name = key if type(key) is str else str(key)
            field = spec.get(name)
            if field is None:
                self.unknown += 1
                close = (  # past the reported ones, the costly suggestion is not made
                    difflib.get_close_matches(name, list(spec), n=1)
                    if self.unknown <= MAX_PER_CODE
                    else []
                )
                hint = (
                    f"did you mean {close[0]!r}?" if close else f"known fields: {', '.join(spec)}"
                )
                self.error(
                    (*path, key), "unknown-field", f"{what} has unknown field {name!r}", hint
                )
                continue
            if value is None and not field.required:
                continue
            types = field.types
            if not isinstance(value, _python_types(types)) or (
                isinstance(value, bool) and "boolean" not in types
            ):
                self.error(
                    (*path, key),
                    "invalid-type",
                    f"{what} field {name!r} must be {' or '.join(types)}, not {_kind(value)}",
                    f"write a list: [{value}]"
                    if types == ("array",) and isinstance(value, str)
                    else "quote text that YAML might read as another type",
                )
                continue
            if field.items == "string" and type(value) is list:
                bad = [i for i, item in enumerate(value) if not isinstance(item, str)]
                for i in bad:
                    self.error(
                        (*path, key, i),
                        "invalid-type",
                        f"{what} field {name!r} item {i} must be a string, not {_kind(value[i])}",
                        "write ids and tags as plain strings",
                    )
                if bad:
                    continue
            good[name] = value
        for name in _required(spec):
            if name not in good and name not in data:
                code = "missing-thesis" if name == "thesis" and what == "map" else "missing-field"
                self.error(
                    path,
                    code,
                    f"{what} has no {name!r}",
                    f"add '{name}:' ({spec[name].description})",
                )
        return good

    def claims(
        self, items: list[Any], quotes: _Quotes | None = None
    ) -> tuple[list[Claim], list[Relation]]:
        """The claims of ``items`` and their short-form relations; ``quotes`` places them."""
        shape = _shape(CLAIM_FIELDS)
        fine = all(map(_fits, items, repeat(shape)))  # the usual map: every claim kept whole
        if fine:
            at: Sequence[int] = range(len(items))
            fields: Collection[str] = shape.written()  # what no claim has is not looked for
            columns, fine = _claim_columns(items, at, fields)
            written: Iterable[_Written] = zip(at, items, items, strict=True)
        if not fine:  # a claim to report: each is looked at
            at, good, written = self.checked_claims(items)
            fields = CLAIM_FIELDS.keys()
            columns, _fine = _claim_columns(good, at)
        if quotes is not None:
            occurrence = columns["occurrence"]
            ones = (
                map(max, repeat(1), occurrence) if any(occurrence) else repeat(1, len(occurrence))
            )
            wanted = list(zip(columns["quote"], ones, strict=True))
            placed = quotes.place_all(wanted)
            for k, name in enumerate(("span", "paragraph", "found")):
                columns[name] = list(map(itemgetter(k), placed))
        return Claim.all_of(columns), _short_forms(written, fields)

    def checked_claims(
        self, items: list[Any]
    ) -> tuple[list[int], list[dict[str, Any]], list[_Written]]:
        """The claims of ``items`` looked at one by one, reporting each mistake.

        Their places in ``items``, their well-typed fields, and ``(place, claim as
        written, its fields)`` of each claim whose short forms count (its id known).
        """
        at: list[int] = []
        good: list[dict[str, Any]] = []
        written: list[_Written] = []
        shape = _shape(CLAIM_FIELDS)
        for i, item in enumerate(items):
            if _fits(item, shape):  # the usual claim: kept whole, with every field it needs
                f = item
            else:  # any other is checked field by field
                checked = self.checked_fields(item, CLAIM_FIELDS, ("claims", i), f"claim #{i + 1}")
                if checked is None:
                    continue
                f = checked
                if not f.keys() >= _CLAIM_NEEDS:
                    if "id" in f:  # reported already: references to it are no further mistakes
                        self.broken.add(f["id"])
                        written.append((i, item, f))
                    continue
            if f.get("occurrence", 1) < 1:
                self.error(
                    ("claims", i, "occurrence"),
                    "invalid-type",
                    f"claim {f['id']!r} has occurrence {f['occurrence']}",
                    "count from 1: 'occurrence: 2' is the second place the quote occurs",
                )
            at.append(i)
            good.append(f)
            written.append((i, item, f))
        return at, good, written

    def relations(self, items: list[Any]) -> list[Relation]:
        """The relations written in explicit form, as ``items``."""
        rows: list[tuple[Any, ...]] = []  # the fields of each relation, in _RELATION_COLUMNS
        for i, item in enumerate(items):
            path: YamlPath = ("relations", i)
            f = self.fields(item, RELATION_FIELDS, path, f"relation #{i + 1}")
            if f is None or not {"from", "to"} <= f.keys():
                continue
            kind = f.get("type", "support")
            if kind not in _VERBS:
                self.error(
                    (*path, "type"),
                    "invalid-type",
                    f"relation #{i + 1} has type {kind!r}",
                    "use support, opposition or undercut",
                )
                continue
            premises = tuple([f["from"]] if isinstance(f["from"], str) else f["from"])
            if not premises:
                self.error(
                    (*path, "from"),
                    "missing-field",
                    f"relation #{i + 1} has no premise",
                    "name at least one claim id in 'from:'",
                )
                continue
            rows.append(
                (
                    f.get("id") or _relation_id(kind, premises, f["to"]),
                    kind,
                    premises,
                    f["to"],
                    f.get("scheme", ""),
                    f.get("note", ""),
                    tuple(f.get("answered", ())),
                    path,
                )
            )
        if not rows:
            return []
        return Relation.all_of(dict(zip(_RELATION_COLUMNS, zip(*rows, strict=True), strict=True)))

    def skipped(self, items: list[Any], quotes: _Quotes | None = None) -> list[Skip]:
        """The skipped passages of ``items``; ``quotes`` finds them in the source."""
        good: list[tuple[int, dict[str, Any]]] = []
        for i, item in enumerate(items):
            f = self.fields(item, SKIP_FIELDS, ("skipped", i), f"skipped #{i + 1}")
            if f is not None and {"quote", "why"} <= f.keys():
                good.append((i, f))
        placed = quotes.place_all([(f["quote"], 1) for _i, f in good]) if quotes else None
        return [
            Skip(f["quote"], f["why"], placed[k][0] if placed else None, origin=("skipped", i))
            for k, (i, f) in enumerate(good)
        ]


def _required(spec: Mapping[str, Field]) -> list[str]:
    """The names of the required fields of ``spec`` (the tables above: worked out once).

    >>> _required(SKIP_FIELDS)
    ['quote', 'why']
    """
    known = _REQUIRED.get(id(spec))
    if known is None or known[0] is not spec:
        known = _REQUIRED[id(spec)] = (spec, [n for n, f in spec.items() if f.required])
    return known[1]


_REQUIRED: dict[int, tuple[Mapping[str, Field], list[str]]] = {}


@dataclass(frozen=True)
class _Shape:
    """What a mapping of a field table usually is: the Python types of each field."""

    types: dict[str, frozenset[type]]
    required: frozenset[str]
    lists: frozenset[str]  # fields of lists of strings
    #: the layouts of well-formed mappings met so far (keys, then their values' types), each
    #: with the fields whose items must still be checked
    layouts: dict[tuple[Any, ...], tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, spec: Mapping[str, Field]) -> _Shape:
        return cls(
            {n: frozenset(_python_types(f.types)) for n, f in spec.items()},
            frozenset(_required(spec)),
            frozenset(n for n, f in spec.items() if "array" in f.types and f.items == "string"),
        )

    def written(self) -> frozenset[str]:
        """The fields of the layouts met so far; all fields if some were too many to remember.

        >>> shape = _Shape.of(SKIP_FIELDS)
        >>> _fits({"quote": "A b.", "why": "aside"}, shape), sorted(shape.written())
        (True, ['quote', 'why'])
        """
        layouts = tuple(self.layouts)  # at once: a loader in another thread may add one
        if len(layouts) >= _MAX_LAYOUTS:
            return frozenset(self.types)
        return frozenset(name for layout in layouts for name in layout[: len(layout) // 2])

    def lists_of(self, layout: tuple[Any, ...]) -> tuple[str, ...] | Literal[False]:
        """Whether mappings of ``layout`` (keys, then their values' types) are well formed.

        False if not; else the fields whose items must still be checked.
        """
        half = len(layout) // 2
        keys, kinds = layout[:half], layout[half:]
        types = self.types
        if not self.required <= set(keys) <= types.keys():
            return False
        if any(kind not in types[name] for name, kind in zip(keys, kinds, strict=True)):
            return False
        return tuple(n for n, k in zip(keys, kinds, strict=True) if k is list and n in self.lists)


_SHAPES: dict[int, tuple[Mapping[str, Field], _Shape]] = {}
#: most layouts of well-formed mappings a :class:`_Shape` remembers (a map has a few)
_MAX_LAYOUTS = 1024


def _shape(spec: Mapping[str, Field]) -> _Shape:
    """The :class:`_Shape` of a field table (worked out once)."""
    known = _SHAPES.get(id(spec))
    if known is None or known[0] is not spec:
        known = _SHAPES[id(spec)] = (spec, _Shape.of(spec))
    return known[1]


def _well_formed(data: Any, spec: Mapping[str, Field]) -> TypeGuard[dict[str, Any]]:
    """Whether ``data`` is a mapping of known fields, each of its type, all required ones there.

    Such a mapping is what :meth:`_Builder.fields` keeps whole; this check
    is its fast path (booleans are not numbers, and empty values go the slow way).

    >>> _well_formed({"quote": "A b.", "why": "aside"}, SKIP_FIELDS)
    True
    >>> _well_formed({"quote": "A b.", "why": None}, SKIP_FIELDS)
    False
    """
    return _fits(data, _shape(spec))


def _fits(data: Any, shape: _Shape) -> TypeGuard[dict[str, Any]]:
    """:func:`_well_formed` against the shape of the table.

    Most mappings share a few layouts (their keys, and the types of their
    values), each judged once: only the items of lists are then looked at.
    """
    if type(data) is not dict:
        return False
    layout = (*data, *map(type, data.values()))
    lists = shape.layouts.get(layout)
    if lists is None:
        judged = shape.lists_of(layout)
        if judged is False:
            return False
        lists = judged
        if len(shape.layouts) < _MAX_LAYOUTS:  # kept: well formed, and not too many
            shape.layouts[layout] = lists
    for name in lists:
        for item in data[name]:
            if type(item) is not str:
                return False
    return True


@cache
def _python_types(types: tuple[str, ...]) -> tuple[type, ...]:
    """The Python types of values of the JSON ``types``.

    >>> _python_types(("string", "array"))
    (<class 'str'>, <class 'list'>)
    """
    return tuple(t for n in types for t in _PY_TYPES[n])


def _short_forms(
    written: Iterable[_Written], fields: Collection[str] = _SHORT_FORMS
) -> list[Relation]:
    """The relations written on claims as supports/opposes/undercuts, in the claims' order.

    Each of ``written`` is a claim's place, the claim as written and its
    well-typed fields: 'supports: x' is reported as not a list, and its
    relation still counts, for the rest.  Their ids are those
    :func:`~argmap.model.derived_relation_id` gives.  Only the short forms
    in ``fields`` are looked for (the others: no claim has them).

    >>> [(r.id, r.origin) for r in _short_forms([(3, {"id": "a", "opposes": "b"}, {"id": "a"})])]
    [('a--opposes--b', ('claims', 3, 'opposes', 0))]
    """
    forms = [form for form in _SHORT_FORM_VERBS if form[0] in fields]
    rows = [
        (f"{premises[0]}--{verb}--{target}", kind, premises, target, ("claims", i, key, j))
        for i, item, f in (written if forms else ())
        for key, kind, verb in forms
        if key in item
        for premises in ((f["id"],),)
        for j, target in enumerate([item[key]] if isinstance(item[key], str) else f.get(key, ()))
    ]
    if not rows:
        return []
    ids, kinds, premises, targets, origins = zip(*rows, strict=True)
    return Relation.all_of(
        {"id": ids, "kind": kinds, "premises": premises, "target": targets, "origin": origins}
    )


#: the fields of a relation in the order :meth:`_Builder.relations` reads them
_RELATION_COLUMNS = ("id", "kind", "premises", "target", "scheme", "note", "answered", "origin")
#: the fields every claim has, read in one pass
_CLAIM_NEEDED = itemgetter("id", "text", "quote", "role")
#: the other fields of a claim: their value when not written, and how a written one is kept
_CLAIM_OPTIONAL: dict[str, tuple[Any, Callable[[Any], Any] | None]] = {
    "by": ("authors", None),
    "tags": ((), tuple),
    "note": ("", None),
    "base": (0.5, float),
}


def _claim_columns(
    good: list[dict[str, Any]], at: Sequence[int], written: Collection[str] = CLAIM_FIELDS
) -> tuple[dict[str, Sequence[Any]], bool]:
    """The fields of the claims ``good`` (at places ``at`` of the map's claims), field by field.

    And whether every occurrence written is at least 1 (else a mistake to report).
    Optional fields not in ``written`` (none of ``good`` has them) are not looked for.

    >>> columns, fine = _claim_columns([{"id": "a", "text": "A.", "quote": "A", "role": "x"}], [4])
    >>> columns["by"], columns["base"], columns["occurrence"], columns["origin"], fine
    (('authors',), (0.5,), (0,), (('claims', 4),), True)
    >>> _claim_columns([{"id": "a", "text": "", "quote": "", "role": "", "occurrence": 0}], [4])[1]
    False
    """
    n = len(good)
    needed = zip(*map(_CLAIM_NEEDED, good), strict=True) if n else repeat((), 4)
    columns: dict[str, Sequence[Any]] = dict(
        zip(("id", "text", "quote", "role"), needed, strict=True)
    )
    for name, (default, keep) in _CLAIM_OPTIONAL.items():
        if name not in written:
            columns[name] = (default,) * n
            continue
        column = map(dict.get, good, repeat(name), repeat(default))
        columns[name] = tuple(column if keep is None else map(keep, column))
    occurrence = tuple(map(dict.get, good, repeat("occurrence"))) if "occurrence" in written else ()
    counts = {o for o in occurrence if o is not None}
    columns["occurrence"] = tuple(0 if o is None else o for o in occurrence) if counts else (0,) * n
    columns["origin"] = tuple(zip(repeat("claims"), at))
    return columns, not counts or bool(min(counts) >= 1)


_relation_id = derived_relation_id


def _kind(value: Any) -> str:
    names = {
        str: "text",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a mapping",
        type(None): "empty",
    }
    return names.get(type(value), type(value).__name__)


def load_map(
    text: str, file: str = "<map>", base_dir: Path | None = None, *, source_anywhere: bool = False
) -> Map:
    """Build and validate a Map from YAML text; raise ArgmapError listing every problem.

    ``base_dir`` is where ``source:`` is looked up (the map file's folder);
    without it the source is not read and quotes are not checked.  The source
    must lie in ``base_dir`` or below (after following symbolic links) unless
    ``source_anywhere`` is true, be a regular file of at most
    :data:`~argmap.files.MAX_SOURCE_BYTES` and hold some text.
    """
    collecting = gc.isenabled()
    gc.disable()  # loading only adds objects: the collector's passes would cost more than it
    try:
        return _load(text, file, base_dir, source_anywhere=source_anywhere)
    finally:
        if collecting:
            gc.enable()


def _load(text: str, file: str, base_dir: Path | None, *, source_anywhere: bool) -> Map:
    data, locate, screened = _parse(text, file)
    b = _Builder(file, locate)
    top = b.fields(data, TOP_FIELDS, (), "map")
    if top is None:
        raise ArgmapError(b.diagnostics)
    if "argmap" in top and top["argmap"] != 1:
        b.error(
            ("argmap",),
            "unsupported-version",
            f"format version {top['argmap']!r} is not supported",
            "this argmap reads version 1; write 'argmap: 1'",
        )
    # the source is read first, so that claims are built placed in it; its problems are
    # reported after the claims', as they always were
    later = _Builder(file, locate)
    source_text, quotes = _source(later, top, base_dir, source_anywhere=source_anywhere)
    finder = _Quotes(source_text, quotes == "typographic") if source_text else None
    claims, relations = b.claims(top.get("claims", []), finder)
    derived = len(relations)  # the short forms: their ids are the ones argmap derives
    relations += b.relations(top.get("relations", []))
    skipped = b.skipped(top.get("skipped", []), finder)
    speakers = top.get("speakers", {})
    for key, value in speakers.items():
        if not isinstance(value, str):
            b.error(
                ("speakers", key),
                "invalid-type",
                f"speaker {key!r} must have a display name",
                f"write '{key}: Display Name'",
            )
    if top.get("thesis") == "":
        b.error(
            ("thesis",),
            "missing-thesis",
            "'thesis:' is empty",
            "set 'thesis:' to the id of the main conclusion",
        )
    b.diagnostics += later.diagnostics
    m = Map(
        title=top.get("title", ""),
        thesis=top.get("thesis", ""),
        source=top.get("source", ""),
        claims=tuple(claims),
        relations=tuple(relations),
        source_text=source_text,
        file=file,
        speakers={str(k): str(v) for k, v in speakers.items()},
        skipped=tuple(skipped),
        locate=locate,
        quotes=quotes,
    )
    diagnostics = b.diagnostics + validate(
        m, reported=frozenset(b.broken), raw=text, derived=derived, screened=screened
    )
    if any(d.severity == "error" for d in diagnostics):
        raise ArgmapError(diagnostics)
    return m


def _source(
    b: _Builder, top: dict[str, Any], base_dir: Path | None, *, source_anywhere: bool
) -> tuple[str, str]:
    """The text of the map's source ("" if none or unusable) and how its quotes match."""
    source_text = ""
    if "source" in top and base_dir is not None:
        source_text = _read_source(b, base_dir, top["source"], source_anywhere=source_anywhere)
    quotes = top.get("quotes", "exact")
    if quotes not in QUOTE_MODES:
        b.error(
            ("quotes",),
            "invalid-type",
            f"'quotes: {quotes}' is not a way to match quotes",
            f"use {' or '.join(QUOTE_MODES)}",
        )
        quotes = "exact"
    return source_text, quotes


def _read_source(b: _Builder, base_dir: Path, source: str, *, source_anywhere: bool) -> str:
    """The text of the map's source, or "" after reporting why it cannot be used."""
    path = base_dir / source
    if not source_anywhere and not _inside(path, base_dir):
        b.error(
            ("source",),
            "source-outside",
            f"the source {source!r} is outside the map's folder",
            "put the essay in the map's folder or below it; to read it where it is, "
            "pass --allow-source-anywhere (only for a map you trust)",
        )
        return ""
    try:
        text = read_utf8(path, "source-not-found", "source", limit=MAX_SOURCE_BYTES)
    except ArgmapError as exc:
        d = exc.diagnostics[0]
        hint = d.hint
        if d.message.startswith("no such file"):
            hint = "give the path of the essay relative to the map file"
        b.error(("source",), d.code, f"cannot read the source: {d.message}", hint)
        return ""
    if not text.strip():
        b.error(
            ("source",),
            "empty-source",
            f"the source {source!r} has no text, so no quote could be checked",
            "give the path of the essay the claims quote",
        )
    return text


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or below it once symbolic links are followed.

    A path that cannot be resolved (a loop of links, a NUL byte) counts as
    inside: reading it then reports the actual problem.

    >>> _inside(Path("/tmp/a/../b.txt"), Path("/tmp/a"))
    False
    """
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):
        return True


class _Quotes:
    """Finds quotes in the source text and the paragraphs they start in."""

    def __init__(self, text: str, typographic: bool) -> None:
        self.text = text
        self.typographic = typographic
        self.paragraphs = src.paragraphs(text)

    def place_all(self, quotes: list[tuple[str, int]]) -> list[tuple[Span | None, int, int]]:
        """For each ``(quote, occurrence)``: its span, paragraph and count (None, 0: not found).

        The count is how often the quote occurs, up to ``max(2, occurrence)``.
        """
        found = src.find_quotes(self.text, quotes, typographic=self.typographic)
        spans = list(map(itemgetter(0), found))
        numbers = src.paragraph_numbers(self.paragraphs, spans)
        return list(zip(spans, numbers, map(itemgetter(1), found), strict=True))


def read_map(path: str | Path, *, source_anywhere: bool = False) -> Map:
    """Read, build and validate the map file at ``path`` (see :func:`load_map`).

    Raises
    ------
    ArgmapError
        With every problem found, each located in the file.
    """
    path = Path(path)
    text = read_utf8(path, "file-not-found", "map's YAML", limit=MAX_MAP_BYTES)
    return load_map(text, str(path), path.parent, source_anywhere=source_anywhere)
