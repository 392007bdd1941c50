"""Grade a student's map of an essay against a reference map of the same essay.

Claims are aligned by where their quotes lie in the source, not by id: the
overlap of two quote spans divided by their union (intersection over union)
must reach ``min_overlap``; pairs are matched greedily, best overlap first,
each claim at most once.  Then:

- claims: precision (matched / student claims), recall (matched / reference
  claims) and F1;
- relations: a student relation matches a reference relation when its
  premises and target are aligned to the reference's and the kind is equal
  (an undercut's target is a relation, aligned the same way).  A relation
  with the right claims and the wrong kind is listed apart and counts as
  missed and extra for the scores;
- whether the student's thesis is aligned to the reference thesis;
- with ``paragraphs`` (for an exercise on part of the essay), both maps are
  first cut down to the claims quoting those paragraphs and the relations
  among them (:func:`restrict`); the thesis is then graded only if the
  reference thesis lies there;
- near misses: a missed reference relation and an extra student relation of
  the same kind and target whose premises differ only by some left out or
  added (one's premises a subset of the other's: a linked argument split up,
  or a premise linked in that the reference does not link);
- aligned claims whose role or speaker (``by``) differ;
- the missed and the extra claims and relations, with quotes and places, so
  the student knows what to fix.

Both maps must quote the same source text (compared as text, not as paths):
otherwise :class:`~argmap.errors.ArgmapError` with code ``different-source``.

Examples
--------
>>> from argmap.model import Claim, Map, Relation, Span
>>> text = "Cats purr. So cats are happy."
>>> def claim(i, start, end, role="evidence"):
...     return Claim(id=i, text=i, quote=text[start:end], role=role, by="authors",
...                  span=Span(start, end))
>>> ref = Map(title="", thesis="happy", source="a.txt", source_text=text,
...           claims=(claim("happy", 11, 29, "thesis"), claim("purr", 0, 10)),
...           relations=(Relation(id="r", kind="support", premises=("purr",), target="happy"),))
>>> stu = Map(title="", thesis="h", source="b.txt", source_text=text,
...           claims=(claim("h", 14, 29, "thesis"), claim("p", 0, 9)),
...           relations=(Relation(id="x", kind="opposition", premises=("p",), target="h"),))
>>> c = compare(stu, ref)
>>> [(a.student, a.reference, round(a.overlap, 2)) for a in c.alignment]
[('h', 'happy', 0.83), ('p', 'purr', 0.9)]
>>> c.claims.f1, c.relations.f1, c.thesis_found, c.wrong_kind
(1.0, 0.0, True, (('x', 'r'),))
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from argmap.errors import ArgmapError, Diagnostic
from argmap.escape import markdown_text
from argmap.model import Claim, Map, Relation, Span
from argmap.source import paragraphs as paragraphs_of

__all__ = [
    "Alignment",
    "Comparison",
    "Score",
    "align_claims",
    "compare",
    "format_markdown",
    "format_text",
    "overlap",
    "restrict",
    "to_dict",
]

_VERB = {"support": "supports", "opposition": "opposes", "undercut": "undercuts"}


@dataclass(frozen=True)
class Score:
    """How many items matched out of the student's and the reference's."""

    matched: int
    student: int
    reference: int

    @property
    def precision(self) -> float:
        """Share of the student's items that match the reference (0 if none)."""
        return self.matched / self.student if self.student else 0.0

    @property
    def recall(self) -> float:
        """Share of the reference's items the student found (0 if none)."""
        return self.matched / self.reference if self.reference else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall.

        Examples
        --------
        >>> round(Score(2, 4, 5).f1, 4)
        0.4444
        """
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Alignment:
    """A student claim matched to a reference claim, with their quote overlap."""

    student: str
    reference: str
    overlap: float


@dataclass(frozen=True)
class Comparison:
    """The grade of a student map against a reference map (see module doc).

    Relation lists hold relation ids; ``wrong_kind`` holds
    ``(student relation id, reference relation id)`` pairs.
    """

    min_overlap: float
    alignment: tuple[Alignment, ...]
    claims: Score
    relations: Score
    thesis_found: bool | None
    missed_claims: tuple[str, ...]
    extra_claims: tuple[str, ...]
    matched_relations: tuple[tuple[str, str], ...]
    missed_relations: tuple[str, ...]
    extra_relations: tuple[str, ...]
    wrong_kind: tuple[tuple[str, str], ...]
    student: Map = field(repr=False, compare=False)
    reference: Map = field(repr=False, compare=False)
    paragraphs: tuple[int, int] | None = None
    #: ``(student relation id, reference relation id)``: premises a subset or superset
    near_misses: tuple[tuple[str, str], ...] = ()
    #: ``(student claim id, reference claim id, field, student value, reference value)``
    disagreements: tuple[tuple[str, str, str, str, str], ...] = ()


def overlap(a: Span, b: Span) -> float:
    """Length of the intersection of two spans divided by the length of their union.

    Examples
    --------
    >>> overlap(Span(0, 10), Span(5, 15))
    0.3333333333333333
    >>> overlap(Span(0, 5), Span(5, 9))
    0.0
    """
    inter = min(a.end, b.end) - max(a.start, b.start)
    union = max(a.end, b.end) - min(a.start, b.start)
    return inter / union if inter > 0 and union else 0.0


def align_claims(student: Map, reference: Map, min_overlap: float = 0.5) -> list[Alignment]:
    """Match claims one-to-one by quote overlap, best first (ties by ids).

    Returned in the student's claim order.  Claims quoting the very same
    passage (overlap 1, the best) are paired first, found by their span; only
    the claims they leave are searched for a partial overlap.
    """
    found: dict[str, Alignment] = {}
    used_r: set[str] = set()

    def take(pairs: list[tuple[float, str, str]]) -> None:
        for neg, s_id, r_id in sorted(pairs):
            if s_id not in found and r_id not in used_r:
                used_r.add(r_id)
                found[s_id] = Alignment(s_id, r_id, -neg)

    same: dict[tuple[int, int], list[str]] = {}
    for r in reference.claims if min_overlap <= 1 else ():
        if r.span and r.span.start < r.span.end:
            same.setdefault((r.span.start, r.span.end), []).append(r.id)
    take(
        [
            (-1.0, s.id, r_id)
            for s in student.claims
            if s.span
            for r_id in same.get((s.span.start, s.span.end), ())
        ]
    )
    left = tuple(s for s in student.claims if s.id not in found)
    partial = []
    for s, r in _candidates(left, reference.claims, min_overlap):
        if s.span and r.span and r.id not in used_r:
            share = overlap(s.span, r.span)
            if share >= min_overlap:
                partial.append((-share, s.id, r.id))
    take(partial)
    return [found[c.id] for c in student.claims if c.id in found]


def _candidates(
    student: tuple[Claim, ...], reference: tuple[Claim, ...], min_overlap: float
) -> Iterator[tuple[Claim, Claim]]:
    """Pairs of claims that may overlap by ``min_overlap``: all pairs if it is not positive.

    A positive overlap needs the spans to meet, and ``min_overlap`` of the
    union is at most the student's length, so the reference span is at most
    ``len / min_overlap`` long and starts no earlier than that before the
    student's: a window of reference spans sorted by start.
    """
    if min_overlap <= 0:
        yield from ((s, r) for s in student for r in reference)
        return
    spans = sorted((r.span.start, i) for i, r in enumerate(reference) if r.span)
    starts = [start for start, _i in spans]
    for s in student:
        if s.span is None:
            continue
        reach = math.ceil((s.span.end - s.span.start) / min_overlap) + 1
        first = bisect_left(starts, s.span.start - reach)
        last = bisect_left(starts, s.span.end)
        for _start, i in spans[first:last]:
            yield s, reference[i]


def _check_same_source(student: Map, reference: Map) -> None:
    if student.source_text == reference.source_text:
        return
    pos = student.locate(("source",))
    raise ArgmapError(
        [
            Diagnostic(
                student.file,
                pos.line,
                pos.column,
                "different-source",
                f"the student map quotes {student.source!r}, whose text differs from "
                f"{reference.source!r} quoted by the reference {reference.file!r}",
                "both maps must encode the same essay; check 'source:' in both files",
            )
        ]
    )


def _match_relations(
    student: Map, reference: Map, to_ref: dict[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Student relation id → reference relation id, for equal and for wrong-kind matches."""
    matched: dict[str, str] = {}
    wrong: dict[str, str] = {}
    used: set[str] = set()  # reference relations already matched either way
    by_key: dict[tuple[frozenset[str], str, bool], list[Relation]] = {}
    for r in reference.relations:
        by_key.setdefault((frozenset(r.premises), r.target, r.kind == "undercut"), []).append(r)
    # a relation with a premise not aligned never matches; the others are tried in map
    # order, pass after pass, since undercuts match once the relation they target has
    pending = [
        (s, premises)
        for s in student.relations
        if "" not in (premises := frozenset(to_ref.get(p, "") for p in s.premises))
    ]
    changed = True
    while changed:
        changed = False
        for s, premises in pending:
            if s.kind == "undercut":
                target = matched.get(s.target) or wrong.get(s.target)
            else:
                target = to_ref.get(s.target)
            if target is None:
                continue
            same = [
                r
                for r in by_key.get((premises, target, s.kind == "undercut"), ())
                if r.id not in used
            ]
            if same:  # the first of the same kind, else the first: a wrong kind
                pick = next((r for r in same if r.kind == s.kind), same[0])
                (matched if pick.kind == s.kind else wrong)[s.id] = pick.id
                used.add(pick.id)
                changed = True
        pending = [
            (s, p)
            for s, p in pending
            if s.kind == "undercut" and s.id not in matched and s.id not in wrong
        ]
    return matched, wrong


