"""History from real git repositories with fixed dates: one pass, renames, lifecycle."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from mkdocs_decisions.catalogue.rules import RULES
from mkdocs_decisions.checks.run import run_checks
from mkdocs_decisions.cli.project import HistoryReading
from mkdocs_decisions.corpus.load import load_corpus, project_history
from mkdocs_decisions.corpus.settings import settings_from_options
from mkdocs_decisions.history.git_log import cached_history, read_history, status_in
from mkdocs_decisions.records.kinds import default_kinds

from conftest import VALID_RFC, Project, adr

ACCEPTED = "title: Serve forecasts nightly\nstatus: accepted\ndate: 2026-02-01\ndeciders: [Ana]"
PROPOSED = ACCEPTED.replace("accepted", "proposed")
REJECTED = ACCEPTED.replace("accepted", "rejected")


def lifecycle_project(project: Project) -> None:
    """ADR-0001 proposed (Jan), accepted (Feb), renamed (Mar), edited (Apr)."""
    project.configure()
    project.write("adr/0001-nightly.md", adr(front=PROPOSED))
    project.git_commit_all("propose", "2026-01-10T09:00:00+00:00")
    project.write("adr/0001-nightly.md", adr(front=ACCEPTED))
    project.git_commit_all("accept", "2026-02-01T09:00:00+00:00", ("Bo Chen", "bo@example.com"))
    (project.root / "adr/0001-nightly.md").rename(project.root / "adr/0001-serve-nightly.md")
    project.git_commit_all("rename", "2026-03-03T09:00:00+00:00")
    text = (
        (project.root / "adr/0001-serve-nightly.md")
        .read_text()
        .replace("cheap to run", "cheap to run and to test")
    )
    project.write("adr/0001-serve-nightly.md", text)
    project.git_commit_all("edit", "2026-04-04T09:00:00+00:00")


def findings(project: Project) -> list[str]:
    settings = settings_from_options({})
    history = read_history(project.root, ["adr", "rfc"])
    corpus = load_corpus(project.root, project.root / "docs", settings, history)
    return [f.as_text() for f in run_checks(corpus, settings)]


def test_every_history_rule_has_a_test() -> None:
    tested = {"DEC401", "DEC402", "DEC403"}
    assert tested == {rule for rule in RULES if rule.startswith("DEC4")}


def test_timeline_follows_renames(project: Project) -> None:
    lifecycle_project(project)
    history = read_history(project.root, ["adr"])
    assert history.warnings == []
    file = history.of("adr/0001-serve-nightly.md")
    assert file is not None
    assert [v.path for v in file.versions] == [
        "adr/0001-nightly.md",
        "adr/0001-nightly.md",
        "adr/0001-serve-nightly.md",
        "adr/0001-serve-nightly.md",
    ]
    assert file.created.day.isoformat() == "2026-01-10"
    assert file.updated.day.isoformat() == "2026-04-04"
    assert file.authors == ("Ana Silva", "Bo Chen")
    assert [(c.old, c.new, c.commit.day.isoformat()) for c in file.status_timeline] == [
        (None, "proposed", "2026-01-10"),
        ("proposed", "accepted", "2026-02-01"),
    ]
    accepted = file.changed_to("accepted")
    assert accepted is not None and accepted.author == "Bo Chen"


def test_edit_after_acceptance_is_reported_with_its_commit(project: Project) -> None:
    lifecycle_project(project)
    (hit,) = [f for f in findings(project) if "DEC402" in f]
    assert hit.startswith("adr/0001-serve-nightly.md:2:8: DEC402 warning")
    assert "2026-04-04" in hit and "supersede instead" in hit


def test_tracing_an_accepted_decision_is_not_an_edit(project: Project) -> None:
    """Adding project, addresses and complies_with (lists included) after acceptance
    changes what the decision is traced to, not the decision: no DEC402."""
    project.configure()
    project.write("adr/0001-a.md", adr(front=ACCEPTED))
    project.git_commit_all("accept", "2026-02-01T09:00:00+00:00")
    traced = ACCEPTED + (
        "\nproject: demand-forecasting\naddresses:\n  - demand-forecasting/QA-1\n"
        "  - demand-forecasting/REQ-1\ncomplies_with: [STD-SEC-001]"
    )
    project.write("adr/0001-a.md", adr(front=traced))
    project.git_commit_all("trace", "2026-03-01T09:00:00+00:00")
    assert not [f for f in findings(project) if "DEC402" in f]
    # A deviation added later is a change of substance.
    project.write(
        "adr/0001-a.md",
        adr(front=traced + "\ndeviates_from:\n  - standard: STD-TECH-002\n    reason: Java"),
    )
    project.git_commit_all("deviate", "2026-03-02T09:00:00+00:00")
    assert [f for f in findings(project) if "DEC402" in f]


def test_metadata_added_or_moved_after_acceptance_is_not_an_edit(project: Project) -> None:
    """Another tool's keys added to every record (`category: JavaScript`), and the body's
    metadata bullets moved into the front matter, say what the record is, not what it
    decided: no DEC402."""
    project.configure()
    front, body = adr(front=ACCEPTED).split("---\n", 2)[1:]
    bullets = "- **Consulted:** Platform team, Data team\n- **Informed:** Everyone\n\n"
    project.write("adr/0001-a.md", f"---\n{front}---\n{bullets}{body}")
    project.git_commit_all("accept", "2026-02-01T09:00:00+00:00")
    moved = front + "consulted: [Platform team, Data team]\ninformed: [Everyone]\n"
    project.write("adr/0001-a.md", f"---\n{moved}---\n{body}")
    project.git_commit_all("front matter", "2026-02-05T09:00:00+00:00")
    labelled = moved + "category: JavaScript\nsidebar_label: Serving forecasts every night\n"
    project.write("adr/0001-a.md", f"---\n{labelled}---\n{body}")
    project.git_commit_all("category", "2026-02-06T09:00:00+00:00")
    assert not [f for f in findings(project) if "DEC402" in f]


def test_a_status_from_the_metadata_file_is_not_a_change_in_the_working_tree(
    project: Project,
) -> None:
    """A GEP's page says `* Status: Provisional`, its `metadata.yaml` `Implemented`:
    the status is the metadata file's, and its text's history is no timeline to compare
    it with; no DEC401 on a clean tree."""
    project.configure(plugin_options={"kinds": {"rfc": {"folder": "geps"}}})
    page = "# GEP-{n}: {title}\n\n* Issue: #{n}\n* Status: Provisional\n\n## TLDR\n\nX\n"
    for number in (1651, 1713, 1742):
        project.write(f"geps/gep-{number}/index.md", page.format(n=number, title="Routes"))
        project.write(f"geps/gep-{number}/metadata.yaml", "name: Routes\nstatus: Implemented\n")
    project.git_commit_all("geps", "2026-01-10T09:00:00+00:00")
    settings = settings_from_options({"kinds": {"rfc": {"folder": "geps"}}})
    history = project_history(project.root, settings)
    corpus = load_corpus(project.root, project.root / "docs", settings, history)
    assert {record.status for record in corpus.records} == {"implemented"}
    assert not [f for f in run_checks(corpus, settings) if f.rule == "DEC401"]


def test_lines_of_the_decision_that_look_like_labels_are_its_words(project: Project) -> None:
    """`| State | Redis cluster |` in the Decision, `- Implementation: ...` in the
    Consequences are the decision's words, not metadata: rewriting them is an edit."""
    project.configure()
    body = adr(front=ACCEPTED).split("---\n", 2)[2]
    table = "\n| State | Redis cluster |\n| Data | encrypted at rest |\n\n"
    items = "\n- Implementation: the gateway calls Redis\n- Every service restarts\n\n"
    text = body.replace("## Consequences\n", "## Consequences\n" + items, 1)
    text = text.replace("## Decision Outcome\n", "## Decision Outcome\n" + table, 1)
    assert table in text and items in text
    front = "---\n" + adr(front=ACCEPTED).split("---\n", 2)[1] + "---\n"
    project.write("adr/0001-a.md", front + text)
    project.git_commit_all("accept", "2026-02-01T09:00:00+00:00")
    changed = text.replace("Redis cluster", "Memcached").replace("encrypted at rest", "plain")
    changed = changed.replace("calls Redis", "calls Memcached").replace("restarts", "stays")
    project.write("adr/0001-a.md", front + changed)
    project.git_commit_all("rewrite", "2026-03-01T09:00:00+00:00")
    assert [f for f in findings(project) if "DEC402" in f]


