"""The lints as they were at the start of the "lints3" rewrite (commit e748099): an oracle.

``argmap.checks``'s lint functions and the parts of ``argmap.graph.Links`` that
changed since, verbatim, but that a finding is located by ``Map.pos``, one item
at a time (as ``Map.places`` did then); ``Finding``, the registry and what did
not change (the cycle search's last steps, open-questions, repeated-quote) are
today's.  See tests/test_checks_oracle.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from itertools import chain, compress, repeat
from operator import attrgetter, not_

from argmap import graph
from argmap.checks import (
    _ORDER,
    _VERBS,
    CHECKS,
    SUPPORTED_ROLES,
    Finding,
    _and_target,
    _on_cycles,
    _peeled,
    _premises,
)
from argmap.graph import grouped
from argmap.model import RELATION_KINDS, Claim, Map, Pos, Relation


class Links(graph.Links):
    """Today's index of the relations, with the start's ``edges``, ``pairs`` and ``own``."""

    def __init__(self, relations: Sequence[Relation], claims: Sequence[Claim] = ()) -> None:
        super().__init__(relations)
        self._claims = claims

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
    def own(self) -> dict[str, str]:
        """Each claim's speaker (its ``by``), but for concessions: points voiced for the other."""
        return {c.id: c.by for c in self._claims if c.role != "concession"}


_ID = attrgetter("id")
_TARGET = attrgetter("target")
_PREMISES = attrgetter("premises")
_KIND = attrgetter("kind")


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


def _places(m: Map, ids: Iterable[str]) -> list[Pos]:
    """Where each item is written, one :meth:`Map.pos` at a time."""
    return [m.pos(m.claim(i) if m.has_claim(i) else m.relation(i)) for i in ids]


def links_of(m: Map) -> Links:
    """The start's relation index of ``m``."""
    return Links(m.relations, m.claims)


#: every lint by code, as at the start (those that have not changed since: today's)
LINTS: dict[str, Callable[[Map, Links], list[Finding]]] = {
    **{code: check.run for code, check in CHECKS.items()},
    "circular-support": circular_support,
    "supports-and-opposes": supports_and_opposes,
    "disconnected": disconnected,
    "bare-assertion": bare_assertion,
    "unanswered-opposition": unanswered_opposition,
    "self-conflict": self_conflict,
}


def run_checks(m: Map) -> list[Finding]:
    """Every lint, findings sorted by place, as at the start."""
    links = links_of(m)
    return sorted(chain.from_iterable(lint(m, links) for lint in LINTS.values()), key=_ORDER)
