"""What a build of `mkdocs serve` takes from the build before it without looking again:
the files discovery found (records/trail.py) and the records of files whose status is
unchanged (corpus/load.py). Each is reused only while nothing it depends on changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_decisions.corpus import load
from mkdocs_decisions.corpus.load import ParseCache, build_corpus
from mkdocs_decisions.corpus.settings import settings_from_options
from mkdocs_decisions.records import trail
from mkdocs_decisions.records.discovery import Discovered, DiscoveryMemo

from conftest import Project, adr


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by a test count as settled at once (in use, two seconds must pass)."""
    monkeypatch.setattr(trail, "SETTLED_NANOSECONDS", 0)


def found(discovered: Discovered) -> list[str]:
    return sorted(source.path for source, _ in discovered.records)


def test_discovery_is_walked_again_only_when_a_place_it_looked_at_changes(
    project: Project, settled: None
) -> None:
    project.write("adr/0001-batch.md", adr("Batch scoring"))
    project.write("adr/0002-stream.md", adr("Stream scoring"))
    # Named as a template: discovery reads its first lines to see whether it was decided.
    project.write("adr/0003-adr-template.md", "# ADR template\n\nStatus: draft\n")
    kinds = settings_from_options({}).kinds
    memo = DiscoveryMemo()

    def again() -> Discovered:
        return memo.discover(project.root, project.root / "docs", kinds)

    first = again()
    assert found(first) == ["adr/0001-batch.md", "adr/0002-stream.md"]
    assert again() is first
    # A record's words: no folder changed, and discovery never read that file.
    project.write("adr/0001-batch.md", adr("Batch scoring") + "\nA new sentence.\n")
    assert again() is first

    # The template's first lines now say it was decided: a record after all.
    project.write("adr/0003-adr-template.md", "# ADR template\n\nStatus: Accepted\n")
    decided = again()
    assert decided is not first
    assert "adr/0003-adr-template.md" in found(decided)

    added = project.write("adr/0004-features.md", adr("Keep features"))
    with_new = again()
    assert "adr/0004-features.md" in found(with_new)
    added.rename(project.root / "adr/0005-features.md")
    renamed = again()
    assert "adr/0005-features.md" in found(renamed)
    assert "adr/0004-features.md" not in found(renamed)
    project.write("adr/archive/0006-old.md", adr("An old decision"))
    assert "adr/archive/0006-old.md" in found(again())
    (project.root / "adr/archive/0006-old.md").unlink()
    assert "adr/archive/0006-old.md" not in found(again())

    # A kind's folder that was missing, made: its records are found.
    assert "rfc" in again().missing_folders
    project.write("rfc/0001-store.md", "# Feature store\n\nStatus: review\n")
    made = again()
    assert "rfc/0001-store.md" in found(made)
    assert "rfc" not in made.missing_folders


def test_a_place_changed_a_moment_ago_is_looked_at_again(project: Project) -> None:
    """Within the clock's resolution a change may not show in a folder's times: what was
    found among places changed in the last two seconds is never reused."""
    project.write("adr/0001-batch.md", adr("Batch scoring"))
    kinds = settings_from_options({}).kinds
    memo = DiscoveryMemo()
    first = memo.discover(project.root, project.root / "docs", kinds)
    assert memo.discover(project.root, project.root / "docs", kinds) is not first


def test_records_at_the_top_of_the_project_are_always_walked(
    project: Project, settled: None
) -> None:
    project.write("0001-batch.md", adr("Batch scoring"))
    kinds = settings_from_options({"kinds": {"adr": {"folder": "."}}}).kinds
    memo = DiscoveryMemo()
    first = memo.discover(project.root, project.root / "docs", kinds)
    assert found(first) == ["0001-batch.md"]
    assert memo.discover(project.root, project.root / "docs", kinds) is not first


def test_a_file_whose_status_is_unchanged_is_not_read_again(
    project: Project, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = project.write("adr/0001-batch.md", adr("Batch scoring"))
    project.write("adr/0002-stream.md", adr("Stream scoring"))
    settings = settings_from_options({})
    reads: list[str] = []
    real_read = load.read_regular_file

    def counted(path: str, limit: int = load.MAX_RECORD_BYTES) -> bytes:
        reads.append(Path(path).name)
        return real_read(path, limit)

    monkeypatch.setattr(load, "read_regular_file", counted)
    cache = ParseCache()
    discovered = DiscoveryMemo().discover(project.root, project.root / "docs", settings.kinds)
    first = build_corpus(discovered, settings, cache=cache)
    assert sorted(reads) == ["0001-batch.md", "0002-stream.md"]
    reads.clear()
    second = build_corpus(discovered, settings, cache=cache)
    assert reads == []
    assert [r.title for r in second.records] == [r.title for r in first.records]
    assert all(a is b for a, b in zip(first.records, second.records, strict=True))

    batch.write_text(adr("Batch scoring, hourly"), encoding="utf-8")
    edited = build_corpus(discovered, settings, cache=cache)
    assert reads == ["0001-batch.md"]
    assert edited.records[0].title == "Batch scoring, hourly"

    # The same size and its modification time put back: the change time still tells.
    reads.clear()
    before = batch.stat()
    batch.write_text(adr("Batch scoring, Hourly"), encoding="utf-8")
    os.utime(batch, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert batch.stat().st_size == before.st_size
    again = build_corpus(discovered, settings, cache=cache)
    assert reads == ["0001-batch.md"]
    assert again.records[0].title == "Batch scoring, Hourly"


def test_a_file_changed_a_moment_ago_is_read_every_time(project: Project) -> None:
    project.write("adr/0001-batch.md", adr("Batch scoring"))
    settings = settings_from_options({})
    cache = ParseCache()
    discovered = DiscoveryMemo().discover(project.root, project.root / "docs", settings.kinds)
    build_corpus(discovered, settings, cache=cache)
    assert cache.stamps == {}  # nothing that says "unchanged" next time


def test_a_refused_file_is_looked_at_again_when_it_changes(project: Project, settled: None) -> None:
    """A record too large to read, cut down; a link that led nowhere, whose target
    appears: neither changes its folder's times, both are found again."""
    project.write("adr/0001-batch.md", adr("Batch scoring"))
    big = project.write("adr/0002-big.md", adr("Big") + "x" * (5 * 1024 * 1024))
    (project.root / "adr/0003-shared.md").symlink_to(project.root / "shared/0003-shared.md")
    kinds = settings_from_options({}).kinds
    memo = DiscoveryMemo()

    def again() -> Discovered:
        return memo.discover(project.root, project.root / "docs", kinds)

    first = again()
    assert found(first) == ["adr/0001-batch.md"]
    assert {f.path for f in first.findings if f.rule == "DEC012"} == {
        "adr/0002-big.md",
        "adr/0003-shared.md",
    }
    assert again() is first
    big.write_text(adr("Big"), encoding="utf-8")
    assert "adr/0002-big.md" in found(again())
    project.write("shared/0003-shared.md", adr("Shared"))
    assert "adr/0003-shared.md" in found(again())


def test_a_change_while_discovery_looked_is_never_trusted(project: Project) -> None:
    """A folder changed after discovery started may have changed after it was listed:
    its status then says nothing of what was found."""
    folder = project.root / "adr"
    folder.mkdir()
    since = trail.status_of(str(folder))
    assert since is not None
    started = max(since[3], since[4]) + 10 * trail.SETTLED_NANOSECONDS  # long after
    assert trail.statuses({str(folder)}, started) is not None
    assert trail.statuses({str(folder)}, max(since[3], since[4])) is None
