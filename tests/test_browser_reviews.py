"""The Due for review list of the example in Chromium, at laptop and phone width and in
both palettes: overdue records stand out without colour, and dates stay on one line."""

from __future__ import annotations

import pytest

from test_browser import ARTEFACTS, browser, example_site, page  # noqa: F401  (fixtures)

pytestmark = pytest.mark.skipif(
    not __import__("test_browser").CHROMIUM.exists(), reason="needs Debian's chromium"
)


@pytest.mark.parametrize("width", [1280, 360])
def test_due_for_review_marks_the_overdue_record(
    example_site: str,  # noqa: F811
    page: object,  # noqa: F811
    width: int,
) -> None:
    page.set_viewport_size({"width": width, "height": 900})  # type: ignore[attr-defined]
    page.goto(example_site + "decisions/")  # type: ignore[attr-defined]
    for scheme in ("default", "slate"):
        page.evaluate(  # type: ignore[attr-defined]
            f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')"
        )
        rows = page.evaluate(  # type: ignore[attr-defined]
            """() => Array.from(
                 document.querySelectorAll('table.decisions-due tbody tr')).map(tr => {
                 const date = tr.querySelector('td.decisions-date');
                 const first = getComputedStyle(tr.querySelector('td'));
                 return {
                   text: tr.innerText,
                   overdue: tr.classList.contains('decisions-overdue'),
                   edge: first.borderLeftWidth,
                   dateLines: (() => {  // one box per line the date's text takes
                     const range = document.createRange();
                     range.selectNodeContents(date);
                     return new Set(Array.from(range.getClientRects(), r => r.top)).size;
                   })(),
                   visible: tr.getBoundingClientRect().height > 0,
                 };
               })"""
        )
        assert [row["text"].split()[0] for row in rows] == ["ADR-0002", "ADR-0006"], rows
        overdue, upcoming = rows
        # In words as well as in colour: the text says it, the edge marks the row.
        assert overdue["overdue"] and "overdue by 29 days" in overdue["text"]
        assert overdue["edge"] == "4px" and upcoming["edge"] != "4px"
        assert "due in 59 days" in upcoming["text"]
        assert all(row["visible"] and row["dateLines"] == 1 for row in rows), rows
    page.screenshot(path=str(ARTEFACTS / f"due-for-review-{width}.png"))  # type: ignore[attr-defined]
    assert page.outside == []  # type: ignore[attr-defined]
