"""Check a Map's references, ids, roles and quotes; return located diagnostics.

Pure: takes a :class:`~argmap.model.Map`, returns a list of
:class:`~argmap.errors.Diagnostic`, never raises for bad input.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> t = Claim(id="t", text="T.", quote="T", role="thesis", by="authors")
>>> r = Relation(id="x--supports--t", kind="support", premises=("x",), target="t")
>>> m = Map(title="", thesis="t", source="", claims=(t,), relations=(r,))
>>> [d.code for d in validate(m)]
['unknown-claim']
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, compress, repeat
from operator import attrgetter, contains, eq, ne, not_

from argmap.errors import Diagnostic
from argmap.escape import find_control
from argmap.model import (
    RELATION_VERBS,
    ROLES,
    Claim,
    Map,
    Relation,
    Skip,
    YamlPath,
    derived_relation_id,
)
from argmap.schemes import SCHEMES
from argmap.source import MAX_QUOTE, caret, explain_miss, occurrences

__all__ = ["ID_PATTERN", "validate"]

#: kebab-case: lowercase letters and digits in words joined by single hyphens.
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def validate(
    m: Map,
    reported: frozenset[str] = frozenset(),
    *,
    raw: str | None = None,
    derived: int = 0,
    screened: bool = False,
) -> list[Diagnostic]:
    """Every problem of ``m`` that makes it unusable, sorted by place.

    ``reported`` are ids of claims the loader has already reported as
    malformed (and left out): references to them are not reported again.
    ``raw`` is the YAML text ``m`` was read from, if any: when it holds no
    control character and no backslash (that could write one as an escape),
    no text of ``m`` can hold one and the texts are not searched.
    ``screened``: the loader has already found that so (the screen of
    :func:`~argmap.quickyaml.parse_quick` passed ``raw``), so ``raw`` is not
    searched again.
    ``derived`` is how many of the first relations of ``m`` the loader gave the
    ids argmap derives (the short forms): their ids are not derived again.
    """
    facts = _Facts.of(m, derived)
    roles = Counter([c.role for c in m.claims])
    searched = raw is None or (not screened and _may_hold_control(raw))
    found = [
        *(_control_characters(m) if searched else ()),
        *_ids(m, facts),
        *_thesis(m, reported, roles, facts),
        *_relations(m, reported, facts),
        *_vocabulary(m, roles),
        *(_quotes(m) if m.source_text else ()),
    ]
    return sorted(found)


@dataclass(frozen=True)
class _Facts:
    """What several parts of :func:`validate` ask of one map, each found once.

    The ids of the claims and of the relations, in order and as sets;
    ``kebab``: whether every claim id is kebab-case; ``derived``: so many
    first relations have the ids argmap derives (the loader's word).
    """

    claim_ids: list[str]
    claims: set[str]
    relation_ids: list[str]
    relations: set[str]
    kebab: bool
    derived: int

    @classmethod
    def of(cls, m: Map, derived: int = 0) -> _Facts:
        """The facts of ``m``, whose first ``derived`` relations have derived ids.

        >>> from argmap.model import Claim, Map
        >>> f = _Facts.of(Map("", "a", "", (Claim("a", "A.", "A", "thesis", "x"),), ()))
        >>> f.claims, f.relations, f.kebab
        ({'a'}, set(), True)
        """
        # (a comprehension reads a field of a slotted class twice as fast as attrgetter)
        claim_ids = [c.id for c in m.claims]
        relation_ids = [r.id for r in m.relations]
        return cls(
            claim_ids,
            set(claim_ids),
            relation_ids,
            set(relation_ids),
            _all_kebab(claim_ids),
            derived,
        )


def _diag(m: Map, item: Claim | Relation, code: str, message: str, hint: str) -> Diagnostic:
    pos = m.pos(item)
    return Diagnostic(m.file, pos.line, pos.column, code, message, hint)


def _suggest(word: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.5)
    return f"did you mean {close[0]!r}?" if close else ""


def _ids(m: Map, facts: _Facts) -> Iterator[Diagnostic]:
    """Ids not kebab-case, and ids used twice (``facts``: those of ``m``)."""
    derived = facts.derived
    for c in () if facts.kebab else m.claims:
        if not ID_PATTERN.fullmatch(c.id):
            yield _diag(
                m,
                c,
                "invalid-id",
                f"claim id {c.id!r} is not kebab-case",
                f"use lowercase words joined by hyphens, e.g. {_kebab(c.id)!r}",
            )
    explicit = facts.relation_ids[derived:]
    for r in _not_derived(m.relations[derived:], explicit):
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
    claims = facts.claims
    if (
        len(claims) == len(facts.claim_ids)
        and len(facts.relations) == len(facts.relation_ids)
        # a derived id has '--', which no kebab-case claim id has
        and claims.isdisjoint(explicit if facts.kebab else facts.relation_ids)
    ):
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
    return compress(relations, map(ne, ids, _derived_ids(relations)))


def _derived_ids(relations: Sequence[Relation]) -> Iterator[str]:
    """The id argmap derives for each relation (see :func:`~argmap.model.derived_relation_id`)."""
    return map(
        "{}--{}--{}".format,
        map("+".join, map(_PREMISES, relations)),
        map(RELATION_VERBS.get, map(_KIND, relations)),
        map(_TARGET, relations),
    )


_KIND = attrgetter("kind")
_PREMISES = attrgetter("premises")
_TARGET = attrgetter("target")
_TEXT = attrgetter("text")
_QUOTE = attrgetter("quote")
_SCHEME = attrgetter("scheme")
_ANSWERED = attrgetter("answered")


#: the characters of kebab-case ids joined a line each (see :func:`_all_kebab`)
_KEBAB_LINES = b"abcdefghijklmnopqrstuvwxyz0123456789-\n"


def _all_kebab(ids: list[str]) -> bool:
    """Whether every id is kebab-case: a few searches of them all, joined a line each.

    The ids are kebab-case when they hold nothing but lowercase ASCII
    letters, digits and hyphens, and no line of them is empty, starts or
    ends with a hyphen or has two in a row: each found at memory speed.

    >>> _all_kebab(["a", "b-2"]), _all_kebab(["a", "B"]), _all_kebab(["a\\nb"]), _all_kebab([])
    (True, False, False, True)
    >>> [_all_kebab([i]) for i in ("", "-a", "a-", "a--b", "é", "a_b")]
    [False, False, False, False, False, False]
    """
    if not ids:
        return True
    joined = "\n".join(ids)
    if joined.count("\n") != len(ids) - 1 or not joined.isascii():
        return False
    data = joined.encode("ascii")
    return not (
        not data
        or data.translate(None, _KEBAB_LINES)
        or data.startswith((b"-", b"\n"))
        or data.endswith((b"-", b"\n"))
        or b"--" in data
        or b"\n-" in data
        or b"-\n" in data
        or b"\n\n" in data
    )


def _kebab(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", re.sub(r"([a-z])([A-Z])", r"\1-\2", text).lower()))


def _thesis(
    m: Map, reported: frozenset[str], roles: Counter[str], facts: _Facts
) -> Iterator[Diagnostic]:
    """The thesis is a claim, of role thesis, and the only one.

    ``roles`` counts the claims' roles; ``facts`` are those of ``m``.
    """
    if not m.thesis or m.thesis in reported:
        return  # missing-thesis, or the thesis's own mistakes, are reported by the loader
    if m.thesis not in facts.claims:
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
    ids = facts.claim_ids
    # the claim of that id (the last, as Map.claim gives, if several have it)
    thesis = m.claims[ids.index(m.thesis)] if len(ids) == len(facts.claims) else m.claim(m.thesis)
    if thesis.role != "thesis":
        yield _diag(
            m,
            thesis,
            "thesis-role",
            f"thesis {thesis.id!r} has role {thesis.role!r}",
            "give the thesis claim 'role: thesis'",
        )
    if roles["thesis"] == (thesis.role == "thesis"):
        return  # no claim but the thesis has that role: the usual case, decided without a search
    for c in m.claims:
        if c.role == "thesis" and c.id != m.thesis:
            yield _diag(
                m,
                c,
                "thesis-role",
                f"claim {c.id!r} has role 'thesis' but the map's thesis is {m.thesis!r}",
                "a map has one thesis; use role 'claim' for intermediate conclusions",
            )


def _relations(m: Map, reported: frozenset[str], facts: _Facts) -> Iterator[Diagnostic]:
    """Relations between claims that exist, not of a claim with itself, each written once.

    ``facts`` are those of ``m``.
    """
    if _relations_fine(m, reported, facts):
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


def _relations_fine(m: Map, reported: frozenset[str], facts: _Facts | None = None) -> bool:
    """Whether :func:`_relations` surely finds nothing, told by tests on all relations at once.

    Every premise and target is known (undercuts aside, which are looked at
    one by one), no relation names its target among its premises, and none
    is written twice.  False says nothing: each relation is then checked.
    ``facts`` are those of ``m`` (found here if not given).
    """
    if facts is None:
        facts = _Facts.of(m)
    relations = m.relations
    known = facts.claims | reported if reported else facts.claims
    premises = [r.premises for r in relations]
    targets = [r.target for r in relations]
    if not known.issuperset(chain.from_iterable(premises)) or any(map(contains, premises, targets)):
        return False
    kinds = [r.kind for r in relations]
    undercut = list(map(eq, kinds, repeat("undercut")))
    if not known.issuperset(compress(targets, map(not_, undercut))):
        return False
    # every premise is known: a kebab-case id when all those known are
    kebab = facts.kebab and _all_kebab(sorted(reported))
    if not _undercuts_fine(m, list(compress(relations, undercut)), facts, kebab=kebab):
        return False
    if kebab:
        once = _derived_keys_once(m, facts)
    else:
        once = len(set(zip(kinds, premises, targets, strict=True))) == len(relations)
    if not once:
        return False
    # written twice: the same premises in another order too, which only linked ones can have
    linked = [
        (r.kind, tuple(sorted(r.premises)), r.target) for r in relations if len(r.premises) > 1
    ]
    return len(set(linked)) == len(linked)


def _undercuts_fine(m: Map, undercuts: list[Relation], facts: _Facts, *, kebab: bool) -> bool:
    """Whether each of ``undercuts`` (of ``m``) targets another relation, none of its premises.

    ``facts`` are those of ``m``; ``kebab``: every premise of ``m`` is a
    kebab-case id (see :func:`_premises_of`).
    """
    if not undercuts:
        return True
    wanted = set(map(_TARGET, undercuts))
    if not wanted <= facts.relations:
        return False
    premises = _premises_of(m, wanted, facts, kebab=kebab)
    return not any(
        r.target == r.id or not premises[r.target].isdisjoint(r.premises) for r in undercuts
    )


def _premises_of(m: Map, ids: set[str], facts: _Facts, *, kebab: bool) -> dict[str, set[str]]:
    """The premises of the relation of each of ``ids`` (the last, as Map.relation gives).

    ``facts`` are those of ``m``.  When each relation id is used once and
    every premise is a kebab-case id (``kebab``), a relation of the first
    ``facts.derived`` has its premises written in its id, before the first
    ``--``: only the other relations are looked at.
    """
    derived = facts.derived
    if kebab and len(facts.relations) == len(facts.relation_ids):
        later = {r.id: set(r.premises) for r in m.relations[derived:] if r.id in ids}
        return {i: later[i] if i in later else set(i.split("--", 1)[0].split("+")) for i in ids}
    at = map(ids.__contains__, facts.relation_ids)
    return {r.id: set(r.premises) for r in compress(m.relations, at)}


def _derived_keys_once(m: Map, facts: _Facts) -> bool:
    """Whether no two relations of ``m`` have the same derived id: none is written twice.

    Each relation's kind, premises and target are told by the id argmap
    derives for it when every premise is a known, kebab-case id; the first
    ``facts.derived`` relations have theirs as their ids.  With every
    relation id once (the usual case) only the others' derived ids are
    made and looked up.
    """
    derived = facts.derived
    rest = list(_derived_ids(m.relations[derived:]))
    if len(facts.relations) != len(facts.relation_ids):  # an id twice: every key is compared
        keys = [*facts.relation_ids[:derived], *rest]
        return len(set(keys)) == len(keys)
    own = set(facts.relation_ids[derived:])
    # another's key is the id of one of the first relations: in the ids, not of the others
    return len(set(rest)) == len(rest) and all(
        key in own or key not in facts.relations for key in rest
    )


def _label(r: Relation) -> str:
    """How messages name a relation: its kind and id."""
    return f"{r.kind} {r.id!r}"


def _unknown_target(m: Map, r: Relation, claim_ids: list[str]) -> Diagnostic:
    message = f"{r.kind} {r.id!r} has undefined target {r.target!r}"
    hint = _suggest(r.target, claim_ids) or "define the claim under 'claims:'"
    if m.has_relation(r.target) and r.kind == "support":
        message = (
            f"{r.kind} {r.id!r} targets relation {r.target!r}: argmap cannot support an inference"
        )
        hint = (
            f"to add a premise to {r.target!r}, list this claim in its 'from:' "
            "(a linked premise); 'supports:' names claims"
        )
    elif m.has_relation(r.target):
        hint = f"{r.target!r} is a relation: use type 'undercut' to attack an inference"
    return _diag(m, r, "unknown-claim", message, hint)


def _vocabulary(m: Map, roles: Counter[str]) -> Iterator[Diagnostic]:
    """Roles, speakers, schemes and questions that exist; base scores; texts not empty.

    ``roles`` counts the claims' roles.  Claims, then relations, are looked
    at one by one only when a test on all of them at once finds something.
    """
    claims = () if _claims_fine(m, roles) else m.claims
    for c in claims:
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
    named = any(map(_SCHEME, m.relations)) or any(map(_ANSWERED, m.relations))
    for r in m.relations if named else ():
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


def _claims_fine(m: Map, roles: Counter[str]) -> bool:
    """Whether no claim has a mistake :func:`_vocabulary` reports, told all at once."""
    claims = m.claims
    speakers = m.speakers
    return (
        roles.keys() <= ROLES.keys()
        and (not speakers or all(map(speakers.__contains__, {c.by for c in claims})))
        and all(0.0 <= base <= 1.0 for base in {c.base for c in claims})
        and all(map(str.strip, map(_TEXT, claims)))
        and all(map(str.strip, map(_QUOTE, claims)))
    )


def _quotes(m: Map) -> Iterator[Diagnostic]:
    """Quotes not found in the source: those of the claims and skipped passages without a span."""
    items: list[Claim | Skip] = [*m.claims, *m.skipped]
    for item in items:  # (a plain loop: faster here than compress over map(is_, ...))
        if item.span is not None or not item.quote.strip():
            continue
        name = f"claim {item.id!r}" if isinstance(item, Claim) else "skipped passage"
        if len(item.quote) > MAX_QUOTE:
            yield _at_field(
                m,
                (*item.origin, "quote"),
                "quote-too-long",
                f"{name}: the quote has {len(item.quote):,} characters, "
                f"more than argmap looks up ({MAX_QUOTE:,})",
                "quote the start and the end with ' … ' between them: 'It began … it ended.'",
            )
            continue
        if isinstance(item, Claim) and item.occurrence > 1:
            found = occurrences(m.source_text, item.quote, typographic=m.quotes == "typographic")
            if found:
                yield _at_field(
                    m,
                    (*item.origin, "occurrence"),
                    "quote-occurrence",
                    f"{name}: 'occurrence: {item.occurrence}' but the quote occurs "
                    f"{len(found)} time{'s' if len(found) > 1 else ''} in {m.source!r}",
                    f"use an occurrence from 1 to {len(found)}",
                )
                continue
        yield _quote_miss(m, item, name)


def _at_field(m: Map, path: YamlPath, code: str, message: str, hint: str) -> Diagnostic:
    """A diagnostic located at ``path`` of the map file, e.g. a claim's field."""
    at = m.locate(path)
    return Diagnostic(m.file, at.line, at.column, code, message, hint)


def _quote_miss(m: Map, item: Claim | Skip, name: str) -> Diagnostic:
    miss = explain_miss(m.source_text, item.quote)
    message = f"{name}: quote not found in {m.source!r}: {_short(item.quote)!r}"
    hint = "copy the quote verbatim from the source; only whitespace may differ"
    if miss.typographic:
        message = (
            f"{name}: the quote differs from {m.source!r} only in typography "
            "(quotes, apostrophes, dashes, ligatures)"
        )
        hint = "copy those characters from the source, or set 'quotes: typographic' in the map"
    elif miss.quote != item.quote:
        message += f" (its part {_short(miss.quote)!r} is not in the source)"
    detail = ""
    if miss.ratio >= 0.5 or miss.typographic:
        detail = caret(miss)
        if not miss.typographic:
            hint = f"closest passage ({miss.ratio:.0%} alike) differs at the caret"
    pos = m.pos(item)
    return Diagnostic(
        m.file, pos.line, pos.column, "quote-not-in-source", message, hint, detail=detail
    )


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _texts(m: Map) -> Iterator[tuple[YamlPath, str, str]]:
    """Every text of ``m`` a user wrote: its path in the YAML, what it is, the text."""
    yield from ((("title",), "the title", m.title), (("thesis",), "the thesis", m.thesis))
    yield ("source",), "the source", m.source
    for key, name in m.speakers.items():
        yield ("speakers", key), f"speaker {key!r}", f"{key} {name}"
    for c in m.claims:
        for name, value in (("id", c.id), ("text", c.text), ("quote", c.quote), ("by", c.by)):
            yield (*c.origin, name), f"claim {c.id!r}: {name}", value
        for name, value in (("role", c.role), ("note", c.note), ("tags", " ".join(c.tags))):
            yield (*c.origin, name), f"claim {c.id!r}: {name}", value
    for r in m.relations:
        words = (r.id, *r.premises, r.target, r.scheme, r.note, *r.answered)
        yield r.origin, f"relation {r.id!r}", " ".join(words)
    for s in m.skipped:
        yield (*s.origin, "quote"), "a skipped passage", f"{s.quote} {s.why}"


#: how many characters of a YAML text :func:`_may_hold_control` looks at in one piece
_CHUNK = 1 << 20
#: the ASCII control characters :func:`~argmap.escape.find_control` finds, and the backslash
_ASCII_CONTROL = bytes([*range(0x09), *range(0x0B, 0x20), 0x7F, ord("\\")])


def _may_hold_control(raw: str) -> bool:
    r"""Whether a YAML text may give a string with a control character, raw or escaped.

    >>> _may_hold_control("a: b\tc\n"), _may_hold_control('a: "b\\a"'), _may_hold_control("a: \a")
    (False, True, True)
    """
    if not raw.isascii():
        return "\\" in raw or find_control(raw) >= 0
    for start in range(0, len(raw), _CHUNK):  # a megabyte at a time: no copy of a big map
        data = raw[start : start + _CHUNK].encode("ascii")
        if len(data.translate(None, _ASCII_CONTROL)) != len(data):
            return True
    return False


def _control_characters(m: Map) -> Iterator[Diagnostic]:
    """Control characters (ESC, BEL, NUL...) are never meant in a map: each is an error."""
    if find_control("\n".join(text for _path, _what, text in _texts(m))) < 0:
        return  # none anywhere: one search over all the texts
    for path, what, text in _texts(m):
        at = find_control(text)
        if at >= 0:
            pos = m.locate(path)
            yield Diagnostic(
                m.file,
                pos.line,
                pos.column,
                "control-character",
                f"{what} contains the control character U+{ord(text[at]):04X}",
                "remove it; in a double-quoted YAML string it is written as an escape"
                " such as \\e, \\a or \\0",
            )
