"""DEC6xx: review dates that pass, and URLs that must never be linked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mkdocs_decisions.checks.run import run_checks
from mkdocs_decisions.corpus.load import load_corpus
from mkdocs_decisions.corpus.settings import SettingsError, settings_from_options

from conftest import VALID_RFC, Project, adr


def _findings(root: Path, **options: object) -> list[str]:
    settings = settings_from_options(dict(options))
    return [f.as_text() for f in run_checks(load_corpus(root, root / "docs", settings), settings)]


def test_review_dates_count_from_a_day_that_can_be_fixed(project: Project) -> None:
    front = "title: T\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana]\nreview_by: 2027-03-01"
    project.write("adr/0001-a.md", adr(front=front))
    project.write("adr/0002-b.md", adr(front=front.replace("accepted", "proposed")))
    assert not [f for f in _findings(project.root, today="2027-02-28") if "DEC601" in f]
    (hit,) = [f for f in _findings(project.root, today="2027-03-11") if "DEC601" in f]
    assert hit.startswith("adr/0001-a.md:6:12: DEC601 warning: ADR-0001 was due for review")
    assert "10 day(s) ago" in hit
    os.environ["DECISIONS_TODAY"] = "2027-03-11"
    try:
        assert [f for f in _findings(project.root) if "DEC601" in f]
    finally:
        del os.environ["DECISIONS_TODAY"]
    with pytest.raises(SettingsError, match="today: expected a date"):
        settings_from_options({"today": "soon"})


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "//evil.example/x",
    ],
)
def test_an_unsafe_url_is_a_finding_and_never_linked(project: Project, url: str) -> None:
    quoted = url.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    project.write(
        "rfc/0001-a.md",
        VALID_RFC.replace("status: review", f'status: review\ndiscussion: "{quoted}"'),
    )
    (hit,) = [f for f in _findings(project.root) if "DEC602" in f]
    assert hit.startswith("rfc/0001-a.md:4:13: DEC602 error: `discussion` is not linked")
    project.configure()
    project.build()
    page = project.html("rfc/0001-a/index.html")
    assert 'href="javascript' not in page.lower() and 'href="data:' not in page
    assert 'href="//evil' not in page and "vbscript:" not in page.split("Discussion", 1)[0]


def test_web_and_relative_links_are_fine(project: Project) -> None:
    for number, url in enumerate(["https://github.com/o/r/pull/1", "../notes/x.md"], start=1):
        project.write(
            f"rfc/000{number}-a.md",
            VALID_RFC.replace("status: review", f"status: review\ndiscussion: {url}"),
        )
    assert not [f for f in _findings(project.root) if "DEC602" in f]


def test_list_due_shows_overdue_first_then_the_next_90_days(project: Project) -> None:
    for number, (status, review_by) in enumerate(
        [
            ("accepted", "2027-01-10"),  # overdue
            ("accepted", "2027-05-01"),  # within 90 days
            ("accepted", "2028-01-01"),  # later
            ("rejected", "2026-01-01"),  # no longer applies
            ("accepted", "2026-12-01"),  # longest overdue
        ],
        start=1,
    ):
        front = f"title: T{number}\nstatus: {status}\ndate: 2026-01-02\ndeciders: [Ana]\n"
        project.write(f"adr/000{number}-a.md", adr(front=front + f"review_by: {review_by}"))
    project.configure(plugin_options={"today": "2027-02-15"})
    result = project.decisions("list", "--due")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["ID", "KIND", "STATUS", "REVIEW"]
    assert [line.split()[0] for line in lines[1:]] == ["ADR-0005", "ADR-0001", "ADR-0002"]
    assert "(overdue)" in lines[1] and "(overdue)" not in lines[3]
    assert "3 records due for review within 90 days of 2027-02-15, 2 overdue" in result.stderr
    later = project.decisions("list", "--due", "400", "--format", "json")
    assert [r["id"] for r in json.loads(later.stdout)["records"]][-1] == "ADR-0003"


def test_a_lazy_pattern_is_compiled_when_first_used_and_then_is_the_pattern() -> None:
    """The readers' module-level patterns are compiled on first use (catalogue/patterns.py):
    they match as compiled ones do, flags kept, and their methods are the compiled
    pattern's own once looked up."""
    import re

    from mkdocs_decisions.catalogue.patterns import lazy_pattern

    pattern = lazy_pattern(r"^status:\s*(?P<word>\w+)", re.IGNORECASE)
    assert vars(pattern)["_compiled"] is None  # nothing compiled at import
    found = pattern.match("Status: Accepted")
    assert found is not None and found["word"] == "Accepted"
    assert pattern.pattern == r"^status:\s*(?P<word>\w+)" and pattern.flags & re.IGNORECASE
    compiled = vars(pattern)["_compiled"]
    assert isinstance(compiled, re.Pattern) and pattern.match == compiled.match
    assert pattern.sub("x", "status: a") == "x" and pattern.search("no") is None
