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

yaml-rs (Rust) parses such a map in 0.12 s, but reads YAML 1.2 (``yes``,
``010``, ``1e3``, ``1:30`` differ) and accepts syntax PyYAML refuses (``[:0]``),
so it could not give the same maps and diagnostics without a second parse.

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

from collections.abc import Iterator
from typing import Any, Final

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

__all__ = ["UNSURE", "parse_fast"]

#: returned by :func:`parse_fast` when only PyYAML's loader can give the answer
UNSURE: Final = object()

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the parser argmap's loader uses
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_CONSTRUCTOR = SafeConstructor()
_END = object()  # the end of a collection


class _UnsureError(Exception):
    """Something only PyYAML's loader handles."""


def _scalar(event: ScalarEvent) -> Any:
    """The value of a scalar, resolved as PyYAML's ``Resolver.resolve`` does."""
    if event.anchor is not None or event.tag is not None:
        raise _UnsureError
    value: str = event.value
    if not event.implicit[0]:  # quoted or block: a string
        return value
    for tag, regexp in _RESOLVERS.get(value[:1], []) + _RESOLVERS.get(None, []):
        if regexp.match(value):
            construct = _CONSTRUCTOR.yaml_constructors.get(tag)
            if construct is None or tag == "tag:yaml.org,2002:merge":
                raise _UnsureError
            return construct(_CONSTRUCTOR, ScalarNode(tag, value))
    return value


def _value(events: Iterator[Event]) -> Any:
    """The next value of the event stream (``_END`` at the end of a collection)."""
    event = next(events)
    if isinstance(event, ScalarEvent):
        return _scalar(event)
    if isinstance(event, MappingEndEvent | SequenceEndEvent):
        return _END
    if isinstance(event, SequenceStartEvent) and event.anchor is None and event.tag is None:
        items = []
        while (item := _value(events)) is not _END:
            items.append(item)
        return items
    if isinstance(event, MappingStartEvent) and event.anchor is None and event.tag is None:
        mapping: dict[Any, Any] = {}
        while True:
            key_event = next(events)
            if isinstance(key_event, MappingEndEvent):
                return mapping
            if not isinstance(key_event, ScalarEvent):
                raise _UnsureError  # a collection as a key
            key = _scalar(key_event)
            if key in mapping:
                raise _UnsureError  # a duplicate, located on PyYAML's path
            mapping[key] = _value(events)
    raise _UnsureError  # an alias, or a collection with an anchor or tag


def parse_fast(text: str) -> Any:
    """Parse ``text`` as argmap's PyYAML loader would, or return :data:`UNSURE`.

    Examples
    --------
    >>> parse_fast("--- 1\\n--- 2") is UNSURE  # two documents: PyYAML's path refuses them
    True
    >>> parse_fast("a: !!python/name:os.system") is UNSURE
    True
    """
    events = iter(yaml.parse(text, Loader=_LOADER))
    try:
        next(events)  # the stream's start
        first = next(events)
        if isinstance(first, StreamEndEvent):
            return None
        if not isinstance(first, DocumentStartEvent):
            return UNSURE
        data = _value(events)
        next(events)  # the document's end
        if not isinstance(next(events), StreamEndEvent):
            return UNSURE
    except (yaml.YAMLError, _UnsureError, StopIteration, RecursionError):
        return UNSURE
    except (ValueError, TypeError, OverflowError, KeyError):
        # a value its type cannot hold (a 5,000-digit number): PyYAML's path locates it
        return UNSURE
    return data
