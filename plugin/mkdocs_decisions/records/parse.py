"""Parse one record file into a :class:`Record` and the findings its syntax raises.

Reads native front matter and, without rewriting anything, the metadata that
other tools put in the body: MADR 2 and log4brains bullets (``* Status: accepted``),
adr-tools' ``Date:`` line and ``## Status`` section with "Superseded by [..](..)"
lines, and MADR 4's ``decision-makers``. See ADR-0008.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
from dataclasses import dataclass

from ..catalogue.findings import Finding, Position
from ..catalogue.rules import finding
from . import kinds as types
from .body import plain_text, scan_body
from .frontmatter import split_front_matter
from .kinds import FOREIGN_KEYS, PAGE_KEYS, KindSpec
from .model import Field, Record, Reference, Section, flatten_sections

# "0007-x.md", "adr002-x.md", "rfc-0003-x.md"
_NUMBER_IN_NAME = re.compile(r"^(?:[A-Za-z]{1,5}[-_]?)?(\d+)(?:[-_ .]|$)")
_ID = re.compile(r"^([A-Za-z]+)[-_ ]?0*(\d+)$")
# "* Status: accepted", "- Date: 2021-01-11", "**Status:** accepted", "Date: 2018-03-01"
_LEGACY_LINE = re.compile(
    r"^\s*(?:[*+-]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z -]*?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*)$"
)
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
# "Superseded by [3. Use Y](0003-use-y.md)", "Amends [..](..)", "* Refined by [..](..)";
# adr-tools itself writes "Supercedes" and "Superceded by".
_RELATION_LINE = re.compile(
    r"^\s*(?:[*+-]\s+)?(supersede[sd] by|supercede[sd] by|supersedes|supercedes|"
    r"[A-Za-z][A-Za-z ]{1,30}?)\s*:?\s+(\[.*\]\(.*\).*)$",
    re.IGNORECASE,
)
_SUPERSEDED_BY = re.compile(r"^(superseded|superceded) by\b", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->")
_TITLE_NUMBER = re.compile(r"^\d+\.\s+")
_TITLE_ID = re.compile(r"^([A-Za-z]+)[-_ ]?(\d+)\s*[:.\-\u2013\u2014]\s*")

# Metadata written in the body by other tools, mapped onto our fields.
_LEGACY_KEYS = {
    "status": "status",
    "date": "date",
    "deciders": "deciders",
    "decision makers": "deciders",
    "decision-makers": "deciders",
    "consulted": "consulted",
    "informed": "informed",
    "tags": "tags",
    "authors": "authors",
    "author": "authors",
    "reviewers": "reviewers",
}
_RELATIONS = {
    "superseded by": "superseded_by",
    "superceded by": "superseded_by",
    "supersedes": "supersedes",
    "supercedes": "supersedes",
}
_DATE_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")  # old adr-tools wrote dd/mm/yyyy
_DATE_NAMED = re.compile(r"^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-")  # log4brains
_REFERENCE_FIELDS = (
    "supersedes",
    "superseded_by",
    "related",
    "decisions",
    "project",
    "complies_with",
    "cross_cutting",
    "applies_to",
)
APPLIES_TO_ALL = "all"  # `applies_to: all` on a standard names no record


@dataclass(frozen=True)
class SourceFile:
    """Where a record file is and how it is shown."""

    source_path: str  # absolute path on disk
    path: str  # relative to the project root, posix; used in findings
    site_path: str  # the page's path in the site
    group: str = ""  # sub-folder inside the kind's folder


def normalise_id(text: str, prefixes: frozenset[str] = frozenset({"ADR", "RFC"})) -> str:
    """``adr-7``, ``ADR 0007`` and ``ADR-0007`` all become ``ADR-0007``; others upper-cased."""
    stripped = text.strip()
    match = _ID.match(stripped)
    if match and match.group(1).upper() in prefixes:
        return f"{match.group(1).upper()}-{int(match.group(2)):04d}"
    return stripped.upper()


def parse_record(
    data: bytes, source: SourceFile, kind: KindSpec, kinds: dict[str, KindSpec]
) -> tuple[Record, list[Finding]]:
    """Parse a record file's bytes. Never raises on bad input: problems become findings."""
    path = source.path
    findings: list[Finding] = []
    text = _decode(data, path, findings)
    lines = text.split("\n")
    if not text.strip():
        findings.append(finding("DEC008", path, Position(1, 1), "the file is empty"))

    front = split_front_matter(lines, path)
    findings.extend(front.findings)
    body_lines = lines[front.body_start :]
    first_line = front.body_start + 1
    if front.present and text.strip() and not "\n".join(body_lines).strip():
        findings.append(finding("DEC008", path, Position(first_line, 1), "the record has no body"))
    structure = scan_body(body_lines, first_line)

    raw_fields = {FOREIGN_KEYS.get(key, key): value for key, value in front.fields.items()}
    kind = _kind_from_field(raw_fields, kind, kinds, path, findings)
    legacy, legacy_references = _legacy_metadata(
        structure.preamble, first_line + structure.preamble_index, structure.sections, source
    )
    for key, value in legacy.items():
        raw_fields.setdefault(key, value)
    fields = _checked_fields(raw_fields, kind, path, findings)
    rejected = frozenset(key for key in raw_fields if key in kind.fields and key not in fields)

    number, record_id = _identity(fields, source, kind, path, findings)
    raw_status, status, status_reference = _status(fields, kind, source)
    title, title_position = _title(fields, structure.title, structure.title_index, first_line)
    title = _without_id(title, kind, number)
    if not title:
        findings.append(finding("DEC106", path, Position(first_line, 1), "the record has no title"))
        title = _title_from_file_name(source.path)
    references = _references(fields, source)
    references += legacy_references
    if status_reference and not any(r.relation == "superseded_by" for r in references):
        references.append(status_reference)

    body = body_lines
    body_line = first_line
    if structure.title_index is not None:
        body = body_lines[structure.title_index + 1 :]
        body_line = first_line + structure.title_index + 1
    record = Record(
        path=path,
        source_path=source.source_path,
        site_path=source.site_path,
        kind=kind.name,
        id=record_id,
        number=number,
        title=title,
        status=status,
        raw_status=raw_status,
        fields=fields,
        sections=structure.sections,
        body="\n".join(body),
        body_line=body_line,
        references=tuple(references),
        group=source.group,
        title_position=title_position,
        rejected_keys=rejected,
    )
    return record, findings


