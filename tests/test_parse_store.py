"""Parsed records kept on disk between runs (corpus/parse_store.py, ADR-0030): a second
run reads them instead of parsing, and never gives a record older than its file."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import time
from pathlib import Path

import pytest

from mkdocs_decisions.corpus import parse_store
from mkdocs_decisions.corpus.parse_store import (
    code_fingerprint,
    load_parses,
    save_parses,
    store_path,
)

from conftest import VALID_BODY, Project, adr

FRONT = "title: {0}\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana Silva]"


def record(title: str) -> str:
    return adr(front=FRONT.format(title), body=VALID_BODY.format(title="T"))


def test_a_second_run_reuses_the_records_and_an_edit_is_read(project: Project) -> None:
    project.write("adr/0001-a.md", record("Batch scoring"))
    project.configure()
    first = project.decisions("list", "--format", "json")
    assert first.returncode == 0, first.stderr
    stored = store_path(project.root)
    assert stored.is_file()
    code_fingerprint.cache_clear()  # the code may have changed since this process read it
    assert not str(stored).startswith(str(project.root))  # never in the repository
    cached = load_parses(stored)
    assert [source.path for source in cached.entries] == ["adr/0001-a.md"]
    before = stored.stat().st_mtime_ns
    again = project.decisions("list", "--format", "json")
    assert again.stdout == first.stdout
    assert stored.stat().st_mtime_ns == before  # nothing new to keep: not written again

    project.write("adr/0001-a.md", record("Stream scoring"))
    edited = project.decisions("list", "--format", "json")
    assert '"title": "Stream scoring"' in edited.stdout
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr
    page = (project.root / "site/adr/0001-a/index.html").read_text(encoding="utf-8")
    assert "Stream scoring" in page and "Batch scoring" not in page


def test_a_broken_store_is_no_store_and_the_option_turns_it_off(project: Project) -> None:
    project.write("adr/0001-a.md", adr(body=VALID_BODY.format(title="Batch scoring")))
    project.configure()
    stored = store_path(project.root)
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(b"not a pickle")
    checked = project.check()
    assert checked.returncode == 0 and "Traceback" not in checked.stderr
    assert load_parses(stored).entries  # written again, whole
    stored.unlink()
    project.configure(plugin_options={"cache": False})
    assert project.check().returncode == 0
    assert project.build().returncode == 0
    assert not stored.exists()


def test_records_of_other_code_are_not_reused(project: Project) -> None:
    project.write("adr/0001-a.md", adr(body=VALID_BODY.format(title="Batch scoring")))
    project.configure()
    assert project.check().returncode == 0
    stored = store_path(project.root)
    cached = load_parses(stored)
    cached.changed = True
    save_parses(cached, stored)
    # A store written by another release: its fingerprint is not this code's.
    _, entries = pickle.loads(stored.read_bytes())
    stored.write_bytes(pickle.dumps(("another release", entries)))
    assert load_parses(stored).entries == {}
    assert not [name for name in os.listdir(stored.parent) if name.startswith(".records-")]


def test_a_large_store_is_written_by_a_process_of_its_own(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.write("adr/0001-a.md", record("Batch scoring"))
    project.write("adr/0002-b.md", record("Stream scoring"))
    project.configure()
    assert project.check().returncode == 0
    stored = store_path(project.root)
    cached = load_parses(stored)
    stored.unlink()
    monkeypatch.setattr(parse_store, "WRITTEN_BESIDE", 1)
    cached.changed = True
    save_parses(cached, stored)  # returns before the file is written
    for _ in range(100):
        if stored.exists():
            break
        time.sleep(0.05)
    assert sorted(source.path for source in load_parses(stored).entries) == [
        "adr/0001-a.md",
        "adr/0002-b.md",
    ]


_BUILT_AT = re.compile(r"Build Date UTC : .*")


def _site(root: Path) -> dict[str, str]:
    """Every page and generated file of a built site, by path (the search index and the
    sitemap aside: MkDocs' own)."""
    return {
        path.relative_to(root).as_posix(): _BUILT_AT.sub("", path.read_text(encoding="utf-8"))
        for path in sorted(root.rglob("*"))
        if path.suffix in (".html", ".json", ".xml", ".svg")
        and "search" not in path.parts
        and path.name != "sitemap.xml"
    }


def _drawn(built: subprocess.CompletedProcess[str]) -> tuple[int, int]:
    """How many pages and files a build drew, and how many it took as the last drew them."""
    assert built.returncode == 0, built.stderr
    found = re.search(r"(\d+) pages and files drawn, (\d+) as the last build", built.stderr)
    assert found, built.stderr
    return int(found[1]), int(found[2])


def test_a_build_draws_only_what_changed_since_the_last_run_and_gives_the_same_site(
    project: Project,
) -> None:
    """The pages drawn by the last `mkdocs build` are kept with the parsed records
    (ADR-0035): the next build in a new process draws only what shows a change, and its
    site is the site a build without the store gives."""
    project.write("adr/0001-a.md", record("Batch scoring"))
    linked = FRONT.format("Stream scoring") + "\nrelated: [ADR-0001]"
    project.write("adr/0002-b.md", adr(front=linked, body=VALID_BODY.format(title="T")))
    project.write("adr/0003-c.md", record("Feature store"))
    project.configure()
    project.git_commit_all("Add three decisions", "2026-03-02T10:00:00+00:00")
    drawn, reused = _drawn(project.build("-v"))
    assert drawn > 10 and reused == 0
    drawn, reused = _drawn(project.build("-v"))
    assert drawn == 0 and reused > 10

    text = (project.root / "adr/0003-c.md").read_text(encoding="utf-8")
    project.write("adr/0003-c.md", text.replace("## Context", "One more line.\n\n## Context", 1))
    # its page, its entry in decisions.json and the file; no list shows a body
    assert _drawn(project.build("-v"))[0] == 3

    text = (project.root / "adr/0001-a.md").read_text(encoding="utf-8")
    project.write("adr/0001-a.md", text.replace("Batch scoring", "Nightly batch scoring"))
    project.git_commit_all("Rename", "2026-03-05T10:00:00+00:00", ("Ben Okafor", "ben@example.com"))
    for step in ("edited and committed", "superseded, not committed"):
        kept = project.build("-d", "site-kept")
        assert kept.returncode == 0, kept.stderr
        project.configure(plugin_options={"cache": False})
        fresh = project.build("-d", "site-fresh")
        assert fresh.returncode == 0, fresh.stderr
        project.configure()
        site = _site(project.root / "site-kept")
        assert site == _site(project.root / "site-fresh"), step
        assert "Nightly batch scoring" in site["adr/0002-b/index.html"]  # the link to it
        assert "Ben Okafor" in site["adr/0001-a/index.html"]  # its history
        text = (project.root / "adr/0001-a.md").read_text(encoding="utf-8")
        project.write("adr/0001-a.md", text.replace("status: accepted", "status: deprecated"))


def test_an_unchanged_build_draws_nothing_with_a_landing_page_and_shared_prefixes(
    project: Project,
) -> None:
    """A folder README (its lists are drawn with it) and titles that share the folder's
    prefix (records the collection changes after parsing): an unchanged second build
    draws nothing, checks nothing and writes no store."""
    for number, name in enumerate(("Batch", "Stream", "Graph", "Vector"), start=1):
        project.write(f"adr/000{number}-x.md", record(f"Payments - {name} scoring"))
    project.write("adr/README.md", "# Decisions\n\nWhy we keep them.\n")
    project.configure()
    project.git_commit_all("Add", "2026-03-02T10:00:00+00:00")
    assert _drawn(project.build("-v"))[0] > 5
    stored = store_path(project.root)
    before = stored.stat().st_mtime_ns
    again = project.build("-v")
    assert _drawn(again) == (0, _drawn(again)[1]) and "0 records checked" in again.stderr
    assert stored.stat().st_mtime_ns == before
    assert "<h1" in project.html("adr/0001-x/index.html")
    assert "Batch scoring" in project.html("adr/0001-x/index.html")
