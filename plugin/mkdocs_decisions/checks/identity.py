"""Finding identity: a fingerprint per finding that survives unrelated edits (ADR-0019).

The baseline matches findings by it, and the SARIF and GitLab reports carry it, so
that a finding keeps its identity when lines are added above it.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ..catalogue.findings import Finding
from ..records.discovery import read_regular_file


@dataclass(frozen=True)
class IdentifiedFinding:
    """A finding and its stable fingerprint."""

    finding: Finding
    fingerprint: str
    line_text: str = ""  # what the fingerprint was made of, to make it again for a moved file
    occurrence: int = 0
    # A collection's note: the fingerprint it had before it was identified by its subject
    # (ADR-0031), so that a baseline written then still knows it. "" for other findings.
    former: str = ""

    def moved_from(self, path: str) -> str:
        """The fingerprint this finding had when its file was at ``path`` (before a
        ``git mv`` of the file or of its folder). Paths of the moved folder that the
        message names moved with it ("id ADR-0005 is also used by docs/adr/0005-x.md")."""
        message = self.finding.message
        old, new = posixpath.dirname(path), posixpath.dirname(self.finding.path)
        if old != new and new:
            message = message.replace(f"{new}/", f"{old}/" if old else "")
        moved = replace(self.finding, path=path, message=message)
        return moved.fingerprint(self.line_text, self.occurrence)


def identify(findings: Iterable[Finding], root: Path) -> list[IdentifiedFinding]:
    """Each finding with its fingerprint, in the order given.

    Each file is read once, for the text of the lines the findings point at. Findings
    that would share a fingerprint (the same rule, message and line text in one file)
    are numbered in the order given, which is the order of their places.
    """
    lines_of: dict[str, list[str]] = {}
    seen: Counter[str] = Counter()
    identified = []
    for item in findings:
        if item.path not in lines_of:
            lines_of[item.path] = _lines(root / item.path, root)
        lines = lines_of[item.path]
        index = item.position.line - 1
        line_text = lines[index] if 0 <= index < len(lines) else ""
        first = item.fingerprint(line_text)
        occurrence = seen[first]
        seen[first] += 1
        fingerprint = first if occurrence == 0 else item.fingerprint(line_text, occurrence)
        former = item.line_fingerprint(line_text) if item.subject else ""
        identified.append(IdentifiedFinding(item, fingerprint, line_text, occurrence, former))
    return identified


def _lines(path: Path, root: Path) -> list[str]:
    """The file's lines as the parser numbers them (BOM dropped, any line ending).

    Only a regular file inside the project is read, as the record reader does
    (DEC011, DEC012): a link to a file elsewhere or a FIFO gets no line text, so that
    naming a finding never reads outside the project nor waits on a pipe.
    """
    try:
        if not path.resolve().is_relative_to(root.resolve()):
            return []
        data = read_regular_file(str(path))
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, on older Pythons
        return []  # the finding says why the file cannot be read; its identity needs no text
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
