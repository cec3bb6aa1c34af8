"""The decision graph: SVG pictures built with the site, clustered, layered, escaped,
linked."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

from mkdocs_decisions.cli.project import load_project
from mkdocs_decisions.site.graph import (
    EDGE_STYLES,
    OTHER_FILL,
    OUTLINE,
    STATUS_FILLS,
    Graph,
    clusters,
)
from mkdocs_decisions.site.layout import Link, Point, layered_layout
from mkdocs_decisions.site.pages import SiteRenderer

from conftest import ROOT, TRACED_FRONT, Project, adr, standard, traced

EXAMPLE = ROOT / "examples" / "demand-forecasting"
NODE = re.compile(
    r'<g transform="translate\(([\d.]+) ([\d.]+)\)"(?: class="c")?>(?:<a href="([^"]*)" '
    r'target="_top">)?<g class="n k-([\w-]+) s-([\w-]+)" data-id="([^"]+)">'
)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The example, built once for the tests that only read its pages."""
    root = tmp_path_factory.mktemp("graph") / "example"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("site"))
    built = Project(root)
    result = built.build("--strict")
    assert result.returncode == 0, result.stderr[-2000:]
    yield built


def pictures(project: Project, page: str) -> dict[str, tuple[Path, str]]:
    """Each picture a page shows through <object>: its heading id (or "near"), the SVG
    file and its text."""
    html = project.content(page)
    folder = (project.root / "site" / page).parent
    found = {}
    for heading, src in re.findall(
        r'(?:<h2 id="([^"]+)">[^<]*</h2>\s*)?<figure class="decisions-graph[^"]*" '
        r'data-search-exclude>\s*<object type="image/svg\+xml" data="([^"]+)"',
        html,
    ):
        path = (folder / src).resolve()
        found[heading or "near"] = (path, path.read_text(encoding="utf-8"))
    return found


def node_ids(svg: str) -> list[str]:
    return re.findall(r'data-id="([^"]+)"', svg)


def placed(svg: str) -> dict[str, tuple[float, float, str, str, str]]:
    """Each node of a picture: its centre, link, kind and status class."""
    return {
        node_id: (float(x), float(y), href, kind, status)
        for x, y, href, kind, status, node_id in NODE.findall(svg)
    }


def test_the_example_graph_has_one_picture_per_project(example: Project) -> None:
    project = example
    found = pictures(project, "decisions/graph/index.html")
    assert list(found) == ["graph-project-demand-forecasting", "graph-project-promotion-uplift"]
    _, svg = found["graph-project-demand-forecasting"]
    nodes = node_ids(svg)
    # The project, its 12 decisions (ADR-0010 is the other project's) and 6 standards.
    assert nodes[0] == "demand-forecasting" and len(nodes) == len(set(nodes)) == 1 + 12 + 6
    assert f'data-nodes="{len(nodes)}"' in svg
    assert 'class="e-deviates"' in svg  # ADR-0007
    assert "<title>ADR-0006 supersedes ADR-0003</title>" in svg
    # Links inside an SVG open pages, relative to the SVG file.
    path, _ = found["graph-project-demand-forecasting"]
    for href in re.findall(r'<a href="([^"]+)" target="_top">', svg):
        assert (path.parent / href / "index.html").resolve().exists(), href

    record = "adr/0006-daily-batch-scoring-on-the-ml-platform/index.html"
    near_path, near = pictures(project, record)["decisions-neighbourhood"]
    ids = node_ids(near)
    assert ids[0] == "ADR-0006" and "ADR-0003" in ids and "demand-forecasting" in ids
    for href in re.findall(r'<a href="([^"]+)" target="_top">', near):
        assert (near_path.parent / href / "index.html").resolve().exists(), href
    assert 'href="#decisions-neighbourhood"' in project.html(record)
    # Projects and standards are drawn on the graph page, not around themselves.
    assert not pictures(project, "projects/demand-forecasting/index.html")


def test_a_record_without_links_has_no_neighbourhood(project: Project) -> None:
    project.write("adr/0001-a.md", adr("Alone </title><script>x</script>"))
    project.configure()
    assert project.build("--strict").returncode == 0
    assert "decisions-neighbourhood" not in project.content("adr/0001-a/index.html")
    found = pictures(project, "decisions/graph/index.html")
    _, svg = found["graph-unconnected"]
    assert node_ids(svg) == ["ADR-0001"]
    assert "<script>x" not in svg and "&lt;/title&gt;&lt;script&gt;x" in svg


