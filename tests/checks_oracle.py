"""The lints as they were before the set-algebra rewrite (commit 123db8f): the oracle.

The lint functions of ``argmap.checks`` at that commit, verbatim; the parts
that did not change (``Finding``, the registry, ``_cyclic``, tested against
networkx in tests/test_checks.py) are today's.  See tests/test_checks_oracle.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from argmap.checks import _ORDER, CHECKS, SUPPORTED_ROLES, Finding, _cyclic
from argmap.graph import Links, links_of
from argmap.model import Map, Relation
from argmap.schemes import SCHEMES
from argmap.source import occurrences, places


def _at(
    m: Map, item_id: str, code: str, message: str, hint: str, *, claims: Iterable[str]
) -> Finding:
    item = m.claim(item_id) if m.has_claim(item_id) else m.relation(item_id)
    pos = m.pos(item)
    return Finding(
        m.file, pos.line, pos.column, code, message, hint, CHECKS[code].severity, tuple(claims)
    )


def circular_support(m: Map, links: Links) -> list[Finding]:
    """Each elementary cycle of the claim-level support graph, once.

    Cycles are searched only among the claims that lie on one (one linear
    pass finds them), so a map without circles costs no more than that pass.
    """
    succ = links.supports
    cyclic = _cyclic(succ)
    if not cyclic:
        return []
    import networkx as nx  # only a map with circles needs it

    sg = nx.DiGraph()
    sg.add_edges_from((u, v) for u in cyclic for v in succ[u] if v in cyclic)
    cycles = set()
    for cyc in nx.simple_cycles(sg):
        i = cyc.index(min(cyc))
        cycles.add(tuple(cyc[i:] + cyc[:i]))
    return [
        _at(
            m,
            cyc[0],
            "circular-support",
            "support runs in a circle: " + " → ".join((*cyc, cyc[0])),
            "a claim cannot be a reason for itself; break the circle with independent evidence",
            claims=cyc,
        )
        for cyc in sorted(cycles)
    ]


def supports_and_opposes(m: Map, links: Links) -> list[Finding]:
    """Claims that both support and oppose the same target."""
    opposed: dict[str, set[str]] = {}  # target -> the claims that oppose it
    for r in links.of_kind["opposition"]:
        opposed.setdefault(r.target, set()).update(r.premises)
    both = {
        (p, r.target)
        for r in links.of_kind["support"]
        if r.target in opposed
        for p in r.premises
        if p in opposed[r.target]
    }
    return [
        _at(
            m,
            p,
            "supports-and-opposes",
            f"claim {p!r} both supports and opposes {t!r}",
            "keep one of the two relations, or split the claim into the part "
            "that supports and the part that opposes",
            claims=(p, t),
        )
        for p, t in sorted(both)
    ]


def disconnected(m: Map, links: Links) -> list[Finding]:
    """Claims with no chain of relations leading to the thesis.

    A walk from the thesis against the relations: target → premises, and
    through an undercut relation (met when its target is) to the premises
    of its undercuts.
    """
    undercut: dict[str, list[str]] = {}  # node -> the relations into it that are undercut
    for u in links.of_kind["undercut"]:
        undercut.setdefault(m.relation(u.target).target, []).append(u.target)
    into = links.into
    reach = {m.thesis}
    stack = [m.thesis]
    while stack:
        node = stack.pop()
        for r in into.get(node, ()):
            for p in r.premises:
                if p not in reach:
                    reach.add(p)
                    stack.append(p)
        for x in undercut.get(node, ()):
            if x not in reach:
                reach.add(x)
                stack.append(x)
    return [
        _at(
            m,
            c,
            "disconnected",
            f"claim {c!r} has no path of relations to the thesis {m.thesis!r}",
            "relate it to a claim that leads to the thesis, or list its quote under skipped:",
            claims=(c,),
        )
        for c in sorted(c.id for c in m.claims if c.id not in reach)
    ]


def bare_assertion(m: Map, links: Links) -> list[Finding]:
    """Thesis, claims and rebuttals that nothing supports."""
    supported = {r.target for r in links.of_kind["support"]}
    return [
        _at(
            m,
            c.id,
            "bare-assertion",
            f"claim {c.id!r} (role {c.role}) is asserted without support",
            "add a claim that supports it, or give it a role such as evidence or background",
            claims=(c.id,),
        )
        for c in sorted(
            (c for c in m.claims if c.role in SUPPORTED_ROLES and c.id not in supported),
            key=lambda c: c.id,
        )
    ]


def _premises(m: Map, node: str) -> tuple[str, ...]:
    """A claim itself, or the distinct premises of a relation, sorted."""
    return (node,) if m.has_claim(node) else tuple(sorted(set(m.relation(node).premises)))


def _side(m: Map, node: str) -> tuple[set[str], bool]:
    """Whose a node is, and whether it is a point voiced for the other side.

    A claim is its ``by``'s, an inference its premises' speakers'; a
    concession, or an inference drawn from one, is conceded.
    """
    claims = [m.claim(p) for p in _premises(m, node)]
    return {c.by for c in claims}, any(c.role == "concession" for c in claims)


def _answered(m: Map, links: Links) -> tuple[set[str], set[str]]:
    """The claims that are attacked or need something that is, and the attacked relations.

    An attack needs its premises, and a premise the essay argues for needs
    the arguments given for it (the default, necessary, reading of
    :mod:`argmap.semantics.bipolar`): so an answered claim is an attacked
    one, the conclusion of an undercut support, or a claim an answered
    claim supports, found in one walk.  A relation is answered when it is
    attacked or one of its premises is.
    """
    attacked = {r.target for r in _attacks(links)}
    claims = {n for n in attacked if m.has_claim(n)}
    relations = attacked - claims
    claims.update(r.target for r in map(m.relation, relations) if r.kind == "support")
    supports = links.supports
    stack = list(claims)
    while stack:
        for t in supports.get(stack.pop(), ()):
            if t not in claims:
                claims.add(t)
                stack.append(t)
    return claims, relations


def _attacks(links: Links) -> list[Relation]:
    """The oppositions and undercuts, sorted by id."""
    return sorted(links.of_kind["opposition"] + links.of_kind["undercut"], key=lambda r: r.id)


def _premises_and_target(m: Map, r: Relation) -> tuple[str, ...]:
    """The claims an attack names: its premises, and its target when that is a claim."""
    premises = _premises(m, r.id)
    return (*premises, r.target) if m.has_claim(r.target) else premises


def unanswered_opposition(m: Map, links: Links) -> list[Finding]:
    """Attacks on the thesis speaker's claims or inferences that nothing attacks back.

    The thesis speaker's concessions, and inferences drawn from them, are
    points granted to the other side, so attacks on them are not reported.
    """
    authors = {m.claim(m.thesis).by}
    claims, relations = _answered(m, links)
    found = []
    for r in _attacks(links):
        if r.id in relations or not claims.isdisjoint(r.premises):
            continue
        t = r.target
        owners, conceded = _side(m, t)
        if owners != authors or conceded:
            continue
        what = "opposes" if r.kind == "opposition" else "undercuts"
        found.append(
            _at(
                m,
                r.id,
                "unanswered-opposition",
                f"{'+'.join(_premises(m, r.id))} {what} {t!r} and nothing in the map answers it",
                "an attack is answered when one of its premises (or an argument for one) is "
                "attacked, or its inference is undercut; encode the essay's reply, or note "
                "that it concedes the point",
                claims=_premises_and_target(m, r),
            )
        )
    return found


def open_questions(m: Map, _links: Links) -> list[Finding]:
    """Inferences whose scheme has critical questions the essay does not answer."""
    found = []
    for relation in sorted((r for r in m.relations if r.scheme), key=lambda r: r.id):
        r = relation.id
        answered = set(relation.answered)
        open_ = [q.id for q in SCHEMES[relation.scheme].questions if q.id not in answered]
        if open_:
            found.append(
                _at(
                    m,
                    r,
                    "open-questions",
                    f"inference {r!r} ({relation.scheme}) leaves critical questions open: "
                    + ", ".join(open_),
                    "if the essay answers one, list it under answered:; "
                    "'argmap schemes' shows the questions",
                    claims=_premises(m, r),
                )
            )
    return found


def self_conflict(m: Map, links: Links) -> list[Finding]:
    """Speakers whose own claims attack each other.

    An attack from or on a concession (or an inference drawn from one) is
    the essay voicing the other side, not a contradiction.
    """
    found = []
    for r in _attacks(links):
        t = r.target
        owners, conceded = _side(m, r.id)
        if len(owners) == 1 and not conceded and _side(m, t) == (owners, False):
            who = next(iter(owners))
            found.append(
                _at(
                    m,
                    r.id,
                    "self-conflict",
                    f"speaker {who!r} attacks their own "
                    f"{'claim' if m.has_claim(t) else 'inference'} {t!r} "
                    f"with {'+'.join(_premises(m, r.id))}",
                    "check the 'by' of these claims; if the speaker really contradicts "
                    "themselves, say so in a note",
                    claims=_premises_and_target(m, r),
                )
            )
    return found


def repeated_quote(m: Map, _links: Links) -> list[Finding]:
    """Each claim whose quote occurs more than once in the source and says not which.

    A claim the loader found once (``found == 1``) is not searched again.
    """
    found = []
    typographic = m.quotes == "typographic"
    for c in m.claims:
        if c.span is None or c.occurrence or c.found == 1:
            continue
        spans = occurrences(m.source_text, c.quote, typographic=typographic, limit=10)
        if len(spans) > 1:
            where = ", ".join(f"¶{p} s{n}" for p, n in places(m.source_text, spans))
            found.append(
                _at(
                    m,
                    c.id,
                    "repeated-quote",
                    f"claim {c.id!r}: the quote occurs {len(spans)}"
                    f"{'+' if len(spans) == 10 else ''} times ({where}); the first is used",
                    "add 'occurrence: N' to pick the N-th, or quote a longer passage",
                    claims=[c.id],
                )
            )
    return found


#: the old lint of each code
LINTS: dict[str, Callable[[Map, Links], list[Finding]]] = {
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
    """Every old lint, findings sorted by place."""
    links = links_of(m)
    return sorted((f for run in LINTS.values() for f in run(m, links)), key=_ORDER)
