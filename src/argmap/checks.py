"""Structural lints of a valid map: circular support, loose ends, open attacks.

Each lint is a plain function ``(map, graph) -> list[Finding]`` registered in
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

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from argmap.errors import ArgmapError, Diagnostic, Severity
from argmap.graph import claim_nodes, inference_nodes, premises, target, to_networkx
from argmap.model import Map
from argmap.schemes import SCHEMES
from argmap.semantics.bipolar import support_graph
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


@dataclass(frozen=True, order=True)
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

    def __str__(self) -> str:
        return str(self.diagnostic())

    def diagnostic(self) -> Diagnostic:
        """The finding as a :class:`~argmap.errors.Diagnostic` (same text format)."""
        return Diagnostic(
            self.file, self.line, self.column, self.code, self.message, self.hint, self.severity
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as a JSON-ready dictionary."""
        d = asdict(self)
        d["claims"] = list(self.claims)
        return d


Lint = Callable[[Map, nx.DiGraph], list[Finding]]


@dataclass(frozen=True)
class Check:
    """A registered lint: its code, severity, description and function."""

    code: str
    severity: Severity
    description: str
    run: Lint


def _at(
    m: Map, item_id: str, code: str, message: str, hint: str, *, claims: Iterable[str]
) -> Finding:
    item = m.claim(item_id) if m.has_claim(item_id) else m.relation(item_id)
    pos = m.pos(item)
    return Finding(
        m.file, pos.line, pos.column, code, message, hint, CHECKS[code].severity, tuple(claims)
    )


def _kind(G: nx.DiGraph, r: str) -> str:
    return str(G.nodes[r]["relation"])


def circular_support(m: Map, G: nx.DiGraph) -> list[Finding]:
    """Each elementary cycle of the claim-level support graph, once."""
    sg = nx.DiGraph()
    for r in inference_nodes(G):
        if _kind(G, r) == "support":
            sg.add_edges_from((p, target(G, r)) for p in premises(G, r))
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


def supports_and_opposes(m: Map, G: nx.DiGraph) -> list[Finding]:
    """Claims that both support and oppose the same target."""
    kinds: dict[tuple[str, str], set[str]] = {}
    for r in inference_nodes(G):
        for p in premises(G, r):
            kinds.setdefault((p, target(G, r)), set()).add(_kind(G, r))
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
        for (p, t), ks in sorted(kinds.items())
        if {"support", "opposition"} <= ks
    ]


def disconnected(m: Map, G: nx.DiGraph) -> list[Finding]:
    """Claims with no chain of relations leading to the thesis."""
    reach = nx.ancestors(G, m.thesis) | {m.thesis}
    return [
        _at(
            m,
            c,
            "disconnected",
            f"claim {c!r} has no path of relations to the thesis {m.thesis!r}",
            "relate it to a claim that leads to the thesis, or list its quote under skipped:",
            claims=(c,),
        )
        for c in claim_nodes(G)
        if c not in reach
    ]


def bare_assertion(m: Map, G: nx.DiGraph) -> list[Finding]:
    """Thesis, claims and rebuttals that nothing supports."""
    found = []
    for c in claim_nodes(G):
        role = G.nodes[c]["role"]
        if role in SUPPORTED_ROLES and not any(
            r == "conclusion" for _u, _v, r in G.in_edges(c, data="role")
        ):
            found.append(
                _at(
                    m,
                    c,
                    "bare-assertion",
                    f"claim {c!r} (role {role}) is asserted without support",
                    "add a claim that supports it, or give it a role such as evidence "
                    "or background",
                    claims=(c,),
                )
            )
    return found


def _owner(G: nx.DiGraph, node: str) -> set[str]:
    """Speakers a node belongs to: a claim's ``by``, an inference's premises' speakers."""
    if G.nodes[node]["kind"] == "claim":
        return {G.nodes[node]["by"]}
    return {G.nodes[p]["by"] for p in premises(G, node)}


def _conceded(G: nx.DiGraph, node: str) -> bool:
    """A concession, or an inference drawn from one: a point voiced for the other side."""
    nodes = [node] if G.nodes[node]["kind"] == "claim" else premises(G, node)
    return any(G.nodes[n]["role"] == "concession" for n in nodes)


