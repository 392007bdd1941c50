"""The lints as they were at the start of the "lints3" rewrite (commit e748099): an oracle.

``argmap.checks``'s lint functions and ``argmap.graph.Links`` at that commit,
verbatim, but that a finding is located by ``Map.pos``, one item at a time (as
``Map.places`` did then); ``Finding`` and the registry are today's.  See
tests/test_checks_oracle.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from itertools import chain, compress, repeat
from operator import attrgetter, not_

from argmap.checks import _ORDER, CHECKS, SUPPORTED_ROLES, Finding
from argmap.model import RELATION_KINDS, Claim, Map, Pos, Relation
from argmap.schemes import SCHEMES
from argmap.source import occurrences, places


class Links:
    """The map's relations (and claims' speakers) in plain dicts, for walks without networkx.

    Each index is built when first asked for, in one pass, and kept, so a
    lint pays only for the indexes it reads.  A relation id is also the id
    of its inference node in :func:`to_networkx`.
    """

    def __init__(self, relations: Sequence[Relation], claims: Sequence[Claim] = ()) -> None:
        self._relations = relations
        self._claims = claims

    @cached_property
    def of_kind(self) -> dict[str, list[Relation]]:
        """The relations of each kind, in map order."""
        of_kind: dict[str, list[Relation]] = {k: [] for k in RELATION_KINDS}
        for r in self._relations:
            of_kind[r.kind].append(r)
        return of_kind

    @cached_property
    def into(self) -> dict[str, list[Relation]]:
        """The relations into each claim or relation (by id), in map order."""
        into: dict[str, list[Relation]] = {}
        for r in self._relations:
            if r.target in into:
                into[r.target].append(r)
            else:
                into[r.target] = [r]
        return into

    @cached_property
    def supports(self) -> dict[str, list[str]]:
        """The claims each claim supports (the targets of its supports), in map order."""
        return grouped(*self.pairs["support"])

    @cached_property
    def edges(self) -> tuple[list[str], list[str], list[str]]:
        """Each premise of each relation, side by side with its relation's target and kind.

        Three lists, in map order, each made in one pass in C.

        Examples
        --------
        >>> r = Relation("r", "support", ("a", "b"), "t")
        >>> rs = [r, Relation("s", "opposition", ("c",), "a")]
        >>> Links(rs).edges
        (['a', 'b', 'c'], ['t', 't', 'a'], ['support', 'support', 'opposition'])
        """
        relations = self._relations
        premises = list(map(_PREMISES, relations))
        counts = list(map(len, premises))
        return (
            list(chain.from_iterable(premises)),
            list(chain.from_iterable(map(repeat, map(_TARGET, relations), counts))),
            list(chain.from_iterable(map(repeat, map(_KIND, relations), counts))),
        )

    @cached_property
    def pairs(self) -> dict[str, tuple[list[str], list[str]]]:
        """The :attr:`edges` of each kind: its premises and, side by side, their targets."""
        premises, targets, kinds = self.edges
        found: dict[str, tuple[list[str], list[str]]] = {}
        for kind in RELATION_KINDS:
            chosen = list(map(kind.__eq__, kinds))
            found[kind] = (list(compress(premises, chosen)), list(compress(targets, chosen)))
        return found

    @cached_property
    def attacks(self) -> list[Relation]:
        """The oppositions and undercuts, sorted by id."""
        return sorted(self.of_kind["opposition"] + self.of_kind["undercut"], key=_ID)

    @cached_property
    def own(self) -> dict[str, str]:
        """Each claim's speaker (its ``by``), but for concessions: points voiced for the other."""
        return {c.id: c.by for c in self._claims if c.role != "concession"}


_ID = attrgetter("id")
_TARGET = attrgetter("target")
_PREMISES = attrgetter("premises")
_KIND = attrgetter("kind")


def grouped(keys: Iterable[str], values: Iterable[str]) -> dict[str, list[str]]:
    """The values of each key, in order (``keys`` and ``values`` side by side).

    Examples
    --------
    >>> grouped("aba", "xyz")
    {'a': ['x', 'z'], 'b': ['y']}
    """
    groups: dict[str, list[str]] = {}
    group = groups.setdefault
    for key, value in zip(keys, values, strict=True):
        group(key, []).append(value)
    return groups


def _found(
    m: Map, code: str, hint: str, rows: Sequence[tuple[str, str, tuple[str, ...]]]
) -> list[Finding]:
    """The findings of one lint, each row ``(item id, message, claims)`` located at its item.

    The item is the claim, or else the relation, of that id.
    """
    severity, file = CHECKS[code].severity, m.file
    ids, messages, claims = zip(*rows, strict=True) if rows else ((), (), ())
    return [
        Finding(file, at.line, at.column, code, message, hint, severity, named)
        for at, message, named in zip(_places(m, ids), messages, claims, strict=True)
    ]


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


