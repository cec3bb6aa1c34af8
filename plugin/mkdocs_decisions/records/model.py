"""The data a build works on: records, their sections and references.

Everything here is immutable. Positions (1-based line and column in the
record's file) travel with every parsed value so that a finding can point at
the exact place to fix. A record keeps a memo of what is worked out from it alone
(its sections in order, the findings of checks that read nothing else): the same
record object serves every rebuild of ``mkdocs serve`` until its file changes, and so
does its memo.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from ..catalogue.findings import Position

T = TypeVar("T")


@dataclass(frozen=True)
class Section:
    """A heading and the Markdown lines below it, up to the next heading of its level."""

    title: str
    key: str  # normalised title used for matching, e.g. "considered options"
    level: int
    line: int  # line of the heading
    end_line: int  # last line of the section (inclusive)
    body: str  # text between the heading and the next heading of any level
    items: tuple[ListItem, ...]  # top-level list items in ``body``
    children: tuple[Section, ...] = ()

    @property
    def full_text(self) -> str:
        """The section's own body followed by every subsection's."""
        parts = [self.body]
        parts.extend(f"{child.title}\n{child.full_text}" for child in self.children)
        return "\n".join(parts)

    @property
    def is_empty(self) -> bool:
        """No text, or only comments: the template's prompt (``<!-- What becomes easier
        or more difficult? -->``) that the page does not show."""
        text = self.full_text
        if "<!--" in text:
            text = _COMMENTS.sub("", text)
        return not text.strip()


_COMMENTS = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


@dataclass(frozen=True)
class ListItem:
    """A top-level bullet or numbered item of a section, first line of text only."""

    text: str
    line: int
    marker: str = ""  # "*", "-", "+" or "1." as written


@dataclass(frozen=True)
class Reference:
    """A record naming another record, as written in the source."""

    # supersedes | superseded_by | related | decisions | project | complies_with |
    # deviates_from | cross_cutting | applies_to
    relation: str
    target: str  # an id such as ``ADR-0003`` or a relative path to a Markdown file
    position: Position
    # The target is another record's title ("Superseded by: Use string ULID"): it names
    # that record if one has this title, and is no dangling reference if none has.
    by_title: bool = False


# Last element of an inner path that names a nested key itself rather than its value:
# ``(0, "reason", KEY)`` is where the key ``reason`` of the first entry is written.
KEY = "\x00key"


@dataclass(frozen=True)
class Field:
    """A front-matter value with the position of its key, its value, and every value
    nested in it (keyed by path: ``("standard",)`` or ``(0, "reason")``)."""

    value: Any
    key_position: Position
    value_position: Position
    inner: dict[tuple[str | int, ...], Position] = field(default_factory=dict)
    # The key as the record wrote it when it is another tool's name for ours (`created`
    # for `date`), so that findings name what the author sees; empty when it is ours.
    written: str = ""


@dataclass(frozen=True)
class Waiver:
    """One rule waived for one record, and why."""

    rule: str  # a rule id of the catalogue, e.g. ``DEC305``
    reason: str
    position: Position  # where the waiver names the rule
    written_in: str  # "front matter" or "comment"


@dataclass(frozen=True)
class Record:
    """One decision record (ADR, RFC, ...) as parsed from its file."""

    path: str  # path shown to people, relative to the project root, posix
    source_path: str  # absolute path on disk
    site_path: str  # path of the page inside the site, e.g. ``adr/0007-x.md``
    kind: str
    id: str
    number: int | None
    title: str
    status: str | None  # canonical status, None when missing or unknown
    raw_status: str | None
    fields: dict[str, Field]  # front matter (and legacy metadata) by canonical key
    sections: tuple[Section, ...]  # top-level sections (children nested)
    body: str  # Markdown after the front matter, without the first H1
    body_line: int  # file line on which ``body`` starts
    references: tuple[Reference, ...]
    group: str = ""  # sub-folder inside the kind's folder, "" at the top
    title_position: Position = field(default_factory=Position)
    rejected_keys: frozenset[str] = frozenset()  # present in the file but of the wrong type
    # Front-matter keys the kind has no field for, with where each is written (DEC006,
    # judged with the whole collection: a key most records use is another tool's).
    unknown_keys: tuple[tuple[str, Position], ...] = ()
    # Where the record writes its status: "front matter", a "metadata file" beside it, or
    # in the body as a "list" (bullets or lines), a "table" or a "section"; "" when it
    # writes none.
    metadata_style: str = ""
    hidden_lines: frozenset[int] = frozenset()  # body metadata the page header repeats
    date_in_name: dt.date | None = None  # a date the file name starts with (log4brains)
    # Which number of its date came first as written (``records.metadata.date_order``):
    # "either" for ``04/08/2020``, read day first unless its collection writes month first.
    date_order: str = ""
    waivers: tuple[Waiver, ...] = ()  # rules the record switches off for itself, with reasons
    # A stub left where a record was moved or renamed ("Moved to [x](x.md)"): where it
    # points. Shown as a page, but no record of its own: not checked, and its number is
    # the moved record's.
    moved_to: str = ""
    # Its title and status are the template's placeholders (`* Title: <TAP title>`,
    # `* Status: <Draft | Active>`): the collection's template, kept among the records.
    template_copy: bool = False
    # The YAML file beside the record that holds its metadata (a KEP's ``kep.yaml``),
    # shown as a path from the project root; "" when the record has none.
    metadata_path: str = ""
    # The document types its front matter's ``type:`` names (SCS's "supplement", an
    # EIP's "standards track"), lower case: which of its folder's templates it is
    # written from (records/templates.py). Empty when it states none.
    types: frozenset[str] = frozenset()
    # The body's own title heading as written (``GEP-0030: Rework the proxy``), which
    # ``body`` no longer has: the page header shows the title instead, and keeps an
    # anchor with the heading's slug for the record's own links to it. "" without one.
    title_heading: str = ""
    # The title the body gives where a declared `title:` won over it (its title heading,
    # else a `Feature Name:` in words): the title when the declared one proves to be the
    # template's (`title: Proposal Template`), which only the collection can tell.
    body_title: Field | None = None
    # The record in other languages, pages of its own (`x-zh.md` beside `x.md`): each
    # translation's language and site path.
    translations: tuple[tuple[str, str], ...] = ()
    # Values worked out from this record alone; not part of what the record is.
    derived: dict[object, object] = field(default_factory=dict, compare=False, repr=False)

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """``compute()``, once per record: for values that depend on the record alone."""
        if key not in self.derived:
            self.derived[key] = compute()
        return cast(T, self.derived[key])

    def value(self, key: str, default: Any = None) -> Any:
        found = self.fields.get(key)
        return default if found is None else found.value

    def position_of(self, key: str, *inner: str | int) -> Position:
        """Where the value of ``key`` (or a value nested in it) is; the nearest known
        place when the record does not set it."""
        found = self.fields.get(key)
        if found is None:
            return self.title_position
        return found.inner.get(tuple(inner), found.value_position)

    @property
    def status_assumed(self) -> bool:
        """Whether the status is the kind's ``default_status``: the record states none.
        What a status asks of a record that writes it (a date, deciders, the sections
        required when decided) is not asked of one whose format did not say it."""
        return self.raw_status is None and self.status is not None

    @property
    def date(self) -> dt.date | None:
        """The decision date the record states, else the date its file name starts with."""
        value = self.value("date")
        return value if isinstance(value, dt.date) else self.date_in_name

    def strings(self, key: str) -> tuple[str, ...]:
        """A list-of-strings field, tolerant of a single string."""
        value = self.value(key)
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list | tuple):
            return tuple(str(item) for item in value if isinstance(item, str | int))
        return ()

    def iter_sections(self) -> list[Section]:
        """Every section, depth first (a new list each time; the sections are shared)."""
        return list(self.memo("sections", lambda: flatten_sections(self.sections)))


def flatten_sections(sections: tuple[Section, ...]) -> list[Section]:
    """Sections and all their subsections, depth first."""
    found: list[Section] = []
    for section in sections:
        found.append(section)
        found.extend(flatten_sections(section.children))
    return found
