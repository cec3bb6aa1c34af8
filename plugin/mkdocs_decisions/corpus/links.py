"""All records of a project, parsed once, with their links resolved both ways."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .catalogue import finding
from .discovery import Discovered, LandingPage, discover
from .history import History
from .model import Finding, Position, Record, Reference
from .records import normalise_id, parse_record
from .settings import Settings
from .traceability import Traceability


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
    site_bases: dict[str, str] = field(default_factory=dict)  # kind -> folder in the site
    history: History = field(default_factory=History)  # empty unless read from git

    @cached_property
    def traceability(self) -> Traceability:
        """Objectives, addresses, compliance and deviations, indexed once per build."""
        return Traceability(self.records, self.by_id)

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


def load_corpus(
    project_root: Path, docs_dir: Path, settings: Settings, history: History | None = None
) -> Corpus:
    """Discover and parse every record once, then resolve the links between them."""
    return build_corpus(discover(project_root, docs_dir, settings.kinds), settings, history)


def build_corpus(
    discovered: Discovered, settings: Settings, history: History | None = None
) -> Corpus:
    records: list[Record] = []
    findings: list[Finding] = []
    for source, kind in discovered.records:
        try:
            data = Path(source.source_path).read_bytes()
        except OSError as error:
            data = b""
            findings.append(
                finding("DEC008", source.path, Position(1, 1), f"cannot read the file: {error}")
            )
        record, record_findings = parse_record(data, source, kind, settings.kinds)
        records.append(record)
        findings.extend(record_findings)
    records.sort(key=lambda r: (r.kind, r.number is None, r.number or 0, r.path))

    by_id: dict[str, Record] = {}
    for record in records:
        key = normalise_id(record.id)
        if key in by_id:
            first = by_id[key]
            findings.append(
                finding(
                    "DEC103",
                    record.path,
                    record.position_of("id") if "id" in record.fields else Position(1, 1),
                    f"id {record.id} is also used by {first.path}",
                )
            )
            continue
        by_id[key] = record
    by_path = {record.path: record for record in records}

    links: list[Link] = []
    unresolved: list[tuple[Record, Reference]] = []
    for record in records:
        for reference in record.references:
            target = by_path.get(reference.target) if reference.target.endswith(".md") else None
            target = target or by_id.get(normalise_id(reference.target))
            if target is None:
                unresolved.append((record, reference))
            else:
                links.append(Link(record, reference.relation, target, reference))
    return Corpus(
        records=records,
        landing_pages=discovered.landing_pages,
        findings=findings,
        links=links,
        unresolved=unresolved,
        by_id=by_id,
        missing_folders=discovered.missing_folders,
        skipped=discovered.skipped,
        site_bases=discovered.site_bases,
        history=history or History(),
    )
