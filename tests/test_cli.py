"""The `decisions check` command, run as a real process."""

from __future__ import annotations

import json

from conftest import VALID_RFC, Project, adr


def test_clean_project_exits_zero(project: Project) -> None:
    project.write("adr/0001-x.md", adr())
    project.configure()
    result = project.check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "1 record checked: 0 errors" in result.stderr


def test_errors_exit_one_with_file_line_col(project: Project) -> None:
    project.write("adr/0001-x.md", adr(front="title: T\nstatus: [accepted]"))
    project.write("adr/0002-y.md", adr())
    project.configure()
    result = project.check()
    assert result.returncode == 1
    assert "adr/0001-x.md:3:9: DEC007 error: `status` must be a single value, not a list" in (
        result.stdout
    )
    assert "Traceback" not in result.stderr


def test_json_output(project: Project) -> None:
    project.write("adr/0001-x.md", adr(front="title: T\nstatus: accepted\nstatuss: x"))
    project.configure()
    result = project.check("--format", "json")
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["records"] == 1
    rules = {f["rule"]: f for f in document["findings"]}
    assert rules["DEC006"] == {
        "rule": "DEC006",
        "severity": "warning",
        "path": "adr/0001-x.md",
        "line": 4,
        "column": 1,
        "message": "unknown key `statuss` for a record of kind adr",
        "hint": "did you mean `status`?",
    }
    assert document["summary"]["error"] == sum(
        1 for f in document["findings"] if f["severity"] == "error"
    )


def test_paths_limit_the_report(project: Project) -> None:
    project.write("adr/0001-x.md", "")
    project.write("rfc/0001-y.md", "")
    project.configure()
    result = project.check("rfc")
    assert "rfc/0001-y.md" in result.stdout and "adr/0001-x.md" not in result.stdout
    assert project.check("nowhere").returncode == 2


def test_reads_plugin_options_from_mkdocs_yml(project: Project) -> None:
    project.write("decisions/0001-x.md", adr(body="# T\n\n## Context\n\nx\n"))
    project.configure(
        plugin_options={"kinds": {"adr": {"folder": "decisions"}}, "rules": {"DEC301": "warning"}}
    )
    result = project.check()
    assert result.returncode == 0, result.stdout
    assert "decisions/0001-x.md" in result.stdout and "DEC301 warning" in result.stdout


def test_mkdocs_yml_with_python_tags_is_read_safely(project: Project) -> None:
    project.write("adr/0001-x.md", adr())
    project.write(
        "mkdocs.yml",
        "site_name: x\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - decisions:\n      rules: {DEC105: 'off'}\n",
    )
    assert project.check().returncode == 0


def test_bad_configuration_exits_two(project: Project) -> None:
    project.configure(plugin_options={"fail_on": "sometimes"})
    result = project.check()
    assert result.returncode == 2
    assert "fail_on" in result.stderr and "Traceback" not in result.stderr


def test_fail_on_warning_changes_the_exit_code(project: Project) -> None:
    project.write(
        "adr/0001-x.md",
        adr(front="title: T\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana]\nstatuss: x"),
    )
    project.configure()
    assert project.check().returncode == 0
    project.configure(plugin_options={"fail_on": "warning"})
    assert project.check().returncode == 1


def test_no_record_folder_exits_two(project: Project) -> None:
    project.configure()
    result = project.check()
    assert result.returncode == 2
    assert "no record folders found" in result.stderr


def test_history_warning_and_require_history(project: Project) -> None:
    project.write("adr/0001-x.md", adr())
    project.configure()
    result = project.check()
    assert result.returncode == 0
    assert result.stderr.count("decisions: warning:") == 1
    assert "not in a git repository" in result.stderr
    assert "decisions: warning:" not in project.check("--no-history").stderr
    project.configure(plugin_options={"require_history": True})
    assert project.check().returncode == 2


