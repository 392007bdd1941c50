"""Formal argumentation semantics: abstract (Dung) frameworks.

Everything public lives in :mod:`argmap.semantics.dung` and
:mod:`argmap.semantics.framework`; it is re-exported here so callers can
write ``from argmap.semantics import Framework, grounded_extension``.
"""

from argmap.semantics import dung
from argmap.semantics.dung import *  # noqa: F403 - re-export dung's __all__
from argmap.semantics.framework import AnyFramework, Framework, as_framework

__all__ = ["AnyFramework", "Framework", "as_framework"]
__all__ += dung.__all__
