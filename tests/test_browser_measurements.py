"""The trend pictures of measured objectives in a real browser: drawn from the page alone
(nothing from the network), named for screen readers, and readable in both palettes.
Uses the example site, Chromium and Playwright set up in test_browser.py."""

from __future__ import annotations

import re

import pytest

import test_browser
from test_browser import ARTEFACTS, CHROMIUM

# The example site, the browser and its guarded page, shared with test_browser.py.
browser = test_browser.browser
example_site = test_browser.example_site
page = test_browser.page

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")

PROJECT_PAGE = "projects/demand-forecasting/"

# Each trend's points, the target line, and the colours as drawn, read in the page.
TRENDS = """() => Array.from(document.querySelectorAll('svg.decisions-trend')).map(svg => {
  const box = svg.getBoundingClientRect();
  const row = svg.closest('tr');
  const points = Array.from(svg.querySelectorAll('circle')).map(c => {
    const s = getComputedStyle(c);
    return {x: c.cx.baseVal.value, y: c.cy.baseVal.value, fill: s.fill, stroke: s.stroke,
            missed: c.classList.contains('decisions-trend-missed'),
            label: c.querySelector('title').textContent};
  });
  const target = svg.querySelector('line.decisions-trend-target');
  const band = svg.querySelector('rect.decisions-trend-band');
  const line = svg.querySelector('polyline');
  return {row: row ? row.id : '', width: box.width, height: box.height,
          role: svg.getAttribute('role'),
          title: document.getElementById(svg.getAttribute('aria-labelledby')).textContent,
          viewBox: svg.viewBox.baseVal.width, viewHeight: svg.viewBox.baseVal.height,
          points, target: target ? target.y1.baseVal.value : null,
          targetStroke: target ? getComputedStyle(target).stroke : '',
          band: band ? [band.y.baseVal.value, band.height.baseVal.value] : null,
          lineStroke: line ? getComputedStyle(line).stroke : ''};
})"""

# WCAG contrast ratio of two CSS colours (rgb/rgba strings), as the badge test computes it.
CONTRAST = """([a, b]) => {
  const rgb = c => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [l1, l2] = [lum(rgb(a)), lum(rgb(b))];
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}"""


# The example has no palette toggle, so Material's slate colours are not in its CSS: the
# scheme is set as Material's toggle sets it, with slate's colours (Material 9, hue 232).
SCHEME = """scheme => {
  document.body.setAttribute('data-md-color-scheme', scheme);
  const slate = {'--md-default-bg-color': 'hsl(232, 15%, 14%)',
                 '--md-default-fg-color': 'hsl(232, 15%, 90%)',
                 '--md-typeset-color': 'hsl(232, 15%, 90%)'};
  for (const [name, value] of Object.entries(slate)) {
    if (scheme === 'slate') document.body.style.setProperty(name, value);
    else document.body.style.removeProperty(name);
  }
}"""


def test_trends_are_drawn_with_the_target_and_named(example_site: str, page: object) -> None:
    page.goto(example_site + PROJECT_PAGE)  # type: ignore[attr-defined]
    trends = {t["row"]: t for t in page.evaluate(TRENDS)}  # type: ignore[attr-defined]
    assert set(trends) == {"objective-req-1", "objective-req-2", "objective-qa-1"}
    for trend in trends.values():
        assert trend["role"] == "img" and trend["width"] > 100 and trend["height"] > 20
        assert trend["target"] is not None and trend["band"] is not None
        for point in trend["points"]:
            assert 0 <= point["x"] <= trend["viewBox"] and 0 <= point["y"] <= trend["viewHeight"]
    req1 = trends["objective-req-1"]
    assert req1["title"].startswith("Trend of REQ-1: 6 measurements from 2026-06-28")
    assert req1["title"].endswith("latest 11.4 units on 2026-10-25: met")
    # July's 12.4 units missed the target: drawn hollow, above the target line.
    (missed,) = [p for p in req1["points"] if p["missed"]]
    assert missed["label"] == "2026-07-12: 12.4 units, not met"
    assert missed["fill"] == "none" and missed["y"] < req1["target"]
    assert all(p["y"] > req1["target"] for p in req1["points"] if not p["missed"])
    qa1 = trends["objective-qa-1"]
    assert "latest 26 minutes on 2026-10-31: met" in qa1["title"]
    assert len(qa1["points"]) == 5 and not any(p["missed"] for p in qa1["points"])
    # Screen readers find each picture by its summary.
    named = page.get_by_role("img", name=re.compile(r"^Trend of REQ-2: "))  # type: ignore[attr-defined]
    assert named.count() == 1
    row = page.locator("#objective-req-1")  # type: ignore[attr-defined]
    assert "✓ met" in row.inner_text() and "2026-10-25" in row.inner_text()
    assert page.outside == []  # type: ignore[attr-defined]


def test_trends_read_in_both_palettes(example_site: str, page: object) -> None:
    page.goto(example_site + PROJECT_PAGE)  # type: ignore[attr-defined]
    ARTEFACTS.mkdir(exist_ok=True)
    for scheme in ("default", "slate"):
        page.evaluate(SCHEME, scheme)  # type: ignore[attr-defined]
        page.wait_for_timeout(500)  # type: ignore[attr-defined]  # Material fades colours in
        background = page.evaluate(  # type: ignore[attr-defined]
            "() => getComputedStyle(document.body).backgroundColor"
        )
        trends = page.evaluate(TRENDS)  # type: ignore[attr-defined]
        for trend in trends:
            # The line and the target follow the text colour; the points their state's.
            for colour in (trend["lineStroke"], trend["targetStroke"]):
                assert page.evaluate(CONTRAST, [colour, background]) >= 3, (scheme, colour)  # type: ignore[attr-defined]
            for point in trend["points"]:
                colour = point["stroke"] if point["missed"] else point["fill"]
                ratio = page.evaluate(CONTRAST, [colour, background])  # type: ignore[attr-defined]
                assert ratio >= 3, (scheme, trend["row"], point["label"], ratio)
        met = {p["fill"] for t in trends for p in t["points"] if not p["missed"]}
        missed = {p["stroke"] for t in trends for p in t["points"] if p["missed"]}
        assert len(met) == 1 and len(missed) == 1 and met != missed
        page.locator("#project-requirements + table").screenshot(  # type: ignore[attr-defined]
            path=str(ARTEFACTS / f"trends-{scheme}.png")
        )
    assert page.outside == []  # type: ignore[attr-defined]


def test_projects_index_counts_targets_in_the_browser(example_site: str, page: object) -> None:
    page.goto(example_site + "projects/")  # type: ignore[attr-defined]
    headers = page.locator("table.decisions-index th").all_inner_texts()  # type: ignore[attr-defined]
    assert headers[5:8] == ["Targets met", "Not met", "No data"]
    row = page.locator("table.decisions-index tr", has_text="demand forecasting")  # type: ignore[attr-defined]
    cells = row.first.locator("td").all_inner_texts()
    # REQ-1, REQ-2 and QA-1 measured and met; REQ-3 and QA-2 to QA-5 without data.
    assert cells[5:8] == ["3", "0", "5"]
