"""Import of Kialo's plain-text discussion export.

A Kialo export is a title line and one numbered line per claim::

    Discussion Title: Should cities ban cars?

    1. Cities should ban cars from their centres.
    1.1. Pro: Cars make the air dirty.
    1.1.1. Con: Electric cars do not.
    1.2. Con: Shops need customers who drive.
    1.2.1. Con: -> See 1.1.1.

Each numbered line is a claim (id ``c`` and its number, ``1.2.1.`` → ``c1-2-1``),
its text running on until the next numbered line; ``Pro:`` supports and
``Con:`` opposes the claim one level up, and ``-> See N.`` makes the claim
numbered ``N`` support or oppose it again instead of repeating it.  ``1.`` is
the thesis.  Claims on the thesis's side are ``claim`` (a pro) or
``rebuttal`` (a con of an objection); claims against it are ``opponent``
claims of the speaker ``opponent``.  Kialo has no essay, so the quotes are
the texts.  Markdown links keep their text, and backslashes before brackets
are dropped.

Examples
--------
>>> text = '''Discussion Title: Cats?
...
... 1. Cats are the best pets.
... 1.1. Pro: They purr.
... 1.2. Con: They scratch.
... 1.2.1. Con: A [post](http://x.y) helps.
... 1.3. Pro: -> See 1.2.1.'''
>>> m = read_kialo(text, "cats.txt").map
>>> [(c.id, c.role, c.text) for c in m.claims]  # doctest: +NORMALIZE_WHITESPACE
[('c1', 'thesis', 'Cats are the best pets.'), ('c1-1', 'claim', 'They purr.'),
 ('c1-2', 'opponent', 'They scratch.'), ('c1-2-1', 'rebuttal', 'A post helps.')]
>>> [(r.kind, r.premises, r.target) for r in m.relations]  # doctest: +NORMALIZE_WHITESPACE
[('support', ('c1-1',), 'c1'), ('opposition', ('c1-2',), 'c1'),
 ('opposition', ('c1-2-1',), 'c1-2'), ('support', ('c1-2-1',), 'c1')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.formats.base import Imported, import_error, relation_id, speaker_names
from argmap.model import Claim, Map, Pos, Relation, RelationKind, YamlPath

__all__ = ["read_kialo"]

_TITLE = re.compile(r"Discussion Title:\s*(.*)")
_LINE = re.compile(r"((?:\d+\.)+)\s+(?:(Pro|Con):\s*)?(.*)")
_SEE = re.compile(r"->\s*See\s+((?:\d+\.)+)\s*")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ESCAPED = re.compile(r"\\([\[\]()])")
_KINDS: dict[str, RelationKind] = {"Pro": "support", "Con": "opposition", "": "support"}


@dataclass
class _Entry:
    number: str
    stance: str
    text: str
    line: int


def _claim_id(number: str) -> str:
    return "c" + number.rstrip(".").replace(".", "-")


def _entries(text: str, file: str) -> tuple[str, list[_Entry]]:
    title, entries = "", []
    for n, line in enumerate(text.splitlines(), start=1):
        if n == 1 and (found := _TITLE.fullmatch(line.strip())):
            title = found.group(1)
        elif found := _LINE.fullmatch(line.strip()):
            entries.append(_Entry(found.group(1), found.group(2) or "", found.group(3), n))
        elif entries:
            entries[-1].text += "\n" + line.strip()
        elif line.strip():
            raise import_error(
                file,
                Pos(n, 1),
                "import-invalid",
                "a Kialo export starts with 'Discussion Title:' and numbered lines",
                "export the discussion again (Kialo: ... → Export discussion)",
            )
    if not entries or entries[0].number != "1.":
        raise import_error(
            file, Pos(1, 1), "import-invalid", "no thesis line '1. ...'", "is this a Kialo export?"
        )
    return title, entries


def _missing(file: str, e: _Entry, what: str, hint: str) -> Exception:
    return import_error(
        file, Pos(e.line, 1), "import-missing-node", f"{e.number} {what}, not in the file", hint
    )


def _clean(text: str) -> str:
    return " ".join(_ESCAPED.sub(r"\1", _LINK.sub(r"\1", text)).split())


def read_kialo(text: str, file: str = "<kialo>") -> Imported:
    """Read a Kialo discussion export (see the module doc)."""
    title, entries = _entries(text, file)
    numbers = {e.number for e in entries if not _SEE.fullmatch(e.text.strip())}
    where: dict[YamlPath, Pos] = {}
    side = {"1.": 1}
    claims, relations, dropped = [], [], []
    for e in entries:
        parent = e.number[: e.number[:-1].rfind(".") + 1]
        if e.number == "1.":
            continue
        if parent not in numbers:
            raise _missing(file, e, f"answers {parent or 'nothing'}", "number them as Kialo does")
        sign = -1 if e.stance == "Con" else 1
        side[e.number] = side[parent] * sign
        if not e.stance:
            dropped.append("lines without Pro or Con (read as supports)")
        see = _SEE.fullmatch(e.text.strip())
        source = see.group(1) if see else e.number
        if source not in numbers:
            raise _missing(file, e, f"refers to {source}", "refer to a numbered claim")
        kind = _KINDS[e.stance]
        premise, target = _claim_id(source), _claim_id(parent)
        rid = relation_id(kind, [premise], target)
        where[("relations", rid)] = Pos(e.line, 1)
        relations.append(Relation(rid, kind, (premise,), target, origin=("relations", rid)))
    for e in entries:
        if e.number not in numbers:
            continue
        words = _clean(e.text)
        role = "thesis" if e.number == "1." else "claim"
        if side.get(e.number, 1) < 0:
            role = "opponent"
        elif e.stance == "Con":
            role = "rebuttal"
        cid = _claim_id(e.number)
        where[("claims", cid)] = Pos(e.line, 1)
        by = "opponent" if role == "opponent" else "authors"
        claims.append(Claim(cid, words, words, role, by, origin=("claims", cid)))
    m = Map(
        title=title or "Imported from Kialo",
        thesis="c1",
        source="",
        claims=tuple(claims),
        relations=tuple(relations),
        file=file,
        speakers=speaker_names(claims, {}),
        locate=lambda p: where.get(p, Pos(1, 1)),
    )
    return Imported(m, None, tuple(sorted(set(dropped))))
