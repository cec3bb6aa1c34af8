"""The baseline: findings known when it was written, which checks then do not report.

A project that adopts the checks on existing records writes its findings of today to
``.decisions-baseline.json`` beside ``mkdocs.yml`` (``decisions baseline``); from then on
only new findings are reported and fail. Findings are matched by their fingerprint
(``checks.identity``, ADR-0019), never by line, so edits elsewhere in a file keep them
known. Every severity is recorded: a baseline is the state the project accepted, and a
warning that was there is as known as an error.

The file is sorted JSON, one entry per finding and no line numbers, so that writing it
again after unrelated edits changes nothing and a reviewer can read its diff. This
module renders, reads and applies it; the command line writes it through ``edit``.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..catalogue.findings import Finding, Severity
from ..catalogue.rules import RULES
from ..corpus.settings import Settings
from ..records.discovery import read_regular_file
from .identity import IdentifiedFinding, identify

BASELINE_FILE = ".decisions-baseline.json"
BASELINE_FORMAT = "mkdocs-decisions baseline"
BASELINE_VERSION = 1
# Far above any real baseline (about 250 bytes a finding), but a bound all the same.
_MAX_BASELINE_BYTES = 64 * 1024 * 1024
_ABOUT = (
    "Findings known when this file was written: `decisions check` and `mkdocs build` "
    "do not report them. Write it again with `decisions baseline`."
)


class BaselineError(ValueError):
    """The baseline cannot be read; the message says which file and why."""


@dataclass(frozen=True, order=True)
class BaselineEntry:
    """One known finding, as the baseline file lists it."""

    path: str
    rule: str
    message: str
    fingerprint: str


@dataclass(frozen=True)
class Baseline:
    """The known findings of a baseline file."""

    file: Path
    entries: tuple[BaselineEntry, ...]

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(entry.fingerprint for entry in self.entries)


@dataclass(frozen=True)
class BaselineOutcome:
    """Findings split by a baseline: new ones (reported), known ones (not reported), and
    the baseline's entries that no finding matches any more (fixed)."""

    new: list[IdentifiedFinding]
    known: list[IdentifiedFinding]
    fixed: list[BaselineEntry]
    moved: int = 0  # known findings found at a new path: their file or folder moved

    @property
    def new_findings(self) -> list[Finding]:
        return [item.finding for item in self.new]

    @property
    def known_note(self) -> str | None:
        """``3 known findings from the baseline not shown``, or None."""
        if not self.known:
            return None
        return f"{_count(len(self.known), 'known finding')} from the baseline not shown"

    @property
    def fixed_note(self) -> str | None:
        """``2 findings in the baseline are fixed: run ...``, or None."""
        if not self.fixed:
            return None
        verb = "is" if len(self.fixed) == 1 else "are"
        return (
            f"{_count(len(self.fixed), 'finding')} in the baseline {verb} fixed: "
            "run `decisions baseline` to shrink it"
        )

    @property
    def moved_note(self) -> str | None:
        """``4 known findings are in files that moved: run ...``, or None."""
        if not self.moved:
            return None
        verb = "is in a file" if self.moved == 1 else "are in files"
        return (
            f"{_count(self.moved, 'known finding')} {verb} that moved: run "
            "`decisions baseline` to record the new paths"
        )

    def notes(self) -> list[str]:
        """What to tell people about the baseline, one line each (nothing without one)."""
        return [note for note in (self.known_note, self.fixed_note, self.moved_note) if note]


def default_baseline_path(project_root: Path) -> Path:
    """Where the baseline lives unless told otherwise: beside ``mkdocs.yml``."""
    return project_root / BASELINE_FILE


