"""Commitments: whether each speaker's position can be defended in the map's framework.

A speaker's *position* is the set of their claims (``by``) together with the
inferences all of whose premises are theirs (their arguments).  An inference
drawn from a ``concession`` is left out: the speaker grants the fact, and the
objection drawn from it belongs to the other side (so an essay that concedes
a point and then answers the objection is not in conflict with itself).  In the Dung
framework the map means (:func:`argmap.semantics.bipolar.framework`) the
position is

- *conflict-free* when none of its members attacks another, and
- *admissible* when it is conflict-free and attacks back every argument that
  attacks one of its members.

An attack the position does not attack back is *unanswered*: the essay
leaves it standing against that speaker.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> from argmap.graph import to_networkx
>>> cs = (Claim("t", "t", "t", "thesis", "authors"), Claim("o", "o", "o", "opponent", "rival"),
...       Claim("r", "r", "r", "rebuttal", "authors"))
>>> rs = (Relation("o-t", "opposition", ("o",), "t"), Relation("r-o", "opposition", ("r",), "o"))
>>> for c in commitments(to_networkx(Map("", "t", "", cs, rs))):
...     print(c.speaker, c.admissible, c.unanswered)
authors True ()
rival False (('r-o', 'o'), ('r-o', 'o-t'))

The rebuttal ``r-o`` attacks ``o`` and, since the rival's inference ``o-t``
needs ``o``, that inference too.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from argmap.graph import claim_nodes, inference_nodes, premises
from argmap.semantics.bipolar import DEFAULT_SUPPORT, framework_of
from argmap.semantics.dung import is_admissible, is_conflict_free
from argmap.semantics.framework import Framework

__all__ = ["Commitment", "commitments", "position"]


@dataclass(frozen=True)
class Commitment:
    """One speaker's position and whether it can be defended.

    ``conflicts`` are attacks between members of the position; ``unanswered``
    are attacks ``(attacker, member)`` from outside that no member attacks back.
    """

    speaker: str
    name: str
    claims: tuple[str, ...]
    arguments: tuple[str, ...]
    conflict_free: bool
    admissible: bool
    conflicts: tuple[tuple[str, str], ...]
    unanswered: tuple[tuple[str, str], ...]


def position(G: nx.DiGraph, speaker: str) -> tuple[list[str], list[str]]:
    """Return ``(claims, inferences)`` of a speaker's position, each sorted.

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> from argmap.graph import to_networkx
    >>> cs = (Claim("a", "a", "a", "thesis", "x"), Claim("b", "b", "b", "claim", "y"))
    >>> G = to_networkx(Map("", "a", "", cs, (Relation("r", "support", ("b",), "a"),)))
    >>> position(G, "x"), position(G, "y")
    ((['a'], []), (['b'], ['r']))
    """
    claims = [c for c in claim_nodes(G) if G.nodes[c]["by"] == speaker]
    mine = set(claims)
    args = [
        r
        for r in inference_nodes(G)
        if set(premises(G, r)) <= mine
        and all(G.nodes[p]["role"] != "concession" for p in premises(G, r))
    ]
    return claims, args


def commitments(
    G: nx.DiGraph, support: str = DEFAULT_SUPPORT, *, framework: Framework | None = None
) -> list[Commitment]:
    """Return the commitment check of every speaker, sorted by speaker id.

    ``framework``, if given, is ``framework_of(G, support)``, already compiled.
    """
    fw = framework_of(G, support) if framework is None else framework
    af = fw.to_digraph()
    result = []
    for speaker in sorted({G.nodes[c]["by"] for c in claim_nodes(G)}):
        claims, args = position(G, speaker)
        members = set(claims) | set(args)
        # each attack on a member once, through the members' predecessor lists
        into = [(a, b) for b in members for a in af.predecessors(b)]
        hit = {a for m in members for a in af.successors(m)}  # what the position attacks
        conflicts = sorted((a, b) for a, b in into if a in members)
        unanswered = sorted((a, b) for a, b in into if a not in members and a not in hit)
        name = next(G.nodes[c]["speaker"] for c in claims)
        result.append(
            Commitment(
                speaker=speaker,
                name=name,
                claims=tuple(claims),
                arguments=tuple(args),
                conflict_free=is_conflict_free(fw, members),
                admissible=is_admissible(fw, members),
                conflicts=tuple(conflicts),
                unanswered=tuple(unanswered),
            )
        )
    return result