def test_illegal_transition_in_history_and_in_the_working_tree(project: Project) -> None:
    project.configure()
    project.write("adr/0001-a.md", adr(front=PROPOSED))
    project.git_commit_all("propose", "2026-01-10T09:00:00+00:00")
    project.write("adr/0001-a.md", adr(front=REJECTED))
    project.git_commit_all("reject", "2026-01-20T09:00:00+00:00")
    project.write("adr/0001-a.md", adr(front=ACCEPTED))
    project.git_commit_all("revive", "2026-01-30T09:00:00+00:00")
    found = [f for f in findings(project) if "DEC401" in f]
    assert len(found) == 1
    assert found[0].startswith("adr/0001-a.md:3:9: DEC401 warning: status changed from rejected")
    assert "2026-01-30" in found[0]

    project.write("adr/0001-a.md", adr(front=PROPOSED))  # accepted -> proposed, not committed
    found = [f for f in findings(project) if "DEC401" in f]
    assert any("from accepted to proposed in the working tree" in f for f in found)


def test_date_before_the_file_existed(project: Project) -> None:
    project.configure()
    project.write("adr/0001-a.md", adr(front=ACCEPTED.replace("2026-02-01", "2025-10-24")))
    project.git_commit_all("add", "2026-01-10T09:00:00+00:00")
    (hit,) = [f for f in findings(project) if "DEC403" in f]
    assert hit.startswith("adr/0001-a.md:4:7: DEC403 warning: date 2025-10-24 is 78 days before")


def test_a_decision_merged_weeks_later_is_no_wrong_date(project: Project) -> None:
    """Deciding, then merging three weeks later: within the default 60 days."""
    project.configure()
    project.write("adr/0001-a.md", adr(front=ACCEPTED.replace("2026-02-01", "2025-12-20")))
    project.git_commit_all("add", "2026-01-10T09:00:00+00:00")
    assert not [f for f in findings(project) if "DEC403" in f]
    settings = settings_from_options({"date_tolerance": 7})
    history = read_history(project.root, ["adr", "rfc"])
    corpus = load_corpus(project.root, project.root / "docs", settings, history)
    assert [f.rule for f in run_checks(corpus, settings)].count("DEC403") == 1


def test_records_imported_in_one_commit_keep_their_older_dates(project: Project) -> None:
    """Five records added by one commit were brought in from elsewhere: their dates
    were set long before and are no late merge; a record added on its own still is."""
    project.configure()
    for number in range(1, 6):
        dated = ACCEPTED.replace("2026-02-01", f"2024-0{number}-10")
        project.write(
            f"adr/000{number}-r.md", adr(front=dated.replace("nightly", f"nightly {number}"))
        )
    project.git_commit_all("import the records from the wiki", "2026-01-10T09:00:00+00:00")
    assert not [f for f in findings(project) if "DEC403" in f]
    late = ACCEPTED.replace("2026-02-01", "2025-06-01").replace("nightly", "late")
    project.write("adr/0006-late.md", adr(front=late))
    project.git_commit_all("add one", "2026-01-12T09:00:00+00:00")
    assert [f.split(":")[0] for f in findings(project) if "DEC403" in f] == ["adr/0006-late.md"]


def test_an_rfc_proposed_long_before_it_was_merged_has_no_wrong_date(project: Project) -> None:
    """An RFC's date is the day it was proposed: months of review before merging."""
    project.configure()
    rfc = "---\ntitle: Agile coretime\nstatus: accepted\ndate: 2025-01-10\n---\n\n"
    rfc += "# Agile coretime\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n"
    project.write("rfc/0001-agile-coretime.md", rfc)
    project.git_commit_all("merge the RFC", "2026-01-10T09:00:00+00:00")
    assert not [f for f in findings(project) if "DEC403" in f]


def test_a_typo_fixed_after_acceptance_is_no_edit(project: Project) -> None:
    """Whitespace, letter case of headings and a few words' spelling are not DEC402."""
    project.configure()
    text = adr(front=ACCEPTED)
    project.write("adr/0001-a.md", text)
    project.git_commit_all("accept", "2026-02-01T09:00:00+00:00")
    fixed = text.replace("## Considered Options", "## Considered options").replace(
        "cheap to run", "cheap  to  rnu"
    )
    project.write("adr/0001-a.md", fixed)
    project.git_commit_all("typo", "2026-02-02T09:00:00+00:00")
    project.write("adr/0001-a.md", fixed.replace("rnu", "run"))
    project.git_commit_all("typo again", "2026-02-03T09:00:00+00:00")
    assert not [f for f in findings(project) if "DEC402" in f]
    project.write("adr/0001-a.md", fixed.replace("rnu", "run and to test and to deploy"))
    project.git_commit_all("substance", "2026-02-04T09:00:00+00:00")
    assert [f for f in findings(project) if "DEC402" in f]


def test_one_persons_name_and_login_are_one_contributor(project: Project) -> None:
    """Strimzi's `Jason Morais` and `jasonmorais` (the same person's commits and merges on
    the forge): one contributor, by the name written first."""
    project.configure()
    project.write("adr/0001-a.md", adr(front=PROPOSED))
    project.git_commit_all("propose", "2026-01-10T09:00:00+00:00", ("Jason Morais", "j@x.org"))
    project.write("adr/0001-a.md", adr(front=ACCEPTED))
    project.git_commit_all(
        "accept", "2026-02-10T09:00:00+00:00", ("jasonmorais", "j@users.noreply")
    )
    project.write("adr/0001-a.md", adr(front=ACCEPTED.replace("Ana]", "Ana, Bo]")))
    project.git_commit_all("edit", "2026-02-10T10:00:00+00:00", ("Bo Chen", "bo@x.org"))
    file = read_history(project.root, ["adr"]).of("adr/0001-a.md")
    assert file is not None and file.authors == ("Jason Morais", "Bo Chen")


def test_mailmap_names_and_no_email_anywhere(project: Project) -> None:
    lifecycle_project(project)
    project.write(".mailmap", "Bo Chen-Larsen <bo@example.com>\n")
    project.git_commit_all("mailmap", "2026-04-05T09:00:00+00:00")
    project.configure(repo_url="https://github.com/acme/decisions")
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    page = project.content("adr/0001-serve-nightly/index.html")
    assert "<strong>Contributors:</strong> Ana Silva, Bo Chen-Larsen" in page
    for html in (project.root / "site").rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "@example.com" not in text, html
    assert "@example.com" not in (project.root / "site/search/search_index.json").read_text()


def test_site_shows_dates_history_and_timeline(project: Project) -> None:
    lifecycle_project(project)
    project.write("adr/0002-uncommitted.md", adr("Not yet committed"))
    project.configure(repo_url="https://gitlab.com/acme/decisions")
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "1 record(s) not committed yet" in result.stderr

    page = project.content("adr/0001-serve-nightly/index.html")
    for fact in (
        "<strong>First commit:</strong> 2026-01-10",
        "<strong>Last change:</strong> 2026-04-04",
        "<strong>Marked accepted:</strong> 2026-02-01",
    ):
        assert fact in page, fact
    history = page.split('id="decisions-history"', 1)[1]
    assert history.index("created as") < history.index("decisions-status-accepted")
    assert "https://gitlab.com/acme/decisions/-/commit/" in history

    assert "<strong>First commit:</strong> uncommitted" in project.content(
        "adr/0002-uncommitted/index.html"
    )

    timeline = project.content("decisions/timeline/index.html")
    months = [m for m in ("February 2026", "January 2026") if m in timeline]
    assert months == ["February 2026", "January 2026"]
    assert timeline.index("February 2026") < timeline.index("January 2026")

    index = project.content("decisions/index.html")
    assert "Recently changed" in index
    recent = index.split("Recently changed", 1)[1].split("</table>", 1)[0]
    assert "ADR-0001" in recent and "2026-04-04" in recent


