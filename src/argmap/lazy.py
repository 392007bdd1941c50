"""A module imported when first used, for heavy packages that most runs never touch.

``argmap evaluate`` works on plain indexes and compiled frameworks; networkx,
which takes about 0.35 s to import, is needed only when a graph is given or
drawn.  The semantics modules name it at the top (their doctests build
graphs) through :func:`lazy_module`, so the import happens on the first
attribute looked up.

Examples
--------
>>> json = lazy_module("json")
>>> json.dumps([1])
'[1]'
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

__all__ = ["lazy_module"]


class _Lazy(ModuleType):
    """Stands for the module of its name; imports it on the first attribute looked up."""

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self.__name__), attr)


def lazy_module(name: str) -> ModuleType:
    """Return a stand-in for the module ``name`` that imports it when first used."""
    return _Lazy(name)
