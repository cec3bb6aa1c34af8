"""Applying waivers: a record's waived findings leave the failures but stay visible.

The waivers themselves are read in ``records.waivers``; here the findings they cover
are set aside as ``WaivedFinding`` values, which every adapter shows as waived.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..catalogue.findings import Finding, printable
from ..records.model import Waiver
from ..records.waivers import WaiverReading


@dataclass(frozen=True)
class WaivedFinding:
    """A finding that its record waives, with the waiver that covers it."""

    finding: Finding
    waiver: Waiver

    def as_text(self) -> str:
        """``waived: path:line:col: RULE severity: message (reason: ...)``, control
        characters shown escaped."""
        item = self.finding
        return printable(
            f"waived: {item.path}:{item.position.line}:{item.position.column}: "
            f"{item.rule} {item.severity.value}: {item.message} (reason: {self.waiver.reason})"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.finding.as_dict(),
            "reason": self.waiver.reason,
            "waiver": {
                "line": self.waiver.position.line,
                "column": self.waiver.position.column,
                "written_in": self.waiver.written_in,
            },
        }


def split_waived(
    findings: Iterable[Finding], readings: Mapping[str, WaiverReading]
) -> tuple[list[Finding], list[WaivedFinding]]:
    """The findings no waiver covers, and those a waiver of their own record covers."""
    kept: list[Finding] = []
    waived: list[WaivedFinding] = []
    for item in findings:
        reading = readings.get(item.path)
        waivers = reading.waivers if reading else ()
        waiver = next((w for w in waivers if w.rule == item.rule), None)
        if waiver is None:
            kept.append(item)
        else:
            waived.append(WaivedFinding(item, waiver))
    return kept, waived
