"""CLI commands of the core: check (validation and lints), render, schemes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import networkx as nx

from argmap.checks import CHECKS, Finding, parse_codes, run_checks
from argmap.cli._common import add_command, clip, emit_json, inputs_of, out
from argmap.coverage import Coverage, coverage
from argmap.evaluate import assess
from argmap.files import write_atomic
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.model import Assessment, Map
from argmap.render.dot import FORMATS, DotOptions, render_image, to_dot
from argmap.schema import json_schema
from argmap.schemes import SCHEMES
from argmap.semantics.bipolar import DEFAULT_SUPPORT, SUPPORTS
from argmap.semantics.dung import SEMANTICS
from argmap.semantics.gradual import GRADUAL_METHODS

__all__ = ["add_evaluation_options", "add_render_options", "dot_options", "evaluated", "register"]

# --- check -----------------------------------------------------------------


def _summary(m: Map, cov: Coverage) -> dict[str, Any]:
    kinds = {
        k: sum(r.kind == k for r in m.relations) for k in ("support", "opposition", "undercut")
    }
    return {
        "file": m.file,
        "title": m.title,
        "thesis": m.thesis,
        "source": m.source,
        "claims": len(m.claims),
        "relations": {**kinds, "linked": sum(r.linked for r in m.relations)},
        "speakers": sorted({c.by for c in m.claims}),
        "quotes_verified": sum(c.span is not None for c in m.claims),
        "coverage": {
            "sentences": len(cov.sentences),
            "covered": len(cov.covered),
            "skipped": sum(s.status == "skipped" for s in cov.sentences),
            "uncovered": len(cov.uncovered),
            "ratio": round(cov.ratio, 4),
            "rows": [
                {
                    "sentence": s.number,
                    "paragraph": s.paragraph,
                    "status": s.status,
                    "claims": list(s.claims),
                    "skipped": s.skipped,
                    "text": s.text,
                }
                for s in cov.sentences
            ],
        },
    }


_FAIL_ON = {"error": ("error",), "warning": ("error", "warning"), "never": ()}


def _cmd_check(args: argparse.Namespace) -> int:
    select = parse_codes(args.select, "--select")
    ignore = parse_codes(args.ignore, "--ignore")
    m = read_map(args.file)
    cov = coverage(m)
    summary = _summary(m, cov)
    findings = run_checks(m, select=select, ignore=ignore)
    failed = any(f.severity in _FAIL_ON[args.fail_on] for f in findings)
    if args.format == "json":
        emit_json(
            {
                **summary,
                "ok": not failed,
                "diagnostics": [],
                "findings": [f.to_dict() for f in findings],
            }
        )
        return 1 if failed else 0
    rel = summary["relations"]
    c = summary["coverage"]
    out(f"{m.file}: {m.title!r}")
    out(
        f"  {len(m.claims)} claims, {len(m.relations)} relations ({rel['support']} support, "
        f"{rel['opposition']} opposition, {rel['undercut']} undercut; {rel['linked']} linked), "
        f"speakers: {', '.join(m.speaker_name(s) for s in summary['speakers'])}"
    )
    out(f"  quotes: {summary['quotes_verified']}/{len(m.claims)} found verbatim in {m.source}")
    out(
        f"  coverage: {c['covered']}/{c['sentences'] - c['skipped']} argumentative sentences "
        f"quoted ({c['ratio']:.0%}), {c['skipped']} skipped, {c['uncovered']} uncovered"
    )
    for s in cov.sentences:
        if args.verbose or s.status == "uncovered":
            mark = {"covered": "+", "skipped": "·", "uncovered": "!"}[s.status]
            who = ", ".join(s.claims) if s.claims else (s.skipped or "NOT ENCODED")
            out(f"   {mark} ¶{s.paragraph} s{s.number}: {clip(s.text, 70)}  [{who}]")
    _print_findings(findings, verbose=args.verbose)
    if failed:
        out(f"FAILED (--fail-on {args.fail_on})")
        return 1
    out("OK")
    return 0


def _print_findings(findings: list[Finding], *, verbose: bool) -> None:
    """Errors and warnings one per line; info findings, unless verbose, one line per code."""
    counts = {sev: sum(f.severity == sev for f in findings) for sev in ("error", "warning", "info")}
    out(
        f"  findings: {counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
    )
    info: dict[str, list[Finding]] = {}
    for f in findings:
        if f.severity == "info" and not verbose:
            info.setdefault(f.code, []).append(f)
        else:
            out(str(f))
    for code, group in info.items():
        out(f"  info: {code}: {len(group)} findings, e.g. {group[0].message} (-v lists them all)")


# --- render ----------------------------------------------------------------


def dot_options(args: argparse.Namespace) -> DotOptions:
    """Drawing options from the render flags."""
    return DotOptions(label=args.label, group=args.group, direction=args.direction)


def _cmd_render(args: argparse.Namespace) -> int:
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() or "svg")
    if fmt not in FORMATS:
        raise SystemExit(
            f"argmap render: cannot tell the format of {args.output!r}; "
            f"use --format {'|'.join(FORMATS)}"
        )
    m = read_map(args.file)
    G = to_networkx(m)
    dot = to_dot(G, dot_options(args), evaluated(args, G))
    write_atomic(args.output, render_image(dot, fmt), keep=inputs_of(m))
    out(f"wrote {args.output} ({fmt})")
    return 0


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


def add_evaluation_options(p: argparse.ArgumentParser) -> None:
    """Add the flags that draw an evaluation (--evaluate, --support, --gradual)."""
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
    return assess(G, args.evaluate, args.support, args.gradual)


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
        choices=list(_FAIL_ON),
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
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    p.add_argument("--format", choices=FORMATS, help="output format (default: from OUT's suffix)")
    add_render_options(p)
    add_evaluation_options(p)

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