def _cyclic_pairs(sources: list[str], targets: list[str]) -> set[str]:
    """The nodes on a cycle of the edges ``sources[i] -> targets[i]`` (see :func:`_cyclic`)."""
    while sources:
        keep = list(map(set(targets).__contains__, sources))
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
    pass finds them), so a map without circles costs no more than that pass.
    """
    cyclic = _cyclic_pairs(*links.pairs["support"])
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


def supports_and_opposes(m: Map, links: Links) -> list[Finding]:
    """Claims that both support and oppose the same target."""
    both = set(zip(*links.pairs["support"], strict=True)).intersection(
        zip(*links.pairs["opposition"], strict=True)
    )
    return _found(
        m,
        "supports-and-opposes",
        "keep one of the two relations, or split the claim into the part "
        "that supports and the part that opposes",
        [(p, f"claim {p!r} both supports and opposes {t!r}", (p, t)) for p, t in sorted(both)],
    )


def disconnected(m: Map, links: Links) -> list[Finding]:
    """Claims with no chain of relations leading to the thesis.

    A walk from the thesis against the relations: target → premises, and
    through an undercut relation (met when its target is) to the premises
    of its undercuts; a round of the walk takes a whole frontier at once.
    """
    premises, targets, _ = links.edges
    undercut = list(map(_TARGET, links.of_kind["undercut"]))  # relations, met at their targets
    reach = _closure(
        {m.thesis}, targets + list(map(_TARGET, map(m.relation, undercut))), premises + undercut
    )
    return _found(
        m,
        "disconnected",
        "relate it to a claim that leads to the thesis, or list its quote under skipped:",
        [
            (c, f"claim {c!r} has no path of relations to the thesis {m.thesis!r}", (c,))
            for c in sorted(set(map(_ID, m.claims)) - reach)
        ],
    )


_ID = attrgetter("id")


def _closure(reach: set[str], sources: list[str], targets: list[str]) -> set[str]:
    """``reach`` (which it takes) and every node an edge ``sources[i] -> targets[i]`` leads to.

    A few passes over the edges in C, in their order, each taking every edge
    out of what is reached so far and then dropping the edges into it: the
    edges of a map written in order (the caller orders them so) need one or
    two, and one more that adds nothing.  The edges left after that are
    walked from what is reached, a round of the walk taking a whole frontier
    at once.

    Examples
    --------
    >>> sorted(_closure({"a"}, ["c", "c", "a", "a", "e"], ["d", "a", "b", "c", "a"]))
    ['a', 'b', 'c', 'd']
    """
    contains = reach.__contains__
    for _ in range(_PASSES):
        before = len(reach)
        reach.update(compress(targets, map(contains, sources)))
        if len(reach) == before:
            return reach
        left = list(map(not_, map(contains, targets)))  # the edges into what is not reached
        sources, targets = list(compress(sources, left)), list(compress(targets, left))
    succ = grouped(sources, targets)
    frontier = reach.intersection(succ)  # what is reached and has edges left
    while frontier:
        added = set(chain.from_iterable(map(succ.__getitem__, frontier))) - reach
        reach |= added
        frontier = added.intersection(succ)
    return reach


#: passes over all the edges before :func:`_closure` walks the edges left
_PASSES = 4


def bare_assertion(m: Map, links: Links) -> list[Finding]:
    """Thesis, claims and rebuttals that nothing supports."""
    supported = set(links.pairs["support"][1])
    argued = [c for c in m.claims if c.role in SUPPORTED_ROLES and c.id not in supported]
    return _found(
        m,
        "bare-assertion",
        "add a claim that supports it, or give it a role such as evidence or background",
        [
            (c.id, f"claim {c.id!r} (role {c.role}) is asserted without support", (c.id,))
            for c in sorted(argued, key=_ID)
        ],
    )


_TARGET = attrgetter("target")


def _premises(m: Map, node: str) -> tuple[str, ...]:
    """A claim itself, or the distinct premises of a relation, sorted."""
    return (node,) if m.has_claim(node) else tuple(sorted(set(m.relation(node).premises)))


def _owner(m: Map, own: dict[str, str], node: str) -> str | None:
    """The one speaker whose own point a node is (``own``: :attr:`Links.own`), or None.

    A claim is its ``by``'s, an inference its premises' speaker's when they
    have one; a concession, or an inference drawn from one or from several
    speakers' claims, is no one's own.
    """
    if m.has_claim(node):
        return own.get(node)
    speakers = set(map(own.get, m.relation(node).premises))
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
    premises, targets = links.pairs["support"]
    return _closure(claims, premises[::-1], targets[::-1]), relations  # up the map's list


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
    own = links.own
    open_ = [
        r
        for r in links.attacks
        if r.id not in relations
        and claims.isdisjoint(r.premises)
        and _owner(m, own, r.target) == author
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
    own = links.own
    rows = []
    for r in links.attacks:
        t = r.target
        who = _owner(m, own, r.id)
        if who is not None and _owner(m, own, t) == who:
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


def _places(m: Map, ids: Iterable[str]) -> list[Pos]:
    """Where each item is written, one :meth:`Map.pos` at a time."""
    return [m.pos(m.claim(i) if m.has_claim(i) else m.relation(i)) for i in ids]


def links_of(m: Map) -> Links:
    """The start's relation index of ``m``."""
    return Links(m.relations, m.claims)


Lint = Callable[[Map, Links], list[Finding]]

#: every lint by code, as at the start
LINTS: dict[str, Lint] = {
    "circular-support": circular_support,
    "supports-and-opposes": supports_and_opposes,
    "disconnected": disconnected,
    "bare-assertion": bare_assertion,
    "unanswered-opposition": unanswered_opposition,
    "open-questions": open_questions,
    "self-conflict": self_conflict,
    "repeated-quote": repeated_quote,
}


def run_checks(m: Map) -> list[Finding]:
    """Every lint, findings sorted by place, as at the start."""
    links = links_of(m)
    return sorted((f for lint in LINTS.values() for f in lint(m, links)), key=_ORDER)
