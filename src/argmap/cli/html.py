"""CLI command ``argmap html``: the interactive teaching page of a map."""

from __future__ import annotations

import argparse
import importlib
from dataclasses import replace
from types import ModuleType
from typing import Any

from argmap.cli._common import out
from argmap.cli.core import add_render_options, dot_options
from argmap.errors import ArgmapError, Diagnostic
from argmap.files import write_atomic
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.render.html import to_html

__all__ = ["register"]


def _evaluate_module() -> ModuleType:
    """``argmap.evaluate``, or ArgmapError ``evaluate-unavailable`` if it is not installed."""
    try:
        return importlib.import_module("argmap.evaluate")
    except ModuleNotFoundError as exc:
        if exc.name != "argmap.evaluate":
            raise
        raise ArgmapError(
            [
                Diagnostic(
                    "<html>",
                    0,
                    0,
                    "evaluate-unavailable",
                    "this argmap has no evaluation module (argmap.evaluate)",
                    "leave out --evaluate and --gradual",
                )
            ]
        ) from None


def _cmd_html(args: argparse.Namespace) -> int:
    m = read_map(args.file)
    labels: dict[str, str] = {}
    strengths: dict[str, float] = {}
    if args.evaluate or args.gradual:
        evaluate = _evaluate_module()
        G = to_networkx(m)
        if args.evaluate:
            labels = dict(evaluate.claim_labels(G, args.evaluate))
        if args.gradual:
            strengths = {k: float(v) for k, v in evaluate.claim_strengths(G, args.gradual).items()}
    options = replace(
        dot_options(args),
        labels=labels,
        strengths=strengths,
        semantics=args.evaluate or "",
        gradual=args.gradual or "",
    )
    page = to_html(m, options)
    write_atomic(args.output, page.encode())
    out(f"wrote {args.output} (html, {len(m.claims)} claims, {len(page) // 1024} KiB)")
    return 0


def register(sub: Any) -> None:
    """Add the ``html`` command to the subparsers ``sub``."""
    p = sub.add_parser(
        "html",
        help="write an interactive page of the map beside the essay",
        description="Write OUT, one self-contained HTML page (no network needed, opens "
        "from file://): the map drawn by Graphviz beside the essay's text. Click a claim "
        "to see its details and its quote in the text, click a passage to find its claims, "
        "search and filter, and step through the map from the thesis for a lesson "
        "(buttons or Left/Right arrow keys).",
    )
    p.add_argument("file", metavar="FILE", help="the map's YAML file")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="HTML file to write")
    p.add_argument(
        "--evaluate",
        metavar="SEMANTICS",
        help="label claims in/out/undec with argmap.evaluate.claim_labels "
        "(e.g. grounded, preferred, stable, complete), drawn as each claim's border",
    )
    p.add_argument(
        "--gradual",
        metavar="METHOD",
        help="show claim strengths from argmap.evaluate.claim_strengths (e.g. df-quad)",
    )
    add_render_options(p)
    p.set_defaults(run=_cmd_html)
