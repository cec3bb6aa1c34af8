"""The pre-commit hook and the CI examples: their structure, and the hook run for real."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from conftest import ROOT, Project, adr


def load(path: str) -> Any:
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def test_pre_commit_hook_definition() -> None:
    (hook,) = load(".pre-commit-hooks.yaml")
    assert hook["id"] == "decisions-check"
    assert hook["language"] == "python"  # pre-commit installs this package for it
    assert hook["entry"].split()[:2] == ["decisions", "check"]
    assert hook["pass_filenames"] is False  # links need every record, not just the staged
    assert "md" in hook["files"]


def test_pre_commit_hook_runs_for_real(project: Project, tmp_path: Path) -> None:
    """`pre-commit try-repo` installs this repository as a hook and runs it."""
    pre_commit = Path(sys.executable).parent / "pre-commit"
    project.write("adr/0001-x.md", adr(front="title: T\nstatus: accepted"))  # DEC105
    project.git_commit_all("a record")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    command = [str(pre_commit), "try-repo", str(ROOT), "decisions-check", "--all-files"]
    failing = subprocess.run(
        command, cwd=project.root, capture_output=True, text=True, env=env, timeout=600
    )
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "adr/0001-x.md:3:9: DEC105 error" in failing.stdout
    project.write("adr/0001-x.md", adr())
    project.git_commit_all("fixed")
    passing = subprocess.run(
        command, cwd=project.root, capture_output=True, text=True, env=env, timeout=600
    )
    assert passing.returncode == 0, passing.stdout + passing.stderr


def test_github_workflow_checks_pull_requests_and_publishes_main() -> None:
    workflow = load("examples/ci/github-actions.yml")
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on`
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    check, publish = workflow["jobs"]["check"], workflow["jobs"]["publish"]
    for job in (check, publish):
        checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout"))
        assert checkout["with"]["fetch-depth"] == 0  # history needs every commit
    runs = [step.get("run", "") for step in check["steps"]]
    assert "decisions check --format github" in runs
    assert any("mkdocs build --strict" in run for run in runs)
    # SARIF for code scanning, written even when the check failed, uploaded with its category.
    sarif = next(s for s in check["steps"] if "--format sarif" in s.get("run", ""))
    assert sarif["run"] == "decisions check --format sarif > decisions.sarif || [ $? -eq 1 ]"
    assert "!cancelled()" in sarif["if"]
    upload = next(s for s in check["steps"] if "upload-sarif" in s.get("uses", ""))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"] == {"sarif_file": "decisions.sarif", "category": "decisions"}
    assert check["permissions"]["security-events"] == "write"
    assert publish["needs"] == "check" and "refs/heads/main" in publish["if"]
    assert publish["permissions"]["pages"] == "write"
    assert publish["permissions"]["id-token"] == "write"
    uses = [step.get("uses", "") for step in publish["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)


def test_gitlab_pipeline_checks_merge_requests_and_publishes_pages() -> None:
    pipeline = load("examples/ci/gitlab-ci.yml")
    assert pipeline["variables"]["GIT_DEPTH"] == 0
    check, pages = pipeline["check"], pipeline["pages"]
    script = "\n".join(check["script"])
    assert "decisions check --changed-since" in script and "mkdocs build --strict" in script
    assert any("merge_request_event" in rule["if"] for rule in check["rules"])
    # The Code Quality report is written before the check that may fail the job.
    report = "decisions check --format gitlab > gl-code-quality-report.json || [ $? -eq 1 ]"
    assert check["script"].index(report) < next(
        i for i, line in enumerate(check["script"]) if "--changed-since" in line
    )
    assert check["artifacts"]["when"] == "always"
    assert check["artifacts"]["reports"] == {"codequality": "gl-code-quality-report.json"}
    assert pages["artifacts"]["paths"] == ["public"]
    assert any("--site-dir public" in line for line in pages["script"])
    assert "CI_DEFAULT_BRANCH" in pages["rules"][0]["if"]


def test_github_format_is_what_the_workflow_runs(project: Project) -> None:
    project.write("adr/0001-x.md", adr(front="title: T\nstatus: accepted"))
    project.configure()
    result = project.decisions("check", "--format", "github")
    assert result.stdout.startswith("::error file=adr/0001-x.md,line=3,col=9,title=DEC105 ")