def test_hundreds_of_records_are_clustered(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generate_corpus.py"),
            "320",
            str(corpus),
            "--no-git",
        ],
        check=True,
        capture_output=True,
    )
    project = Project(corpus)
    result = project.build("-f", "mkdocs-plugin-nohistory.yml", "-d", "site")
    assert result.returncode == 0, result.stderr[-2000:]
    found = pictures(project, "decisions/graph/index.html")
    sizes = {key: len(node_ids(svg)) for key, (_, svg) in found.items()}
    assert sum(sizes.values()) >= 320  # every record appears
    # No picture holds the whole corpus: one per project (3 here), then linked groups.
    assert max(sizes.values()) < 200
    assert sum(1 for key in sizes if key.startswith("graph-project-")) == 3


def test_neighbourhoods_can_be_switched_off(project: Project) -> None:
    project.write("adr/0001-a.md", adr())
    project.write("adr/0002-b.md", adr(front="title: B\nstatus: proposed\nrelated: [ADR-0001]"))
    project.configure(plugin_options={"neighbourhoods": False})
    assert project.build("--strict").returncode == 0
    assert "decisions-neighbourhood" not in project.content("adr/0002-b/index.html")
    pictures_made = sorted(
        p.name for p in (project.root / "site/assets/decisions/graphs").iterdir()
    )
    assert pictures_made and not any(name.startswith("adr-0002-b-md") for name in pictures_made)
    assert "graph-group-1" in project.content("decisions/graph/index.html")


def test_the_example_is_layered_along_its_edges(example: Project) -> None:
    """Projects on top, then decisions (the superseded above its successor, an RFC above
    the decisions it led to), then standards; shapes and fills by kind and status."""
    _, svg = pictures(example, "decisions/graph/index.html")["graph-project-demand-forecasting"]
    ElementTree.fromstring(svg)  # well-formed XML
    nodes = placed(svg)
    y = {node_id: values[1] for node_id, values in nodes.items()}
    kinds = {node_id: values[3] for node_id, values in nodes.items()}
    decisions = [node_id for node_id, kind in kinds.items() if kind in ("adr", "rfc")]
    standards = [node_id for node_id, kind in kinds.items() if kind == "standard"]
    assert len(decisions) == 12 and len(standards) == 6
    assert y["demand-forecasting"] < min(y[d] for d in decisions)
    assert max(y[d] for d in decisions) < min(y[s] for s in standards)
    assert y["ADR-0003"] < y["ADR-0006"]  # ADR-0006 supersedes ADR-0003
    assert y["RFC-0001"] < y["ADR-0004"]  # RFC-0001 led to ADR-0004
    # Every node is filled by its status (the style inside the picture says how)...
    assert nodes["ADR-0003"][4] == "superseded" and nodes["ADR-0005"][4] == "rejected"
    for fill, statuses in STATUS_FILLS:
        assert f".s-{statuses[-1]}{{fill:{fill}}}" in svg
    assert f".n{{fill:{OTHER_FILL}}}" in svg
    assert '<text class="w" y="11">superseded</text>' in svg  # ...and names it in words
    # ...and shaped by its kind.
    shapes = dict(
        re.findall(r'class="n k-(\w+)[^"]*" data-id="[^"]+"><title>[^<]*</title><(\w+)', svg)
    )
    assert shapes == {"project": "ellipse", "adr": "rect", "rfc": "rect", "standard": "polygon"}
    assert re.search(r'k-rfc[^>]*><title>[^<]*</title><rect [^>]*rx="18.0"', svg)
    assert not re.search(r"k-adr[^>]*><title>[^<]*</title><rect [^>]*rx=", svg)
    # Edges are drawn through the layers, with arrows where the direction matters.
    assert 'marker-end="url(#m-supersedes)"' in svg and 'marker-end="url(#m-decisions)"' in svg
    # The legend on the page uses the same colours.
    page = example.content("decisions/graph/index.html")
    for fill, _ in STATUS_FILLS:
        assert f'fill="{fill}"' in page
    assert "architecture decision record" in page and "deviates from" in page


