"""Structural lints of a valid map: circular support, loose ends, open attacks.

Each lint is a plain function ``(map, links) -> list[Finding]`` (``links``:
:func:`argmap.graph.links_of`, built once) registered in
:data:`CHECKS` under a stable kebab-case code with its severity and a
one-line description; :func:`run_checks` runs a selection of them.  A finding
names the claims involved and where the first of them is written.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> cs = (Claim("t", "T.", "T", "thesis", "authors"), Claim("a", "A.", "A", "claim", "authors"))
>>> m = Map("", "t", "", cs, (Relation("a--supports--t", "support", ("a",), "t"),), file="m.yaml")
>>> [str(f) for f in run_checks(m)]
["m.yaml: warning: bare-assertion: claim 'a' (role claim) is asserted without support \
(hint: add a claim that supports it, or give it a role such as evidence or background)"]
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, compress, filterfalse, repeat
from operator import attrgetter, gt, lt, not_
from typing import Any

from argmap.errors import ArgmapError, Diagnostic, Severity, located
from argmap.graph import Links, grouped, links_of, spread
from argmap.model import Map
from argmap.schemes import SCHEMES
from argmap.source import occurrences, places

__all__ = [
    "CHECKS",
    "SUPPORTED_ROLES",
    "Check",
    "Finding",
    "parse_codes",
    "run_checks",
]

#: roles that make a claim the essay should argue for
SUPPORTED_ROLES = ("thesis", "claim", "rebuttal")


@dataclass(frozen=True, order=True, init=False)
class Finding:
    """One lint result, located at the first item it names."""

    file: str
    line: int
    column: int
    code: str
    message: str
    hint: str
    severity: Severity
    claims: tuple[str, ...] = ()

    def __init__(  # noqa: PLR0917 -- the fields, in order, as the dataclass would take them
        self,
        file: str,
        line: int,
        column: int,
        code: str,
        message: str,
        hint: str,
        severity: Severity,
        claims: tuple[str, ...] = (),
    ) -> None:
        # filled at once, as a Claim is: a big map has tens of thousands of findings
        self.__dict__.update(
            file=file,
            line=line,
            column=column,
            code=code,
            message=message,
            hint=hint,
            severity=severity,
            claims=claims,
        )

    def __str__(self) -> str:
        return located(
            self.file, self.line, self.column, self.severity, self.code, self.message, self.hint
        )

    def diagnostic(self) -> Diagnostic:
        """The finding as a :class:`~argmap.errors.Diagnostic` (same text format)."""
        return Diagnostic(
            self.file, self.line, self.column, self.code, self.message, self.hint, self.severity
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as a JSON-ready dictionary (its fields in order, as ``asdict``).

        Examples
        --------
        >>> Finding("m.yaml", 2, 5, "disconnected", "m", "h", "warning", ("a",)).to_dict()
        ... # doctest: +NORMALIZE_WHITESPACE
        {'file': 'm.yaml', 'line': 2, 'column': 5, 'code': 'disconnected', 'message': 'm',
         'hint': 'h', 'severity': 'warning', 'claims': ['a']}
        """
        return {**self.__dict__, "claims": list(self.claims)}  # asdict: 20 times slower


#: the order of findings (their fields in turn, as ``Finding``'s own ``<``), as a sort key
_ORDER = attrgetter("file", "line", "column", "code", "message", "hint", "severity", "claims")

Lint = Callable[[Map, Links], list[Finding]]


@dataclass(frozen=True)
class Check:
    """A registered lint: its code, severity, description and function."""

    code: str
    severity: Severity
    description: str
    run: Lint


def _found(
    m: Map, code: str, hint: str, rows: Sequence[tuple[str, str, tuple[str, ...]]]
) -> list[Finding]:
    """The findings of one lint, each row ``(item id, message, claims)`` located at its item.

    The item is the claim, or else the relation, of that id.
    """
    severity, file = CHECKS[code].severity, m.file
    ids, messages, claims = zip(*rows, strict=True) if rows else ((), (), ())
    fields = [
        {
            "file": file,
            "line": at.line,
            "column": at.column,
            "code": code,
            "message": message,
            "hint": hint,
            "severity": severity,
            "claims": named,
        }
        for at, message, named in zip(m.places(ids), messages, claims, strict=True)
    ]
    # made as Finding(...) would make them, without a call of __init__ for each
    made = list(map(object.__new__, repeat(Finding, len(fields))))
    deque(map(object.__setattr__, made, repeat("__dict__"), fields), maxlen=0)
    return made


