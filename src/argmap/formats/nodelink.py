"""Node-link JSON export: networkx's ``node_link_data`` layout of the map graph.

Every claim and relation attribute of :func:`argmap.graph.to_networkx` is
kept (tuples become lists); ``networkx.node_link_graph`` reads it back.

Examples
--------
>>> import json
>>> from argmap.model import Claim, Map
>>> m = Map(title="T", thesis="t", source="", claims=(
...     Claim(id="t", text="T.", quote="T", role="thesis", by="authors"),), relations=())
>>> doc = json.loads(write_node_link(m, WriteOptions()))
>>> doc["graph"]["thesis"], doc["nodes"][0]["id"], doc["nodes"][0]["role"]
('t', 't', 'thesis')
"""

from __future__ import annotations

import json

import networkx as nx

from argmap.formats.base import WriteOptions
from argmap.graph import to_networkx
from argmap.model import Map

__all__ = ["write_node_link"]


def write_node_link(m: Map, options: WriteOptions) -> str:  # noqa: ARG001 - the writer signature
    """The map graph as node-link JSON text (``edges`` key, networkx 3.4's default)."""
    data = nx.node_link_data(to_networkx(m), edges="edges")
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
