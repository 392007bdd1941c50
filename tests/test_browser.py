"""End to end: the interactive page in headless Chromium (Debian's, driven by Playwright).

Needs /usr/bin/chromium (``make chromium``) and Graphviz; never ``playwright install``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from argmap.load import read_map
from argmap.model import Assessment
from argmap.render.html import to_html

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
SMALL = Path(__file__).parent / "data" / "html" / "small.yaml"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (Debian package chromium)"
    ),
    pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' not installed"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "small.html"
    path.write_text(to_html(read_map(SMALL)), encoding="utf-8")
    return path


class Page:
    """A loaded page plus what it reported: dialogs and script errors."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.p = browser.new_page(viewport={"width": 1400, "height": 900})
        self.p.on("dialog", self._dialog)
        self.p.on("pageerror", lambda e: self.errors.append(str(e)))
        self.p.goto(path.as_uri())

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def ids(self, selector: str) -> set[str]:
        return set(self.p.eval_on_selector_all(selector, "els => els.map(e => e.id)"))

    def revealed(self) -> set[str]:
        return self.ids("g.node.claim:not(.unrevealed)")

    def text(self, selector: str) -> str:
        return str(self.p.inner_text(selector))

    def transform(self) -> str:
        return str(self.p.eval_on_selector("#viewport", "e => e.style.transform"))


def opened(browser: Any, path: Path) -> Iterator[Page]:
    """The page at ``path``, open for a test; afterwards, it reported no error nor dialog."""
    pg = Page(browser, path)
    yield pg
    assert pg.errors == []
    assert pg.dialogs == []
    pg.p.close()


@pytest.fixture
def page(browser: Any, page_file: Path) -> Iterator[Page]:
    yield from opened(browser, page_file)


ALL = {
    "cats-best",
    "cats-happy",
    "cats-no-walk",
    "dogs-better",
    "dogs-loyal",
    "dogs-walk",
    "loyalty-no-walk",
    "no-garden",
    "script-claim",
    "vet-says",
}


def test_click_node_shows_details_and_quote(page: Page) -> None:
    page.p.click("g#vet-says")
    details = page.text("#details")
    assert "A vet says cats are happy indoors." in details
    assert "My vet" in details
    assert "AUTHORITY" in details.upper()
    assert "Argument from expert opinion" in details
    assert "Cats are happy indoors." in details  # what it supports
    assert "Its move\nAppeal to authority: “A vet says" in details
    assert page.ids("g.node.selected") == {"vet-says"}
    active = page.p.eval_on_selector_all("mark.active", "els => els.map(e => e.textContent)")
    assert " ".join("".join(active).split()) == "My vet says cats are happy indoors."
    assert page.p.is_visible("mark.active")
    # supporters and attackers are links to their claims
    page.p.click("g#cats-best")
    assert "Attacked by" in page.text("#details")
    page.p.click("#details button.claim-link[data-id='dogs-better']")
    assert page.text("#details h2") == "Dogs are better pets."
    assert page.ids("g.node.selected") == {"dogs-better"}


def test_click_passage_lights_up_its_claims(page: Page) -> None:
    page.p.click("mark[data-claims='cats-happy vet-says']")
    assert page.ids("g.node.lit") == {"cats-happy", "vet-says"}
    assert page.text("#details h2") == "This passage states 2 claims"
    page.p.click("mark[data-claims='dogs-better']")
    assert page.ids("g.node.lit") == {"dogs-better"}


