"""CLI commands of the core: check (validation and lints), render, schemes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import replace
from itertools import compress
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from argmap.api import FAIL_ON, check
from argmap.checks import CHECKS, Finding, parse_codes
from argmap.cli._common import (
    UsageError,
    add_command,
    clip,
    emit_json,
    keep,
    out,
    read_map_arg,
    write_format,
)
from argmap.escape import terminal
from argmap.model import Assessment, Map
from argmap.schemes import SCHEMES

if TYPE_CHECKING:  # drawing, evaluating and the formats are imported by the commands that use them
    import networkx as nx

    from argmap.formats.base import WriteOptions
    from argmap.render.dot import DotOptions

__all__ = [
    "add_evaluation_options",
    "add_render_options",
    "dot_options",
    "evaluated",
    "register",
    "write_options",
]

# --- check -----------------------------------------------------------------


def _cmd_check(args: argparse.Namespace) -> int:
    select = parse_codes(args.select, "--select")
    ignore = parse_codes(args.ignore, "--ignore")
    m = read_map_arg(args)
    report = keep(check(m, select=select, ignore=ignore, fail_on=args.fail_on))
    if args.format == "json":
        emit_json(report.to_dict())
        return 0 if report.ok else 1
    summary = report.summary(rows=False)
    rel = summary["relations"]
    c = summary["coverage"]
    lines = [
        f"{m.file}: {m.title!r}",
        (
            f"  {len(m.claims)} claims, {len(m.relations)} relations ({rel['support']} support, "
            f"{rel['opposition']} opposition, {rel['undercut']} undercut; "
            f"{rel['linked']} linked), "
            f"speakers: {', '.join(m.speaker_name(s) for s in summary['speakers'])}"
        ),
        f"  quotes: {summary['quotes_verified']}/{len(m.claims)} found verbatim in {m.source}",
        (
            f"  coverage: {c['covered']}/{c['sentences'] - c['skipped']} argumentative "
            f"sentences quoted ({c['ratio']:.0%}), {c['skipped']} skipped, "
            f"{c['uncovered']} uncovered"
        ),
    ]
    for s in report.coverage.sentences if args.verbose else report.coverage.uncovered:
        mark = {"covered": "+", "skipped": "·", "uncovered": "!"}[s.status]
        who = ", ".join(s.claims) if s.claims else (s.skipped or "NOT ENCODED")
        text = s.text if args.verbose else clip(s.text, 70)  # -v: whole, to copy
        lines.append(f"   {mark} ¶{s.paragraph} s{s.number}: {text}  [{who}]")
    lines += _finding_lines(report.findings, verbose=args.verbose)
    lines.append("OK" if report.ok else f"FAILED (--fail-on {args.fail_on})")
    out("\n".join(lines))  # one write: a big map has tens of thousands of findings
    return 0 if report.ok else 1


def _print_findings(findings: Iterable[Finding], *, verbose: bool) -> None:
    """Print the lines of :func:`_finding_lines`, in one write."""
    out("\n".join(_finding_lines(findings, verbose=verbose)))


def _finding_lines(findings: Iterable[Finding], *, verbose: bool) -> list[str]:
    """Errors and warnings one per line; info findings, unless verbose, one line per code."""
    findings = list(findings)
    severities = list(map(attrgetter("severity"), findings))
    counts = {s: severities.count(s) for s in ("error", "warning", "info")}
    info: dict[str, list[Finding]] = {}
    if counts["info"] and not verbose:  # one line per code: its count and its first finding
        for f in compress(findings, map("info".__eq__, severities)):
            info.setdefault(f.code, []).append(f)
        findings = list(compress(findings, map("info".__ne__, severities)))
    errors, warnings = counts["error"], counts["warning"]
    return [
        f"  findings: {errors} errors, {warnings} warnings, {counts['info']} info",
        *map(str, findings),
        *(
            f"  info: {code}: {len(group)} findings, e.g. {group[0].message} (-v lists them all)"
            for code, group in info.items()
        ),
    ]


# --- render ----------------------------------------------------------------


def dot_options(args: argparse.Namespace) -> DotOptions:
    """Drawing options from the render flags."""
    from argmap.render.dot import DEFAULT_ENGINE, DotOptions

    engine = getattr(args, "engine", None) or DEFAULT_ENGINE  # html has no --engine
    return DotOptions(label=args.label, group=args.group, direction=args.direction, engine=engine)


def _cmd_render(args: argparse.Namespace) -> int:
    from argmap.formats.registry import FORMATS, format_of_path, writers
    from argmap.graph import to_networkx
    from argmap.render.dot import size_guard
    from argmap.select import select

    drawings = writers("render")
    fmt = FORMATS[args.format] if args.format else format_of_path(args.output, "render")
    if fmt is None and not Path(args.output).suffix:
        fmt = FORMATS["svg"]
    if fmt is None:
        raise UsageError(
            f"cannot tell the format of {args.output!r}; use --format {'|'.join(drawings)}"
        )
    with StatusLine(sys.stderr) as status:
        status.progress(f"reading {args.file}")
        m = read_map_arg(args)
        options = write_options(args, m)
        status.progress(f"drawing {len(m.claims):,} claims")
        graph = to_networkx(m) if options.graph is None else options.graph
        if args.focus is not None:
            graph = select(graph, args.focus, args.depth)
        size_guard(graph, fmt.name, args.max_nodes, args.engine)
        options = replace(options, graph=graph, progress=status.progress, warn=status.warn)
        write_format(fmt, m, options, args.output)
    out(f"wrote {args.output} ({fmt.name})")
    return 0


class StatusLine:
    """One line on ``stream`` that shows what a long command is doing, if it is a terminal.

    :meth:`progress` rewrites the line in place; :meth:`warn` prints a lasting
    warning line; leaving the ``with`` block erases the status line.  On a
    stream that is not a terminal (a pipe, a file) progress says nothing.
    """

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.live = bool(stream is not None and stream.isatty())
        self.shown = False

    def __enter__(self) -> StatusLine:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.clear()

    def progress(self, message: str) -> None:
        """Show ``message`` in place of the last one (on a terminal only)."""
        if self.live and self.stream is not None:
            self.stream.write(f"\r\x1b[K{terminal('argmap: ' + message + ' …')}")
            self.stream.flush()
            self.shown = True

    def warn(self, message: str) -> None:
        """Print ``message`` as a warning line that stays."""
        self.clear()
        out(f"argmap: warning: {message}", self.stream)

    def clear(self) -> None:
        """Erase the status line, if one is shown."""
        if self.shown and self.stream is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def write_options(args: argparse.Namespace, m: Map) -> WriteOptions:
    """Writer options from the drawing, evaluation and export flags of ``args``."""
    from argmap.formats.base import WriteOptions
    from argmap.graph import to_networkx

    graph, assessment = None, Assessment()
    if args.evaluate or args.gradual:  # the map graph is built once, for the evaluation and drawing
        graph = to_networkx(m)
        assessment = evaluated(args, graph)
    return WriteOptions(
        dot=dot_options(args),
        assessment=assessment,
        graph=graph,
        support=args.support,
        quotes=getattr(args, "quotes", False),
    )


def add_render_options(p: argparse.ArgumentParser) -> None:
    """Add the drawing flags (label, group, direction) to a command."""
    p.add_argument(
        "--label",
        choices=["id", "short", "full"],
        default="short",
        help="node text: the id, the paraphrase (default), or paraphrase and quote",
    )
    p.add_argument(
        "--group",
        choices=["none", "paragraph"],
        default="none",
        help="draw a box around the claims of each paragraph",
    )
    p.add_argument(
        "--direction",
        choices=["BT", "TB", "LR", "RL"],
        default="BT",
        help="Graphviz rank direction; BT (default) puts conclusions on top",
    )


def _count(text: str) -> int:
    """A command-line count: a whole number, 0 or more."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not a whole number of 0 or more: {text!r}")
    return int(text)


