"""GraphML export for yEd, Gephi and Cytoscape.

The graph is :func:`argmap.graph.to_networkx`'s: claim nodes and one
inference node per relation.  Every attribute is a GraphML data key of a
plain type (tuples become comma-separated text, a missing span ``-1``).
``label`` is what Gephi and Cytoscape show on a node (yEd: *Edit → Properties
Mapper*, map ``label`` to the node label); ``color`` is the role's fill as
``#rrggbb`` and ``r``, ``g``, ``b`` its parts, which Gephi's importer turns
into the node colour.

Examples
--------
>>> import io, networkx as nx
>>> from argmap.model import Claim, Map, Relation
>>> cs = (Claim(id="t", text="T.", quote="T", role="thesis", by="authors"),
...       Claim(id="a", text="A.", quote="A", role="claim", by="authors", tags=("x", "y")))
>>> rs = (Relation(id="r", kind="support", premises=("a",), target="t"),)
>>> m = Map(title="T", thesis="t", source="", claims=cs, relations=rs)
>>> G = nx.read_graphml(io.StringIO(write_graphml(m, WriteOptions())))
>>> G.nodes["a"]["label"], G.nodes["a"]["tags"], G.nodes["t"]["color"], G.nodes["r"]["label"]
('A.', 'x,y', '#ffd966', 'support')
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from argmap.formats.base import WriteOptions
from argmap.graph import to_networkx
from argmap.model import Map
from argmap.render.dot import COLORS, ROLE_STYLE

__all__ = ["plain_graph", "write_graphml"]


def _plain(value: Any) -> str | int | float | bool:
    if isinstance(value, tuple | list):
        return ",".join(str(v) for v in value)
    if value is None:
        return -1
    if isinstance(value, str | int | float | bool):
        return value
    return str(value)


def plain_graph(m: Map) -> nx.DiGraph:
    """The map graph with plain attribute values, labels and colours (see module doc)."""
    G = to_networkx(m)
    H = nx.DiGraph()
    H.graph.update({k: str(v) for k, v in sorted(G.graph.items())})
    for n, data in G.nodes(data=True):
        attrs = {k: _plain(v) for k, v in sorted(data.items())}
        if data["kind"] == "claim":
            color = ROLE_STYLE.get(data["role"], ("#ffffff", ""))[0]
            attrs["label"] = data["text"]
        else:
            color = COLORS[data["relation"]]
            attrs["label"] = data["relation"]
        attrs |= {
            "color": color,
            **{c: int(color[i : i + 2], 16) for c, i in zip("rgb", (1, 3, 5), strict=True)},
        }
        H.add_node(n, **attrs)
    for u, v, data in sorted(G.edges(data=True)):
        H.add_edge(u, v, **{k: _plain(x) for k, x in sorted(data.items())})
    return H


def write_graphml(m: Map, options: WriteOptions) -> str:  # noqa: ARG001 - the writer signature
    """The map as GraphML text."""
    buffer = io.BytesIO()
    nx.write_graphml(plain_graph(m), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")