def test_step_through_layers_with_buttons_and_keys(page: Page) -> None:
    page.p.click("#lesson-toggle")
    assert page.revealed() == {"cats-best"}
    assert page.text("#step-counter") == "Step 1 of 4"
    assert page.text("#caption .step-title") == "Thesis"
    page.p.click("#next")
    layer1 = {"cats-best", "cats-happy", "cats-no-walk", "dogs-better", "dogs-loyal"}
    assert page.revealed() == layer1
    assert page.text("#caption .step-title") == "Reason, Evidence, Objection, Concession"
    assert "Concession: the authors grant “Dogs are loyal.”" in page.text("#caption")
    page.p.keyboard.press("ArrowRight")
    assert page.revealed() == layer1 | {"vet-says", "dogs-walk", "no-garden", "loyalty-no-walk"}
    assert "Undercut: “Loyalty does not take the dog for a walk.”" in page.text("#caption")
    page.p.keyboard.press("ArrowRight")
    assert page.revealed() == ALL
    assert page.p.is_disabled("#next")
    page.p.keyboard.press("ArrowLeft")
    page.p.keyboard.press("ArrowLeft")
    assert page.revealed() == layer1
    page.p.click("#prev")
    assert page.revealed() == {"cats-best"}
    assert page.p.is_disabled("#prev")
    page.p.click("#lesson-toggle")  # back to the whole map
    assert page.revealed() == ALL
    assert page.text("#caption") == ""


def test_step_through_one_relation_at_a_time(page: Page) -> None:
    page.p.select_option("#lesson-mode", "relation")
    page.p.keyboard.press("ArrowRight")  # starts the lesson
    assert page.revealed() == {"cats-best"}
    assert page.text("#step-counter") == "Step 1 of 9"
    page.p.keyboard.press("ArrowRight")
    assert page.revealed() == {"cats-best", "cats-happy"}
    assert page.text("#caption .step-title") == "Reason"
    hidden = page.ids("g.edge.unrevealed")
    shown = page.ids("g.edge:not(.unrevealed)")
    assert shown == {"cats-happy--supports--cats-best"}
    assert "vet-authority" in hidden
    for _ in range(5):
        page.p.keyboard.press("ArrowRight")
    assert page.text("#caption .step-title") == "Rebuttal of an opponent"
    assert {"dogs-walk", "no-garden"} <= page.revealed()
    assert page.ids("g.node.inference:not(.unrevealed)") >= {"walk-problem"}


def test_search_filters_the_map(page: Page) -> None:
    page.p.fill("#search", "walk")
    assert page.ids("g.node.claim:not(.dim)") == {"cats-no-walk", "dogs-walk", "loyalty-no-walk"}
    assert page.text("#match-count") == "3 of 10 claims"
    page.p.fill("#search", "GARDEN")  # case-insensitive, quotes too
    assert page.ids("g.node.claim:not(.dim)") == {"no-garden"}
    page.p.fill("#search", "")
    assert page.ids("g.node.claim.dim") == set()
    assert page.text("#match-count") == ""


def test_role_and_speaker_filters(page: Page) -> None:
    page.p.uncheck("input.role-filter[value='evidence']")
    assert page.ids("g.node.claim.dim") == {"cats-no-walk", "dogs-walk", "no-garden"}
    page.p.check("input.role-filter[value='evidence']")
    page.p.select_option("#speaker-filter", "vet")
    assert page.ids("g.node.claim:not(.dim)") == {"vet-says"}
    page.p.select_option("#speaker-filter", "others")
    assert page.ids("g.node.claim:not(.dim)") == {"dogs-better"}


def test_zoom_and_pan_change_the_transform(page: Page) -> None:
    start = page.transform()
    assert "scale(" in start
    page.p.click("#zoom-in")
    zoomed = page.transform()
    assert zoomed != start
    scale = float(zoomed.split("scale(")[1].rstrip(")"))
    assert scale == pytest.approx(float(start.split("scale(")[1].rstrip(")")) * 1.25)
    page.p.mouse.move(300, 500)
    page.p.mouse.wheel(0, 300)
    assert page.transform() != zoomed
    before = page.transform()
    page.p.mouse.move(200, 700)
    page.p.mouse.down()
    page.p.mouse.move(260, 640, steps=5)
    page.p.mouse.up()
    assert page.transform() != before
    page.p.click("#zoom-fit")
    assert page.transform() == start


