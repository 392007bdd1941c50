"""A fast YAML path: PyYAML's own C parser, without its node tree.

PyYAML's safe loader spends most of its time in Python, composing a tree of
nodes and then constructing objects from it: 1.4 s of CPU for a map of 10^4
claims, of which libyaml's parsing (in C) is 0.25 s.  :func:`parse_fast`
takes libyaml's events and builds the data directly, with PyYAML's own
resolver and constructors for plain scalars, so the syntax accepted and the
values built are PyYAML's by construction.

Everything PyYAML's loader treats in its own way is left to it: the function
returns :data:`UNSURE` on a syntax error, an anchor or alias, an explicit tag,
a merge key, a key that is a collection or appears twice, or more than one
document; the caller then takes PyYAML's path, which reports every problem at
its line and column (duplicate keys, alias bombs, unsafe tags, tabs).

Positions cost nothing until a message needs one: :func:`parse_located`
notes, while it walks the events, where each key and item of the first two
levels starts (the map's fields, each claim, relation and skipped passage),
and where each claim ends.  A deeper path (a claim's field) is located by
composing that claim's text alone with PyYAML, so a report never re-parses
the file; :func:`positions` composes a whole text (PyYAML's path).

The parsers measured for a map of 10^5 claims (24.6 MB; CPU seconds):
PyYAML's C loader 18.9, libyaml's events alone 2.4, this walk over them
about 3.3, yaml-rs 0.99 and rapidyaml's tree 0.41 (walking that tree from
Python costs more than the events).  yaml-rs reads YAML 1.2 (``yes``,
``010``, ``1:30`` differ), accepts syntax PyYAML refuses (``[:0]``) and gives
no positions; rapidyaml gives neither YAML 1.1 typing nor PyYAML's errors.
Neither could promise the same maps and diagnostics without PyYAML's parse.

Examples
--------
>>> parse_fast("a: 1\\nb: [x, 'y']\\nc: 0.5\\nd: yes")
{'a': 1, 'b': ['x', 'y'], 'c': 0.5, 'd': True}
>>> parse_fast("a: &x 1\\nb: *x") is UNSURE  # aliases: PyYAML's path counts them
True
>>> parse_fast("a: 1\\na: 2") is UNSURE  # PyYAML's path locates the duplicate
True
>>> parse_fast("") is None
True
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from functools import cache
from typing import Any, Final, NamedTuple

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode

from argmap.model import Pos, YamlPath

__all__ = ["UNSURE", "Parsed", "parse_fast", "parse_located", "positions", "walk_positions"]

#: returned by :func:`parse_fast` when only PyYAML's loader can give the answer
UNSURE: Final = object()

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the parser argmap's loader uses
_CONSTRUCTOR = SafeConstructor()
_MERGE = "tag:yaml.org,2002:merge"


def _resolvers_by_first() -> dict[str, list[tuple[str, Any]]]:
    """PyYAML's implicit resolvers for each first character (``Resolver.resolve``'s lists).

    A plain scalar whose first character is not a key here is a string.
    """
    table = yaml.resolver.Resolver.yaml_implicit_resolvers
    anywhere = table.get(None, [])
    return {first: [*found, *anywhere] for first, found in table.items() if first is not None}


_BY_FIRST = _resolvers_by_first()
_ANYWHERE: list[tuple[str, Any]] = yaml.resolver.Resolver.yaml_implicit_resolvers.get(None, [])


class _UnsureError(Exception):
    """Something only PyYAML's loader handles."""


class Parsed(NamedTuple):
    """A document parsed on the fast path: its data and where each path of it is written."""

    data: Any
    locate: Callable[[YamlPath], Pos]
    #: the text passed :func:`argmap.quickyaml.screen`: no control character, raw or escaped
    screened: bool = False


def _scalar(event: ScalarEvent) -> Any:
    """The value of a scalar, resolved as PyYAML's ``Resolver.resolve`` does."""
    if event.anchor is not None or event.tag is not None:
        raise _UnsureError
    value: str = event.value
    if not event.implicit[0]:  # quoted or block: a string
        return value
    resolvers = _BY_FIRST.get(value[:1], _ANYWHERE)
    for tag, regexp in resolvers:
        if regexp.match(value):
            construct = _CONSTRUCTOR.yaml_constructors.get(tag)
            if construct is None or tag == _MERGE:
                raise _UnsureError
            return construct(_CONSTRUCTOR, ScalarNode(tag, value))
    return value