def _decode(data: bytes, path: str, findings: list[Finding]) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        findings.append(finding("DEC009", path, Position(1, 1), "the file starts with a BOM"))
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        findings.append(
            finding(
                "DEC001",
                path,
                Position(line, column),
                f"byte 0x{data[error.start]:02x} is not valid UTF-8",
            )
        )
        text = data.decode("utf-8", errors="replace")
    if "\r" in text:
        crlf_at = text.find("\r")
        findings.append(
            finding(
                "DEC010",
                path,
                Position(text.count("\n", 0, crlf_at) + 1, 1),
                "the file has CRLF line endings",
            )
        )
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _kind_from_field(
    fields: dict[str, Field],
    kind: KindSpec,
    kinds: dict[str, KindSpec],
    path: str,
    findings: list[Finding],
) -> KindSpec:
    declared = fields.get("kind")
    if declared is None:
        return kind
    if isinstance(declared.value, str) and declared.value.strip().lower() in kinds:
        return kinds[declared.value.strip().lower()]
    findings.append(
        finding(
            "DEC007",
            path,
            declared.value_position,
            f"`kind: {declared.value}` is not a known kind ({', '.join(sorted(kinds))})",
        )
    )
    return kind


def _legacy_metadata(
    preamble: tuple[str, ...],
    preamble_start: int,
    sections: tuple[Section, ...],
    source: SourceFile,
) -> tuple[dict[str, Field], list[Reference]]:
    """Fields written as body text by MADR 2, log4brains and adr-tools."""
    fields: dict[str, Field] = {}
    references: list[Reference] = []
    for offset, line in enumerate(preamble):
        match = _LEGACY_LINE.match(_COMMENT.sub("", line))
        if not match:
            continue
        key = _LEGACY_KEYS.get(match.group(1).strip().lower())
        value = match.group(2).strip()
        if key is None or not value or key in fields:
            continue
        position = Position(preamble_start + offset, 1)
        column = line.find(value) + 1 if value in line else 1
        fields[key] = Field(
            _legacy_value(key, value), position, Position(position.line, max(column, 1))
        )
    for section in flatten_sections(sections):
        if section.key == "date" and "date" not in fields:
            first = next((line.strip() for line in section.body.split("\n") if line.strip()), "")
            if first:
                position = Position(section.line + 1, 1)
                fields["date"] = Field(_legacy_value("date", first), position, position)
            continue
        if section.key not in ("status", "links"):
            continue
        for offset, line in enumerate(section.body.split("\n")):
            stripped = _COMMENT.sub("", line).strip()
            if not stripped:
                continue
            position = Position(section.line + 1 + offset, 1)
            relation = _RELATION_LINE.match(stripped)
            if relation:
                references.extend(
                    _relation_references(relation.group(1), relation.group(2), position, source)
                )
            elif section.key == "status" and "status" not in fields:
                fields["status"] = Field(stripped.lstrip("*-+ "), position, position)
        superseded = any(r.relation == "superseded_by" for r in references)
        if section.key == "status" and "status" not in fields and superseded:
            heading = Position(section.line, 1)
            fields["status"] = Field("superseded", heading, heading)
    return fields, references


