"""The trade-off matrix in a real browser (Debian's Chromium, every address but 127.0.0.1
blocked, as in test_browser.py): at desktop and phone width, in Material's default and
slate palettes, readable without colour, scrolling sideways instead of squashing."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator

import pytest
import yaml

from test_browser import ARTEFACTS, CHROMIUM, EXAMPLE, browser, page

from conftest import Project

__all__ = ["browser", "page"]  # fixtures of test_browser.py, used here by name

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")

RECORD = "adr/0006-daily-batch-scoring-on-the-ml-platform/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SCHEMES = ("default", "slate")
# Contrast of a text and its background, as WCAG computes it: the nearest opaque
# background of the element's ancestors, with the translucent ones above it laid over.
CONTRAST = """(element) => {
  const parse = c => {
    const v = c.match(/[\\d.]+/g).map(Number);
    return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1];
  };
  const layers = [];
  for (let e = element; e; e = e.parentElement) {
    const bg = parse(getComputedStyle(e).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] >= 1) break;
  }
  const opaque = layers.length && layers[layers.length - 1][3] >= 1;
  let [r, g, b] = opaque ? layers.pop() : [255, 255, 255];
  for (const [lr, lg, lb, a] of layers.reverse()) {
    r = lr * a + r * (1 - a); g = lg * a + g * (1 - a); b = lb * a + b * (1 - a);
  }
  const lum = ([x, y, z]) => [x, y, z].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const fg = parse(getComputedStyle(element).color);
  const [l1, l2] = [lum(fg), lum([r, g, b])];
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}"""


@pytest.fixture(scope="module")
def palette_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example built with Material and both of its palettes (a light and a dark one
    the reader can switch between), served on 127.0.0.1; yields its base URL."""
    root = tmp_path_factory.mktemp("matrix") / "example"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("site", "site-*"))
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["palette"] = [
        {"scheme": "default", "toggle": {"icon": "material/brightness-7", "name": "Dark"}},
        {"scheme": "slate", "toggle": {"icon": "material/brightness-4", "name": "Light"}},
    ]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = Project(root).build("--strict")
    assert result.returncode == 0, result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "site"))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def open_record(page: object, site: str, viewport: dict[str, int], scheme: str) -> None:
    page.set_viewport_size(viewport)  # type: ignore[attr-defined]
    page.goto(site + RECORD)  # type: ignore[attr-defined]
    page.evaluate(  # type: ignore[attr-defined]
        f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')"
    )
    page.locator("#decisions-tradeoffs").scroll_into_view_if_needed()  # type: ignore[attr-defined]


