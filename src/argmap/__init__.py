"""argmap: turn an essay into an argument map you can check and look at.

The names below are imported on first use, so that ``import argmap`` (and
``argmap --version``) stay fast:

- ``argmap.read_map(path)`` reads and validates a map (:class:`~argmap.model.Map`);
  ``Map.to_networkx()`` gives its graph, and in Jupyter a map shows itself as SVG.
- ``argmap.check(map)`` returns what ``argmap check`` prints, as data.
- ``argmap.evaluate(map, ...)`` returns what ``argmap evaluate`` prints, as data.
- ``argmap.render(map, format="svg")`` draws it (DOT, SVG, PNG or PDF).

``argmap.evaluate`` and ``argmap.render`` are also the modules of those
names: calling one runs :func:`argmap.api.evaluate` or :func:`argmap.api.render`.

Examples
--------
>>> import argmap
>>> m = argmap.read_map("tests/data/core/valid.yaml")
>>> argmap.check(m).ok
True
>>> argmap.evaluate(m, "preferred").extensions[0][:2]
['cats-best', 'cats-no-walk']
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (and re): a faster start
if TYPE_CHECKING:
    from typing import Any

#: the version, as in pyproject.toml (a test keeps them equal; no importlib.metadata at start)
__version__ = "0.1.0"

_API = {
    "ArgmapError": "argmap.errors",
    "Map": "argmap.model",
    "CheckReport": "argmap.api",
    "check": "argmap.api",
    "read_map": "argmap.api",
}

__all__ = [
    "ArgmapError",
    "CheckReport",
    "Map",
    "__version__",
    "check",
    "evaluate",
    "read_map",
    "render",
]


def __getattr__(name: str) -> Any:
    if name in _API:
        value = getattr(importlib.import_module(_API[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")


#: submodules that, called, run the function of :mod:`argmap.api` of the same name
_CALLABLE_MODULES = ("evaluate", "render")


class _CallableModule(ModuleType):
    """A module such as :mod:`argmap.evaluate` which, called, runs ``argmap.api.evaluate``."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        name = self.__name__.rpartition(".")[2]
        return getattr(importlib.import_module("argmap.api"), name)(*args, **kwargs)


def _callable_submodule(name: str) -> property:
    def get(_package: ModuleType) -> ModuleType:
        return importlib.import_module(f"argmap.{name}")

    def bind(_package: ModuleType, module: ModuleType) -> None:  # the import system binds it
        module.__class__ = _CallableModule

    return property(get, bind, doc=f"the module argmap.{name}; calling it runs api.{name}")


class _Package(ModuleType):
    """The argmap package, whose ``evaluate`` and ``render`` submodules can be called."""


for _name in _CALLABLE_MODULES:
    setattr(_Package, _name, _callable_submodule(_name))
sys.modules[__name__].__class__ = _Package
