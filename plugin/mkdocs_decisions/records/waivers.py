"""Waivers: a record switches one rule off for itself, with a reason reviewers can read.

Two ways to write one:

* in front matter, ``waivers: [{rule: DEC305, reason: "..."}]`` or the short
  ``waivers: {DEC305: "..."}``;
* in the body, ``<!-- decisions: waive DEC305 because ... -->`` (outside code), on one
  line or over several.

A waiver that names an unknown rule or gives no reason waives nothing and is a DEC015
finding at the place it is written. Waivers are read while the record is parsed, from
its front matter's ``waivers`` value and its body lines, so every one keeps its position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..catalogue.findings import Finding, Position, printable
from ..catalogue.rules import RULES, finding
from .model import KEY, Field, Record, Waiver

_OPENING = re.compile(r"<!--\s*decisions\s*:", re.IGNORECASE)
_COMMENT = "<!--"
_CLOSING = "-->"
_DIRECTIVE = re.compile(r"^\s*decisions\s*:", re.IGNORECASE)
_WAIVE = re.compile(r"^\s*waive\s+(\S+)\s*(.*)$", re.IGNORECASE | re.DOTALL)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# What may stand between the rule id and the reason: "because", or a colon or dash.
_REASON_LEAD = re.compile(r"^(because\b|[:\-\u2013\u2014])\s*", re.IGNORECASE)
_ENTRY_KEYS = ("rule", "reason")


@dataclass(frozen=True)
class WaiverReading:
    """A record's waivers that hold, the DEC015 findings of those that do not, and where
    the ``waivers`` key is (None when the front matter has none)."""

    waivers: tuple[Waiver, ...] = ()
    findings: tuple[Finding, ...] = ()
    key_position: Position | None = None


def waivers_of(record: Record) -> tuple[Waiver, ...]:
    """The waivers of ``record`` that hold: a known rule and a reason (for its page)."""
    return record.waivers


def read_waivers(
    written: Field | None, lines: list[str], body_start: int, path: str
) -> WaiverReading:
    """Every waiver written in a record: in its front matter's ``waivers`` value
    (``written``), and in comments of its ``lines`` from index ``body_start``. Never
    raises."""
    collector = _Collector(path)
    if written is not None:
        collector.front_matter(written)
    if _OPENING.search("\n".join(lines[body_start:])):
        collector.comments(lines, body_start)
    return WaiverReading(
        tuple(collector.waivers),
        tuple(collector.findings),
        written.key_position if written is not None else None,
    )


class _Collector:
    """Gathers the waivers of one file and the DEC015 findings of the bad ones."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.waivers: list[Waiver] = []
        self.findings: list[Finding] = []

    def add(self, rule: Any, reason: Any, position: Position, written_in: str) -> None:
        """A waiver as written: kept if it names a known rule and gives a reason."""
        rule_id = str(rule).strip().upper() if isinstance(rule, str | int) else ""
        if not rule_id:
            self.bad(position, "a waiver names no rule")
        elif rule_id not in RULES:
            self.bad(position, f"a waiver names the unknown rule `{_shown(rule)}`")
        elif rule_id == "DEC015":
            self.bad(position, "DEC015 cannot be waived: a waiver must itself be readable")
        elif reason is not None and not isinstance(reason, str):
            self.bad(position, f"the reason of the waiver of {rule_id} must be text")
        elif not reason or not reason.strip():
            self.bad(position, f"the waiver of {rule_id} gives no reason")
        else:
            shown = printable(" ".join(reason.split()))
            self.waivers.append(Waiver(rule_id, shown, position, written_in))

    def bad(self, position: Position, message: str) -> None:
        self.findings.append(finding("DEC015", self.path, position, message))

    def front_matter(self, written: Field) -> None:
        value, inner = written.value, written.inner
        if value is None:
            return
        if isinstance(value, dict):  # waivers: {DEC305: "reason"}
            for rule, reason in value.items():
                where = inner.get((rule, KEY), written.value_position)
                self.add(rule, reason, where, "front matter")
            return
        entries = value if isinstance(value, list) else [value]
        for index, entry in enumerate(entries):
            where = inner.get((index,), written.value_position)
            if isinstance(entry, str):  # waivers: [DEC305]: the reason is missing
                self.add(entry, None, where, "front matter")
            elif not isinstance(entry, dict):
                self.bad(where, "a waiver must be `{rule: DEC..., reason: ...}`")
            elif unknown := [key for key in entry if key not in _ENTRY_KEYS]:
                self.bad(
                    inner.get((index, unknown[0], KEY), where),
                    f"unknown key `{_shown(unknown[0])}` in a waiver (it takes rule and reason)",
                )
            else:
                self.add(
                    entry.get("rule"),
                    entry.get("reason"),
                    inner.get((index, "rule"), where),
                    "front matter",
                )

    def comments(self, lines: list[str], start: int) -> None:
        """``<!-- decisions: waive RULE because REASON -->`` outside code blocks and spans."""
        fence = ""
        number, column = start, 0
        while number < len(lines):
            line = lines[number]
            marker = _FENCE.match(line) if column == 0 else None
            if marker:  # a fence opens a code block, or closes the open one
                if not fence:
                    fence = marker.group(1)
                elif marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                    fence = ""
                number += 1
                continue
            if fence:
                number += 1
                continue
            found = line.find(_COMMENT, column)
            if found < 0 or line.count("`", 0, found) % 2:
                number, column = number + 1, 0
                continue  # no comment, or one inside a code span (documentation of waivers)
            where = Position(number + 1, found + 1)
            content, closed, number, column = _comment_text(lines, number, found + len(_COMMENT))
            directive = _DIRECTIVE.match(content)
            if directive and not closed:
                self.bad(where, "the waiver comment is never closed with `-->`")
            elif directive:
                self.comment(content[directive.end() :], where)

    def comment(self, content: str, where: Position) -> None:
        waive = _WAIVE.match(content)
        if waive is None:
            self.bad(where, "a `<!-- decisions: -->` comment must read `waive RULE because REASON`")
            return
        rule = waive.group(1).rstrip(":,;.")
        reason = _REASON_LEAD.sub("", waive.group(2).strip(), count=1)
        self.add(rule, reason, where, "comment")


def _comment_text(lines: list[str], number: int, column: int) -> tuple[str, bool, int, int]:
    """The text of a comment from ``column`` of line ``number`` to ``-->``, whether it
    closes (if not, the text runs to the end of the file), and the line and column just
    after it."""
    parts = []
    offset = column
    while number < len(lines):
        end = lines[number].find(_CLOSING, offset)
        if end >= 0:
            parts.append(lines[number][offset:end])
            return " ".join(parts), True, number, end + len(_CLOSING)
        parts.append(lines[number][offset:])
        number, offset = number + 1, 0
    return " ".join(parts), False, number, 0


def _shown(value: Any) -> str:
    """A value written by the record's author, short and on one line, for a message."""
    text = printable(" ".join(str(value).split()))
    return text if len(text) <= 40 else text[:39] + "\u2026"