def _add_size_options(p: argparse.ArgumentParser) -> None:
    """Add the flags of render for big maps: --focus, --depth, --max-nodes, --engine."""
    from argmap.render.dot import ENGINES
    from argmap.select import DEFAULT_DEPTH

    p.add_argument(
        "--focus",
        metavar="CLAIM",
        help="draw only this claim, what it rests on and what it answers, --depth relations out",
    )
    p.add_argument(
        "--depth",
        type=_count,
        default=DEFAULT_DEPTH,
        metavar="N",
        help=f"relations out that --focus reaches (default {DEFAULT_DEPTH}; 0: the claim alone)",
    )
    p.add_argument(
        "--max-nodes",
        type=_count,
        metavar="K",
        help="refuse a drawing of more than K claims (given, it also lifts the size guard of dot)",
    )
    p.add_argument(
        "--engine",
        choices=list(ENGINES),
        help="Graphviz layout engine: "
        + "; ".join(f"{name}: {what}" for name, what in ENGINES.items()),
    )


def add_evaluation_options(p: argparse.ArgumentParser) -> None:
    """Add the flags that draw an evaluation (--evaluate, --support, --gradual)."""
    from argmap.semantics.bipolar import DEFAULT_SUPPORT, SUPPORTS
    from argmap.semantics.dung import SEMANTICS
    from argmap.semantics.gradual import GRADUAL_METHODS

    p.add_argument(
        "--evaluate",
        choices=SEMANTICS,
        help="draw each claim's border by its label under this Dung semantics "
        "(in solid green, out dashed orange-red, undec dotted grey); the fill stays the role's",
    )
    p.add_argument(
        "--support",
        choices=SUPPORTS,
        default=DEFAULT_SUPPORT,
        help=f"how supports become attacks for --evaluate (default {DEFAULT_SUPPORT})",
    )
    p.add_argument(
        "--gradual",
        choices=list(GRADUAL_METHODS),
        help=(
            "show each claim's strength under this gradual semantics as the intensity"
            " of its role's fill (pale 0, deep 1) and as a number in its top line"
        ),
    )