def test_github_annotations_point_at_the_line(project: Project) -> None:
    project.write("adr/0001-x.md", adr(front="title: T\nstatus: [accepted]"))
    project.configure()
    result = project.check("--format", "github")
    assert result.returncode == 1
    (line,) = [line for line in result.stdout.splitlines() if "DEC007" in line]
    assert line.startswith(
        "::error file=adr/0001-x.md,line=3,col=9,title=DEC007 wrong-type::"
        "`status` must be a single value, not a list"
    )


def test_github_annotation_escaping() -> None:
    from pathlib import Path

    from mkdocs_decisions.catalogue.findings import Finding, Position, Severity
    from mkdocs_decisions.cli.read import github_annotation

    finding = Finding(
        "DEC201", Severity.WARNING, "adr/a,b:c.md", Position(2, 3), "50% done\nnext", "h"
    )
    text = github_annotation(finding, Path.cwd())
    assert text.startswith("::warning file=adr/a%2Cb%3Ac.md,line=2,col=3,title=DEC201 ")
    assert text.endswith("::50%25 done%0Anext (hint: h)")


def test_changed_since_reports_changed_records_and_all_links(project: Project) -> None:
    project.write("adr/0001-a.md", adr(front="title: A\nstatus: accepted"))  # DEC105
    project.write("adr/0002-b.md", adr(front="title: B\nstatus: proposed\nrelated: [ADR-0009]"))
    project.configure()
    project.git_commit_all("two records")
    project.write("adr/0003-c.md", adr(front="title: C\nstatus: accepted"))  # DEC105, new
    result = project.check("--changed-since", "HEAD", "--format", "json")
    found = {(f["path"], f["rule"]) for f in json.loads(result.stdout)["findings"]}
    assert ("adr/0003-c.md", "DEC105") in found
    assert ("adr/0002-b.md", "DEC201") in found  # a link problem anywhere is reported
    assert ("adr/0001-a.md", "DEC105") not in found  # unchanged since HEAD
    bad = project.check("--changed-since", "no-such-ref")
    assert bad.returncode == 2 and "--changed-since no-such-ref" in bad.stderr


def test_list_filters_and_json(project: Project) -> None:
    project.write(
        "adr/0001-a.md",
        adr(
            "Nightly batch",
            front="title: Nightly batch\nstatus: accepted\ndate: 2026-03-02\n"
            "deciders: [Ana]\ntags: [serving]",
        ),
    )
    project.write("adr/0002-b.md", adr(front="title: Online\nstatus: proposed\ntags: [serving]"))
    project.write("rfc/0001-c.md", VALID_RFC)
    project.configure()
    table = project.decisions("list", "--status", "accepted")
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["ID", "KIND", "STATUS", "DATE", "TITLE"]
    assert len(lines) == 2 and lines[1].split()[:4] == ["ADR-0001", "adr", "accepted", "2026-03-02"]
    as_json = project.decisions("list", "--tag", "serving", "--kind", "adr", "--format", "json")
    document = json.loads(as_json.stdout)
    assert [r["id"] for r in document["records"]] == ["ADR-0001", "ADR-0002"]
    first = document["records"][0]
    assert (first["status_as_written"], first["deciders"], first["superseded_by"]) == (
        "accepted",
        ["Ana"],
        [],
    )


def test_a_folder_of_pages_and_no_record_is_told_why(project: Project) -> None:
    """A configured folder whose pages are none of them named as records are: `check`
    and the build say why nothing was read, rather than reading nothing in silence."""
    project.configure()
    project.write("adr/index.md", "# Decisions\n\nBy category.\n")
    project.write("adr/tech/containers/index.md", "# Containers\n\nNotes, no status.\n")
    checked = project.check()
    assert "0 records checked" in checked.stderr
    assert "adr/ holds 2 pages but no record" in checked.stderr
    built = project.build()
    assert "adr/ holds 2 pages but no record" in built.stderr
