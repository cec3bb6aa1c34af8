"""Which decisions serve which project objectives, and which follow or deviate from which
standards: computed once per build from the corpus, read by the checks and the site."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .model import Position, Record
from .objectives import Addressed, Objective, addressed_by, deviations_of, objectives_of
from .records import APPLIES_TO_ALL, normalise_id


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


class Traceability:
    """Objectives, addresses, compliance and deviations of every record, indexed both ways."""

    def __init__(self, records: list[Record], by_id: dict[str, Record]) -> None:
        self._by_id = by_id
        self.objectives: dict[str, list[Objective]] = {}
        self.addresses: dict[str, list[Addressed]] = {}
        self.deviations: dict[str, list[Deviation]] = {}
        self._traces_to: dict[tuple[str, str], list[Trace]] = defaultdict(list)
        self._complying: dict[str, list[Record]] = defaultdict(list)
        self._deviating: dict[str, list[Deviation]] = defaultdict(list)
        self._in_project: dict[str, list[Record]] = defaultdict(list)
        self.projects = [r for r in records if r.kind == "project"]
        self.standards = [r for r in records if r.kind == "standard"]
        for record in self.projects:
            self.objectives[record.path] = objectives_of(record)
        for record in records:
            if record.kind in ("project", "standard"):
                continue
            self._index_decision(record)

    def _index_decision(self, record: Record) -> None:
        entries = addressed_by(record)
        self.addresses[record.path] = entries
        projects = set()
        for entry in entries:
            project = self.record(entry.project_id, "project")
            objective = self.objective(project, entry.item_id) if project else None
            if project is not None and objective is not None:
                self._traces_to[(project.path, objective.key)].append(
                    Trace(record, project, objective)
                )
                projects.add(project.path)
        own = self.record(str(record.value("project") or ""), "project")
        if own is not None:
            projects.add(own.path)
        for path in projects:
            self._in_project[path].append(record)
        for standard_id in record.strings("complies_with"):
            standard = self.record(standard_id, "standard")
            if standard is not None:
                self._complying[standard.path].append(record)
        deviations = [Deviation(record, *entry) for entry in deviations_of(record)]
        self.deviations[record.path] = deviations
        for deviation in deviations:
            standard = self.record(deviation.standard_id, "standard")
            if standard is not None:
                self._deviating[standard.path].append(deviation)

    # --- lookups ----------------------------------------------------------------

    def record(self, record_id: str, kind: str) -> Record | None:
        """The record with this id if it is of ``kind``."""
        found = self._by_id.get(normalise_id(record_id)) if record_id.strip() else None
        return found if found is not None and found.kind == kind else None

    def objective(self, project: Record, item_id: str) -> Objective | None:
        key = item_id.strip().upper()
        return next((o for o in self.objectives.get(project.path, []) if o.key == key), None)

    def traces_to(self, project: Record, objective: Objective) -> list[Trace]:
        """The decisions that name this objective in ``addresses``."""
        return self._traces_to.get((project.path, objective.key), [])

    def serving(self, project: Record, objective: Objective) -> list[Objective]:
        """The requirements and quality attributes that say they serve this objective."""
        return [
            other
            for other in self.objectives.get(project.path, [])
            if objective.key and objective.key in {s.upper() for s in other.serves}
        ]

    def decisions_in(self, project: Record) -> list[Record]:
        """Decisions whose ``project`` is this one or that address one of its objectives."""
        return self._in_project.get(project.path, [])

    def complying(self, standard: Record, within: list[Record] | None = None) -> list[Record]:
        """Records that list the standard in ``complies_with`` (only those ``within``)."""
        found = self._complying.get(standard.path, [])
        if within is None:
            return found
        paths = {record.path for record in within}
        return [record for record in found if record.path in paths]

    def deviating(self, standard: Record, within: list[Record] | None = None) -> list[Deviation]:
        """Deviations from the standard (only of the records ``within``)."""
        found = self._deviating.get(standard.path, [])
        if within is None:
            return found
        paths = {record.path for record in within}
        return [deviation for deviation in found if deviation.decision.path in paths]

    # --- which standards apply where -----------------------------------------------

    def declared_standards(self, project: Record) -> list[Record]:
        """The standards a project lists in ``cross_cutting``."""
        found = [self.record(i, "standard") for i in project.strings("cross_cutting")]
        return [standard for standard in found if standard is not None]

    def required_standards(self, project: Record) -> list[Record]:
        """Mandatory standards in force (active or deprecated) that apply to this project."""
        return [
            standard
            for standard in self.standards
            if is_mandatory(standard)
            and standard.status in ("active", "deprecated")
            and applies_to(standard, project)
        ]

    def standards_of(self, project: Record) -> list[Record]:
        """Declared and required standards, each once, declared first."""
        seen: dict[str, Record] = {}
        for standard in self.declared_standards(project) + self.required_standards(project):
            seen.setdefault(standard.path, standard)
        return list(seen.values())

    def projects_of(self, standard: Record) -> list[Record]:
        """Projects that declare the standard, or must because it is mandatory for them."""
        return [
            project
            for project in self.projects
            if any(s.path == standard.path for s in self.standards_of(project))
        ]


def is_mandatory(standard: Record) -> bool:
    return standard.value("mandatory") is True


def applies_to(standard: Record, project: Record) -> bool:
    """Whether a standard's ``applies_to`` (default: every project) includes the project."""
    scope = standard.strings("applies_to")
    if not scope or any(item.strip().lower() == APPLIES_TO_ALL for item in scope):
        return True
    return normalise_id(project.id) in {normalise_id(item) for item in scope}
