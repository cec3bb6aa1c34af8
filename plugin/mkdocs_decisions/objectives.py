"""A project's objectives, the standards that apply to it, and the decisions traced to both.

Projects list business objectives, ML requirements (a metric with a target),
quality attributes (a measure with a target) and constraints, each with an id.
Decisions name them in ``addresses`` as ``project-id/QA-1`` (or ``QA-1`` when
their own ``project`` is that project). Everything here is read from records
that are already parsed; nothing is read from disk.
"""

from __future__ import annotations

from dataclasses import dataclass

from .kinds import OBJECTIVE_LISTS, ItemSpec
from .model import Position, Record

# Statuses of decisions that count as "this objective is taken care of".
ADDRESSING_STATUSES = ("accepted", "implemented")


@dataclass(frozen=True)
class Objective:
    """One item of a project's objective lists, as written (values may be missing)."""

    spec: ItemSpec  # which list it is in
    index: int  # its place in that list
    id: str  # "" when the item has none
    title: str
    description: str
    metric: str
    measure: str
    target: str
    baseline: str
    negotiable: bool | None  # constraints only; None when not said (or not true/false)
    serves: tuple[str, ...]  # ids of the business objectives it serves
    position: Position  # of the item in the file
    raw: object  # the item as YAML gave it, for the checks

    @property
    def key(self) -> str:
        """The id as compared: case does not matter."""
        return self.id.strip().upper()

    def position_of(self, record: Record, name: str) -> Position:
        """Where a key of this item is written; the item itself when it is not."""
        found = record.fields.get(self.spec.key)
        if found is None:
            return self.position
        return found.inner.get((self.index, name), self.position)


@dataclass(frozen=True)
class Addressed:
    """One entry of a decision's ``addresses``, resolved as far as it goes."""

    text: str  # as written
    project_id: str  # the project it names (or the decision's own), "" if none
    item_id: str
    position: Position


def objectives_of(record: Record) -> list[Objective]:
    """Every item of every objective list of a project, in file order per list."""
    found: list[Objective] = []
    for spec in OBJECTIVE_LISTS:
        items = record.value(spec.key)
        if not isinstance(items, list):
            continue
        field = record.fields[spec.key]
        for index, raw in enumerate(items):
            position = field.inner.get((index,), field.value_position)
            values = raw if isinstance(raw, dict) else {}
            negotiable = values.get("negotiable")
            serves = values.get("serves") or ()
            if isinstance(serves, str):
                serves = (serves,)
            found.append(
                Objective(
                    spec=spec,
                    index=index,
                    id=_text(values.get("id")) if isinstance(raw, dict) else _text(raw),
                    title=_text(values.get("title")),
                    description=_text(values.get("description")),
                    metric=_text(values.get("metric")),
                    measure=_text(values.get("measure")),
                    target=_text(values.get("target")),
                    baseline=_text(values.get("baseline")),
                    negotiable=negotiable if isinstance(negotiable, bool) else None,
                    serves=tuple(_text(s) for s in serves if isinstance(s, str | int)),
                    position=position,
                    raw=raw,
                )
            )
    return found


def addressed_by(record: Record) -> list[Addressed]:
    """A decision's ``addresses`` entries, short ids completed with its own project."""
    found = record.fields.get("addresses")
    if found is None or not isinstance(found.value, list):
        return []
    own_project = _text(record.value("project"))
    entries = []
    for index, value in enumerate(found.value):
        text = _text(value)
        if not text:
            continue
        project_id, _, item_id = text.rpartition("/")
        entries.append(
            Addressed(
                text=text,
                project_id=project_id.strip() or own_project,
                item_id=item_id.strip(),
                position=found.inner.get((index,), found.value_position),
            )
        )
    return entries


def deviations_of(record: Record) -> list[tuple[str, str, Position]]:
    """A decision's ``deviates_from`` as (standard id, reason, position of the entry)."""
    found = record.fields.get("deviates_from")
    if found is None or not isinstance(found.value, list):
        return []
    deviations = []
    for index, entry in enumerate(found.value):
        position = found.inner.get((index,), found.value_position)
        if isinstance(entry, dict):
            deviations.append((_text(entry.get("standard")), _text(entry.get("reason")), position))
        else:
            deviations.append((_text(entry), "", position))
    return deviations


def is_addressing(record: Record) -> bool:
    """Whether a decision in this status counts as taking care of what it addresses."""
    return record.status in ADDRESSING_STATUSES


def _text(value: object) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(str(value).split())