def test_shallow_clone_builds_with_one_warning_naming_the_fix(
    project: Project, tmp_path: Path
) -> None:
    lifecycle_project(project)
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{project.root}", str(clone)], check=True
    )
    shallow = Project(clone)
    result = shallow.build()
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "shallow clone" in line]
    assert len(warnings) == 1
    assert "fetch-depth: 0" in warnings[0] and "GIT_DEPTH: 0" in warnings[0]
    assert shallow.build("--strict").returncode == 0

    shallow.configure(plugin_options={"require_history": True})
    strict = shallow.build()
    assert strict.returncode != 0 and "require_history" in strict.stderr


def test_a_clone_missing_one_object_keeps_the_rest_of_its_history(project: Project) -> None:
    """A partial or damaged clone: git cannot compare the contents of a renamed and edited
    file, so renames are followed only where the file did not change, and the version it
    lacks is left out, with one warning each: every other record keeps its history."""
    project.configure()
    project.write("adr/0001-nightly.md", adr(front=PROPOSED))
    project.git_commit_all("propose", "2026-01-10T09:00:00+00:00")
    project.write("adr/0001-nightly.md", adr(front=ACCEPTED))
    project.git_commit_all("accept", "2026-02-01T09:00:00+00:00")
    accepted = subprocess.run(
        ["git", "rev-parse", "HEAD:adr/0001-nightly.md"],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    text = (project.root / "adr/0001-nightly.md").read_text()
    (project.root / "adr/0001-nightly.md").unlink()
    project.write("adr/0001-serve-nightly.md", text.replace("cheap to run", "cheap to test"))
    project.git_commit_all("rename and edit", "2026-03-03T09:00:00+00:00")
    project.write("adr/0002-other.md", adr(front=PROPOSED))
    project.git_commit_all("add another", "2026-05-01T09:00:00+00:00")
    (project.root / ".git/objects" / accepted[:2] / accepted[2:]).unlink()
    history = read_history(project.root, ["adr"])
    assert history.available
    assert len(history.warnings) == 2, history.warnings
    assert f"unable to read {accepted}" in history.warnings[0]
    assert "renames are followed only where the file did not change" in history.warnings[0]
    assert "1 version(s)" in history.warnings[1]
    assert "adr/0001-nightly.md in " in history.warnings[1]
    other = history.of("adr/0002-other.md")
    assert other is not None and other.created.day.isoformat() == "2026-05-01"
    moved = history.of("adr/0001-serve-nightly.md")
    assert moved is not None  # the rename git could not compare, joined by its number
    assert moved.created.day.isoformat() == "2026-01-10"
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert "unable to read" in result.stderr
    assert "First commit:" in project.content("adr/0002-other/index.html")


def test_folder_without_git_builds_with_one_warning(project: Project) -> None:
    project.write("adr/0001-a.md", adr())
    project.configure()
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("not in a git repository") == 1
    assert "First commit:" not in project.content("adr/0001-a/index.html")


def test_one_git_log_and_one_cat_file_for_the_whole_repository(
    project: Project, tmp_path: Path
) -> None:
    project.configure()
    for number in range(1, 31):
        project.write(f"adr/{number:04d}-r.md", adr(front=PROPOSED))
    project.git_commit_all("add", "2026-01-10T09:00:00+00:00")
    for number in range(1, 31):
        project.write(f"adr/{number:04d}-r.md", adr(front=ACCEPTED))
    project.git_commit_all("accept", "2026-01-11T09:00:00+00:00")
    trace = tmp_path / "trace.json"
    probe = (
        "from pathlib import Path; from mkdocs_decisions.history.git_log import read_history; "
        f"h = read_history(Path({str(project.root)!r}), ['adr']); print(len(h.files))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "GIT_TRACE2_EVENT": str(trace)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "30"
    commands = [
        json.loads(line).get("argv", [None, None])[1]
        for line in trace.read_text().splitlines()
        if '"event":"start"' in line
    ]
    # GitPython asks `git version` itself; everything else is one log and one cat-file,
    # whatever the number of files and commits.
    assert commands.count("log") == 1
    assert commands.count("cat-file") == 1
    assert len([c for c in commands if c != "version"]) == 2, commands


def test_history_read_in_a_child_process_is_the_history_read_here(project: Project) -> None:
    lifecycle_project(project)
    settings = settings_from_options({})
    here = HistoryReading(project.root, settings, in_child=False).result()
    beside = HistoryReading(project.root, settings).result()
    assert beside == here
    assert beside.of("adr/0001-serve-nightly.md") is not None
    # What `decisions check` reports from it: the edit after acceptance, once.
    result = project.check()
    assert result.stdout.count("DEC402") == 1, result.stdout + result.stderr


def test_check_without_git_warns_once_from_the_child_process(project: Project) -> None:
    lifecycle_project(project)
    env = {**os.environ, "PATH": "/nonexistent"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_decisions.cli.main", "check"],
        cwd=project.root,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("git is not installed") == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_history_is_cached_until_head_or_records_change(project: Project) -> None:
    lifecycle_project(project)
    first = cached_history(project.root, ["adr"])
    assert cached_history(project.root, ["adr"]) is first
    # Editing a record changes nothing in git: the same history serves.
    (record,) = (project.root / "adr").glob("0001-*.md")
    record.write_text(record.read_text(encoding="utf-8") + "\nOne more line.\n")
    assert cached_history(project.root, ["adr"]) is first
    project.write("adr/0002-b.md", adr("Second"))
    second = cached_history(project.root, ["adr"])
    assert second is not first
    project.git_commit_all("second", "2026-05-01T09:00:00+00:00")
    third = cached_history(project.root, ["adr"])
    assert third is not second and third.of("adr/0002-b.md") is not None


def test_status_of_past_versions_in_other_tools_formats() -> None:
    assert status_in("---\ntitle: x\nstatus: Accepted # since May\n---\n# x\n") == "accepted"
    assert status_in("# Use X\n\n* Status: superseded by [ADR-0005](0005-x.md)\n") == "superseded"
    assert status_in("# 1. Use X\n\nDate: 2018-01-01\n\n## Status\n\nProposed\n") == "proposed"
    assert status_in("# 2. Use Y\n\n## Status\n\nSuperceded by [3. Z](0003-z.md)\n") == (
        "superseded"
    )
    assert status_in("# No status here\n\nJust text.\n") is None


def test_adr_tools_history_is_read_from_the_status_section(project: Project) -> None:
    project.configure()
    record = "# 1. Use X\n\nDate: 2026-01-10\n\n## Status\n\n{}\n\n## Context\n\nx\n"
    project.write("adr/0001-use-x.md", record.format("Proposed"))
    project.git_commit_all("propose", "2026-01-10T09:00:00+00:00")
    project.write("adr/0001-use-x.md", record.format("Accepted"))
    project.git_commit_all("accept", "2026-01-12T09:00:00+00:00")
    file = read_history(project.root, ["adr"]).of("adr/0001-use-x.md")
    assert file is not None
    assert [(c.old, c.new) for c in file.status_timeline] == [
        (None, "proposed"),
        ("proposed", "accepted"),
    ]


def test_detached_head_and_deleted_records(project: Project) -> None:
    lifecycle_project(project)
    project.write("adr/0002-b.md", adr("Second"))
    project.git_commit_all("second", "2026-05-01T09:00:00+00:00")
    subprocess.run(["git", "checkout", "-q", "--detach", "HEAD"], cwd=project.root, check=True)
    (project.root / "adr/0002-b.md").unlink()
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("deleted in the working tree") == 1
    assert "First commit:</strong> 2026-01-10" in project.content(
        "adr/0001-serve-nightly/index.html"
    )


def test_no_git_binary_builds_with_one_warning(project: Project) -> None:
    lifecycle_project(project)
    env = {**os.environ, "PATH": "/nonexistent", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict"],
        cwd=project.root,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("git is not installed") == 1
    assert "Traceback" not in result.stderr


def test_project_in_a_subfolder_of_the_repository(project: Project) -> None:
    site = Project(project.root / "examples" / "site")
    site.configure()
    site.write("adr/0001-a.md", adr(front=PROPOSED))
    project.git_commit_all("propose", "2026-01-10T09:00:00+00:00")
    site.write("adr/0001-a.md", adr(front=ACCEPTED))
    project.git_commit_all("accept", "2026-02-01T09:00:00+00:00")
    file = read_history(site.root, ["adr"]).of("adr/0001-a.md")
    assert file is not None
    assert [c.new for c in file.status_timeline] == ["proposed", "accepted"]


def test_merged_branch_keeps_the_status_it_brought(project: Project) -> None:
    project.configure()
    project.write("adr/0001-a.md", adr(front=PROPOSED))
    project.git_commit_all("propose", "2026-01-01T09:00:00+00:00")
    git = ["git", "-c", "user.name=Ana", "-c", "user.email=a@example.com"]
    subprocess.run([*git, "checkout", "-q", "-b", "feat"], cwd=project.root, check=True)
    project.write("adr/0001-a.md", adr(front=ACCEPTED))
    project.git_commit_all("accept", "2026-01-02T09:00:00+00:00")
    subprocess.run([*git, "checkout", "-q", "main"], cwd=project.root, check=True)
    text = adr(front=PROPOSED).replace("cheap to run", "cheap to run today")
    project.write("adr/0001-a.md", text)
    project.git_commit_all("edit", "2026-01-03T09:00:00+00:00")
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2026-01-04T09:00:00+00:00",
        "GIT_COMMITTER_DATE": "2026-01-04T09:00:00+00:00",
    }
    merged = subprocess.run(
        [*git, "merge", "-q", "--no-edit", "feat"],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
    )
    if merged.returncode != 0:  # conflict: take the branch's accepted version
        project.write("adr/0001-a.md", adr(front=ACCEPTED))
        subprocess.run([*git, "add", "-A"], cwd=project.root, check=True)
        subprocess.run([*git, "commit", "-q", "--no-edit"], cwd=project.root, env=env, check=True)
    file = read_history(project.root, ["adr"]).of("adr/0001-a.md")
    assert file is not None
    assert [c.new for c in file.status_timeline] == ["proposed", "accepted"]
    assert not [f for f in findings(project) if "DEC401" in f]


def test_root_commit_counts_even_when_git_hides_it(project: Project) -> None:
    project.configure()
    project.write("adr/0001-a.md", adr(front=REJECTED))
    project.git_commit_all("reject", "2026-01-01T09:00:00+00:00")
    project.write("adr/0001-a.md", adr(front=ACCEPTED))
    project.git_commit_all("revive", "2026-01-02T09:00:00+00:00")
    subprocess.run(["git", "config", "log.showRoot", "false"], cwd=project.root, check=True)
    assert [f for f in findings(project) if "DEC401" in f]


def test_history_follows_a_move_of_the_whole_folder(project: Project) -> None:
    """`git mv doc/adr adr`: created date, first author and the status timeline come
    from before the move, still from one `git log` for the repository."""
    project.configure()
    project.write("doc/adr/0001-a.md", adr(front=PROPOSED))
    project.write("doc/adr/0002-b.md", adr(front=PROPOSED.replace("title: ", "title: B ")))
    project.git_commit_all("propose", "2026-01-10T09:00:00+00:00", ("Ana Silva", "ana@example.com"))
    project.write("doc/adr/0001-a.md", adr(front=ACCEPTED))
    project.git_commit_all("accept", "2026-02-01T09:00:00+00:00", ("Bo Chen", "bo@example.com"))
    subprocess.run(["git", "mv", "doc/adr", "adr"], cwd=project.root, check=True)
    project.git_commit_all("move", "2026-03-01T09:00:00+00:00", ("Cy Mover", "cy@example.com"))
    history = read_history(project.root, ["adr"])
    moved = history.of("adr/0001-a.md")
    assert moved is not None
    assert moved.created.day.isoformat() == "2026-01-10"
    assert moved.created.author == "Ana Silva"
    assert [(c.old, c.new) for c in moved.status_timeline] == [
        (None, "proposed"),
        ("proposed", "accepted"),
    ]
    # Moving the folder changed no text: it is no edit, and the mover is no author.
    assert moved.authors == ("Ana Silva", "Bo Chen")
    assert moved.updated.day.isoformat() == "2026-02-01"
    assert len(moved.versions) == 3
    other = history.of("adr/0002-b.md")
    assert other is not None and other.created.author == "Ana Silva"


def test_records_kept_as_folders_keep_their_history_through_two_moves(project: Project) -> None:
    """Forty records that are folders of their own (`designs/2019-topic-01/README.md`),
    each added in a commit of its own, moved twice: each record folder is a place the
    record left, and all of them are read as the folder that moved, so no record is
    past the bound on logs and every one was created before the moves."""
    project.configure()
    for number in range(1, 41):
        title = f"title: Topic {number}\nstatus: proposed\ndate: 2026-01-01\ndeciders: [Ana]"
        project.write(f"designs/2019-topic-{number:02}/README.md", adr(front=title))
        day = f"2026-01-{number % 28 + 1:02}T09:00:00+00:00"
        project.git_commit_all(f"topic {number}", day, ("Ana Silva", "ana@example.com"))
    subprocess.run(["git", "mv", "designs", "adr-old"], cwd=project.root, check=True)
    project.git_commit_all("move", "2026-03-01T09:00:00+00:00", ("Cy Mover", "cy@example.com"))
    subprocess.run(["git", "mv", "adr-old", "adr"], cwd=project.root, check=True)
    project.git_commit_all("again", "2026-04-01T09:00:00+00:00", ("Cy Mover", "cy@example.com"))
    history = read_history(project.root, ["adr"])
    created = {}
    for number in range(1, 41):
        file = history.of(f"adr/2019-topic-{number:02}/README.md")
        assert file is not None
        created[number] = (file.created.day.isoformat(), file.created.author)
    assert created == {
        number: (f"2026-01-{number % 28 + 1:02}", "Ana Silva") for number in range(1, 41)
    }


def test_a_folder_moved_in_a_commit_that_rewrites_one_of_its_records(project: Project) -> None:
    """HHS: the folder moved (`wiki/adr` to `product/adr`) in a commit that also rewrote a
    record, which git then sees as deleted and added; the other record is a rename. The
    rewritten one keeps its first commit and author, as the renamed one does."""
    nygard = "# {n}. Use {n}\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n\n## Context\n\n{c}\n"
    project.write("wiki/adr/2023-07-10-wiki.md", nygard.format(n="wiki", c="Short."))
    project.write("wiki/adr/2023-07-11-tickets.md", nygard.format(n="tickets", c="Short."))
    project.git_commit_all("add", "2026-01-02T09:00:00+00:00", ("Ana Silva", "ana@example.com"))
    (project.root / "product").mkdir()
    subprocess.run(["git", "mv", "wiki/adr", "product/adr"], cwd=project.root, check=True)
    rewritten = "# Wiki platform\n\n" + "\n\n".join(f"Paragraph {i} is new." for i in range(30))
    project.write("product/adr/2023-07-10-wiki.md", rewritten + "\n")
    project.git_commit_all("move", "2027-01-01T09:00:00+00:00", ("Cy Mover", "cy@example.com"))
    history = read_history(project.root, ["product/adr"])
    for name in ("2023-07-10-wiki.md", "2023-07-11-tickets.md"):
        moved = history.of(f"product/adr/{name}")
        assert moved is not None
        assert (moved.created.day.isoformat(), moved.created.author) == ("2026-01-02", "Ana Silva")
        assert len(moved.versions) == 2


def test_a_record_folder_removed_and_another_added_are_not_one_record(project: Project) -> None:
    """Records kept as folders (`rfcs/0003-old/README.md`): a commit that removes one and
    adds another is no move, though both files are called README.md."""
    project.write("rfcs/0003-old/README.md", "# Old\n\n## Summary\n\nX\n")
    project.git_commit_all("old", "2020-01-01T09:00:00+00:00", ("Ana Silva", "ana@example.com"))
    (project.root / "rfcs/0003-old/README.md").unlink()
    project.write("rfcs/0010-new/README.md", "# New\n\n## Summary\n\nOther words.\n")
    project.git_commit_all("new", "2024-05-05T09:00:00+00:00", ("Bo Chen", "bo@example.com"))
    history = read_history(project.root, ["rfcs"])
    new = history.of("rfcs/0010-new/README.md")
    assert new is not None
    assert (new.created.day.isoformat(), new.created.author) == ("2024-05-05", "Bo Chen")


def test_a_record_renamed_then_moved_keeps_its_first_commit_beside_another_kind(
    project: Project,
) -> None:
    """NERC's datalab: the record's first commit also added an RFC (so the first log, of
    both kinds' folders, lists it before the renames are known); then the record was
    renamed in its folder, then the folder moved: created on the first commit still."""
    nygard = "# 1. Use X\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nX\n"
    project.write("arch/decisions/0001-use-x.md", nygard)
    project.write("arch/rfcs/0001-y.md", "# Y\n\n## Summary\n\nX\n\n## Motivation\n\nY\n")
    project.git_commit_all("both", "2026-01-02T09:00:00+00:00", ("Ana Silva", "ana@example.com"))
    subprocess.run(
        ["git", "mv", "arch/decisions/0001-use-x.md", "arch/decisions/0001-use-x-renamed.md"],
        cwd=project.root,
        check=True,
    )
    project.git_commit_all("rename", "2026-06-01T09:00:00+00:00", ("Bo Chen", "bo@example.com"))
    (project.root / "records").mkdir()
    subprocess.run(
        ["git", "mv", "arch/decisions", "records/decisions"], cwd=project.root, check=True
    )
    project.git_commit_all("move", "2027-01-01T09:00:00+00:00", ("Cy Mover", "cy@example.com"))
    history = read_history(project.root, ["records/decisions", "arch/rfcs"])
    moved = history.of("records/decisions/0001-use-x-renamed.md")
    assert moved is not None
    assert (moved.created.day.isoformat(), moved.created.author) == ("2026-01-02", "Ana Silva")


def test_a_folder_moved_with_its_subfolders_has_each_commit_once_oldest_first(
    project: Project,
) -> None:
    """`git mv doc/adr adr` moves a subfolder too (`images/`, `historic adrs/`), and a
    subfolder is renamed later inside the record folder: each place is read once, so a
    record lists each commit once, in the order of the branch, and was created before
    the moves."""
    project.configure()
    project.write("doc/adr/0001-a.md", adr(front=PROPOSED))
    project.write("doc/adr/images/flow.svg", "<svg/>\n")
    project.write(
        "doc/adr/historic adrs/0002-b.md", adr(front=PROPOSED.replace("title: ", "title: B "))
    )
    project.git_commit_all("propose", "2026-01-10T09:00:00+00:00", ("Ana Silva", "ana@example.com"))
    project.write("doc/adr/0001-a.md", adr(front=ACCEPTED))
    project.write(
        "doc/adr/historic adrs/0002-b.md", adr(front=ACCEPTED.replace("title: ", "title: B "))
    )
    project.git_commit_all("accept", "2026-02-01T09:00:00+00:00", ("Bo Chen", "bo@example.com"))
    subprocess.run(["git", "mv", "doc/adr", "adr"], cwd=project.root, check=True)
    project.git_commit_all("move", "2026-03-01T09:00:00+00:00", ("Cy Mover", "cy@example.com"))
    subprocess.run(
        ["git", "mv", "adr/historic adrs", "adr/historic-adrs"], cwd=project.root, check=True
    )
    project.git_commit_all("no spaces", "2026-04-01T09:00:00+00:00", ("Cy Mover", "cy@example.com"))
    project.write("adr/0001-a.md", adr(front=ACCEPTED.replace("accepted", "deprecated")))
    project.write(
        "adr/historic-adrs/0002-b.md",
        adr(front=ACCEPTED.replace("title: ", "title: B ").replace("accepted", "deprecated")),
    )
    project.git_commit_all("deprecate", "2026-05-01T09:00:00+00:00", ("Di Ng", "di@example.com"))
    history = read_history(project.root, ["adr"])
    for path, days in {
        "adr/0001-a.md": ["01-10", "02-01", "03-01", "05-01"],
        "adr/historic-adrs/0002-b.md": ["01-10", "02-01", "03-01", "04-01", "05-01"],
    }.items():
        file = history.of(path)
        assert file is not None
        assert [v.commit.day.isoformat()[5:] for v in file.versions] == days, path
        assert file.created.author == "Ana Silva"
        assert [(c.old, c.new) for c in file.status_timeline] == [
            (None, "proposed"),
            ("proposed", "accepted"),
            ("accepted", "deprecated"),
        ]
    assert not [f for f in findings(project) if "DEC401" in f]


NYGARD = """\
# 4. Security scans

Date: 2026-01-05

## Status

{status}

## Context

We must hear of vulnerabilities early.

## Decision

We will add three scans to the pipeline:

{items}

## Consequences

We learn of vulnerabilities the day they are published.
"""


def test_lifecycle_links_and_a_formatter_run_are_no_edits(project: Project) -> None:
    """adr-tools links a record to the one that amends or supersedes it in its Status
    section ("Amended by [..](..)", "Superceded by [..](..)"), and a formatter rewrites
    every list marker: neither changes the decision (DEC402)."""
    project.configure(plugin_options={"kinds": {"adr": {"folder": "doc/adr"}}})
    items = "\n".join(f"*   Scan number {n} of the pipeline" for n in range(1, 51))
    path = "doc/adr/0004-security-scans.md"
    project.write(path, NYGARD.format(status="Accepted", items=items))
    project.git_commit_all("accept", "2026-01-05T09:00:00+00:00")
    amended = "Accepted\n\nAmended by [7. Use OWASP ZAP](0007-use-owasp-zap.md)"
    project.write(path, NYGARD.format(status=amended, items=items))
    project.git_commit_all("link the amendment", "2026-02-01T09:00:00+00:00")
    formatted = items.replace("*   ", "- ")
    wrapped = NYGARD.replace("hear of vulnerabilities", "hear of\nvulnerabilities")
    project.write(path, wrapped.format(status=amended, items=formatted))
    project.git_commit_all("prettier --write", "2026-03-01T09:00:00+00:00")
    superseded = "Superceded by [10. Rails helpers](0010-rails-helpers.md)"
    project.write(path, wrapped.format(status=superseded, items=formatted))
    project.git_commit_all("supersede", "2026-04-01T09:00:00+00:00")
    settings = settings_from_options({"kinds": {"adr": {"folder": "doc/adr"}}})
    history = read_history(project.root, ["doc/adr"])
    file = history.of(path)
    assert file is not None
    assert [c.new for c in file.status_timeline] == ["accepted", "superseded"]
    assert file.content_edits == ()
    corpus = load_corpus(project.root, project.root / "docs", settings, history)
    assert [f.rule for f in run_checks(corpus, settings) if f.rule.startswith("DEC4")] == []


def test_an_edit_merged_from_a_branch_names_the_commit_that_made_it(project: Project) -> None:
    """The first-parent log sees a pull request as its merge commit; DEC402 names the
    branch's commit that wrote the text, and the merge that brought it in."""
    project.configure()
    project.write("adr/0001-a.md", adr(front=ACCEPTED))
    project.git_commit_all("accept", "2026-01-05T09:00:00+00:00")
    git = ["git", "-c", "user.name=Ana", "-c", "user.email=a@example.com"]
    subprocess.run([*git, "checkout", "-q", "-b", "rework"], cwd=project.root, check=True)
    reworked = adr(front=ACCEPTED).replace("cheap to run", "cheap to run on spare machines")
    project.write("adr/0001-a.md", reworked)
    project.git_commit_all("rework", "2026-02-02T09:00:00+00:00", ("Bo Chen", "bo@example.com"))
    project.write("notes.md", "unrelated\n")
    project.git_commit_all("notes", "2026-02-03T09:00:00+00:00", ("Bo Chen", "bo@example.com"))
    subprocess.run([*git, "checkout", "-q", "main"], cwd=project.root, check=True)
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2026-02-10T09:00:00+00:00",
        "GIT_COMMITTER_DATE": "2026-02-10T09:00:00+00:00",
    }
    subprocess.run(
        [*git, "merge", "-q", "--no-ff", "-m", "Merge pull request #93", "rework"],
        cwd=project.root,
        env=env,
        check=True,
    )
    log = ["git", "log", "--format=%h %s"]
    shorts = dict(
        reversed(line.split(" ", 1))
        for line in subprocess.run(
            log, cwd=project.root, capture_output=True, text=True, check=True
        ).stdout.splitlines()
    )
    (hit,) = [f for f in findings(project) if "DEC402" in f]
    assert (
        f"in commit {shorts['rework']} (2026-02-02) by Bo Chen, merged in "
        f"{shorts['Merge pull request #93']} (2026-02-10)" in hit
    )


def test_a_record_rewritten_under_a_new_name_keeps_its_history(project: Project) -> None:
    """`Team-ADR-1-x.md` deleted and `001-x.md` added in one commit that rewrote it in a
    new template: git sees no rename, the same number in the same folder does. Its
    created date and first author are the old file's, and its date is not checked
    against the rewrite (DEC403)."""
    project.configure()
    old = (
        "# ADR 1: {title}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Decision\n\n{title}.\n"
    )
    for number, title in ((1, "Logical authorization"), (2, "Technical authorization")):
        project.write(f"adr/Team-ADR-{number}-x.md", old.format(title=title))
    project.git_commit_all("init adrs", "2026-01-05T09:00:00+00:00", ("Arno", "arno@example.com"))
    for number, title in ((1, "Logical authorization"), (2, "Technical authorization")):
        (project.root / f"adr/Team-ADR-{number}-x.md").unlink()
        front = ACCEPTED.replace("Serve forecasts nightly", title).replace(
            "2026-02-01", "2026-01-01"
        )
        project.write(f"adr/00{number}-{title.split()[0].lower()}.md", adr(title, front=front))
    project.git_commit_all("MADR style", "2026-06-01T09:00:00+00:00", ("Abi", "abi@example.com"))
    history = read_history(project.root, ["adr"])
    file = history.of("adr/001-logical.md")
    assert file is not None
    assert [v.path for v in file.versions] == ["adr/Team-ADR-1-x.md", "adr/001-logical.md"]
    assert (file.created.author, file.created.day.isoformat()) == ("Arno", "2026-01-05")
    assert history.of("adr/Team-ADR-1-x.md") is None
    assert not [f for f in findings(project) if "DEC403" in f]
    # The same after the folder moved: the old name is found at the place it came from.
    subprocess.run(["git", "mv", "adr", "doc"], cwd=project.root, check=True)
    project.git_commit_all("move", "2026-07-01T09:00:00+00:00")
    moved = read_history(project.root, ["doc"]).of("doc/001-logical.md")
    assert moved is not None
    assert (moved.created.author, moved.versions[0].path) == ("Arno", "adr/Team-ADR-1-x.md")


def test_an_imported_batch_stays_one_when_some_of_its_records_are_gone(
    project: Project,
) -> None:
    """Five records imported together, two deleted since: the three left are still an
    import, and their older dates are not checked against the import (DEC403)."""
    project.configure()
    for number in range(1, 6):
        dated = ACCEPTED.replace("2026-02-01", f"2024-0{number}-10")
        project.write(
            f"adr/000{number}-r.md", adr(front=dated.replace("nightly", f"nightly {number}"))
        )
    project.git_commit_all("import the records from the wiki", "2026-01-10T09:00:00+00:00")
    for number in (4, 5):
        (project.root / f"adr/000{number}-r.md").unlink()
    project.git_commit_all("drop two", "2026-01-12T09:00:00+00:00")
    assert not [f for f in findings(project) if "DEC403" in f]


def test_a_record_accepted_in_its_first_version_claims_no_acceptance_day(
    project: Project,
) -> None:
    """A record committed as accepted (imported, or merged after the decision) was not
    accepted on the day of that commit: its page shows when it was created, and its
    History says "created as accepted", but it gives no Accepted date."""
    project.configure()
    project.write("adr/0001-a.md", adr(front=ACCEPTED.replace("2026-02-01", "2026-01-02")))
    project.git_commit_all("import", "2026-01-10T09:00:00+00:00")
    file = read_history(project.root, ["adr"]).of("adr/0001-a.md")
    assert file is not None and file.changed_to("accepted") is None
    result = project.build()
    assert result.returncode == 0, result.stderr
    page = project.content("adr/0001-a/index.html")
    assert "<strong>First commit:</strong> 2026-01-10" in page
    assert "<strong>Marked accepted:</strong>" not in page
    history = page.split('id="decisions-history"', 1)[1]
    assert "created as" in history and "decisions-status-accepted" in history


def test_an_rfc_merged_from_draft_to_accepted_is_its_lifecycle(project: Project) -> None:
    """Many RFC processes review the pull request and merge a draft as accepted: the
    default lifecycle allows it. A step it does not know forward (draft to implemented)
    is reported with a hint to allow it, not to supersede the RFC."""
    project.configure()
    for number in (1, 2):
        project.write(f"rfc/000{number}-r.md", VALID_RFC.replace("status: review", "status: draft"))
    project.git_commit_all("draft", "2026-01-10T09:00:00+00:00")
    project.write("rfc/0001-r.md", VALID_RFC.replace("status: review", "status: accepted"))
    project.write("rfc/0002-r.md", VALID_RFC.replace("status: review", "status: implemented"))
    project.git_commit_all("merge", "2026-02-10T09:00:00+00:00")
    (hit,) = [f for f in findings(project) if "DEC401" in f]
    assert hit.startswith("rfc/0002-r.md:")
    assert "status changed from draft to implemented" in hit
    assert "allow it under `kinds: rfc: transitions: draft:`" in hit
    assert "supersede it" not in hit and "decisions supersede" not in hit


def test_a_record_rewritten_under_new_names_twice_keeps_its_first_commit(
    project: Project,
) -> None:
    """Two rewrites under new names, in two commits: the record's history is joined
    across both, whichever pair is seen first."""
    project.configure()
    names = ["adr/Team-ADR-7-x.md", "adr/007-cache.md", "adr/0007-cache-everything.md"]
    bodies = ["# ADR 7\n\nOne.\n", "# 7. Cache\n\nTwo two.\n", adr(front=ACCEPTED)]
    days = ["2026-01-05", "2026-02-05", "2026-03-05"]
    for number, (name, body, day) in enumerate(zip(names, bodies, days, strict=True)):
        if number:
            (project.root / names[number - 1]).unlink()
        project.write(name, body)
        project.git_commit_all(f"write {number}", f"{day}T09:00:00+00:00")
    file = read_history(project.root, ["adr"]).of(names[-1])
    assert file is not None
    assert [v.path for v in file.versions] == names


def test_records_at_the_top_keep_their_history_through_a_move_there(project: Project) -> None:
    """dapr's layout (`folder: "."`): the record files at the top are read, from before
    they were moved up out of `proposals/`; the repository's own files are not."""
    project.configure(plugin_options={"kinds": {"adr": {"folder": "."}}})
    project.write("proposals/0001-a.md", adr(front=PROPOSED))
    project.write("README.md", "# The repository\n")
    project.git_commit_all("propose", "2026-01-10T09:00:00+00:00", ("Ana Silva", "ana@example.com"))
    project.write("proposals/0001-a.md", adr(front=ACCEPTED))
    project.git_commit_all("accept", "2026-02-01T09:00:00+00:00", ("Bo Chen", "bo@example.com"))
    subprocess.run(["git", "mv", "proposals/0001-a.md", "0001-a.md"], cwd=project.root, check=True)
    project.write("README.md", "# The repository, edited\n")
    project.git_commit_all("move up", "2026-03-01T09:00:00+00:00", ("Cy Mover", "cy@example.com"))
    settings = settings_from_options({"kinds": {"adr": {"folder": "."}}})
    history = project_history(project.root, settings)
    assert not history.warnings
    moved = history.of("0001-a.md")
    assert moved is not None
    assert (moved.created.day.isoformat(), moved.created.author) == ("2026-01-10", "Ana Silva")
    assert [(c.old, c.new) for c in moved.status_timeline] == [
        (None, "proposed"),
        ("proposed", "accepted"),
    ]
    assert sorted(history.files) == ["0001-a.md"]  # not README.md, nothing of proposals/
    # The page's header says it, as in any other folder.
    built = project.build()
    assert built.returncode == 0, built.stderr
    header = project.content("adr/0001-a/index.html").split('id="decisions-history"')[0]
    assert "<strong>First commit:</strong> 2026-01-10" in header


NYGARD_RECORD = (
    "# {n}. {title}\n\nDate: 2023-0{n}-01\n{status}\n## Context\n\nX.\n\n## Decision\n\nY.\n"
)


def test_a_status_written_in_later_is_a_change_not_a_second_creation(project: Project) -> None:
    project.configure(plugin_options={"kinds": {"adr": {"folder": "doc/adr"}}})
    project.write("doc/adr/0006-use-kafka.md", NYGARD_RECORD.format(n=6, title="Kafka", status=""))
    project.git_commit_all("six", "2023-09-01T09:00:00+00:00")
    status = "\n## Status\n\nAccepted\n"
    project.write(
        "doc/adr/0006-use-kafka.md", NYGARD_RECORD.format(n=6, title="Kafka", status=status)
    )
    project.git_commit_all("status", "2023-09-05T09:00:00+00:00")
    assert project.build().returncode == 0
    page = project.content("doc/adr/0006-use-kafka/index.html")
    history = page.split('id="decisions-history"', 1)[1]
    assert history.count("created without a status") == 1 and "created as" not in history
    assert "no status</span> →" in history or "no status</span> &rarr;" in history
    timeline = project.content("decisions/timeline/index.html")
    assert timeline.count("created without a status") == 1 and "created as" not in timeline


def test_a_move_staged_but_not_committed_keeps_the_history(project: Project) -> None:
    project.configure(plugin_options={"kinds": {"adr": {"folder": "doc/adr"}}})
    project.write(
        "doc/adr/0001-a.md",
        NYGARD_RECORD.format(n=1, title="A", status="\n## Status\n\nAccepted\n"),
    )
    project.git_commit_all("first", "2023-01-10T09:00:00+00:00")
    subprocess.run(["git", "mv", "doc/adr", "adr"], cwd=project.root, check=True)
    history = read_history(project.root, ["adr"])
    file = history.of("adr/0001-a.md")
    assert file is not None
    assert file.created.day.isoformat() == "2023-01-10"
    assert [change.new for change in file.status_timeline] == ["accepted"]


def test_a_record_moved_to_the_folder_of_its_new_status_changes_status(project: Project) -> None:
    project.configure(plugin_options={"kinds": {"rfc": {"folder": "rfcs"}}})
    text = "# Add a lockfile\n\n## Summary\n\nX.\n"
    project.write("rfcs/accepted/0007-lockfile.md", text)
    project.git_commit_all("accept", "2024-01-10T09:00:00+00:00")
    subprocess.run(["git", "mv", "rfcs/accepted", "rfcs/implemented"], cwd=project.root, check=True)
    project.git_commit_all("ship", "2024-03-10T09:00:00+00:00")
    history = read_history(
        project.root, ["rfcs"], {"rfcs": default_kinds()["rfc"].canonical_status}
    )
    file = history.of("rfcs/implemented/0007-lockfile.md")
    assert file is not None
    assert [(c.old, c.new) for c in file.status_timeline] == [
        (None, "accepted"),
        ("accepted", "implemented"),
    ]


def test_a_draft_may_be_withdrawn(project: Project) -> None:
    project.configure()
    front = "title: Lockfiles\nstatus: draft\ndate: 2024-01-10\nauthors: [Ana]"
    project.write("rfc/0001-lockfiles.md", adr(front=front))
    project.git_commit_all("draft", "2024-01-10T09:00:00+00:00")
    project.write("rfc/0001-lockfiles.md", adr(front=front.replace("draft", "withdrawn")))
    project.git_commit_all("withdraw", "2024-02-10T09:00:00+00:00")
    assert not [f for f in findings(project) if "DEC401" in f]


def test_touch_ups_on_the_day_of_acceptance_are_no_edit(project: Project) -> None:
    project.configure()
    project.write("adr/0001-nightly.md", adr(front=ACCEPTED))
    project.git_commit_all("accept", "2026-02-01T09:00:00+00:00")
    text = (project.root / "adr/0001-nightly.md").read_text()
    project.write("adr/0001-nightly.md", text.replace("cheap to run", "cheap to run and to test"))
    project.git_commit_all("fix wording", "2026-02-01T09:43:00+00:00")
    assert not [f for f in findings(project) if "DEC402" in f]
    text = (project.root / "adr/0001-nightly.md").read_text()
    project.write("adr/0001-nightly.md", text.replace("and to test", "and to test and to scale"))
    project.git_commit_all("change the decision", "2026-03-05T09:00:00+00:00")
    (hit,) = [f for f in findings(project) if "DEC402" in f]
    assert "2026-03-05" in hit and "earlier" not in hit


def test_who_wrote_a_record_merged_by_a_bot_is_the_branch_s_author(project: Project) -> None:
    """Gerrit and merge queues merge every change as a bot (`jenkins-bot`): the record's
    creator and contributors are the authors of the merged branch's commits that wrote
    it, and of the commits made on the branch itself; the bot authored none of it."""
    project.configure()
    project.git_commit_all("start", "2026-01-02T09:00:00+00:00")
    bot = ["git", "-c", "user.name=jenkins-bot", "-c", "user.email=bot@example.com"]
    subprocess.run([*bot, "checkout", "-q", "-b", "change"], cwd=project.root, check=True)
    project.write("adr/0001-a.md", adr(front=PROPOSED))
    project.git_commit_all("propose", "2026-01-05T09:00:00+00:00", ("Bo Chen", "bo@example.com"))
    project.write("adr/0001-a.md", adr(front=PROPOSED).replace("cheap to run", "cheap"))
    project.git_commit_all("review", "2026-01-06T09:00:00+00:00", ("Cy Dube", "cy@example.com"))
    subprocess.run([*bot, "checkout", "-q", "main"], cwd=project.root, check=True)
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2026-01-07T09:00:00+00:00",
        "GIT_COMMITTER_DATE": "2026-01-07T09:00:00+00:00",
    }
    subprocess.run(
        [*bot, "merge", "-q", "--no-ff", "-m", 'Merge "Propose A"', "change"],
        cwd=project.root,
        env=env,
        check=True,
    )
    project.write("adr/0001-a.md", adr(front=ACCEPTED).replace("cheap to run", "cheap"))
    project.git_commit_all("accept", "2026-01-09T09:00:00+00:00")  # Ana Silva, on main
    file = read_history(project.root, ["adr"]).of("adr/0001-a.md")
    assert file is not None
    assert file.created.author == "jenkins-bot"  # the commit that brought it to main
    assert file.creator == "Bo Chen"
    assert file.authors == ("Bo Chen", "Cy Dube", "Ana Silva")
    exported = json.loads(project.decisions("export").stdout)
    (entry,) = exported["records"]
    assert entry["history"]["created"]["author"] == "Bo Chen"
    assert entry["history"]["contributors"] == ["Bo Chen", "Cy Dube", "Ana Silva"]


def test_who_wrote_a_merged_record_survives_a_move_of_its_folder(project: Project) -> None:
    """A record merged from a branch, then its folder moved (`git mv adr docs/adr`): its
    creator and contributors are the branch's author still, not the merge's."""
    project.configure()
    project.git_commit_all("start", "2026-01-02T09:00:00+00:00", ("Bo Chen", "bo@example.com"))
    git = ["git", "-c", "user.name=Bo Chen", "-c", "user.email=bo@example.com"]
    subprocess.run([*git, "checkout", "-q", "-b", "feature"], cwd=project.root, check=True)
    project.write("adr/0001-a.md", adr(front=ACCEPTED))
    project.git_commit_all("add", "2026-01-05T09:00:00+00:00", ("Ana Silva", "ana@example.com"))
    subprocess.run([*git, "checkout", "-q", "main"], cwd=project.root, check=True)
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2026-01-07T09:00:00+00:00",
        "GIT_COMMITTER_DATE": "2026-01-07T09:00:00+00:00",
    }
    merge = [*git, "merge", "-q", "--no-ff", "-m", "Merge feature", "feature"]
    subprocess.run(merge, cwd=project.root, env=env, check=True)
    (project.root / "docs" / "adr").parent.mkdir(exist_ok=True)
    subprocess.run(["git", "mv", "adr", "docs/adr"], cwd=project.root, check=True)
    project.git_commit_all("move", "2026-02-01T09:00:00+00:00", ("Cy Dube", "cy@example.com"))
    file = read_history(project.root, ["docs/adr"]).of("docs/adr/0001-a.md")
    assert file is not None
    assert file.created.day == dt.date(2026, 1, 7)
    assert (file.creator, file.authors) == ("Ana Silva", ("Ana Silva",))


