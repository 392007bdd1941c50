"""What every format module shares: the import result, ids, sources and located errors.

A reader turns a file's text into an :class:`Imported`: a :class:`~argmap.model.Map`
whose claims carry quotes, the source text when the format has one, and the
names of what could not be kept.  :func:`finish` gives the map a source that
every quote occurs in (the format's own text, or one built from the quotes).

Examples
--------
>>> kebab("Claim #12: Cats!")
'claim-12-cats'
>>> locate_offset('{\\n  "a": 1}', 4)
(2, 3)
>>> json_positions('{"nodes": [{"id": 1}]}')[("nodes", 0)]
11
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import networkx as nx

from argmap.errors import ArgmapError, Diagnostic
from argmap.model import Assessment, Claim, Map, Pos, Relation, RelationKind
from argmap.render.dot import DotOptions, Report
from argmap.semantics.bipolar import DEFAULT_SUPPORT, SupportName
from argmap.source import find_quote
from argmap.validate import validate

__all__ = [
    "DEFAULT_SPEAKER",
    "IdMaker",
    "Imported",
    "JsonPath",
    "WriteOptions",
    "finish",
    "import_error",
    "json_object",
    "json_positions",
    "kebab",
    "locate_offset",
    "locator",
    "parse_json",
    "relation_id",
    "speaker_names",
    "with_thesis",
]

#: speaker of claims whose format names none
DEFAULT_SPEAKER = "authors"


def speaker_names(claims: Iterable[Claim], names: Mapping[str, Any]) -> dict[str, str]:
    """Display names of the claims' speakers: from ``names``, else ``The authors`` or the id.

    Examples
    --------
    >>> c = Claim(id="a", text="A.", quote="A", role="thesis", by="authors")
    >>> speaker_names([c, replace(c, by="bo")], {"bo": "Bo Li"})
    {'authors': 'The authors', 'bo': 'Bo Li'}
    """
    default = {DEFAULT_SPEAKER: "The authors", "opponent": "The opponent"}
    return {c.by: str(names.get(c.by) or default.get(c.by, c.by)) for c in claims}


_VERBS = {"support": "supports", "opposition": "opposes", "undercut": "undercuts"}
_NOT_KEBAB = re.compile(r"[^a-z0-9]+")
_KEBAB = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@dataclass(frozen=True)
class WriteOptions:
    """What a writer may need beside the map.

    ``dot`` draws (render, html) and ``assessment`` is the evaluation already
    computed that the drawing shows (none by default), over ``graph``, the map
    graph it was computed on (None: the writer builds it); ``support`` is the
    reading of supports for the Dung framework (ICCMA), ``quotes`` puts quotes
    in outlines (markdown).
    """

    dot: DotOptions = field(default_factory=DotOptions)
    assessment: Assessment = field(default_factory=Assessment)
    graph: nx.DiGraph | None = None
    support: SupportName = DEFAULT_SUPPORT
    quotes: bool = False
    #: where a drawing reports its progress and warnings (the CLI prints them; None: nowhere)
    progress: Report | None = None
    warn: Report | None = None


@dataclass(frozen=True)
class Imported:
    """A map read from another format.

    ``source_text`` is the format's own essay text, or None when the format
    carries none (then :func:`finish` builds one from the quotes).
    ``dropped`` names what the format had that the map cannot hold.
    """

    map: Map
    source_text: str | None = None
    dropped: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())


def import_error(file: str, pos: Pos, code: str, message: str, hint: str) -> ArgmapError:
    """One located import diagnostic as an :class:`ArgmapError`.

    Examples
    --------
    >>> print(import_error("a.json", Pos(3, 5), "import-syntax", "bad", "fix it"))
    a.json:3:5: error: import-syntax: bad (hint: fix it)
    """
    return ArgmapError([Diagnostic(file, pos.line, pos.column, code, message, hint)])


def json_object(value: Any) -> dict[str, Any]:
    """``value`` when it is a JSON object, else an empty one (for optional parts of a file).

    Examples
    --------
    >>> json_object({"a": 1}), json_object([1])
    ({'a': 1}, {})
    """
    return value if isinstance(value, dict) else {}


def kebab(text: str) -> str:
    """``text`` as a kebab-case id (``"n"`` when nothing is left)."""
    return _NOT_KEBAB.sub("-", text.lower()).strip("-")[:60].strip("-") or "n"


def relation_id(kind: RelationKind, premises: Iterable[str], target: str) -> str:
    """The id the YAML loader gives a relation written without one.

    Examples
    --------
    >>> relation_id("support", ["a", "b"], "c")
    'a+b--supports--c'
    """
    return f"{'+'.join(premises)}--{_VERBS[kind]}--{target}"


class IdMaker:
    """Makes unique kebab-case ids, keeping a wanted id when it is one already.

    Examples
    --------
    >>> ids = IdMaker()
    >>> ids.make("a-1"), ids.make("A 1"), ids.make("17")
    ('a-1', 'a-1-2', '17')
    """

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, wanted: str) -> str:
        """A fresh id close to ``wanted``."""
        base = wanted if _KEBAB.fullmatch(wanted) else kebab(wanted)
        new, n = base, 1
        while new in self.used:
            n += 1
            new = f"{base}-{n}"
        self.used.add(new)
        return new


def locate_offset(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of the character at ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


JsonPath = tuple[str | int, ...]

_WS = " \t\r\n"


def json_positions(text: str) -> dict[JsonPath, int]:
    """Offsets where each value of a (valid) JSON document starts, by its path.

    The path of ``{"nodes": [x, y]}``'s ``y`` is ``("nodes", 1)``; the whole
    document is ``()``.
    """
    found: dict[JsonPath, int] = {}
    decoder = json.JSONDecoder()

    def value(i: int, path: JsonPath) -> int:
        while text[i] in _WS:
            i += 1
        found[path] = i
        if text[i] == "{":
            return container(i + 1, path, "}")
        if text[i] == "[":
            return container(i + 1, path, "]")
        return decoder.raw_decode(text, i)[1]

    def container(i: int, path: JsonPath, close: str) -> int:
        index = 0
        while True:
            while text[i] in _WS + ",":
                i += 1
            if text[i] == close:
                return i + 1
            if close == "}":
                key, i = decoder.raw_decode(text, i)
                while text[i] in _WS + ":":
                    i += 1
                i = value(i, (*path, str(key)))
            else:
                i = value(i, (*path, index))
                index += 1

    value(0, ())
    return found


def locator(text: str, positions: dict[JsonPath, int]) -> Callable[[JsonPath], Pos]:
    """Where a path of :func:`json_positions` is (its nearest known parent when absent).

    Examples
    --------
    >>> text = '{"a": [1,\\n 2]}'
    >>> locate = locator(text, json_positions(text))
    >>> locate(("a", 1)), locate(("a", 5))
    (Pos(line=2, column=2), Pos(line=1, column=7))
    """

    def locate(path: JsonPath) -> Pos:
        while path not in positions and path:
            path = path[:-1]
        return Pos(*locate_offset(text, positions.get(path, 0)))

    return locate


def with_thesis(
    claims: list[Claim], relations: list[Relation], wanted: str, file: str = "<import>"
) -> tuple[str, list[Claim]]:
    """The thesis id and the claims with roles that agree with it.

    The thesis is ``wanted`` when it names a claim, else the first claim
    with role ``thesis``, else the first claim that some relation concludes
    and that supports or attacks nothing, else the first claim.  It gets
    role ``thesis``; any other claim marked ``thesis`` becomes a ``claim``.

    Examples
    --------
    >>> cs = [Claim(id=i, text=i, quote=i, role="claim", by="a") for i in "xy"]
    >>> rs = [Relation(id="r", kind="support", premises=("x",), target="y")]
    >>> thesis, fixed = with_thesis(cs, rs, "")
    >>> thesis, [c.role for c in fixed]
    ('y', ['claim', 'thesis'])
    >>> [c.role for c in with_thesis(fixed, rs, "x")[1]]
    ['thesis', 'claim']
    >>> cs[0] = replace(cs[0], role="thesis")
    >>> with_thesis(cs, rs, "")[0]
    'x'
    """
    if not claims:
        raise import_error(
            file,
            Pos(1, 1),
            "import-invalid",
            "the file holds no claim to map",
            "import a file with at least one statement, I node, ADU or claim",
        )
    ids = [c.id for c in claims]
    marked = [c.id for c in claims if c.role == "thesis"]
    if wanted not in ids and marked:
        wanted = marked[0]
    if wanted not in ids:
        used = {p for r in relations for p in r.premises}
        concluded = [r.target for r in relations if r.target in ids and r.target not in used]
        wanted = min(concluded, key=ids.index) if concluded else ids[0]
    fixed = [
        replace(c, role="thesis" if c.id == wanted else ("claim" if c.role == "thesis" else c.role))
        for c in claims
    ]
    return wanted, fixed


def parse_json(text: str, file: str) -> tuple[Any, dict[JsonPath, int]]:
    """The JSON document in ``text`` and its :func:`json_positions`; a located error if bad."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise import_error(
            file,
            Pos(exc.lineno, exc.colno),
            "import-syntax",
            f"not valid JSON: {exc.msg}",
            "the file may be cut off; export it again",
        ) from None
    except RecursionError:
        raise import_error(
            file, Pos(1, 1), "import-syntax", "JSON nested too deeply", "export it again"
        ) from None
    return data, json_positions(text)


