"""Markdown export: title, outline, and the coverage table of every sentence."""

from __future__ import annotations

from pathlib import Path

from argmap.formats.markdown import coverage_table, table_cell, to_markdown
from argmap.load import read_map

DATA = Path(__file__).parent / "data" / "teach"


def test_reference_page() -> None:
    lines = to_markdown(read_map(DATA / "reference.yaml")).splitlines()
    assert lines[:6] == [
        "# Against homework",
        "",
        "Source: `essay.txt` · thesis: `abolish` · 7 claims, 5 relations",
        "",
        "## Outline",
        "",
    ]
    assert lines[6] == "- `abolish`: Homework should be abolished. *thesis*"
    assert "### Not connected to the thesis" in lines
    at = lines.index("## Coverage")
    assert lines[at + 2 :] == [
        "7 of 7 argumentative sentences quoted (100%), 1 skipped, 0 uncovered.",
        "",
        "| # | ¶ | status | claims | sentence |",
        "|---:|---:|---|---|---|",
        "| 1 | 1 | covered | `abolish` | Homework should be abolished. |",
        "| 2 | 1 | covered | `takes-time` | It takes time away from play and sleep. |",
        "| 3 | 2 | covered | `builds-discipline` | Teachers say homework builds discipline. |",
        (
            "| 4 | 2 | covered | `discipline-elsewhere` | But discipline grows better from sports "
            "and music. |"
        ),
        "| 5 | 2 | covered | `no-gain` | Studies show no gain in primary school. |",
        "| 6 | 3 | covered | `sleep-learn` | Children who sleep more learn more. |",
        "| 7 | 3 | covered | `play-cooperate` | Play teaches children to cooperate. |",
        "| 8 | 4 | skipped: byline |  | Published by the School Gazette. |",
    ]


def test_uncovered_sentences_stand_out() -> None:
    table = coverage_table(read_map(DATA / "copy-source.yaml")).splitlines()
    assert table[0] == "1 of 8 argumentative sentences quoted (12%), 0 skipped, 7 uncovered."
    assert table[5] == "| 2 | 1 | **uncovered** |  | It takes time away from play and sleep. |"


def test_quotes_in_the_outline() -> None:
    page = to_markdown(read_map(DATA / "reference.yaml"), quotes=True)
    assert (
        "- `abolish`: Homework should be abolished. *thesis* — “Homework should be abolished.”"
        in page
    )


def test_table_cell_escapes_pipes_and_joins_lines() -> None:
    assert table_cell("a | b\n c") == "a \\| b c"
