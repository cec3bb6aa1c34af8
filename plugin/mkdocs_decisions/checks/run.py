"""Running every registered check over the corpus, at the configured severities.

Importing the family modules registers their checks in ``registry.CHECKS``. Waivers
are applied here, so that the command line and the MkDocs build see the same findings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import cast

from ..catalogue.findings import Finding, Severity
from ..corpus.child import Beside
from ..corpus.collector import collector_paused
from ..corpus.links import Corpus
from ..corpus.settings import Settings
from ..records.kinds import KindSpec
from ..records.model import Record
from ..records.waivers import WaiverReading
from . import (  # noqa: F401  (register their checks)
    history,
    hygiene,
    keys,
    links,
    measurements,
    sections,
    status,
    tracing,
)
from .registry import CHECKS, Check
from .reuse import CheckReuse
from .waivers import WaivedFinding, split_waived

# What a local check is given for the corpus it must not read: reading it fails at once.
_NO_CORPUS = cast(Corpus, None)


@dataclass(frozen=True)
class CheckResult:
    """The findings to report, and those their records waive (shown, never failing)."""

    findings: list[Finding]
    waived: list[WaivedFinding] = field(default_factory=list)


def run_checks(corpus: Corpus, settings: Settings) -> list[Finding]:
    """Every finding for the corpus (parse findings included), at configured severities,
    without those their records waive (``check_corpus`` has those too)."""
    return check_corpus(corpus, settings).findings


# Fewer records than this are checked in one process: at 1,000 records a second one
# costs more than it saves (it works out the collection's conventions again), at 2,000
# it saves a fifth (docs/performance.md).
_RECORDS_WORTH_SPLITTING = 1500


@collector_paused
def check_corpus(
    corpus: Corpus,
    settings: Settings,
    reuse: CheckReuse | None = None,
    beside: Beside[list[list[Finding]]] | None = None,
) -> CheckResult:
    """Every finding for the corpus at configured severities, waived ones set aside.

    Bad waivers are DEC015 findings at the place they are written, and waive nothing.
    ``reuse`` keeps the findings of the checks that read the collection between the
    builds of ``mkdocs serve`` (see ``checks.reuse``). ``beside`` checks the second half
    of the records elsewhere while this process checks the first (``corpus.child``): the
    same findings in the same order.
    """
    findings = list(corpus.findings)
    empty = {f.path for f in findings if f.rule == "DEC008"}
    checked = [record for record in corpus.records if record.path not in empty]
    # What the last build found serves the records that did not change, when nothing
    # they are checked against changed either (checks/reuse.py).
    reusable = reuse is not None and reuse.begin(corpus, settings)
    later = None
    elsewhere: list[Record] = []
    if beside is not None and not reusable and len(checked) >= _RECORDS_WORTH_SPLITTING:
        half = len(checked) // 2
        elsewhere = checked[half:]
        later = beside(partial(_findings_of_each, elsewhere, corpus, settings))
        checked = checked[:half]
    each = list(
        zip(
            checked,
            _findings_of_each(checked, corpus, settings, reuse if reusable else None),
            strict=True,
        )
    )
    if later is not None:
        each.extend(zip(elsewhere, later(), strict=True))
    for record, found in each:
        findings.extend(found)
        if reuse is not None:
            reuse.keep(record, found)
    if reuse is not None:
        reuse.keep_only({record.path for record in corpus.records})
    readings = {record.path: WaiverReading(record.waivers) for record in corpus.records}
    for record in corpus.records:
        if record.metadata_path:  # findings in its metadata file are the record's
            readings.setdefault(record.metadata_path, readings[record.path])
    kept, waived = split_waived(apply_severities(findings, settings), readings)
    return CheckResult(kept, waived)


def _findings_of_each(
    records: list[Record], corpus: Corpus, settings: Settings, reuse: CheckReuse | None = None
) -> list[list[Finding]]:
    """The findings of every check for each of ``records``, in check order; those
    ``reuse`` kept for a record that did not change."""
    each: list[list[Finding]] = []
    for record in records:
        earlier = reuse.findings(record) if reuse is not None else None
        if earlier is not None:
            each.append(earlier)
            continue
        kind = settings.kinds[record.kind]
        found: list[Finding] = []
        for index, registered in enumerate(CHECKS):
            if registered.local:
                found.extend(record.memo(("check", index), _runner(registered, record, kind)))
            else:
                found.extend(registered.run(record, kind, corpus))
        each.append(found)
    return each


def _runner(registered: Check, record: Record, kind: KindSpec) -> Callable[[], list[Finding]]:
    """A local check of one record; it never reads the corpus, so it is given none (a
    check marked local that does read it fails at once, in every test)."""
    return lambda: list(registered.run(record, kind, _NO_CORPUS))


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
