"""Findings: one problem in one file, at a line and column, naming a rule of the catalogue."""

from __future__ import annotations

import hashlib
import re
import reprlib
from dataclasses import dataclass
from enum import Enum
from typing import Any

# Positions named inside a message ("first on line 3"): they move with unrelated edits.
_POSITION_IN_MESSAGE = re.compile(r"\b(line|lines|column|col)\s+\d+(\s*[-\u2013,:]\s*\d+)*", re.I)
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column in a record's file, or in ``file`` when the value is
    written in another file beside the record (a KEP's ``kep.yaml``): a finding made at
    such a position names that file."""

    line: int = 1
    column: int = 1
    file: str = ""


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
    # What a note said once for a whole collection is about (``adr:section:Context``):
    # its identity, in place of the record that carries it and of the counts in its
    # message, which change as records are added (ADR-0031). "" for any other finding.
    subject: str = ""

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
        """The one-line form ``path:line:col: RULE severity: message (hint)``, with
        control characters shown escaped."""
        text = (
            f"{self.path}:{self.position.line}:{self.position.column}: "
            f"{self.rule} {self.severity.value}: {self.message}"
        )
        return printable(f"{text} (hint: {self.hint})" if self.hint else text)

    @property
    def message_without_positions(self) -> str:
        """The message with the numbers of the lines and columns it names left out
        (``first on line …``): what is wrong, not where, which moves with every edit."""
        message = _POSITION_IN_MESSAGE.sub(
            lambda match: f"{match.group(1).lower()} \u2026", self.message
        )
        return _WHITESPACE.sub(" ", message).strip()

    def fingerprint(self, line_text: str, occurrence: int = 0) -> str:
        """A stable identity of this finding that survives unrelated edits (ADR-0019).

        A hash of the rule, the path, the message with the positions it names removed,
        and ``line_text`` (the text of the finding's line) without any whitespace;
        ``occurrence`` tells identical findings in one file apart (0 for the first).
        Line and column numbers are left out on purpose: they change whenever a line
        is added above. A note about a whole collection is identified by its rule and
        ``subject`` alone (ADR-0031).
        """
        if self.subject:
            parts: tuple[str, ...] = ("v1", self.rule, "collection", self.subject)
            return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]
        return self.line_fingerprint(line_text, occurrence)

    def line_fingerprint(self, line_text: str, occurrence: int = 0) -> str:
        """The fingerprint of ADR-0019: rule, path, message and line text; that of every
        finding but a collection's notes, which had it before ADR-0031."""
        parts = (
            "v1",
            self.rule,
            self.path,
            self.message_without_positions,
            _WHITESPACE.sub("", line_text),
            str(occurrence),
        )
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


# C0 and C1 control characters, DEL, and the bidirectional overrides that can make a
# terminal show text other than what a message holds ("Trojan Source").
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_EXCERPT = reprlib.Repr()
_EXCERPT.maxlevel = 2
_EXCERPT.maxlist = _EXCERPT.maxtuple = _EXCERPT.maxdict = _EXCERPT.maxset = 4
_EXCERPT.maxstring = _EXCERPT.maxother = 60


def printable(text: str) -> str:
    """``text`` safe to print on a terminal or in a log: control characters and
    direction overrides shown escaped (``\\x1b``), so a record cannot rewrite the screen
    or split a one-line message."""
    return _UNPRINTABLE.sub(lambda match: _escaped(match[0]), text)


def _escaped(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def excerpt(value: object) -> str:
    """A value for a message: its type and a bounded excerpt, never its whole ``repr``
    (a YAML alias bomb expands to billions of items)."""
    if isinstance(value, list | dict):
        kind = "a list" if isinstance(value, list) else "a mapping"
        size = len(value)
        return f"{kind} of {size} item{'s' if size != 1 else ''} {printable(_EXCERPT.repr(value))}"
    if isinstance(value, str | int | float) or value is None:
        return printable(_EXCERPT.repr(value))  # 'no', 12, 3.5, None
    return f"{type(value).__name__} {printable(_EXCERPT.repr(value))}"
