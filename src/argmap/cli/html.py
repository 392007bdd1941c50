"""CLI command ``argmap html``: the interactive teaching page of a map."""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli._common import add_command, inputs_of, out
from argmap.cli.core import add_evaluation_options, add_render_options, dot_options, evaluated
from argmap.files import write_atomic
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.render.html import to_html

__all__ = ["register"]


def _cmd_html(args: argparse.Namespace) -> int:
    m = read_map(args.file)
    G = to_networkx(m)
    page = to_html(m, dot_options(args), evaluated(args, G), graph=G)
    write_atomic(args.output, page.encode(), keep=inputs_of(m))
    out(f"wrote {args.output} (html, {len(m.claims)} claims, {len(page) // 1024} KiB)")
    return 0


def register(sub: Any) -> None:
    """Add the ``html`` command to the subparsers ``sub``."""
    p = add_command(
        sub,
        "html",
        _cmd_html,
        summary="write an interactive page of the map beside the essay",
        description="Write OUT, one self-contained HTML page (no network needed, opens "
        "from file://): the map drawn by Graphviz beside the essay's text. Click a claim "
        "to see its details and its quote in the text, click a passage to find its claims, "
        "search and filter, and step through the map from the thesis for a lesson "
        "(buttons or Left/Right arrow keys).",
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="HTML file to write")
    add_render_options(p)
    add_evaluation_options(p)
