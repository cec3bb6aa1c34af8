"""The demand-forecasting example: it builds with --strict, gives exactly the warning it
is meant to, shows what its README promises, and fails when a rule is broken."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, Project

EXAMPLE = ROOT / "examples" / "demand-forecasting"


@pytest.fixture
def example(tmp_path: Path) -> Project:
    """A copy of the example, so that builds and edits leave the repository alone."""
    shutil.copytree(EXAMPLE, tmp_path / "example", ignore=shutil.ignore_patterns("site"))
    return Project(tmp_path / "example")


def test_it_has_what_the_issue_asks_for(example: Project) -> None:
    result = example.check("--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    document = json.loads(result.stdout)
    assert document["records"] == 2 + 6 + 10 + 3
    # Exactly two findings: the quality attribute no decision addresses yet, and the
    # model choice whose review date passed (the example fixes `today: 2026-12-01`).
    gap, overdue = sorted(document["findings"], key=lambda finding: finding["rule"])
    assert (gap["rule"], gap["severity"], gap["path"]) == (
        "DEC504",
        "warning",
        "docs/projects/demand-forecasting.md",
    )
    assert "QA-4" in gap["message"]
    assert (overdue["rule"], overdue["severity"], overdue["path"], overdue["line"]) == (
        "DEC601",
        "warning",
        "adr/0002-global-lightgbm-model-per-department.md",
        13,
    )
    assert "2026-11-02" in overdue["message"]


def test_strict_build_passes_and_reports_the_gap(example: Project) -> None:
    result = example.build("--strict")
    assert result.returncode == 0, result.stderr
    findings = [line for line in result.stderr.splitlines() if "decisions: docs/" in line]
    assert len(findings) == 1 and "DEC504 warning" in findings[0] and "QA-4" in findings[0]
    assert "WARNING" not in result.stderr


def test_pages_show_supersession_deviation_rejection_and_the_gap(example: Project) -> None:
    assert example.build("--strict").returncode == 0
    old = example.content("adr/0003-online-prediction-service/index.html")
    assert "Superseded.</strong>" in old and "ADR-0006" in old
    adapter = example.content("adr/0007-java-adapter-for-orderlink-bulk-import/index.html")
    assert "Deviates from:" in adapter and "STD-TECH-002" in adapter
    rejected = example.content("adr/0005-managed-cloud-forecasting-service/index.html")
    assert "decisions-status-rejected" in rejected
    project = example.content("projects/demand-forecasting/index.html")
    trace = project.split('id="project-traceability"', 1)[1]
    gaps = re.findall(r'<tr class="decisions-gap-row"><td><a href="#objective-([a-z0-9-]+)"', trace)
    # QA-4 has no decision; BO-3 is served only through QA-4.
    assert gaps == ["bo-3", "qa-4"]
    assert "2 without an accepted decision" in trace
    bo1 = trace.split('href="#objective-bo-1"', 1)[1].split("</tr>", 1)[0]
    assert bo1.count(">ADR-0001</a>") == 1 and "(via REQ-1, REQ-2)" in bo1
    matrix = example.content("standards/compliance/index.html")
    assert matrix.count("&#10003; listed") == 2 * 3  # two projects, three mandatory standards
    catalogue = example.content("standards/index.html")
    for category in ("security", "privacy", "ethics", "tech-stack", "process"):
        assert f'id="category-{category}"' in catalogue


def test_every_internal_link_of_the_example_resolves(example: Project) -> None:
    assert example.build("--strict").returncode == 0
    site = example.root / "site"
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue  # served from any depth, so its links are absolute
        html = page.read_text(encoding="utf-8")
        for href in _internal_links(html):
            target = (page.parent / href.split("#", 1)[0]).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{page.relative_to(site)} links to missing {href}"


def test_the_decisions_index_and_feed_say_what_is_due_for_review(example: Project) -> None:
    assert example.build("--strict").returncode == 0
    index = example.content("decisions/index.html")
    due = index.split('id="due-for-review"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr[^>]*>.*?</tr>", due.split("<tbody>", 1)[1], flags=re.S)
    assert [re.search(r">((?:ADR|RFC)-\d+)<", row).group(1) for row in rows] == [  # type: ignore[union-attr]
        "ADR-0002",
        "ADR-0006",
    ]
    assert 'class="decisions-overdue"' in rows[0] and "overdue by 29 days" in rows[0]
    assert "decisions-overdue" not in rows[1] and "due in 59 days" in rows[1]
    header = example.content("adr/0002-global-lightgbm-model-per-department/index.html")
    assert "2026-11-02 (overdue by 29 days)" in header
    feed = example.html("decisions/feed.xml")
    (entry,) = re.findall(
        r"<entry>(?:(?!</entry>).)*due for review(?:(?!</entry>).)*</entry>", feed, re.S
    )
    assert "ADR-0002 due for review" in entry and '<category term="review"/>' in entry
    assert "<updated>2026-11-02T00:00:00+00:00</updated>" in entry
    assert "ADR-0006 due for review" not in feed  # not yet due


def test_a_mandatory_deviation_fails_the_example(example: Project) -> None:
    adr = example.root / "adr" / "0007-java-adapter-for-orderlink-bulk-import.md"
    text = adr.read_text(encoding="utf-8")
    adr.write_text(text.replace("standard: STD-TECH-002", "standard: STD-SEC-001", 1))
    result = example.build("--strict")
    assert result.returncode == 1
    assert "DEC501 error: deviates from STD-SEC-001" in result.stderr


def test_the_example_with_its_own_git_history(example: Project) -> None:
    """Committed in a repository of its own, the example also shows its timeline."""
    config = example.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("history: false", "history: true"))
    example.git_commit_all("Import the forecasting team's records", date="2026-11-01T09:00:00Z")
    result = example.build("--strict")
    assert result.returncode == 0, result.stderr
    # All records came in one commit, an import: their older dates are not a late merge.
    assert "DEC403" not in result.stderr
    timeline = example.content("decisions/timeline/index.html")
    assert "2026-11-01" in timeline


def _internal_links(html: str) -> list[str]:
    links = re.findall(r'href="([^"]+)"', html)
    return [
        link
        for link in links
        if not link.startswith(("http:", "https:", "mailto:", "#", "data:", "javascript:"))
    ]


def test_readme_names_the_build_command() -> None:
    readme = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    assert "make example" in readme
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "mkdocs build --strict -f examples/demand-forecasting/mkdocs.yml" in makefile
