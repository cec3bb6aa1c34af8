"""Count the edge crossings of the decision graph's pictures, geometrically.

Usage::

    python bench/graph_crossings.py CONFIG [CONFIG ...] [--neighbourhoods]

For each project (its ``mkdocs.yml`` or another configuration file), renders the
site's pages in this process (no MkDocs build, no history) and reads every picture
of the graph page from the SVG text the renderer made: each edge (a ``<line>`` or a
``<path>`` of ``M``, ``L`` and ``C`` commands; curves are cut into 16 straight pieces)
becomes a polyline, and every place where two of them cross counts once.
Pieces that several edges share (merged edges) are one line, and lines that only
touch (edges meeting at a node, or branching off a shared trunk) do not cross.
Because it reads the drawn pictures, not the layout's own numbers, the same script
measures any version of the code, e.g. an older one::

    git archive <commit> plugin | tar -x -C /tmp/before
    PYTHONPATH=/tmp/before/plugin python bench/graph_crossings.py CONFIG

Prints a Markdown table: per picture its nodes, edges and crossings, then the total;
with ``--neighbourhoods``, one more row for all record pages' pictures together.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

from mkdocs_decisions.cli.project import load_project
from mkdocs_decisions.site.pages import SiteRenderer

Point = tuple[float, float]
Segment = tuple[Point, Point]

CURVE_PIECES = 16
CELL = 48.0  # grid cell for finding candidate pairs of segments

_EDGE = re.compile(r"<(line|path) ([^>]*)>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def edge_polylines(svg: str) -> list[list[Point]]:
    """Every edge of a picture as a polyline (markers and legend shapes left out)."""
    edges = []
    for element, attributes in _EDGE.findall(svg):
        values = dict(_ATTRIBUTE.findall(attributes))
        if not values.get("class", "").startswith("e-"):
            continue
        if element == "line":
            edges.append(
                [
                    (float(values["x1"]), float(values["y1"])),
                    (float(values["x2"]), float(values["y2"])),
                ]
            )
        else:
            edges.append(_path_points(values["d"]))
    return edges


def _path_points(data: str) -> list[Point]:
    points: list[Point] = []
    for command, numbers in re.findall(r"([MLC])([^MLC]*)", data):
        values = [float(n) for n in _NUMBER.findall(numbers)]
        if command in "ML":
            points.append((values[0], values[1]))
        else:
            (x0, y0), (x1, y1, x2, y2, x3, y3) = points[-1], values
            for piece in range(1, CURVE_PIECES + 1):
                t = piece / CURVE_PIECES
                u = 1 - t
                points.append(
                    (
                        u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                        u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
                    )
                )
    return points


def crossings(edges: list[list[Point]]) -> int:
    """Places where two drawn lines cross. Pieces that several edges share (a trunk of
    merged edges, or two edges drawn on top of each other) are one line; lines that
    meet at an end (edges of one node) or branch off one another do not cross."""
    owners: dict[Segment, set[int]] = defaultdict(set)
    for number, points in enumerate(edges):
        for a, b in pairwise(points):
            if a != b:
                owners[_rounded(a, b)].add(number)
    segments = list(owners)
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, ((ax, ay), (bx, by)) in enumerate(segments):
        for cx in range(int(min(ax, bx) // CELL), int(max(ax, bx) // CELL) + 1):
            for cy in range(int(min(ay, by) // CELL), int(max(ay, by) // CELL) + 1):
                cells[(cx, cy)].append(index)
    crossing: set[tuple[int, int]] = set()
    for members in cells.values():
        for position, first in enumerate(members):
            for second in members[position + 1 :]:
                pair = (first, second) if first < second else (second, first)
                if pair in crossing or owners[segments[first]] & owners[segments[second]]:
                    continue
                if _cross(segments[first], segments[second]):
                    crossing.add(pair)
    return len(crossing)


def _rounded(a: Point, b: Point) -> Segment:
    """A piece with its ends rounded to 0.01 px, the same way round whichever way the
    edge runs, so that pieces shared by several edges compare equal."""
    first = (round(a[0], 2), round(a[1], 2))
    second = (round(b[0], 2), round(b[1], 2))
    return (first, second) if first <= second else (second, first)


def _cross(first: Segment, second: Segment) -> bool:
    """Whether two pieces cross at a point inside both (touching ends do not count)."""
    (ax, ay), (bx, by) = first
    (cx, cy), (dx, dy) = second
    denominator = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx)
    if abs(denominator) < 1e-12:
        return False  # parallel or on one line
    t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / denominator
    u = ((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / denominator
    inside = 1e-6
    return inside < t < 1 - inside and inside < u < 1 - inside


def measure(config: Path, neighbourhoods: bool) -> list[tuple[str, int, int, int]]:
    project = load_project(config, history=False)
    renderer = SiteRenderer(project.corpus, project.settings)
    start = time.perf_counter()
    pages = renderer.pages()
    print(f"{config}: pages rendered in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    graph_html = "".join(
        page.html_at_end for page in pages if page.site_path == renderer.graph_path
    )
    graph_page = {src.rsplit("/", 1)[-1] for src in re.findall(r'data="([^"]+\.svg)"', graph_html)}
    rows = []
    near = [0, 0, 0, 0]
    for path, svg in sorted(renderer.files.items()):
        if not path.endswith(".svg"):
            continue
        edges = edge_polylines(svg)
        nodes = len(re.findall(r'data-id="', svg))
        count = crossings(edges)
        name = path.rsplit("/", 1)[-1]
        if name in graph_page:
            rows.append((name.rsplit("-", 1)[0], nodes, len(edges), count))
        else:
            near = [near[0] + 1, near[1] + nodes, near[2] + len(edges), near[3] + count]
    if neighbourhoods and near[0]:
        rows.append((f"{near[0]} neighbourhoods (together)", near[1], near[2], near[3]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("configs", nargs="+", type=Path, help="mkdocs.yml of each project")
    parser.add_argument(
        "--neighbourhoods", action="store_true", help="also count the record pages' pictures"
    )
    arguments = parser.parse_args()
    print("| project | picture | nodes | edges | crossings |")
    print("| --- | --- | ---: | ---: | ---: |")
    for config in arguments.configs:
        rows = measure(config, arguments.neighbourhoods)
        for name, nodes, edges, count in rows:
            print(f"| {config.parent.name} | {name} | {nodes} | {edges} | {count} |")
        graph_rows = [row for row in rows if "neighbourhoods" not in row[0]]
        total = sum(row[3] for row in graph_rows)
        print(f"| {config.parent.name} | **graph page, all pictures** | | | **{total}** |")


if __name__ == "__main__":
    main()