class _Walker:
    """Builds data from libyaml's events; notes where the first ``depth`` levels start.

    ``marks`` maps the path of each key and item down to ``depth`` to the
    mark where it starts (a key's path ends with the key as written, as in
    PyYAML's node tree); ``spans`` maps each collection at ``depth`` to its
    start and end marks.
    """

    def __init__(self, text: str, depth: int) -> None:
        self.loader = _LOADER(text)
        self.next: Callable[[], Event] = self.loader.get_event
        self.depth = depth
        self.marks: dict[YamlPath, Any] = {}
        self.spans: dict[YamlPath, tuple[Any, Any]] = {}
        self.end: Any = None  # the end mark of the last collection walked
        self.data: Any = None

    def document(self) -> Any:
        """The single document's data (None for an empty stream)."""
        nxt = self.next
        if type(nxt()) is not StreamStartEvent:
            raise _UnsureError
        first = nxt()
        if type(first) is StreamEndEvent:
            return None
        if type(first) is not DocumentStartEvent:
            raise _UnsureError
        root = nxt()
        self.marks[()] = root.start_mark
        data = self.value(root, ())
        if type(nxt()) is not DocumentEndEvent or type(nxt()) is not StreamEndEvent:
            raise _UnsureError  # more than one document
        return data

    def value(self, event: Event, path: YamlPath | None) -> Any:
        """The node that ``event`` starts; ``path`` is None below the noted levels."""
        kind = type(event)
        if kind is ScalarEvent:
            return _scalar(event)  # type: ignore[arg-type]
        if getattr(event, "anchor", None) is not None or getattr(event, "tag", None) is not None:
            raise _UnsureError  # a collection with an anchor or tag
        noted = path is not None and len(path) < self.depth
        if kind is SequenceStartEvent:
            result: Any = self._sequence(path if noted else None)
        elif kind is MappingStartEvent:
            result = self._mapping(path if noted else None)
        else:
            raise _UnsureError  # an alias
        if path is not None and len(path) == self.depth:
            self.spans[path] = (event.start_mark, self.end)
        return result

    def _sequence(self, path: YamlPath | None) -> list[Any]:
        nxt = self.next
        child = self._child
        items: list[Any] = []
        while type(event := nxt()) is not SequenceEndEvent:
            items.append(child(event, path, len(items), event.start_mark))
        self.end = event.end_mark
        return items

    def _mapping(self, path: YamlPath | None) -> dict[Any, Any]:
        nxt = self.next
        child = self._child
        mapping: dict[Any, Any] = {}
        while type(key_event := nxt()) is not MappingEndEvent:
            if type(key_event) is not ScalarEvent:
                raise _UnsureError  # a collection as a key
            key = _scalar(key_event)
            if key in mapping:
                raise _UnsureError  # a duplicate, located on PyYAML's path
            mapping[key] = child(nxt(), path, key_event.value, key_event.start_mark)
        self.end = key_event.end_mark
        return mapping

    def _child(self, event: Event, path: YamlPath | None, key: str | int, mark: Any) -> Any:
        """The node ``event`` starts, at ``(*path, key)``, noted there as starting at ``mark``."""
        if path is None:
            return _scalar(event) if type(event) is ScalarEvent else self.value(event, None)
        self.marks.setdefault((*path, key), mark)
        return self.value(event, (*path, key))


def _walk(text: str, depth: int) -> _Walker | None:
    """The walk of ``text`` noting ``depth`` levels, or None where PyYAML must answer."""
    walker = _Walker(text, depth)
    collecting = gc.isenabled()
    gc.disable()  # the walk only adds objects: the collector's passes would make it quadratic
    try:
        walker.data = walker.document()
    except (yaml.YAMLError, _UnsureError, RecursionError):
        return None
    except (ValueError, TypeError, OverflowError, KeyError, AttributeError):
        # a value its type cannot hold (a 5,000-digit number): PyYAML's path locates it
        return None
    finally:
        walker.loader.dispose()
        if collecting:
            gc.enable()
    return walker