def test_a_proposal_written_over_the_copied_template_has_its_own_history(
    project: Project,
) -> None:
    """`0000-template.md` deleted in the commit that adds `0000-query-syntax.md` (a
    proposal written over the copied template, renumbered later): the template's first
    commit is not the proposal's."""
    project.configure()
    project.write("rfc/0000-template.md", "# Feature name\n\n## Summary\n\nOne paragraph.\n")
    project.git_commit_all("template", "2021-11-10T09:00:00+00:00", ("Bo Chen", "bo@example.com"))
    (project.root / "rfc/0000-template.md").unlink()
    project.write("rfc/0000-query-syntax.md", "# Query syntax\n\n## Summary\n\nQueries.\n")
    project.git_commit_all("propose", "2022-01-19T09:00:00+00:00")
    subprocess.run(
        ["git", "mv", "rfc/0000-query-syntax.md", "rfc/0002-query-syntax.md"],
        cwd=project.root,
        check=True,
    )
    project.git_commit_all("number it", "2022-01-20T09:00:00+00:00")
    file = read_history(project.root, ["rfc"]).of("rfc/0002-query-syntax.md")
    assert file is not None
    assert (file.created.day, file.created.author) == (dt.date(2022, 1, 19), "Ana Silva")


def _run_git(project: Project, *args: str, who: str = "Ana Silva", date: str = "") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": who, "GIT_AUTHOR_EMAIL": "x@example.com"}
    env.update({"GIT_COMMITTER_NAME": who, "GIT_COMMITTER_EMAIL": "x@example.com"})
    if date:
        env.update({"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})
    subprocess.run(["git", *args], cwd=project.root, env=env, check=True, capture_output=True)


def test_the_authors_of_a_branch_are_those_of_its_own_merge_and_not_its_moves(
    project: Project,
) -> None:
    """On a branch, Bob writes `xxxx-kafka.md` and Cy numbers it (`git mv`, nothing
    written); a bot merges: Bob wrote it. A branch that edits a record and takes the
    edit back brought nothing to it, so its author is none of that record's."""
    project.configure()
    project.write("adr/0001-a.md", adr(front=ACCEPTED))
    project.git_commit_all("start", "2026-01-01T09:00:00+00:00")
    _run_git(project, "checkout", "-q", "-b", "proposal")
    project.write("adr/xxxx-kafka.md", adr(front=PROPOSED))
    project.git_commit_all("draft", "2026-01-02T09:00:00+00:00", ("Bo Chen", "bo@example.com"))
    original = (project.root / "adr/0001-a.md").read_text(encoding="utf-8")
    project.write("adr/0001-a.md", original + "\nA try.\n")
    project.git_commit_all("try", "2026-01-03T09:00:00+00:00", ("Bo Chen", "bo@example.com"))
    project.write("adr/0001-a.md", original)
    project.git_commit_all("untry", "2026-01-03T10:00:00+00:00", ("Bo Chen", "bo@example.com"))
    _run_git(project, "mv", "adr/xxxx-kafka.md", "adr/0002-kafka.md")
    _run_git(project, "commit", "-q", "-m", "number", who="Cy Dube", date="2026-01-04T09:00:00")
    _run_git(project, "checkout", "-q", "main")
    merge = ("merge", "-q", "--no-ff", "-m", "Merge proposal", "proposal")
    _run_git(project, *merge, who="merge-bot", date="2026-01-05T09:00:00+00:00")
    history = read_history(project.root, ["adr"])
    kafka, first = history.of("adr/0002-kafka.md"), history.of("adr/0001-a.md")
    assert kafka is not None and first is not None
    assert (kafka.creator, kafka.authors) == ("Bo Chen", ("Bo Chen",))
    assert (first.creator, first.authors) == ("Ana Silva", ("Ana Silva",))


def test_a_history_that_could_not_be_read_is_read_again(project: Project) -> None:
    """No repository yet: nothing is kept, so the next build reads the history once
    there is one (a CI job whose git refused the folder, then fixed)."""
    project.configure()
    project.write("adr/0001-a.md", adr(front=ACCEPTED))
    assert not (project.root / ".git").exists()
    assert not cached_history(project.root, ["adr"]).available
    project.git_commit_all("add", "2026-01-05T09:00:00+00:00")
    assert cached_history(project.root, ["adr"]).of("adr/0001-a.md") is not None


def test_a_rename_staged_since_the_history_was_read_reads_it_again(project: Project) -> None:
    project.configure()
    project.write("adr/0001-a.md", adr(front=ACCEPTED))
    project.git_commit_all("add", "2026-01-05T09:00:00+00:00")
    (project.root / "adr/0001-a.md").rename(project.root / "adr/0001-renamed.md")
    assert cached_history(project.root, ["adr"]).of("adr/0001-renamed.md") is None
    _run_git(project, "add", "-A")
    again = cached_history(project.root, ["adr"]).of("adr/0001-renamed.md")
    assert again is not None and again.created.author == "Ana Silva"


def test_the_mailmap_at_the_top_of_the_repository_is_in_the_key(project: Project) -> None:
    """The project is a folder of a larger repository; git reads the `.mailmap` at the
    top, so a new one there reads the history again."""
    site = project.root / "site-project"
    (site / "adr").mkdir(parents=True)
    (site / "adr/0001-a.md").write_text(adr(front=ACCEPTED), encoding="utf-8")
    project.git_commit_all("add", "2026-01-05T09:00:00+00:00", ("bokafor", "bo@example.com"))
    before = cached_history(site, ["adr"]).of("adr/0001-a.md")
    assert before is not None and before.creator == "bokafor"
    project.write(".mailmap", "Ben Okafor <bo@example.com>\n")
    after = cached_history(site, ["adr"]).of("adr/0001-a.md")
    assert after is not None and after.creator == "Ben Okafor"
