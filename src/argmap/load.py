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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from argmap import source as src
from argmap.errors import ArgmapError, Diagnostic
from argmap.fastyaml import UNSURE, parse_fast
from argmap.files import read_utf8
from argmap.model import Claim, Map, Pos, Relation, RelationKind, Skip, YamlPath
from argmap.validate import validate

__all__ = [
    "CLAIM_FIELDS",
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
}
CLAIM_FIELDS: dict[str, Field] = {
    "id": Field(("string",), True, "kebab-case id, unique in the map"),
    "text": Field(("string",), True, "the claim in the encoder's own words"),
    "quote": Field(("string",), True, "verbatim span of the source stating the claim"),
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
_VERBS: dict[RelationKind, str] = {
    "support": "supports",
    "opposition": "opposes",
    "undercut": "undercuts",
}
_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "array": (list,),
    "object": (dict,),
}


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Safe loader that records duplicate keys instead of keeping the last."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, yaml.Mark]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _value in node.value:
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
    fast = parse_fast(text)  # yaml-rs, when it is sure to give what PyYAML gives
    if fast is not UNSURE:
        return fast
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            _check_aliases(root, file)
        data = None if root is None else loader.construct_document(root)
    except yaml.constructor.ConstructorError as exc:
        raise ArgmapError([_mark_diagnostic(file, exc, unsafe=True)]) from None
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


def _mark_diagnostic(file: str, exc: yaml.YAMLError, *, unsafe: bool, text: str = "") -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = getattr(exc, "problem", None) or str(exc)
    if unsafe and "unhashable" in problem:
        return Diagnostic(
            file,
            line,
            column,
            "invalid-type",
            "a key must be text or a number, not a list or mapping",
            "write the key as plain text",
        )
    if unsafe:
        return Diagnostic(
            file,
            line,
            column,
            "yaml-unsafe",
            f"YAML tag not allowed: {problem}",
            "argmap reads plain data only; remove the !! tag",
        )
    context = getattr(exc, "context", None)
    message = f"{context}, {problem}" if context else problem
    start = getattr(exc, "context_mark", None)
    if start is not None and mark is not None and start.line != mark.line:
        message += f" (it started at line {start.line + 1}, column {start.column + 1})"
    hint = "check indentation, colons and quotes near this place; quote text containing ': ' or '#'"
    lines = text.splitlines()
    if mark and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
        hint = "YAML does not allow tabs for indentation: indent with spaces"
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

    @cache
    def index() -> dict[YamlPath, Pos]:
        positions: dict[YamlPath, Pos] = {}
        try:
            root = yaml.compose(text, Loader=_BaseLoader)
        except yaml.YAMLError:
            return positions
        if root is None:
            return positions
        positions[()] = _pos(root.start_mark)
        # iterative, and each node once: deep nesting and aliases cost no more than the text
        seen: set[int] = set()
        stack: list[tuple[yaml.Node, YamlPath]] = [(root, ())]
        while stack:
            node, path = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            children: list[tuple[yaml.Node, YamlPath]] = []
            if isinstance(node, yaml.MappingNode):
                for key_node, value in node.value:
                    key_path = (*path, key_node.value)
                    positions.setdefault(key_path, _pos(key_node.start_mark))
                    children.append((value, key_path))
            elif isinstance(node, yaml.SequenceNode):
                for i, item in enumerate(node.value):
                    positions[(*path, i)] = _pos(item.start_mark)
                    children.append((item, (*path, i)))
            stack.extend(reversed(children))
        return positions

    def locate(path: YamlPath) -> Pos:
        positions = index()
        for n in range(len(path), -1, -1):
            found = positions.get(path[:n])
            if found is not None:
                return found
        return Pos(1, 1)

    return locate


def _pos(mark: yaml.Mark) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


