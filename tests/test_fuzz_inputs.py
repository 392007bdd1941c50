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
FOUND = sorted((Path(__file__).parent / "data" / "fuzz").glob("*"))


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


@pytest.mark.parametrize("found", FOUND, ids=lambda p: p.name)
def test_what_fuzzing_found(found: Path) -> None:
    run(found.name.split("-", 1)[0], found.read_bytes())
