"""Formal argumentation semantics: abstract (Dung) frameworks.

Everything public lives in :mod:`argmap.semantics.dung` and
:mod:`argmap.semantics.framework`; it is re-exported here so callers can
write ``from argmap.semantics import Framework, grounded_extension``.

The re-exports are imported on first use: importing a graph-only module
such as :mod:`argmap.semantics.bipolar` (as ``argmap check`` does) loads
neither numpy nor the SAT solver.  ``__all__`` lists the names of both
modules (a test keeps it equal to theirs).
"""

from __future__ import annotations

import importlib
from typing import Any

#: the names re-exported from :mod:`argmap.semantics.framework` (the rest are dung's)
_FRAMEWORK_NAMES = ("AnyFramework", "Framework", "as_framework")

__all__ = [
    "AnyFramework",
    "Framework",
    "as_framework",
    "SEMANTICS",
    "SEMANTICS_REGISTRY",
    "Label",
    "Semantics",
    "SemanticsName",
    "complete_extensions",
    "credulous_witness",
    "credulously_accepted",
    "extensions",
    "grounded_extension",
    "grounded_labelling",
    "is_admissible",
    "is_complete",
    "is_conflict_free",
    "is_preferred",
    "is_stable",
    "labelling_from_extension",
    "node_order_key",
    "preferred_extensions",
    "sceptical_counterexample",
    "semantics_of",
    "sceptically_accepted",
    "some_extension",
    "sort_extensions",
    "stable_extensions",
]


def __getattr__(name: str) -> Any:
    """Import a re-exported name from its module on first use."""
    if name not in __all__:
        raise AttributeError(f"module 'argmap.semantics' has no attribute {name!r}")
    module = "framework" if name in _FRAMEWORK_NAMES else "dung"
    value = getattr(importlib.import_module(f"argmap.semantics.{module}"), name)
    globals()[name] = value
    return value
