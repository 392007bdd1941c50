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
from itertools import chain, repeat

import numpy as np

from argmap.semantics.bipolar import DEFAULT_SUPPORT, framework_of
from argmap.semantics.framework import Framework, IndexArray
from argmap.semantics.mapindex import MapIndex, MapLike, as_index

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


def _positions(ix: MapIndex) -> dict[str, tuple[list[str], list[str]]]:
    """Every speaker's position, ``speaker -> (claims, inferences)``, in one pass over the map.

    An inference with no premise at all would belong to every speaker.
    """
    by, role = ix.by, ix.role
    result: dict[str, tuple[list[str], list[str]]] = {s: ([], []) for s in sorted(set(by.values()))}
    for c, speaker in by.items():
        result[speaker][0].append(c)
    for r, prem in ix.premises.items():
        if len(prem) == 1:  # the usual case, without a set
            p = prem[0]
            if role[p] != "concession" and (owner := by.get(p)) in result:
                result[owner][1].append(r)
            continue
        if any(role[p] == "concession" for p in prem):
            continue
        owners = {by.get(p) for p in prem}
        for owner in owners or result:
            if owner in result and len(owners) <= 1:
                result[owner][1].append(r)
    return result


def position(G: MapLike, speaker: str) -> tuple[list[str], list[str]]:
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
    return _positions(as_index(G)).get(speaker, ([], []))


def commitments(
    G: MapLike, support: str = DEFAULT_SUPPORT, *, framework: Framework | None = None
) -> list[Commitment]:
    """Return the commitment check of every speaker, sorted by speaker id.

    ``framework``, if given, is ``framework_of(G, support)``, already compiled.
    Each attack is looked at once: it goes to the speakers whose position it
    hits.  A position is conflict-free when none of its members attacks
    another, and admissible when, besides, it attacks back every attacker.
    ``G`` may also be the map's index (:func:`argmap.semantics.mapindex.as_index`).
    """
    ix = as_index(G)
    fw = framework_of(ix, support) if framework is None else framework
    positions = _positions(ix)
    conflicts, unanswered = _answers(fw, positions)
    return [
        Commitment(
            speaker=speaker,
            name=ix.names[speaker],
            claims=tuple(claims),
            arguments=tuple(args),
            conflict_free=not conflicts.get(speaker),
            admissible=not conflicts.get(speaker) and not unanswered.get(speaker),
            conflicts=tuple(sorted(conflicts.get(speaker, ()))),
            unanswered=tuple(sorted(unanswered.get(speaker, ()))),
        )
        for speaker, (claims, args) in positions.items()
    ]


_Found = dict[str, list[tuple[str, str]]]


def _answers(
    fw: Framework, positions: dict[str, tuple[list[str], list[str]]]
) -> tuple[_Found, _Found]:
    """The conflicts and the unanswered attacks of each position, by speaker (numpy).

    Ownership and attacks are arrays of argument numbers; an attack ``a -> b``
    counts once for each speaker who owns ``b``: a conflict if that speaker
    owns ``a`` too, unanswered if nothing the speaker owns attacks ``a``.
    Keys ``speaker * n + argument`` make "owns" and "attacks" sorted arrays.
    """
    speakers = list(positions)
    n = len(fw)
    sizes = [len(claims) + len(args) for claims, args in positions.values()]
    members = chain.from_iterable(chain.from_iterable(positions.values()))
    number = np.fromiter(map(fw.numbering.get, members, repeat(-1)), np.intp, sum(sizes))
    owned = np.stack((number, np.repeat(np.arange(len(sizes), dtype=np.intp), sizes)), axis=1)
    owned = owned[number >= 0]  # what is not an argument of the framework owns nothing
    owned = owned[np.argsort(owned[:, 0], kind="stable")]
    ptr = np.zeros(n + 1, dtype=np.intp)
    np.cumsum(np.bincount(owned[:, 0], minlength=n), out=ptr[1:])
    src, dst = fw.sources(), fw.succ_idx

    def owners_of(args: IndexArray) -> tuple[IndexArray, IndexArray]:
        """Each attack ``k`` once per owner of ``args[k]``: (attack numbers, owners)."""
        count = ptr[args + 1] - ptr[args]
        attack = np.repeat(np.arange(args.size, dtype=np.intp), count)
        first = np.repeat(ptr[args] - np.cumsum(count) + count, count)
        return attack, owned[first + np.arange(attack.size, dtype=np.intp), 1]

    attack, speaker = owners_of(src)
    hit = np.unique(speaker * n + dst[attack])  # what each position attacks
    attack, speaker = owners_of(dst)
    key = speaker * n + src[attack]
    conflict = np.isin(key, np.unique(owned[:, 1] * n + owned[:, 0]))
    open_ = ~conflict & ~np.isin(key, hit)
    found: tuple[_Found, _Found] = ({}, {})
    for mask, into in ((conflict, found[0]), (open_, found[1])):
        names_a = fw.names_of(src[attack[mask]])
        names_b = fw.names_of(dst[attack[mask]])
        for s, a, b in zip(speaker[mask].tolist(), names_a, names_b, strict=True):
            into.setdefault(speakers[s], []).append((str(a), str(b)))
    return found
