"""Running every registered check over the corpus, at the configured severities.

Importing the family modules registers their checks in ``registry.CHECKS``. Waivers
are applied here, so that the command line and the MkDocs build see the same findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..catalogue.findings import Finding, Severity
from ..corpus.links import Corpus
from ..corpus.settings import Settings
from ..records.waivers import WaiverReading
from . import history, hygiene, links, sections, status, tracing  # noqa: F401  (register their checks)
from .registry import CHECKS
from .waivers import WaivedFinding, split_waived


@dataclass(frozen=True)
class CheckResult:
    """The findings to report, and those their records waive (shown, never failing)."""

    findings: list[Finding]
    waived: list[WaivedFinding] = field(default_factory=list)


def run_checks(corpus: Corpus, settings: Settings) -> list[Finding]:
    """Every finding for the corpus (parse findings included), at configured severities,
    without those their records waive (``check_corpus`` has those too)."""
    return check_corpus(corpus, settings).findings


def check_corpus(corpus: Corpus, settings: Settings) -> CheckResult:
    """Every finding for the corpus at configured severities, waived ones set aside.

    Bad waivers are DEC015 findings at the place they are written, and waive nothing.
    """
    findings = list(corpus.findings)
    empty = {f.path for f in findings if f.rule == "DEC008"}
    for record in corpus.records:
        if record.path in empty:
            continue  # DEC008 says it all
        kind = settings.kinds[record.kind]
        for registered in CHECKS:
            findings.extend(registered.run(record, kind, corpus))
    readings = {record.path: WaiverReading(record.waivers) for record in corpus.records}
    kept, waived = split_waived(apply_severities(findings, settings), readings)
    return CheckResult(kept, waived)


def apply_severities(findings: list[Finding], settings: Settings) -> list[Finding]:
    """Configured severities applied, rules switched off dropped, sorted by place."""
    adjusted = []
    for item in findings:
        # A finding keeps the severity it was made with (a rule's default, or lower where
        # a collection's conventions say so) unless the configuration names the rule.
        severity = settings.severities.get(item.rule, item.severity)
        if severity is Severity.OFF:
            continue
        adjusted.append(replace(item, severity=severity) if severity != item.severity else item)
    adjusted.sort(key=lambda f: (f.path, f.position.line, f.position.column, f.rule))
    return adjusted
