"""Rewrite records written by other tools to native front matter, keeping their text.

adr-tools writes ``Date:`` and a ``## Status`` section; MADR 2 and log4brains
write ``* Status: accepted`` bullets under the title; MADR 3 and 4 already have
front matter but say ``decision-makers`` and ``superseded by [ADR-0012](...)``.
The tool reads all of these as they are (ADR-0008); importing moves the
metadata into front matter once, so that later edits (``decisions status``,
``supersede``) and editors' schema checks work on one place. Lines other than
the metadata are kept byte for byte.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..corpus.settings import Settings
from ..records.body import plain_text
from ..records.discovery import LANDING_NAMES, SKIPPED_NAMES, is_template
from ..records.model import Record
from ..records.parse import SourceFile, normalise_id, parse_record
from .files import Change
from .frontmatter import Document, quoted

FORMATS = ("adr-tools", "log4brains", "madr")
_ORDER = ("status", "date", "deciders", "consulted", "informed", "tags")
_NAMES = ("deciders", "consulted", "informed", "tags")
_RELATIONS = ("supersedes", "superseded_by", "related")


class ImportRefused(ValueError):
    """The import cannot run; the message says why."""


def import_folder(folder: Path, source: str, settings: Settings, root: Path) -> list[Change]:
    """The changes that make every record in ``folder`` native; unchanged files left out."""
    if source not in FORMATS:
        raise ImportRefused(f"unknown format `{source}`; known: {', '.join(FORMATS)}")
    kind = settings.kinds.get("adr") or next(iter(settings.kinds.values()))
    files = sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix.lower() in (".md", ".markdown")
        and path.name.lower() not in LANDING_NAMES
        and path.name.lower() not in SKIPPED_NAMES
        and not is_template(path.name)
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )
    parsed: list[tuple[Path, bytes, Record]] = []
    for path in files:
        data = path.read_bytes()
        shown = Path(os.path.relpath(path, root)).as_posix()
        record, _ = parse_record(data, SourceFile(str(path), shown, shown), kind, settings.kinds)
        parsed.append((path, data, record))
    ids = {record.path: record.id for _, _, record in parsed}
    # References written as ids resolve to the record's id as it is written.
    ids |= {normalise_id(record.id): record.id for _, _, record in parsed}
    changes = []
    for path, data, record in parsed:
        try:
            after = native(data, record, ids)
        except UnicodeDecodeError:
            continue  # DEC001 says so when it is checked; nothing to rewrite safely
        if after != data:
            changes.append(Change(path, data, after))
    return changes


def native(data: bytes, record: Record, ids: dict[str, str]) -> bytes:
    """The file with its metadata in front matter and the legacy metadata lines removed."""
    document = Document.parse(data)
    first_body_line = document.front[1] + 2 if document.front else 1
    removed = _legacy_lines(record, first_body_line)
    document.lines = _without(document.lines, removed)
    values = _values(record, ids)
    renamed = document.entry("decision-makers")
    if renamed is not None:
        line = document.lines[renamed[0]]
        document.lines[renamed[0]] = line.replace("decision-makers", "deciders", 1)
    for key in _ORDER:
        value = values.get(key)
        if value is None:
            continue
        if isinstance(value, list):
            if document.entry(key) is None:
                flow = "[" + ", ".join(quoted(str(v)) for v in value) + "]"
                document.set_scalar(key, flow, after=_before(key), plain=True)
        elif document.entry(key) is None or key == "status":
            document.set_scalar(key, str(value), after=_before(key), plain=key == "date")
    for relation in _RELATIONS:
        targets = values.get(relation) or []
        for target in targets if isinstance(targets, list) else []:
            if relation == "superseded_by":
                document.set_scalar("superseded_by", str(target), after=("status",))
            else:
                document.add_to_list(relation, str(target), after=("status", "date"))
    document.check_still_yaml()
    return document.render()


def _before(key: str) -> tuple[str, ...]:
    return _ORDER[: _ORDER.index(key)] if key in _ORDER else _ORDER


def _status_understood(record: Record) -> bool:
    """Whether the status as written is only the status word (or ``superseded by`` a
    link): ``Accepted (board, 2020-07-01)`` says more, so it stays where it is."""
    found = record.fields.get("status")
    if record.status is None or found is None or not isinstance(found.value, str):
        return False
    written = " ".join(plain_text(found.value).split()).strip(" .*_").lower()
    if record.status == "superseded" and any(
        r.relation == "superseded_by" and not r.by_title for r in record.references
    ):
        return True  # "Superseded by [4. X](0004-x.md)": front matter can say all of it
    return written == (record.raw_status or "").lower()


def _values(record: Record, ids: dict[str, str]) -> dict[str, object]:
    values: dict[str, object] = {}
    if record.status and _status_understood(record):
        values["status"] = record.status
    date = record.value("date")
    if isinstance(date, dt.date):
        values["date"] = date.isoformat()
    for key in _NAMES:
        names = list(record.strings(key))
        if names:
            values[key] = names
    for reference in record.references:
        if reference.by_title:
            continue  # "Superseded by: Use X": words the corpus reads; they stay in the text
        if reference.target.endswith(".md") and reference.target not in ids:
            continue  # a link to a file that is not a record: left in the text
        target = (
            ids.get(reference.target)
            or ids.get(normalise_id(reference.target))
            or normalise_id(reference.target)
        )
        if reference.relation == "superseded_by":
            values["superseded_by"] = [target]
        elif reference.relation in ("supersedes", "related"):
            existing = values.setdefault(reference.relation, [])
            if isinstance(existing, list) and target not in existing:
                existing.append(target)
    return values


def _legacy_lines(record: Record, first_body_line: int) -> set[int]:
    """File lines (1-based) that hold metadata written in the body: bullets and ``Date:``
    lines under the title, a Status section's status and relation lines, a Date
    section's date; and the heading of a Status or Date section left empty by that."""
    status_sections = [s for s in record.iter_sections() if s.key in ("status", "date")]
    # Only values the tool understood move; anything else stays where it is written.
    understood = {
        key
        for key, found in record.fields.items()
        if (key != "status" or _status_understood(record))
        and (key != "date" or isinstance(found.value, dt.date))
    }
    lines = {
        found.key_position.line
        for key, found in record.fields.items()
        if key in understood and found.key_position.line >= first_body_line
    }
    # Supersession lines go (front matter says it now); "Amended by", "Refined by" and
    # other relations stay where they are, since `related` loses their verb.
    lines |= {
        reference.position.line
        for reference in record.references
        if reference.relation in ("supersedes", "superseded_by")
        and not reference.by_title
        and any(s.line < reference.position.line <= s.end_line for s in status_sections)
    }
    body = record.body.split("\n")
    for section in status_sections:
        inside = range(section.line + 1, section.end_line + 1)
        content = [
            number
            for number in inside
            if number not in lines and _text_at(body, number - record.body_line).strip()
        ]
        if not content and not section.children:
            lines |= {section.line, *inside}
    return lines


def _text_at(body: list[str], index: int) -> str:
    return body[index] if 0 <= index < len(body) else ""


def _without(lines: list[str], removed: set[int]) -> list[str]:
    """``lines`` without the 1-based line numbers in ``removed``; where a removal leaves
    two blank lines next to each other, one of them goes too."""
    kept: list[str] = []
    after_removal = False
    for number, line in enumerate(lines, start=1):
        if number in removed:
            after_removal = True
            continue
        if after_removal and not line.strip() and (not kept or not kept[-1].strip()):
            continue  # a blank line meeting another blank (or the start) at a removal
        after_removal = after_removal and not line.strip()
        kept.append(line)
    return kept
