"""Reports of ``decisions check`` for other tools: SARIF 2.1.0 (GitHub code scanning),
GitLab Code Quality, and the Markdown job summary of a GitHub Actions step.

Every path is relative to the top of the git repository, as CI systems expect (the
project may be in a sub-folder). Every value that comes from a record is escaped for
the format it goes into: JSON by ``json``, Markdown cell by cell (no HTML passes).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..catalogue.findings import Finding, Severity, printable
from ..catalogue.rules import FAMILIES, RULES
from ..checks.identity import IdentifiedFinding
from ..checks.waivers import WaivedFinding

TOOL_NAME = "mkdocs-decisions"
INFORMATION_URI = "https://github.com/mkdocs-decisions/mkdocs-decisions"
# Each rule's documentation is the anchor of its id on this page (e.g. ``#dec305``).
RULES_REFERENCE_URL = "https://mkdocs-decisions.github.io/mkdocs-decisions/reference/rules/"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# Our own key: GitHub keeps a partial fingerprint it does not know, and computes its
# own ``primaryLocationLineHash`` beside it on upload (ADR-0019).
FINGERPRINT_KEY = "decisionsFindingHash/v1"
SOURCE_ROOT = "%SRCROOT%"
# GitHub refuses a step summary above 1 MiB; keep a margin for the closing note.
SUMMARY_LIMIT = 1024 * 1024
_NOTE_ROOM = 1024

_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_PROBLEM_SEVERITY = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "recommendation",
}
# GitLab's scale is info, minor, major, critical, blocker. An error fails the check, so
# it is major; critical and blocker are left to security tools (docs/reference/cli.md).
_GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
_SEVERITY_WORD = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# The characters that can start Markdown inside a table cell on GitHub: code, emphasis,
# links and images, HTML and entities, cell borders, strikethrough, math, mentions,
# emoji and issue references. CommonMark lets a backslash escape each of them.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>|~&!$@:#])")


def tool_version() -> str:
    """This package's version, as installed."""
    # Imported here: it costs more than the rest of this module, and only SARIF asks.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(TOOL_NAME)
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0.0.0"


def rule_url(rule_id: str) -> str:
    """The documentation of a rule: its anchor on the rules reference page."""
    return f"{RULES_REFERENCE_URL}#{rule_id.lower()}"


def repository_path(finding: Finding, root: Path, base: Path) -> str:
    """The finding's file relative to ``base`` (the repository's top folder), posix."""
    return Path(os.path.relpath(root / finding.path, base)).as_posix()