class _Builder:
    """Turns parsed data into a Map, collecting every structural problem."""

    def __init__(self, file: str, locate: Callable[[YamlPath], Pos]) -> None:
        self.file = file
        self.locate = locate
        self.diagnostics: list[Diagnostic] = []

    def error(self, path: YamlPath, code: str, message: str, hint: str = "") -> None:
        pos = self.locate(path)
        self.diagnostics.append(Diagnostic(self.file, pos.line, pos.column, code, message, hint))

    def fields(
        self, data: Any, spec: Mapping[str, Field], path: YamlPath, what: str
    ) -> dict[str, Any] | None:
        """Check a mapping against a field table; return the well-typed fields."""
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
            name = str(key)
            if name not in spec:
                close = difflib.get_close_matches(name, list(spec), n=1)
                hint = (
                    f"did you mean {close[0]!r}?" if close else f"known fields: {', '.join(spec)}"
                )
                self.error(
                    (*path, key), "unknown-field", f"{what} has unknown field {name!r}", hint
                )
                continue
            if value is None and not spec[name].required:
                continue
            types = spec[name].types
            if not isinstance(value, tuple(t for n in types for t in _PY_TYPES[n])) or (
                isinstance(value, bool) and "boolean" not in types
            ):
                self.error(
                    (*path, key),
                    "invalid-type",
                    f"{what} field {name!r} must be {' or '.join(types)}, not {_kind(value)}",
                    "quote text that YAML might read as another type",
                )
                continue
            if spec[name].items == "string" and isinstance(value, list):
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
        for name, field in spec.items():
            if field.required and name not in good and name not in data:
                code = "missing-thesis" if name == "thesis" and what == "map" else "missing-field"
                self.error(
                    path, code, f"{what} has no {name!r}", f"add '{name}:' ({field.description})"
                )
        return good

    def claims(self, items: list[Any]) -> tuple[list[Claim], list[Relation]]:
        claims: list[Claim] = []
        relations: list[Relation] = []
        for i, item in enumerate(items):
            f = self.fields(item, CLAIM_FIELDS, ("claims", i), f"claim #{i + 1}")
            if f is None or not {"id", "text", "quote", "role"} <= f.keys():
                continue
            claims.append(
                Claim(
                    id=f["id"],
                    text=f["text"],
                    quote=f["quote"],
                    role=f["role"],
                    by=f.get("by", "authors"),
                    tags=tuple(f.get("tags", ())),
                    note=f.get("note", ""),
                    base=float(f.get("base", 0.5)),
                    origin=("claims", i),
                )
            )
            for key, kind in _SHORT_FORMS.items():
                for j, target in enumerate(f.get(key, ())):
                    relations.append(
                        Relation(
                            id=_relation_id(kind, (f["id"],), target),
                            kind=kind,
                            premises=(f["id"],),
                            target=target,
                            origin=("claims", i, key, j),
                        )
                    )
        return claims, relations

    def relations(self, items: list[Any]) -> list[Relation]:
        relations: list[Relation] = []
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
            relations.append(
                Relation(
                    id=f.get("id") or _relation_id(kind, premises, f["to"]),
                    kind=kind,
                    premises=premises,
                    target=f["to"],
                    scheme=f.get("scheme", ""),
                    note=f.get("note", ""),
                    answered=tuple(f.get("answered", ())),
                    origin=path,
                )
            )
        return relations

    def skipped(self, items: list[Any]) -> list[Skip]:
        result = []
        for i, item in enumerate(items):
            f = self.fields(item, SKIP_FIELDS, ("skipped", i), f"skipped #{i + 1}")
            if f is not None and {"quote", "why"} <= f.keys():
                result.append(Skip(f["quote"], f["why"], origin=("skipped", i)))
        return result


def _relation_id(kind: RelationKind, premises: tuple[str, ...], target: str) -> str:
    return f"{'+'.join(premises)}--{_VERBS[kind]}--{target}"


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


def load_map(text: str, file: str = "<map>", base_dir: Path | None = None) -> Map:
    """Build and validate a Map from YAML text; raise ArgmapError listing every problem.

    ``base_dir`` is where ``source:`` is looked up (the map file's folder);
    without it the source is not read and quotes are not checked.
    """
    data = parse_yaml(text, file)
    locate = yaml_locator(text)
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
    claims, relations = b.claims(top.get("claims", []))
    relations += b.relations(top.get("relations", []))
    skipped = b.skipped(top.get("skipped", []))
    speakers = top.get("speakers", {})
    for key, value in speakers.items():
        if not isinstance(value, str):
            b.error(
                ("speakers", key),
                "invalid-type",
                f"speaker {key!r} must have a display name",
                f"write '{key}: Display Name'",
            )
    source_text = ""
    if "source" in top and base_dir is not None:
        source_path = base_dir / top["source"]
        try:
            source_text = read_utf8(source_path, "source-not-found", "source")
        except ArgmapError as exc:
            d = exc.diagnostics[0]
            hint = d.hint
            if d.message.startswith("no such file"):
                hint = "give the path of the essay relative to the map file"
            b.error(("source",), "source-not-found", f"cannot read the source: {d.message}", hint)
    if source_text:
        claims, skipped = _resolve_spans(source_text, claims, skipped)
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
    )
    diagnostics = b.diagnostics + validate(m)
    if any(d.severity == "error" for d in diagnostics):
        raise ArgmapError(diagnostics)
    return m


def _resolve_spans(
    text: str, claims: list[Claim], skipped: list[Skip]
) -> tuple[list[Claim], list[Skip]]:
    paras = src.paragraphs(text)
    resolved = []
    for c in claims:
        span = src.find_quote(text, c.quote)
        para = src.paragraph_of(paras, span) if span else 0
        resolved.append(replace(c, span=span, paragraph=para))
    skips = [Skip(s.quote, s.why, src.find_quote(text, s.quote), s.origin) for s in skipped]
    return resolved, skips


def read_map(path: str | Path) -> Map:
    """Read, build and validate the map file at ``path``.

    Raises
    ------
    ArgmapError
        With every problem found, each located in the file.
    """
    path = Path(path)
    text = read_utf8(path, "file-not-found", "map's YAML")
    return load_map(text, str(path), path.parent)
