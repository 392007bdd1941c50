"""``validate(..., screened=True)`` trusts the screen of :func:`argmap.quickyaml.parse_quick`.

The loader may tell ``validate`` that the screen passed its YAML text, so that
the text is not searched for control characters a second time.  That is
sound only if no text the quick parser returns can hold one, raw or written
as an escape: shown here on random texts full of controls, backslashes and
quotes.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.escape import find_control
from argmap.quickyaml import parse_quick
from argmap.validate import _may_hold_control

_ALPHABET = "ab :-'\"\\\a\x1b\x00\t\r\x7f\x85\x9b\u2028\ufffe\n"


def _strings(value: Any) -> list[str]:
    """Every string in parsed YAML data, keys included."""
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=_ALPHABET, max_size=12),
    st.sampled_from(["a: {}\n", 'a: "{}"\n', "a: '{}'\n", "- {}\n", "a:\n  - {}\n"]),
)
def test_no_text_the_screen_passes_holds_a_control_character(value: str, form: str) -> None:
    text = form.format(value)
    parsed = parse_quick(text)
    if parsed is not None:
        assert all(find_control(s) < 0 for s in _strings(parsed.data)), text


def test_an_escape_or_a_control_character_is_left_to_the_searches() -> None:
    for text in ('a: "bell \\a"\n', "a: bell \a\n", 'a: "\\x1b"\n'):
        assert parse_quick(text) is None
        assert _may_hold_control(text)


def test_the_loader_tells_validate_when_the_screen_passed(monkeypatch: Any) -> None:
    """A map read on the quick path is not searched for control characters again; others are."""
    from argmap import validate as validate_module
    from argmap.load import load_map
    from argmap.quickyaml import QUICK_FROM

    searched: list[int] = []
    search = validate_module._may_hold_control

    def spy(raw: str) -> bool:
        searched.append(len(raw))
        return search(raw)

    monkeypatch.setattr(validate_module, "_may_hold_control", spy)
    claims = "".join(
        f"  - id: c{i}\n    text: Claim {i}.\n    quote: Q{i}\n    role: claim\n"
        f"    supports: [c0]\n"
        for i in range(1, QUICK_FROM // 60)
    )
    small = (
        "argmap: 1\ntitle: T\nsource: s.txt\nthesis: c0\n"
        "claims:\n  - id: c0\n    text: T.\n    quote: T\n    role: thesis\n"
    )
    big = small + claims
    assert len(big) >= QUICK_FROM
    load_map(big, "big.yaml")
    assert searched == []  # parse_quick's screen passed it: no second search
    load_map(small, "small.yaml")  # too short for the quick path: searched
    assert searched == [len(small)]
