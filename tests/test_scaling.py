"""Large sites (ADR-0026): with the limits set low, a corpus of a few dozen records gets
its indexes and timeline split into a page per year (a page per month for a busy year,
numbered parts for a busy month) and its graph into pictures of at most ``graph_limit``
nodes on pages of their own. Every record stays reachable from the index, the parts link
to each other, and a small site is drawn as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_decisions.cli.project import load_project
from mkdocs_decisions.corpus.load import ParseCache
from mkdocs_decisions.corpus.settings import SettingsError, settings_from_options
from mkdocs_decisions.site.build import SiteOptions, build_site
from mkdocs_decisions.site.rebuild import RebuildTracker
from mkdocs_decisions.site.reuse import PageReuse
from mkdocs_decisions.site.split import by_date, pack
from test_generators import assert_links_resolve, assert_same_site, run

from conftest import PROJECT, VALID_RFC, Project, adr, standard

LIMITS = {"page_limit": 10, "graph_limit": 10}
# Records per year; 2025 has more than the limit, so it gets a page per month.
YEARS = {2023: 6, 2024: 8, 2025: 14, 2026: 8}
PROJECT_MEMBERS = 24  # the first ADRs address the project: 26 nodes with it and its standard
ROW = re.compile(r'<tr data-decisions-row[^>]*><td><a href="([^"]+)">([^<]+)</a>')
NODES = re.compile(r'data-nodes="(\d+)"')
OBJECTS = re.compile(r'<object type="image/svg\+xml" data="([^"]+)"')


def large_log(project: Project, **options: object) -> list[str]:
    """36 ADRs over four years and two RFCs; the first 24 ADRs in one project, the other
    12 a chain of related records. Committed in three commits over three years (the last
    one changes a status), so the timeline has status changes in 2024, 2025 and 2026.
    Returns the ADR ids."""
    project.write("docs/standards/std-sec-001.md", standard())
    project.write("docs/projects/demand-forecasting.md", PROJECT)
    ids, number = [], 0
    for year, count in YEARS.items():
        for index in range(count):
            number += 1
            month = 1 + index // 2 if year == 2025 else 1 + index
            front = (
                f"title: Decision {number}\nstatus: accepted\ndate: {year}-{month:02d}-10\n"
                "deciders: [Ana Silva]"
            )
            if number <= PROJECT_MEMBERS:
                front += (
                    "\nproject: demand-forecasting\naddresses: [REQ-1, QA-1]\n"
                    "complies_with: [STD-SEC-001]"
                )
            elif number > PROJECT_MEMBERS + 1:
                front += f"\nrelated: [ADR-{number - 1:04d}]"
            project.write(f"adr/{number:04d}-decision-{number}.md", adr(front=front))
            ids.append(f"ADR-{number:04d}")
    project.write("rfc/0001-feature-store.md", VALID_RFC)
    project.write(
        "rfc/0002-model-registry.md",
        VALID_RFC.replace("Feature store", "Model registry").replace("2026-02-01", "2025-06-01"),
    )
    project.configure(plugin_options={**LIMITS, **options})
    return ids


def committed_log(project: Project, **options: object) -> list[str]:
    ids = large_log(project, **options)
    project.git_commit_all("Record the decisions", date="2024-05-01T09:00:00+00:00")
    path = project.root / "adr" / "0003-decision-3.md"
    path.write_text(path.read_text().replace("status: accepted", "status: deprecated"))
    project.git_commit_all("Deprecate ADR-0003", date="2026-01-15T09:00:00+00:00")
    return ids


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, list[str]]:
    project = Project(tmp_path_factory.mktemp("scaling"))
    ids = committed_log(project)
    result = project.build()
    assert result.returncode == 0, result.stderr[-3000:]
    return project, ids


def site_of(project: Project) -> Path:
    return project.root / "site"


def rows(project: Project, page: str) -> list[tuple[str, str]]:
    return ROW.findall(project.content(page))


def part_links(project: Project, page: str) -> dict[str, str]:
    """The links of a part's navigation: overview, previous (``prev``), next (``next``)."""
    html = project.content(page)
    nav = re.search(r'<nav class="decisions-parts"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, page
    found = {}
    for attributes, text in re.findall(r"<a ([^>]*)>([^<]*)</a>", nav.group(1)):
        href = re.search(r'href="([^"]+)"', attributes)
        rel = re.search(r'rel="([^"]+)"', attributes)
        assert href
        found[rel.group(1) if rel else "overview"] = href.group(1)
        assert text
    return found


def resolve(page: str, href: str) -> str:
    """The site page a relative link on ``page`` (directory URLs) opens."""
    path = href.split("#", 1)[0]
    base = Path("/" + page).parent
    target = (base / path).resolve() if path else Path("/" + page)
    text = target.as_posix().lstrip("/")
    return text if text.endswith(".html") else f"{text}/index.html".lstrip("/")


def test_limits_are_settings_with_a_floor() -> None:
    assert settings_from_options({}).page_limit == 1000
    assert settings_from_options({}).graph_limit == 250
    assert settings_from_options(LIMITS).page_limit == 10
    for bad in ({"page_limit": 9}, {"graph_limit": True}, {"page_limit": "100"}):
        with pytest.raises(SettingsError, match="at least 10"):
            settings_from_options(bad)


def test_split_by_year_then_month_then_parts() -> None:
    import datetime as dt

    days = [dt.date(2025, 1 + i // 10, 1) for i in range(25)] + [dt.date(2024, 5, 1)] * 3
    days += [None]
    parts = by_date(days, lambda day: day, 10)
    assert parts is not None
    assert [p.key for p in parts] == ["2025-03", "2025-02", "2025-01", "2024", "undated"]
    assert [len(p.items) for p in parts] == [5, 10, 10, 3, 1]
    many = [dt.date(2025, 4, 2)] * 23
    parts = by_date(many, lambda day: day, 10)
    assert parts is not None
    assert [(p.key, p.title) for p in parts] == [
        ("2025-04", "April 2025 (part 1 of 3)"),
        ("2025-04-2", "April 2025 (part 2 of 3)"),
        ("2025-04-3", "April 2025 (part 3 of 3)"),
    ]
    assert by_date(many, lambda day: day, 23) is None
    assert pack([4, 4, 4, 12, 1], 10) == [range(0, 2), range(2, 3), range(3, 4), range(4, 5)]


def test_a_small_site_keeps_one_page_per_list(project: Project) -> None:
    large_log(project)
    project.configure()  # the default limits: far above 38 records
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    site = site_of(project)
    assert not (site / "decisions" / "by-year").exists()
    assert not (site / "adr" / "by-year").exists()
    assert not (site / "decisions" / "graph" / "project-demand-forecasting").exists()
    assert len(rows(project, "decisions/index.html")) == 38
    assert "decisions-parts" not in project.content("decisions/graph/index.html")


def test_the_index_is_split_by_year_and_reaches_every_record(
    big: tuple[Project, list[str]],
) -> None:
    project, ids = big
    overview = project.content("decisions/index.html")
    assert not ROW.findall(overview)  # the first page lists pages, not records
    assert "10)" in overview  # it says the limit
    links = re.findall(
        r'<tr><td><a href="([^"]+)">([^<]+)</a></td><td>(\d+)</td>', overview.split("By year")[1]
    )
    titles = [title for _, title, _ in links]
    assert titles == [
        "2026",
        "July 2025",
        "June 2025",
        "May 2025",
        "April 2025",
        "March 2025",
        "February 2025",
        "January 2025",
        "2024",
        "2023",
    ]
    pages = [resolve("decisions/index.html", href) for href, _, _ in links]
    assert pages[0] == "decisions/by-year/2026/index.html"
    assert pages[1] == "decisions/by-year/2025-07/index.html"
    seen: list[str] = []
    for (_, _, count), page in zip(links, pages, strict=True):
        found = rows(project, page)
        assert 0 < len(found) <= 10
        assert len(found) == int(count)
        seen += [text for _, text in found]
    assert sorted(seen) == sorted([*ids, "RFC-0001", "RFC-0002"])  # each record, once
    # The parts link to each other in order, and back to the first page.
    for number, page in enumerate(pages):
        nav = part_links(project, page)
        assert resolve(page, nav["overview"]) == "decisions/index.html"
        if number:
            assert resolve(page, nav["prev"]) == pages[number - 1]
        else:
            assert "prev" not in nav
        if number < len(pages) - 1:
            assert resolve(page, nav["next"]) == pages[number + 1]
        # Each part has its own filters over its own records.
        assert '<form class="decisions-filters"' in project.content(page)
    # Status counts link to the status headings of the part's page.
    assert 'href="by-year/2026/#status-accepted"' in overview


def test_a_kind_index_is_split_the_same_way(big: tuple[Project, list[str]]) -> None:
    project, ids = big
    overview = project.content("adr/index.html")
    assert not ROW.findall(overview)
    assert 'href="by-year/2023/"' in overview
    found = [
        text
        for page in sorted(site_of(project).glob("adr/by-year/*/index.html"))
        for _, text in rows(project, page.relative_to(site_of(project)).as_posix())
    ]
    assert sorted(found) == sorted(ids)
    # The RFCs are fewer than the limit: their index is one page, as before.
    assert len(rows(project, "rfc/index.html")) == 2


def test_the_timeline_is_split_by_year_month_and_part(big: tuple[Project, list[str]]) -> None:
    project, _ = big
    timeline = project.content("decisions/timeline/index.html")
    assert "41 status changes" in timeline  # 40 records created, one deprecated
    site = site_of(project)
    parts = sorted(p.parent.name for p in site.glob("decisions/timeline/*/index.html"))
    assert parts == ["2024-05", "2024-05-2", "2024-05-3", "2024-05-4", "2026"]
    events = 0
    for name in parts:
        page = f"decisions/timeline/{name}/index.html"
        html = project.content(page)
        events += html.count('<li><span class="decisions-date">')
        assert html.count('<li><span class="decisions-date">') <= 10
        assert resolve(page, part_links(project, page)["overview"]) == (
            "decisions/timeline/index.html"
        )
    assert events == 41
    assert "ADR-0003" in project.content("decisions/timeline/2026/index.html")


def test_the_graph_is_split_into_pictures_and_pages(big: tuple[Project, list[str]]) -> None:
    project, ids = big
    site = site_of(project)
    overview = project.content("decisions/graph/index.html")
    listed = re.findall(r'<tr><td><a href="([^"]+)">([^<]+)</a></td><td>(\d+)</td>', overview)
    assert len(listed) >= 4
    assert "Demand forecasting (part 1 of 3)" in [title for _, title, _ in listed]
    shown: set[str] = set()
    pictures = 0
    for page in sorted({resolve("decisions/graph/index.html", href) for href, _, _ in listed}):
        html = project.content(page)
        assert "decisions-parts" in html
        total = 0
        for src in OBJECTS.findall(html):
            svg = (site / page).parent.joinpath(src).resolve().read_text(encoding="utf-8")
            nodes = int(NODES.search(svg).group(1))  # type: ignore[union-attr]
            assert nodes <= 10, src
            total += nodes
            pictures += 1
            shown |= set(re.findall(r'data-id="([^"]+)"', svg))
        assert total <= 10 or len(OBJECTS.findall(html)) == 1, page
    assert pictures == len(listed)
    assert set(ids) | {"RFC-0001", "RFC-0002"} <= shown  # every decision is drawn
    # A split project names its parts, with links to those on other pages.
    first = resolve("decisions/graph/index.html", listed[0][0])
    html = project.content(first)
    assert "Drawn in 3 parts" in html
    siblings = re.findall(r'<a href="([^"]+)">part (\d)</a>', html)
    assert {number for _, number in siblings} >= {"2", "3"}
    for href, _ in siblings:
        target = resolve(first, href)
        anchor = href.split("#", 1)[1]
        assert f'id="{anchor}"' in (site / target).read_text(encoding="utf-8"), href
    assert_links_resolve(site)


def test_decisions_pages_writes_the_same_parts(tmp_path: Path) -> None:
    project = Project(tmp_path / "log")
    large_log(project)
    project.configure(theme={"name": "mkdocs"}, plugin_options=LIMITS)
    result = project.build("--strict", "-d", "site-plugin")
    assert result.returncode == 0, result.stderr[-3000:]
    written = project.decisions("pages", "--generator", "mkdocs")
    assert written.returncode == 0, written.stderr
    project.write(
        "plain.yml",
        "site_name: Test decisions\ntheme: {name: mkdocs}\ndocs_dir: generated-docs\n"
        "plugins: [search]\nextra_css: [assets/decisions/decisions.css]\n"
        "extra_javascript: [assets/decisions/filters.js]\n",
    )
    built = run("mkdocs", "build", "--strict", "-f", "plain.yml", cwd=project.root)
    assert built.returncode == 0, built.stderr
    assert (project.root / "site" / "decisions" / "by-year" / "2023" / "index.html").exists()
    assert_same_site(project.root / "site-plugin", project.root / "site")
    assert_links_resolve(project.root / "site")


def test_a_rebuild_rewrites_only_the_parts_an_edit_changes(tmp_path: Path) -> None:
    project = Project(tmp_path / "log")
    large_log(project)
    parsed, reuse, tracker = ParseCache(), PageReuse(), RebuildTracker()

    def build() -> set[str]:
        loaded = load_project(project.root / "mkdocs.yml", parsed=parsed)
        site = build_site(loaded.corpus, loaded.settings, SiteOptions(), reuse)
        tracker.start(site, [])
        assert not tracker.navigation_changed or tracker.previous is None
        return {page.site_path for page in site.pages if tracker.page_changed(page.site_path)}

    build()
    assert build() == set()
    path = project.root / "adr" / "0002-decision-2.md"  # dated 2023
    path.write_text(path.read_text().replace("status: accepted", "status: deprecated"))
    changed = build()
    assert "decisions/by-year/2023.md" in changed
    assert "adr/by-year/2023.md" in changed
    assert "adr/0002-decision-2.md" in changed
    assert not {"decisions/by-year/2024.md", "adr/by-year/2026.md"} & changed
    graphs = [p for p in changed if p.startswith("decisions/graph/")]
    assert len(graphs) <= 1  # the page with the project's first part, if any


def test_a_nav_written_by_hand_gets_the_parts(project: Project) -> None:
    large_log(project)
    project.configure(nav=[{"Home": "index.md"}], plugin_options=LIMITS)
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "not included in the" not in result.stderr  # every part is in the nav
    home = project.html("index.html")
    for page in ("decisions/by-year/2023/", "adr/by-year/2024/", "decisions/graph/"):
        assert f'href="{page}"' in home, page
