"""Split a record into YAML front matter and body, keeping every value's position.

PyYAML's safe loader composes the node tree first, so each key and value keeps
its line and column, and duplicate keys (which PyYAML would silently collapse)
are reported. See ADR-0007.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from ..catalogue.findings import Finding, Position, Severity, excerpt
from ..catalogue.rules import finding
from .model import KEY, Field

# libyaml's loader keeps the same marks and is several times faster; PyYAML's own
# pure-Python loader is the fallback where libyaml is not installed.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, with numbers written with leading zeros read as people write
    them: `supersedes: 0161` is 161, not YAML 1.1's octal 113 (Solana's SIMDs)."""


def _decimal_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node)).replace("_", "")
    if re.fullmatch(r"[-+]?0\d+", text):
        return int(text, 10)
    return int(yaml.SafeLoader.construct_yaml_int(loader, node))


_Loader.add_constructor("tag:yaml.org,2002:int", _decimal_int)
_FENCE = re.compile(r"^---\s*$")
# YAML aliases let a few hundred bytes stand for billions of values (an "alias bomb");
# a value that expands to more than this many is not read.
MAX_VALUES = 10_000
_CLOSE = re.compile(r"^(---|\.\.\.)\s*$")


@dataclass
class FrontMatter:
    """The fields found in a record's front matter and where the body starts."""

    fields: dict[str, Field] = field(default_factory=dict)
    body_start: int = 0  # 0-based index of the first body line
    present: bool = False
    findings: list[Finding] = field(default_factory=list)
    # Keys of YAML that does not parse read from lines indented by mistake (`  status:
    # implementable` below a list): the reader keeps those its kind knows.
    indented: set[str] = field(default_factory=set)


def split_front_matter(
    lines: list[str], path: str, only: frozenset[str] | None = None
) -> FrontMatter:
    """Read the front matter at the top of ``lines`` (LF-split text, no BOM).

    Blank lines and HTML comments (a licence header: ``<!-- SPDX-... -->``) may come
    before it. YAML that does not parse is a DEC002 finding, and its plain
    ``key: value`` lines are still read, so that a record keeps its status and date.
    With ``only``, just those keys (compared in lower case) are read: what history needs
    of the many past versions.
    """
    result = FrontMatter()
    if lines and _TOML_FENCE.match(lines[0]):
        return _toml_front_matter(lines, path, only)
    opening = _opening(lines)
    if opening is None:
        return result
    closing = next((i for i in range(opening + 1, len(lines)) if _CLOSE.match(lines[i])), None)
    if closing is None:
        following = next((line.strip() for line in lines[opening + 1 :] if line.strip()), "")
        if opening == 0 and not following.startswith("#"):  # "---" above "# Title": a rule
            result.findings.append(_never_closed(path, "---"))
        return result
    result.present = True
    result.body_start = closing + 1
    yaml_text = "\n".join(_without_html_comments(lines[opening + 1 : closing]))
    if yaml_text.strip():
        _load_mapping(yaml_text, path, result, only)
    if opening:
        _shift(result, opening)
    return result


def _without_html_comments(lines: list[str]) -> list[str]:
    """The lines with HTML comments at the start of a line left blank (a template's
    ``<!-- status: provisional|implementable -->``, which YAML would read as the key
    ``<!-- status``); every other line keeps its number. An indented line is a block
    value's text, and stays."""
    if not any(line.startswith("<!--") for line in lines):
        return lines
    kept = []
    in_comment = False
    for line in lines:
        opens = not in_comment and line.startswith("<!--")
        if opens or in_comment:
            in_comment = "-->" not in line[4:] if opens else "-->" not in line
            kept.append("")
        else:
            kept.append(line)
    return kept


def _never_closed(path: str, fence: str) -> Finding:
    return finding(
        "DEC003",
        path,
        Position(1, 1),
        f"front matter opened on line 1 is never closed with `{fence}`",
    )


# Hugo's and Zola's TOML front matter between `+++` lines.
_TOML_FENCE = re.compile(r"^\+\+\+\s*$")
_TOML_KEY = re.compile(r"^\s*(?P<key>[A-Za-z_][\w-]*)\s*=\s*(?P<value>\S)")