def contrasts(page: object, selector: str) -> list[float]:
    return page.evaluate(  # type: ignore[attr-defined, no-any-return]
        f"() => Array.from(document.querySelectorAll('{selector}')).map({CONTRAST})"
    )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_matrix_at_desktop_width(palette_site: str, page: object, scheme: str) -> None:
    open_record(page, palette_site, DESKTOP, scheme)
    background = page.evaluate(  # type: ignore[attr-defined]
        "() => getComputedStyle(document.body).backgroundColor"
    )
    assert (background == "rgb(255, 255, 255)") == (scheme == "default"), background
    table = page.locator("table.decisions-matrix-table")  # type: ignore[attr-defined]
    assert table.is_visible()
    heads = table.locator("thead th").all_inner_texts()
    assert heads[0] == "Decision driver"
    assert heads[1].split() == [
        *["Daily", "batch", "job", "on", "the", "ML", "platform"],
        "✓",
        "chosen",
    ]
    rows = table.locator("tbody th").all_inner_texts()
    assert rows[:4] == [
        "Timeliness: forecasts in OrderLink within 60 minutes of 08:00 at the 95th percentile "
        "(QA-1), leaving store managers time to review before 09:00.",
        "Availability: model forecasts on at least 99.5 % of trading days, and a safe fallback "
        "on the others (QA-2); STD-ETH-001 asks for a switch back to a simple rule within 15 "
        "minutes.",
        "Traceability: every forecast traceable to its model version and feature snapshot (QA-3).",
        "Cost: running cost within CON-3.",
    ]
    # Every text of the matrix reads in this palette: arguments, their kinds, the labels.
    for selector in (
        ".decisions-argument-kind",
        ".decisions-argument",
        ".decisions-matrix-table th",
        ".decisions-matrix-mark",
    ):
        ratios = contrasts(page, selector)
        assert ratios and min(ratios) >= 4.5, (scheme, selector, min(ratios))
    # On a desktop the whole table fits: nothing to scroll.
    frame = page.locator(".decisions-matrix")  # type: ignore[attr-defined]
    assert frame.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    ARTEFACTS.mkdir(exist_ok=True)
    frame.screenshot(path=str(ARTEFACTS / f"matrix-desktop-{scheme}.png"))
    assert page.outside == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_matrix_on_a_phone_scrolls_instead_of_squashing(
    palette_site: str, page: object, scheme: str
) -> None:
    open_record(page, palette_site, PHONE, scheme)
    frame = page.locator(".decisions-matrix")  # type: ignore[attr-defined]
    # The frame scrolls, inside the screen: the matrix does not widen the page.
    assert frame.evaluate("e => e.scrollWidth > e.clientWidth + 100")
    box = frame.evaluate("e => [e.getBoundingClientRect().left, e.getBoundingClientRect().right]")
    assert box[0] >= 0 and box[1] <= PHONE["width"], box
    # No column is squashed: each is at least about ten letters wide.
    widths = page.evaluate(  # type: ignore[attr-defined]
        """() => Array.from(document.querySelectorAll('.decisions-matrix-table td')).map(td =>
             td.getBoundingClientRect().width / parseFloat(getComputedStyle(td).fontSize))"""
    )
    assert min(widths) >= 9.5, min(widths)
    # The drivers stay in view while the options scroll past them.
    driver = page.locator(".decisions-matrix-table tbody th").first  # type: ignore[attr-defined]
    before = driver.evaluate("e => e.getBoundingClientRect().left")
    frame.focus()  # the frame is focusable, so the keyboard scrolls it too
    for _ in range(8):
        frame.press("ArrowRight")
    assert frame.evaluate("e => e.scrollLeft") > 0
    after = driver.evaluate("e => e.getBoundingClientRect().left")
    assert abs(after - before) <= 1.5 and abs(after - box[0]) <= 1.5, (before, after, box)
    ratios = contrasts(page, ".decisions-argument-kind")
    assert min(ratios) >= 4.5, (scheme, min(ratios))
    # scrolled: the options move under the drivers
    page.screenshot(path=str(ARTEFACTS / f"matrix-phone-{scheme}.png"))  # type: ignore[attr-defined]
    assert page.outside == []  # type: ignore[attr-defined]


def test_the_matrix_reads_without_colour(palette_site: str, page: object) -> None:
    """In forced colours (Windows high contrast) or in grey, what colour says is also in
    words and signs: each argument's kind, the chosen option, the empty cells."""
    page.emulate_media(forced_colors="active")  # type: ignore[attr-defined]
    open_record(page, palette_site, DESKTOP, "default")
    kinds = page.locator(".decisions-argument-kind").all_inner_texts()  # type: ignore[attr-defined]
    assert set(kinds) == {"+ good:", "\u2212 bad:"}
    assert page.locator("thead th.decisions-matrix-chosen").inner_text().endswith("chosen")  # type: ignore[attr-defined]
    texts = page.evaluate(  # type: ignore[attr-defined]
        "() => Array.from(document.querySelectorAll('.decisions-matrix-table td'))"
        ".map(td => td.textContent.trim())"
    )
    assert all(text for text in texts)  # an empty cell says "no argument"
    assert "no argument" in texts[-1] or any("no argument" in text for text in texts)
    page.goto(palette_site + "adr/0001-rolling-eight-week-backtest/")  # type: ignore[attr-defined]
    neutral = page.locator(".decisions-argument-neutral .decisions-argument-kind")  # type: ignore[attr-defined]
    assert neutral.first.inner_text() == "\u25cb neutral:"
    assert page.outside == []  # type: ignore[attr-defined]