def _cyclic(succ: dict[str, list[str]]) -> set[str]:
    """The nodes of ``succ`` that lie on a cycle.

    The edges out of nodes nothing leads to are dropped, all at once, round
    after round (each round a few passes in C over the edges left), while a
    round drops many; then the nodes nothing leads to are peeled off one by
    one (:func:`_peeled`), so that a map without circles is emptied in
    linear time; what is left goes to Tarjan's components (:func:`_on_cycles`).

    Examples
    --------
    >>> sorted(_cyclic({"a": ["b"], "b": ["c", "a"], "c": ["d"], "e": ["e"]}))
    ['a', 'b', 'e']
    """
    sources = list(chain.from_iterable(map(repeat, succ, map(len, succ.values()))))
    return _cyclic_pairs(sources, list(chain.from_iterable(succ.values())))


def _cyclic_pairs(sources: list[str], targets: list[str], into: set[str] | None = None) -> set[str]:
    """The nodes on a cycle of the edges ``sources[i] -> targets[i]`` (see :func:`_cyclic`).

    ``into``: the set of ``targets``, when the caller has it.
    """
    while sources:
        keep = list(map((set(targets) if into is None else into).__contains__, sources))
        into = None
        if keep.count(False) <= len(keep) // 8:  # few (or none) dropped: peel one by one
            break
        sources, targets = list(compress(sources, keep)), list(compress(targets, keep))
    left: dict[str, list[str]] = {}
    for u, v in zip(sources, targets, strict=True):
        left.setdefault(u, []).append(v)
    return _on_cycles(_peeled(left)) if left else set()


def _peeled(succ: dict[str, list[str]]) -> dict[str, list[str]]:
    """``succ`` without the nodes nothing leads to, nor those only they led to.

    Examples
    --------
    >>> _peeled({"a": ["b"], "b": ["c", "a"], "c": ["d"], "e": ["b"], "f": ["e"]})
    {'a': ['b'], 'b': ['c', 'a'], 'c': ['d']}
    """
    indegree = Counter(chain.from_iterable(succ.values()))
    stack = [u for u in succ if u not in indegree]
    while stack:
        for v in succ.get(stack.pop(), ()):
            indegree[v] -= 1
            if not indegree[v]:
                stack.append(v)
    left = {v for v, n in indegree.items() if n}
    return {u: [v for v in succ[u] if v in left] for u in succ if u in left}


def _on_cycles(succ: dict[str, list[str]]) -> set[str]:
    """The nodes of ``succ`` that lie on a cycle (Tarjan's components, without recursion)."""
    order: dict[str, int] = {}  # node -> when it was first met
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cyclic: set[str] = set()
    for root in succ:
        if root in order:
            continue
        work = [(root, iter(succ.get(root, ())))]
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == order[node]:
                    part = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        part.append(top)
                        if top == node:
                            break
                    if len(part) > 1 or node in succ.get(node, ()):
                        cyclic.update(part)
            elif child not in order:
                order[child] = low[child] = len(order)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(succ.get(child, ()))))
            elif child in on_stack:
                low[node] = min(low[node], order[child])
    return cyclic


def circular_support(m: Map, links: Links) -> list[Finding]:
    """Each elementary cycle of the claim-level support graph, once.

    Cycles are searched only among the claims that lie on one (one linear
    pass finds them), so a map without circles costs no more than that pass;
    none is searched when every support runs one way in the map's order of
    the claims (:func:`_one_way`).
    """
    if _one_way(*links.ranks["support"]):
        return []
    cyclic = _cyclic_pairs(*links.pairs["support"], links.supported)
    if not cyclic:
        return []
    succ = links.supports
    import networkx as nx  # only a map with circles needs it

    sg = nx.DiGraph()
    sg.add_edges_from((u, v) for u in cyclic for v in succ[u] if v in cyclic)
    cycles = set()
    for cyc in nx.simple_cycles(sg):
        i = cyc.index(min(cyc))
        cycles.add(tuple(cyc[i:] + cyc[:i]))
    return _found(
        m,
        "circular-support",
        "a claim cannot be a reason for itself; break the circle with independent evidence",
        [
            (cyc[0], "support runs in a circle: " + " → ".join((*cyc, cyc[0])), cyc)
            for cyc in sorted(cycles)
        ],
    )