def _legacy_value(key: str, value: str) -> object:
    if key == "tags":  # log4brains separates tags by spaces or commas
        return [part for part in re.split(r"[,\s]+", value) if part]
    if key in ("deciders", "consulted", "informed", "authors", "reviewers"):
        return [part.strip() for part in value.split(",") if part.strip()]
    if key == "date":
        day_first = _DATE_DMY.match(value)
        try:
            if day_first:
                day, month, year = (int(part) for part in day_first.groups())
                return dt.date(year, month, day)
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value


def _relation_references(
    verb: str, text: str, position: Position, source: SourceFile
) -> list[Reference]:
    relation = _RELATIONS.get(" ".join(verb.lower().split()), "related")
    links = [match.group(2) for match in _LINK.finditer(text)]
    # Only links to other Markdown files are relations; web links in a Links section are not.
    targets = [_link_target(link, source.path) for link in links if _is_record_link(link)]
    if not links and text.strip():
        targets = [text.strip().split()[0].strip(".,;")]
    return [Reference(relation, target, position) for target in targets if target]


def _is_record_link(link: str) -> bool:
    return "://" not in link and link.split("#", 1)[0].endswith(".md")


def _link_target(link: str, from_path: str) -> str:
    """A Markdown link's target as a project-relative path, or the text if it is an id."""
    target = link.split("#", 1)[0]
    if not target.endswith(".md") or "://" in target:
        return target
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_path), target))


def _checked_fields(
    raw: dict[str, Field], kind: KindSpec, path: str, findings: list[Finding]
) -> dict[str, Field]:
    """Fields of known keys whose values have the right type; findings for the rest."""
    checked: dict[str, Field] = {}
    for key, found in raw.items():
        expected = kind.fields.get(key)
        if expected is None and key in PAGE_KEYS:
            continue
        if expected is None:
            suggestions = difflib.get_close_matches(key, list(kind.fields), n=1, cutoff=0.6)
            hint = f"did you mean `{suggestions[0]}`?" if suggestions else ""
            findings.append(
                finding(
                    "DEC006",
                    path,
                    found.key_position,
                    f"unknown key `{key}` for a record of kind {kind.name}",
                    hint,
                )
            )
            continue
        value, problem = _coerce(expected, found.value)
        if problem:
            findings.append(finding("DEC007", path, found.value_position, f"`{key}` {problem}"))
            continue
        checked[key] = Field(value, found.key_position, found.value_position, found.inner)
    return checked


def _coerce(expected: str, value: object) -> tuple[object, str]:
    """The value in the expected type, or a description of what is wrong."""
    if value is None:
        return None, ""
    if expected == types.TEXT:
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return str(value), ""
        return None, f"must be a single value, not {_describe(value)}"
    if expected == types.DATE:
        if isinstance(value, dt.datetime):
            return value.date(), ""
        if isinstance(value, dt.date):
            return value, ""
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip()), ""
            except ValueError:
                pass
        return None, f"must be a date written as YYYY-MM-DD, not {value!r}"
    if expected in (types.NAMES, types.IDS):
        if isinstance(value, str):  # "Ana Silva, Bo Chen" as MADR 3 files often write it
            return [part.strip() for part in value.split(",") if part.strip()], ""
        items = [value] if isinstance(value, int) and not isinstance(value, bool) else value
        if isinstance(items, list) and all(
            isinstance(item, str | int) and not isinstance(item, bool) for item in items
        ):
            return [str(item) for item in items], ""
        return None, f"must be a list of names, not {_describe(value)}"
    if expected == types.ID:
        if isinstance(value, str):
            return value, ""
        if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
            return value[0], ""
        return None, f"must be a single record id, not {_describe(value)}"
    if expected == types.URL:
        if isinstance(value, str):
            return value, ""
        return None, f"must be a URL, not {_describe(value)}"
    if expected == types.DEVIATIONS:
        if isinstance(value, dict | str):  # one deviation written without the list
            value = [value]
        if isinstance(value, list) and all(isinstance(item, dict | str) for item in value):
            return value, ""
        return None, "must be a list of `{standard: ID, reason: text}` entries"
    if expected == types.BOOL:
        if isinstance(value, bool):
            return value, ""
        return None, f"must be true or false, not {_describe(value)}"
    if expected == types.ITEMS:
        if isinstance(value, list):
            return value, ""  # each item is checked by the objectives rules (DEC507-DEC509)
        return None, f"must be a list of items with an `id:`, not {_describe(value)}"
    return value, ""


