"""CLI command ``argmap html``: the interactive teaching page of a map."""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli._common import add_command, out, read_map_arg, write_format
from argmap.cli.core import add_evaluation_options, add_render_options, write_options
from argmap.formats.registry import FORMATS

__all__ = ["register"]


def _cmd_html(args: argparse.Namespace) -> int:
    m = read_map_arg(args)
    page = write_format(FORMATS["html"], m, write_options(args, m), args.output)
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
        "(buttons or Left/Right arrow keys). It opens at a readable zoom on the thesis "
        "(Fit shows the whole map); Focus shows a claim and its neighbours large, Fold "
        "hides what rests on a claim, and the claim list and Next/Previous walk the map "
        "claim by claim. A map of more than 500 claims is not drawn whole: the page "
        "draws the selected claim's neighbourhood.",
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="HTML file to write")
    add_render_options(p)
    add_evaluation_options(p)
