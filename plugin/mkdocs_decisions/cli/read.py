"""The commands that read records: ``check``, ``list`` and ``export``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from ..catalogue.findings import Finding
from ..catalogue.rules import RULES
from ..checks.run import run_checks
from ..history.changes import GitError, changed_since, repository_root
from ..records.model import Record
from ..site.export import export_document
from ..site.schemas import schema_text
from ..trace.matrix import Traceability
from .project import ProjectError, load_project, read_project

JSON_FORMAT_VERSION = 1
# Rules about links between records: with --changed-since they are checked everywhere.
_LINK_RULES = frozenset(rule for rule in RULES if rule.startswith("DEC2"))


def command_check(arguments: argparse.Namespace) -> int:
    for path in arguments.paths:
        if not Path(path).exists():
            print(f"decisions: {path}: no such file or folder", file=sys.stderr)
            return 2
    try:
        project = load_project(arguments.config_file, history=not arguments.no_history)
    except ProjectError as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 2
    corpus, settings, root = project.corpus, project.settings, project.root
    findings = _selected(run_checks(corpus, settings), root, arguments.paths)
    if arguments.changed_since:
        try:
            changed = changed_since(root, arguments.changed_since)
        except GitError as error:
            print(f"decisions: --changed-since {arguments.changed_since}: {error}", file=sys.stderr)
            return 2
        findings = [f for f in findings if f.path in changed or f.rule in _LINK_RULES]
    counts = Counter(f.severity.value for f in findings)
    if arguments.format == "json":
        document = {
            "version": JSON_FORMAT_VERSION,
            "records": len(corpus.records),
            "summary": {level: counts.get(level, 0) for level in ("error", "warning", "info")},
            "findings": [f.as_dict() for f in findings],
        }
        print(json.dumps(document, indent=2))
    else:
        base = repository_root(root) if arguments.format == "github" else root
        for item in findings:
            print(
                github_annotation(item, root, base)
                if arguments.format == "github"
                else item.as_text()
            )
        print(
            f"{_count(len(corpus.records), 'record')} checked: "
            f"{_count(counts.get('error', 0), 'error')}, "
            f"{_count(counts.get('warning', 0), 'warning')}, "
            f"{_count(counts.get('info', 0), 'note')}",
            file=sys.stderr,
        )
    return 1 if any(f.severity.rank >= settings.fail_on.rank for f in findings) else 0


def github_annotation(finding: Finding, root: Path, base: Path | None = None) -> str:
    """A GitHub Actions workflow command that annotates the line in the pull request.

    The file is given relative to ``base``: the repository's top folder (the
    workspace root in a workflow), so a project in a sub-folder is annotated right.
    """
    level = {"error": "error", "warning": "warning"}.get(finding.severity.value, "notice")
    path = Path(os.path.relpath(root / finding.path, base or Path.cwd())).as_posix()
    properties = ",".join(
        f"{name}={_escape_property(value)}"
        for name, value in (
            ("file", path),
            ("line", str(finding.position.line)),
            ("col", str(finding.position.column)),
            ("title", f"{finding.rule} {RULES[finding.rule].name}"),
        )
    )
    message = finding.message + (f" (hint: {finding.hint})" if finding.hint else "")
    return f"::{level} {properties}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _selected(findings: list[Finding], root: Path, paths: list[str]) -> list[Finding]:
    if not paths:
        return findings
    wanted = []
    for path in paths:
        # Like the paths in findings: relative to the root, symlinks not resolved.
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        wanted.append(Path(relative if not relative.startswith("..") else path).as_posix())
    return [
        f
        for f in findings
        if any(f.path == w or f.path.startswith(w.rstrip("/") + "/") or w == "." for w in wanted)
    ]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def command_list(arguments: argparse.Namespace) -> int:
    try:
        project = load_project(arguments.config_file, history=False)
    except ProjectError as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 2
    unknown = sorted(set(arguments.kind or ()) - set(project.settings.kinds))
    if unknown:
        print(
            f"decisions: unknown kind `{unknown[0]}`; known: {', '.join(project.settings.kinds)}",
            file=sys.stderr,
        )
        return 2
    trace = project.corpus.traceability
    records = [
        record
        for record in project.corpus.records
        if (not arguments.kind or record.kind in arguments.kind)
        and (not arguments.status or (record.status or "") in arguments.status)
        and (not arguments.tag or set(arguments.tag) & set(record.strings("tags")))
        and (not arguments.project or _in_projects(record, arguments.project, trace))
    ]
    if arguments.format == "json":
        rows = [_row(record) for record in records]
        print(json.dumps({"version": JSON_FORMAT_VERSION, "records": rows}, indent=2))
        return 0
    table = [("ID", "KIND", "STATUS", "DATE", "TITLE")]
    table += [
        (
            r.id,
            r.kind,
            r.status or r.raw_status or "-",
            r.date.isoformat() if r.date else "-",
            r.title,
        )
        for r in records
    ]
    widths = [max(len(row[column]) for row in table) for column in range(4)]
    for row in table:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
            + "  "
            + row[4]
        )
    print(f"{_count(len(records), 'record')}", file=sys.stderr)
    return 0


def _in_projects(record: Record, wanted: list[str], trace: Traceability) -> bool:
    """Whether a record is one of the projects, or a decision in one of them."""
    names = {name.lower() for name in wanted}
    if record.kind == "project":
        return record.id.lower() in names
    return any(
        project.id.lower() in names
        and any(decision.path == record.path for decision in trace.decisions_in(project))
        for project in trace.projects
    )


def _row(record: Record) -> dict[str, object]:
    return {
        "id": record.id,
        "kind": record.kind,
        "status": record.status,
        "date": record.date.isoformat() if record.date else None,
        "title": record.title,
        "path": record.path,
        "tags": list(record.strings("tags")),
    }


def command_export(arguments: argparse.Namespace) -> int:
    try:
        project = load_project(arguments.config_file, history=not arguments.no_history)
    except ProjectError as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 2
    document = export_document(project.corpus, project.settings)
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if arguments.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    target = Path(arguments.output)
    if target.exists() and not arguments.force:
        print(
            f"decisions: {target} exists; nothing was written (use --force to replace it)",
            file=sys.stderr,
        )
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(target)
    print(
        f"decisions: wrote {target} ({_count(len(document['records']), 'record')})", file=sys.stderr
    )
    return 0


def command_schema(arguments: argparse.Namespace) -> int:
    try:
        _, _, settings = read_project(Path(arguments.config_file))
    except ProjectError as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 2
    kind = settings.kinds.get(arguments.kind)
    if kind is None:
        print(
            f"decisions: unknown kind `{arguments.kind}`; known: {', '.join(settings.kinds)}",
            file=sys.stderr,
        )
        return 2
    sys.stdout.write(schema_text(kind))
    return 0
