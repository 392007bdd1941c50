"""CLI: evaluate, explain, af solve, and the lint/evaluation options of check and render."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.explain import MAX_DEPTH
from argmap.render.dot import LABEL_STYLE, ROLE_STYLE, strength_fill

DATA = Path(__file__).parent / "data" / "eval"
CYCLE = str(DATA / "cycle.yaml")
DEBATE = str(DATA / "debate.yaml")
LINTS = str(DATA / "lints.yaml")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["evaluate"], ["--semantics", "--support", "--gradual", "--claim", "quadratic-energy"]),
        (["explain"], ["ID", "relation", "--depth", "--semantics"]),
        (["af"], ["solve"]),
        (["af", "solve"], ["--task", "--arg", "EE-PR"]),
        (["check"], ["--select", "--ignore", "--fail-on", "circular-support"]),
        (["render"], ["--evaluate", "--gradual", "--support"]),
    ],
)
def test_help(argv: list[str], words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([*argv, "--help"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    for w in words:
        assert w in text


def test_evaluate_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", CYCLE, "--semantics", "preferred", "--claim", "tea-best"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{CYCLE}: preferred semantics, necessary support: 6 arguments, 4 attacks",
        "extensions (2, claims only):",
        "  {coffee-better, wakes-gently}",
        "  {tea-best, wakes-gently}",
        "labels (sceptical: in/out in every extension):",
        "  coffee-better  UNDEC  0.167",
        "  tea-best       UNDEC  0.667  (thesis)",
        "  wakes-gently   IN     0.500",
        "strengths: df-quad",
        "tea-best: credulously accepted, sceptically rejected (preferred)",
        "commitments:",
        "  The author (2 claims): admissible",
        "  Coffee drinkers (1 claim): admissible",
    ]


def test_evaluate_unanswered(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", DEBATE]) == 0
    out = capsys.readouterr().out
    assert "  tea-best          OUT    0.613  (thesis)" in out
    assert "  The author (6 claims): conflict-free, not admissible\n" in out
    assert "    unanswered: not-measured attacks tea-best\n" in out


def test_evaluate_json(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["evaluate", DEBATE, "--format", "json", "--support", "deductive", "--claim", "cheap"]
    assert main([*argv, "--gradual", "quadratic-energy"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["support"] == "deductive"
    assert data["gradual"] == "quadratic-energy"
    assert data["labels"]["coffee-better"] == "in"
    assert data["acceptance"] == {"claim": "cheap", "credulous": True, "sceptical": True}
    # mediated: attacking tea-best attacks speed-not-needed, the sole premise of a
    # support for it, and so the undercut that needs that premise
    assert data["inference_labels"]["speed-undercut"] == "out"
    assert [c["speaker"] for c in data["commitments"]] == ["authors", "rivals"]


def test_evaluate_unknown_claim(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", DEBATE, "--claim", "coffee-beter"]) == 1
    err = capsys.readouterr().err
    assert "unknown-claim: no claim 'coffee-beter'" in err
    assert "did you mean coffee-better" in err
    assert "Traceback" not in err


def test_explain_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", DEBATE, "tea-best"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "grounded semantics, necessary support:",
        "tea-best is OUT: attacked by not-measured (IN)",
        (
            "  not-measured [never-measured undercuts expert] is IN: unattacked"
            " (derived attack on tea-best: not-measured attacks expert;"
            " support chain: tea-best needs expert)"
        ),
    ]


def test_explain_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", CYCLE, "tea-best", "--semantics", "stable", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["label"] == "in"
    assert data["extension"] == ["tea-best", "wakes-gently"]
    assert data["tree"]["why"] == "every attacker is OUT"


def test_explain_unknown_claim_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", CYCLE, "nope", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["diagnostics"][0]["code"] == "unknown-claim"


def test_af_solve(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    apx = tmp_path / "af.apx"
    apx.write_text("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,a).\natt(b,c).\n")
    assert main(["af", "solve", str(apx), "--task", "EE-PR"]) == 0
    assert capsys.readouterr().out == "[[a,c],[b]]\n"
    assert main(["af", "solve", str(apx), "--task", "DS-PR", "--arg", "c"]) == 0
    assert capsys.readouterr().out == "NO\n"
    assert main(["af", "solve", str(apx), "--task", "DC-PR"]) == 1
    assert "missing-argument" in capsys.readouterr().err


def test_check_findings_and_fail_on(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", LINTS]) == 0  # only warnings and info: default --fail-on error
    out = capsys.readouterr().out
    assert "  findings: 0 errors, 11 warnings, 1 info\n" in out
    assert f"{LINTS}:30:5: warning: disconnected: claim 'juice-sweet' has no path" in out
    assert out.endswith("OK\n")
    assert main(["check", LINTS, "--fail-on", "warning"]) == 1
    assert capsys.readouterr().out.endswith("FAILED (--fail-on warning)\n")


def test_check_select_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", LINTS, "--select", "open-questions", "--fail-on", "warning"]) == 0
    out = capsys.readouterr().out
    assert "  findings: 0 errors, 0 warnings, 1 info\n" in out
    assert main(["check", LINTS, "--ignore", "disconnected,open-questions,bare-assertion"]) == 0
    assert "  findings: 0 errors, 7 warnings, 0 info\n" in capsys.readouterr().out


def test_check_info_findings_are_summed_up_unless_verbose(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", LINTS, "--select", "open-questions"]) == 0
    out = capsys.readouterr().out
    assert "info: open-questions: 1 findings, e.g. inference" in out
    assert ": info: open-questions:" not in out  # no file:line:col line per finding
    assert main(["check", LINTS, "--select", "open-questions", "-v"]) == 0
    out = capsys.readouterr().out
    assert f"{LINTS}:49:5: info: open-questions: inference" in out
    assert "-v lists them all" not in out


def test_check_unknown_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", LINTS, "--select", "circular"]) == 1
    err = capsys.readouterr().err
    assert "<command line>: error: unknown-check: --select names unknown check 'circular'" in err
    assert "known checks: circular-support" in err


def test_check_json_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", LINTS, "--format", "json", "--fail-on", "warning"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert len(data["findings"]) == 12
    assert data["findings"][0] == {
        "file": LINTS,
        "line": 9,
        "column": 5,
        "code": "circular-support",
        "message": "support runs in a circle: tea-best → tea-healthy → tea-best",
        "hint": "a claim cannot be a reason for itself; break the circle with independent evidence",
        "severity": "warning",
        "claims": ["tea-best", "tea-healthy"],
    }


def test_render_evaluate_and_gradual(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain, filled = tmp_path / "plain.dot", tmp_path / "filled.dot"
    assert main(["render", DEBATE, "-o", str(plain)]) == 0
    argv = ["render", DEBATE, "-o", str(filled), "--evaluate", "grounded", "--gradual", "df-quad"]
    assert main(argv) == 0
    assert capsys.readouterr().out.endswith(f"wrote {filled} (dot)\n")
    dot = filled.read_text()
    assert dot != plain.read_text()
    line = next(x for x in dot.splitlines() if x.startswith('"tea-best" ['))
    assert "out 0.61" in line
    # the fill is the role's, at the intensity of the strength
    assert f'fillcolor="{strength_fill(ROLE_STYLE["thesis"][0], 0.61)}"' in line
    assert f'color="{LABEL_STYLE["out"][0]}"' in line  # OUT is the border
    assert "Border</B>: label (grounded)" in dot  # the legend
    assert "strength (df-quad)" in dot


def test_render_evaluate_draws_labels_as_borders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """claims.yaml: the thesis is grounded IN and trotsky-workers-state OUT."""
    out = tmp_path / "claims.dot"
    claims = str(Path(__file__).resolve().parent.parent / "claims.yaml")
    assert main(["render", claims, "-o", str(out), "--evaluate", "grounded"]) == 0
    capsys.readouterr()
    lines = {x.split(" [", 1)[0].strip('"'): x for x in out.read_text().splitlines() if " [" in x}
    thesis, opponent = lines["stalinism-not-only-russian"], lines["trotsky-workers-state"]
    assert f'fillcolor="{ROLE_STYLE["thesis"][0]}"' in thesis
    assert f'color="{LABEL_STYLE["in"][0]}"' in thesis
    assert "THESIS · ¶1 · in</FONT>" in thesis
    assert f'fillcolor="{ROLE_STYLE["opponent"][0]}"' in opponent
    assert f'color="{LABEL_STYLE["out"][0]}"' in opponent
    assert 'style="rounded,filled,dashed"' in opponent
    assert "_legend" in lines


def test_explain_deep_chain_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 600 claims, each opposing the one before: --depth 500 is cut at MAX_DEPTH, no recursion
    n = 600
    (tmp_path / "e.txt").write_text("".join(f"Claim {i} holds.\n\n" for i in range(n)))
    rows = [
        f"  - {{id: c{i}, text: C{i}., quote: Claim {i} holds, role: "
        + ("thesis}" if i == 0 else f"claim, opposes: [c{i - 1}]}}")
        for i in range(n)
    ]
    m = tmp_path / "chain.yaml"
    m.write_text(
        "argmap: 1\ntitle: chain\nsource: e.txt\nthesis: c0\nclaims:\n" + "\n".join(rows) + "\n"
    )
    assert main(["explain", str(m), "c0", "--depth", "500"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 + MAX_DEPTH
    assert lines[1] == "c0 is OUT: attacked by c1--opposes--c0 (IN)"
    assert main(["explain", str(m), "c0", "--depth", "500", "--format", "json"]) == 0
    assert (
        json.loads(capsys.readouterr().out)["tree"]["children"][0]["argument"] == "c1--opposes--c0"
    )
