"""The format registry, ``argmap import`` and ``argmap export``, AIF/xAIF and microtexts."""

from __future__ import annotations

import io
import json
import re
import tempfile
import warnings
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings

from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.formats import aif, kialo, sadface
from argmap.formats.base import WriteOptions, finish
from argmap.formats.dungexport import map_framework
from argmap.formats.iccma import read_apx, write_apx
from argmap.formats.microtext import read_microtext
from argmap.formats.registry import FORMATS, dropped, format_of_path, guess_reader, writers
from argmap.load import read_map
from argmap.model import Map
from strategies import facts, maps, reload

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "formats"
BAD = DATA / "bad"


def _essay() -> Map:
    return read_map(ROOT / "claims.yaml")


def _round_trip(text: str) -> Map:
    """Import ``text`` (AIF or xAIF) as the CLI does and load the YAML it would write."""
    return reload(aif.read_aif(text, "in.json"))


# --- the registry -------------------------------------------------------------


def test_every_command_uses_the_registry() -> None:
    assert writers("render") == ["dot", "svg", "png", "pdf"]
    assert writers("html") == ["html"]
    assert set(writers("export")) == {f.name for f in FORMATS.values() if f.writer}
    assert {"aif", "xaif", "graphml", "node-link", "apx", "tgf", "i23", "mermaid"} <= set(
        writers("export")
    )


@pytest.mark.parametrize(
    ("path", "command", "name"),
    [
        ("a.svg", "render", "svg"),
        ("a.json", "render", None),
        ("a.json", "export", "aif"),
        ("a.xaif.json", "export", "xaif"),
        ("a.GRAPHML", "export", "graphml"),
        ("a.i23", "export", "i23"),
        ("a.xml", "import", "microtext"),
        ("a.svg", "import", None),
    ],
)
def test_format_of_path(path: str, command: str, name: str | None) -> None:
    found = format_of_path(path, command)
    assert (found.name if found else None) == name


def test_guess_reader_by_content_first() -> None:
    assert guess_reader('{"AIF": {"nodes": []}}', "x.json").name == "xaif"
    assert guess_reader('{"nodes": [], "edges": []}', "x.xml").name == "aif"
    assert guess_reader("<arggraph id='a'/>", "x.json").name == "microtext"
    with pytest.raises(ArgmapError) as info:
        guess_reader("plain words", "x.txt")
    assert info.value.diagnostics[0].code == "unknown-format"


def test_dropped_names_only_what_the_map_uses() -> None:
    m = _essay()
    assert dropped(FORMATS["aif"], m) == ["essay text", "skipped passages"]
    assert dropped(FORMATS["xaif"], m) == ["skipped passages"]
    assert dropped(FORMATS["yaml"], m) == []
    assert "speakers" in dropped(FORMATS["apx"], m)


@pytest.mark.parametrize("name", writers("export"))
def test_every_writer_writes_the_essay(name: str) -> None:
    data = FORMATS[name].writer(_essay(), WriteOptions())  # type: ignore[misc]
    assert isinstance(data, bytes if FORMATS[name].binary else str)
    assert len(data) > 500


# --- AIF and xAIF -----------------------------------------------------------------


@pytest.mark.parametrize("write", [aif.write_aif, aif.write_xaif])
def test_aif_round_trip_of_the_essay(write: Any) -> None:
    m = _essay()
    back = _round_trip(write(m))
    assert facts(back) == facts(m)
    assert len(back.relations) == 54


def test_xaif_keeps_the_essay_text(tmp_path: Path) -> None:
    m = _essay()
    imported = aif.read_aif(aif.write_xaif(m), "e.json")
    assert imported.source_text == m.source_text
    assert finish(imported, "e.txt")[1:] == (m.source_text, False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=maps(Path(tempfile.mkdtemp())))
def test_aif_round_trip_of_generated_maps(data: Map) -> None:
    for write in (aif.write_aif, aif.write_xaif):
        assert facts(_round_trip(write(data))) == facts(data)


def _arguebuf_counts(doc: dict[str, Any], xaif: bool) -> tuple[int, int, int]:
    import arguebuf as ab
    from arguebuf.model.scheme import Attack, Support

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns about edges into L and YA nodes, which it drops
        g = ab.load.xaif(doc) if xaif else ab.load.aif(doc)
    schemes = [s.scheme for s in g.scheme_nodes.values()]
    return (
        len(g.atom_nodes),
        sum(isinstance(s, Support) for s in schemes),
        sum(isinstance(s, Attack) for s in schemes),
    )


