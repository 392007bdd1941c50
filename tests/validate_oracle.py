"""``argmap.validate`` as it was before ids, roles and texts were checked all at once.

The functions that changed, as they were at commit e748099, verbatim; the
parts that did not change (messages, quotes, control characters) are
today's.  The oracle of tests/test_validate_oracle.py, where today's
``validate`` must give the same diagnostics, in the same order, on random
maps full of mistakes and on every fixture.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, compress, repeat
from operator import attrgetter, contains, eq, lt, ne, not_

from argmap.errors import Diagnostic
from argmap.model import RELATION_VERBS, ROLES, Claim, Map, Relation, derived_relation_id
from argmap.schemes import SCHEMES
from argmap.validate import (
    ID_PATTERN,
    _control_characters,
    _diag,
    _kebab,
    _label,
    _may_hold_control,
    _quotes,
    _suggest,
    _unknown_target,
)


def validate(
    m: Map, reported: frozenset[str] = frozenset(), *, raw: str | None = None
) -> list[Diagnostic]:
    """Every problem of ``m`` that makes it unusable, sorted by place.

    ``reported`` are ids of claims the loader has already reported as
    malformed (and left out): references to them are not reported again.
    ``raw`` is the YAML text ``m`` was read from, if any: when it holds no
    control character and no backslash (that could write one as an escape),
    no text of ``m`` can hold one and the texts are not searched.
    """
    found = [
        *(_control_characters(m) if raw is None or _may_hold_control(raw) else ()),
        *_ids(m),
        *_thesis(m, reported),
        *_relations(m, reported),
        *_vocabulary(m),
        *(_quotes(m) if m.source_text else ()),
    ]
    return sorted(found)


def _ids(m: Map) -> Iterator[Diagnostic]:
    claim_ids = list(map(_ID, m.claims))
    relation_ids = list(map(_ID, m.relations))
    all_kebab = all(map(ID_PATTERN.fullmatch, claim_ids))  # the usual case
    for c in () if all_kebab else m.claims:
        if not ID_PATTERN.fullmatch(c.id):
            yield _diag(
                m,
                c,
                "invalid-id",
                f"claim id {c.id!r} is not kebab-case",
                f"use lowercase words joined by hyphens, e.g. {_kebab(c.id)!r}",
            )
    for r in _not_derived(m.relations, relation_ids):
        # an id argmap derived is made of the relation's claim ids, which are checked
        if not ID_PATTERN.fullmatch(r.id) and r.id != derived_relation_id(
            r.kind, r.premises, r.target
        ):
            yield _diag(
                m,
                r,
                "invalid-id",
                f"relation id {r.id!r} is not kebab-case",
                f"use lowercase words joined by hyphens, e.g. {_kebab(r.id)!r}",
            )
    if len({*claim_ids, *relation_ids}) == len(claim_ids) + len(relation_ids):
        return  # every id once: the usual case, decided without a search
    items: list[Claim | Relation] = [*m.claims, *m.relations]
    first: dict[str, Claim | Relation] = {}
    for item in items:
        if item.id in first:
            other = first[item.id]
            where = m.pos(other)
            if isinstance(item, Relation) and isinstance(other, Relation) and "--" in item.id:
                continue  # same generated id: reported as duplicate-relation
            yield _diag(
                m,
                item,
                "duplicate-id",
                f"id {item.id!r} is already used at line {where.line}",
                "ids of claims and relations must all be different; rename one",
            )
        else:
            first[item.id] = item


def _not_derived(relations: Sequence[Relation], ids: list[str]) -> Iterable[Relation]:
    """The relations whose ``ids`` are not the ones argmap derives (found all at once)."""
    derived = map(
        "{}--{}--{}".format,
        map("+".join, map(_PREMISES, relations)),
        map(RELATION_VERBS.get, map(_KIND, relations)),
        map(_TARGET, relations),
    )
    return compress(relations, map(ne, ids, derived))


_ID = attrgetter("id")
_KIND = attrgetter("kind")
_PREMISES = attrgetter("premises")
_TARGET = attrgetter("target")


def _thesis(m: Map, reported: frozenset[str]) -> Iterator[Diagnostic]:
    if not m.thesis or m.thesis in reported:
        return  # missing-thesis, or the thesis's own mistakes, are reported by the loader
    if not m.has_claim(m.thesis):
        pos = m.locate(("thesis",))
        yield Diagnostic(
            m.file,
            pos.line,
            pos.column,
            "unknown-thesis",
            f"thesis {m.thesis!r} is not a claim of this map",
            _suggest(m.thesis, (c.id for c in m.claims))
            or "set 'thesis:' to the id of the main conclusion",
        )
        return
    thesis = m.claim(m.thesis)
    if thesis.role != "thesis":
        yield _diag(
            m,
            thesis,
            "thesis-role",
            f"thesis {thesis.id!r} has role {thesis.role!r}",
            "give the thesis claim 'role: thesis'",
        )
    for c in m.claims:
        if c.role == "thesis" and c.id != m.thesis:
            yield _diag(
                m,
                c,
                "thesis-role",
                f"claim {c.id!r} has role 'thesis' but the map's thesis is {m.thesis!r}",
                "a map has one thesis; use role 'claim' for intermediate conclusions",
            )


def _relations(m: Map, reported: frozenset[str]) -> Iterator[Diagnostic]:
    if _relations_fine(m, reported):
        return
    claim_ids = [c.id for c in m.claims]
    relation_ids = [r.id for r in m.relations]
    claims = set(claim_ids)
    twice = {cid for cid, n in Counter(claim_ids).items() if n > 1}  # duplicate-id says so
    seen: set[tuple[str, tuple[str, ...], str]] = set()
    twice_written: set[tuple[str, tuple[str, ...], str]] = set()
    for r in m.relations:
        for p in r.premises:
            if p not in claims and p not in reported:
                yield _diag(
                    m,
                    r,
                    "unknown-claim",
                    f"{_label(r)} has undefined premise {p!r}",
                    _suggest(p, claim_ids) or "define the claim under 'claims:'",
                )
        if r.kind == "undercut":
            if not m.has_relation(r.target):
                hint = _suggest(r.target, relation_ids) or (
                    "an undercut targets a relation id; give the relation an 'id:'"
                )
                if r.target in claims:
                    hint = f"{r.target!r} is a claim: use 'opposes' to attack a claim"
                yield _diag(
                    m,
                    r,
                    "unknown-relation",
                    f"{_label(r)} targets undefined relation {r.target!r}",
                    hint,
                )
            elif set(r.premises) & set(m.relation(r.target).premises) - twice or r.target == r.id:
                yield _diag(
                    m,
                    r,
                    "self-relation",
                    f"{_label(r)} undercuts an inference from its own premise",
                    "an argument cannot undercut itself; check 'from:' and 'to:'",
                )
        elif r.target not in claims:
            if r.target not in reported:
                yield _unknown_target(m, r, claim_ids)
        elif r.target in r.premises and r.target not in twice:
            yield _diag(
                m,
                r,
                "self-relation",
                f"claim {r.target!r} {r.kind}s itself",
                "a claim cannot support or attack itself; check the ids",
            )
        premises = r.premises if len(r.premises) == 1 else tuple(sorted(r.premises))
        key = (r.kind, premises, r.target)
        if key not in seen:
            seen.add(key)
        elif key not in twice_written:  # said once, at the second
            twice_written.add(key)
            yield _diag(
                m,
                r,
                "duplicate-relation",
                f"{_label(r)} is written twice "
                f"({r.kind} from {', '.join(r.premises)} to {r.target})",
                "remove one: the short form on the claim or the explicit relation",
            )


def _relations_fine(m: Map, reported: frozenset[str]) -> bool:
    """Whether :func:`_relations` surely finds nothing, told by tests on all relations at once.

    Every premise and target is known (undercuts aside, which are looked at
    one by one), no relation names its target among its premises, and none
    is written twice.  False says nothing: each relation is then checked.
    """
    relations = m.relations
    known = {*map(_ID, m.claims), *reported}
    premises = list(map(_PREMISES, relations))
    targets = list(map(_TARGET, relations))
    undercut = list(map(eq, map(_KIND, relations), repeat("undercut")))
    if not known.issuperset(chain.from_iterable(premises)) or any(map(contains, premises, targets)):
        return False
    if not known.issuperset(compress(targets, map(not_, undercut))):
        return False
    for r in compress(relations, undercut):
        if not m.has_relation(r.target) or r.target == r.id:
            return False
        if set(r.premises) & set(m.relation(r.target).premises):
            return False
    # written twice: the same premises in another order too, which only linked ones can have
    if len(set(zip(map(_KIND, relations), premises, targets, strict=True))) != len(relations):
        return False
    several = compress(relations, map(lt, repeat(1), map(len, premises)))
    linked = [(r.kind, tuple(sorted(r.premises)), r.target) for r in several]
    return len(set(linked)) == len(linked)


def _vocabulary(m: Map) -> Iterator[Diagnostic]:
    for c in m.claims:
        if c.role not in ROLES:
            yield _diag(
                m,
                c,
                "unknown-role",
                f"claim {c.id!r} has unknown role {c.role!r}",
                _suggest(c.role, ROLES) or f"roles: {', '.join(ROLES)}",
            )
        if m.speakers and c.by not in m.speakers and m.locate((*c.origin, "by")) == m.pos(c):
            yield _diag(
                m,
                c,
                "unknown-speaker",
                f"claim {c.id!r} has no 'by:', and the default speaker {c.by!r} "
                "is not under 'speakers:'",
                f"give the claim 'by:' one of {', '.join(sorted(m.speakers))}, "
                f"or declare '{c.by}: Name' under 'speakers:'",
            )
        elif m.speakers and c.by not in m.speakers:
            yield _diag(
                m,
                c,
                "unknown-speaker",
                f"claim {c.id!r} is by undeclared speaker {c.by!r}",
                _suggest(c.by, m.speakers) or f"add '{c.by}: Name' under 'speakers:'",
            )
        if not 0.0 <= c.base <= 1.0:
            yield _diag(
                m,
                c,
                "invalid-base",
                f"claim {c.id!r} has base score {c.base}",
                "base scores are numbers from 0 to 1",
            )
        if c.text.strip() and c.quote.strip():
            continue
        for name, value in (("text", c.text), ("quote", c.quote)):
            if not value.strip():
                yield _diag(
                    m,
                    c,
                    "empty-text",
                    f"claim {c.id!r} has an empty {name}",
                    "every claim needs its own words and a quote of the source",
                )
    for r in m.relations:
        if not r.scheme:
            if r.answered:
                yield _diag(
                    m,
                    r,
                    "unknown-question",
                    f"relation {r.id!r} answers questions but names no scheme",
                    "add 'scheme:' or remove 'answered:'",
                )
            continue
        scheme = SCHEMES.get(r.scheme)
        if scheme is None:
            yield _diag(
                m,
                r,
                "unknown-scheme",
                f"relation {r.id!r} has unknown scheme {r.scheme!r}",
                _suggest(r.scheme, SCHEMES) or f"schemes: {', '.join(sorted(SCHEMES))}",
            )
            continue
        questions = [q.id for q in scheme.questions]
        for q in r.answered:
            if q not in questions:
                yield _diag(
                    m,
                    r,
                    "unknown-question",
                    f"scheme {r.scheme!r} has no critical question {q!r}",
                    _suggest(q, questions) or f"its questions: {', '.join(questions)}",
                )