def test_the_example_pictures_cross_less_than_rings_did() -> None:
    """The rings drew the demand-forecasting project with 321 crossings (ADR-0022);
    the layered drawing counts its own, on the segments it draws."""
    corpus = load_project(EXAMPLE / "mkdocs.yml", history=False).corpus
    counted = {cluster.key: cluster.crossings for cluster in clusters(Graph(corpus))}
    assert counted["project-demand-forecasting"] <= 130
    assert counted["project-promotion-uplift"] <= 3  # K(2,3) between two layers needs 3


def test_pictures_are_the_same_bytes_on_every_build() -> None:
    project = load_project(EXAMPLE / "mkdocs.yml", history=False)
    made = []
    for _ in range(2):
        renderer = SiteRenderer(project.corpus, project.settings)
        renderer.pages()
        made.append(renderer.files)
    assert made[0] == made[1] and len(made[0]) > 10


def layout_crossings(routes: list[list[Point]]) -> int:
    """Crossings of routes drawn as straight pieces between their points (between two
    layers the drawn S-curves cross exactly when these do)."""
    pieces = [
        (number, a, b)
        for number, route in enumerate(routes)
        for a, b in itertools.pairwise(route)
        if a[0] != b[0] or a[1] != b[1]
    ]
    found = 0
    for (first, a, b), (second, c, d) in itertools.combinations(pieces, 2):
        if first == second:
            continue
        denominator = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0])
        if denominator == 0:
            continue
        t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / denominator
        u = ((c[0] - a[0]) * (b[1] - a[1]) - (c[1] - a[1]) * (b[0] - a[0])) / denominator
        found += 0 < t < 1 and 0 < u < 1
    return found


@pytest.mark.parametrize(
    ("count", "links", "optimum"),
    [
        # Two layers given in crossing order.
        (4, [(0, 3), (1, 2)], 0),
        # A tree given in the worst order: children and grandchildren reversed.
        (7, [(0, 2), (0, 1), (1, 6), (1, 5), (2, 4), (2, 3)], 0),
        # Three layers of three, each layer reversed against the one above.
        (9, [(0, 5), (1, 4), (2, 3), (3, 8), (4, 7), (5, 6)], 0),
        # Long edges through dummies: planar once ordered.
        (6, [(0, 1), (1, 2), (0, 5), (3, 4), (4, 5)], 0),
        # K(2,3) on two layers cannot do better than 3.
        (5, [(0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4)], 3),
    ],
)
def test_crossings_reach_the_optimum_on_small_graphs(
    count: int, links: list[tuple[int, int]], optimum: int
) -> None:
    layout = layered_layout([60.0] * count, [1] * count, [Link(a, b) for a, b in links], 3)
    assert layout.crossings == optimum
    assert layout_crossings(layout.routes) == optimum
    for (upper, lower), route in zip(links, layout.routes, strict=True):
        assert layout.y[upper] < layout.y[lower]
        assert route[0][1] < route[-1][1]  # from the upper end to the lower end


def test_bands_come_in_order_and_inside_a_band_links_point_down() -> None:
    """Band 0 above band 1 above band 2 whatever the links say; links inside a band
    point down; no layer holds more nodes than asked."""
    bands = [2, 1, 1, 1, 0, 1, 1, 1, 1]
    links = [Link(1, 2), Link(2, 3), Link(0, 5), Link(4, 6), Link(8, 7)]
    layout = layered_layout([50.0] * len(bands), bands, links, 2)
    layer = layout.layer
    assert layer[4] < min(layer[n] for n in (1, 2, 3, 5, 6, 7, 8)) < layer[0]
    assert max(layer[n] for n in (1, 2, 3, 5, 6, 7, 8)) < layer[0]
    assert layer[1] < layer[2] < layer[3] and layer[8] < layer[7]
    for level in set(layer):
        assert layer.count(level) <= 2


def test_cycles_and_long_chains_do_not_hang() -> None:
    # A supersession cycle (an error the checks report) still draws, on distinct layers.
    cycle = layered_layout([50.0] * 3, [1] * 3, [Link(0, 1), Link(1, 2), Link(2, 0)], 5)
    assert len(set(cycle.layer)) == 3 and len(cycle.routes) == 3
    assert all(route for route in cycle.routes)
    # A chain far deeper than the recursion limit, and a dense fan into one node.
    start = time.perf_counter()
    chain = layered_layout([50.0] * 3000, [1] * 3000, [Link(n, n + 1) for n in range(2999)], 5)
    assert chain.layer == list(range(3000))
    fan = layered_layout([50.0] * 301, [0] + [1] * 300, [Link(0, n) for n in range(1, 301)], 20)
    assert fan.crossings == 0
    assert time.perf_counter() - start < 20