def restrict(m: Map, first: int, last: int) -> Map:
    """The map cut down to claims quoting paragraphs ``first``..``last`` and their relations.

    A relation stays when all its premises stay and its target (a claim, or
    for an undercut a relation) stays.

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> cs = tuple(Claim(id=i, text=i, quote=i, role="claim", by="authors", paragraph=n)
    ...            for i, n in (("t", 1), ("a", 2), ("b", 2)))
    >>> rs = (Relation(id="r1", kind="support", premises=("a",), target="t"),
    ...       Relation(id="r2", kind="support", premises=("b",), target="a"),
    ...       Relation(id="r3", kind="undercut", premises=("t",), target="r2"))
    >>> part = restrict(Map(title="", thesis="t", source="", claims=cs, relations=rs), 2, 2)
    >>> [c.id for c in part.claims], [r.id for r in part.relations]
    (['a', 'b'], ['r2'])
    """
    claims = tuple(c for c in m.claims if first <= c.paragraph <= last)
    kept = {c.id for c in claims} | {r.id for r in m.relations}
    while True:
        relations = tuple(
            r for r in m.relations if r.target in kept and all(p in kept for p in r.premises)
        )
        now = {c.id for c in claims} | {r.id for r in relations}
        if now == kept:
            return replace(m, claims=claims, relations=relations)
        kept = now