def _one_way(premises: list[float], targets: list[float]) -> bool:
    """Whether each ``targets[i]`` is less than ``premises[i]``, or each is greater.

    Then the edges ``premises[i] -> targets[i]`` of claims (by their ranks)
    cannot run in a circle.

    Examples
    --------
    >>> _one_way([2, 1], [0, 0]), _one_way([0, 1], [1, 2]), _one_way([0, 2], [1, 1])
    (True, True, False)
    """
    return all(map(lt, targets, premises)) or all(map(gt, targets, premises))


def supports_and_opposes(m: Map, links: Links) -> list[Finding]:
    """Claims that both support and oppose the same target."""
    premises, targets = links.pairs["support"]
    opposing, opposed = links.pairs["opposition"]
    chosen = list(map(set(opposing).__contains__, premises))  # supports by a claim that opposes
    supports = zip(compress(premises, chosen), compress(targets, chosen), strict=True)
    both = set(supports).intersection(zip(opposing, opposed, strict=True))
    return _found(
        m,
        "supports-and-opposes",
        "keep one of the two relations, or split the claim into the part "
        "that supports and the part that opposes",
        [(p, f"claim {p!r} both supports and opposes {t!r}", (p, t)) for p, t in sorted(both)],
    )


def disconnected(m: Map, links: Links) -> list[Finding]:
    """Claims with no chain of relations leading to the thesis.

    None when each claim but the thesis relates to one written before it (or
    each to one after it): :func:`_all_lead`.  Else a walk from the thesis
    against the relations, target → premises (:func:`_closure`).  The
    premises of an undercut lead where the chain of undercuts ends
    (:func:`_anchor`): to the target of the relation it undercuts.
    """
    undercuts = links.of_kind["undercut"]
    anchored = spread(list(map(_PREMISES, undercuts)), [_anchor(m, r.id) for r in undercuts])
    parts = [links.pairs["support"], links.pairs["opposition"], anchored]  # premises, led to
    ranks = [links.ranks["support"], links.ranks["opposition"], tuple(map(links.ranked, anchored))]
    if _all_lead(m, [premises for premises, _ in parts], ranks):
        return []
    n = len(m.claims)
    reach = _closure({m.thesis}, [(leads, premises) for premises, leads in parts], everything=n)
    everything = len(reach) == n  # each premise, and the thesis, is a claim
    unreached = [] if everything else filterfalse(reach.__contains__, [c.id for c in m.claims])
    return _found(
        m,
        "disconnected",
        "relate it to a claim that leads to the thesis, or list its quote under skipped:",
        [
            (c, f"claim {c!r} has no path of relations to the thesis {m.thesis!r}", (c,))
            for c in sorted(unreached)
        ],
    )


def _all_lead(m: Map, premises: list[list[str]], ranks: Sequence[tuple[list[float], ...]]) -> bool:
    """Whether every claim but the thesis leads to one written before it (or every one after).

    Then each leads, claim after claim, to the thesis: none is disconnected.
    ``premises``: parts of the edges, and ``ranks``, side by side, the
    ranks of their premises and of the claims they lead to.
    """
    for way in (lt, gt):
        led = set(
            chain.from_iterable(
                compress(part, map(way, to, of))
                for part, (of, to) in zip(premises, ranks, strict=True)
            )
        )
        led.discard(m.thesis)
        if len(led) == len(m.claims) - 1:
            return True
        if 2 * len(led) > len(m.claims):  # most lead one way: not all of them the other
            return False
    return False


