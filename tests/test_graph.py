"""The decision graph: SVG pictures built with the site, clustered, escaped, linked."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, Project, adr

EXAMPLE = ROOT / "examples" / "demand-forecasting"


def figures(html: str) -> dict[str, tuple[int, int]]:
    """Each picture's id with its numbers of nodes and edges, as the page declares them."""
    found = re.findall(
        r'<figure class="decisions-graph" data-search-exclude id="([^"]+)" '
        r'data-nodes="(\d+)" data-edges="(\d+)"',
        html,
    )
    return {key: (int(nodes), int(edges)) for key, nodes, edges in found}


def drawn_nodes(html: str, figure_id: str) -> list[str]:
    block = html.split(f'id="{figure_id}"', 1)[1].split("</figure>", 1)[0]
    return re.findall(r'data-id="([^"]+)"', block)


def test_the_example_graph_has_one_picture_per_project(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "example", ignore=shutil.ignore_patterns("site"))
    project = Project(tmp_path / "example")
    assert project.build("--strict").returncode == 0
    page = project.content("decisions/graph/index.html")
    pictures = figures(page)
    assert list(pictures) == ["graph-project-demand-forecasting", "graph-project-promotion-uplift"]
    nodes = drawn_nodes(page, "graph-project-demand-forecasting")
    # The project, its 10 decisions (ADR-0010 is the other project's) and 6 standards.
    assert nodes[0] == "demand-forecasting"
    assert pictures["graph-project-demand-forecasting"][0] == len(nodes) == 1 + 12 + 6
    assert len(set(nodes)) == len(nodes)
    assert 'class="decisions-edge decisions-edge-deviates"' in page  # ADR-0007
    assert "<title>ADR-0006 supersedes ADR-0003</title>" in page
    # Every node links to its record's page, relative to the graph page.
    assert 'href="../../adr/0006-daily-batch-scoring-on-the-ml-platform/"' in page
    record = project.content("adr/0006-daily-batch-scoring-on-the-ml-platform/index.html")
    src = re.search(r'<object type="image/svg\+xml" data="([^"]+)"', record)
    assert src is not None
    svg_path = (
        project.root / "site/adr/0006-daily-batch-scoring-on-the-ml-platform" / src.group(1)
    ).resolve()
    svg = svg_path.read_text()
    near = re.findall(r'data-id="([^"]+)"', svg)
    assert near[0] == "ADR-0006" and "ADR-0003" in near and "demand-forecasting" in near
    assert f'data-nodes="{len(near)}"' in svg
    # Links inside the SVG open the page, from the SVG file's own folder.
    adr3 = re.search(r'<a href="([^"]+)" target="_top"><g class="n s-superseded"', svg)
    assert adr3 is not None
    assert (svg_path.parent / adr3.group(1) / "index.html").resolve().exists()
    # Without SVG support, the object shows a plain list of the same links.
    fallback = record.split("<object", 1)[1].split("</object>", 1)[0]
    assert fallback.count("<li>") == len(near)
    toc = project.html("adr/0006-daily-batch-scoring-on-the-ml-platform/index.html")
    assert 'href="#decisions-neighbourhood"' in toc


def test_a_record_without_links_has_no_neighbourhood(project: Project) -> None:
    project.write("adr/0001-a.md", adr("Alone </title><script>x</script>"))
    project.configure()
    assert project.build("--strict").returncode == 0
    assert "decisions-neighbourhood" not in project.content("adr/0001-a/index.html")
    graph = project.content("decisions/graph/index.html")
    assert drawn_nodes(graph, "graph-unconnected") == ["ADR-0001"]
    assert "<script>x" not in graph and "&lt;/title&gt;&lt;script&gt;x" in graph


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
    page = project.content("decisions/graph/index.html")
    pictures = figures(page)
    total = sum(nodes for nodes, _ in pictures.values())
    assert total >= 320  # every record appears
    # No picture holds the whole corpus: one per project (3 here), then linked groups.
    assert max(nodes for nodes, _ in pictures.values()) < 200
    assert sum(1 for key in pictures if key.startswith("graph-project-")) == 3
