"""Every command's help text stays what it was when the start-up was made lazier.

The parser is built from a table of commands so that a command imports only
its own module; these digests of ``argmap --help`` and ``argmap CMD --help``
(taken before that work) show that no option or word of help was lost.
"""

from __future__ import annotations

import hashlib

import pytest

from argmap.cli import COMMANDS, main

#: sha256 of each command's help text, at 100 columns ("" is ``argmap --help``)
DIGESTS: dict[str, str] = {
    "": "9bfe8c3e6286901d52e1c540fe2a803563dd38635a50613564f7f02fc9bc5a1f",
    "af": "c86533e88a0960d9325a5d98f5d3c875fe2d354cce1b58b04df755ff34b8e049",
    "check": "6dca55dbae4c4ffc23782c249e9fbfeded3e6cb629412f0af90dfaaef15fad2e",
    "compare": "9d903bd24aa4d43c103f7c8e7004ba00c394ff9a7fb452db50d2dcb579614514",
    "evaluate": "d2ab2899887bea4b8bfc7bac2d838a8ce97c78fa42b4cf14a67aee5e42f2b0bf",
    "explain": "a9381295220b73e50f2dcfc7cf00cc1156775427ec7fb12f76e421d35ddbca1f",
    "export": "a9cffd1690e1737e14c888b6863e4292d0c17cb9ae02e34ee19883ddac7160b4",
    "html": "67ce669089f683197c448c37e7a43e861741a49fa63c628ae17044c67d2241d0",
    "import": "71363eb1bf216ccd0b537c63052091d9c17571ed620a667ca99c316ec50f4aa7",
    "init": "973b80197538b7ef1587a5b4e807553f7b21a3586ec09cb867e872b4844a9bd9",
    "outline": "d79165b4dbe71967e58b2de5518b10653783ed7d856236273e5500594e688b22",
    "quiz": "f8915ee08373aecdbe4c84aeba664c9ae0428e91671edd86db141030ec1fe129",
    "render": "e9349c087abb9441ea30bb4d7cb4331523eabf566892e847b936252e9b6a6204",
    "schema": "eb193a61ea4c788be6673070d3171f954fa011222a64ba895764343e9cae3c48",
    "schemes": "b107a8cb43fa540145a3adebbfbb6ea4d5063341058af8b0c2a4ce0cb46978b8",
    "watch": "a269c2c32339d1988cb9c5d619cb50dd50e188477d9c2dc96651994cf5ab5f06",
}


def _help(command: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"] if command else ["--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", ["", *sorted(COMMANDS)])
def test_help_text_is_unchanged(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    text = _help(command, capsys)
    assert text.startswith("usage: argmap")
    assert hashlib.sha256(text.encode()).hexdigest() == DIGESTS[command]