def _anchor(m: Map, relation: str) -> str:
    """The claim the chain of undercuts from ``relation`` ends at (the relation if it has none).

    An undercut's premises lead to the thesis when the relation it undercuts
    does, which is when that relation's target does.

    Examples
    --------
    >>> from argmap.model import Relation
    >>> rs = (Relation("r", "support", ("a",), "t"), Relation("u", "undercut", ("b",), "r"),
    ...       Relation("v", "undercut", ("c",), "w"), Relation("w", "undercut", ("d",), "v"))
    >>> m = Map("", "t", "", (), rs)
    >>> _anchor(m, "u"), _anchor(m, "r"), _anchor(m, "v")
    ('t', 't', 'v')
    """
    seen = {relation}
    node = m.relation(relation).target
    while m.has_relation(node):
        if node in seen:  # undercuts in a circle: none leads anywhere
            return relation
        seen.add(node)
        node = m.relation(node).target
    return node


_ID = attrgetter("id")


#: edges ``sources[i] -> targets[i]``, as ``(sources, targets)`` in parts
Edges = Sequence[tuple[Sequence[str], Sequence[str]]]


def _closure(
    reach: set[str], edges: Edges, *, backwards: bool = False, everything: int = -1
) -> set[str]:
    """``reach`` (which it takes) and every node one of the ``edges`` leads to.

    Or, once it holds ``everything`` nodes (all there are), just what is reached then.

    A few passes over the edges in C, in their order (``backwards``: the
    last part's last edge first), each taking every edge out of what is
    reached so far, and then, once what is reached may be most of the map,
    dropping the edges into it: the edges of a map written in order (the
    caller orders them so) need one or two, and one more that adds nothing.
    The edges into what is not reached after that are walked from what is
    reached, a round of the walk taking a whole frontier at once.

    Examples
    --------
    >>> edges = [(["c", "c", "a"], ["d", "a", "b"]), (["a", "e"], ["c", "a"])]
    >>> sorted(_closure({"a"}, edges))
    ['a', 'b', 'c', 'd']
    >>> sorted(_closure({"a"}, edges, everything=3))
    ['a', 'b', 'c']
    >>> sorted(_closure({"d"}, [(["a", "b", "c"], ["b", "c", "d"])], backwards=True))
    ['d']
    >>> sorted(_closure({"a"}, [(["c"], ["d"]), (["b", "a"], ["c", "b"])], backwards=True))
    ['a', 'b', 'c', 'd']
    """
    contains = reach.__contains__
    size = sum(len(targets) for _, targets in edges)
    for _ in range(_PASSES):
        before = len(reach)
        reach.update(
            compress(_side(edges, 1, backwards), map(contains, _side(edges, 0, backwards)))
        )
        if len(reach) in {before, everything}:
            return reach
        if 2 * len(reach) > size:  # most edges may lead into what is reached: drop them
            edges, backwards = [_into_the_rest(reach, edges, backwards)], False
            size = len(edges[0][1])
    succ = grouped(*_into_the_rest(reach, edges, backwards))
    frontier = reach.intersection(succ)  # what is reached and has edges left
    while frontier:
        added = set(chain.from_iterable(map(succ.__getitem__, frontier))) - reach
        reach |= added
        frontier = added.intersection(succ)
    return reach


def _side(edges: Edges, end: int, backwards: bool) -> Iterator[str]:
    """The sources (``end`` 0) or the targets (1) of all the parts of ``edges``, in order."""
    if backwards:
        return chain.from_iterable(reversed(part[end]) for part in reversed(edges))
    return chain.from_iterable(part[end] for part in edges)


def _into_the_rest(reach: set[str], edges: Edges, backwards: bool) -> tuple[list[str], list[str]]:
    """The ``edges`` into what ``reach`` does not hold, in order, in one part."""
    left = list(map(not_, map(reach.__contains__, _side(edges, 1, backwards))))
    return (
        list(compress(_side(edges, 0, backwards), left)),
        list(compress(_side(edges, 1, backwards), left)),
    )


#: passes over all the edges before :func:`_closure` walks the edges left
_PASSES = 4


def bare_assertion(m: Map, links: Links) -> list[Finding]:
    """Thesis, claims and rebuttals that nothing supports."""
    argued = list(compress(m.claims, map(_ARGUED.__contains__, [c.role for c in m.claims])))
    bare = compress(argued, map(not_, map(links.supported.__contains__, [c.id for c in argued])))
    return _found(
        m,
        "bare-assertion",
        "add a claim that supports it, or give it a role such as evidence or background",
        [
            (c.id, f"claim {c.id!r} (role {c.role}) is asserted without support", (c.id,))
            for c in sorted(bare, key=_ID)
        ],
    )