def _toml_front_matter(lines: list[str], path: str, only: frozenset[str] | None) -> FrontMatter:
    """TOML front matter (``+++``, ``title = "ADR-0001: Use X"``, ``#`` comments such as
    a licence header): its top-level keys, each at the line that writes it. Tables
    (``[extra]``) hold another tool's settings and are not read."""
    result = FrontMatter()
    closing = next((i for i in range(1, len(lines)) if _TOML_FENCE.match(lines[i])), None)
    if closing is None:
        result.findings.append(_never_closed(path, "+++"))
        return result
    result.present = True
    result.body_start = closing + 1
    text = "\n".join(lines[1:closing])
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError) as error:
        result.findings.append(
            finding(
                "DEC002",
                path,
                Position(2, 1),
                f"front matter is not valid TOML: {error}",
                "fix the TOML, or write the front matter as YAML between `---` lines",
            )
        )
        return result
    places: dict[str, tuple[Position, Position]] = {}
    for index, line in enumerate(lines[1:closing], start=2):
        if line.lstrip().startswith("["):
            break  # a table: what follows is its keys, not the record's
        written = _TOML_KEY.match(line)
        if written and written["key"] not in places:
            places[written["key"]] = (
                Position(index, written.start("key") + 1),
                Position(index, written.start("value") + 1),
            )
    for key, value in data.items():
        if isinstance(value, dict) or key not in places:
            continue
        if only is not None and key.lower() not in only:
            continue
        key_position, value_position = places[key]
        result.fields[key] = Field(_plain_toml(value), key_position, value_position)
    return result


