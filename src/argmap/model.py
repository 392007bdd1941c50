"""The argument map as frozen data: claims, relations and where they came from.

No I/O happens here.  :mod:`argmap.load` builds a :class:`Map` from YAML,
:mod:`argmap.graph` turns it into a networkx graph.

Examples
--------
>>> a = Claim(id="a", text="A.", quote="A", role="thesis", by="authors")
>>> b = Claim(id="b", text="B.", quote="B", role="evidence", by="authors")
>>> r = Relation(id="b--supports--a", kind="support", premises=("b",), target="a")
>>> m = Map(title="t", thesis="a", source="s.txt", claims=(a, b), relations=(r,))
>>> m.claim("b").role
'evidence'
>>> [rel.id for rel in m.relations_into("a")]
['b--supports--a']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from functools import cached_property
from itertools import repeat
from typing import TYPE_CHECKING, Any, Literal, TypeVar

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "ROLES",
    "RELATION_KINDS",
    "RELATION_VERBS",
    "derived_relation_id",
    "Assessment",
    "Claim",
    "Map",
    "Pos",
    "Relation",
    "RelationKind",
    "Skip",
    "Span",
    "YamlPath",
]

#: Rhetorical roles a claim can play in the essay.
ROLES: dict[str, str] = {
    "thesis": "the main conclusion the text argues for",
    "claim": "an intermediate conclusion the authors argue for",
    "evidence": "a fact, event or record offered as data",
    "example": "a particular case offered to illustrate or generalise",
    "authority": "an appeal to what an authority said or saw",
    "concession": "a point granted to the other side",
    "opponent": "a position held by someone the authors argue against",
    "rebuttal": "an answer to an opponent's position",
    "background": "context the argument relies on",
}

RelationKind = Literal["support", "opposition", "undercut"]
RELATION_KINDS: tuple[RelationKind, ...] = ("support", "opposition", "undercut")

#: A path into the YAML document, e.g. ``("claims", 3, "quote")``.
YamlPath = tuple[str | int, ...]


_T = TypeVar("_T")
#: the id of a claim or relation


def _filled(cls: type[_T], columns: Mapping[str, Sequence[Any]]) -> list[_T]:
    """Instances of ``cls`` whose fields are ``columns`` (the i-th of each); others default.

    Built a field at a time, each at C speed (no ``__init__`` per instance):
    the way to make the 10^5 claims of a big map.  Every column has as many
    values as the first.
    """
    n = len(next(iter(columns.values()), ()))
    if unknown := columns.keys() - cls.__dataclass_fields__.keys():  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__} has no fields {sorted(unknown)}")
    made: list[_T] = list(map(object.__new__, repeat(cls, n)))
    for f in fields(cls):  # type: ignore[arg-type]
        column = columns.get(f.name)
        if column is not None and len(column) != n:
            raise ValueError(f"{n} values of the first field but {len(column)} of {f.name!r}")
        if column is None and f.default is MISSING:
            raise TypeError(f"{cls.__name__}.all_of needs the field {f.name!r}")
        values = repeat(f.default, n) if column is None else column
        deque(map(vars(cls)[f.name].__set__, made, values), maxlen=0)
    return made


@dataclass(frozen=True, order=True)
class Pos:
    """A 1-based line and column in the map file (0, 0 when unknown)."""

    line: int = 0
    column: int = 0


@dataclass(frozen=True, order=True, slots=True, init=False)
class Span:
    """Character offsets ``[start, end)`` of a quote in the source text."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # a frozen dataclass's own __init__ sets each field through object.__setattr__;
        # the fields' own setters are faster (a big map has 10^5 spans)
        _SET_START(self, start)
        _SET_END(self, end)