def _expected_counts(m: Map) -> tuple[int, int, int]:
    supports = sum(r.kind == "support" for r in m.relations)
    return len(m.claims), supports, len(m.relations) - supports


@pytest.mark.parametrize("xaif", [False, True])
def test_arguebuf_reads_the_essay(xaif: bool) -> None:
    m = _essay()
    doc = json.loads(aif.write_xaif(m) if xaif else aif.write_aif(m))
    assert _arguebuf_counts(doc, xaif) == (51, 43, 11) == _expected_counts(m)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=maps(Path(tempfile.mkdtemp())))
def test_arguebuf_reads_generated_maps(data: Map) -> None:
    for xaif in (False, True):
        doc = json.loads(aif.write_xaif(data) if xaif else aif.write_aif(data))
        assert _arguebuf_counts(doc, xaif) == _expected_counts(data)


def test_aif_sample_with_every_node_type() -> None:
    imported = aif.read_aif((DATA / "debate.json").read_text(), "debate.json")
    m = imported.map
    assert imported.dropped == (
        "preferences (PA, kept as notes)",
        "rephrases (MA, read as supports)",
    )
    assert imported.source_text is None
    assert [(r.id, r.kind, r.premises, r.target, r.scheme) for r in m.relations] == [
        ("20", "support", ("2", "3"), "1", "cause-to-effect"),
        ("21", "support", ("11",), "1", ""),
        ("22", "opposition", ("4",), "1", ""),
        ("23", "undercut", ("5",), "22", ""),  # a CA on a CA
        ("24", "undercut", ("6", "7"), "23", ""),  # a linked undercut of an undercut
        ("25", "undercut", ("8", "9"), "20", ""),  # a linked undercut of an RA
        ("26", "support", ("10",), "2", ""),  # MA, read as a support
    ]
    assert m.thesis == "1"
    assert [(c.id, c.by, c.quote) for c in m.claims if c.by != "authors"] == [
        ("1", "ann", "Cities should ban cars from their centres."),
        ("4", "bob", "Shops in the centre need customers who come by car."),
    ]
    assert m.claim("11").note == "AIF preference (PA): preferred to 4"
    assert dict(m.speakers) == {"authors": "The authors", "ann": "Ann", "bob": "Bob"}


