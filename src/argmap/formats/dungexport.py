"""The Dung framework a map means, written in the ICCMA formats (APX, TGF, ICCMA 2023).

Arguments are the claims and the inference nodes (relation ids) of the map;
attacks are those of :func:`argmap.semantics.bipolar.framework` under the
chosen reading of supports.  :func:`map_framework` is the one place that
builds it.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> from argmap.formats.iccma import write_apx
>>> cs = tuple(Claim(id=i, text=i, quote=i, role="claim", by="authors") for i in "ab")
>>> rs = (Relation(id="o", kind="opposition", premises=("b",), target="a"),)
>>> m = Map(title="", thesis="a", source="", claims=cs, relations=rs)
>>> print(iccma_writer(write_apx)(m, WriteOptions()), end="")
arg(a).
arg(b).
arg(o).
att(o,a).
"""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx

from argmap.formats.base import WriteOptions
from argmap.graph import to_networkx
from argmap.model import Map
from argmap.semantics.bipolar import SupportName, framework_of

__all__ = ["iccma_writer", "map_framework"]


def map_framework(m: Map, support: SupportName) -> nx.DiGraph:
    """The Dung framework of ``m`` under the reading ``support`` of supports."""
    return framework_of(to_networkx(m), support).to_digraph()


def iccma_writer(write: Callable[[nx.DiGraph], str]) -> Callable[[Map, WriteOptions], str]:
    """A map writer from a framework writer of :mod:`argmap.formats.iccma`."""

    def writer(m: Map, options: WriteOptions) -> str:
        return write(map_framework(m, options.support))

    return writer
