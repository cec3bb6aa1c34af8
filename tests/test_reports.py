"""Reports for CI: SARIF 2.1.0, GitLab Code Quality and the GitHub job summary, from the
real `decisions check` on a project in a sub-folder of a temporary git repository.

The SARIF log is validated against ``fixtures/sarif-schema-2.1.0.json``: the OASIS
SARIF 2.1.0 JSON schema (Errata 01), (c) OASIS Open, unmodified, from
github.com/oasis-tcs/sarif-spec ``sarif-2.1/schema/``, under the OASIS IPR Policy
(``fixtures/README-sarif-schema.md``). Nothing is downloaded while testing.
"""

from __future__ import annotations

import json
import os
import subprocess
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from mkdocs_decisions.cli.reports import RULES_REFERENCE_URL, job_summary, markdown_text

from conftest import BIN, ROOT, VALID_BODY, Project, adr

SCHEMA = json.loads((ROOT / "tests/fixtures/sarif-schema-2.1.0.json").read_text("utf-8"))
NO_BAD = VALID_BODY.format(title="Nightly batch").replace(
    "* Bad, because a late data drop delays every forecast.\n", ""
)
# The same key three times: DEC005 twice, on lines 7 and 8, whose messages differ only in
# the line they name ("first on line 6", "first on line 7"): one finding twice, to
# identity.
TWICE = (
    "title: Twice\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana Silva]\n"
    "tags: [forecasting]\ntags: [forecasting]\ntags: [forecasting]"
)
ODD_KEY = '"<b>x|y</b> `z`\\nnext": 1'
MiB = 1024 * 1024


