"""`decisions check` uses a second core: work done in a child process gives what it
gives here (corpus/child.py), and checking half the records in a child gives the same
findings in the same order."""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

import pytest

from mkdocs_decisions.checks import run
from mkdocs_decisions.checks.reuse import CheckReuse
from mkdocs_decisions.cli import read
from mkdocs_decisions.cli.main import main
from mkdocs_decisions.cli.project import load_project
from mkdocs_decisions.corpus.child import in_child
from mkdocs_decisions.site import pages
from mkdocs_decisions.site.build import SiteOptions, build_site
from mkdocs_decisions.site.reuse import PageReuse

from conftest import Project, adr, traced


def test_the_work_is_done_in_a_child_process() -> None:
    assert in_child(os.getpid)() != os.getpid()
    assert in_child(lambda: {"a": [1, 2]})() == {"a": [1, 2]}


def test_when_the_child_fails_the_work_is_done_here() -> None:
    tried: list[int] = []

    def failing() -> int:
        tried.append(os.getpid())
        raise ValueError("no")

    with pytest.raises(ValueError, match="no"):
        in_child(failing)()
    assert tried == [os.getpid()]  # the child's try was in the child's memory


def test_records_checked_in_two_processes_give_the_same_findings(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path, content in traced().items():
        project.write(path, content)
    for number in range(2, 12):
        # a few findings on each: no deciders, a link to a record that does not exist
        front = (
            f"title: Record {number}\nstatus: accepted\ndate: 2026-03-02\nrelated: [ADR-09{number}]"
        )
        project.write(f"adr/{number:04d}-r.md", adr(front=front))
    project.write(
        "adr/0012-s.md", adr(front="title: Superseder\nstatus: accepted\nsupersedes: [ADR-0002]")
    )
    project.configure()
    loaded = load_project(project.root / "mkdocs.yml", history=False)
    alone = run.check_corpus(loaded.corpus, loaded.settings)
    monkeypatch.setattr(run, "_RECORDS_WORTH_SPLITTING", 2)
    loaded = load_project(project.root / "mkdocs.yml", history=False)
    split = run.check_corpus(loaded.corpus, loaded.settings, beside=in_child)
    assert len(alone.findings) > 10
    assert [f.as_dict() for f in split.findings] == [f.as_dict() for f in alone.findings]
    assert [w.as_dict() for w in split.waived] == [w.as_dict() for w in alone.waived]


def test_a_command_pauses_the_cycle_collector_and_resumes_it(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    for path, content in traced().items():
        project.write(path, content)
    project.configure()
    seen: list[bool] = []
    original = run.check_corpus

    def checking(*arguments: Any, **options: Any) -> run.CheckResult:
        seen.append(gc.isenabled())
        return original(*arguments, **options)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(read, "check_corpus", checking)
        assert main(["check", "-f", str(project.root / "mkdocs.yml"), "--no-history"]) == 0
    assert seen == [False]  # paused while the command ran
    assert gc.isenabled()  # and running again for whoever called it
    assert "0 errors" in capsys.readouterr().err


def test_pages_drawn_in_two_processes_are_the_pages_drawn_in_one(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that runs once draws half its record pages and the lists in a child
    (`mkdocs build` with 200 records or more): the same pages, pictures and files, in the
    same order, as drawn in one process."""
    for path, content in traced().items():
        project.write(path, content)
    for number in range(2, 12):
        front = f"title: Record {number}\nstatus: accepted\ndate: 2026-03-02\nrelated: [ADR-0001]"
        project.write(f"adr/{number:04d}-r.md", adr(front=front))
    project.configure()
    loaded = load_project(project.root / "mkdocs.yml", history=False)
    alone = build_site(loaded.corpus, loaded.settings, SiteOptions())
    monkeypatch.setattr(pages, "PAGES_WORTH_SPLITTING", 2)
    split = build_site(loaded.corpus, loaded.settings, SiteOptions(), beside=in_child)
    assert len(alone.pages) > 15 and any(f.site_path.endswith(".svg") for f in alone.files)
    assert split.pages == alone.pages
    assert [(f.site_path, f.content) for f in split.files] == [
        (f.site_path, f.content) for f in alone.files
    ]
    assert split.collisions == alone.collisions


def test_pages_drawn_beside_are_kept_for_the_next_build_as_pages_drawn_here(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that keeps what it drew for the next one (ADR-0035) and draws part of it
    in a child keeps the child's pages too: the next build draws nothing, and gives the
    same pages; a record that changes is drawn again, alone with those that show it."""
    for path, content in traced().items():
        project.write(path, content)
    for number in range(2, 12):
        front = f"title: Record {number}\nstatus: accepted\ndate: 2026-03-02"
        project.write(f"adr/{number:04d}-r.md", adr(front=front))
    project.configure()
    loaded = load_project(project.root / "mkdocs.yml", history=False)
    alone = build_site(loaded.corpus, loaded.settings, SiteOptions())
    monkeypatch.setattr(pages, "PAGES_WORTH_SPLITTING", 2)
    reuse = PageReuse()
    first = build_site(loaded.corpus, loaded.settings, SiteOptions(), reuse, in_child)
    assert first.pages == alone.pages
    assert [(f.site_path, f.content) for f in first.files] == [
        (f.site_path, f.content) for f in alone.files
    ]
    assert reuse.drawn == len(reuse.entries) > len(loaded.corpus.records)
    again = build_site(loaded.corpus, loaded.settings, SiteOptions(), reuse, in_child)
    assert reuse.drawn == 0 and again.pages == alone.pages


def test_records_checked_beside_are_kept_for_the_next_check(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path, content in traced().items():
        project.write(path, content)
    for number in range(2, 12):
        front = (
            f"title: Record {number}\nstatus: accepted\ndate: 2026-03-02\nrelated: [ADR-09{number}]"
        )
        project.write(f"adr/{number:04d}-r.md", adr(front=front))
    project.configure()
    loaded = load_project(project.root / "mkdocs.yml", history=False)
    alone = run.check_corpus(loaded.corpus, loaded.settings)
    monkeypatch.setattr(run, "_RECORDS_WORTH_SPLITTING", 2)
    reuse = CheckReuse()
    first = run.check_corpus(loaded.corpus, loaded.settings, reuse, in_child)
    assert [f.as_dict() for f in first.findings] == [f.as_dict() for f in alone.findings]
    assert reuse.checked == len(loaded.corpus.records) == len(reuse.kept)
    again = run.check_corpus(loaded.corpus, loaded.settings, reuse, in_child)
    assert reuse.checked == 0
    assert [f.as_dict() for f in again.findings] == [f.as_dict() for f in alone.findings]
