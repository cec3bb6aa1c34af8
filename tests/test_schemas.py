"""The JSON Schemas for editors agree with the validator on every fixture we have."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from mkdocs_decisions.catalogue.findings import Finding
from mkdocs_decisions.checks.run import run_checks
from mkdocs_decisions.corpus.load import load_corpus
from mkdocs_decisions.corpus.settings import settings_from_options
from mkdocs_decisions.site.schemas import SHIPPED, front_matter_schema, schema_text

from conftest import BIN, PROJECT, ROOT, TRACED_FRONT, Project, adr, standard, traced
from test_rules import FIXTURES

# Findings about what a schema can say: unknown keys, types, statuses, item shapes.
SCHEMA_RULES = {
    "DEC006",
    "DEC007",
    "DEC101",
    "DEC502",
    "DEC507",
    "DEC508",
    "DEC509",
    "DEC511",
    "DEC513",
}

ODD = {
    "adr/0001-a.md": adr(front="title: T\nstatus: Accepted\ndate: 2026-03-02\ndeciders: Ana, Bo"),
    "adr/0002-b.md": adr(front="title: T\nstatus: accepted\ndate: 2026-03-02\ndeciders: [true]"),
    "adr/0003-c.md": adr(front="title: T\nstatus: superseded by [ADR-0001](0001-a.md)"),
    "adr/0004-d.md": adr(front="title: T\nstatus: proposed\nproject: [a, b]"),
    "adr/0005-e.md": adr(front="title: T\nstatus: proposed\ndeviates_from: STD-SEC-001"),
    "adr/0006-f.md": adr(
        front="title: T\nstatus: proposed\ndeviates_from: {standard: STD-SEC-001, reason: Java}"
    ),
    "adr/0007-g.md": adr(front="title: T\nstatus: proposed\nreview_by: soon"),
    "adr/0008-h.md": adr(front="title: T\nstatus: proposed\nhide: [toc]\ndecision-makers: [A]"),
    "docs/standards/s1.md": standard(mandatory='"yes"'),
    "docs/standards/s2.md": standard("STD-X-1", category="Security"),
    "docs/standards/s3.md": standard("STD-X-2", category="securty"),
    # PyYAML reads `no` as false, like the validator: valid for both.
    "docs/projects/p1.md": PROJECT.replace("negotiable: false", "negotiable: no"),
    "docs/projects/p2.md": PROJECT.replace("id: demand-forecasting", "id: p2").replace(
        '    target: "<= 12 units"\n', '    target: ""\n'
    ),
    "docs/projects/p3.md": PROJECT.replace("id: demand-forecasting", "id: p3").replace(
        "    serves: [BO-1]", "    serves: [[BO-1]]"
    ),
}


def schema_findings(findings: list[Finding], front: dict[str, Any]) -> list[Finding]:
    relevant = []
    for found in findings:
        if found.rule not in SCHEMA_RULES and not (
            found.rule == "DEC510" and found.message.startswith("unknown category")
        ):
            continue
        if found.rule == "DEC101" and "status" not in front:
            continue  # a status written in the body: no schema sees it
        if found.rule == "DEC507" and "more than one item" in found.message:
            continue  # unique ids: JSON Schema cannot say so
        if found.rule == "DEC513" and "does not convert" in found.message:
            continue  # units against the target: JSON Schema cannot compare them
        relevant.append(found)
    return relevant


def front_matter(path: Path) -> dict[str, Any] | None:
    """The front matter as an editor's YAML sees it (dates are text); None if there is
    none or it does not parse (DEC002 and DEC005 are the validator's alone)."""
    text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
    if not text.startswith("---\n") or "\n---\n" not in text[3:]:
        return None
    block = text[4 : text.index("\n---\n", 3)]
    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError:
        return None
    if not isinstance(loaded, dict) or len(set(_keys(block))) != len(_keys(block)):
        return None
    return _as_text(loaded)  # type: ignore[no-any-return]


def _keys(block: str) -> list[str]:
    return [line.split(":", 1)[0] for line in block.split("\n") if line[:1].isalpha()]


def _as_text(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_text(v) for v in value]
    return value


def projects() -> list[tuple[str, dict[str, str | bytes] | Path]]:
    """Every set of records the tests use: rule fixtures, odd values, foreign formats,
    the example and this repository."""
    sets: list[tuple[str, dict[str, str | bytes] | Path]] = [
        (f"fixture-{rule}", files) for rule, (files, _, _) in FIXTURES.items()
    ]
    sets.append(("odd", ODD))
    sets.append(("traced", traced()))
    sets += [(f"foreign-{p.name}", p) for p in sorted((ROOT / "tests/fixtures/foreign").iterdir())]
    sets.append(("example", ROOT / "examples" / "demand-forecasting"))
    sets.append(("own", ROOT))
    return sets


def compare(tmp_path: Path, source: dict[str, str | bytes] | Path) -> tuple[int, list[str]]:
    """How many records' front matter was validated both ways, and where they disagree."""
    if isinstance(source, Path):
        root = source if (source / "mkdocs.yml").exists() else tmp_path
        if root is tmp_path:
            shutil.copytree(source, tmp_path / "adr")
    else:
        root = tmp_path
        for path, content in source.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content if isinstance(content, bytes) else content.encode())
    settings = settings_from_options({})
    corpus = load_corpus(root, root / "docs", settings)
    findings = run_checks(corpus, settings)
    checked, disagreements = 0, []
    for record in corpus.records:
        front = front_matter(Path(record.source_path))
        if front is None:
            continue
        schema = front_matter_schema(settings.kinds[record.kind])
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(front))
        ours = schema_findings([f for f in findings if f.path == record.path], front)
        if bool(errors) != bool(ours):
            disagreements.append(
                f"{record.path}: schema says {[e.message for e in errors]}, "
                f"validator says {[f.as_text() for f in ours]}"
            )
        checked += 1
    return checked, disagreements


