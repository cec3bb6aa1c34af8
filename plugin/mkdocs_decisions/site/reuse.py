"""Pages of the previous build that serve again, while ``mkdocs serve`` runs.

A record's page shows the record, its history, and what it says of the records it
links to or that link to it (titles, statuses, the supersession banner, the picture of
its neighbourhood). So it is drawn again only when one of those records changed, or
the history did. Records are parsed once per change of their file
(``corpus.load.ParseCache``), so "changed" is "another object": the inputs of a page
are compared by identity, which costs nothing and cannot miss a change.

The pages that list many records (indexes, timeline, graph, projects, standards, the
compliance matrix, the feed) show each record's *face*: its front matter, title,
status and links, not its body. They are drawn again when a face changes, so typing in
the body of one record redraws that record's page alone.

Anything else a page could show (the settings, the site's options, today's date, the
folders' landing pages) is the *context*: when it differs, nothing is reused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from ..records.model import Record

T = TypeVar("T")


@dataclass
class _Entry:
    inputs: tuple[object, ...]
    value: object


@dataclass
class PageReuse:
    """What the last builds drew, by name, with the inputs it was drawn from."""

    context: tuple[object, ...] | None = None
    entries: dict[str, _Entry] = field(default_factory=dict)
    faces: dict[int, tuple[Record, bytes]] = field(default_factory=dict)
    drawn: int = 0  # how many values the current build drew (the rest were reused)
    used: set[str] = field(default_factory=set)
    # The faces of all records and the history of the last build that finished, and of
    # the current one (``seen_before``): a build that failed half-way leaves none.
    last_seen: tuple[bytes, object] | None = None
    seen_now: tuple[bytes, object] | None = None

    def begin(self, context: tuple[object, ...]) -> None:
        """Start a build; a new context starts afresh."""
        if context != self.context:
            self.context, self.entries, self.faces = context, {}, {}
            self.last_seen = None
        self.drawn = 0
        self.used = set()
        self.seen_now = None

    def value(self, name: str, inputs: tuple[object, ...], draw: Callable[[], T]) -> T:
        """The value drawn before from the same inputs (the same objects), else drawn now."""
        self.used.add(name)
        entry = self.entries.get(name)
        if entry is not None and _same(entry.inputs, inputs):
            return entry.value  # type: ignore[return-value]
        value = draw()
        self.entries[name] = _Entry(inputs, value)
        self.drawn += 1
        return value

    def seen_before(self, faces: bytes, history: object) -> bool:
        """Whether the last build had the same faces of all records (``faces_of``) and
        the same history object: then the links between the records are the same, and
        so is what each page shows of the records around its own (``inputs``). Asked
        once per build."""
        before, self.last_seen, self.seen_now = self.last_seen, None, (faces, history)
        return before is not None and before[0] == faces and before[1] is history

    def touch(self, name: str) -> None:
        """Keep ``name`` for a next build, though this one did not ask for it."""
        if name in self.entries:
            self.used.add(name)

    def inputs(self, name: str) -> tuple[object, ...]:
        """The inputs ``name`` was last drawn from; () when it was not."""
        entry = self.entries.get(name)
        return entry.inputs if entry is not None else ()

    def fresh(self, name: str, inputs: tuple[object, ...]) -> bool:
        """Whether ``value(name, inputs, ...)`` would give what was drawn before."""
        entry = self.entries.get(name)
        return entry is not None and _same(entry.inputs, inputs)

    def keep(self, name: str, inputs: tuple[object, ...], value: object) -> None:
        """Keep ``value``, drawn elsewhere from ``inputs``, as ``value`` would have."""
        self.used.add(name)
        self.entries[name] = _Entry(inputs, value)
        self.drawn += 1

    def finish(self, records: set[str]) -> None:
        """Forget what this build did not use and is not of one of its ``records`` (by
        path): the pages of deleted records. A record's entry in ``decisions.json`` is
        not asked for when the whole file is the last build's, and serves a next one."""
        self.last_seen = self.seen_now
        for name in [name for name in self.entries if name not in self.used]:
            if name.partition(":")[2] not in records:
                del self.entries[name]

    def face(self, record: Record) -> bytes:
        """A digest of what lists of records show of this one: everything but the body."""
        cached = self.faces.get(id(record))
        if cached is not None and cached[0] is record:
            return cached[1]
        hasher = hashlib.blake2b(digest_size=16)
        shown = (
            record.path,
            record.site_path,
            record.kind,
            record.id,
            record.number,
            record.title,
            record.status,
            record.raw_status,
            record.group,
            record.metadata_style,
            record.date_in_name,
            sorted((key, repr(found.value)) for key, found in record.fields.items()),
            [(reference.relation, reference.target) for reference in record.references],
            [(waiver.rule, waiver.reason) for waiver in record.waivers],
        )
        hasher.update(repr(shown).encode("utf-8", "surrogatepass"))
        self.faces[id(record)] = (record, hasher.digest())
        return self.faces[id(record)][1]

    def faces_of(self, records: list[Record]) -> bytes:
        """One digest of the faces of all ``records``, in order."""
        hasher = hashlib.blake2b(digest_size=16)
        for record in records:
            hasher.update(self.face(record))
        live = {id(record) for record in records}
        for key in [key for key in self.faces if key not in live]:
            del self.faces[key]
        return hasher.digest()


_VALUES = (bytes, str, int, float, bool, type(None))


def _same(before: tuple[object, ...], now: tuple[object, ...]) -> bool:
    """The same objects in the same order (bytes, strings, numbers and tuples of them,
    such as a file's stamp, by value)."""
    if len(before) != len(now):
        return False
    for old, new in zip(before, now, strict=True):
        if _is_value(new):
            if old != new:
                return False
        elif old is not new:
            return False
    return True


def _is_value(item: object) -> bool:
    if isinstance(item, tuple):
        return all(isinstance(part, _VALUES) for part in item)
    return isinstance(item, _VALUES)
