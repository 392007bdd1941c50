"""Messages that misled a new user (issue 12): each test shows the message before and after."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.load import read_map
from argmap.teach.compare import compare

DATA = Path(__file__).parent / "data"
ESSAY = "Cats purr. Dogs bark. So cats are happy. Walks help.\n"
THESIS = "  - {id: happy, text: Happy., quote: So cats are happy., role: thesis, by: me}\n"


def _errors(
    tmp_path: Path, claims: str, speakers: str = "speakers: {me: Me}\n", thesis: str = THESIS
) -> list[str]:
    (tmp_path / "e.txt").write_text(ESSAY, encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text(
        f"argmap: 1\ntitle: t\nsource: e.txt\nthesis: happy\n{speakers}claims:\n{thesis}{claims}",
        encoding="utf-8",
    )
    with pytest.raises(ArgmapError) as info:
        read_map(path)
    return [str(d).replace(f"{path}:", "") for d in info.value.diagnostics]


def test_supporting_a_relation_is_not_told_to_undercut(tmp_path: Path) -> None:
    claims = (
        "  - {id: purr, text: P., quote: Cats purr., role: evidence, by: me, supports: [happy]}\n"
        "  - {id: walks, text: W., quote: Walks help., role: evidence, by: me,\n"
        "     supports: [purr--supports--happy]}\n"
    )
    # before: ... (hint: 'purr--supports--happy' is a relation: use type 'undercut' to attack
    # an inference)
    assert _errors(tmp_path, claims) == [
        (
            "10:17: error: unknown-claim: support 'walks--supports--purr--supports--happy' targets "
            "relation 'purr--supports--happy': argmap cannot support an inference (hint: to add a "
            "premise to 'purr--supports--happy', list this claim in its 'from:' (a linked "
            "premise); 'supports:' names claims)"
        )
    ]


def test_opposing_a_relation_is_still_told_to_undercut(tmp_path: Path) -> None:
    claims = (
        "  - {id: purr, text: P., quote: Cats purr., role: evidence, by: me, supports: [happy]}\n"
        "  - {id: bark, text: B., quote: Dogs bark., role: evidence, by: me,\n"
        "     opposes: [purr--supports--happy]}\n"
    )
    (error,) = _errors(tmp_path, claims)
    assert error.endswith(
        "(hint: 'purr--supports--happy' is a relation: use type 'undercut' to attack an inference)"
    )


def test_scalar_supports_says_write_a_list(tmp_path: Path) -> None:
    claims = (
        "  - {id: purr, text: P., quote: Cats purr., role: evidence, by: me, supports: happy}\n"
    )
    # before: (hint: quote text that YAML might read as another type)
    assert _errors(tmp_path, claims) == [
        (
            "8:69: error: invalid-type: claim #2 field 'supports' must be array, not text "
            "(hint: write a list: [happy])"
        )
    ]


def test_scalar_supports_causes_no_knock_on_error(tmp_path: Path) -> None:
    claims = (
        "  - {id: purr, text: P., quote: Cats purr., role: evidence, by: me, supports: happy}\n"
        "  - {id: bark, text: B., quote: Dogs bark., role: evidence, by: me,\n"
        "     undercuts: [purr--supports--happy]}\n"
    )
    assert [e.split(": ")[2] for e in _errors(tmp_path, claims)] == ["invalid-type"]


def test_omitted_by_names_the_default_speaker(tmp_path: Path) -> None:
    claims = "  - {id: purr, text: P., quote: Cats purr., role: evidence, supports: [happy]}\n"
    # before: unknown-speaker: claim 'purr' is by undeclared speaker 'authors'
    # (hint: add 'authors: Name' under 'speakers:')
    assert _errors(tmp_path, claims) == [
        (
            "8:5: error: unknown-speaker: claim 'purr' has no 'by:', and the default speaker "
            "'authors' is not under 'speakers:' (hint: give the claim 'by:' one of me, or declare "
            "'authors: Name' under 'speakers:')"
        )
    ]
    written = "  - {id: purr, text: P., quote: Cats purr., role: evidence, by: you}\n"
    assert _errors(tmp_path, written) == [
        (
            "8:5: error: unknown-speaker: claim 'purr' is by undeclared speaker 'you' "
            "(hint: add 'you: Name' under 'speakers:')"
        )
    ]


def test_a_mistyped_text_is_reported_once(tmp_path: Path) -> None:
    claims = (
        "  - {id: purr, text: 2020, quote: Cats purr., role: evidence, by: me, supports: [happy]}\n"
        "  - {id: bark, text: B., quote: Dogs bark., role: evidence, by: me,\n"
        "     undercuts: [purr--supports--happy]}\n"
        "  - {id: walks, text: W., quote: Walks help., role: evidence, by: me, supports: [purr]}\n"
    )
    # before: also unknown-relation 'purr--supports--happy' and unknown-claim 'purr'
    assert _errors(tmp_path, claims) == [
        (
            "8:16: error: invalid-type: claim #2 field 'text' must be string, not a number "
            "(hint: quote text that YAML might read as another type)"
        )
    ]


def test_a_duplicate_id_is_reported_once(tmp_path: Path) -> None:
    claims = (
        "  - {id: purr, text: P., quote: Cats purr., role: evidence, by: me, supports: [happy]}\n"
        "  - {id: purr, text: B., quote: Dogs bark., role: evidence, by: me, supports: [purr]}\n"
    )
    # before: also "self-relation: claim 'purr' supports itself"
    assert [e.split(": ")[2] for e in _errors(tmp_path, claims)] == ["duplicate-id"]


def test_a_thesis_without_a_role_is_reported_once(tmp_path: Path) -> None:
    thesis = "  - {id: happy, text: Happy., quote: So cats are happy., by: me}\n"
    # before: also "unknown-thesis: thesis 'happy' is not a claim of this map"
    assert _errors(tmp_path, "", thesis=thesis) == [
        "7:5: error: missing-field: claim #1 has no 'role' (hint: add 'role:' (rhetorical role))"
    ]


def test_a_real_self_relation_is_still_reported(tmp_path: Path) -> None:
    claims = (
        "  - {id: purr, text: P., quote: Cats purr., role: evidence, by: me, supports: [purr]}\n"
    )
    assert [e.split(": ")[2] for e in _errors(tmp_path, claims)] == ["self-relation"]


def test_compare_rejects_paragraphs_the_essay_lacks(capsys: pytest.CaptureFixture[str]) -> None:
    student, reference = DATA / "teach" / "student.yaml", DATA / "teach" / "reference.yaml"
    with pytest.raises(ArgmapError) as info:
        compare(read_map(student), read_map(reference), paragraphs=(5, 9))
    # before: accepted silently, grading an empty exercise
    assert str(info.value) == (
        "<command line>: error: paragraph-range: --paragraphs 5-9: 'essay.txt' has 4 paragraphs "
        "(hint: give a range within 1-4)"
    )
    assert main(["compare", str(student), str(reference), "--paragraphs", "3-3"]) == 0
    assert main(["compare", str(student), str(reference), "--paragraphs", "5"]) == 1
    assert "paragraph-range" in capsys.readouterr().err


def test_check_verbose_prints_sentences_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = "Cats purr " + "and purr " * 20 + "all day."
    (tmp_path / "e.txt").write_text(f"{long} So cats are happy.\n", encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nsource: e.txt\nthesis: happy\nclaims:\n"
        "  - {id: happy, text: Happy., quote: So cats are happy., role: thesis}\n",
        encoding="utf-8",
    )
    assert main(["check", str(path), "-v"]) == 0
    # before: "   ! ¶1 s1: Cats purr and purr and purr … and pu…  [NOT ENCODED]" (70 characters)
    assert f"   ! ¶1 s1: {long}  [NOT ENCODED]" in capsys.readouterr().out.splitlines()
    assert main(["check", str(path)]) == 0
    assert f"   ! ¶1 s1: {long[:69]}…  [NOT ENCODED]" in capsys.readouterr().out.splitlines()
