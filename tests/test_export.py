"""`decisions export`: decisions.json follows its documented, versioned schema."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema

from mkdocs_decisions.site.schemas import SHIPPED

from conftest import BIN, ROOT, Project, adr, traced

EXPORT_SCHEMA = json.loads((SHIPPED / "decisions-export.schema.json").read_text())


def export(project: Project, *arguments: str) -> subprocess.CompletedProcess[str]:
    return project.decisions("export", *arguments)


def test_export_with_history_and_traceability_follows_the_schema(project: Project) -> None:
    for path, content in traced().items():
        project.write(path, content)
    project.write(
        "adr/0002-online.md",
        adr(
            front="title: Online\nstatus: proposed\nsupersedes: [ADR-0001]\nproject: "
            "demand-forecasting\ndeviates_from:\n  - standard: STD-SEC-001\n    reason: Java"
        ),
    )
    project.configure()
    project.git_commit_all("records", date="2026-03-05T10:00:00+00:00")
    result = export(project)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    jsonschema.Draft202012Validator(EXPORT_SCHEMA).validate(document)
    records = {r["id"]: r for r in document["records"]}
    assert document["version"] == 1
    batch = records["ADR-0001"]
    assert batch["project"] == "demand-forecasting"
    assert batch["addresses"] == [
        {"project": "demand-forecasting", "objective": "REQ-1"},
        {"project": "demand-forecasting", "objective": "QA-1"},
    ]
    assert batch["history"]["created"]["date"] == "2026-03-05"
    assert "@" not in result.stdout  # no e-mail address
    assert records["ADR-0002"]["links"]["supersedes"] == ["ADR-0001"]
    qa1 = next(o for o in records["demand-forecasting"]["objectives"] if o["id"] == "QA-1")
    assert qa1["addressed"] is True and qa1["addressed_by"] == [
        {"id": "ADR-0001", "status": "accepted"}
    ]
    sec = records["STD-SEC-001"]
    assert sec["mandatory"] is True and sec["deviating"] == [{"id": "ADR-0002", "reason": "Java"}]


def test_export_of_the_example_and_this_repository_follow_the_schema(tmp_path: Path) -> None:
    for source in (ROOT / "examples" / "demand-forecasting", ROOT):
        result = subprocess.run(
            [str(BIN / "decisions"), "export", "--no-history", "-f", str(source / "mkdocs.yml")],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        jsonschema.Draft202012Validator(EXPORT_SCHEMA).validate(json.loads(result.stdout))


def test_export_to_a_file_never_replaces_one_silently(project: Project) -> None:
    project.write("adr/0001-a.md", adr())
    project.write("site-data/decisions.json", "keep me")
    result = export(project, "-o", "site-data/decisions.json")
    assert result.returncode == 1 and "use --force" in result.stderr
    assert (project.root / "site-data/decisions.json").read_text() == "keep me"
    assert export(project, "-o", "site-data/decisions.json", "--force").returncode == 0
    assert json.loads((project.root / "site-data/decisions.json").read_text())["version"] == 1
    shutil.rmtree(project.root / "site-data")
