"""Drawings by Graphviz (DOT, SVG, PNG, PDF) and the interactive HTML page, as writers.

The drawing itself is :mod:`argmap.render.dot` and :mod:`argmap.render.html`;
this module gives them the writer signature of the format registry.

Examples
--------
>>> from argmap.model import Claim, Map
>>> m = Map(title="T", thesis="t", source="", claims=(
...     Claim(id="t", text="T.", quote="T", role="thesis", by="authors"),), relations=())
>>> write_dot(m, WriteOptions()).splitlines()[0]
'digraph argmap {'
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.formats.base import WriteOptions
from argmap.graph import to_networkx
from argmap.model import Map
from argmap.render.dot import render_image, to_dot
from argmap.render.html import to_html

__all__ = ["image_writer", "write_dot", "write_html"]


def write_dot(m: Map, options: WriteOptions) -> str:
    """The map's Graphviz DOT source."""
    G = to_networkx(m) if options.graph is None else options.graph
    return to_dot(G, options.dot, options.assessment)


def image_writer(fmt: str) -> Callable[[Map, WriteOptions], bytes]:
    """A writer of the map drawn by Graphviz as ``fmt`` (``svg``, ``png``, ``pdf``)."""

    def write(m: Map, options: WriteOptions) -> bytes:
        dot = write_dot(m, options)
        return render_image(dot, fmt, options.dot.engine, options.progress, options.warn)

    return write


def write_html(m: Map, options: WriteOptions) -> str:
    """The interactive teaching page (see :func:`argmap.render.html.to_html`)."""
    return to_html(m, options.dot, options.assessment, graph=options.graph)