def _describe(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return "true/false"
    return f"{type(value).__name__} {value!r}"


def _identity(
    fields: dict[str, Field],
    source: SourceFile,
    kind: KindSpec,
    path: str,
    findings: list[Finding],
) -> tuple[int | None, str]:
    name = posixpath.basename(source.path)
    match = _NUMBER_IN_NAME.match(name)
    file_number = int(match.group(1)) if match else None
    declared = fields.get("id")
    if declared is not None and isinstance(declared.value, str) and declared.value.strip():
        if not kind.numbered:
            return None, declared.value.strip()  # as written: `demand-forecasting`
        record_id = normalise_id(declared.value)
        id_match = _ID.match(record_id)
        declared_number = int(id_match.group(2)) if id_match else None
        if (
            file_number is not None
            and declared_number is not None
            and (declared_number != file_number)
        ):
            findings.append(
                finding(
                    "DEC104",
                    path,
                    declared.value_position,
                    f"`id: {declared.value}` but the file name says number {file_number}",
                )
            )
        return declared_number if declared_number is not None else file_number, record_id
    stem = posixpath.splitext(name)[0]
    if not kind.numbered:
        return None, stem  # standards and projects are named, e.g. docs/projects/churn.md
    if _DATE_NAMED.match(name):
        # log4brains names files by date; several can share a day, so the slug is the id.
        return file_number, stem
    if file_number is not None:
        return file_number, f"{kind.prefix}-{file_number:04d}"
    findings.append(
        finding(
            "DEC107",
            path,
            Position(1, 1),
            f"cannot number this record: `{name}` has no leading number and no `id:`",
        )
    )
    return None, stem


def _status(
    fields: dict[str, Field], kind: KindSpec, source: SourceFile
) -> tuple[str | None, str | None, Reference | None]:
    found = fields.get("status")
    if found is None or not isinstance(found.value, str):
        return None, None, None
    raw = _COMMENT.sub("", found.value).strip()
    prefix = _SUPERSEDED_BY.match(raw)
    if prefix:
        # MADR's ``superseded by [ADR-0012](0012-x.md)`` means status + successor.
        references = _relation_references(
            "superseded by", raw[prefix.end() :], found.value_position, source
        )
        return raw, kind.canonical_status("superseded"), references[0] if references else None
    return raw, kind.canonical_status(raw), None


def _title(
    fields: dict[str, Field], heading: str | None, heading_index: int | None, first_line: int
) -> tuple[str, Position]:
    declared = fields.get("title")
    if declared is not None and isinstance(declared.value, str) and declared.value.strip():
        return " ".join(declared.value.split()), declared.value_position
    if heading:
        line = first_line + (heading_index or 0)
        return _TITLE_NUMBER.sub("", heading), Position(line, 1)
    return "", Position(first_line, 1)


def _without_id(title: str, kind: KindSpec, number: int | None) -> str:
    """ "ADR-0012: Use X" and "ADR012 - Use X" become "Use X": the page shows the id itself."""
    match = _TITLE_ID.match(title)
    if number is None or not match or match.group(1).upper() != kind.prefix.upper():
        return title
    if int(match.group(2)) != number:
        return title
    return title[match.end() :] or title


def _title_from_file_name(path: str) -> str:
    stem = posixpath.splitext(posixpath.basename(path))[0]
    words = re.sub(r"^\d+[-_ ]*", "", stem).replace("-", " ").replace("_", " ").strip()
    return words.capitalize() if words else stem


def _references(fields: dict[str, Field], source: SourceFile) -> list[Reference]:
    references: list[Reference] = []
    for relation in _REFERENCE_FIELDS:
        found = fields.get(relation)
        if found is None or found.value is None:
            continue
        values = found.value if isinstance(found.value, list) else [found.value]
        for index, value in enumerate(values):
            text = str(value).strip()
            if relation == "applies_to" and text.lower() == APPLIES_TO_ALL:
                continue
            target = reference_target(text, source.path)
            # Point at the list item itself when the list is written in YAML.
            position = found.inner.get((index,), found.value_position)
            if target:
                references.append(Reference(relation, target, position))
    deviations = fields.get("deviates_from")
    for index, entry in enumerate(deviations.value or [] if deviations else []):
        standard = entry.get("standard") if isinstance(entry, dict) else entry
        if isinstance(standard, bool) or not isinstance(standard, str | int | float):
            continue  # missing or of the wrong type: the deviation checks say so
        position = (
            deviations.inner.get(
                (index, "standard"), deviations.inner.get((index,), deviations.value_position)
            )
            if deviations is not None
            else Position()
        )
        target = reference_target(str(standard), source.path)
        if target:
            references.append(Reference("deviates_from", target, position))
    return references


def reference_target(text: str, from_path: str) -> str:
    """What a reference names: a project-relative path for a Markdown link
    (``[ADR-0003](0003-x.md)``), else the id as plain text."""
    text = str(text).strip()
    link = _LINK.search(text)
    return _link_target(link.group(2), from_path) if link else plain_text(text)