def _check_paragraphs(reference: Map, first: int, last: int) -> None:
    """Raise ``paragraph-range`` when the essay has no paragraph ``last``."""
    count = len(paragraphs_of(reference.source_text))
    if last > count:
        raise ArgmapError(
            [
                Diagnostic(
                    "<command line>",
                    0,
                    0,
                    "paragraph-range",
                    f"--paragraphs {first}-{last}: {reference.source!r} has {count} paragraphs",
                    f"give a range within 1-{count}",
                )
            ]
        )


def compare(
    student: Map,
    reference: Map,
    min_overlap: float = 0.5,
    paragraphs: tuple[int, int] | None = None,
) -> Comparison:
    """Grade ``student`` against ``reference`` (see the module doc)."""
    _check_same_source(student, reference)
    thesis_graded = True
    if paragraphs is not None:
        first, last = paragraphs
        _check_paragraphs(reference, first, last)
        thesis_graded = first <= reference.claim(reference.thesis).paragraph <= last
        student, reference = restrict(student, first, last), restrict(reference, first, last)
    alignment = align_claims(student, reference, min_overlap)
    to_ref = {a.student: a.reference for a in alignment}
    found = set(to_ref.values())
    matched, wrong = _match_relations(student, reference, to_ref)
    hit = set(matched.values()) | set(wrong.values())
    missed = [r for r in reference.relations if r.id not in hit]
    extra = [r for r in student.relations if r.id not in matched and r.id not in wrong]
    near = _near_misses(extra, missed, to_ref)
    near_s, near_r = {s for s, _ in near}, {r for _, r in near}
    return Comparison(
        min_overlap=min_overlap,
        alignment=tuple(alignment),
        claims=Score(len(alignment), len(student.claims), len(reference.claims)),
        relations=Score(len(matched), len(student.relations), len(reference.relations)),
        thesis_found=to_ref.get(student.thesis) == reference.thesis if thesis_graded else None,
        missed_claims=tuple(c.id for c in reference.claims if c.id not in found),
        extra_claims=tuple(c.id for c in student.claims if c.id not in to_ref),
        matched_relations=tuple(sorted(matched.items())),
        missed_relations=tuple(r.id for r in missed if r.id not in near_r),
        extra_relations=tuple(r.id for r in extra if r.id not in near_s),
        wrong_kind=tuple(sorted(wrong.items())),
        student=student,
        reference=reference,
        paragraphs=paragraphs,
        near_misses=tuple(near),
        disagreements=_disagreements(student, reference, alignment),
    )