def _plain_toml(value: object) -> object:
    """A TOML value as YAML would give it: dates and times as dates, lists as lists."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, list):
        return [_plain_toml(item) for item in value]
    return value


def _opening(lines: list[str]) -> int | None:
    """The line index of the opening ``---``: the first line, or the first after blank
    lines and HTML comments."""
    index = 0
    while index < len(lines):
        stripped = lines[index].strip()
        if _FENCE.match(lines[index]):
            return index
        if not stripped:
            index += 1
            continue
        if not stripped.startswith("<!--"):
            return None
        while index < len(lines) and "-->" not in lines[index]:
            index += 1
        index += 1
    return None


def read_metadata_file(text: str, path: str) -> FrontMatter:
    """The fields of a YAML file that holds a record's metadata beside it (a Kubernetes
    KEP's ``kep.yaml`` beside its ``README.md``), read as front matter is: every
    position is in that file (``path``), and so is every finding about it."""
    result = FrontMatter()
    if text.strip():
        result.present = True
        _load_mapping(text, path, result)
    _shift(result, -1, path)  # the YAML starts on the file's first line, not its second
    return result


def _shift(result: FrontMatter, lines: int, file: str = "") -> None:
    """Positions of front matter that starts ``lines`` lines below the top of the file
    (in ``file``, when that is not the record's own)."""

    def moved(position: Position) -> Position:
        return Position(position.line + lines, position.column, file or position.file)

    result.fields = {
        key: Field(
            found.value,
            moved(found.key_position),
            moved(found.value_position),
            {inner: moved(position) for inner, position in found.inner.items()},
        )
        for key, found in result.fields.items()
    }
    result.findings = [replace(item, position=moved(item.position)) for item in result.findings]


def _load_mapping(
    text: str, path: str, result: FrontMatter, only: frozenset[str] | None = None
) -> None:
    # The YAML starts on file line 2, so a 0-based YAML line n is file line n + 2.
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return
        if not isinstance(root, yaml.MappingNode):
            if _read_without_spaces(text, path, result):
                return
            result.findings.append(
                finding(
                    "DEC004",
                    path,
                    _position(root.start_mark),
                    f"front matter is a {_node_kind(root)}, not a mapping of keys to values",
                )
            )
            return
        seen: dict[str, Position] = {}
        could_expand = "*" in text  # an alias; otherwise every value is written out
        for key_node, value_node in root.value:
            if only is not None and (
                not isinstance(key_node, yaml.ScalarNode) or key_node.value.lower() not in only
            ):
                continue
            key_position = _position(key_node.start_mark)
            key = _key(loader, key_node)
            if not isinstance(key, str):
                shown = excerpt(key) if key is not None else f"a {_node_kind(key_node)}"
                result.findings.append(
                    finding("DEC007", path, key_position, f"front-matter key {shown} is not text")
                )
                continue
            if key in seen:
                first = seen[key]
                result.findings.append(
                    finding(
                        "DEC005",
                        path,
                        key_position,
                        f"key `{key}` is set twice (first on line {first.line}); "
                        "this later value wins",
                    )
                )
            seen[key] = key_position
            inner: dict[tuple[str | int, ...], Position] = {}
            _walk_nested(value_node, (), inner, path, result, set())
            counted: dict[int, int] = {}
            # Without an alias, a value as long as the limit needs as many characters.
            may_be_large = could_expand or len(text) > MAX_VALUES
            if may_be_large and _expanded_size(value_node, counted, MAX_VALUES) > MAX_VALUES:
                # As many distinct values as that: a long list; fewer: aliases repeat them.
                written_out = len(counted) > MAX_VALUES
                result.findings.append(
                    finding(
                        "DEC007",
                        path,
                        _position(value_node.start_mark),
                        f"value of `{key}` holds more than {MAX_VALUES:,} values; it is not read"
                        if written_out
                        else f"value of `{key}` expands to more than {MAX_VALUES:,} values "
                        "through YAML aliases; it is not read",
                        "keep the value shorter: a record's field names a few things"
                        if written_out
                        else "write the value out, without `&anchors` and `*aliases`",
                    )
                )
                result.fields[key] = Field(
                    None, key_position, _position(value_node.start_mark), inner
                )
                continue
            try:
                value = loader.construct_object(value_node, deep=True)
            except (ValueError, TypeError, AttributeError, RecursionError) as error:
                # e.g. ``date: 2026-13-45`` looks like a date; ``&a [*a]`` refers to itself
                result.findings.append(
                    finding(
                        "DEC007",
                        path,
                        _position(value_node.start_mark),
                        f"value of `{key}` cannot be read: {error}",
                    )
                )
                value = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
            result.fields[key] = Field(value, key_position, _position(value_node.start_mark), inner)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "invalid YAML"
        result.fields.clear()
        result.findings.append(
            finding(
                "DEC002",
                path,
                _position(mark) if mark else Position(2, 1),
                f"front matter is not valid YAML: {problem}; its plain `key: value` lines "
                "are read all the same",
            )
        )
        _read_plain_lines(text, result)
    except yaml.YAMLError as error:  # e.g. a reader error on a control character
        result.fields.clear()
        problem = " ".join(str(error).split("\n")[0].split())
        result.findings.append(
            finding("DEC002", path, Position(2, 1), f"front matter is not valid YAML: {problem}")
        )
    except RecursionError:  # thousands of `[` nested: no front matter anyone writes
        result.fields.clear()
        result.findings.append(
            finding("DEC002", path, Position(2, 1), "front matter is nested too deeply to read")
        )
    finally:
        loader.dispose()


def _key(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """A key as YAML reads it; None for a mapping or list used as a key, and the text
    as written for one that looks like a date and is none (``2020-23-01:``)."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, TypeError):
        return str(node.value)


# "key: value"; a key of two or three words too (GreptimeDB's `Feature Name: ...`)
_PLAIN_LINE = re.compile(
    r"^(?P<key>[A-Za-z_][\w-]*(?: [A-Za-z][\w-]*){0,2})\s*:\s+(?P<value>\S.*?)\s*(?:\s#.*)?$"
)


_LIST_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*$")
_LIST_ITEM = re.compile(r"^\s*-\s*(?P<value>.*?)\s*$")


def _read_plain_lines(text: str, result: FrontMatter) -> None:
    """The top-level ``key: value`` lines of front matter YAML could not read, each
    value read alone (``deciders: @ana @bo`` is text; ``tags: [a, b]`` a list), and a
    ``key:`` followed by ``- item`` lines as the list of those items. Then the lines
    indented by mistake, where nothing above them opens a block they could belong to
    (``  status: implementable`` below ``- "@bo"``), for keys not read at the top."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        _read_plain_line(lines, number, line, result)
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" \t"))
        if indent and line.strip() and _slipped(lines, number, indent):
            key = _read_plain_line(lines, number, line[indent:], result, indent)
            if key:
                result.indented.add(key)


def _slipped(lines: list[str], number: int, indent: int) -> bool:
    """Whether line ``number``, indented by ``indent``, is indented by mistake: the
    nearest line above it that is indented less holds a value that can have nothing
    nested under it (a scalar list item, ``- "@bo"``, or ``key: value``); not one that
    opens a block (``dct:``, ``- standard: X``, ``summary: >``)."""
    for above in reversed(lines[:number]):
        depth = len(above) - len(above.lstrip(" \t"))
        if not above.strip() or depth >= indent:
            continue
        item = _LIST_ITEM.match(above)
        if item is not None:
            return bool(item["value"]) and _PLAIN_LINE.match(item["value"]) is None
        plain = _PLAIN_LINE.match(above.strip())
        return plain is not None and plain["value"][:1] not in ("|", ">", "&")
    return False


