"""Edit a record's front matter in place, changing only the bytes of the edit.

Commands that write records (``status``, ``supersede``, ``new --supersedes``,
``import``) must keep everything else as it was: comments, key order, quoting,
line endings, a byte-order mark, and the body byte for byte. So edits work on
the file's lines, not on a re-dumped YAML document: a top-level key's line is
found, and only its value is replaced; a new key becomes one new line; a list
gains one entry in the style it is written in (``[a, b]`` or ``- a`` lines).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

_FENCE = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
# A top-level key, bare or quoted ("supersedes":), followed by a space or the line's end.
_KEY = re.compile(r"""^(["']?)([A-Za-z_][\w-]*)\1[ \t]*:(?=[ \t\r\n]|$)""")
# A one-line value: plain, quoted or a flow list, then an optional comment.
_INLINE = re.compile(
    r"""^(?P<key>(["']?)[A-Za-z_][\w-]*\2[ \t]*:[ \t]*)
        (?P<value>"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|\[[^\]]*\]|[^\s\#].*?|)
        (?P<rest>[ \t]+\#.*|[ \t]*)$""",
    re.VERBOSE,
)


class EditError(ValueError):
    """The edit cannot be made without rewriting more than it should; the message says why."""


@dataclass
class Document:
    """A record file as lines that keep their own line endings."""

    lines: list[str]
    newline: str
    bom: str = ""
    front: tuple[int, int] | None = None  # indices of the opening and closing fence
    unclosed: bool = False  # starts with `---` that no closing line ends

    @classmethod
    def parse(cls, data: bytes) -> Document:
        text = data.decode("utf-8")
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        text = text[len(bom) :]
        lines = text.split("\n")
        lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
        # New lines take the ending of the block they go into: the front matter's.
        first_ending = _split_ending(lines[0])[1] if lines else ""
        newline = first_ending or ("\r\n" if "\r\n" in text else "\n")
        document = cls(lines, newline, bom)
        document.front = _find_front(lines)
        document.unclosed = document.front is None and bool(
            lines and _FENCE.match(lines[0].rstrip("\r\n"))
        )
        return document

    def duplicate_keys(self) -> list[str]:
        """Top-level keys written more than once (YAML keeps the last; edits would not)."""
        if self.front is None:
            return []
        seen: list[str] = []
        for index in range(self.front[0] + 1, self.front[1]):
            match = _KEY.match(self.lines[index])
            if match:
                seen.append(match.group(2))
        return sorted({key for key in seen if seen.count(key) > 1})

    def render(self) -> bytes:
        return (self.bom + "".join(self.lines)).encode("utf-8")

    # --- reading -----------------------------------------------------------------

    def entry(self, key: str) -> tuple[int, int] | None:
        """First and last line index of a top-level key's entry in the front matter."""
        if self.front is None:
            return None
        start, end = self.front
        for index in range(start + 1, end):
            match = _KEY.match(self.lines[index])
            if match and match.group(2) == key:
                last = index
                for following in range(index + 1, end):
                    line = self.lines[following]
                    if _KEY.match(line) or line.startswith("#"):
                        break
                    if line.strip() and (line[0] in " \t-"):
                        last = following
                    elif line.strip():
                        break
                return index, last
        return None

    # --- editing -----------------------------------------------------------------

    def ensure_front_matter(self) -> None:
        """Add an empty front matter block at the top when the file has none."""
        if self.front is not None:
            return
        if self.unclosed:
            raise EditError("the front matter is never closed with `---` (DEC003); fix it first")
        self.lines[0:0] = [f"---{self.newline}", f"---{self.newline}"]
        self.front = (0, 1)

    def set_scalar(
        self,
        key: str,
        value: str,
        after: tuple[str, ...] = (),
        plain: bool = False,
        keep_case: bool = False,
    ) -> None:
        """Set a top-level key to a single value, keeping its quoting and comment.
        ``plain`` writes the value as it is (for dates, which quoting would make text);
        ``keep_case`` capitalises it like the old value (``Accepted``)."""
        self.ensure_front_matter()
        found = self.entry(key)
        if found is None:
            self._insert(f"{key}: {value if plain else quoted(value, '')}", after)
            return
        first, last = found
        line, ending = _split_ending(self.lines[first])
        match = _INLINE.match(line)
        if match is None or first != last:
            # A block value (a list, a folded string) becomes one line.
            written = value if plain else quoted(value, "")
            self.lines[first : last + 1] = [f"{key}: {written}{ending or self.newline}"]
            self._shrink(first, last)
        else:
            old = match.group("value")
            style = old[:1] if old[:1] in ("'", '"') else ""
            if keep_case and _unquoted(old)[:1].isupper():
                value = value[:1].upper() + value[1:]
            written = value if plain else quoted(value, style)
            prefix = match.group("key")
            if not prefix.endswith((" ", "\t")):
                prefix += " "
            self.lines[first] = f"{prefix}{written}{match.group('rest')}{ending}"

    def replace_text(self, line_number: int, old: str, new: str) -> None:
        """Replace ``old`` by ``new`` on a line of the file (1-based), e.g. a status
        written in the body (``* Status: accepted``, adr-tools' ``## Status``)."""
        index = line_number - 1
        if not 0 <= index < len(self.lines) or old not in self.lines[index]:
            raise EditError(f"line {line_number} does not contain `{old}` any more")
        self.lines[index] = self.lines[index].replace(old, new, 1)

    def add_to_list(
        self,
        key: str,
        item: str,
        after: tuple[str, ...] = (),
        same: Callable[[str, str], bool] = str.__eq__,
    ) -> None:
        """Add one entry to a top-level list, in the style the list is written in, unless
        an entry is ``same`` as it already (e.g. ``adr-1`` and ``ADR-0001``)."""
        self.ensure_front_matter()
        found = self.entry(key)
        if found is None:
            self._insert(f"{key}: [{quoted(item, '')}]", after)
            return
        first, last = found
        line, ending = _split_ending(self.lines[first])
        match = _INLINE.match(line)
        if first == last and match is not None:
            old = match.group("value")
            rest = match.group("rest")
            if old.startswith("["):
                inner = old[1:-1].rstrip().rstrip(",")  # `[a, b,]` is a list of two
                entries = [part.strip() for part in inner.split(",") if part.strip()]
                if any(same(_unquoted(entry), item) for entry in entries):
                    return
                new_inner = f"{inner}, {quoted(item, '')}" if entries else quoted(item, "")
                value = f"[{new_inner}]"
            elif old and old not in ("null", "~", "Null", "NULL", "''", '""'):
                if same(_unquoted(old), item):
                    return
                value = f"[{old}, {quoted(item, '')}]"
            else:
                value = f"[{quoted(item, '')}]"
            gap = "" if match.group("key").endswith((" ", "\t")) else " "
            self.lines[first] = f"{match.group('key')}{gap}{value}{rest}{ending}"
        else:
            items = [
                index
                for index in range(first + 1, last + 1)
                if self.lines[index].lstrip().startswith("- ") or self.lines[index].strip() == "-"
            ]
            if not items:
                raise EditError(f"`{key}` is not a list that an entry can be added to")
            existing = [
                _unquoted(self.lines[index].strip()[1:].split(" #", 1)[0].strip())
                for index in items
            ]
            if any(same(entry, item) for entry in existing):
                return
            template = self.lines[items[-1]]
            indent = template[: len(template) - len(template.lstrip())]
            _, ending = _split_ending(template)
            self.lines.insert(
                items[-1] + 1, f"{indent}- {quoted(item, '')}{ending or self.newline}"
            )
            self._shift(items[-1] + 1)

    def insert_lines(self, index: int, new: list[str]) -> None:
        """Insert whole lines (with their endings) before line ``index`` (0-based); the
        front matter grows when they go into it. For edits inside nested values, which
        their callers place with the YAML parser's marks."""
        self.lines[index:index] = new
        if self.front is not None and index <= self.front[1]:
            self.front = (self.front[0], self.front[1] + len(new))

    def _insert(self, text: str, after: tuple[str, ...]) -> None:
        assert self.front is not None
        position = self.front[1]
        for key in after:
            found = self.entry(key)
            if found is not None:
                position = found[1] + 1
        self.lines.insert(position, text + self.newline)
        self._shift(position)

    def _shrink(self, first: int, last: int) -> None:
        assert self.front is not None
        start, end = self.front
        self.front = (start, end - (last - first))

    def _shift(self, inserted_at: int) -> None:
        assert self.front is not None
        start, end = self.front
        if inserted_at <= end:
            self.front = (start, end + 1)

    def set_heading(self, title: str) -> None:
        """Make the body's first level-1 heading ``# title`` (add one if there is none)."""
        start = self.front[1] + 1 if self.front else 0
        for index in range(start, len(self.lines)):
            line, ending = _split_ending(self.lines[index])
            if line.startswith("# ") or line == "#":
                self.lines[index] = f"# {title}{ending}"
                break
        else:
            self.lines[start:start] = [self.newline, f"# {title}{self.newline}"]

    def check_still_yaml(self) -> None:
        """The edited front matter must still parse, or the edit is refused."""
        if self.front is None:
            return
        start, end = self.front
        try:
            yaml.safe_load("".join(self.lines[start + 1 : end]))
        except yaml.YAMLError as error:
            problem = getattr(error, "problem", None) or "invalid YAML"
            raise EditError(
                f"the edit would make the front matter invalid YAML ({problem})"
            ) from None
        except (ValueError, TypeError):
            # The YAML parses; a value only looks like a date and is none
            # (`creation-date: 2020-23-01`), as the record already wrote it.
            pass


def _find_front(lines: list[str]) -> tuple[int, int] | None:
    if not lines or not _FENCE.match(lines[0].rstrip("\r\n")):
        return None
    for index in range(1, len(lines)):
        if _CLOSE.match(lines[index].rstrip("\r\n")):
            return 0, index
    return None


def _split_ending(line: str) -> tuple[str, str]:
    if line.endswith("\r\n"):
        return line[:-2], "\r\n"
    if line.endswith("\n"):
        return line[:-1], "\n"
    return line, ""


def quoted(value: str, style: str = "") -> str:
    """A value written as YAML: in the given quote style, or plain when that is safe."""
    if style == '"':
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if style == "'" or not _plain_ok(value):
        return "'" + value.replace("'", "''") + "'"
    return value


def _plain_ok(value: str) -> bool:
    """Whether YAML reads ``value`` written without quotes as this same text."""
    if not value or value != value.strip() or value[0] in _INDICATORS:
        return False
    if ": " in value or " #" in value or value.endswith(":") or "\n" in value:
        return False
    try:
        return bool(yaml.safe_load(value) == value)
    except (yaml.YAMLError, ValueError, TypeError):  # "2020-23-01": a date YAML cannot make
        return False


_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"


def _unquoted(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in ("'", '"'):
        return text[1:-1]
    return text