def _answered(G: nx.DiGraph) -> set[str]:
    """The nodes that are attacked, or need something that is attacked.

    An attack needs its premises, and a premise the essay argues for needs
    the arguments given for it (the default, necessary, reading of
    :mod:`argmap.semantics.bipolar`): so the answered nodes are the attacked
    ones and everything the support graph leads to from them, found in one
    pass over the graph.
    """
    sg = support_graph(G)
    attacked = {v for _u, v, role in G.edges(data="role") if role in ("conflict", "undercut")}
    answered = set(attacked)
    stack = list(attacked)
    while stack:
        for v in sg.successors(stack.pop()):
            if v not in answered:
                answered.add(v)
                stack.append(v)
    return answered


def unanswered_opposition(m: Map, G: nx.DiGraph) -> list[Finding]:
    """Attacks on the thesis speaker's claims or inferences that nothing attacks back.

    The thesis speaker's concessions, and inferences drawn from them, are
    points granted to the other side, so attacks on them are not reported.
    """
    authors = G.nodes[m.thesis]["by"]
    answered = _answered(G)
    found = []
    for r in inference_nodes(G):
        t = target(G, r)
        if (
            _kind(G, r) == "support"
            or _owner(G, t) != {authors}
            or _conceded(G, t)
            or r in answered
        ):
            continue
        what = "opposes" if _kind(G, r) == "opposition" else "undercuts"
        found.append(
            _at(
                m,
                r,
                "unanswered-opposition",
                f"{'+'.join(premises(G, r))} {what} {t!r} and nothing in the map answers it",
                "an attack is answered when one of its premises (or an argument for one) is "
                "attacked, or its inference is undercut; encode the essay's reply, or note "
                "that it concedes the point",
                claims=(*premises(G, r), t) if G.nodes[t]["kind"] == "claim" else premises(G, r),
            )
        )
    return found


def open_questions(m: Map, G: nx.DiGraph) -> list[Finding]:
    """Inferences whose scheme has critical questions the essay does not answer."""
    found = []
    for r in inference_nodes(G):
        scheme = G.nodes[r]["scheme"]
        if not scheme:
            continue
        answered = set(G.nodes[r]["answered"])
        open_ = [q.id for q in SCHEMES[scheme].questions if q.id not in answered]
        if open_:
            found.append(
                _at(
                    m,
                    r,
                    "open-questions",
                    f"inference {r!r} ({scheme}) leaves critical questions open: "
                    + ", ".join(open_),
                    "if the essay answers one, list it under answered:; "
                    "'argmap schemes' shows the questions",
                    claims=premises(G, r),
                )
            )
    return found


def self_conflict(m: Map, G: nx.DiGraph) -> list[Finding]:
    """Speakers whose own claims attack each other.

    An attack from or on a concession (or an inference drawn from one) is
    the essay voicing the other side, not a contradiction.
    """
    found = []
    for r in inference_nodes(G):
        if _kind(G, r) == "support":
            continue
        t = target(G, r)
        owners = _owner(G, r)
        if len(owners) == 1 and _owner(G, t) == owners and not (_conceded(G, r) or _conceded(G, t)):
            who = next(iter(owners))
            found.append(
                _at(
                    m,
                    r,
                    "self-conflict",
                    f"speaker {who!r} attacks their own {G.nodes[t]['kind']} {t!r} "
                    f"with {'+'.join(premises(G, r))}",
                    "check the 'by' of these claims; if the speaker really contradicts "
                    "themselves, say so in a note",
                    claims=(*premises(G, r), t)
                    if G.nodes[t]["kind"] == "claim"
                    else premises(G, r),
                )
            )
    return found


def repeated_quote(m: Map, _G: nx.DiGraph) -> list[Finding]:
    """Each claim whose quote occurs more than once in the source and says not which."""
    found = []
    typographic = m.quotes == "typographic"
    for c in m.claims:
        if c.span is None or c.occurrence:
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


def run_checks(
    m: Map,
    G: nx.DiGraph | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[Finding]:
    """Run the selected lints (all by default, minus ``ignore``); findings sorted by place."""
    G = to_networkx(m) if G is None else G
    chosen = list(select) or list(CHECKS)
    skip = set(ignore)
    return sorted(f for code in chosen if code not in skip for f in CHECKS[code].run(m, G))