def evaluated(args: argparse.Namespace, G: nx.DiGraph) -> Assessment:
    """Return the labels and strengths the evaluation flags ask for (none: empty)."""
    from argmap.evaluate import assess

    return assess(G, args.evaluate, args.support, args.gradual)


def _render_options(p: argparse.ArgumentParser) -> None:
    """Add the flags of ``render`` (their choices come from the format registry and semantics)."""
    from argmap.formats.registry import writers

    p.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    p.add_argument(
        "--format", choices=writers("render"), help="output format (default: from OUT's suffix)"
    )
    add_render_options(p)
    _add_size_options(p)
    add_evaluation_options(p)


# --- schemes ---------------------------------------------------------------


def _cmd_schemes(args: argparse.Namespace) -> int:
    if args.format == "json":
        emit_json(
            {
                s.id: {"name": s.name, "questions": {q.id: q.text for q in s.questions}}
                for s in SCHEMES.values()
            }
        )
        return 0
    for s in SCHEMES.values():
        out(f"{s.id}: {s.name}")
        for q in s.questions:
            out(f"    {q.id}: {q.text}")
    return 0


def _cmd_schema(_args: argparse.Namespace) -> int:
    from argmap.schema import json_schema

    emit_json(json_schema())
    return 0


# --- registration ----------------------------------------------------------


def register(sub: Any) -> None:
    """Add the check, render and schemes commands to the subparsers ``sub``."""
    p = add_command(
        sub,
        "check",
        _cmd_check,
        summary="validate a map and report quote coverage",
        description="Validate FILE (ids, references, quotes against the source), "
        "report which sentences of the source the map encodes, and run the lints.",
        formats=["text", "json"],
        format_help="report format",
        epilog="lints (severity: code: what it finds):\n"
        + "\n".join(f"  {c.severity}: {c.code}: {c.description}" for c in CHECKS.values()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list every sentence with the claims that quote it, and every info finding",
    )
    p.add_argument(
        "--select",
        metavar="CODES",
        help="run only these lints (comma-separated; codes listed below)",
    )
    p.add_argument("--ignore", metavar="CODES", help="skip these lints (comma-separated)")
    p.add_argument(
        "--fail-on",
        choices=list(FAIL_ON),
        default="error",
        help="exit 1 when a finding of this severity or worse is reported (default error)",
    )

    p = add_command(
        sub,
        "render",
        _cmd_render,
        summary="draw the map as DOT, SVG, PNG or PDF",
        description="Draw FILE with Graphviz. The format comes from --format or "
        "the suffix of OUT; --format dot needs no Graphviz.",
        options=_render_options,
    )

    add_command(
        sub,
        "schemes",
        _cmd_schemes,
        summary="list argumentation schemes and critical questions",
        description="List the argumentation schemes a relation may name, with "
        "the ids of their critical questions (for 'answered:').",
        file=None,
        formats=["text", "json"],
    )
    add_command(
        sub,
        "schema",
        _cmd_schema,
        summary="print the JSON Schema of the YAML format",
        description="Print the JSON Schema of the map format (the file schema/argmap.schema.json "
        "is this output), for editors with a YAML language server.",
        file=None,
    )
