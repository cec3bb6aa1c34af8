"""Waivers: a record waives one rule for itself with a reason; shown as waived, never
failing, in `decisions check` and in `mkdocs build --strict`; DEC015 for bad ones."""

from __future__ import annotations

import json

import pytest

from mkdocs_decisions.corpus.load import load_corpus
from mkdocs_decisions.corpus.settings import settings_from_options
from mkdocs_decisions.records.model import Waiver
from mkdocs_decisions.records.waivers import waivers_of

from conftest import VALID_BODY, Project, adr

FRONT = "title: Nightly batch\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana Silva]"
# The consequences name nothing bad: DEC305 at the `### Consequences` heading.
NO_BAD = VALID_BODY.format(title="Nightly batch").replace(
    "* Bad, because a late data drop delays every forecast.\n", ""
)
REASON = "the consequences are in RFC-0002"


def record(front_extra: str = "", body: str = NO_BAD) -> str:
    return adr(front=FRONT + front_extra, body=body)


def with_comment(comment: str, body: str = NO_BAD) -> str:
    return record(body=body.replace("## Context", f"{comment}\n\n## Context", 1))


@pytest.mark.parametrize(
    "content",
    [
        record(f"\nwaivers:\n  - rule: DEC305\n    reason: {REASON}"),
        record(f'\nwaivers: [{{rule: dec305, reason: "{REASON}"}}]'),
        record(f'\nwaivers: {{DEC305: "{REASON}"}}'),
        with_comment(f"<!-- decisions: waive DEC305 because {REASON} -->"),
        with_comment(f"<!--\n  decisions: waive DEC305\n  because {REASON}\n-->"),
        with_comment(f"Text first. <!-- decisions: waive DEC305: {REASON} -->"),
    ],
    ids=["list", "flow-list", "mapping", "comment", "multi-line-comment", "inline-comment"],
)
def test_a_waived_finding_is_shown_and_does_not_fail(project: Project, content: str) -> None:
    project.write("adr/0001-batch.md", content)
    project.configure()
    checked = project.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr
    (line,) = checked.stdout.splitlines()
    assert line.startswith("waived: adr/0001-batch.md:")
    assert f"DEC305 error: the consequences name no negative consequence (reason: {REASON})" in line
    assert "DEC006" not in checked.stdout  # `waivers` is a key of ours
    assert "0 errors, 0 warnings, 0 notes; 1 finding waived" in checked.stderr

    document = json.loads(project.check("--format", "json").stdout)
    assert document["findings"] == []
    (waived,) = document["waived"]
    assert waived["rule"] == "DEC305" and waived["reason"] == REASON
    assert waived["line"] == int(line.split(":")[2])  # the finding's own place
    assert set(waived["waiver"]) == {"line", "column", "written_in"}


def test_the_waiver_points_at_where_it_is_written(project: Project) -> None:
    project.write(
        "adr/0001-batch.md", record(f"\nwaivers:\n  - rule: DEC305\n    reason: {REASON}")
    )
    project.write(
        "adr/0002-other.md", with_comment(f"<!-- decisions: waive DEC305 because {REASON} -->")
    )
    project.configure()
    document = json.loads(project.check("--format", "json").stdout)
    assert [(w["path"], w["waiver"]) for w in document["waived"]] == [
        ("adr/0001-batch.md", {"line": 7, "column": 11, "written_in": "front matter"}),
        ("adr/0002-other.md", {"line": 10, "column": 1, "written_in": "comment"}),
    ]


def test_a_waiver_covers_its_own_record_only(project: Project) -> None:
    project.write("adr/0001-batch.md", record(f'\nwaivers: {{DEC305: "{REASON}"}}'))
    project.write("adr/0002-other.md", record())
    project.configure()
    checked = project.check()
    assert checked.returncode == 1
    assert "adr/0002-other.md:" in checked.stdout and "DEC305 error" in checked.stdout
    assert "waived: adr/0001-batch.md:" in checked.stdout


@pytest.mark.parametrize(
    "comment",
    [
        f"```\n<!-- decisions: waive DEC305 because {REASON} -->\n```",
        f"~~~~markdown\n<!-- decisions: waive DEC305 because {REASON} -->\n~~~~",
        f"Write `<!-- decisions: waive DEC305 because {REASON} -->` to waive it.",
    ],
    ids=["fenced", "tilde-fenced", "code-span"],
)
def test_comments_in_code_are_not_waivers(project: Project, comment: str) -> None:
    project.write("adr/0001-batch.md", with_comment(comment))
    project.configure()
    checked = project.check()
    assert checked.returncode == 1
    assert "DEC305 error" in checked.stdout and "waived:" not in checked.stdout