@pytest.mark.parametrize(("name", "source"), projects(), ids=[n for n, _ in projects()])
def test_schema_and_validator_agree(
    tmp_path: Path, name: str, source: dict[str, str | bytes] | Path
) -> None:
    _, disagreements = compare(tmp_path, source)
    assert disagreements == []


def test_enough_front_matter_is_compared(tmp_path: Path) -> None:
    total = 0
    for index, (_, source) in enumerate(projects()):
        folder = tmp_path / str(index)
        folder.mkdir()
        total += compare(folder, source)[0]
    assert total >= 100


def test_odd_values_are_invalid_for_both(tmp_path: Path) -> None:
    """Most odd cases are wrong; the schema must reject exactly those the validator does."""
    settings = settings_from_options({})
    for path, content in ODD.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(content)
    corpus = load_corpus(tmp_path, tmp_path / "docs", settings)
    findings = run_checks(corpus, settings)
    rejected = {
        record.path
        for record in corpus.records
        if schema_findings([f for f in findings if f.path == record.path], {"status": 1})
    }
    assert rejected == {
        "adr/0002-b.md",
        "adr/0004-d.md",
        "adr/0005-e.md",
        "adr/0007-g.md",
        "docs/projects/p2.md",
        "docs/projects/p3.md",
        "docs/standards/s1.md",
        "docs/standards/s3.md",
    }


def test_shipped_schemas_are_the_generated_ones() -> None:
    from mkdocs_decisions.records.kinds import default_kinds

    for kind in default_kinds().values():
        shipped = (SHIPPED / f"{kind.name}.schema.json").read_text(encoding="utf-8")
        assert shipped == schema_text(kind), (
            "regenerate: python -m mkdocs_decisions.site.schemas "
            "plugin/mkdocs_decisions/site/schemas"
        )
        jsonschema.Draft202012Validator.check_schema(json.loads(shipped))


def test_sites_publish_their_own_schemas(project: Project) -> None:
    project.write("adr/0001-a.md", adr())
    project.configure(plugin_options={"kinds": {"adr": {"aliases": {"agreed": "accepted"}}}})
    assert project.build("--strict").returncode == 0
    published = json.loads(project.html("assets/decisions/schemas/adr.schema.json"))
    schema_check = jsonschema.Draft202012Validator(published)
    assert not list(schema_check.iter_errors({"status": "Agreed"}))
    assert list(schema_check.iter_errors({"status": "maybe"}))
    cli = __import__("subprocess").run(
        [str(BIN / "decisions"), "schema", "adr"], cwd=project.root, capture_output=True, text=True
    )
    assert json.loads(cli.stdout) == published


def test_traced_front_matter_is_valid() -> None:
    front = yaml.safe_load(TRACED_FRONT.format(title="T"))
    schema = front_matter_schema(settings_from_options({}).kinds["adr"])
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(_as_text(front)))
