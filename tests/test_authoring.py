"""`decisions new`, `status` and `supersede` on real files: only the intended bytes change."""

from __future__ import annotations

import difflib
import os

import pytest

from conftest import PROJECT, Project, adr

# Files in the shapes people have: MADR 4 with comments, CRLF, quoted values, block lists,
# no front matter at all, adr-tools and MADR 2 metadata in the body.
STATUS_COMMENT = b"   # proposed | rejected | accepted | deprecated | superseded\n"
MADR4_COMMENTED = """\
---
# These are optional metadata elements. Feel free to remove any of them.
status: "accepted"   # proposed | rejected | accepted | deprecated | superseded
date: 2026-03-02
decision-makers:
  - Ana Silva   # the owner
  - Bo Chen
consulted: Data Protection Office
supersedes:
  - ADR-0001
---

# Serve forecasts nightly

## Context and Problem Statement

Forecasts must be ready before 09:00.

## Considered Options

* Nightly batch
* Online service

## Decision Outcome

Chosen option: "Nightly batch", because the data lands once a day.

### Consequences

* Good, because it is cheap.
* Bad, because a late data drop delays every forecast.
"""
CRLF = adr(front="title: 'Serve nightly'\nstatus: 'accepted'\ndate: 2026-03-02\ndeciders: [Ana]")
CRLF = CRLF.replace("\n", "\r\n")
NO_FRONT_MATTER = "# Serve forecasts nightly\n\nSome text with: colons and *stars*.  \n\nEnd\n"
ADR_TOOLS = """\
# 2. Serve forecasts nightly

Date: 2026-03-02

## Status

Accepted

## Context

The data lands once a day.

## Decision

We run a nightly batch.

## Consequences

It is cheap; a late drop delays forecasts.
"""
MADR2 = """\
# Serve forecasts nightly

* Status: accepted
* Deciders: Ana Silva
* Date: 2026-03-02

## Context and Problem Statement

Forecasts must be ready before 09:00.
"""


def changed_lines(before: bytes, after: bytes) -> tuple[list[bytes], list[bytes]]:
    """The lines (with their endings) that the edit removed and added; all else is equal."""
    old = before.splitlines(keepends=True)
    new = after.splitlines(keepends=True)
    removed: list[bytes] = []
    added: list[bytes] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag != "equal":
            removed += old[i1:i2]
            added += new[j1:j2]
    return removed, added


@pytest.mark.parametrize(
    ("name", "content", "removed", "added"),
    [
        (
            "madr4",
            MADR4_COMMENTED,
            [b'status: "accepted"' + STATUS_COMMENT],
            [b'status: "deprecated"' + STATUS_COMMENT],
        ),
        (
            "crlf",
            CRLF,
            [b"status: 'accepted'\r\n"],
            [b"status: 'deprecated'\r\n"],
        ),
        ("adr-tools", ADR_TOOLS, [b"Accepted\n"], [b"Deprecated\n"]),
        ("madr2", MADR2, [b"* Status: accepted\n"], [b"* Status: deprecated\n"]),
    ],
)
def test_status_changes_only_the_status(
    project: Project, name: str, content: str, removed: list[bytes], added: list[bytes]
) -> None:
    path = project.write(f"adr/0002-{name}.md", content.encode("utf-8"))
    before = path.read_bytes()
    result = project.decisions("status", "ADR-0002", "deprecated")
    assert result.returncode == 0, result.stderr
    assert "ADR-0002" in result.stderr and "is now deprecated" in result.stderr
    assert changed_lines(before, path.read_bytes()) == (removed, added)


def test_status_on_a_file_without_front_matter_adds_it_above_the_text(project: Project) -> None:
    path = project.write("adr/0003-x.md", NO_FRONT_MATTER)
    result = project.decisions("status", "adr/0003-x.md", "proposed")
    assert result.returncode == 0, result.stderr
    assert path.read_bytes() == b"---\nstatus: proposed\n---\n" + NO_FRONT_MATTER.encode()


def test_a_status_kept_in_a_metadata_file_is_changed_there(project: Project) -> None:
    """A KEP keeps its status in kep.yaml beside README.md: the command says so and
    writes neither file."""
    readme = project.write(
        "rfc/sig-apps/2214-indexed-job/README.md",
        "# KEP-2214: Indexed Job\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n",
    )
    metadata = project.write(
        "rfc/sig-apps/2214-indexed-job/kep.yaml",
        "title: Indexed Job\nkep-number: 2214\nstatus: implementable\ncreation-date: 2020-12-29\n",
    )
    before = (readme.read_bytes(), metadata.read_bytes())
    result = project.decisions("status", "RFC-2214", "implemented")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "the status is written in rfc/sig-apps/2214-indexed-job/kep.yaml (line 3)" in (
        result.stderr
    )
    assert (readme.read_bytes(), metadata.read_bytes()) == before
    assert "Traceback" not in result.stderr


