"""The OLD screen and scalar scan of quickyaml.py (commit e748099), kept as test oracles.

Branch start3 rewrote :func:`argmap.quickyaml.screen` (fewer passes over the
text) and its scalar scan :func:`argmap.quickyaml._scan` (a level at a time);
tests/test_quickyaml_oracle.py checks with hypothesis that the new code
answers exactly as this copy does.  Do not edit it except to follow renames;
it is not part of the package.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from argmap.quickyaml import (  # the patterns and sets, unchanged
    _DEEP,
    _FLOW,
    _INDICATORS,
    _NODE_START,
    _ODD_CHAR,
    _TYPED_FIRST,
    MAX_INDENT,
)

__all__ = ["scan", "screen"]

#: bytes an ASCII text may hold besides the printable ones
_ASCII_PRINTABLE: Final = bytes(range(0x20, 0x7F))


def screen(text: str) -> bool:
    """The old :func:`argmap.quickyaml.screen`: a pass over the text for each question."""
    if text.isascii():
        odd = text.encode("ascii").translate(None, _ASCII_PRINTABLE)
        if odd.count(b"\n") != len(odd):
            return False
    elif _ODD_CHAR.search(text):
        return False
    if "\\" in text and '"' in text:
        return False
    if len(text) - len(text.lstrip(" -")) >= MAX_INDENT or _DEEP.search(text):
        return False
    if any(c in text for c in _INDICATORS) and _NODE_START.search(text):
        return False
    flows = text.count("[")
    return flows == text.count("]") and (not flows or len(_FLOW.findall(text)) == flows)


def scan(values: Iterable[Any], risky: list[str], keys: set[Any]) -> int:
    """How many scalars in and below ``values`` are not strings.

    Strings PyYAML might type are added to ``risky``; the keys of mappings to ``keys``.
    """
    typed = 0
    for v in values:
        kind = v.__class__
        if kind is str:
            if v[:1] in _TYPED_FIRST or not v:
                risky.append(v)
        elif kind is dict:
            if not keys.issuperset(v):
                keys.update(v)
            typed += scan(v.values(), risky, keys)
        elif kind is list:
            typed += scan(v, risky, keys)
        else:
            typed += 1
    return typed