def test_script_in_a_claim_is_shown_as_text(page: Page) -> None:
    nasty = "A note says <script>alert(1)</script> here."
    svg_text = page.p.eval_on_selector("g#script-claim", "e => e.textContent")
    assert "<script>alert(1)</script>" in svg_text
    assert nasty in " ".join(page.text("#essay").split())
    page.p.click("g#script-claim")
    assert page.text("#details h2") == nasty
    assert "<img src=x onerror=alert(2)> is shown as text too" in page.text("#details")
    assert page.p.query_selector("#details img") is None
    page.p.wait_for_timeout(100)
    assert page.dialogs == []


def _clicked(browser: Any, tmp_path: Path, ev: Assessment, claim: str) -> tuple[str, str]:
    """Open the page of SMALL showing ``ev``, click ``claim``: the details and legend text."""
    path = tmp_path / "eval.html"
    path.write_text(to_html(read_map(SMALL), None, ev), encoding="utf-8")
    pg = Page(browser, path)
    pg.p.click(f"g#{claim}")
    texts = pg.text("#details"), pg.text("#legend")
    assert pg.errors == []
    pg.p.close()
    return texts


def test_evaluation_shows_in_panel(browser: Any, tmp_path: Path) -> None:
    ev = Assessment(labels={"cats-best": "in"}, strengths={"cats-best": 0.625})
    details, legend = _clicked(browser, tmp_path, ev, "cats-best")
    assert "in (accepted)" in details
    assert "0.63" in details
    assert "Evaluation" in legend


def test_selected_evaluated_claim_keeps_its_label_border(browser: Any, tmp_path: Path) -> None:
    """The border of an evaluated claim is its label: selecting it adds a halo instead."""
    path = tmp_path / "eval.html"
    ev = Assessment(labels={"cats-best": "in", "dogs-better": "out"}, semantics="grounded")
    path.write_text(to_html(read_map(SMALL), None, ev), encoding="utf-8")
    pg = Page(browser, path)
    stroke = (
        "id => getComputedStyle(document.querySelector(`g#${id} path, g#${id} polygon`)).stroke"
    )
    halo = "id => getComputedStyle(document.getElementById(id)).filter"
    pg.p.click("g#dogs-better")
    assert pg.ids("g.node.selected") == {"dogs-better"}
    assert pg.p.evaluate(stroke, "dogs-better") == "rgb(213, 94, 0)"  # OUT #d55e00
    assert "drop-shadow" in pg.p.evaluate(halo, "dogs-better")
    pg.p.click("mark[data-claims='cats-best']")
    assert pg.ids("g.node.lit") == {"cats-best"}
    assert pg.p.evaluate(stroke, "cats-best") == "rgb(0, 158, 115)"  # IN #009e73
    pg.p.click("g#cats-happy")  # not evaluated: highlighted by its stroke as before
    pg.p.mouse.move(0, 0)  # off the node: hovering would colour it too
    assert pg.p.evaluate(stroke, "cats-happy") == "rgb(230, 126, 0)"
    assert "Evaluation (border, grounded)" in pg.text("#legend")
    assert pg.errors == []
    pg.p.close()


def test_screenshot(page: Page) -> None:
    out = ROOT / "test-artifacts" / "page.png"
    out.parent.mkdir(exist_ok=True)
    page.p.click("g#vet-says")
    page.p.screenshot(path=str(out))
    assert out.stat().st_size > 10_000


def test_undercutter_details_name_the_inference(browser: Any, tmp_path: Path) -> None:
    ev = Assessment(strengths={"cats-best": 0.5, "loyalty-no-walk": 0.5}, converged=False)
    details, legend = _clicked(browser, tmp_path, ev, "loyalty-no-walk")
    assert "Undercuts" in details
    assert "the inference from “Dogs are loyal.” to “Cats are the best" in details
    assert "Attacks" not in details
    assert "0.50 (did not converge: the last value)" in details
    assert "did not converge" in legend
