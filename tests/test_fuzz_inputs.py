"""Any bytes given to a reader: a result, or an ArgmapError located in the file.

Random bytes for every target of :mod:`fuzz.targets` (the map loader and the
importers), and valid maps broken the ways files get broken: truncated, lines
shuffled or dropped, characters replaced.  ``make fuzz`` explores further with
coverage guidance; what it finds is kept in tests/data/fuzz/ and replayed here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzz.targets import SEEDS, TARGETS, run

VALID = (SEEDS / "core" / "valid.yaml").read_bytes()
MERGE = (SEEDS / "robust" / "merge-ok.yaml").read_bytes()
#: characters that matter to YAML, to the loader's checks, or to no one
NOISE = [*":-#&*!|>'\"{}[],?%@`\t\n \\<", "\x00", "\x1b", "\x85", "\u2028", "é", "9", "~"]
FOUND = Path(__file__).parent / "data" / "fuzz"
_SYNTAX_HINT = (
    "(hint: start with 'p af N', then one 'attacker target' line per attack, numbers 1..N)"
)
_TAG_HINT = "(hint: remove the !! tag, or quote the value to make it text)"

#: inputs fuzzing found (file TARGET__WHAT in tests/data/fuzz/) -> the first diagnostic
#: they now give; before, each raised a traceback, an unlocated error, or took minutes
FINDINGS: dict[str, str] = {
    # p af 9999992, then garbage: ten million graph nodes were built before the error
    "i23__huge-header-then-garbage": (
        f"fuzz.af:2:1: error: af-syntax: an attack line has two numbers, found '\\x01x' "
        f"{_SYNTAX_HINT}"
    ),
    "i23-framework__huge-header-then-garbage": (
        f"fuzz.af:2:1: error: af-syntax: an attack line has two numbers, found '\\x01x' "
        f"{_SYNTAX_HINT}"
    ),
    # 14 bytes that asked for gigabytes of graph
    "i23__huge-header": (
        "fuzz.af:1:6: error: af-too-large: the header declares more than 1,000,000 arguments "
        "(hint: check N in 'p af N'; argmap cannot hold a framework this large)"
    ),
    "map__bool-key": (
        f"fuzz.yaml:4:1: error: yaml-value: 'soe' cannot be read as a boolean (!!bool) {_TAG_HINT}"
    ),
    "map__control-character": (
        "fuzz.yaml:2:7: error: yaml-syntax: character U+0000 is not allowed in YAML, not even in "
        "quotes (hint: delete it (it often comes from copy and paste); write it as an escape "
        "such as \\x1b inside double quotes if it is meant)"
    ),
    "map__empty-int": (
        f"fuzz.yaml:1:1: error: yaml-value: '' cannot be read as a whole number (!!int) {_TAG_HINT}"
    ),
    "map__set-of-a-scalar": (
        "fuzz.yaml:1:1: error: yaml-value: invalid YAML value: expected a mapping node, but "
        "found scalar (hint: remove the !! tag or fix the value)"
    ),
}


@pytest.mark.parametrize("name", TARGETS)
@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=400))
def test_random_bytes(name: str, data: bytes) -> None:
    run(name, data)


@settings(max_examples=150, deadline=None)
@given(base=st.sampled_from([VALID, MERGE]), cut=st.integers(min_value=0, max_value=2000))
def test_truncated_map(base: bytes, cut: int) -> None:
    run("map", base[: cut % (len(base) + 1)])


@settings(max_examples=150, deadline=None)
@given(base=st.sampled_from([VALID, MERGE]), data=st.data())
def test_shuffled_or_dropped_lines(base: bytes, data: st.DataObject) -> None:
    lines = base.splitlines(keepends=True)
    order = data.draw(st.permutations(range(len(lines))))
    keep = data.draw(st.integers(min_value=0, max_value=len(lines)))
    run("map", b"".join(lines[i] for i in order[:keep]))


@settings(max_examples=200, deadline=None)
@given(
    base=st.sampled_from([VALID, MERGE]),
    edits=st.lists(
        st.tuples(st.integers(min_value=0), st.sampled_from(NOISE), st.booleans()), max_size=6
    ),
)
def test_replaced_or_inserted_characters(base: bytes, edits: list[tuple[int, str, bool]]) -> None:
    text = base.decode()
    for at, char, insert in edits:
        i = at % (len(text) + 1)
        text = text[:i] + char + text[i + (0 if insert else 1) :]
    run("map", text.encode())


def test_every_finding_is_replayed() -> None:
    assert sorted(p.name for p in FOUND.iterdir()) == sorted(FINDINGS)


@pytest.mark.parametrize("finding", FINDINGS)
def test_what_fuzzing_found(finding: str) -> None:
    error = run(finding.split("__", maxsplit=1)[0], (FOUND / finding).read_bytes())
    assert error is not None
    assert str(error.diagnostics[0]) == FINDINGS[finding]