def test_refused_transitions_leave_the_file_alone(project: Project) -> None:
    path = project.write("adr/0001-a.md", adr())
    before = path.read_bytes()
    result = project.decisions("status", "ADR-0001", "proposed")
    assert result.returncode == 1
    assert "ADR-0001 is accepted; the adr lifecycle allows deprecated, superseded" in result.stderr
    assert "decisions supersede OLD NEW" in result.stderr
    assert project.decisions("status", "ADR-0001", "sort-of").returncode == 1
    assert project.decisions("status", "ADR-0042", "deprecated").returncode == 1
    assert path.read_bytes() == before
    assert "Traceback" not in result.stderr
    forced = project.decisions("status", "ADR-0001", "proposed", "--force")
    assert forced.returncode == 0 and b"status: proposed\n" in path.read_bytes()


def test_supersede_edits_both_records_in_their_own_style(project: Project) -> None:
    old = project.write("adr/0001-nightly.md", MADR4_COMMENTED)
    new = project.write(
        "adr/0002-online.md", adr("Online", front="title: Online\nstatus: proposed  # new")
    )
    legacy = project.write("adr/0003-tools.md", ADR_TOOLS)
    old_before, new_before = old.read_bytes(), new.read_bytes()
    result = project.decisions("supersede", "ADR-0001", "ADR-0002")
    assert result.returncode == 0, result.stderr
    assert changed_lines(old_before, old.read_bytes()) == (
        [b'status: "accepted"' + STATUS_COMMENT],
        [b'status: "superseded"' + STATUS_COMMENT, b"superseded_by: ADR-0002\n"],
    )
    # ADR-0001 already lists a supersedes (block style): the new record got a flow list.
    assert changed_lines(new_before, new.read_bytes()) == (
        [],
        [b"supersedes: [ADR-0001]\n"],
    )
    # The adr-tools record says it in its Status section, as adr-tools does.
    tools_before = legacy.read_bytes()
    result = project.decisions("supersede", "ADR-0003", "ADR-0002")
    assert result.returncode == 0, result.stderr
    assert changed_lines(tools_before, legacy.read_bytes()) == (
        [b"Accepted\n"],
        [b"Superseded by [ADR-0002](0002-online.md)\n"],
    )
    assert b"supersedes: [ADR-0001, ADR-0003]\n" in new.read_bytes()
    project.configure()
    check = project.check("--no-history")
    assert "DEC202" not in check.stdout and "DEC203" not in check.stdout
    assert "no successor is named" not in check.stdout, check.stdout


def test_supersede_follows_the_lifecycle(project: Project) -> None:
    project.write("adr/0001-a.md", adr(front="title: A\nstatus: proposed"))
    project.write("adr/0002-b.md", adr(front="title: B\nstatus: proposed"))
    result = project.decisions("supersede", "ADR-0001", "ADR-0002")
    assert result.returncode == 1
    assert "does not let it become superseded (from proposed: accepted, rejected)" in result.stderr


def test_new_numbers_slugs_and_fills_the_template(project: Project) -> None:
    project.write("adr/0007-old.md", adr())
    result = project.decisions("new", "adr", "Use Feast for features: yes!", "--date", "2026-04-01")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "adr/0008-use-feast-for-features-yes.md"
    text = (project.root / "adr/0008-use-feast-for-features-yes.md").read_text()
    assert text.startswith("---\ntitle: 'Use Feast for features: yes!'\nstatus: proposed\n")
    assert "date: 2026-04-01\n" in text and "\n# Use Feast for features: yes!\n" in text
    project.configure()
    check = project.check("--no-history", "adr/0008-use-feast-for-features-yes.md")
    assert check.returncode == 0, check.stdout  # a proposed record from the template is valid


