"""Appending a measurement to a requirement or quality attribute (``decisions measure``).

The entry goes at the end of the item's ``measurements`` list, in the style that list
is written in (block entries, or ``{date: ..., value: ...}`` flow entries), and the
list is created in block style when the item has none. Like every edit here
(ADR-0014), only the new lines are written: the YAML parser's marks say where the
item and its list are, and the rest of the file keeps its bytes, comments included.
After the edit the front matter is parsed again, and the edit is refused unless the
item's last measurement is exactly the one asked for.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..corpus.links import Corpus
from ..records.model import Record
from ..records.urls import WEB_SCHEMES, link_problem
from ..trace.measurements import is_measured
from ..trace.objectives import Objective
from ..trace.targets import (
    UnreadableTarget,
    UnreadableValue,
    parse_target,
    read_value,
    show,
)
from .authoring import AuthoringError, editable_document
from .files import Change
from .frontmatter import Document, EditError, quoted

_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")
# Inside a flow mapping these end or break a plain value (YAML's indicators at the start
# of a value are quoted by `quoted` already).
_FLOW_SPECIALS = re.compile(r"[,:\[\]{}]|\s#")


@dataclass(frozen=True)
class NewMeasurement:
    """What ``decisions measure`` was asked to record."""

    day: dt.date
    value: str
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class Measured:
    """The edit, and what it is about (``change`` is None when the same measurement is
    recorded already)."""

    project: Record
    objective: Objective
    change: Change | None


def record_measurement(corpus: Corpus, target: str, measurement: NewMeasurement) -> Measured:
    """The project file with ``measurement`` appended to the objective ``target``
    (``project-id/REQ-1``); raises :class:`AuthoringError` when it cannot be."""
    project, objective = find_objective(corpus, target)
    value = _value_text(measurement.value, objective)
    source = _source(measurement.source)
    note = " ".join(measurement.note.split())
    if any(ord(char) < 32 or ord(char) == 127 for char in note):
        raise AuthoringError("--note must be text without control characters")
    entry: dict[str, str] = {"date": measurement.day.isoformat(), "value": value}
    if source:
        entry["source"] = source
    if note:
        entry["note"] = note
    if _recorded_already(objective, measurement.day, value):
        return Measured(project, objective, None)
    document, before = editable_document(project)
    if document.front is None or document.front[0] != 0:
        raise AuthoringError(
            f"{project.path}: the front matter must start on the first line to be edited"
        )
    _append(document, objective, entry)
    document.check_still_yaml()
    _verify(document, objective, entry)
    return Measured(
        project, objective, Change(Path(project.source_path), before, document.render())
    )


def find_objective(corpus: Corpus, target: str) -> tuple[Record, Objective]:
    """The project and the requirement or quality attribute ``project-id/ITEM-ID`` names."""
    trace = corpus.traceability
    project_id, slash, item_id = target.strip().rpartition("/")
    if not slash or not project_id.strip() or not item_id.strip():
        raise AuthoringError(
            f"`{target}` does not name an objective: write PROJECT/ITEM, e.g. "
            "demand-forecasting/REQ-1"
        )
    project = trace.record(project_id.strip(), "project")
    if project is None:
        known = [p.id for p in trace.projects]
        raise AuthoringError(
            f"no project has the id `{project_id}`" + _suggestion(project_id, known, "projects")
        )
    objective = trace.objective(project, item_id.strip())
    objectives = trace.objectives.get(project.path, [])
    measured = [o.id for o in objectives if o.id and is_measured(o.spec)]
    if objective is None:
        raise AuthoringError(
            f"project {project.id} defines no `{item_id}`"
            + _suggestion(item_id, measured, "its requirements and quality attributes")
        )
    if not is_measured(objective.spec):
        raise AuthoringError(
            f"{objective.id} of {project.id} is in {objective.spec.label.lower()}, which have "
            "no target to measure against; measure a requirement or quality attribute"
        )
    if sum(1 for o in objectives if o.key == objective.key) > 1:
        raise AuthoringError(
            f"id {objective.id} is used by more than one item of {project.id} (DEC507); "
            "give each item its own id first"
        )
    return project, objective


def _suggestion(word: str, known: list[str], what: str) -> str:
    lowered = {k.lower(): k for k in known}
    close = difflib.get_close_matches(word.strip().lower(), list(lowered), n=1)
    if close:
        return f"; did you mean `{lowered[close[0]]}`?"
    return f"; {what}: {', '.join(known) or 'none'}"


def _value_text(value: str, objective: Objective) -> str:
    """The value as it will be written: a plain number as YAML's number, anything else as
    text; refused unless it is a number with an optional unit the target's converts to."""
    text = " ".join(value.split())
    try:
        quantity = read_value(text)
    except UnreadableValue as error:
        raise AuthoringError(f"value {error}") from None
    try:
        comparison = parse_target(objective.target) if objective.target else None
    except UnreadableTarget:
        comparison = None  # DEC512 says so; the value is recorded all the same
    if comparison is not None and not quantity.unit.compatible(comparison.unit):
        raise AuthoringError(
            f"value `{text}` is not in a unit of the target of {objective.id} "
            f"(`{objective.target}`): write it in {comparison.unit.label}, or as a plain number"
        )
    if _PLAIN_NUMBER.fullmatch(text):
        return show(float(text.replace(",", "")), quantity.unit)
    return text