_TARGET = attrgetter("target")
_PREMISES = attrgetter("premises")
_ARGUED = frozenset(SUPPORTED_ROLES)


def _premises(m: Map, node: str) -> tuple[str, ...]:
    """A claim itself, or the distinct premises of a relation, sorted."""
    return (node,) if m.has_claim(node) else tuple(sorted(set(m.relation(node).premises)))


def _own(m: Map, claim_id: str) -> str | None:
    """A claim's speaker (its ``by``), but for a concession: a point voiced for the other side."""
    try:
        c = m.claim(claim_id)
    except KeyError:
        return None
    return None if c.role == "concession" else c.by


def _owner(m: Map, node: str) -> str | None:
    """The one speaker whose own point a node is, or None.

    A claim is its ``by``'s, an inference its premises' speaker's when they
    have one; a concession, or an inference drawn from one or from several
    speakers' claims, is no one's own.
    """
    if m.has_claim(node):
        return _own(m, node)
    premises = m.relation(node).premises
    if len(premises) == 1:
        return _own(m, premises[0])
    speakers = {_own(m, p) for p in premises}
    return speakers.pop() if len(speakers) == 1 else None


def _answered(m: Map, links: Links) -> tuple[set[str], set[str]]:
    """The claims that are attacked or need something that is, and the attacked relations.

    An attack needs its premises, and a premise the essay argues for needs
    the arguments given for it (the default, necessary, reading of
    :mod:`argmap.semantics.bipolar`): so an answered claim is an attacked
    one, the conclusion of an undercut support, or a claim an answered
    claim supports, found in one walk.  A relation is answered when it is
    attacked or one of its premises is.
    """
    attacked = set(map(_TARGET, links.attacks))
    claims = set(filter(m.has_claim, attacked))
    relations = attacked - claims
    claims.update(r.target for r in map(m.relation, relations) if r.kind == "support")
    return _closure(claims, [links.pairs["support"]], backwards=True), relations  # up the list


def _and_target(m: Map, premises: tuple[str, ...], target: str) -> tuple[str, ...]:
    """The claims an attack names: its ``premises``, and its target when that is a claim."""
    return (*premises, target) if m.has_claim(target) else premises


def unanswered_opposition(m: Map, links: Links) -> list[Finding]:
    """Attacks on the thesis speaker's claims or inferences that nothing attacks back.

    The thesis speaker's concessions, and inferences drawn from them, are
    points granted to the other side, so attacks on them are not reported.
    """
    author = m.claim(m.thesis).by
    claims, relations = _answered(m, links)
    open_ = [
        r
        for r in links.attacks
        if r.id not in relations and claims.isdisjoint(r.premises) and _owner(m, r.target) == author
    ]
    return _found(
        m,
        "unanswered-opposition",
        "an attack is answered when one of its premises (or an argument for one) is "
        "attacked, or its inference is undercut; encode the essay's reply, or note "
        "that it concedes the point",
        [
            (
                r.id,
                f"{'+'.join(ps)} {_VERBS[r.kind]} {r.target!r} and nothing in the map answers it",
                _and_target(m, ps, r.target),
            )
            for r, ps in zip(open_, map(_premises, repeat(m), map(_ID, open_)), strict=True)
        ],
    )


_VERBS = {"opposition": "opposes", "undercut": "undercuts"}


def open_questions(m: Map, _links: Links) -> list[Finding]:
    """Inferences whose scheme has critical questions the essay does not answer."""
    rows = []
    for relation in sorted((r for r in m.relations if r.scheme), key=_ID):
        r = relation.id
        answered = set(relation.answered)
        open_ = [q.id for q in SCHEMES[relation.scheme].questions if q.id not in answered]
        if open_:
            rows.append(
                (
                    r,
                    f"inference {r!r} ({relation.scheme}) leaves critical questions open: "
                    + ", ".join(open_),
                    _premises(m, r),
                )
            )
    return _found(
        m,
        "open-questions",
        "if the essay answers one, list it under answered:; 'argmap schemes' shows the questions",
        rows,
    )