def baseline_text(identified: Iterable[IdentifiedFinding]) -> str:
    """The baseline file for these findings: sorted, stable, one entry per finding."""
    entries = sorted(
        BaselineEntry(
            item.finding.path,
            item.finding.rule,
            item.finding.message_without_positions,  # so that edits elsewhere change nothing
            item.fingerprint,
        )
        for item in identified
    )
    document = {
        "format": BASELINE_FORMAT,
        "version": BASELINE_VERSION,
        "about": _ABOUT,
        "findings": [
            {
                "rule": entry.rule,
                "path": entry.path,
                "message": entry.message,
                "fingerprint": entry.fingerprint,
            }
            for entry in entries
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def parse_baseline(data: bytes, file: Path) -> Baseline:
    """The entries of a baseline file's bytes; ``BaselineError`` when it is not one."""
    try:
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise BaselineError(f"{file}: not a decisions baseline (not UTF-8 text)") from None
    except json.JSONDecodeError as error:
        raise BaselineError(
            f"{file}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}"
        ) from None
    if not isinstance(document, dict) or document.get("format") != BASELINE_FORMAT:
        raise BaselineError(
            f'{file}: not a decisions baseline (no `"format": "{BASELINE_FORMAT}"`); '
            "write one with `decisions baseline`"
        )
    if document.get("version") != BASELINE_VERSION:
        raise BaselineError(
            f"{file}: baseline version {_shown(document.get('version'))} is not one this "
            f"version reads ({BASELINE_VERSION}); write it again with `decisions baseline`"
        )
    listed = document.get("findings")
    if not isinstance(listed, list):
        raise BaselineError(f"{file}: `findings` must be a list")
    return Baseline(file, tuple(_entry(item, number, file) for number, item in enumerate(listed)))


def _entry(item: Any, number: int, file: Path) -> BaselineEntry:
    fields = ("path", "rule", "message", "fingerprint")
    if not isinstance(item, dict) or not all(isinstance(item.get(key), str) for key in fields):
        raise BaselineError(
            f"{file}: finding {number + 1} must have the texts rule, path, message and fingerprint"
        )
    return BaselineEntry(*(item[key] for key in fields))


def load_baseline(file: Path, inside: Path | None = None) -> Baseline:
    """The baseline in ``file``; ``BaselineError`` when it cannot be read or is not one.

    With ``inside``, a file whose real path is outside that folder is refused: the
    default baseline comes from the repository, like the records (DEC011).
    """
    if inside is not None and not file.resolve().is_relative_to(inside.resolve()):
        raise BaselineError(f"{file}: a link to a place outside the project; not read")
    try:
        data = read_regular_file(str(file), _MAX_BASELINE_BYTES)
    except FileNotFoundError:
        raise BaselineError(f"{file}: no such file") from None
    except OSError as error:
        raise BaselineError(f"{file}: cannot read: {error.strerror or error}") from None
    return parse_baseline(data, file)


def is_baseline(data: bytes) -> bool:
    """Whether these bytes are a baseline file (so that writing may replace them)."""
    try:
        parse_baseline(data, Path(BASELINE_FILE))
    except BaselineError:
        return False
    return True


def apply_baseline(
    identified: list[IdentifiedFinding],
    baseline: Baseline | None,
    unchecked_rules: Iterable[str] = (),
    settle: bool = True,
) -> BaselineOutcome:
    """Split findings into new and known, and list the baseline's fixed entries.

    Entries of ``unchecked_rules`` (rules that did not run, e.g. the history rules
    with ``--no-history``) are neither matched nor counted as fixed. With ``settle``,
    a new status word of the team's own is an error (``SETTLED_RULE``).
    """
    if baseline is None:
        return BaselineOutcome(list(identified), [], [])
    known_prints = baseline.fingerprints

    def is_known(item: IdentifiedFinding) -> bool:
        return item.fingerprint in known_prints or (
            bool(item.former) and item.former in known_prints
        )

    new = [item for item in identified if not is_known(item)]
    known = [item for item in identified if is_known(item)]
    found = {item.fingerprint for item in identified} | {i.former for i in identified if i.former}
    skipped = set(unchecked_rules)
    fixed = [
        entry
        for entry in baseline.entries
        if entry.fingerprint not in found and entry.rule not in skipped
    ]
    moved = _moved(new, fixed)
    if moved:
        new = [item for item in new if item.fingerprint not in moved]
        known += [item for item in identified if item.fingerprint in moved]
        fixed = [entry for entry in fixed if entry.fingerprint not in moved.values()]
    if settle:
        new = [_settled(item) for item in new]
    return BaselineOutcome(new, known, fixed, len(moved))


def _moved(new: list[IdentifiedFinding], fixed: list[BaselineEntry]) -> dict[str, str]:
    """The new findings that are known ones whose file moved (``git mv doc/adr adr``):
    the same rule, file name, message and line text at another path. Each new
    finding's fingerprint, mapped to that of the baseline entry it is."""
    waiting: dict[tuple[str, str], list[BaselineEntry]] = {}
    for entry in fixed:
        waiting.setdefault((entry.rule, posixpath.basename(entry.path)), []).append(entry)
    matched: dict[str, str] = {}
    for item in new:
        candidates = waiting.get((item.finding.rule, posixpath.basename(item.finding.path)), [])
        for entry in candidates:
            if item.moved_from(entry.path) == entry.fingerprint:
                matched[item.fingerprint] = entry.fingerprint
                candidates.remove(entry)
                break
    return matched


def unchecked_rules(settings: Settings, history_read: bool) -> frozenset[str]:
    """The rules whose findings this run cannot have: switched off, or the history
    rules (DEC4xx) when git history was not read."""
    return frozenset(
        rule
        for rule in RULES
        if settings.severity(rule) is Severity.OFF or (not history_read and rule[:4] == "DEC4")
    )


def filter_known(
    findings: list[Finding],
    project_root: Path,
    settings: Settings,
    history_read: bool,
    file: Path | None = None,
) -> BaselineOutcome:
    """The one call for an adapter: findings split by the project's baseline.

    Reads ``file`` (default: ``.decisions-baseline.json`` beside ``mkdocs.yml``; none
    there means every finding is new). Raises ``BaselineError`` with a one-line message
    when the file is there but cannot be used.
    """
    default = file is None
    path = default_baseline_path(project_root) if file is None else file
    baseline = None
    if not default or path.exists() or path.is_symlink():
        baseline = load_baseline(path, inside=project_root if default else None)
    if baseline is None:  # nothing to compare with: no file need be read for identities
        return BaselineOutcome([IdentifiedFinding(item, "") for item in findings], [], [])
    identified = identify(findings, project_root)
    return apply_baseline(
        identified, baseline, unchecked_rules(settings, history_read), settles(settings)
    )


# A status word that is no status of the lifecycle is the team's own on a first run (a
# warning, said once). Once a baseline is taken, the team's words are known: a word
# that no baselined finding names is a mistake in a new record, and fails the build.
SETTLED_RULE = "DEC101"


def settles(settings: Settings) -> bool:
    """New status words are errors once there is a baseline, unless the team chose the
    rule's severity itself."""
    return SETTLED_RULE not in settings.severities


def _settled(item: IdentifiedFinding) -> IdentifiedFinding:
    found = item.finding
    if found.rule != SETTLED_RULE or found.severity is not Severity.WARNING:
        return item
    hint = (
        "the baseline holds the status words the team used when it was taken, and not "
        f"this one: {found.hint}"
    )
    return replace(item, finding=replace(found, severity=Severity.ERROR, hint=hint))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _shown(value: Any) -> str:
    text = json.dumps(value)
    return text if len(text) <= 20 else text[:19] + "\u2026"