def _source(source: str) -> str:
    url = source.strip()
    if not url:
        return ""
    problem = link_problem(url)
    if problem is None and urlsplit(url).scheme.lower() not in WEB_SCHEMES:
        problem = "it is not an http(s) address"
    if problem is not None or any(char.isspace() for char in url):
        raise AuthoringError(
            f"--source `{url}` is not linked: {problem or 'it contains spaces'} (DEC602)"
        )
    return url


def _recorded_already(objective: Objective, day: dt.date, value: str) -> bool:
    """Whether the item lists this very measurement already (a CI job that ran twice)."""
    raw = objective.raw.get("measurements") if isinstance(objective.raw, dict) else None
    if not isinstance(raw, list):
        return False
    new = read_value(float(value) if _PLAIN_NUMBER.fullmatch(value) else value)
    for entry in raw:
        if not isinstance(entry, dict) or entry.get("date") not in (day, day.isoformat()):
            continue
        try:
            old = read_value(entry.get("value"))
        except UnreadableValue:
            continue
        if (old.value, old.unit.dimension, old.unit.name, old.unit.scale) == (
            new.value,
            new.unit.dimension,
            new.unit.name,
            new.unit.scale,
        ):
            return True
    return False


# --- the edit ------------------------------------------------------------------------


def _append(document: Document, objective: Objective, entry: dict[str, str]) -> None:
    """Add ``entry`` to the item's ``measurements``, placed by the parser's marks."""
    assert document.front is not None
    top = document.front[0] + 1  # document line of the YAML's first line
    root = yaml.compose("".join(document.lines[top : document.front[1]]), Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        raise EditError("the front matter is not a mapping of keys to values")
    pairs = root.value
    place = next(
        (i for i, (key, _) in enumerate(pairs) if _scalar(key) == objective.spec.key), None
    )
    if place is None or not isinstance(pairs[place][1], yaml.SequenceNode):
        raise EditError(f"`{objective.spec.key}` is not a list any more; run the command again")
    sequence = pairs[place][1]
    # Where the front matter's YAML ends: the next top-level key, or the closing fence.
    after_list = (
        pairs[place + 1][0].start_mark.line if place + 1 < len(pairs) else document.front[1] - top
    )
    if objective.index >= len(sequence.value):
        raise EditError(f"{objective.id} is not where it was read; run the command again")
    if sequence.flow_style:
        raise EditError(
            f"`{objective.spec.key}` is written as a flow list (`[...]`); add the "
            "measurement by hand"
        )
    item = sequence.value[objective.index]
    if (
        not isinstance(item, yaml.MappingNode)
        or item.flow_style
        or _text(_value_of(item, "id")).upper() != objective.key
    ):
        raise EditError(
            f"{objective.id} is not a block mapping where it was read (written as "
            "`{...}`, or the file changed); add the measurement by hand"
        )
    following = objective.index + 1
    item_end = (
        sequence.value[following].start_mark.line if following < len(sequence.value) else after_list
    )
    lines = document.lines
    key_column = item.start_mark.column
    item_dash = _dash_column(lines[top + item.start_mark.line], key_column)
    # How this file indents a list under its key (`key:\n  - a` or `key:\n- a`).
    list_key_column = pairs[place][0].start_mark.column
    list_offset = max(item_dash - list_key_column, 0)
    content_offset = key_column - item_dash
    found = next(
        ((i, k, v) for i, (k, v) in enumerate(item.value) if _scalar(k) == "measurements"),
        None,
    )
    newline = document.newline
    if found is None:
        end = _content_end(lines, top + item.start_mark.line, top + item_end, key_column)
        dash = key_column + list_offset
        new = [
            f"{' ' * key_column}measurements:{newline}",
            *_block_entry(entry, dash, dash + content_offset, newline),
        ]
        document.insert_lines(end + 1, new)
        return
    index, key_node, value_node = found
    key_line = top + key_node.start_mark.line
    if isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":null"):
        if value_node.value:  # `measurements: null` or `~`: the list replaces the word
            start, stop = value_node.start_mark.column, value_node.end_mark.column
            line = lines[key_line]
            lines[key_line] = line[:start].rstrip(" \t") + line[stop:]
        dash = key_node.start_mark.column + list_offset
        document.insert_lines(
            key_line + 1, _block_entry(entry, dash, dash + content_offset, newline)
        )
        return
    if not isinstance(value_node, yaml.SequenceNode):
        raise EditError(f"`measurements` of {objective.id} is not a list; fix it first")
    if value_node.flow_style:
        line_index = top + value_node.end_mark.line
        column = value_node.end_mark.column - 1  # the closing `]`
        line = lines[line_index]
        if line[column : column + 1] != "]":
            raise EditError(f"`measurements` of {objective.id} is not a list that ends in `]`")
        glue = ", " if value_node.value else ""
        lines[line_index] = line[:column] + glue + _flow_entry(entry) + line[column:]
        return
    entries = value_node.value
    first = entries[0]
    dash = _dash_column(lines[top + first.start_mark.line], first.start_mark.column)
    content = first.start_mark.column
    if index + 1 < len(item.value):
        stop = top + item.value[index + 1][0].start_mark.line
    else:
        stop = top + item_end
    end = _content_end(lines, top + entries[-1].start_mark.line, stop, content)
    if isinstance(first, yaml.MappingNode) and first.flow_style:
        new = [f"{' ' * dash}- {_flow_entry(entry)}{newline}"]
    elif isinstance(first, yaml.MappingNode):
        new = _block_entry(entry, dash, content, newline)
    else:
        raise EditError(f"the measurements of {objective.id} are not mappings; fix them first")
    document.insert_lines(end + 1, new)