def _read_plain_line(
    lines: list[str], number: int, line: str, result: FrontMatter, indent: int = 0
) -> str:
    """Read one plain line (``line``, without its ``indent``) into ``result``: the key it
    set, "" for none."""
    bare = _LIST_KEY.match(line)
    if bare and bare["key"] not in result.fields:
        items = []
        for following in lines[number + 1 :]:
            item = _LIST_ITEM.match(following)
            if item is None:
                break
            if item["value"]:
                items.append(item["value"].strip("\"'"))
        if items and len(items) <= MAX_VALUES:
            at = Position(number + 2, indent + 1)
            result.fields[bare["key"]] = Field(items, at, Position(number + 3, 1))
            return bare["key"]
        return ""
    match = _PLAIN_LINE.match(line)
    if not match or match["key"] in result.fields:
        return ""
    raw = match["value"]
    try:
        value = yaml.safe_load(raw)
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        # ValueError: `creation-date: 2020-23-01` looks like a date and is none; the
        # text stays, for the date reader to read or report
        value = raw.strip("\"'")
    if isinstance(value, dict) or value is None:
        value = raw.strip("\"'")
    if _expanded_count(value) > MAX_VALUES:
        return ""
    position = Position(number + 2, indent + line.find(raw) + 1)
    result.fields[match["key"]] = Field(value, Position(number + 2, indent + 1), position)
    return str(match["key"])


def _expanded_count(value: object) -> int:
    return len(value) if isinstance(value, list) else 1


_KEY_WITHOUT_SPACE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):(?P<value>\S.*)$")


def _read_without_spaces(text: str, path: str, result: FrontMatter) -> bool:
    """``tag:Web Client`` is one YAML string, but a reader sees a key and its value: read
    every such line so, and say how to write it (a warning: nothing is lost)."""
    lines = [(number, line) for number, line in enumerate(text.split("\n")) if line.strip()]
    matches = [(number, _KEY_WITHOUT_SPACE.match(line.strip())) for number, line in lines]
    if not matches or not all(match for _, match in matches):
        return False
    for number, match in matches:
        assert match is not None
        key, value = match["key"], match["value"].strip()
        line = number + 2
        column = text.split("\n")[number].find(value) + 1
        result.fields[key] = Field(value, Position(line, 1), Position(line, max(column, 1)))
        warning = finding(
            "DEC004",
            path,
            Position(line, len(key) + 2),
            f"`{key}:{value[:30]}` has no space after the colon, so YAML reads the front "
            "matter as one text; it is read as a key and its value",
            f"write `{key}: {value[:30]}`",
        )
        result.findings.append(replace(warning, severity=Severity.WARNING))
    return True


def _walk_nested(
    node: yaml.Node,
    at: tuple[str | int, ...],
    inner: dict[tuple[str | int, ...], Position],
    path: str,
    result: FrontMatter,
    seen: set[int],
) -> None:
    """Record the position of every nested value and report duplicate nested keys.

    Each node is walked once: YAML aliases share nodes, and may even contain
    themselves (``&a [*a]``).
    """
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            if key_node.value in keys:
                result.findings.append(
                    finding(
                        "DEC005",
                        path,
                        _position(key_node.start_mark),
                        f"key `{key_node.value}` is set twice in the same mapping "
                        f"(first on line {keys[key_node.value]})",
                    )
                )
            keys[key_node.value] = key_node.start_mark.line + 2
            inner[(*at, key_node.value)] = _position(value_node.start_mark)
            inner[(*at, key_node.value, KEY)] = _position(key_node.start_mark)
            _walk_nested(value_node, (*at, key_node.value), inner, path, result, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            inner[(*at, index)] = _position(item.start_mark)
            _walk_nested(item, (*at, index), inner, path, result, seen)


def _expanded_size(node: yaml.Node, sizes: dict[int, int], limit: int) -> int:
    """How many values ``node`` stands for once its aliases are expanded, counted up to
    just past ``limit`` (each node once: aliases share nodes; a node that contains itself
    counts as too many)."""
    known = sizes.get(id(node))
    if known is not None:
        return known
    sizes[id(node)] = limit + 1  # while counting: a node inside itself is unbounded
    total = 1
    if isinstance(node, yaml.MappingNode):
        children = [child for pair in node.value for child in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    else:
        children = []
    for child in children:
        total += _expanded_size(child, sizes, limit)
        if total > limit:
            break
    sizes[id(node)] = min(total, limit + 1)
    return sizes[id(node)]


def _position(mark: Any) -> Position:
    return Position(mark.line + 2, mark.column + 1)


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    return "list" if isinstance(node, yaml.SequenceNode) else "single value"