_SET_START: Callable[[Span, int], None] = vars(Span)["start"].__set__
_SET_END: Callable[[Span, int], None] = vars(Span)["end"].__set__


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim of the essay.

    Attributes
    ----------
    id : kebab-case identifier, unique in the map.
    text : the claim in the encoder's own words.
    quote : verbatim span of the source that states it.
    role : one of :data:`ROLES`.
    by : who asserts it (a speaker id such as ``"authors"`` or ``"trotsky"``).
    tags, note : free annotations.
    base : base score in [0, 1] for gradual semantics.
    span : where ``quote`` occurs in the source text, once resolved.
    paragraph : 1-based paragraph of the source holding the quote (0 if unknown).
    occurrence : which occurrence of a repeated quote is meant (0: not said, the first).
    origin : where in the YAML document the claim is written.
    found : how often the loader found ``quote`` in the source, counted up to
        ``max(2, occurrence)`` (0: not counted); more than 1 means it repeats.
    """

    id: str
    text: str
    quote: str
    role: str
    by: str
    tags: tuple[str, ...] = ()
    note: str = ""
    base: float = 0.5
    span: Span | None = None
    paragraph: int = 0
    occurrence: int = 0
    origin: YamlPath = field(default=(), compare=False)
    found: int = field(default=0, compare=False, repr=False)

    @classmethod
    def all_of(cls, columns: Mapping[str, Sequence[Any]]) -> list[Claim]:
        """The claims whose fields are ``columns``: the i-th value of each, or the default.

        A loader's fast way to build many claims (see :func:`_filled`).

        >>> [c.id for c in Claim.all_of(
        ...     {"id": ["a", "b"], "text": ["A.", "B."], "quote": ["A", "B"],
        ...      "role": ["thesis", "claim"], "by": ["authors", "authors"]})]
        ['a', 'b']
        """
        return _filled(cls, columns)


@dataclass(frozen=True, slots=True)
class Relation:
    """A support, opposition or undercut.

    ``premises`` are claim ids; more than one makes a *linked* support (the
    premises support the target only together).  ``target`` is a claim id, or
    for an undercut the id of the relation whose inference is attacked.
    ``scheme`` names an argumentation scheme (see :mod:`argmap.schemes`) and
    ``answered`` lists the scheme's critical questions the essay answers.
    ``origin`` is where it is written: ``("relations", i)`` for the explicit
    form, ``("claims", i, "supports", j)`` for a short form.
    """

    id: str
    kind: RelationKind
    premises: tuple[str, ...]
    target: str
    scheme: str = ""
    note: str = ""
    answered: tuple[str, ...] = ()
    origin: YamlPath = field(default=(), compare=False)

    @classmethod
    def all_of(cls, columns: Mapping[str, Sequence[Any]]) -> list[Relation]:
        """The relations whose fields are ``columns``, as :meth:`Claim.all_of` builds claims.

        >>> Relation.all_of({"id": ["b--supports--a"], "kind": ["support"],
        ...                  "premises": [("b",)], "target": ["a"]})[0].scheme
        ''
        """
        return _filled(cls, columns)

    @property
    def linked(self) -> bool:
        """True for a support with several premises that hold only together."""
        return len(self.premises) > 1


@dataclass(frozen=True)
class Skip:
    """A passage of the source deliberately left unencoded, and why."""

    quote: str
    why: str
    span: Span | None = None
    origin: YamlPath = field(default=(), compare=False)


@dataclass(frozen=True)
class Map:
    """A whole argument map.

    ``source`` is the source path as written in the map (relative to the map
    file); ``source_text`` its content once read.  ``file`` is the map's own
    path as given by the user, used in diagnostics.  ``locate`` maps a
    :data:`YamlPath` to a :class:`Pos`; loaders supply it so that positions are
    computed only when a message needs one.  ``quotes`` is how quotes match
    the source: ``"exact"`` (only whitespace may differ) or ``"typographic"``.
    """

    title: str
    thesis: str
    source: str
    claims: tuple[Claim, ...]
    relations: tuple[Relation, ...]
    source_text: str = ""
    file: str = "<map>"
    speakers: Mapping[str, str] = field(default_factory=dict)
    skipped: tuple[Skip, ...] = ()
    version: int = 1
    locate: Callable[[YamlPath], Pos] = field(default=lambda _p: Pos(), compare=False, repr=False)
    quotes: str = "exact"

    @cached_property
    def _claims(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}  # a comprehension reads slots faster than map

    @cached_property
    def _relations(self) -> dict[str, Relation]:
        return {r.id: r for r in self.relations}

    def claim(self, claim_id: str) -> Claim:
        """Return the claim with id ``claim_id`` (KeyError if absent)."""
        return self._claims[claim_id]

    def relation(self, relation_id: str) -> Relation:
        """Return the relation with id ``relation_id`` (KeyError if absent)."""
        return self._relations[relation_id]

    def has_claim(self, claim_id: str) -> bool:
        """Whether a claim with this id exists."""
        return claim_id in self._claims

    def has_relation(self, relation_id: str) -> bool:
        """Whether a relation with this id exists."""
        return relation_id in self._relations

    @cached_property
    def _into(self) -> dict[str, list[Relation]]:
        into: dict[str, list[Relation]] = {}
        for r in self.relations:
            into.setdefault(r.target, []).append(r)
        return into

    def relations_into(self, target: str) -> list[Relation]:
        """Relations whose target is ``target`` (a claim or relation id), in map order."""
        return list(self._into.get(target, ()))

    def speaker_name(self, speaker: str) -> str:
        """Display name of a speaker id (the id itself if none is declared)."""
        return self.speakers.get(speaker, speaker)

    def pos(self, item: Claim | Relation | Skip) -> Pos:
        """Where a claim or relation is written in the map file."""
        return self.locate(item.origin)

    def places(self, ids: Iterable[str]) -> list[Pos]:
        """Where the claim, or else the relation, of each id is written: many :meth:`pos` at once.

        Examples
        --------
        >>> m = Map("", "a", "", (Claim("a", "A.", "A", "thesis", "x", origin=("claims", 0)),),
        ...         (), locate=lambda path: Pos(len(path), 1))
        >>> m.places(["a"])
        [Pos(line=2, column=1)]
        """
        claims, relations = self._claims, self._relations
        origins = [(claims.get(i) or relations[i]).origin for i in ids]
        many = getattr(self.locate, "many", None)  # a locator that finds many paths in one loop
        return list(many(origins) if many is not None else map(self.locate, origins))

    # The two methods below reach up the layers, lazily, so that the data model
    # itself needs neither networkx nor Graphviz.

    def to_networkx(self) -> nx.DiGraph:
        """The map as a networkx DiGraph (see :func:`argmap.graph.to_networkx`)."""
        from argmap.graph import to_networkx

        return to_networkx(self)

    def _repr_svg_(self) -> str:
        """The map drawn as SVG, for Jupyter (needs Graphviz)."""
        from argmap.api import render

        return str(render(self, format="svg"))


#: the verb of each relation kind in the ids argmap derives (``a--supports--b``)
RELATION_VERBS: dict[RelationKind, str] = {
    "support": "supports",
    "opposition": "opposes",
    "undercut": "undercuts",
}


def derived_relation_id(kind: RelationKind, premises: tuple[str, ...], target: str) -> str:
    """The id argmap gives a relation written without one: premises, verb, target.

    Examples
    --------
    >>> derived_relation_id("support", ("a", "b"), "t")
    'a+b--supports--t'
    """
    return f"{'+'.join(premises)}--{RELATION_VERBS[kind]}--{target}"


@dataclass(frozen=True)
class Assessment:
    """What an evaluation says about each claim: what the drawings show.

    ``labels`` (``in``/``out``/``undec`` per claim) come from the Dung
    semantics ``semantics`` under the support reading ``support``;
    ``strengths`` (in [0, 1] per claim) from the gradual method ``gradual``,
    and ``converged`` is false when those strengths were still moving when
    the computation stopped.  Empty mappings: not asked for.  Built by
    :func:`argmap.evaluate.assess`; drawn by :mod:`argmap.render`.

    Examples
    --------
    >>> Assessment(labels={"t": "in"}, semantics="grounded").strengths
    {}
    """

    labels: Mapping[str, str] = field(default_factory=dict)
    semantics: str = ""
    support: str = ""
    strengths: Mapping[str, float] = field(default_factory=dict)
    gradual: str = ""
    converged: bool = True