def _block_entry(entry: dict[str, str], dash: int, content: int, newline: str) -> list[str]:
    lines = []
    for number, (key, value) in enumerate(entry.items()):
        written = value if key == "date" or _PLAIN_NUMBER.fullmatch(value) else quoted(value)
        prefix = f"{' ' * dash}- " if number == 0 else " " * content
        lines.append(f"{prefix}{key}: {written}{newline}")
    return lines


def _flow_entry(entry: dict[str, str]) -> str:
    parts = []
    for key, value in entry.items():
        if key == "date" or _PLAIN_NUMBER.fullmatch(value):
            written = value
        else:
            written = quoted(value)
            if _FLOW_SPECIALS.search(written) and not written.startswith("'"):
                written = json.dumps(value, ensure_ascii=False)
        parts.append(f"{key}: {written}")
    return "{" + ", ".join(parts) + "}"


def _content_end(lines: list[str], first: int, stop: int, indent: int) -> int:
    """The last line of a value that starts on ``first`` and ends before ``stop``: blank
    lines after it, and comments indented less than its content, belong to what follows."""
    last = first
    for index in range(first + 1, min(stop, len(lines))):
        text = lines[index].rstrip("\r\n")
        stripped = text.lstrip(" ")
        if not stripped.strip():
            continue
        if stripped.startswith("#") and len(text) - len(stripped) < indent:
            continue
        last = index
    return last


def _dash_column(line: str, content_column: int) -> int:
    """The column of the `-` that starts the list entry whose content is at
    ``content_column`` on ``line``."""
    before = line[:content_column].rstrip(" \t")
    if not before.endswith("-"):
        raise EditError("the list entry is not written as `- ...`; add the measurement by hand")
    return len(before) - 1


def _verify(document: Document, objective: Objective, entry: dict[str, str]) -> None:
    """The edited file must read back with exactly this entry last in the item's list."""
    assert document.front is not None
    start, end = document.front
    try:
        loaded: Any = yaml.safe_load("".join(document.lines[start + 1 : end]))
        written = loaded[objective.spec.key][objective.index]["measurements"][-1]
    except (KeyError, IndexError, TypeError, ValueError, yaml.YAMLError):
        written = None  # ValueError: another value only looks like a date (`2020-23-01`)
    expected: dict[str, object] = dict(entry)
    expected["date"] = dt.date.fromisoformat(entry["date"])
    if _PLAIN_NUMBER.fullmatch(entry["value"]):
        expected["value"] = float(entry["value"])
    if key_values(written) != key_values(expected):
        raise EditError("the edit did not read back as intended; nothing was written")


def key_values(value: object) -> object:
    """A mapping with its values as YAML reads them, for comparing (numbers as floats)."""
    if not isinstance(value, dict):
        return value
    return {
        str(k): float(v) if isinstance(v, int | float) and not isinstance(v, bool) else v
        for k, v in value.items()
    }


def _scalar(node: yaml.Node) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _value_of(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((v for k, v in mapping.value if _scalar(k) == key), None)


def _text(node: yaml.Node | None) -> str:
    value = _scalar(node) if node is not None else None
    return " ".join(value.split()) if value else ""
