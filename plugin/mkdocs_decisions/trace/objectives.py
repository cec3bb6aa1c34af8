"""A project's objectives, the standards that apply to it, and the decisions traced to both.

Projects list business objectives, ML requirements (a metric with a target),
quality attributes (a measure with a target) and constraints, each with an id.
Decisions name them in ``addresses`` as ``project-id/QA-1`` (or ``QA-1`` when
their own ``project`` is that project). Everything here is read from records
that are already parsed; nothing is read from disk.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue.findings import Position
from ..records.kinds import OBJECTIVE_LISTS, ItemSpec
from ..records.model import Record

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

    def position_of(self, record: Record, *path: str | int) -> Position:
        """Where a value of this item is written (``"serves", 1`` for the second entry of
        its ``serves``; ``name, KEY`` for a key itself); the item itself when unknown."""
        found = record.fields.get(self.spec.key)
        if found is None:
            return self.position
        return found.inner.get((self.index, *path), self.position)


@dataclass(frozen=True)
class Addressed:
    """One entry of a decision's ``addresses``, resolved as far as it goes."""

    text: str  # as written
    project_id: str  # the project named before the `/`; "" for a short id
    item_id: str
    position: Position

    @property
    def short(self) -> bool:
        """Written without a project (``QA-1``): it means the decision's own project."""
        return "/" not in self.text


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
            # An item that is not a mapping has no id: DEC507 reports it, nothing traces to it.
            values = raw if isinstance(raw, dict) else {}
            negotiable = values.get("negotiable")
            found.append(
                Objective(
                    spec=spec,
                    index=index,
                    id=_text(values.get("id")),
                    title=_text(values.get("title")),
                    description=_text(values.get("description")),
                    metric=_text(values.get("metric")),
                    measure=_text(values.get("measure")),
                    target=_text(values.get("target")),
                    baseline=_text(values.get("baseline")),
                    negotiable=negotiable if isinstance(negotiable, bool) else None,
                    serves=tuple(_text(s) for s in _as_list(values.get("serves"))),
                    position=position,
                    raw=raw,
                )
            )
    return found


def addressed_by(record: Record) -> list[Addressed]:
    """A decision's ``addresses`` entries as written."""
    found = record.fields.get("addresses")
    if found is None or not isinstance(found.value, list):
        return []
    entries = []
    for index, value in enumerate(found.value):
        text = _text(value)
        if not text:
            continue
        project_id, _, item_id = text.rpartition("/")
        entries.append(
            Addressed(
                text=text,
                project_id=project_id.strip(),
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
            deviations.append((_text(entry) if is_scalar(entry) else "", "", position))
    return deviations


def is_addressing(record: Record) -> bool:
    """Whether a decision in this status counts as taking care of what it addresses."""
    return record.status in ADDRESSING_STATUSES


def _as_list(value: object) -> list[object]:
    """A list value, a single scalar as a list of one; anything else as nothing."""
    if isinstance(value, list):
        return [item for item in value if is_scalar(item)]
    return [value] if is_scalar(value) else []


def is_scalar(value: object) -> bool:
    """A value that can be shown as one piece of text (not a list, mapping or true/false)."""
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _text(value: object) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(str(value).split())
