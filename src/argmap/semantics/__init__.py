"""Formal argumentation semantics: abstract (Dung) frameworks.

Everything public lives in :mod:`argmap.semantics.dung` and
:mod:`argmap.semantics.framework`; it is re-exported here so callers can
write ``from argmap.semantics import Framework, grounded_extension``.
"""

from argmap.semantics.dung import (
    SEMANTICS,
    Label,
    complete_extensions,
    credulous_witness,
    credulously_accepted,
    extensions,
    grounded_extension,
    grounded_labelling,
    is_admissible,
    is_complete,
    is_conflict_free,
    is_preferred,
    is_stable,
    labelling_from_extension,
    node_order_key,
    preferred_extensions,
    sceptical_counterexample,
    sceptically_accepted,
    some_extension,
    sort_extensions,
    stable_extensions,
)
from argmap.semantics.framework import AnyFramework, Framework, as_framework

__all__ = [
    "SEMANTICS",
    "AnyFramework",
    "Framework",
    "Label",
    "as_framework",
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
    "sceptically_accepted",
    "some_extension",
    "sort_extensions",
    "stable_extensions",
]
