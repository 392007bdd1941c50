"""What the format tests share: generated valid maps, and what a round trip must keep."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from argmap.formats.base import Imported, finish, relation_id
from argmap.formats.yamlmap import to_yaml
from argmap.load import load_map
from argmap.model import ROLES, Claim, Map, Relation, RelationKind
from argmap.schemes import SCHEMES

_WORDS = (
    st.text(
        alphabet=st.sampled_from("abcdefghij XYZ,.;:!?'\"()-#|[]{}<>&*%@/\\éü“”—"),
        min_size=1,
        max_size=30,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
_IDS = st.lists(
    st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4})?", fullmatch=True),
    min_size=1,
    max_size=7,
    unique=True,
)
_SPEAKERS = {"authors": "The authors", "bo": "Bo Li", "kim": "Kim"}


@st.composite
def _claims(draw: st.DrawFn) -> list[Claim]:
    ids = draw(_IDS)
    claims = []
    for n, claim_id in enumerate(ids):
        claims.append(
            Claim(
                id=claim_id,
                text=draw(_WORDS),
                quote=f"q{n} {draw(_WORDS)}",  # distinct, so each quote finds its own passage
                role="thesis" if n == 0 else draw(st.sampled_from(sorted(set(ROLES) - {"thesis"}))),
                by=draw(st.sampled_from(sorted(_SPEAKERS))),
                tags=tuple(draw(st.lists(st.sampled_from(["x", "key", "p 2"]), max_size=2))),
                note=draw(st.sampled_from(["", "a note: yes"])),
                base=draw(st.sampled_from([0.5, 0.25, 1.0])),
            )
        )
    return claims


@st.composite
def _relations(draw: st.DrawFn, ids: list[str]) -> list[Relation]:
    relations: list[Relation] = []
    seen: set[tuple[str, tuple[str, ...], str]] = set()
    for n in range(draw(st.integers(0, 8))):
        kinds: list[RelationKind] = ["support", "opposition"] + (["undercut"] if relations else [])
        kind = draw(st.sampled_from(kinds))
        premises = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
        if kind == "undercut":
            under = draw(st.sampled_from(relations))
            target, banned = under.id, set(under.premises)
        else:
            target = draw(st.sampled_from(ids))
            banned = {target}
        premises = [p for p in premises if p not in banned]
        key = (kind, tuple(sorted(premises)), target)
        if not premises or key in seen:
            continue
        seen.add(key)
        scheme = draw(st.sampled_from(["", *sorted(SCHEMES)]))
        questions = [q.id for q in SCHEMES[scheme].questions] if scheme else []
        answered = (
            draw(st.lists(st.sampled_from(questions), max_size=2, unique=True)) if questions else []
        )
        default = relation_id(kind, premises, target)
        relations.append(
            Relation(
                id=draw(st.sampled_from([default] + ([f"r{n}"] if f"r{n}" not in ids else []))),
                kind=kind,
                premises=tuple(premises),
                target=target,
                scheme=scheme,
                answered=tuple(answered),
                note=draw(st.sampled_from(["", "why: because"])),
            )
        )
    return relations


@st.composite
def maps(draw: st.DrawFn, folder: Path) -> Map:
    """A valid map whose source (quotes one per paragraph) is written in ``folder``.

    It is built, written as YAML and loaded back, so it is exactly what the loader makes.
    """
    claims = draw(_claims())
    relations = draw(_relations([c.id for c in claims]))
    source = "".join(f"{c.quote}\n\n" for c in claims)
    (folder / "essay.txt").write_text(source, encoding="utf-8")
    speakers = {c.by: _SPEAKERS[c.by] for c in claims}
    m = Map(
        title=draw(_WORDS),
        thesis=claims[0].id,
        source="essay.txt",
        claims=tuple(claims),
        relations=tuple(relations),
        speakers=speakers,
    )
    return load_map(to_yaml(m), str(folder / "map.yaml"), folder)


def facts(m: Map) -> dict[str, Any]:
    """What a round trip must keep: claims, quotes, roles, speakers, relations, schemes."""
    return {
        "title": m.title,
        "thesis": m.thesis,
        "claims": [(c.id, c.text, c.quote, c.role, c.by, c.tags, c.note, c.base) for c in m.claims],
        "relations": sorted(
            (r.id, r.kind, r.premises, r.target, r.scheme, r.answered, r.note) for r in m.relations
        ),
        "speakers": {c.by: m.speaker_name(c.by) for c in m.claims},
    }


def reload(imported: Imported) -> Map:
    """The map ``argmap import`` would write for ``imported``, loaded back from a scratch folder."""
    folder = Path(tempfile.mkdtemp())
    back, source, _built = finish(imported, "back.txt")
    (folder / "back.txt").write_text(source, encoding="utf-8")
    return load_map(to_yaml(back), str(folder / "back.yaml"), folder)