def _near_misses(
    extra: list[Relation], missed: list[Relation], to_ref: dict[str, str]
) -> list[tuple[str, str]]:
    """Extra and missed relations, paired when kind and target agree and premises nest."""
    pairs: list[tuple[str, str]] = []
    used: set[str] = set()
    by_kind_and_target: dict[tuple[str, str], list[Relation]] = {}
    for r in missed:
        by_kind_and_target.setdefault((r.kind, r.target), []).append(r)
    for s in extra:
        if s.kind == "undercut" or s.target not in to_ref:
            continue
        premises = {to_ref.get(p) for p in s.premises}
        for r in by_kind_and_target.get((s.kind, to_ref[s.target]), ()):
            if r.id in used:
                continue
            mine = premises - {None}
            if mine and (
                mine < set(r.premises) or (set(r.premises) < mine and None not in premises)
            ):
                pairs.append((s.id, r.id))
                used.add(r.id)
                break
    return pairs


def _disagreements(
    student: Map, reference: Map, alignment: list[Alignment]
) -> tuple[tuple[str, str, str, str, str], ...]:
    """Aligned claims whose role or speaker differ."""
    found = []
    for a in alignment:
        s, r = student.claim(a.student), reference.claim(a.reference)
        for name, mine, theirs in (("role", s.role, r.role), ("by", s.by, r.by)):
            if mine != theirs:
                found.append((s.id, r.id, name, mine, theirs))
    return tuple(found)


# --- reports ---------------------------------------------------------------


def _where(m: Map, item: Claim | Relation) -> str:
    pos = m.pos(item)
    return f"{m.file}:{pos.line}:{pos.column}"


def _quote(c: Claim) -> str:
    return " ".join(c.quote.split())


def _claim_entry(m: Map, claim_id: str) -> dict[str, Any]:
    c = m.claim(claim_id)
    return {
        "id": c.id,
        "where": _where(m, c),
        "paragraph": c.paragraph,
        "role": c.role,
        "text": c.text,
        "quote": _quote(c),
    }


def _relation_text(r: Relation) -> str:
    return f"{' + '.join(r.premises)} {_VERB[r.kind]} {r.target}"


def _relation_quotes(m: Map, r: Relation) -> str:
    """The relation told by its quotes, e.g. ``“A” + “B” supports “C”``."""
    premises = " + ".join(f"“{_quote(m.claim(p))}”" for p in r.premises)
    if r.kind == "undercut":
        target = f"the inference {_relation_text(m.relation(r.target))}"
    else:
        target = f"“{_quote(m.claim(r.target))}”"
    return f"{premises} {_VERB[r.kind]} {target}"


def _relation_entry(m: Map, relation_id: str) -> dict[str, Any]:
    r = m.relation(relation_id)
    ends = r.premises if r.kind == "undercut" else (*r.premises, r.target)
    return {
        "id": r.id,
        "where": _where(m, r),
        "kind": r.kind,
        "premises": list(r.premises),
        "target": r.target,
        "text": _relation_text(r),
        "quotes": {c: _quote(m.claim(c)) for c in ends},
        "quoted": _relation_quotes(m, r),
    }


def to_dict(c: Comparison) -> dict[str, Any]:
    """The comparison as JSON-ready data, with quotes and places of every item listed."""

    def score(s: Score) -> dict[str, Any]:
        return {
            "matched": s.matched,
            "student": s.student,
            "reference": s.reference,
            "precision": round(s.precision, 4),
            "recall": round(s.recall, 4),
            "f1": round(s.f1, 4),
        }

    stu, ref = c.student, c.reference
    return {
        "student": stu.file,
        "reference": ref.file,
        "min_overlap": c.min_overlap,
        "paragraphs": list(c.paragraphs) if c.paragraphs else None,
        "claims": score(c.claims),
        "relations": score(c.relations),
        "thesis_found": c.thesis_found,
        "alignment": [
            {"student": a.student, "reference": a.reference, "overlap": round(a.overlap, 4)}
            for a in c.alignment
        ],
        "matched_relations": [{"student": s, "reference": r} for s, r in c.matched_relations],
        **_findings(c),
    }


def _findings(c: Comparison) -> dict[str, Any]:
    """What the student should look at, with quotes and places: the reports' sections."""
    stu, ref = c.student, c.reference
    return {
        "missed_claims": [_claim_entry(ref, i) for i in c.missed_claims],
        "extra_claims": [_claim_entry(stu, i) for i in c.extra_claims],
        "missed_relations": [_relation_entry(ref, i) for i in c.missed_relations],
        "extra_relations": [_relation_entry(stu, i) for i in c.extra_relations],
        "wrong_kind": [
            {"student": _relation_entry(stu, s), "reference": _relation_entry(ref, r)}
            for s, r in c.wrong_kind
        ],
        "near_misses": [
            {"student": _relation_entry(stu, s), "reference": _relation_entry(ref, r)}
            for s, r in c.near_misses
        ],
        "disagreements": [
            {"student": s, "reference": r, "field": f, "yours": mine, "reference_value": theirs}
            for s, r, f, mine, theirs in c.disagreements
        ],
    }


