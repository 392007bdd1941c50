"""Argdown: export, import of the same subset, and import of Argdown's JSON export.

The export is plain Argdown that ``@argdown/core`` parses without errors:

- each claim a statement ``[id]: text #role #(by-speaker)``, its text with
  every ASCII punctuation mark escaped by a backslash (so no text can be read
  as syntax), line breaks as spaces;
- a relation with one premise, its default id and no scheme, answered
  questions or note, that no undercut attacks, is a relation line under its
  premise: ``+> [target]`` (support), ``-> [target]`` (opposition),
  ``_> <relation>`` (undercut);
- every other relation is an argument ``<relation-id>`` with a
  premise-conclusion structure: a support concludes its target; an opposition
  or undercut concludes a placeholder statement ``[ID--conclusion]`` that
  attacks (``->``) the target claim or undercuts (``_>``) the target argument;
- what Argdown has no syntax for (quotes, tags, notes, base scores, schemes,
  answered questions, the thesis, speakers' names) is one line of JSON in the
  front matter, its ``=`` written ``\\u003d`` so that no value can end it.

:func:`read_argdown` reads that subset back (the argmap → Argdown → argmap
round trip); :func:`read_argdown_json` reads what ``argdown json`` writes for
any Argdown document: statements, the premise-conclusion structures of
arguments (a support of the main conclusion) and support, attack and undercut
relations between statements and arguments.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> cs = (Claim(id="t", text="Cats [rule].", quote="Cats rule", role="thesis", by="authors"),
...       Claim(id="a", text="They purr.", quote="They purr", role="claim", by="bo"))
>>> rs = (Relation(id="a--supports--t", kind="support", premises=("a",), target="t"),)
>>> m = Map(title="T", thesis="t", source="", claims=cs, relations=rs)
>>> text = write_argdown(m)
>>> print(text.split("===")[2].strip())
[t]: Cats \\[rule\\]\\. #thesis #(by-authors)
<BLANKLINE>
[a]: They purr\\. #claim #(by-bo)
  +> [t]
>>> back = read_argdown(text, "m.argdown").map
>>> [(c.id, c.text, c.quote, c.by) for c in back.claims]
[('t', 'Cats [rule].', 'Cats rule', 'authors'), ('a', 'They purr.', 'They purr', 'bo')]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.formats.base import (
    DEFAULT_SPEAKER,
    IdMaker,
    Imported,
    import_error,
    json_object,
    locator,
    parse_json,
    relation_id,
    speaker_names,
    with_thesis,
)
from argmap.model import ROLES, Claim, Map, Pos, Relation, RelationKind, YamlPath
from argmap.schemes import SCHEMES

__all__ = ["escape", "read_argdown", "read_argdown_json", "write_argdown"]

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_ARROWS: dict[RelationKind, str] = {"support": "+>", "opposition": "->", "undercut": "_>"}
_KINDS: dict[str, RelationKind] = {v: k for k, v in _ARROWS.items()}
_PLACEHOLDER = "--conclusion"


def escape(text: str) -> str:
    """``text`` as Argdown statement text: one line, ASCII punctuation escaped.

    Examples
    --------
    >>> print(escape("a [b] #c\\nd"))
    a \\[b\\] \\#c d
    """
    return _PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


def _ref(r: Relation) -> str:
    return f"<{r.target}>" if r.kind == "undercut" else f"[{r.target}]"


def _front_matter(m: Map) -> str:
    claims = {}
    for c in m.claims:
        extra: dict[str, Any] = {"quote": c.quote}
        extra |= {"tags": list(c.tags)} if c.tags else {}
        extra |= {"note": c.note} if c.note else {}
        extra |= {"base": c.base} if c.base != 0.5 else {}
        claims[c.id] = extra
    relations = {
        r.id: {
            k: v
            for k, v in (("scheme", r.scheme), ("answered", list(r.answered)), ("note", r.note))
            if v
        }
        for r in m.relations
        if r.scheme or r.answered or r.note
    }
    speakers = {c.by: m.speaker_name(c.by) for c in m.claims}
    data = {
        "title": m.title,
        "argmap": {
            "version": 1,
            "thesis": m.thesis,
            "speakers": dict(sorted(speakers.items())),
            "claims": claims,
            "relations": relations,
        },
    }
    return json.dumps(data, ensure_ascii=True).replace("=", "\\u003d")


def write_argdown(m: Map) -> str:
    """The map as Argdown text (see the module doc)."""
    attacked = {r.target for r in m.relations if r.kind == "undercut"}

    def simple(r: Relation) -> bool:
        plain = not (r.scheme or r.answered or r.note) and r.id not in attacked
        return plain and len(r.premises) == 1 and r.id == relation_id(r.kind, r.premises, r.target)

    by_premise: dict[str, list[Relation]] = {}  # the simple relations, under their premise
    complex_relations = []
    for r in m.relations:
        if simple(r):
            by_premise.setdefault(r.premises[0], []).append(r)
        else:
            complex_relations.append(r)
    lines = ["===", _front_matter(m), "==="]
    for c in m.claims:
        lines += ["", f"[{c.id}]: {escape(c.text)} #{c.role} #(by-{c.by})"]
        lines += [f"  {_ARROWS[r.kind]} {_ref(r)}" for r in by_premise.get(c.id, ())]
    for r in complex_relations:
        lines += ["", f"<{r.id}>", ""]
        lines += [f"({i}) [{p}]" for i, p in enumerate(r.premises, start=1)]
        lines.append("----")
        last = len(r.premises) + 1
        if r.kind == "support":
            lines.append(f"({last}) [{r.target}]")
        else:
            lines.append(f"({last}) [{r.id}{_PLACEHOLDER}]: the conclusion of {escape(r.id)}")
            lines.append(f"  {_ARROWS[r.kind]} {_ref(r)}")
    return "\n".join(lines) + "\n"


# --- reading the subset ------------------------------------------------------

_STATEMENT = re.compile(r"\[([^\]]+)\]:\s?(.*)")
_RELATION = re.compile(r"\s+([+\-_])>\s*(?:\[([^\]]+)\]|<([^>]+)>)\s*")
_ARGUMENT = re.compile(r"<([^>]+)>\s*")
_PCS = re.compile(r"\((\d+)\)\s*\[([^\]]+)\](?::\s?(.*))?")
_TAG = re.compile(r"\s+#(?:\(([^)]*)\)|([^\s#()]+))\s*$")
_UNESCAPE = re.compile(r"\\(.)")


def _unescaped_end(text: str) -> bool:
    """Whether ``text`` does not end in an escaping backslash (an odd run of them)."""
    return (len(text) - len(text.rstrip("\\"))) % 2 == 0


def _text_and_tags(rest: str) -> tuple[str, list[str]]:
    tags: list[str] = []
    while (found := _TAG.search(rest)) and _unescaped_end(rest[: found.start()]):
        tags.insert(0, found.group(1) or found.group(2))
        rest = rest[: found.start()]
    return _UNESCAPE.sub(r"\1", rest.strip()), tags


@dataclass
class _Doc:
    file: str
    front: dict[str, Any] = field(default_factory=dict)
    statements: dict[str, tuple[str, list[str], int]] = field(default_factory=dict)
    # (kind, premises, target, line, argument title or "")
    links: list[tuple[RelationKind, list[str], str, int, str]] = field(default_factory=list)
    placeholders: dict[str, str] = field(default_factory=dict)  # statement → its argument
    arguments: dict[str, tuple[list[str], int]] = field(default_factory=dict)  # premises, line

    def error(self, line: int, message: str, hint: str) -> Exception:
        return import_error(self.file, Pos(line, 1), "import-syntax", message, hint)


def _front(lines: list[str], doc: _Doc) -> int:
    """Read the front matter, if any; return the index of the first line after it."""
    if not lines or lines[0].strip() != "===":
        return 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "==="), None)
    if end is None:
        raise doc.error(1, "the front matter has no closing '==='", "end it with a line '==='")
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError:
        raise doc.error(
            2, "the front matter is not YAML", "write YAML between the '===' lines"
        ) from None
    doc.front = data if isinstance(data, dict) else {}
    return end + 1


def _parse(text: str, file: str) -> _Doc:
    doc = _Doc(file)
    lines = text.splitlines()
    start = _front(lines, doc)
    owner: tuple[str, str] | None = None  # ("statement", title) or ("argument", title)
    argument: tuple[str, int, list[str]] | None = None  # title, line, premises
    concluded = False
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        if m := _RELATION.fullmatch(line):
            if owner is None:
                raise doc.error(number, "a relation under no statement", "indent it under one")
            kind = _KINDS[m.group(1) + ">"]
            target = m.group(2) or m.group(3)
            if (kind == "undercut") != bool(m.group(3)):
                raise doc.error(
                    number,
                    "an undercut points at an argument <id>, the others at a statement [id]",
                    "write '_> <argument>' or '+> [statement]'",
                )
            doc.links.append((kind, [owner[1]], target, number, ""))
        elif m := _STATEMENT.fullmatch(line):
            doc.statements[m.group(1)] = (*_text_and_tags(m.group(2)), number)
            owner, argument = ("statement", m.group(1)), None
        elif m := _ARGUMENT.fullmatch(line):
            argument, owner, concluded = (m.group(1), number, []), None, False
        elif argument is not None and line.startswith("--"):
            concluded = True
        elif argument is not None and (m := _PCS.fullmatch(line)):
            title = m.group(2)
            if m.group(3) is not None:
                doc.statements[title] = (*_text_and_tags(m.group(3)), number)
            if not concluded:
                argument[2].append(title)
                continue
            doc.arguments[argument[0]] = (argument[2], argument[1])
            if m.group(3) is not None and title.endswith(_PLACEHOLDER):
                doc.placeholders[title] = argument[0]
                owner = ("statement", title)
            else:
                doc.links.append(("support", argument[2], title, argument[1], argument[0]))
        else:
            raise doc.error(
                number,
                f"argmap does not read this Argdown line: {line.strip()[:60]!r}",
                "argmap reads the subset it writes (docs/formats.md); for other "
                "Argdown, import its JSON export (argdown json FILE)",
            )
    return doc


def read_argdown(text: str, file: str = "<argdown>") -> Imported:
    """Read the Argdown subset :func:`write_argdown` writes (see the module doc)."""
    doc = _parse(text, file)
    extra = json_object(doc.front.get("argmap"))
    more = extra.get("claims") or {}
    names = extra.get("speakers") or {}
    where: dict[YamlPath, Pos] = {}
    claims = []
    for title, (words, tags, line) in doc.statements.items():
        if title in doc.placeholders:
            continue
        role = next((t for t in tags if t in ROLES), "claim")
        by = next((t[3:] for t in tags if t.startswith("by-")), DEFAULT_SPEAKER)
        data = json_object(more.get(title))
        where[("statements", title)] = Pos(line, 1)
        claims.append(
            Claim(
                id=title,
                text=words,
                quote=str(data.get("quote") or words),
                role=role,
                by=by,
                tags=tuple(str(t) for t in data.get("tags", ())),
                note=str(data.get("note", "")),
                base=float(data.get("base", 0.5)),
                origin=("statements", title),
            )
        )
    relations = _relations(doc, extra.get("relations") or {}, where)
    thesis, claims = with_thesis(claims, relations, str(extra.get("thesis", "")), file)
    m = Map(
        title=str(doc.front.get("title") or "Imported from Argdown"),
        thesis=thesis,
        source="",
        claims=tuple(claims),
        relations=tuple(relations),
        file=file,
        speakers=speaker_names(claims, names),
        locate=lambda p: where.get(p, Pos(1, 1)),
    )
    return Imported(m)


def _relations(doc: _Doc, more: dict[str, Any], where: dict[YamlPath, Pos]) -> list[Relation]:
    relations = []
    for kind, first, target, written, argument in doc.links:
        title, premises, line = argument, first, written
        if first[0] in doc.placeholders:  # an argument's attack, through its placeholder
            title = doc.placeholders[first[0]]
            premises, line = doc.arguments[title]
        rid = title or relation_id(kind, premises, target)
        data = json_object(more.get(rid))
        scheme = str(data.get("scheme", ""))
        where[("links", rid)] = Pos(line, 1)
        relations.append(
            Relation(
                id=rid,
                kind=kind,
                premises=tuple(premises),
                target=target,
                scheme=scheme if scheme in SCHEMES else "",
                answered=tuple(str(q) for q in data.get("answered", ())),
                note=str(data.get("note", "")),
                origin=("links", rid),
            )
        )
    return relations


# --- Argdown's JSON export ---------------------------------------------------------


def _member_text(ec: dict[str, Any]) -> tuple[str, list[str], int]:
    """Text (tags removed), tags and line of an Argdown equivalence class."""
    for member in ec.get("members") or []:
        if isinstance(member, dict) and str(member.get("text") or "").strip():
            words, tags = str(member["text"]), [str(t) for t in member.get("tags") or []]
            for tag in tags:
                words = words.replace(f"#({tag})", "").replace(f"#{tag}", "")
            return " ".join(words.split()), tags, int(member.get("startLine") or 0)
    return "", [], 0


def _pcs(argument: dict[str, Any]) -> tuple[list[str], str]:
    """Premises and main conclusion of an Argdown argument (``[], ""`` without a structure)."""
    for member in argument.get("members") or []:
        if isinstance(member, dict) and member.get("pcs"):
            steps = [s for s in member["pcs"] if isinstance(s, dict) and "title" in s]
            premises = [str(s["title"]) for s in steps if s.get("role") == "premise"]
            ends = [str(s["title"]) for s in steps if s.get("role") == "main-conclusion"]
            return premises, (ends[-1] if ends else "")
    return [], ""


_JSON_KINDS: dict[str, RelationKind] = {
    "support": "support",
    "entails": "support",
    "attack": "opposition",
    "contrary": "opposition",
    "contradictory": "opposition",
    "undercut": "undercut",
}


def read_argdown_json(text: str, file: str = "<argdown-json>") -> Imported:
    """Read Argdown's JSON export (``argdown json``; see the module doc)."""
    data, positions = parse_json(text, file)
    locate = locator(text, positions)
    if not isinstance(data, dict) or not isinstance(data.get("statements"), dict):
        raise import_error(
            file, Pos(1, 1), "import-invalid", "no 'statements'", "is this Argdown's JSON export?"
        )
    arguments = {str(k): _pcs(v) for k, v in json_object(data.get("arguments")).items()}
    placeholders = {
        end: title
        for title, (premises, end) in arguments.items()
        if end.endswith(_PLACEHOLDER) and premises
    }
    ids = IdMaker()
    claim_of: dict[str, str] = {}
    claims = []
    for title, ec in data["statements"].items():
        if title in placeholders:
            continue
        words, tags, _line = _member_text(json_object(ec))
        claim_of[title] = ids.make(title)
        claims.append(
            Claim(
                id=claim_of[title],
                text=words or title,
                quote=words or title,
                role=next((t for t in tags if t in ROLES), "claim"),
                by=next((t[3:] for t in tags if t.startswith("by-")), DEFAULT_SPEAKER),
                origin=("statements", title),
            )
        )
    dropped: list[str] = []
    relation_ids = IdMaker()
    relation_of = {t: relation_ids.make(t) for t, (p, end) in arguments.items() if p and end}
    relations = [
        Relation(
            id=relation_of[t],
            kind="support",
            premises=tuple(claim_of[p] for p in premises),
            target=claim_of[end],
            origin=("arguments", t),
        )
        for t, (premises, end) in arguments.items()
        if t in relation_of
        and end not in placeholders
        and end in claim_of
        and all(p in claim_of for p in premises)
    ]
    names = _Names(claim_of, relation_of, arguments, placeholders)
    items = [json_object(rel) for rel in data.get("relations") or []]
    undercuts = [r.get("relationType") == "undercut" for r in items]
    for last in (False, True):  # undercuts last: one may target a statement's relation
        for i, rel in enumerate(items):
            if undercuts[i] != last:
                continue
            made = _json_relation(rel, names, i)
            if isinstance(made, Relation):
                relations.append(made)
                if len(made.premises) == 1 and made.id not in relation_of.values():
                    names.outgoing.setdefault(str(rel.get("from")), []).append(made.id)
            else:
                dropped.append(made)
    relations = _distinct(relations)
    thesis, claims = with_thesis(claims, relations, "", file)
    m = Map(
        title="Imported from Argdown",
        thesis=thesis,
        source="",
        claims=tuple(claims),
        relations=tuple(relations),
        file=file,
        speakers=speaker_names(claims, {}),
        locate=locate,
    )
    return Imported(m, None, tuple(sorted(set(dropped))))