def run(project: Project, *arguments: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The command in the project folder, with ``env`` added (and no summary file of the
    CI that runs these tests)."""
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    return subprocess.run(
        [str(BIN / "decisions"), *arguments],
        cwd=project.root,
        capture_output=True,
        text=True,
        env={**environment, **env},
        timeout=120,
    )


@pytest.fixture
def nested(tmp_path: Path) -> Project:
    """A project in `docs-site/` of a git repository: an error, two identical errors in
    one file, a warning and a note (with values that need escaping)."""
    inner = Project(tmp_path / "docs-site")
    inner.write("adr/0001-batch.md", adr(body=NO_BAD))
    inner.write("adr/0002-twice.md", adr(front=TWICE, body=VALID_BODY.format(title="X")))
    odd = adr(title="Odd").replace("deciders: [Ana Silva]", f"deciders: [Ana Silva]\n{ODD_KEY}")
    inner.write("adr/0003-odd.md", b"\xef\xbb\xbf" + odd.encode())  # DEC009 info, DEC006
    inner.configure()
    Project(tmp_path).git_commit_all("records")
    return inner


def sarif_of(project: Project, *arguments: str) -> dict[str, Any]:
    result = run(project, "check", "--format", "sarif", *arguments)
    assert result.returncode in (0, 1), result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_sarif_is_valid_and_complete(nested: Project, tmp_path: Path) -> None:
    result = run(nested, "check", "--format", "sarif")
    assert result.returncode == 1
    assert "3 records checked: 3 errors, 1 warning, 1 note" in result.stderr
    log = json.loads(result.stdout)
    validator = jsonschema.validators.validator_for(SCHEMA)
    validator.check_schema(SCHEMA)
    assert list(validator(SCHEMA).iter_errors(log)) == []

    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "mkdocs-decisions"
    assert driver["version"] == version("mkdocs-decisions")
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    results = run_["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("DEC305", "error"),
        ("DEC005", "error"),
        ("DEC005", "error"),
        ("DEC009", "note"),
        ("DEC006", "warning"),
    ]
    for item in results:
        rule = rules[item["ruleIndex"]]
        assert rule["id"] == item["ruleId"]
        assert rule["helpUri"] == f"{RULES_REFERENCE_URL}#{item['ruleId'].lower()}"
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and "**How to fix.**" in rule["help"]["markdown"]
        (location,) = item["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert artifact["uri"].startswith("docs-site/adr/")  # from the repository's top
        assert set(location["physicalLocation"]["region"]) == {"startLine", "startColumn"}
    twice = [r for r in results if r["ruleId"] == "DEC005"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in twice] == [7, 8]
    prints = [r["partialFingerprints"]["decisionsFindingHash/v1"] for r in results]
    assert len(set(prints)) == len(prints)
    assert results[0]["message"]["text"].startswith(
        "the consequences name no negative consequence. Hint: "
    )


def test_the_schema_check_is_real(nested: Project) -> None:
    log = sarif_of(nested)
    log["runs"][0]["results"][0]["level"] = "fatal"
    validator = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
    assert [e.message for e in validator.iter_errors(log)] == [
        "'fatal' is not one of ['none', 'note', 'warning', 'error']"
    ]


def test_a_clean_project_is_an_empty_valid_sarif_log(project: Project) -> None:
    project.write("adr/0001-x.md", adr())
    project.configure()
    log = sarif_of(project)
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) >= 43


def test_gitlab_code_quality_report(nested: Project) -> None:
    result = run(nested, "check", "--format", "gitlab")
    assert result.returncode == 1
    assert result.stdout.startswith("[")  # no byte-order mark: GitLab refuses one
    issues = json.loads(result.stdout)
    assert [set(issue) for issue in issues] == [
        {"description", "check_name", "fingerprint", "severity", "location"}
    ] * 5
    assert [(i["check_name"], i["severity"]) for i in issues] == [
        ("DEC305", "major"),
        ("DEC005", "major"),
        ("DEC005", "major"),
        ("DEC009", "info"),
        ("DEC006", "minor"),
    ]
    assert [i["location"] for i in issues[1:3]] == [
        {"path": "docs-site/adr/0002-twice.md", "lines": {"begin": 7}},
        {"path": "docs-site/adr/0002-twice.md", "lines": {"begin": 8}},
    ]
    assert issues[1]["check_name"] == issues[2]["check_name"]
    assert issues[1]["fingerprint"] != issues[2]["fingerprint"]
    prints = [i["fingerprint"] for i in issues]
    assert len(set(prints)) == 5  # identical findings in one file too
    assert issues[0]["description"].startswith("DEC305 no-negative-consequence: ")

    clean = Project(nested.root.parent / "clean")
    clean.write("adr/0001-x.md", adr())
    clean.configure()
    assert run(clean, "check", "--format", "gitlab").stdout == "[]\n"


def test_one_identity_in_every_report_and_it_survives_edits(nested: Project) -> None:
    before = json.loads(run(nested, "check", "--format", "gitlab").stdout)
    gitlab = [issue["fingerprint"] for issue in before]
    sarif = [
        r["partialFingerprints"]["decisionsFindingHash/v1"]
        for r in sarif_of(nested)["runs"][0]["results"]
    ]
    assert gitlab == sarif
    assert run(nested, "baseline").returncode == 0
    known = json.loads((nested.root / ".decisions-baseline.json").read_text("utf-8"))
    assert sorted(e["fingerprint"] for e in known["findings"]) == sorted(gitlab)

    moved = NO_BAD.replace("## Considered Options", "Two more lines.\n\n## Considered Options")
    nested.write("adr/0001-batch.md", adr(body=moved))
    after = json.loads(run(nested, "check", "--format", "gitlab", "--no-baseline").stdout)
    assert [issue["fingerprint"] for issue in after] == gitlab
    begin = [issue["location"]["lines"]["begin"] for issue in (before[0], after[0])]
    assert begin[1] == begin[0] + 2  # the finding moved; its identity did not


def test_job_summary_lists_every_finding_escaped(nested: Project, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# An earlier step\n", encoding="utf-8")
    nested.write(
        "adr/0004-waived.md",
        adr(body=NO_BAD).replace("status: accepted", 'status: accepted\nwaivers: {DEC305: "a|b"}'),
    )
    result = run(nested, "check", "--format", "github", GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 1
    assert result.stdout.count("::error ") == 3  # the annotations are still there
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# An earlier step\n## decisions check\n")
    assert "4 records checked\\: 3 errors, 1 warning, 1 note; 1 finding waived" in text
    rows = [line for line in text.splitlines() if line.startswith("| docs-site/")]
    assert len(rows) == 6  # five findings and one waived
    assert rows[0] == (
        "| docs-site/adr/0001-batch.md\\:23 | [DEC305 no-negative-consequence]"
        f"({RULES_REFERENCE_URL}#dec305) | error | the consequences name no negative consequence |"
    )
    assert [row.split(" | ")[2] for row in rows[:5]] == ["error"] * 3 + ["warning", "note"]
    odd = rows[3]
    assert "unknown key \\`\\<b\\>x\\|y\\</b\\> \\`z\\` next\\` for a record" in odd
    assert "<b>" not in text  # no HTML from a record reaches the page
    assert rows[5].endswith("| the consequences name no negative consequence | a\\|b |")
    assert "### Waived (1)" in text


def test_job_summary_counts_the_baseline(nested: Project, tmp_path: Path) -> None:
    run(nested, "baseline")
    nested.write("adr/0001-batch.md", adr(title="Nightly batch"))  # DEC305 fixed
    summary = tmp_path / "summary.md"
    result = run(nested, "check", GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 0
    text = summary.read_text(encoding="utf-8")
    assert "4 known findings from the baseline not shown" in text
    assert (
        "- 1 finding in the baseline is fixed\\: run \\`decisions baseline\\` to shrink it" in text
    )
    assert "No findings." in text


def test_job_summary_stays_within_one_mebibyte(project: Project, tmp_path: Path) -> None:
    for number in range(1, 31):
        front = f"title: T{number}\nstatus: accepted\ndeciders: [Ana]"  # no date: DEC105
        project.write(f"adr/{number:04d}-x.md", adr(front=front))
    project.configure()
    summary = tmp_path / "summary.md"
    summary.write_bytes(b"x" * (MiB - 4000))
    result = run(project, "check", GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 1 and result.stdout.count("DEC105") == 30
    size = summary.stat().st_size
    assert MiB - 4000 < size <= MiB
    text = summary.read_text(encoding="utf-8")
    shown = text.count("| error |")
    assert 0 < shown < 30
    assert f"*{30 - shown} more findings not shown: a job summary holds at most 1 MiB." in text

    summary.write_bytes(b"x" * MiB)
    full = run(project, "check", GITHUB_STEP_SUMMARY=str(summary))
    assert full.returncode == 1
    assert "decisions: warning: job summary not written to" in full.stderr
    assert summary.stat().st_size == MiB


def test_no_job_summary_for_machine_formats(nested: Project, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    for format_ in ("json", "sarif", "gitlab"):
        result = run(nested, "check", "--format", format_, GITHUB_STEP_SUMMARY=str(summary))
        assert result.returncode == 1
        assert not summary.exists()


def test_markdown_cells_are_inert() -> None:
    text = markdown_text("a | b `c` <img src=x onerror=y> [l](javascript:z) *e* &amp;\r\nnext")
    assert text == (
        "a \\| b \\`c\\` \\<img src=x onerror=y\\> \\[l\\]\\(javascript\\:z\\) \\*e\\* \\&amp; next"
    )
    # Shown as the text `\x1b[31m` (its backslash escaped), never as the character.
    assert markdown_text("tab\tand\x1b[31m") == "tab and\\\\x1b\\[31m"


def test_summary_of_nothing(tmp_path: Path) -> None:
    text = job_summary([], [], "0 records checked: 0 errors", [], tmp_path, tmp_path)
    assert text == "## decisions check\n\n0 records checked\\: 0 errors\n\nNo findings.\n"
