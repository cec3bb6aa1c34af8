"""All records of a project, parsed once, with their links resolved both ways."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar, cast

from ..catalogue.findings import Finding
from ..history.git_log import History
from ..records.discovery import LandingPage
from ..records.model import Record, Reference
from ..records.parse import normalise_id
from ..records.templates import TemplateOutline
from ..trace.matrix import Traceability

T = TypeVar("T")


@dataclass(frozen=True)
class Link:
    """A resolved reference from one record to another."""

    source: Record
    relation: str
    target: Record
    reference: Reference


@dataclass
class Corpus:
    """The parsed records and everything derived from them without git."""

    records: list[Record]
    landing_pages: list[LandingPage]
    findings: list[Finding]
    links: list[Link]
    unresolved: list[tuple[Record, Reference]]
    by_id: dict[str, Record] = field(default_factory=dict)
    missing_folders: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # template and excluded files
    # Site paths of files in record folders that were not read (outside the project, not
    # regular files): a generator must not publish them either.
    refused: list[str] = field(default_factory=list)
    assets: dict[str, str] = field(default_factory=dict)  # site path -> file beside records
    site_bases: dict[str, str] = field(default_factory=dict)  # kind -> folder in the site
    history: History = field(default_factory=History)  # empty unless read from git
    today: dt.date = field(default_factory=dt.date.today)  # the day reviews are due against
    templates: list[TemplateOutline] = field(default_factory=list)  # the collections' own

    @cached_property
    def traceability(self) -> Traceability:
        """Objectives, addresses, compliance and deviations, indexed once per build."""
        return Traceability(self.records, self.by_id)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, once per corpus: for what later stages derive from all records
        (a collection's conventions, say) and read once per record."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    def pages_without_records(self) -> dict[str, int]:
        """The kinds whose folder holds pages but not one record, with how many pages:
        nothing there is named as records are, so a reader should be told why."""
        with_records = {record.kind for record in self.records}
        pages: dict[str, int] = {}
        for page in self.landing_pages:
            if page.kind not in with_records:
                pages[page.kind] = pages.get(page.kind, 0) + 1
        return pages

    def get(self, record_id: str) -> Record | None:
        return self.by_id.get(normalise_id(record_id))

    def outgoing(self, record: Record) -> list[Link]:
        return self._outgoing.get(record.path, [])

    def incoming(self, record: Record) -> list[Link]:
        return self._incoming.get(record.path, [])

    def unresolved_of(self, record: Record) -> list[Reference]:
        return self._unresolved.get(record.path, [])

    def successor(self, record: Record) -> Record | None:
        """The record that supersedes ``record``, declared on either side."""
        successors = self.successors(record)
        return successors[0] if successors else None

    def successors(self, record: Record) -> list[Record]:
        found = [link.target for link in self.outgoing(record) if link.relation == "superseded_by"]
        found += [link.source for link in self.incoming(record) if link.relation == "supersedes"]
        return _unique(found)

    @cached_property
    def supersession_cycles(self) -> dict[str, list[Record]]:
        """Every cycle of "superseded by" links, keyed by the path of its member with the
        smallest path, members in order from it. Found in one pass over all records
        (each follows one successor, so this is linear in their number)."""
        cycles: dict[str, list[Record]] = {}
        state: dict[str, int] = {}  # 1: on the current route, 2: done
        for start in self.records:
            route: list[Record] = []
            current: Record | None = start
            while current is not None and current.path not in state:
                state[current.path] = 1
                route.append(current)
                current = self.successor(current)
            if current is not None and state[current.path] == 1:
                members = route[[r.path for r in route].index(current.path) :]
                first = min(range(len(members)), key=lambda i: members[i].path)
                ordered = members[first:] + members[:first]
                cycles[ordered[0].path] = ordered
            for record in route:
                state[record.path] = 2
        return cycles

    def predecessors(self, record: Record) -> list[Record]:
        found = [link.target for link in self.outgoing(record) if link.relation == "supersedes"]
        found += [link.source for link in self.incoming(record) if link.relation == "superseded_by"]
        return _unique(found)

    def related(self, record: Record) -> list[Record]:
        """Records linked by ``related`` in either direction."""
        found = [link.target for link in self.outgoing(record) if link.relation == "related"]
        found += [link.source for link in self.incoming(record) if link.relation == "related"]
        return _unique(found)

    def decisions_of(self, record: Record) -> list[Record]:
        """For an RFC: the ADRs it led to."""
        return _unique(
            [link.target for link in self.outgoing(record) if link.relation == "decisions"]
        )

    def decided_in(self, record: Record) -> list[Record]:
        """For an ADR: the RFCs that list it among their decisions."""
        return _unique(
            [link.source for link in self.incoming(record) if link.relation == "decisions"]
        )

    def referenced_by(self, record: Record) -> list[Record]:
        """Every record that links to ``record``, by any relation."""
        return _unique([link.source for link in self.incoming(record)])

    def __post_init__(self) -> None:
        self._memo: dict[str, object] = {}
        self._outgoing: dict[str, list[Link]] = defaultdict(list)
        self._incoming: dict[str, list[Link]] = defaultdict(list)
        self._unresolved: dict[str, list[Reference]] = defaultdict(list)
        for source, reference in self.unresolved:
            self._unresolved[source.path].append(reference)
        for link in self.links:
            self._outgoing[link.source.path].append(link)
            self._incoming[link.target.path].append(link)


def _unique(records: list[Record]) -> list[Record]:
    seen: dict[str, Record] = {}
    for record in records:
        seen.setdefault(record.path, record)
    return list(seen.values())