@pytest.mark.parametrize(
    ("front", "comment", "place", "message"),
    [
        ("\nwaivers:\n  - rule: DEC999\n    reason: x", "", "7:11", "unknown rule `DEC999`"),
        ("\nwaivers:\n  - rule: DEC305", "", "7:11", "the waiver of DEC305 gives no reason"),
        ('\nwaivers:\n  - rule: DEC305\n    reason: "  "', "", "7:11", "gives no reason"),
        ("\nwaivers: [DEC305]", "", "6:11", "the waiver of DEC305 gives no reason"),
        ("\nwaivers: DEC305", "", "6:10", "the waiver of DEC305 gives no reason"),
        ("\nwaivers: {DEC305: }", "", "6:11", "the waiver of DEC305 gives no reason"),
        ("\nwaivers: {DEC305: [a, b]}", "", "6:11", "the reason of the waiver of DEC305 must be"),
        ("\nwaivers:\n  - reason: because", "", "7:5", "a waiver names no rule"),
        ("\nwaivers:\n  - rule: DEC305\n    reasn: x", "", "8:5", "unknown key `reasn`"),
        ("\nwaivers: [[DEC305, x]]", "", "6:11", "must be `{rule: DEC..., reason: ...}`"),
        ("\nwaivers: {DEC015: reason}", "", "6:11", "DEC015 cannot be waived"),
        ("", "<!-- decisions: waive DEC305 -->", "10:1", "the waiver of DEC305 gives no reason"),
        ("", "<!-- decisions: waive DEC305 because -->", "10:1", "gives no reason"),
        ("", "<!-- decisions: waive DEX305 because x -->", "10:1", "unknown rule `DEX305`"),
        ("", "<!-- decisions: ignore DEC305 -->", "10:1", "must read `waive RULE because"),
        ("", "<!-- decisions: waive DEC305 because x", "10:1", "never closed with `-->`"),
    ],
)
def test_bad_waivers_are_dec015_where_they_are_written(
    project: Project, front: str, comment: str, place: str, message: str
) -> None:
    body = NO_BAD.replace("## Context", f"{comment}\n\n## Context", 1) if comment else NO_BAD
    project.write("adr/0001-batch.md", record(front, body))
    project.configure()
    checked = project.check()
    assert checked.returncode == 1
    assert f"adr/0001-batch.md:{place}: DEC015 error: " in checked.stdout, checked.stdout
    assert message in checked.stdout
    assert "DEC305 error" in checked.stdout  # a bad waiver waives nothing
    assert not [line for line in checked.stdout.splitlines() if line.startswith("waived:")]
    assert "Traceback" not in checked.stderr


def test_odd_front_matter_never_crashes(project: Project) -> None:
    for number, value in enumerate(["", "null", "42", "[]", "{}", "[{rule: [1]}]", "{1: 2}"]):
        project.write(f"adr/000{number + 1}-x.md", record(f"\nwaivers: {value}"))
    project.write("adr/0009-broken.md", "---\ntitle: [\nwaivers: {DEC305: x}\n---\n\n# B\n")
    project.configure()
    checked = project.check()
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert "DEC006" not in checked.stdout


def test_mkdocs_build_applies_the_same_waivers(project: Project) -> None:
    project.write("adr/0001-batch.md", record(f'\nwaivers: {{DEC305: "{REASON}"}}'))
    project.configure()
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr
    assert not [
        line for line in built.stderr.splitlines() if "WARNING" in line and "DEC305" in line
    ]
    project.write("adr/0001-batch.md", record())
    failed = project.build("--strict")
    assert failed.returncode == 1 and "DEC305" in failed.stderr


def test_waivers_of_a_record_for_its_page(project: Project) -> None:
    project.write(
        "adr/0001-batch.md",
        with_comment(
            "<!-- decisions: waive DEC303 because one option was ever on the table -->",
            NO_BAD,
        ).replace(FRONT, FRONT + f'\nwaivers: {{DEC305: "{REASON}", DEC999: "typo"}}'),
    )
    project.write("adr/0002-plain.md", record())
    settings = settings_from_options({})
    corpus = load_corpus(project.root, project.root / "docs", settings)
    by_path = {r.path: r for r in corpus.records}
    waivers = waivers_of(by_path["adr/0001-batch.md"])
    assert [(w.rule, w.reason, w.written_in) for w in waivers] == [
        ("DEC305", REASON, "front matter"),
        ("DEC303", "one option was ever on the table", "comment"),
    ]
    assert all(isinstance(w, Waiver) for w in waivers)
    assert waivers_of(by_path["adr/0002-plain.md"]) == ()


def test_waived_findings_are_not_in_the_baseline(project: Project) -> None:
    project.write("adr/0001-batch.md", record(f'\nwaivers: {{DEC305: "{REASON}"}}'))
    project.write("adr/0002-other.md", record())
    project.configure()
    assert project.decisions("baseline").returncode == 0
    document = json.loads((project.root / ".decisions-baseline.json").read_text("utf-8"))
    assert [(e["path"], e["rule"]) for e in document["findings"]] == [
        ("adr/0002-other.md", "DEC305")
    ]