def _quote_source(claims: Iterable[Claim]) -> str:
    return "".join(f"{c.quote}\n\n" for c in claims)


def _valid_id(item: Claim | Relation) -> bool:
    if _KEBAB.fullmatch(item.id):
        return True
    if isinstance(item, Claim):
        return False
    return item.id == relation_id(item.kind, item.premises, item.target)


def _id_problem(m: Map, item: Claim | Relation) -> Diagnostic:
    pos = m.pos(item)
    what = "claim" if isinstance(item, Claim) else "relation"
    return Diagnostic(
        m.file,
        pos.line,
        pos.column,
        "invalid-id",
        f"{what} id {item.id!r} is not kebab-case",
        "use lower-case letters, digits and single hyphens, e.g. 'cats-purr'",
    )


def finish(imp: Imported, source: str) -> tuple[Map, str, bool]:
    """The map with ``source`` as its source path, its source text, and whether it was built.

    The format's own text is kept when every quote occurs in it; otherwise
    the source is the quotes, one paragraph each, in the map's order.  A map
    :func:`argmap.validate.validate` rejects, or one with an id that is not
    kebab-case (``invalid-id``), raises its errors, located in the imported
    file by the claims' and relations' ``origin``.

    Examples
    --------
    >>> c = Claim(id="a", text="A.", quote="Cats purr", role="thesis", by="authors")
    >>> m = Map(title="t", thesis="a", source="", claims=(c,), relations=())
    >>> finish(Imported(m), "t.txt")[1:]
    ('Cats purr\\n\\n', True)
    >>> finish(Imported(m, "So: Cats purr."), "t.txt")[1:]
    ('So: Cats purr.', False)
    """
    m = imp.map
    items: list[Claim | Relation] = [*m.claims, *m.relations]
    problems = [_id_problem(m, item) for item in items if not _valid_id(item)]
    problems += [d for d in validate(replace(m, source_text="")) if d.severity == "error"]
    if problems:
        raise ArgmapError(problems)
    text = imp.source_text
    built = text is None or any(find_quote(text, c.quote) is None for c in imp.map.claims)
    if text is None or built:
        text = _quote_source(imp.map.claims)
    return replace(imp.map, source=source, source_text=text), text, built