def self_conflict(m: Map, links: Links) -> list[Finding]:
    """Speakers whose own claims attack each other.

    An attack from or on a concession (or an inference drawn from one) is
    the essay voicing the other side, not a contradiction.
    """
    rows = []
    for r in links.attacks:
        t = r.target
        who = _owner(m, r.id)
        if who is not None and _owner(m, t) == who:
            ps = _premises(m, r.id)
            rows.append(
                (
                    r.id,
                    (
                        f"speaker {who!r} attacks their own "
                        f"{'claim' if m.has_claim(t) else 'inference'} {t!r} with {'+'.join(ps)}"
                    ),
                    _and_target(m, ps, t),
                )
            )
    return _found(
        m,
        "self-conflict",
        "check the 'by' of these claims; if the speaker really contradicts "
        "themselves, say so in a note",
        rows,
    )


def repeated_quote(m: Map, _links: Links) -> list[Finding]:
    """Each claim whose quote occurs more than once in the source and says not which.

    A claim the loader found once (``found == 1``) is not searched again.
    """
    rows = []
    typographic = m.quotes == "typographic"
    for c in m.claims:
        if c.span is None or c.occurrence or c.found == 1:
            continue
        spans = occurrences(m.source_text, c.quote, typographic=typographic, limit=10)
        if len(spans) > 1:
            where = ", ".join(f"¶{p} s{n}" for p, n in places(m.source_text, spans))
            rows.append(
                (
                    c.id,
                    (
                        f"claim {c.id!r}: the quote occurs {len(spans)}"
                        f"{'+' if len(spans) == 10 else ''} times ({where}); the first is used"
                    ),
                    (c.id,),
                )
            )
    return _found(
        m,
        "repeated-quote",
        "add 'occurrence: N' to pick the N-th, or quote a longer passage",
        rows,
    )


#: every lint by code, in the order they run
CHECKS: dict[str, Check] = {
    c.code: c
    for c in (
        Check(
            "circular-support",
            "warning",
            "claims that support each other in a circle",
            circular_support,
        ),
        Check(
            "supports-and-opposes",
            "warning",
            "a claim that supports and opposes one target",
            supports_and_opposes,
        ),
        Check(
            "disconnected",
            "warning",
            "a claim with no path of relations to the thesis",
            disconnected,
        ),
        Check(
            "bare-assertion",
            "warning",
            "a thesis, claim or rebuttal nothing supports",
            bare_assertion,
        ),
        Check(
            "unanswered-opposition",
            "warning",
            "an attack on the authors that nothing attacks back",
            unanswered_opposition,
        ),
        Check(
            "open-questions",
            "info",
            "an inference with unanswered critical questions",
            open_questions,
        ),
        Check(
            "self-conflict",
            "warning",
            "a speaker whose own claims attack each other",
            self_conflict,
        ),
        Check(
            "repeated-quote",
            "warning",
            "a quote found more than once in the source, with no 'occurrence:'",
            repeated_quote,
        ),
    )
}


def parse_codes(text: str | None, option: str = "--select") -> list[str]:
    """Split comma-separated lint codes, raising ``unknown-check`` for unknown ones.

    Examples
    --------
    >>> parse_codes("disconnected, open-questions")
    ['disconnected', 'open-questions']
    >>> parse_codes("disconected")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: <command line>: error: unknown-check: ...
    """
    if not text:
        return []
    codes = [c.strip() for c in text.split(",") if c.strip()]
    bad = [c for c in codes if c not in CHECKS]
    if bad:
        raise ArgmapError(
            Diagnostic(
                "<command line>",
                0,
                0,
                "unknown-check",
                f"{option} names unknown check {c!r}",
                hint="known checks: " + ", ".join(CHECKS),
            )
            for c in bad
        )
    return codes


def run_checks(m: Map, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Finding]:
    """Run the selected lints (all by default, minus ``ignore``); findings sorted by place.

    The relations are indexed once (:func:`argmap.graph.links_of`) for all the lints.
    """
    links = links_of(m)
    chosen = list(select) or list(CHECKS)
    skip = set(ignore)
    found = [f for code in chosen if code not in skip for f in CHECKS[code].run(m, links)]
    return sorted(found, key=_ORDER)