def parse_fast(text: str) -> Any:
    """Parse ``text`` as argmap's PyYAML loader would, or return :data:`UNSURE`.

    Examples
    --------
    >>> parse_fast("--- 1\\n--- 2") is UNSURE  # two documents: PyYAML's path refuses them
    True
    >>> parse_fast("a: !!python/name:os.system") is UNSURE
    True
    """
    walker = _walk(text, 0)
    return UNSURE if walker is None else walker.data


def parse_located(text: str) -> Parsed | None:
    """Parse ``text`` as :func:`parse_fast` does, with a locator; None where unsure.

    The locator maps a path to the 1-based line and column of the key or
    item it names, exactly as :func:`positions` would, falling back to the
    longest prefix that is written.

    Examples
    --------
    >>> parsed = parse_located("a: 1\\nclaims:\\n  - id: x\\n    supports: [y, z]\\n")
    >>> parsed.data
    {'a': 1, 'claims': [{'id': 'x', 'supports': ['y', 'z']}]}
    >>> parsed.locate(("claims", 0)), parsed.locate(("claims", 0, "supports", 1))
    (Pos(line=3, column=5), Pos(line=4, column=19))
    >>> parsed.locate(("claims", 0, "by")), parsed.locate(("nowhere",))
    (Pos(line=3, column=5), Pos(line=1, column=1))
    >>> parse_located("a: [1") is None
    True
    """
    walker = _walk(text, 2)
    if walker is None:
        return None
    return Parsed(walker.data, _Locator(text, walker.marks, walker.spans))


class _Locator:
    """Positions from a fast walk: the noted levels at once, a deeper path by its item."""

    def __init__(
        self, text: str, marks: dict[YamlPath, Any], spans: dict[YamlPath, tuple[Any, Any]]
    ) -> None:
        self.text = text
        self.offset = 1 if text.startswith("\ufeff") else 0  # libyaml does not count it
        self.marks = marks
        self.spans = spans
        self.inner = cache(self._inner)
        self.whole = cache(lambda: positions(text))

    def __call__(self, path: YamlPath) -> Pos:
        item = path[:2]
        if len(path) > 2 and item in self.spans:
            inner = self.inner(item)
            found = self.whole() if inner is None else inner
            for n in range(len(path), 2, -1):
                pos = found.get(path[:n])
                if pos is not None:
                    return pos
        for n in range(min(len(path), 2), -1, -1):
            mark = self.marks.get(path[:n])
            if mark is not None:
                return Pos(mark.line + 1, mark.column + 1)
        return Pos(1, 1)

    def _inner(self, item: YamlPath) -> dict[YamlPath, Pos] | None:
        """Positions inside ``item``, from its text alone (None if that cannot be had)."""
        start, end = self.spans[item]
        # the item's text, its first line blanked before it, so columns stay as they are
        text = " " * start.column + self.text[start.index + self.offset : end.index + self.offset]
        walker = _walk(text, sys.maxsize)
        if walker is None or walker.marks[()].column != start.column:
            return None
        return {
            (*item, *path): Pos(mark.line + start.line + 1, mark.column + 1)
            for path, mark in walker.marks.items()
            if path
        }


def positions(text: str) -> dict[YamlPath, Pos]:
    """Where each key and item of ``text`` starts, from PyYAML's node tree ({} if not YAML).

    A key's path ends with the key as written; the first of two equal keys is kept.

    Examples
    --------
    >>> positions("a:\\n  - x\\n  - {b: 1}\\n")[("a", 1, "b")]
    Pos(line=3, column=6)
    """
    found: dict[YamlPath, Pos] = {}
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        return found
    if root is None:
        return found
    found[()] = _pos(root.start_mark)
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
                found.setdefault(key_path, _pos(key_node.start_mark))
                children.append((value, key_path))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                found[(*path, i)] = _pos(item.start_mark)
                children.append((item, (*path, i)))
        stack.extend(reversed(children))
    return found


def _pos(mark: yaml.Mark) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


def walk_positions(text: str) -> dict[YamlPath, Pos] | None:
    """Where each key and item of ``text`` starts, from libyaml's events (None where unsure).

    Examples
    --------
    >>> walk_positions("- id: a\\n  to: [b, c]\\n")[(0, "to", 1)]
    Pos(line=2, column=11)
    """
    walker = _walk(text, sys.maxsize)
    return None if walker is None else {path: _pos(mark) for path, mark in walker.marks.items()}
