"""The traceability matrix: which decisions serve which project objectives, and which follow
or deviate from which standards; computed once per build, read by the checks and the site."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..catalogue.findings import Position
from ..records.model import Record
from ..records.parse import APPLIES_TO_ALL, normalise_id, reference_target
from .objectives import Addressed, Objective, addressed_by, deviations_of, objectives_of

T = TypeVar("T")

# Statuses in which a standard is in force (and a mandatory one required).
IN_FORCE = ("active", "deprecated")


@dataclass(frozen=True)
class Deviation:
    """A decision that departs from a standard, and why."""

    decision: Record
    standard_id: str
    reason: str
    position: Position


@dataclass(frozen=True)
class Trace:
    """One resolved ``addresses`` entry: the decision, and the objective it serves."""

    decision: Record
    project: Record
    objective: Objective


def _deviations(record: Record) -> list[Deviation]:
    return [Deviation(record, *entry) for entry in deviations_of(record)]


class _PerDecision(Generic[T]):
    """What each decision says of itself (its ``addresses``, its deviations), by path,
    worked out when first asked for: checking one record again needs its own entries,
    not those of the whole log. A path of a project, a standard or no record has none."""

    def __init__(self, by_path: dict[str, Record], make: Callable[[Record], T]) -> None:
        self._by_path = by_path
        self._make = make
        self._made: dict[str, T] = {}

    def get(self, path: str, default: T) -> T:
        if path in self._made:
            return self._made[path]
        record = self._by_path.get(path)
        if record is None or record.kind in ("project", "standard"):
            return default
        made = self._made[path] = self._make(record)
        return made


class Traceability:
    """Objectives, addresses, compliance and deviations of every record, indexed both ways.

    The objectives of the projects are indexed at once (a few records); each decision's
    own entries when first asked for; the indexes from an objective or a standard back
    to the decisions (which read every decision) when one of them is first asked for."""

    def __init__(self, records: list[Record], by_id: dict[str, Record]) -> None:
        self._records = records
        self._by_id = by_id
        self._by_path = {record.path: record for record in records}
        self._serving: dict[tuple[str, str], list[Objective]] = {}
        self._standards_of: dict[str, list[Record]] = {}
        self.objectives: dict[str, list[Objective]] = {}
        self.addresses: _PerDecision[list[Addressed]] = _PerDecision(self._by_path, addressed_by)
        self.deviations: _PerDecision[list[Deviation]] = _PerDecision(self._by_path, _deviations)
        self._traces_to: dict[tuple[str, str], list[Trace]] = defaultdict(list)
        self._complying: dict[str, list[Record]] = defaultdict(list)
        self._deviating: dict[str, list[Deviation]] = defaultdict(list)
        self._in_project: dict[str, list[Record]] = defaultdict(list)
        self._indexed = False
        self.projects = [r for r in records if r.kind == "project"]
        self.standards = [r for r in records if r.kind == "standard"]
        for record in self.projects:
            objectives = objectives_of(record)
            self.objectives[record.path] = objectives
            for objective in objectives:
                for served in {s.strip().upper() for s in objective.serves}:
                    self._serving.setdefault((record.path, served), []).append(objective)

    def _index(self) -> None:
        """The indexes back from objectives, projects and standards to the decisions."""
        if self._indexed:
            return
        for record in self._records:
            if record.kind in ("project", "standard"):
                continue
            self._index_decision(record)
        self._indexed = True

    def _index_decision(self, record: Record) -> None:
        entries = self.addresses.get(record.path, [])
        projects = set()
        traced: set[tuple[str, str]] = set()  # `[QA-1, p/QA-1]` traces once
        for entry in entries:
            project = self.project_of(record, entry)
            objective = self.objective(project, entry.item_id) if project else None
            if project is None or objective is None:
                continue
            projects.add(project.path)
            if (project.path, objective.key) not in traced:
                traced.add((project.path, objective.key))
                self._traces_to[(project.path, objective.key)].append(
                    Trace(record, project, objective)
                )
        own = self.own_project(record)
        if own is not None:
            projects.add(own.path)
        for path in projects:
            self._in_project[path].append(record)
        for standard in self.named(record, "complies_with", "standard"):
            self._complying[standard.path].append(record)
        for deviation in self.deviations.get(record.path, []):
            departed = self.resolve(record, deviation.standard_id, "standard")
            if departed is not None:
                self._deviating[departed.path].append(deviation)

    # --- lookups ----------------------------------------------------------------

    def record(self, record_id: str, kind: str) -> Record | None:
        """The record with this id if it is of ``kind``."""
        found = self._by_id.get(normalise_id(record_id)) if record_id.strip() else None
        return found if found is not None and found.kind == kind else None

    def resolve(self, source: Record, text: str, kind: str) -> Record | None:
        """The record of ``kind`` that ``source`` names by id or by Markdown link."""
        target = reference_target(text, source.path)
        found = self._by_path.get(target) if target.endswith(".md") else None
        if found is not None:
            return found if found.kind == kind else None
        return self.record(target, kind)

    def named(self, source: Record, key: str, kind: str) -> list[Record]:
        """The records of ``kind`` a list field of ``source`` names, each once."""
        found: dict[str, Record] = {}
        for text in source.strings(key):
            record = self.resolve(source, text, kind)
            if record is not None:
                found.setdefault(record.path, record)
        return list(found.values())

    def own_project(self, record: Record) -> Record | None:
        """The project a decision's ``project`` field names."""
        value = record.value("project")
        return self.resolve(record, value, "project") if isinstance(value, str) else None

    def project_of(self, record: Record, entry: Addressed) -> Record | None:
        """The project an ``addresses`` entry means: the one it names, or the decision's."""
        if entry.short:
            return self.own_project(record)
        return self.record(entry.project_id, "project")

    def objective(self, project: Record, item_id: str) -> Objective | None:
        key = item_id.strip().upper()
        return next((o for o in self.objectives.get(project.path, []) if o.key == key), None)

    def traces_to(self, project: Record, objective: Objective) -> list[Trace]:
        """The decisions that name this objective in ``addresses``."""
        self._index()
        return self._traces_to.get((project.path, objective.key), [])

    def serving(self, project: Record, objective: Objective) -> list[Objective]:
        """The requirements and quality attributes that say they serve this objective."""
        return self._serving.get((project.path, objective.key), []) if objective.key else []

    def decisions_in(self, project: Record) -> list[Record]:
        """Decisions whose ``project`` is this one or that address one of its objectives."""
        self._index()
        return self._in_project.get(project.path, [])

    def complying(self, standard: Record, within: list[Record] | None = None) -> list[Record]:
        """Records that list the standard in ``complies_with`` (only those ``within``)."""
        self._index()
        found = self._complying.get(standard.path, [])
        if within is None:
            return found
        paths = {record.path for record in within}
        return [record for record in found if record.path in paths]

    def deviating(self, standard: Record, within: list[Record] | None = None) -> list[Deviation]:
        """Deviations from the standard (only of the records ``within``)."""
        self._index()
        found = self._deviating.get(standard.path, [])
        if within is None:
            return found
        paths = {record.path for record in within}
        return [deviation for deviation in found if deviation.decision.path in paths]

    # --- which standards apply where -----------------------------------------------

    def declared_standards(self, project: Record) -> list[Record]:
        """The standards a project lists in ``cross_cutting``."""
        return self.named(project, "cross_cutting", "standard")

    def required_standards(self, project: Record) -> list[Record]:
        """Mandatory standards in force (active or deprecated) that apply to this project."""
        return [
            standard
            for standard in self.standards
            if is_mandatory(standard)
            and standard.status in IN_FORCE
            and self.applies_to(standard, project)
        ]

    def applies_to(self, standard: Record, project: Record) -> bool:
        """Whether a standard's ``applies_to`` (default: every project) includes it."""
        scope = standard.strings("applies_to")
        if not scope or any(item.strip().lower() == APPLIES_TO_ALL for item in scope):
            return True
        return any(p.path == project.path for p in self.named(standard, "applies_to", "project"))

    def standards_of(self, project: Record) -> list[Record]:
        """Declared and required standards, each once, declared first."""
        cached = self._standards_of.get(project.path)
        if cached is None:
            seen: dict[str, Record] = {}
            for standard in self.declared_standards(project) + self.required_standards(project):
                seen.setdefault(standard.path, standard)
            cached = self._standards_of[project.path] = list(seen.values())
        return cached

    def projects_of(self, standard: Record) -> list[Record]:
        """Projects that declare the standard, or must because it is mandatory for them."""
        return [
            project
            for project in self.projects
            if any(s.path == standard.path for s in self.standards_of(project))
        ]


def is_mandatory(standard: Record) -> bool:
    return standard.value("mandatory") is True
