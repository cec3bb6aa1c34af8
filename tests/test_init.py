"""`decisions init` on repositories as teams have them: finds the record folders, names
their formats, proposes the configuration, and writes it only when asked, never
reformatting what exists. Then check, baseline and a strict build work."""

from __future__ import annotations

from conftest import Project

NYGARD = """\
# {number}. {title}

Date: 2024-0{number}-10

## Status

{status}

## Context

The context.

## Decision

We do it.

## Consequences

It costs a little.
"""

RUST_RFC = """\
- Feature Name: `{slug}`
- Start Date: 2023-05-0{number}

# Summary

One paragraph.

# Motivation

Why.
"""


def nygard_repository(project: Project) -> None:
    for number, (title, status) in enumerate(
        [("Record decisions", "Accepted"), ("Use Postgres", "Implemented"), ("Use S3", "Stable")],
        start=1,
    ):
        slug = title.lower().replace(" ", "-")
        project.write(
            f"doc/adr/000{number}-{slug}.md",
            NYGARD.format(number=number, title=title, status=status),
        )
    project.git_commit_all("records", "2024-04-01T09:00:00+00:00")


def test_init_shows_the_change_and_writes_it_only_when_asked(project: Project) -> None:
    nygard_repository(project)
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "doc/adr/  3 ADRs, Nygard / adr-tools (Status section)" in shown.stdout
    assert "stable (1) -> ?" in shown.stdout
    assert "+          folder: doc/adr" in shown.stdout
    assert "# stable: ?" in shown.stdout  # a word without a guessed meaning: a question
    assert "Nothing was written" in shown.stdout
    assert not (project.root / "mkdocs.yml").exists()
    assert not (project.root / "docs").exists()

    written = project.decisions("init", "--write")
    assert written.returncode == 0, written.stderr
    config = (project.root / "mkdocs.yml").read_text()
    assert "folder: doc/adr" in config and "not_found: info" in config
    assert (project.root / "docs/index.md").exists()

    checked = project.decisions("check")
    assert "DEC101" in checked.stdout and "`Stable`" in checked.stdout  # one finding
    assert checked.stdout.count("DEC101") == 1
    assert project.decisions("baseline").returncode == 0
    assert project.decisions("check").returncode == 0
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert "ADR-0002" in project.html("doc/adr/0002-use-postgres/index.html")

    # A new bad record still fails the build.
    project.write("doc/adr/0004-bad.md", "# 4. Bad\n\n## Status\n\nAcepted\n")
    failed = project.build("--strict")
    assert failed.returncode == 1
    assert "did you mean `accepted`?" in failed.stderr


def test_init_adds_the_plugin_to_an_existing_config_line_by_line(project: Project) -> None:
    nygard_repository(project)
    original = (
        "site_name: Team docs  # our site\n"
        "theme:\n"
        "    name: mkdocs\n"
        "plugins:\n"
        "    - search   # keep this comment\n"
        "markdown_extensions:\n"
        "    - toc\n"
    )
    project.write("mkdocs.yml", original)
    project.write("docs/index.md", "# Home\n")
    assert project.decisions("init", "--write").returncode == 0
    config = (project.root / "mkdocs.yml").read_text()
    assert config.startswith(original.split("markdown_extensions:")[0])
    assert "    - decisions:\n        kinds:\n" in config
    assert config.endswith("markdown_extensions:\n    - toc\n")
    assert (project.root / "docs/index.md").read_text() == "# Home\n"

    again = project.decisions("init", "--write")
    assert again.returncode == 0 and "configured in mkdocs.yml already" in again.stdout
    assert (project.root / "mkdocs.yml").read_text() == config


def test_init_for_rfcs_without_statuses_proposes_a_default(project: Project) -> None:
    for number in range(1, 6):
        project.write(
            f"rfcs/000{number}-idea-{number}.md", RUST_RFC.format(slug="x", number=number)
        )
    shown = project.decisions("init")
    assert "rfcs/  5 RFCs, RFC with metadata lines (Rust-style)" in shown.stdout
    assert "default_status: accepted" in shown.stdout


def test_init_proposes_page_keys_for_keys_records_share(project: Project) -> None:
    """Keys another tool writes (here `sidebar_weight`, `owner_team`) in several records
    become page keys; one written once is left to the check to report."""
    for number in range(1, 4):
        extra = "owner_team: data\n" if number < 3 else "reviewed_by_legal: yes\n"
        project.write(
            f"docs/decisions/000{number}-choice-{number}.md",
            f"---\nstatus: accepted\ndate: 2024-01-0{number}\nsidebar_weight: {number}\n"
            f"{extra}---\n\n# Choice {number}\n\n## Context and Problem Statement\n\nC.\n",
        )
    project.git_commit_all("records", "2024-04-01T09:00:00+00:00")
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "Traceback" not in shown.stderr
    assert "page_keys" in shown.stdout and "owner_team" in shown.stdout
    assert "sidebar_weight" in shown.stdout and "reviewed_by_legal" not in shown.stdout


def test_init_follows_backstage_annotation(project: Project) -> None:
    project.write(
        "catalog-info.yaml",
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\n"
        "  annotations:\n    backstage.io/adr-location: handbook/choices\n",
    )
    project.write(
        "handbook/choices/0001-a.md", NYGARD.format(number=1, title="A", status="Accepted")
    )
    shown = project.decisions("init")
    assert "handbook/choices/" in shown.stdout and "Backstage" in shown.stdout


def test_init_without_records_says_how_to_start(project: Project) -> None:
    project.write("README.md", "# Just code\n")
    result = project.decisions("init")
    assert result.returncode == 1
    assert "no record folders found" in result.stderr and "decisions new adr" in result.stderr


def test_init_names_the_template_the_records_are_held_to(project: Project) -> None:
    nygard_repository(project)
    project.write(
        "doc/adr/template.md", "# NUMBER. TITLE\n\n## Status\n\n## Context\n\n## Decision\n"
    )
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "template doc/adr/template.md: its records are asked for the sections it has" in (
        shown.stdout
    )
    assert "4 ADRs" not in shown.stdout  # the template is no record
