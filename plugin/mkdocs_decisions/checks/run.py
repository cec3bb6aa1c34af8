"""Running every registered check over the corpus, at the configured severities.

Importing the family modules registers their checks in ``registry.CHECKS``.
"""

from __future__ import annotations

from dataclasses import replace

from ..catalogue.findings import Finding, Severity
from ..corpus.links import Corpus
from ..corpus.settings import Settings
from . import history, links, sections, status, tracing  # noqa: F401  (register their checks)
from .registry import CHECKS


def run_checks(corpus: Corpus, settings: Settings) -> list[Finding]:
    """Every finding for the corpus (parse findings included), at configured severities."""
    findings = list(corpus.findings)
    empty = {f.path for f in findings if f.rule == "DEC008"}
    for record in corpus.records:
        if record.path in empty:
            continue  # DEC008 says it all
        kind = settings.kinds[record.kind]
        for registered in CHECKS:
            findings.extend(registered.run(record, kind, corpus))
    return apply_severities(findings, settings)


def apply_severities(findings: list[Finding], settings: Settings) -> list[Finding]:
    """Configured severities applied, rules switched off dropped, sorted by place."""
    adjusted = []
    for item in findings:
        severity = settings.severity(item.rule)
        if severity is Severity.OFF:
            continue
        adjusted.append(replace(item, severity=severity) if severity != item.severity else item)
    adjusted.sort(key=lambda f: (f.path, f.position.line, f.position.column, f.rule))
    return adjusted
