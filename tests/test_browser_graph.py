"""The decision graph in a real browser, in both Material palettes: what a reader sees
is each node filled with its status colour, on a backdrop that is the page's own.

The example built with Material's light (default) and dark (slate) palettes and a
toggle; each picture is photographed inside the page and its pixels are read back
through a canvas, so the test sees the colours as drawn, not as the CSS says."""

from __future__ import annotations

import base64
import re
import shutil
from collections.abc import Iterator

import pytest

from mkdocs_decisions.site.graph import NODE_HEIGHT, OTHER_FILL, STATUS_FILLS
from test_browser import ARTEFACTS, EXAMPLE, browser, page, pytestmark, served  # noqa: F401

from conftest import Project

PALETTES = """\
  palette:
    - scheme: default
      toggle: {icon: material/brightness-4, name: Dark palette}
    - scheme: slate
      toggle: {icon: material/brightness-7, name: Light palette}
"""
FILLS = {status: fill for fill, statuses in STATUS_FILLS for status in statuses}
WHITE = (255, 255, 255)

# Node centres, classes and ids of one picture, read from the SVG inside <object>.
NODES_JS = """() => Array.from(document.querySelectorAll('figure.decisions-graph object'))
  .map(o => Array.from(o.contentDocument.querySelectorAll('g[transform]')).map(g => {
    const [x, y] = g.getAttribute('transform').match(/[\\d.]+/g).map(Number);
    const node = g.querySelector('.n');
    const text = getComputedStyle(node.querySelector('text')).fill;
    return {x, y, id: node.dataset.id, status: node.getAttribute('class'), text};
  }))"""
# The colours of the given points of a PNG (base64), read by drawing it on a canvas.
PIXELS_JS = """async ([png, points]) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + png;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width; canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return points.map(([x, y]) => Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3)));
}"""


@pytest.fixture(scope="module")
def palette_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example with both palettes, built with Material, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("palettes") / "example"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("site"))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  font: false" in text
    config.write_text(re.sub(r"(\n  font: false[^\n]*\n)", r"\1" + PALETTES, text, count=1))
    result = Project(root).build("--strict")
    assert result.returncode == 0, result.stderr
    with served(root / "site") as url:
        yield url


def rgb(colour: str) -> tuple[int, int, int]:
    if colour.startswith("#"):
        return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))
    red, green, blue = (int(float(n)) for n in re.findall(r"[\d.]+", colour)[:3])
    return (red, green, blue)


def contrast(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    def luminance(colour: tuple[int, int, int]) -> float:
        channels = [value / 255 for value in colour]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def close(first: tuple[int, int, int], second: tuple[int, int, int]) -> bool:
    return max(abs(a - b) for a, b in zip(first, second, strict=True)) <= 6


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_nodes_are_coloured_by_status_in_both_palettes(
    palette_site: str,
    page: object,  # noqa: F811 (the fixture of test_browser.py)
    scheme: str,
) -> None:
    page.set_viewport_size({"width": 1600, "height": 1000})  # type: ignore[attr-defined]
    page.goto(palette_site + "decisions/graph/")  # type: ignore[attr-defined]
    page.evaluate(  # type: ignore[attr-defined]
        f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')"
    )
    # Show each picture whole (the figure scrolls a wide one) so every node is on screen.
    page.evaluate(  # type: ignore[attr-defined]
        "() => document.querySelectorAll('figure.decisions-graph')"
        ".forEach(f => { f.style.overflow = 'visible'; f.style.maxWidth = 'none'; })"
    )
    background = rgb(
        page.evaluate("() => getComputedStyle(document.body).backgroundColor")  # type: ignore[attr-defined]
    )
    assert (background == WHITE) == (scheme == "default"), background  # the palette took
    pictures = page.evaluate(NODES_JS)  # type: ignore[attr-defined]
    assert [len(nodes) for nodes in pictures] == [19, 6]
    objects = page.locator("figure.decisions-graph object")  # type: ignore[attr-defined]
    seen_fills = set()
    for index, nodes in enumerate(pictures):
        shot = objects.nth(index).screenshot()
        # Inside each node, below its words; and the picture's empty top left corner.
        points = [[round(n["x"]), round(n["y"] + NODE_HEIGHT / 2 - 3)] for n in nodes]
        colours = page.evaluate(  # type: ignore[attr-defined]
            PIXELS_JS, [base64.b64encode(shot).decode(), [[3, 3], *points]]
        )
        corner, drawn = tuple(colours[0]), colours[1:]
        assert close(corner, background), (scheme, corner, background)  # no white box
        for node, colour in zip(nodes, drawn, strict=True):
            status = node["status"].split(" s-", 1)[1]
            fill = rgb(FILLS.get(status, OTHER_FILL))
            assert close(tuple(colour), fill), (scheme, node["id"], status, colour, fill)
            assert contrast(fill, background) >= 3, (scheme, node["id"])
            assert rgb(node["text"]) == WHITE and contrast(WHITE, fill) >= 4.5, node["id"]
            seen_fills.add(fill)
    assert len(seen_fills) >= 4  # accepted, proposed, rejected, superseded at least
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"graph-{scheme}.png"), full_page=True)  # type: ignore[attr-defined]
    assert page.outside == []  # type: ignore[attr-defined]