@dataclass(frozen=True)
class _Names:
    """What the relations of Argdown's JSON refer to, by Argdown title."""

    claim_of: dict[str, str]  # statement → claim id
    relation_of: dict[str, str]  # argument → relation id
    arguments: dict[str, tuple[list[str], str]]  # argument → premises, main conclusion
    placeholders: dict[str, str]  # placeholder conclusion → its argument
    outgoing: dict[str, list[str]] = field(default_factory=dict)  # statement → its relations


def _json_relation(rel: dict[str, Any], names: _Names, index: int) -> Relation | str:
    """One relation of Argdown's JSON, or the name of what could not be kept."""
    claim_of, relation_of = names.claim_of, names.relation_of
    arguments, placeholders = names.arguments, names.placeholders
    kind = _JSON_KINDS.get(str(rel.get("relationType")))
    source, target = str(rel.get("from")), str(rel.get("to"))
    if kind is None:
        return f"{rel.get('relationType')} relations"
    if rel.get("fromType") == "argument":  # Argdown gives an argument its conclusion's relations
        source = arguments.get(source, ([], ""))[1]
    title = placeholders.get(source, "")
    premises = arguments[title][0] if title else [source]
    if kind == "undercut" and len(names.outgoing.get(target, [])) == 1:
        to = names.outgoing[target][0]  # an undercut of the one relation from a statement
    elif kind == "undercut" or rel.get("toType") in ("inference", "argument"):
        if target not in relation_of or kind == "support":
            return "relations into arguments without a premise-conclusion structure"
        kind, to = "undercut", relation_of[target]
    elif target in claim_of:
        to = claim_of[target]
    else:
        return "relations to unknown statements"
    if not premises or any(p not in claim_of for p in premises):
        return "relations from arguments without a premise-conclusion structure"
    mine = tuple(claim_of[p] for p in premises)
    return Relation(
        id=relation_of.get(title) or relation_id(kind, mine, to),
        kind=kind,
        premises=mine,
        target=to,
        origin=("relations", index),
    )


def _distinct(relations: list[Relation]) -> list[Relation]:
    """The relations without repeats (Argdown lists a relation once per place it is written)."""
    seen: set[tuple[str, tuple[str, ...], str]] = set()
    kept = []
    for r in relations:
        key = (r.kind, tuple(sorted(r.premises)), r.target)
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return kept
