"""Findings: one problem in one file, at a line and column, naming a rule of the catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column in a record's file."""

    line: int = 1
    column: int = 1


class Severity(Enum):
    """How serious a finding is; ``OFF`` switches a rule off."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    OFF = "off"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1, "off": 0}[self.value]


@dataclass(frozen=True)
class Finding:
    """One problem in one record, with the place to fix it and a hint how."""

    rule: str
    severity: Severity
    path: str
    position: Position
    message: str
    hint: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.position.line,
            "column": self.position.column,
            "message": self.message,
            "hint": self.hint,
        }

    def as_text(self) -> str:
        """The one-line form ``path:line:col: RULE severity: message (hint)``."""
        text = (
            f"{self.path}:{self.position.line}:{self.position.column}: "
            f"{self.rule} {self.severity.value}: {self.message}"
        )
        return f"{text} (hint: {self.hint})" if self.hint else text