_FIELD = {"role": "role", "by": "speaker"}


def _score_line(name: str, s: Score) -> str:
    return (
        f"{name}: {s.matched} matched of {s.student} yours and {s.reference} in the reference "
        f"(precision {s.precision:.0%}, recall {s.recall:.0%}, F1 {s.f1:.2f})"
    )


def _sections(c: Comparison) -> list[tuple[str, list[str]]]:
    """Titled lists of findings, shared by the text and Markdown reports."""
    d = _findings(c)

    def claim(e: dict[str, Any]) -> str:
        return f"{e['id']} ({e['role']}, ¶{e['paragraph']}, {e['where']}): “{e['quote']}”"

    def relation(e: dict[str, Any]) -> str:
        return f"{e['text']} ({e['where']}): {e['quoted']}"

    renamed = [
        f"{a.student} = reference {a.reference} (overlap {a.overlap:.2f})"
        for a in c.alignment
        if a.student != a.reference or a.overlap < 1
    ]
    return [
        (
            "Missed claims (in the reference, not in your map)",
            [claim(e) for e in d["missed_claims"]],
        ),
        ("Extra claims (in your map, not in the reference)", [claim(e) for e in d["extra_claims"]]),
        (
            "Relations with the right claims but the wrong kind",
            [
                f"{relation(w['student'])}; the reference has {w['reference']['kind']} "
                f"({w['reference']['id']}, {w['reference']['where']})"
                for w in d["wrong_kind"]
            ],
        ),
        (
            "Near misses: the right target, premises left out or added",
            [
                f"{relation(w['student'])}; the reference has {w['reference']['text']} "
                f"({w['reference']['id']}, {w['reference']['where']})"
                for w in d["near_misses"]
            ],
        ),
        (
            "Claims matched with another role or speaker",
            [
                f"{e['student']}: {_FIELD[e['field']]} {e['yours']}, the reference's "
                f"{e['reference']} has {e['reference_value']}"
                for e in d["disagreements"]
            ],
        ),
        ("Missed relations", [relation(e) for e in d["missed_relations"]]),
        ("Extra relations", [relation(e) for e in d["extra_relations"]]),
        ("Claims matched under another id or a different quote", renamed),
    ]


def _scope(c: Comparison) -> str:
    where = f"paragraphs {c.paragraphs[0]}-{c.paragraphs[1]}, " if c.paragraphs else ""
    return f"{where}quotes overlap ≥ {c.min_overlap}"


def _thesis(c: Comparison, *, markdown: bool) -> str:
    if c.thesis_found is None:
        return "not graded (the reference thesis lies outside these paragraphs)"
    verdict = "found" if c.thesis_found else ("**not found**" if markdown else "NOT found")
    ids = f"reference thesis {c.reference.thesis!r}, yours {c.student.thesis!r}"
    return f"{verdict} ({ids})"


def format_text(c: Comparison) -> str:
    """The comparison as a plain-text report for the student."""
    lines = [
        f"{c.student.file} compared with {c.reference.file} ({_scope(c)})",
        "  " + _score_line("claims", c.claims),
        "  " + _score_line("relations", c.relations),
        f"  thesis: {_thesis(c, markdown=False)}",
    ]
    for title, items in _sections(c):
        if items:
            lines.append(f"{title}:")
            lines += [f"  {item}" for item in items]
    return "\n".join(lines)


def format_markdown(c: Comparison) -> str:
    """The comparison as a Markdown report for the student."""
    lines = [
        f"# {markdown_text(c.student.file)} compared with {markdown_text(c.reference.file)}",
        "",
        "| | matched | yours | reference | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in (("claims", c.claims), ("relations", c.relations)):
        lines.append(
            f"| {name} | {s.matched} | {s.student} | {s.reference} | "
            f"{s.precision:.0%} | {s.recall:.0%} | {s.f1:.2f} |"
        )
    lines += ["", f"Thesis: {_thesis(c, markdown=True)}. Compared: {_scope(c)}."]
    for title, items in _sections(c):
        if items:
            lines += ["", f"## {title}", ""]
            lines += [f"- {markdown_text(item)}" for item in items]  # students' texts are inert
    return "\n".join(lines) + "\n"
