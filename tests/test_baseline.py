"""`decisions baseline` and the baseline in `decisions check`, run as real processes in
temporary git repositories; and the functions the MkDocs build uses (ADR-0019)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from mkdocs_decisions.checks.baseline import BASELINE_FILE, BaselineError, filter_known
from mkdocs_decisions.checks.run import run_checks
from mkdocs_decisions.corpus.load import load_corpus
from mkdocs_decisions.corpus.settings import settings_from_options

from conftest import VALID_BODY, Project, adr

# An accepted ADR whose consequences name nothing bad: DEC305 on the `### Consequences` line.
NO_BAD = VALID_BODY.replace("* Bad, because a late data drop delays every forecast.\n", "")
# The same key three times: DEC005 twice, on lines 7 and 8, whose messages differ only in
# the line they name ("first on line 6", "first on line 7"): one finding twice, to
# identity.
TWICE = (
    "title: Twice\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana Silva]\n"
    "tags: [forecasting]\ntags: [forecasting]\ntags: [forecasting]"
)


def old_project(project: Project) -> None:
    """A project with two findings, committed."""
    project.write("adr/0001-batch.md", adr(body=NO_BAD.format(title="Nightly batch")))
    project.write("adr/0002-twice.md", adr(front=TWICE, body=VALID_BODY.format(title="X")))
    project.configure()
    project.git_commit_all("records as they were")


def baseline_of(project: Project, name: str = BASELINE_FILE) -> dict[str, object]:
    document: dict[str, object] = json.loads((project.root / name).read_text(encoding="utf-8"))
    return document


def test_known_findings_are_not_reported_and_a_new_one_fails(project: Project) -> None:
    old_project(project)
    assert project.check().returncode == 1
    written = project.decisions("baseline")
    assert written.returncode == 0, written.stderr
    assert "wrote .decisions-baseline.json (3 findings)" in written.stderr
    checked = project.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout == ""
    assert "3 known findings from the baseline not shown" in checked.stderr
    assert "fixed" not in checked.stderr

    project.write("adr/0003-new.md", adr(front="title: New\nstatus: accepted"))  # DEC105
    checked = project.check()
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == [
        line for line in checked.stdout.splitlines() if line.startswith("adr/0003-new.md:")
    ]
    assert "adr/0003-new.md:3:9: DEC105 error" in checked.stdout
    assert "3 known findings from the baseline not shown" in checked.stderr
    assert "Traceback" not in checked.stderr


def test_a_status_word_new_since_the_baseline_fails_the_build(project: Project) -> None:
    """On the first run a word the lifecycle does not know is the team's own (a
    warning); once the baseline is taken, a new record with a new word is an error for
    `decisions check` and `mkdocs build --strict`, with -q too."""
    body = VALID_BODY.format(title="T")
    front = "title: {0}\nstatus: {1}\ndate: 2026-03-02\ndeciders: [Ana Silva]"
    project.write("adr/0001-a.md", adr(front=front.format("A", "accepted"), body=body))
    project.write("adr/0002-b.md", adr(front=front.format("B", "implemented-ish"), body=body))
    project.write("adr/0003-c.md", adr(front=front.format("C", "piloted"), body=body))
    project.configure()
    project.git_commit_all("records as they were")
    first = project.check()
    assert first.returncode == 0, first.stdout
    assert "adr/0002-b.md:3:9: DEC101 warning" in first.stdout
    assert project.decisions("baseline").returncode == 0
    project.write("adr/0004-d.md", adr(front=front.format("D", "bananas"), body=body))
    checked = project.check()
    assert checked.returncode == 1
    assert "adr/0004-d.md:3:9: DEC101 error" in checked.stdout
    assert "the baseline holds the status words" in checked.stdout
    for quiet in ((), ("-q",)):
        built = project.build("--strict", *quiet)
        assert built.returncode == 1 and "adr/0004-d.md:3:9: DEC101" in built.stderr
    project.configure(plugin_options={"rules": {"DEC101": "warning"}})  # the team's choice
    assert project.check().returncode == 0


UNNUMBERED = "# {title}\n\n## Status\n\n{status}\n\n## Decision\n\nWe do it.\n"


def test_a_collections_notes_stay_known_when_a_record_is_added(project: Project) -> None:
    """Notes said once for a collection (DEC107: 9 of 9 records have no number; DEC301:
    none has a Context; DEC101: a word of the team's own) count its records: a new record
    changes their counts, and one that sorts first the record that carries them, but
    they are the same notes (ADR-0031)."""
    for number in range(1, 10):
        status = "Piloted" if number <= 2 else "Accepted"
        text = UNNUMBERED.format(title=f"Use tool {number}", status=status)
        project.write(f"adr/use-tool-{number}.md", text)
    project.configure()
    project.git_commit_all("records as they were")
    first = project.check("--no-history")
    assert "9 of 9 records have no leading number" in first.stdout
    assert "have no `Context and Problem Statement` section" in first.stdout
    assert "(2 records use it)" in first.stdout
    assert project.decisions("baseline").returncode == 0

    project.write("adr/add-a-cache.md", UNNUMBERED.format(title="Add a cache", status="Piloted"))
    checked = project.check("--no-history")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout == ""  # no new note: the counts changed, not the notes
    assert "fixed" not in checked.stderr and "moved" not in checked.stderr
    everything = project.check("--no-history", "--no-baseline").stdout
    assert "adr/add-a-cache.md:1:1: DEC107 info: 10 of 10 records" in everything
    assert "(3 records use it)" in everything


def test_a_collections_note_in_an_older_baseline_is_still_known(project: Project) -> None:
    """A baseline written before a collection's notes were identified by their subject
    holds them by their line fingerprint (ADR-0019): they are known, not fixed and new."""
    for number in range(1, 6):
        text = UNNUMBERED.format(title=f"Use tool {number}", status="Accepted")
        project.write(f"adr/use-tool-{number}.md", text)
    project.configure()
    project.git_commit_all("records as they were")
    assert project.decisions("baseline").returncode == 0
    document = baseline_of(project)
    settings = settings_from_options({})
    corpus = load_corpus(project.root, project.root / "docs", settings)
    notes = [f for f in run_checks(corpus, settings) if f.subject]
    assert {note.rule for note in notes} == {"DEC107", "DEC301"}
    older = {
        note.fingerprint(""): note.line_fingerprint(
            (project.root / note.path).read_text().split("\n")[note.position.line - 1]
        )
        for note in notes
    }
    for entry in document["findings"]:  # type: ignore[attr-defined]
        entry["fingerprint"] = older.get(entry["fingerprint"], entry["fingerprint"])
    (project.root / BASELINE_FILE).write_text(json.dumps(document), encoding="utf-8")
    checked = project.check("--no-history")
    assert checked.returncode == 0 and checked.stdout == ""
    assert "fixed" not in checked.stderr


def test_the_file_is_sorted_stable_and_has_no_line_numbers(project: Project) -> None:
    old_project(project)
    project.decisions("baseline")
    first = (project.root / BASELINE_FILE).read_bytes()
    document = baseline_of(project)
    assert document["format"] == "mkdocs-decisions baseline" and document["version"] == 1
    entries = document["findings"]
    assert isinstance(entries, list)
    assert [sorted(entry) for entry in entries] == [["fingerprint", "message", "path", "rule"]] * 3
    assert entries == sorted(entries, key=lambda e: (e["path"], e["rule"], e["message"]))
    assert {e["rule"] for e in entries} == {"DEC305", "DEC005"}
    assert first.endswith(b"\n") and b"\r" not in first

    # Lines added above every finding: the same findings, so the same file.
    moved = NO_BAD.format(title="Nightly batch").replace(
        "## Context and Problem Statement\n",
        "## Context and Problem Statement\n\nMore.\n\nAnd more.\n",
    )
    project.write("adr/0001-batch.md", adr(body=moved))
    project.write(
        "adr/0002-twice.md",
        adr(front="# a comment\n" + TWICE, body=VALID_BODY.format(title="X")),
    )
    checked = project.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "3 known findings from the baseline not shown" in checked.stderr
    again = project.decisions("baseline")
    assert again.returncode == 0
    assert "is up to date (3 findings)" in again.stderr
    assert (project.root / BASELINE_FILE).read_bytes() == first


def test_fixed_findings_are_counted_and_the_baseline_shrinks(project: Project) -> None:
    old_project(project)
    project.decisions("baseline")
    project.write("adr/0001-batch.md", adr(title="Nightly batch"))  # DEC305 fixed
    checked = project.check()
    assert checked.returncode == 0
    assert "2 known findings from the baseline not shown" in checked.stderr
    assert (
        "1 finding in the baseline is fixed: run `decisions baseline` to shrink it"
        in checked.stderr
    )
    assert project.decisions("baseline").returncode == 0
    assert len(baseline_of(project)["findings"]) == 2  # type: ignore[arg-type]
    assert "fixed" not in project.check().stderr


def test_known_findings_stay_known_when_their_folder_moves(project: Project) -> None:
    """`git mv adr doc/decisions`: the same findings at new paths are still known, and
    the baseline is not said to be fixed; a new finding still fails."""
    old_project(project)
    assert project.decisions("baseline").returncode == 0
    (project.root / "doc").mkdir()
    subprocess.run(["git", "mv", "adr", "doc/decisions"], cwd=project.root, check=True)
    project.configure(plugin_options={"kinds": {"adr": {"folder": "doc/decisions"}}})
    project.git_commit_all("move the records", "2026-04-01T09:00:00+00:00")
    checked = project.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "3 known findings from the baseline not shown" in checked.stderr
    assert "3 known findings are in files that moved" in checked.stderr
    assert "fixed" not in checked.stderr
    build = project.build("--strict")
    assert build.returncode == 0, build.stderr
    project.write("doc/decisions/0003-new.md", adr(front="title: New\nstatus: accepted"))
    assert project.check().returncode == 1
    assert project.decisions("baseline").returncode == 0
    paths = {entry["path"] for entry in baseline_of(project)["findings"]}  # type: ignore[attr-defined]
    assert all(path.startswith("doc/decisions/") for path in paths)


def test_a_finding_that_names_another_moved_file_stays_known(project: Project) -> None:
    """DEC103 names the other file with the same number ("also used by adr/0001-a.md"):
    after `git mv adr doc/adr` it names the new path, and is still the known finding."""
    body = VALID_BODY.format(title="T")
    front = "title: {0}\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana Silva]"
    project.write("adr/0001-a.md", adr(front=front.format("A"), body=body))
    project.write("adr/0001-b.md", adr(front=front.format("B"), body=body))
    project.configure()
    project.git_commit_all("records as they were")
    assert "DEC103" in project.check().stdout
    assert project.decisions("baseline").returncode == 0
    (project.root / "doc").mkdir()
    subprocess.run(["git", "mv", "adr", "doc/adr"], cwd=project.root, check=True)
    project.configure(plugin_options={"kinds": {"adr": {"folder": "doc/adr"}}})
    project.git_commit_all("move the records", "2026-04-01T09:00:00+00:00")
    checked = project.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "fixed" not in checked.stderr
    assert project.build("--strict").returncode == 0


def test_identical_findings_in_one_file_are_known_one_by_one(project: Project) -> None:
    old_project(project)
    project.decisions("baseline")
    prints = [e["fingerprint"] for e in baseline_of(project)["findings"]]  # type: ignore[attr-defined]
    assert len(set(prints)) == 3
    third = TWICE + "\ntags: [forecasting]"
    project.write("adr/0002-twice.md", adr(front=third, body=VALID_BODY.format(title="X")))
    checked = project.check()
    assert checked.returncode == 1
    assert checked.stdout.count("DEC005") == 1  # two of the three are known
    assert "3 known findings from the baseline not shown" in checked.stderr


def test_paths_and_no_history_do_not_make_findings_look_fixed(project: Project) -> None:
    project.write("adr/0001-batch.md", adr(title="Nightly batch"))
    project.configure()
    project.git_commit_all("accepted", date="2026-01-05T10:00:00+00:00")
    edited = adr(title="Nightly batch").replace("cheap to run", "cheap to run and to change")
    project.write("adr/0001-batch.md", edited)
    project.git_commit_all("edited after acceptance", date="2026-02-05T10:00:00+00:00")
    project.write("adr/0002-twice.md", adr(front=TWICE, body=VALID_BODY.format(title="X")))
    project.git_commit_all("another", date="2026-02-06T10:00:00+00:00")
    assert "DEC402" in project.check().stdout
    project.decisions("baseline")
    assert "DEC402" in {e["rule"] for e in baseline_of(project)["findings"]}  # type: ignore[attr-defined]

    only_one = project.check("adr/0002-twice.md")
    assert only_one.returncode == 0
    assert "2 known findings from the baseline not shown" in only_one.stderr
    assert "fixed" not in only_one.stderr
    without_history = project.check("--no-history")
    assert without_history.returncode == 0
    assert "fixed" not in without_history.stderr


def test_no_baseline_and_an_explicit_file(project: Project) -> None:
    old_project(project)
    assert project.decisions("baseline", "--file", "known.json").returncode == 0
    assert not (project.root / BASELINE_FILE).exists()
    assert project.check().returncode == 1  # the default file does not exist
    assert project.check("--baseline", "known.json").returncode == 0
    (project.root / "known.json").rename(project.root / BASELINE_FILE)
    assert project.check().returncode == 0
    everything = project.check("--no-baseline")
    assert everything.returncode == 1 and "known" not in everything.stderr
    both = project.check("--baseline", "x.json", "--no-baseline")
    assert both.returncode == 2 and "not allowed with" in both.stderr

    document = json.loads(project.check("--format", "json").stdout)
    assert document["baseline"] == {"file": BASELINE_FILE, "known": 3, "fixed": 0, "moved": 0}
    assert document["findings"] == [] and document["summary"]["error"] == 0
    assert json.loads(project.check("--format", "json", "--no-baseline").stdout)["baseline"] is None


def test_never_replaces_a_file_that_is_not_a_baseline_nor_a_link(project: Project) -> None:
    old_project(project)
    other = project.write("notes.json", '{"mine": true}\n')
    refused = project.decisions("baseline", "--file", "notes.json")
    assert refused.returncode == 1
    assert "notes.json exists and is not a decisions baseline" in refused.stderr
    assert "--force" in refused.stderr
    assert other.read_text(encoding="utf-8") == '{"mine": true}\n'
    forced = project.decisions("baseline", "--file", "notes.json", "--force")
    assert forced.returncode == 0
    assert baseline_of(project, "notes.json")["format"] == "mkdocs-decisions baseline"

    target = project.write("elsewhere.json", "keep\n")
    (project.root / BASELINE_FILE).symlink_to(target)
    for arguments in ((), ("--force",)):
        linked = project.decisions("baseline", *arguments)
        assert linked.returncode == 1
        assert "is a symbolic link; nothing was written" in linked.stderr
        assert (project.root / BASELINE_FILE).is_symlink()
        assert target.read_text(encoding="utf-8") == "keep\n"


def test_rewriting_keeps_the_mode_and_leaves_no_temporary_file(project: Project) -> None:
    old_project(project)
    project.decisions("baseline")
    baseline = project.root / BASELINE_FILE
    os.chmod(baseline, 0o640)
    project.write("adr/0001-batch.md", adr(title="Nightly batch"))
    assert project.decisions("baseline").returncode == 0
    assert stat.S_IMODE(baseline.stat().st_mode) == 0o640
    assert len(baseline_of(project)["findings"]) == 2  # type: ignore[arg-type]
    assert sorted(p.name for p in project.root.iterdir() if p.name.startswith(".")) == [
        ".decisions-baseline.json",
        ".git",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", ".decisions-baseline.json:1:2: not valid JSON"),
        ("[]", "not a decisions baseline"),
        ('{"format": "something else"}', "not a decisions baseline"),
        ('{"format": "mkdocs-decisions baseline", "version": 9}', "baseline version 9"),
        ('{"format": "mkdocs-decisions baseline", "version": 1}', "`findings` must be a list"),
        (
            '{"format": "mkdocs-decisions baseline", "version": 1, "findings": [{"rule": 1}]}',
            "finding 1 must have the texts rule, path, message and fingerprint",
        ),
        (b"\xff\xfe{}", "not UTF-8"),
    ],
)
def test_a_malformed_baseline_is_one_line_error(
    project: Project, content: str | bytes, message: str
) -> None:
    old_project(project)
    project.write(BASELINE_FILE, content)
    for command in (("check",), ("check", "--format", "json")):
        result = project.decisions(*command)
        assert result.returncode == 2, result.stdout + result.stderr
        lines = [line for line in result.stderr.splitlines() if "warning" not in line]
        assert len(lines) == 1 and lines[0].startswith("decisions: ")
        assert message in lines[0] and "Traceback" not in result.stderr
    refused = project.decisions("baseline")  # a file that is not a baseline is kept
    assert refused.returncode == 1 and "--force" in refused.stderr
    assert project.decisions("check", "--no-baseline").returncode == 1


def test_a_missing_explicit_baseline_and_a_folder(project: Project) -> None:
    old_project(project)
    missing = project.check("--baseline", "nowhere.json")
    assert missing.returncode == 2 and "decisions: nowhere.json: no such file" in missing.stderr
    (project.root / "folder.json").mkdir()
    folder = project.check("--baseline", "folder.json")
    assert folder.returncode == 2 and "cannot read" in folder.stderr
    assert project.decisions("baseline", "--file", "folder.json").returncode == 2
    no_folder = project.decisions("baseline", "--file", "no/such/folder.json")
    assert no_folder.returncode == 2 and "no such folder" in no_folder.stderr


def test_a_default_baseline_linked_outside_the_project_is_refused(
    project: Project, tmp_path: Path
) -> None:
    root = tmp_path / "repo"
    inner = Project(root)
    old_project(inner)
    inner.decisions("baseline", "--file", "../outside.json")
    (root / BASELINE_FILE).symlink_to(tmp_path / "outside.json")
    refused = inner.check()
    assert refused.returncode == 2
    assert "a link to a place outside the project; not read" in refused.stderr


def test_the_function_for_the_mkdocs_build(project: Project) -> None:
    """``filter_known`` is what ``plugin.py`` calls: same file, same split as the command."""
    old_project(project)
    project.decisions("baseline")
    project.write("adr/0003-new.md", adr(front="title: New\nstatus: accepted"))
    settings = settings_from_options({})
    corpus = load_corpus(project.root, project.root / "docs", settings)
    outcome = filter_known(run_checks(corpus, settings), project.root, settings, False)
    assert [(f.path, f.rule) for f in outcome.new_findings] == [("adr/0003-new.md", "DEC105")]
    assert len(outcome.known) == 3 and outcome.fixed == []
    assert outcome.notes() == ["3 known findings from the baseline not shown"]
    project.write(BASELINE_FILE, "[]")
    with pytest.raises(BaselineError, match="not a decisions baseline"):
        filter_known(run_checks(corpus, settings), project.root, settings, False)
    (project.root / BASELINE_FILE).unlink()
    everything = filter_known(run_checks(corpus, settings), project.root, settings, False)
    assert len(everything.new) == 4 and everything.notes() == []