def test_new_for_every_kind_gives_valid_records(project: Project) -> None:
    for arguments in (
        ("rfc", "A feature store"),
        ("standard", "Secrets live in the vault", "--id", "STD-SEC-001"),
        ("project", "Demand forecasting"),
    ):
        result = project.decisions("new", *arguments, "--date", "2026-04-01")
        assert result.returncode == 0, result.stderr
    assert (project.root / "rfc/0001-a-feature-store.md").exists()
    assert (project.root / "docs/standards/std-sec-001-secrets-live-in-the-vault.md").exists()
    project_text = (project.root / "docs/projects/demand-forecasting.md").read_text()
    assert project_text.startswith("---\nid: demand-forecasting\ntitle: Demand forecasting\n")
    project.configure()
    check = project.check("--no-history")
    assert check.returncode == 0, check.stdout
    again = project.decisions("new", "project", "Demand forecasting")
    assert again.returncode == 1 and "already used" in again.stderr
    assert (project.root / "docs/projects/demand-forecasting.md").read_text() == project_text


def test_new_uses_the_folder_template_and_supersedes(project: Project) -> None:
    project.write("adr/template.md", "---\nstatus: proposed\n---\n\n# Title\n\n## Context\n\n")
    project.write("adr/0001-nightly.md", adr())
    result = project.decisions("new", "adr", "Serve online", "--supersedes", "ADR-0001")
    assert result.returncode == 0, result.stderr
    created = (project.root / "adr/0002-serve-online.md").read_text()
    assert "## Context\n" in created and "supersedes: [ADR-0001]" in created
    old = (project.root / "adr/0001-nightly.md").read_text()
    assert "status: superseded\nsuperseded_by: ADR-0002\n" in old
    assert "ADR-0001 is now superseded by ADR-0002" in result.stderr


def test_new_never_overwrites(project: Project) -> None:
    project.write("docs/projects/demand-forecasting.md", PROJECT)
    project.write("docs/projects/other.md", PROJECT.replace("id: demand-forecasting", "id: x"))
    before = (project.root / "docs/projects/other.md").read_bytes()
    # The slug of the new id is the name of a file that holds another project.
    result = project.decisions("new", "project", "Other", "--id", "other")
    assert result.returncode == 1
    assert "exists already; nothing was written" in result.stderr
    assert (project.root / "docs/projects/other.md").read_bytes() == before


def test_broken_front_matter_is_refused_not_made_worse(project: Project) -> None:
    path = project.write("adr/0001-a.md", "---\ntitle: [unclosed\nstatus: proposed\n---\n# A\n")
    before = path.read_bytes()
    result = project.decisions("status", "ADR-0001", "accepted")
    assert result.returncode == 1
    assert "the front matter is not valid YAML; fix it first" in result.stderr
    assert path.read_bytes() == before


def test_a_hash_inside_a_value_is_not_a_comment() -> None:
    from mkdocs_decisions.edit.frontmatter import Document

    document = Document.parse(b"---\ntitle: C# services\nstatus: proposed # new\n---\n")
    document.set_scalar("status", "accepted")
    document.set_scalar("title", "F# services")
    assert document.render() == b"---\ntitle: F# services\nstatus: accepted # new\n---\n"


# --- found in review: odd files, refusals, all-or-nothing writes ---------------------------


def test_keys_are_found_with_crlf_and_quotes(project: Project) -> None:
    project.write("adr/0001-a.md", adr())
    new = project.write(
        "adr/0002-b.md",
        b"---\r\ntitle: B\r\nstatus: proposed\r\nsupersedes:\r\n  - ADR-0009\r\n---\r\n# B\r\n",
    )
    quoted_key = project.write(
        "adr/0003-c.md", '---\n"title": C\n"status": proposed\n"supersedes": [adr-1]\n---\n# C\n'
    )
    assert project.decisions("supersede", "ADR-0001", "ADR-0002", "--force").returncode == 0
    assert new.read_bytes() == (
        b"---\r\ntitle: B\r\nstatus: proposed\r\nsupersedes:\r\n  - ADR-0009\r\n"
        b"  - ADR-0001\r\n---\r\n# B\r\n"
    )
    before = quoted_key.read_bytes()
    assert project.decisions("supersede", "ADR-0001", "ADR-0003", "--force").returncode == 0
    assert quoted_key.read_bytes() == before  # `adr-1` is ADR-0001 already


def test_lists_written_as_null_or_with_a_trailing_comma() -> None:
    from mkdocs_decisions.edit.frontmatter import Document

    for written, expected in (
        (b"supersedes: null", b"supersedes: [ADR-0001]"),
        (b"supersedes: [ADR-0003,]", b"supersedes: [ADR-0003, ADR-0001]"),
        (b"supersedes:   # none yet", b"supersedes:  [ADR-0001] # none yet"),
    ):
        document = Document.parse(b"---\n" + written + b"\n---\n")
        document.add_to_list("supersedes", "ADR-0001")
        document.check_still_yaml()
        assert document.render() == b"---\n" + expected + b"\n---\n"