def _bad_cases() -> list[tuple[str, str, int, int]]:
    rows = []
    for line in (BAD / "expect.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, code, where = line.split()
            row, col = where.split(":")
            rows.append((name, code, int(row), int(col)))
    return rows


@pytest.mark.parametrize("case", _bad_cases(), ids=lambda case: case[0])
def test_bad_input_is_a_located_error(
    case: tuple[str, str, int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, code, line, column = case
    path = BAD / name
    assert main(["import", str(path), "-o", str(tmp_path / "m.yaml")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:{line}:{column}: error: {code}: "), err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_every_bad_file_has_an_expectation() -> None:
    listed = {name for name, *_ in _bad_cases()}
    assert listed == {p.name for p in BAD.iterdir()} - {"expect.txt"}


def test_every_import_code_is_documented_and_has_a_fixture() -> None:
    doc = (ROOT / "docs" / "format.md").read_text()
    section = doc.split("## Import errors")[1].split("\n## ")[0]
    documented = set(re.findall(r"^\| `([a-z-]+)` \| ", section, re.M))
    assert documented == {code for _n, code, *_ in _bad_cases()} - {"self-relation", "invalid-id"}


# --- microtexts ---------------------------------------------------------------------


def test_microtext_sample() -> None:
    imported = read_microtext((DATA / "microtext.xml").read_text(), "microtext.xml")
    m = imported.map
    assert [(c.id, c.role, c.by) for c in m.claims] == [
        ("a1", "thesis", "authors"),
        ("a2", "claim", "authors"),
        ("a3", "example", "authors"),
        ("a4", "opponent", "opponent"),
        ("a5", "rebuttal", "authors"),
        ("a6", "rebuttal", "authors"),
        ("a7", "opponent", "opponent"),
        ("a8", "rebuttal", "authors"),
        ("a9", "claim", "authors"),
    ]
    assert m.claim("a9").quote == "Cats are quiet and they do not need walks."  # a joint
    assert [(r.id, r.kind, r.premises, r.target, r.scheme) for r in m.relations] == [
        ("c20", "support", ("a2",), "a1", ""),
        ("c21", "support", ("a3",), "a2", "example"),
        ("c22", "opposition", ("a4",), "a1", ""),
        ("c23", "undercut", ("a5", "a6"), "c22", ""),  # und + add: a linked undercut
        ("c25", "undercut", ("a7",), "c23", ""),  # an undercut of an undercut
        ("c26", "opposition", ("a8",), "a7", ""),
        ("c27", "support", ("a9",), "a1", ""),
    ]
    assert imported.source_text is not None
    assert imported.source_text.startswith("Cats are the best pets, for they clean themselves.")


# --- the commands -------------------------------------------------------------------


def test_import_writes_map_and_source_that_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "debate.yaml"
    assert main(["import", str(DATA / "debate.json"), "-o", str(out)]) == 0
    printed = capsys.readouterr()
    assert printed.out == (
        f"wrote {out} (aif: 11 claims, 7 relations)\n"
        f"wrote {tmp_path / 'debate.txt'} (built from the quotes: the file carries no essay text)\n"
    )
    assert printed.err == (
        "argmap: warning: not imported: preferences (PA, kept as notes), "
        "rephrases (MA, read as supports)\n"
    )
    assert main(["check", str(out)]) == 0
    assert main(["render", str(out), "-o", str(tmp_path / "d.svg")]) == 0
    assert main(["html", str(out), "-o", str(tmp_path / "d.html")]) == 0


def test_import_refuses_to_overwrite_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "m.json"
    source.write_text((DATA / "debate.json").read_text())
    before = source.read_bytes()
    assert (
        main(["import", str(source), "-o", str(tmp_path / "m.txt")]) == 0
    )  # map m.txt, source m.txt.source.txt
    capsys.readouterr()
    clash = tmp_path / "m.yaml"
    assert main(["import", str(source), "-o", str(source)]) == 1
    assert "cannot-write" in capsys.readouterr().err
    assert source.read_bytes() == before
    assert not clash.exists()


def test_export_warns_once_about_what_it_drops(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "e.apx"
    assert main(["export", str(ROOT / "claims.yaml"), "-o", str(out), "--support", "none"]) == 0
    printed = capsys.readouterr()
    assert printed.out == f"wrote {out} (apx)\n"
    assert printed.err == (
        "argmap: warning: apx has no place for the map's answered questions, essay text, "
        "notes, quotes, roles, schemes, skipped passages, speakers, texts\n"
    )
    af = read_apx(out.read_text())
    assert out.read_text() == write_apx(map_framework(_essay(), "none"))
    assert af.number_of_nodes() == 51 + 54


def test_export_to_stdout_and_needs_a_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(ROOT / "claims.yaml"), "--format", "yaml"]) == 0
    assert capsys.readouterr().out.startswith("argmap: 1\ntitle: Stalinism as the Russian form")
    with pytest.raises(SystemExit) as info:
        main(["export", str(ROOT / "claims.yaml"), "-o", "x.unknown"])
    assert info.value.code == 2
    assert "--format" in capsys.readouterr().err


def test_graphml_loads_with_every_claim() -> None:
    m = _essay()
    text = FORMATS["graphml"].writer(m, WriteOptions())  # type: ignore[misc]
    assert isinstance(text, str)
    G = nx.read_graphml(io.StringIO(text))
    assert {c.id for c in m.claims} <= set(G.nodes)
    thesis = G.nodes[m.thesis]
    assert (thesis["label"], thesis["role"], thesis["color"], thesis["r"]) == (
        m.claim(m.thesis).text,
        "thesis",
        "#ffd966",
        255,
    )
    assert G.number_of_nodes() == 51 + 54


def test_node_link_keeps_every_attribute() -> None:
    m = _essay()
    text = FORMATS["node-link"].writer(m, WriteOptions())  # type: ignore[misc]
    assert isinstance(text, str)
    G = nx.node_link_graph(json.loads(text), edges="edges")
    claim = m.claims[3]
    assert G.nodes[claim.id]["quote"] == claim.quote
    assert G.nodes[claim.id]["by"] == claim.by
    assert G.number_of_edges() == sum(len(r.premises) + 1 for r in m.relations)


# --- SADFace --------------------------------------------------------------------------

#: keys the sadface library's own setters write into metadata.core and its validator rejects
_SADFACE_CORE_EXTRAS = {
    f"Metadata contains the invalid key: {k}" for k in ("title", "description", "notes", "claim")
}


def _sadface_checks(m: Map) -> None:
    import arguebuf as ab
    import sadface as sf
    import sadface.validation as sv
    from arguebuf.model.scheme import Attack, Support

    text = sadface.write_sadface(m)
    doc = json.loads(text)
    _ok, problems = sv.verify(doc)
    assert set(problems) <= _SADFACE_CORE_EXTRAS
    sf.set_doc(doc)
    assert len(sf.list_atoms()) == len(m.claims)
    assert len(sf.list_arguments()) == len(m.relations)
    assert sf.get_claim() == next(
        n["id"] for n in doc["nodes"] if n["text"] == m.claim(m.thesis).text
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = ab.load.sadface(doc)
    schemes = [s.scheme for s in g.scheme_nodes.values()]
    counts = (len(g.atom_nodes), sum(isinstance(s, Support) for s in schemes))
    assert (*counts, sum(isinstance(s, Attack) for s in schemes)) == _expected_counts(m)


def test_sadface_export_of_the_essay_loads_in_sadface_and_arguebuf() -> None:
    _sadface_checks(_essay())


def test_sadface_round_trip_of_the_essay() -> None:
    m = _essay()
    imported = sadface.read_sadface(sadface.write_sadface(m), "e.json")
    assert imported.dropped == ()
    assert finish(imported, "back.txt")[1:] == (m.source_text, False)
    assert facts(reload(imported)) == facts(m)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=maps(Path(tempfile.mkdtemp())))
def test_sadface_generated_maps(data: Map) -> None:
    _sadface_checks(data)
    assert facts(reload(sadface.read_sadface(sadface.write_sadface(data), "g"))) == facts(data)


# --- Kialo, and every sample through the commands ------------------------------------


def test_kialo_sample() -> None:
    imported = kialo.read_kialo((DATA / "cars.kialo.txt").read_text(), "cars.kialo.txt")
    m = imported.map
    assert m.title == "Should cities ban cars from their centres?"
    assert m.claim("c1-1").text == (
        "Cars make the air in city centres dirty, and dirty air makes people ill "
        "(see the WHO report)."
    )
    assert [(c.id, c.role, c.by) for c in m.claims] == [
        ("c1", "thesis", "authors"),
        ("c1-1", "claim", "authors"),
        ("c1-1-1", "opponent", "opponent"),
        ("c1-1-1-1", "rebuttal", "authors"),
        ("c1-2", "opponent", "opponent"),
        ("c1-2-1", "rebuttal", "authors"),
        ("c1-3", "claim", "authors"),
    ]
    assert [(r.kind, r.premises, r.target) for r in m.relations][-1] == (
        "support",
        ("c1-1",),
        "c1-3",
    )  # -> See 1.1.


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("debate.json", "aif"),
        ("microtext.xml", "microtext"),
        ("cars.argdown.json", "argdown-json"),
        ("cars.kialo.txt", "kialo"),
    ],
)
def test_every_sample_imports_checks_renders_and_pages(
    name: str, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "m.yaml"
    assert main(["import", str(DATA / name), "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {out} ({fmt}: ")
    assert main(["check", str(out)]) == 0
    assert main(["render", str(out), "-o", str(tmp_path / "m.svg")]) == 0
    assert main(["html", str(out), "-o", str(tmp_path / "m.html")]) == 0


@pytest.mark.parametrize("fmt", ["aif", "xaif", "sadface", "argdown"])
def test_export_then_import_through_the_commands(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / f"essay.{fmt}"
    assert main(["export", str(ROOT / "claims.yaml"), "--format", fmt, "-o", str(exported)]) == 0
    assert main(["import", str(exported), "--from", fmt, "-o", str(tmp_path / "back.yaml")]) == 0
    capsys.readouterr()
    assert facts(read_map(tmp_path / "back.yaml")) == facts(_essay())
