"""The page at every size, in headless Chromium: first view, zoom to a claim, focus, fold.

Two maps: ``data/html/declaration.yaml`` (46 claims, 27 of them grievances supporting
one claim: a wide fan-out) and a generated map of 10^4 claims, which the page does not
draw whole.  Each test saves a screenshot under ``test-artifacts/`` to look at.  The
time the big page takes to open is logged, not asserted: speed is a benchmark
(``benchmarks/page.py``).  Needs /usr/bin/chromium and Graphviz.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import test_browser
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.render.html import DRAW_LIMIT, to_html, walk_order
from test_big_maps import _generator
from test_browser import CHROMIUM, ROOT, Page, opened

DATA = Path(__file__).parent / "data" / "html"
DECLARATION = DATA / "declaration.yaml"
ARTIFACTS = ROOT / "test-artifacts"
BIG = 10_000
GRIEVANCES = 27
log = logging.getLogger(__name__)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent"),
    pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' not installed"),
]

#: the browser of the page tests (a module-scoped fixture: this module gets its own)
browser = test_browser.browser

#: the rendered height in px of the tallest text line of a claim's box in the drawing
TEXT_HEIGHT = """id => Math.max(...Array.from(document.querySelectorAll(`g[id="${id}"] text`))
    .map(t => t.getBoundingClientRect().height))"""
#: whether the box of an element lies inside the map pane
IN_VIEW = """sel => { const b = document.querySelector(sel).getBoundingClientRect();
    const m = document.getElementById("map").getBoundingClientRect();
    return b.width > 0 && b.left >= m.left && b.right <= m.right
        && b.top >= m.top && b.bottom <= m.bottom; }"""


def _shot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    out = ARTIFACTS / name
    page.p.wait_for_timeout(450)  # let the zoom's animation end
    page.p.screenshot(path=str(out))
    assert out.stat().st_size > 10_000
    return out


def _settle(page: Page) -> None:
    page.p.wait_for_timeout(450)  # the zoom animates for 0.35 s


# --- 46 claims: the Declaration -------------------------------------------------------


@pytest.fixture(scope="module")
def declaration(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "declaration.html"
    path.write_text(to_html(read_map(DECLARATION)), encoding="utf-8")
    return path


@pytest.fixture
def decl(browser: Any, declaration: Path) -> Iterator[Page]:
    yield from opened(browser, declaration)


def test_the_map_has_the_shape_of_the_declaration() -> None:
    m = read_map(DECLARATION)
    assert len(m.claims) == 46
    G = to_networkx(m)
    assert G.in_degree("tyranny") == GRIEVANCES


def test_first_view_is_legible_and_shows_the_thesis(decl: Page) -> None:
    assert decl.p.evaluate(TEXT_HEIGHT, "independence") >= 10
    assert decl.p.evaluate(IN_VIEW, "g#independence")
    # not the whole map: at "Fit" its text would be too small to read
    scale = decl.p.evaluate("() => window.argmapPage.view.s")
    decl.p.click("#zoom-fit")
    assert decl.p.evaluate("() => window.argmapPage.view.s") < scale
    assert decl.p.evaluate(TEXT_HEIGHT, "independence") < 10
    _shot(decl, "page-46-fit.png")


def test_first_view_screenshot(decl: Page) -> None:
    _shot(decl, "page-46.png")


def test_wide_fan_out_stands_in_columns(decl: Page) -> None:
    """The 27 grievances are drawn right to left through unflatten: two columns, not a strip."""
    G = to_networkx(read_map(DECLARATION))
    grievances = [p for r in G.predecessors("tyranny") for p in G.predecessors(r)]
    assert len(grievances) == GRIEVANCES
    columns = decl.p.evaluate(
        """ids => new Set(ids.map(id => {
          const b = document.getElementById(id).getBBox(); return Math.round(b.x + b.width / 2);
        })).size""",
        grievances,
    )
    assert columns <= 2
    box = decl.p.evaluate(
        "() => { const v = document.querySelector('#viewport svg').viewBox.baseVal;"
        " return [v.width, v.height]; }"
    )
    assert box[0] < box[1]  # taller than wide: the fan-out reads like a list


@pytest.mark.parametrize(
    "how", ["map", "claim list", "search", "details link", "lesson step"], ids=str
)
def test_a_click_on_a_claim_brings_it_into_view(decl: Page, how: str) -> None:
    far = "insurrections"  # a grievance far from the thesis of the first view
    assert not decl.p.evaluate(IN_VIEW, f"g#{far}")
    if how == "map":
        decl.p.click("#zoom-fit")
        _settle(decl)
        decl.p.click(f"g#{far}", force=True)
    elif how == "claim list":
        decl.p.click("#tabs button[data-tab='claims']")
        decl.p.locator(f"#claim-list .list-row[data-id='{far}'] .list-claim").click()
    elif how == "search":
        decl.p.fill("#search", "insurrections")
        assert decl.text("#match-count") == "1 of 46 claims"
        decl.p.press("#search", "Enter")
    elif how == "details link":
        decl.p.evaluate("() => window.argmapPage.select('tyranny')")
        decl.p.click(f"#details button.claim-link[data-id='{far}']")
    else:
        decl.p.click("#lesson-toggle")
        decl.p.click("#next")
        decl.p.click("#next")
        decl.p.click(f"#caption button.claim-link[data-id='{far}']")
    _settle(decl)
    assert decl.text("#details h2") == "He stirred up insurrections among us."
    assert decl.p.evaluate(IN_VIEW, f"g#{far}")
    assert decl.p.evaluate(TEXT_HEIGHT, far) >= 10
    assert decl.ids("g.node.selected") == {far}


def test_focus_mode_draws_the_neighbourhood_large(decl: Page) -> None:
    decl.p.evaluate("() => window.argmapPage.select('tyranny')")
    decl.p.click("#zoom-focus")
    assert decl.p.is_visible("#focus")
    assert not decl.p.is_visible("g#tyranny")  # the whole drawing is put away
    main = decl.p.eval_on_selector("#focus .focus-card.main", "e => e.dataset.id")
    assert main == "tyranny"
    below = decl.p.eval_on_selector_all(
        "#focus .focus-row.below .focus-card", "els => els.map(e => e.dataset.id)"
    )
    assert len(below) == GRIEVANCES
    above = decl.p.eval_on_selector_all(
        "#focus .focus-row.above .focus-card", "els => els.map(e => e.dataset.id)"
    )
    assert sorted(above) == ["independence", "unfit"]
    height = "sel => document.querySelector(sel).getBoundingClientRect().height"
    assert decl.p.evaluate(height, "#focus .focus-card.main .card-text") >= 20
    assert decl.p.evaluate(height, "#focus .focus-row.below .card-text") >= 15
    _shot(decl, "page-46-focus.png")
    # a neighbour is one click away: it becomes the focus, with its own neighbours
    decl.p.click("#focus .focus-card[data-id='independence']")
    assert decl.p.eval_on_selector("#focus .focus-card.main", "e => e.dataset.id") == (
        "independence"
    )
    assert decl.text("#details h2") == "The united colonies are free and independent states."
    against = decl.p.eval_on_selector_all(
        "#focus .focus-card[data-kind='opposition']", "els => els.map(e => e.dataset.id)"
    )
    assert against == ["obedience"]
    assert (
        decl.p.eval_on_selector(
            "#focus .focus-card[data-id='tyranny'] .card-more", "e => e.textContent"
        )
        == "+27"
    )
    decl.p.click("#zoom-focus")  # back to the whole map, at the selected claim
    assert not decl.p.is_visible("#focus")
    _settle(decl)
    assert decl.p.evaluate(IN_VIEW, "g#independence")
    decl.p.click("#zoom-focus")
    decl.p.keyboard.press("Escape")
    assert not decl.p.is_visible("#focus")


def test_fold_hides_what_rests_on_a_claim(decl: Page) -> None:
    decl.p.evaluate("() => window.argmapPage.select('tyranny')")
    assert decl.ids("g.node.claim.folded") == set()
    decl.p.click("#details button.fold")
    folded = decl.ids("g.node.claim.folded")
    assert len(folded) == GRIEVANCES
    assert "tyranny" not in folded
    visible = (
        "sel => Array.from(document.querySelectorAll(sel))"
        ".filter(e => getComputedStyle(e).display !== 'none').length"
    )
    assert decl.p.evaluate(visible, "g.node.claim") == 46 - GRIEVANCES
    # their arrows go too; tyranny's own arrows to the thesis and to "unfit" stay
    assert (
        decl.p.evaluate(visible, "g.edge")
        == decl.p.evaluate("() => document.querySelectorAll('g.edge').length") - GRIEVANCES
    )
    assert decl.p.eval_on_selector("g#tyranny .fold-badge text", "e => e.textContent") == "+27"
    assert decl.text("#details button.fold") == "Unfold +27"
    decl.p.click("#tabs button[data-tab='claims']")
    assert (
        decl.p.eval_on_selector(
            "#claim-list .list-row[data-id='tyranny'] .fold-count", "e => e.textContent"
        )
        == "+27"
    )
    assert decl.p.query_selector("#claim-list .list-row[data-id='assent']") is None
    _shot(decl, "page-46-folded.png")
    decl.p.click("g#tyranny .fold-badge", force=True)  # the badge unfolds
    assert decl.ids("g.node.claim.folded") == set()
    assert decl.p.query_selector("g.fold-badge") is None
    # the list folds too; selecting a claim inside a fold opens it
    decl.p.click("#claim-list .list-row[data-id='tyranny'] .fold-toggle")
    assert len(decl.ids("g.node.claim.folded")) == GRIEVANCES
    decl.p.evaluate("() => window.argmapPage.select('assent')")
    assert decl.ids("g.node.claim.folded") == set()


def test_walk_claim_by_claim(decl: Page) -> None:
    order = [c for c, _depth in walk_order(to_networkx(read_map(DECLARATION)))]
    decl.p.evaluate("() => window.argmapPage.select('independence')")
    decl.p.click("#details button.walk-next")
    assert decl.ids("g.node.selected") == {order[1]}
    decl.p.keyboard.press("n")
    decl.p.keyboard.press("n")
    assert decl.ids("g.node.selected") == {order[3]}
    decl.p.keyboard.press("p")
    assert decl.ids("g.node.selected") == {order[2]}
    assert decl.text("#details .walk-pos") == "claim 3 of 46"


def test_demo_map_screenshot(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "demo.html"
    path.write_text(to_html(read_map(ROOT / "claims.yaml")), encoding="utf-8")
    pg = Page(browser, path)
    thesis = read_map(ROOT / "claims.yaml").thesis
    assert pg.p.evaluate(TEXT_HEIGHT, thesis) >= 10
    _shot(pg, "page-demo.png")
    pg.p.evaluate(f"() => window.argmapPage.select({thesis!r})")
    pg.p.click("#zoom-focus")
    _shot(pg, "page-demo-focus.png")
    assert pg.errors == []
    pg.p.close()


# --- 10^4 claims: no whole drawing; focus, search, list and walk ----------------------


@pytest.fixture(scope="module")
def big_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(_generator().write(BIG, 1, tmp_path_factory.mktemp("big")))


@pytest.fixture(scope="module")
def big_page(big_map: Path) -> Path:
    path = big_map.parent / "big.html"
    path.write_text(to_html(read_map(big_map)), encoding="utf-8")
    return path


@pytest.fixture
def big(browser: Any, big_page: Path) -> Iterator[Page]:
    start = time.perf_counter()
    pg = Page(browser, big_page)
    pg.p.wait_for_selector("#focus .focus-card.main")
    log.warning("the page of %d claims opened in %.2f s", BIG, time.perf_counter() - start)
    yield pg
    assert pg.errors == []
    assert pg.dialogs == []
    pg.p.close()


def test_big_page_says_it_draws_the_neighbourhood(big: Page) -> None:
    assert BIG > DRAW_LIMIT
    assert big.p.query_selector("#viewport svg") is None
    note = big.text("#big-note")
    assert note.startswith(f"This map has {BIG} claims, too many to draw whole")
    assert big.p.eval_on_selector("#focus .focus-card.main", "e => e.dataset.id") == "c0"
    text = "sel => document.querySelector(sel).getBoundingClientRect().height"
    assert big.p.evaluate(text, "#focus .focus-card.main .card-text") >= 10
    assert big.p.evaluate(IN_VIEW, "#focus .focus-card.main")
    assert big.text("#tab-count") == f"({BIG})"
    _shot(big, "page-10k.png")


def test_big_page_search(big: Page, big_map: Path) -> None:
    m = read_map(big_map)
    word = "harbour"
    hits = [c.id for c in m.claims if word in f"{c.text}\n{c.quote}\n{c.id}".lower()]
    big.p.fill("#search", word.upper())
    assert big.text("#match-count") == f"{len(hits)} of {BIG} claims"
    shown = big.p.eval_on_selector_all("#claim-list .list-row", "els => els.map(e => e.dataset.id)")
    order = {c: i for i, (c, _d) in enumerate(walk_order(to_networkx(m)))}
    first = min(hits, key=order.__getitem__)
    assert shown[0] == first
    assert set(shown) <= set(hits)
    big.p.press("#search", "Enter")
    assert big.text("#details h2") == m.claim(first).text
    assert big.p.eval_on_selector("#focus .focus-card.main", "e => e.dataset.id") == first
    _shot(big, "page-10k-search.png")


def test_big_page_claim_list_and_walk(big: Page, big_map: Path) -> None:
    m = read_map(big_map)
    order = [c for c, _d in walk_order(to_networkx(m))]
    big.p.click("#claim-list .list-row:nth-child(3) .list-claim")
    assert big.text("#details h2") == m.claim(order[2]).text
    big.p.click("#details button.walk-next")
    assert big.p.eval_on_selector("#focus .focus-card.main", "e => e.dataset.id") == order[3]
    # the end of the list is drawn when scrolled to
    big.p.evaluate(
        "() => { const l = document.getElementById('claim-list');"
        " l.scrollTop = l.scrollHeight; l.dispatchEvent(new Event('scroll')); }"
    )
    last = order[-1]
    big.p.click(f"#claim-list .list-row[data-id='{last}'] .list-claim")
    assert big.text("#details h2") == m.claim(last).text
    assert big.text("#details .walk-pos") == f"claim {BIG} of {BIG}"
    # and through the neighbours: a supporter of the thesis becomes the focus
    big.p.evaluate("() => window.argmapPage.select('c0')")
    child = big.p.eval_on_selector("#focus .focus-row.below .focus-card", "e => e.dataset.id")
    big.p.click(f"#focus .focus-card[data-id='{child}']")
    assert big.p.eval_on_selector("#focus .focus-card.main", "e => e.dataset.id") == child
    # the path from the thesis leads back
    assert big.p.eval_on_selector_all(
        "#focus .focus-path .path-step", "els => els.map(e => e.dataset.id)"
    ) == ["c0"]
    big.p.click("#focus .focus-path .path-step[data-id='c0']")
    assert big.p.eval_on_selector("#focus .focus-card.main", "e => e.dataset.id") == "c0"
    # folding a subtree in the list shortens it by what rests on the claim
    height = "() => document.getElementById('claim-list-inner').offsetHeight"
    before = big.p.evaluate(height)
    big.p.evaluate("() => { document.getElementById('claim-list').scrollTop = 0; }")
    big.p.evaluate("() => window.argmapPage.setFold('c0', true)")
    assert big.p.evaluate(height) == 28
    assert before == 28 * BIG
