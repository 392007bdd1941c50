"""Generate big argument maps for the benchmarks: a synthetic essay and its map.

``python benchmarks/generate.py N [--seed S] [-o DIR]`` writes ``DIR/essay.txt``
(N unique sentences, five to a paragraph) and ``DIR/map.yaml`` (one claim per
sentence, quoting it), plus ``DIR/map.json`` (the same data, for the
``json.loads`` floor of the benchmark).  The same N and seed give the same
bytes.

The relations form a random tree rooted at the thesis (claim ``c0``): every
other claim relates to a random earlier claim, so the tree is about
``log N`` deep.  About 10% of the claims oppose instead of support (the
opposing claim changes sides: an opponent's claim, or a rebuttal of one),
about 2% undercut an earlier relation, and about 1% of the supports are
linked (two premises through one inference).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

__all__ = ["generate", "main", "to_yaml", "write"]

_SUBJECTS = [
    "Point",
    "Record",
    "Witness",
    "Report",
    "Study",
    "Letter",
    "Survey",
    "Ledger",
    "Census",
    "Diary",
    "Petition",
    "Treaty",
    "Speech",
    "Verdict",
    "Memoir",
    "Statute",
    "Charter",
    "Inquiry",
    "Audit",
    "Pamphlet",
]
_VERBS = [
    "shows",
    "suggests",
    "proves",
    "implies",
    "confirms",
    "reveals",
    "indicates",
    "records",
    "establishes",
    "denies",
    "questions",
    "weakens",
    "supports",
    "explains",
]
_ADJECTIVES = [
    "quiet",
    "hidden",
    "steady",
    "public",
    "early",
    "late",
    "northern",
    "costly",
    "rare",
    "common",
    "local",
    "foreign",
    "honest",
    "partial",
    "sudden",
]
_NOUNS = [
    "river",
    "harvest",
    "market",
    "council",
    "wage",
    "harbour",
    "railway",
    "famine",
    "tariff",
    "strike",
    "school",
    "mill",
    "parish",
    "border",
    "archive",
    "treasury",
    "frontier",
    "garrison",
]
_PREPOSITIONS = ["near", "after", "before", "beyond", "under", "within", "against", "across"]

OPPOSE, UNDERCUT, LINK = 0.10, 0.02, 0.01


def _sentence(rng: random.Random, i: int) -> str:
    """A sentence made unique by its number, without a sentence break inside."""
    return (
        f"{rng.choice(_SUBJECTS)} {i} {rng.choice(_VERBS)} that the "
        f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)} {rng.choice(_PREPOSITIONS)} "
        f"the {rng.choice(_NOUNS)} mattered."
    )


def generate(n: int, seed: int = 0) -> tuple[dict[str, Any], str]:
    """Return ``(map data, essay text)`` for ``n`` claims (``n >= 1``).

    Examples
    --------
    >>> data, essay = generate(6, seed=1)
    >>> [c["id"] for c in data["claims"]], data["thesis"]
    (['c0', 'c1', 'c2', 'c3', 'c4', 'c5'], 'c0')
    >>> data["claims"][0]["quote"] in essay
    True
    >>> generate(6, seed=1) == (data, essay)
    True
    """
    rng = random.Random(seed)
    sentences = [_sentence(rng, i) for i in range(n)]
    claims: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    side = ["authors"]
    rel_ids: list[str] = []  # ids of relations an undercut may target
    i = 0
    while i < n:
        claim: dict[str, Any] = {
            "id": f"c{i}",
            "text": f"Claim {i} says {sentences[i][:-1].lower()}.",
            "quote": sentences[i][:-1],
        }
        claims.append(claim)
        if i == 0:
            claim["role"] = "thesis"
            i += 1
            continue
        j = rng.randrange(i)
        draw = rng.random()
        by = side[j]
        if draw < UNDERCUT and rel_ids:
            by = "rival" if by == "authors" else "authors"
            claim["undercuts"] = [rng.choice(rel_ids)]
            claim["role"] = "rebuttal" if by == "authors" else "opponent"
        elif draw < UNDERCUT + OPPOSE:
            by = "rival" if by == "authors" else "authors"
            claim["opposes"] = [f"c{j}"]
            claim["role"] = "rebuttal" if by == "authors" else "opponent"
            rel_ids.append(f"c{i}--opposes--c{j}")
        elif draw < UNDERCUT + OPPOSE + LINK and i + 1 < n:
            partner = {
                "id": f"c{i + 1}",
                "text": f"Claim {i + 1} says {sentences[i + 1][:-1].lower()}.",
                "quote": sentences[i + 1][:-1],
                "role": "evidence",
            }
            claim["role"] = "claim"
            rid = f"link{i}"
            pair = [claim["id"], partner["id"]]
            relations.append({"id": rid, "type": "support", "from": pair, "to": f"c{j}"})
            rel_ids.append(rid)
            claims.append(partner)
            side += [by, by]
            if by != "authors":
                claim["by"] = partner["by"] = by
            i += 2
            continue
        else:
            claim["supports"] = [f"c{j}"]
            claim["role"] = rng.choice(("claim", "evidence", "example", "authority", "background"))
            rel_ids.append(f"c{i}--supports--c{j}")
        if by != "authors":
            claim["by"] = by
        side.append(by)
        i += 1
    paragraphs = [" ".join(sentences[k : k + 5]) for k in range(0, n, 5)]
    data: dict[str, Any] = {
        "argmap": 1,
        "title": f"Generated map of {n} claims (seed {seed})",
        "source": "essay.txt",
        "thesis": "c0",
        "speakers": {"authors": "The authors", "rival": "The rival"},
        "claims": claims,
        "relations": relations,
    }
    return data, "\n\n".join(paragraphs) + "\n"


def _value(v: Any) -> str:
    return "[" + ", ".join(v) + "]" if isinstance(v, list) else str(v)


def to_yaml(data: dict[str, Any]) -> str:
    """The map data as block YAML, written directly (fast at 10^5 claims).

    Examples
    --------
    >>> print(to_yaml(generate(2, seed=3)[0]))  # doctest: +ELLIPSIS
    argmap: 1
    title: Generated map of 2 claims (seed 3)
    ...
    claims:
      - id: c0
        text: Claim 0 says ...
        quote: ...
        role: thesis
      - id: c1
    ...
    """
    lines = [f"{k}: {data[k]}" for k in ("argmap", "title", "source", "thesis")]
    lines.append("speakers:")
    lines += [f"  {k}: {v}" for k, v in data["speakers"].items()]
    for key in ("claims", "relations"):
        lines.append(f"{key}:" if data[key] else f"{key}: []")
        for item in data[key]:
            first = True
            for k, v in item.items():
                lines.append(f"{'  - ' if first else '    '}{k}: {_value(v)}")
                first = False
    return "\n".join(lines) + "\n"


def write(n: int, seed: int, out: Path) -> Path:
    """Write ``essay.txt``, ``map.yaml`` and ``map.json`` into ``out``; return the map path."""
    data, essay = generate(n, seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "essay.txt").write_text(essay, encoding="utf-8")
    (out / "map.json").write_text(json.dumps(data), encoding="utf-8")
    path = out / "map.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    """Command line: ``generate.py N [--seed S] [-o DIR]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of claims")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--out", type=Path, default=Path("build/bench-maps"))
    args = parser.parse_args(argv)
    write(args.n, args.seed, args.out)


if __name__ == "__main__":
    main()
