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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..catalogue.findings import Finding, Position, Severity, excerpt
from ..catalogue.patterns import lazy_pattern
from ..catalogue.rules import finding
from . import kinds as types
from .body import (
    BodyStructure,
    plain_text,
    scan_body,
    without_generated_toc,
)
from .frontmatter import read_metadata_file, split_front_matter
from .kinds import (
    DUBLIN_CORE_KEYS,
    FOREIGN_KEYS,
    PAGE_KEYS,
    KindSpec,
    default_kinds,
    section_names,
)
from .metadata import (
    LABELS,
    VALUE_SECTIONS,
    BodyMetadata,
    date_order,
    date_rank,
    fenced_header,
    names_in,
    read_body_metadata,
    read_date,
    status_phrase,
    swapped_date,
)
from .model import KEY, Field, Record, Reference, Section
from .templates import stated_types
from .text import has_control_characters, without_control_characters, without_email
from .titles import (
    clean_title,
    is_only_id,
    is_placeholder,
    numbering_date,
    title_from_file_name,
    title_key,
    without_inline_markup,
)
from .waivers import read_waivers

# "0007-x", "adr002-x", "rfc-0003-x", "KEEP-0406-x", "A29-x": a prefix, then the number
_SERIES_NUMBER = lazy_pattern(
    r"^(?P<prefix>(?:[A-Za-z]+[-_]?){0,4}?)(?P<number>\d{1,18})(?=[-_ .]|$)"
)
_ZERO_NUMBER = lazy_pattern(r"^0+(?:[-_ .]|$)")
# A title that is a file-name slug (`title: redirecting-step-output-streams`).
_DATE_PLACEHOLDER = lazy_pattern(
    r"^[\[<{(]?(?:y{2,4}[-/.]m{1,2}[-/.]d{1,2}|tbd|n/?a)[\]>})]?$", re.I
)
_SLUG = lazy_pattern(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$", re.IGNORECASE)  # "Neat-enhancement-idea"
# A title that is an identifier, a slug by another name (`title: PodProbeMarker`): one
# word of letters and digits, a small letter followed by a capital inside it.
_IDENTIFIER = lazy_pattern(r"^(?=[A-Za-z0-9]*[a-z][A-Z])[A-Za-z][A-Za-z0-9]*$")
_ID = lazy_pattern(r"^([A-Za-z]+)[-_ ]?0*(\d{1,18})$")
_LINK = lazy_pattern(r"\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_ESCAPED = lazy_pattern(r"\\([!-/:-@\[-`{-~])")  # a backslash escape in a link's target
_MOVED = lazy_pattern(
    r"^(?:this\s+(?:document|proposal|rfc|design|page|file|record|adr)\s+(?:was|has\s+been)\s+"
    r"(?:renamed|moved)\b|(?:moved|renamed)\s+to\b)",
    re.IGNORECASE,
)
# log4brains names files by date (20210105-x.md), some tools by the time as well
# (20240516132303-x.md); others write the date first (2021-06-05_001-x.md,
# Sylius' 2020_03_03_api_translations.md), with or without a number after it.
_TIME = r"(?:(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?)?"
# Thanos names proposals by the month alone (202012-receive-split.md).
_MONTH_NAMED = lazy_pattern(r"^(?:19|20)\d{2}(?:0[1-9]|1[0-2])-[^\W\d_]")
# "2021-06-05-x", "20210605-x", and a day or month without its zero: "2023-8-18-x"
_NAME_DATE = lazy_pattern(
    rf"^((?:19|20)\d{{2}})(?:([-_]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])|"
    rf"([-_])(0?[1-9]|1[0-2])\5(0?[1-9]|[12]\d|3[01])){_TIME}(?:[-_.]|$)"
)
# The series' letters before a day that numbers the record: O3DE's
# "rfc-net-20211026-1-flexmatch.md"
_SERIES_BEFORE_DATE = lazy_pattern(r"^(?:[A-Za-z]{1,8}[-_]){1,2}(?=(?:19|20)\d{6}[-_]\d{1,3}[-_])")
# "2021-06-05_001-x", and with the series' letters before the number: "20240509-adr-0001-x"
_DATED_NUMBER = lazy_pattern(
    r"^(?:19|20)\d{2}-?\d{2}-?\d{2}[-_](?:[A-Za-z]{1,6}[-_]?)?(\d{1,18})(?:[-_ .]|$)"
)
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
# What a reference field holds when it names no record (`superseded-by: [n/a]`).
_NO_RECORD = frozenset({"n/a", "na", "none", "nil", "null", "-", "tbd", "todo", "~"})
METADATA_FILE = "metadata file"  # the metadata style of a record whose status is in one


@dataclass(frozen=True)
class SourceFile:
    """Where a record file is and how it is shown."""

    source_path: str  # absolute path on disk
    path: str  # relative to the project root, posix; used in findings
    site_path: str  # the page's path in the site
    group: str = ""  # sub-folder inside the kind's folder
    name: str = ""  # what numbers and names it, when not its file name (a record's folder)
    # The series of a sub-folder numbered from 1 beside the kind's own (``TESTING`` for
    # ``proposals/testing/0001-x.md`` beside ``proposals/0001-y.md``); "" for the kind's.
    series: str = ""
    # A YAML file beside a folder's README that holds the record's metadata (a KEP's
    # ``kep.yaml``): where it is on disk and how it is shown; "" when there is none.
    metadata_file: str = ""
    metadata_path: str = ""
    # Its name starts with a year that other records' names start with too (ESLint's
    # ``designs/2019-config-tester/``): a date, not a record number.
    year_named: bool = False
    # Its name is a series' letters glued to its number, as three or more names of its
    # folder are (TUF's ``tap12.md``): TAP-0012.
    glued: bool = False

    @property
    def identity_name(self) -> str:
        return self.name or posixpath.basename(self.path)


def normalise_id(text: str, prefixes: frozenset[str] = frozenset({"ADR", "RFC"})) -> str:
    """``adr-7``, ``ADR 0007`` and ``ADR-0007`` all become ``ADR-0007``; others upper-cased."""
    stripped = text.strip()
    match = _ID.match(stripped)
    if match and match.group(1).upper() in prefixes:
        return f"{match.group(1).upper()}-{int(match.group(2)):04d}"
    return stripped.upper()


def parse_record(
    data: bytes,
    source: SourceFile,
    kind: KindSpec,
    kinds: dict[str, KindSpec],
    metadata_data: bytes | None = None,
) -> tuple[Record, list[Finding]]:
    """Parse a record file's bytes (and those of its metadata file, when it has one:
    ``source.metadata_file``). Never raises on bad input: problems become findings."""
    path = source.path
    findings: list[Finding] = []
    text = _decode(data, path, findings)
    lines = text.split("\n")
    if not text.strip():
        findings.append(finding("DEC008", path, Position(1, 1), "the file is empty"))

    front = split_front_matter(lines, path)
    findings.extend(front.findings)
    body_lines = without_generated_toc(lines[front.body_start :])
    first_line = front.body_start + 1
    if front.present and text.strip() and not "\n".join(body_lines).strip():
        findings.append(finding("DEC008", path, Position(first_line, 1), "the record has no body"))
    titled = any(key.lower() == "title" for key in front.fields)
    titled = titled or "title" in _from_dublin_core(front.fields)
    declared = next((f.value for k, f in front.fields.items() if k.lower() == "title"), "")
    header = fenced_header(body_lines)  # a PEP-style header in a fence gives the title
    titled = titled or (header is not None and "title" in header.keys)
    names = section_names(kinds)
    structure = scan_body(body_lines, first_line, names, titled, str(declared or ""))

    waivers = read_waivers(front.fields.get("waivers"), lines, front.body_start, path)
    findings.extend(waivers.findings)
    kind = _kind_from_field(_front_fields(front.fields), kind, kinds, path, findings)
    raw_fields = _front_fields(_without_stray_keys(front.fields, front.indented, kind), kind.fields)
    raw_fields.update(_misspelt_date_key(raw_fields, kind, path, findings))
    raw_fields.update(_from_status_history(raw_fields))
    raw_fields.update(_from_draft_flag(front.fields, raw_fields))
    raw_fields.update(_from_dublin_core(raw_fields))
    raw_fields.update(_from_series_key(raw_fields, source))
    in_front_matter = "status" in raw_fields
    in_metadata_file = False
    if metadata_data is not None and source.metadata_path:
        # The metadata file beside the record: its keys that this kind knows fill what the
        # front matter does not say; the rest are the other tool's own, never "unknown".
        beside = read_metadata_file(
            _decode(metadata_data, source.metadata_path, findings), source.metadata_path
        )
        findings.extend(beside.findings)
        for key, value in _front_fields(beside.fields, kind.fields).items():
            if key in kind.fields and key not in raw_fields and key not in ("kind", "waivers"):
                raw_fields[key] = value
        raw_fields.update(_from_number_key(beside.fields, raw_fields, source, kind))
        in_metadata_file = not in_front_matter and "status" in raw_fields
    metadata = read_body_metadata(
        body_lines,
        first_line,
        structure.region_end,
        structure.sections,
        path,
        structure.title_index,
        _title_end(structure),
    )
    style = "front matter" if in_front_matter else metadata.style
    if in_metadata_file:
        style = METADATA_FILE
    if not style:
        style = "front matter" if front.present else metadata.layout
    if metadata.status_in_sentence and not _states_a_status(metadata.fields.get("status"), kind):
        # "## Status" over "Root patches and issues have a Status that defaults to ...": a
        # section on the protocol's statuses, not the record's
        metadata.fields.pop("status", None)
    date_in_name = _date_in_name(source.identity_name) if kind.numbered else None
    for key, value in metadata.fields.items():
        if key == "date" and date_in_name is not None and metadata.date_is_last_edit:
            # "2023-07-05-chat.md" with "* **Last Modified:** 2023-08-17": the name says
            # when the record was written; the last edit is not the decision's date, and
            # its line stays on the page.
            for row in _table_around(body_lines, value.key_position.line - first_line):
                metadata.hidden_lines.discard(first_line + row)  # the whole table stays
            metadata.hidden_lines.discard(value.key_position.line)
            continue
        # A body label this kind has no field for (an RFC's "Approver") is not read; it is
        # no unknown key either: the record did not write a key.
        if key not in raw_fields and key in kind.fields:
            raw_fields[key] = value
            findings.extend(f for f in metadata.findings if f.position == value.value_position)
    if "date" not in raw_fields and structure.title is not None:
        index = structure.title_index or 0
        dated = _heading_date(structure.title, body_lines[index], first_line + index, kind, path)
        if isinstance(dated, Field):
            raw_fields["date"] = dated
        elif dated is not None:
            findings.append(dated)
    if "date" not in raw_fields:
        findings.extend(metadata.unread_date[:1])
    written_date = raw_fields.get("date")
    order = ""
    if written_date is not None and written_date is metadata.fields.get("date"):
        order = metadata.date_order
    elif written_date is not None and isinstance(written_date.value, str):
        order = date_order(written_date.value)  # `date: 04/08/2020` in front matter
    if date_in_name is not None and "date" in metadata.fields:
        if _month_first_as_named(raw_fields, date_in_name, findings):
            order = "month first"
        elif order == "either" and _near(raw_fields.get("date"), date_in_name):
            order = "day first"  # the file name's date says so
    fields = _checked_fields(raw_fields, kind, path, findings)
    rejected = frozenset(key for key in raw_fields if key in kind.fields and key not in fields)
    series_key = _series_key(source.identity_name)  # `hip: "0001"` in hip-0001.md
    unknown = tuple(
        (key, found.key_position)
        for key, found in raw_fields.items()
        if key not in kind.fields
        and key not in PAGE_KEYS
        and key not in kind.page_keys
        and key.casefold() not in kind.page_keys
        and key != series_key
    )
    fields = _cleaned_fields(fields, path, findings)

    number, record_id = _identity(fields, source, kind, path, findings)
    # A number alone ("Superseded by 0013", NEAR's `SupersededBy: 141` in NEP-0021) names a
    # record of this one's series: its id's letters, its sub-folder's, or the kind's.
    own = re.match(r"^([A-Z][A-Z0-9]*)-\d+$", record_id)
    numbering = replace(source, series=own[1]) if own and own[1] != kind.prefix else source
    raw_status, status, status_references = _status(fields, kind, numbering)
    title_fields = fields
    from_body = raw_fields.get("title") is metadata.fields.get("title")
    if metadata.title_is_feature_name and structure.title is not None and from_body:
        title_fields = {key: value for key, value in fields.items() if key != "title"}
    series = _place_series(path)
    if structure.title is not None and _names_only_the_file(structure.title, path):
        structure = replace(structure, title=None)  # "# rfc-net-20211026-1": the id alone
    title, title_position = _title(title_fields, structure, first_line, kind, number, series)
    body_title = _title_below(title_fields, structure, metadata, first_line, kind, number, series)
    if has_control_characters(title):
        findings.append(_control_finding(path, title_position, "the title"))
        title = without_control_characters(title)
    if not title:
        # The file's own name, unless it is only its folder's page ("148/column_lineage.md"
        # is "Column lineage"; "0012/README.md" is named by its folder)
        stem = posixpath.splitext(posixpath.basename(path))[0].lower()
        named = source.identity_name if stem in ("readme", "index") else path
        title = title_from_file_name(named)
        findings.append(
            finding(
                "DEC106",
                path,
                Position(first_line, 1),
                f'the record has no title; it is shown as "{title}", from its file name',
            )
        )
    references = _references(fields, numbering, kind)
    for relation in metadata.relations:
        target = relation.target
        if (
            _is_record_link(target)
            or "/" not in target
            # a successor named by its page elsewhere (an issue that tracks it) or by its
            # route in the site (Docusaurus: `/contributing/ADRs/styling`) is named
            or (relation.relation == "superseded_by" and ("://" in target or _is_route(target)))
        ):
            named = _numbered(_link_target(target, source.path), kind, numbering.series)
            references.append(Reference(relation.relation, named, relation.position))
    if not any(r.relation == "superseded_by" for r in references):
        references += status_references
    if not any(r.relation == "superseded_by" for r in references):
        # The status is in the front matter or a metadata file ("status: replaced") and
        # the body's note names the successor: "This KEP has been replaced by [KEP-2433]".
        references += _body_status_references(metadata.fields.get("status"), kind, numbering)
    if status == "superseded" and not any(r.relation == "superseded_by" for r in references):
        # "This DIP was postponed and subsequently superseded by [the acceptance of DIP
        # 1030](../accepted/DIP1030.md)": a sentence of the body names the successor.
        references += _prose_successor(body_lines, first_line, kind, numbering)
    if status == "superseded" and not any(r.relation == "superseded_by" for r in references):
        references += _successor_by_title(fields.get("status"))
    references = _unique_references(references)

    # The page shows the body without its title heading (the page has its own); lines are
    # blanked rather than removed, so that a body line keeps its file line.
    body = list(body_lines)
    if structure.title_index is not None:
        for index in range(structure.title_index, structure.title_index + structure.title_lines):
            body[index] = ""
    body_line = first_line
    body_text = "\n".join(body)
    if has_control_characters(body_text):  # rare: the lines are searched only then
        for number_in_body, line in enumerate(body):
            if has_control_characters(line):
                position = Position(body_line + number_in_body, 1)
                findings.append(_control_finding(path, position, "the text"))
                body_text = without_control_characters(body_text)
                break
    if style and style not in ("front matter", METADATA_FILE):
        hidden = frozenset(metadata.hidden_lines)
    else:
        # The body's lines that gave what the front matter does not say (`## Date: x`),
        # and those that say it again (Brighter's front matter over a Nygard body with its
        # `Date:` line and `## Status` section); a line that says otherwise stays.
        taken = {f.key_position.line for k, f in metadata.fields.items() if raw_fields.get(k) is f}
        again = {
            line
            for key, found in metadata.fields.items()
            if raw_fields.get(key) is not found
            and key in fields
            and _says_the_same(key, fields[key].value, found.value, kind)
            for line in _lines_of(found.key_position.line, structure.sections)
        }
        hidden = frozenset(metadata.hidden_lines & (taken | again) | metadata.anchor_lines)
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
        body=body_text,
        body_line=body_line,
        references=tuple(references),
        group=source.group,
        title_position=title_position,
        rejected_keys=rejected,
        unknown_keys=unknown,
        metadata_style=style,
        hidden_lines=hidden,
        date_in_name=date_in_name,
        date_order=order,
        waivers=waivers.waivers,
        moved_to=_moved_to("\n".join(body_lines), posixpath.basename(source.path)),
        template_copy=metadata.placeholders >= {"title", "status"} and raw_status is None,
        metadata_path=source.metadata_path if metadata_data is not None else "",
        types=stated_types(front.fields),
        title_heading=structure.title or "" if structure.title_lines else "",
        body_title=body_title,
    )
    return record, findings


# Fields that name people: shown on pages, in the feed and in exports, so an e-mail
# address written in them is taken out (STD-PRIV-001).
_PEOPLE = frozenset(
    {"deciders", "authors", "reviewers", "consulted", "informed", "stakeholders", "owner"}
)


def _cleaned_fields(
    fields: dict[str, Field], path: str, findings: list[Finding]
) -> dict[str, Field]:
    """Fields with control characters replaced (DEC013) and no e-mail address in names."""
    cleaned: dict[str, Field] = {}
    for key, found in fields.items():
        value = _without_controls(found.value)
        if value != found.value:
            findings.append(_control_finding(path, found.value_position, f"`{key}`"))
        if key in _PEOPLE:
            value = _without_addresses(value)
        cleaned[key] = found if value is found.value else replace(found, value=value)
    return cleaned


def _without_controls(value: object) -> object:
    if isinstance(value, str):
        return without_control_characters(value) if has_control_characters(value) else value
    if isinstance(value, list):
        items = [_without_controls(item) for item in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, dict):
        pairs = {k: _without_controls(v) for k, v in value.items()}
        return value if all(pairs[k] is value[k] for k in value) else pairs
    return value


def _without_addresses(value: object) -> object:
    if isinstance(value, str):
        return without_email(value) if "@" in value else value
    if isinstance(value, list):
        return [_without_addresses(item) for item in value]
    return value


def _control_finding(path: str, position: Position, what: str) -> Finding:
    return finding(
        "DEC013",
        path,
        position,
        f"{what} holds control characters; they are shown replaced by U+FFFD",
    )


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
    value = declared.value.strip().lower() if isinstance(declared.value, str) else ""
    if value in kinds:
        return kinds[value]
    by_prefix = {spec.prefix.lower(): spec for spec in kinds.values() if spec.prefix}
    if value in by_prefix:
        return by_prefix[value]  # `kind: ADR`
    wrong = finding(
        "DEC007",
        path,
        declared.value_position,
        f"`kind: {declared.value}` is not a known kind ({', '.join(sorted(kinds))})",
    )
    if value and not _misspelt(value, [*kinds, *by_prefix]):
        # `kind: SID` (Scala's documents): another tool's word for what the file is, not
        # a misspelt kind of ours
        wrong = replace(
            wrong,
            severity=Severity.INFO,
            message=f"`kind: {declared.value}` is no kind of this tool's; it is read as "
            "another tool's key, and the record as one of its folder's kind",
        )
    findings.append(wrong)
    return kind


def _misspelt(value: str, names: list[str]) -> bool:
    """Whether ``value`` is a misspelling of one of ``names``: spelt almost alike
    (``standrad``), or, for a short name, its letters swapped (``rcf``); ``SID`` is a
    word of its own, not ``std``."""
    if difflib.get_close_matches(value, names, n=1, cutoff=0.8):
        return True
    return any(len(name) <= 4 and sorted(name) == sorted(value) for name in names)


_DEFAULT_SECTION_NAMES = section_names(default_kinds())
# The front-matter keys that can hold a status, ours and other tools'.
_STATUS_KEYS = frozenset(
    {"status"} | {key for key, ours in FOREIGN_KEYS.items() if ours == "status"}
)


def status_as_written(text: str) -> str | None:
    """The status a record's text states, as :func:`parse_record` reads it (front matter,
    else body metadata: lines, tables, a top-level Status section), without parsing the
    rest of the record: for the many past versions that history reads."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    front = split_front_matter(lines, "", _STATUS_KEYS)
    written = _front_fields(front.fields).get("status")
    if written is None:
        body = lines[front.body_start :]
        structure = scan_body(body, 1, _DEFAULT_SECTION_NAMES)
        metadata = read_body_metadata(
            body,
            1,
            structure.region_end,
            structure.sections,
            "",
            structure.title_index,
            _title_end(structure),
        )
        written = metadata.fields.get("status")
    if written is None or not isinstance(written.value, str):
        return None
    return status_phrase(written.value)[0]


# A status history kept in front matter, oldest first (Letterbook's ``statusHistory:
# [{status: decided, date: 2023-07-24}, {status: superseded, date: 2024-02-16}]``).
STATUS_HISTORY_KEYS = frozenset({"statushistory", "status_history", "status-history"})
_DECIDED_WORDS = frozenset({"accepted", "decided", "approved", "adopted", "implemented"})


def _from_draft_flag(front: dict[str, Field], fields: dict[str, Field]) -> dict[str, Field]:
    """``is-draft: true`` (scientific-python's SPECs) where no status is written: a draft."""
    if "status" in fields:
        return {}
    for key, found in front.items():
        if key.lower().replace("-", "_") in ("is_draft", "isdraft") and found.value is True:
            return {"status": Field("draft", found.key_position, found.value_position)}
    return {}


def _from_status_history(fields: dict[str, Field]) -> dict[str, Field]:
    """The status and date a front-matter status history gives, when the front matter
    states neither itself: the last entry's status, and the date the decision was taken
    (the first entry with a decided status), else the first entry's date."""
    key = next((k for k in fields if k.lower() in STATUS_HISTORY_KEYS), None)
    history = fields[key] if key else None
    if history is None or not isinstance(history.value, list):
        return {}
    entries = [
        (index, entry)
        for index, entry in enumerate(history.value)
        if isinstance(entry, dict) and isinstance(entry.get("status"), str)
    ]
    if not entries:
        return {}
    taken: dict[str, Field] = {}
    if "status" not in fields:
        index, last = entries[-1]
        position = history.inner.get((index, "status"), history.value_position)
        taken["status"] = Field(last["status"], position, position)
    if "date" not in fields:
        dated = [(i, e) for i, e in entries if e.get("date") is not None]
        decided = [(i, e) for i, e in dated if e["status"].lower() in _DECIDED_WORDS]
        if dated:
            index, entry = (decided or dated)[0]
            position = history.inner.get((index, "date"), history.value_position)
            taken["date"] = Field(entry["date"], position, position)
    return taken


# Dublin Core terms kept in a map of their own (Alliander's ``dct: {title: .., issued:
# 2025-01-01, isVersionOf: accepted}``), read as ours where the front matter does not say.
_DUBLIN_CORE_TERMS = {
    "title": "title",
    "issued": "date",
    "date": "date",
    "dateaccepted": "date",
    "created": "date",
    "creator": "authors",
    "contributor": "authors",
    "subject": "tags",
    "isversionof": "status",  # Alliander's place for the status word
    "status": "status",
}


_STATUS_WORDS = lazy_pattern(r"\w[\w -]{0,40}")


def _from_dublin_core(fields: dict[str, Field]) -> dict[str, Field]:
    """The title, date, status, authors and tags that a Dublin Core map gives, for the
    fields the front matter does not state itself; a term's position is its own line."""
    key = next((k for k in fields if k.lower() in DUBLIN_CORE_KEYS), None)
    terms = fields[key] if key else None
    if terms is None or not isinstance(terms.value, dict):
        return {}
    taken: dict[str, Field] = {}
    for term, value in terms.value.items():
        ours = _DUBLIN_CORE_TERMS.get(str(term).lower())
        if ours is None or ours in fields or ours in taken or value is None:
            continue
        if ours == "status" and not (isinstance(value, str) and _STATUS_WORDS.fullmatch(value)):
            continue  # a relation to another document, not a status word
        where = terms.inner.get((term,), terms.value_position)
        taken[ours] = Field(value, terms.inner.get((term, KEY), where), where)
    return taken


def _front_fields(front: dict[str, Field], known: Iterable[str] = ()) -> dict[str, Field]:
    """Front matter by our names: other tools' keys (``decision-makers``, ``stage``,
    ``start-date``) are read as ours when the record does not use ours, and so are keys
    written with capitals (``Title:``, ``Status:``, as Cardano's CIPs do)."""
    lowered = {}
    for key, value in front.items():
        lower = key.lower()
        if key != lower and lower not in front and (lower in _KNOWN or lower in FOREIGN_KEYS):
            lowered[lower] = replace(value, written=key)
        else:
            lowered[key] = value
    fields = {key: value for key, value in lowered.items() if key not in FOREIGN_KEYS}
    ranks: dict[str, int] = {}
    for key, value in lowered.items():
        ours = FOREIGN_KEYS.get(key)
        if ours is not None and ours not in fields:
            fields[ours] = replace(value, written=value.written or key)
            ranks[ours] = date_rank(_label_of(key))
    # Keys written as the body's labels are (``date-issued``, ``last updated``, ``statut``):
    # read as ours, a date by how much it says about the decision; never "unknown".
    for key, value in lowered.items():
        if key in _KNOWN or key in FOREIGN_KEYS:
            continue
        label = _label_of(key)
        ours = LABELS.get(label)
        if ours is None or ours == key:
            continue
        if known and ours not in known:
            continue  # "approvers" where the kind has no deciders: named as written
        del fields[key]
        rank = date_rank(label) if ours == "date" else 0
        if ours not in fields or (ours in ranks and rank < ranks[ours]):
            fields[ours] = replace(value, written=value.written or key)
            ranks[ours] = rank
    return fields


def _without_stray_keys(
    front: dict[str, Field], indented: set[str], kind: KindSpec
) -> dict[str, Field]:
    """Front matter without the keys read from lines of broken YAML indented by mistake
    that the kind has no field for: such a line is more likely part of a value than a key
    (``  reason: ...`` of a list item); ``  status: implementable`` is the status."""
    if not indented:
        return front
    return {
        key: value
        for key, value in front.items()
        if key not in indented or set(_front_fields({key: value}, kind.fields)) <= set(kind.fields)
    }


# Other tools' keys for the date, which a misspelling is read as (`create-date:`).
_DATE_KEYS = [key for key, ours in FOREIGN_KEYS.items() if ours == "date"]
_MISSPELT_KEY_CUTOFF = 0.8  # difflib's ratio: `create-date` is 0.83 of `creation-date`


def _misspelt_date_key(
    fields: dict[str, Field], kind: KindSpec, path: str, findings: list[Finding]
) -> dict[str, Field]:
    """The date under a key spelt almost as another tool's key for it (`create-date:` for
    KEPs' `creation-date:`), when the record states none: read, with a DEC006 warning that
    names the key meant; only a value that is a day (`creator: Ana` is no date). The
    misspelt key is taken out of ``fields``."""
    if "date" in fields or "date" not in kind.fields:
        return {}
    for key in list(fields):
        if key in kind.fields or key in _KNOWN:
            continue
        meant = difflib.get_close_matches(key, _DATE_KEYS, n=1, cutoff=_MISSPELT_KEY_CUTOFF)
        value = fields[key].value
        if meant and (isinstance(value, dt.date) or read_date(str(value))[0] is not None):
            found = fields.pop(key)
            findings.append(
                finding(
                    "DEC006",
                    path,
                    found.key_position,
                    f"unknown key `{key}`, read as `{meant[0]}` (the date)",
                    f"did you mean `{meant[0]}`?",
                )
            )
            return {"date": replace(found, written=found.written or key)}
    return {}


def _label_of(key: str) -> str:
    """A front-matter key as a body label: ``date-issued`` is "date issued"."""
    return " ".join(key.replace("_", " ").replace("-", " ").split()).lower()


_KNOWN = frozenset(key for kind in default_kinds().values() for key in kind.fields) | PAGE_KEYS


def _unique_references(references: list[Reference]) -> list[Reference]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for reference in references:
        key = (reference.relation, normalise_id(reference.target))
        if key not in seen:
            seen.add(key)
            unique.append(reference)
    return unique


def _named_by_date(stem: str) -> bool:
    """Whether a file name starts with a date or a month, not a record number."""
    return bool(_NAME_DATE.match(stem) or _MONTH_NAMED.match(stem))


def _month_first_as_named(
    fields: dict[str, Field], named: dt.date, findings: list[Finding]
) -> bool:
    """``04/06/2023`` in ``20230406-x.md``, ``7/12/2022`` in ``20220713-x.md``: the file
    name says the month comes first (US dates), where the number alone would be read day
    first: the reading month first is within a week of the name's date, the other not."""
    found = fields.get("date")
    read = found.value if found is not None else None
    if found is None or not isinstance(read, dt.date) or read == named or read.day > 12:
        return False
    swapped = swapped_date(read)
    if swapped is None or abs((swapped - named).days) > 7 or abs((read - named).days) <= 7:
        return False
    fields["date"] = replace(found, value=swapped)
    findings[:] = with_date_said(findings, found.value_position, read, swapped)
    return True


def _says_the_same(key: str, front: object, body: object, kind: KindSpec) -> bool:
    """Whether a body's metadata value says what the front matter's does."""
    if key == "status" and isinstance(front, str) and isinstance(body, str):
        word = status_phrase(body)[0]
        if word is None:
            return False
        ours = kind.canonical_status(front.strip())
        if ours is None:  # a word of the team's own ("Implementable"), the same in both
            return " ".join(word.lower().split()) == " ".join(front.lower().split())
        return kind.canonical_status(word) == ours
    if isinstance(front, dt.date) or isinstance(body, dt.date):
        return front == body
    if isinstance(front, list) and isinstance(body, list):
        return {str(v).strip().lower() for v in front} == {str(v).strip().lower() for v in body}
    return str(front).strip().lower() == str(body).strip().lower()


def _lines_of(line: int, sections: Iterable[Section]) -> range:
    """The lines a metadata value takes: its line, or the whole top-level section (a
    `## Status` section) it is the first line of."""
    for section in sections:
        if section.line < line <= section.end_line and section.key in VALUE_SECTIONS:
            return range(section.line, section.end_line + 1)
    return range(line, line + 1)


def _near(found: Field | None, named: dt.date) -> bool:
    """Whether a date field is within a week of the date a file name gives."""
    value = found.value if found is not None else None
    return isinstance(value, dt.date) and abs((value - named).days) <= 7


def with_date_said(
    findings: list[Finding], position: Position, read: dt.date, swapped: dt.date, path: str = ""
) -> list[Finding]:
    """The findings, the DEC014 at ``position`` (of the file ``path``, when the findings
    are of several files) saying the date as now read."""
    return [
        replace(
            item,
            message=item.message.replace(read.isoformat(), swapped.isoformat()),
            hint=f"write it as {swapped.isoformat()}",
        )
        if item.rule == "DEC014" and item.position == position and (not path or item.path == path)
        else item
        for item in findings
    ]


def _names_only_the_file(heading: str, path: str) -> bool:
    """Whether a heading is only the start of its file's name, which names more
    (``# rfc-net-20211026-1`` in ``rfc-net-20211026-1-flexmatch.md``): its id."""
    written = plain_text(heading).strip().lower()
    stem = posixpath.splitext(posixpath.basename(path))[0].lower()
    return (
        " " not in written
        and sum(character.isdigit() for character in written) >= 3  # an id's number
        and stem.startswith(written)
        and stem[len(written) : len(written) + 1] in ("-", "_")
    )


def _place_series(path: str) -> frozenset[str]:
    """The series names a record's place gives: its folder's name when it names
    proposals as series do (``docs/flip/1777-x.md`` is FLIP, a folder ``naps/`` NAP;
    not ``api/``), and its file name's letters before a dash (``security/fma-x.md`` is
    FMA)."""
    folder = posixpath.basename(posixpath.dirname(path))
    named = [folder.rstrip("sS")] if re.fullmatch(r"[A-Za-z]{1,5}[pP][sS]?", folder) else []
    letters = re.match(r"^([A-Za-z]{2,6})[-_]", posixpath.basename(path))
    named += [letters[1]] if letters else []
    return frozenset(name.upper() for name in named)


def _table_around(lines: list[str], index: int) -> range:
    """The body lines (0-based) of the table row at ``index`` and the rows around it; an
    empty range when the line is no table row."""

    def row(at: int) -> bool:
        return 0 <= at < len(lines) and lines[at].lstrip(" >").startswith("|")

    if not row(index):
        return range(0)
    start, end = index, index
    while row(start - 1):
        start -= 1
    while row(end + 1):
        end += 1
    return range(start, end + 1)


def _date_in_name(path: str) -> dt.date | None:
    """The date a file name starts with (``2021-06-05_001-x.md``, log4brains' ``20210605-x.md``)."""
    name = posixpath.basename(path)
    match = _NAME_DATE.match(name) or _NAME_DATE.match(_SERIES_BEFORE_DATE.sub("", name))
    if not match:
        return None
    try:
        month, day = (match[3], match[4]) if match[3] else (match[6], match[7])
        return dt.date(int(match[1]), int(month), int(day))
    except ValueError:
        return None


def _numbered(target: str, kind: KindSpec, series: str = "") -> str:
    """A record named by its number alone ("Superseded (by 0013)") as the id of its own
    series: the kind's, or its sub-folder's."""
    if re.fullmatch(r"[0-9]{1,9}", target) and kind.numbered:
        return f"{series or kind.prefix}-{int(target):04d}"
    return target


def _moved_to(body: str, own_name: str = "") -> str:
    """Where a stub points that says the record was moved or renamed, and nothing else:
    "Moved to [2071-x.md](2071-x.md).", "This document was renamed [...]. Please see
    [SE-0519](0519-x.md).", "Moved to ../../adr/"; or, in any language, a few lines
    under a title whose every path names a file of its own name in another folder (the
    record's copy where it lives now); "" for a record."""
    text = body.strip()
    # "> IMPORTANT: This document was moved to [x](x)": quoted, after a word of warning
    text = re.sub(r"^(?:>\s*)+", "", text)
    text = re.sub(
        r"^(?:\*\*)?(?:important|note|notice|warning|moved)(?:\*\*)?\s*:\s*", "", text, flags=re.I
    )
    if len(text) > 400 or "\n\n" in text or not _MOVED.match(text):
        return _points_to_its_copy(body, own_name)
    link = _LINK.search(text)
    if link:
        return link.group(2)
    path = _MOVED_PATH.search(text)  # "Moved to ../../adr/": a path, not linked
    return path.group(1) if path else ""


# The path after "moved to": `../../adr/`, ../adr/0001-x.md, in backticks or not.
_MOVED_PATH = lazy_pattern(r"\bto:?\s+`?((?:\.{1,2}/|[\w.-]+/)[^\s`]*)")
# A path a stub names: a link's target, or a path in backticks.
_STUB_PATH = lazy_pattern(r"\]\(\s*<?([^)\s>]+)|`([^`\s]*/[^`\s]*)`")
_STUB_LENGTH = 600  # a note and a path or two; a record says more


def _points_to_its_copy(body: str, own_name: str) -> str:
    """The path a short page without sections names its own file by in another folder,
    when that is every path it names: a stub left in an archive ("The current version
    of ADR-018 is at `../../adr/ADR-018-x.md`", in the team's language); "" else."""
    lines = body.strip().split("\n")
    if lines and lines[0].startswith("# "):
        lines = lines[1:]  # the stub's title
    text = "\n".join(lines).strip()
    generic = own_name.lower() in ("readme.md", "index.md")  # every record's folder has one
    if generic or not own_name or len(text) > _STUB_LENGTH or re.search(r"^#", text, re.M):
        return ""
    paths = [(m[1] or m[2]).split("#", 1)[0] for m in _STUB_PATH.finditer(text)]
    paths = [path for path in paths if "://" not in path]
    if not paths or any(
        "/" not in path or posixpath.basename(path).lower() != own_name.lower() for path in paths
    ):
        return ""
    return paths[0]


def file_number(source: SourceFile, kind: KindSpec) -> int | None:
    """The number a record's file (or folder) name gives it, if any."""
    if not kind.numbered:
        return None
    stem = posixpath.splitext(source.identity_name)[0]
    dated = _DATED_NUMBER.match(stem)
    if dated:
        return int(dated.group(1))
    if _named_by_date(stem) or source.year_named:
        return None  # named by a date, not numbered
    named = _numbered_name(stem, kind, source.glued)
    return named[0] if named else None


def _is_route(link: str) -> bool:
    """A link to a page of the site by its route (``/contributing/ADRs/styling``), not to
    a file: the corpus finds the record it is built from."""
    path = link.split("#", 1)[0]
    return path.startswith("/") and "://" not in link and not posixpath.splitext(path)[1]


def _is_record_link(link: str) -> bool:
    """A link to a Markdown file: a record of this project, maybe on its forge; or to
    the page a Jekyll site publishes of one (``0017-use-pipelines.html``)."""
    path = link.split("#", 1)[0].split("?", 1)[0].lower()
    return path.endswith((".md", ".markdown")) or _as_published(path) is not None


def _as_published(target: str) -> str | None:
    """The Markdown file of a relative link to the page a site generator published of it
    (``0017-use-our-pipelines.html`` is ``0017-use-our-pipelines.md``): a numbered name,
    as records have. None for any other link."""
    if "://" in target or not target.lower().endswith((".html", ".htm")):
        return None
    stem = target[: target.rfind(".")]
    return f"{stem}.md" if _NUMBERED_PAGE.match(posixpath.basename(stem)) else None


_NUMBERED_PAGE = lazy_pattern(r"^(?:[A-Za-z]{1,8}[-_]?)?\d{1,6}[-_][\w.-]+$")


def _link_target(link: str, from_path: str) -> str:
    """A Markdown link's target as a project-relative path, or the text if it is an id
    or a URL."""
    target = _ESCAPED.sub(r"\1", link.split("#", 1)[0])  # 0003-\[Superseded\]x.md
    target = _as_published(target) or target
    if not target.lower().endswith((".md", ".markdown")) or "://" in target:
        return target
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_path), target))


def _checked_fields(
    raw: dict[str, Field], kind: KindSpec, path: str, findings: list[Finding]
) -> dict[str, Field]:
    """Fields of known keys whose values have the right type; findings for the rest.
    Unknown keys are left for the checks (DEC006), which see the whole collection."""
    checked: dict[str, Field] = {}
    for key, found in raw.items():
        expected = kind.fields.get(key)
        if expected is None:
            if _unreadable_to_yaml(found, findings):  # `last-updated: 2020-23-01`, ignored
                _date_as_written(found, key, path, findings)
            continue
        shown = found.written or key
        value, problem = _coerce(expected, found.value)
        if problem and expected == types.DATE:
            day = _date_as_written(found, shown, path, findings)
            if day is not None:  # "5 September 2023": read, and said to be not ISO
                value, problem = day, ""
        if problem:
            if not _unreadable_to_yaml(found, findings):  # one cause, one finding
                hint = f"write it as `{shown}: YYYY-MM-DD`" if expected == types.DATE else ""
                findings.append(
                    finding("DEC007", path, found.value_position, f"`{shown}` {problem}", hint)
                )
            continue
        # The key as written stays: hints name the collection's own (`decision-makers`).
        checked[key] = Field(
            value, found.key_position, found.value_position, found.inner, found.written
        )
    return checked


def _unreadable_to_yaml(found: Field, findings: list[Finding]) -> bool:
    """Whether YAML already said it cannot read the value (DEC007)."""
    return any(f.rule == "DEC007" and f.position == found.value_position for f in findings)


def _date_as_written(
    found: Field, shown: str, path: str, findings: list[Finding]
) -> dt.date | None:
    """The day a date that is not ISO says, read as the body's dates are, with its
    DEC014 note; it answers YAML's "cannot be read" (``2020-23-01``: year, day, month)."""
    day = read_date(found.value)[0] if isinstance(found.value, str) else None
    if day is None:
        return None
    findings[:] = [
        item
        for item in findings
        if not (item.rule == "DEC007" and item.position == found.value_position)
    ]
    findings.append(
        finding(
            "DEC014",
            path,
            found.value_position,
            f"`{shown}: {str(found.value).strip()[:40]}` is read as {day.isoformat()}; "
            "it is not written as YYYY-MM-DD",
            f"write `{shown}: {day.isoformat()}`",
        )
    )
    return day


def _is_empty(value: object) -> bool:
    """An item left empty: ``-`` alone, ``- []``, ``- ""``."""
    return value is None or value == "" or value == [] or value == {}


def _names_no_record(value: object) -> bool:
    """A reference a template leaves for "none": empty, or a word for none (``n/a``,
    ``N.A.``, ``TBD``, ``-``)."""
    if _is_empty(value):
        return True
    return isinstance(value, str) and value.strip().lower().replace(".", "") in _NO_RECORD


def _coerce(expected: str, value: object) -> tuple[object, str]:
    """The value in the expected type, or a description of what is wrong."""
    if isinstance(value, list) and expected in (types.TEXT, types.ID, types.NAMES, types.IDS):
        # `superseded-by: []`, `- []`, `-` alone (and `- N.A.` in a reference): the items
        # that say nothing go; a single value left with none is none (`status: []`).
        says_nothing = _names_no_record if expected in (types.ID, types.IDS) else _is_empty
        value = [item for item in value if not says_nothing(item)]
        if not value and expected in (types.TEXT, types.ID):
            return None, ""
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
            if _DATE_PLACEHOLDER.match(value.strip()):
                return None, ""  # the template's `date: yyyy-mm-dd`, not filled in yet
        return None, f"must be a date written as YYYY-MM-DD, not {excerpt(value)}"
    if expected in (types.NAMES, types.IDS):
        if isinstance(value, str) and expected == types.NAMES:
            return names_in(value), ""  # "Ana Silva, Bo Chen", "Ana; Bo", "Ana and Bo"
        if isinstance(value, str):  # "ADR-0001, ADR-0002"
            return [part.strip() for part in value.split(",") if part.strip()], ""
        items = [value] if isinstance(value, int) and not isinstance(value, bool) else value
        if isinstance(items, list) and all(
            isinstance(item, str | int) and not isinstance(item, bool) for item in items
        ):
            return [str(item) for item in items], ""
        return None, f"must be a list of names, not {_describe(value)}"
    if expected == types.ID:
        if isinstance(value, list) and len(value) == 1:
            value = value[0]
        if isinstance(value, str):
            return value, ""
        if isinstance(value, int) and not isinstance(value, bool):  # `superseded-by: 412`
            return str(value), ""
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
    if expected == types.WAIVERS:
        return value, ""  # read, and checked (DEC015), by ``waivers.read_waivers``
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
    return excerpt(value)


def _identity(
    fields: dict[str, Field],
    source: SourceFile,
    kind: KindSpec,
    path: str,
    findings: list[Finding],
) -> tuple[int | None, str]:
    name = source.identity_name
    named = _numbered_name(posixpath.splitext(name)[0], kind, source.glued)
    file_number = named[0] if named else None
    declared = fields.get("id")
    if declared is not None and isinstance(declared.value, str) and declared.value.strip():
        if not kind.numbered:
            return None, declared.value.strip()  # as written: `demand-forecasting`
        if not _ID.match(declared.value.strip()):
            # Docusaurus and others use `id:` for a page slug: the file name numbers it.
            declared = None
    if declared is not None and isinstance(declared.value, str):
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
    dated = _DATED_NUMBER.match(stem)
    if dated:  # 2021-06-05_001-x.md: the number after the date
        number = int(dated.group(1))
        return number, f"{source.series or kind.prefix}-{number:04d}"
    if _named_by_date(stem) or source.year_named:
        # log4brains names files by date; several can share a day, so the slug is the id.
        return None, stem
    if named is not None and source.series:
        return named[0], f"{source.series}-{named[0]:04d}"
    if named is not None:
        return named
    if _ZERO_NUMBER.match(name):
        return None, stem  # "0000-x.md": a process that never assigns numbers (Yarn)
    findings.append(
        finding(
            "DEC107",
            path,
            Position(1, 1),
            f"cannot number this record: `{name}` has no leading number and no `id:`",
        )
    )
    return None, stem


def _from_series_key(fields: dict[str, Field], source: SourceFile) -> dict[str, Field]:
    """The status that the key named for the record's series holds, where that key says a
    word, not the number (IPFS' `ipip: ratified` in `ipip-0001.md`), and no status is
    written otherwise."""
    key = _series_key(source.identity_name)
    found = fields.get(key) if key else None
    if found is None or "status" in fields or not isinstance(found.value, str):
        return {}
    value = found.value.strip()
    if not value or value.isdecimal() or not status_phrase(value)[0]:
        return {}
    return {"status": replace(found, written=key)}


def _from_number_key(
    beside: dict[str, Field], fields: dict[str, Field], source: SourceFile, kind: KindSpec
) -> dict[str, Field]:
    """The id that a metadata file's number key gives (``gep-number: 0011`` in
    ``gep.yaml``, ``kep-number`` in ``kep.yaml``), for a record whose folder's name
    numbers nothing and whose front matter writes no ``id``: numbered as its siblings'
    folder names number them (RFC-0011 among ``0012-x/``)."""
    if "id" in fields or _numbered_name(posixpath.splitext(source.identity_name)[0], kind):
        return {}
    for key, found in beside.items():
        series = re.fullmatch(r"([A-Za-z]{2,6})[-_]number", key)
        number = str(found.value).strip() if isinstance(found.value, int | str) else ""
        if series and number.isdecimal() and int(number):
            prefix = source.series or kind.prefix
            return {"id": replace(found, value=f"{prefix}-{int(number):04d}")}
    return {}


def _series_key(name: str) -> str:
    """The front-matter key that holds a record's number in its own series: ``hip`` for
    ``hip-0001.md``; "" when the name has no series."""
    match = re.match(r"^([A-Za-z]{2,6})-\d{1,6}(?=[-_ .]|$)", name)
    return match[1].lower() if match else ""


def _numbered_name(stem: str, kind: KindSpec, glued: bool = False) -> tuple[int, str] | None:
    """The number and id a file (or folder) name gives: ``0007-x`` is ADR-0007 (the
    kind's own prefix, in any case, too: ``adr-7-x``, ``ADR0007``); another series keeps
    its prefix as written (``KEEP-0406``, ``A29``, ``ODH-ADR-Operator-0001``). All zeros
    (``0000-x``) is no number."""
    glued_name = re.fullmatch(r"([A-Za-z]{2,6})(\d{1,6})", stem) if glued else None
    if glued_name and int(glued_name[2]):
        return int(glued_name[2]), f"{glued_name[1].upper()}-{int(glued_name[2]):04d}"
    match = _SERIES_NUMBER.match(stem)
    if not match or int(match["number"]) == 0 or re.match(r"\d+\.\d", stem):
        return None  # "1.0-improvements.md": a version, not a number
    number = int(match["number"])
    groups = [group for group in re.split(r"[-_]", match["prefix"]) if group]
    if not groups or (len(groups) == 1 and groups[0].upper() == kind.prefix.upper()):
        return number, f"{kind.prefix}-{number:04d}"
    if all(group[:1].isupper() or group.upper() == kind.prefix.upper() for group in groups):
        return number, stem[: match.end()]
    separated = match["prefix"][-1:] in ("-", "_")  # "hip-0001", not "net5" or "utf8"
    if len(groups) == 1 and match.end() == len(stem) and 2 <= len(groups[0]) <= 6 and separated:
        return number, f"{groups[0].upper()}-{number:04d}"  # "hip-0001.md": HIP-0001
    return None


def _status(
    fields: dict[str, Field], kind: KindSpec, source: SourceFile
) -> tuple[str | None, str | None, list[Reference]]:
    """The status word as written, its canonical status, and the successor a status such
    as ``superseded by [ADR-0012](0012-x.md)`` names."""
    found = fields.get("status")
    word: str | None = None
    successors: list[tuple[str, str]] = []
    if found is not None and isinstance(found.value, str):
        word, successors = status_phrase(found.value)
    if found is None or word is None:
        # A collection that keeps one folder per status (``rfcs/accepted/``,
        # ``rfcs/withdrawn/``) states it by where the record is.
        by_folder = folder_status(source.path, kind.canonical_status)
        if by_folder is not None:
            return by_folder[0], by_folder[1] or None, []
        return None, kind.default_status, []
    references = [
        Reference(
            relation,
            _numbered(_link_target(target, source.path), kind, source.series),
            found.value_position,
        )
        for relation, target in successors
    ]
    return word, kind.canonical_status(word), references


def folder_status(
    path: str, canonical: Callable[[str], str | None]
) -> tuple[str, str | None] | None:
    """The status word a record's folder (or the nearest folder around it) is named by and
    its canonical status, when the name is one of the kind's statuses or their aliases
    (``accepted/``, ``implemented/``); a status word of no lifecycle (``open/``) with
    None for its canonical status; None for any other. History reads past versions so
    too."""
    for folder in reversed(posixpath.dirname(path).split("/")):  # nearest first
        word = folder.lower()
        status = canonical(word) if word else None
        if not status and word.endswith("s") and word[:-1] not in _RECORD_NOUNS:
            status = canonical(word[:-1])  # buck2's "drafts/": a folder of drafts
            word = word[:-1] if status else word
        if status:
            return word, status  # "accepted/2020/x.md": by year inside the status
        if word in STATUS_FOLDER_WORDS:
            return word, None  # "open/": the team's own word, for an alias (DEC101)
    return None


# Folder names that are status words outside any built-in lifecycle (lakeFS' `open/`):
# read as the records' status as written, like a word in the file the kind does not know.
STATUS_FOLDER_WORDS = frozenset({"open", "closed", "pending", "in-progress", "in-review", "wip"})
# Plural folder names that name what the records are, not their status: "proposals/" is
# where a team keeps its proposals, whatever their status.
_RECORD_NOUNS = frozenset({"proposal"})


_SUPERSEDED_BY_LINK = lazy_pattern(
    r"\b(?:superseded|superceded|replaced|obsoleted)\s+by\b(?:(?!\bsee\b)[^\[\n;.]){0,60}"
    r"\[[^\]]*\]\(\s*<?(?P<target>https?://[^)\s>]+|[^)\s>]+\.(?:md|markdown)(?:#[^)\s>]*)?)"
    r">?\s*\)",
    re.IGNORECASE,
)


def _prose_successor(
    body_lines: list[str], first_line: int, kind: KindSpec, source: SourceFile
) -> list[Reference]:
    """The successor a superseded record names in a sentence of its body: the first link
    to a Markdown file, or to a page elsewhere (the compiler switch that replaced it), after
    "superseded by" on one line."""
    for index, line in enumerate(body_lines):
        found = _SUPERSEDED_BY_LINK.search(line)
        if found is not None:
            target = found["target"]
            if "://" in target:
                position = Position(first_line + index, found.start("target") + 1)
                return [Reference("superseded_by", target, position)]
            target = target.split("#", 1)[0]
            if not re.search(r"\d", posixpath.basename(target)):
                continue  # "see [the changelog](../CHANGELOG.md)": no record's name
            named = _numbered(_link_target(target, source.path), kind, source.series)
            position = Position(first_line + index, found.start("target") + 1)
            return [Reference("superseded_by", named, position)]
    return []


# "Superseded by: Use string ULID for request ids": words after "superseded by", no link
# and no id (those are read before), that may be another record's title.
_SUPERSEDED_BY_WORDS = lazy_pattern(
    r"^(?:superseded|superceded|replaced)\s+by\s*:?\s+(?P<title>[^\[\]()]+?)[\s.]*$",
    re.IGNORECASE,
)


def _successor_by_title(written: Field | None) -> list[Reference]:
    """The successor a superseded status names by its title, for the corpus to look up
    among the records' titles (two words or more: one word is rarely a title)."""
    if written is None or not isinstance(written.value, str):
        return []
    match = _SUPERSEDED_BY_WORDS.match(plain_text(written.value).strip())
    if match is None or len(match["title"].split()) < 2:
        return []
    return [Reference("superseded_by", match["title"], written.value_position, by_title=True)]


def _body_status_references(
    written: Field | None, kind: KindSpec, source: SourceFile
) -> list[Reference]:
    """The successors that the body's own status (or status note) names."""
    if written is None or not isinstance(written.value, str):
        return []
    return _status({"status": written}, kind, source)[2]


def _title(
    fields: dict[str, Field],
    structure: BodyStructure,
    first_line: int,
    kind: KindSpec,
    number: int | None,
    series: frozenset[str] = frozenset(),
) -> tuple[str, Position]:
    """The title: front matter's or the body metadata's ``title`` wins over the title
    heading (never a section's heading), unless it is a file-name slug or an identifier
    (``PodProbeMarker``) and the heading says it in words; "" when the record has none."""
    declared = fields.get("title")
    heading = ""
    if structure.title is not None:
        heading = clean_title(without_inline_markup(structure.title), kind.prefix, number, series)
        heading = "" if is_placeholder(heading) or is_only_id(heading) else heading
    if declared is not None and isinstance(declared.value, str) and declared.value.strip():
        title = clean_title(declared.value, kind.prefix, number, series)
        if heading and (_SLUG.match(title.strip()) or _IDENTIFIER.match(title.strip())):
            # `title: redirecting-step-output-streams`, `title: LaunchPriority`: a name
            # for the site or the code, which the heading says in words
            title = ""
        elif (
            heading
            and declared.value_position.line < first_line
            and not declared.value_position.file
            and title_key(heading) != title_key(title)
            and not _states_status(fields.get("status"), first_line)
        ):
            # A site's front matter (no status of the record's in it) over a heading that
            # says another title (a Docusaurus page, Argo CD's proposals): readers see
            # the heading. Where the front matter is the record's own, its title holds.
            title = ""
        if title and not is_placeholder(title):
            if not declared.value_position.file:
                return title, declared.value_position
            # A title from the metadata file beside the record: the record's own place
            # (its heading) is where findings about the record point.
            return title, Position(first_line + (structure.title_index or 0), 1)
    if heading and structure.title_index is not None:
        return heading, Position(first_line + structure.title_index, 1)
    return "", Position(first_line, 1)


def _title_below(
    fields: dict[str, Field],
    structure: BodyStructure,
    metadata: BodyMetadata,
    first_line: int,
    kind: KindSpec,
    number: int | None,
    series: frozenset[str] = frozenset(),
) -> Field | None:
    """The title the body gives besides a declared ``title:``: the title heading, else a
    ``Feature Name:`` line in words; None when the record declares no title or the body
    gives none. Where the declared one proves to be the template's, this is the title."""
    declared = fields.get("title")
    if declared is None:
        return None
    untitled = {key: value for key, value in fields.items() if key != "title"}
    heading, position = _title(untitled, structure, first_line, kind, number, series)
    if heading:
        return Field(heading, position, position)
    below = metadata.fields.get("title")
    if below is None or below is declared or not isinstance(below.value, str):
        return None
    text = clean_title(below.value, kind.prefix, number, series)
    if not text or is_placeholder(text):
        return None
    return Field(text, below.key_position, below.value_position)


def _states_a_status(written: Field | None, kind: KindSpec) -> bool:
    """Whether a value's first words are a status of the kind, or one of its aliases."""
    if written is None or not isinstance(written.value, str):
        return False
    word = status_phrase(written.value)[0]
    return word is not None and kind.canonical_status(word) is not None


def _title_end(structure: BodyStructure) -> int | None:
    """The body index of the line after the title heading's last (its underline, or the
    heading it names below an id heading: ``NIP-01`` over the title)."""
    if structure.title_index is None:
        return None
    return structure.title_index + structure.title_lines


def _heading_date(
    title: str, written_line: str, line: int, kind: KindSpec, path: str
) -> Field | Finding | None:
    """The day a title heading (``written_line``, file line ``line``) writes with its
    numbering (``# RFC 2064 - 2020-03-17 - Title``): the record's date when it states none.
    A day that does not exist (``2021-03-36``) is a note, and is not read (the file name's
    date holds)."""
    written = numbering_date(title, kind.prefix)
    if not written:
        return None
    position = Position(line, max(written_line.find(written), 0) + 1)
    day, _ = read_date(written)
    if day is None:
        return finding(
            "DEC014",
            path,
            position,
            f"the title's date `{written}` is no day; it is not read",
            "correct the date, written as YYYY-MM-DD",
        )
    return Field(day, position, position)


def _states_status(status: Field | None, first_line: int) -> bool:
    """Whether the record's status is written in its front matter (above ``first_line``)."""
    return status is not None and (status.value_position.line < first_line)


def _references(fields: dict[str, Field], source: SourceFile, kind: KindSpec) -> list[Reference]:
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
            if _names_no_record(text):
                continue  # `superseded-by: [n/a]`, `N.A.`: the template's way of saying none
            target = _numbered(reference_target(text, source.path), kind, source.series)
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
