"""Formal argumentation semantics: abstract (Dung) frameworks.

Everything public lives in :mod:`argmap.semantics.dung` and
:mod:`argmap.semantics.framework`; it is re-exported here so callers can
write ``from argmap.semantics import Framework, grounded_extension``.

The re-exports are imported on first use: importing a graph-only module
such as :mod:`argmap.semantics.bipolar` (as ``argmap check`` does) loads
neither numpy nor the SAT solver.
"""

from __future__ import annotations

import importlib
from typing import Any

#: the names of :mod:`argmap.semantics.framework` re-exported here; every name of
#: ``argmap.semantics.dung.__all__`` is re-exported too, not listed twice
__all__ = ["AnyFramework", "Framework", "as_framework"]


def __getattr__(name: str) -> Any:
    """Import a re-exported name from its module on first use."""
    module = importlib.import_module(
        "argmap.semantics.framework" if name in __all__ else "argmap.semantics.dung"
    )
    if name not in module.__all__:
        raise AttributeError(f"module 'argmap.semantics' has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value
