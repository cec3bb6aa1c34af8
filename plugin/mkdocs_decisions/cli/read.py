"""The commands that read records: ``check``, ``list``, ``export`` and ``schema``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ..catalogue.findings import Finding, Severity, printable
from ..catalogue.rules import RULES
from ..checks.baseline import (
    Baseline,
    BaselineError,
    BaselineOutcome,
    apply_baseline,
    default_baseline_path,
    load_baseline,
    settles,
    unchecked_rules,
)
from ..checks.identity import identify
from ..checks.run import check_corpus
from ..corpus.child import in_child
from ..corpus.links import Corpus
from ..corpus.load import empty_folder_notes
from ..corpus.reviews import due_for_review
from ..edit.files import Change, WriteRefused, write_changes
from ..history.changes import GitError, changed_since, repository_root
from ..records.discovery import read_regular_file
from ..records.model import Record
from ..trace.matrix import Traceability
from .project import ProjectError, load_project, read_project
from .reports import SUMMARY_LIMIT, gitlab_report, job_summary, repository_path, sarif_report

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
        baseline = _baseline(arguments, project.root)
        wanted = _wanted(arguments, project.root)
    except (ProjectError, BaselineError, GitError) as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 2
    corpus, settings, root = project.corpus, project.settings, project.root
    result = check_corpus(corpus, settings, beside=in_child)
    # The baseline sees every finding, so that the filters never make one look fixed.
    history_read = settings.history and not arguments.no_history
    split = apply_baseline(
        identify(result.findings, root),
        baseline,
        unchecked_rules(settings, history_read),
        settles(settings),
    )
    outcome = BaselineOutcome(
        [item for item in split.new if wanted(item.finding)],
        [item for item in split.known if wanted(item.finding)],
        split.fixed,
        split.moved,
    )
    waived = [item for item in result.waived if wanted(item.finding)]
    findings = outcome.new_findings
    counts = Counter(f.severity.value for f in findings)
    if arguments.format == "json":
        document = {
            "version": JSON_FORMAT_VERSION,
            "records": len(corpus.records),
            "summary": {level: counts.get(level, 0) for level in ("error", "warning", "info")},
            "findings": [f.as_dict() for f in findings],
            "waived": [w.as_dict() for w in waived],
            "baseline": None
            if baseline is None
            else {
                "file": _shown_path(baseline.file, root),
                "known": len(outcome.known),
                "fixed": len(outcome.fixed),
                "moved": outcome.moved,
            },
        }
        print(json.dumps(document, indent=2))
        return _exit_code(findings, settings.fail_on)
    base = repository_root(root)
    if arguments.format == "sarif":
        print(json.dumps(sarif_report(outcome.new, root, base), indent=2))
    elif arguments.format == "gitlab":
        print(json.dumps(gitlab_report(outcome.new, root, base), indent=2))
    else:
        github = arguments.format == "github"
        for item in findings:
            print(github_annotation(item, root, base) if github else item.as_text())
        for waived_item in waived:
            print(waived_item.as_text())
    headline = "; ".join(
        [
            f"{_count(len(corpus.records), 'record')} checked: "
            f"{_count(counts.get('error', 0), 'error')}, "
            f"{_count(counts.get('warning', 0), 'warning')}, "
            f"{_count(counts.get('info', 0), 'note')}",
            *([f"{_count(len(waived), 'finding')} waived"] if waived else []),
            *([outcome.known_note] if outcome.known_note else []),
        ]
    )
    notes = [note for note in (outcome.fixed_note, outcome.moved_note) if note]
    notes += empty_folder_notes(corpus, settings)
    print(headline, file=sys.stderr)
    for note in notes:
        print(note, file=sys.stderr)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file and arguments.format in ("text", "github"):
        summary = partial(job_summary, findings, waived, headline, notes, root, base)
        _append_job_summary(Path(summary_file), summary)
    return _exit_code(findings, settings.fail_on)


def _wanted(arguments: argparse.Namespace, root: Path) -> Callable[[Finding], bool]:
    """Which findings to report: those in ``PATHS``, and with ``--changed-since`` those
    of changed records plus every link finding. Raises ``GitError`` for a bad ref."""
    in_paths = _selector(root, arguments.paths)
    if not arguments.changed_since:
        return in_paths
    try:
        changed = changed_since(root, arguments.changed_since)
    except GitError as error:
        raise GitError(f"--changed-since {arguments.changed_since}: {error}") from None

    def wanted(item: Finding) -> bool:
        return in_paths(item) and (item.path in changed or item.rule in _LINK_RULES)

    return wanted


def _baseline(arguments: argparse.Namespace, root: Path) -> Baseline | None:
    """The baseline to apply: ``--baseline FILE``, else the default file if there is one."""
    if arguments.no_baseline:
        return None
    if arguments.baseline:
        return load_baseline(Path(arguments.baseline))
    default = default_baseline_path(root)
    if not default.exists() and not default.is_symlink():
        return None
    return load_baseline(default, inside=root)


def _exit_code(findings: list[Finding], fail_on: Severity) -> int:
    return 1 if any(f.severity.rank >= fail_on.rank for f in findings) else 0


def _append_job_summary(file: Path, summary: Callable[[int], str]) -> None:
    """Append the Markdown summary to the step's summary file, within GitHub's 1 MiB
    (``summary`` makes it for the room that is left)."""
    try:
        room = SUMMARY_LIMIT - (file.stat().st_size if file.exists() else 0)
        text = summary(room)
        if len(text.encode("utf-8")) > room:
            raise OSError("it is full (GitHub takes at most 1 MiB per step)")
        with file.open("a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:  # the check's result stands; only the summary is missing
        problem = error.strerror or str(error)
        print(f"decisions: warning: job summary not written to {file}: {problem}", file=sys.stderr)


def _shown_path(path: Path, root: Path) -> str:
    """A path relative to the project root when it is inside it, else as given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def github_annotation(finding: Finding, root: Path, base: Path | None = None) -> str:
    """A GitHub Actions workflow command that annotates the line in the pull request.

    The file is given relative to ``base``: the repository's top folder (the
    workspace root in a workflow), so a project in a sub-folder is annotated right.
    """
    level = {"error": "error", "warning": "warning"}.get(finding.severity.value, "notice")
    path = repository_path(finding, root, base or Path.cwd())
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