def test_a_supersession_cycle_is_drawn(project: Project) -> None:
    front = "title: {}\nstatus: superseded\ndate: 2026-03-02\ndeciders: [Ana]\n"
    project.write("adr/0001-a.md", adr(front=front.format("A") + "superseded_by: ADR-0002"))
    project.write("adr/0002-b.md", adr(front=front.format("B") + "superseded_by: ADR-0001"))
    project.configure()
    result = project.build()
    assert result.returncode == 0, result.stderr[-2000:]
    _, svg = pictures(project, "decisions/graph/index.html")["graph-group-1"]
    nodes = placed(svg)
    assert set(nodes) == {"ADR-0001", "ADR-0002"}
    assert nodes["ADR-0001"][1] != nodes["ADR-0002"][1]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_node_links_resolve_and_are_percent_encoded(project: Project, directory_urls: bool) -> None:
    project.write("adr/0001-a.md", adr("A"))
    related = "title: B\nstatus: proposed\ndate: 2026-03-04\nrelated: [ADR-0001]"
    project.write("adr/0002-c#-and-100%-sure.md", adr(front=related))
    project.configure(use_directory_urls=directory_urls)
    assert project.build("--strict").returncode == 0
    site = project.root / "site"
    graph_page = "decisions/graph/index.html" if directory_urls else "decisions/graph.html"
    found = {}
    for page in (graph_page, f"adr/0001-a{'/index' if directory_urls else ''}.html"):
        html = project.html(page)
        for src in re.findall(r'<object type="image/svg\+xml" data="([^"]+)"', html):
            picture = ((site / page).parent / src).resolve()
            found.update(
                {node_id: (picture, v[2]) for node_id, v in placed(picture.read_text()).items()}
            )
    assert set(found) == {"ADR-0001", "ADR-0002"}
    picture, href = found["ADR-0002"]
    assert "c%23-and-100%25-sure" in href and "#" not in href.replace("%23", "")
    for picture, href in found.values():
        assert not href.startswith(("/", "javascript:")) and ":" not in href
        target = (picture.parent / unquote(href)).resolve()
        assert (target / "index.html" if directory_urls else target).is_file(), href


def test_hostile_values_are_escaped_in_pictures(project: Project) -> None:
    """Titles, ids and statuses come from untrusted files: escaped in text and
    attributes, reduced to a safe token in class names; every picture stays valid XML."""
    hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    front = (
        TRACED_FRONT.format(title=f"'T {hostile}'")
        .replace("status: accepted", "status: 'odd\"&'")
        .replace("complies_with: [STD-SEC-001]", "complies_with: [STD-SEC-001, 'STD-\"&X']")
    )
    files = traced()
    files["adr/0001-batch.md"] = adr(front=front)
    files["docs/standards/x.md"] = standard(record_id="'STD-\"&X'", title=f"S {hostile}")
    for path, text in files.items():
        project.write(path, text)
    project.configure()
    assert project.build().returncode == 0
    svgs = [p.read_text() for p in (project.root / "site/assets/decisions/graphs").glob("*.svg")]
    assert len(svgs) == 2  # the project's picture and ADR-0001's neighbourhood
    for svg in svgs:
        ElementTree.fromstring(svg)  # still well-formed
        assert "<script" not in svg and "<img" not in svg
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
        assert 'data-id="STD-&#34;&amp;X"' in svg
        assert 'class="n k-adr s-odd"' in svg
        assert '<text class="w" y="11">odd&#34;&amp;</text>' in svg


def luminance(colour: str) -> float:
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_colours_read_on_both_palettes() -> None:
    """The pictures cannot see the palette (ADR-0022): each fill carries white words at
    4.5:1 or more, and every fill and line stands out at 3:1 or more from white and
    from Material slate's background."""
    fills = [fill for fill, _ in STATUS_FILLS] + [OTHER_FILL]
    lines = [colour for colour, _, _ in EDGE_STYLES.values()] + [OUTLINE]
    for fill in fills:
        assert contrast(fill, "#ffffff") >= 4.5, fill
    for colour in fills + lines:
        for background in ("#ffffff", "#1e2129"):
            assert contrast(colour, background) >= 3, (colour, background)
    assert len(set(fills)) == len(fills)