def sarif_report(reported: Sequence[IdentifiedFinding], root: Path, base: Path) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run: every rule of the catalogue, and the findings."""
    index = {rule_id: number for number, rule_id in enumerate(RULES)}
    results = []
    for item in reported:
        finding = item.finding
        results.append(
            {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": _SARIF_LEVEL.get(finding.severity, "note"),
                "message": {"text": _with_hint(finding)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {
                                "uri": quote(repository_path(finding, root, base), safe="/"),
                                "uriBaseId": SOURCE_ROOT,
                            },
                            "region": {
                                "startLine": finding.position.line,
                                "startColumn": finding.position.column,
                            },
                        }
                    }
                ],
                "partialFingerprints": {FINGERPRINT_KEY: item.fingerprint},
            }
        )
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "version": tool_version(),
                        "informationUri": INFORMATION_URI,
                        "rules": [_sarif_rule(rule_id) for rule_id in RULES],
                    }
                },
                "originalUriBaseIds": {SOURCE_ROOT: {"uri": base.resolve().as_uri() + "/"}},
                # Our columns count characters, not the UTF-16 units SARIF assumes.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _sarif_rule(rule_id: str) -> dict[str, Any]:
    rule = RULES[rule_id]
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _at_most(f"{rule.summary} {rule.why}", 1024)},
        "helpUri": rule_url(rule.id),
        "help": {
            "text": f"Why: {rule.why}\nHow to fix: {rule.fix}",
            "markdown": f"**Why.** {rule.why}\n\n**How to fix.** {rule.fix}\n\n"
            f"[{rule.id} in the rules reference]({rule_url(rule.id)})",
        },
        "defaultConfiguration": {"level": _SARIF_LEVEL.get(rule.severity, "note")},
        "properties": {
            "tags": ["decisions", FAMILIES[rule.id[:4]].lower()],
            "precision": "very-high",
            "problem.severity": _PROBLEM_SEVERITY.get(rule.severity, "recommendation"),
        },
    }


def gitlab_report(
    reported: Sequence[IdentifiedFinding], root: Path, base: Path
) -> list[dict[str, Any]]:
    """A GitLab Code Quality report: one issue per finding, each with its own fingerprint."""
    return [
        {
            "description": f"{item.finding.rule} {RULES[item.finding.rule].name}: "
            f"{item.finding.message}",
            "check_name": item.finding.rule,
            "fingerprint": item.fingerprint,
            "severity": _GITLAB_SEVERITY.get(item.finding.severity, "info"),
            "location": {
                "path": repository_path(item.finding, root, base),
                "lines": {"begin": item.finding.position.line},
            },
        }
        for item in reported
    ]


def job_summary(
    reported: Sequence[Finding],
    waived: Sequence[WaivedFinding],
    headline: str,
    notes: Sequence[str],
    root: Path,
    base: Path,
    room: int = SUMMARY_LIMIT,
) -> str:
    """The Markdown job summary: the counts, then a table of every finding, errors
    first, then the waived ones; at most ``room`` bytes, cut with a note saying so.

    GitHub shows only ten annotations of each kind per step; this table has them all.
    """
    head = ["## decisions check", "", markdown_text(headline)]
    head += [f"- {markdown_text(note)}" for note in notes]
    head.append("")
    # Each line, and whether it shows one finding (those are counted when cut).
    lines: list[tuple[str, bool]] = []
    if reported:
        lines += [
            ("| File | Rule | Severity | Message |", False),
            ("| --- | --- | --- | --- |", False),
        ]
        ordered = sorted(reported, key=lambda f: (-f.severity.rank, f.path, f.position))
        lines += [
            (
                f"| {markdown_text(_place(f, root, base))} | {_rule_link(f.rule)} "
                f"| {_SEVERITY_WORD.get(f.severity, 'note')} | {markdown_text(f.message)} |",
                True,
            )
            for f in ordered
        ]
    else:
        lines.append(("No findings.", False))
    if waived:
        lines += [("", False), (f"### Waived ({len(waived)})", False), ("", False)]
        lines += [
            ("| File | Rule | Message | Reason |", False),
            ("| --- | --- | --- | --- |", False),
        ]
        lines += [
            (
                f"| {markdown_text(_place(w.finding, root, base))} | {_rule_link(w.finding.rule)} "
                f"| {markdown_text(w.finding.message)} | {markdown_text(w.waiver.reason)} |",
                True,
            )
            for w in waived
        ]
    text = "\n".join(head) + "\n"
    used = len(text.encode("utf-8"))
    for shown, (line, _) in enumerate(lines):
        size = len(line.encode("utf-8")) + 1
        if used + size > room - _NOTE_ROOM:
            left = sum(1 for _, is_finding in lines[shown:] if is_finding)
            return text + (
                f"\n*{left} more {'finding' if left == 1 else 'findings'} not shown: a job "
                "summary holds at most 1 MiB. The step's log and the SARIF or JSON report "
                "have every one.*\n"
            )
        text += line + "\n"
        used += size
    return text


def markdown_text(text: str) -> str:
    """``text`` as inert Markdown on one line: punctuation escaped, line breaks spaces,
    control characters shown as escapes."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", printable(" ".join(text.split())))


def _place(finding: Finding, root: Path, base: Path) -> str:
    return f"{repository_path(finding, root, base)}:{finding.position.line}"


def _rule_link(rule_id: str) -> str:
    label = markdown_text(f"{rule_id} {RULES[rule_id].name}")
    return f"[{label}]({rule_url(rule_id)})"


def _with_hint(finding: Finding) -> str:
    # GitHub titles an alert with the message's first sentence: the message comes first.
    if not finding.hint:
        return finding.message
    ending = "" if finding.message.endswith((".", "?", "!")) else "."
    return f"{finding.message}{ending} Hint: {finding.hint}"


def _at_most(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
