"""The decision graph: SVG pictures built with the site, clustered, escaped, linked."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, Project, adr

EXAMPLE = ROOT / "examples" / "demand-forecasting"


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


def test_the_example_graph_has_one_picture_per_project(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "example", ignore=shutil.ignore_patterns("site"))
    project = Project(tmp_path / "example")
    assert project.build("--strict").returncode == 0
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