def test_case_spaces_and_line_endings_of_the_front_matter_are_kept(project: Project) -> None:
    path = project.write(
        "adr/0001-a.md", b"---\ntitle: A\nstatus:   Proposed   \n---\r\n# A\r\n\r\nText\r\n"
    )
    assert project.decisions("status", "ADR-0001", "accepted").returncode == 0
    assert path.read_bytes() == b"---\ntitle: A\nstatus:   Accepted   \n---\r\n# A\r\n\r\nText\r\n"
    project.write("adr/0002-b.md", adr(front="title: B\nstatus: proposed"))
    assert project.decisions("supersede", "ADR-0001", "ADR-0002").returncode == 0
    assert b"status:   Superseded   \nsuperseded_by: ADR-0002\n---\r\n" in path.read_bytes()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("---\ntitle: A\nstatus: proposed\nstatus: proposed\n---\n# A\n", "set twice"),
        ("---\ntitle: A\nstatus: proposed\n# A\n", "never closed"),
        (
            "# A\n\n## Status\n\nWaiting for the board\n\n## Context\n\nx\n",
            "is not one this tool knows",
        ),
    ],
)
def test_files_that_an_edit_would_damage_are_refused(
    project: Project, content: str, message: str
) -> None:
    path = project.write("adr/0001-a.md", content)
    result = project.decisions("status", "ADR-0001", "accepted")
    assert result.returncode == 1 and message in result.stderr, result.stderr
    assert path.read_text() == content


def test_unwritable_files_leave_everything_as_it_was(project: Project) -> None:
    old = project.write("adr/0001-a.md", adr())
    new = project.write("adr/0002-b.md", adr(front="title: B\nstatus: proposed"))
    old.chmod(0o444)
    try:
        before = (old.read_bytes(), new.read_bytes())
        result = project.decisions("supersede", "ADR-0001", "ADR-0002")
        if os.access(old, os.W_OK):
            pytest.skip("running as a user who may write read-only files")
        assert result.returncode == 1 and "cannot be written" in result.stderr
        assert "Traceback" not in result.stderr
        assert (old.read_bytes(), new.read_bytes()) == before
        created = project.decisions("new", "adr", "C", "--supersedes", "ADR-0001")
        assert created.returncode == 1 and not (project.root / "adr/0003-c.md").exists()
    finally:
        old.chmod(0o644)
    assert not list((project.root / "adr").glob(".*tmp"))


def test_ambiguous_ids_and_bad_arguments(project: Project) -> None:
    project.write("adr/0001-a.md", adr())
    project.write("adr/sub/0001-a.md", adr())
    result = project.decisions("status", "ADR-0001", "deprecated")
    assert result.returncode == 1 and "name the file instead" in result.stderr
    assert project.decisions("status", "adr/sub/0001-a.md", "deprecated").returncode == 0
    date = project.decisions("new", "adr", "T", "--date", "2026-02-30")
    assert date.returncode == 2 and "--date 2026-02-30" in date.stderr
    assert project.decisions("new", "spec", "T").returncode == 2
    wrong_id = project.decisions("new", "adr", "T", "--id", "X-1")
    assert wrong_id.returncode == 1 and "--id is for standards and projects" in wrong_id.stderr


def test_new_standard_ids_follow_the_highest(project: Project) -> None:
    from conftest import standard

    project.write("docs/standards/a.md", standard("STD-001"))
    project.write("docs/standards/c.md", standard("STD-003", "Other"))
    result = project.decisions("new", "standard", "Third")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "docs/standards/std-004-third.md"


def test_a_failed_second_write_undoes_the_first(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection: the old record cannot be replaced after the new one was written."""
    from mkdocs_decisions.cli import main as cli
    from mkdocs_decisions.cli import write as cli_write

    old = project.write("adr/0001-a.md", adr())
    new = project.write("adr/0002-b.md", adr(front="title: B\nstatus: proposed"))
    before = (old.read_bytes(), new.read_bytes())
    real_replace = os.replace

    def failing_replace(source: str, target: str) -> None:
        if str(target).endswith("0001-a.md"):
            raise PermissionError(13, "Permission denied", str(target))
        real_replace(source, target)

    monkeypatch.setattr(cli_write.os, "replace", failing_replace)
    monkeypatch.chdir(project.root)
    assert cli.main(["supersede", "ADR-0001", "ADR-0002"]) == 2
    assert (old.read_bytes(), new.read_bytes()) == before
    assert not list((project.root / "adr").glob(".*tmp"))