def _selector(root: Path, paths: list[str]) -> Callable[[Finding], bool]:
    """Whether a finding is in one of ``paths`` (files or folders); all are without any."""
    wanted = []
    for path in paths:
        # Like the paths in findings: relative to the root, symlinks not resolved.
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        wanted.append(Path(relative if not relative.startswith("..") else path).as_posix())

    def selected(f: Finding) -> bool:
        return not wanted or any(
            f.path == w or f.path.startswith(w.rstrip("/") + "/") or w == "." for w in wanted
        )

    return selected


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
    reviews = {}
    if arguments.due is not None:
        reviews = {r.record.path: r for r in due_for_review(project.corpus, arguments.due)}
    listed = project.corpus.records
    if arguments.due is not None:
        listed = [review.record for review in reviews.values()]
    records = [
        record
        for record in listed
        if (not arguments.kind or record.kind in arguments.kind)
        and (not arguments.status or (record.status or "") in arguments.status)
        and (not arguments.tag or set(arguments.tag) & set(record.strings("tags")))
        and (not arguments.project or _in_projects(record, arguments.project, trace))
    ]
    if arguments.format == "json":
        rows = [_row(record, project.corpus) for record in records]
        for entry, record in zip(rows, records, strict=True):
            if record.path in reviews:
                due = reviews[record.path]
                entry["review_by"] = due.due.isoformat()
                entry["overdue"] = due.overdue
        print(json.dumps({"version": JSON_FORMAT_VERSION, "records": rows}, indent=2))
        return 0
    second = "REVIEW BY" if arguments.due is not None else "DATE"
    table = [("ID", "KIND", "STATUS", second, "TITLE")]
    for r in records:
        when = r.date.isoformat() if r.date else "-"
        if r.path in reviews:
            review = reviews[r.path]
            when = review.due.isoformat() + (" (overdue)" if review.overdue else "")
        table.append((r.id, r.kind, r.status or r.raw_status or "-", when, printable(r.title)))
    widths = [max(len(line[column]) for line in table) for column in range(4)]
    for line in table:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=False))
            + "  "
            + line[4]
        )
    if arguments.due is not None:
        overdue = sum(1 for r in records if reviews[r.path].overdue)
        print(
            f"{_count(len(records), 'record')} due for review within {arguments.due} days "
            f"of {project.corpus.today.isoformat()}, {overdue} overdue",
            file=sys.stderr,
        )
        return 0
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


def _row(record: Record, corpus: Corpus) -> dict[str, object]:
    return {
        "id": record.id,
        "kind": record.kind,
        "status": record.status,
        # the word as the record writes it ("Implemented", a team's own "Parked")
        "status_as_written": record.raw_status,
        "date": record.date.isoformat() if record.date else None,
        "title": record.title,
        "path": record.path,
        "tags": list(record.strings("tags")),
        "deciders": list(record.strings("deciders")),
        "authors": list(record.strings("authors")),
        # by id, declared on either side; a successor that names no record, as written
        # (words that are no record's title name none)
        "superseded_by": [successor.id for successor in corpus.successors(record)]
        or [
            r.target for r in record.references if r.relation == "superseded_by" and not r.by_title
        ],
    }


def command_export(arguments: argparse.Namespace) -> int:
    try:
        project = load_project(arguments.config_file, history=not arguments.no_history)
    except ProjectError as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 2
    # Imported here, as in the commands below: `decisions check` needs none of the site.
    from ..site.export import export_document

    document = export_document(project.corpus, project.settings)
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if arguments.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    target = Path(arguments.output)
    try:
        if target.is_dir() and not target.is_symlink():
            raise WriteRefused(f"{target} is a folder; nothing was written")
        if os.path.lexists(target) and not arguments.force:
            raise WriteRefused(f"{target} exists; nothing was written (use --force to replace it)")
        target.parent.mkdir(parents=True, exist_ok=True)
        # Through edit.files: never through a link planted at the target or beside it.
        before = read_regular_file(str(target), 1 << 30) if os.path.lexists(target) else None
        write_changes([Change(target, before, text.encode("utf-8"))])
    except WriteRefused as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        problem = error.strerror or str(error)
        print(f"decisions: {target}: cannot write: {problem}; nothing was written", file=sys.stderr)
        return 1
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
    from ..site.schemas import schema_text

    sys.stdout.write(schema_text(kind))
    return 0
