"""CLI commands for evaluation: evaluate, explain, and af solve."""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli._common import add_command, emit_json, out, read_map_arg

__all__ = ["add_semantics_options", "register"]

_MARK = {"in": "IN", "out": "OUT", "undec": "UNDEC"}


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from argmap.evaluate import evaluate
    from argmap.semantics.mapindex import index_map

    m = read_map_arg(args)
    ev = evaluate(index_map(m), args.semantics, args.support, args.gradual, args.claim)
    if args.format == "json":
        emit_json({"file": m.file, "thesis": m.thesis, **ev.to_dict()})
        return 0
    lines: list[str] = []  # printed at once: a line per claim is 10^5 lines on a big map
    say = lines.append
    say(
        f"{m.file}: {ev.semantics} semantics, {ev.support} support: "
        f"{ev.arguments} arguments, {len(ev.attacks)} attacks"
    )
    n = len(ev.extensions)
    say(f"extensions ({n}, claims only):" if n else "extensions: none")
    for e in ev.extensions:
        say("  {" + ", ".join(e) + "}")
    reading = "" if ev.semantics == "grounded" else " (sceptical: in/out in every extension)"
    say(f"labels{reading}:")
    width = max(map(len, ev.labels), default=0)
    row = f"  {{:<{width}}}  {{:<5}}  {{:.3f}}".format  # a claim's line, at C speed
    first = len(lines)
    lines += map(
        row,
        ev.labels,
        map(_MARK.__getitem__, ev.labels.values()),
        map(ev.strengths.__getitem__, ev.labels),
    )
    if m.thesis in ev.labels:
        lines[first + list(ev.labels).index(m.thesis)] += "  (thesis)"
    note = "" if ev.converged else " (did not converge)"
    say(f"strengths: {ev.gradual}{note}")
    if ev.acceptance is not None:
        acc = ev.acceptance
        say(
            f"{acc.claim}: credulously {'accepted' if acc.credulous else 'rejected'}, "
            f"sceptically {'accepted' if acc.sceptical else 'rejected'} ({ev.semantics})"
        )
    say("commitments:")
    for com in ev.commitments:
        verdict = (
            ("admissible" if com.admissible else "conflict-free, not admissible")
            if com.conflict_free
            else "not conflict-free"
        )
        n_claims = f"{len(com.claims)} claim{'s' if len(com.claims) != 1 else ''}"
        say(f"  {com.name} ({n_claims}): {verdict}")
        for a, b in com.conflicts:
            say(f"    conflict: {a} attacks {b}")
        for a, b in com.unanswered:
            say(f"    unanswered: {a} attacks {b}")
    out("\n".join(lines))
    return 0


def _cmd_explain(args: argparse.Namespace) -> int:
    from argmap.explain import explain, format_tree
    from argmap.semantics.mapindex import index_map

    ix = index_map(read_map_arg(args))  # no networkx graph: explain reads the index
    ex = explain(ix, args.claim, args.semantics, args.support, args.depth)
    if args.format == "json":
        emit_json(ex.to_dict())
        return 0
    where = "" if ex.extension is None else " in the extension {" + ", ".join(ex.extension) + "}"
    out(f"{ex.semantics} semantics, {ex.support} support{where}:")
    out(format_tree(ex.tree))
    return 0


def _cmd_af_solve(args: argparse.Namespace) -> int:
    from argmap.formats.iccma import read_framework, solve

    out(solve(read_framework(args.file), args.task, args.arg, style=args.style))
    return 0


def add_semantics_options(p: argparse.ArgumentParser) -> None:
    """Add --semantics and --support to a command."""
    from argmap.semantics.bipolar import DEFAULT_SUPPORT, SUPPORTS
    from argmap.semantics.dung import SEMANTICS

    p.add_argument(
        "--semantics",
        choices=SEMANTICS,
        default="grounded",
        help="Dung semantics (default grounded: accept only what nothing undecided can defeat)",
    )
    p.add_argument(
        "--support",
        choices=SUPPORTS,
        default=DEFAULT_SUPPORT,
        help=f"how supports become attacks (default {DEFAULT_SUPPORT}: a conclusion stands "
        "or falls with its premises; see docs/semantics.md)",
    )


def _evaluate_options(p: argparse.ArgumentParser) -> None:
    """Add the flags of ``evaluate`` (their choices come from the semantics)."""
    from argmap.semantics.gradual import GRADUAL_METHODS

    add_semantics_options(p)
    p.add_argument(
        "--gradual",
        choices=list(GRADUAL_METHODS),
        default="df-quad",
        help="gradual semantics for the strengths (default df-quad)",
    )
    p.add_argument("--claim", metavar="ID", help="report credulous and sceptical acceptance of ID")


def _explain_options(p: argparse.ArgumentParser) -> None:
    """Add the arguments of ``explain`` (the choices of --semantics come from the semantics)."""
    p.add_argument("claim", metavar="ID", help="id of the claim (or relation) to explain")
    add_semantics_options(p)
    p.add_argument("--depth", type=int, default=6, help="levels of the tree to show (default 6)")


def register(sub: Any) -> None:
    """Add the evaluate, explain and af commands to the subparsers ``sub``."""
    p = add_command(
        sub,
        "evaluate",
        _cmd_evaluate,
        summary="label claims in/out/undecided, with strengths and commitments",
        description="Evaluate FILE in the Dung framework the map means: the extensions, "
        "a label per claim, a gradual strength per claim, and whether each speaker's "
        "position is conflict-free and admissible.",
        formats=["text", "json"],
        format_help="report format",
        options=_evaluate_options,
    )

    p = add_command(
        sub,
        "explain",
        _cmd_explain,
        summary="explain why a claim is in, out or undecided",
        description="Explain the label of the claim or relation ID in FILE as a dialectical "
        "tree: IN because every attacker is OUT, OUT because an IN argument attacks it, UNDEC "
        "otherwise. A derived attack names the support chain it follows.",
        formats=["text", "json"],
        options=_explain_options,
    )

    p = sub.add_parser(
        "af",
        help="abstract argumentation frameworks (ICCMA formats)",
        description="Work on abstract frameworks in ICCMA formats (.apx, .tgf, .af, .i23).",
    )
    af_sub = p.add_subparsers(dest="af_command", metavar="SUBCOMMAND", required=True)
    q = add_command(
        af_sub,
        "solve",
        _cmd_af_solve,
        summary="answer an ICCMA task on a framework file",
        description="Read FILE (.apx, .tgf, .af or .i23) and print the ICCMA answer to "
        "TASK, e.g. EE-PR (all preferred extensions) or DC-GR with --arg.",
        file="the framework file",
    )
    q.add_argument(
        "--task", required=True, help="ICCMA task XX-YY: XX in SE, EE, DC, DS; YY in GR, CO, PR, ST"
    )
    q.add_argument("--arg", metavar="A", help="the query argument of a DC or DS task")
    q.add_argument(
        "--style",
        choices=["iccma19", "iccma23"],
        default="iccma19",
        help="answer format (default iccma19)",
    )
