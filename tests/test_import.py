"""`decisions import`: foreign records become native, and mean the same afterwards."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mkdocs_decisions.corpus.load import load_corpus
from mkdocs_decisions.corpus.settings import settings_from_options
from mkdocs_decisions.records.model import Record

from conftest import ROOT, Project

FOREIGN = ROOT / "tests" / "fixtures" / "foreign"
SOURCES = {
    "adr-tools": "adr-tools",
    "log4brains": "log4brains",
    "madr2": "madr",
    "madr3": "madr",
    "madr4": "madr",
}


def meaning(root: Path) -> dict[str, tuple[object, ...]]:
    """What the tool reads from each record: id, title, status, date, people, links."""
    settings = settings_from_options({})
    corpus = load_corpus(root, root / "docs", settings)

    def key(record: Record) -> tuple[object, ...]:
        return (
            record.title,
            record.status,
            record.date,
            record.strings("deciders"),
            record.strings("consulted"),
            record.strings("informed"),
            tuple(sorted(set(record.strings("tags")))),
            tuple(r.id for r in corpus.predecessors(record)),
            tuple(r.id for r in corpus.successors(record)),
            tuple(sorted(r.id for r in corpus.related(record))),
        )

    return {record.id: key(record) for record in corpus.records}


@pytest.mark.parametrize("fixture", sorted(SOURCES))
def test_import_keeps_the_meaning_and_the_text(project: Project, fixture: str) -> None:
    shutil.copytree(FOREIGN / fixture, project.root / "adr")
    (project.root / "adr" / "expected.json").unlink()
    project.git_commit_all("foreign records")
    before = meaning(project.root)
    texts = {p.name: p.read_text() for p in (project.root / "adr").glob("*.md")}

    dry = project.decisions("import", "adr", "--from", SOURCES[fixture], "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert {p.name: p.read_text() for p in (project.root / "adr").glob("*.md")} == texts

    result = project.decisions("import", "adr", "--from", SOURCES[fixture])
    assert result.returncode == 0, result.stderr
    assert meaning(project.root) == before
    for path in (project.root / "adr").glob("*.md"):
        text = path.read_text()
        if path.name in ("README.md", "index.md", "template.md", "adr-template.md"):
            assert text == texts[path.name]  # not records: untouched
            continue
        assert text.startswith("---\n"), path.name
        # The text below the metadata is kept: every line of the body is still there.
        original = texts[path.name]
        body = original.split("\n---\n", 1)[1] if original.startswith("---\n") else original
        kept = [line for line in body.splitlines() if _is_prose(line)]
        assert all(line in text for line in kept), path.name
    # A second import has nothing left to do.
    again = project.decisions("import", "adr", "--from", SOURCES[fixture], "--force")
    assert again.returncode == 0 and "nothing to import" in again.stderr


def _is_prose(line: str) -> bool:
    """Lines that are text, not the metadata an import moves into front matter."""
    metadata = (
        "status",
        "date",
        "deciders",
        "tags",
        "superseded by",
        "superceded by",
        "supercedes",
        "supersedes",
    )
    stripped = line.strip().lstrip("*-+ ").lower()
    return (
        bool(stripped)
        and not stripped.startswith(metadata)
        and stripped
        not in (
            "accepted",
            "proposed",
            "deprecated",
            "rejected",
            "superseded",
            "## status",
        )
    )


def test_dry_run_prints_a_diff(project: Project) -> None:
    shutil.copytree(FOREIGN / "madr2", project.root / "adr")
    result = project.decisions("import", "adr", "--from", "madr", "--dry-run")
    assert "--- a/adr/0001-use-a-central-feature-store.md" in result.stdout
    assert "-* Status: accepted" in result.stdout and "+status: accepted" in result.stdout
    assert "would change (dry run)" in result.stderr


def test_import_refuses_uncommitted_changes(project: Project) -> None:
    shutil.copytree(FOREIGN / "adr-tools", project.root / "adr")
    project.git_commit_all("records")
    edited = project.root / "adr" / "0003-track-experiments-in-mlflow.md"
    edited.write_text(edited.read_text() + "\nA note not committed yet.\n")
    before = edited.read_bytes()
    result = project.decisions("import", "adr", "--from", "adr-tools")
    assert result.returncode == 1
    assert "adr/0003-track-experiments-in-mlflow.md" in result.stderr
    assert "Commit or stash them, or use --force" in result.stderr
    assert edited.read_bytes() == before
    assert (
        not (project.root / "adr/0001-record-architecture-decisions.md")
        .read_text()
        .startswith("---")
    )
    forced = project.decisions("import", "adr", "--from", "adr-tools", "--force")
    assert forced.returncode == 0
    assert edited.read_text().rstrip().endswith("A note not committed yet.")


def test_import_outside_git_needs_force(project: Project) -> None:
    shutil.copytree(FOREIGN / "adr-tools", project.root / "adr")
    result = project.decisions("import", "adr", "--from", "adr-tools")
    assert result.returncode == 1 and "--force" in result.stderr
    assert project.decisions("import", "missing", "--from", "madr").returncode == 2


def test_import_keeps_what_it_does_not_understand(project: Project) -> None:
    unknown = (
        "# 1. X\n\nDate: 2020-01-02\n\n## Status\n\nAccepted (board, 2020-07-01)\n\n"
        "## Context\n\nctx\n"
    )
    known = "# 2. Y\n\nDate: 2020-01-03\n\n## Status\n\nAccepted\n\n## Context\n\nctx\n"
    project.write("adr/0001-x.md", unknown)
    project.write("adr/0002-y.md", known)
    project.write("adr/backlog.md", "# Backlog\n\n* Status: whatever\n")
    project.git_commit_all("records")
    result = project.decisions("import", "adr", "--from", "adr-tools")
    assert result.returncode == 0, result.stderr
    x = (project.root / "adr/0001-x.md").read_text()
    assert x == "---\ndate: 2020-01-02\n---\n" + unknown.replace("Date: 2020-01-02\n\n", "")
    y = (project.root / "adr/0002-y.md").read_text()
    assert y == "---\nstatus: accepted\ndate: 2020-01-03\n---\n# 2. Y\n\n## Context\n\nctx\n"
    assert (project.root / "adr/backlog.md").read_text().startswith("# Backlog")


def test_import_keeps_a_successor_named_by_its_title_in_the_text(project: Project) -> None:
    """`Superseded by: Use string ids` names its successor by title; front matter has no
    place for a title, so the line stays where it is written."""
    old = "# 1. X\n\n## Status\n\nSuperseded by: Use string ids\n\n## Context\n\nctx\n"
    project.write("adr/0001-x.md", old)
    project.write("adr/0002-y.md", "# 2. Use string ids\n\n## Status\n\nAccepted\n")
    project.git_commit_all("records")
    result = project.decisions("import", "adr", "--from", "adr-tools")
    assert result.returncode == 0, result.stderr
    assert "Superseded by: Use string ids" in (project.root / "adr/0001-x.md").read_text()


def test_import_refuses_files_git_ignores(project: Project) -> None:
    shutil.copytree(FOREIGN / "adr-tools", project.root / "adr")
    project.write(".gitignore", "adr/0002*\n")
    project.git_commit_all("records, one ignored")
    result = project.decisions("import", "adr", "--from", "adr-tools")
    assert result.returncode == 1
    assert "adr/0002-serve-online-features-from-redis.md" in result.stderr
